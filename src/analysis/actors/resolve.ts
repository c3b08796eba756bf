// Resolution of an article's phrases, in text order, to referents: names through the dictionary
// and the names the article has given in full ("Assad" after or before "Bashar al-Assad"),
// descriptions through their qualifiers ("the Syrian president" → SYRGOV → Assad) or through
// what came before ("the rebels", "the minister"), pronouns through the mentions before them.
import type { MentionKind, Token } from '../types';
import { type RoleHit, tokenKey } from '../../models/actors';
import { type LexContext, type Unit, lexUnits } from './lexical';
import { type ActorPhrase, type Phrase, parsePhrases } from './phrases';
import { type Candidate, resolvePronoun } from './pronouns';
import { ReferentRegistry, type Referent, isCameo } from './referents';
import { ARMED_WORDS, EVENT_WORDS, INDEFINITE, MEDIA_WORDS, NAME_SUFFIXES, ORG_WORDS, PRONOUNS, RELATIVE_PRONOUNS } from './words';

export interface MentionRecord {
  first: number;
  last: number;
  kind: MentionKind;
  referent: Referent | null;
  plural: boolean;
  sentence: number;
  subjectLike: boolean;
  /** The backer in "US-backed": no context for a later "the rebels". */
  relation?: boolean;
}

interface NameHints {
  person?: boolean;
  gender?: 'm' | 'f';
}

/** Roles whose bare description ("the president") names the head of the country in context. */
const HEAD_ROLES = new Set(['president', 'prime minister', 'king', 'queen', 'leader', 'supreme leader', 'chancellor', 'premier', 'emir', 'monarch', 'crown prince', 'sultan']);
/** A later body role of a government chain gives the actor ("government forces" are the military). */
const FORCE_ROLES = new Set(['MIL', 'COP', 'SPY']);
const CONTEXT_SENTENCES = 3;
/** How far back "the company" looks for the company. */
const GENERIC_SENTENCES = 5;
/** Roles a bare description takes from the country in context ("the rebels" in a report on Syria). */
const CONTEXT_ROLES = new Set(['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG', 'REB', 'OPP', 'INS', 'UAF', 'MED']);
const NON_PARTICLE = (k: string) => !['al', 'el', 'bin', 'ibn', 'de', 'da', 'du', 'van', 'von', 'der', 'la', 'le', "'s"].includes(k);

export class ArticleResolver {
  readonly records: MentionRecord[] = [];
  /** Last name → the people the article names in full, with where. */
  private readonly surnames = new Map<string, { ref: Referent; at: number }[]>();
  private readonly fullNames = new Map<string, Referent>();
  /** First name → the same people ("Hillary" after "Hillary Clinton"). */
  private readonly givenNames = new Map<string, { ref: Referent; at: number }[]>();

  constructor(
    readonly ctx: LexContext,
    readonly registry: ReferentRegistry,
  ) {}

  private get tokens(): Token[] {
    return this.ctx.tokens;
  }

  // ---------- names the article gives in full ----------

  /** Learns the people named in full, so that a surname anywhere in the article finds them. */
  learnNames(phrases: Phrase[]): void {
    for (const p of phrases) {
      if (p.kind !== 'actor' || !p.head) continue;
      const hints = this.hints(p);
      const head = p.head;
      if (head.kind === 'name' && head.hit && this.registry.index.isPerson[head.hit.entry]) {
        const ref = this.registry.entry(head.hit.entry);
        const entry = this.registry.index.entries[head.hit.entry];
        for (const name of [entry.name, ...entry.names]) this.learnFullName(ref, name.split(/[\s-]+/).map(tokenKey), head.first);
      } else if (head.kind === 'run' && this.contentKeys(head).length >= 2) {
        const ref = this.runReferent(head, hints);
        if (ref.person || ref.type === 'unknown') this.learnFullName(ref, this.runKeys(head), head.first);
      }
    }
  }

