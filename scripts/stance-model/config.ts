// The directed-stance model's training settings, in one place; chosen by 5-fold cross-validation
// on DSE's train part (--search), never on the dev files.
import type { WeightEncoding } from '../../src/ml/model-file';

export interface StanceModelConfig {
  hashBits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Class weights are (examples / (classes × class count)) ^ this: 0 weighs every example alike, 1 every class alike. */
  balance: number;
  encoding: WeightEncoding;
  seed: number;
}

export const STANCE_MODEL_CONFIG: StanceModelConfig = {
  hashBits: 18,
  epochs: 8,
  learningRate: 0.02,
  l2: 1e-4,
  balance: 0.5,
  encoding: 'i16',
  seed: 20210801,
};

export const STANCE_MODEL_SEARCH: Partial<StanceModelConfig>[] = [
  {},
  { learningRate: 0.01 },
  { learningRate: 0.05 },
  { epochs: 4 },
  { epochs: 16 },
  { l2: 1e-5 },
  { l2: 1e-3 },
  { balance: 0 },
  { balance: 1 },
];

/** Folds of the cross-validation on the train part: record number mod FOLDS. */
export const FOLDS = 5;
/** Decision offsets tried for each polar class, and confidence thresholds. */
export const OFFSET_GRID = Array.from({ length: 31 }, (_, i) => -1.5 + i * 0.1);
export const THRESHOLD_GRID = Array.from({ length: 13 }, (_, i) => i * 0.05);
