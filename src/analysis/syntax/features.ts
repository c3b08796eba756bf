// The parser's features: what the transition and label classifiers see of a configuration, the
// same code at training and at run time. Each word of a sentence is first reduced to a few
// numbers (its atoms: word form, tag, lemma, suffix, shape); a feature is a template number
// mixed with atoms of the words around the stack's top and the buffer's front, hashed into the
// model's table of rows. No strings are made per transition.
import { hash1, hash2, hash3, hash4, hashString, mix } from '../../ml/hashing';
import { NONE, type ParseState } from './transitions';

/** A word as the parser reads it: the analysis's tokens carry these (value, UPOS, lemma). */
export interface SyntaxWord {
  value: string;
  pos: string;
  lemma: string;
}

/** Atom values of the root and of a missing word. */
const ROOT_ATOM = 0x7f00_0001;
const NONE_ATOM = 0x7f00_0002;

/** A sentence's words as atoms; index 0 is the root, index n + 1 stands for "no word". */
export interface SentenceAtoms {
  n: number;
  word: Int32Array;
  /** The tagger's universal tag, its Penn Treebank tag, and wink-nlp's tag. */
  pos: Int32Array;
  xpos: Int32Array;
  wink: Int32Array;
  lemma: Int32Array;
  suffix: Int32Array;
  shape: Int32Array;
  /** The tagger's universal tag ids (not hashed), for the relations a word may take. */
  upos: Int32Array;
  /** Punctuation marks before each word (a prefix count), to tell clauses apart. */
  commasBefore: Int32Array;
  /** Verbs and auxiliaries (by wink-nlp's tags) before each word: a prefix count. */
  verbsBefore: Int32Array;
}

/** The atoms of a sentence's words, with the tags the tagger chose (tags.ts: `upos`, `xpos` ids). */
export function sentenceAtoms(words: readonly SyntaxWord[], tags: { upos: Int32Array; xpos: Int32Array }): SentenceAtoms {
  const n = words.length;
  const a: SentenceAtoms = {
    n,
    word: new Int32Array(n + 2),
    pos: new Int32Array(n + 2),
    xpos: new Int32Array(n + 2),
    wink: new Int32Array(n + 2),
    upos: new Int32Array(n + 2),
    lemma: new Int32Array(n + 2),
    suffix: new Int32Array(n + 2),
    shape: new Int32Array(n + 2),
    commasBefore: new Int32Array(n + 2),
    verbsBefore: new Int32Array(n + 2),
  };
  for (const arr of [a.word, a.pos, a.xpos, a.wink, a.lemma, a.suffix, a.shape]) {
    arr[0] = ROOT_ATOM;
    arr[n + 1] = NONE_ATOM;
  }
  let commas = 0, verbs = 0;
  for (let i = 1; i <= n; i++) {
    const w = words[i - 1];
    const key = wordKey(w.value);
    a.word[i] = hashString(key) | 0;
    a.pos[i] = mix(1, tags.upos[i - 1]) | 0;
    a.xpos[i] = mix(2, tags.xpos[i - 1]) | 0;
    a.upos[i] = tags.upos[i - 1];
    a.wink[i] = hashString(w.pos) | 0;
    a.lemma[i] = hashString(w.lemma.toLowerCase()) | 0;
    a.suffix[i] = hashString(key.length > 3 ? key.slice(-3) : key) | 0;
    a.shape[i] = shapeOf(w.value);
    a.commasBefore[i] = commas;
    a.verbsBefore[i] = verbs;
    if (VERB_TAGS.has(w.pos)) verbs++;
    if (w.value === ',' || w.value === ';' || w.value === ':' || w.value === '—' || w.value === '–') commas++;
  }
  a.commasBefore[n + 1] = commas;
  a.verbsBefore[n + 1] = verbs;
  return a;
}

