// Pass 6: stance — each source actor's stance toward each target actor, with its evidence.
//
// Evidence comes from three places:
//   statements  the speaker toward every actor the statement names: the cue's own polarity
//               ("condemned", "praised") and the words around each target in the content;
//   actions     the subject of a stance-bearing verb toward its object ("Tehran has supported
//               Damascus", "X-backed Y"), polarity and weight from CAMEO and Goldstein;
//   the author  unattributed sentences: the author (AUTHOR) toward the actors they name.
// Each piece of evidence scores in [-1, 1]; an actor pair's score is the confidence-weighted
// mean of its evidence, and its polarity is the sign outside a neutral band.
import type { Lexicon } from '../../models/lexicon';
import { nounPhraseBefore, nounPhraseFrom, skipVerbPrefixBackward } from '../grammar';
import type { Mention, Span, Token } from '../types';
import { type TokenisedText, sentenceOf } from './2-tokens';
import type { ActorMentions } from './3-actors';
import { type AttributedStatement, mentionsWithin } from './5-speakers';

export const AUTHOR = 'AUTHOR';
/** |score| below this is neutral. */
export const NEUTRAL_BAND = 0.1;

export interface Evidence extends Span {
  source: string;
  target: string;
  score: number;
  confidence: number;
  /** Index of the statement this evidence came from. */
  statement?: number;
}

export interface StancePair {
  source: string;
  target: string;
  score: number;
  polarity: -1 | 0 | 1;
  evidence: Evidence[];
}

export interface Stances {
  pairs: StancePair[];
  /** Sentiment toward each actor-mentioning token range, from anyone: for caller-named entities. */
  towardMention: (m: Mention) => number;
}

export function scoreStances(t: TokenisedText, statements: AttributedStatement[], actors: ActorMentions, lexicon: Lexicon): Stances {
  const scorer = new LocalSentiment(t.tokens, lexicon);
  const evidence: Evidence[] = [
    ...statementEvidence(t, statements, actors, scorer),
    ...actionEvidence(t, statements, actors, lexicon),
    ...authorEvidence(t, statements, actors, scorer),
  ];
  return {
    pairs: aggregate(evidence),
    towardMention: (m) => towardMention(t, m, evidence, scorer),
  };
}

// ---------- lexical sentiment toward a position ----------

/** AFINN (plus the domain lexicon) word scores, negation-aware, weighted by distance to a target. */
class LocalSentiment {
  private readonly scores: Float64Array;
  constructor(private readonly tokens: Token[], lexicon: Lexicon) {
    this.scores = new Float64Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      let s = lexicon.wordScore.get(tok.lower) ?? lexicon.wordScore.get(tok.lemma) ?? 0;
      if (s !== 0) {
        const before = tokens[i - 1]?.lower;
        if (before && lexicon.intensifiers.has(before)) s *= lexicon.intensifiers.get(before)!;
        if (tok.negated || (before && lexicon.negators.has(before))) s = -s * 0.75;
      }
      this.scores[i] = s;
    }
  }

  /** Sentiment of tokens [first, last) toward the target tokens [tFirst, tLast), in [-1, 1]. */
  toward(first: number, last: number, target: { first: number; last: number }): number {
    let sum = 0;
    for (let k = first; k < last; k++) {
      if (k >= target.first && k < target.last) continue;
      const s = this.scores[k];
      if (s === 0) continue;
      const d = k < target.first ? target.first - k : k - target.last + 1;
      sum += s / (1 + d / 4);
    }
    return Math.tanh(sum / 4);
  }
}

// ---------- evidence ----------

function statementEvidence(t: TokenisedText, statements: AttributedStatement[], actors: ActorMentions, scorer: LocalSentiment): Evidence[] {
  const out: Evidence[] = [];
  statements.forEach((s, index) => {
    const source = s.speaker?.actorId;
    if (!source) return;
    const cuePolarity = s.cue ? s.cue.cue.polarity * s.cue.cue.weight : 0;
    const seen = new Set<string>();
    for (const m of mentionsWithin(actors.mentions, s)) {
      if (!m.actorId || m.actorId === source || seen.has(m.actorId)) continue;
      seen.add(m.actorId);
      const lexical = scorer.toward(s.first, s.last, m);
      // The cue says how the speaker regards what the statement is about ("condemned US plots").
      const score = clamp(0.6 * cuePolarity + lexical);
      out.push({ start: s.start, end: s.end, source, target: m.actorId, score, confidence: s.confidence, statement: index });
    }
  });
  return out;
}

