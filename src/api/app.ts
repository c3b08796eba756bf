// The HTTP API as an Express app built from its dependencies (no connection of its own), so
// tests, `npm start` and `npm run api` assemble it the same way and close what they opened.
import express, { type Express } from 'express';
import pinoHttp from 'pino-http';
import type { Logger } from 'pino';
import path from 'node:path';
import { projectRoot } from '../config';
import type { Readiness } from '../queue/heartbeat';
import type { AnalysisQueue } from '../queue/queue';
import type { ArticleStore } from '../store/article-store';
import { errorHandler, notFoundRoute } from './errors';
import { articlesRouter } from './routes/articles';
import { healthRouter } from './routes/health';
import { jobsRouter } from './routes/jobs';
import { summaryRouter } from './routes/summary';

export interface AppDeps {
  store: ArticleStore;
  queue: AnalysisQueue;
  readiness: () => Promise<Readiness>;
  logger: Logger;
  bodyLimitBytes: number;
  batchMaxArticles: number;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple'); // no nested objects from ?a[b]=c: every parameter is a string
  app.use(
    pinoHttp({
      logger: deps.logger,
      autoLogging: { ignore: (req) => req.url === '/health' },
      // Method, URL and status only: headers may carry credentials, bodies whole articles.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(express.json({ limit: deps.bodyLimitBytes, type: 'application/json' }));
  app.use(healthRouter(deps));
  app.use(articlesRouter(deps));
  app.use(jobsRouter(deps));
  app.use(summaryRouter(deps));
  // The page last: API requests never look for a file.
  app.use(express.static(path.join(projectRoot(), 'public')));
  app.use(notFoundRoute);
  app.use(errorHandler(deps.logger));
  return app;
}
