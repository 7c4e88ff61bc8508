import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { exponential, seededRandom } from './random.ts';

describe('EventQueue', () => {
  it('pops events in time order, growing past its initial capacity', () => {
    const q = new EventQueue();
    const random = seededRandom(7);
    const times: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = random() * 1000;
      times.push(t);
      q.push(t, i);
    }
    const popped: number[] = [];
    while (q.size > 0) {
      const t = q.peekTime();
      popped.push(times[q.pop()]);
      expect(popped[popped.length - 1]).toBe(t);
    }
    expect(popped).toEqual([...times].sort((a, b) => a - b));
    expect(q.peekTime()).toBe(Infinity);
    expect(() => q.pop()).toThrow(RangeError);
  });
});

describe('seededRandom', () => {
  it('is deterministic per seed, uniform on [0, 1), and gives exponentials with the right mean', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const xs = Array.from({ length: 100_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(c()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 2);
    const r = seededRandom(3);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += exponential(r, 180);
    expect(sum / 100_000).toBeGreaterThan(178); // mean 180, s.e. 0.57
    expect(sum / 100_000).toBeLessThan(182);
  });
});
