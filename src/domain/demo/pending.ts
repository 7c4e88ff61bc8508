/**
 * Visits the simulation creates while it runs — the second leg of a transferred call, the
 * call-back to a caller who hung up — kept in a binary min-heap by entry time and merged with the
 * day's arrivals.
 */

import type { Channel } from '../events.ts';

export interface PendingVisit {
  enteredAtMs: number;
  callId: string;
  /** Language index (0 ru, 1 kk). */
  language: number;
  channel: Channel;
  callerHash: string;
  topic: string;
  callback: boolean;
}

export class PendingVisits {
  private readonly items: PendingVisit[] = [];

  get size(): number {
    return this.items.length;
  }

  /** Entry time of the earliest visit, or Infinity. */
  peekMs(): number {
    return this.items.length > 0 ? this.items[0].enteredAtMs : Infinity;
  }

  push(visit: PendingVisit): void {
    const items = this.items;
    let i = items.length;
    items.push(visit);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent].enteredAtMs <= visit.enteredAtMs) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = visit;
  }

  pop(): PendingVisit {
    const items = this.items;
    const first = items[0];
    const last = items.pop() as PendingVisit;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= items.length) break;
        if (child + 1 < items.length && items[child + 1].enteredAtMs < items[child].enteredAtMs) child++;
        if (items[child].enteredAtMs >= last.enteredAtMs) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return first;
  }
}
