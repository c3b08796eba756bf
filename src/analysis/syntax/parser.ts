// A greedy transition-based dependency parser (arc-hybrid, transitions.ts) over the analysis's
// own tokens: two linear classifiers, one choosing the next move from the configuration's
// features, one choosing the UD relation of each arc as it is made (features.ts). Trained by
// scripts/parser/train.ts on GUM (and UD EWT) with wink-nlp's tags; weights in models/parser.json.
import { type LinearModel, bestOfCandidates, scoreRows } from '../../ml/linear';
import type { TokenisedText } from '../passes/2-tokens';
import { FeatureScratch, type FeatureSet, MAX_FEATURES, type SentenceAtoms, type SyntaxWord, labelFeatures, sentenceAtoms, transitionFeatures } from './features';
import { TAGGER_FEATURES, type Tags, type TaggerModel, taggerAtoms, tagWords } from './tagger';
import { attachPunctuation } from './punctuation';
import { MOVES, NONE, ParseState, SHIFT } from './transitions';

export interface ParserModel {
  /** Refines wink-nlp's tags first. */
  tagger: TaggerModel;
  /** Scores SHIFT, LEFT, RIGHT. */
  transitions: LinearModel;
  /** Scores each relation of `relations`. */
  labels: LinearModel;
  relations: string[];
  /** The relations a dependent may take, by direction and universal tag: labelsFor[dir × tags + upos] (dir 0: head to its right). */
  labelsFor: Int32Array[];
  /** The feature templates both classifiers were trained with. */
  features: FeatureSet;
  /** Punctuation: parsed with the other words ('parse'), or left out of the parse and attached by rule ('rule'); either way the rule has the last word. */
  punctuation: 'parse' | 'rule';
}

/** The relation of the word under the root ('root'), which no other arc takes: −1 when the model has none. */
export const rootLabelOf = (model: { relations: string[] }): number => model.relations.indexOf('root');

/** Which list of ParserModel.labelsFor an arc's dependent draws its relation from. */
export const labelSlot = (head: number, dep: number, upos: number, tagCount: number): number => (dep < head ? 0 : tagCount) + upos;

/** Buffers one parse reuses for every step. */
export class ParseScratch {
  readonly rows = new Int32Array(MAX_FEATURES);
  readonly moveScores = new Float64Array(MOVES);
  readonly features = new FeatureScratch();
  readonly taggerRows = new Int32Array(TAGGER_FEATURES);
  labelScores = new Float64Array(0);
  /** How many of `rows` the last bestMove or bestLabel filled. */
  count = 0;
  /** The model's root relation (rootLabelOf): the word under the root takes it, no other word does. */
  rootLabel = -1;
}

/** The best legal move by the model's scores (features in scratch.rows afterwards). */
export function bestMove(features: FeatureSet, model: LinearModel, state: ParseState, atoms: SentenceAtoms, scratch: ParseScratch): number {
  const count = transitionFeatures(features.transitions, state, atoms, model.hashBits, scratch.rows, scratch.features);
  scoreRows(model, scratch.rows, count, scratch.moveScores);
  scratch.count = count;
  let best = -1;
  for (let move = 0; move < MOVES; move++) {
    if (state.isLegal(move) && (best < 0 || scratch.moveScores[move] > scratch.moveScores[best])) best = move;
  }
  return best;
}

/** The best relation for the arc head → dep, among those its dependent's tag and side allow (features in scratch.rows afterwards). */
export function bestLabel(model: ParserModel, labels: LinearModel, state: ParseState, atoms: SentenceAtoms, head: number, dep: number, scratch: ParseScratch): number {
  if (head === 0 && scratch.rootLabel >= 0) {
    scratch.count = 0;
    return scratch.rootLabel;
  }
  if (scratch.labelScores.length < labels.classes) scratch.labelScores = new Float64Array(labels.classes);
  const count = labelFeatures(model.features.labels, state, atoms, head, dep, labels.hashBits, scratch.rows, scratch.features);
  scratch.count = count;
  const slot = labelSlot(head, dep, atoms.upos[dep], model.tagger.uposNames.length);
  return bestOfCandidates(labels, scratch.rows, count, model.labelsFor[slot], scratch.labelScores);
}

export interface SentenceParse {
  /** The tagger's tags of the words (ids into the tagger's uposNames, xposNames). */
  tags: Tags;
  /** Per word (0-based), its head's position: 1 … n, or 0 for the root. */
  heads: Int32Array;
  /** Per word, the index of its relation in the model's `relations`. */
  labels: Int32Array;
}

