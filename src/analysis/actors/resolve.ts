// Resolution of an article's phrases, in text order, to referents: names through the dictionary
// and the names the article gives in full (names.ts), descriptions through their qualifiers
// ("the Syrian president" → SYRGOV → Assad) or through what came before ("the rebels", "the
// minister": history.ts), pronouns through the mentions before them (pronouns.ts).
import type { MentionKind, Token } from '../types';
import type { RoleHit } from '../../models/actors';
import { MentionHistory, type MentionRecord } from './history';
import { type LexContext, type Unit, lexUnits } from './lexical';
import { ArticleNames, type NameHints } from './names';
import { type ActorPhrase, type Phrase, parsePhrases } from './phrases';
import { PRONOUN_WINDOW, resolvePronoun } from './pronouns';
import type { Referent, ReferentRegistry } from './referents';
import { INDEFINITE, PRONOUNS, RELATIVE_PRONOUNS } from './words';
import { isChannel, isOriginAdjective, modelSaysNoActor, namesThingByWords } from './non-actors';
import type { EntityTypeModel } from '../syntax/entity-types';

export type { MentionRecord } from './history';

/** Roles whose bare description ("the president") names the head of the country in context. */
const HEAD_ROLES = new Set(['president', 'prime minister', 'king', 'queen', 'leader', 'supreme leader', 'chancellor', 'premier', 'emir', 'monarch', 'crown prince', 'sultan']);
/** A later body role of a government chain gives the actor ("government forces" are the military). */
const FORCE_ROLES = new Set(['MIL', 'COP', 'SPY']);
/** Roles a bare description takes from the country in context ("the rebels" in a report on Syria). */
const CONTEXT_ROLES = new Set(['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG', 'REB', 'OPP', 'INS', 'UAF', 'MED']);
/** Roles that belong to no state when none is named ("---REB"). */
const STATELESS_ROLES = new Set(['REB', 'UAF', 'OPP', 'INS']);
/** Roles only states have: their institutions, and the ministers, heads of state, diplomats and soldiers who hold them. */
const STATE_PERSON_ROLE = /(minister|president|premier|chancellor|king|queen|prince|princess|emir|sultan|monarch|ambassador|envoy|diplomat|general|commander|soldier|officer|troops|forces)s?$/;
const CONTEXT_SENTENCES = 3;
/** How far back "the company" looks for the company. */
const GENERIC_SENTENCES = 5;

export class ArticleResolver {
  private readonly history = new MentionHistory();
  private readonly names: ArticleNames;

  constructor(
    readonly ctx: LexContext,
    readonly registry: ReferentRegistry,
    /** Tells places and things among unknown names (./non-actors.ts); without it, the rules alone. */
    private readonly entityTypes?: EntityTypeModel,
  ) {
    this.names = new ArticleNames(ctx.tokens, registry);
  }

  /** The article's mentions so far, in text order. */
  get records(): MentionRecord[] {
    return this.history.records;
  }

  private get tokens(): Token[] {
    return this.ctx.tokens;
  }

  /** Learns the people named in full, so that a surname anywhere in the article finds them. */
  learnNames(phrases: Phrase[]): void {
    for (const p of phrases) {
      if (p.kind !== 'actor' || !p.head) continue;
      const head = p.head;
      if (head.kind === 'name' && head.hit && this.registry.index.isPerson[head.hit.entry]) {
        this.names.learnEntry(this.registry.entry(head.hit.entry), head.hit.entry, head.first);
      } else if (head.kind === 'run' && this.names.contentKeys(head).length >= 2) {
        const ref = this.names.runReferent(head, hints(p));
        if (ref.person || ref.type === 'unknown') this.names.learnFullName(ref, this.names.runKeys(head), head.first);
      }
    }
  }

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

