/**
 * `createDemo`: a synthetic but believable history of a centre like line 1414 (DESIGN §1), for
 * `kezek demo`. Pure and deterministic: the same seed, time zone and holidays give the same
 * records, and a day's records do not depend on which other days were generated (repeat callers
 * are named from the seed, not from state).
 *
 * @example
 * const demo = createDemo({ seed: 1, timezone: 'Asia/Almaty', isHoliday: () => false, hashCaller: (raw) => raw });
 * const { calls, ratings, agentEvents } = demo.generateDay('2025-03-12');
 * // calls.length ≈ 50,000 (a Wednesday); demo.agents.length === 500
 */

import { tzOffset } from '@date-fns/tz';
import type { Agent } from '../events.ts';
import { CallerBook } from './callers.ts';
import { simulateDay, type DemoDay } from './day.ts';
import { createRoster } from './operators.ts';
import { dayContactCount, dayNumberOf } from './volume.ts';

export type { DemoDay } from './day.ts';

export interface DemoOptions {
  /** Any integer; the same seed gives the same history. */
  seed: number;
  /** IANA time zone of the centre, e.g. 'Asia/Almaty'. */
  timezone: string;
  /** Kazakhstan's public holidays (or any calendar), by local date 'YYYY-MM-DD'. */
  isHoliday: (isoDate: string) => boolean;
  /** Salted hash of a raw caller number; unknown callers get '' without a call. */
  hashCaller: (raw: string) => string;
}

export interface Demo {
  /** The 500 operators (the `agents` records). */
  agents: Agent[];
  /** All records of one local date: visits, ratings and agent events. RangeError on a bad date. */
  generateDay(isoDate: string): DemoDay;
}

export function createDemo(options: DemoOptions): Demo {
  const { seed, timezone, isHoliday, hashCaller } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`demo seed must be an integer: ${seed}`);
  if (Number.isNaN(tzOffset(timezone, new Date(0)))) throw new RangeError(`unknown time zone: ${timezone}`);
  const seed32 = (seed >>> 0) ^ Math.floor(seed / 2 ** 32);
  const roster = createRoster(seed32);
  const counts = new Map<number, number>();
  const slotCount = (dayNumber: number): number => {
    let count = counts.get(dayNumber);
    if (count === undefined) {
      count = dayContactCount(seed32, dayNumber, isHoliday);
      counts.set(dayNumber, count);
    }
    return count;
  };
  const callers = new CallerBook(seed32, slotCount);
  const context = { seed: seed32, timezone, roster, callers, hashCaller, slotCount };
  return {
    agents: roster.agents.map((agent) => ({ ...agent, languages: [...agent.languages] })),
    generateDay: (isoDate) => simulateDay(context, dayNumberOf(isoDate)),
  };
}
