// Trains the directed-stance model (models/stance-model.json): a multinomial logistic regression
// over the pair features of src/analysis/passes/stance/pair-features.ts, on DSE's training
// sentences (Park, Pan & Joo, Findings of ACL 2021), five classes: neutral, p → q ±, q → p ±.
//
//   npm run train -- stance-model [--dry] [--search]
//
// Data: ../shared/eval/data/dse-train.jsonl ONLY, its `train` part to learn from. The settings
// (config.ts, --search), the decision offsets and the confidence threshold are chosen by 5-fold
// cross-validation on the train part; the `valid` part is scored with the shipped model, which
// is trained on the train part alone; the dev and sealed files are never read here.
// Deterministic: fixed seed, fixed folds, fixed date for the actors pass. Retrain after
// changing the passes the features read (3 to 6, the lexicons).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PAIR_CLASSES, classScores, decideFromScores } from '../../src/analysis/passes/stance/pair-model';
import { polarityOf } from '../../src/analysis/passes/stance/evidence';
import { hashedFeatures } from '../../src/ml/hashing';
import { type LinearModel, logits } from '../../src/ml/linear';
import { type SparseExample, trainLogistic } from '../../src/ml/logistic';
import { macroF1 } from '../../src/ml/metrics';
import { writeModelFile } from '../../src/ml/model-file';
import { DEFAULT_MODELS_DIR, loadModels } from '../../src/models';
import { compileActorIndex, readActorDictionary } from '../../src/models/actors';
import { loadLexicon } from '../../src/models/lexicon';
import { loadEntityTypeModel } from '../../src/models/entity-types';
import { loadNlp } from '../../src/models/nlp';
import { loadParserModel } from '../../src/models/parser';
import { loadTargetModel } from '../../src/models/target-model';
import {
  DIRECTION_CLASSES, DIRECTION_LINEAR, SIGN_CLASSES, SIGN_LINEAR, STANCE_LINEAR, STATEMENT_STRENGTHS, strengthBin, STANCE_MODEL_CLASSES, type BySignAndStrength, uniformConfidence, STANCE_MODEL_FILE, type StanceLinear, type StanceModel, loadStanceModel,
} from '../../src/models/stance-model';
import { FOLDS, MIN_CONFIDENCE_GRID, OFFSET_GRID, POLAR_BETA, STANCE_MODEL_CONFIG, STANCE_MODEL_SEARCH, THRESHOLD_GRID, type StanceModelConfig } from './config';
import { type DseRecord, type PairExample, recordFeatures } from './examples';
import {
  type DseScores, type ReadPair, dseScores, formatConfusion, formatPolar, formatScores, labelOfPairs, pairsThroughAnalysis, polarScores, predictExamples, predictThroughAnalysis,
} from './score';

export const DSE_TRAIN_FILE = path.resolve(__dirname, '../../../../shared/eval/data/dse-train.jsonl');
const CLASSES = STANCE_MODEL_CLASSES.length;

export const DSE_CITATION =
  'Park, K., Pan, Z., & Joo, J. (2021). Who Blames or Endorses Whom? Entity-to-Entity Directed Sentiment Extraction in ' +
  'News Text. Findings of the Association for Computational Linguistics: ACL-IJCNLP 2021.';

interface Item {
  record: DseRecord;
  example: PairExample | null;
  sparse: SparseExample | null;
}

export function readDse(file = DSE_TRAIN_FILE): DseRecord[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as DseRecord);
}

/** Trains the model (joint, or sign and direction: config.factored) on the items that the analysis judges (a mention each, one sentence, two actors). */
export function fitStanceModel(items: Item[], config: StanceModelConfig): StanceLinear {
  const examples = items.flatMap((it) => (it.sparse && !it.example!.sameActor ? [it.sparse] : []));
  if (!config.factored) return { joint: fitLogistic(examples, CLASSES, config) };
  // DSE's labels: 0 neutral, 1 positive p→q, 2 positive q→p, 3 negative p→q, 4 negative q→p.
  const sign = examples.map((e) => ({ ...e, label: e.label === 0 ? 0 : e.label <= 2 ? 1 : 2 }));
  const direction = examples.filter((e) => e.label !== 0).map((e) => ({ ...e, label: e.label === 1 || e.label === 3 ? 0 : 1 }));
  return { sign: fitLogistic(sign, SIGN_CLASSES.length, config), direction: fitLogistic(direction, DIRECTION_CLASSES.length, config) };
}

