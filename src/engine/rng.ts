/**
 * Seeded randomness with one independent stream per (run, purpose).
 *
 * Generator: xoshiro128** (Blackman & Vigna 2018, https://prng.di.unimi.it/xoshiro128starstar.c),
 * seeded through splitmix32 from (seed, run, stream). Run i's numbers depend only on
 * (seed, i, stream), so results are identical for any split of runs across threads or machines,
 * and scenario variants with the same seed share random numbers per purpose (common random
 * numbers): a posture draw added in one variant does not shift that variant's battle draws.
 *
 * State is struct-of-arrays (one Uint32Array of 4 words per stream slot); drawing allocates nothing.
 */

/** One stream per purpose, so variants keep common random numbers per mechanism. */
export const Stream = {
  sample: 0,
  shocks: 1,
  battle: 2,
  beliefs: 3,
  domestic: 4,
  posture: 5,
  mediation: 6,
  talks: 7,
  termination: 8,
  relapse: 9,
  contact: 10,
  tempo: 11,
  decisive: 12,
  contactFrailty: 13,
  decisiveFrailty: 14,
  fading: 15,
} as const;
export const STREAM_COUNT = 16;

const U32 = 2 ** -32;

export class Rng {
  /** 4 words per (local run, stream) slot. */
  readonly s: Uint32Array;

  constructor(
    readonly seed: number,
    /** First global run index held here. */
    public firstRun: number,
    public runs: number,
  ) {
    this.s = new Uint32Array(runs * STREAM_COUNT * 4);
    this.reset(firstRun, runs);
  }

  /** Point the streams at runs [firstRun, firstRun + runs) (runs ≤ the capacity given at construction). */
  reset(firstRun: number, runs: number): void {
    if (runs * STREAM_COUNT * 4 > this.s.length)
      throw new Error(`invalid reset: ${runs} runs exceed the capacity`);
    this.firstRun = firstRun;
    this.runs = runs;
    const seedHash = mix32(this.seed ^ 0x9e3779b9);
    for (let r = 0; r < runs; r++) {
      const runHash = mix32(seedHash ^ (firstRun + r));
      for (let k = 0; k < STREAM_COUNT; k++) this.seedStream(r, k, runHash);
    }
  }

  /** Reset stream k of local run r to its start. */
  reseed(r: number, k: number): void {
    this.seedStream(r, k, mix32(mix32(this.seed ^ 0x9e3779b9) ^ (this.firstRun + r)));
  }

  /** Stream k of local run r from the hash of (seed, run). */
  private seedStream(r: number, k: number, runHash: number): void {
    let x = mix32(runHash ^ Math.imul(k + 1, 0x85ebca6b));
    const o = (r * STREAM_COUNT + k) * 4;
    const s = this.s;
    for (let w = 0; w < 4; w++) {
      x = (x + 0x9e3779b9) | 0;
      s[o + w] = mix32(x);
    }
    if ((s[o] | s[o + 1] | s[o + 2] | s[o + 3]) === 0) s[o] = 1;
  }

  /** Uniform draw in [0, 1) with 32-bit resolution from stream k of local run r. */
  next(r: number, k: number): number {
    const s = this.s;
    const o = (r * STREAM_COUNT + k) * 4;
    const s0 = s[o],
      s1 = s[o + 1],
      s2 = s[o + 2] ^ s0,
      s3 = s[o + 3] ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s[o + 1] = s1 ^ s2;
    s[o] = s0 ^ s3;
    s[o + 2] = s2 ^ t;
    s[o + 3] = (s3 << 11) | (s3 >>> 21);
    return result * U32;
  }

  /** Standard normal draw (Box–Muller, one of the pair; rare in the engine: sampling only). */
  normal(r: number, k: number): number {
    const u1 = 1 - this.next(r, k);
    const u2 = this.next(r, k);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

/** splitmix32-style finaliser (a bijection on 32-bit integers). */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}
