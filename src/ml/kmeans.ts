// Spherical k-means: unit vectors grouped by cosine similarity, seeded so training is repeatable.
import { mulberry32 } from './random';

export interface KMeansOptions {
  k: number;
  iterations: number;
  seed: number;
}

/** Scales each row of `rows` (n × dim, row-major) to unit length, in place. */
export function normaliseRows(rows: Float32Array, dim: number): Float32Array {
  for (let i = 0; i < rows.length; i += dim) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += rows[i + d] * rows[i + d];
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < dim; d++) rows[i + d] *= inv;
  }
  return rows;
}

/**
 * The cluster of each unit row: k centres started from k distinct rows drawn with the seed, then
 * `iterations` rounds of assign-to-nearest and re-centre (an emptied cluster takes the row
 * farthest from its centre). Returns the assignment and the centres (k × dim, unit length).
 */
export function sphericalKMeans(rows: Float32Array, dim: number, options: KMeansOptions): { assignment: Int32Array; centres: Float32Array } {
  const n = rows.length / dim;
  const k = Math.min(options.k, n);
  const random = mulberry32(options.seed);
  const centres = new Float32Array(k * dim);
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(Math.floor(random() * n));
  [...chosen].forEach((row, c) => centres.set(rows.subarray(row * dim, row * dim + dim), c * dim));
  const assignment = new Int32Array(n);
  const similarity = new Float32Array(n);
  for (let round = 0; round < options.iterations; round++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestSim = -Infinity;
      const r = i * dim;
      for (let c = 0; c < k; c++) {
        const o = c * dim;
        let s = 0;
        for (let d = 0; d < dim; d++) s += rows[r + d] * centres[o + d];
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      assignment[i] = best;
      similarity[i] = bestSim;
    }
    centres.fill(0);
    const size = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const o = assignment[i] * dim;
      size[assignment[i]]++;
      for (let d = 0; d < dim; d++) centres[o + d] += rows[i * dim + d];
    }
    for (let c = 0; c < k; c++) {
      if (size[c] > 0) continue;
      let worst = 0;
      for (let i = 1; i < n; i++) if (similarity[i] < similarity[worst]) worst = i;
      similarity[worst] = Infinity;
      centres.set(rows.subarray(worst * dim, worst * dim + dim), c * dim);
    }
    normaliseRows(centres, dim);
  }
  return { assignment, centres };
}
