/**
 * How many contacts arrive on a day and when: a weekday/weekend/holiday level times an intraday
 * curve with morning and afternoon peaks and a lunch dip, and the local-time arithmetic that
 * turns local minutes into UTC instants.
 */

import { tzOffset } from '@date-fns/tz';
import { Random, hashUnit } from './prng.ts';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid local date 'YYYY-MM-DD'; RangeError otherwise. */
export function dayNumberOf(isoDate: string): number {
  const m = DATE_RE.exec(isoDate);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (new Date(ms).toISOString().slice(0, 10) === isoDate) return ms / DAY_MS;
  }
  throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
}

export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(dayNumber: number): number {
  return (new Date(dayNumber * DAY_MS).getUTCDay() + 6) % 7;
}

/** Contacts on an ordinary Wednesday, robot hours included (DESIGN §1: ~50,000 a day). */
export const WEEKDAY_CONTACTS = 46_000;
/** Level of each weekday relative to Wednesday; weekends 40–60 % of a weekday. */
const WEEKDAY_LEVEL = [1.1, 1.04, 1.0, 0.97, 0.93, 0.55, 0.45];
/** Level of a public holiday (below a Sunday), and the catch-up on the next working day. */
const HOLIDAY_LEVEL = 0.33;
const AFTER_HOLIDAY_LEVEL = 1.18;
/** Small seasonality by month: quiet January and summer, busy September and December. */
const MONTH_LEVEL = [0.95, 1.0, 1.02, 1.0, 0.98, 0.96, 0.95, 0.97, 1.04, 1.02, 1.0, 1.03];

/** The number of contacts of a day: deterministic for (seed, day, holidays). */
export function dayContactCount(seed: number, dayNumber: number, isHoliday: (isoDate: string) => boolean): number {
  const date = isoDateOf(dayNumber);
  let level = WEEKDAY_LEVEL[weekdayIndex(dayNumber)] * MONTH_LEVEL[Number(date.slice(5, 7)) - 1];
  if (isHoliday(date)) level *= HOLIDAY_LEVEL;
  else if (isHoliday(isoDateOf(dayNumber - 1))) level *= AFTER_HOLIDAY_LEVEL;
  // Day-to-day noise of ±3 % (one standard deviation), from a hash so any day can recompute it.
  const u1 = hashUnit(seed, dayNumber, 0x5ca1e);
  const u2 = hashUnit(seed, dayNumber, 0x5ca1f);
  const z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  return Math.max(0, Math.round(WEEKDAY_CONTACTS * level * (1 + 0.03 * z)));
}

/**
 * Relative arrival rate at each local hour (value at the hour's middle, interpolated linearly):
 * the robot's quiet night, a morning peak at 10–11, a dip at lunch (13:00), an afternoon peak at
 * 15:00, and a long evening decline. About 12 % of contacts fall outside 09:00–21:00.
 */
const HOURLY_RATE = [
  0.6,
  0.4,
  0.3,
  0.25,
  0.25,
  0.3,
  0.6,
  1.2,
  2.4, // 00–08: the robot
  5.6,
  7.6,
  8.6,
  8.4,
  7.3,
  8.1,
  8.5,
  8.3,
  7.6,
  5.6,
  4.3,
  3.4, // 09–20: operators
  2.0,
  1.4,
  0.9, // 21–23: the robot
];

/** Cumulative arrival weight per local minute (1440 entries), from HOURLY_RATE. */
function minuteCurve(): Float64Array {
  const cumulative = new Float64Array(1440);
  let sum = 0;
  for (let m = 0; m < 1440; m++) {
    const hourPosition = (m + 0.5) / 60 - 0.5;
    const h0 = Math.floor(hourPosition);
    const frac = hourPosition - h0;
    const a = HOURLY_RATE[(h0 + 24) % 24];
    const b = HOURLY_RATE[(h0 + 1) % 24];
    sum += a + (b - a) * frac;
    cumulative[m] = sum;
  }
  return cumulative;
}

const MINUTE_CURVE = minuteCurve();

/** Share of a day's contacts that arrive between two local minutes (for tests and tuning). */
export function curveShare(fromMinute: number, toMinute: number): number {
  const total = MINUTE_CURVE[1439];
  const at = (m: number) => (m <= 0 ? 0 : MINUTE_CURVE[Math.min(1439, m - 1)]);
  return (at(toMinute) - at(fromMinute)) / total;
}

/**
 * A surge: part of the day's contacts crowd into one window (an e-gov outage, a news item about
 * benefits). Planners cannot foresee it, so it is what makes some callers wait minutes while the
 * rest of the day runs smoothly — the mix behind 1414's 18 s average wait with a high service level.
 */
export interface Surge {
  startMinute: number;
  minutes: number;
  /** Share of the day's contacts that arrive in the surge instead of on the curve. */
  share: number;
}

/** The day's surge, from hashes of (seed, day) so other days can recompute it. */
export function daySurge(seed: number, dayNumber: number): Surge {
  return {
    startMinute: 600 + Math.floor(hashUnit(seed, dayNumber, 0x5e1) * 420),
    minutes: 20 + Math.floor(hashUnit(seed, dayNumber, 0x5e2) * 21),
    share: 0.036 + 0.01 * hashUnit(seed, dayNumber, 0x5e3),
  };
}

/** Sorted local arrival times (fractional minutes since local midnight) of `count` contacts. */
export function arrivalMinutes(random: Random, count: number, surge: Surge): Float64Array {
  const out = new Float64Array(count);
  const total = MINUTE_CURVE[1439];
  for (let i = 0; i < count; i++) {
    if (random.next() < surge.share) {
      out[i] = surge.startMinute + random.next() * surge.minutes;
      continue;
    }
    const u = random.next() * total;
    let lo = 0;
    let hi = 1439;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (MINUTE_CURVE[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    const below = lo === 0 ? 0 : MINUTE_CURVE[lo - 1];
    out[i] = lo + (u - below) / (MINUTE_CURVE[lo] - below);
  }
  return out.sort();
}

/**
 * UTC instants of the local hours 0…24 of a day in a time zone (25 entries), so a local minute
 * maps to an instant with one lookup. Offsets are read per hour, so DST days come out right
 * except inside the skipped or repeated hour itself.
 */
export function localHourStarts(dayNumber: number, timeZone: string): Float64Array {
  const out = new Float64Array(25);
  const localMidnightAsUtc = dayNumber * DAY_MS;
  for (let h = 0; h <= 24; h++) {
    const wall = localMidnightAsUtc + h * 3_600_000;
    const guess = wall - tzOffset(timeZone, new Date(wall)) * 60_000;
    out[h] = wall - tzOffset(timeZone, new Date(guess)) * 60_000;
  }
  return out;
}

/** UTC epoch ms of a local minute of the day (0 ≤ minute ≤ 1440), rounded to the millisecond. */
export function localMinuteToMs(hourStarts: Float64Array, minute: number): number {
  const h = Math.min(23, Math.floor(minute / 60));
  return Math.round(hourStarts[h] + (minute - h * 60) * 60_000);
}
