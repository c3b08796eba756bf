// Runs an entry point: a bad configuration or an unreachable Redis ends the process with its
// message alone (no stack trace: it is the user's to fix, not a bug); anything else with both.
import { ConfigError } from '../config';
import { RedisUnavailableError } from './private-redis';

export function runEntrypoint(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const expected = error instanceof ConfigError || error instanceof RedisUnavailableError;
    console.error(expected ? (error as Error).message : error);
    process.exit(1);
  });
}
