// GET /actors and GET /actors/:id: the dictionary (with a user's ACTORS_FILE), searched and paged,
// and one actor with its stance rows from the summary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../../src/analysis';
import type { Analysis } from '../../src/analysis/types';
import { loadModels } from '../../src/models';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { articleIdFor, jobIdFor } from '../../src/store/article-id';
import type { StoredArticle } from '../../src/store/article-store';
import { expectApiError, http, silentLogger, testConfig } from '../setup/helpers';

let api: RunningApi;
let dir: string;
const get = (url: string) => http(api.url, 'GET', url);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-actors-'));
  const actorsFile = path.join(dir, 'my-actors.json');
  fs.writeFileSync(
    actorsFile,
    JSON.stringify({
      actors: [
        { id: 'ARN', name: 'Arnor', type: 'country', country: 'ARN', names: ['Arnor', 'Kingdom of Arnor'], demonyms: ['Arnorian'], capitals: ['Annuminas'] },
        { id: 'ARAGORN', name: 'Aragorn', type: 'person', country: 'ARN', names: ['Aragorn', 'Strider'], roles: [{ code: 'ARNGOV', from: '2019-01-01' }] },
        // Overrides the dictionary's own entry for Iran.
        { id: 'IRN', name: 'Islamic Republic of Iran', type: 'country', country: 'IRN', names: ['Iran'] },
      ],
    }),
  );
  api = await startApi(testConfig({ ACTORS_FILE: actorsFile }), silentLogger);
});
afterAll(async () => {
  await api.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /actors', () => {
  it('lists the dictionary a page at a time, with a link to the next page', async () => {
    const first = await get('/actors?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.total).toBeGreaterThan(1000);
    expect(first.body).toMatchObject({ offset: 0, limit: 3, links: { next: '/actors?limit=3&offset=3' } });
    expect(first.body.actors).toHaveLength(3);
    expect(first.body.actors[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), type: expect.any(String), names: expect.any(Array) }));
    const second = await get(first.body.links.next);
    expect(second.body.actors[0].id).not.toBe(first.body.actors[0].id);
    const last = await get(`/actors?limit=3&offset=${first.body.total - 1}`);
    expect(last.body).toMatchObject({ links: { next: null } });
    expect(last.body.actors).toHaveLength(1);
  });

  it('finds actors by any of their names, whole names first, ignoring case and accents', async () => {
    const iran = await get('/actors?q=IRAN&limit=5');
    expect(iran.body.actors[0]).toMatchObject({ id: 'IRN', name: 'Islamic Republic of Iran' });
    const assad = await get('/actors?q=bashar%20al-assad');
    expect(assad.body.actors.map((a: { id: string }) => a.id)).toContain('BASHAR_AL_ASSAD');
    const strider = await get('/actors?q=str%C3%ACder'); // "strìder"
    expect(strider.body.actors.map((a: { id: string }) => a.id)).toEqual(['ARAGORN']);
    expect((await get('/actors?q=no-such-actor-anywhere')).body).toMatchObject({ total: 0, actors: [] });
  });

  it('filters by type and country', async () => {
    const people = await get('/actors?country=ARN&type=person');
    expect(people.body.actors).toEqual([
      { id: 'ARAGORN', name: 'Aragorn', type: 'person', country: 'ARN', names: ['Aragorn', 'Strider'], roles: [{ code: 'ARNGOV', from: '2019-01-01' }] },
    ]);
    const countries = await get('/actors?type=country&limit=500');
    expect(countries.body.actors.every((a: { type: string }) => a.type === 'country')).toBe(true);
  });

  it.each([
    ['q is empty', '?q=', /^q: must not be empty/],
    ['limit is too big', '?limit=501', /^limit: must be at most 500/],
    ['limit is not a number', '?limit=all', /^limit: /],
    ['offset is negative', '?offset=-1', /^offset: must be at least 0/],
    ['country is not a code', '?country=Iran', /^country: must be a three-letter country code/],
    ['type is not a type', '?type=Big%20Country', /^type: must be an actor type/],
    ['a parameter is unknown', '?name=Iran', /unknown field\(s\) name/],
  ])('refuses with 400 naming the parameter when %s', async (_case, query, message) => {
    expectApiError(await get(`/actors${query}`), 400, 'invalid_request', message);
  });
});

