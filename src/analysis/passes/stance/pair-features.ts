// The features of the directed-stance model (./pair-model.ts) for one pair of actor mentions in
// a sentence, p before q: what the training script (scripts/stance-model) and the stance pass
// both compute, so that the model reads at run time exactly what it learnt from.
//
//   words      lemmas and bigrams between p and q, by their distance to each, and the words
//              just before p and just after q (names and numbers as classes, other actors as
//              one class); how far apart the two are and how many actors stand between
//   mentions   each one's kind (name, description, pronoun, caller's span) and actor type
//   grammar    the verb p is the subject of and the verb q is the object of (the same verb:
//              p acts on q), with the verb's CAMEO polarity and Goldstein weight, speech-cue
//              signal and polarity, word sentiment, negation and passive voice; possessives;
//              "by" (the agent of a passive), lists ("p and q")
//   statements p or q speaks (the statement's speaker is its actor) and the other is named in
//              what is said, with the cue's signal and polarity and the words toward it
//   rules      the evidence the rule passes found for p → q and q → p in this sentence, by kind
//              (statement, action, relation), as values and signs
//   sentiment  AFINN + news-lexicon sentiment toward each mention between them, around them and
//              over the sentence (LocalSentiment: negation, intensifiers, hedges, contrast)
import { type Lexicon, wordScoreOf } from '../../../models/lexicon';
import { type TokenRange, isPassive, isPossessive, isPossessivePronoun, isQuoteMark } from '../../grammar';
import type { Actor, Mention, Sentence, Token } from '../../types';
import type { TokenisedText } from '../2-tokens';
import type { AttributedStatement } from '../5-speakers';
import { type Evidence, polarityOf, weightedMean } from './evidence';
import type { LocalSentiment } from './lexical';

/** What the features of one pair are made from: the passes' findings around the two mentions. */
export interface PairInput {
  t: TokenisedText;
  sentence: Sentence;
  /** p comes first in the text. */
  p: Mention;
  q: Mention;
  /** The sentence's mentions (in order), to mark other actors between p and q. */
  mentions: Mention[];
  actors: Map<string, Actor>;
  statements: AttributedStatement[];
  /** The rules' evidence over this sentence, by rule (./statements, ./actions, ./relations). */
  evidence: RuleEvidence;
  words: LocalSentiment;
  lexicon: Lexicon;
  /** The sentiment toward a mention from the target model (./target-model.ts), in its class order: negative, neutral, positive. */
  toward?: (m: Mention) => number[];
}

export interface RuleEvidence {
  statement: Evidence[];
  action: Evidence[];
  relation: Evidence[];
}

/** Feature name → value (a count for indicator features). */
export type PairFeatures = Map<string, number>;

/** Between-words read from each side when p and q stand far apart. */
const SIDE_WORDS = 8;
/** Context words before p and after q. */
const CONTEXT = 4;
/** How far a verb may stand from a mention and still be its predicate or governor, in tokens. */
const VERB_REACH = 4;
const BETWEEN_SUBJECT_AND_VERB = new Set(['ADV', 'AUX', 'PART']);
const BETWEEN_VERB_AND_OBJECT = new Set(['DET', 'ADJ', 'ADP', 'NUM', 'PART']);

type Add = (name: string, value?: number) => void;

/** The pair's features by name (training, tests): what the model reads. */
export function pairFeatures(input: PairInput): PairFeatures {
  const f: PairFeatures = new Map();
  makePairFeatures(input, (name, value) => f.set(name, (f.get(name) ?? 0) + value));
  return f;
}

/**
 * Every feature of the pair, each given to `give` as it is made, zero and non-finite values left
 * out (the one implementation for training, by name, and run time, scored as made).
 */
export function makePairFeatures(input: PairInput, give: (name: string, value: number) => void): void {
  const add: Add = (name, value = 1) => {
    if (value !== 0 && Number.isFinite(value)) give(name, value);
  };
  add('bias');
  const actorAt = actorTokens(input);
  wordFeatures(input, actorAt, add);
  mentionFeatures(input, add);
  const grammar = grammarFeatures(input, add);
  const spoken = statementFeatures(input, add);
  ruleFeatures(input, add);
  sentimentFeatures(input, add);
  const holder = spoken ?? grammar;
  if (holder) add(`holder:${holder}`);
  targetFeatures(input, add, holder);
  heldSentiment(input, add, holder);
}

/** A token as a word feature: its lemma; names and numbers as their class, other actors' mentions as one. */
function wordOf(tok: Token, isActor: boolean): string {
  if (isActor) return '#actor';
  if (tok.pos === 'PROPN') return '#name';
  if (tok.pos === 'NUM') return '#num';
  return tok.lemma.toLowerCase();
}

