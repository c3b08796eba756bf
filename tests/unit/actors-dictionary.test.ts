// The actor dictionary: its file format, dated roles, compiling several dictionaries, the
// catalogue behind GET /actors, and the PETRARCH readers the build script uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type ActorDictionary,
  actorCode,
  actorsById,
  compileActorIndex,
  phraseKeys,
  readActorDictionary,
  roleAt,
  tokenKey,
} from '../../src/models/actors';
import { parseCodes, petrarchDate } from '../../scripts/actors/petrarch';

function writeJson(data: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'actors-')), 'actors.json');
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}

const arnor: ActorDictionary = {
  actors: [
    { id: 'ARN', name: 'Arnor', type: 'country', country: 'ARN', names: ['Arnor', 'Kingdom of Arnor'], demonyms: ['Arnorian', 'Arnorians'], capitals: ['Fornost'] },
    { id: 'ARVEDUI', name: 'Arvedui', type: 'person', country: 'ARN', names: ['Arvedui', 'King Arvedui'], roles: [{ code: 'ARNGOV', from: '1964-01-01', to: '1975-01-01' }] },
  ],
  roleWords: [{ phrase: 'steward', plurals: ['stewards'], code: 'GOV', kind: 'person', bare: true }],
};

describe('reading an actor dictionary', () => {
  it('reads a valid file', () => {
    const dictionary = readActorDictionary(writeJson(arnor));
    expect(dictionary.actors.map((a) => a.id)).toEqual(['ARN', 'ARVEDUI']);
    expect(dictionary.roleWords?.[0].phrase).toBe('steward');
  });

  it('names the file and the entry in its error', () => {
    const file = writeJson({ actors: [arnor.actors[0], { ...arnor.actors[1], roles: [{ code: 'ARNGOV', from: '64-01-01' }] }] });
    expect(() => readActorDictionary(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*actors\\[1\\] \\("ARVEDUI"\\)\\.roles`));
  });

  it('reports a file that is not JSON', () => {
    const file = writeJson('');
    fs.writeFileSync(file, '{ not json');
    expect(() => readActorDictionary(file)).toThrow(/actor dictionary .*actors\.json/);
  });
});

describe('roles by date', () => {
  const trump = { roles: [{ code: 'USAGOV', from: '2017-01-20', to: '2021-01-20' }, { code: 'USAGOV', from: '2025-01-20' }] };

  it('gives the role in force at the date, none outside it', () => {
    expect(roleAt(trump, '2019-02-25')).toBe('USAGOV');
    expect(roleAt(trump, '2015-06-16')).toBeNull();
    expect(roleAt(trump, '2021-01-20')).toBeNull(); // the end date is exclusive
    expect(roleAt(trump, '2025-03-01')).toBe('USAGOV');
  });

  it('falls back to the undated default, and prefers the role that began last', () => {
    const minister = { roles: [{ code: 'XXXELI' }, { code: 'XXXGOV', from: '2000-01-01' }, { code: 'XXXMIL', from: '2010-01-01', to: '2012-01-01' }] };
    expect(roleAt(minister, '1990-01-01')).toBe('XXXELI');
    expect(roleAt(minister, '2005-01-01')).toBe('XXXGOV');
    expect(roleAt(minister, '2011-01-01')).toBe('XXXMIL');
  });

  it('holds no dated role without a date, only the undated default', () => {
    expect(roleAt(trump, undefined)).toBeNull();
    expect(roleAt({ roles: [{ code: 'XXXELI' }, { code: 'XXXGOV', from: '2000-01-01' }] }, undefined)).toBe('XXXELI');
  });

  it('keeps a named group in an actor code and drops sector refinements', () => {
    expect(actorCode('USAGOVMIL')).toBe('USAGOV');
    expect(actorCode('PSEREBHMS')).toBe('PSEREBHMS');
    expect(actorCode('SYRREBMUS')).toBe('SYRREB');
    expect(actorCode('IRN')).toBe('IRN');
  });
});

describe('compiling dictionaries', () => {
  const base: ActorDictionary = {
    actors: [{ id: 'LBNREBHEZ', name: 'Hezbollah', type: 'armed-group', country: 'LBN', names: ['Hezbollah'] }],
  };

  it('lets a later dictionary add entries and override by id', () => {
    const user: ActorDictionary = { actors: [{ id: 'LBNREBHEZ', name: 'Hizbullah', type: 'armed-group', country: 'LBN', names: ['Hizbullah', 'Party of God'] }, ...arnor.actors] };
    const index = compileActorIndex([base, user]);
    expect(index.entries).toHaveLength(3);
    expect(index.entries[index.byId.get('LBNREBHEZ')!].name).toBe('Hizbullah');
    expect(index.names.get(phraseKeys('Party of God')).map((h) => index.entries[h.entry].id)).toEqual(['LBNREBHEZ']);
    expect(index.names.get(['fornost'])[0].form).toBe('capital');
    expect(index.countries.get('ARN')?.adjective).toBe('Arnorian');
  });

  it('matches a person also without the particles of their name', () => {
    const index = compileActorIndex([{ actors: [{ id: 'B', name: 'Bashar al-Assad', type: 'person', country: 'SYR', names: ['Bashar al-Assad'] }] }]);
    expect(index.names.get(['bashar', 'assad'])).toHaveLength(1);
    expect(index.firstNames.has('bashar')).toBe(true);
  });

  it('reads names as the tokens wink-nlp makes of them', () => {
    expect(phraseKeys("SYRIA'S_ARMY")).toEqual(['syria', "'s", 'army']);
    expect(phraseKeys('BASHAR_AL-ASSAD')).toEqual(['bashar', 'al', 'assad']);
    expect(phraseKeys('Animal Liberation Front (ALF)')).toEqual(['animal', 'liberation', 'front']);
    expect(tokenKey('U.S.')).toBe('us');
    expect(tokenKey('Erdoğan')).toBe('erdogan');
  });
});

describe('the actor catalogue', () => {
  const index = compileActorIndex([arnor, { actors: [{ id: 'SYR', name: 'Syria', type: 'country', country: 'SYR', names: ['Syria'], demonyms: ['Syrian'] }] }]);
  const catalogue = actorsById(index);

  it('lists every entry and finds one by id', () => {
    expect(catalogue.list().map((a) => a.id)).toEqual(['ARN', 'ARVEDUI', 'SYR']);
    expect(catalogue.get('ARVEDUI')).toMatchObject({ name: 'Arvedui', type: 'person', roles: [{ code: 'ARNGOV' }] });
  });

  it('describes a composite CAMEO id from its country and role', () => {
    expect(catalogue.get('SYRGOV')).toMatchObject({ id: 'SYRGOV', name: 'Syrian government', type: 'government', country: 'SYR' });
    expect(catalogue.get('ARNREB')).toMatchObject({ name: 'Arnorian rebels', type: 'armed-group' });
    expect(catalogue.get('XYZGOV')).toBeUndefined();
  });
});

describe('the PETRARCH readers', () => {
  it('reads two-digit years up to 30 as 20YY, others as 19YY, and eight-digit dates', () => {
    expect(petrarchDate('000717')).toBe('2000-07-17');
    expect(petrarchDate('830101')).toBe('1983-01-01');
    expect(petrarchDate('19890604')).toBe('1989-06-04');
    expect(petrarchDate('2004017')).toBeNull();
    expect(petrarchDate('991340')).toBeNull();
  });

  it('reads dated codes: from, until, between, undated', () => {
    expect(parseCodes('\t[SYRGOV >000717]')).toEqual([{ code: 'SYRGOV', from: '2000-07-17' }]);
    expect(parseCodes('\t[IRQ <20030320]')).toEqual([{ code: 'IRQ', to: '2003-03-20' }]);
    expect(parseCodes('[SYRELI 830101-000101] [SYRELI]')).toEqual([{ code: 'SYRELI', from: '1983-01-01', to: '2000-01-01' }, { code: 'SYRELI' }]);
    expect(parseCodes('\t[SYROPP > 20120101]')).toEqual([{ code: 'SYROPP', from: '2012-01-01' }]);
    expect(parseCodes('\t[KORGOVBUS 2004017-20061201]')).toEqual([]);
  });
});
