// Sentiment toward one target mention, from anyone, by a trained linear model: a multinomial
// logistic regression over hashed features (weights in models/target-sentiment.json, trained by
// scripts/train-target-model.ts on NewsMTSC's training split).
//
// The features describe the target in its sentence with what the earlier passes found:
//   words       lemmas before and after the target by distance, the bigrams next to it, and
//               the lemmas inside quotation marks (names and numbers as classes, not words)
//   lexicon     AFINN + news-lexicon sentiment to the left, to the right, in the target's clause
//               and in the sentence (distance-weighted, LocalSentiment), polar words by distance
//   grammar     the verb the target is the subject or object of, with its CAMEO polarity and
//               speech-cue signal, negation and passive voice; the preposition before it; a
//               possessive target and what it possesses
//   statements  the target speaks (the cue's signal), or sits inside a statement or a quote
//   evidence    what the stance pass found about the target's actor and by it, and the
//               rules' own score (ruleScore: evidence about the actor, else the words around it)
//   vectors     the mean GloVe vector of the sentence's content words and of those within five
//               tokens of the target (models/word-vectors.json)
import { ScoringSink, namedLogits, softmax } from '../../../ml/linear';
import { type Lexicon, wordScoreOf } from '../../../models/lexicon';
import type { TextVectors } from '../../../models/word-vectors';
import type { DenseBlock } from '../../../ml/hashing';
import { TARGET_MODEL_CLASSES, type TargetModel } from '../../../models/target-model';
import { type TokenRange, isPassive, isPossessive, isPossessivePronoun } from '../../grammar';
import type { Mention, Token } from '../../types';
import { type TokenisedText, sentenceOf } from '../2-tokens';
import type { AttributedStatement } from '../5-speakers';
import { AUTHOR, type Evidence, NEUTRAL_BAND, polarityOf, weightedMean } from './evidence';
import type { LocalSentiment } from './lexical';

/** What the features of one target are made from: the passes' findings around its mention. */
export interface TargetInput {
  t: TokenisedText;
  mention: Mention;
  /** The article's evidence; only the pieces whose span covers the mention are read. */
  evidence: Evidence[];
  statements: AttributedStatement[];
  words: LocalSentiment;
  lexicon: Lexicon;
  /** The text's word vectors (one for all its mentions: a sentence's sum is reused). */
  vectors: TextVectors;
}

/** Feature name → value (a count for indicator features), and the mean vectors as dense blocks. */
export type Features = Map<string, number> & { dense?: DenseBlock[] };

/** The model's classes, in the order of its weight rows. */
export const TARGET_CLASSES = TARGET_MODEL_CLASSES;

const QUOTE_OPENERS = new Set(['“', '«', '„']);
const QUOTE_CLOSERS = new Set(['”', '»']);
/** Tokens that end a clause around the target. */
const CLAUSE_BREAKS = new Set([',', ';', ':', '(', ')', '—', '–', '--']);
/** How far from the target a verb may stand and still be its predicate or governor, in tokens. */
const VERB_REACH = 4;
const BETWEEN_SUBJECT_AND_VERB = new Set(['ADV', 'AUX', 'PART']);
const BETWEEN_VERB_AND_OBJECT = new Set(['DET', 'ADJ', 'ADP', 'NUM', 'PART']);

/** The target's features by name (training, tests): what the model reads. */
export function targetFeatures(input: TargetInput): Features {
  const f: Features = new Map();
  const dense: DenseBlock[] = (f.dense = []);
  makeTargetFeatures(input, (name, value = 1) => {
    if (value !== 0) f.set(name, (f.get(name) ?? 0) + value);
  }, (block) => dense.push(block));
  return f;
}

/** The model's class probabilities toward the target, its features scored as they are made (the stance pass: no map of names). */
export function scoreTarget(model: TargetModel, input: TargetInput): number[] {
  const sink = new ScoringSink([model]);
  makeTargetFeatures(input, (name, value = 1) => {
    if (value !== 0) sink.add(name, value);
  }, (block) => sink.dense(block));
  return softmax(sink.scores[0]);
}

