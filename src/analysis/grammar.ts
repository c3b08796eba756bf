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

/**
 * The longest noun phrase we read, and how far back a clause's subject is looked for: real
 * phrases are far shorter, and the bounds keep every search linear on pathological text.
 */
export const MAX_PHRASE = 40;
const MAX_CLAUSE = 80;
/** The most adverbs and auxiliaries read between a subject and its verb ("has not yet publicly said": 4). */
const MAX_VERB_PREFIX = 8;

const ARTICLES = new Set(['the', 'a', 'an']);
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** Words that stand for a noun phrase on their own: "some said", "both agreed", "those surveyed". */
const QUANTIFIERS = new Set(['some', 'many', 'most', 'both', 'few', 'several', 'others', 'all', 'none', 'those', 'these', 'one', 'another', 'each', 'either', 'neither']);
const MODIFIER = new Set(['DET', 'ADJ', 'NUM']);
const LINKING_PREPOSITIONS = new Set(['of', 'for', 'at', 'to', 'from']);
/** Adverbs and auxiliaries that may stand between a subject and its verb ("has also said"). */
const VERB_PREFIX = new Set(['ADV', 'AUX', 'PART']);

export const isNominal = (t: Token | undefined): boolean => !!t && (NOMINAL.has(t.pos) || t.value === '%');
export const isPossessive = (t: Token | undefined): boolean => !!t && t.pos === 'PART' && (t.lower === "'s" || t.lower === "'");
const isHyphen = (t: Token | undefined): boolean => !!t && (t.value === '-' || t.value === '‐' || t.value === '‑');

const DASHES = new Set(['―', '—', '–', '-', '--']);
/** A dash standing between words or phrases ("“…” ― Jorge Falcon"). */
export const isDash = (t: Token | undefined): boolean => !!t && DASHES.has(t.value);

/** A hyphen written tight between two words: "al-Assad", "US-backed", "so-called". */
export function isJoiningHyphen(tokens: Token[], k: number): boolean {
  const h = tokens[k], before = tokens[k - 1], after = tokens[k + 1];
  return isHyphen(h) && !!before && !!after && before.end === h.start && h.end === after.start;
}
const isTitleAbbreviation = (t: Token | undefined): boolean => !!t && /^[A-Z][a-z]{0,3}\.$/.test(t.value);

/** Can this token sit inside a noun phrase? */
function insideNounPhrase(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (isNominal(t) || MODIFIER.has(t.pos) || isPossessive(t) || isTitleAbbreviation(t)) return true;
  // "al-Assad", "US-backed": a hyphen between two words, and the word after it.
  if (isHyphen(t)) return isJoiningHyphen(tokens, k);
  if (isJoiningHyphen(tokens, k - 1)) return true;
  // "Secretary of State", "a fellow at Brookings": a linking preposition between two nominals.
  if (t.pos === 'ADP' && LINKING_PREPOSITIONS.has(t.lower)) return isNominal(tokens[k - 1]) && (isNominal(tokens[k + 1]) || tokens[k + 1]?.pos === 'DET');
  return false;
}

/**
 * The noun phrase that ends just before token `end` (exclusive), not reaching before `floor`.
 * Personal pronouns stand alone ("he"), possessive ones open a phrase ("his aides").
 */
export function nounPhraseBefore(tokens: Token[], end: number, floor = 0): TokenRange | null {
  floor = Math.max(floor, end - MAX_PHRASE);
  let k = end - 1;
  if (k < floor) return null;
  // "those surveyed", "the people interviewed": a participle after its noun.
  if (tokens[k].pos === 'VERB' && /(ed|en)$/.test(tokens[k].lower) && k - 1 >= floor && (isNominal(tokens[k - 1]) || QUANTIFIERS.has(tokens[k - 1].lower))) {
    const np = nounPhraseBefore(tokens, k, floor);
    return np ? { first: np.first, last: end } : null;
  }
  // "Some said", "Both have promised", "many argue": a quantifier standing for its noun.
  if (QUANTIFIERS.has(tokens[k].lower)) return { first: k, last: end };
  if (!insideNounPhrase(tokens, k)) return null;
  if (tokens[k].pos === 'PRON') return isPersonalPronoun(tokens[k]) ? { first: k, last: end } : null;
  if (!isNominal(tokens[k])) return null; // a phrase ends on its head
  while (k - 1 >= floor && insideNounPhrase(tokens, k - 1)) {
    const prev = tokens[k - 1];
    if (prev.pos === 'PRON' && !isPossessivePronoun(prev)) break;
    // "with Rouhani the Iranians stressed": an article opens its phrase; a name before it ends another.
    if (tokens[k].pos === 'DET' && ARTICLES.has(tokens[k].lower) && prev.pos === 'PROPN') break;
    k--;
    if (prev.pos === 'PRON') break; // "his" opens the phrase
  }
  // Never start a phrase on a linking preposition or hyphen.
  while (k < end && (tokens[k].pos === 'ADP' || isHyphen(tokens[k]))) k++;
  return k < end ? { first: k, last: end } : null;
}

