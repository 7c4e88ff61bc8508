/**
 * Exact rational arithmetic on bigints, for pay (DESIGN §9: "computed in exact arithmetic
 * (integers and fractions), rounding only where this section says").
 *
 * A Rational is always reduced with a positive denominator. Config and fact values arrive as JS
 * numbers written in decimal (4.75, 37.5, 1234.567); `fromDecimal` takes the decimal a number
 * prints as, so 4.75 is exactly 19/4 and 0.1 exactly 1/10 — never the binary approximation.
 */

export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('division by zero');
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const ZERO = rat(0);
export const ONE = rat(1);

const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** The exact value of the decimal that `String(x)` prints. @example fromDecimal(4.75) // 19/4 */
export function fromDecimal(x: number): Rational {
  const m = Number.isFinite(x) ? DECIMAL_RE.exec(String(x)) : null;
  if (!m) throw new RangeError(`not a finite number: ${x}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  const scale = BigInt(frac.length) - BigInt(exp);
  const digits = BigInt(sign + int + frac);
  return scale >= 0n ? rat(digits, 10n ** scale) : rat(digits * 10n ** -scale);
}

export const add = (a: Rational, b: Rational) => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational) => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational) => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational) => rat(a.n * b.d, a.d * b.n);

/** -1, 0 or 1 as a <, =, > b. */
export function cmp(a: Rational, b: Rational): number {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
}

export const min = (a: Rational, b: Rational) => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational) => (cmp(a, b) >= 0 ? a : b);

export function floor(a: Rational): bigint {
  const q = a.n / a.d; // truncates toward zero
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

export function ceil(a: Rational): bigint {
  return -floor(rat(-a.n, a.d));
}

/** Nearest integer, halves upward: 2.5 → 3, −2.5 → −2. */
export function roundHalfUp(a: Rational): bigint {
  return floor(add(a, rat(1, 2)));
}

/** The nearest double (correctly rounded while numerator and denominator are below 2^53). */
export function toNumber(a: Rational): number {
  const limit = 2n ** 53n;
  const abs = a.n < 0n ? -a.n : a.n;
  if (abs < limit && a.d < limit) return Number(a.n) / Number(a.d);
  return Number(toFixed(a, 20));
}

/**
 * Decimal string with `decimals` places, rounded half up (or by `round`, e.g. floor).
 * @example toFixed(rat(2, 3), 2) // '0.67'
 */
export function toFixed(a: Rational, decimals: number, round: (a: Rational) => bigint = roundHalfUp): string {
  const scaled = round(mul(a, rat(10n ** BigInt(decimals))));
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return (neg ? '-' : '') + int + (decimals > 0 ? '.' + frac : '');
}
