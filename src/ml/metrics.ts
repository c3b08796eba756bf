// Scores the training scripts report: accuracy, per-class precision / recall / F1, macro-F1.

export function accuracy(gold: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let right = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) right++;
  return gold.length ? right / gold.length : 0;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
  /** How many gold items belong to the class. */
  support: number;
}

/** Precision, recall and F1 of class c (or of any class `isPositive` accepts). */
export function precisionRecall(gold: ArrayLike<number>, predicted: ArrayLike<number>, isPositive: number | ((c: number) => boolean)): PrecisionRecall {
  const positive = typeof isPositive === 'number' ? (c: number) => c === isPositive : isPositive;
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = positive(gold[i]), p = positive(predicted[i]);
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  return {
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0,
    support: tp + fn,
  };
}

/** Macro-averaged F1 over classes 0 … classes − 1. */
export function macroF1(gold: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number {
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += precisionRecall(gold, predicted, c).f1;
  return sum / classes;
}
