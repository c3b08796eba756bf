// Training examples for the directed-stance model: each DSE sentence runs through the analysis
// passes exactly as analyze() runs them (src/analysis/index.ts), its two entity spans given as
// the caller's entities (as ../shared/eval/run.mjs gives them: in text order), and the pair of
// their mentions gets the features the stance pass computes at run time (pairFeatures).
import { normalise } from '../../src/analysis/passes/1-normalise';
import { tokenise } from '../../src/analysis/passes/2-tokens';
import { findActorMentions } from '../../src/analysis/passes/3-actors';
import { findStatements } from '../../src/analysis/passes/4-quotes';
import { attributeSpeakers } from '../../src/analysis/passes/5-speakers';
import { allOf, ruleEvidence, targetProbabilities } from '../../src/analysis/passes/6-stance';
import { coveringEvidence } from '../../src/analysis/passes/stance/evidence';
import { LocalSentiment } from '../../src/analysis/passes/stance/lexical';
import { type PairFeatures, pairFeatures } from '../../src/analysis/passes/stance/pair-features';
import { PairReader } from '../../src/analysis/passes/stance/pair-model';
import type { Span } from '../../src/analysis/types';
import type { Models } from '../../src/models';
import { TextVectors } from '../../src/models/word-vectors';

export interface DseRecord {
  id: string;
  text: string;
  split: 'train' | 'valid';
  entity1: Span;
  entity2: Span;
  /** 0 neutral, 1 positive p→q, 2 positive q→p, 3 negative p→q, 4 negative q→p (p, q in text order). */
  dseLabel: number;
}

/** A fixed date: people's roles depend on it, and training must not depend on the day it runs. */
export const TRAINING_DATE = '2019-06-01';

export type PassModels = Pick<Models, 'nlp' | 'actors' | 'lexicon' | 'targetModel'> & { syntax: Pick<Models['syntax'], 'parser' | 'entityTypes'> };

/** The two entity spans in text order (as the evaluation gives them), or null for one span twice. */
export function pairSpans(r: Pick<DseRecord, 'entity1' | 'entity2'>): [Span, Span] | null {
  const a = { start: r.entity1.start, end: r.entity1.end }, b = { start: r.entity2.start, end: r.entity2.end };
  if (a.start === b.start) return null;
  return a.start < b.start ? [a, b] : [b, a];
}

export interface PairExample {
  features: PairFeatures;
  /** Both mentions name the same actor: the analysis can tell no stance between them. */
  sameActor: boolean;
}

/**
 * The features of the record's pair, or null when the analysis would not judge it: a span
 * without a mention, or the two in different sentences.
 */
export function recordFeatures(r: Pick<DseRecord, 'text' | 'entity1' | 'entity2'>, models: PassModels): PairExample | null {
  const spans = pairSpans(r);
  if (!spans) return null;
  const t = tokenise(normalise(r.text), models.nlp);
  const actors = findActorMentions(t, models.actors, { date: TRAINING_DATE, entities: spans, entityTypes: models.syntax.entityTypes });
  const [p, q] = actors.entityMentions;
  if (!p || !q || p.first >= p.last || q.first >= q.last) return null;
  const si = t.tokens[p.first].sentence;
  if (t.tokens[q.last - 1].sentence !== si || p.last > q.first) return null;
  const found = findStatements(t, models.lexicon);
  const statements = attributeSpeakers(t, found, actors, models.syntax.parser);
  const words = new LocalSentiment(t.tokens, models.lexicon);
  const rules = ruleEvidence(t, statements, found.quoted, actors, models.lexicon, words);
  const covering = coveringEvidence(allOf(rules));
  const toward = targetProbabilities({ t, statements, words, lexicon: models.lexicon, vectors: new TextVectors(models.lexicon.vectors, t.tokens), coveringOf: covering }, models.targetModel);
  const reader = new PairReader({ t, actors, statements, rules, words, lexicon: models.lexicon, toward });
  const sentence = t.sentences[si];
  const features = pairFeatures(reader.input(sentence, p, q, reader.mentionsOf(sentence)));
  return { features, sameActor: !p.actorId || p.actorId === q.actorId };
}
