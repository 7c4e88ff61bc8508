/**
 * Local dates of the centre's time zone ⇄ UTC instants. A local date 'YYYY-MM-DD' covers
 * [its midnight, the next midnight) in the zone.
 */
import { TZDate } from '@date-fns/tz';

/** Epoch ms of local midnight starting `isoDate` in `timeZone`. */
export function localMidnightMs(isoDate: string, timeZone: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime();
}

/** Epoch ms of the local wall-clock time `hh:mm` on `isoDate` in `timeZone`. */
export function localTimeMs(isoDate: string, hhmm: string, timeZone: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const [hh, mm] = hhmm.split(':').map(Number);
  return new TZDate(y, m - 1, d, hh, mm, 0, timeZone).getTime();
}

/** The date after `isoDate` (calendar arithmetic, no time zone involved). */
export function nextDate(isoDate: string, days = 1): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** [start, end) instants of the local dates from..to inclusive. */
export function localDateRange(from: string, to: string, timeZone: string): { startMs: number; endMs: number } {
  return { startMs: localMidnightMs(from, timeZone), endMs: localMidnightMs(nextDate(to), timeZone) };
}

/** The local date of an instant. */
export function localDateOf(ms: number, timeZone: string): string {
  const t = new TZDate(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a date. */
export function isoWeekday(isoDate: string): number {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
