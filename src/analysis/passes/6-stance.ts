// Pass 6: stance — each source actor's stance toward each target actor, with its evidence.
//
// Evidence comes from four places (modules in ./stance):
//   statements  the speaker toward every actor the statement names (cue and words);
//   actions     the subject of a stance-bearing verb toward its objects (CAMEO, Goldstein);
//   relations   "US-backed rebels", "Iran's ally Syria", "rebels, supported by Turkey";
//   author      unattributed sentences: the author (AUTHOR) toward the actors they name,
//               leaving out the words the author quotes from others (scare quotes).
// An actor pair's score is the confidence-weighted mean of its evidence (./stance/evidence.ts).
import type { Lexicon } from '../../models/lexicon';
import type { Mention, Span } from '../types';
import { type TokenisedText, sentenceOf } from './2-tokens';
import type { ActorMentions } from './3-actors';
import type { AttributedStatement } from './5-speakers';
import { actionEvidence } from './stance/actions';
import { authorEvidence } from './stance/author';
import { type Evidence, type StancePair, aggregate, weightedMean } from './stance/evidence';
import { LocalSentiment } from './stance/lexical';
import { relationEvidence } from './stance/relations';
import { statementEvidence } from './stance/statements';

export { AUTHOR, NEUTRAL_BAND, polarityOf } from './stance/evidence';
export type { Evidence, StancePair } from './stance/evidence';

export interface Stances {
  pairs: StancePair[];
  /** Sentiment toward a mention from anyone, in [-1, 1]: for the caller's entities. */
  towardMention: (m: Mention) => number;
}

export function scoreStances(t: TokenisedText, statements: AttributedStatement[], quoted: Span[], actors: ActorMentions, lexicon: Lexicon): Stances {
  const words = new LocalSentiment(t.tokens, lexicon);
  const evidence: Evidence[] = [
    ...statementEvidence(statements, actors, words),
    ...actionEvidence(t, actors, lexicon),
    ...relationEvidence(t, actors),
    ...authorEvidence(t, statements, quoted, actors, words),
  ];
  return {
    pairs: aggregate(evidence),
    towardMention: (m) => towardMention(t, m, evidence, words),
  };
}

/** The evidence about a mention's actor in the span holding it, else the words around it. */
function towardMention(t: TokenisedText, m: Mention, evidence: Evidence[], words: LocalSentiment): number {
  const about = evidence.filter((e) => e.target === m.actorId && e.start <= m.start && m.end <= e.end);
  if (about.length) return weightedMean(about);
  const sentence = sentenceOf(t, m.first);
  return words.toward(sentence.first, sentence.last, m);
}
