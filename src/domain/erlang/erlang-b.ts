/**
 * Erlang B: the blocking probability of an M/M/N/N loss system with offered traffic A Erlangs.
 *
 * B(N, A) = (A^N / N!) / Σ_{k=0..N} A^k / k! is never evaluated as written: A^N and N! overflow
 * past N ≈ 170 (anchors §5, pitfall 1). We use the standard recursion
 *   B(0, A) = 1,   B(k, A) = A·B(k−1, A) / (k + A·B(k−1, A))
 * (e.g. Cooper, "Introduction to Queueing Theory", 2nd ed., §2.4; Wikipedia "Erlang (unit)"),
 * whose every step is a convex combination, so it neither overflows nor loses precision; it may
 * underflow to 0 when N ≫ A, which is the correct double. O(N) time, O(1) memory.
 */

function checkTraffic(trafficErlangs: number): void {
  if (!Number.isFinite(trafficErlangs) || trafficErlangs < 0) {
    throw new RangeError(`traffic must be a finite number of Erlangs ≥ 0, got ${trafficErlangs}`);
  }
}

function checkAgents(agents: number): void {
  if (!Number.isSafeInteger(agents) || agents < 0)
    throw new RangeError(`agents must be a whole number ≥ 0, got ${agents}`);
}

/** One step of the recursion: B(k, A) from B(k − 1, A). */
export function erlangBStep(previous: number, k: number, trafficErlangs: number): number {
  const x = trafficErlangs * previous;
  return x / (k + x);
}

/**
 * Erlang B blocking probability B(N, A); B(N, 0) = 0 for N ≥ 1 and B(0, A) = 1.
 * @example erlangB(30, 25) // ≈ 0.0530 (Mathematica docs: ErlangB(30 lines, 25 E) ≈ 0.05)
 * @throws RangeError unless agents is a whole number ≥ 0 and traffic a finite number ≥ 0.
 */
export function erlangB(agents: number, trafficErlangs: number): number {
  checkAgents(agents);
  checkTraffic(trafficErlangs);
  let b = 1;
  for (let k = 1; k <= agents && b > 0; k++) b = erlangBStep(b, k, trafficErlangs);
  return b;
}

/**
 * The fewest lines (agents) with blocking ≤ maxBlocking, searching from N = 0.
 * @example erlangBRequiredLines(10, 0.02) // 17 (pyworkforce ErlangB docstring)
 * @throws RangeError unless 0 < maxBlocking ≤ 1 (a blocking target of 0 has no finite answer).
 */
export function erlangBRequiredLines(trafficErlangs: number, maxBlocking: number): number {
  checkTraffic(trafficErlangs);
  if (!(maxBlocking > 0 && maxBlocking <= 1))
    throw new RangeError(`max blocking must be in (0, 1], got ${maxBlocking}`);
  let b = 1;
  let n = 0;
  while (b > maxBlocking) b = erlangBStep(b, ++n, trafficErlangs);
  return n;
}
