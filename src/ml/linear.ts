// Linear multiclass models over hashed features: the inference every learned model shares.
// A model is a bias per class and a table of 2^hashBits weight rows (one weight per class in
// each row); an example is a sparse list of row indices with their values (1 for indicators).
import { type DenseBlock, type NamedFeatures, denseRows, featureIndex } from './hashing';

export interface LinearModel {
  classes: number;
  hashBits: number;
  bias: Float64Array;
  /**
   * Row-major: row i's class weights at [i × classes, (i + 1) × classes), each times `scale`.
   * Float64 in training; once loaded, as the file stores them: float32, or int16 / int8 (a
   * quarter of the memory, so that the parser's random reads stay in the processor's caches).
   */
  weights: Float32Array | Float64Array | Int16Array | Int8Array;
  /** 1 for float weights. */
  scale: number;
}

/** A sparse example: row indices and their values (all 1 when `values` is absent). */
export interface SparseFeatures {
  indices: ArrayLike<number>;
  values?: ArrayLike<number>;
}

/** An empty model (zero weights), for training. */
export function emptyModel(classes: number, hashBits: number): LinearModel {
  return { classes, hashBits, bias: new Float64Array(classes), weights: new Float64Array(classes * 2 ** hashBits), scale: 1 };
}

/** Class scores: bias plus the weighted rows of the example, in class order. */
export function logits(model: LinearModel, ex: SparseFeatures): number[] {
  const out = Array.from(model.bias);
  const { weights, classes, scale } = model;
  for (let k = 0; k < ex.indices.length; k++) {
    const row = ex.indices[k] * classes;
    const value = ex.values ? ex.values[k] : 1;
    for (let c = 0; c < classes; c++) out[c] += weights[row + c] * scale * value;
  }
  return out;
}

/** Class scores of named features (hashed here): feature name → value, then the dense blocks. */
export function namedLogits(model: LinearModel, features: NamedFeatures): number[] {
  const sink = new ScoringSink([model]);
  for (const [name, value] of features) sink.add(name, value);
  for (const block of features.dense ?? []) sink.dense(block);
  return sink.scores[0];
}

/**
 * Scores features as they are made, for one or more linear models read together (the stance
 * model's sign and direction parts): each name hashed once per table size and its rows' weights
 * added to each model's class scores at once, with no map of names and no second pass. The
 * scores are namedLogits()'s for the same features made in the same order (a name made twice
 * adds its weights twice instead of once with its value doubled: the same sum up to rounding).
 */
export class ScoringSink {
  /** Each model's class scores so far, in the models' order. */
  readonly scores: number[][];

  constructor(private readonly models: readonly LinearModel[]) {
    this.scores = models.map((m) => Array.from(m.bias));
  }

  add(name: string, value: number): void {
    let bits = -1, index = 0;
    for (let i = 0; i < this.models.length; i++) {
      const { weights, classes, scale, hashBits } = this.models[i];
      if (hashBits !== bits) index = featureIndex(name, (bits = hashBits));
      const row = index * classes;
      const out = this.scores[i];
      for (let c = 0; c < classes; c++) out[c] += weights[row + c] * scale * value;
    }
  }

  dense(block: DenseBlock): void {
    for (let i = 0; i < this.models.length; i++) {
      const { classes } = this.models[i];
      const w = denseWeights(this.models[i], block.prefix, block.values.length);
      const out = this.scores[i];
      for (let d = 0; d < block.values.length; d++) {
        const value = block.values[d];
        if (value === 0) continue;
        for (let c = 0; c < classes; c++) out[c] += w[d * classes + c] * value;
      }
    }
  }
}

const DENSE_WEIGHTS = new WeakMap<LinearModel, Map<string, Float64Array>>();

/**
 * A dense block's weights gathered from the model's rows into one small array, scaled (the
 * same numbers namedLogits reads by name, in order): 100 rows scattered over a table of
 * megabytes cost a cache miss each, for every target of every article. Memoised per model.
 */
function denseWeights(model: LinearModel, prefix: string, length: number): Float64Array {
  let byPrefix = DENSE_WEIGHTS.get(model);
  if (!byPrefix) DENSE_WEIGHTS.set(model, (byPrefix = new Map()));
  const key = `${length}:${prefix}`;
  let w = byPrefix.get(key);
  if (!w) {
    const { classes, weights, scale } = model;
    const rows = denseRows(prefix, length, model.hashBits);
    w = new Float64Array(length * classes);
    for (let d = 0; d < length; d++) for (let c = 0; c < classes; c++) w[d * classes + c] = weights[rows[d] * classes + c] * scale;
    byPrefix.set(key, w);
  }
  return w;
}

/**
 * Adds the bias and the rows of `count` indicator features to `out` (length ≥ classes): the
 * allocation-free path the parser takes for every transition.
 */
export function scoreRows(model: LinearModel, rows: Int32Array, count: number, out: Float64Array): void {
  const { weights, classes, bias, scale } = model;
  if (classes === 3) {
    // The parser's transitions: three sums in registers.
    let a = 0, b = 0, c = 0;
    for (let k = 0; k < count; k++) {
      const row = rows[k] * 3;
      a += weights[row];
      b += weights[row + 1];
      c += weights[row + 2];
    }
    out[0] = bias[0] + a * scale;
    out[1] = bias[1] + b * scale;
    out[2] = bias[2] + c * scale;
    return;
  }
  for (let c = 0; c < classes; c++) out[c] = 0;
  for (let k = 0; k < count; k++) {
    const row = rows[k] * classes;
    for (let c = 0; c < classes; c++) out[c] += weights[row + c];
  }
  for (let c = 0; c < classes; c++) out[c] = bias[c] + out[c] * scale;
}

/**
 * The best of some classes only (their scores land in `out` at their own positions): a model
 * with many classes, of which a word can take only a few, pays for those few.
 */
export function bestOfCandidates(model: LinearModel, rows: Int32Array, count: number, candidates: Int32Array, out: Float64Array): number {
  const { weights, classes, bias, scale } = model;
  const m = candidates.length;
  // Class by class, its sum in a register over the rows (the rows stay in the cache after the
  // first class): the same sums in the same order as row by row, without a store per weight.
  let best = candidates[0];
  for (let j = 0; j < m; j++) {
    const c = candidates[j];
    let sum = 0;
    for (let k = 0; k < count; k++) sum += weights[rows[k] * classes + c];
    out[c] = bias[c] + sum * scale;
    if (out[c] > out[best]) best = c;
  }
  return best;
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
