// The entity-type model (models/entity-types.json) of src/analysis/syntax/entity-types.ts,
// trained by scripts/entity-types/train.ts.
import path from 'node:path';
import type { EntityTypeModel } from '../analysis/syntax/entity-types';
import { linearOf, readModelFile } from '../ml/model-file';

export const ENTITY_TYPE_MODEL_FILE = 'entity-types.json';

export function loadEntityTypeModel(modelsDir: string): EntityTypeModel {
  const file = path.join(modelsDir, ENTITY_TYPE_MODEL_FILE);
  const loaded = readModelFile(file);
  return { linear: linearOf(file, loaded, 'types'), types: loaded.linear.types.classes.map(String) };
}
