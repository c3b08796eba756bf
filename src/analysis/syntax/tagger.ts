// A part-of-speech tagger that refines wink-nlp's tags into the treebanks' own: universal tags
// (UPOS) as UD annotates them and Penn Treebank tags (XPOS: VBD vs VBN, NNS, …), read left to
// right by two averaged-perceptron classifiers over the word, its affixes and shape, the words
// around it, wink-nlp's tags around it and the tags already chosen. The parser reads these
// tags; wink-nlp's own tag stays a feature. Trained with the parser (scripts/parser/train.ts).
import { hash1, hash2, hash3, hashString } from '../../ml/hashing';
import { type LinearModel, bestOfCandidates, scoreRows } from '../../ml/linear';
import { type SyntaxWord, letterShape, wordKey } from './features';

export interface TaggerModel {
  upos: LinearModel;
  xpos: LinearModel;
  uposNames: string[];
  xposNames: string[];
  /** The Penn tags each universal tag takes (by id): only those are scored. */
  xposFor: Int32Array[];
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

/** The features of word i (0-based) given the tags chosen before it; returns their count. */
export function taggerFeatures(a: TaggerAtoms, i: number, previous: Int32Array, bits: number, rows: Int32Array): number {
  const mask = (1 << bits) - 1;
  const at = i + 2;
  const p1 = i > 0 ? previous[i - 1] : -1, p2 = i > 1 ? previous[i - 2] : -1;
  const { word: W, wink: K } = a;
  let k = 0, t = 5000;
  rows[k++] = mask & hash1(++t, 1);
  rows[k++] = mask & hash1(++t, W[at]); rows[k++] = mask & hash1(++t, W[at - 1]); rows[k++] = mask & hash1(++t, W[at + 1]); rows[k++] = mask & hash1(++t, W[at - 2]); rows[k++] = mask & hash1(++t, W[at + 2]);
  rows[k++] = mask & hash1(++t, a.suffixes[0][at]); rows[k++] = mask & hash1(++t, a.suffixes[1][at]); rows[k++] = mask & hash1(++t, a.suffixes[2][at]); rows[k++] = mask & hash1(++t, a.suffixes[3][at]);
  rows[k++] = mask & hash1(++t, a.prefixes[0][at]); rows[k++] = mask & hash1(++t, a.prefixes[1][at]); rows[k++] = mask & hash1(++t, a.shape[at]); rows[k++] = mask & hash2(++t, a.shape[at], i === 0 ? 1 : 0); rows[k++] = mask & hash1(++t, a.lemma[at]);
  rows[k++] = mask & hash1(++t, K[at]); rows[k++] = mask & hash1(++t, K[at - 1]); rows[k++] = mask & hash1(++t, K[at + 1]); rows[k++] = mask & hash2(++t, K[at - 1], K[at]); rows[k++] = mask & hash2(++t, K[at], K[at + 1]); rows[k++] = mask & hash3(++t, K[at - 1], K[at], K[at + 1]); rows[k++] = mask & hash2(++t, K[at], W[at]);
  rows[k++] = mask & hash1(++t, p1); rows[k++] = mask & hash2(++t, p1, p2); rows[k++] = mask & hash2(++t, p1, W[at]); rows[k++] = mask & hash2(++t, p1, K[at]); rows[k++] = mask & hash2(++t, W[at], W[at + 1]); rows[k++] = mask & hash2(++t, W[at - 1], W[at]); rows[k++] = mask & hash2(++t, a.suffixes[2][at], W[at + 1]); rows[k++] = mask & hash2(++t, p1, a.suffixes[2][at]);
  return k;
}

/** Tags a sentence greedily, left to right. */
export function tagWords(model: TaggerModel, words: readonly SyntaxWord[], rows = new Int32Array(TAGGER_FEATURES)): Tags {
  const a = taggerAtoms(words);
  const upos = new Int32Array(words.length), xpos = new Int32Array(words.length);
  const scores = new Float64Array(Math.max(model.upos.classes, model.xpos.classes));
  for (let i = 0; i < words.length; i++) {
    const count = taggerFeatures(a, i, xpos, model.xpos.hashBits, rows);
    upos[i] = bestOf(model.upos, rows, count, scores);
    xpos[i] = bestOfCandidates(model.xpos, rows, count, model.xposFor[upos[i]], scores);
  }
  return { upos, xpos };
}

function bestOf(model: LinearModel, rows: Int32Array, count: number, scores: Float64Array): number {
  scoreRows(model, rows, count, scores);
  let best = 0;
  for (let c = 1; c < model.classes; c++) if (scores[c] > scores[best]) best = c;
  return best;
}
