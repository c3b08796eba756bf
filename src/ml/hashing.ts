// Feature hashing: every feature becomes an index into a fixed-size table of weight rows, so a
// model needs no vocabulary. Named features (strings) are hashed with FNV-1a; the parser's
// features, built from numbers per token, are combined with mix() without making strings.

/** FNV-1a over the string's UTF-16 code units, as an unsigned 32-bit integer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A named feature's row in a table of 2^bits rows. */
export function featureIndex(name: string, bits: number): number {
  return hashString(name) & ((1 << bits) - 1);
}

/**
 * A run of real-valued features named `${prefix}0` … `${prefix}${n - 1}` (a mean word vector),
 * held as numbers: hashed exactly as those names would be, but the names are built and hashed
 * once per prefix (denseRows), not for every example.
 */
export interface DenseBlock {
  prefix: string;
  values: ArrayLike<number>;
}

/** Named features: a map of name → value (1 for indicators), and dense blocks after them. */
export type NamedFeatures = ReadonlyMap<string, number> & { readonly dense?: readonly DenseBlock[] };

const DENSE_ROWS = new Map<string, Int32Array>();

/** The rows of a dense block's features `${prefix}0` … in a table of 2^bits rows (memoised: a pure function of its arguments). */
export function denseRows(prefix: string, length: number, bits: number): Int32Array {
  const key = `${bits}:${length}:${prefix}`;
  let rows = DENSE_ROWS.get(key);
  if (!rows) DENSE_ROWS.set(key, (rows = Int32Array.from({ length }, (_, d) => featureIndex(`${prefix}${d}`, bits))));
  return rows;
}

/** Named features hashed into a sparse example: ascending rows, the values of names sharing a row added up. */
export function hashedFeatures(features: NamedFeatures, bits: number): { indices: Int32Array; values: Float32Array } {
  const byRow = new Map<number, number>();
  for (const [name, value] of features) {
    const i = featureIndex(name, bits);
    byRow.set(i, (byRow.get(i) ?? 0) + value);
  }
  for (const block of features.dense ?? []) {
    const rows = denseRows(block.prefix, block.values.length, bits);
    for (let d = 0; d < rows.length; d++) if (block.values[d] !== 0) byRow.set(rows[d], (byRow.get(rows[d]) ?? 0) + block.values[d]);
  }
  const indices = [...byRow.keys()].sort((a, b) => a - b);
  return { indices: Int32Array.from(indices), values: Float32Array.from(indices.map((i) => byRow.get(i) ?? 0)) };
}

/** Combines a hash with one more number (a MurmurHash3-style round and finaliser): order matters. */
export function mix(h: number, x: number): number {
  let k = Math.imul(x | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

// The parser's and tagger's features hash a template number with one to four atoms per
// feature, hundreds of times a word: one multiply-xorshift step per number and one finaliser.
const step = (h: number, x: number): number => {
  h = Math.imul(h ^ x, 0x85ebca6b);
  return h ^ (h >>> 15);
};
const finish = (h: number): number => {
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};
export const hash1 = (t: number, a: number): number => finish(step(step(0x9e3779b9, t), a));
export const hash2 = (t: number, a: number, b: number): number => finish(step(step(step(0x9e3779b9, t), a), b));
export const hash3 = (t: number, a: number, b: number, c: number): number => finish(step(step(step(step(0x9e3779b9, t), a), b), c));
export const hash4 = (t: number, a: number, b: number, c: number, d: number): number => finish(step(step(step(step(step(0x9e3779b9, t), a), b), c), d));
