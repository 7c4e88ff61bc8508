/**
 * The operators at work during the queue simulation: when each is next free, kept in one binary
 * min-heap per skill group (Russian only, Kazakh only, bilingual) over typed arrays.
 *
 * An operator may start a call only inside a window of the day's schedule. A heap key can go
 * stale (an operator idle since 12:40 went to lunch at 13:00); `top` repairs stale keys lazily
 * when they reach the top, which is exact because a repaired key only grows. When a call runs past
 * a window's end, the pause starts when the call ends and keeps its planned length; the actual
 * pause and logout times are recorded for the agent events.
 */

import type { AgentEvent } from '../events.ts';
import { MAX_WINDOWS, type DaySchedule } from './schedule.ts';

export class AgentPool {
  /** When the slot is next free to take a call (or Infinity once logged out). */
  readonly freeAtMs: Float64Array;
  private readonly window: Int32Array;
  private readonly windowStartMs: Float64Array;
  private readonly pauseStartMs: Float64Array;
  private readonly pauseEndMs: Float64Array;
  private readonly logoutMs: Float64Array;
  private readonly heaps: Int32Array[];
  private readonly sizes: Int32Array;
  /** Start time found by the last `top` call. */
  startMs = 0;

  constructor(
    private readonly schedule: DaySchedule,
    /** Skill group (0, 1, 2) of each slot. */
    groupOfSlot: Uint8Array,
  ) {
    const n = schedule.slots;
    this.freeAtMs = new Float64Array(n);
    this.window = new Int32Array(n);
    this.windowStartMs = schedule.windowStartMs.slice();
    this.pauseStartMs = new Float64Array(n * MAX_WINDOWS);
    this.pauseEndMs = new Float64Array(n * MAX_WINDOWS);
    this.logoutMs = new Float64Array(n);
    this.heaps = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
    this.sizes = new Int32Array(3);
    for (let s = 0; s < n; s++) {
      this.freeAtMs[s] = this.windowStartMs[s * MAX_WINDOWS];
      const g = groupOfSlot[s];
      this.heaps[g][this.sizes[g]++] = s;
    }
    for (let g = 0; g < 3; g++) {
      for (let i = (this.sizes[g] >> 1) - 1; i >= 0; i--) this.siftDown(g, i);
    }
  }

  /**
   * The operator of group g who can start a call arriving at `atMs` the soonest (the one idle
   * longest when several are idle), or −1 when none is left today; `startMs` gets the start.
   */
  top(g: number, atMs: number): number {
    const heap = this.heaps[g];
    while (this.sizes[g] > 0) {
      const s = heap[0];
      const free = this.freeAtMs[s];
      if (free === Infinity) return -1;
      const start = free > atMs ? free : atMs;
      if (start < this.schedule.windowEndMs[s * MAX_WINDOWS + this.window[s]]) {
        this.startMs = start;
        return s;
      }
      this.leaveWindow(s);
      this.siftDown(g, 0);
    }
    return -1;
  }

  /** The operator at the top of group g is busy until `busyUntilMs`. */
  occupyTop(g: number, busyUntilMs: number): void {
    this.freeAtMs[this.heaps[g][0]] = busyUntilMs;
    this.siftDown(g, 0);
  }

  /** Close the current window of slot s: pause (or log out) when both it and any call ended. */
  private leaveWindow(s: number): void {
    const k = s * MAX_WINDOWS + this.window[s];
    const end = this.schedule.windowEndMs[k];
    const pauseAt = this.freeAtMs[s] > end ? this.freeAtMs[s] : end;
    if (this.window[s] + 1 >= this.schedule.windowCount[s]) {
      this.logoutMs[s] = Math.max(pauseAt, this.schedule.shiftEndMs[s]);
      this.freeAtMs[s] = Infinity;
      return;
    }
    const planned = this.schedule.windowStartMs[k + 1] - end;
    this.pauseStartMs[k] = pauseAt;
    this.pauseEndMs[k] = Math.max(this.schedule.windowStartMs[k + 1], pauseAt + planned);
    this.freeAtMs[s] = this.pauseEndMs[k];
    this.window[s]++;
  }

  /** Finish the day and write each operator's login, pauses and logout. */
  agentEvents(agentIdOfSlot: (s: number) => string): AgentEvent[] {
    const events: AgentEvent[] = [];
    for (let s = 0; s < this.schedule.slots; s++) {
      while (this.freeAtMs[s] !== Infinity) this.leaveWindow(s);
      const agentId = agentIdOfSlot(s);
      const base = s * MAX_WINDOWS;
      events.push({ agentId, atMs: this.windowStartMs[base], state: 'login', reason: '' });
      for (let w = 0; w + 1 < this.schedule.windowCount[s]; w++) {
        const reason = this.schedule.pauseReason[base + w];
        events.push({ agentId, atMs: Math.round(this.pauseStartMs[base + w]), state: 'pause', reason });
        events.push({ agentId, atMs: Math.round(this.pauseEndMs[base + w]), state: 'unpause', reason });
      }
      events.push({ agentId, atMs: Math.round(this.logoutMs[s]), state: 'logout', reason: '' });
    }
    return events;
  }

  private siftDown(g: number, i: number): void {
    const heap = this.heaps[g];
    const size = this.sizes[g];
    const key = this.freeAtMs;
    const item = heap[i];
    const itemKey = key[item];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && key[heap[child + 1]] < key[heap[child]]) child++;
      if (key[heap[child]] >= itemKey) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = item;
  }
}
