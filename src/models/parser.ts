// The dependency parser's model (models/parser.json): the transition and label classifiers of
// src/analysis/syntax/parser.ts, trained by scripts/parser/train.ts.
import path from 'node:path';
import { featureSet } from '../analysis/syntax/features';
import { fuseTagger } from '../analysis/syntax/tagger';
import type { ParserModel } from '../analysis/syntax/parser';
import { MOVE_NAMES } from '../analysis/syntax/transitions';
import { z } from 'zod';
import { linearOf, readModelFile, settingsOf } from '../ml/model-file';

export const PARSER_MODEL_FILE = 'parser.json';

/** Lists of class ids: the Penn tags of each universal tag, the relations of each (side, tag) of dependent. */
const settingsSchema = (tags: number, xpos: number, relations: number) => {
  const ids = (count: number) => z.array(z.number().int().min(0).max(count - 1)).min(1);
  const groups = z.array(z.string()).min(1);
  return z.object({ xposFor: z.array(ids(xpos)).length(tags), labelsFor: z.array(ids(relations)).length(2 * tags), transitionGroups: groups, labelGroups: groups, punctuation: z.enum(['parse', 'rule']) });
};

export function loadParserModel(modelsDir: string): ParserModel {
  const file = path.join(modelsDir, PARSER_MODEL_FILE);
  const loaded = readModelFile(file);
  const labels = linearOf(file, loaded, 'labels');
  const upos = linearOf(file, loaded, 'tagger-upos');
  const xpos = linearOf(file, loaded, 'tagger-xpos');
  if (upos.hashBits !== xpos.hashBits) throw new Error(`${file}: the tagger's two models must share one feature table size`);
  const uposNames = loaded.linear['tagger-upos'].classes.map(String);
  const relations = loaded.linear.labels.classes.map(String);
  const settings = settingsOf(file, loaded, settingsSchema(uposNames.length, xpos.classes, relations.length));
  return {
    tagger: fuseTagger({ upos, xpos, uposNames, xposNames: loaded.linear['tagger-xpos'].classes.map(String), xposFor: settings.xposFor.map((l) => Int32Array.from(l)) }),
    transitions: linearOf(file, loaded, 'transitions', MOVE_NAMES),
    labels,
    relations,
    labelsFor: settings.labelsFor.map((l) => Int32Array.from(l)),
    features: featureSet(settings.transitionGroups, settings.labelGroups),
    punctuation: settings.punctuation,
  };
}
