/** Calendar and clock helpers of the roster: ISO weeks, local 'HH:MM' ⇄ minutes of the day. */

const WEEK = /^(\d{4})-W(\d{2})$/;

/**
 * The seven local dates (Monday … Sunday) of an ISO week 'YYYY-Www'; null when it is not one.
 * @example weekDates('2026-W20') // ['2026-05-11', …, '2026-05-17']
 */
export function weekDates(week: string): string[] | null {
  const m = WEEK.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  // ISO 8601: week 1 holds the year's first Thursday, i.e. 4 January.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
  const weeks = isoWeeksInYear(year);
  if (n < 1 || n > weeks) return null;
  return Array.from({ length: 7 }, (_, i) =>
    new Date(monday1 + ((n - 1) * 7 + i) * 86_400_000).toISOString().slice(0, 10),
  );
}

function isoWeeksInYear(year: number): number {
  // A year has 53 ISO weeks when 1 January is a Thursday, or a Wednesday in a leap year.
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** The ISO week 'YYYY-Www' of a date. */
export function isoWeekOf(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Minutes after midnight of 'HH:MM' (24:00 allowed as the end of the day). */
export function minutesOf(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[2]) > 59 || Number(m[1]) * 60 + Number(m[2]) > 1440)
    throw new RangeError(`expected HH:MM, got "${hhmm}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 'HH:MM' of minutes after midnight. */
export function hhmm(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
