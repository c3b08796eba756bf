// Trains the dependency parser (models/parser.json): a greedy arc-hybrid parser whose
// transition and label classifiers are averaged perceptrons, trained with the dynamic oracle
// (Goldberg & Nivre 2013) on GUM's train documents (and UD EWT dev/test, config.withEwt), with the
// POS tags wink-nlp gives the gold words, as the analysis will at run time.
//
//   npm run train -- parser [--dry] [--search]
//     --dry     write nothing
//     --search  compare the settings of SEARCH on GUM dev (PARSER_SEARCH='[{...}, ...]' for others;
//               with --only, nothing more)
//
// Settings (scripts/parser/config.ts) are chosen on GUM dev; the epoch count too (the best
// epoch's averaged weights are kept). GUM test is scored once, with the kept model.
import path from 'node:path';
import { type FeatureSet, type SentenceAtoms, featureSet, sentenceAtoms } from '../../src/analysis/syntax/features';
import { type TaggerModel, fuseTagger } from '../../src/analysis/syntax/tagger';
import { ParseScratch, type ParserModel, bestLabel, bestMove, keptWords, labelSlot, rootLabelOf } from '../../src/analysis/syntax/parser';
import { MOVES, MOVE_NAMES, ParseState, SHIFT, moveCost, projectivise } from '../../src/analysis/syntax/transitions';
import type { LinearModel } from '../../src/ml/linear';
import { type WeightEncoding, quantised, writeModelFile } from '../../src/ml/model-file';
import { AveragedPerceptron } from '../../src/ml/perceptron';
import { mulberry32, shuffle } from '../../src/ml/random';
import { DEFAULT_MODELS_DIR } from '../../src/models';
import { loadNlp } from '../../src/models/nlp';
import { PARSER_MODEL_FILE, loadParserModel } from '../../src/models/parser';
import { GUM_LICENCE, TREEBANK_CITATIONS } from '../treebanks/licences';
import { type TreebankSentence, namesByFrequency, readEwt, readGum } from '../treebanks/treebanks';
import { PARSER_CONFIG, type ParserConfig, type Storage } from './config';
import { type ParserScores, errorsByRelation, formatParserScores, scoreParser, wordsOf } from './score';
import { type TaggedSentence, jackknifeTags, tagAccuracy, trainTagger, xposByUpos } from './tagger';

interface TrainingSentence {
  atoms: SentenceAtoms;
  /** Gold heads (index 0 unused), made projective. */
  heads: Int32Array;
  /** Gold relation ids (index 0 unused). */
  labels: Int32Array;
}

const SEARCH: Partial<ParserConfig>[] = [
  {},
  { ensemble: 1 },
  { ensemble: 2 },
  { punctuation: 'parse', transitionGroups: ['base', 'context', 'third', 'lookahead'], labelGroups: ['base'] },
  { transitionGroups: ['base', 'context', 'third', 'lookahead', 'marks', 'clause'] },
  { labelGroups: ['base', 'marks', 'context'] },
  { labelMinCount: 10 },
  { labelBits: 15 },
  { transitionBits: 20 },
  { exploreProbability: 0.7 },
  { withEwt: false },
];

