// `stance analyze`: the analysis on JSON lines, with no service and no Redis.
//
//   stance analyze [--in IN.jsonl] [--out OUT.jsonl] [--actors FILE] [--threads N] [--timeout-ms MS] [--date YYYY-MM-DD|today]
//
// One JSON object per input line ({ id, text, title?, publishedAt?, entities? }), one output line
// per input line, same id, same order (contract: ../shared/eval/README.md). A line that cannot be
// analysed, or whose analysis takes longer than its budget, gets { id, error } and the run goes
// on; the exit code is 0 unless the command itself could not run. The analyses run on a pool of
// threads (src/analysis-pool), several lines at once, written back in input order.
import fs from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { articleSchema, jsonObject, problemsOf, spansWithinText } from '../analysis/article-schema';
import type { Analysis, Article } from '../analysis/types';
import { AnalysisCrashError, AnalysisPool, AnalysisTimeoutError, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS } from '../analysis-pool/pool';

const USAGE = `usage: stance analyze [--in IN.jsonl] [--out OUT.jsonl] [--actors ACTORS.json] [--threads N] [--timeout-ms MS] [--date DAY]

Reads one article per line ({"id", "text", "title"?, "publishedAt"?, "entities"?}) from --in
(default: standard input) and writes one analysis per line to --out (default: standard output).
  --actors      your own actors file, added to the dictionary (default: $ACTORS_FILE)
  --threads     articles analysed at once (default: the number of cores, at most 4)
  --timeout-ms  longest analysis of one line; past it the line gets an error
                (default: $ANALYSIS_TIMEOUT_MS, else 20000)
  --date        the date of lines with no publishedAt, YYYY-MM-DD or "today": people's
                roles depend on it (default: none, and then no one holds a dated office:
                Trump is Trump, not the US government)`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        in: { type: 'string' },
        out: { type: 'string' },
        actors: { type: 'string' },
        threads: { type: 'string' },
        'timeout-ms': { type: 'string' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals[0] !== 'analyze' || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const threads = wholeNumber(values.threads, '--threads', Math.min(os.availableParallelism(), 4), 1, 64);
  const timeoutMs = wholeNumber(values['timeout-ms'] ?? process.env.ANALYSIS_TIMEOUT_MS, '--timeout-ms', DEFAULT_TIMEOUT_MS, 100, 3_600_000);
  if (typeof threads === 'string' || typeof timeoutMs === 'string') {
    process.stderr.write(`stance: ${typeof threads === 'string' ? threads : timeoutMs}\n${USAGE}\n`);
    return 2;
  }
  const date = dayOf(values.date);
  if (date === null) {
    process.stderr.write(`stance: --date must be YYYY-MM-DD or "today", not ${JSON.stringify(values.date)}\n${USAGE}\n`);
    return 2;
  }
  if (values.in && !fs.existsSync(values.in)) {
    process.stderr.write(`stance: no such input file: ${values.in}\n`);
    return 1;
  }
  let pool: AnalysisPool;
  try {
    pool = await AnalysisPool.start({
      threads,
      timeoutMs,
      memoryMb: DEFAULT_MEMORY_MB,
      models: { actorsFile: values.actors ?? process.env.ACTORS_FILE },
    });
  } catch (e) {
    process.stderr.write(`stance: cannot load the models: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const input = values.in ? fs.createReadStream(values.in, 'utf8') : process.stdin;
    const output: NodeJS.WritableStream = values.out ? fs.createWriteStream(values.out) : process.stdout;
    await analyseLines(readline.createInterface({ input, crlfDelay: Infinity }), output, (article) => pool.analyse(date && !article.publishedAt ? { ...article, publishedAt: date } : article), threads);
    if (output !== process.stdout) await new Promise<void>((resolve) => output.end(() => resolve()));
  } finally {
    await pool.close();
  }
  return 0;
}

/**
 * Every non-blank line through `analyse`, up to twice `threads` at once (so each thread has its
 * next line while it works), the answers written in input order.
 */
async function analyseLines(
  lines: AsyncIterable<string>,
  output: NodeJS.WritableStream,
  analyse: (article: Article) => Promise<Analysis>,
  threads: number,
): Promise<void> {
  const pending: Promise<Record<string, unknown>>[] = [];
  const writeFirst = async () => {
    const ok = output.write(`${JSON.stringify(await pending.shift())}\n`);
    if (!ok) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  };
  for await (const line of lines) {
    if (!line.trim()) continue;
    pending.push(analyseLine(line, analyse));
    if (pending.length >= 2 * threads) await writeFirst();
  }
  while (pending.length) await writeFirst();
}

/**
 * An input line: the article and the caller's id, nothing else. Control characters are not
 * refused as the service refuses them: no id is made and nothing is stored here, the analysis
 * reads them as spaces, and real corpora hold stray ones (C1 bytes of a mis-decoded page).
 */
const lineSchema = z.strictObject({ ...articleSchema.shape, id: z.unknown() }, jsonObject).superRefine(spansWithinText);

/** One input line to one output object: the analysis, or the reason there is none. */
export async function analyseLine(line: string, analyse: (article: Article) => Promise<Analysis>): Promise<Record<string, unknown>> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: null, error: 'line is not valid JSON' };
  }
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : null;
  const parsed = lineSchema.safeParse(raw);
  if (!parsed.success) return { id, error: problemsOf(parsed.error, 'line').map((p) => p.message).join('; ') };
  const { id: _id, ...article } = parsed.data;
  try {
    return { id, ...(await analyse(article)) };
  } catch (e) {
    // Past the budget or the memory limit, the reason says so itself.
    const bounded = e instanceof AnalysisTimeoutError || e instanceof AnalysisCrashError;
    return { id, error: bounded ? e.message : `analysis failed: ${(e as Error).message}` };
  }
}

/** --date as YYYY-MM-DD (undefined when not given), or null when it is not a day. */
function dayOf(value: string | undefined): string | undefined | null {
  if (value === undefined) return undefined;
  if (value === 'today') return new Date().toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** A flag's whole number within [min, max], its default when absent, or the problem as a string. */
function wholeNumber(value: string | undefined, name: string, fallback: number, min: number, max: number): number | string {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) return `${name} must be a whole number from ${min} to ${max}, not "${value}"`;
  return Number(value);
}
