/**
 * Small deterministic random numbers for the demo generator: a seeded stream (mulberry32) for
 * sequential draws, and stateless integer hashes for properties that other days must be able to
 * recompute without replaying a stream (who a caller is, whether an operator is absent).
 *
 * mulberry32: Tommy Ettinger's 32-bit generator, https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 * hash mixing: the 32-bit finaliser of MurmurHash3 (fmix32), https://github.com/aappleby/smhasher
 */

const TWO_POW_32 = 4294967296;

/** MurmurHash3's fmix32: a bijective avalanche of a 32-bit integer. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of up to four integers (each taken modulo 2^32). */
export function hash32(a: number, b = 0, c = 0, d = 0): number {
  let h = fmix32((a | 0) ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(b | 0, 0x27d4eb2f));
  h = fmix32(h ^ Math.imul(c | 0, 0x165667b1));
  h = fmix32(h ^ Math.imul(d | 0, 0x85ebca77));
  return h;
}

/** A uniform number in [0, 1) from hash32 of the same arguments. */
export function hashUnit(a: number, b = 0, c = 0, d = 0): number {
  return hash32(a, b, c, d) / TWO_POW_32;
}

/** A 32-bit hash of a string (FNV-1a then fmix32), for deriving seeds from labels. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** A seeded stream of uniform numbers; methods, not closures, so draws stay cheap. */
export class Random {
  private state: number;
  /** A second normal deviate from the last Box–Muller pair, or NaN. */
  private spareNormal = NaN;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Standard normal (Box–Muller, polar-free form; the pair's second value is kept). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = NaN;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /**
   * Lognormal with the given mean and shape sigma (of the underlying normal):
   * mu = ln(mean) − sigma²/2, so that E[X] = exp(mu + sigma²/2) = mean.
   */
  lognormal(mean: number, sigma: number): number {
    return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * this.normal());
  }

  /** Index drawn from cumulative weights (ascending, last = total). */
  pick(cumulative: Float64Array): number {
    const u = this.next() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Cumulative sums of weights, for Random.pick. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) out[i] = sum += weights[i];
  return out;
}
