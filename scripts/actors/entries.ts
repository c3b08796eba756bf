// The dictionary's entries from the PETRARCH groups: countries (with the curated names, demonyms
// and capitals, their other synonyms kept as spellings or places), people (titles off their
// names, duplicates merged) and bodies; then the curated entries, which take their names away
// from generated ones. See the header of scripts/build-actors.ts for the rules.
import { type ActorEntry, type ActorRole, NAME_PARTICLES, type RoleWord, personNameKey, phraseKeys, roleLabel } from '../../src/models/actors';
import type { ActorType } from '../../src/analysis/types';
import type { CuratedCountry } from './curated';
import { HONORIFICS, formatName, isSpelling, stripTitles } from './names';
import type { RawGroup, RawPrimary } from './petrarch';

/** Words that make a name a body's, not a person's. */
const ORG_WORDS = new Set(
  (
    'agency army association authority bank board brigade brigades bureau cabinet center centre church college command commission committee ' +
    'company congress corporation corps council court department directorate embassy faction federation force forces foundation front ' +
    'fund government group guard guards inc institute international islamic jihad league ltd media militia ministry mission movement ' +
    'network news office organization organisation parliament party police press radio regime republic service services society ' +
    'state states television times tribunal tv union united university administration alliance coalition assembly council forum ' +
    'people people\'s national revolutionary liberation resistance army\'s brotherhood battalion battalions division unit'
  ).split(' '),
);
/** Generic words of a country's official name ("ISLAMIC_REPUBLIC_OF_IRAN"). */
const STATE_WORDS = new Set('the of republic islamic democratic people\'s peoples kingdom federal state federation united arab socialist union commonwealth principality sultanate emirate grand duchy'.split(' '));


export class EntryBuilder {
  private readonly countryByCode = new Map<string, CuratedCountry>();
  private readonly countryEntries = new Map<string, ActorEntry>();
  private readonly entries: ActorEntry[] = [];
  private readonly usedIds = new Set<string>();
  private readonly personsByKey = new Map<string, ActorEntry>();
  private readonly roleCodes: Set<string>;
  private readonly roleWordKeys: Set<string>;
  /** Every role phrase and plural, as keys ("vice president", "foreign ministries"). */
  private readonly rolePhrases: Set<string>;
  private readonly countryWords = new Set<string>();
  private readonly firstNames = new Set<string>();

  constructor(
    countries: CuratedCountry[],
    private readonly curated: ActorEntry[],
    roleWords: RoleWord[],
  ) {
    for (const e of curated) {
      this.usedIds.add(e.id);
      const keys = phraseKeys(e.name);
      if (e.type === 'person' && keys.length > 1) this.firstNames.add(keys[0]);
    }
    for (const c of countries) {
      this.countryByCode.set(c.code, c);
      this.countryEntries.set(c.code, {
        id: c.code,
        name: c.name,
        type: 'country',
        country: c.code,
        names: [c.name, ...c.aliases],
        demonyms: c.demonyms,
        capitals: c.capitals,
        places: [],
      });
      for (const phrase of [c.name, ...c.aliases, ...c.demonyms]) for (const k of phraseKeys(phrase)) this.countryWords.add(k);
    }
    this.roleCodes = new Set(roleWords.map((w) => w.code.slice(0, 3)));
    this.roleWordKeys = new Set(roleWords.flatMap((w) => [w.phrase, ...(w.plurals ?? [])]).filter((p) => !p.includes(' ')));
    this.rolePhrases = new Set(roleWords.flatMap((w) => [w.phrase, ...(w.plurals ?? [])].map((p) => phraseKeys(p).join(' '))));
  }

  addGroups(groups: RawGroup[]): void {
    // First names seen in CountryInfo's people tell person-like names from others.
    for (const g of groups)
      for (const p of g.primaries)
        if (p.comment.includes('CountryInfo')) {
          const keys = phraseKeys(p.name).filter((k) => !HONORIFICS.has(k));
          if (keys.length > 1 && !NAME_PARTICLES.has(keys[0])) this.firstNames.add(keys[0]);
        }
    const mainBlocks = this.findMainCountryBlocks(groups);
    for (const group of groups) {
      const countryCode = this.plainCountryCode(group);
      for (const primary of group.primaries) {
        if (countryCode && mainBlocks.get(countryCode) === primary) this.addCountrySynonyms(countryCode, primary);
        else if (countryCode) this.addPlaces(countryCode, [primary.name, ...primary.synonyms]);
        else this.addPrimary(primary, this.cleanCodes(group.codes));
      }
    }
  }

  /** The main block of each country: the one headed by its name, else its first block. */
  private findMainCountryBlocks(groups: RawGroup[]): Map<string, RawPrimary> {
    const main = new Map<string, RawPrimary>();
    const named = new Set<string>();
    for (const group of groups) {
      const code = this.plainCountryCode(group);
      if (!code) continue;
      const country = this.countryByCode.get(code)!;
      const names = new Set([country.name, ...country.aliases].map((n) => phraseKeys(n).join(' ')));
      for (const primary of group.primaries) {
        if (names.has(phraseKeys(primary.name).join(' ')) && !named.has(code)) {
          main.set(code, primary);
          named.add(code);
        } else if (!main.has(code)) main.set(code, primary);
      }
    }
    return main;
  }

