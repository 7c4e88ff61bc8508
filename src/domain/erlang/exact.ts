/**
 * Exact decimal arithmetic for the staffing ceilings of DESIGN §6.
 *
 * Inputs such as a 30 % shrinkage or a 0.7 occupancy cap are decimals, but `1 - 0.3` and
 * `14 / 0.7` are not exact in binary floating point: `Math.ceil(14 / (1 - 0.3))` gives 21 instead
 * of 20 (anchors §5, pitfall 2; pyworkforce has this bug). Every ceiling and floor that decides a
 * head count is therefore taken on exact rationals of bigints.
 *
 * A `number` argument is read as its shortest round-trip decimal (`String(0.3)` is "0.3"), which is
 * the decimal the user typed whenever it has at most 15 significant digits; a `string` argument is
 * read as written.
 */

/** An exact rational n / d with d > 0. */
export interface Rational {
  n: bigint;
  d: bigint;
}

export type DecimalInput = number | string;

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * The exact value of a decimal.
 * @example toRational(0.3) // { n: 3n, d: 10n }
 * @example toRational('1.5e-3') // { n: 15n, d: 10000n }
 * @throws RangeError for NaN, ±Infinity or text that is not a decimal.
 */
export function toRational(value: DecimalInput): Rational {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value).trim();
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal: "${text}"`);
  const fraction = m[3] ?? '';
  const exponent = Number(m[4] ?? 0) - fraction.length;
  let n = BigInt((m[2] || '0') + fraction);
  if (m[1] === '-') n = -n;
  if (exponent >= 0) return { n: n * 10n ** BigInt(exponent), d: 1n };
  return reduce({ n, d: 10n ** BigInt(-exponent) });
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function reduce(r: Rational): Rational {
  const g = gcd(r.n, r.d);
  return g > 1n ? { n: r.n / g, d: r.d / g } : r;
}

export function multiply(a: Rational, b: Rational): Rational {
  return reduce({ n: a.n * b.n, d: a.d * b.d });
}

/** @throws RangeError when dividing by zero. */
export function divide(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('division by zero');
  const sign = b.n < 0n ? -1n : 1n;
  return reduce({ n: a.n * b.d * sign, d: a.d * b.n * sign });
}

export function subtract(a: Rational, b: Rational): Rational {
  return reduce({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
}

/** Sign of a − b: −1, 0 or 1. */
export function compare(a: Rational, b: Rational): number {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

export function floorRational(r: Rational): bigint {
  const q = r.n / r.d; // bigint division truncates toward zero
  return r.n < 0n && q * r.d !== r.n ? q - 1n : q;
}

export function ceilRational(r: Rational): bigint {
  return -floorRational({ n: -r.n, d: r.d });
}

/** The nearest double to r (exact for the integers and short decimals used here). */
export function rationalToNumber(r: Rational): number {
  const q = r.n / r.d;
  const rest = r.n - q * r.d;
  return Number(q) + Number(rest) / Number(r.d);
}

/**
 * Offered traffic A = calls × ahtSeconds / intervalSeconds (Erlangs), exactly.
 * @example trafficRational(100, 180, 1800) // { n: 10n, d: 1n }
 */
export function trafficRational(
  calls: DecimalInput,
  ahtSeconds: DecimalInput,
  intervalSeconds: DecimalInput,
): Rational {
  return divide(multiply(toRational(calls), toRational(ahtSeconds)), toRational(intervalSeconds));
}

/**
 * Agents to schedule so that `agents` remain after shrinkage: ceil(N / (1 − shrinkage)),
 * computed exactly (DESIGN §6).
 * @example scheduledAgents(14, 0.3) // 20 (14 / 0.7 = 20 exactly; Math.ceil gives 21)
 * @example scheduledAgents(21, 0.3) // 30
 * @throws RangeError unless agents is a whole number ≥ 0 and 0 ≤ shrinkage < 1.
 */
export function scheduledAgents(agents: number, shrinkage: DecimalInput = 0): number {
  if (!Number.isSafeInteger(agents) || agents < 0)
    throw new RangeError(`agents must be a whole number ≥ 0, got ${agents}`);
  const s = toRational(shrinkage);
  if (s.n < 0n || s.n >= s.d) throw new RangeError(`shrinkage must be in [0, 1), got ${shrinkage}`);
  return Number(ceilRational(divide({ n: BigInt(agents), d: 1n }, subtract({ n: 1n, d: 1n }, s))));
}

/**
 * The fewest agents with occupancy A / N ≤ maxOccupancy (the cap is inclusive, DESIGN §6):
 * ceil(A / maxOccupancy), exactly.
 * @example agentsForOccupancy(toRational(10.5), 0.7) // 15
 * @throws RangeError unless 0 < maxOccupancy ≤ 1.
 */
export function agentsForOccupancy(traffic: Rational, maxOccupancy: DecimalInput): number {
  const cap = toRational(maxOccupancy);
  if (cap.n <= 0n || cap.n > cap.d) throw new RangeError(`max occupancy must be in (0, 1], got ${maxOccupancy}`);
  return Number(ceilRational(divide(traffic, cap)));
}

/**
 * The fewest agents for which Erlang C is defined, the smallest integer N > A: floor(A) + 1
 * (not round(A + 1), which skips floor(A) + 1 when frac(A) ≥ 0.5; anchors §5, pitfall 3).
 * @example minStableAgents(toRational(10)) // 11
 * @example minStableAgents(toRational(10.5)) // 11
 */
export function minStableAgents(traffic: Rational): number {
  return Number(floorRational(traffic)) + 1;
}
