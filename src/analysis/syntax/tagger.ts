// A part-of-speech tagger that refines wink-nlp's tags into the treebanks' own: universal tags
// (UPOS) as UD annotates them and Penn Treebank tags (XPOS: VBD vs VBN, NNS, …), read left to
// right by two averaged-perceptron classifiers over the word, its affixes and shape, the words
// around it, wink-nlp's tags around it and the tags already chosen. The parser reads these
// tags; wink-nlp's own tag stays a feature. Trained with the parser (scripts/parser/train.ts).
import { hashString } from '../../ml/hashing';
import { type LinearModel, bestOfCandidates, scoreRows } from '../../ml/linear';
import { type SyntaxWord, compile, hashTemplates, letterShape, split, wordKey } from './features';

export interface TaggerModel {
  upos: LinearModel;
  xpos: LinearModel;
  uposNames: string[];
  xposNames: string[];
  /** The Penn tags each universal tag takes (by id): only those are scored. */
  xposFor: Int32Array[];
  /**
   * The two tables' rows side by side (row i: its upos weights, then its xpos weights), built when
   * the model is loaded (fuseTagger): one memory access per feature instead of two.
   */
  fused?: LinearModel['weights'];
}

/** The tagger with its two tables fused into one (same results, faster; the two tables are dropped); unchanged when they differ in shape or type. */
export function fuseTagger(model: TaggerModel): TaggerModel {
  const { upos, xpos } = model;
  if (upos.hashBits !== xpos.hashBits || upos.weights.constructor !== xpos.weights.constructor) return model;
  const rows = 2 ** upos.hashBits, U = upos.classes, X = xpos.classes, width = U + X;
  const fused = new (upos.weights.constructor as new (n: number) => LinearModel['weights'])(rows * width);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < U; c++) fused[r * width + c] = upos.weights[r * U + c];
    for (let c = 0; c < X; c++) fused[r * width + U + c] = xpos.weights[r * X + c];
  }
  // The fused table replaces the two (tagWords reads only it): their own weights are let go.
  const empty = new (upos.weights.constructor as new (n: number) => LinearModel['weights'])(0);
  return { ...model, upos: { ...upos, weights: empty }, xpos: { ...xpos, weights: empty }, fused };
}

export interface Tags {
  upos: Int32Array;
  xpos: Int32Array;
}

/** Room for one word's features. */
export const TAGGER_FEATURES = 32;
const START = 0x7e00_0001;
const END = 0x7e00_0002;

/** Per-word atoms of a sentence, with two words of padding either side. */
export interface TaggerAtoms {
  n: number;
  word: Int32Array;
  wink: Int32Array;
  lemma: Int32Array;
  suffixes: Int32Array[];
  prefixes: Int32Array[];
  shape: Int32Array;
}

export function taggerAtoms(words: readonly SyntaxWord[]): TaggerAtoms {
  const n = words.length;
  const make = () => new Int32Array(n + 4).fill(START);
  const a: TaggerAtoms = { n, word: make(), wink: make(), lemma: make(), suffixes: [make(), make(), make(), make()], prefixes: [make(), make()], shape: make() };
  for (const arr of [a.word, a.wink, a.lemma, a.shape]) arr[n + 2] = arr[n + 3] = END;
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const key = wordKey(w.value);
    const at = i + 2;
    a.word[at] = hashString(key) | 0;
    a.wink[at] = hashString(w.pos) | 0;
    a.lemma[at] = hashString(w.lemma.toLowerCase()) | 0;
    for (let k = 0; k < 4; k++) a.suffixes[k][at] = hashString(key.slice(-(k + 1))) | 0;
    for (let k = 0; k < 2; k++) a.prefixes[k][at] = hashString(key.slice(0, k + 2)) | 0;
    a.shape[at] = hashString(letterShape(w.value, 12)) | 0;
  }
  return a;
}

/**
 * What the tagger's templates read of word i: the words two either side, the word's suffixes
 * (1–4 letters), prefixes (2–3), shape, whether it opens the sentence, lemma, wink-nlp's tags one
 * either side, the Penn tags chosen for the two words before it, and a constant (the bias).
 */
