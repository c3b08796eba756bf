// The store's upkeep, run by every worker (each step is safe in several at once): recordings a
// crash cut short are finished (ArticleStore.settle), and, with ARTICLE_RETENTION_DAYS set, the
// texts and analyses past it are let go (ArticleStore.expireBefore). At start, then hourly.
import type { ArticleStore } from '../store/article-store';

export interface MaintenanceOptions {
  /** 0: articles are kept for ever. */
  retentionDays: number;
  intervalMs?: number;
  onDone?: (outcome: { settled: number; expired: number }) => void;
  onError: (error: unknown) => void;
}

export interface Maintenance {
  /** Resolves when the current round, if any, has ended. */
  stop(): Promise<void>;
  /** One round now (tests, and the start). */
  runOnce(): Promise<void>;
}

const DAY_MS = 86_400_000;

export function startMaintenance(store: ArticleStore, options: MaintenanceOptions): Maintenance {
  let running: Promise<void> | null = null;
  const round = async () => {
    const settled = await store.settle();
    const expired = options.retentionDays > 0 ? await store.expireBefore(new Date(Date.now() - options.retentionDays * DAY_MS)) : 0;
    options.onDone?.({ settled, expired });
  };
  const runOnce = () => {
    running ??= round().catch(options.onError).finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void runOnce(), options.intervalMs ?? 3_600_000);
  timer.unref();
  void runOnce();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
