// `npm run api`: the HTTP API alone (scale it apart from the workers).
import { loadConfig } from '../config';
import { createLogger } from './logger';
import { describeRedis, redisTargetAnswers } from './private-redis';
import { runEntrypoint } from './run';
import { onShutdownSignals } from './shutdown';
import { startApi } from './start-api';

runEntrypoint(async () => {
  const config = loadConfig();
  const logger = createLogger(config);
  if (!(await redisTargetAnswers(config))) {
    logger.warn({ redis: describeRedis(config) }, 'Redis does not answer yet: requests get 503 until it does');
  }
  const api = await startApi(config, logger, { preloadActors: true });
  onShutdownSignals([{ name: 'api', close: api.close }], { logger, timeoutMs: config.shutdownTimeoutMs });
});