  private learnFullName(ref: Referent, keys: string[], at: number): void {
    const content = keys.filter((k) => NON_PARTICLE(k) && !NAME_SUFFIXES.has(k));
    if (content.length < 2) return;
    const add = (map: Map<string, { ref: Referent; at: number }[]>, key: string) => {
      if (!map.has(key)) map.set(key, []);
      map.get(key)!.push({ ref, at });
    };
    add(this.surnames, content[content.length - 1]);
    add(this.givenNames, content[0]);
    this.fullNames.set(ReferentRegistry.nameKey(keys), ref);
  }

  // ---------- sentences ----------

  /** Resolves the phrases of one sentence and records their mentions, with relative pronouns. */
  resolveSentence(phrases: Phrase[], sentence: { i: number; first: number; last: number }): void {
    let p = 0;
    for (let k = sentence.first; k < sentence.last; k++) {
      if (p < phrases.length && phrases[p].first === k) {
        this.records.push(...this.resolvePhrase(phrases[p], sentence.i));
        k = phrases[p].last - 1;
        p++;
        continue;
      }
      const relative = this.relativePronoun(k, sentence.i);
      if (relative) this.records.push(relative);
    }
  }

  /** The mentions one phrase makes (several when a relation stands before it: "US-backed rebels"). */
  resolvePhrase(p: Phrase, sentence: number): MentionRecord[] {
    switch (p.kind) {
      case 'pronoun':
        return [this.pronounRecord(p.token, sentence)];
      case 'possessive-pronoun':
        return [this.possessivePronounRecord(p, sentence)];
      case 'group':
        return [this.record(p.first, p.last, 'description', this.registry.group(), true, sentence)];
      case 'generic':
        return [this.record(p.first, p.last, 'description', this.genericReferent(p), p.plural, sentence)];
      case 'actor':
        return this.isEvent(p) ? [] : this.actorRecords(p, sentence);
    }
  }

  /** "the Warsaw Summit", "the Paris Agreement": a capitalised event, not an actor. */
  private isEvent(p: ActorPhrase): boolean {
    if (p.head?.kind !== 'run' || p.roles.length || p.honorifics.length) return false;
    const keys = this.contentKeys(p.head);
    return keys.length > 1 && EVENT_WORDS.has(keys[keys.length - 1]);
  }

  private record(first: number, last: number, kind: MentionKind, referent: Referent | null, plural: boolean, sentence: number, relation = false): MentionRecord {
    return { first, last, kind, referent, plural, sentence, subjectLike: this.subjectLike(first, last), ...(relation ? { relation } : {}) };
  }

  /** Followed by its verb ("Iran says", "the minister has also said"). */
  private subjectLike(first: number, last: number): boolean {
    let k = last;
    while (this.tokens[k] && (this.tokens[k].pos === 'ADV' || this.tokens[k].lower === 'not') && k < last + 3) k++;
    const next = this.tokens[k];
    return !!next && next.sentence === this.tokens[first].sentence && (next.pos === 'VERB' || next.pos === 'AUX');
  }

  // ---------- actor phrases ----------

  /**
   * The mention of an actor phrase. A person who owns the role ("Donald Trump's aides",
   * "Assad's government") stays a mention of their own, before the description.
   */
  private actorRecords(p: ActorPhrase, sentence: number): MentionRecord[] {
    const owner = p.quals[0];
    if (!p.head && owner?.possessive && p.quals.length === 1 && !p.ofQual && p.roles.length) {
      const ownerRef = this.nameReferent(owner.unit, {});
      if (ownerRef.person) {
        const ownerRecord = this.record(owner.unit.first, owner.unit.last, 'name', ownerRef, false, sentence);
        this.records.push(ownerRecord);
        const description = this.actorRecord({ ...p, first: owner.unit.last + 1, det: undefined }, sentence, ownerRef);
        this.records.pop();
        return [ownerRecord, description];
      }
    }
    return [this.actorRecord(p, sentence)];
  }

