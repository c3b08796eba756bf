// The directed-stance model: for every pair of actor mentions in a sentence (p before q), one of
// DSE's five classes (Park et al. 2021) — neutral, p → q positive, q → p positive, p → q negative,
// q → p negative — from a multinomial logistic regression over the hashed features of
// ./pair-features.ts (weights in models/stance-model.json, trained by scripts/stance-model on
// DSE's training sentences). A polar class whose probability is under the model's decision
// threshold is read as neutral (and a pair under its minConfidence is not reported polar, in
// ../6-stance.ts); a polar decision becomes one piece of evidence, source → target, whose
// confidence is that probability. Neutral pairs give no evidence: two actors named together
// are not a stance.
import { type LinearModel, ScoringSink, softmax } from '../../../ml/linear';
import type { StanceLinear, StanceModel } from '../../../models/stance-model';
import { partitionPoint } from '../../sorted';
import type { Mention, Sentence, Span } from '../../types';
import type { TokenisedText } from '../2-tokens';
import type { ActorMentions } from '../3-actors';
import type { AttributedStatement } from '../5-speakers';
import { type Evidence, NEUTRAL_BAND, SpanBudget } from './evidence';
import type { LocalSentiment } from './lexical';
import { type PairFeatures, type PairInput, type RuleEvidence, makePairFeatures } from './pair-features';
import type { Lexicon } from '../../../models/lexicon';
import { mentionsWithin } from '../5-speakers';

/** Class indices, in the order of the model's weight rows (DSE's labels 0 … 4). */
export const NEUTRAL = 0, POSITIVE_PQ = 1, POSITIVE_QP = 2, NEGATIVE_PQ = 3, NEGATIVE_QP = 4;
export const PAIR_CLASSES = ['neutral', 'positive p→q', 'positive q→p', 'negative p→q', 'negative q→p'] as const;

/** The mentions of one sentence the model reads pairs of, at most (the nearest pairs first). */
export const MAX_SENTENCE_MENTIONS = 24;

export interface PairDecision {
  /** The class decided (NEUTRAL when no polar class reaches the threshold). */
  label: number;
  probabilities: number[];
  /** The probability of the class decided. */
  confidence: number;
}

/** The model's class probabilities and decision: the best class after the decision offsets, neutral under the threshold. */
export function decidePair(model: StanceModel, features: PairFeatures): PairDecision {
  return scored(model, (add) => {
    for (const [name, value] of features) add(name, value);
  });
}

/** decidePair() of the pair's features, scored as they are made (the stance pass: no map of names, each name hashed once for the model's parts). */
export function judgePair(model: StanceModel, input: PairInput): PairDecision {
  return scored(model, (add) => makePairFeatures(input, add));
}

/** The decision on the features `make` gives, scored by the model's linear parts at once. */
function scored(model: StanceModel, make: (add: (name: string, value: number) => void) => void): PairDecision {
  const parts = 'joint' in model.linear ? [model.linear.joint] : [model.linear.sign, model.linear.direction];
  const sink = new ScoringSink(parts);
  make((name, value) => sink.add(name, value));
  return decideFromScores(classScores(model.linear, (m) => sink.scores[parts.indexOf(m)]), model.offsets, model.threshold);
}

/**
 * Log-probabilities of the five classes from the linear model(s), each scored by `logitsOf`:
 * the joint model's log-softmax, or log P(sign) + log P(direction) of the factored one.
 */
export function classScores(linear: StanceLinear, logitsOf: (m: LinearModel) => number[]): number[] {
  if ('joint' in linear) return logSoftmax(logitsOf(linear.joint));
  const [neutral, positive, negative] = logSoftmax(logitsOf(linear.sign));
  const [pq, qp] = logSoftmax(logitsOf(linear.direction));
  return [neutral, positive + pq, positive + qp, negative + pq, negative + qp];
}

