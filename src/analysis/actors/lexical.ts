// The words of a sentence as units the phrase grammar reads: dictionary names (longest match in
// the name trie), role words ("foreign minister"), titles ("Mr.", "Sen."), capitalised words
// that no dictionary knows (joined into runs: candidate names), possessives, pronouns.
import { isJoiningHyphen, titleCaseCounts } from '../grammar';
import type { Token } from '../types';
import { type ActorIndex, type NameHit, type RoleHit, NAME_PARTICLES, roleAt, tokenKey } from '../../models/actors';
import type { TokenTrie, TrieNode } from '../../models/token-trie';
import { ARMED_WORDS, DETERMINERS, HONORIFICS, type Honorific, LOCATIVE_PREPOSITIONS, MEDIA_WORDS, NAME_JOINERS, NAME_SUFFIXES, NOT_NAMES, ORG_HEADS, ORG_WORDS, PARTY_LABELS, PRONOUNS, ROLE_MODIFIERS, SURNAME_ROLES } from './words';

export type UnitKind = 'name' | 'run' | 'role' | 'honorific' | 'place' | 'poss' | 'pronoun' | 'other';

export interface Unit {
  kind: UnitKind;
  /** Token range [first, last). */
  first: number;
  last: number;
  /** 'name': the dictionary entry it names and how. */
  hit?: NameHit;
  /** 'role': the role word. */
  role?: RoleHit;
  /** 'honorific': the title. */
  honorific?: Honorific;
  /** 'run': dictionary names inside the run ("Khamenei" in "Ali Khamenei"). */
  parts?: Unit[];
}

/**
 * A unit, every field present whatever its kind: one object shape for all units keeps the
 * grammar's reads of them fast (V8 optimises a property read for the few shapes it has seen).
 */
function unit(kind: UnitKind, first: number, last: number, parts: Pick<Unit, 'hit' | 'role' | 'honorific' | 'parts'> = {}): Unit {
  return { kind, first, last, hit: parts.hit, role: parts.role, honorific: parts.honorific, parts: parts.parts };
}

/** What the lexer knows of the whole article. */
export interface LexContext {
  tokens: Token[];
  /** Per token: its dictionary key (tokenKey), computed once per article. */
  keys: string[];
  /** Per token: that key's number in the dictionary tries (-1: in no phrase). */
  keyIds: Int32Array;
  index: ActorIndex;
  /** The article's date (YYYY-MM-DD), undefined when it gives none: people's roles depend on it. */
  date: string | undefined;
  /** Words the article writes in lower case somewhere: a capitalised one at a sentence start is a common word. */
  lowerWords: Set<string>;
  /** Per token: the first word of its sentence or clause (after an opening quote, a colon, a dash). */
  clauseInitial: boolean[];
  /** Per token: inside a headline (Title Case line) or a dateline: only dictionary names count there. */
  noUnknownNames: boolean[];
  /** Per token: a dateline ("WASHINGTON —"): a place. */
  dateline: boolean[];
  /** Capitalised words the article's running text uses as names: a headline may use them too. */
  bodyNameWords: Set<string>;
}

// The lexer asks these of nearly every token: plain ASCII, nearly all of them, skips the
// Unicode regular expressions.
function hasLetter(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k) | 32;
    if (c >= 97 && c <= 122) return true;
    if (s.charCodeAt(k) > 127) return /\p{L}/u.test(s);
  }
  return false;
}
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(s);
}
const isAllCaps = (s: string) => hasLetter(s) && s === s.toUpperCase();

/** The longest phrase of `trie` starting at token `i` (hyphens inside the phrase are skipped). */
function longestMatch<T>(trie: TokenTrie<T>, tokens: Token[], keyIds: Int32Array, i: number, end: number): { last: number; values: T[] } | null {
  let node: TrieNode | undefined = trie.root;
  let best: { last: number; values: T[] } | null = null;
  for (let k = i; k < end; k++) {
    if (k > i && isJoiningHyphen(tokens, k)) continue;
    node = trie.step(node, keyIds[k]);
    if (node === undefined) break;
    const values = trie.valuesAt(node);
    if (values?.length) best = { last: k + 1, values };
  }
  return best;
}

/** A clause starts after these: an opening quote or bracket, a colon, a dash. */
const CLAUSE_OPENERS = new Set(['“', '"', '‘', "'", '(', '[', ':', '—', '–', '-']);