/** Every feature of the target, each given to `add` as it is made (the one implementation for training and run time). */
function makeTargetFeatures(input: TargetInput, add: Add, addDense: (block: DenseBlock) => void): void {
  const { t, mention: m } = input;
  const sentence = sentenceOf(t, m.first);
  const range: TokenRange = { first: sentence.first, last: sentence.last };
  add('bias');
  wordFeatures(t.tokens, range, m, add);
  lexiconFeatures(input, range, add);
  grammarFeatures(input, range, add);
  statementFeatures(input, add);
  evidenceFeatures(input, add);
  vectorFeatures(input, range, addDense);
}

type Add = (name: string, value?: number) => void;

/** A token as a word feature: its lemma, with names and numbers reduced to their class. */
function wordOf(tok: Token): string {
  if (tok.pos === 'PROPN') return '#name';
  if (tok.pos === 'NUM') return '#num';
  return tok.lemma.toLowerCase();
}

/** Distance buckets: right next to the target, near, in reach, far. */
function bucket(distance: number): string {
  return distance <= 1 ? '1' : distance <= 3 ? '3' : distance <= 8 ? '8' : 'far';
}

function wordFeatures(tokens: Token[], s: TokenRange, m: TokenRange, add: Add): void {
  const inQuotes = quotedTokens(tokens, s);
  for (let k = s.first; k < s.last; k++) {
    if (k >= m.first && k < m.last) continue;
    const w = wordOf(tokens[k]);
    const left = k < m.first;
    const side = left ? 'L' : 'R';
    add(`${side}${bucket(left ? m.first - k : k - m.last + 1)}:${w}`);
    add(`S:${w}`);
    if (inQuotes[k - s.first]) add(`Q:${w}`);
  }
  // Bigrams right before and after the target.
  for (let k = Math.max(s.first, m.first - 4); k + 1 < m.first; k++) add(`LB:${wordOf(tokens[k])}_${wordOf(tokens[k + 1])}`);
  for (let k = m.last; k + 1 < Math.min(s.last, m.last + 5); k++) add(`RB:${wordOf(tokens[k])}_${wordOf(tokens[k + 1])}`);
  if (inQuotes[m.first - s.first]) add('target-quoted');
  add(`length:${bucket(Math.round((s.last - s.first) / 5))}`);
}

/** The words around the target within this many tokens, for their mean vector. */
const VECTOR_WINDOW = 5;
/**
 * The vector features' weight against the indicator features (whose values are 1): chosen by
 * 5-fold cross-validation on NewsMTSC train (macro-F1 without vectors 0.685; with 60k float
 * vectors, weight 1 0.699, 2 0.702, 4 0.700; the 30k int8 vectors shipped, weight 2: 0.701).
 */
const VECTOR_WEIGHT = 2;

/** The features vS0 … of the sentence's mean vector and vW0 … of the window's (dense blocks: 200 numbers a target, not 200 names). */
function vectorFeatures({ mention: m, vectors }: TargetInput, s: TokenRange, addDense: (block: DenseBlock) => void): void {
  const sentence = vectors.mean(s.first, s.last, m, VECTOR_WEIGHT, true);
  if (sentence) addDense({ prefix: 'vS', values: sentence });
  const window = vectors.mean(Math.max(s.first, m.first - VECTOR_WINDOW), Math.min(s.last, m.last + VECTOR_WINDOW), m, VECTOR_WEIGHT);
  if (window) addDense({ prefix: 'vW', values: window });
}

/** Which tokens of the range lie inside quotation marks (curly pairs, or straight ones toggling). */
function quotedTokens(tokens: Token[], s: TokenRange): Uint8Array {
  const inside = new Uint8Array(s.last - s.first);
  let open = false;
  for (let k = s.first; k < s.last; k++) {
    const v = tokens[k].value;
    if (QUOTE_OPENERS.has(v)) open = true;
    else if (QUOTE_CLOSERS.has(v)) open = false;
    else if (v === '"' || v === '``' || v === "''") open = !open;
    else inside[k - s.first] = open ? 1 : 0;
  }
  return inside;
}

