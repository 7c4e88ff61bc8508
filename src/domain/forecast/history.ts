/**
 * The history a forecast learns from, per skill (a language queue: ru, kk) and local date, at the
 * interval length of the forecast. Built from rows of 15-minute cells (what the query returns);
 * 30- and 60-minute intervals add up whole cells, so one fetch serves every interval length.
 */
import { addDays, dayNumber } from '../calendar/iso-date.ts';

export const BASE_SLOT_MINUTES = 15;
export const INTERVAL_MINUTES = [15, 30, 60] as const;
export type IntervalMinutes = (typeof INTERVAL_MINUTES)[number];

/** One skill's offered calls and handled work in one 15-minute local cell of one date. */
export interface HistoryCell {
  /** Local date YYYY-MM-DD. */
  date: string;
  skill: string;
  /** Index of the 15-minute cell in the local day, 0…95. */
  slot: number;
  offered: number;
  answered: number;
  /** Sum of talk + hold + wrap of the answered calls. */
  handleSeconds: number;
}

/** One skill's days, oldest first, each an array of `slotsPerDay` intervals. */
export interface SkillHistory {
  skill: string;
  intervalMinutes: IntervalMinutes;
  slotsPerDay: number;
  dates: string[];
  offered: Float64Array[];
  answered: Float64Array[];
  handleSeconds: Float64Array[];
}

export function isIntervalMinutes(value: number): value is IntervalMinutes {
  return (INTERVAL_MINUTES as readonly number[]).includes(value);
}

/**
 * Groups cells by skill and date. A date counts as observed when any skill has a cell on it (a
 * skill without calls that day gets zeros); dates with no cell at all are missing, not zero.
 * @throws RangeError for an interval length other than 15, 30 or 60, or a cell outside the day.
 */
export function buildHistory(cells: HistoryCell[], intervalMinutes: IntervalMinutes): SkillHistory[] {
  if (!isIntervalMinutes(intervalMinutes))
    throw new RangeError(`interval must be 15, 30 or 60 minutes, got ${intervalMinutes}`);
  const per = intervalMinutes / BASE_SLOT_MINUTES;
  const slotsPerDay = 1440 / intervalMinutes;
  const dates = [...new Set(cells.map((c) => c.date))].sort((a, b) => dayNumber(a) - dayNumber(b));
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const skills = [...new Set(cells.map((c) => c.skill))].sort();
  const out = skills.map((skill): SkillHistory => ({
    skill,
    intervalMinutes,
    slotsPerDay,
    dates,
    offered: dates.map(() => new Float64Array(slotsPerDay)),
    answered: dates.map(() => new Float64Array(slotsPerDay)),
    handleSeconds: dates.map(() => new Float64Array(slotsPerDay)),
  }));
  const bySkill = new Map(out.map((h) => [h.skill, h]));
  for (const c of cells) {
    if (!(Number.isInteger(c.slot) && c.slot >= 0 && c.slot < 96))
      throw new RangeError(`cell slot must be 0…95, got ${c.slot}`);
    const h = bySkill.get(c.skill)!;
    const d = dateIndex.get(c.date)!;
    const s = Math.floor(c.slot / per);
    h.offered[d][s] += c.offered;
    h.answered[d][s] += c.answered;
    h.handleSeconds[d][s] += c.handleSeconds;
  }
  return out;
}

/** The part of a skill's history with dates in [from, to) (either bound optional). */
export function sliceHistory(h: SkillHistory, from: string | null, to: string | null): SkillHistory {
  const lo = from === null ? -Infinity : dayNumber(from);
  const hi = to === null ? Infinity : dayNumber(to);
  const keep = h.dates.map((d) => dayNumber(d)).map((n) => n >= lo && n < hi);
  const pick = <T>(xs: T[]) => xs.filter((_, i) => keep[i]);
  return {
    ...h,
    dates: pick(h.dates),
    offered: pick(h.offered),
    answered: pick(h.answered),
    handleSeconds: pick(h.handleSeconds),
  };
}

/** Local start of interval `slot` of `date`: 'YYYY-MM-DDTHH:MM'. */
export function intervalStart(date: string, slot: number, intervalMinutes: number): string {
  const minutes = slot * intervalMinutes;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}`;
}

/** Dates from..to inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; dayNumber(d) <= dayNumber(to); d = addDays(d, 1)) out.push(d);
  return out;
}

export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}
