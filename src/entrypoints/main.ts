// `npm start`: the API and one worker in one process, with a private Redis when none answers.
import { loadConfig } from '../config';
import { createLogger } from './logger';
import { describeRedis, ensureRedis, redisTargetAnswers } from './private-redis';
import { onShutdownSignals, type Closer } from './shutdown';
import { runEntrypoint } from './run';
import { startApi } from './start-api';
import { startWorker } from './start-worker';

runEntrypoint(async () => {
  const config = loadConfig();
  const logger = createLogger(config);
  // Redis Cluster is the operator's: no private server is started for it.
  if (config.redisClusterNodes && !(await redisTargetAnswers(config))) {
    logger.warn({ redis: describeRedis(config) }, 'Redis does not answer yet: waiting for it');
  }
  const redis = config.redisClusterNodes
    ? { url: config.redisUrl, started: null }
    : await ensureRedis(config.redisUrl, {
        dataDir: config.dataDir,
        allowPrivate: config.privateRedis === 'auto',
        log: (message, fields) => logger.info(fields ?? {}, message),
      });
  const withRedis = { ...config, redisUrl: redis.url };
  const worker = await startWorker(withRedis, logger);
  const api = await startApi(withRedis, logger, { preloadActors: true });
  const closers: Closer[] = [
    { name: 'api', close: api.close },
    { name: 'worker', close: worker.close },
  ];
  if (redis.started) closers.push({ name: 'private redis-server', close: redis.started.stop });
  onShutdownSignals(closers, { logger, timeoutMs: config.shutdownTimeoutMs });
  logger.info(`Ready: open ${api.url}/ in a browser, or POST articles to ${api.url}/articles`);
});