  private actorRecord(p: ActorPhrase, sentence: number, owner?: Referent): MentionRecord {
    const roles = this.roleHits(p);
    const lastRole = roles[roles.length - 1];
    const code = roles.length ? chainRole(roles) : null;
    const hints = this.hints(p);
    const quals = owner ? [owner] : p.quals.map((q) => this.nameReferent(q.unit, {}));
    // "the president of Iran"; but in "the Calenardhon Ministry of Silly Walks" the country comes first
    if (p.ofQual && !quals.length) quals.push(this.nameReferent(p.ofQual, {}));
    const qual = quals[quals.length - 1];

    if (p.head) {
      const ref = this.nameReferent(p.head, hints);
      if (hints.person && ref.type === 'unknown') this.registry.setType(ref, 'person');
      if (hints.gender && ref.person && !ref.gender) ref.gender = hints.gender;
      if (ref.person && lastRole) ref.titles.add(lastRole.word.phrase);
      if (ref.person && code && qual) {
        const composed = this.registry.compose(qual, code, isStateRole(roles));
        if (composed) this.registry.adoptRole(ref, composed.actorId);
      }
      if (ref.person && !ref.country && qual?.country) ref.country = qual.country;
      return this.record(p.first, p.last, 'name', ref, this.pluralName(p.head), sentence, p.relation);
    }

    const plural = lastRole.plural;
    const personRole = lastRole.word.kind === 'person' && !plural;
    let ref: Referent | null = null;
    if (qual) ref = this.composedReferent(qual, code!, personRole ? lastRole.word.phrase : null, p.first, isStateRole(roles));
    else ref = this.bareDescription(p, lastRole, code!, personRole, sentence);
    // Apposition: "Walid Muallem, Syria's foreign minister," is Muallem.
    const before = owner ? undefined : this.recordEndingAt(p.first - 1);
    if (personRole && before?.referent?.person && this.tokens[before.last]?.value === ',') {
      if (ref?.actorId && ref.composite) this.registry.adoptRole(before.referent, ref.actorId);
      before.referent.titles.add(lastRole.word.phrase);
      ref = before.referent;
    }
    return this.record(p.first, p.last, 'description', ref, plural, sentence);
  }

  private recordEndingAt(last: number): MentionRecord | undefined {
    for (let r = this.records.length - 1; r >= 0; r--) {
      if (this.records[r].last === last) return this.records[r];
      if (this.records[r].last < last) return undefined;
    }
    return undefined;
  }

  /** Role words of the phrase, titles that stand for one ("Sen." → senator) included. */
  private roleHits(p: ActorPhrase): RoleHit[] {
    const hits = p.roles.map((u) => u.role!);
    for (const h of p.honorifics) {
      const role = h.honorific?.role ? this.registry.index.roles.get([h.honorific.role])[0] : undefined;
      if (role) hits.push(role);
    }
    return hits;
  }

  private hints(p: ActorPhrase): NameHints {
    const lastRole = p.roles[p.roles.length - 1]?.role;
    const gender = p.honorifics.map((h) => h.honorific?.gender).find(Boolean) ?? lastRole?.word.gender;
    return { person: p.honorifics.length > 0 || lastRole?.word.kind === 'person', gender };
  }

  /** "the Syrian president" → Assad when the article names him; else the composite actor. */
  private composedReferent(qual: Referent, code: string, personRole: string | null, at: number, stateRole = true): Referent | null {
    const composed = this.registry.compose(qual, code, stateRole);
    if (!composed) return null;
    if (composed.body) return composed.body;
    return (personRole ? this.findPerson(composed.actorId, personRole, at) : null) ?? this.registry.composite(composed.actorId, qual);
  }

