// The parser's features: what the transition and label classifiers see of a configuration, the
// same code at training and at run time. Each word of a sentence is first reduced to a few
// numbers (its atoms: word form, tag, lemma, suffix, shape), once per sentence. A feature
// template names atoms of the words around the stack's top and the buffer's front ("s0.w b0.p":
// the word on top of the stack with the buffer's first tag); per configuration the atoms the
// templates read are gathered once into a small array of integers, and each template hashes its
// own few of them into the model's table of rows, in one tight loop: no strings, no calls.
import { hashString, mix } from '../../ml/hashing';
import type { TaggerAtoms } from './tagger';
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

/**
 * A word's atoms, fixed for the sentence: word form, the tagger's universal tag, its Penn Treebank
 * tag, wink-nlp's tag, lemma, suffix, shape; when the marks are left out of the parse, the mark
 * right before and right after it (0 for none).
 */
const WORD_KINDS = ['w', 'p', 'x', 'k', 'l', 'suf', 'shape', 'pb', 'pa'] as const;
/** A word's atoms that the parse changes: its relation, how many dependents it has to the left and right, the set of its dependents' relations. */
const STATE_KINDS = ['lab', 'vl', 'vr', 'ls'] as const;
/** The state atoms of a missing word. */
const STATE_NONE = [-2, -1, -1, -1];

/** A sentence's words as atoms; index 0 is the root, index n + 1 stands for "no word". */
export interface SentenceAtoms {
  n: number;
  /** WORD_KINDS × (n + 2): kind k of word w at k × (n + 2) + w. */
  grid: Int32Array;
  /** The tagger's universal tag ids (not hashed), for the relations a word may take. */
  upos: Int32Array;
  /** Punctuation marks before each word (a prefix count), to tell clauses apart. */
  commasBefore: Int32Array;
  /** Verbs and auxiliaries (by wink-nlp's tags) before each word: a prefix count. */
  verbsBefore: Int32Array;
}

/**
 * The atoms of a sentence's words, with the tags the tagger chose (tags.ts: `upos`, `xpos` ids);
 * of the words `keep` lists only (0-based positions, ascending), when given: the parser then
 * parses those, and the marks between them are atoms of their neighbours (pb, pa) and counts.
 */
export function sentenceAtoms(words: readonly SyntaxWord[], tags: { upos: Int32Array; xpos: Int32Array }, keep?: Int32Array, tagged?: TaggerAtoms): SentenceAtoms {
  const n = keep ? keep.length : words.length, stride = n + 2;
  const grid = new Int32Array(WORD_KINDS.length * stride);
  const a: SentenceAtoms = { n, grid, upos: new Int32Array(stride), commasBefore: new Int32Array(stride), verbsBefore: new Int32Array(stride) };
  for (let k = 0; k < WORD_KINDS.length; k++) {
    grid[k * stride] = ROOT_ATOM;
    grid[k * stride + n + 1] = NONE_ATOM;
  }
  let commas = 0, verbs = 0, i = 0;
  for (let o = 0; o < words.length; o++) {
    const w = words[o];
    if (!keep || keep[i] === o) {
      i++;
      if (tagged) {
        // The tagger's atoms of the word are the same numbers: word, wink-nlp's tag, lemma, suffix.
        grid[i] = tagged.word[o + 2];
        grid[3 * stride + i] = tagged.wink[o + 2];
        grid[4 * stride + i] = tagged.lemma[o + 2];
        grid[5 * stride + i] = tagged.suffixes[2][o + 2];
      } else {
        const key = wordKey(w.value);
        grid[i] = hashString(key) | 0;
        grid[3 * stride + i] = hashString(w.pos) | 0;
        grid[4 * stride + i] = hashString(w.lemma.toLowerCase()) | 0;
        grid[5 * stride + i] = hashString(key.length > 3 ? key.slice(-3) : key) | 0;
      }
      grid[stride + i] = mix(1, tags.upos[o]) | 0;
      grid[2 * stride + i] = mix(2, tags.xpos[o]) | 0;
      grid[6 * stride + i] = shapeOf(w.value);
      if (keep) {
        grid[7 * stride + i] = o > 0 && keep[i - 2] !== o - 1 ? hashString(words[o - 1].value) | 0 : 0;
        grid[8 * stride + i] = o + 1 < words.length && keep[i] !== o + 1 ? hashString(words[o + 1].value) | 0 : 0;
      }
      a.upos[i] = tags.upos[o];
      a.commasBefore[i] = commas;
      a.verbsBefore[i] = verbs;
    }
    if (w.pos === 'VERB' || w.pos === 'AUX') verbs++;
    if (w.value === ',' || w.value === ';' || w.value === ':' || w.value === '—' || w.value === '–') commas++;
  }
  a.commasBefore[n + 1] = commas;
  a.verbsBefore[n + 1] = verbs;
  return a;
}

