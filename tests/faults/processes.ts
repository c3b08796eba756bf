// Service processes for the fault tests: `npm run worker` and `npm start` as real child
// processes (running the TypeScript sources through tests/setup/ts-register.js), so a test can
// SIGKILL or SIGTERM them and watch their JSON log lines; and what a test checks of the summary
// after them.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ArticleStore, StoredArticle } from '../../src/store/article-store';
import { pairToken } from '../../src/store/keys';

const ROOT = path.resolve(__dirname, '../..');
const REGISTER = path.join(ROOT, 'tests/setup/ts-register.js');

export const WORKER_SCRIPT = path.join(ROOT, 'workers/analysis-worker.ts');
export const MAIN_SCRIPT = path.join(ROOT, 'src/entrypoints/main.ts');

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface ServiceProcess {
  child: ChildProcess;
  logs: LogLine[];
  /** Resolves with the first log line (past or future) that `matches`. */
  waitForLog(matches: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startService(script: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['-r', REGISTER, script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters: { matches: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  let pending = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const text of lines) {
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        continue;
      }
      logs.push(line);
      for (const waiter of waiters.filter((w) => w.matches(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    logs,
    exited,
    waitForLog(matches, timeoutMs = 30_000) {
      const seen = logs.find(matches);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no such log line within ${timeoutMs} ms; stderr:\n${stderr.slice(-2000)}\nlogs:\n${logs.map((l) => l.msg).join('\n')}`));
        }, timeoutMs);
        waiters.push({ matches, resolve: (line) => (clearTimeout(timer), resolve(line)) });
        void exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(new Error(`process exited (${code ?? signal}) before the log line; stderr:\n${stderr.slice(-2000)}`));
        });
      });
    },
  };
}

/** Kills a process still running (cleanup after a failed test). */
export async function stopService(service: ServiceProcess | undefined): Promise<void> {
  if (!service || service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGKILL');
  await service.exited;
}

/** Every pair of the summary counts exactly the articles whose analysis has a stance for it (none counted twice, none lost). */
export async function expectPairsCountTheirArticles(store: ArticleStore, stored: (StoredArticle | null)[]): Promise<void> {
  const expected = new Map<string, number>();
  for (const article of stored) {
    for (const pair of new Set(article?.analysis?.stances?.map((s) => pairToken(s.source, s.target)))) {
      expected.set(pair, (expected.get(pair) ?? 0) + 1);
    }
  }
  expect(expected.size).toBeGreaterThan(0);
  const { pairs } = await store.summary({ limit: 1000 });
  expect(new Map(pairs.map((p) => [pairToken(p.source.id, p.target.id), p.articles]))).toEqual(expected);
}