function fitLogistic(examples: SparseExample[], classes: number, config: StanceModelConfig): LinearModel {
  const counts = Array.from({ length: classes }, (_, c) => examples.filter((e) => e.label === c).length);
  return trainLogistic(examples, {
    classes,
    dim: 2 ** config.hashBits,
    epochs: config.epochs,
    learningRate: config.learningRate,
    l2: config.l2,
    classWeights: counts.map((n) => (examples.length / (classes * Math.max(n, 1))) ** config.balance),
    seed: config.seed,
  });
}

/** Out-of-fold class scores of every train item (null where the analysis judges no pair), and the fold models (item i is out of fold i mod FOLDS). */
function crossValidatedScores(items: Item[], config: StanceModelConfig): (number[] | null)[] & { models?: StanceLinear[] } {
  const out: (number[] | null)[] & { models?: StanceLinear[] } = items.map(() => null);
  out.models = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = fitStanceModel(items.filter((_, i) => i % FOLDS !== fold), config);
    out.models.push(model);
    items.forEach((it, i) => {
      const sparse = it.sparse;
      if (i % FOLDS === fold && sparse && !it.example!.sameActor) out[i] = classScores(model, (m) => logits(m, sparse));
    });
  }
  return out;
}

interface Decision {
  offsets: number[];
  threshold: number;
}

const labelsOf = (scores: (number[] | null)[], d: Decision) => scores.map((z) => (z ? decideFromScores(z, d.offsets, d.threshold).label : 0));

/** Decision offsets and threshold that maximise macro-F1 on the scores: coordinate ascent over the grids. */
function tuneDecision(scores: (number[] | null)[], gold: number[]): Decision & { macroF1: number } {
  const d: Decision = { offsets: new Array<number>(CLASSES).fill(0), threshold: 0 };
  let best = macroF1(gold, labelsOf(scores, d), CLASSES);
  for (let round = 0; round < 3; round++) {
    for (let c = 1; c < CLASSES; c++) {
      for (const o of OFFSET_GRID) {
        const tried = { ...d, offsets: d.offsets.map((x, k) => (k === c ? o : x)) };
        const f = macroF1(gold, labelsOf(scores, tried), CLASSES);
        if (f > best + 1e-9) [best, d.offsets] = [f, tried.offsets];
      }
    }
    for (const threshold of THRESHOLD_GRID) {
      const f = macroF1(gold, labelsOf(scores, { ...d, threshold }), CLASSES);
      if (f > best + 1e-9) [best, d.threshold] = [f, threshold];
    }
  }
  return { offsets: d.offsets.map((x) => Math.round(x * 100) / 100), threshold: Math.round(d.threshold * 100) / 100, macroF1: best };
}

/**
 * The lowest confidence threshold of MIN_CONFIDENCE_GRID with the best F-beta (beta
 * POLAR_BETA < 1: precision counts more) of the polar pairs the analysis reports on the valid part.
 */
export function chooseMinConfidence(gold: number[], pairs: [ReadPair | null, ReadPair | null][], log = console.log): number {
  let best = { t: 0, f: -1 };
  for (const t of MIN_CONFIDENCE_GRID) {
    const predicted = pairs.map((p) => labelOfPairs(p, t));
    const polar = polarScores(gold, predicted, POLAR_BETA);
    log(`  minConfidence ${t.toFixed(2)}: ${formatPolar(polar)}; macro-F1 ${macroF1(gold, predicted, CLASSES).toFixed(3)}`);
    if (polar.f > best.f + 1e-9) best = { t, f: polar.f };
  }
  log(`stance model: minConfidence ${best.t} (best F${POLAR_BETA} of the polar pairs through analyze(): ${best.f.toFixed(3)})`);
  return best.t;
}

/** The records polar `withIt` and neutral `without` (added), and how many of those are the gold class (right). */
function polarOnlyWith(gold: number[], without: [ReadPair | null, ReadPair | null][], withIt: [ReadPair | null, ReadPair | null][]): { added: number; right: number } {
  let added = 0, right = 0;
  gold.forEach((g, i) => {
    const b = labelOfPairs(withIt[i]);
    if (labelOfPairs(without[i]) === 0 && b !== 0) {
      added++;
      if (b === g) right++;
    }
  });
  return { added, right };
}