  private plainCountryCode(group: RawGroup): string | null {
    const plain = group.codes.filter((c) => this.countryByCode.has(c.code));
    return plain.length ? plain[plain.length - 1].code : null;
  }

  private addCountrySynonyms(code: string, primary: RawPrimary): void {
    const entry = this.countryEntries.get(code)!;
    const names = [...entry.names].map((n) => phraseKeys(n).join(' '));
    const demonyms = (entry.demonyms ?? []).map((n) => phraseKeys(n).join(' '));
    const known = new Set([...names, ...demonyms, ...(entry.capitals ?? []).map((n) => phraseKeys(n).join(' '))]);
    for (const phrase of [primary.name, ...primary.synonyms]) {
      const keys = phraseKeys(phrase);
      const joined = keys.join(' ');
      if (!joined || known.has(joined)) continue;
      known.add(joined);
      const display = formatName(phrase, 'place');
      if (names.some((n) => isSpelling(joined, n)) || isOfficialName(keys, names)) entry.names.push(display);
      else if (demonyms.some((d) => isSpelling(joined, d))) entry.demonyms!.push(display);
      else entry.places!.push(display);
    }
  }

  private addPlaces(code: string, phrases: string[]): void {
    const entry = this.countryEntries.get(code)!;
    for (const phrase of phrases) if (phraseKeys(phrase).length) entry.places!.push(formatName(phrase, 'place'));
  }

  /** Codes an entry can use: country- or organisation-prefixed, not bare role codes ("[ELI]"). */
  private cleanCodes(codes: ActorRole[]): ActorRole[] {
    return codes.filter((c) => /^[A-Z]{3}/.test(c.code) && !(c.code.length === 3 && this.roleCodes.has(c.code)));
  }

  private addPrimary(primary: RawPrimary, codes: ActorRole[]): void {
    if (!codes.length) return;
    const keys = phraseKeys(primary.name);
    if (!keys.length) return;
    const dated = codes.some((c) => c.from || c.to);
    if (primary.comment.includes('CountryInfo') || this.looksLikePerson(keys) || (dated && this.looksLikePerson(keys, false))) {
      this.addPerson([primary.name, ...primary.synonyms], codes);
      return;
    }
    const bodyNames: string[] = [primary.name];
    for (const synonym of primary.synonyms) {
      const synonymKeys = phraseKeys(synonym);
      if (this.looksLikePerson(synonymKeys)) this.addPerson([synonym], codes);
      else if (synonymKeys.length) bodyNames.push(synonym);
    }
    this.addBody(bodyNames, codes);
  }

  /** Two to six words, no organisation or role word, opening with a known first name or a title
   *  (unless `needFirstName` is false: dated codes already say it is a person). */
  private looksLikePerson(keys: string[], needFirstName = true): boolean {
    if (keys.length < 2 || keys.length > 6) return false;
    if (keys.some((k) => ORG_WORDS.has(k) || this.roleWordKeys.has(k) || this.countryWords.has(k) || k === "'s")) return false;
    const first = keys.find((k) => !HONORIFICS.has(k));
    return !!first && (!needFirstName || this.firstNames.has(first) || HONORIFICS.has(keys[0]));
  }

  private addPerson(phrases: string[], codes: ActorRole[]): void {
    const names: string[] = [];
    for (const phrase of phrases) {
      const keys = phraseKeys(phrase);
      if (keys.some((k) => ORG_WORDS.has(k) || k === "'s")) continue; // "ASSAD_REGIME", "SYRIA'S_GOVERNMENT"
      const stripped = stripTitles(phrase, this.countryWords);
      const strippedKeys = phraseKeys(stripped);
      if (strippedKeys.length === 0) continue;
      if (strippedKeys.length === 1 && keys.length > 1) continue; // "PRESIDENT_PUTIN": a title made it, not a bare alias
      names.push(formatName(stripped, 'person'));
    }
    if (!names.length) return;
    const name = names.find((n) => phraseKeys(n).length > 1) ?? names[0];
    // Undated ELI: see the header.
    const roles = codes.filter((c) => !(c.code.slice(3) === 'ELI' && !c.from && !c.to));
    const country = majorityCountry(roles, this.countryByCode);
    const mergeKey = `${country}|${personNameKey(phraseKeys(name))}`;
    const existing = this.personsByKey.get(mergeKey);
    if (existing) {
      existing.names = unique([...existing.names, ...names]);
      existing.roles = uniqueRoles([...(existing.roles ?? []), ...roles]);
      return;
    }
    const entry: ActorEntry = { id: this.newId(name), name, type: 'person', country, names: unique(names), roles };
    this.personsByKey.set(mergeKey, entry);
    this.entries.push(entry);
  }

