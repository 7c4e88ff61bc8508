/**
 * One day's plan for the operators: who is at work (roster minus days off and absences) and, for
 * each of them, the windows in which they may take calls — between login, the pauses (breaks,
 * lunch, Thursday training, coaching, technical) and logout. The queue simulation then moves a
 * pause later when a call runs into it, and the agent events are written from what happened.
 */

import type { PauseReason } from './catalog.ts';
import { SHIFT_TEMPLATES, type Roster } from './operators.ts';
import { Random, hashUnit } from './prng.ts';
import { localMinuteToMs } from './volume.ts';

/** Most windows a shift can have (login…pause, unpause…pause, …, unpause…logout). */
export const MAX_WINDOWS = 8;
/** Share of operators absent on a day (sick leave, vacation). */
export const ABSENCE_SHARE = 0.04;
/**
 * Operators planned per contact of the day: the planner's staffing rule (an Erlang forecast in
 * effect), fitted so that a weekday lands near 1414's published service figures.
 */
export const OPERATORS_PER_CONTACT = 0.0084;
/** Local minute the operators' hours end (21:00); shifts ending then may finish the queue. */
export const OPERATOR_HOURS_END_MINUTE = 21 * 60;
/** After 21:00 operators still answer calls that queued before it, for up to this long. */
const CLOSING_GRACE_MINUTES = 10;

export interface DaySchedule {
  /** Number of operators at work; slot s is roster operator agentIndex[s]. */
  slots: number;
  agentIndex: Int32Array;
  /** Window w of slot s at [s * MAX_WINDOWS + w]: may start calls in [start, end). */
  windowStartMs: Float64Array;
  windowEndMs: Float64Array;
  windowCount: Int32Array;
  /** Reason of the pause that follows window w (none after the last). */
  pauseReason: PauseReason[];
  /** Scheduled logout (the end of the shift); the last window may run past it. */
  shiftEndMs: Float64Array;
}

interface Pause {
  start: number;
  minutes: number;
  reason: PauseReason;
}

/** The pauses of one shift, in local minutes, sorted and never overlapping. */
function shiftPauses(random: Random, start: number, length: number, lunchAfter: number, thursday: boolean): Pause[] {
  const pauses: Pause[] = [];
  const jitter = (spread: number) => Math.round(random.between(-spread, spread));
  if (length >= 480) {
    // Breaks are staggered over an hour so that a shift's operators never leave all at once.
    pauses.push({ start: start + lunchAfter - 120 + jitter(30), minutes: 15, reason: 'break' });
    pauses.push({ start: start + lunchAfter + jitter(15), minutes: length >= 540 ? 60 : 30, reason: 'lunch' });
    // Weekly Thursday training per department takes the place of the afternoon break.
    const afternoon = Math.round((start + lunchAfter + 60 + start + length) / 2) + jitter(30);
    pauses.push(
      thursday
        ? { start: afternoon - 15, minutes: 30, reason: 'training' }
        : { start: afternoon, minutes: 15, reason: 'break' },
    );
  } else if (length >= 360) {
    pauses.push({ start: start + 90 + jitter(30), minutes: 15, reason: 'break' });
    pauses.push({ start: start + lunchAfter + jitter(15), minutes: 30, reason: 'lunch' });
  } else {
    pauses.push({ start: start + 120 + jitter(40), minutes: 15, reason: 'break' });
  }
  if (random.next() < 0.03) {
    pauses.push({ start: start + 60 + Math.round(random.next() * (length - 150)), minutes: 30, reason: 'coaching' });
  }
  if (random.next() < 0.04) {
    const minutes = 5 + random.int(11);
    pauses.push({ start: start + 30 + Math.round(random.next() * (length - 60)), minutes, reason: 'technical' });
  }
  pauses.sort((a, b) => a.start - b.start);
  const kept: Pause[] = [];
  let free = start + 20;
  for (const p of pauses) {
    if (p.start >= free && p.start + p.minutes <= start + length - 10) {
      kept.push(p);
      free = p.start + p.minutes + 20;
    }
  }
  return kept;
}

/**
 * Which operators work on a day: for each shift template, its share of the operators the day's
 * volume needs — those rostered for the day first, then (overtime) those on a day off; absent
 * operators never. Operators not needed take the day off in lieu.
 */
function operatorsAtWork(
  roster: Roster,
  seed: number,
  dayNumber: number,
  weekday: number,
  contactCount: number,
): Uint8Array {
  const atWork = new Uint8Array(roster.agents.length);
  // Thursday's training takes 15 min more than the break it replaces: plan 3 % more operators.
  const needed = contactCount * OPERATORS_PER_CONTACT * (weekday === 3 ? 1.03 : 1);
  SHIFT_TEMPLATES.forEach((template, t) => {
    const ranked = roster.agentsByTemplate[t]
      .filter((i) => hashUnit(seed, dayNumber, i, 0xab5e) >= ABSENCE_SHARE)
      .map((i) => ({
        i,
        rank: (roster.daysOffMask[i] >> weekday) & 1 ? 1 + hashUnit(seed, dayNumber, i) : hashUnit(seed, dayNumber, i),
      }))
      .sort((a, b) => a.rank - b.rank);
    const wanted = Math.min(ranked.length, Math.round(needed * template.share));
    for (let r = 0; r < wanted; r++) atWork[ranked[r].i] = 1;
  });
  return atWork;
}

/** The operators at work on a day and their call-taking windows. */
export function daySchedule(
  roster: Roster,
  seed: number,
  dayNumber: number,
  weekday: number,
  hourStarts: Float64Array,
  contactCount: number,
): DaySchedule {
  const random = new Random(seed ^ Math.imul(dayNumber, 0x2c1b3c6d) ^ 0x5c4ed);
  const count = roster.agents.length;
  const atWork = operatorsAtWork(roster, seed, dayNumber, weekday, contactCount);
  const schedule: DaySchedule = {
    slots: 0,
    agentIndex: new Int32Array(count),
    windowStartMs: new Float64Array(count * MAX_WINDOWS),
    windowEndMs: new Float64Array(count * MAX_WINDOWS),
    windowCount: new Int32Array(count),
    pauseReason: new Array<PauseReason>(count * MAX_WINDOWS),
    shiftEndMs: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    if (!atWork[i]) continue;
    const start = roster.shiftStartMinute[i];
    const end = start + roster.shiftLengthMinutes[i];
    const pauses = shiftPauses(random, start, roster.shiftLengthMinutes[i], roster.lunchAfterMinutes[i], weekday === 3);
    const s = schedule.slots++;
    const base = s * MAX_WINDOWS;
    schedule.agentIndex[s] = i;
    schedule.windowStartMs[base] = localMinuteToMs(hourStarts, start - random.next() * 4);
    let w = 0;
    for (const p of pauses) {
      schedule.windowEndMs[base + w] = localMinuteToMs(hourStarts, p.start);
      schedule.pauseReason[base + w] = p.reason;
      w++;
      schedule.windowStartMs[base + w] = localMinuteToMs(hourStarts, p.start + p.minutes);
    }
    const closing = end >= OPERATOR_HOURS_END_MINUTE ? CLOSING_GRACE_MINUTES : 0;
    schedule.windowEndMs[base + w] = localMinuteToMs(hourStarts, end + closing);
    schedule.windowCount[s] = w + 1;
    schedule.shiftEndMs[s] = localMinuteToMs(hourStarts, end);
  }
  return schedule;
}