/** The noun phrase that starts at token `start`, not reaching `ceiling` (exclusive). */
export function nounPhraseFrom(tokens: Token[], start: number, ceiling = tokens.length): TokenRange | null {
  ceiling = Math.min(ceiling, start + MAX_PHRASE);
  if (start >= ceiling || !insideNounPhrase(tokens, start)) return null;
  if (tokens[start].pos === 'PRON' && isPersonalPronoun(tokens[start])) return { first: start, last: start + 1 };
  let k = start;
  while (k < ceiling && insideNounPhrase(tokens, k)) k++;
  // A phrase ends on a nominal, not on a dangling preposition or modifier.
  while (k > start && !isNominal(tokens[k - 1])) k--;
  return k > start ? { first: start, last: k } : null;
}

const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*$/u;

/**
 * The phrase that starts at token `start`, reading a capitalised word wink-nlp tagged a verb as
 * part of a name ("said Skelly", "Mr. Welch said"): mid-sentence, a capitalised word is a name.
 */
export function namePhraseFrom(tokens: Token[], start: number, ceiling = tokens.length): TokenRange | null {
  const np = nounPhraseFrom(tokens, start, ceiling);
  // ("the Associated Press": an article before the mistagged name.)
  let k = np ? np.last : tokens[start]?.pos === 'DET' ? start + 1 : start;
  const end = Math.min(ceiling, start + MAX_PHRASE);
  let names = 0;
  while (k < end && CAPITALISED.test(tokens[k].value) && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX' || tokens[k].pos === 'PROPN' || isTitleAbbreviation(tokens[k])) && (k > 0 && tokens[k - 1].sentence === tokens[k].sentence)) {
    if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') names++;
    k++;
  }
  // Only when a mistagged name carried the phrase on: else the noun phrase as it was.
  if (!names) return np;
  return { first: start, last: k };
}

/** A capitalised word tagged a verb after the first token of its sentence: a name wink-nlp mistook ("Mr. Welch said"). */
export const isMistaggedName = (tokens: Token[], k: number): boolean =>
  (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') && CAPITALISED.test(tokens[k].value) && k > 0 && tokens[k - 1].sentence === tokens[k].sentence && tokens[k].value !== 'I';

/** Skip adverbs and auxiliaries leftwards from `i` (exclusive): "X has also said" → before "has". */
export function skipVerbPrefixBackward(tokens: Token[], i: number, floor = 0): number {
  floor = Math.max(floor, i - MAX_VERB_PREFIX);
  let k = i;
  while (k - 1 >= floor && (VERB_PREFIX.has(tokens[k - 1].pos) || MISTAGGED_ADVERBS.has(tokens[k - 1].lower) || isFloatingQuantifier(tokens, k - 1, floor)) && !isPossessive(tokens[k - 1])) k--;
  return k;
}

/** "Cruz and Rubio have both argued", "the ministers all urged": a quantifier after the subject it counts. */
function isFloatingQuantifier(tokens: Token[], j: number, floor: number): boolean {
  const t = tokens[j], before = tokens[j - 1];
  return (t.lower === 'all' || t.lower === 'both' || t.lower === 'each') && j - 1 >= floor && (isNominal(before) || before.pos === 'AUX' || before.value === ')');
}
/** Adverbs wink-nlp tags otherwise before a verb: "has since said", "further announced". */
const MISTAGGED_ADVERBS = new Set(['since', 'further']);

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'her', 'them', 'us', 'me']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
export const isPersonalPronoun = (t: Token): boolean => PERSONAL_PRONOUNS.has(t.lower);
export const isPossessivePronoun = (t: Token): boolean => POSSESSIVE_PRONOUNS.has(t.lower);