/** Subject → object of a stance-bearing verb, outside statements: "Tehran has supported Damascus". */
function actionEvidence(t: TokenisedText, statements: AttributedStatement[], actors: ActorMentions, lexicon: Lexicon): Evidence[] {
  const out: Evidence[] = [];
  const { tokens } = t;
  for (let v = 0; v < tokens.length; v++) {
    const verb = lexicon.verbByForm.get(tokens[v].lower);
    if (!verb || verb.polarity === 0 || (tokens[v].pos !== 'VERB' && tokens[v].pos !== 'NOUN')) continue;
    const sentence = sentenceOf(t, v);
    const subject = nounPhraseBefore(tokens, skipVerbPrefixBackward(tokens, v, sentence.first), sentence.first);
    const object = nounPhraseFrom(tokens, v + 1, sentence.last);
    if (!subject || !object) continue;
    const source = headActor(actors.mentions, subject);
    const targets = mentionsWithin(actors.mentions, object);
    const negated = tokens[v].negated ? -1 : 1;
    for (const m of targets) {
      if (!source || !m.actorId || m.actorId === source) continue;
      const score = clamp(negated * verb.polarity * verb.weight);
      out.push({ start: sentence.start, end: sentence.end, source, target: m.actorId, score, confidence: 0.7 });
    }
  }
  return out;
}

/** Sentences outside every statement: the author's tone toward the actors they name. */
function authorEvidence(t: TokenisedText, statements: AttributedStatement[], actors: ActorMentions, scorer: LocalSentiment): Evidence[] {
  const out: Evidence[] = [];
  const covered = new Uint8Array(t.tokens.length);
  for (const s of statements) for (let k = s.first; k < s.last; k++) covered[k] = 1;
  for (const sentence of t.sentences) {
    if (covered[sentence.first] || covered[sentence.last - 1]) continue;
    const seen = new Set<string>();
    for (const m of mentionsWithin(actors.mentions, sentence)) {
      if (!m.actorId || seen.has(m.actorId)) continue;
      seen.add(m.actorId);
      const score = scorer.toward(sentence.first, sentence.last, m);
      out.push({ start: sentence.start, end: sentence.end, source: AUTHOR, target: m.actorId, score, confidence: 0.5 });
    }
  }
  return out;
}

/** The actor a phrase names: its last mention that is not a possessor ("Iran's minister" → the minister). */
function headActor(mentions: Mention[], r: { first: number; last: number }): string | null {
  const inside = mentionsWithin(mentions, r);
  return inside.length ? inside[inside.length - 1].actorId : null;
}

// ---------- aggregation ----------

function aggregate(evidence: Evidence[]): StancePair[] {
  const byPair = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const key = `${e.source}\u0000${e.target}`;
    const list = byPair.get(key);
    if (list) list.push(e);
    else byPair.set(key, [e]);
  }
  const pairs: StancePair[] = [];
  for (const list of byPair.values()) {
    const score = weightedMean(list);
    pairs.push({ source: list[0].source, target: list[0].target, score, polarity: polarityOf(score), evidence: list });
  }
  return pairs;
}

function towardMention(t: TokenisedText, m: Mention, evidence: Evidence[], scorer: LocalSentiment): number {
  const about = evidence.filter((e) => e.target === m.actorId && e.start <= m.start && m.end <= e.end);
  if (about.length) return weightedMean(about);
  const sentence = sentenceOf(t, m.first);
  return scorer.toward(sentence.first, sentence.last, m);
}

function weightedMean(list: Evidence[]): number {
  let sum = 0, weight = 0;
  for (const e of list) {
    sum += e.score * e.confidence;
    weight += e.confidence;
  }
  return weight ? sum / weight : 0;
}

export const polarityOf = (score: number): -1 | 0 | 1 => (score > NEUTRAL_BAND ? 1 : score < -NEUTRAL_BAND ? -1 : 0);
const clamp = (x: number) => Math.max(-1, Math.min(1, x));
