// Graceful shutdown: on SIGTERM or SIGINT, run the closers in order (API first, so no new work
// arrives; then workers; then Redis), and exit 0. A second signal, or the time limit, exits at once.
import type { Logger } from './logger';

export type Closer = { name: string; close: () => Promise<void> };

export function onShutdownSignals(closers: Closer[], options: { logger: Logger; timeoutMs: number }): void {
  const { logger, timeoutMs } = options;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, timeoutMs }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long: exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    const failed = await closeAll(closers, logger);
    logger.info('stopped');
    logger.flush();
    process.exit(failed ? 1 : 0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** Runs every closer in order, logging failures; true when any failed. */
export async function closeAll(closers: Closer[], logger: Logger): Promise<boolean> {
  let failed = false;
  for (const { name, close } of closers) {
    try {
      await close();
      logger.debug({ component: name }, 'closed');
    } catch (error) {
      failed = true;
      logger.error({ err: error, component: name }, 'close failed');
    }
  }
  return failed;
}