  /** A role without a qualifier: "the minister", "the rebels", "officials", "a spokesman for X". */
  private bareDescription(p: ActorPhrase, lastRole: RoleHit, code: string, personRole: boolean, sentence: number): Referent | null {
    const phrase = lastRole.word.phrase;
    const following = this.prepositionalActor(p.last, sentence);
    if (following) return this.composedReferent(following, code, personRole ? phrase : null, p.first);
    if (personRole) {
      if (p.det && INDEFINITE.has(p.det)) return null;
      const titled = this.findPersonByTitle(phrase, p.first);
      if (titled) return titled;
      if (!HEAD_ROLES.has(phrase)) return null;
      const country = this.contextCountry(p.first, sentence);
      if (!country) return null;
      return this.findPerson(`${country}GOV`, phrase, p.first) ?? this.registry.composite(`${country}GOV`);
    }
    if (p.det && INDEFINITE.has(p.det)) return null; // "a delegation": not one named before
    // The same role named in the last sentences, the country they speak of, the role named earlier.
    const recent = this.recentWithRole(code, p.first, sentence - CONTEXT_SENTENCES);
    if (recent) return recent;
    const country = CONTEXT_ROLES.has(code) ? this.contextCountry(p.first, sentence) : null;
    if (country) return this.registry.composite(country + code);
    const earlier = this.recentWithRole(code, p.first, 0);
    if (earlier) return earlier;
    return ['REB', 'UAF', 'OPP', 'INS'].includes(code) ? this.registry.composite(`---${code}`) : null;
  }

  /** "a spokesman for Hezbollah", "rebels in Syria": the actor of the phrase after the preposition. */
  private prepositionalActor(at: number, sentence: number): Referent | null {
    const prep = this.tokens[at];
    if (!prep || prep.sentence !== sentence || !['for', 'of', 'at', 'from', 'in'].includes(prep.lower)) return null;
    let end = at + 1;
    while (end < this.tokens.length && end < at + 10 && this.tokens[end].sentence === sentence) end++;
    const [phrase] = parsePhrases(this.ctx, lexUnits(this.ctx, at + 1, end));
    const start = this.tokens[at + 1]?.lower === 'the' ? at + 2 : at + 1;
    if (!phrase || phrase.kind !== 'actor' || (phrase.first !== at + 1 && phrase.first !== start)) return null;
    let ref: Referent | null = null;
    if (phrase.head) ref = this.nameReferent(phrase.head, {});
    else if (phrase.quals.length && phrase.roles.length) {
      const qual = this.nameReferent(phrase.quals[phrase.quals.length - 1].unit, {});
      const composed = this.registry.compose(qual, chainRole(phrase.roles.map((r) => r.role!)));
      ref = composed ? (composed.body ?? this.registry.composite(composed.actorId, qual)) : null;
    }
    if (prep.lower === 'in' && ref?.type !== 'country') return null;
    return ref;
  }

  /**
   * "the company" → the organisation named just before ("... Corp." or any company), "the
   * newspaper" → the media, "the candidate" → the person who was given that title; "a man",
   * "voters", "the report" name nobody the article has named.
   */
  private genericReferent(p: Extract<Phrase, { kind: 'generic' }>): Referent | null {
    if (!p.definite || p.plural || p.generic === 'nobody') return null;
    if (p.generic === 'person') return this.findPersonByTitle(p.noun, p.first);
    const sentence = this.tokens[p.first].sentence;
    for (let r = this.records.length - 1; r >= 0; r--) {
      const { referent: ref, last, sentence: s } = this.records[r];
      if (s < sentence - GENERIC_SENTENCES) break;
      if (last > p.first || !ref || ref.person || ref.composite || !ref.actorId) continue;
      const lastWord = ref.name.toLowerCase().split(/\s+/).pop();
      if (lastWord === p.noun) return ref;
      if (p.generic === 'media' ? ref.type === 'media' : p.noun === 'group' ? ['armed-group', 'group', 'organisation'].includes(ref.type) : ref.type === 'organisation') return ref;
    }
    return null;
  }

  // ---------- names ----------