/** Distance buckets: right next to, near, in reach, far. */
function bucket(distance: number): string {
  return distance <= 1 ? '1' : distance <= 3 ? '3' : distance <= 8 ? '8' : 'far';
}

/** Which tokens of the sentence belong to an actor mention other than p and q (relative to sentence.first). */
function actorTokens({ sentence, mentions, p, q }: PairInput): Uint8Array {
  const marks = new Uint8Array(sentence.last - sentence.first);
  for (const m of mentions) {
    if (m === p || m === q || !m.actorId) continue;
    for (let k = Math.max(m.first, sentence.first); k < Math.min(m.last, sentence.last); k++) marks[k - sentence.first] = 1;
  }
  return marks;
}

function wordFeatures(input: PairInput, actorAt: Uint8Array, add: Add): void {
  const { t, sentence: s, p, q } = input;
  const tokens = t.tokens;
  const w = (k: number) => wordOf(tokens[k], actorAt[k - s.first] === 1);
  const from = p.last, to = q.first;
  const gap = Math.max(0, to - from);
  add(`gap:${bucket(gap)}`);
  if (gap === 0) add('adjacent');
  // Between: every word when they stand close, else the words next to each side.
  const between: number[] = [];
  if (gap <= 2 * SIDE_WORDS) for (let k = from; k < to; k++) between.push(k);
  else {
    for (let k = from; k < from + SIDE_WORDS; k++) between.push(k);
    for (let k = to - SIDE_WORDS; k < to; k++) between.push(k);
  }
  let previous = -1;
  let others = 0;
  for (const k of between) {
    const word = w(k);
    add(`B:${word}`);
    add(`Bp${bucket(k - from + 1)}:${word}`);
    add(`Bq${bucket(to - k)}:${word}`);
    if (previous === k - 1) add(`BB:${w(previous)}_${word}`);
    previous = k;
  }
  for (let k = from; k < to; k++) if (actorAt[k - s.first] && (k === from || !actorAt[k - 1 - s.first])) others++;
  add(`others:${Math.min(others, 3)}`);
  // Another actor between that is itself the subject of a verb ("p …, and W condemned q"), or
  // p's or q's own actor named again between (the nearer mention carries the pair).
  for (const m of input.mentions) {
    if (m.first < from || m.last > to) continue;
    if (m.actorId === p.actorId || m.actorId === q.actorId) add(m.actorId === p.actorId ? 'B-same-p' : 'B-same-q');
    else if (verbAfter(tokens, m, s)) add('B-other-subject');
  }
  for (let k = from; k + 1 < to; k++) {
    if ((tokens[k].value === ',' && tokens[k + 1].pos === 'CCONJ') || tokens[k].value === ';') {
      add('B-clause-break');
      break;
    }
  }
  if (gap <= 2) add(`Bexact:${between.map(w).join('_')}`);
  // Before p and after q.
  for (let d = 1; d <= CONTEXT; d++) {
    const k = p.first - d;
    if (k < s.first) break;
    add(`L${bucket(d)}:${w(k)}`);
  }
  if (p.first - 2 >= s.first) add(`LB:${w(p.first - 2)}_${w(p.first - 1)}`);
  for (let d = 1; d <= CONTEXT; d++) {
    const k = q.last + d - 1;
    if (k >= s.last) break;
    add(`R${bucket(d)}:${w(k)}`);
  }
  if (q.last + 1 < s.last) add(`RB:${w(q.last)}_${w(q.last + 1)}`);
  if (p.first === s.first) add('p-opens');
  if (q.last >= s.last - 1) add('q-closes');
  // Quotation marks between: one side's words quoted.
  for (let k = from; k < to; k++) {
    if (isQuoteMark(tokens[k])) {
      add('B-quote-mark');
      break;
    }
  }
}

function mentionFeatures({ p, q, actors }: PairInput, add: Add): void {
  const typeOf = (m: Mention) => (m.actorId ? (actors.get(m.actorId)?.type ?? 'unknown') : 'none');
  const tp = typeOf(p), tq = typeOf(q);
  add(`kp:${p.kind}`);
  add(`kq:${q.kind}`);
  add(`tp:${tp}`);
  add(`tq:${tq}`);
  add(`tpq:${tp}|${tq}`);
  if (p.actorId && q.actorId) {
    const cp = actors.get(p.actorId)?.country, cq = actors.get(q.actorId)?.country;
    if (cp && cp === cq) add('same-country');
  }
}

interface VerbAt {
  at: number;
  passive: boolean;
}