/** The text covered by a token range. */
export function rangeText(text: string, tokens: Token[], r: TokenRange): string {
  return text.slice(tokens[r.first].start, tokens[r.last - 1].end);
}

/**
 * Title Case: of the words of four letters or more in tokens [first, last) (leaving out those
 * `skip` marks), how many, and how many of them capitalised. A headline and the title of a show
 * are read by the same count.
 */
export function titleCaseCounts(tokens: Token[], first: number, last: number, skip?: (k: number) => boolean): { words: number; capitalised: number } {
  let words = 0, capitalised = 0;
  for (let k = first; k < last; k++) {
    const v = tokens[k].value;
    if (skip?.(k) || v.length < 4 || !/^\p{L}+$/u.test(v)) continue;
    words++;
    if (/^\p{Lu}/u.test(v)) capitalised++;
  }
  return { words, capitalised };
}

export const isSentenceEnd = (t: Token | undefined): boolean => !!t && t.pos === 'PUNCT' && /^[.!?]+$/.test(t.value);

const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»', '„', '``', "''", '‘', '’']);
/** A quotation mark token, of any style. */
export const isQuoteMark = (t: Token | undefined): boolean => !!t && QUOTE_MARKS.has(t.value);

// ---------- subjects ----------

/**
 * The subject of the verb at token i, as written: the noun phrase before it, past adverbs,
 * time phrases ("on Monday") and appositions; a relative pronoun ("who said") is the subject
 * itself, and the speakers pass resolves it to the phrase it stands for.
 */
export function subjectBefore(tokens: Token[], i: number, floor: number, asides = 0): TokenRange | null {
  let k = skipVerbPrefixBackward(tokens, i, floor);
  for (let guard = 0; guard < 3; guard++) {
    const time = timePhraseBefore(tokens, k, floor);
    if (time < 0) break;
    k = skipVerbPrefixBackward(tokens, time, floor);
  }
  const prev = tokens[k - 1];
  if (!prev || k - 1 < floor) return null;
  if (RELATIVE_PRONOUNS.has(prev.lower)) return { first: k - 1, last: k };
  if (prev.value === ')') return phraseBefore(tokens, k, floor);
  if (prev.value === ',') {
    // "Several leaders, including A, B and C, said": the list's commas are not the aside's.
    const lead = leadingSubject(tokens, k - 1, floor);
    // "Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said": a relative
    // clause may hold commas of its own.
    if (lead && (LIST_OPENERS.has(tokens[lead.last + 1]?.lower) || WH_RELATIVES.has(tokens[lead.last + 1]?.lower))) return lead;
    return subjectBeforeComma(tokens, k - 1, floor, asides) ?? lead;
  }
  // "Joyce — who is listed as an attorney — told": the phrase before the opening dash.
  if (isDash(prev) && !isJoiningHyphen(tokens, k - 1)) {
    const open = openingMark(tokens, k - 1, floor, (j) => isDash(tokens[j]) && !isJoiningHyphen(tokens, j), DASH_ASIDE_STOPS);
    return (open >= 0 ? phraseBefore(tokens, open, floor) : null) ?? leadingSubject(tokens, k - 1, floor);
  }
  // "Obama met survivors … and said …": the subject of the first verb.
  if (prev.pos === 'CCONJ') return clauseSubject(tokens, k - 1, floor);
  const np = nounPhraseBefore(tokens, k, floor);
  // "The group backed by Iran condemned …": the noun the participle or relative clause modifies.
  const opening = np ? modifierOpening(tokens, np.first, floor) : -1;
  return opening >= 0 ? (nounPhraseBefore(tokens, opening, floor) ?? np) : np;
}

/**
 * Where a participle or a relative clause that modifies a noun opens, when the phrase at
 * `first` is its object ("the super PAC supporting Clinton attacked …", "the group backed by
 * Iran condemned …", "Democrats who backed Sanders now support …"): that phrase is no subject
 * of the verb after it. -1 when it is none.
 */
