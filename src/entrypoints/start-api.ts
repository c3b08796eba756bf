// Assembles and starts the HTTP API: one Redis connection shared by the store and the queue.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../api/app';
import type { Config } from '../config';
import { checkReadiness } from '../queue/heartbeat';
import { createAnalysisQueue, type AnalysisQueue } from '../queue/queue';
import { ArticleStore } from '../store/article-store';
import { closeRedis, createRedis } from '../store/redis';
import type { Logger } from './logger';

export interface RunningApi {
  server: Server;
  /** http://host:port the server listens on (the real port when PORT=0). */
  url: string;
  store: ArticleStore;
  queue: AnalysisQueue;
  /** Stops taking connections, lets requests in flight finish, then closes Redis. */
  close(): Promise<void>;
}

export async function startApi(config: Config, logger: Logger): Promise<RunningApi> {
  const redis = createRedis(config.redisUrl, { name: 'stance-api' });
  const store = new ArticleStore(redis, config.keyPrefix);
  const queue = createAnalysisQueue(config, redis);
  const app = createApp({
    store,
    queue,
    readiness: () => checkReadiness(redis, store.keys, config.heartbeatMaxAgeSeconds),
    logger: logger.child({ component: 'api' }),
    bodyLimitBytes: config.http.bodyLimitBytes,
    batchMaxArticles: config.http.batchMaxArticles,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.http.port, config.http.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  logger.info({ url }, 'API listening');
  return {
    server,
    url,
    store,
    queue,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await queue.close();
      await closeRedis(redis);
    },
  };
}