  /** The mentions one phrase makes (two when a person owns the role: "Donald Trump's aides"). */
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
        return this.namesNoActor(p) ? [] : this.actorRecords(p, sentence);
    }
  }

  /**
   * A capitalised name no dictionary knows that names no actor (./non-actors.ts): "the Warsaw
   * Summit", "the UN Charter", "South American leaders", "in Gaza". A name with a title, or one
   * the article gives a person or a body, is an actor.
   */
  private namesNoActor(p: ActorPhrase): boolean {
    if (p.honorifics.length) return false;
    // "South American leaders", "Latin American diplomats": leaders of no one country.
    const qual = p.quals[p.quals.length - 1]?.unit;
    if (!p.head && qual?.kind === 'run' && p.roles.length) return isOriginAdjective(this.tokens, qual, this.names.runKeys(qual));
    if (p.head?.kind !== 'run' || p.roles.length || p.quals.length) return false;
    const keys = this.names.runKeys(p.head);
    if (!keys.length) return false;
    if (namesThingByWords(this.names.contentKeys(p.head)) || isOriginAdjective(this.tokens, p.head, keys) || isChannel(this.tokens, p.first, keys)) return true;
    if (!this.entityTypes) return false;
    // The model decides for names of which the text tells nothing else.
    const ref = this.names.runReferent(p.head, hints(p));
    return ref.type === 'unknown' && modelSaysNoActor(this.entityTypes, this.registry.index, this.tokens, p.first, p.last);
  }

  private record(first: number, last: number, kind: MentionKind, referent: Referent | null, plural: boolean, sentence: number, relation = false): MentionRecord {
    const record: MentionRecord = { first, last, kind, referent, plural, sentence, subjectLike: this.subjectLike(first, last) };
    if (relation) record.relation = true;
    return record;
  }

  /** Followed by its verb ("Iran says", "the minister has also said"). */
  private subjectLike(first: number, last: number): boolean {
    let k = last;
    while (this.tokens[k] && (this.tokens[k].pos === 'ADV' || this.tokens[k].lower === 'not') && k < last + 3) k++;
    const next = this.tokens[k];
    return !!next && next.sentence === this.tokens[first].sentence && (next.pos === 'VERB' || next.pos === 'AUX');
  }

  // ---------- actor phrases ----------

  /** An actor phrase; a person who owns the role ("Donald Trump's aides", "Assad's government") stays a mention of their own. */
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
    const quals = owner ? [owner] : p.quals.map((q) => this.nameReferent(q.unit, {}));
    // "the president of Iran"; but in "the Calenardhon Ministry of Silly Walks" the country comes first
    if (p.ofQual && !quals.length) quals.push(this.nameReferent(p.ofQual, {}));
    const qual = quals[quals.length - 1];
    if (p.head) return this.record(p.first, p.last, 'name', this.titledName(p, roles, qual), this.pluralName(p.head), sentence, p.relation);

    const plural = lastRole.plural;
    const personRole = lastRole.word.kind === 'person' && !plural;
    let ref = qual
      ? this.composedReferent(qual, code!, personRole ? lastRole.word.phrase : null, p.first, isStateRole(roles))
      : this.bareDescription(p, lastRole, code!, personRole, sentence);
    // Apposition: "Walid Muallem, Syria's foreign minister," is Muallem.
    const before = owner ? undefined : this.history.endingAt(p.first - 1);
    if (personRole && before?.referent?.person && this.tokens[before.last]?.value === ',') {
      if (ref?.actorId && ref.composite) this.registry.adoptRole(before.referent, ref.actorId);
      before.referent.titles.add(lastRole.word.phrase);
      ref = before.referent;
    }
    return this.record(p.first, p.last, 'description', ref, plural, sentence);
  }

  /** A name with its titles: "US Vice President Mike Pence", "Iranian Deputy Foreign Minister X", "Mrs. Clinton". */
  private titledName(p: ActorPhrase, roles: RoleHit[], qual: Referent | undefined): Referent {
    const h = hints(p);
    const ref = this.nameReferent(p.head!, h);
    if (h.person && ref.type === 'unknown') this.registry.setType(ref, 'person');
    if (!ref.person) return ref;
    if (h.gender && !ref.gender) ref.gender = h.gender;
    const lastRole = roles[roles.length - 1];
    if (lastRole) ref.titles.add(lastRole.word.phrase);
    if (lastRole && qual) {
      const composed = this.registry.compose(qual, chainRole(roles), isStateRole(roles));
      if (composed) this.registry.adoptRole(ref, composed.actorId);
    }
    if (!ref.country && qual?.country) ref.country = qual.country;
    return ref;
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

  /** "the Syrian president" → Assad when the article names him; else the composite actor. */
  private composedReferent(qual: Referent, code: string, personRole: string | null, at: number, stateRole = true): Referent | null {
    const composed = this.registry.compose(qual, code, stateRole);
    if (!composed) return null;
    if (composed.body) return composed.body;
    return (personRole ? this.personWithId(composed.actorId, personRole, at) : null) ?? this.registry.composite(composed.actorId, qual);
  }

  private personWithId(actorId: string, title: string, at: number): Referent | null {
    return this.history.personWithId(actorId, title, at) ?? this.names.laterPerson(actorId, at);
  }

  /** A role without a qualifier: "the minister", "the rebels", "officials", "a spokesman for X". */
  private bareDescription(p: ActorPhrase, lastRole: RoleHit, code: string, personRole: boolean, sentence: number): Referent | null {
    const phrase = lastRole.word.phrase;
    const following = this.prepositionalActor(p.last, sentence);
    if (following) return this.composedReferent(following, code, personRole ? phrase : null, p.first);
    if (p.det && INDEFINITE.has(p.det)) return null; // "a delegation", "an official": not one named before
    if (personRole) {
      const titled = this.history.personWithTitle(phrase, p.first);
      if (titled || !HEAD_ROLES.has(phrase)) return titled;
      const country = this.history.country(p.first, sentence - CONTEXT_SENTENCES);
      return country ? (this.personWithId(`${country}GOV`, phrase, p.first) ?? this.registry.composite(`${country}GOV`)) : null;
    }
    // The same role named in the last sentences, the country they speak of, the role named earlier.
    const recent = this.history.withRole(code, p.first, sentence - CONTEXT_SENTENCES);
    if (recent) return this.roleHolder(recent);
    const country = CONTEXT_ROLES.has(code) ? this.history.country(p.first, sentence - CONTEXT_SENTENCES) : null;
    if (country) return this.registry.composite(country + code);
    const earlier = this.history.withRole(code, p.first, 0);
    if (earlier) return this.roleHolder(earlier);
    return STATELESS_ROLES.has(code) ? this.registry.composite(`---${code}`) : null;
  }

  /** The actor of a mention holding a role: a body itself, a person's role (Assad → SYRGOV). */
  private roleHolder(record: MentionRecord): Referent {
    const ref = record.referent!;
    return ref.person ? this.registry.composite(ref.actorId!) : ref;
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
    return prep.lower === 'in' && ref?.type !== 'country' ? null : ref;
  }

  /**
   * "the company" → the organisation named just before ("... Corp." or any company), "the
   * newspaper" → the media, "the candidate" → the person who was given that title; "a man",
   * "voters", "the report" name nobody the article has named.
   */
  private genericReferent(p: Extract<Phrase, { kind: 'generic' }>): Referent | null {
    if (!p.definite || p.plural || p.generic === 'nobody') return null;
    if (p.generic === 'person') return this.history.personWithTitle(p.noun, p.first);
    const fits = (ref: Referent) => {
      if (ref.name.toLowerCase().split(/\s+/).pop() === p.noun) return true;
      if (p.generic === 'media') return ref.type === 'media';
      if (p.noun === 'group') return ['armed-group', 'group', 'organisation'].includes(ref.type);
      return ref.type === 'organisation';
    };
    return this.history.body(p.first, this.tokens[p.first].sentence - GENERIC_SENTENCES, fits);
  }

  // ---------- names ----------

  /** The referent of a name unit: a dictionary entry, a capital's government, or a run of capitalised words. */
  private nameReferent(unit: Unit, h: NameHints): Referent {
    if (unit.kind === 'run' || unit.kind === 'place') return this.names.runReferent(unit, h);
    const hit = unit.hit!;
    if (hit.form === 'capital') return this.registry.composite(`${this.registry.index.entries[hit.entry].id}GOV`);
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

  // ---------- pronouns ----------

  private pronounRecord(token: Token, sentence: number): MentionRecord {
    const info = PRONOUNS.get(token.lower)!;
    const ref = resolvePronoun(this.tokens, token, info, this.history.candidates(token.i, token.sentence - PRONOUN_WINDOW));
    if (ref && (info.class === 'he' || info.class === 'she')) {
      if (!ref.person) this.registry.setType(ref, 'person');
      ref.gender ??= info.class === 'he' ? 'm' : 'f';
    }
    return this.record(token.i, token.i + 1, 'pronoun', ref, info.plural, sentence);
  }

  /** "his country" → the country of the person; "their government" → its government. */
  private possessivePronounRecord(p: Extract<Phrase, { kind: 'possessive-pronoun' }>, sentence: number): MentionRecord {
    const info = PRONOUNS.get(p.token.lower)!;
    const owner = resolvePronoun(this.tokens, p.token, info, this.history.candidates(p.token.i, p.token.sentence - PRONOUN_WINDOW));
    let ref: Referent | null = null;
    if (owner && p.countryNoun) {
      ref = owner.type === 'country' ? owner : owner.country ? this.countryReferent(owner.country) : null;
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

/** What the titles before a name tell: a person, maybe a gender. */
function hints(p: ActorPhrase): NameHints {
  const lastRole = p.roles[p.roles.length - 1]?.role;
  const gender = p.honorifics.map((h) => h.honorific?.gender).find(Boolean) ?? lastRole?.word.gender;
  return { person: p.honorifics.length > 0 || lastRole?.word.kind === 'person', gender };
}

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