export function trainParser(args: string[] = []): { dev: ParserScores; test: ParserScores } {
  const started = Date.now();
  const nlp = loadNlp();
  const train = readGum('train', nlp).flatMap((d) => d.sentences);
  const ewt = readEwt(nlp);
  const dev = readGum('dev', nlp).flatMap((d) => d.sentences);
  const test = readGum('test', nlp).flatMap((d) => d.sentences);
  console.log(`parser: GUM train ${count(train)} words, EWT ${count(ewt)}, dev ${count(dev)}, test ${count(test)} (read and tagged in ${seconds(started)})`);

  // Preparing (tagging by jackknife) is the slow part: done once per data and tagger setting.
  const cache = new Map<string, Prepared>();
  const prepared = (config: ParserConfig) => {
    const key = JSON.stringify([config.punctuation, config.withEwt, config.taggerBits, config.taggerEpochs, config.taggerFolds, config.seed]);
    if (!cache.has(key)) cache.set(key, prepare(config, config.withEwt ? [...train, ...ewt] : train, dev, test));
    return cache.get(key)!;
  };
  if (args.includes('--search')) {
    for (const change of process.env.PARSER_SEARCH ? (JSON.parse(process.env.PARSER_SEARCH) as Partial<ParserConfig>[]) : SEARCH) {
      const config = { ...PARSER_CONFIG, ...change };
      const { epoch, devScores } = fit(config, prepared(config), dev, false);
      console.log(`  ${JSON.stringify(change)}: dev ${formatParserScores(devScores)} (epoch ${epoch + 1})`);
    }
  }
  const data = prepared(PARSER_CONFIG);
  if (args.includes('--search') && args.includes('--only')) return null as never;
  const { model, epoch, devScores } = fit(PARSER_CONFIG, data, dev, true);
  console.log(`parser: kept epoch ${epoch + 1}: dev ${formatParserScores(devScores)}`);
  if (args.includes('--errors')) console.log(errorsByRelation(model, dev));
  if (args.includes('--dry')) {
    const testScores = scoreParser(model, test);
    console.log(`parser: test (wink tags) ${formatParserScores(testScores)}`);
    return { dev: devScores, test: testScores };
  }
  const storage = chooseStorage(model, PARSER_CONFIG, dev);
  const file = path.join(DEFAULT_MODELS_DIR, PARSER_MODEL_FILE);
  const size = writeModelFile(file, {
    about:
      'Dependency parser: greedy arc-hybrid transitions with averaged-perceptron transition and label classifiers over the ' +
      'hashed features of src/analysis/syntax/features.ts, built by scripts/parser/train.ts from GUM train' +
      (PARSER_CONFIG.withEwt ? ' and UD English EWT dev/test' : '') + ', with wink-nlp POS tags.',
    licence: GUM_LICENCE,
    training: { config: PARSER_CONFIG, epoch: epoch + 1, storage, data: TREEBANK_CITATIONS, dev: round(devScores) },
    settings: {
      xposFor: model.tagger.xposFor.map((l) => Array.from(l)),
      labelsFor: model.labelsFor.map((l) => Array.from(l)),
      transitionGroups: model.features.transitions.groups,
      labelGroups: model.features.labels.groups,
      punctuation: model.punctuation,
    },
    linear: {
      'tagger-upos': { classes: model.tagger.uposNames, model: model.tagger.upos, encoding: storage.tagger, clip: storage.clip },
      'tagger-xpos': { classes: model.tagger.xposNames, model: model.tagger.xpos, encoding: storage.tagger, clip: storage.clip },
      transitions: { classes: MOVE_NAMES, model: pruned(model.transitions, PARSER_CONFIG.pruneBelow), encoding: storage.transitions, clip: storage.clip },
      labels: { classes: model.relations, model: pruned(model.labels, PARSER_CONFIG.pruneBelow), encoding: storage.labels, clip: storage.clip },
    },
  });
  // Score what was written: the model as the analysis loads it.
  const shipped = loadParserModel(DEFAULT_MODELS_DIR);
  const shippedDev = scoreParser(shipped, dev);
  const testScores = scoreParser(shipped, test);
  const gold = scoreParser(shipped, test, 'gold');
  console.log(`parser: wrote ${file} (${(size / 1e6).toFixed(2)} MB); dev as stored ${formatParserScores(shippedDev)}`);
  console.log(`parser: GUM test, wink tags: ${formatParserScores(testScores)}`);
  console.log(`parser: GUM test, gold tags: ${formatParserScores(gold)}`);
  console.log(`parser: trained in ${seconds(started)}`);
  return { dev: shippedDev, test: testScores };
}