/** The verb a mention is the subject of: the first verb after it, past adverbs and auxiliaries (and a possessed noun). */
function verbAfter(tokens: Token[], m: TokenRange, s: Sentence): VerbAt | null {
  let v = m.last;
  if (isPossessive(tokens[v]) || isPossessivePronoun(tokens[m.last - 1])) {
    if (isPossessive(tokens[v])) v++;
    while (v < s.last && v < m.last + VERB_REACH && (tokens[v].pos === 'NOUN' || tokens[v].pos === 'ADJ')) v++;
  }
  while (v < s.last && v < m.last + VERB_REACH && BETWEEN_SUBJECT_AND_VERB.has(tokens[v].pos)) v++;
  if (v >= s.last || tokens[v].pos !== 'VERB') return null;
  return { at: v, passive: isPassive(tokens, v, s.first) };
}

/** The verb a mention is the object of: the nearest verb before it, past determiners, adjectives and prepositions. */
function verbBefore(tokens: Token[], m: TokenRange, s: Sentence): VerbAt | null {
  let o = m.first - 1;
  while (o >= s.first && o >= m.first - VERB_REACH && BETWEEN_VERB_AND_OBJECT.has(tokens[o].pos)) o--;
  if (o < s.first || tokens[o].pos !== 'VERB') return null;
  return { at: o, passive: isPassive(tokens, o, s.first) };
}

function verbSignals(tokens: Token[], v: VerbAt, role: string, lexicon: Lexicon, add: Add): void {
  const verb = tokens[v.at];
  const r = v.passive ? `${role}-passive` : role;
  const sign = verb.negated ? -1 : 1;
  add(`${r}-verb:${verb.lemma.toLowerCase()}`);
  if (verb.negated) add(`${r}-negated`);
  const stance = lexicon.verbByForm.get(verb.lower);
  if (stance && stance.polarity !== 0) {
    add(`${r}-cameo`, sign * stance.polarity * stance.weight);
    if (stance.reversed) add(`${r}-cameo-reversed`);
  }
  const cue = lexicon.cueByForm.get(verb.lower);
  if (cue) {
    add(`${r}-cue:${cue.signal}`);
    if (cue.polarity !== 0) add(`${r}-cue-polarity`, sign * cue.polarity * cue.weight);
  }
  const score = wordScoreOf(lexicon, verb);
  if (score !== 0) add(`${r}-sentiment`, (sign * score) / 5);
}

/** Who of the two holds the attitude the clause expresses, as far as the grammar tells: p the subject of a verb before q, or q the agent of a passive or the speaker after p. */
function grammarFeatures({ t, sentence: s, p, q, lexicon }: PairInput, add: Add): 'p' | 'q' | undefined {
  const tokens = t.tokens;
  const pSubject = verbAfter(tokens, p, s);
  const qObject = verbBefore(tokens, q, s);
  const qSubject = verbAfter(tokens, q, s);
  const pObject = verbBefore(tokens, p, s);
  if (pSubject) verbSignals(tokens, pSubject, 'p-subj', lexicon, add);
  if (qObject) verbSignals(tokens, qObject, 'q-obj', lexicon, add);
  if (qSubject) verbSignals(tokens, qSubject, 'q-subj', lexicon, add);
  if (pObject) verbSignals(tokens, pObject, 'p-obj', lexicon, add);
  // p is the subject of the verb whose object is q: p acts on q (or, passive, q on p).
  if (pSubject && qObject && pSubject.at === qObject.at) verbSignals(tokens, pSubject, 'pvq', lexicon, add);
  else if (pSubject && qObject && pSubject.at < qObject.at) add('p-subj-before-q-obj');
  const possessive = (m: Mention) => isPossessive(tokens[m.last]) || isPossessivePronoun(tokens[m.last - 1]);
  if (possessive(p)) add('p-possessive');
  if (possessive(q)) add('q-possessive');
  // The stance verbs and cues between them, with negation, and the agent of a passive.
  for (let k = p.last; k < q.first; k++) {
    const tok = tokens[k];
    if (tok.lower === 'by' && k > p.last && /(ed|en)$/.test(tokens[k - 1].lower)) add('B-passive-by');
    const stance = tok.pos === 'VERB' || tok.pos === 'NOUN' ? lexicon.verbByForm.get(tok.lower) : undefined;
    const sign = tok.negated ? -1 : 1;
    if (stance && stance.polarity !== 0) add(`B-cameo${isPassive(tokens, k, s.first) ? '-passive' : ''}`, sign * stance.polarity * stance.weight);
    const cue = lexicon.cueByForm.get(tok.lower);
    if (cue) {
      add(`B-cue:${cue.signal}`);
      if (cue.polarity !== 0) add('B-cue-polarity', sign * cue.polarity * cue.weight);
    }
    if (tok.negated) add('B-negated');
    if (lexicon.hedges.has(tok.lower)) add('B-hedge');
  }
  // Cues after q ("…, q said").
  let qSpeaks = false;
  for (let k = q.last; k < Math.min(s.last, q.last + VERB_REACH); k++) {
    const cue = lexicon.cueByForm.get(tokens[k].lower);
    if (cue) {
      add(`R-cue:${cue.signal}`);
      qSpeaks = true;
    }
  }
  const byQ = q.first >= 2 && tokens[q.first - 1].lower === 'by' && /(ed|en)$/.test(tokens[q.first - 2].lower);
  if (byQ) add('q-agent');
  if (pSubject && pSubject.at < q.first && !pSubject.passive) return 'p';
  if (byQ || qSpeaks) return 'q';
  return undefined;
}

