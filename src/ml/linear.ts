// Linear multiclass models over hashed features: the inference every learned model shares.
// A model is a bias per class and a table of 2^hashBits weight rows (one weight per class in
// each row); an example is a sparse list of row indices with their values (1 for indicators).
import { featureIndex } from './hashing';

export interface LinearModel {
  classes: number;
  hashBits: number;
  bias: Float64Array;
  /** Row-major: row i's class weights at [i × classes, (i + 1) × classes). Float32 once loaded. */
  weights: Float32Array | Float64Array;
}

/** A sparse example: row indices and their values (all 1 when `values` is absent). */
export interface SparseFeatures {
  indices: ArrayLike<number>;
  values?: ArrayLike<number>;
}

/** An empty model (zero weights), for training. */
export function emptyModel(classes: number, hashBits: number): LinearModel {
  return { classes, hashBits, bias: new Float64Array(classes), weights: new Float64Array(classes * 2 ** hashBits) };
}

/** Class scores: bias plus the weighted rows of the example, in class order. */
export function logits(model: LinearModel, ex: SparseFeatures): number[] {
  const out = Array.from(model.bias);
  const { weights, classes } = model;
  for (let k = 0; k < ex.indices.length; k++) {
    const row = ex.indices[k] * classes;
    const value = ex.values ? ex.values[k] : 1;
    for (let c = 0; c < classes; c++) out[c] += weights[row + c] * value;
  }
  return out;
}

/** Class scores of named features (hashed here): feature name → value. */
export function namedLogits(model: LinearModel, features: ReadonlyMap<string, number>): number[] {
  const out = Array.from(model.bias);
  const { weights, classes } = model;
  for (const [name, value] of features) {
    const row = featureIndex(name, model.hashBits) * classes;
    for (let c = 0; c < classes; c++) out[c] += weights[row + c] * value;
  }
  return out;
}

/**
 * Adds the bias and the rows of `count` indicator features to `out` (length ≥ classes): the
 * allocation-free path the parser takes for every transition.
 */
export function scoreRows(model: LinearModel, rows: Int32Array, count: number, out: Float64Array): void {
  const { weights, classes, bias } = model;
  for (let c = 0; c < classes; c++) out[c] = bias[c];
  for (let k = 0; k < count; k++) {
    const row = rows[k] * classes;
    for (let c = 0; c < classes; c++) out[c] += weights[row + c];
  }
}

/** Probabilities from scores (softmax), stable for large scores. */
export function softmax(z: number[]): number[] {
  const top = Math.max(...z);
  const exp = z.map((x) => Math.exp(x - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((x) => x / sum);
}

export function probabilities(model: LinearModel, ex: SparseFeatures): number[] {
  return softmax(logits(model, ex));
}

/** Index of the largest value (the first of equals). */
export function argmax(xs: ArrayLike<number>, count = xs.length): number {
  let best = 0;
  for (let i = 1; i < count; i++) if (xs[i] > xs[best]) best = i;
  return best;
}