interface Prepared {
  sentences: TrainingSentence[];
  relations: string[];
  tagger: TaggerModel;
}

/**
 * The training sentences as the parser learns from them: gold trees made projective, and the
 * tags of a jackknifed tagger; and the tagger trained on all of them, for dev, test and the file.
 */
function prepare(config: ParserConfig, sources: TreebankSentence[], dev: TreebankSentence[], test: TreebankSentence[]): Prepared {
  const started = Date.now();
  const relations = namesByFrequency(sources.flatMap((s) => s.words.map((w) => w.deprel)));
  const relationId = new Map(relations.map((r, i) => [r, i]));
  const uposNames = namesByFrequency(sources.flatMap((s) => s.words.map((w) => w.goldPos)));
  const xposNames = namesByFrequency(sources.flatMap((s) => s.words.map((w) => w.goldXpos)));
  const tagged = (list: TreebankSentence[]): TaggedSentence[] =>
    list.map((s) => ({
      words: wordsOf(s, 'wink'),
      upos: Int32Array.from(s.words, (w) => Math.max(0, uposNames.indexOf(w.goldPos))),
      xpos: Int32Array.from(s.words, (w) => Math.max(0, xposNames.indexOf(w.goldXpos))),
    }));
  const training = tagged(sources);
  const taggerConfig = { bits: config.taggerBits, epochs: config.taggerEpochs, folds: config.taggerFolds, seed: config.seed };
  const xposFor = xposByUpos(training, uposNames.length);
  const jackknifed = jackknifeTags(training, uposNames, xposNames, taggerConfig, xposFor);
  const tagger = trainTagger(training, uposNames, xposNames, taggerConfig, xposFor);
  const accuracy = (tags: { upos: number; xpos: number }) => `UPOS ${tags.upos.toFixed(4)} XPOS ${tags.xpos.toFixed(4)}`;
  const winkAccuracy = (list: TreebankSentence[]) => {
    const words = list.flatMap((s) => s.words);
    return (words.filter((w) => w.pos === w.goldPos).length / words.length).toFixed(4);
  };
  console.log(
    `parser: tagger: dev ${accuracy(tagAccuracy(tagger, tagged(dev)))}, test ${accuracy(tagAccuracy(tagger, tagged(test)))} ` +
      `(wink-nlp UPOS: dev ${winkAccuracy(dev)}, test ${winkAccuracy(test)}); jackknifed training tags UPOS ` +
      `${(training.reduce((n, s, i) => n + s.upos.filter((u, w) => u === jackknifed[i].upos[w]).length, 0) / count(sources)).toFixed(4)} (${seconds(started)})`,
  );
  const punctTag = uposNames.indexOf('PUNCT');
  const sentences = sources.map((s, i): TrainingSentence => {
    const heads = [-1, ...s.words.map((w) => w.head)], labels = [-1, ...s.words.map((w) => relationId.get(w.deprel) ?? 0)];
    if (config.punctuation === 'parse') return { atoms: sentenceAtoms(training[i].words, jackknifed[i]), heads: projectivise(heads), labels: Int32Array.from(labels) };
    // The marks as the run-time tagger finds them are left out; a word under a mark climbs to the mark's head.
    const n = s.words.length;
    const marks = Uint8Array.from({ length: n + 1 }, (_, w) => (w > 0 && jackknifed[i].upos[w - 1] === punctTag ? 1 : 0));
    const keep = keptWords(marks, n);
    const position = new Int32Array(n + 1);
    keep.forEach((o, k) => (position[o + 1] = k + 1));
    const kept = [-1], keptLabels = [-1];
    for (const o of keep) {
      let h = heads[o + 1];
      for (let guard = 0; h > 0 && marks[h] && guard <= n; guard++) h = heads[h];
      kept.push(h === 0 ? 0 : position[h]);
      keptLabels.push(labels[o + 1]);
    }
    return { atoms: sentenceAtoms(training[i].words, jackknifed[i], keep), heads: projectivise(kept), labels: Int32Array.from(keptLabels) };
  });
  return { sentences, relations, tagger };
}

