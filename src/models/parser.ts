// The dependency parser's model (models/parser.json): the transition and label classifiers of
// src/analysis/syntax/parser.ts, trained by scripts/parser/train.ts.
import path from 'node:path';
import type { ParserModel } from '../analysis/syntax/parser';
import { MOVE_NAMES } from '../analysis/syntax/transitions';
import { linearOf, readModelFile } from '../ml/model-file';

export const PARSER_MODEL_FILE = 'parser.json';

export function loadParserModel(modelsDir: string): ParserModel {
  const file = path.join(modelsDir, PARSER_MODEL_FILE);
  const loaded = readModelFile(file);
  const labels = linearOf(file, loaded, 'labels');
  return {
    transitions: linearOf(file, loaded, 'transitions', MOVE_NAMES),
    labels,
    relations: loaded.linear.labels.classes.map(String),
  };
}
