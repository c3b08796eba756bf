// Pass 6: stance — each source actor's stance toward each target actor, with its evidence.
//
// Evidence comes from four places (modules in ./stance):
//   statements  the speaker toward every actor the statement names (cue and words);
//   actions     the subject of a stance-bearing verb toward its objects (CAMEO, Goldstein);
//   relations   "US-backed rebels", "Iran's ally Syria", "rebels, supported by Turkey";
//   author      unattributed sentences: the author (AUTHOR) toward the actors they name,
//               leaving out the words the author quotes from others (scare quotes).
// With the directed-stance model (./stance/pair-model.ts), every pair of actor mentions in a
// sentence is judged by the model, which reads the rules' evidence among its features; the
// rules' own statement, action and relation evidence is kept only for the pairs the model did
// not judge (a statement whose speaker is named in another sentence). The target model reads
// the rules' evidence, as it was trained to.
// An actor pair's score is the confidence-weighted mean of its evidence (./stance/evidence.ts);
// with the model, a pair under its minConfidence is not polar, and the rules' evidence kept
// beside its neutral judgements counts at the confidence measured for it (keptConfidence).
// Pairs that are one side (a country and its own state: ../actors/sides.ts) get none, and the
// media get none from the statements they only report.
import type { Lexicon } from '../../models/lexicon';
import { type StanceModel, confidenceFor, strengthBin } from '../../models/stance-model';
import { stanceEvidenceFilter } from '../actors/sides';
import type { TargetModel } from '../../models/target-model';
import { TextVectors } from '../../models/word-vectors';
import type { Mention, Span } from '../types';
import type { TokenisedText } from './2-tokens';
import type { ActorMentions } from './3-actors';
import type { AttributedStatement } from './5-speakers';
import { actionEvidence } from './stance/actions';
import { authorEvidence } from './stance/author';
import { type Evidence, type StancePair, aggregate, coveringEvidence } from './stance/evidence';
import type { RuleEvidence } from './stance/pair-features';
import { bySentence, judgedKey, modelEvidence } from './stance/pair-model';
import { LocalSentiment } from './stance/lexical';
import { relationEvidence } from './stance/relations';
import { statementEvidence } from './stance/statements';
import { type TargetInput, ruleScore, scoreTarget, targetFeatures, targetScore } from './stance/target-model';

export { AUTHOR, AUTHOR_NAME, NEUTRAL_BAND, polarityOf } from './stance/evidence';
export type { Evidence, StancePair } from './stance/evidence';

export interface Stances {
  pairs: StancePair[];
  /** Sentiment toward a mention from anyone, in [-1, 1]: for the caller's entities. */
  towardMention: (m: Mention) => number;
}

export function scoreStances(t: TokenisedText, statements: AttributedStatement[], quoted: Span[], actors: ActorMentions, lexicon: Lexicon, targetModel?: TargetModel, stanceModel?: StanceModel): Stances {
  const words = new LocalSentiment(t.tokens, lexicon);
  const vectors = new TextVectors(lexicon.vectors, t.tokens);
  const rules = ruleEvidence(t, statements, quoted, actors, lexicon, words);
  const rulesAll = allOf(rules);
  // Built at the first question: most articles come with no entity.
  let covering: ((s: Span) => Evidence[]) | undefined;
  const coveringOf = (m: Mention) => (covering ??= coveringEvidence(rulesAll))(m);
  let evidence = rulesAll;
  const keep = stanceEvidenceFilter(t.tokens, statements, actors);
  if (stanceModel) {
    const toward = targetModel ? targetProbabilities({ t, statements, words, lexicon, vectors, coveringOf }, targetModel) : undefined;
    // Precision first: the model scores a pair only where the rules found its source acting on
    // or speaking of its target in that sentence (a statement's speaker, a verb's subject, a
    // relation), so that a word of hostility between two actors of a list, or near an actor
    // that only sits in a phrase before the subject, makes no stance of one toward the other.
    const found = pairKeys(t, [...rules.statement, ...rules.action, ...rules.relation].filter(keep));
    const judged = modelEvidence({ t, actors, statements, rules, words, lexicon, toward }, stanceModel, found);
    const unfound = new Set(unjudged(t, judged.evidence, found));
    const scored = judged.evidence.filter((e) => !unfound.has(e));
    // The rules' evidence where the model judged nothing; where it judged the pair neutral,
    // when the model's settings keep them, the relations' and the actions' in the direction the
    // model gives more stance to (a CAMEO event is a stance that DSE's annotators of sentiment
    // often call neutral; "X and Y are backed by Z, and W condemned Z" is no X → Z).
    // A pair the rules read as acting on each other ("clashed", "accused each other") keeps both directions.
    const actions = pairKeys(t, rules.action);
    const oneWay = [...judged.disfavoured].filter((key) => !actions.has(reversedKey(key)) || !actions.has(key));
    // Their confidence is the one measured for them (the model's settings), not the rules'
    // constants: the relations' one, the actions' by sign and strength (a meeting is seldom a
    // stance DSE's readers see, shelling mostly is). Evidence measured at 0 is left out.
    const kept = stanceModel.keepActions
      ? [
          ...unjudged(t, rules.relation, judged.polar).map((e) => ({ ...e, confidence: Math.min(e.confidence, stanceModel.keptConfidence) })),
          ...unjudged(t, rules.action, new Set([...judged.polar, ...oneWay])).map((e) => ({ ...e, confidence: Math.min(e.confidence, confidenceFor(stanceModel.actionConfidence, e.score)) })),
        ].filter((e) => e.confidence > 0)
      : [];
    const drop = stanceModel.keepActions ? [rules.statement] : [rules.statement, rules.action, rules.relation];
    // The statements' evidence the model did not judge (its speaker named in another sentence),
    // at the confidence measured for its sign and strength, except the weakest: DSE measures
    // statement evidence only where speaker and target share a sentence, and a weak word in a
    // long quotation is mostly no stance toward an actor it names in passing (read on 30 random
    // PolNeAR pairs made polar by this evidence alone: of the 17 weak ones, 1 a reader would
    // sign; of the 13 stronger, 4). Those count at the confidence of the rules' evidence the
    // model did not confirm (keptConfidence), as evidence of a pair that is not polar.
    const unjudgedRules = unjudged(t, drop.flat(), judged.judged).map((e) => {
      if (e.statement === undefined) return e;
      const measured = confidenceFor(stanceModel.statementConfidence, e.score);
      return { ...e, confidence: Math.min(e.confidence, strengthBin(e.score) === 0 ? Math.min(measured, stanceModel.keptConfidence) : measured) };
    });
    evidence = [...scored, ...unjudgedRules, ...kept, ...rules.author];
  }
  // Whoever judged them, no stance within one side nor from the media in what they report.
  evidence = evidence.filter(keep);
  return {
    pairs: aggregate(evidence, stanceModel?.minConfidence ?? 0),
    towardMention: (mention) => towardMention({ t, mention, evidence: coveringOf(mention), statements, words, lexicon, vectors }, targetModel),
  };
}

