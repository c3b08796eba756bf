// A pool of worker threads that run analyze() off the event loop, each article within a time
// budget. The worker process (and `npm start`, where the API shares the process) keeps its event
// loop free while articles are analysed: BullMQ renews job locks, heartbeats go out, the API
// answers and SIGTERM is heard. An article that takes longer than the budget has its thread
// ended (a synchronous analysis cannot be interrupted any other way) and a new thread takes its
// place; the caller gets an AnalysisTimeoutError.
//
// Written here rather than taken from piscina: the budget must start when a thread takes the
// article, not when it is queued, and a replacement thread's model loading (~1 s) must not count
// against the next article — piscina's abort signals cannot tell the two apart.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Analysis, Article } from '../analysis/types';
import type { LoadModelsOptions } from '../models';
import type { FromThread, ToThread } from './messages';

/** The service's and the CLI's defaults (ANALYSIS_TIMEOUT_MS, ANALYSIS_MEMORY_MB). */
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MEMORY_MB = 1024;

export interface AnalysisPoolOptions {
  /** Threads, each with its own copy of the models (~130 MB): articles analysed at once. */
  threads: number;
  /** Longest time one article may take. */
  timeoutMs: number;
  /** Heap limit of each thread (MB): an article past it ends its thread, not the process. */
  memoryMb: number;
  models?: LoadModelsOptions;
}

/** The article took longer than its budget: trying again would take as long. */
export class AnalysisTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`analysis took longer than ${timeoutMs} ms`);
    this.name = 'AnalysisTimeoutError';
  }
}

/** The thread died under the article (out of memory, most likely): trying again would too. */
export class AnalysisCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisCrashError';
  }
}

interface Task {
  article: Article;
  timeoutMs: number;
  resolve(analysis: Analysis): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
  /** Ended by the pool (budget, close) or dead: its later events mean nothing. */
  gone: boolean;
}

export class AnalysisPool {
  private readonly threads = new Set<Thread>();
  private readonly idle: Thread[] = [];
  private readonly waiting: Task[] = [];
  private closed = false;
  /** Set when a replacement thread cannot load the models: every article fails with it. */
  private broken: Error | undefined;

  private constructor(private readonly options: AnalysisPoolOptions) {}

  /** Starts the threads; resolves once each has loaded its models, rejects if one cannot. */
  static async start(options: AnalysisPoolOptions): Promise<AnalysisPool> {
    const pool = new AnalysisPool(options);
    try {
      await Promise.all(Array.from({ length: options.threads }, () => pool.spawn()));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /**
   * The article's analysis, computed on a free thread (the article waits for one), within the
   * pool's time budget or the one given.
   */
  analyse(article: Article, options: { timeoutMs?: number } = {}): Promise<Analysis> {
    if (this.closed) return Promise.reject(new Error('the analysis pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    return new Promise<Analysis>((resolve, reject) => {
      this.waiting.push({ article, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every thread; articles still waiting or being analysed are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new Error('the analysis pool is closed'));
    await Promise.all([...this.threads].map((thread) => this.end(thread, new Error('the analysis pool is closed'))));
  }

  private dispatch(): void {
    while (this.idle.length && this.waiting.length) {
      const thread = this.idle.pop() as Thread;
      const task = this.waiting.shift() as Task;
      thread.task = task;
      thread.timer = setTimeout(() => void this.replace(thread, new AnalysisTimeoutError(task.timeoutMs)), task.timeoutMs);
      thread.worker.postMessage({ article: task.article } satisfies ToThread);
    }
  }

  /** A new thread; resolves when its models are loaded and it has joined the idle ones. */
  private spawn(): Promise<void> {
    const { filename, execArgv } = threadModule();
    const worker = new Worker(filename, {
      execArgv,
      workerData: { models: this.options.models ?? {} },
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      // The thread's own output (none expected) goes to the process's.
      stdout: false,
      stderr: false,
    });
    // The threads alone do not keep the process alive: its owner (a BullMQ worker, the CLI's
    // input) does, and a process that is done need not wait for close().
    worker.unref();
    const thread: Thread = { worker, gone: false };
    this.threads.add(thread);
    return new Promise<void>((ready, failedToStart) => {
      let started = false;
      worker.on('message', (message: FromThread) => {
        if (thread.gone) return;
        if (message.type === 'ready') {
          started = true;
          this.idle.push(thread);
          this.dispatch();
          ready();
        } else if (message.type === 'load-failed') {
          void this.end(thread, new Error('the analysis pool is closing'));
          failedToStart(new Error(`an analysis thread cannot load the models: ${message.error}`));
        } else {
          const task = this.finish(thread);
          this.idle.push(thread);
          if (message.type === 'done') task?.resolve(JSON.parse(message.analysis) as Analysis);
          else task?.reject(new Error(message.error));
          this.dispatch();
        }
      });
      const died = (reason: string) => {
        if (thread.gone) return;
        if (!started) {
          void this.end(thread, new Error('the analysis pool is closing'));
          failedToStart(new Error(`an analysis thread could not start: ${reason}`));
          return;
        }
        void this.replace(thread, new AnalysisCrashError(`the analysis thread died: ${reason}`));
      };
      worker.on('error', (error) => died(error.message));
      worker.on('exit', (code) => died(`it exited with code ${code}`));
    });
  }

  /** Takes the thread's task off it (stopping its clock); the task is the caller's to settle. */
  private finish(thread: Thread): Task | undefined {
    clearTimeout(thread.timer);
    const task = thread.task;
    thread.task = undefined;
    thread.timer = undefined;
    return task;
  }

  /** Ends a thread, rejecting its article with `error`. */
  private async end(thread: Thread, error: Error): Promise<void> {
    if (thread.gone) return;
    thread.gone = true;
    this.threads.delete(thread);
    const at = this.idle.indexOf(thread);
    if (at >= 0) this.idle.splice(at, 1);
    this.finish(thread)?.reject(error);
    await thread.worker.terminate();
  }

  /** Ends a thread whose article failed it (budget, crash) and starts another in its place. */
  private async replace(thread: Thread, error: Error): Promise<void> {
    await this.end(thread, error);
    if (this.closed) return;
    try {
      await this.spawn();
    } catch (startError) {
      this.broken = startError as Error;
      for (const task of this.waiting.splice(0)) task.reject(this.broken);
    }
  }
}

/**
 * The thread's module: the compiled thread.js beside this file (npm start, npm run worker, the
 * CLI), or, when this file runs from the TypeScript sources (the test suite under ts-jest),
 * thread.ts through the suite's transpiler (tests/setup/ts-register.js).
 */
function threadModule(): { filename: string; execArgv: string[] | undefined } {
  const compiled = path.join(__dirname, 'thread.js');
  if (fs.existsSync(compiled)) return { filename: compiled, execArgv: undefined };
  return {
    filename: path.join(__dirname, 'thread.ts'),
    execArgv: [...process.execArgv, '--require', path.resolve(__dirname, '../../tests/setup/ts-register.js')],
  };
}
