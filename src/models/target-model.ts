// The target-sentiment model (models/target-sentiment.json): a multinomial logistic regression
// over hashed features (src/analysis/passes/stance/target-model.ts says which), trained by
// scripts/train-target-model.ts. The file keeps only the features the training data showed,
// as a sparse list; loading spreads them into one dense array for constant-time lookups.
import { readFileSync } from 'fs';
import path from 'path';
import { z } from 'zod';

export const TARGET_MODEL_FILE = 'target-sentiment.json';
/** Classes in weight-row order: negative, neutral, positive. */
const CLASS_COUNT = 3;

export const targetModelFileSchema = z
  .object({
    about: z.string(),
    licence: z.string(),
    training: z.record(z.string(), z.unknown()),
    hashBits: z.number().int().min(8).max(22),
    classes: z.tuple([z.literal(-1), z.literal(0), z.literal(1)]),
    /** Per class; includes the decision offsets chosen for macro-F1 on the training hold-out. */
    bias: z.array(z.number()).length(CLASS_COUNT),
    /** Feature indices (ascending), and their weights, CLASS_COUNT per index. */
    indices: z.array(z.number().int().nonnegative()),
    weights: z.array(z.number()),
  })
  .refine((m) => m.weights.length === m.indices.length * CLASS_COUNT, 'weights must hold 3 numbers per index')
  .refine((m) => m.indices.every((i) => i < 2 ** m.hashBits), 'every index must lie in the hashed feature space');

export type TargetModelFile = z.infer<typeof targetModelFileSchema>;

export interface TargetModel {
  hashBits: number;
  bias: number[];
  /** Row i (feature index i) holds the weights of the three classes at [3i, 3i + 3). */
  weights: Float32Array;
}

export function compileTargetModel(file: TargetModelFile): TargetModel {
  const weights = new Float32Array(CLASS_COUNT << file.hashBits);
  file.indices.forEach((index, n) => {
    for (let c = 0; c < CLASS_COUNT; c++) weights[index * CLASS_COUNT + c] = file.weights[n * CLASS_COUNT + c];
  });
  return { hashBits: file.hashBits, bias: [...file.bias], weights };
}

/** Reads and checks models/target-sentiment.json (once, at start-up). */
export function loadTargetModel(modelsDir: string): TargetModel {
  const file = path.join(modelsDir, TARGET_MODEL_FILE);
  const parsed = targetModelFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return compileTargetModel(parsed.data);
}
