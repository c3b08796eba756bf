// The HTTP API as an Express app built from its dependencies (no connection of its own), so
// tests, `npm start` and `npm run api` assemble it the same way and close what they opened.
//
// Every request passes, in order: request id and log line → latency metric → security headers,
// CORS and the cross-site check → /health (open to all) → rate limit → API key → JSON body → the
// routes → the page.
import express, { type Express } from 'express';
import type { RedisClient } from '../store/redis';
import pinoHttp from 'pino-http';
import type { Logger } from 'pino';
import path from 'node:path';
import { projectRoot, type Config } from '../config';
import { redactUrl, serializeError } from '../entrypoints/logger';
import type { Readiness } from '../queue/heartbeat';
import type { AnalysisQueue } from '../queue/queue';
import type { ArticleStore } from '../store/article-store';
import type { ActorDirectory } from './actor-directory';
import { errorHandler, notFoundRoute } from './errors';
import { openApiDocument } from './openapi';
import { apiKeys, requireApiKey } from './middleware/auth';
import { httpMetrics } from './middleware/http-metrics';
import { jsonBody } from './middleware/json-body';
import { rateLimiter } from './middleware/rate-limit';
import { requestIdOf } from './middleware/request-id';
import { corsFor, sameOriginWrites, securityHeaders } from './middleware/security';
import { actorsRouter } from './routes/actors';
import { DASHBOARD_PATH, queueDashboard } from './routes/admin';
import { articlesRouter } from './routes/articles';
import { healthRouter, readyRouter } from './routes/health';
import { jobsRouter } from './routes/jobs';
import { apiRegistry, metricsRouter } from './routes/metrics';
import { summaryRouter } from './routes/summary';

/** Cytoscape.js (MIT), the stance graph's drawing library, as npm installed it. */
const CYTOSCAPE = require.resolve('cytoscape/dist/cytoscape.min.js');

export interface AppDeps {
  store: ArticleStore;
  queue: AnalysisQueue;
  /** The connection the store and the queue use: the rate limiter and /metrics read it too. */
  redis: RedisClient;
  readiness: () => Promise<Readiness>;
  /** The actor dictionary, loaded on first use. */
  actors: () => ActorDirectory;
  logger: Logger;
  bodyLimitBytes: number;
  batchMaxArticles: number;
  security: Config['security'];
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple'); // no nested objects from ?a[b]=c: every parameter is a string
  app.set('trust proxy', deps.security.trustProxy);
  const registry = apiRegistry(deps.queue, deps.redis);
  // Admin keys are API keys too; the dashboard checks for them itself.
  const keys = apiKeys([...deps.security.apiKeys, ...deps.security.adminApiKeys]);

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: requestIdOf,
      // Log lines written while handling a request carry its id (reqId), not the whole request.
      quietReqLogger: true,
      autoLogging: { ignore: (req) => req.url === '/health' },
      // Method, URL (credentials redacted) and status only: headers may carry credentials, bodies
      // whole articles. The error serializer is the process logger's (pino-http would use its own).
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
    }),
  );
  app.use(httpMetrics(registry));
  app.use(securityHeaders());
  app.use(corsFor(deps.security.corsOrigins));
  app.use(sameOriginWrites(deps.security.corsOrigins));
  app.use(healthRouter());
  app.use(
    rateLimiter({
      redis: deps.redis,
      keyPrefix: deps.store.keys.rateLimit,
      keys,
      limit: deps.security.rateLimit,
      windowMs: deps.security.rateLimitWindowMs,
      logger: deps.logger,
    }),
  );
  app.use(requireApiKey(keys));
  app.use(readyRouter(deps));
  app.use(metricsRouter({ registry, redis: deps.redis, keys: deps.store.keys }));
  app.use(DASHBOARD_PATH, queueDashboard(deps.queue, deps.security));
  app.use(jsonBody(deps.bodyLimitBytes));
  app.use(articlesRouter(deps));
  app.use(jobsRouter(deps));
  app.use(summaryRouter(deps));
  app.use(actorsRouter(deps));
  let document: object | undefined;
  app.get('/openapi.json', (_req, res) => res.json((document ??= openApiDocument({ batchMaxArticles: deps.batchMaxArticles }))));
  // The page last: API requests never look for a file. The graph library is served from the
  // installed package (no CDN: the page works offline).
  app.get('/vendor/cytoscape.min.js', (_req, res) => res.sendFile(CYTOSCAPE));
  app.use(express.static(path.join(projectRoot(), 'public')));
  app.use(notFoundRoute);
  app.use(errorHandler(deps.logger));
  return app;
}
