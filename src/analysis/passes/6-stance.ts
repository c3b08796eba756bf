// Pass 6: stance — each source actor's stance toward each target actor, with its evidence.
//
// Evidence comes from four places (modules in ./stance):
//   statements  the speaker toward every actor the statement names (cue and words);
//   actions     the subject of a stance-bearing verb toward its objects (CAMEO, Goldstein);
//   relations   "US-backed rebels", "Iran's ally Syria", "rebels, supported by Turkey";
//   author      unattributed sentences: the author (AUTHOR) toward the actors they name,
//               leaving out the words the author quotes from others (scare quotes).
// An actor pair's score is the confidence-weighted mean of its evidence (./stance/evidence.ts).
// Pairs that are one side (a country and its own state: ../actors/sides.ts) get none, and the
// media get none from the statements they only report.
import type { Lexicon } from '../../models/lexicon';
import { stanceEvidenceFilter } from '../actors/sides';
import type { TargetModel } from '../../models/target-model';
import type { Mention, Span } from '../types';
import type { TokenisedText } from './2-tokens';
import type { ActorMentions } from './3-actors';
import type { AttributedStatement } from './5-speakers';
import { actionEvidence } from './stance/actions';
import { authorEvidence } from './stance/author';
import { type Evidence, type StancePair, aggregate, coveringEvidence } from './stance/evidence';
import { LocalSentiment } from './stance/lexical';
import { relationEvidence } from './stance/relations';
import { statementEvidence } from './stance/statements';
import { type TargetInput, ruleScore, targetFeatures, targetScore } from './stance/target-model';

export { AUTHOR, AUTHOR_NAME, NEUTRAL_BAND, polarityOf } from './stance/evidence';
export type { Evidence, StancePair } from './stance/evidence';

export interface Stances {
  pairs: StancePair[];
  /** Sentiment toward a mention from anyone, in [-1, 1]: for the caller's entities. */
  towardMention: (m: Mention) => number;
}

export function scoreStances(t: TokenisedText, statements: AttributedStatement[], quoted: Span[], actors: ActorMentions, lexicon: Lexicon, targetModel?: TargetModel): Stances {
  const words = new LocalSentiment(t.tokens, lexicon);
  const evidence: Evidence[] = [
    ...statementEvidence(t, statements, actors, words),
    ...actionEvidence(t, actors, lexicon),
    ...relationEvidence(t, actors),
    ...authorEvidence(t, statements, quoted, actors, words),
  ].filter(stanceEvidenceFilter(t.tokens, statements, actors));
  // Built at the first entity's question: most articles come with none.
  let covering: ((s: Span) => Evidence[]) | undefined;
  return {
    pairs: aggregate(evidence),
    towardMention: (mention) => {
      covering ??= coveringEvidence(evidence);
      return towardMention({ t, mention, evidence: covering(mention), statements, words, lexicon }, targetModel);
    },
  };
}

/** The trained model's score from the mention's features, else the rules' (./stance/target-model.ts). */
function towardMention(input: TargetInput, model?: TargetModel): number {
  // A caller's span over white space alone, or past the text, holds no token to score.
  const { mention, t } = input;
  if (mention.first >= mention.last || mention.last > t.tokens.length) return 0;
  return model ? targetScore(model, targetFeatures(input)) : ruleScore(input);
}
