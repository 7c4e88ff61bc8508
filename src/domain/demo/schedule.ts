/**
 * One day's plan for the operators: who is at work (roster minus days off and absences) and, for
 * each of them, the windows in which they may take calls — between login, the pauses (breaks,
 * lunch, Thursday training, coaching, technical) and logout. The queue simulation then moves a
 * pause later when a call runs into it, and the agent events are written from what happened.
 */

import type { PauseReason } from './catalog.ts';
import type { Roster } from './operators.ts';
import { Random } from './prng.ts';
import { localMinuteToMs } from './volume.ts';

/** Most windows a shift can have (login…pause, unpause…pause, …, unpause…logout). */
export const MAX_WINDOWS = 8;
/** Share of rostered operators absent on a day (sick leave, vacation). */
export const ABSENCE_SHARE = 0.05;
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
function shiftPauses(random: Random, start: number, length: number, thursday: boolean): Pause[] {
  const pauses: Pause[] = [];
  const jitter = (spread: number) => Math.round(random.between(-spread, spread));
  if (length >= 480) {
    pauses.push({ start: start + 120 + jitter(20), minutes: 15, reason: 'break' });
    pauses.push({ start: start + 240 + jitter(35), minutes: 60, reason: 'lunch' });
    // Weekly Thursday training per department takes the place of the afternoon break.
    pauses.push(
      thursday
        ? { start: start + length - 150 + jitter(30), minutes: 30, reason: 'training' }
        : { start: start + length - 120 + jitter(20), minutes: 15, reason: 'break' },
    );
  } else if (length >= 360) {
    pauses.push({ start: start + 100 + jitter(20), minutes: 15, reason: 'break' });
    pauses.push({ start: start + 220 + jitter(20), minutes: 30, reason: 'lunch' });
  } else {
    pauses.push({ start: start + 110 + jitter(30), minutes: 15, reason: 'break' });
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

/** The operators at work on a day and their call-taking windows. */
export function daySchedule(roster: Roster, seed: number, dayNumber: number, weekday: number, hourStarts: Float64Array): DaySchedule {
  const random = new Random(seed ^ Math.imul(dayNumber, 0x2c1b3c6d) ^ 0x5c4ed);
  const count = roster.agents.length;
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
    const absent = random.next() < ABSENCE_SHARE;
    if (absent || roster.daysOffMask[i] & (1 << weekday)) continue;
    const start = roster.shiftStartMinute[i];
    const end = start + roster.shiftLengthMinutes[i];
    const pauses = shiftPauses(random, start, roster.shiftLengthMinutes[i], weekday === 3);
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
