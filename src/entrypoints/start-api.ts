// Assembles and starts the HTTP API: one Redis connection shared by the store and the queue.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadActorDirectory, type ActorDirectory } from '../api/actor-directory';
import { createApp } from '../api/app';
import type { Config } from '../config';
import { checkReadiness } from '../queue/heartbeat';
import { createAnalysisQueue, type AnalysisQueue } from '../queue/queue';
import { ArticleStore } from '../store/article-store';
import { migrateStore } from '../store/migrate';
import { closeRedis, createRedis, whenReady } from '../store/redis';
import type { Logger } from './logger';

export interface RunningApi {
  server: Server;
  /** http://host:port the server listens on (the real port when PORT=0). */
  url: string;
  store: ArticleStore;
  queue: AnalysisQueue;
  /** The actor dictionary behind GET /actors, loaded on first use (call it to load it now). */
  actors: () => ActorDirectory;
  /** Stops taking connections, lets requests in flight finish, then closes Redis. */
  close(): Promise<void>;
}

export interface StartApiOptions {
  /** The actor directory to serve (tests); by default loaded from the configured dictionary. */
  actors?: ActorDirectory;
  /** Load the actor directory now rather than on the first GET /actors: a bad ACTORS_FILE stops the start. */
  preloadActors?: boolean;
}

export async function startApi(config: Config, logger: Logger, options: StartApiOptions = {}): Promise<RunningApi> {
  const redis = createRedis(config, { name: 'stance-api', failFast: true });
  // The connection comes back on its own; meanwhile requests answer 503. Each loss is logged once.
  let connection: 'up' | 'lost' | 'closing' = 'up';
  redis.on('error', () => undefined);
  redis.on('close', () => {
    if (connection !== 'up') return;
    connection = 'lost';
    logger.warn('Redis connection lost: requests that need Redis answer 503 until it is back');
  });
  redis.on('ready', () => {
    if (connection === 'lost') logger.info('Redis connection is back');
    if (connection !== 'closing') connection = 'up';
  });
  const store = new ArticleStore(redis, config.keyPrefix);
  const queue = createAnalysisQueue(config, redis);
  queue.on('error', (error) => logger.debug({ err: error.message }, 'queue connection error'));
  // Commands fail at once while disconnected: give the connection a moment before taking requests.
  if (!(await whenReady(redis, 2000))) logger.warn('Redis is not reachable yet: requests get 503 until it is');
  else {
    // A store of an earlier layout is brought up to date (the workers do it too, should Redis be away now).
    const migrated = await migrateStore(redis, store.keys);
    if (migrated) logger.info({ articles: migrated }, 'store upgraded to the current layout');
  }
  let directory = options.actors;
  const actors = () => (directory ??= loadActorDirectory(config.models));
  if (options.preloadActors) {
    const startedAt = Date.now();
    actors();
    logger.info({ ms: Date.now() - startedAt }, 'actor dictionary loaded');
  }
  const app = createApp({
    store,
    queue,
    redis,
    readiness: () => checkReadiness(redis, store.keys, config.heartbeatMaxAgeSeconds),
    actors,
    logger: logger.child({ component: 'api' }),
    bodyLimitBytes: config.http.bodyLimitBytes,
    batchMaxArticles: config.http.batchMaxArticles,
    security: config.security,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.http.port, config.http.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  logger.info({ url, apiKeys: config.security.apiKeys.length, rateLimit: config.security.rateLimit }, 'API listening');
  return {
    server,
    url,
    store,
    queue,
    actors,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      connection = 'closing';
      await queue.close();
      await closeRedis(redis);
    },
  };
}