  private addBody(allPhrases: string[], codes: ActorRole[]): void {
    // "US_VICE_PRESIDENT", "IRANIAN_FOREIGN_MINISTRY": a country with role words is what the role
    // grammar reads (and it keeps a title before a name a title); as a name it would hide both.
    const phrases = allPhrases.filter((p) => !this.isCountryRolePhrase(phraseKeys(p)));
    if (!phrases.length) return;
    const name = formatName(phrases[0], 'body');
    const country = majorityCountry(codes, this.countryByCode);
    const names = unique(phrases.map((p) => formatName(p, 'body')));
    this.entries.push({ id: this.newId(name), name, type: bodyType(codes, phraseKeys(phrases[0])), country, names, roles: codes });
  }

  /** "US VICE PRESIDENT", "PRESIDENT OF THE UNITED STATES": country words and one role phrase. */
  private isCountryRolePhrase(keys: string[]): boolean {
    const isCountryWord = (k: string) => this.countryWords.has(k) || k === 'us' || k === 'the' || k === 'of';
    let start = 0;
    while (start < keys.length && isCountryWord(keys[start])) start++;
    if (start > 0 && this.rolePhrases.has(keys.slice(start).join(' '))) return true;
    const of = keys.indexOf('of');
    return of > 0 && this.rolePhrases.has(keys.slice(0, of).join(' ')) && keys.slice(of).every(isCountryWord) && keys.slice(of).some((k) => this.countryWords.has(k));
  }

  private newId(name: string): string {
    const base = name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'ACTOR';
    let id = base;
    for (let n = 2; this.usedIds.has(id) || this.countryByCode.has(id); n++) id = `${base}_${n}`;
    this.usedIds.add(id);
    return id;
  }

  /** The final list: countries, then curated entries, then generated ones minus what curated entries claim. */
  finish(): ActorEntry[] {
    const curated = this.curated;
    const owner = new Map<string, string>(); // name key → id of the entry that owns it
    const claim = (id: string, phrase: string) => {
      const key = phraseKeys(phrase).join(' ');
      if (key && !owner.has(key)) owner.set(key, id);
    };
    for (const c of this.countryEntries.values()) for (const p of [...c.names, ...(c.demonyms ?? []), ...(c.capitals ?? [])]) claim(c.id, p);
    for (const e of curated) for (const p of [e.name, ...e.names]) claim(e.id, p);

    const keep = (id: string, phrase: string) => {
      const o = owner.get(phraseKeys(phrase).join(' '));
      return o === undefined || o === id;
    };
    const curatedById = new Map(curated.map((e) => [e.id, e]));
    const generated: ActorEntry[] = [];
    for (const entry of this.entries) {
      const displayOwner = owner.get(phraseKeys(entry.name).join(' '));
      const claimedBy = displayOwner ? curatedById.get(displayOwner) : undefined;
      // Only the same actor is absorbed: same country (a "Congress" elsewhere is not the US one).
      const absorbing = claimedBy && (!claimedBy.country || !entry.country || claimedBy.country === entry.country) ? claimedBy : undefined;
      if (absorbing) {
        // The same actor as a curated entry: its other spellings join the curated one.
        absorbing.names = unique([...absorbing.names, ...entry.names.filter((n) => keep(absorbing.id, n))]);
        continue;
      }
      const names = entry.names.filter((n) => keep(entry.id, n));
      if (!names.length) continue;
      generated.push({ ...entry, names });
    }
    const countries = [...this.countryEntries.values()].map((c) => ({
      ...c,
      names: unique(c.names.filter((n) => keep(c.id, n))),
      places: unique((c.places ?? []).filter((p) => !owner.has(phraseKeys(p).join(' ')))),
    }));
    return [...countries, ...curated, ...generated];
  }
}

/** "ISLAMIC REPUBLIC OF IRAN": one of the country's names with generic state words around it. */
function isOfficialName(keys: string[], names: string[]): boolean {
  return names.some((n) => {
    const nameKeys = n.split(' ');
    for (let i = 0; i + nameKeys.length <= keys.length; i++) {
      if (nameKeys.every((k, j) => keys[i + j] === k)) {
        const rest = [...keys.slice(0, i), ...keys.slice(i + nameKeys.length)];
        return rest.every((k) => STATE_WORDS.has(k));
      }
    }
    return false;
  });
}

function majorityCountry(roles: ActorRole[], countries: Map<string, CuratedCountry>): string | null {
  const counts = new Map<string, number>();
  for (const r of roles) {
    const c = r.code.slice(0, 3);
    if (countries.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [c, n] of counts) if (best === null || n > counts.get(best)!) best = c;
  return best;
}

function bodyType(codes: ActorRole[], keys: string[]): ActorType {
  const code = codes[codes.length - 1]?.code ?? '';
  const prefix = code.slice(0, 3);
  if (prefix === 'IGO') return 'igo';
  if (prefix === 'NGO' || prefix === 'NGM' || prefix === 'MNC') return 'organisation';
  if (prefix === 'IMG') return 'armed-group';
  if (keys.some((k) => k === 'news' || k === 'television' || k === 'radio' || k === 'tv' || k === 'newspaper')) return 'media';
  const role = code.slice(3, 6);
  return role ? roleLabel(role).type : 'organisation';
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function uniqueRoles(roles: ActorRole[]): ActorRole[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const key = `${r.code}|${r.from ?? ''}|${r.to ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
