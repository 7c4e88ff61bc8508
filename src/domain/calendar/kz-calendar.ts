/**
 * Kazakhstan's production calendar (five-day week): which local dates are working days.
 *
 * A date is a working day when it is Monday–Friday and not a day off, or when a ministry order
 * made a weekend day a working day. Days off are: public holidays (`kz-calendar-data.ts`), the
 * day carried over for a holiday that falls on Saturday or Sunday (Law "On holidays" art. 5: the
 * next working day after the holiday; several such holidays stack, as Nauryz does; Orthodox
 * Christmas and Kurban ait never carry over) and the weekdays made days off by a ministry transfer.
 *
 * Years 2024–2027 come from explicit data (2027 provisional: no transfer order yet). Any other
 * year falls back to the statutory rules: the fixed-date holidays of today's law plus the
 * carry-over rule, with no transfers and without Kurban ait (a lunar date announced yearly) —
 * `calendarYearStatus` says which applies.
 *
 * Every function takes local ISO dates 'YYYY-MM-DD' (months 'YYYY-MM') and throws a RangeError
 * for anything else.
 */
import {
  HOLIDAY_NAMES,
  KZ_CALENDAR_DATA,
  NEVER_CARRIED_OVER,
  statutoryFixedHolidays,
  type CalendarLang,
  type HolidayId,
} from './kz-calendar-data.ts';
import { addDays, dayNumber, datesOfMonth, isWeekend, monthBounds } from './iso-date.ts';

export type { CalendarLang, HolidayId } from './kz-calendar-data.ts';

export type DayKind = 'working' | 'weekend' | 'holiday' | 'carried-over' | 'transferred-off' | 'transferred-working';

export interface CalendarDay {
  date: string;
  working: boolean;
  kind: DayKind;
  /** The holiday on this date, or for a carried-over day the holiday it stands in for. */
  holiday: HolidayId | null;
}

interface YearTable {
  status: 'official' | 'provisional' | 'statutory';
  special: Map<string, { kind: DayKind; holiday: HolidayId | null }>;
}

const tables = new Map<number, YearTable>();

function yearTable(year: number): YearTable {
  const cached = tables.get(year);
  if (cached) return cached;
  const data = KZ_CALENDAR_DATA[year];
  const holidays = data ? data.holidays : statutoryFixedHolidays(year);
  const special: YearTable['special'] = new Map();
  for (const [date, id] of holidays) {
    if (!special.has(date)) special.set(date, { kind: 'holiday', holiday: id });
  }
  // Carry-over, in date order so that stacked holidays (Nauryz) take successive days.
  const sorted = [...holidays].sort((a, b) => dayNumber(a[0]) - dayNumber(b[0]));
  for (const [date, id] of sorted) {
    if (!isWeekend(date) || NEVER_CARRIED_OVER.has(id)) continue;
    let d = addDays(date, 1);
    while (isWeekend(d) || special.has(d)) d = addDays(d, 1);
    special.set(d, { kind: 'carried-over', holiday: id });
  }
  for (const t of data?.transfers ?? []) {
    special.set(t.dayOff, { kind: 'transferred-off', holiday: null });
    special.set(t.workingDay, { kind: 'transferred-working', holiday: null });
  }
  const table: YearTable = { status: data ? data.status : 'statutory', special };
  tables.set(year, table);
  return table;
}

/** Whether a year's calendar is official data, provisional data, or the statutory fallback. */
export function calendarYearStatus(year: number): 'official' | 'provisional' | 'statutory' {
  return yearTable(year).status;
}

/**
 * @example calendarDay('2025-03-10') // { date, working: false, kind: 'carried-over', holiday: 'womens-day' }
 * @example calendarDay('2025-01-05') // { date, working: true, kind: 'transferred-working', holiday: null }
 */
export function calendarDay(date: string): CalendarDay {
  dayNumber(date); // validates
  const s = yearTable(Number(date.slice(0, 4))).special.get(date);
  if (s) {
    const working = s.kind === 'transferred-working';
    return { date, working, kind: s.kind, holiday: s.holiday };
  }
  const weekend = isWeekend(date);
  return { date, working: !weekend, kind: weekend ? 'weekend' : 'working', holiday: null };
}

