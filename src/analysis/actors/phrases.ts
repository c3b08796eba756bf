// The noun phrases that name actors, read from a sentence's units:
//
//   [det] [modifiers] [qualifiers] [roles] [titles] [name]
//   the   senior      Syrian       regime leader
//                     US           Vice President          Mike Pence
//                     Iran 's      Supreme leader  Ayatollah Khamenei
//         the         Assad        regime
//                     US-backed    rebels            (US is a relation, the rebels the actor)
//   the two nations                                  (a group of actors named before)
//
// A qualifier is a dictionary name or an unknown capitalised run, possessive or not; the phrase
// without roles, titles or name is its qualifier alone ("Iran", "Iranian support").
import type { Token } from '../types';
import { isJoiningHyphen } from '../grammar';
import { type LexContext, type Unit } from './lexical';
import { COUNTRY_NOUNS, DETERMINERS, EVENT_NOUNS, GENERIC_HEADS, type GenericKind, GROUP_NOUNS, INDEFINITE, INDIVIDUAL_NOUNS, NUMBER_WORDS, PARTY_MEMBERS, POLL_SHARES, PRONOUNS, RELATION_PARTICIPLES, ROLE_MODIFIERS } from './words';

export interface Qualifier {
  unit: Unit;
  possessive: boolean;
}

export type Phrase =
  | {
      kind: 'actor';
      first: number;
      last: number;
      det?: string;
      quals: Qualifier[];
      roles: Unit[];
      honorifics: Unit[];
      head?: Unit;
      /** "the government of Gondor": the qualifier after the role. */
      ofQual?: Unit;
      /** The backer in "US-backed rebels": a mention, but no context for "the rebels". */
      relation?: boolean;
    }
  | { kind: 'pronoun'; first: number; last: number; token: Token }
  | { kind: 'possessive-pronoun'; first: number; last: number; token: Token; roles: Unit[]; countryNoun: boolean }
  | { kind: 'group'; first: number; last: number }
  | { kind: 'generic'; first: number; last: number; noun: string; generic: GenericKind; plural: boolean; definite: boolean };

export type ActorPhrase = Extract<Phrase, { kind: 'actor' }>;

/** The phrases of one sentence (or of a caller's span), in text order. */
export function parsePhrases(ctx: LexContext, units: Unit[]): Phrase[] {
  const phrases: Phrase[] = [];
  for (let u = 0; u < units.length; ) {
    const found = parseAt(ctx, units, u);
    if (!found) {
      u++;
      continue;
    }
    for (const p of found.phrases) {
      // The share a poll counts is people described, of no actor: "they" after it is theirs.
      if (p.kind === 'actor' && isPollShare(ctx.tokens, p.first)) phrases.push({ kind: 'generic', first: p.first, last: p.last, noun: 'share', generic: 'nobody', plural: true, definite: false });
      else phrases.push(p);
    }
    u = found.next;
  }
  return phrases;
}

/** Does the phrase at token `first` name the group a share of which a poll counts ("28 percent of Republicans supported X")? It is no actor there. */
function isPollShare(tokens: Token[], first: number): boolean {
  const of = tokens[first - 1];
  return of?.lower === 'of' && POLL_SHARES.has(tokens[first - 2]?.lower ?? '');
}

const tokenOf = (ctx: LexContext, unit: Unit | undefined) => (unit ? ctx.tokens[unit.first] : undefined);
const isOther = (unit: Unit | undefined, words: Set<string> | ReadonlySet<string>, ctx: LexContext) =>
  !!unit && unit.kind === 'other' && words.has(ctx.tokens[unit.first].lower);