/** The rules' evidence: between actors (statements, actions, relations: the pair model reads them as features) and the author's. */
export interface Rules extends RuleEvidence {
  author: Evidence[];
}

export function ruleEvidence(t: TokenisedText, statements: AttributedStatement[], quoted: Span[], actors: ActorMentions, lexicon: Lexicon, words: LocalSentiment): Rules {
  return {
    statement: statementEvidence(t, statements, actors, words),
    action: actionEvidence(t, actors, lexicon),
    relation: relationEvidence(t, actors, lexicon),
    author: authorEvidence(t, statements, quoted, actors, words),
  };
}

export const allOf = (rules: Rules): Evidence[] => [...rules.statement, ...rules.action, ...rules.relation, ...rules.author];

const NO_SENTIMENT = [0, 1, 0];

/**
 * The target model's class probabilities toward a mention (once per mention), from the rules'
 * evidence covering it and the statements that touch its sentence (only those can hold it or
 * have it speak: every statement of a long article for each of its mentions would cost the
 * square of its length).
 */
export function targetProbabilities(
  input: Omit<TargetInput, 'mention' | 'evidence'> & { coveringOf: (m: Mention) => Evidence[] },
  model: TargetModel,
): (m: Mention) => number[] {
  const memo = new Map<Mention, number[]>();
  const { t } = input;
  const spans = input.statements.flatMap((st, n) => {
    const out = [{ start: st.start, end: st.end, n }];
    const r = st.speaker?.range;
    if (r && r.first < r.last) out.push({ start: t.tokens[r.first].start, end: t.tokens[r.last - 1].end, n });
    return out;
  });
  const touching = bySentence(t, spans).map((list) => [...new Set(list.map((x) => x.n))].sort((a, b) => a - b).map((n) => input.statements[n]));
  return (mention) => {
    // A span over white space alone, or past the text, holds no token to score.
    if (mention.first >= mention.last || mention.last > t.tokens.length) return NO_SENTIMENT;
    let p = memo.get(mention);
    if (!p) {
      const statements = touching[t.tokens[mention.first].sentence] ?? [];
      p = scoreTarget(model, { t, mention, evidence: input.coveringOf(mention), statements, words: input.words, lexicon: input.lexicon, vectors: input.vectors });
      memo.set(mention, p);
    }
    return p;
  };
}

/** The rules' evidence for pairs the model judged in none of the sentences the evidence spans. */
/** The (sentence, source, target) keys of the evidence (judgedKey), for each sentence it spans. */
function pairKeys(t: TokenisedText, evidence: Evidence[]): Set<string> {
  const keys = new Set<string>();
  bySentence(t, evidence).forEach((list, k) => {
    for (const e of list) keys.add(judgedKey(k, e.source, e.target));
  });
  return keys;
}

/** The key of the same sentence's pair the other way round. */
function reversedKey(key: string): string {
  const [sentence, source, target] = key.split('\u0000');
  return judgedKey(Number(sentence), target, source);
}

function unjudged(t: TokenisedText, evidence: Evidence[], judged: Set<string>): Evidence[] {
  const sentences = bySentence(t, evidence.map((e, i) => ({ start: e.start, end: e.end, i })));
  const covered = new Uint8Array(evidence.length);
  sentences.forEach((list, k) => {
    for (const { i } of list) if (judged.has(judgedKey(k, evidence[i].source, evidence[i].target))) covered[i] = 1;
  });
  return evidence.filter((_, i) => !covered[i]);
}

/** The trained model's score from the mention's features, else the rules' (./stance/target-model.ts). */
function towardMention(input: TargetInput, model?: TargetModel): number {
  // A caller's span over white space alone, or past the text, holds no token to score.
  const { mention, t } = input;
  if (mention.first >= mention.last || mention.last > t.tokens.length) return 0;
  return model ? targetScore(model, targetFeatures(input)) : ruleScore(input);
}
