/**
 * Who calls: each contact of a day (its index k in arrival order) is a slot whose caller is
 * computed from hashes of (seed, day, k), so any day can name the callers of other days without
 * generating them. A share of slots are repeats: their caller is the caller of an earlier slot of
 * the same day or of the two days before (all within FCR's 72 h window), which is what brings
 * first-contact resolution down to 1414's ~88 %.
 */

import { hash32, hashUnit } from './prng.ts';

/** Share of contacts that repeat an earlier contact's caller. */
export const REPEAT_SHARE = 0.1;
/** Share of contacts with no caller id (DESIGN §5 "unknown"). */
export const UNKNOWN_SHARE = 0.03;

const SALT_REPEAT = 0x11;
const SALT_TARGET_DAY = 0x12;
const SALT_TARGET_INDEX = 0x13;
const SALT_UNKNOWN = 0x14;
const SALT_NUMBER = 0x15;

/** Kazakhstan's mobile prefixes (+7 7xx). */
const MOBILE_PREFIXES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];

export class CallerBook {
  constructor(
    private readonly seed: number,
    /** Number of contact slots of a day number (the same count that day generates). */
    private readonly slotCount: (dayNumber: number) => number,
  ) {}

  /** The raw caller of slot k of a day: a phone number, or 'anonymous'. */
  callerOf(dayNumber: number, k: number): string {
    let day = dayNumber;
    let index = k;
    // Follow repeats back to the slot that first called; each step goes strictly back in time.
    for (;;) {
      if (hashUnit(this.seed, day, index, SALT_REPEAT) >= REPEAT_SHARE) break;
      const u = hashUnit(this.seed, day, index, SALT_TARGET_DAY);
      const back = u < 0.45 ? 0 : u < 0.8 ? 1 : 2;
      const earlier = back === 0 ? index : this.slotCount(day - back);
      if (earlier === 0) break;
      const target = Math.floor(hashUnit(this.seed, day, index, SALT_TARGET_INDEX) * earlier);
      day -= back;
      index = target;
    }
    if (hashUnit(this.seed, day, index, SALT_UNKNOWN) < UNKNOWN_SHARE) return 'anonymous';
    const h = hash32(this.seed, day, index, SALT_NUMBER);
    const prefix = MOBILE_PREFIXES[h % MOBILE_PREFIXES.length];
    const subscriber = String(hash32(h, day, index) % 10_000_000).padStart(7, '0');
    return `+7${prefix}${subscriber}`;
  }
}
