/**
 * Civil-date arithmetic on local ISO dates ('YYYY-MM-DD') and months ('YYYY-MM').
 *
 * A civil date has no time zone: the arithmetic runs on UTC midnights, so the host's TZ never
 * matters. Invalid input (wrong shape, 2025-02-30) throws a RangeError naming the value.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a valid ISO date. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / DAY_MS;
    }
  }
  throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** The ISO date of a day number (inverse of `dayNumber`). */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** @example addDays('2025-12-31', 1) // '2026-01-01' */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const dow = new Date(dayNumber(date) * DAY_MS).getUTCDay(); // 0 = Sunday
  return dow === 0 ? 7 : dow;
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}

/** Validates 'YYYY-MM' and returns [year, month 1–12]. */
export function parseMonth(month: string): [number, number] {
  const m = MONTH_RE.exec(month);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return [Number(m[1]), Number(m[2])];
  throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
}

/** First and last date of a month. @example monthBounds('2024-02') // ['2024-02-01', '2024-02-29'] */
export function monthBounds(month: string): [string, string] {
  const [y, mo] = parseMonth(month);
  const first = Date.UTC(y, mo - 1, 1) / DAY_MS;
  const next = Date.UTC(y, mo, 1) / DAY_MS;
  return [fromDayNumber(first), fromDayNumber(next - 1)];
}

/** Every date of a month, in order. */
export function datesOfMonth(month: string): string[] {
  const [first, last] = monthBounds(month);
  const out: string[] = [];
  for (let d = dayNumber(first), end = dayNumber(last); d <= end; d++) out.push(fromDayNumber(d));
  return out;
}