export function modifierOpening(tokens: Token[], first: number, floor: number): number {
  let j = first - 1;
  while (j > floor && (tokens[j].pos === 'DET' || tokens[j].pos === 'ADJ')) j--;
  if (j > floor && tokens[j].lower === 'by') j--;
  const v = tokens[j], noun = tokens[j - 1];
  if (j - 1 >= floor && v?.pos === 'VERB' && /(ing|ed)$/.test(v.lower) && (noun.pos === 'NOUN' || noun.pos === 'PROPN')) return j;
  // A relative pronoun after a noun, then a verb, before the phrase.
  for (let k = j; k > Math.max(floor, first - 10); k--) {
    const x = tokens[k];
    if (x.pos === 'PUNCT') return -1;
    if (RELATIVE_PRONOUNS.has(x.lower) && (tokens[k - 1]?.pos === 'NOUN' || tokens[k - 1]?.pos === 'PROPN')) {
      for (let h = k + 1; h < first; h++) if (tokens[h].pos === 'VERB') return k;
      return -1;
    }
  }
  return -1;
}

export const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that']);
/** The relative pronouns that never open a reported clause, as "that" may: "X, who …", "…, which he said …". */
export const WH_RELATIVES = new Set(['who', 'whom', 'whose', 'which']);

/** The subject before an aside that ends with the comma at `comma`. */
function subjectBeforeComma(tokens: Token[], comma: number, floor: number, asides: number): TokenRange | null {
  // "Sen. Jack Reed (D-R.I.), said"
  if (tokens[comma - 1]?.value === ')') return phraseBefore(tokens, comma, floor);
  const open = openingMark(tokens, comma, floor, (j) => tokens[j].value === ',', COMMA_ASIDE_STOPS);
  if (open < 0) return null;
  // "Democrats, meanwhile, blasted", "officials have, in fact, praised": past the aside.
  if (isAside(tokens, open + 1, comma)) return asides < 3 ? subjectBefore(tokens, open, floor, asides + 1) : null;
  // "Guy Cecil, the group's chief strategist, said": the name before the apposition.
  if (!isApposition(tokens, open + 1)) return null;
  const phrase = phraseBefore(tokens, open, floor);
  // "Woodrow Benford, 58, who lives …, says": past the age to the name.
  if (phrase && phrase.last - phrase.first === 1 && tokens[phrase.first].pos === 'NUM' && tokens[phrase.first - 1]?.value === ',') return phraseBefore(tokens, phrase.first - 1, floor) ?? phrase;
  return phrase;
}

/**
 * The noun phrase opening the clause when a long aside stands between it and the verb at
 * `close` (a comma or dash): "Several leaders, including A, B and C, said", "X, wearing a
 * campaign shirt, said", "Economists, like their counterparts abroad, say", "The company and
 * its minister, Y, confirmed". The phrase must be followed by the aside's comma, dash or
 * bracket, or reach it through one preposition or one "and".
 */
function leadingSubject(tokens: Token[], close: number, floor: number): TokenRange | null {
  let s = floor;
  while (s < close && (tokens[s].pos === 'CCONJ' || tokens[s].pos === 'ADV')) s++;
  const np = nounPhraseFrom(tokens, s, close);
  if (!np) return null;
  let end = np.last;
  if (tokens[end]?.pos === 'ADP' || tokens[end]?.lower === 'and') end = nounPhraseFrom(tokens, end + 1, close)?.last ?? end;
  const after = tokens[end];
  return end < close && (after.value === ',' || after.value === '(' || (isDash(after) && !isJoiningHyphen(tokens, end))) ? np : null;
}

/** Words that open a list of examples after a noun phrase ("leaders, including …", "cities like …"). */
const LIST_OPENERS = new Set(['including', 'like', 'such', 'among', 'especially', 'notably']);


/** The noun phrase before token `end`, stepping over a parenthesis: "Sen. Claire McCaskill (D-Mo.)". */
function phraseBefore(tokens: Token[], end: number, floor: number): TokenRange | null {
  if (tokens[end - 1]?.value !== ')') return nounPhraseBefore(tokens, end, floor);
  for (let j = end - 2; j >= floor && end - j <= 10; j--) if (tokens[j].value === '(') return nounPhraseBefore(tokens, j, floor);
  return null;
}