  /** The referent of a name unit: a dictionary entry, a capital's government, or a run of capitalised words. */
  private nameReferent(unit: Unit, hints: NameHints): Referent {
    if (unit.kind === 'run' || unit.kind === 'place') return this.runReferent(unit, hints);
    const hit = unit.hit!;
    if (hit.form === 'capital') {
      const country = this.registry.index.entries[hit.entry].id;
      return this.registry.composite(`${country}GOV`);
    }
    return this.registry.entry(hit.entry);
  }

  /** "the Iranians", "the Houthis": a plural name. */
  private pluralName(head: Unit): boolean {
    if (head.kind !== 'name' || !head.hit) return false;
    const last = this.tokens[head.last - 1].lower;
    const entry = this.registry.index.entries[head.hit.entry];
    if (head.hit.form === 'demonym') return /[^s]s$/.test(last) && entry.demonyms?.[0]?.toLowerCase() !== last;
    // "the Houthis" (the dictionary also knows "Houthi"), "Republicans"; not "Hamas".
    if (head.hit.form !== 'name' || entry.type === 'country' || this.registry.index.isPerson[head.hit.entry] || !/[^s]s$/.test(last)) return false;
    const singular = last.slice(0, -1);
    return [entry.name, ...entry.names].some((n) => n.toLowerCase().split(/\s+/).pop() === singular);
  }

  private runKeys(unit: Unit): string[] {
    const keys: string[] = [];
    for (let k = unit.first; k < unit.last; k++) if (/\p{L}/u.test(this.tokens[k].value)) keys.push(tokenKey(this.tokens[k].value));
    return keys;
  }

  private contentKeys(unit: Unit): string[] {
    return this.runKeys(unit).filter((k) => NON_PARTICLE(k) && !NAME_SUFFIXES.has(k));
  }

  /** A run of capitalised words: a surname of someone named in full, a dictionary person under another spelling, or a new name. */
  private runReferent(unit: Unit, hints: NameHints): Referent {
    const keys = this.runKeys(unit);
    const content = this.contentKeys(unit);
    const text = textOf(this.tokens, unit.first, unit.last);
    if (content.length === 1) {
      const known = nearest(this.surnames.get(content[0]), unit.first, hints.gender) ?? nearest(this.givenNames.get(content[0]), unit.first, hints.gender);
      if (known) return known;
      return this.registry.unknown(text, this.guessType(keys, hints));
    }
    const full = this.fullNames.get(ReferentRegistry.nameKey(keys));
    if (full) return full;
    // "Ali Khamenei": a dictionary surname with one of the person's given names before it.
    const lastPart = unit.parts?.[unit.parts.length - 1];
    const hasSuffix = NAME_SUFFIXES.has(keys[keys.length - 1]);
    if (lastPart?.hit && lastPart.last === unit.last && !hasSuffix && this.registry.index.isPerson[lastPart.hit.entry]) {
      const given = this.registry.index.givenNames.get(lastPart.hit.entry);
      if (given?.has(keys[0])) return this.registry.entry(lastPart.hit.entry);
    }
    const ref = this.registry.unknown(text, this.guessType(keys, hints));
    this.fullNames.set(ReferentRegistry.nameKey(keys), ref);
    return ref;
  }

  private guessType(keys: string[], hints: NameHints): Referent['type'] {
    if (hints.person) return 'person';
    const last = keys[keys.length - 1];
    if (MEDIA_WORDS.has(last)) return 'media';
    if (ARMED_WORDS.has(last)) return 'armed-group';
    if (ORG_WORDS.has(last)) return 'organisation';
    const content = keys.filter(NON_PARTICLE);
    if (content.length >= 2 && this.registry.index.firstNames.has(content[0])) return 'person';
    return 'unknown';
  }

  // ---------- looking back ----------

