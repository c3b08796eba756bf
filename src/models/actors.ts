// The actor dictionary: who can be named in an article, under which names, with which CAMEO
// code. models/actors.json is built by scripts/build-actors.ts from the PETRARCH2 / Phoenix
// dictionaries (Open Event Data Alliance, MIT: see models/NOTICE.md); a user's own file in the
// same format adds actors or overrides them by id.
//
// compileActorIndex() turns the dictionaries into what the actors pass matches against: a trie
// over lower-cased name tokens (names, demonyms, capitals, places), a trie of role words
// ("foreign minister" → GOV) and the country table. It runs once at start-up.
import fs from 'node:fs';
import { z } from 'zod';
import type { ActorType } from '../analysis/types';
import { KeyTable, TokenTrie } from './token-trie';

// ---------- the file format ----------

export interface ActorRole {
  /** CAMEO code held in this period (SYRGOV, USAGOV, IRNMIL, LBNREBHEZ ...). */
  code: string;
  /** YYYY-MM-DD, inclusive; absent: since always. */
  from?: string;
  /** YYYY-MM-DD, exclusive; absent: still. */
  to?: string;
}

export interface ActorEntry {
  /** Countries, bodies and groups: their CAMEO code (IRN, SYRGOV, LBNREBHEZ) or a stable key;
   *  people: a stable key (BASHAR_AL_ASSAD). In an article, an entry with `roles` is the actor of
   *  its role at the article's date; an entry without `roles` is the actor `id`. */
  id: string;
  /** Display name: "Bashar al-Assad", "Iran". */
  name: string;
  type: ActorType;
  /** ISO3 / CAMEO country code of the actor, when it has one. */
  country: string | null;
  /** Surface forms, matched case-insensitively on token boundaries ("Bashar al-Assad", "Assad"). */
  names: string[];
  /** Countries: the adjective and the people ("Iranian", "Iranians"); the first is the adjective
   *  used in labels ("Iranian government"). */
  demonyms?: string[];
  /** Countries: capitals, metonyms of the government ("Tehran said" → IRNGOV). */
  capitals?: string[];
  /** Countries: other places in the country (cities, provinces). They are not actors: a place
   *  name is recognised so that it is not mistaken for an unknown actor. */
  places?: string[];
  /** Dated role codes, PETRARCH style; a role without dates is the default. */
  roles?: ActorRole[];
}

/** A word or phrase naming a role, combined with a country or body: "Syrian rebels" → SYRREB. */
export interface RoleWord {
  /** Lower-case singular phrase: "foreign minister". */
  phrase: string;
  /** Plural forms ("foreign ministers"); none for mass nouns ("police"). */
  plurals?: string[];
  /** CAMEO role code (GOV, MIL, REB, GOVMED ...); its first three letters make the actor id. */
  code: string;
  /** 'person': one holder of the role (minister); 'body': an institution or a group (ministry, army). */
  kind: 'person' | 'body';
  /** Grammatical gender of the person noun, when the word tells it (spokeswoman). */
  gender?: 'm' | 'f';
  /** May stand alone as a description ("the minister said", "officials said", "the rebels"). */
  bare?: boolean;
  /** The phrase itself is plural ("troops", "police"). */
  plural?: boolean;
}

export interface ActorDictionary {
  actors: ActorEntry[];
  roleWords?: RoleWord[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACTOR_TYPES = ['country', 'government', 'person', 'organisation', 'igo', 'armed-group', 'group', 'media', 'author', 'unknown'] as const;

const roleSchema = z.object({
  code: z.string().min(3),
  from: z.string().regex(DATE, 'a date as YYYY-MM-DD').optional(),
  to: z.string().regex(DATE, 'a date as YYYY-MM-DD').optional(),
});
const entrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(ACTOR_TYPES),
  country: z.string().min(3).nullable(),
  names: z.array(z.string().min(1)),
  demonyms: z.array(z.string().min(1)).optional(),
  capitals: z.array(z.string().min(1)).optional(),
  places: z.array(z.string().min(1)).optional(),
  roles: z.array(roleSchema).optional(),
});
const roleWordSchema = z.object({
  phrase: z.string().min(1),
  plurals: z.array(z.string().min(1)).optional(),
  code: z.string().min(3),
  kind: z.enum(['person', 'body']),
  gender: z.enum(['m', 'f']).optional(),
  bare: z.boolean().optional(),
  plural: z.boolean().optional(),
});
const dictionarySchema = z.object({
  actors: z.array(entrySchema),
  roleWords: z.array(roleWordSchema).optional(),
});

