// The actors the service knows, for GET /actors: the dictionary (models/actors.json plus the
// user's ACTORS_FILE), compiled once. The API reads only the dictionary, not the language
// model: about half a second and some 40 MB, paid on the first call (the entry points warm it).
import path from 'node:path';
import { AUTHOR, AUTHOR_NAME } from '../analysis/passes/stance/evidence';
import { projectRoot } from '../config';
import {
  actorsById,
  compileActorIndex,
  foldDiacritics,
  readActorDictionary,
  type ActorIndex,
  type ActorSummary,
} from '../models/actors';

export interface ActorQuery {
  /** Words of a name, an id or part of one; case and accents do not matter. */
  q?: string;
  type?: string;
  country?: string;
  offset: number;
  limit: number;
}

export interface ActorPage {
  total: number;
  offset: number;
  limit: number;
  actors: ActorSummary[];
}

export interface ActorDirectory {
  search(query: ActorQuery): ActorPage;
  /** A dictionary entry, a composite CAMEO id (SYRGOV) described from its parts, or the author. */
  get(id: string): ActorSummary | undefined;
}

export interface ActorSources {
  modelsDir?: string;
  actorsFile?: string;
}

/** Reads and compiles the dictionary files (models/actors.json, then ACTORS_FILE). */
export function loadActorDirectory(sources: ActorSources = {}): ActorDirectory {
  const dir = sources.modelsDir ?? path.join(projectRoot(), 'models');
  const files = [path.join(dir, 'actors.json'), ...(sources.actorsFile ? [sources.actorsFile] : [])];
  return actorDirectory(compileActorIndex(files.map(readActorDictionary)));
}

/** The directory of a compiled index (`npm start` shares the workers' one). */
export function actorDirectory(index: ActorIndex): ActorDirectory {
  const catalogue = actorsById(index);
  const actors = catalogue.list();
  // One folded string per actor, its id and names separated by newlines, searched by substring.
  const haystacks = actors.map((a) => `\n${[a.id, a.name, ...a.names].map(fold).join('\n')}\n`);
  return {
    get: (id) => (id === AUTHOR ? THE_AUTHOR : catalogue.get(id)),
    search(query) {
      const needle = query.q === undefined ? undefined : fold(query.q);
      const ranked: { at: number; rank: number }[] = [];
      actors.forEach((actor, at) => {
        if (query.type !== undefined && actor.type !== query.type) return;
        if (query.country !== undefined && actor.country !== query.country) return;
        if (needle === undefined) return void ranked.push({ at, rank: 0 });
        const rank = rankOf(haystacks[at], needle);
        if (rank !== null) ranked.push({ at, rank });
      });
      // Whole names first, then names that start with the words, then the rest; dictionary order within each.
      ranked.sort((a, b) => a.rank - b.rank || a.at - b.at);
      return {
        total: ranked.length,
        offset: query.offset,
        limit: query.limit,
        actors: ranked.slice(query.offset, query.offset + query.limit).map(({ at }) => actors[at]),
      };
    },
  };
}

/** The analysis's source for what an article says in its own voice. */
const THE_AUTHOR: ActorSummary = { id: AUTHOR, name: AUTHOR_NAME, type: 'author', country: null, names: [] };

function fold(value: string): string {
  return foldDiacritics(value).toLowerCase().replace(/[\s_]+/g, ' ').trim();
}

function rankOf(haystack: string, needle: string): number | null {
  if (haystack.includes(`\n${needle}\n`)) return 0;
  if (haystack.includes(`\n${needle}`)) return 1;
  return haystack.includes(needle) ? 2 : null;
}
