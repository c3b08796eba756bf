// A greedy transition-based dependency parser (arc-hybrid, transitions.ts) over the analysis's
// own tokens: two linear classifiers, one choosing the next move from the configuration's
// features, one choosing the UD relation of each arc as it is made (features.ts). Trained by
// scripts/parser/train.ts on GUM (and UD EWT) with wink-nlp's tags; weights in models/parser.json.
import { type LinearModel, bestOfCandidates, scoreRows } from '../../ml/linear';
import type { TokenisedText } from '../passes/2-tokens';
import { MAX_FEATURES, type SentenceAtoms, type SyntaxWord, labelFeatures, sentenceAtoms, transitionFeatures } from './features';
import { type Tags, type TaggerModel, tagWords } from './tagger';
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
}

/** Which list of ParserModel.labelsFor an arc's dependent draws its relation from. */
export const labelSlot = (head: number, dep: number, upos: number, tagCount: number): number => (dep < head ? 0 : tagCount) + upos;

/** Buffers one parse reuses for every step. */
export class ParseScratch {
  readonly rows = new Int32Array(MAX_FEATURES);
  readonly moveScores = new Float64Array(MOVES);
  labelScores = new Float64Array(0);
  /** How many of `rows` the last bestMove or bestLabel filled. */
  count = 0;
}

/** The best legal move by the model's scores (features in scratch.rows afterwards). */
export function bestMove(model: LinearModel, state: ParseState, atoms: SentenceAtoms, scratch: ParseScratch): number {
  const count = transitionFeatures(state, atoms, model.hashBits, scratch.rows);
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
  if (scratch.labelScores.length < labels.classes) scratch.labelScores = new Float64Array(labels.classes);
  const count = labelFeatures(state, atoms, head, dep, labels.hashBits, scratch.rows);
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
  const state = new ParseState(words.length);
  const chosen = tags ?? tagWords(model.tagger, words);
  const atoms = sentenceAtoms(words, chosen);
  while (!state.isTerminal()) {
    const move = bestMove(model.transitions, state, atoms, scratch);
    let label = NONE;
    if (move !== SHIFT) {
      const [head, dep] = state.arcOf(move)!;
      label = bestLabel(model, model.labels, state, atoms, head, dep, scratch);
    }
    state.apply(move, label);
  }
  return { tags: chosen, heads: state.heads.slice(1), labels: state.labels.slice(1) };
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