/** Lower case, plain apostrophes, every digit 0: "Iran’s" → "iran's", "1979" → "0000". */
export function wordKey(value: string): string {
  const lower = value.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 0x2018 || c === 0x2019) return lower.replace(/[\u2019\u2018]/g, "'").replace(/\d/g, '0');
  }
  return lower;
}

/** The first `max` characters by class, runs squeezed: "Iran" → Xx, "U.S." → X.X., "1979" → d, "al-Assad" → x-Xx. */
export function letterShape(v: string, max: number): string {
  let shape = '', last = '';
  for (const ch of v.slice(0, max)) {
    const code = ch.charCodeAt(0);
    const c =
      code < 128
        ? code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : ch
        : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : ch;
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

function distance(from: number, to: number): number {
  if (from === NONE || to === NONE) return -1;
  const d = Math.abs(to - from);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

// ---------------------------------------------------------------------------------------------
// Templates.

/**
 * The words a transition feature may look at: the stack's top three (s0 s1 s2), the buffer's first
 * four (b0 … b3), the leftmost and rightmost two dependents of s0, s1 and b0 so far (s0l, s0l2 the
 * second leftmost, s0r, s0r2 …), and the words beside s0 and before b0 in the sentence (s0n, s0p, b0p).
 */
const TRANSITION_SLOTS = ['s0', 's1', 's2', 'b0', 'b1', 'b2', 'b3', 's0l', 's0l2', 's0r', 's0r2', 's1l', 's1l2', 's1r', 's1r2', 'b0l', 'b0l2', 's0n', 's0p', 'b0p'] as const;
/**
 * Numbers of the configuration: distances (d0: s0 to b0, bucketed; d1: s1 to s0; raw0 up to 15),
 * marks and verbs between s0 and b0 (commas0, verbs0) and between s1 and s0, whether b0 is the
 * last word, the stack's depth, the verbs and marks after b0.
 */
const TRANSITION_EXTRAS = ['d0', 'd1', 'raw0', 'commas0', 'commas1', 'verbs0', 'verbs1', 'last', 'depth', 'verbsAfter', 'commasAfter'] as const;
/** The label classifier's words: the dependent (d), the head (h), the dependent's outer dependents, the words beside the dependent, the buffer's first word. */
const LABEL_SLOTS = ['d', 'h', 'dl', 'dl2', 'dr', 'dr2', 'bef', 'aft', 'b0', 's1'] as const;
/** The arc's direction (1: head to the right), its length (bucketed), whether the head is the root. */
const LABEL_EXTRAS = ['dir', 'dist', 'root'] as const;

export const split = (templates: string): string[][] => templates.trim().split(/\s*;\s*/).map((t) => t.split(/\s+/));

/** Transition templates by group; a model names the groups it was trained with (ParserModel.features). */
export const TRANSITION_GROUPS: Record<string, string[][]> = {
  // Words and tags one by one, Penn and wink-nlp tags, pairs s0–b0 and s1–s0, tag trigrams,
  // dependents, distances, marks and verbs between, valency, dependents' relations and their sets.
  base: split(`
    s0.w; s0.p; s0.w s0.p; s0.l; s1.w; s1.p; s1.w s1.p; s2.p; s2.w s2.p;
    b0.w; b0.p; b0.w b0.p; b0.l; b1.w; b1.p; b1.w b1.p; b2.p; b2.w b2.p;
    b0.suf b0.p; s0.suf s0.p; b0.shape b0.p; s0.shape s0.p;
    s0.x; b0.x; s1.x; b1.x; s0.x b0.x; s1.x s0.x; b0.x b1.x; s1.x s0.x b0.x; s0.w s0.x; b0.w b0.x; s0.k; b0.k;
    s0.w s0.p b0.w b0.p; s0.w s0.p b0.w; s0.w b0.w b0.p; s0.w s0.p b0.p; s0.p b0.w b0.p; s0.w b0.w; s0.p b0.p; b0.p b1.p; s0.l b0.l;
    s1.w s1.p s0.w s0.p; s1.w s1.p s0.p; s1.p s0.w s0.p; s1.w s0.w; s1.p s0.p; s1.l s0.l; s1.p b0.p; s1.w s1.p b0.p;
    b0.p b1.p b2.p; s0.p b0.p b1.p; s1.p s0.p b0.p; s2.p s1.p s0.p;
    s0.p s0l.p b0.p; s0.p s0r.p b0.p; s0.p b0.p b0l.p; s1.p s1r.p s0.p; s1.p s1l.p s0.p;
    s0.p s0l.p s0l2.p; s0.p s0r.p s0r2.p; b0.p b0l.p b0l2.p; s1.p s0.p s0l.p b0.p;
    s0.w d0; s0.p d0; b0.w d0; b0.p d0; s0.w b0.w d0; s0.p b0.p d0; s1.p s0.p d1; s1.w s0.w d1;
    s0.p b0.p commas0; s1.p s0.p commas1; s0.p b0.p verbs0; s1.p s0.p verbs1; s0.p b0.p verbs0 commas0;
    s0.w s0.vr; s0.p s0.vr; s0.w s0.vl; s0.p s0.vl; b0.w b0.vl; b0.p b0.vl; s1.p s1.vr; s1.p s1.vl;
    s0l.w; s0r.w; b0l.w; s1r.w;
    s0.w s0l.lab; s0.p s0l.lab; s0.w s0r.lab; s0.p s0r.lab; b0.p b0l.lab; b0.w b0l.lab; s0.p s0l.lab s0l2.lab; s1.p s1r.lab; s1.p s1l.lab;
    s0.p s0.ls b0.p; b0.p b0.ls; s1.p s1.ls s0.p`),
  // The words beside s0 and before b0 in the sentence.
  context: split(`s0.p s0n.p b0.p; s0.p b0p.p b0.p; s0.p s0n.p b0p.p b0.p; b0p.w b0.p; s0p.p s0.p b0.p; b0p.p b0.w; s0n.w s0.p b0.p`),
  // Second dependents (third-order): their words and relations.
  third: split(`s0.p s0r.lab s0r2.lab; b0.p b0l.lab b0l2.lab; s0l2.w s0.p; s0r2.w s0.p; b0l2.w b0.p; s1.p s1r.p s1r2.p; s1.p s1l.p s1l2.p; s0.p s1.p s1r.lab`),
  // Farther into the buffer, lemmas across s0–b0.
  lookahead: split(`b3.p; b1.p b2.p b3.p; b0.l s0.p; s0.l b0.p; b1.suf b1.p; s0.p b0.w b1.w; s0.w b0.p b1.p`),
  // The marks beside the words (when the parse leaves them out).
  marks: split(`s0.pa; b0.pb; s0.p s0.pa b0.p; s0.p b0.pb b0.p; s1.p s1.pa s0.p; s1.p s0.pb s0.p; s0.pb s0.p; b0.pa b0.p; s0.w b0.pb; s0.pa b0.w`),
  // What is left of the sentence after b0: its verbs and marks; the stack's depth.
  clause: split(`s0.p b0.p verbsAfter; b0.p verbsAfter commasAfter; s0.p b0.p last; s1.p s0.p last; s0.p depth; s0.p b0.p raw0`),
};

export const LABEL_GROUPS: Record<string, string[][]> = {
  base: split(`
    d.w dir; d.p dir; d.w d.p dir; d.l dir; d.x h.x dir; d.x h.p dir; h.w dir; h.p dir; h.w h.p dir; h.l dir;
    d.p h.p dir; d.w h.p dir; d.p h.w dir; d.l h.l dir; d.p h.p dir dist;
    dl.lab dl.w d.p; dl.lab d.p h.p; dl.w d.p h.p; dl.w dl2.w d.p; dl.lab dl2.lab d.p; dr.lab d.p h.p; dr.w d.p dir;
    d.ls d.p dir; d.ls d.p h.p; h.ls h.p d.p dir; d.suf d.p; d.shape d.p h.p;
    bef.p d.p dir; aft.p d.p dir; bef.w d.p h.p; dl.w h.p h.l dir; root`),
  marks: split(`d.pb d.p dir; d.pa d.p dir; d.pb d.pa d.p; h.pb d.p h.p`),
  // The buffer's next word and the stack below, the dependent's valency and its right side.
  context: split(`b0.p d.p dir; d.w h.w dir; d.p h.p dl.lab dr.lab; d.p d.vl d.vr dir; d.w dist dir h.p; s1.p d.p h.p; aft.w d.p dir; dr.lab dr2.lab d.p dir`),
};

/** Templates compiled: for each, the positions of its atoms in the configuration's atom array. */
export interface CompiledTemplates {
  /** Atoms to gather: slot, and kind (WORD_KINDS index, or STATE_KINDS index + 100); the word kinds first, `wordAtoms` of them. */
  gatherSlot: Int32Array;
  gatherKind: Int32Array;
  wordAtoms: number;
  /** Atom-array position of extra e: gather count + e. */
  extras: number;
  /** Template j reads atoms[start[j] … start[j + 1]) (positions in the atom array); seeds[j] starts its hash. */
  start: Int32Array;
  atoms: Int32Array;
  seeds: Int32Array;
  count: number;
  /** The groups, for the model file. */
  groups: string[];
}

export interface FeatureSet {
  transitions: CompiledTemplates;
  labels: CompiledTemplates;
}

export function compile(groups: string[], table: Record<string, string[][]>, slots: readonly string[], extras: readonly string[], salt: number): CompiledTemplates {
  const gathered = new Map<string, number>();
  const gatherSlot: number[] = [], gatherKind: number[] = [];
  const templates: string[][] = [];
  for (const g of groups) {
    const list = table[g];
    if (!list) throw new Error(`unknown feature group ${g}`);
    templates.push(...list);
  }
  // First pass: the word atoms any template reads.
  for (const t of templates) for (const atom of t) {
    if (extras.includes(atom) || gathered.has(atom)) continue;
    const [slot, kind] = atom.split('.');
    const si = slots.indexOf(slot);
    const wk = (WORD_KINDS as readonly string[]).indexOf(kind), sk = (STATE_KINDS as readonly string[]).indexOf(kind);
    if (si < 0 || (wk < 0 && sk < 0)) throw new Error(`unknown atom ${atom}`);
    gathered.set(atom, gatherSlot.length);
    gatherSlot.push(si);
    gatherKind.push(wk >= 0 ? wk : 100 + sk);
  }
  // The word kinds first (one branch-free loop gathers them), each atom's position renumbered.
  const order = gatherKind.map((_, i) => i).sort((x, y) => Number(gatherKind[x] >= 100) - Number(gatherKind[y] >= 100) || x - y);
  const position = new Map(order.map((old, i) => [old, i]));
  for (const [atom, old] of gathered) gathered.set(atom, position.get(old)!);
  const slotsInOrder = order.map((i) => gatherSlot[i]), kindsInOrder = order.map((i) => gatherKind[i]);
  gatherSlot.splice(0, gatherSlot.length, ...slotsInOrder);
  gatherKind.splice(0, gatherKind.length, ...kindsInOrder);
  const wordAtoms = gatherKind.filter((k) => k < 100).length;
  const base = gatherSlot.length;
  const start = [0], atoms: number[] = [], seeds: number[] = [];
  const seen = new Set<string>();
  for (const t of templates) {
    const name = t.join(' ');
    if (seen.has(name)) throw new Error(`template ${name} twice`);
    seen.add(name);
    for (const atom of t) atoms.push(extras.includes(atom) ? base + extras.indexOf(atom) : gathered.get(atom)!);
    start.push(atoms.length);
    // Seeded by the template's own text: a template keeps its rows whatever else is in the set.
    seeds.push(mix(salt, hashString(name)) | 0);
  }
  return { gatherSlot: Int32Array.from(gatherSlot), gatherKind: Int32Array.from(gatherKind), wordAtoms, extras: base, start: Int32Array.from(start), atoms: Int32Array.from(atoms), seeds: Int32Array.from(seeds), count: templates.length, groups };
}

/** The feature set of the named template groups. */
export function featureSet(transitionGroups: string[], labelGroups: string[]): FeatureSet {
  return {
    transitions: compile(transitionGroups, TRANSITION_GROUPS, TRANSITION_SLOTS, TRANSITION_EXTRAS, 0x51ed),
    labels: compile(labelGroups, LABEL_GROUPS, LABEL_SLOTS, LABEL_EXTRAS, 0x1abe1),
  };
}

/** Room for the features of one configuration, and for the atoms they read. */
export const MAX_FEATURES = 256;
const MAX_ATOMS = 256;

/** Buffers the feature functions reuse. */
export class FeatureScratch {
  readonly words = new Int32Array(32);
  readonly atoms = new Int32Array(MAX_ATOMS);
}

/** Gathers the templates' word atoms of the slots' words (scratch.words) into scratch.atoms. */
function gather(c: CompiledTemplates, s: ParseState, a: SentenceAtoms, scratch: FeatureScratch): void {
  const { words, atoms } = scratch;
  const stride = a.n + 2, grid = a.grid, none = a.n + 1;
  const { gatherSlot, gatherKind, wordAtoms } = c;
  for (let i = 0; i < wordAtoms; i++) {
    const w = words[gatherSlot[i]];
    atoms[i] = grid[gatherKind[i] * stride + (w === NONE ? none : w)];
  }
  for (let i = wordAtoms; i < gatherSlot.length; i++) {
    const w = words[gatherSlot[i]], kind = gatherKind[i];
    if (w === NONE) atoms[i] = STATE_NONE[kind - 100];
    else atoms[i] = kind === 100 ? s.labels[w] : kind === 101 ? s.leftCount[w] : kind === 102 ? s.rightCount[w] : s.labelSet[w];
  }
}

/** Hashes every template over scratch.atoms into rows[0 … count) of a 2^bits table. */
export function hashTemplates(c: CompiledTemplates, atoms: Int32Array, bits: number, rows: Int32Array): number {
  const mask = (1 << bits) - 1;
  const { start, atoms: positions, seeds, count } = c;
  for (let j = 0; j < count; j++) {
    let h = seeds[j];
    for (let m = start[j], end = start[j + 1]; m < end; m++) {
      h = Math.imul(h ^ atoms[positions[m]], 0x85ebca6b);
      h ^= h >>> 15;
    }
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    rows[j] = (h ^ (h >>> 16)) & mask;
  }
  return count;
}

const child = (children: Int32Array, w: number): number => (w === NONE ? NONE : children[w]);

/**
 * The transition classifier's features of a configuration into rows[0 … count), hashed into a
 * table of 2^bits rows; returns the count.
 */
export function transitionFeatures(c: CompiledTemplates, s: ParseState, a: SentenceAtoms, bits: number, rows: Int32Array, scratch: FeatureScratch): number {
  const w = scratch.words;
  const s0 = s.s(0), s1 = s.s(1), b0 = s.b(0), b1 = s.b(1), n = a.n;
  w[0] = s0; w[1] = s1; w[2] = s.s(2); w[3] = b0; w[4] = b1; w[5] = s.b(2); w[6] = s.b(3);
  w[7] = child(s.left1, s0); w[8] = child(s.left2, s0); w[9] = child(s.right1, s0); w[10] = child(s.right2, s0);
  w[11] = child(s.left1, s1); w[12] = child(s.left2, s1); w[13] = child(s.right1, s1); w[14] = child(s.right2, s1);
  w[15] = child(s.left1, b0); w[16] = child(s.left2, b0);
  w[17] = s0 !== NONE && s0 >= 1 && s0 < n ? s0 + 1 : NONE;
  w[18] = s0 > 1 ? s0 - 1 : NONE;
  w[19] = b0 > 1 ? b0 - 1 : NONE;
  gather(c, s, a, scratch);
  const x = scratch.atoms, e = c.extras, cb = a.commasBefore, vb = a.verbsBefore;
  x[e] = distance(s0, b0);
  x[e + 1] = distance(s1, s0);
  x[e + 2] = s0 !== NONE && b0 !== NONE ? Math.min(b0 - s0, 15) : -1;
  x[e + 3] = s0 > 0 && b0 !== NONE ? Math.min(cb[b0] - cb[s0], 3) : -1;
  x[e + 4] = s1 > 0 && s0 > 0 ? Math.min(cb[s0] - cb[s1], 3) : -1;
  x[e + 5] = s0 > 0 && b0 !== NONE ? Math.min(vb[b0] - vb[s0 + 1], 2) : -1;
  x[e + 6] = s1 > 0 && s0 > 0 ? Math.min(vb[s0] - vb[s1 + 1], 2) : -1;
  x[e + 7] = b0 !== NONE && b1 === NONE ? 1 : 0;
  x[e + 8] = Math.min(s.size, 5);
  x[e + 9] = b0 !== NONE ? Math.min(vb[n + 1] - vb[b0 + 1], 2) : -1;
  x[e + 10] = b0 !== NONE ? Math.min(cb[n + 1] - cb[b0 + 1], 2) : -1;
  return hashTemplates(c, x, bits, rows);
}

/** The label classifier's features for the arc head → dep being made (all of dep's dependents are in place). */
export function labelFeatures(c: CompiledTemplates, s: ParseState, a: SentenceAtoms, head: number, dep: number, bits: number, rows: Int32Array, scratch: FeatureScratch): number {
  const w = scratch.words;
  w[0] = dep; w[1] = head; w[2] = s.left1[dep]; w[3] = s.left2[dep]; w[4] = s.right1[dep]; w[5] = s.right2[dep];
  w[6] = dep > 1 ? dep - 1 : NONE;
  w[7] = dep < a.n ? dep + 1 : NONE;
  w[8] = s.b(0);
  w[9] = s.s(1);
  gather(c, s, a, scratch);
  const x = scratch.atoms, e = c.extras;
  x[e] = dep < head ? 1 : 2;
  x[e + 1] = distance(head, dep);
  x[e + 2] = head === 0 ? 1 : 0;
  return hashTemplates(c, x, bits, rows);
}