function lexiconFeatures({ t, mention: m, words, lexicon }: TargetInput, s: TokenRange, add: Add): void {
  const clause = clauseAround(t.tokens, s, m);
  add('lex-left', words.toward(s.first, m.first, m));
  add('lex-right', words.toward(m.last, s.last, m));
  add('lex-clause', words.toward(clause.first, clause.last, m));
  add('lex-sentence', words.toward(s.first, s.last, m));
  for (let k = s.first; k < s.last; k++) {
    if (k >= m.first && k < m.last) continue;
    const tok = t.tokens[k];
    const score = wordScoreOf(lexicon, tok);
    if (score === 0) continue;
    const negated = tok.negated || lexicon.negators.has(t.tokens[k - 1]?.lower ?? '');
    const polar = (score > 0) !== negated ? 'pos' : 'neg';
    const left = k < m.first;
    add(`lex-${polar}:${left ? 'L' : 'R'}${bucket(left ? m.first - k : k - m.last + 1)}`);
    if (k >= clause.first && k < clause.last) add(`lex-${polar}:clause`, Math.abs(score) / 5);
    if (negated) add('lex-negated');
  }
}

/** The clause holding the target: up to the nearest punctuation break or subordinator either side. */
function clauseAround(tokens: Token[], s: TokenRange, m: TokenRange): TokenRange {
  const breaks = (tok: Token) => CLAUSE_BREAKS.has(tok.value) || tok.pos === 'SCONJ';
  let first = m.first;
  while (first > s.first && !breaks(tokens[first - 1])) first--;
  let last = m.last;
  while (last < s.last && !breaks(tokens[last])) last++;
  return { first, last };
}

function grammarFeatures({ t, mention: m, lexicon }: TargetInput, s: TokenRange, add: Add): void {
  const tokens = t.tokens;
  const head = tokens[m.last - 1];
  add(`kind:${m.kind}`);
  add(`head-pos:${head.pos}`);
  if (m.first === s.first) add('target-first');
  const next = tokens[m.last];
  const possessive = (next && m.last < s.last && isPossessive(next)) || isPossessivePronoun(head);
  if (possessive) {
    add('possessive');
    const owned = firstOf(tokens, isPossessive(next) ? m.last + 1 : m.last, s.last, (x) => x.pos === 'NOUN');
    if (owned >= 0) add(`possesses:${wordOf(tokens[owned])}`);
  }
  const prev = tokens[m.first - 1];
  if (prev && m.first > s.first) {
    add(`P1:${wordOf(prev)}`);
    if (prev.pos === 'ADP') add(`prep:${prev.lower}`);
  }
  if (next && m.last < s.last) add(`N1:${wordOf(next)}`);

  // The verb the target is the subject of: the first verb after it, past adverbs and auxiliaries
  // (past a possessed noun too: "X's forces attacked").
  let v = m.last;
  if (possessive) v = firstOf(tokens, v, Math.min(s.last, v + VERB_REACH), (x) => x.pos !== 'NOUN' && x.pos !== 'ADJ' && !isPossessive(x));
  while (v >= 0 && v < s.last && v < m.last + VERB_REACH && BETWEEN_SUBJECT_AND_VERB.has(tokens[v].pos)) v++;
  if (v >= 0 && v < s.last && tokens[v].pos === 'VERB') verbFeatures(tokens, v, s, possessive ? 'owner-subject' : 'subject', lexicon, add);
  // The verb the target is the object of: the nearest verb before it, past determiners,
  // adjectives and prepositions ("accused the senator", "praised by").
  let o = m.first - 1;
  while (o >= s.first && o >= m.first - VERB_REACH && BETWEEN_VERB_AND_OBJECT.has(tokens[o].pos)) o--;
  if (o >= s.first && tokens[o].pos === 'VERB') verbFeatures(tokens, o, s, 'object', lexicon, add);
}

/** Index of the first token in [from, to) that passes the test, or -1. */
function firstOf(tokens: Token[], from: number, to: number, test: (x: Token) => boolean): number {
  for (let k = from; k < to; k++) if (test(tokens[k])) return k;
  return -1;
}

