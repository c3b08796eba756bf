// The coreference model (models/coreference.json) of src/analysis/syntax/coreference.ts,
// trained by scripts/coreference/train.ts.
import path from 'node:path';
import { z } from 'zod';
import type { CorefModel } from '../analysis/syntax/coreference';
import { linearOf, readModelFile, settingsOf } from '../ml/model-file';

export const COREFERENCE_MODEL_FILE = 'coreference.json';
const settingsSchema = z.object({ window: z.number().int().positive() });

export function loadCoreferenceModel(modelsDir: string): CorefModel {
  const file = path.join(modelsDir, COREFERENCE_MODEL_FILE);
  const loaded = readModelFile(file);
  return { linear: linearOf(file, loaded, 'ranking', ['score']), window: settingsOf(file, loaded, settingsSchema).window };
}
