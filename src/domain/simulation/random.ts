/**
 * Seeded pseudo-random numbers for the simulation: deterministic for a seed, no I/O.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, PractRand-tested),
 * seeded through splitmix32 so that nearby seeds give unrelated streams. Two 32-bit outputs make
 * one double with 53 random bits.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

function splitmix32(state: number): () => number {
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded uniform generator on [0, 1).
 * @example const r = seededRandom(42); r() // the same sequence every run
 */
export function seededRandom(seed: number): Random {
  const init = splitmix32(Math.trunc(seed) | 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32(); // mix the seed in
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

/** An exponential draw with the given mean (inverse transform; 1 − u ∈ (0, 1] avoids log 0). */
export function exponential(random: Random, mean: number): number {
  return -mean * Math.log(1 - random());
}