describe('GET /actors/:id', () => {
  /** Records an analysis in which `source` speaks about `target` with the given score. */
  async function recordStance(text: string, source: [string, string], target: [string, string], score: number): Promise<void> {
    const id = articleIdFor({ text });
    await api.store.register([{ id, jobId: jobIdFor(id), article: { text, publishedAt: '2019-05-01' } }]);
    const analysis: Analysis = {
      quotes: [],
      actors: [source, target].map(([actorId, name]) => ({ id: actorId, name, type: 'country', mentions: [] })),
      stances: [{ source: source[0], target: target[0], score, polarity: Math.sign(score) as -1 | 0 | 1, evidence: [{ start: 0, end: text.length, text, score }] }],
    };
    await api.store.recordAnalysis((await api.store.get(id)) as StoredArticle, analysis);
  }

  it('shows a dictionary actor with its stance rows as source and as target', async () => {
    await recordStance('Arnor condemned Iran.', ['ARN', 'Arnor'], ['IRN', 'Iran'], -0.7);
    await recordStance('Iran praised Arnor.', ['IRN', 'Iran'], ['ARN', 'Arnor'], 0.4);
    const reply = await get('/actors/ARN');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: 'ARN', name: 'Arnor', type: 'country', names: ['Arnor', 'Kingdom of Arnor'] });
    expect(reply.body.stances.asSource).toHaveLength(1);
    expect(reply.body.stances.asSource[0]).toMatchObject({ source: { id: 'ARN' }, target: { id: 'IRN' }, mean: -0.7, articles: 1 });
    expect(reply.body.stances.asTarget[0]).toMatchObject({ source: { id: 'IRN' }, target: { id: 'ARN' }, mean: 0.4, articles: 1 });
  });

  it('describes composite CAMEO ids and actors only met in articles', async () => {
    const syrgov = await get('/actors/SYRGOV');
    expect(syrgov.body).toMatchObject({ id: 'SYRGOV', name: 'Syrian government', type: 'government', country: 'SYR', stances: { asSource: [], asTarget: [] } });
    await recordStance('The Gondor council warned Arnor.', ['name:gondor-council', 'Gondor council'], ['ARN', 'Arnor'], -0.3);
    const met = await get('/actors/name:gondor-council');
    expect(met.body).toMatchObject({ id: 'name:gondor-council', name: 'Gondor council', type: 'unknown' });
    expect(met.body.stances.asSource[0]).toMatchObject({ target: { id: 'ARN' }, mean: -0.3 });
  });

  it('answers the ids the analysis makes with a slash, written plain or %-encoded', async () => {
    await recordStance('The Zorb government thanked Arnor.', ['name:zorb/GOV', 'Zorb government'], ['ARN', 'Arnor'], 0.6);
    for (const url of ['/actors/name:zorb/GOV', '/actors/name%3Azorb%2FGOV', '/actors/name:zorb%2FGOV']) {
      const reply = await get(url);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ id: 'name:zorb/GOV', name: 'Zorb government', type: 'unknown' });
      expect(reply.body.stances.asSource[0]).toMatchObject({ source: { id: 'name:zorb/GOV' }, target: { id: 'ARN' }, mean: 0.6 });
    }
    expectApiError(await get('/actors/name:zorb//GOV'), 400, 'invalid_request', /^id: must be an actor id/);
    expectApiError(await get('/actors/name:zorb/GOV/'), 400, 'invalid_request', /^id: must be an actor id/);
    expectApiError(await get('/actors/name:zorb%2F..%2FGOV'), 400, 'invalid_request', /^id: must be an actor id/);
  });

  it('shows the author under an id of its own, not a dictionary actor', async () => {
    const models = loadModels({ actorsFile: path.join(dir, 'my-actors.json') });
    const text = 'The cruel tyrants of Norvania slaughtered innocent villagers.';
    const analysis = analyze({ text }, models);
    const authorPair = analysis.stances.find((s) => analysis.actors.find((a) => a.id === s.source)?.type === 'author');
    expect(authorPair).toBeDefined();
    const authorId = (authorPair as { source: string }).source;
    expect(authorId).toMatch(/^author:/);
    expect(api.actors().get(authorId)).toMatchObject({ id: authorId, name: 'the author', type: 'author' });
    const id = articleIdFor({ text });
    await api.store.register([{ id, jobId: jobIdFor(id), article: { text, publishedAt: '2019-05-01' } }]);
    await api.store.recordAnalysis((await api.store.get(id)) as StoredArticle, analysis);
    const reply = await get(`/actors/${encodeURIComponent(authorId)}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: authorId, name: 'the author', type: 'author' });
    expect(reply.body.stances.asSource[0]).toMatchObject({ source: { id: authorId, name: 'the author' }, target: { id: authorPair?.target } });
    expect((await get(`/actors/${authorId}`)).body.id).toBe(authorId);
    // The old id is a composite CAMEO code of the dictionary's (AUT + HOR), nothing of the author's.
    expect((await get('/actors/AUTHOR')).body.stances).toEqual({ asSource: [], asTarget: [] });
  });

  it('answers 404 for an id nobody knows and 400 for one that cannot be an id', async () => {
    expectApiError(await get('/actors/NOSUCHACTOR'), 404, 'not_found', /NOSUCHACTOR/);
    expectApiError(await get(`/actors/${'A'.repeat(101)}`), 400, 'invalid_request', /^id: must be an actor id/);
    expectApiError(await get('/actors/IRN*'), 400, 'invalid_request', /^id: /);
  });
});
