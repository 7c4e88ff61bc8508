/**
 * Time spans: closed intervals of epoch milliseconds, kept few and sorted. A set of instants (the
 * entry times of a batch of visits) becomes the spans that cover it, split where the instants are
 * far apart, so that work done per span (a fact refresh) never covers the long gap between a late
 * event and current ones.
 */

/** [from, to], epoch ms, from ≤ to. */
export type Span = readonly [from: number, to: number];

/**
 * The union of `spans`, sorted: spans that overlap or lie at most `gapMs` apart become one, and
 * when more than `maxSpans` remain, the closest neighbours are joined until at most `maxSpans` do.
 */
export function mergeSpans(spans: readonly Span[], gapMs: number, maxSpans: number): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged = joinWithin(sorted, gapMs);
  if (merged.length <= maxSpans) return merged;
  // Join every gap up to the largest of the (length - maxSpans) smallest ones.
  const gaps = merged
    .slice(1)
    .map((s, i) => s[0] - merged[i][1])
    .sort((a, b) => a - b);
  return joinWithin(merged, gaps[merged.length - maxSpans - 1]);
}

/** The spans covering `times` (see mergeSpans); none for no time. */
export function spansOf(times: Iterable<number>, gapMs: number, maxSpans: number): Span[] {
  const sorted = Float64Array.from(times).sort();
  const spans: Span[] = [];
  let from = NaN;
  let to = NaN;
  for (const t of sorted) {
    if (t - to <= gapMs) {
      to = t;
      continue;
    }
    if (!Number.isNaN(from)) spans.push([from, to]);
    from = to = t;
  }
  if (!Number.isNaN(from)) spans.push([from, to]);
  return spans.length <= maxSpans ? spans : mergeSpans(spans, gapMs, maxSpans);
}

/** Sorted spans with every two neighbours at most `gapMs` apart joined. */
function joinWithin(sorted: readonly Span[], gapMs: number): Span[] {
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from - last[1] <= gapMs) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