/**
 * How often a pair that the kept rule evidence alone makes polar is right: the records whose
 * label is polar with that evidence (`withKept`) and neutral without it (`without`).
 */
export function measureKeptConfidence(gold: number[], without: [ReadPair | null, ReadPair | null][], withKept: [ReadPair | null, ReadPair | null][], log = console.log): number {
  const { added, right } = polarOnlyWith(gold, without, withKept);
  const confidence = added ? Math.round((right / added) * 100) / 100 : 1;
  log(`stance model: the kept rule evidence alone makes ${added} pairs polar, ${right} of them right: keptConfidence ${confidence}`);
  return confidence;
}

const BINS = STATEMENT_STRENGTHS.length + 1;
const ONE = uniformConfidence(1);

/** Fewer pairs than this in an action bin give too rough a measure: the bin takes keptConfidence, the measure over all kept evidence. */
const MIN_BIN_PAIRS = 20;

/**
 * How often a pair that the kept action evidence of one sign and strength alone makes polar is
 * right, for each sign and strength: each bin kept by itself beside the relations (`run`: the
 * train part's pairs through the analysis with the given action confidences) against the
 * relations alone. A bin with too few pairs takes `pooled`.
 */
export function measureActionConfidence(gold: number[], run: (actionConfidence: BySignAndStrength) => [ReadPair | null, ReadPair | null][], pooled: number, log = console.log): BySignAndStrength {
  const without = run(uniformConfidence(0));
  const out = uniformConfidence(pooled);
  const shown: string[] = [];
  for (const sign of ['positive', 'negative'] as const) {
    for (let bin = 0; bin < BINS; bin++) {
      const only = uniformConfidence(0);
      only[sign][bin] = 1;
      const { added, right } = polarOnlyWith(gold, without, run(only));
      if (added >= MIN_BIN_PAIRS) out[sign][bin] = Math.round((right / added) * 100) / 100;
      shown.push(`${sign} ${bin} ${right}/${added}`);
    }
  }
  log(`stance model: pairs the kept actions alone make polar, right by sign and strength: ${shown.join(', ')}: actionConfidence ${JSON.stringify(out)}`);
  return out;
}

/**
 * How often the rules' polar statement evidence between the record's two actors (the pair
 * features' rule-pq-statement and rule-qp-statement: its weighted score in that direction) is
 * DSE's class for them, by sign and strength.
 */
export function measureStatementConfidence(items: { record: { dseLabel: number }; example: PairExample | null }[], log = console.log): StanceModel['statementConfidence'] {
  const counts = { positive: Array.from({ length: BINS }, () => [0, 0]), negative: Array.from({ length: BINS }, () => [0, 0]) };
  for (const { record, example } of items) {
    if (!example || example.sameActor) continue;
    for (const [feature, positive, negative] of [['rule-pq-statement', 1, 3], ['rule-qp-statement', 2, 4]] as const) {
      const score = example.features.get(feature);
      if (score === undefined || polarityOf(score) === 0) continue;
      const bin = counts[score > 0 ? 'positive' : 'negative'][strengthBin(score)];
      bin[0]++;
      if (record.dseLabel === (score > 0 ? positive : negative)) bin[1]++;
    }
  }
  const of = ([n, right]: number[]) => (n ? Math.round((right / n) * 100) / 100 : 1);
  const out = { positive: counts.positive.map(of), negative: counts.negative.map(of) };
  const show = (bins: number[][]) => bins.map(([n, right]) => `${right}/${n}`).join(' ');
  log(`stance model: the rules' statement evidence right by strength, positive ${show(counts.positive)}, negative ${show(counts.negative)}: statementConfidence ${JSON.stringify(out)}`);
  return out;
}

