import { fnv1a } from './hash.js';

/** mulberry32: a small seeded PRNG; the same key always yields the same stream. */
export function rngFor(key: string): () => number {
  let a = fnv1a(key);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
