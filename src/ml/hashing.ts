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