/** Builds the article-level context of the lexer. */
export function lexContext(tokens: Token[], paragraphs: { first: number; last: number }[], sentences: { first: number; last: number }[], index: ActorIndex, date: string | undefined): LexContext {
  const keys = new Array<string>(tokens.length);
  const keyIds = new Int32Array(tokens.length);
  const lowerWords = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    keys[k] = tokenKey(t.lower); // the same key as the value's, one lower-casing fewer
    keyIds[k] = index.names.keys.id(keys[k]);
    if ((t.value === t.lower || t.value === t.value.toLowerCase()) && hasLetter(t.value)) lowerWords.add(t.lower);
  }
  const clauseInitial = new Array<boolean>(tokens.length).fill(false);
  for (const s of sentences) {
    if (s.first < s.last) clauseInitial[s.first] = true;
    for (let k = s.first + 1; k < s.last; k++) if (CLAUSE_OPENERS.has(tokens[k - 1].value) && !isJoiningHyphen(tokens, k - 1)) clauseInitial[k] = true;
  }
  const noUnknownNames = new Array<boolean>(tokens.length).fill(false);
  const dateline = new Array<boolean>(tokens.length).fill(false);
  for (const p of paragraphs) {
    const firstToken = sentences[p.first]?.first ?? 0;
    const lastToken = sentences[p.last - 1]?.last ?? 0;
    if (isHeadline(tokens, firstToken, lastToken, clauseInitial)) for (let k = firstToken; k < lastToken; k++) noUnknownNames[k] = true;
    // Dateline: "WASHINGTON — ..." or "BEIRUT (Reuters) -"
    let k = firstToken;
    while (k < lastToken && isAllCaps(tokens[k].value) && tokens[k].value.length > 1) k++;
    if (k > firstToken && k < lastToken && /^[—–(-]$/.test(tokens[k].value)) for (let d = firstToken; d < k; d++) noUnknownNames[d] = dateline[d] = true;
  }
  // A run of capital letters ("VOTERS CARE MORE ABOUT CANDIDATES’ ABILITY …"): a headline
  // written in capitals inside a paragraph; only dictionary names count there, as in a Title
  // Case line (acronyms stand alone or in twos: "US", "NATO", "ISIS").
  markCapitalRuns(tokens, noUnknownNames);
  // Capitalised words of the running text that are proper nouns or stand next to one ("Peter Cook", where wink-nlp tags Cook a verb).
  const bodyNameWords = new Set<string>();
  const capitalisedName = (t: Token | undefined) => !!t && startsUpper(t.value) && hasLetter(t.value) && !NOT_NAMES.has(t.lower);
  for (const t of tokens) {
    if (noUnknownNames[t.i] || clauseInitial[t.i] || !capitalisedName(t)) continue;
    if (t.pos === 'PROPN' || (capitalisedName(tokens[t.i - 1]) && tokens[t.i - 1].pos === 'PROPN')) bodyNameWords.add(keys[t.i]);
  }
  return { tokens, keys, keyIds, index, date, lowerWords, clauseInitial, noUnknownNames, dateline, bodyNameWords };
}

/** Words in capitals in a row, punctuation between them aside, that make a run of capitals rather than acronyms. */
const CAPITAL_RUN = 3;

/** Marks the tokens of every run of CAPITAL_RUN or more words written in capitals (of two letters or more). */
function markCapitalRuns(tokens: Token[], marks: boolean[]): void {
  const isCapitalWord = (t: Token) => t.value.length > 1 && isAllCaps(t.value) && hasLetter(t.value);
  let start = -1, words = 0;
  const close = (end: number) => {
    if (words >= CAPITAL_RUN) for (let k = start; k < end; k++) marks[k] = true;
    start = -1;
    words = 0;
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (isCapitalWord(t)) {
      if (start < 0) start = k;
      words++;
    } else if (!(start >= 0 && t.pos === 'PUNCT' && t.value !== '-' && t.value !== '—' && t.value !== ':' && !t.value.includes('\n'))) close(k);
  }
  close(tokens.length);
}

