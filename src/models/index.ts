// The models the analysis reads: loaded from disk once per process, then passed to analyze().
//   nlp      wink-nlp with its English model (tokens, POS tags, lemmas, negation)
//   actors   the actor dictionary (models/actors.json, built from PETRARCH2/Phoenix), compiled,
//            plus the user's own actors file when one is given
//   lexicon  speech cues, stance verbs and sentiment words (models/cues.json, verbs.json, ...)
//   targetModel  sentiment toward a given mention (models/target-sentiment.json, trained on NewsMTSC)
//   stanceModel  directed stance between two actor mentions of a sentence (models/stance-model.json, trained on DSE)
//   syntax   the models trained on the treebanks (GUM, UD EWT): the dependency parser with its
//            tagger, entity types of mentions, coreference (models/parser.json, entity-types.json,
//            coreference.json); ~0.2 s and ~20 MB more per loading thread
import fs from 'node:fs';
import path from 'node:path';
import { type ActorIndex, compileActorIndex, readActorDictionary } from './actors';
import { type Lexicon, loadLexicon } from './lexicon';
import { type Nlp, loadNlp } from './nlp';
import type { CorefModel } from '../analysis/syntax/coreference';
import type { EntityTypeModel } from '../analysis/syntax/entity-types';
import type { ParserModel } from '../analysis/syntax/parser';
import { loadCoreferenceModel } from './coreference';
import { loadEntityTypeModel } from './entity-types';
import { loadParserModel } from './parser';
import { type StanceModel, loadStanceModel } from './stance-model';
import { type TargetModel, loadTargetModel } from './target-model';

export interface SyntaxModels {
  parser: ParserModel;
  entityTypes: EntityTypeModel;
  coreference: CorefModel;
}

export interface Models {
  nlp: Nlp;
  actors: ActorIndex;
  lexicon: Lexicon;
  targetModel: TargetModel;
  /** Absent only while it is being trained (the rules alone then). */
  stanceModel?: StanceModel;
  syntax: SyntaxModels;
}

export interface LoadModelsOptions {
  /** Folder holding the model files; the project's models/ by default. */
  modelsDir?: string;
  /** A user's actor file (same format as models/actors.json) that adds or overrides actors. */
  actorsFile?: string;
  /** Leave the stance model out (its training script, before the file exists). */
  withoutStanceModel?: boolean;
}

/** The project's models/ folder, found from this file whether it runs from src/ or dist/src/. */
export const DEFAULT_MODELS_DIR = findModelsDir(__dirname);

export function loadModels(options: LoadModelsOptions = {}): Models {
  const dir = options.modelsDir ?? DEFAULT_MODELS_DIR;
  const dictionaries = [readActorDictionary(path.join(dir, 'actors.json'))];
  if (options.actorsFile) dictionaries.push(readActorDictionary(options.actorsFile));
  return {
    nlp: loadNlp(),
    actors: compileActorIndex(dictionaries),
    lexicon: loadLexicon(dir),
    targetModel: loadTargetModel(dir),
    stanceModel: options.withoutStanceModel ? undefined : loadStanceModel(dir),
    syntax: { parser: loadParserModel(dir), entityTypes: loadEntityTypeModel(dir), coreference: loadCoreferenceModel(dir) },
  };
}

function findModelsDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'models', 'actors.json')) && fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'models');
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..', 'models');
  }
}
