// Structured JSON logs (pino), one logger per process; components take child loggers.
import pino, { type Logger } from 'pino';
import type { Config } from '../config';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>, name = 'stance'): Logger {
  return pino({ name, level: config.logLevel });
}
