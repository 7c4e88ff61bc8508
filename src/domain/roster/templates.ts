/**
 * Shift templates: every allowed (length, start) pair of the config inside the opening hours,
 * with each break's window in minutes of the day. Template ids are indexes into the list.
 */
import type { RosterSettings } from './settings.ts';
import { minutesOf } from './time.ts';

export interface BreakWindow {
  kind: 'lunch' | 'break';
  minutes: number;
  paid: boolean;
  /** Earliest and latest start, minutes of the day, on the break grid. */
  earliestMin: number;
  latestMin: number;
}

export interface ShiftTemplate {
  id: number;
  /** Index into `settings.shifts` (its length and who may work it). */
  rule: number;
  startMin: number;
  endMin: number;
  paidMinutes: number;
  breaks: BreakWindow[];
}

/** Break starts lie on the requirement's interval grid, so coverage is exact per interval. */
export function shiftTemplates(settings: RosterSettings, intervalMinutes: number): ShiftTemplate[] {
  const open = minutesOf(settings.opening.from);
  const close = minutesOf(settings.opening.to);
  if (close <= open) throw new RangeError(`opening hours ${settings.opening.from}–${settings.opening.to} are empty`);
  const step = settings.start_every_minutes;
  const out: ShiftTemplate[] = [];
  settings.shifts.forEach((rule, r) => {
    const length = Math.round(rule.hours * 60);
    const unpaid = rule.breaks.filter((b) => !b.paid).reduce((s, b) => s + b.minutes, 0);
    for (let start = Math.ceil(open / step) * step; start + length <= close; start += step) {
      const breaks = rule.breaks.map((b): BreakWindow => {
        const earliestMin = start + Math.ceil(b.from_minutes / intervalMinutes) * intervalMinutes;
        const latest = Math.min(
          start + Math.floor(b.to_minutes / intervalMinutes) * intervalMinutes,
          start + length - b.minutes,
        );
        return {
          kind: b.kind,
          minutes: b.minutes,
          paid: b.paid,
          earliestMin,
          latestMin: Math.max(earliestMin, latest),
        };
      });
      out.push({
        id: out.length,
        rule: r,
        startMin: start,
        endMin: start + length,
        paidMinutes: length - unpaid,
        breaks,
      });
    }
  });
  return out;
}

/** Break starts a window allows, on the interval grid. */
export function breakStarts(w: BreakWindow, intervalMinutes: number): number[] {
  const out: number[] = [];
  for (let s = w.earliestMin; s <= w.latestMin; s += intervalMinutes) out.push(s);
  return out;
}

/** Templates an operator with these contract hours may work. */
export function templatesFor(templates: ShiftTemplate[], settings: RosterSettings, contractHours: number): number[] {
  return templates
    .filter((t) => {
      const c = settings.shifts[t.rule].contract_hours;
      return contractHours >= c.min && contractHours <= c.max;
    })
    .map((t) => t.id);
}
