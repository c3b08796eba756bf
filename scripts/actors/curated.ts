// Readers of the hand-curated tables in scripts/data/ (see the header of each file).
import fs from 'node:fs';
import type { ActorEntry, ActorRole, RoleWord } from '../../src/models/actors';
import type { ActorType } from '../../src/analysis/types';

export interface CuratedCountry {
  code: string;
  name: string;
  aliases: string[];
  demonyms: string[];
  capitals: string[];
}

/** Rows of a tab-separated file without its # comment lines; each row has `columns` fields. */
function readRows(file: string, columns: number): string[][] {
  const rows: string[][] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim() || line.startsWith('#')) return;
      const fields = line.split('\t');
      if (fields.length !== columns) throw new Error(`${file}:${i + 1}: expected ${columns} tab-separated fields, found ${fields.length}`);
      rows.push(fields.map((f) => f.trim()));
    });
  return rows;
}

const list = (field: string): string[] => field.split('|').map((s) => s.trim()).filter(Boolean);

export function readCountries(file: string): CuratedCountry[] {
  return readRows(file, 5).map(([code, name, aliases, demonyms, capitals]) => ({
    code,
    name,
    aliases: list(aliases),
    demonyms: list(demonyms),
    capitals: list(capitals),
  }));
}

/** "USAGOV 2017-01-20..2021-01-20; USAGOV 2025-01-20.." → dated roles. */
export function parseRoles(field: string, where: string): ActorRole[] {
  return field
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((spec) => {
      const m = /^([A-Z-]{3,})(?:\s+(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?)?$/.exec(spec);
      if (!m) throw new Error(`${where}: bad role "${spec}"`);
      const [, code, from, to] = m;
      return { code, ...(from ? { from } : {}), ...(to ? { to } : {}) };
    });
}

const TYPES: ActorType[] = ['country', 'government', 'person', 'organisation', 'igo', 'armed-group', 'group', 'media', 'author', 'unknown'];

export function readCuratedActors(file: string): ActorEntry[] {
  return readRows(file, 6).map(([id, name, type, country, names, roles]) => {
    if (!TYPES.includes(type as ActorType)) throw new Error(`${file}: ${id}: unknown type ${type}`);
    const parsedRoles = parseRoles(roles, `${file}: ${id}`);
    return {
      id,
      name,
      type: type as ActorType,
      country: country || null,
      names: list(names),
      ...(parsedRoles.length ? { roles: parsedRoles } : {}),
    };
  });
}

/** Curated role words; a word whose code is "-" is a removal (returned with code "-"). */
export function readCuratedRoles(file: string): RoleWord[] {
  return readRows(file, 5).map(([phrase, plurals, code, kind, flags]) => {
    const flagSet = new Set(list(flags.replace(/,/g, '|')));
    const word: RoleWord = { phrase: phrase.toLowerCase(), code, kind: kind === 'body' ? 'body' : 'person' };
    if (plurals) word.plurals = list(plurals).map((p) => p.toLowerCase());
    if (flagSet.has('bare')) word.bare = true;
    if (flagSet.has('plural')) word.plural = true;
    if (flagSet.has('m')) word.gender = 'm';
    if (flagSet.has('f')) word.gender = 'f';
    return word;
  });
}