function parseAt(ctx: LexContext, units: Unit[], start: number): { phrases: Phrase[]; next: number } | null {
  const unit = units[start];
  if (unit.kind === 'pronoun') return parsePronoun(ctx, units, start);
  if (unit.kind === 'other' && !PHRASE_OPENERS.has(ctx.tokens[unit.first].lower) && !isModifier(ctx, unit)) return null;
  const group = parseGroup(ctx, units, start);
  if (group) return group;
  // Most words open no actor phrase: at most a generic description ("voters").
  if (unit.kind === 'place' || unit.kind === 'poss' || (unit.kind === 'other' && !isOther(unit, DETERMINERS, ctx) && !isModifier(ctx, unit))) return parseGeneric(ctx, units, start, undefined);

  let u = start;
  let det: string | undefined;
  if (isOther(units[u], DETERMINERS, ctx)) det = ctx.tokens[units[u++].first].lower;
  const afterDet = u;
  while (units[u] && units[u].kind === 'other' && isModifier(ctx, units[u])) u++;

  const quals: Qualifier[] = [];
  const relations: Unit[] = [];
  while (units[u] && (units[u].kind === 'name' || units[u].kind === 'run')) {
    // "US-backed": a relation, not a qualifier
    if (isRelation(ctx, units, u)) {
      relations.push(units[u]);
      u += 3;
      while (units[u] && units[u].kind === 'other' && isModifier(ctx, units[u])) u++;
      continue;
    }
    const possessive = units[u + 1]?.kind === 'poss';
    quals.push({ unit: units[u], possessive });
    u += possessive ? 2 : 1;
    // "Iran's top general", "Iranian Deputy Foreign Minister", "Gondor border police": words
    // between the qualifier and its role
    let v = u;
    while (units[v] && units[v].kind === 'other' && v - u < 3 && (isModifier(ctx, units[v]) || isNounModifier(ctx, units[v]))) v++;
    if (v > u && units[v] && units[v].kind === 'role') u = v;
  }
  const roles: Unit[] = [];
  while (units[u] && units[u].kind === 'role') roles.push(units[u++]);
  const honorifics: Unit[] = [];
  while (units[u] && units[u].kind === 'honorific') honorifics.push(units[u++]);
  let head: Unit | undefined;
  if ((roles.length || honorifics.length) && units[u] && (units[u].kind === 'name' || units[u].kind === 'run' || (units[u].kind === 'place' && honorifics.length > 0))) head = units[u++];

  const relationPhrases: Phrase[] = relations.map((r) => actorPhrase(r.first, r.last, { quals: [], roles: [], honorifics: [], head: r, relation: true }));

  // "the president of Iran", "the government of Gondor"
  let ofQual: Unit | undefined;
  if (roles.length && !head && !honorifics.length && isOther(units[u], new Set(['of']), ctx)) {
    let v = u + 1;
    if (isOther(units[v], new Set(['the']), ctx)) v++;
    if (units[v] && (units[v].kind === 'name' || units[v].kind === 'run') && units[v + 1]?.kind !== 'poss') {
      ofQual = units[v];
      u = v + 1;
    }
  }

  if (!roles.length && !honorifics.length) {
    if (!quals.length) return genericOrRelations(ctx, units, start, det, relationPhrases, u);
    // "a Russian man", "the Democratic polling firm Acme", "a Trump supporter": one person or
    // body of that origin or side; "the Iraq war", "the Iran nuclear deal": an event or an
    // issue about it ("the Israel-Hamas war", "the Clinton-Warren meeting": each of them). Neither
    // is the country or the party itself.
    if (quals.every((q) => !q.possessive) && onlyDescribes(ctx, units, u)) return { phrases: relationPhrases, next: u };
    // "the Republican", "a Democrat", "the South Carolina Republican": one member, not the party.
    const placeBefore = units[start - 1]?.kind === 'place' && isOther(units[start - 2], DETERMINERS, ctx);
    if ((det || placeBefore) && isPartyMember(ctx, quals[quals.length - 1], units[u])) return { phrases: relationPhrases, next: u };
    return { phrases: [...relationPhrases, ...qualifierPhrases(ctx, units, quals, det, afterDet)], next: u };
  }
  if (!head && !honorifics.length && !quals.length && !ofQual && !bareRoleAllowed(ctx, roles)) {
    return genericOrRelations(ctx, units, start, det, relationPhrases, u);
  }
  if (!head && honorifics.length && !roles.length) return relationPhrases.length ? { phrases: relationPhrases, next: u } : null;

  const lastUnit = ofQual ?? head ?? (honorifics.length ? honorifics[honorifics.length - 1] : roles[roles.length - 1]);
  const firstUnit = quals[0]?.unit ?? roles[0] ?? honorifics[0];
  const first = det && relations.length === 0 ? units[start].first : firstUnit.first;
  const phrase = actorPhrase(first, lastUnit.last, { det, quals, roles, honorifics, head, ofQual });
  return { phrases: [...relationPhrases, phrase], next: u };
}

/** When no actor phrase starts here: a generic description ("the company", "voters"), else the relations alone. */
function genericOrRelations(ctx: LexContext, units: Unit[], start: number, det: string | undefined, relations: Phrase[], next: number): { phrases: Phrase[]; next: number } | null {
  const generic = relations.length ? null : parseGeneric(ctx, units, start, det);
  if (generic) return generic;
  return relations.length ? { phrases: relations, next } : null;
}

const IRREGULAR_PLURALS = new Map([['men', 'man'], ['women', 'woman'], ['people', 'people'], ['public', 'public']]);

/** Each written form of a generic noun ("voters", "men", "company") → the noun and its kind. */
const GENERIC_FORMS = new Map<string, { noun: string; generic: GenericKind }>();
for (const [noun, generic] of GENERIC_HEADS) {
  GENERIC_FORMS.set(noun, { noun, generic });
  if (!GENERIC_HEADS.has(`${noun}s`)) GENERIC_FORMS.set(`${noun}s`, { noun, generic });
}
for (const [plural, noun] of IRREGULAR_PLURALS) {
  const generic = GENERIC_HEADS.get(noun);
  if (generic) GENERIC_FORMS.set(plural, { noun, generic });
  else GENERIC_FORMS.delete(plural);
}