const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'tomorrow',
  'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year', 'time', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'aug.', 'sept.',
  'oct.', 'nov.', 'dec.',
]);

/** A day named as a date inside a phrase ("released Thursday by", "issued on Monday"): a capitalised …day. */
export const isDayName = (t: Token | undefined): boolean => !!t && t.pos === 'PROPN' && /day$/.test(t.lower);

/** Where a time phrase ending before token i starts ("on Monday", "last month", "Tuesday"), or -1. */
function timePhraseBefore(tokens: Token[], i: number, floor: number): number {
  let k = i;
  while (k - 1 >= floor && TIME_WORDS.has(tokens[k - 1].lower)) k--;
  if (k === i) return -1;
  while (k - 1 >= floor && TIME_MODIFIERS.has(tokens[k - 1].lower)) k--;
  return k - 1 >= floor && tokens[k - 1].pos === 'ADP' ? k - 1 : k;
}

const TIME_MODIFIERS = new Set(['last', 'this', 'next', 'early', 'late', 'earlier', 'later', 'on', 'the']);

/**
 * The mark that opens the aside closed by the mark at `close` (within 40 tokens): the nearest
 * token before it that `opens`, unless one of `stops` comes first or the aside is empty; else -1.
 */
function openingMark(tokens: Token[], close: number, floor: number, opens: (j: number) => boolean, stops: ReadonlySet<string>): number {
  for (let j = close - 1; j >= floor && close - j <= 40; j--) {
    if (opens(j)) return j < close - 1 ? j : -1;
    if (stops.has(tokens[j].value)) return -1;
  }
  return -1;
}
const COMMA_ASIDE_STOPS = new Set([':', ';', '?', '!']);
const DASH_ASIDE_STOPS = new Set([':', ';']);

/**
 * A noun phrase ("Guy Cecil, the group's strategist, said"), a relative clause ("Barkley,
 * who …, said") or both ("Meg Whitman, a former candidate who now runs HP, said").
 */
function isApposition(tokens: Token[], first: number): boolean {
  const opener = tokens[first];
  return RELATIVE_PRONOUNS.has(opener.lower) || WH_RELATIVES.has(opener.lower) || NOUN_PHRASE_OPENERS.has(opener.pos);
}

/** A short aside between commas: "meanwhile", "in fact", "among others", "however". */
function isAside(tokens: Token[], first: number, last: number): boolean {
  return last - first <= 3 && (tokens[first].pos === 'ADV' || tokens[first].pos === 'ADP');
}

const NOUN_PHRASE_OPENERS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);

/** The subject of the sentence's main clause before token i: its first verb that has one. */
export function clauseSubject(tokens: Token[], i: number, floor: number): TokenRange | null {
  floor = Math.max(floor, i - MAX_CLAUSE);
  const main = afterSubordinateClause(tokens, floor, i);
  return (main > floor ? firstSubject(tokens, main, i) : null) ?? firstSubject(tokens, floor, i);
}

/** "As the results came in, he …", "When Rubio did take Trump on, he …": past the opening subordinate clause. */
function afterSubordinateClause(tokens: Token[], floor: number, i: number): number {
  // "Ever since she endorsed …,", "Even though …,"
  const opener = tokens[floor]?.pos === 'ADV' && !SUBORDINATORS.has(tokens[floor].lower) ? floor + 1 : floor;
  if (tokens[opener]?.pos !== 'SCONJ' && !SUBORDINATORS.has(tokens[opener]?.lower)) return floor;
  for (let k = opener + 1; k < i; k++) if (tokens[k].value === ',') return k + 1;
  return floor;
}
const SUBORDINATORS = new Set(['as', 'when', 'while', 'after', 'before', 'although', 'though', 'because', 'if', 'since', 'once', 'until', 'whereas']);

function firstSubject(tokens: Token[], floor: number, i: number): TokenRange | null {
  for (let v = floor; v < i; v++) {
    if (tokens[v].pos !== 'VERB' && tokens[v].pos !== 'AUX') continue;
    let k = skipVerbPrefixBackward(tokens, v, floor);
    // "Biden on Monday hit the trail …": past a time phrase.
    const time = timePhraseBefore(tokens, k, floor);
    if (time > floor) k = skipVerbPrefixBackward(tokens, time, floor);
    // "Sanders, who endorsed X and said …": the phrase the relative pronoun stands for.
    if (k - 1 >= floor && RELATIVE_PRONOUNS.has(tokens[k - 1].lower)) return antecedentOf(tokens, { first: k - 1, last: k });
    // "Gov. Rick Scott (R) blasted Congress and said …": past the party's parenthesis.
    const np = phraseBefore(tokens, k, floor);
    if (np) return np;
  }
  return null;
}

