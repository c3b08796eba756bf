// Multinomial logistic regression over sparse examples, trained by AdaGrad SGD with class
// weights and L2 on the weights a step touches. Deterministic: the example order of each epoch
// comes from a seeded generator.

export interface SparseExample {
  indices: Int32Array;
  values: Float32Array;
  /** Class index, 0 … classes − 1. */
  label: number;
}

export interface TrainOptions {
  classes: number;
  /** Size of the feature space (every index < dim). */
  dim: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Loss weight of each class (e.g. inverse frequency, for macro-F1). */
  classWeights: number[];
  seed: number;
}

export interface LinearModel {
  classes: number;
  bias: Float64Array;
  /** Row-major: feature i's class weights at [i × classes, (i + 1) × classes). */
  weights: Float64Array;
}

const EPSILON = 1e-8;

export function trainLogistic(examples: SparseExample[], o: TrainOptions): LinearModel {
  const model: LinearModel = { classes: o.classes, bias: new Float64Array(o.classes), weights: new Float64Array(o.dim * o.classes) };
  const squaredWeights = new Float64Array(o.dim * o.classes);
  const squaredBias = new Float64Array(o.classes);
  const random = mulberry32(o.seed);
  const order = examples.map((_, i) => i);
  const gradient = new Float64Array(o.classes);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (const n of order) {
      const ex = examples[n];
      const p = probabilities(model, ex);
      const weight = o.classWeights[ex.label];
      for (let c = 0; c < o.classes; c++) gradient[c] = weight * (p[c] - (c === ex.label ? 1 : 0));
      for (let c = 0; c < o.classes; c++) {
        squaredBias[c] += gradient[c] * gradient[c];
        model.bias[c] -= (o.learningRate * gradient[c]) / Math.sqrt(squaredBias[c] + EPSILON);
      }
      for (let k = 0; k < ex.indices.length; k++) {
        const row = ex.indices[k] * o.classes;
        for (let c = 0; c < o.classes; c++) {
          const g = gradient[c] * ex.values[k] + o.l2 * model.weights[row + c];
          squaredWeights[row + c] += g * g;
          model.weights[row + c] -= (o.learningRate * g) / Math.sqrt(squaredWeights[row + c] + EPSILON);
        }
      }
    }
  }
  return model;
}

export function logits(model: LinearModel, ex: Pick<SparseExample, 'indices' | 'values'>): number[] {
  const out = Array.from(model.bias);
  for (let k = 0; k < ex.indices.length; k++) {
    const row = ex.indices[k] * model.classes;
    for (let c = 0; c < model.classes; c++) out[c] += model.weights[row + c] * ex.values[k];
  }
  return out;
}

export function probabilities(model: LinearModel, ex: Pick<SparseExample, 'indices' | 'values'>): number[] {
  const z = logits(model, ex);
  const top = Math.max(...z);
  const exp = z.map((x) => Math.exp(x - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((x) => x / sum);
}

export const argmax = (xs: number[]): number => xs.reduce((best, x, i) => (x > xs[best] ? i : best), 0);

/** Macro-averaged F1 over classes 0 … classes − 1. */
export function macroF1(gold: number[], predicted: number[], classes: number): number {
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    let tp = 0, fp = 0, fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === c && g === c) tp++;
      else if (p === c) fp++;
      else if (g === c) fn++;
    });
    sum += tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / classes;
}

/** A small, seedable generator of floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], random: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
}