export function trainStanceModel(args: string[] = []): { cv: number; valid: DseScores; validThroughAnalysis: DseScores } {
  const started = Date.now();
  const config = STANCE_MODEL_CONFIG;
  const passModels = { nlp: loadNlp(), actors: compileActorIndex([readActorDictionary(path.join(DEFAULT_MODELS_DIR, 'actors.json'))]), lexicon: loadLexicon(DEFAULT_MODELS_DIR), targetModel: loadTargetModel(DEFAULT_MODELS_DIR),
    // The actors and speakers passes read these (trained before this model by scripts/train.ts).
    syntax: { parser: loadParserModel(DEFAULT_MODELS_DIR), entityTypes: loadEntityTypeModel(DEFAULT_MODELS_DIR) } };
  const records = readDse();
  const items: Item[] = records.map((record) => {
    const example = recordFeatures(record, passModels);
    return { record, example, sparse: example ? { ...hashedFeatures(example.features, config.hashBits), label: record.dseLabel } : null };
  });
  const train = items.filter((it) => it.record.split === 'train');
  const valid = items.filter((it) => it.record.split === 'valid');
  const judged = (list: Item[]) => list.filter((it) => it.example && !it.example.sameActor).length;
  console.log(`stance model: DSE train ${train.length} (${judged(train)} judged pairs), valid ${valid.length} (${judged(valid)}); features in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  const trainGold = train.map((it) => it.record.dseLabel);

  if (args.includes('--search')) {
    for (const change of STANCE_MODEL_SEARCH) {
      const c = { ...config, ...change };
      const scores = crossValidatedScores(train, c);
      const raw = macroF1(trainGold, labelsOf(scores, { offsets: new Array<number>(CLASSES).fill(0), threshold: 0 }), CLASSES);
      console.log(`  ${JSON.stringify(change)}: ${FOLDS}-fold macro-F1 ${raw.toFixed(4)} (argmax), ${tuneDecision(scores, trainGold).macroF1.toFixed(4)} (tuned)`);
    }
  }
  const cvScores = crossValidatedScores(train, config);
  const decision = tuneDecision(cvScores, trainGold);
  console.log(`stance model: ${FOLDS}-fold on train macro-F1 ${decision.macroF1.toFixed(3)} with offsets ${decision.offsets.join(' ')}, threshold ${decision.threshold}`);
  console.log(formatConfusion(dseScores(trainGold, labelsOf(cvScores, decision))));

  const linear = fitStanceModel(train, config);
  const validGold = valid.map((it) => it.record.dseLabel);
  const analysisModels = loadModels({ withoutStanceModel: true });
  const throughAnalysis = (m: StanceModel) => dseScores(validGold, valid.map((it) => predictThroughAnalysis(it.record, { ...analysisModels, stanceModel: m })));
  // With and without the rules' actions beside the model's neutral judgements (config.ts says which is kept, and why).
  const variants = [false, true].map((keepActions) => {
    const m: StanceModel = { linear, offsets: decision.offsets, threshold: decision.threshold, minConfidence: 0, keepActions, keptConfidence: 1, actionConfidence: ONE, statementConfidence: ONE };
    const through = throughAnalysis(m);
    console.log(`stance model: keepActions ${keepActions}: valid through analyze() ${formatScores(through)}`);
    return { m, through };
  });
  let { m: model } = variants[config.keepActions ? 1 : 0];
  // Precision first, out of fold on the train part through the whole analysis (each sentence
  // analysed with the fold model that did not learn from it):
  // 1. the confidence of the rules' evidence kept beside the model's neutral judgements: how
  //    often a pair that evidence alone makes polar is right (the pairs polar with it and not
  //    without it);
  // 2. the confidence under which a pair is not reported as polar, for F0.5 of the polar pairs
  //    (a pair's confidence does not depend on the threshold, so one run reads them all).
  // The valid part is scored with both, before and after.
  const started2 = Date.now();
  const outOfFold = (m: StanceModel) => train.map((it, i) => pairsThroughAnalysis(it.record, { ...analysisModels, stanceModel: { ...m, linear: cvScores.models![i % FOLDS] } }));
  const keptConfidence = model.keepActions
    ? measureKeptConfidence(trainGold, outOfFold({ ...model, keepActions: false }), outOfFold({ ...model, keptConfidence: 1 }))
    : 1;
  const actionConfidence = model.keepActions ? measureActionConfidence(trainGold, (a) => outOfFold({ ...model, keptConfidence: 1, actionConfidence: a }), keptConfidence) : ONE;
  model = { ...model, keptConfidence, actionConfidence, statementConfidence: measureStatementConfidence(train) };
  const cvPairs = outOfFold(model);
  console.log(`stance model: the train part through analyze(), out of fold, in ${((Date.now() - started2) / 1000).toFixed(1)}s`);
  const minConfidence = chooseMinConfidence(trainGold, cvPairs);
  const validPolar = (m: StanceModel, t: number) => {
    const pairs = valid.map((it) => pairsThroughAnalysis(it.record, { ...analysisModels, stanceModel: m }));
    return formatPolar(polarScores(validGold, pairs.map((p) => labelOfPairs(p, t)), POLAR_BETA));
  };
  console.log(`stance model: valid through analyze(), the rules' constants, minConfidence 0: ${validPolar({ ...model, keptConfidence: 1, actionConfidence: ONE, statementConfidence: ONE }, 0)}`);
  console.log(`stance model: valid through analyze(), keptConfidence ${keptConfidence}, minConfidence 0: ${validPolar(model, 0)}`);
  console.log(`stance model: valid through analyze(), keptConfidence ${keptConfidence}, minConfidence ${minConfidence}: ${validPolar(model, minConfidence)}`);
  if (args.includes('--search')) chooseMinConfidence(validGold, valid.map((it) => pairsThroughAnalysis(it.record, { ...analysisModels, stanceModel: model })));
  // The kept CAMEO actions ship at the rules' own confidences unless the config says to demote
  // them to DSE's measure (see StanceModelConfig.demoteKeptActions); the threshold above was
  // chosen with them demoted, so it is the one DSE's sentences call for.
  model = { ...model, minConfidence, keptConfidence: config.demoteKeptActions ? keptConfidence : 1, actionConfidence: config.demoteKeptActions ? actionConfidence : ONE };
  let validScores = dseScores(validGold, predictExamples(model, valid.map((it) => it.example)));
  console.log(`stance model: valid, the model's own decisions: ${formatScores(validScores)}`);
  if (!args.includes('--dry')) {
    const file = path.join(DEFAULT_MODELS_DIR, STANCE_MODEL_FILE);
    const size = writeModelFile(file, {
      about:
        'Directed stance between two actor mentions of a sentence (DSE\'s five classes: ' + PAIR_CLASSES.join(', ') + '): ' +
        (config.factored ? 'the sign (neutral, positive, negative) and, when polar, the direction, each a ' : 'a ') +
        'multinomial logistic regression over the pair features of src/analysis/passes/stance/pair-features.ts, built by ' +
        'scripts/stance-model/train.ts from the train part of DSE (dse-train.jsonl).',
      licence: `DSE, used by the authors' terms ("You can use the resources for your purposes by citing the paper"): ${DSE_CITATION}`,
      training: { config, data: DSE_CITATION, crossValidation: { folds: FOLDS, macroF1: Math.round(decision.macroF1 * 1000) / 1000 }, valid: validScores },
      settings: {
        offsets: model.offsets, threshold: model.threshold, minConfidence: model.minConfidence, keepActions: model.keepActions, keptConfidence: model.keptConfidence,
        actionConfidence: model.actionConfidence, statementConfidence: model.statementConfidence,
      },
      linear:
        'joint' in linear
          ? { [STANCE_LINEAR]: { classes: STANCE_MODEL_CLASSES, model: linear.joint, encoding: config.encoding } }
          : {
              [SIGN_LINEAR]: { classes: SIGN_CLASSES, model: linear.sign, encoding: config.encoding },
              [DIRECTION_LINEAR]: { classes: DIRECTION_CLASSES, model: linear.direction, encoding: config.encoding },
            },
    });
    model = loadStanceModel(DEFAULT_MODELS_DIR);
    validScores = dseScores(validGold, predictExamples(model, valid.map((it) => it.example)));
    console.log(`stance model: wrote ${file} (${(size / 1e6).toFixed(2)} MB); valid as stored ${formatScores(validScores)}`);
  }
  const through = throughAnalysis(model);
  console.log(`stance model: valid through analyze() ${formatScores(through)}`);
  console.log(formatConfusion(through));
  console.log(`stance model: ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return { cv: decision.macroF1, valid: validScores, validThroughAnalysis: through };
}

if (require.main === module) trainStanceModel(process.argv.slice(2));
