// GET /openapi.json: the OpenAPI 3.1 document generated from the zod schemas. It must be whole
// (every reference resolves, every route answers), and the API's real answers must match the
// schemas it documents (strict: no field left out of the document).
import type { z } from 'zod';
import * as answers from '../../src/api/responses';
import type { Analysis } from '../../src/analysis/types';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import type { StoredArticle } from '../../src/store/article-store';
import { http, silentLogger, testConfig } from '../setup/helpers';

let api: RunningApi;
let doc: any;
let articleId: string;

beforeAll(async () => {
  api = await startApi(testConfig(), silentLogger);
  doc = (await http(api.url, 'GET', '/openapi.json')).body;
  const text = 'Kenya thanked Ghana for its help, the minister said.';
  const posted = await http(api.url, 'POST', '/articles', { json: { title: 'Kenya and Ghana', text, publishedAt: '2019-05-01', source: 'Wire' } });
  articleId = posted.body.articleId;
  const analysis: Analysis = {
    quotes: [{ start: 0, end: 33, text: text.slice(0, 33), kind: 'indirect', cue: { start: 42, end: 46, text: 'said' }, speaker: { start: 35, end: 46, text: 'the minister', actorId: 'KEN', name: 'Kenya' }, confidence: 0.7 }],
    actors: [
      { id: 'KEN', name: 'Kenya', type: 'country', mentions: [{ start: 0, end: 5, text: 'Kenya' }] },
      { id: 'GHA', name: 'Ghana', type: 'country', mentions: [{ start: 14, end: 19, text: 'Ghana' }] },
    ],
    stances: [{ source: 'KEN', target: 'GHA', score: 0.6, polarity: 1, evidence: [{ start: 0, end: 33, text: text.slice(0, 33), score: 0.6, quote: 0 }] }],
  };
  await api.store.recordAnalysis((await api.store.get(articleId)) as StoredArticle, analysis);
});
afterAll(async () => {
  await api.close();
});

it('is an OpenAPI 3.1 document whose every reference resolves', () => {
  expect(doc).toMatchObject({ openapi: '3.1.0', info: { title: 'stance' }, jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema' });
  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
  expect(refs.length).toBeGreaterThan(10);
  for (const ref of new Set(refs)) {
    const target = /"\$ref":"#\/components\/schemas\/([^"]+)"/.exec(ref)?.[1];
    expect(target && doc.components.schemas[target]).toBeTruthy();
  }
  for (const [route, methods] of Object.entries<any>(doc.paths)) {
    for (const [method, operation] of Object.entries<any>(methods)) {
      expect({ route, method, summary: typeof operation.summary, has200: Object.keys(operation.responses).some((s) => s.startsWith('2')) })
        .toEqual({ route, method, summary: 'string', has200: true });
    }
  }
});

it('documents the request schemas the routes validate with: bodies, query parameters, path parameters', () => {
  const post = doc.paths['/articles'].post.requestBody.content['application/json'].schema;
  expect(post).toMatchObject({ type: 'object', required: ['text'], additionalProperties: false });
  expect(Object.keys(post.properties).sort()).toEqual(['entities', 'publishedAt', 'source', 'text', 'title', 'url']);
  const summary = doc.paths['/stance/summary'].get.parameters.map((p: { name: string }) => p.name);
  expect(summary).toEqual(['source', 'target', 'actor', 'from', 'to', 'minArticles', 'minConfidence', 'sort', 'limit', 'cursor']);
  expect(doc.paths['/articles/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true, schema: { type: 'string' } });
  expect(doc.paths['/articles/batch'].post.requestBody.content['application/json'].schema.properties.articles.maxItems).toBe(1000);
});

it('describes what every route really answers', async () => {
  const checks: [string, string, z.ZodType, unknown?][] = [
    ['POST', '/articles', answers.submission, { text: 'Peru praised Chile, the envoy said.' }],
    ['POST', '/articles/batch', answers.batchResult, { articles: [{ text: 'Chile praised Peru, the envoy said.' }] }],
    ['GET', '/articles', answers.recentArticles],
    ['GET', `/articles/${articleId}?include=all`, answers.article],
    ['GET', `/articles/${articleId}`, answers.article],
    ['GET', `/jobs/article-${articleId}`, answers.job],
    ['GET', '/stance/summary?limit=1', answers.summary],
    ['GET', '/stance/pair?source=KEN&target=GHA', answers.pairArticles],
    ['GET', '/stance/timeline?source=KEN&interval=week', answers.timeline],
    ['GET', '/actors?q=iran&limit=3', answers.actorsPage],
    ['GET', '/actors/KEN', answers.actorWithStances],
    ['GET', '/health', answers.health],
    ['GET', '/nowhere', answers.errorBody],
    ['GET', '/stance/summary?limit=many', answers.errorBody],
  ];
  for (const [method, url, schema, json] of checks) {
    const reply = await http(api.url, method, url, json === undefined ? {} : { json });
    const parsed = schema.safeParse(reply.body);
    expect({ url, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ url, issues: [] });
    // Each answer's route and status are in the document.
    const route = Object.keys(doc.paths).find((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(url.split('?')[0]));
    if (reply.status < 400) expect(doc.paths[route as string][method.toLowerCase()].responses[reply.status]).toBeDefined();
  }
});
