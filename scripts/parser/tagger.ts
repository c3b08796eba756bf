// Trains the parser's tagger (src/analysis/syntax/tagger.ts) and tags the parser's training
// sentences by jackknifing: each fold is tagged by a tagger that did not learn from it, so the
// parser learns from tags as good as it will see at run time, not from memorised ones.
import type { SyntaxWord } from '../../src/analysis/syntax/features';
import { TAGGER_ATOMS, TAGGER_FEATURES, type Tags, type TaggerModel, taggerAtoms, taggerFeatures, tagWords } from '../../src/analysis/syntax/tagger';
import { bestOfCandidates } from '../../src/ml/linear';
import { AveragedPerceptron } from '../../src/ml/perceptron';
import { mulberry32, shuffle } from '../../src/ml/random';

export interface TaggedSentence {
  words: SyntaxWord[];
  upos: Int32Array;
  xpos: Int32Array;
}

export interface TaggerConfig {
  bits: number;
  epochs: number;
  folds: number;
  seed: number;
}

/** The Penn tags each universal tag takes in the sentences (by id). */
export function xposByUpos(sentences: TaggedSentence[], uposCount: number): Int32Array[] {
  const sets = Array.from({ length: uposCount }, () => new Set<number>());
  for (const s of sentences) s.upos.forEach((u, w) => sets[u].add(s.xpos[w]));
  return sets.map((set) => Int32Array.from([...set].sort((a, b) => a - b)));
}

export function trainTagger(sentences: TaggedSentence[], uposNames: string[], xposNames: string[], config: TaggerConfig, xposFor: Int32Array[]): TaggerModel {
  const upos = new AveragedPerceptron(uposNames.length, config.bits);
  const xpos = new AveragedPerceptron(xposNames.length, config.bits);
  const random = mulberry32(config.seed);
  const order = sentences.map((_, i) => i);
  const rows = new Int32Array(TAGGER_FEATURES), context = new Int32Array(TAGGER_ATOMS.length);
  const scores = new Float64Array(Math.max(uposNames.length, xposNames.length));
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const s = sentences[i];
      const atoms = taggerAtoms(s.words);
      const chosen = new Int32Array(s.words.length);
      for (let w = 0; w < s.words.length; w++) {
        const count = taggerFeatures(atoms, w, chosen, config.bits, rows, context);
        const u = best(upos, rows, count, scores);
        const x = bestOfCandidates(xpos.model, rows, count, xposFor[u].length ? xposFor[u] : ALL(xposNames.length), scores);
        upos.update(rows, count, s.upos[w], u);
        xpos.update(rows, count, s.xpos[w], x);
        chosen[w] = x;
      }
    }
  }
  return { upos: upos.averaged(), xpos: xpos.averaged(), uposNames, xposNames, xposFor };
}

function best(p: AveragedPerceptron, rows: Int32Array, count: number, scores: Float64Array): number {
  p.scores(rows, count, scores);
  let b = 0;
  for (let c = 1; c < p.classes; c++) if (scores[c] > scores[b]) b = c;
  return b;
}

/** Tags for every sentence, each from a tagger trained on the other folds (sentence i is in fold i mod folds). */
const ALL = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

export function jackknifeTags(sentences: TaggedSentence[], uposNames: string[], xposNames: string[], config: TaggerConfig, xposFor: Int32Array[]): Tags[] {
  const out: Tags[] = new Array(sentences.length);
  for (let fold = 0; fold < config.folds; fold++) {
    const tagger = trainTagger(sentences.filter((_, i) => i % config.folds !== fold), uposNames, xposNames, { ...config, seed: config.seed + fold }, xposFor);
    sentences.forEach((s, i) => {
      if (i % config.folds === fold) out[i] = tagWords(tagger, s.words);
    });
  }
  return out;
}

/** Share of words whose universal and Penn tags are right. */
export function tagAccuracy(tagger: TaggerModel, sentences: TaggedSentence[]): { upos: number; xpos: number } {
  let n = 0, u = 0, x = 0;
  for (const s of sentences) {
    const tags = tagWords(tagger, s.words);
    for (let w = 0; w < s.words.length; w++) {
      n++;
      if (tags.upos[w] === s.upos[w]) u++;
      if (tags.xpos[w] === s.xpos[w]) x++;
    }
  }
  return { upos: u / n, xpos: x / n };
}
