/**
 * 32-bit string and n-gram hashing for the hashed-feature classifiers. FNV-1a over UTF-16
 * code units (cheap, no allocation) finished with murmur3's fmix32, because FNV's low bits,
 * which the bucket mask keeps, mix poorly on their own.
 */

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

export function hashString(s: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** murmur3 fmix32: every input bit reaches every output bit. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two hashes order-sensitively (for word bigrams). */
export function combine(a: number, b: number): number {
  return Math.imul(a, 0x9e3779b1) ^ b;
}
