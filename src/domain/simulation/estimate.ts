/**
 * A mean with its 95 % confidence interval over independent replications:
 * mean ± t(0.975, n − 1) · s / √n (Student's t; e.g. Law, "Simulation Modeling and Analysis",
 * 5th ed., §9.4.1, the replication/deletion method).
 */
export interface Estimate {
  /** Null with no observations. */
  mean: number | null;
  /** Half-width of the 95 % interval; null with fewer than 2 observations. */
  halfWidth: number | null;
  /** Observations (replications that had any call, for rates). */
  count: number;
}

/** t(0.975, df) for df = 1…30 (any statistics table, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * t(0.975, df): the table up to 30, then the Cornish–Fisher expansion around z = 1.959964
 * (Abramowitz & Stegun 26.7.5), accurate to < 1e-4 there.
 */
export function studentT975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`degrees of freedom must be ≥ 1, got ${df}`);
  if (df <= 30) return T_975[Math.floor(df) - 1];
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

/**
 * @example estimate([0.88, 0.9, 0.89]) // { mean: 0.89, halfWidth: ≈ 0.0248, count: 3 }
 */
export function estimate(values: number[]): Estimate {
  const n = values.length;
  if (n === 0) return { mean: null, halfWidth: null, count: 0 };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { mean, halfWidth: null, count: 1 };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { mean, halfWidth: studentT975(n - 1) * Math.sqrt(variance / n), count: n };
}
