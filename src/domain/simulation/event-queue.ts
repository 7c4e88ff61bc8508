/**
 * A binary min-heap of timed events (time + integer payload) on growable typed arrays: O(log n)
 * push and pop without allocating per event, which keeps a 500-agent day well under a second.
 */
export class EventQueue {
  private times = new Float64Array(1024);
  private payloads = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0] : Infinity;
  }

  push(time: number, payload: number): void {
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    // Sift up: move parents down until the new event's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.times[parent] <= time) break;
      this.times[i] = this.times[parent];
      this.payloads[i] = this.payloads[parent];
      i = parent;
    }
    this.times[i] = time;
    this.payloads[i] = payload;
  }

  /** Removes the earliest event and returns its payload. @throws RangeError when empty. */
  pop(): number {
    if (this.count === 0) throw new RangeError('pop from an empty event queue');
    const top = this.payloads[0];
    const last = --this.count;
    const time = this.times[last];
    const payload = this.payloads[last];
    let i = 0;
    // Sift down the last event from the root.
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.times[child + 1] < this.times[child]) child++;
      if (this.times[child] >= time) break;
      this.times[i] = this.times[child];
      this.payloads[i] = this.payloads[child];
      i = child;
    }
    this.times[i] = time;
    this.payloads[i] = payload;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const payloads = new Int32Array(this.payloads.length * 2);
    times.set(this.times);
    payloads.set(this.payloads);
    this.times = times;
    this.payloads = payloads;
  }
}
