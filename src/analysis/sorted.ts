// Binary search over anything sorted: tokens by offset, cues and mentions by position, offsets.

/**
 * The first index in [0, length) at which `before` turns false, for a predicate that holds on a
 * prefix of the indices and not after it (length when it holds everywhere).
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0, hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