  /** The latest person before `at` with this actor id (one who held `title` first), else the first one named after. */
  private findPerson(actorId: string, title: string, at: number): Referent | null {
    let any: Referent | null = null;
    for (let r = this.records.length - 1; r >= 0; r--) {
      const ref = this.records[r].referent;
      if (this.records[r].last > at || !ref?.person || ref.actorId !== actorId) continue;
      if ([...ref.titles].some((t) => titleMatches(t, title))) return ref;
      any ??= ref;
    }
    if (any) return any;
    let later: { ref: Referent; at: number } | null = null;
    for (const list of this.surnames.values()) for (const n of list) if (n.at > at && n.ref.actorId === actorId && (!later || n.at < later.at)) later = n;
    return later?.ref ?? null;
  }

  private findPersonByTitle(title: string, at: number): Referent | null {
    for (let r = this.records.length - 1; r >= 0; r--) {
      const ref = this.records[r].referent;
      if (this.records[r].last <= at && ref?.person && [...ref.titles].some((t) => titleMatches(t, title))) return ref;
    }
    return null;
  }

  /** The latest actor before `at` holding this role ("Syrian rebels" for a later "the rebels"). */
  private recentWithRole(code: string, at: number, fromSentence: number): Referent | null {
    for (let r = this.records.length - 1; r >= 0; r--) {
      const { referent: ref, last, sentence } = this.records[r];
      if (sentence < fromSentence) break;
      const id = ref?.actorId;
      if (last > at || !id) continue;
      const role = isCameo(id) ? id.slice(3, 6) : id.includes('/') ? id.slice(id.lastIndexOf('/') + 1) : null;
      if (role !== code) continue;
      return ref!.person ? this.registry.composite(id) : ref!;
    }
    return null;
  }

  /** The country the text speaks of around `at`: the latest country mention in the last sentences. */
  private contextCountry(at: number, sentence: number): string | null {
    for (let r = this.records.length - 1; r >= 0; r--) {
      const rec = this.records[r];
      if (rec.sentence < sentence - CONTEXT_SENTENCES) break;
      if (rec.last > at || rec.relation || !rec.referent) continue;
      if (rec.referent.type === 'country' && rec.referent.actorId && /^[A-Z]{3}$/.test(rec.referent.actorId)) return rec.referent.actorId;
      if (rec.referent.composite && rec.referent.country) return rec.referent.country;
    }
    return null;
  }

  // ---------- pronouns ----------

  private candidates(before: number): Candidate[] {
    const out: Candidate[] = [];
    for (const r of this.records) {
      if (r.last > before) break;
      if (r.referent) out.push({ referent: r.referent, first: r.first, last: r.last, sentence: r.sentence, subjectLike: r.subjectLike, plural: r.plural });
    }
    return out;
  }

  private pronounRecord(token: Token, sentence: number): MentionRecord {
    const info = PRONOUNS.get(token.lower)!;
    const ref = resolvePronoun(this.tokens, token, info, this.candidates(token.i));
    if (ref && (info.class === 'he' || info.class === 'she')) {
      if (!ref.person) this.registry.setType(ref, 'person');
      ref.gender ??= info.class === 'he' ? 'm' : 'f';
    }
    return this.record(token.i, token.i + 1, 'pronoun', ref, info.plural || (info.class === 'they'), sentence);
  }

  /** "his country" → the country of the person; "their government" → its government. */
  private possessivePronounRecord(p: Extract<Phrase, { kind: 'possessive-pronoun' }>, sentence: number): MentionRecord {
    const info = PRONOUNS.get(p.token.lower)!;
    const owner = resolvePronoun(this.tokens, p.token, info, this.candidates(p.token.i));
    let ref: Referent | null = null;
    if (owner && p.countryNoun) {
      const country = owner.type === 'country' ? owner : owner.country ? this.countryReferent(owner.country) : null;
      ref = country;
    } else if (owner && p.roles.length) {
      const composed = this.registry.compose(owner, chainRole(p.roles.map((r) => r.role!)));
      ref = composed ? (composed.body ?? this.registry.composite(composed.actorId, owner)) : null;
    }
    const plural = p.roles.length ? p.roles[p.roles.length - 1].role!.plural : false;
    return this.record(p.first, p.last, 'description', ref, plural, sentence);
  }