function logSoftmax(z: number[]): number[] {
  const top = Math.max(...z);
  const log = Math.log(z.reduce((sum, x) => sum + Math.exp(x - top), 0)) + top;
  return z.map((x) => x - log);
}

/** The decision from the class scores (logits or log-probabilities): what decidePair does once the features are scored. */
export function decideFromScores(z: number[], offsets: readonly number[], threshold: number): PairDecision {
  const probabilities = softmax(z);
  let label = 0;
  for (let c = 1; c < z.length; c++) if (z[c] + offsets[c] > z[label] + offsets[label]) label = c;
  if (label !== NEUTRAL && probabilities[label] < threshold) label = NEUTRAL;
  return { label, probabilities, confidence: probabilities[label] };
}

/** Is the class's stance p's toward q (else q's toward p)? */
export const isForward = (label: number): boolean => label === POSITIVE_PQ || label === NEGATIVE_PQ;
/** +1, −1 or 0 (neutral). */
export const signOf = (label: number): number => (label === POSITIVE_PQ || label === POSITIVE_QP ? 1 : label === NEUTRAL ? 0 : -1);

/**
 * The score of a polar decision in [-1, 1]: the probability of its sign in its direction less
 * that of the other sign, and outside the neutral band (the decision says polar).
 */
export function decisionScore(d: PairDecision): number {
  const sign = signOf(d.label);
  if (sign === 0) return 0;
  const forward = isForward(d.label);
  const pos = d.probabilities[forward ? POSITIVE_PQ : POSITIVE_QP], neg = d.probabilities[forward ? NEGATIVE_PQ : NEGATIVE_QP];
  return sign * Math.max(Math.abs(pos - neg), NEUTRAL_BAND + 0.01);
}

export interface PairContext {
  t: TokenisedText;
  actors: ActorMentions;
  statements: AttributedStatement[];
  rules: RuleEvidence;
  words: LocalSentiment;
  lexicon: Lexicon;
  /** The target model's probabilities toward a mention (negative, neutral, positive). */
  toward?: (m: Mention) => number[];
}

/**
 * The inputs of the pair features, sentence by sentence: the statements and rule evidence of
 * each sentence are sorted out once per article. The stance pass and the training script both
 * read pairs through it.
 */
export class PairReader {
  private readonly statements: AttributedStatement[][];
  private readonly rules: { statement: Evidence[][]; action: Evidence[][]; relation: Evidence[][] };

  constructor(private readonly ctx: PairContext) {
    this.statements = bySentence(ctx.t, ctx.statements);
    this.rules = { statement: bySentence(ctx.t, ctx.rules.statement), action: bySentence(ctx.t, ctx.rules.action), relation: bySentence(ctx.t, ctx.rules.relation) };
  }

  /** The sentence's mentions that name an actor, in order. */
  mentionsOf(sentence: Sentence): Mention[] {
    return mentionsWithin(this.ctx.actors.mentions, sentence).filter((m) => m.actorId);
  }

  /** The features' input for mentions p before q of the sentence (`mentions`: mentionsOf(sentence)). */
  input(sentence: Sentence, p: Mention, q: Mention, mentions: Mention[]): PairInput {
    const { ctx, rules } = this;
    const i = sentence.i;
    return {
      t: ctx.t, sentence, p, q, mentions, actors: ctx.actors.actors,
      statements: this.statements[i] ?? [],
      evidence: { statement: rules.statement[i] ?? [], action: rules.action[i] ?? [], relation: rules.relation[i] ?? [] },
      words: ctx.words, lexicon: ctx.lexicon, toward: ctx.toward,
    };
  }
}

