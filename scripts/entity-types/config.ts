// The entity-type model's training settings, in one place; chosen on GUM dev (--search).
import type { WeightEncoding } from '../../src/ml/model-file';

export interface EntityTypeConfig {
  hashBits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Weigh each type by its inverse frequency (for macro-F1) or all examples alike (for accuracy). */
  balanced: boolean;
  encoding: WeightEncoding;
  seed: number;
}

export const ENTITY_TYPE_CONFIG: EntityTypeConfig = {
  hashBits: 18,
  epochs: 8,
  learningRate: 0.1,
  l2: 1e-4,
  balanced: false,
  encoding: 'i16',
  seed: 20170302,
};

export const ENTITY_TYPE_SEARCH: Partial<EntityTypeConfig>[] = [
  {},
  { learningRate: 0.02 },
  { learningRate: 0.05 },
  { learningRate: 0.2 },
  { epochs: 16 },
  { l2: 1e-5 },
  { l2: 1e-3 },
  { balanced: true },
];
