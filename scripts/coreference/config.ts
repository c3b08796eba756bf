// The coreference model's training settings, in one place; chosen on GUM dev (--search).
import type { WeightEncoding } from '../../src/ml/model-file';

export interface CoreferenceConfig {
  hashBits: number;
  /** Earlier mentions considered as antecedents. */
  window: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** The entity types the training mentions get come from models trained on the other of this many parts of train. */
  typeFolds: number;
  encoding: WeightEncoding;
  seed: number;
}

export const COREFERENCE_CONFIG: CoreferenceConfig = {
  hashBits: 18,
  window: 60,
  epochs: 6,
  learningRate: 0.1,
  l2: 1e-5,
  typeFolds: 2,
  encoding: 'i16',
  seed: 20170303,
};

export const COREFERENCE_SEARCH: Partial<CoreferenceConfig>[] = [{}, { window: 30 }, { window: 100 }, { learningRate: 0.05 }, { learningRate: 0.2 }, { epochs: 12 }];