function verbFeatures(tokens: Token[], v: number, s: TokenRange, role: string, lexicon: Lexicon, add: Add): void {
  const verb = tokens[v];
  const r = isPassive(tokens, v, s.first) ? `${role}-passive` : role;
  const sign = verb.negated ? -1 : 1;
  add(`${r}-verb:${verb.lemma.toLowerCase()}`);
  if (verb.negated) add(`${r}-verb-negated`);
  const stance = lexicon.verbByForm.get(verb.lower);
  if (stance && stance.polarity !== 0) add(`${r}-cameo`, sign * stance.polarity * stance.weight);
  const cue = lexicon.cueByForm.get(verb.lower);
  if (cue) {
    add(`${r}-cue:${cue.signal}`);
    if (cue.polarity !== 0) add(`${r}-cue-polarity`, sign * cue.polarity * cue.weight);
  }
  const score = wordScoreOf(lexicon, verb);
  if (score !== 0) add(`${r}-verb-sentiment`, (sign * score) / 5);
}

function statementFeatures({ mention: m, statements }: TargetInput, add: Add): void {
  for (const s of statements) {
    const cue = s.cue?.cue;
    const speaker = s.speaker?.range;
    if (speaker && speaker.first <= m.first && m.last <= speaker.last) {
      add(`speaks:${s.kind}`);
      if (cue) {
        add(`speaks-cue:${cue.signal}`);
        if (cue.polarity !== 0) add('speaks-cue-polarity', cue.polarity * cue.weight);
      }
    } else if (s.first <= m.first && m.last <= s.last) {
      add(`inside:${s.kind}`);
      if (cue) {
        add(`inside-cue:${cue.signal}`);
        if (cue.polarity !== 0) add('inside-cue-polarity', cue.polarity * cue.weight);
      }
    }
  }
}

function evidenceFeatures(input: TargetInput, add: Add): void {
  const { mention: m, evidence } = input;
  const covering = evidence.filter((e) => e.start <= m.start && m.end <= e.end);
  const about = m.actorId ? covering.filter((e) => e.target === m.actorId) : [];
  const by = m.actorId ? covering.filter((e) => e.source === m.actorId) : [];
  const kindOf = (e: Evidence) => (e.statement !== undefined ? 'statement' : e.source === AUTHOR ? 'author' : 'action');
  for (const kind of ['statement', 'author', 'action']) {
    const a = about.filter((e) => kindOf(e) === kind);
    if (a.length) add(`about-${kind}`, weightedMean(a));
    const b = by.filter((e) => kindOf(e) === kind);
    if (b.length) add(`by-${kind}`, weightedMean(b));
  }
  const rule = ruleScore(input);
  add('rule', rule);
  add(`rule-sign:${polarityOf(rule)}`);
}

/** The rules' sentiment toward the mention: the evidence about its actor in the span holding it, else the words around it. */
export function ruleScore({ t, mention: m, evidence, words }: TargetInput): number {
  const about = evidence.filter((e) => e.target === m.actorId && e.start <= m.start && m.end <= e.end);
  if (about.length) return weightedMean(about);
  const sentence = sentenceOf(t, m.first);
  return words.toward(sentence.first, sentence.last, m);
}

// ---------- scoring ----------

/** The model's class probabilities for these features, in TARGET_CLASSES order. */
export function classProbabilities(model: TargetModel, features: Features): number[] {
  return softmax(namedLogits(model, features));
}

/**
 * Sentiment toward the target in [-1, 1] whose polarity (polarityOf) is the most probable class:
 * P(positive) − P(negative), pushed just outside the neutral band for a polar class and scaled
 * inside it for the neutral one.
 */
export function targetScore(model: TargetModel, features: Features): number {
  const [neg, neutral, pos] = classProbabilities(model, features);
  const s = pos - neg;
  if (neutral >= neg && neutral >= pos) return s * NEUTRAL_BAND;
  const floor = NEUTRAL_BAND + 0.01;
  return pos > neg ? Math.max(s, floor) : Math.min(s, -floor);
}
