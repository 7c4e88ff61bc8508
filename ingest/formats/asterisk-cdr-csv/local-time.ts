/**
 * Wall-clock date-times as Asterisk writes them (`YYYY-MM-DD HH:MM:SS[.ffffff]`, realtime
 * queue_log DATETIME, cdr_csv start/answer/end) turned into UTC instants. Such a time is in UTC
 * or in a configured IANA time zone; an explicit offset (`Z`, `+05:00`) in the text wins.
 *
 * Shared by the CDR and the realtime queue_log parsers. Offsets come from `@date-fns/tz`
 * (Intl) and are cached per local hour, because Intl lookups cost microseconds and a file has
 * millions of rows within a few thousand distinct hours.
 */
import { tzOffset } from '@date-fns/tz';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?))?$/;

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 100_000;
const offsetCaches = new Map<string, Map<number, number>>();

/** True when `timeZone` is 'UTC' or a zone name Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  return Number.isFinite(tzOffset(timeZone, new Date(0)));
}

/**
 * Epoch ms of a local (naive) wall-clock time in `timeZone`. Ambiguous times in a DST fall-back
 * take the later (standard time) offset; times skipped by a spring-forward shift by the gap.
 * NaN when the zone is unknown.
 */
export function localToUtcMs(naiveMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return naiveMs;
  let cache = offsetCaches.get(timeZone);
  if (!cache) offsetCaches.set(timeZone, (cache = new Map()));
  const hour = Math.floor(naiveMs / HOUR_MS);
  let offsetMs = cache.get(hour);
  if (offsetMs === undefined) {
    // The offset at the naive instant is a first guess; the offset at the corrected instant is
    // the one in force at that wall-clock time (except inside a DST gap).
    const guess = naiveMs - tzOffset(timeZone, new Date(naiveMs)) * 60_000;
    offsetMs = tzOffset(timeZone, new Date(guess)) * 60_000;
    if (cache.size >= MAX_CACHED_HOURS) cache.clear();
    cache.set(hour, offsetMs);
  }
  return naiveMs - offsetMs;
}

/**
 * Epoch ms of `YYYY-MM-DD HH:MM:SS[.fraction][offset]` (a `T` may replace the space), read in
 * `timeZone` when it has no offset; null when malformed or not a real date.
 *
 * @example parseWallClock('2024-03-01 10:00:00', 'Asia/Almaty') // Date.UTC(2024, 2, 1, 5)
 * @example parseWallClock('2024-03-01 10:00:00.250', 'UTC')     // Date.UTC(2024, 2, 1, 10, 0, 0, 250)
 */
export function parseWallClock(text: string, timeZone: string): number | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = +m[4];
  const minute = +m[5];
  const second = +m[6];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  const dayStart = Date.UTC(year, month - 1, day);
  if (new Date(dayStart).getUTCDate() !== day) return null; // 2024-02-30
  const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-6) : 0;
  const naive = dayStart + ((hour * 60 + minute) * 60 + second) * 1000 + fraction;
  const zone = m[8];
  if (zone === undefined) {
    const ms = localToUtcMs(naive, timeZone);
    return Number.isFinite(ms) ? ms : null;
  }
  if (zone === 'Z') return naive;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return naive - (zone[0] === '-' ? -1 : 1) * offsetMinutes * 60_000;
}
