// What the entity-type and coreference models read of a mention: its head word, its kind
// (pronoun, description, name), its number, and what the actor dictionary knows of it. The
// same code serves the training scripts (GUM's mentions over gold words) and the analysis (its
// own mentions over wink-nlp's tokens).
import { type ActorIndex, tokenKey } from '../../models/actors';
import type { SyntaxWord } from './features';
import type { Dependencies } from './parser';

export interface MentionSpan {
  /** Word range [first, last) in the document's words. */
  first: number;
  last: number;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const CAPITAL = /^\p{Lu}/u;
/** Tags that end the head's phrase inside a longer mention ("the minister of defence", "the man who said"). */
const PHRASE_END = new Set(['ADP', 'SCONJ', 'VERB', 'AUX', 'CCONJ']);
const PRONOUNS = new Set([
  'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself', 'yourselves',
  'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them', 'their', 'theirs',
  'themselves', 'this', 'that', 'these', 'those', 'who', 'whom', 'whose', 'which', 'one',
]);
const PLURAL_PRONOUNS = new Set(['we', 'us', 'our', 'ours', 'ourselves', 'they', 'them', 'their', 'theirs', 'themselves', 'these', 'those']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'both', 'such']);
const POSSESSIVE_DETERMINERS = new Set(['my', 'our', 'your', 'his', 'her', 'its', 'their']);

export type MentionKind = 'pronoun' | 'definite' | 'possessed' | 'name' | 'indefinite' | 'bare';

/**
 * The head word of a mention: the last nominal of its first phrase ("the minister of defence" →
 * minister). A capitalised word belongs to the name whatever its tag ("the Northwind Shipping
 * Company", Shipping tagged VERB → Company).
 */
export function mentionHead(words: readonly SyntaxWord[], m: MentionSpan): number {
  let head = -1;
  for (let k = m.first; k < m.last; k++) {
    const w = words[k];
    const capitalised = CAPITAL.test(w.value);
    if (head >= 0 && ((PHRASE_END.has(w.pos) && !capitalised) || w.value === ',' || w.value === '(')) break;
    if (NOMINAL.has(w.pos) || (capitalised && head >= 0 && CAPITAL.test(words[head].value))) head = k;
  }
  if (head >= 0) return head;
  for (let k = m.last - 1; k >= m.first; k--) if (words[k].pos !== 'PUNCT') return k;
  return m.last - 1;
}

export function mentionKind(words: readonly SyntaxWord[], m: MentionSpan, head = mentionHead(words, m)): MentionKind {
  const first = words[m.first].value.toLowerCase();
  if (m.last - m.first === 1 && (words[m.first].pos === 'PRON' || PRONOUNS.has(first))) return 'pronoun';
  if (words[head].pos === 'PROPN' || (/^\p{Lu}/u.test(words[head].value) && head !== m.first)) return 'name';
  if (DEFINITE.has(first)) return 'definite';
  if (POSSESSIVE_DETERMINERS.has(first) || words.slice(m.first, head).some((w) => w.value === "'s" || w.value === "'")) return 'possessed';
  if (first === 'a' || first === 'an' || first === 'some' || first === 'any') return 'indefinite';
  return 'bare';
}

/** Plural by its head: a plural pronoun, or a noun whose form is not its lemma and ends in s ("ministers", "the Americans"). */
export function isPlural(words: readonly SyntaxWord[], head: number): boolean {
  const w = words[head];
  const lower = w.value.toLowerCase();
  if (PLURAL_PRONOUNS.has(lower)) return true;
  return (w.pos === 'NOUN' || w.pos === 'PROPN') && /s$/.test(lower) && lower !== w.lemma.toLowerCase();
}

/** Capitalised: its head starts with a capital letter and is no pronoun ("Gaza", "UN Charter"; not "the minister", "I"). */
export function isCapitalised(words: readonly SyntaxWord[], m: MentionSpan, head = mentionHead(words, m)): boolean {
  return /^\p{Lu}/u.test(words[head].value) && words[head].pos !== 'PRON' && words[head].value !== 'I';
}

/**
 * What the actor dictionary knows of a mention, as feature names: the type of the actor its
 * words name (with a leading "the" dropped), how it names it (name, demonym, capital, place),
 * and whether its head is a role word (minister: a person; ministry: a body).
 */
export function dictionaryClues(index: ActorIndex | undefined, words: readonly SyntaxWord[], m: MentionSpan, head = mentionHead(words, m)): string[] {
  if (!index) return [];
  const keys: string[] = [];
  for (let k = m.first; k < m.last; k++) if (words[k].value !== '-') keys.push(tokenKey(words[k].value));
  const clues = new Set<string>();
  const start = keys[0] === 'the' ? 1 : 0;
  for (const hit of index.names.get(keys.slice(start))) {
    clues.add(`actor:${index.entries[hit.entry].type}`);
    clues.add(`actor-form:${hit.form}`);
  }
  const headKey = tokenKey(words[head].value);
  for (const hit of index.names.get([headKey])) clues.add(`head-actor:${index.entries[hit.entry].type}`);
  const before = head > m.first ? tokenKey(words[head - 1].value) : '';
  for (const phrase of before ? [[before, headKey], [headKey]] : [[headKey]]) {
    for (const hit of index.roles.get(phrase)) clues.add(`role:${hit.word.kind}${hit.plural ? ':plural' : ''}`);
  }
  return [...clues].sort();
}

/**
 * The head word's place in the parse, when the caller parsed the sentence: its relation, and
 * with it the lemma of its governor ("nsubj say", "obj condemn"); null when not parsed.
 */
export function syntacticRole(words: readonly SyntaxWord[], head: number, syntax?: Dependencies): { relation: string; governor: string } | null {
  if (!syntax || syntax.head[head] < -1) return null;
  const g = syntax.head[head];
  return { relation: syntax.relation[head], governor: g < 0 ? 'ROOT' : words[g].lemma.toLowerCase() };
}
