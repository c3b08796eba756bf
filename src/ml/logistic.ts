// Logistic regression over sparse hashed features, trained by AdaGrad SGD with L2 on the weights
// a step touches: multinomial (one class per example, with class weights) and ranking (one
// score per candidate, the example's correct candidates against the others). Deterministic: the
// example order of each epoch comes from a seeded generator.
import { type LinearModel, emptyModel, probabilities, softmax } from './linear';
import { mulberry32, shuffle } from './random';

export interface SparseExample {
  indices: Int32Array;
  values: Float32Array;
  /** Class index, 0 … classes − 1. */
  label: number;
}

export interface AdaGradOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export interface TrainOptions extends AdaGradOptions {
  classes: number;
  /** Size of the feature space (every index < dim, a power of two). */
  dim: number;
  /** Loss weight of each class (e.g. inverse frequency, for macro-F1). */
  classWeights: number[];
}

const EPSILON = 1e-8;

/** AdaGrad state over a model's weights and biases. */
class AdaGrad {
  private readonly squaredWeights: Float64Array;
  private readonly squaredBias: Float64Array;

  constructor(readonly model: LinearModel, private readonly o: AdaGradOptions) {
    this.squaredWeights = new Float64Array(model.weights.length);
    this.squaredBias = new Float64Array(model.classes);
  }

  /** One step: `gradient[c]` is the loss's derivative by the score of class c for this example. */
  step(ex: Pick<SparseExample, 'indices' | 'values'>, gradient: Float64Array, withBias = true): void {
    const { model, o } = this;
    const classes = model.classes;
    if (withBias) {
      for (let c = 0; c < classes; c++) {
        this.squaredBias[c] += gradient[c] * gradient[c];
        model.bias[c] -= (o.learningRate * gradient[c]) / Math.sqrt(this.squaredBias[c] + EPSILON);
      }
    }
    for (let k = 0; k < ex.indices.length; k++) {
      const row = ex.indices[k] * classes;
      for (let c = 0; c < classes; c++) {
        const g = gradient[c] * ex.values[k] + o.l2 * model.weights[row + c];
        this.squaredWeights[row + c] += g * g;
        model.weights[row + c] -= (o.learningRate * g) / Math.sqrt(this.squaredWeights[row + c] + EPSILON);
      }
    }
  }
}

export function trainLogistic(examples: SparseExample[], o: TrainOptions): LinearModel {
  const model = emptyModel(o.classes, Math.log2(o.dim));
  const adagrad = new AdaGrad(model, o);
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
      adagrad.step(ex, gradient);
    }
  }
  return model;
}

/** A choice among candidates, any of `gold` being right (the ranking model's example). */
export interface RankingExample {
  candidates: Pick<SparseExample, 'indices' | 'values'>[];
  /** Indices into candidates of the right ones (at least one). */
  gold: number[];
}

export interface RankingOptions extends AdaGradOptions {
  hashBits: number;
}

/** Candidate scores under a one-class model (bias left out: it is the same for every candidate). */
export function candidateScores(model: LinearModel, candidates: Pick<SparseExample, 'indices' | 'values'>[]): number[] {
  return candidates.map((f) => {
    let s = 0;
    for (let k = 0; k < f.indices.length; k++) s += model.weights[f.indices[k]] * f.values[k];
    return s;
  });
}

/**
 * A linear scorer of candidates: softmax over each example's candidates, maximising the
 * probability of its right ones together (mention ranking: any earlier mention of the entity
 * is a right antecedent).
 */
export function trainRanking(examples: RankingExample[], o: RankingOptions): LinearModel {
  const model = emptyModel(1, o.hashBits);
  const adagrad = new AdaGrad(model, o);
  const random = mulberry32(o.seed);
  const order = examples.map((_, i) => i);
  const gradient = new Float64Array(1);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (const n of order) {
      const ex = examples[n];
      const p = softmax(candidateScores(model, ex.candidates));
      const goldMass = ex.gold.reduce((sum, g) => sum + p[g], 0);
      const isGold = new Set(ex.gold);
      ex.candidates.forEach((candidate, j) => {
        // d(−log Σ_gold p) / d score_j = p_j − [j ∈ gold] p_j / Σ_gold p
        gradient[0] = p[j] - (isGold.has(j) ? p[j] / goldMass : 0);
        if (Math.abs(gradient[0]) > 1e-6) adagrad.step(candidate, gradient, false);
      });
    }
  }
  return model;
}
