// `npm run api`: the HTTP API alone (scale it apart from the workers).
import { loadConfig } from '../config';
import { createLogger } from './logger';
import { redact, redisAnswers } from './private-redis';
import { runEntrypoint } from './run';
import { onShutdownSignals } from './shutdown';
import { startApi } from './start-api';

runEntrypoint(async () => {
  const config = loadConfig();
  const logger = createLogger(config);
  if (!(await redisAnswers(config.redisUrl))) {
    logger.warn({ redisUrl: redact(config.redisUrl) }, 'Redis does not answer yet: requests get 503 until it does');
  }
  const api = await startApi(config, logger, { preloadActors: true });
  onShutdownSignals([{ name: 'api', close: api.close }], { logger, timeoutMs: config.shutdownTimeoutMs });
});