/** Lower case, plain apostrophes, every digit 0: "Iran’s" → "iran's", "1979" → "0000". */
export function wordKey(value: string): string {
  return value.toLowerCase().replace(/[\u2019\u2018]/g, "'").replace(/\d/g, '0');
}

/** The first `max` characters by class, runs squeezed: "Iran" → Xx, "U.S." → X.X., "1979" → d, "al-Assad" → x-Xx. */
export function letterShape(v: string, max: number): string {
  let shape = '', last = '';
  for (const ch of v.slice(0, max)) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** Capitalised, all capitals, lower case, digits, punctuation or other; and whether it holds a hyphen. */
function shapeOf(v: string): number {
  const hyphen = v.length > 1 && v.includes('-') ? 8 : 0;
  if (/^\p{Lu}\p{Ll}/u.test(v)) return 1 + hyphen;
  if (/^\p{Lu}+$/u.test(v)) return 2 + hyphen;
  if (/^\p{Ll}/u.test(v)) return 3 + hyphen;
  if (/\d/.test(v)) return 4 + hyphen;
  if (/^\p{P}+$/u.test(v)) return 5;
  return 6 + hyphen;
}

const VERB_TAGS = new Set(['VERB', 'AUX']);

const at = (a: SentenceAtoms, w: number): number => (w === NONE ? a.n + 1 : w);
const labelAt = (s: ParseState, w: number): number => (w === NONE || w > s.n ? -2 : s.labels[w]);
const childOf = (children: Int32Array, w: number): number => (w === NONE ? NONE : children[w]);

function distance(from: number, to: number): number {
  if (from === NONE || to === NONE) return -1;
  const d = Math.abs(to - from);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

/** Room for the features of one configuration. */
export const MAX_FEATURES = 128;

/**
 * The transition classifier's features of a configuration into rows[0 … count), hashed into a
 * table of 2^bits rows; returns the count.
 */
export function transitionFeatures(s: ParseState, a: SentenceAtoms, bits: number, rows: Int32Array): number {
  const mask = (1 << bits) - 1;
  let k = 0;
  let t = 0;
  const s0 = s.s(0), s1 = s.s(1), s2 = s.s(2), b0 = s.b(0), b1 = s.b(1), b2 = s.b(2);
  const S0 = at(a, s0), S1 = at(a, s1), S2 = at(a, s2), B0 = at(a, b0), B1 = at(a, b1), B2 = at(a, b2);
  const { word: W, pos: P, lemma: L } = a;
  const s0l = childOf(s.left1, s0), s0l2 = childOf(s.left2, s0), s0r = childOf(s.right1, s0), s0r2 = childOf(s.right2, s0);
  const s1l = childOf(s.left1, s1), s1r = childOf(s.right1, s1), b0l = childOf(s.left1, b0), b0l2 = childOf(s.left2, b0);
  const S0L = at(a, s0l), S0L2 = at(a, s0l2), S0R = at(a, s0r), S0R2 = at(a, s0r2), S1L = at(a, s1l), S1R = at(a, s1r), B0L = at(a, b0l), B0L2 = at(a, b0l2);

  // Words and tags one by one.
  rows[k++] = mask & hash1(++t, W[S0]); rows[k++] = mask & hash1(++t, P[S0]); rows[k++] = mask & hash2(++t, W[S0], P[S0]); rows[k++] = mask & hash1(++t, L[S0]);
  rows[k++] = mask & hash1(++t, W[S1]); rows[k++] = mask & hash1(++t, P[S1]); rows[k++] = mask & hash2(++t, W[S1], P[S1]);
  rows[k++] = mask & hash1(++t, P[S2]); rows[k++] = mask & hash2(++t, W[S2], P[S2]);
  rows[k++] = mask & hash1(++t, W[B0]); rows[k++] = mask & hash1(++t, P[B0]); rows[k++] = mask & hash2(++t, W[B0], P[B0]); rows[k++] = mask & hash1(++t, L[B0]);
  rows[k++] = mask & hash1(++t, W[B1]); rows[k++] = mask & hash1(++t, P[B1]); rows[k++] = mask & hash2(++t, W[B1], P[B1]);
  rows[k++] = mask & hash1(++t, P[B2]); rows[k++] = mask & hash2(++t, W[B2], P[B2]);
  rows[k++] = mask & hash2(++t, a.suffix[B0], P[B0]); rows[k++] = mask & hash2(++t, a.suffix[S0], P[S0]); rows[k++] = mask & hash2(++t, a.shape[B0], P[B0]); rows[k++] = mask & hash2(++t, a.shape[S0], P[S0]);
  // Penn tags (VBN, VBD, NNS …) and wink-nlp's tags.
  const X = a.xpos;
  rows[k++] = mask & hash1(++t, X[S0]); rows[k++] = mask & hash1(++t, X[B0]); rows[k++] = mask & hash1(++t, X[S1]); rows[k++] = mask & hash1(++t, X[B1]); rows[k++] = mask & hash2(++t, X[S0], X[B0]); rows[k++] = mask & hash2(++t, X[S1], X[S0]); rows[k++] = mask & hash2(++t, X[B0], X[B1]); rows[k++] = mask & hash3(++t, X[S1], X[S0], X[B0]);
  rows[k++] = mask & hash2(++t, W[S0], X[S0]); rows[k++] = mask & hash2(++t, W[B0], X[B0]); rows[k++] = mask & hash1(++t, a.wink[S0]); rows[k++] = mask & hash1(++t, a.wink[B0]);
  // Pairs: s0 with b0, s1 with s0.
  rows[k++] = mask & hash4(++t, W[S0], P[S0], W[B0], P[B0]); rows[k++] = mask & hash3(++t, W[S0], P[S0], W[B0]); rows[k++] = mask & hash3(++t, W[S0], W[B0], P[B0]); rows[k++] = mask & hash3(++t, W[S0], P[S0], P[B0]); rows[k++] = mask & hash3(++t, P[S0], W[B0], P[B0]);
  rows[k++] = mask & hash2(++t, W[S0], W[B0]); rows[k++] = mask & hash2(++t, P[S0], P[B0]); rows[k++] = mask & hash2(++t, P[B0], P[B1]); rows[k++] = mask & hash2(++t, L[S0], L[B0]);
  rows[k++] = mask & hash4(++t, W[S1], P[S1], W[S0], P[S0]); rows[k++] = mask & hash3(++t, W[S1], P[S1], P[S0]); rows[k++] = mask & hash3(++t, P[S1], W[S0], P[S0]); rows[k++] = mask & hash2(++t, W[S1], W[S0]); rows[k++] = mask & hash2(++t, P[S1], P[S0]); rows[k++] = mask & hash2(++t, L[S1], L[S0]);
  rows[k++] = mask & hash2(++t, P[S1], P[B0]); rows[k++] = mask & hash3(++t, W[S1], P[S1], P[B0]);
  // Tag trigrams.
  rows[k++] = mask & hash3(++t, P[B0], P[B1], P[B2]); rows[k++] = mask & hash3(++t, P[S0], P[B0], P[B1]); rows[k++] = mask & hash3(++t, P[S1], P[S0], P[B0]); rows[k++] = mask & hash3(++t, P[S2], P[S1], P[S0]);
  rows[k++] = mask & hash3(++t, P[S0], P[S0L], P[B0]); rows[k++] = mask & hash3(++t, P[S0], P[S0R], P[B0]); rows[k++] = mask & hash3(++t, P[S0], P[B0], P[B0L]); rows[k++] = mask & hash3(++t, P[S1], P[S1R], P[S0]); rows[k++] = mask & hash3(++t, P[S1], P[S1L], P[S0]);
  rows[k++] = mask & hash3(++t, P[S0], P[S0L], P[S0L2]); rows[k++] = mask & hash3(++t, P[S0], P[S0R], P[S0R2]); rows[k++] = mask & hash3(++t, P[B0], P[B0L], P[B0L2]);
  rows[k++] = mask & hash4(++t, P[S1], P[S0], P[S0L], P[B0]);
  // Distances.
  const d0 = distance(s0, b0), d1 = distance(s1, s0);
  rows[k++] = mask & hash2(++t, W[S0], d0); rows[k++] = mask & hash2(++t, P[S0], d0); rows[k++] = mask & hash2(++t, W[B0], d0); rows[k++] = mask & hash2(++t, P[B0], d0); rows[k++] = mask & hash3(++t, W[S0], W[B0], d0); rows[k++] = mask & hash3(++t, P[S0], P[B0], d0);
  rows[k++] = mask & hash3(++t, P[S1], P[S0], d1); rows[k++] = mask & hash3(++t, W[S1], W[S0], d1);
  const commas = s0 > 0 && b0 !== NONE ? Math.min(a.commasBefore[b0] - a.commasBefore[s0], 3) : -1;
  rows[k++] = mask & hash3(++t, P[S0], P[B0], commas);
  const commas1 = s1 > 0 && s0 > 0 ? Math.min(a.commasBefore[s0] - a.commasBefore[s1], 3) : -1;
  rows[k++] = mask & hash3(++t, P[S1], P[S0], commas1);
  // Verbs between: a word rarely attaches across another clause's verb.
  const verbs0 = s0 > 0 && b0 !== NONE ? Math.min(a.verbsBefore[b0] - a.verbsBefore[s0 + 1], 2) : -1;
  const verbs1 = s1 > 0 && s0 > 0 ? Math.min(a.verbsBefore[s0] - a.verbsBefore[s1 + 1], 2) : -1;
  rows[k++] = mask & hash3(++t, P[S0], P[B0], verbs0);
  rows[k++] = mask & hash3(++t, P[S1], P[S0], verbs1);
  rows[k++] = mask & hash4(++t, P[S0], P[B0], verbs0, commas);
  // Valency: how many dependents s0, s1 and b0 have on each side.
  const vl0 = s0 > 0 ? s.leftCount[s0] : -1, vr0 = s0 > 0 ? s.rightCount[s0] : -1;
  const vr1 = s1 > 0 ? s.rightCount[s1] : -1, vl1 = s1 > 0 ? s.leftCount[s1] : -1, vlb = b0 !== NONE ? s.leftCount[b0] : -1;
  rows[k++] = mask & hash2(++t, W[S0], vr0); rows[k++] = mask & hash2(++t, P[S0], vr0); rows[k++] = mask & hash2(++t, W[S0], vl0); rows[k++] = mask & hash2(++t, P[S0], vl0); rows[k++] = mask & hash2(++t, W[B0], vlb); rows[k++] = mask & hash2(++t, P[B0], vlb); rows[k++] = mask & hash2(++t, P[S1], vr1); rows[k++] = mask & hash2(++t, P[S1], vl1);
  // Dependents: words and labels.
  const ls0l = labelAt(s, s0l), ls0r = labelAt(s, s0r), lb0l = labelAt(s, b0l), ls1r = labelAt(s, s1r), ls0l2 = labelAt(s, s0l2), ls1l = labelAt(s, s1l);
  rows[k++] = mask & hash1(++t, W[S0L]); rows[k++] = mask & hash1(++t, W[S0R]); rows[k++] = mask & hash1(++t, W[B0L]); rows[k++] = mask & hash1(++t, W[S1R]);
  rows[k++] = mask & hash2(++t, W[S0], ls0l); rows[k++] = mask & hash2(++t, P[S0], ls0l); rows[k++] = mask & hash2(++t, W[S0], ls0r); rows[k++] = mask & hash2(++t, P[S0], ls0r); rows[k++] = mask & hash2(++t, P[B0], lb0l); rows[k++] = mask & hash2(++t, W[B0], lb0l);
  rows[k++] = mask & hash3(++t, P[S0], ls0l, ls0l2); rows[k++] = mask & hash2(++t, P[S1], ls1r); rows[k++] = mask & hash2(++t, P[S1], ls1l);
  rows[k++] = mask & hash3(++t, P[S0], s0 > 0 ? s.labelSet[s0] : -1, P[B0]); rows[k++] = mask & hash2(++t, P[B0], b0 !== NONE ? s.labelSet[b0] : -1); rows[k++] = mask & hash3(++t, P[S1], s1 > 0 ? s.labelSet[s1] : -1, P[S0]);
  return k;
}

/** The label classifier's features for the arc head → dep being made (all of dep's dependents are in place). */
export function labelFeatures(s: ParseState, a: SentenceAtoms, head: number, dep: number, bits: number, rows: Int32Array): number {
  const mask = (1 << bits) - 1;
  let k = 0;
  let t = 1000;
  const { word: W, pos: P, lemma: L } = a;
  const H = head, D = dep;
  const dir = dep < head ? 1 : 2;
  const dist = distance(head, dep);
  const dl = s.left1[dep], dl2 = s.left2[dep], dr = s.right1[dep];
  const DL = at(a, dl), DL2 = at(a, dl2), DR = at(a, dr);
  const ldl = labelAt(s, dl), ldr = labelAt(s, dr), ldl2 = labelAt(s, dl2);
  const depSet = s.labelSet[dep], headSet = s.labelSet[head];
  const before = at(a, dep > 1 ? dep - 1 : NONE), after = at(a, dep < a.n ? dep + 1 : NONE);

  const X = a.xpos;
  rows[k++] = mask & hash2(++t, W[D], dir); rows[k++] = mask & hash2(++t, P[D], dir); rows[k++] = mask & hash3(++t, W[D], P[D], dir); rows[k++] = mask & hash2(++t, L[D], dir); rows[k++] = mask & hash3(++t, X[D], X[H], dir); rows[k++] = mask & hash3(++t, X[D], P[H], dir);
  rows[k++] = mask & hash2(++t, W[H], dir); rows[k++] = mask & hash2(++t, P[H], dir); rows[k++] = mask & hash3(++t, W[H], P[H], dir); rows[k++] = mask & hash2(++t, L[H], dir);
  rows[k++] = mask & hash3(++t, P[D], P[H], dir); rows[k++] = mask & hash3(++t, W[D], P[H], dir); rows[k++] = mask & hash3(++t, P[D], W[H], dir); rows[k++] = mask & hash3(++t, L[D], L[H], dir); rows[k++] = mask & hash4(++t, P[D], P[H], dir, dist);
  rows[k++] = mask & hash3(++t, ldl, W[DL], P[D]); rows[k++] = mask & hash3(++t, ldl, P[D], P[H]); rows[k++] = mask & hash3(++t, W[DL], P[D], P[H]); rows[k++] = mask & hash3(++t, W[DL], W[DL2], P[D]); rows[k++] = mask & hash3(++t, ldl, ldl2, P[D]);
  rows[k++] = mask & hash3(++t, ldr, P[D], P[H]); rows[k++] = mask & hash3(++t, W[DR], P[D], dir);
  rows[k++] = mask & hash3(++t, depSet, P[D], dir); rows[k++] = mask & hash3(++t, depSet, P[D], P[H]); rows[k++] = mask & hash4(++t, headSet, P[H], P[D], dir);
  rows[k++] = mask & hash2(++t, a.suffix[D], P[D]); rows[k++] = mask & hash3(++t, a.shape[D], P[D], P[H]);
  rows[k++] = mask & hash3(++t, P[before], P[D], dir); rows[k++] = mask & hash3(++t, P[after], P[D], dir); rows[k++] = mask & hash3(++t, W[before], P[D], P[H]);
  rows[k++] = mask & hash4(++t, W[DL], P[H], L[H], dir);
  rows[k++] = mask & hash1(++t, head === 0 ? 1 : 0);
  return k;
}
