// Shallow grammar over wink-nlp's POS tags. wink-nlp has no parser, so subjects, objects and
// speakers are found as noun phrases next to a verb: a noun phrase is a run of determiners,
// adjectives, numbers, nouns, proper nouns and possessives, which may hold "of"/"for"/"at"
// between two nominals ("Secretary of State Mike Pompeo") and hyphens inside names
// ("al-Assad").
import type { Token } from './types';

export interface TokenRange {
  /** First token index. */
  first: number;
  /** One past the last token index. */
  last: number;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const MODIFIER = new Set(['DET', 'ADJ', 'NUM']);
const LINKING_PREPOSITIONS = new Set(['of', 'for', 'at', 'to']);
/** Adverbs and auxiliaries that may stand between a subject and its verb ("has also said"). */
const VERB_PREFIX = new Set(['ADV', 'AUX', 'PART']);

export const isNominal = (t: Token | undefined): boolean => !!t && NOMINAL.has(t.pos);
export const isPossessive = (t: Token | undefined): boolean => !!t && t.pos === 'PART' && (t.lower === "'s" || t.lower === "'");
const isHyphen = (t: Token | undefined): boolean => !!t && t.pos === 'PUNCT' && (t.value === '-' || t.value === '‐');
const isTitleAbbreviation = (t: Token | undefined): boolean => !!t && /^[A-Z][a-z]{0,3}\.$/.test(t.value);

/** Can this token sit inside a noun phrase? */
function insideNounPhrase(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (NOMINAL.has(t.pos) || MODIFIER.has(t.pos) || isPossessive(t) || isTitleAbbreviation(t)) return true;
  // "al-Assad", "US-backed": a hyphen between two words.
  if (isHyphen(t)) return !!tokens[k - 1] && !!tokens[k + 1] && t.start === tokens[k - 1].end && t.end === tokens[k + 1].start;
  // "Secretary of State", "a fellow at Brookings": a linking preposition between two nominals.
  if (t.pos === 'ADP' && LINKING_PREPOSITIONS.has(t.lower)) return isNominal(tokens[k - 1]) && (isNominal(tokens[k + 1]) || tokens[k + 1]?.pos === 'DET');
  return false;
}

/**
 * The noun phrase that ends just before token `end` (exclusive), not reaching before `floor`.
 * Personal pronouns stand alone ("he"), possessive ones open a phrase ("his aides").
 */
export function nounPhraseBefore(tokens: Token[], end: number, floor = 0): TokenRange | null {
  let k = end - 1;
  if (k < floor || !insideNounPhrase(tokens, k)) return null;
  if (tokens[k].pos === 'PRON') return isPersonalPronoun(tokens[k]) ? { first: k, last: end } : null;
  if (!isNominal(tokens[k])) return null; // a phrase ends on its head
  while (k - 1 >= floor && insideNounPhrase(tokens, k - 1)) {
    const prev = tokens[k - 1];
    if (prev.pos === 'PRON' && !isPossessivePronoun(prev)) break;
    k--;
    if (prev.pos === 'PRON') break; // "his" opens the phrase
  }
  // Never start a phrase on a linking preposition or hyphen.
  while (k < end && (tokens[k].pos === 'ADP' || isHyphen(tokens[k]))) k++;
  return k < end ? { first: k, last: end } : null;
}

/** The noun phrase that starts at token `start`, not reaching `ceiling` (exclusive). */
export function nounPhraseFrom(tokens: Token[], start: number, ceiling = tokens.length): TokenRange | null {
  if (start >= ceiling || !insideNounPhrase(tokens, start)) return null;
  if (tokens[start].pos === 'PRON' && isPersonalPronoun(tokens[start])) return { first: start, last: start + 1 };
  let k = start;
  while (k < ceiling && insideNounPhrase(tokens, k)) k++;
  // A phrase ends on a nominal, not on a dangling preposition or modifier.
  while (k > start && !isNominal(tokens[k - 1])) k--;
  return k > start ? { first: start, last: k } : null;
}

/** Skip adverbs and auxiliaries leftwards from `i` (exclusive): "X has also said" → before "has". */
export function skipVerbPrefixBackward(tokens: Token[], i: number, floor = 0): number {
  let k = i;
  while (k - 1 >= floor && VERB_PREFIX.has(tokens[k - 1].pos) && !isPossessive(tokens[k - 1])) k--;
  return k;
}

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'her', 'them', 'us', 'me']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
export const isPersonalPronoun = (t: Token): boolean => PERSONAL_PRONOUNS.has(t.lower);
export const isPossessivePronoun = (t: Token): boolean => POSSESSIVE_PRONOUNS.has(t.lower);

/** The text covered by a token range. */
export function rangeText(text: string, tokens: Token[], r: TokenRange): string {
  return text.slice(tokens[r.first].start, tokens[r.last - 1].end);
}

export const isSentenceEnd = (t: Token | undefined): boolean => !!t && t.pos === 'PUNCT' && /^[.!?]+$/.test(t.value);