/**
 * True on the date of a public holiday itself (Orthodox Christmas and Kurban ait included),
 * whatever the weekday; false on carried-over and transferred days off.
 * @example isPublicHoliday('2025-03-08') // true (a Saturday)
 * @example isPublicHoliday('2025-03-10') // false (the day off carried over for it)
 */
export function isPublicHoliday(date: string): boolean {
  return calendarDay(date).kind === 'holiday';
}

/**
 * True on a public holiday (whatever the weekday), a day off carried over for one, or a
 * transferred day off: the days a caller sees as holidays, when the line is quiet.
 * @example isHolidayDayOff('2026-10-26') // true (Monday, carried over for Republic Day on Sunday)
 * @example isHolidayDayOff('2025-01-05') // false (Sunday, a transferred working day)
 */
export function isHolidayDayOff(date: string): boolean {
  return isHolidayKind(calendarDay(date).kind);
}

/**
 * Monday–Friday minus days off, plus weekend days made working days by a transfer.
 * @example isWorkingDay('2025-01-03') // false (Friday, transferred day off)
 * @example isWorkingDay('2025-01-05') // true (Sunday, transferred working day)
 */
export function isWorkingDay(date: string): boolean {
  return calendarDay(date).working;
}

/**
 * Working days of a month, counted from `fromDate` (inclusive) when given: a date before the
 * month counts the whole month, a date after it gives 0.
 * @example workingDaysInMonth('2025-01') // 20
 * @example workingDaysInMonth('2025-01', '2025-01-20') // 10
 */
export function workingDaysInMonth(month: string, fromDate?: string): number {
  const [first] = monthBounds(month);
  const from = fromDate === undefined ? dayNumber(first) : dayNumber(fromDate);
  let n = 0;
  for (const d of datesOfMonth(month)) if (dayNumber(d) >= from && isWorkingDay(d)) n++;
  return n;
}

/**
 * The holiday's name on a public holiday or on the day off carried over for it; null otherwise.
 * @example holidayName('2026-03-23', 'ru') // 'Наурыз мейрамы'
 */
export function holidayName(date: string, lang: CalendarLang = 'en'): string | null {
  const id = calendarDay(date).holiday;
  return id ? HOLIDAY_NAMES[id][lang] : null;
}

export interface HolidayBreak {
  /** First and last day of the run of consecutive days off. */
  from: string;
  to: string;
  /** Holidays dated inside the run, in date order. */
  holidays: HolidayId[];
}

const isHolidayKind = (k: DayKind) => k === 'holiday' || k === 'carried-over' || k === 'transferred-off';

/**
 * The run of consecutive days off containing `date`, when that run holds a public holiday, a
 * carried-over or a transferred day off; null on working days and ordinary weekends.
 * @example holidayBreak('2025-08-31') // { from: '2025-08-30', to: '2025-09-01', holidays: ['constitution-day'] }
 */
export function holidayBreak(date: string): HolidayBreak | null {
  if (isWorkingDay(date)) return null;
  let from = date;
  while (!isWorkingDay(addDays(from, -1))) from = addDays(from, -1);
  let to = date;
  while (!isWorkingDay(addDays(to, 1))) to = addDays(to, 1);
  const holidays: HolidayId[] = [];
  let special = false;
  for (let d = from; dayNumber(d) <= dayNumber(to); d = addDays(d, 1)) {
    const day = calendarDay(d);
    if (isHolidayKind(day.kind)) special = true;
    if (day.kind === 'holiday' && day.holiday && !holidays.includes(day.holiday)) holidays.push(day.holiday);
  }
  return special ? { from, to, holidays } : null;
}

/**
 * A working day followed by a holiday break — the "day before a holiday" of a forecast.
 * @example isDayBeforeHoliday('2025-08-29') // true (Fri before Sat 30 Aug – Mon 1 Sep)
 */
export function isDayBeforeHoliday(date: string): boolean {
  return isWorkingDay(date) && holidayBreak(addDays(date, 1)) !== null;
}

/**
 * A working day preceded by a holiday break — the "day after a holiday" of a forecast.
 * @example isDayAfterHoliday('2025-09-02') // true
 */
export function isDayAfterHoliday(date: string): boolean {
  return isWorkingDay(date) && holidayBreak(addDays(date, -1)) !== null;
}
