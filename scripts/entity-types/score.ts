// The entity-type model's scorer: accuracy and macro-F1 over GUM's mentions, and how well it
// tells actors (person, organization) from the rest among capitalised mentions, which is what
// the actors pass asks of it.
import { ACTOR_TYPES, type EntityTypeModel, entityTypeOf } from '../../src/analysis/syntax/entity-types';
import { isCapitalised } from '../../src/analysis/syntax/mentions';
import { accuracy, macroF1, precisionRecall } from '../../src/ml/metrics';
import type { ActorIndex } from '../../src/models/actors';
import type { DocumentWords } from '../treebanks/treebanks';

export interface EntityTypeScores {
  mentions: number;
  accuracy: number;
  macroF1: number;
  /** Capitalised mentions: person + organization against the rest. */
  capitalised: { mentions: number; precision: number; recall: number; f1: number };
  perType: Record<string, number>;
}

export function scoreEntityTypes(model: EntityTypeModel, docs: DocumentWords[], index?: ActorIndex): EntityTypeScores {
  const gold: number[] = [], predicted: number[] = [], capitalised: boolean[] = [];
  for (const d of docs) {
    for (const m of d.mentions) {
      const g = model.types.indexOf(m.type);
      gold.push(g < 0 ? -1 : g);
      predicted.push(model.types.indexOf(entityTypeOf(model, d.words, m, index, d.syntax).type));
      capitalised.push(isCapitalised(d.words, m));
    }
  }
  const isActor = (c: number) => c >= 0 && ACTOR_TYPES.has(model.types[c]);
  const capGold = gold.filter((_, i) => capitalised[i]), capPredicted = predicted.filter((_, i) => capitalised[i]);
  const cap = precisionRecall(capGold, capPredicted, isActor);
  const perType: Record<string, number> = {};
  model.types.forEach((t, c) => (perType[t] = round(precisionRecall(gold, predicted, c).f1)));
  return {
    mentions: gold.length,
    accuracy: accuracy(gold, predicted),
    macroF1: macroF1(gold, predicted, model.types.length),
    capitalised: { mentions: capGold.length, precision: cap.precision, recall: cap.recall, f1: cap.f1 },
    perType,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export const formatEntityTypeScores = (s: EntityTypeScores): string =>
  `accuracy ${s.accuracy.toFixed(4)} macro-F1 ${s.macroF1.toFixed(4)} (${s.mentions} mentions); capitalised (${s.capitalised.mentions}): ` +
  `person+organization P ${s.capitalised.precision.toFixed(3)} R ${s.capitalised.recall.toFixed(3)} F1 ${s.capitalised.f1.toFixed(3)}`;
