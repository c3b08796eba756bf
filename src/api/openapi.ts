// GET /openapi.json: the whole API as an OpenAPI 3.1 document, generated from the zod schemas
// the routes validate requests with (schemas.ts) and the schemas of their answers
// (responses.ts), so there is one description of each, and the document follows every change.
import { z } from 'zod';
import {
  actorIdParam,
  actorsQuerySchema,
  articleIdParam,
  articleQuerySchema,
  batchSchema,
  jobIdParam,
  pairQuerySchema,
  recentArticlesQuerySchema,
  submittedArticleSchema,
  summaryQuerySchema,
  timelineQuerySchema,
} from './schemas';
import * as answers from './responses';

type JsonSchema = Record<string, unknown>;

const COMPONENT = '#/components/schemas/';

/** JSON Schema (2020-12, OpenAPI 3.1's dialect) of what a client sends. */
function requestSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return json;
}

/** A route's query parameters, one per property of its (strict object) schema. */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = requestSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

function pathParameter(name: string, schema: z.ZodType, description: string): JsonSchema {
  return { name, in: 'path', required: true, description, schema: requestSchema(schema) };
}

const ref = (id: string) => ({ $ref: `${COMPONENT}${id}` });
const json = (schema: JsonSchema, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);

/** The answers every route but /health may give besides its own. */
const COMMON_ERRORS = {
  401: error('An API key is wanted (API_KEYS is set): Bearer token or the password of HTTP Basic'),
  429: error('Too many requests (RATE_LIMIT); Retry-After says when to try again'),
  503: error('Redis cannot be reached'),
};

const inline = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'output' }) as JsonSchema;
  return rest;
};

export function openApiDocument(options: { batchMaxArticles: number }): JsonSchema {
  const { schemas } = z.toJSONSchema(answers.responseSchemas, { io: 'output', uri: (id) => `${COMPONENT}${id}` }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
    delete schema.id;
  }
  const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: requestSchema(schema) } } });
  const get = (summary: string, parameters: JsonSchema[], responses: Record<string, unknown>) => ({
    get: { summary, parameters, responses: { ...responses, ...COMMON_ERRORS } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'stance',
      version: '0.1.0',
      description: 'Who said what about whom, in the news: statements, their speakers and directed actor-to-actor stance with evidence. Every error is { "error": { "code", "message", "details"? } }.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, basic: { type: 'http', scheme: 'basic' } },
    },
    // Keys are wanted only when API_KEYS is set; {} says a request without one may pass.
    security: [{ bearer: [] }, { basic: [] }, {}],
    paths: {
      '/articles': {
        post: {
          summary: 'Submit an article',
          requestBody: body(submittedArticleSchema),
          responses: {
            200: json(ref('Submission'), 'Known already with the same metadata (duplicate: true)'),
            202: json(ref('Submission'), 'Queued: new, or known with other metadata (updated: true)'),
            400: error('A field is missing or wrong, or the JSON is malformed'),
            403: error('Sent by a browser from another site\'s page'),
            413: error('The body is over BODY_LIMIT'),
            415: error('The body is not application/json in UTF-8'),
            ...COMMON_ERRORS,
          },
        },
        ...get('The articles received last, newest first', queryParameters(recentArticlesQuerySchema), {
          200: json(ref('RecentArticles'), 'A page of articles'),
          400: error('A parameter is wrong'),
        }),
      },
      '/articles/batch': {
        post: {
          summary: `Submit up to ${options.batchMaxArticles} articles at once`,
          requestBody: body(batchSchema(options.batchMaxArticles)),
          responses: {
            202: json(ref('BatchResult'), 'One entry per article, in order'),
            400: error('An article is wrong (articles.3.text: …)'),
            403: error('Sent by a browser from another site\'s page'),
            413: error('The body is over BODY_LIMIT'),
            415: error('The body is not application/json in UTF-8'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/articles/{id}': get('An article and the parts of its analysis asked for', [
        pathParameter('id', articleIdParam, 'The article id (32 hex digits)'),
        ...queryParameters(articleQuerySchema),
      ], { 200: json(ref('Article'), 'The article'), 400: error('A bad id or part'), 404: error('No such article') }),
      '/jobs/{id}': get('An analysis job', [pathParameter('id', jobIdParam, 'article-<article id>')], {
        200: json(ref('Job'), 'The job'),
        400: error('Not a job id'),
        404: error('No such job'),
      }),
      '/stance/summary': get('Stance across all articles, one row per directed actor pair, a page at a time', queryParameters(summaryQuerySchema), {
        200: json(ref('Summary'), 'Most articles first, then by source id, then by target id; nextCursor gives the next page'),
        400: error('A parameter is wrong'),
      }),
      '/stance/timeline': get('The stance of the matching pairs per day, week or month, with article counts', queryParameters(timelineQuerySchema), {
        200: json(ref('Timeline'), 'Buckets with at least one article, oldest first'),
        400: error('A parameter is wrong, or none of source, target and actor is given'),
      }),
      '/stance/pair': get('Every article behind one row of the summary, newest first', queryParameters(pairQuerySchema), {
        200: json(ref('PairArticles'), 'The articles'),
        400: error('A parameter is wrong'),
      }),
      '/actors': get('The actors the service knows, searched by name or id and paged', queryParameters(actorsQuerySchema), {
        200: json(ref('ActorsPage'), 'A page of actors'),
        400: error('A parameter is wrong'),
      }),
      '/actors/{id}': get('One actor, with its rows of the summary as source and as target', [
        pathParameter('id', actorIdParam, 'An actor id: IRN, SYRGOV, name:arnor, name:arnor/GOV (slashes may be %-encoded)'),
      ], { 200: json(ref('ActorWithStances'), 'The actor'), 400: error('Not an actor id'), 404: error('No actor with that id') }),
      '/health': { get: { summary: 'The process answers (open without a key)', security: [{}], responses: { 200: json(inline(answers.health), 'Up') } } },
      '/ready': get('Redis answers, the queue runs and a worker beats', [], {
        200: json(inline(answers.ready), 'Ready'),
        503: error('Not ready, with every reason and the figures in details'),
      }),
      '/metrics': get('Prometheus metrics of the API and every worker', [], {
        200: { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } },
      }),
      '/openapi.json': get('This document', [], { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } }),
    },
  };
}
