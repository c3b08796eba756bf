// Readers of the PETRARCH2 dictionary formats (the .actors files and the agents file), as the
// PETRARCH reader understands them:
//   NAME_ [CODE]          a primary phrase, optionally with its default code on the same line
//   +SYNONYM_             a synonym of the primary above
//   <tab>[CODE dates]     a code, dated ">YYMMDD" (from), "<YYMMDD" (until), "A-B" (between)
// Consecutive primaries without codes share the codes that follow them. Two-digit years up to
// 30 are 20YY, the others 19YY; eight-digit dates are YYYYMMDD.
import fs from 'node:fs';
import type { ActorRole } from '../../src/models/actors';

export interface RawPrimary {
  name: string;
  synonyms: string[];
  /** The comment on the primary line ("CountryInfo.txt" marks people). */
  comment: string;
}

export interface RawGroup {
  primaries: RawPrimary[];
  codes: ActorRole[];
}

/** Reads one .actors file into groups of primaries sharing their codes. */
export function readActorsFile(file: string): RawGroup[] {
  const groups: RawGroup[] = [];
  let group: RawGroup | null = null;
  let primary: RawPrimary | null = null;
  for (const rawLine of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    if (/^\s*(#|<!|$)/.test(line)) continue;
    const [body, ...commentParts] = line.split('#');
    const comment = commentParts.join('#').trim();
    if (/^\s/.test(line) && body.trim().startsWith('[')) {
      if (group) group.codes.push(...parseCodes(body));
      continue;
    }
    if (body.startsWith('+')) {
      if (primary) primary.synonyms.push(body.slice(1).split(';')[0].trim());
      continue;
    }
    const name = body.split('[')[0].split(';')[0].trim();
    if (!name) continue;
    if (!group || group.codes.length > 0) {
      group = { primaries: [], codes: [] };
      groups.push(group);
    }
    primary = { name, synonyms: [], comment };
    group.primaries.push(primary);
    group.codes.push(...parseCodes(body));
  }
  return groups.filter((g) => g.codes.length > 0);
}

/** The codes in "[SYRGOV >000717] [SYRELI]"; malformed dates drop their code, as in PETRARCH. */
export function parseCodes(text: string): ActorRole[] {
  const roles: ActorRole[] = [];
  for (const m of text.matchAll(/\[([^\]}]*)[\]}]/g)) {
    const [code, ...rest] = m[1].trim().split(/\s+/);
    if (!code || !/^[A-Z-]{3,}$/.test(code.replace(/^~/, ''))) continue;
    const restriction = rest.join('');
    if (!restriction) {
      roles.push({ code });
      continue;
    }
    const role = parseRestriction(code, restriction);
    if (role) roles.push(role);
  }
  return roles;
}

function parseRestriction(code: string, restriction: string): ActorRole | null {
  const until = /^<(\d+)$/.exec(restriction);
  if (until) return withDates(code, undefined, until[1]);
  const from = /^>(\d+)$/.exec(restriction);
  if (from) return withDates(code, from[1], undefined);
  const between = /^(\d+)-(\d+)$/.exec(restriction);
  if (between) return withDates(code, between[1], between[2]);
  const bare = /^(\d+)$/.exec(restriction); // "[USAGOV 19820101]": a start date without its >
  if (bare) return withDates(code, bare[1], undefined);
  return null;
}

function withDates(code: string, from: string | undefined, to: string | undefined): ActorRole | null {
  const f = from === undefined ? undefined : petrarchDate(from);
  const t = to === undefined ? undefined : petrarchDate(to);
  if (f === null || t === null) return null;
  if (f && t && t < f) return null;
  return { code, ...(f ? { from: f } : {}), ...(t ? { to: t } : {}) };
}

/** "000717" → 2000-07-17, "830101" → 1983-01-01, "19890604" → 1989-06-04; null when invalid. */
export function petrarchDate(digits: string): string | null {
  let d = digits;
  if (d.length > 8) d = d.slice(-8); // "1920030320": a stray prefix before YYYYMMDD
  let year: number;
  if (d.length === 6) {
    const yy = Number(d.slice(0, 2));
    year = yy <= 30 ? 2000 + yy : 1900 + yy;
    d = d.slice(2);
  } else if (d.length === 8) {
    year = Number(d.slice(0, 4));
    d = d.slice(4);
  } else return null;
  const month = Number(d.slice(0, 2));
  const day = Number(d.slice(2, 4));
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------- agents ----------

export interface RawAgent {
  /** Lower-case phrase with spaces. */
  phrase: string;
  /** Explicit plural forms; [] when the dictionary says there is none ({}), undefined: regular. */
  plurals?: string[];
  /** Role code without the ~ (GOV, GOVMED ...). */
  code: string;
}

// Substitution sets expand into singular forms whose plural is their partner in the set.
const PLURAL_PARTNERS: Record<string, string> = { MAN: 'MEN', WOMAN: 'WOMEN', PERSON: 'PEOPLE', MINISTER: 'MINISTERS', MINISTRY: 'MINISTRIES' };

/** Reads the agents file: "PHRASE {PLURAL} [~CODE]" lines and "!SET! = A, B" substitution sets. */
export function readAgentsFile(file: string): RawAgent[] {
  const sets = new Map<string, string[]>();
  const agents: RawAgent[] = [];
  for (const rawLine of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = rawLine.split('#')[0].trim();
    if (!line || line.startsWith('<!')) continue;
    const set = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(line);
    if (set) {
      sets.set(set[1], set[2].split(',').map((s) => s.trim()).filter((s) => !Object.values(PLURAL_PARTNERS).includes(s)));
      continue;
    }
    const entry = /^([^{[]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)[\]}]/.exec(line);
    if (!entry) continue; // prefixed codes ("[NGO~]") do not combine with a country: left out
    const [, phrase, pluralBraces, code] = entry;
    const explicitPlurals = pluralBraces === undefined ? undefined : pluralBraces.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean);
    for (const expanded of expandSets(phrase, sets)) {
      agents.push({
        phrase: agentPhrase(expanded.singular),
        plurals: expanded.plural ? [agentPhrase(expanded.plural)] : explicitPlurals?.map(agentPhrase),
        code,
      });
    }
  }
  return agents;
}

function expandSets(phrase: string, sets: Map<string, string[]>): { singular: string; plural?: string }[] {
  const marker = /![A-Z]+!/.exec(phrase);
  if (!marker) return [{ singular: phrase }];
  const options = sets.get(marker[0]) ?? [];
  return options.map((word) => {
    const partner = PLURAL_PARTNERS[word];
    return {
      singular: phrase.replace(marker[0], word),
      plural: partner ? phrase.replace(marker[0], partner) : undefined,
    };
  });
}

const agentPhrase = (s: string): string => s.toLowerCase().replace(/[_\s]+/g, ' ').trim();