/** What a relative pronoun stands for ("Borges, who said" → "Borges"); any other phrase is itself. */
export function antecedentOf(tokens: Token[], r: TokenRange): TokenRange {
  if (r.last - r.first !== 1 || !RELATIVE_PRONOUNS.has(tokens[r.first].lower)) return r;
  return nounPhraseBefore(tokens, tokens[r.first - 1]?.value === ',' ? r.first - 1 : r.first) ?? r;
}

/**
 * The subject of the verb at token v, through infinitives and their governing verbs: in
 * "Arnor is about to restore ties", "the militia vowed on Thursday to wage war", "X plans to
 * visit", the subject of restore/wage/visit is the governing verb's.
 */
export function subjectOf(tokens: Token[], v: number, floor: number): TokenRange | null {
  let k = v;
  for (let hops = 0; hops < 3; hops++) {
    const start = skipVerbPrefixBackward(tokens, k, floor);
    let infinitive = false;
    for (let j = start; j < k; j++) if (tokens[j].lower === 'to') infinitive = true;
    if (!infinitive) break;
    let j = start;
    const time = timePhraseBefore(tokens, j, floor);
    if (time >= 0) j = time;
    const governor = tokens[j - 1];
    if (!governor || j - 1 < floor || !(governor.pos === 'VERB' || governor.pos === 'ADJ' || governor.lower === 'about')) break;
    k = j - 1;
  }
  return subjectBefore(tokens, k, floor);
}

/**
 * Noun phrases joined to the one at r by commas and and/or: "Mordor, Rohan, Fornost and Bree".
 * A list ends with its conjunction: a phrase joined by a comma alone is no conjunct ("In a call
 * with his counterpart Mike Pompeo, Lavrov warned" is Lavrov's), nor is the object of another
 * verb ("bases connected to the IRGC and officials visit Damascus", "voters backed X, and
 * others backed Y").
 */
export function coordinatedBefore(tokens: Token[], r: TokenRange, floor: number): TokenRange[] {
  const out = [r];
  let first = r.first;
  for (let guard = 0; guard < 8; guard++) {
    let k = first;
    const conjunction = tokens[k - 1]?.pos === 'CCONJ' && (tokens[k - 1].lower === 'and' || tokens[k - 1].lower === 'or');
    if (conjunction) k--;
    else if (guard === 0) break;
    const comma = tokens[k - 1]?.value === ',';
    if (comma) k--;
    if (k === first) break;
    const np = nounPhraseBefore(tokens, k, floor);
    if (!np || isVerbsObject(tokens, np.first)) break;
    // ", and" after a verb's object joins clauses: "voters backed X, and many voters backed Y".
    if (conjunction && comma && tokens[np.first - 1]?.pos === 'VERB') break;
    out.unshift(np);
    first = np.first;
  }
  return out;
}

