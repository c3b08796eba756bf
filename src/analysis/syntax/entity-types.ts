// The type of what a mention names (person, organization, place, abstract, event, object, time,
// substance, animal, plant, …, GUM's entity types): a multinomial logistic regression over the
// mention's head, its words, shape, affixes, the words around it and what the actor dictionary
// knows of it. Trained by scripts/entity-types/train.ts on GUM's entity layer; weights in
// models/entity-types.json. The actors pass can ask it whether an unknown capitalised span is an
// actor (a person or an organization) or not ("UN Charter", "Holocaust", "Gaza").
import { type LinearModel, namedLogits, softmax } from '../../ml/linear';
import type { ActorIndex } from '../../models/actors';
import { type SyntaxWord, letterShape, wordKey } from './features';
import { type MentionSpan, dictionaryClues, isCapitalised, isPlural, mentionHead, mentionKind, syntacticRole } from './mentions';
import type { Dependencies } from './parser';

export interface EntityTypeModel {
  linear: LinearModel;
  types: string[];
}

/** The types that can speak and hold a stance. */
export const ACTOR_TYPES = new Set(['person', 'organization']);

export type Features = Map<string, number>;

/**
 * The mention's features; `index` adds what the actor dictionary knows, `syntax` (parseText's
 * trees over the same words) the head's relation and governor (each left out when absent).
 */
export function entityFeatures(words: readonly SyntaxWord[], m: MentionSpan, index?: ActorIndex, syntax?: Dependencies): Features {
  const f: Features = new Map();
  const add = (name: string, value = 1) => f.set(name, (f.get(name) ?? 0) + value);
  const head = mentionHead(words, m);
  const h = words[head];
  const key = wordKey(h.value);
  add('bias');
  add(`head:${key}`);
  add(`head-lemma:${h.lemma.toLowerCase()}`);
  add(`head-pos:${h.pos}`);
  add(`head-suffix:${key.slice(-3)}`);
  add(`head-suffix2:${key.slice(-2)}`);
  add(`head-shape:${letterShape(h.value, 10)}`);
  add(`kind:${mentionKind(words, m, head)}`);
  add(`plural:${isPlural(words, head)}`);
  add(`capitalised:${isCapitalised(words, m, head)}`);
  add(`first:${wordKey(words[m.first].value)}`);
  add(`first-pos:${words[m.first].pos}`);
  add(`length:${Math.min(m.last - m.first, 6)}`);
  for (let k = m.first; k < m.last; k++) if (k !== head) add(`word:${wordKey(words[k].value)}`, 0.5);
  if (head > m.first) add(`before-head:${wordKey(words[head - 1].value)}`);
  const prev = words[m.first - 1], next = words[m.last], next2 = words[m.last + 1];
  add(`prev:${prev ? wordKey(prev.value) : '<s>'}`);
  add(`prev-pos:${prev?.pos ?? '<s>'}`);
  add(`next:${next ? wordKey(next.value) : '</s>'}`);
  add(`next-pos:${next?.pos ?? '</s>'}`);
  if (next && next2) add(`next2:${next2.lemma.toLowerCase()}`);
  if (next?.pos === 'VERB' || next?.pos === 'AUX') add(`next-verb:${next.lemma.toLowerCase()}`);
  else if (next2?.pos === 'VERB') add(`next-verb:${next2.lemma.toLowerCase()}`);
  for (const clue of dictionaryClues(index, words, m, head)) add(clue);
  const role = syntacticRole(words, head, syntax);
  if (role) {
    add(`relation:${role.relation}`);
    add(`governor:${role.relation}:${role.governor}`);
  }
  return f;
}

export interface EntityType {
  type: string;
  /** Per type of model.types. */
  probabilities: number[];
  /** P(person) + P(organization): how likely the mention names someone who can speak. */
  actor: number;
}

export function entityTypeOf(model: EntityTypeModel, words: readonly SyntaxWord[], m: MentionSpan, index?: ActorIndex, syntax?: Dependencies): EntityType {
  const probabilities = softmax(namedLogits(model.linear, entityFeatures(words, m, index, syntax)));
  let best = 0;
  for (let c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
  const actor = model.types.reduce((sum, t, c) => sum + (ACTOR_TYPES.has(t) ? probabilities[c] : 0), 0);
  return { type: model.types[best], probabilities, actor };
}