/** A Title Case line ("Syria's Assad Visits Iran: Deepens Alliance"): no final stop, its long words capitalised. */
function isHeadline(tokens: Token[], first: number, last: number, clauseInitial: boolean[]): boolean {
  if (last - first > 40) return false;
  let end = last - 1;
  while (end > first && /^[”"’')\]]$/.test(tokens[end].value)) end--;
  if (/^[.!?]$/.test(tokens[end].value)) return false;
  const { words, capitalised } = titleCaseCounts(tokens, first, last, (k) => clauseInitial[k]);
  // Title Case: hardly a long word in lower case ("Iran hosts Syria's Assad, slams ..." is a sentence).
  return words >= 1 && words - capitalised <= 1 && capitalised / words >= 0.75;
}

/**
 * The units of tokens [first, last). `asActor`: the words are known to name an actor (a caller's
 * span), so a capital is its government even where it would read as a place.
 */
export function lexUnits(ctx: LexContext, first: number, last: number, asActor = false): Unit[] {
  const units: Unit[] = [];
  for (let i = first; i < last; ) {
    const unit = nextUnit(ctx, i, last, asActor);
    units.push(unit);
    i = unit.last;
  }
  return joinRuns(ctx, units);
}

function nextUnit(ctx: LexContext, i: number, end: number, asActor: boolean): Unit {
  const { tokens } = ctx;
  const t = tokens[i];
  // "(R-Fla.)", "I-Vt.": a party and a state after a politician's name
  if ((t.value === 'R' || t.value === 'D' || t.value === 'I') && isJoiningHyphen(tokens, i + 1) && i + 2 < end) return unit('other', i, i + 3);
  const pronoun = PRONOUNS.get(t.lower);
  // "US" is a country, "us" a pronoun.
  if (pronoun && !(t.lower === 'us' && t.value !== 'us' && t.value !== 'Us')) return unit('pronoun', i, i + 1);
  if ((t.lower === "'s" || t.lower === "'") && t.pos === 'PART') return unit('poss', i, i + 1);

  const name = matchName(ctx, i, end);
  const role = longestMatch(ctx.index.roles, tokens, ctx.keyIds, i, end);
  const honorific = matchHonorific(tokens, ctx.keys, i, end);
  const nameLen = name ? name.last - i : 0;
  const roleLen = role ? role.last - i : 0;
  if (name && nameLen >= roleLen) return asActor && name.hit.form !== 'place' ? unit('name', i, name.last, { hit: name.hit }) : nameUnit(ctx, i, name.last, name.hit);
  if (honorific && honorific.last - i >= roleLen) return unit('honorific', i, honorific.last, { honorific: honorific.info });
  if (role) return unit('role', i, role.last, { role: pickRole(role.values) });
  if (isUnknownNameWord(ctx, i)) return unit('run', i, i + 1, { parts: [] });
  return unit('other', i, i + 1);
}

/** A dictionary name at `i`, capitalised as names are, with the best of its entries. */
function matchName(ctx: LexContext, i: number, end: number): { last: number; hit: NameHit } | null {
  const { tokens, keys, index } = ctx;
  const m = longestMatch(index.names, tokens, ctx.keyIds, i, end);
  if (!m) return null;
  for (let k = i; k < m.last; k++) {
    const v = tokens[k].value;
    if (!hasLetter(v) || NAME_PARTICLES.has(keys[k])) continue;
    if (!startsUpper(v)) return null;
  }
  const hit = bestHit(ctx, m.values);
  if (m.last - i === 1) {
    const v = tokens[i].value;
    const entry = index.entries[hit.entry];
    const countryForm = entry.type === 'country';
    // Short acronyms must be written in capitals: "US", "UN", "SANA" (not "us", "Sana").
    if (v.replace(/\./g, '').length <= (countryForm || index.isPerson[hit.entry] ? 3 : 4) && !isAllCaps(v)) return null;
    // A common word opening a sentence is not a name ("Target", "Falcon").
    if (!countryForm && ctx.clauseInitial[i] && tokens[i].pos !== 'PROPN') return null;
  }
  return { last: m.last, hit };
}

/** Names beat places; among entries, the one active at the article's date, then dictionary order. */
function bestHit(ctx: LexContext, hits: NameHit[]): NameHit {
  let best = hits[0];
  let bestScore = -1;
  for (const hit of hits) {
    const entry = ctx.index.entries[hit.entry];
    let score = hit.form === 'place' ? 0 : 10;
    if (entry.type === 'country') score += 3;
    if (entry.roles?.length && roleAt(entry, ctx.date)) score += 5;
    if (!entry.roles?.length && entry.type !== 'person') score += 4;
    if (score > bestScore) {
      best = hit;
      bestScore = score;
    }
  }
  return best;
}

function nameUnit(ctx: LexContext, first: number, last: number, hit: NameHit): Unit {
  const { tokens } = ctx;
  if (hit.form === 'place' || ctx.dateline[first]) return unit('place', first, last);
  if (hit.form === 'capital') {
    // "talks in Tehran": a place; "the Astana process": an adjective. "Tehran said": the government.
    const before = tokens[first - 1];
    const after = tokens[last];
    if (before && LOCATIVE_PREPOSITIONS.has(before.lower)) return unit('place', first, last);
    if (after && after.pos === 'NOUN' && after.value === after.lower && !ctx.index.roles.get([ctx.keys[last]]).length) return unit('other', first, last);
  }
  return unit('name', first, last, { hit });
}

function pickRole(values: RoleHit[]): RoleHit {
  return values[values.length - 1];
}

function matchHonorific(tokens: Token[], keys: string[], i: number, end: number): { last: number; info: Honorific } | null {
  const t = tokens[i];
  if (!startsUpper(t.value)) return null;
  const key = keys[i];
  const next = tokens[i + 1];
  if (key === 'grand' && next && i + 1 < end && keys[i + 1] === 'ayatollah') return { last: i + 2, info: HONORIFICS.get('grand ayatollah')! };
  const info = HONORIFICS.get(key);
  if (!info) return null;
  // "Gen." and "Sen." are titles only before a name.
  if (info.role && !t.value.endsWith('.') && !(next && startsUpper(next.value))) return null;
  return { last: i + 1, info };
}

/** A capitalised word that may be part of an unknown name. */
function isUnknownNameWord(ctx: LexContext, i: number): boolean {
  const t = ctx.tokens[i];
  const v = t.value;
  if (ctx.dateline[i] || !startsUpper(v) || !hasLetter(v)) return false;
  if (ctx.noUnknownNames[i] && !ctx.bodyNameWords.has(ctx.keys[i])) return false;
  if (NOT_NAMES.has(t.lower.replace(/\.$/, '')) || ROLE_MODIFIERS.has(t.lower)) return false;
  if (/ism$/.test(t.lower)) return false; // "Communism", "Progressivism": ideas, not actors
  if (/^(DET|PRON|ADP|CCONJ|SCONJ|AUX|PART|INTJ|NUM|PUNCT|SYM)$/.test(t.pos)) return false;
  // At a sentence start a capitalised common word is no name, unless the text uses it as one elsewhere ("Cook said" after "Tim Cook").
  if (ctx.clauseInitial[i]) return (t.pos === 'PROPN' && !ctx.lowerWords.has(t.lower) && !isOpeningModifier(ctx.tokens, i)) || ctx.bodyNameWords.has(ctx.keys[i]);
  return true;
}

/** Endings of participles and adjectives: "Blistering", "Sweeping", "Heated", "Massive", "Furious", "Fruitless". */
const MODIFIER_ENDING = /.{3}(?:ing|ed|ive|ous|ful|less)$/;

/**
 * A word opening its sentence with a participle's or adjective's ending, before a lower-case
 * noun or adjective it qualifies ("Blistering criticism greeted …", "Sweeping sanctions hit …"):
 * wink tags it a proper noun there, but a name before a common noun is rare at a sentence
 * start and dictionary names ("Beijing officials") never come here.
 */
function isOpeningModifier(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return !!next && MODIFIER_ENDING.test(tokens[i].lower) && !startsUpper(next.value) && (next.pos === 'NOUN' || next.pos === 'ADJ');
}

const isCapitalised = (tokens: Token[], unit: Unit) => {
  for (let k = unit.first; k < unit.last; k++) if (!startsUpper(tokens[k].value)) return false;
  return true;
};

/** Do the capitalised words from unit `u` on end with an organisation's word ("... Coalition", "... Agency")? */
function endsWithOrgWord(ctx: LexContext, units: Unit[], u: number): boolean {
  let v = u;
  while (units[v + 1] && (units[v + 1].kind === 'run' || units[v + 1].kind === 'name') && units[v + 1].first === units[v].last) v++;
  const key = ctx.keys[units[v].last - 1];
  return ORG_WORDS.has(key) || MEDIA_WORDS.has(key) || ARMED_WORDS.has(key);
}

/**
 * A run of one word must be a proper noun ("Taught" in a Title Case phrase is not a name), a word
 * the text uses as a name elsewhere, or follow a title ("Mr. Hedge", which wink-nlp tags a verb).
 */
function isSingleNameWord(ctx: LexContext, i: number, afterTitle: boolean): boolean {
  const t = ctx.tokens[i];
  return afterTitle || t.pos === 'PROPN' || t.pos === 'X' || ctx.bodyNameWords.has(ctx.keys[i]);
}

// ---------- runs ----------

/** Units that may join a run of capitalised words. */
function joinable(ctx: LexContext, u: Unit): boolean {
  if (u.kind === 'run') return true;
  if (u.kind === 'place') return !ctx.dateline[u.first];
  if (u.kind !== 'name' || !u.hit) return false;
  return !ctx.noUnknownNames[u.first] || ctx.bodyNameWords.has(ctx.keys[u.first]);
}

/**
 * Joins capitalised words (and dictionary names next to them) into runs: "Qasem Soleimani",
 * "Washington Post", "Donald Trump Jr.", "Bank of America". Lower-case particles ("al", "bin")
 * and hyphens join two capitalised words; a dictionary name alone stays a name.
 */
function joinRuns(ctx: LexContext, units: Unit[]): Unit[] {
  const { tokens } = ctx;
  const out: Unit[] = [];
  for (let u = 0; u < units.length; u++) {
    // A capitalised role word opening an organisation's name: "Media Research Center"
    const opensName = units[u].kind === 'role' && units[u + 1]?.kind === 'run' && units[u].last === units[u + 1].first && isCapitalised(tokens, units[u]) && !ctx.clauseInitial[units[u].first] && endsWithOrgWord(ctx, units, u + 1);
    if (!joinable(ctx, units[u]) && !opensName) {
      out.push(units[u]);
      continue;
    }
    // "Democrat Dianne Feinstein", "Conservative Boris Johnson": a party label before a person's
    // name qualifies the person, and is no part of the name ("Liberal Democrats", "Conservative Solutions
    // PAC" stay whole).
    const next = units[u + 1];
    const person = !!next && (next.kind === 'run' || (next.kind === 'name' && !!next.hit && ctx.index.isPerson[next.hit.entry]));
    if (PARTY_LABELS.has(ctx.keys[units[u].first]) && units[u].last - units[u].first === 1 && person && next.first === units[u].last && !endsWithOrgWord(ctx, units, u + 1)) {
      out.push(units[u].kind === 'name' ? units[u] : unit('other', units[u].first, units[u].last));
      continue;
    }
    const members: Unit[] = [units[u]];
    let v = u + 1;
    for (; v < units.length; v++) {
      const unit = units[v];
      if (joinable(ctx, unit) && unit.first === members[members.length - 1].last) {
        members.push(unit);
        continue;
      }
      // A joiner between two capitalised words: "al", "bin", a hyphen, "of" after an organisation word.
      const next = units[v + 1];
      if (unit.kind === 'other' && next && joinable(ctx, next) && unit.last === next.first) {
        const t = tokens[unit.first];
        const prevKey = ctx.keys[members[members.length - 1].last - 1];
        const joiner = NAME_JOINERS.has(t.lower) || isJoiningHyphen(tokens, unit.first) || (t.lower === 'of' && ORG_HEADS.has(prevKey));
        if (joiner) {
          members.push(unit);
          continue;
        }
      }
      // A capitalised role word inside an organisation's name: "Republican Jewish Coalition"
      if (unit.kind === 'role' && next && next.kind === 'run' && unit.last === next.first && isCapitalised(tokens, unit) && endsWithOrgWord(ctx, units, v + 1)) {
        members.push(unit);
        continue;
      }
      // "Stephen King", "Phoebe Prince", "Angus King": a role word that is also a surname, after
      // an unknown name and before none ("Saudi King Salman" is a title; in "Arnor's King" the
      // possessive ends the run before the role).
      if (unit.kind === 'role' && SURNAME_ROLES.has(ctx.keys[unit.first]) && isCapitalised(tokens, unit) && members.every((m) => m.kind === 'run') &&
        !(next && (next.kind === 'run' || next.kind === 'name') && next.first === unit.last) && !DETERMINERS.has(ctx.keys[members[0].first - 1] ?? '')) {
        members.push(unit);
        continue;
      }
      // "Jr.", "III"
      if (unit.kind === 'other' && NAME_SUFFIXES.has(ctx.keys[unit.first]) && startsUpper(tokens[unit.first].value)) {
        members.push(unit);
        continue;
      }
      break;
    }
    u = v - 1;
    const hasUnknown = members.some((m) => m.kind === 'run') && !(members.length === 1 && members[0].kind === 'role');
    if (!hasUnknown) {
      out.push(...members.filter((m) => m.kind !== 'other'));
      continue;
    }
    // A place standing after a title is a surname ("Mr. Rhodes"); elsewhere a place stays a place.
    if (members.length === 1 && members[0].kind === 'place') {
      out.push(members[0]);
      continue;
    }
    const afterTitle = out.length > 0 && (out[out.length - 1].kind === 'honorific' || (out[out.length - 1].kind === 'role' && isCapitalised(tokens, out[out.length - 1])));
    if (members.length === 1 && !isSingleNameWord(ctx, members[0].first, afterTitle)) {
      out.push(unit('other', members[0].first, members[0].last));
      continue;
    }
    out.push(unit('run', members[0].first, members[members.length - 1].last, { parts: members.filter((m) => m.kind === 'name') }));
  }
  return out;
}