/** The phrase at `first` is the object of a verb's preposition ("connected to X", "met with X"), not part of a subject ("officials in X"). */
function isVerbsObject(tokens: Token[], first: number): boolean {
  let k = first - 1;
  if (tokens[k]?.pos !== 'ADP') return false;
  k--;
  return !!tokens[k] && (tokens[k].pos === 'VERB' || (tokens[k].pos === 'ADJ' && /(ed|en)$/.test(tokens[k].lower)));
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", 'am']);

/** "was attacked", "have been sanctioned": a participle after a form of be. */
export function isPassive(tokens: Token[], v: number, floor: number): boolean {
  const t = tokens[v];
  if (t.lower.endsWith('ing') || (t.lower === t.lemma && !/(ed|en)$/.test(t.lower))) return false;
  let k = v - 1;
  while (k >= floor && tokens[k].pos === 'ADV') k--;
  if (k < floor || !BE_FORMS.has(tokens[k].lower)) return false;
  // "he's predicted big wins" is "has predicted"; "he's said to be ill", "it's attacked by …" are passives.
  if (tokens[k].lower === "'s") return tokens[v + 1]?.lower === 'to' || tokens[v + 1]?.lower === 'by';
  return true;
}

/**
 * wink-nlp tags some verbs as nouns in headline-like text ("Tehran slams US plots"): an
 * inflected, lower-case form right after a name or pronoun is a verb. ("the United States",
 * capitalised, and "family values", after a common noun, are not.)
 */
export function isMistaggedVerb(tokens: Token[], i: number, lemma: string): boolean {
  const t = tokens[i], prev = tokens[i - 1];
  return (
    t.pos === 'NOUN' && /^\p{Ll}/u.test(t.value) && /(s|ed)$/.test(t.lower) && t.lower !== lemma &&
    !!prev && (prev.pos === 'PROPN' || prev.pos === 'PRON') && prev.sentence === t.sentence
  );
}

/** Words after which a plural noun goes on as a noun phrase ("Western states like Arizona", "Rust Belt states where"). */
const NOUN_PHRASE_GOES_ON = new Set(['like', 'in', 'on', 'across', 'with', 'from', 'including', 'such', 'where', 'which', 'along', 'especially']);

/**
 * Does the word after token i go on with a noun phrase rather than open what a verb reports:
 * "Rust Belt states that have suffered" (a relative clause), "Super Tuesday states like …",
 * "Western states this week", "Tehran slams US plots" (no: a name opens the object).
 */
export function pluralNounContinues(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1], after = tokens[i + 2];
  if (!next || next.sentence !== tokens[i].sentence) return false;
  if (NOUN_PHRASE_GOES_ON.has(next.lower)) return true;
  if (next.lower === 'that') return !!after && (after.pos === 'AUX' || after.pos === 'VERB');
  if (next.pos === 'NOUN' && next.value === next.lower) return true;
  return next.pos === 'DET' && !!after && TIME_WORDS.has(after.lower);
}

/** Tags of the words of an earlier conjunct, stepped over back to the preposition they share. */
const CONJUNCT_TAGS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'PART']);
/** Prepositions whose object is what an act is aimed at: "attack on X", "sanctions against X". */
const PATIENT_PREPOSITIONS = new Set(['on', 'against', 'upon']);
/** Nouns of acts whose "of" names what they are done to: "the invasion of X". */
const ACT_NOUNS_OF = new Set([
  'invasion', 'occupation', 'annexation', 'bombing', 'bombardment', 'shelling', 'siege', 'blockade', 'destruction', 'killing', 'killings', 'murder',
  'assassination', 'execution', 'arrest', 'arrests', 'detention', 'persecution', 'oppression', 'repression', 'mistreatment', 'abuse', 'harassment',
  'intimidation', 'isolation', 'exclusion', 'expulsion', 'targeting', 'surveillance', 'vilification', 'demonisation', 'demonization', 'liberation',
]);

/**
 * The noun of the act whose patient a mention is ("Russia's attack on X", "sanctions against
 * the X government", "the invasion of X"): the mention is the object of on/against after a
 * noun, or of "of" after an act noun, with at most two determiners or adjectives between;
 * -1 when it is none, or the preposition lies before `floor`.
 */
export function actNounOf(tokens: Token[], m: TokenRange, floor: number): number {
  let k = m.first - 1;
  for (let skipped = 0; k >= floor && skipped < 2 && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ'); skipped++) k--;
  // A later conjunct shares the first one's preposition: "strikes on Gaza and Lebanon".
  for (let conjuncts = 0; conjuncts < 4 && k > floor && (tokens[k].pos === 'CCONJ' || tokens[k].value === ','); conjuncts++) {
    k--;
    for (let words = 0; k >= floor && words < 6 && CONJUNCT_TAGS.has(tokens[k].pos); words++) k--;
  }
  const preposition = tokens[k];
  if (k - 1 < floor || !preposition) return -1;
  const noun = tokens[k - 1];
  if (noun.pos !== 'NOUN') return -1;
  if (PATIENT_PREPOSITIONS.has(preposition.lower) || (preposition.lower === 'of' && ACT_NOUNS_OF.has(noun.lower))) return k - 1;
  return -1;
}