/** Words that may open a phrase: one look-up rules out most words (adjectives and hyphens aside). */
const PHRASE_OPENERS = new Set([...DETERMINERS, ...ROLE_MODIFIERS, 'the', 'both', ...GENERIC_FORMS.keys()]);

/** "the company", "a man", "voters", "the report": a common noun ending its noun phrase. */
function parseGeneric(ctx: LexContext, units: Unit[], start: number, det: string | undefined): { phrases: Phrase[]; next: number } | null {
  let u = det ? start + 1 : start;
  while (units[u] && units[u].kind === 'other' && isModifier(ctx, units[u])) u++;
  const unit = units[u];
  if (!unit || (unit.kind !== 'other' && unit.kind !== 'role') || unit.last - unit.first !== 1) return null;
  const t = ctx.tokens[unit.first];
  const form = GENERIC_FORMS.get(t.lower);
  if (!form) return null;
  const { noun, generic } = form;
  const next = ctx.tokens[unit.last];
  if (next && next.sentence === t.sentence && (next.pos === 'NOUN' || next.pos === 'PROPN')) return null;
  const plural = noun !== t.lower || t.lower === 'people';
  if (!det && !plural) return null; // "company officials": no description of its own
  return { phrases: [{ kind: 'generic', first: units[start].first, last: unit.last, noun, generic, plural, definite: !!det && !INDEFINITE.has(det) }], next: u + 1 };
}

function actorPhrase(first: number, last: number, parts: Omit<ActorPhrase, 'kind' | 'first' | 'last'>): ActorPhrase {
  return { kind: 'actor', first, last, ...parts };
}

/** A phrase made of qualifiers only: the last one is the head ("Iran", "the Iranians", "Syria's Assad"). */
function qualifierPhrases(ctx: LexContext, units: Unit[], quals: Qualifier[], det: string | undefined, afterDet: number): Phrase[] {
  const last = quals[quals.length - 1];
  if (last.possessive || quals.length === 1 || !quals.slice(0, -1).every((q) => q.possessive || q.unit.hit?.form === 'demonym')) {
    // Each qualifier on its own: "Iran's victory", "Khamenei's website".
    return quals.map((q) => actorPhrase(q.unit.first, q.unit.last, { quals: [], roles: [], honorifics: [], head: q.unit, det: q === quals[0] ? det : undefined })).map((p, i) =>
      i === 0 && det && includeDeterminer(ctx, p.head!, units, afterDet) ? { ...p, first: units[afterDet - 1].first } : p,
    );
  }
  // "Syria's Bashar al-Assad", "Sudan's Omar al-Bashir": the possessor qualifies the name.
  const head = last.unit;
  const first = det && includeDeterminer(ctx, head, units, afterDet) ? units[afterDet - 1].first : quals[0].unit.first;
  return [actorPhrase(first, head.last, { det, quals: quals.slice(0, -1), roles: [], honorifics: [], head })];
}

/** "the US", "the Iranians", "the Houthis" keep their article; "the Syrian conflict" does not. */
function includeDeterminer(ctx: LexContext, head: Unit, units: Unit[], afterDet: number): boolean {
  if (afterDet === 0 || units[afterDet].first !== head.first) return false;
  const next = ctx.tokens[head.last];
  const nextIsNoun = !!next && (next.pos === 'NOUN' || next.pos === 'PROPN') && next.lower !== "'s";
  return !nextIsNoun;
}

function isModifier(ctx: LexContext, unit: Unit): boolean {
  const t = ctx.tokens[unit.first];
  if (t.pos === 'ADJ' && t.value === t.lower) return true;
  if (isJoiningHyphen(ctx.tokens, unit.first)) return true; // "high-ranking", "then-President"
  return ROLE_MODIFIERS.has(t.lower);
}

/** Lower-case words that may stand between the name and that noun ("anti-refugee", "polling", "nuclear"). */
const MAX_DESCRIBED_MODIFIERS = 3;

/**
 * Whether units[u] … is a run of lower-case modifiers ending in a noun a name before it only
 * describes (INDIVIDUAL_NOUNS singular, EVENT_NOUNS), which ends the phrase or is followed by its name.
 */
