// Trains the coreference model (models/coreference.json): mention ranking over the pair
// features of src/analysis/syntax/coreference.ts, on GUM's train documents and their chains.
// Each mention's candidates are the earlier mentions in the window and "none"; any mention of
// its entity among them is right ("none" when there is none). The entity types the features
// read come from the entity-type model as the analysis will have them: for the training
// documents, from models trained on the other part of train (cross-fitting); the trees, from the
// shipped parser (models/parser.json).
//
//   npm run train -- coreference [--dry] [--search]
import path from 'node:path';
import { type CorefModel, candidatesOf, describeMentions, newFeatures, pairFeatures } from '../../src/analysis/syntax/coreference';
import { type EntityTypeModel, entityTypeOf } from '../../src/analysis/syntax/entity-types';
import { hashedFeatures } from '../../src/ml/hashing';
import { type RankingExample, trainRanking } from '../../src/ml/logistic';
import { writeModelFile } from '../../src/ml/model-file';
import { DEFAULT_MODELS_DIR } from '../../src/models';
import type { ActorIndex } from '../../src/models/actors';
import { COREFERENCE_MODEL_FILE, loadCoreferenceModel } from '../../src/models/coreference';
import { loadEntityTypeModel } from '../../src/models/entity-types';
import { loadNlp } from '../../src/models/nlp';
import { loadParserModel } from '../../src/models/parser';
import { ENTITY_TYPE_CONFIG } from '../entity-types/config';
import { fitEntityTypes, loadActorIndex, typesOf } from '../entity-types/train';
import { GUM_LICENCE, TREEBANK_CITATIONS } from '../treebanks/licences';
import { type DocumentWords, parsedGumSplits } from '../treebanks/treebanks';
import { COREFERENCE_CONFIG, COREFERENCE_SEARCH, type CoreferenceConfig } from './config';
import { type CoreferenceScores, corefMentions, formatCoreferenceScores, scoreCoreference } from './score';

type TypeOf = (d: DocumentWords, i: number) => string;

/** Entity types by model: cached per document and mention. */
function typesBy(models: Map<string, EntityTypeModel>, index: ActorIndex): TypeOf {
  const cache = new Map<string, string[]>();
  return (d, i) => {
    let types = cache.get(d.id);
    if (!types) {
      const model = models.get(d.id)!;
      types = d.mentions.map((m) => entityTypeOf(model, d.words, m, index, d.syntax).type);
      cache.set(d.id, types);
    }
    return types[i];
  };
}

export function fitCoreference(docs: DocumentWords[], typeOf: TypeOf, index: ActorIndex, config: CoreferenceConfig): CorefModel {
  const examples: RankingExample[] = [];
  for (const d of docs) {
    const mentions = corefMentions(d, typeOf);
    const info = describeMentions(d.words, mentions, index, d.syntax);
    mentions.forEach((_, i) => {
      const candidates = candidatesOf(mentions, info, i, config.window);
      const gold = candidates.map((j, n) => (d.mentions[j].entity === d.mentions[i].entity ? n + 1 : -1)).filter((n) => n > 0);
      const rows = [hashedFeatures(newFeatures(d.words, info[i], info.slice(Math.max(0, i - config.window), i)), config.hashBits)];
      for (const j of candidates) rows.push(hashedFeatures(pairFeatures(d.words, info[i], info[j], i - j), config.hashBits));
      examples.push({ candidates: rows, gold: gold.length ? gold : [0] });
    });
  }
  const linear = trainRanking(examples, { hashBits: config.hashBits, epochs: config.epochs, learningRate: config.learningRate, l2: config.l2, seed: config.seed });
  return { linear, window: config.window };
}

export function trainCoreference(args: string[] = []): { dev: CoreferenceScores; test: CoreferenceScores } {
  const started = Date.now();
  const index = loadActorIndex();
  const [train, dev, test] = parsedGumSplits(loadNlp(), loadParserModel(DEFAULT_MODELS_DIR));
  // Entity types: cross-fitted for train, the shipped model for dev and test.
  const types = typesOf(train);
  const byDoc = new Map<string, EntityTypeModel>();
  const folds = COREFERENCE_CONFIG.typeFolds;
  for (let fold = 0; fold < folds; fold++) {
    const model = fitEntityTypes(train.filter((_, i) => i % folds !== fold), types, index, ENTITY_TYPE_CONFIG);
    train.forEach((d, i) => i % folds === fold && byDoc.set(d.id, model));
  }
  const shippedTypes = loadEntityTypeModel(DEFAULT_MODELS_DIR);
  for (const d of [...dev, ...test]) byDoc.set(d.id, shippedTypes);
  const typeOf = typesBy(byDoc, index);
  console.log(`coreference: GUM train ${train.length} documents, dev ${dev.length}, test ${test.length} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  if (args.includes('--search')) {
    for (const change of COREFERENCE_SEARCH) {
      const model = fitCoreference(train, typeOf, index, { ...COREFERENCE_CONFIG, ...change });
      console.log(`  ${JSON.stringify(change)}: dev ${formatCoreferenceScores(scoreCoreference(model, dev, typeOf, index))}`);
    }
  }
  let model = fitCoreference(train, typeOf, index, COREFERENCE_CONFIG);
  let devScores = scoreCoreference(model, dev, typeOf, index);
  console.log(`coreference: dev ${formatCoreferenceScores(devScores)}`);
  if (!args.includes('--dry')) {
    const file = path.join(DEFAULT_MODELS_DIR, COREFERENCE_MODEL_FILE);
    const size = writeModelFile(file, {
      about:
        'Coreference by mention ranking: a linear scorer of (mention, earlier mention or none) over the pair features of ' +
        'src/analysis/syntax/coreference.ts, built by scripts/coreference/train.ts from the GUM train documents and their chains.',
      licence: GUM_LICENCE,
      training: { config: COREFERENCE_CONFIG, data: TREEBANK_CITATIONS.slice(0, 1), dev: devScores },
      settings: { window: COREFERENCE_CONFIG.window },
      linear: { ranking: { classes: ['score'], model: model.linear, encoding: COREFERENCE_CONFIG.encoding } },
    });
    model = loadCoreferenceModel(DEFAULT_MODELS_DIR);
    devScores = scoreCoreference(model, dev, typeOf, index);
    console.log(`coreference: wrote ${file} (${(size / 1e6).toFixed(2)} MB); dev as stored ${formatCoreferenceScores(devScores)}`);
  }
  const testScores = scoreCoreference(model, test, typeOf, index);
  console.log(`coreference: GUM test ${formatCoreferenceScores(testScores)} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  return { dev: devScores, test: testScores };
}

if (require.main === module) trainCoreference(process.argv.slice(2));