/** Reads and validates an actor dictionary file; the error names the file and the bad entry. */
export function readActorDictionary(file: string): ActorDictionary {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`actor dictionary ${file}: ${(err as Error).message}`);
  }
  const parsed = dictionarySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = describeIssuePath(data, issue.path);
    throw new Error(`actor dictionary ${file}: ${where}: ${issue.message}`);
  }
  return parsed.data;
}

function describeIssuePath(data: unknown, path: PropertyKey[]): string {
  const [list, index, ...rest] = path;
  if (typeof index !== 'number') return path.join('.') || '(top level)';
  const item = (data as Record<string, unknown[]>)[String(list)]?.[index] as { id?: unknown; phrase?: unknown } | undefined;
  const label = item?.id ?? item?.phrase;
  const named = typeof label === 'string' ? ` (${JSON.stringify(label)})` : '';
  return `${String(list)}[${index}]${named}${rest.length ? '.' + rest.join('.') : ''}`;
}

// ---------- names as tokens ----------

/** Words that may be lower-case inside a name ("Bashar al-Assad", "Bank of England"). */
export const NAME_PARTICLES = new Set([
  'al', 'el', 'ad', 'ash', 'as', 'an', 'ar', 'at', 'az', 'bin', 'ibn', 'bint', 'ben', 'de', 'da', 'das', 'do', 'dos', 'du', 'del', 'della',
  'di', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'y', 'of', 'the', 'and', 'for', 'on', 'in', "'s", 'e', 'wa', 'wal', 'fi',
]);
/** Particles dropped to compare person names: "Bashar Assad" is "Bashar al-Assad". */
const DROPPABLE_PARTICLES = new Set(['al', 'el', 'ad', 'ash', 'as', 'an', 'ar', 'at', 'az']);

/** The key one text token is matched by: lower case, no diacritics, no dots ("U.S." → "us"). */
export function tokenKey(value: string): string {
  const lower = value.toLowerCase();
  // ASCII, nearly every token, skips the Unicode work (a loop: this runs for every token of every article).
  let letter = false, onlyLetters = true;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c > 127) return unicodeKey(lower);
    if (c >= 97 && c <= 122) letter = true;
    else onlyLetters = false;
  }
  if (onlyLetters) return lower;
  const plain = lower.includes('`') ? lower.replace(/`/g, "'") : lower;
  return letter && plain.includes('.') ? plain.replace(/\./g, '') : plain;
}

function unicodeKey(lower: string): string {
  const plain = foldDiacritics(lower).replace(/[\u2019\u2018`]/g, "'");
  return /\p{L}/u.test(plain) ? plain.replace(/\./g, '') : plain;
}

export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * A dictionary phrase as the keys of the tokens wink-nlp makes of it: "BASHAR_AL-ASSAD" →
 * bashar al assad, "SYRIA'S_ARMY" → syria 's army. Hyphens are dropped (the matcher skips hyphen
 * tokens inside names) and parenthesised parts ("(ALF)") left out.
 */