/** The relations each (side, tag) of dependent takes in training, with the tags the parser learns from. */
function labelLists(sentences: TrainingSentence[], uposCount: number, relations: string[], config: ParserConfig): Int32Array[] {
  const counts = Array.from({ length: 2 * uposCount }, () => new Map<number, number>());
  for (const s of sentences) {
    for (let d = 1; d <= s.atoms.n; d++) {
      const slot = counts[labelSlot(s.heads[d], d, s.atoms.upos[d], uposCount)];
      slot.set(s.labels[d], (slot.get(s.labels[d]) ?? 0) + 1);
    }
  }
  // A relation a (side, tag) took fewer than labelMinCount times is not scored for it (a mistagged word's relation, mostly).
  // 'root' is the root's dependent's alone (bestLabel gives it), never a candidate.
  const root = relations.indexOf('root');
  const labelsFor = counts.map((slot) => {
    slot.delete(root);
    const kept = [...slot].filter(([, n]) => n >= config.labelMinCount).map(([label]) => label);
    const list = kept.length ? kept : [...slot.keys()];
    return Int32Array.from(list.length && config.restrictLabels ? list.sort((a, b) => a - b) : [...relations.keys()].filter((r) => r !== root));
  });
  return labelsFor;
}

/**
 * Trains config.ensemble parsers side by side (each its own seed, so its own order and
 * exploration) for config.epochs, and keeps the mean of their averaged weights at the best
 * epoch on dev (by LAS): one linear model, as fast as one parser.
 */
function fit(config: ParserConfig, data: Prepared, dev: TreebankSentence[], verbose: boolean) {
  const { sentences, relations, tagger } = data;
  const labelsFor = labelLists(sentences, tagger.uposNames.length, relations, config);
  const features = featureSet(config.transitionGroups, config.labelGroups);
  const members = Array.from({ length: config.ensemble }, (_, m) => ({
    moves: new AveragedPerceptron(MOVES, config.transitionBits),
    labels: new AveragedPerceptron(relations.length, config.labelBits),
    random: mulberry32(config.seed + 7919 * m),
    order: sentences.map((_, i) => i),
  }));
  let best: { model: ParserModel; epoch: number; devScores: ParserScores } | null = null;
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    const started = Date.now();
    let errors = 0, steps = 0;
    for (const { moves, labels, random, order } of members) {
      shuffle(order, random);
      for (const i of order) {
        const r = trainSentence(sentences[i], { ...data, labelsFor, features, moves, labels }, epoch >= config.exploreFrom ? config.exploreProbability : 0, random);
        errors += r.errors;
        steps += r.steps;
      }
    }
    const model: ParserModel = {
      tagger,
      transitions: meanModel(members.map((m) => m.moves.averaged())),
      labels: meanModel(members.map((m) => m.labels.averaged())),
      relations,
      labelsFor,
      features,
      punctuation: config.punctuation,
    };
    const devScores = scoreParser(model, dev);
    if (verbose) console.log(`  epoch ${epoch + 1}: move errors ${(errors / steps).toFixed(4)}, dev ${formatParserScores(devScores)} (${seconds(started)})`);
    if (!best || devScores.las > best.devScores.las) best = { model, epoch, devScores };
  }
  return best!;
}

/** The mean of linear models of one shape. */
function meanModel(models: LinearModel[]): LinearModel {
  if (models.length === 1) return models[0];
  const [first] = models;
  const weights = new Float64Array(first.weights.length), bias = new Float64Array(first.classes);
  for (const m of models) {
    for (let i = 0; i < weights.length; i++) weights[i] += m.weights[i] / models.length;
    for (let c = 0; c < bias.length; c++) bias[c] += m.bias[c] / models.length;
  }
  return { ...first, weights, bias };
}

