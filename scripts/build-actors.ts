// Builds models/actors.json, the actor dictionary, from the PETRARCH2 / Phoenix dictionaries
// (Open Event Data Alliance, MIT: models/NOTICE.md) and the hand-curated tables in
// scripts/data/ (countries with demonyms and capitals, people and bodies newer than the
// dictionaries, role words).
//
// Rebuild (from the project's root; no npm script needed):
//   npx tsc -p . && node dist/scripts/build-actors.js [--reference DIR] [--out FILE]
// DIR defaults to scripts/reference/petrarch2, FILE to models/actors.json. Commit the result.
//
// What it does with the PETRARCH entries:
// - Country blocks become country entries: names, demonyms and capitals come from
//   scripts/data/countries.tsv; the block's other synonyms are kept as names when they are
//   spellings of the country's name, else as places (cities, provinces: not actors).
// - Other entries become people (CountryInfo entries and person-like names) or bodies. People's
//   names lose their titles ("PRESIDENT_PUTIN" → Putin); a one-word alias is kept only when the
//   dictionary lists it bare. Person-like synonyms listed under a body ("+KHALED_MESHAAL" under
//   HAMAS) become people with the body's codes. Body-like synonyms under a person
//   ("+ASSAD_REGIME") are dropped: the role grammar reads them.
// - Undated ELI (elite) defaults of people are dropped: they would merge every former office
//   holder of a country into one actor; out of office, a person is an actor of their own.
// - Curated entries (scripts/data/actors.tsv) take their names away from generated ones.
import fs from 'node:fs';
import path from 'node:path';
import type { ActorDictionary } from '../src/models/actors';
import type { ActorType } from '../src/analysis/types';
import { readCountries, readCuratedActors, readCuratedRoles } from './actors/curated';
import { EntryBuilder } from './actors/entries';
import { readActorsFile, readAgentsFile } from './actors/petrarch';
import { buildRoleWords } from './actors/roles';

const ACTOR_FILES = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'];

function main(): void {
  const root = findProjectRoot(__dirname);
  const args = parseArgs(process.argv.slice(2));
  const reference = path.resolve(args.reference ?? path.join(root, 'scripts', 'reference', 'petrarch2'));
  const out = path.resolve(args.out ?? path.join(root, 'models', 'actors.json'));
  const data = path.join(root, 'scripts', 'data');

  const countries = readCountries(path.join(data, 'countries.tsv'));
  const curated = readCuratedActors(path.join(data, 'actors.tsv'));
  const roleWords = buildRoleWords(readAgentsFile(path.join(reference, 'Phoenix.agents.txt')), readCuratedRoles(path.join(data, 'roles.tsv')));
  const groups = ACTOR_FILES.flatMap((f) => readActorsFile(path.join(reference, f)));

  const builder = new EntryBuilder(countries, curated, roleWords);
  builder.addGroups(groups);
  const actors = builder.finish();
  const dictionary: ActorDictionary = { actors, roleWords };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, formatDictionary(dictionary));
  const count = (t: ActorType) => actors.filter((a) => a.type === t).length;
  console.log(
    `${out}: ${actors.length} actors (${count('country')} countries, ${count('person')} people, ${actors.length - count('country') - count('person')} bodies), ` +
      `${roleWords.length} role words, ${(fs.statSync(out).size / 1e6).toFixed(2)} MB`,
  );
}

// ---------- output ----------

/** One entry per line: readable diffs when the dictionary is rebuilt. */
function formatDictionary(dictionary: ActorDictionary): string {
  const lines = (items: unknown[]) => items.map((a) => '    ' + JSON.stringify(a)).join(',\n');
  return `{\n  "actors": [\n${lines(dictionary.actors)}\n  ],\n  "roleWords": [\n${lines(dictionary.roleWords ?? [])}\n  ]\n}\n`;
}

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'scripts', 'data'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no project root above ${from}`);
  }
}

function parseArgs(argv: string[]): { reference?: string; out?: string } {
  const args: { reference?: string; out?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reference') args.reference = argv[++i];
    else if (argv[i] === '--out') args.out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}; usage: node dist/scripts/build-actors.js [--reference DIR] [--out FILE]`);
  }
  return args;
}

main();