export function phraseKeys(phrase: string): string[] {
  const cleaned = phrase.includes('(') ? phrase.replace(/\([^)]*\)/g, ' ') : phrase;
  const keys: string[] = [];
  for (const raw of cleaned.split(/[-_\s,;:!?"()[\]{}]+/)) {
    if (!raw || raw === "'") continue;
    const word = raw.replace(/[\u2019\u2018`]/g, "'");
    if (word.length > 2 && /'s$/i.test(word)) keys.push(tokenKey(word.slice(0, -2)), "'s");
    else keys.push(tokenKey(word));
  }
  return keys;
}

/** The comparison key of a person's name: tokens without the droppable particles. */
export function personNameKey(keys: string[]): string {
  return keys.filter((k) => !DROPPABLE_PARTICLES.has(k)).join(' ');
}

/** A stable slug for ids derived from a name: "Qasem Soleimani" → qasem-soleimani. */
export function slugify(name: string): string {
  return foldDiacritics(name)
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------- roles by date ----------

/**
 * The role code an entry holds on `date` (YYYY-MM-DD): the dated role in force that began last,
 * else the undated default, else null. With no date (an article that gives none) only the
 * undated default counts: who held an office when is not known.
 */
export function roleAt(entry: Pick<ActorEntry, 'roles'>, date: string | undefined): string | null {
  let best: ActorRole | null = null;
  let fallback: string | null = null;
  for (const role of entry.roles ?? []) {
    if (!role.from && !role.to) {
      fallback ??= role.code;
      continue;
    }
    if (date === undefined || (role.from && date < role.from) || (role.to && date >= role.to)) continue;
    if (!best || (role.from ?? '') > (best.from ?? '')) best = role;
  }
  return best?.code ?? fallback;
}

/** The actor id an entry stands for on `date`: its role then, or its own id when it has no roles. */
export function entryActorId(entry: ActorEntry, date: string | undefined): string | null {
  if (!entry.roles?.length) return entry.id;
  const code = roleAt(entry, date);
  return code && actorCode(code);
}

/** Sector codes after the first role only refine it (USAGOVMIL is the US government); group codes name a group (PSEREBHMS). */
const SECTOR_CODES = new Set(
  'GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LAB LEG HLH REF AGR ENV HRI DEV ELI UAF INS MOD RAD SEP MUS CHR JEW BUD HIN REL PPL SET IND'.split(' '),
);

/** The actor id of a dictionary code: the country and its first role, with any named group ("USAGOVMIL" → USAGOV, "PSEREBHMS" stays). */
export function actorCode(code: string): string {
  const parts = code.match(/.{1,3}/g) ?? [code];
  // A government's legislature or judiciary is that, not the executive (IRNGOVLEG → IRNLEG).
  if (parts[1] === 'GOV' && (parts[2] === 'LEG' || parts[2] === 'JUD')) parts.splice(1, 1);
  if (parts.length <= 2) return parts.join('');
  const kept = parts.slice(0, 2);
  for (const part of parts.slice(2)) if (!SECTOR_CODES.has(part)) kept.push(part);
  return kept.join('');
}

// ---------- the compiled index ----------

/** How a dictionary name names its entry. */
export type NameForm = 'name' | 'demonym' | 'capital' | 'place';

export interface NameHit {
  entry: number;
  form: NameForm;
  /** The tokens of the name as written in the dictionary (for display). */
  length: number;
}

export interface RoleHit {
  word: RoleWord;
  /** The first three letters of the code: the role in actor ids (GOVMED → GOV). */
  role: string;
  plural: boolean;
}

export interface CountryInfo {
  code: string;
  name: string;
  /** "Syrian": for labels such as "Syrian government". */
  adjective: string;
  entry: number;
}

export interface ActorIndex {
  entries: ActorEntry[];
  byId: Map<string, number>;
  names: TokenTrie<NameHit>;
  roles: TokenTrie<RoleHit>;
  countries: Map<string, CountryInfo>;
  /** Entries that are people (type 'person'). */
  isPerson: boolean[];
  /** First tokens of people's multi-word names: a capitalised word in this set opens a person's name. */
  firstNames: Set<string>;
  /** For each person entry, the first tokens of its names ("Ali Khamenei" is Khamenei, "Eric Trump" is not Trump). */
  givenNames: Map<number, Set<string>>;
}

/** Compiles dictionaries; a later dictionary adds entries and replaces earlier ones with the same id. */
export function compileActorIndex(dictionaries: ActorDictionary[]): ActorIndex {
  const byId = new Map<string, number>();
  const entries: ActorEntry[] = [];
  const roleWords = new Map<string, RoleWord>();
  for (const dictionary of dictionaries) {
    for (const entry of dictionary.actors) {
      const at = byId.get(entry.id);
      if (at === undefined) {
        byId.set(entry.id, entries.length);
        entries.push(entry);
      } else entries[at] = entry;
    }
    for (const word of dictionary.roleWords ?? []) roleWords.set(word.phrase.toLowerCase(), word);
  }

  // Names and role words share one key table: a text's tokens are numbered once for both.
  const keyTable = new KeyTable();
  const names = new TokenTrie<NameHit>(keyTable);
  const countries = new Map<string, CountryInfo>();
  const isPerson = entries.map((e) => e.type === 'person');
  const firstNames = new Set<string>();
  const givenNames = new Map<number, Set<string>>();
  entries.forEach((entry, i) => {
    // Each phrase once per entry ("Bashar al-Assad" is its name and one of its names).
    const add = (keys: string[], form: NameForm) => {
      if (keys.length) names.insert(keys, { entry: i, form, length: keys.length }, (v) => v.entry === i && v.form === form);
    };
    for (const name of [entry.name, ...entry.names]) {
      const all = phraseKeys(name);
      // "The Islamic State" is found as "Islamic State": the phrase grammar reads the article.
      const keys = all.length > 1 && all[0] === 'the' ? all.slice(1) : all;
      add(keys, 'name');
      // "Bashar al-Assad" is also found as "Bashar Assad".
      if (isPerson[i]) {
        const short = keys.filter((k) => !DROPPABLE_PARTICLES.has(k));
        if (short.length > 1 && short.length < keys.length) add(short, 'name');
        if (keys.length > 1 && !NAME_PARTICLES.has(keys[0])) {
          firstNames.add(keys[0]);
          if (!givenNames.has(i)) givenNames.set(i, new Set());
          givenNames.get(i)!.add(keys[0]);
        }
      }
    }
    for (const d of entry.demonyms ?? []) add(phraseKeys(d), 'demonym');
    for (const c of entry.capitals ?? []) add(phraseKeys(c), 'capital');
    for (const p of entry.places ?? []) add(phraseKeys(p), 'place');
    if (entry.type === 'country') {
      const adjective = entry.demonyms?.[0] ?? entry.name;
      countries.set(entry.id, { code: entry.id, name: entry.name, adjective, entry: i });
    }
  });

  const roles = new TokenTrie<RoleHit>(keyTable);
  for (const word of roleWords.values()) {
    const role = word.code.replace(/^~/, '').slice(0, 3);
    roles.insert(phraseKeys(word.phrase), { word, role, plural: word.plural ?? false });
    for (const plural of word.plurals ?? []) roles.insert(phraseKeys(plural), { word, role, plural: true });
  }
  return { entries, byId, names, roles, countries, isPerson, firstNames, givenNames };
}

// ---------- describing actors (GET /actors) ----------

export interface ActorSummary {
  id: string;
  name: string;
  type: ActorType;
  country: string | null;
  names: string[];
  roles?: ActorRole[];
}

/** Labels of the role codes in composite ids ("SYR" + "GOV" → "Syrian government"). */
const ROLE_LABELS: Record<string, { label: string; type: ActorType }> = {
  GOV: { label: 'government', type: 'government' },
  MIL: { label: 'military', type: 'government' },
  LEG: { label: 'legislature', type: 'government' },
  JUD: { label: 'judiciary', type: 'government' },
  COP: { label: 'police', type: 'government' },
  SPY: { label: 'intelligence services', type: 'government' },
  REB: { label: 'rebels', type: 'armed-group' },
  INS: { label: 'insurgents', type: 'armed-group' },
  UAF: { label: 'armed groups', type: 'armed-group' },
  OPP: { label: 'opposition', type: 'group' },
  PTY: { label: 'political parties', type: 'group' },
  MED: { label: 'media', type: 'media' },
  ELI: { label: 'elites', type: 'group' },
  CVL: { label: 'civilians', type: 'group' },
  PPL: { label: 'people', type: 'group' },
  BUS: { label: 'business', type: 'organisation' },
  EDU: { label: 'education', type: 'organisation' },
  HLH: { label: 'health sector', type: 'organisation' },
  REL: { label: 'religious groups', type: 'group' },
  LAB: { label: 'labour', type: 'group' },
  AGR: { label: 'agriculture', type: 'group' },
  ENV: { label: 'environmental groups', type: 'group' },
  HRI: { label: 'human rights groups', type: 'organisation' },
  REF: { label: 'refugees', type: 'group' },
  CRM: { label: 'criminals', type: 'group' },
  MUS: { label: 'Muslims', type: 'group' },
  CHR: { label: 'Christians', type: 'group' },
  JEW: { label: 'Jews', type: 'group' },
};

export function roleLabel(role: string): { label: string; type: ActorType } {
  return ROLE_LABELS[role] ?? { label: role, type: 'group' };
}

/** What a composite CAMEO id names: "SYRGOV" → Syrian government; null if it is not one. */
export function describeCompositeId(index: ActorIndex, id: string): ActorSummary | null {
  const country = index.countries.get(id.slice(0, 3));
  const role = id.slice(3, 6);
  if (id.length < 6) return null;
  const owner = country ? country.adjective : id.startsWith('---') ? 'Unidentified' : null;
  if (!owner) return null;
  const { label, type } = roleLabel(role);
  return { id, name: `${owner} ${label}`, type, country: country?.code ?? null, names: [] };
}

export interface ActorCatalogue {
  /** Every dictionary entry, in dictionary order. */
  list(): ActorSummary[];
  /** An entry by its id, or a composite CAMEO id (SYRGOV) described from its country and role. */
  get(id: string): ActorSummary | undefined;
}

/** The catalogue behind GET /actors and GET /actors/:id. */
export function actorsById(index: ActorIndex): ActorCatalogue {
  const summary = (e: ActorEntry): ActorSummary => ({
    id: e.id,
    name: e.name,
    type: e.type,
    country: e.country,
    names: e.names,
    ...(e.roles ? { roles: e.roles } : {}),
  });
  return {
    list: () => index.entries.map(summary),
    get: (id) => {
      const at = index.byId.get(id);
      if (at !== undefined) return summary(index.entries[at]);
      return describeCompositeId(index, id) ?? undefined;
    },
  };
}