export const TAGGER_ATOMS = ['w0', 'w-1', 'w+1', 'w-2', 'w+2', 'suf1', 'suf2', 'suf3', 'suf4', 'pre2', 'pre3', 'shape', 'first', 'lemma', 'k0', 'k-1', 'k+1', 'p1', 'p2', 'bias'] as const;
const TAGGER_GROUPS = {
  all: split(`bias; w0; w-1; w+1; w-2; w+2; suf1; suf2; suf3; suf4; pre2; pre3; shape; shape first; lemma;
    k0; k-1; k+1; k-1 k0; k0 k+1; k-1 k0 k+1; k0 w0; p1; p1 p2; p1 w0; p1 k0; w0 w+1; w-1 w0; suf3 w+1; p1 suf3`),
};
const TAGGER_TEMPLATES = compile(['all'], TAGGER_GROUPS, [], TAGGER_ATOMS, 0x7a9);

/** The features of word i (0-based) given the tags chosen before it into rows (`atoms`: room for TAGGER_ATOMS); returns their count. */
export function taggerFeatures(a: TaggerAtoms, i: number, previous: Int32Array, bits: number, rows: Int32Array, atoms = new Int32Array(TAGGER_ATOMS.length)): number {
  const at = i + 2, W = a.word, K = a.wink;
  atoms[0] = W[at]; atoms[1] = W[at - 1]; atoms[2] = W[at + 1]; atoms[3] = W[at - 2]; atoms[4] = W[at + 2];
  atoms[5] = a.suffixes[0][at]; atoms[6] = a.suffixes[1][at]; atoms[7] = a.suffixes[2][at]; atoms[8] = a.suffixes[3][at];
  atoms[9] = a.prefixes[0][at]; atoms[10] = a.prefixes[1][at]; atoms[11] = a.shape[at]; atoms[12] = i === 0 ? 1 : 0; atoms[13] = a.lemma[at];
  atoms[14] = K[at]; atoms[15] = K[at - 1]; atoms[16] = K[at + 1];
  atoms[17] = i > 0 ? previous[i - 1] : -1; atoms[18] = i > 1 ? previous[i - 2] : -1; atoms[19] = 1;
  return hashTemplates(TAGGER_TEMPLATES, atoms, bits, rows);
}

/** Tags a sentence greedily, left to right (`atoms`: taggerAtoms(words), when the caller has them). */
export function tagWords(model: TaggerModel, words: readonly SyntaxWord[], rows = new Int32Array(TAGGER_FEATURES), atoms?: TaggerAtoms): Tags {
  const a = atoms ?? taggerAtoms(words);
  const upos = new Int32Array(words.length), xpos = new Int32Array(words.length);
  const scores = new Float64Array(Math.max(model.upos.classes, model.xpos.classes));
  const fused = model.fused;
  const context = new Int32Array(TAGGER_ATOMS.length);
  for (let i = 0; i < words.length; i++) {
    const count = taggerFeatures(a, i, xpos, model.xpos.hashBits, rows, context);
    if (fused) {
      upos[i] = bestFused(model.upos, fused, 0, model.upos.classes + model.xpos.classes, rows, count, null, scores);
      const candidates = model.xposFor[upos[i]];
      // A universal tag with one Penn tag (PUNCT's, say) needs no scores.
      xpos[i] = candidates.length === 1 ? candidates[0] : bestFused(model.xpos, fused, model.upos.classes, model.upos.classes + model.xpos.classes, rows, count, candidates, scores);
    } else {
      upos[i] = bestOf(model.upos, rows, count, scores);
      xpos[i] = bestOfCandidates(model.xpos, rows, count, model.xposFor[upos[i]], scores);
    }
  }
  return { upos, xpos };
}

/**
 * The best class of `model` (of `candidates` only, when given) with its weights read from the
 * fused table at `offset` in rows `width` wide: the same sums, in the same order, as
 * scoreRows and bestOfCandidates.
 */
function bestFused(model: LinearModel, fused: LinearModel['weights'], offset: number, width: number, rows: Int32Array, count: number, candidates: Int32Array | null, out: Float64Array): number {
  const { bias, scale } = model;
  const m = candidates ? candidates.length : model.classes;
  let best = candidates ? candidates[0] : 0;
  // Class by class, its sum in a register (see bestOfCandidates).
  for (let j = 0; j < m; j++) {
    const c = candidates ? candidates[j] : j;
    const at = offset + c;
    let sum = 0;
    for (let k = 0; k < count; k++) sum += fused[rows[k] * width + at];
    out[c] = bias[c] + sum * scale;
    if (out[c] > out[best]) best = c;
  }
  return best;
}

function bestOf(model: LinearModel, rows: Int32Array, count: number, scores: Float64Array): number {
  scoreRows(model, rows, count, scores);
  let best = 0;
  for (let c = 1; c < model.classes; c++) if (scores[c] > scores[best]) best = c;
  return best;
}
