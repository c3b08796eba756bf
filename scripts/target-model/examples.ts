// Training examples for the target-sentiment model: each NewsMTSC record runs through the
// analysis passes exactly as analyze() runs them (src/analysis/index.ts), and its target gets
// the features the stance pass computes at run time (targetFeatures), hashed.
import { normalise } from '../../src/analysis/passes/1-normalise';
import { tokenise } from '../../src/analysis/passes/2-tokens';
import { findActorMentions } from '../../src/analysis/passes/3-actors';
import { findStatements } from '../../src/analysis/passes/4-quotes';
import { attributeSpeakers } from '../../src/analysis/passes/5-speakers';
import { scoreStances } from '../../src/analysis/passes/6-stance';
import { LocalSentiment } from '../../src/analysis/passes/stance/lexical';
import { type Features, TARGET_CLASSES, targetFeatures } from '../../src/analysis/passes/stance/target-model';
import type { Span } from '../../src/analysis/types';
import { hashedFeatures } from '../../src/ml/hashing';
import type { SparseExample } from '../../src/ml/logistic';
import type { Models } from '../../src/models';
import { TextVectors } from '../../src/models/word-vectors';

export interface TargetRecord {
  id: string;
  text: string;
  targetStart: number;
  targetEnd: number;
  polarity: -1 | 0 | 1;
}

/** A fixed date: people's roles depend on it, and training must not depend on the day it runs. */
const TRAINING_DATE = '2018-06-01';

/** The target's features, or null when the actors pass made no mention of the span. */
export function recordFeatures(r: Pick<TargetRecord, 'text' | 'targetStart' | 'targetEnd'>, models: Pick<Models, 'nlp' | 'actors' | 'lexicon'> & { syntax: Pick<Models['syntax'], 'parser'> }): Features | null {
  const entity: Span = { start: r.targetStart, end: r.targetEnd };
  const t = tokenise(normalise(r.text), models.nlp);
  const actors = findActorMentions(t, models.actors, { date: TRAINING_DATE, entities: [entity] });
  const mention = actors.entityMentions[0];
  if (!mention) return null;
  const found = findStatements(t, models.lexicon);
  const statements = attributeSpeakers(t, found, actors, models.syntax.parser);
  const evidence = scoreStances(t, statements, found.quoted, actors, models.lexicon).pairs.flatMap((p) => p.evidence);
  const words = new LocalSentiment(t.tokens, models.lexicon);
  return targetFeatures({ t, mention, evidence, statements, words, lexicon: models.lexicon, vectors: new TextVectors(models.lexicon.vectors, t.tokens) });
}

/** Hashes named features into a sparse example; features sharing an index add up. */
export function toExample(features: Features, polarity: -1 | 0 | 1, hashBits: number): SparseExample {
  return { ...hashedFeatures(features, hashBits), label: TARGET_CLASSES.indexOf(polarity) };
}