function onlyDescribes(ctx: LexContext, units: Unit[], u: number): boolean {
  for (let v = u; v <= u + MAX_DESCRIBED_MODIFIERS && units[v]?.kind === 'other'; v++) {
    const t = ctx.tokens[units[v].first];
    if (t.value !== t.lower) return false;
    if ((INDIVIDUAL_NOUNS.has(t.lower) || EVENT_NOUNS.has(t.lower)) && t.pos === 'NOUN') {
      const next = ctx.tokens[units[v].last];
      return !next || next.sentence !== t.sentence || !(next.pos === 'NOUN' && next.value === next.lower);
    }
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'VERB' || isJoiningHyphen(ctx.tokens, units[v].first))) return false;
  }
  return false;
}

/** A party member's singular word ending the phrase, not possessive and before no noun ("the Republican said"). */
function isPartyMember(ctx: LexContext, q: Qualifier, next: Unit | undefined): boolean {
  if (q.possessive || q.unit.kind !== 'name' || q.unit.last - q.unit.first !== 1 || !PARTY_MEMBERS.has(ctx.keys[q.unit.first])) return false;
  const after = next ? ctx.tokens[next.first] : undefined;
  return !after || !(after.pos === 'NOUN' || after.pos === 'PROPN');
}

/** A lower-case noun before a role ("border police", "oil minister"). */
function isNounModifier(ctx: LexContext, unit: Unit): boolean {
  const t = ctx.tokens[unit.first];
  return t.pos === 'NOUN' && t.value === t.lower;
}

/** "US-backed", "Russian-led": name, hyphen, participle. */
function isRelation(ctx: LexContext, units: Unit[], u: number): boolean {
  const hyphen = units[u + 1];
  const participle = units[u + 2];
  return (
    !!hyphen && !!participle && hyphen.kind === 'other' && isJoiningHyphen(ctx.tokens, hyphen.first) &&
    participle.kind === 'other' && RELATION_PARTICIPLES.has(ctx.tokens[participle.first].lower)
  );
}

/** A role standing alone must be allowed bare and end its noun phrase ("the general election" is no general). */
function bareRoleAllowed(ctx: LexContext, roles: Unit[]): boolean {
  const last = roles[roles.length - 1];
  if (!roles.every((r) => r.role) || !roles.some((r) => r.role!.word.bare)) return false;
  const next = ctx.tokens[last.last];
  return !next || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'NUM') || next.lower === "'s";
}

function parsePronoun(ctx: LexContext, units: Unit[], u: number): { phrases: Phrase[]; next: number } {
  const token = ctx.tokens[units[u].first];
  const info = PRONOUNS.get(token.lower)!;
  if (info.possessive && info.class !== 'first') {
    // "his country", "their government"
    const next = units[u + 1];
    if (next && next.kind === 'other' && COUNTRY_NOUNS.has(ctx.tokens[next.first].lower)) {
      return { phrases: [{ kind: 'possessive-pronoun', first: token.i, last: next.last, token, roles: [], countryNoun: true }], next: u + 2 };
    }
    const roles: Unit[] = [];
    let v = u + 1;
    while (units[v] && units[v].kind === 'role') roles.push(units[v++]);
    if (roles.length && !(units[v] && (units[v].kind === 'name' || units[v].kind === 'run'))) {
      return { phrases: [{ kind: 'possessive-pronoun', first: token.i, last: roles[roles.length - 1].last, token, roles, countryNoun: false }], next: v };
    }
  }
  return { phrases: [{ kind: 'pronoun', first: token.i, last: token.i + 1, token }], next: u + 1 };
}

/** "the two nations", "both countries", "the two had agreed". */
function parseGroup(ctx: LexContext, units: Unit[], u: number): { phrases: Phrase[]; next: number } | null {
  const t = tokenOf(ctx, units[u]);
  if (!t || units[u].kind !== 'other' || (t.lower !== 'the' && t.lower !== 'both')) return null;
  let v = u + 1;
  if (t.lower === 'the') {
    if (!isOther(units[v], NUMBER_WORDS, ctx) || tokenOf(ctx, units[v])!.lower === 'both') return null;
    v++;
  }
  while (units[v] && units[v].kind === 'other' && isModifier(ctx, units[v]) && !GROUP_NOUNS.has(tokenOf(ctx, units[v])!.lower)) v++;
  const noun = units[v];
  const nounToken = tokenOf(ctx, noun);
  if (noun && (noun.kind === 'other' || noun.kind === 'role') && nounToken && GROUP_NOUNS.has(nounToken.lower) && nounToken.lower !== 'two') {
    return { phrases: [{ kind: 'group', first: units[u].first, last: noun.last }], next: v + 1 };
  }
  // "the two had agreed": the number stands for the group
  const numberUnit = units[u + 1];
  if (t.lower === 'the' && v === u + 2 && nounToken && (nounToken.pos === 'AUX' || nounToken.pos === 'VERB')) {
    return { phrases: [{ kind: 'group', first: units[u].first, last: numberUnit.last }], next: u + 2 };
  }
  return null;
}

