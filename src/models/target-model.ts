// The target-sentiment model (models/target-sentiment.json): a multinomial logistic regression
// over hashed features (src/analysis/passes/stance/target-model.ts says which), trained by
// scripts/train-target-model.ts, in the model file format of src/ml/model-file.ts.
import path from 'path';
import type { LinearModel } from '../ml/linear';
import { linearOf, readModelFile } from '../ml/model-file';

export const TARGET_MODEL_FILE = 'target-sentiment.json';
/** The linear model's name in the file, and its classes in weight-row order. */
export const TARGET_LINEAR = 'target';
export const TARGET_MODEL_CLASSES = [-1, 0, 1] as const;

/** Row i (feature index i) holds the weights of the three classes at [3i, 3i + 3). */
export type TargetModel = LinearModel;

/** Reads and checks models/target-sentiment.json (once, at start-up). */
export function loadTargetModel(modelsDir: string): TargetModel {
  const file = path.join(modelsDir, TARGET_MODEL_FILE);
  return linearOf(file, readModelFile(file), TARGET_LINEAR, TARGET_MODEL_CLASSES);
}
