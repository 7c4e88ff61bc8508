import { describe, expect, it } from 'vitest';
import { mergeSpans, spansOf } from './spans.ts';

const H = 3_600_000;

describe('spansOf', () => {
  it('covers instants with one span per cluster, split at gaps over gapMs', () => {
    // 0, 1 h, 2 h form one cluster (gaps of 1 h ≤ 1 h); 10 h is 8 h after 2 h: a span of its own.
    expect(spansOf([2 * H, 0, 10 * H, H], H, 10)).toEqual([
      [0, 2 * H],
      [10 * H, 10 * H],
    ]);
  });

  it('gives no span for no instant', () => {
    expect(spansOf([], H, 10)).toEqual([]);
  });

  it('joins the closest clusters first when there are more than maxSpans', () => {
    // Clusters at 0, 5 h, 7 h and 30 h: the smallest gap (5 h → 7 h, 2 h) goes first, then 0 → 5 h.
    expect(spansOf([0, 5 * H, 7 * H, 30 * H], H, 3)).toEqual([
      [0, 0],
      [5 * H, 7 * H],
      [30 * H, 30 * H],
    ]);
    expect(spansOf([0, 5 * H, 7 * H, 30 * H], H, 2)).toEqual([
      [0, 7 * H],
      [30 * H, 30 * H],
    ]);
  });
});

describe('mergeSpans', () => {
  it('unites overlapping, touching and near spans and keeps far ones apart', () => {
    expect(
      mergeSpans(
        [
          [10 * H, 12 * H],
          [0, 2 * H],
          [H, 3 * H], // overlaps the first
          [3.5 * H, 4 * H], // 30 min after it
          [20 * H, 21 * H],
        ],
        H,
        10,
      ),
    ).toEqual([
      [0, 4 * H],
      [10 * H, 12 * H],
      [20 * H, 21 * H],
    ]);
  });

  it('keeps a span inside another one inside it', () => {
    expect(
      mergeSpans(
        [
          [0, 10 * H],
          [2 * H, 3 * H],
        ],
        0,
        5,
      ),
    ).toEqual([[0, 10 * H]]);
  });
});
