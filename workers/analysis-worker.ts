// `npm run worker`: one analysis worker process. Run as many as there are cores, on as many
// machines as needed: they share the queue in Redis (see README, "Scaling out").
import { loadConfig } from '../src/config';
import { createLogger } from '../src/entrypoints/logger';
import { describeRedis, redisTargetAnswers } from '../src/entrypoints/private-redis';
import { runEntrypoint } from '../src/entrypoints/run';
import { onShutdownSignals } from '../src/entrypoints/shutdown';
import { startWorker } from '../src/entrypoints/start-worker';

runEntrypoint(async () => {
  const config = loadConfig();
  const logger = createLogger(config);
  if (!(await redisTargetAnswers(config))) {
    logger.warn({ redis: describeRedis(config) }, 'Redis does not answer yet: waiting for it');
  }
  const worker = await startWorker(config, logger);
  onShutdownSignals([{ name: 'worker', close: worker.close }], { logger, timeoutMs: config.shutdownTimeoutMs });
});
