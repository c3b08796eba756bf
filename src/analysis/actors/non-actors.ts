// Capitalised names that name no actor: events ("the Warsaw Summit"), documents, laws and ideas
// ("UN Charter", "Article 5", "Human Rights"), regions and origins named by an adjective ("South
// American", "Latin American leaders"), and places (Gaza, North Kivu, Wall Street). Unknown to
// the dictionary, they would otherwise become actors of their own (name:…) and take stances.
// Rules read the name's last word and form; the entity-type model (../syntax/entity-types.ts,
// trained on GUM) reads the words around it and tells places and things from people and bodies.
import type { ActorIndex } from '../../models/actors';
import { type EntityTypeModel, entityTypeOf } from '../syntax/entity-types';
import type { Token } from '../types';
import type { Unit } from './lexical';
import { DOCUMENT_WORDS, EVENT_WORDS, ORG_HEADS, ORG_WORDS, PLATFORM_NAMES, REGION_WORDS } from './words';

/** Below this P(person or organisation), a name the model types as a place or a thing is none. */
const NOT_AN_ACTOR = 0.12;
/** After a preposition of place ("in Gaza"), a name the model does not type as a person is a place below this. */
const PLACE_AFTER_PREPOSITION = 0.5;
/** Prepositions of place alone: "talks in X", not "ties with X", "aid to X". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'inside', 'outside', 'throughout', 'within']);
const ORIGIN_ENDING = /(an|ese|ish|ern|ic)$/;
const ACRONYM = /^[A-Z][A-Z&.]{1,5}$/;

/**
 * By its words: an event ("… Summit"), a document, law or idea ("… Charter", "Article", "…
 * Rights"), or a body's common noun alone ("the House", "State", "Cabinet"), whose body it does
 * not say.
 */
export function namesThingByWords(keys: string[]): boolean {
  const last = keys[keys.length - 1];
  if (keys.length === 1 && (ORG_HEADS.has(last) || ORG_WORDS.has(last))) return true;
  return (keys.length > 1 && EVENT_WORDS.has(last)) || DOCUMENT_WORDS.has(last);
}

/** Prepositions that make a platform the channel of what is said: "on Twitter", "took to X", "via Telegram". */
const CHANNEL_PREPOSITIONS = new Set(['on', 'to', 'via', 'across', 'onto']);

/** The words of an interview, whose with/to/on names who asked the questions or aired them. */
const INTERVIEW_WORDS = new Set(['interview', 'interviews', 'podcast']);
const INTERVIEW_PREPOSITIONS = new Set(['with', 'to', 'on']);

/**
 * A name given as the channel of what is said, not as someone who acts: an online platform after
 * on/to/via ("Twitter suspended the account" stays an actor), or whoever held or aired an
 * interview ("said in an interview with CNN", "in an interview with the Vestrian Times").
 */
export function isChannel(tokens: Token[], first: number, keys: string[]): boolean {
  const before = tokens[first - 1];
  if (PLATFORM_NAMES.has(keys.join(' ')) && !!before && CHANNEL_PREPOSITIONS.has(before.lower)) return true;
  let k = first - 1;
  if (tokens[k]?.pos === 'DET') k--;
  return k >= 1 && INTERVIEW_PREPOSITIONS.has(tokens[k].lower) && INTERVIEW_WORDS.has(tokens[k - 1].lower);
}

/** An adjective of origin: "South American", "Latin American", "Western", "African-American" (as written, not a demonym the dictionary knows). */
export function isOriginAdjective(tokens: Token[], unit: Unit, keys: string[]): boolean {
  const last = tokens[unit.last - 1];
  if (!ORIGIN_ENDING.test(keys[keys.length - 1] ?? '')) return false;
  return last.pos === 'ADJ' || (keys.length > 1 && REGION_WORDS.has(keys[0]));
}

/**
 * The entity-type model's verdict on an unknown name at tokens [first, last): a place or a
 * thing, not a person or an organisation.
 */
export function modelSaysNoActor(model: EntityTypeModel, index: ActorIndex, tokens: Token[], first: number, last: number): boolean {
  // An acronym ("CNN", "ACLU") names a body nearly always; the model, which saw few, is unsure of them.
  if (last - first === 1 && ACRONYM.test(tokens[first].value)) return false;
  const typed = entityTypeOf(model, tokens, { first, last }, index);
  if (typed.type === 'person' || typed.type === 'organization') return false;
  if (typed.actor < NOT_AN_ACTOR) return true;
  const before = tokens[first - 1];
  return typed.type !== 'person' && typed.actor < PLACE_AFTER_PREPOSITION && !!before && PLACE_PREPOSITIONS.has(before.lower);
}