/** The model's evidence over every sentence (or the pairs `only` names), the directed pairs it judged in each and those it judged polar (to set the rules' evidence aside there). */
export function modelEvidence(ctx: PairContext, model: StanceModel, only?: Set<string>): { evidence: Evidence[]; judged: Set<string>; polar: Set<string>; disfavoured: Set<string> } {
  const out: Evidence[] = [];
  const judged = new Set<string>();
  const polar = new Set<string>();
  const disfavoured = new Set<string>();
  const budget = new SpanBudget();
  const reader = new PairReader(ctx);
  for (const sentence of ctx.t.sentences) {
    const mentions = reader.mentionsOf(sentence);
    if (mentions.length < 2) continue;
    for (const [p, q] of pairsOf(mentions)) {
      // Only the pairs asked about, in either direction (judging costs most of the pass).
      if (only && !only.has(judgedKey(sentence.i, p.actorId!, q.actorId!)) && !only.has(judgedKey(sentence.i, q.actorId!, p.actorId!))) continue;
      judged.add(judgedKey(sentence.i, p.actorId!, q.actorId!));
      judged.add(judgedKey(sentence.i, q.actorId!, p.actorId!));
      const d = judgePair(model, reader.input(sentence, p, q, mentions));
      // The direction the model gives less stance to, whatever it decides.
      const pr = d.probabilities;
      if (pr[POSITIVE_PQ] + pr[NEGATIVE_PQ] < pr[POSITIVE_QP] + pr[NEGATIVE_QP]) disfavoured.add(judgedKey(sentence.i, p.actorId!, q.actorId!));
      else disfavoured.add(judgedKey(sentence.i, q.actorId!, p.actorId!));
      if (d.label === NEUTRAL || !budget.take(sentence)) continue;
      const [source, target] = isForward(d.label) ? [p, q] : [q, p];
      polar.add(judgedKey(sentence.i, source.actorId!, target.actorId!));
      out.push({ start: sentence.start, end: sentence.end, source: source.actorId!, target: target.actorId!, score: decisionScore(d), confidence: d.confidence });
    }
  }
  return { evidence: out, judged, polar, disfavoured };
}

export const judgedKey = (sentence: number, source: string, target: string): string => `${sentence}\u0000${source}\u0000${target}`;

/**
 * Pairs of mentions of different actors, p before q, nearest first, from at most
 * MAX_SENTENCE_MENTIONS mentions: for two actors named several times, their nearest two
 * mentions only ("X and Y are backed by Z, and W condemned Z": the first Z carries X and Z),
 * the caller's entities before any, pronouns after names.
 */
export function pairsOf(mentions: Mention[]): [Mention, Mention][] {
  const kept = mentions.slice(0, MAX_SENTENCE_MENTIONS);
  const all: [Mention, Mention][] = [];
  for (let i = 0; i < kept.length; i++) for (let j = i + 1; j < kept.length; j++) if (kept[i].actorId !== kept[j].actorId) all.push([kept[i], kept[j]]);
  // Two of the caller's entities first (the pair the caller asks about), then names before
  // pronouns ("“X has betrayed its partners,” Y said": X, not its), then the nearest in tokens
  // (the sort is stable: earlier first among equals).
  const rank = ([p, q]: [Mention, Mention]) =>
    (p.kind === 'entity' && q.kind === 'entity' ? 0 : 2e6) + (p.kind === 'pronoun' || q.kind === 'pronoun' ? 1e6 : 0) + q.first - p.last;
  all.sort((a, b) => rank(a) - rank(b));
  const seen = new Set<string>();
  return all.filter(([p, q]) => {
    const key = p.actorId! < q.actorId! ? `${p.actorId}\u0000${q.actorId}` : `${q.actorId}\u0000${p.actorId}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/** The spans (statements, evidence) overlapping each sentence, by sentence index, in their order. */
export function bySentence<T extends Span>(t: TokenisedText, spans: T[]): T[][] {
  const out: T[][] = [];
  const sentences = t.sentences;
  for (const s of spans) {
    const last = partitionPoint(sentences.length, (k) => sentences[k].start < s.end);
    for (let k = Math.max(0, partitionPoint(sentences.length, (n) => sentences[n].end <= s.start)); k < last; k++) (out[k] ??= []).push(s);
  }
  return out;
}