/** Parses one sentence; `tags` replace the tagger's (the scorer's reference run with gold tags). */
export function parseWords(model: ParserModel, words: readonly SyntaxWord[], scratch = new ParseScratch(), tags?: Tags): SentenceParse {
  const tagged = taggerAtoms(words);
  const chosen = tags ?? tagWords(model.tagger, words, scratch.taggerRows, tagged);
  scratch.rootLabel = rootLabelOf(model);
  const n = words.length;
  const marks = marksOf(model, chosen, n);
  // Leaving the marks out, the parser parses the other words (keep); the rule attaches the marks.
  const keep = marks && model.punctuation === 'rule' ? keptWords(marks, n) : undefined;
  const atoms = sentenceAtoms(words, chosen, keep, tagged);
  const state = new ParseState(atoms.n);
  while (!state.isTerminal()) {
    const move = bestMove(model.features, model.transitions, state, atoms, scratch);
    let label = NONE;
    if (move !== SHIFT) label = bestLabel(model, model.labels, state, atoms, state.headOf(move), state.s(0), scratch);
    state.apply(move, label);
  }
  let heads = state.heads, labels = state.labels;
  if (keep) {
    heads = new Int32Array(n + 1);
    labels = new Int32Array(n + 1);
    heads[0] = labels[0] = NONE;
    for (let i = 1; i <= atoms.n; i++) {
      const h = state.heads[i];
      heads[keep[i - 1] + 1] = h === 0 ? 0 : keep[h - 1] + 1;
      labels[keep[i - 1] + 1] = state.labels[i];
    }
  }
  if (marks) attachMarks(model, words, marks, heads, labels);
  return { tags: chosen, heads: heads.slice(1), labels: labels.slice(1) };
}

/** The words the tagger calls PUNCT (1-based), or null when there are none. */
export function marksOf(model: ParserModel, tags: Tags, n: number): Uint8Array | null {
  const punctTag = model.tagger.uposNames.indexOf('PUNCT');
  if (punctTag < 0 || model.relations.indexOf('punct') < 0) return null;
  let marks: Uint8Array | null = null;
  for (let w = 1; w <= n; w++) {
    if (tags.upos[w - 1] !== punctTag) continue;
    marks ??= new Uint8Array(n + 1);
    marks[w] = 1;
  }
  return marks;
}

/** The 0-based positions of the words that are not marks. */
export function keptWords(marks: Uint8Array, n: number): Int32Array {
  let count = 0;
  for (let w = 1; w <= n; w++) if (!marks[w]) count++;
  const keep = new Int32Array(count);
  for (let w = 1, i = 0; w <= n; w++) if (!marks[w]) keep[i++] = w - 1;
  return keep;
}

/**
 * The marks attached by UD's rule (punctuation.ts) to the tree of the other words, with the
 * relation punct; a word the parser hung from a mark climbs to the mark's head.
 */
function attachMarks(model: ParserModel, words: readonly SyntaxWord[], marks: Uint8Array, heads: Int32Array, labels: Int32Array): void {
  const n = words.length;
  const parsed = heads.slice();
  for (let w = 1; w <= n; w++) {
    if (marks[w]) continue;
    let h = parsed[w];
    for (let guard = 0; h > 0 && marks[h] && guard <= n; guard++) h = parsed[h];
    heads[w] = h;
  }
  attachPunctuation(heads, marks, words.map((w) => w.value));
  const punctLabel = model.relations.indexOf('punct');
  for (let w = 1; w <= n; w++) if (marks[w]) labels[w] = punctLabel;
}

/** The dependency trees of a text's sentences, by token index. */
export interface Dependencies {
  /** Each token's head (a token index), −1 for the root of its sentence, −2 when its sentence was not parsed. */
  head: Int32Array;
  /** Each token's UD relation to its head ('root' for the root, '' when not parsed). */
  relation: string[];
}

export const NOT_PARSED = -2;

/**
 * Parses the text's sentences, or only those `which` names (the rest keep head −2): a caller
 * that needs trees for a few sentences pays for those only.
 */
export function parseText(t: TokenisedText, model: ParserModel, which?: Iterable<number>): Dependencies {
  const head = new Int32Array(t.tokens.length).fill(NOT_PARSED);
  const relation = new Array<string>(t.tokens.length).fill('');
  const scratch = new ParseScratch();
  for (const i of which ?? t.sentences.keys()) {
    const s = t.sentences[i];
    if (!s || s.last <= s.first) continue;
    const parse = parseWords(model, t.tokens.slice(s.first, s.last), scratch);
    for (let w = 0; w < parse.heads.length; w++) {
      head[s.first + w] = parse.heads[w] === 0 ? -1 : s.first + parse.heads[w] - 1;
      relation[s.first + w] = model.relations[parse.labels[w]] ?? 'dep';
    }
  }
  return { head, relation };
}

/** What a pass may parse per article: the parse's cost stays bounded whatever the text. */
export const MAX_PARSED_SENTENCES = 64;
export const MAX_PARSED_TOKENS = 80;

/**
 * Parses the sentences holding the given tokens, up to MAX_PARSED_SENTENCES of them and only
 * those of at most MAX_PARSED_TOKENS tokens (the rest stay NOT_PARSED); null when none is.
 */
export function parseSentencesAt(t: TokenisedText, model: ParserModel, tokenIndices: Iterable<number>): Dependencies | null {
  const which = new Set<number>();
  for (const k of tokenIndices) {
    if (which.size >= MAX_PARSED_SENTENCES) break;
    const sentence = t.sentences[t.tokens[k].sentence];
    if (sentence && sentence.last - sentence.first <= MAX_PARSED_TOKENS) which.add(sentence.i);
  }
  return which.size ? parseText(t, model, which) : null;
}
