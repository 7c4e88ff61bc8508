/**
 * What the calendar says about a date, for the volume forecast: its weekday and whether it is a
 * public holiday of Kazakhstan, another day off of a holiday break (carried-over or transferred),
 * a working day made of a weekend day, or the working day just before or after a break.
 * Each flag gets its own multiplicative factor in the model, learned from history (fit.ts).
 */
import { holidayBreak, isDayAfterHoliday, isDayBeforeHoliday, calendarDay } from '../calendar/kz-calendar.ts';
import { addDays, isoWeekday } from '../calendar/iso-date.ts';

export const SPECIAL_DAYS = ['holiday', 'day_off', 'after_holiday', 'before_holiday', 'transferred_working'] as const;
export type SpecialDay = (typeof SPECIAL_DAYS)[number];

/**
 * Prior factors relative to the date's ordinary weekday level, used while history holds no such
 * day (and blended with what it holds: see fit.ts). Rough figures of government hotlines: a holiday
 * is quieter than a Sunday, the first working day after a break catches up.
 */
export const SPECIAL_DAY_PRIOR: Record<SpecialDay, number> = {
  holiday: 0.35,
  day_off: 0.5,
  after_holiday: 1.15,
  before_holiday: 0.95,
  transferred_working: 1.8,
};

export interface DayFeatures {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  special: SpecialDay[];
}

const cache = new Map<string, DayFeatures>();

/**
 * @example dayFeatures('2026-10-25') // { weekday: 6, special: ['holiday'] } (Republic Day, a Sunday)
 * @example dayFeatures('2026-10-26') // { weekday: 0, special: ['day_off', 'after_holiday'] } (carried over)
 */
export function dayFeatures(date: string): DayFeatures {
  const hit = cache.get(date);
  if (hit) return hit;
  const day = calendarDay(date);
  const weekday = isoWeekday(date) - 1;
  const special: SpecialDay[] = [];
  if (day.kind === 'holiday') special.push('holiday');
  else if (!day.working && holidayBreak(date) !== null) special.push('day_off');
  if (day.kind === 'transferred-working') special.push('transferred_working');
  // After a public holiday (whatever follows it) or the first working day after a break.
  const previous = addDays(date, -1);
  if (!special.includes('holiday') && (calendarDay(previous).kind === 'holiday' || isDayAfterHoliday(date))) {
    special.push('after_holiday');
  }
  if (isDayBeforeHoliday(date)) special.push('before_holiday');
  const features = { weekday, special };
  cache.set(date, features);
  return features;
}
