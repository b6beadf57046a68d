// Seedable randomness for the generator. pure-rand's xoroshiro128+ is fast, passes the usual
// statistical batteries for floating-point use, and can jump 2^64 steps ahead, which gives every
// part of the data set (tickets, payments) its own independent stream: the payments stay the same
// whatever --tickets is, and adding draws to one stream never shifts the other.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

export interface Random {
  /** Uniform in [0, 1), like Postgres' RANDOM(). */
  next(): number;
  /** FLOOR(RANDOM() * n): uniform integer in [0, n). */
  below(n: number): number;
}

/** The streams of one seed; each is 2^64 draws away from the previous one. */
export const randomStreams = { tickets: 0, payments: 1 } as const;
export type RandomStream = keyof typeof randomStreams;

export const maxSeed = 0xffff_ffff;

export function createRandom(seed: number, stream: RandomStream): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > maxSeed) {
    throw new RangeError(`seed must be an integer in 0..${maxSeed}, got ${seed}`);
  }
  // xoroshiro128plus(seed) starts from a nearly constant state, so neighbouring seeds would give
  // similar first draws; SplitMix32 spreads the seed over all 128 bits of the state first.
  const mix = splitMix32(seed);
  const state = [mix(), mix(), mix(), mix()];
  // xoroshiro's all-zero state is a fixed point.
  if (state.reduce((bits, word) => bits | word, 0) === 0) state[0] = 1;
  const rng = xoroshiro128plusFromState(state);
  for (let i = 0; i < randomStreams[stream]; i++) rng.jump();
  return {
    next: () => uniformFloat64(rng),
    below: (n) => Math.floor(uniformFloat64(rng) * n),
  };
}

/** SplitMix32 (the 32-bit variant of Steele, Lea & Flood's SplitMix), for seeding only. */
function splitMix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) | 0;
  };
}