/** The statements' features; who speaks of the other, when one does. */
function statementFeatures({ p, q, statements }: PairInput, add: Add): 'p' | 'q' | undefined {
  let holder: 'p' | 'q' | undefined;
  for (const s of statements) {
    const inside = (m: Mention) => s.first <= m.first && m.last <= s.last;
    const speaker = s.speaker;
    const speaks = (m: Mention) =>
      !!speaker && ((speaker.range.first <= m.first && m.last <= speaker.range.last) || (!!m.actorId && speaker.actorId === m.actorId && !inside(m)));
    const cue = s.cue?.cue;
    const one = (role: string) => {
      add(`${role}:${s.kind}`);
      if (cue) {
        add(`${role}-cue:${cue.signal}`);
        if (cue.polarity !== 0) add(`${role}-cue-polarity`, cue.polarity * cue.weight);
      }
    };
    if (speaks(p) && inside(q)) {
      one('st-pq');
      holder ??= 'p';
    } else if (speaks(q) && inside(p)) {
      one('st-qp');
      holder ??= 'q';
    } else if (inside(p) && inside(q)) one('st-both');
  }
  return holder;
}

/** The words' sentiment toward the one who does not hold the attitude, read from the holder's side. */
function heldSentiment({ sentence: s, p, q, words }: PairInput, add: Add, holder?: 'p' | 'q'): void {
  if (holder === 'p') add('lex-held-by-p', words.toward(p.last, s.last, q));
  else if (holder === 'q') add('lex-held-by-q', words.toward(s.first, s.last, p));
  else add('lex-unheld', words.toward(s.first, s.last, q) + words.toward(s.first, s.last, p));
}

function ruleFeatures({ p, q, evidence }: PairInput, add: Add): void {
  if (!p.actorId || !q.actorId) return;
  for (const [dir, source, target] of [['pq', p.actorId, q.actorId], ['qp', q.actorId, p.actorId]] as const) {
    for (const kind of ['statement', 'action', 'relation'] as const) {
      const of = evidence[kind].filter((e) => e.source === source && e.target === target);
      if (!of.length) continue;
      const score = weightedMean(of);
      add(`rule-${dir}-${kind}`, score);
      add(`rule-${dir}-${kind}:${polarityOf(score)}`);
    }
  }
}

/** The target model's sentiment toward each, alone and with who holds it (the subject or speaker). */
function targetFeatures({ p, q, toward }: PairInput, add: Add, holder?: 'p' | 'q'): void {
  if (!toward) return;
  const [pn, , pp] = toward(p), [qn, , qp] = toward(q);
  add('tgt-p-neg', pn);
  add('tgt-p-pos', pp);
  add('tgt-q-neg', qn);
  add('tgt-q-pos', qp);
  if (holder === 'p') add('tgt-held-by-p', qp - qn);
  if (holder === 'q') add('tgt-held-by-q', pp - pn);
}

function sentimentFeatures({ t, sentence: s, p, q, words, lexicon }: PairInput, add: Add): void {
  const tokens = t.tokens;
  add('lex-between-q', words.toward(p.last, q.first, q));
  add('lex-between-p', words.toward(p.last, q.first, p));
  add('lex-before-p', words.toward(s.first, p.first, p));
  add('lex-after-q', words.toward(q.last, s.last, q));
  add('lex-sentence-q', words.toward(s.first, s.last, q));
  add('lex-sentence-p', words.toward(s.first, s.last, p));
  let pos = 0, neg = 0;
  for (let k = p.last; k < q.first; k++) {
    const score = wordScoreOf(lexicon, tokens[k]);
    if (score === 0) continue;
    const negated = tokens[k].negated || lexicon.negators.has(tokens[k - 1]?.lower ?? '');
    if ((score > 0) !== negated) pos++;
    else neg++;
  }
  if (pos) add(`B-pos:${Math.min(pos, 3)}`);
  if (neg) add(`B-neg:${Math.min(neg, 3)}`);
  if (pos && neg) add('B-mixed');
}