  private countryReferent(code: string): Referent | null {
    const info = this.registry.index.countries.get(code);
    return info ? this.registry.entry(info.entry) : null;
  }

  /** "Assad, who ...", "Washington, which ...": the mention just before. */
  /**
   * "Assad, who ...", "Washington, which ...": the mention just before. A relative after a noun
   * no actor names ("a man who said") stays a mention, unresolved, for the quotes pass.
   */
  private relativePronoun(k: number, sentence: number): MentionRecord | null {
    const t = this.tokens[k];
    const wants = RELATIVE_PRONOUNS.get(t.lower);
    const before = this.tokens[k - 1];
    if (!wants || !before || before.sentence !== sentence || this.ctx.clauseInitial[k]) return null;
    const prev = this.records[this.records.length - 1];
    const gap = prev ? k - prev.last : Infinity;
    const adjacent = prev?.sentence === sentence && (gap === 0 || (gap === 1 && this.tokens[prev.last].value === ','));
    if (adjacent && prev.referent && (wants === 'person') === prev.referent.person) return this.record(k, k + 1, 'pronoun', prev.referent, prev.plural, sentence);
    if (wants === 'thing' && before.value !== ',') return null; // "the plan which": no speaker
    return before.pos === 'NOUN' || before.pos === 'PROPN' || before.value === ',' ? this.record(k, k + 1, 'pronoun', null, false, sentence) : null;
  }
}

/** The person named in full nearest `at`: the latest before, else the first after. */
function nearest(named: { ref: Referent; at: number }[] | undefined, at: number, gender?: 'm' | 'f'): Referent | null {
  let before: { ref: Referent; at: number } | null = null;
  let after: { ref: Referent; at: number } | null = null;
  for (const n of named ?? []) {
    if (gender && n.ref.gender && n.ref.gender !== gender) continue;
    if (n.at < at && (!before || n.at > before.at)) before = n;
    if (n.at > at && (!after || n.at < after.at)) after = n;
  }
  return before?.ref ?? after?.ref ?? null;
}

/** Does a title held match a description's role? A foreign minister is a minister, a secretary of state a secretary; a vice president is no president. */
function titleMatches(held: string, wanted: string): boolean {
  if (held === wanted) return true;
  if (/^(vice|deputy|former|acting|assistant|under)\b/.test(held)) return false;
  const head = held.includes(' of ') ? held.slice(0, held.indexOf(' of ')) : held;
  return head === wanted || head.endsWith(` ${wanted}`);
}

/** Roles only states have: their institutions, and the ministers, heads of state, diplomats and soldiers who hold them. */
const STATE_PERSON_ROLE = /(minister|president|premier|chancellor|king|queen|prince|princess|emir|sultan|monarch|ambassador|envoy|diplomat|general|commander|soldier|officer|troops|forces)s?$/;
function isStateRole(roles: RoleHit[]): boolean {
  const last = roles[roles.length - 1];
  return last.word.kind === 'body' || STATE_PERSON_ROLE.test(last.word.phrase);
}

/** The role of a chain of role words: the first, but a force after a government ("regime forces") is the force. */
export function chainRole(roles: RoleHit[]): string {
  let code = roles[0].role;
  if (code === 'GOV') for (const r of roles.slice(1)) if (FORCE_ROLES.has(r.role) && r.word.kind === 'body') code = r.role;
  return code;
}

export function textOf(tokens: Token[], first: number, last: number): string {
  let text = '';
  for (let k = first; k < last; k++) {
    if (k > first && tokens[k].start > tokens[k - 1].end) text += ' ';
    text += tokens[k].value;
  }
  return text;
}