/** One sentence by the dynamic oracle: updates where the model's move loses gold arcs, and on every wrong label the arc can take. */
function trainSentence(s: TrainingSentence, learner: Prepared & { labelsFor: Int32Array[]; features: FeatureSet; moves: AveragedPerceptron; labels: AveragedPerceptron }, explore: number, random: () => number) {
  const { moves, labels } = learner;
  const current: ParserModel = { ...learner, transitions: moves.model, labels: labels.model, punctuation: 'parse' };
  const state = new ParseState(s.atoms.n);
  const scratch = new ParseScratch();
  scratch.rootLabel = rootLabelOf(learner);
  const costs = new Int32Array(MOVES);
  let errors = 0, steps = 0;
  while (!state.isTerminal()) {
    const predicted = bestMove(learner.features, moves.model, state, s.atoms, scratch);
    let right = -1;
    for (let m = 0; m < MOVES; m++) {
      costs[m] = state.isLegal(m) ? moveCost(state, m, s.heads) : 1 << 20;
      if (costs[m] === 0 && (right < 0 || scratch.moveScores[m] > scratch.moveScores[right])) right = m;
    }
    if (right < 0) right = costs.indexOf(Math.min(...costs)); // no zero-cost move: the least costly
    steps++;
    if (costs[predicted] > costs[right]) {
      errors++;
      moves.update(scratch.rows, scratch.count, right, predicted);
    } else moves.tick();
    const move = costs[predicted] === costs[right] || random() < explore ? predicted : right;
    let label = -1;
    if (move !== SHIFT) {
      const [head, dep] = state.arcOf(move)!;
      label = bestLabel(current, labels.model, state, s.atoms, head, dep, scratch);
      // Only toward a relation the arc can take: updates toward one it cannot ('root' under a
      // word, a relation its side and tag never took) would grow without end and teach nothing.
      const candidates = learner.labelsFor[labelSlot(head, dep, s.atoms.upos[dep], learner.tagger.uposNames.length)];
      if (head !== 0 && candidates.includes(s.labels[dep])) labels.update(scratch.rows, scratch.count, s.labels[dep], label);
      else labels.tick();
    }
    state.apply(move, label);
  }
  return { errors, steps };
}

/**
 * How the weights are stored: the first of config.storage (smallest first) unless a later one
 * scores at least 0.001 better on dev (LAS, as stored); every one's score is printed.
 */
function chooseStorage(model: ParserModel, config: ParserConfig, dev: TreebankSentence[]): Storage {
  let best: { storage: Storage; las: number } | null = null;
  for (const storage of config.storage) {
    const q = (m: LinearModel, encoding: WeightEncoding) => quantised(m, encoding, storage.clip);
    const stored: ParserModel = {
      ...model,
      tagger: fuseTagger({ ...model.tagger, upos: q(model.tagger.upos, storage.tagger), xpos: q(model.tagger.xpos, storage.tagger) }),
      transitions: q(pruned(model.transitions, config.pruneBelow), storage.transitions),
      labels: q(pruned(model.labels, config.pruneBelow), storage.labels),
    };
    const scores = scoreParser(stored, dev);
    console.log(`  stored ${JSON.stringify(storage)}: dev ${formatParserScores(scores)}`);
    if (!best || scores.las >= best.las + 0.001) best = { storage, las: scores.las };
  }
  return best!.storage;
}

/** The model without the weights smaller than `below`. */
function pruned(model: LinearModel, below: number): LinearModel {
  if (below <= 0) return model;
  return { ...model, weights: model.weights.map((w) => (Math.abs(w) < below ? 0 : w)) };
}

const count = (sentences: TreebankSentence[]): number => sentences.reduce((n, s) => n + s.words.length, 0);
const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)}s`;
const round = (s: ParserScores) => ({ uas: +s.uas.toFixed(4), las: +s.las.toFixed(4), lasFull: +s.lasFull.toFixed(4) });

if (require.main === module) trainParser(process.argv.slice(2));
