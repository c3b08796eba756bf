// Trains the entity-type model (models/entity-types.json): a multinomial logistic regression
// over the mention features of src/analysis/syntax/entity-types.ts, on the mentions of GUM's
// train documents (their entity layer), with wink-nlp's tags, the actor dictionary's clues and
// the trees of the shipped parser (models/parser.json: train the parser first).
//
//   npm run train -- entity-types [--dry] [--search]
//
// Settings (config.ts) are chosen on GUM dev; test is scored once with the kept model.
import path from 'node:path';
import { type EntityTypeModel, entityFeatures } from '../../src/analysis/syntax/entity-types';
import { hashedFeatures } from '../../src/ml/hashing';
import { type SparseExample, trainLogistic } from '../../src/ml/logistic';
import { writeModelFile } from '../../src/ml/model-file';
import { DEFAULT_MODELS_DIR } from '../../src/models';
import { type ActorIndex, compileActorIndex, readActorDictionary } from '../../src/models/actors';
import { ENTITY_TYPE_MODEL_FILE, loadEntityTypeModel } from '../../src/models/entity-types';
import { loadNlp } from '../../src/models/nlp';
import { loadParserModel } from '../../src/models/parser';
import { GUM_LICENCE, TREEBANK_CITATIONS } from '../treebanks/licences';
import { type DocumentWords, namesByFrequency, parsedGumSplits } from '../treebanks/treebanks';
import { ENTITY_TYPE_CONFIG, ENTITY_TYPE_SEARCH, type EntityTypeConfig } from './config';
import { type EntityTypeScores, formatEntityTypeScores, scoreEntityTypes } from './score';

export function loadActorIndex(): ActorIndex {
  return compileActorIndex([readActorDictionary(path.join(DEFAULT_MODELS_DIR, 'actors.json'))]);
}

/** The types of the training mentions, most frequent first. */
export function typesOf(docs: DocumentWords[]): string[] {
  return namesByFrequency(docs.flatMap((d) => d.mentions.map((m) => m.type)));
}

/** Trains an entity-type model on the documents' mentions. */
export function fitEntityTypes(docs: DocumentWords[], types: string[], index: ActorIndex, config: EntityTypeConfig): EntityTypeModel {
  const examples: SparseExample[] = [];
  for (const d of docs) {
    for (const m of d.mentions) examples.push({ ...hashedFeatures(entityFeatures(d.words, m, index, d.syntax), config.hashBits), label: types.indexOf(m.type) });
  }
  const counts = types.map((_, c) => examples.filter((e) => e.label === c).length);
  const linear = trainLogistic(examples, {
    classes: types.length,
    dim: 2 ** config.hashBits,
    epochs: config.epochs,
    learningRate: config.learningRate,
    l2: config.l2,
    classWeights: counts.map((n) => (config.balanced ? examples.length / (types.length * Math.max(n, 1)) : 1)),
    seed: config.seed,
  });
  return { linear, types };
}

export function trainEntityTypes(args: string[] = []): { dev: EntityTypeScores; test: EntityTypeScores } {
  const started = Date.now();
  const index = loadActorIndex();
  const [train, dev, test] = parsedGumSplits(loadNlp(), loadParserModel(DEFAULT_MODELS_DIR));
  const types = typesOf(train);
  const mentions = (docs: DocumentWords[]) => docs.reduce((n, d) => n + d.mentions.length, 0);
  console.log(`entity types: GUM mentions train ${mentions(train)}, dev ${mentions(dev)}, test ${mentions(test)}; types ${types.join(' ')}`);
  if (args.includes('--search')) {
    for (const change of ENTITY_TYPE_SEARCH) {
      const model = fitEntityTypes(train, types, index, { ...ENTITY_TYPE_CONFIG, ...change });
      console.log(`  ${JSON.stringify(change)}: dev ${formatEntityTypeScores(scoreEntityTypes(model, dev, index))}`);
    }
  }
  const trained = fitEntityTypes(train, types, index, ENTITY_TYPE_CONFIG);
  let devScores = scoreEntityTypes(trained, dev, index);
  console.log(`entity types: dev ${formatEntityTypeScores(devScores)}`);
  let model = trained;
  if (!args.includes('--dry')) {
    const file = path.join(DEFAULT_MODELS_DIR, ENTITY_TYPE_MODEL_FILE);
    const size = writeModelFile(file, {
      about:
        'Entity types of mentions (GUM entity layer): multinomial logistic regression over the mention features of ' +
        'src/analysis/syntax/entity-types.ts, built by scripts/entity-types/train.ts from the GUM train documents.',
      licence: GUM_LICENCE,
      training: { config: ENTITY_TYPE_CONFIG, data: TREEBANK_CITATIONS.slice(0, 1), dev: devScores },
      settings: {},
      linear: { types: { classes: types, model: trained.linear, encoding: ENTITY_TYPE_CONFIG.encoding } },
    });
    model = loadEntityTypeModel(DEFAULT_MODELS_DIR);
    devScores = scoreEntityTypes(model, dev, index);
    console.log(`entity types: wrote ${file} (${(size / 1e6).toFixed(2)} MB); dev as stored ${formatEntityTypeScores(devScores)}`);
  }
  const testScores = scoreEntityTypes(model, test, index);
  console.log(`entity types: GUM test ${formatEntityTypeScores(testScores)}`);
  console.log(`entity types: per-type F1 on test ${JSON.stringify(testScores.perType)} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  return { dev: devScores, test: testScores };
}

if (require.main === module) trainEntityTypes(process.argv.slice(2));
