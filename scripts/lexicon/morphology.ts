// A small English morphology for building lexicons: the inflected forms of a verb
// (say → says, said, saying) and the plural of a noun, from spelling rules plus the
// irregular tables in ../lexicon-data/irregular-verbs.ts. Words are lower case.
import { IRREGULAR_PLURALS, IRREGULAR_PRESENT, IRREGULAR_VERBS } from '../lexicon-data/irregular-verbs';

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

// Verbs of more than one syllable stressed on the last one: they double the final consonant
// like monosyllables do (admit → admitted, prefer → preferring).
const STRESSED_FINAL = new Set([
  'abet', 'acquit', 'admit', 'allot', 'annul', 'beset', 'commit', 'compel', 'concur', 'confer',
  'control', 'defer', 'demur', 'deter', 'dispel', 'distil', 'emit', 'enrol', 'equip', 'excel',
  'expel', 'extol', 'format', 'fulfil', 'handicap', 'impel', 'incur', 'infer', 'instil',
  'kidnap', 'occur', 'omit', 'outstrip', 'patrol', 'permit', 'prefer', 'propel', 'rebel', 'rebut',
  'recur', 'refer', 'regret', 'remit', 'repel', 'submit', 'transfer', 'transmit', 'unwrap', 'worship',
]);

function isVowel(word: string, i: number): boolean {
  const c = word[i];
  if (VOWELS.has(c)) return c !== 'u' || word[i - 1] !== 'q';
  // y is a vowel after a consonant (cry, deny) and a consonant at the start or after a vowel.
  return c === 'y' && i > 0 && !isVowel(word, i - 1);
}

function syllables(word: string): number {
  let count = 0;
  for (let i = 0; i < word.length; i++) {
    if (isVowel(word, i) && (i === 0 || !isVowel(word, i - 1))) count++;
  }
  // A final silent e (make, state) does not make a syllable, unless it is the only vowel (be).
  if (count > 1 && word.endsWith('e') && !isVowel(word, word.length - 2) && !word.endsWith('le')) count--;
  return count;
}

/** Ends consonant-vowel-consonant with a consonant that can double (not w, x, y). */
function endsCvc(word: string): boolean {
  const n = word.length;
  if (n < 3 || 'wxy'.includes(word[n - 1])) return false;
  return !isVowel(word, n - 1) && isVowel(word, n - 2) && !isVowel(word, n - 3);
}

function doublesFinal(verb: string): boolean {
  return endsCvc(verb) && (syllables(verb) === 1 || STRESSED_FINAL.has(verb));
}

/**
 * Verbs ending in an unstressed vowel + l double it in British spelling only
 * (cancel → cancelled, US canceled): both are written in news.
 */
function doublesLInBritish(verb: string): boolean {
  if (verb.endsWith('uel')) return true; // fuel, duel: u and e are two syllables here
  return verb.endsWith('l') && endsCvc(verb) && syllables(verb) > 1 && !STRESSED_FINAL.has(verb);
}

function endsConsonantY(word: string): boolean {
  return word.endsWith('y') && word.length > 1 && !VOWELS.has(word[word.length - 2]);
}

/** The -s form: says, pushes, denies, vetoes. Also the regular plural of a noun. */
export function sForm(word: string): string {
  if (word.endsWith('z') && doublesFinal(word)) return word + 'zes'; // quiz → quizzes
  if (endsConsonantY(word)) return word.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/.test(word)) return word + 'es';
  if (word.endsWith('o') && word.length > 1 && !VOWELS.has(word[word.length - 2])) return word + 'es';
  return word + 's';
}

/** Regular -ed forms (several when British and US spelling differ). */
export function edForms(verb: string): string[] {
  if (verb.endsWith('e')) return [verb + 'd'];
  if (endsConsonantY(verb)) return [verb.slice(0, -1) + 'ied'];
  if (doublesFinal(verb)) return [verb + verb[verb.length - 1] + 'ed'];
  if (doublesLInBritish(verb)) return [verb + 'led', verb + 'ed'];
  return [verb + 'ed'];
}

/** The -ing forms: saying, making, agreeing, dying, stopping (British travelling too). */
export function ingForms(verb: string): string[] {
  if (verb.endsWith('ie')) return [verb.slice(0, -2) + 'ying'];
  if (/(ee|ye|oe)$/.test(verb) || verb === 'be') return [verb + 'ing'];
  if (verb.endsWith('e') && verb.length > 2) return [verb.slice(0, -1) + 'ing'];
  if (doublesFinal(verb)) return [verb + verb[verb.length - 1] + 'ing'];
  if (doublesLInBritish(verb)) return [verb + 'ling', verb + 'ing'];
  return [verb + 'ing'];
}

/** Every form of a one-word verb, the lemma first, without duplicates. */
export function verbForms(verb: string): string[] {
  const irregular = IRREGULAR_VERBS.get(verb);
  const present = IRREGULAR_PRESENT.get(verb) ?? [sForm(verb)];
  const past = irregular ? [...irregular.past, ...irregular.participle] : edForms(verb);
  return unique([verb, ...present, ...past, ...ingForms(verb)]);
}

/** Singular and plural of a noun. */
export function nounForms(noun: string): string[] {
  return unique([noun, ...(IRREGULAR_PLURALS.get(noun) ?? [sForm(noun)])]);
}

/**
 * Forms of a multi-word expression whose head is its first word and a verb
 * (call for → calls for, called for, calling for).
 */
export function phrasalVerbForms(phrase: string): string[] {
  const [head, ...rest] = phrase.split(' ');
  const tail = rest.length ? ' ' + rest.join(' ') : '';
  return verbForms(head).map((form) => form + tail);
}

/** Singular and plural of a multi-word noun, inflecting its last word (press conference). */
export function phrasalNounForms(phrase: string): string[] {
  const words = phrase.split(' ');
  const head = words.pop() as string;
  const lead = words.length ? words.join(' ') + ' ' : '';
  return nounForms(head).map((form) => lead + form);
}

export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
