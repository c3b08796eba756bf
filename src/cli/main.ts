// `stance analyze`: the analysis on JSON lines, with no service and no Redis.
//
//   stance analyze [--in IN.jsonl] [--out OUT.jsonl] [--actors FILE]
//
// One JSON object per input line ({ id, text, title?, publishedAt?, entities? }), one output line
// per input line, same id, same order (contract: ../shared/eval/README.md). A line that cannot be
// analysed gets { id, error } and the run goes on; the exit code is 0 unless the command itself
// could not run.
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { analyze } from '../analysis';
import { articleSchema, describeIssues } from '../analysis/article-schema';
import { type Models, loadModels } from '../models';

const USAGE = `usage: stance analyze [--in IN.jsonl] [--out OUT.jsonl] [--actors ACTORS.json]

Reads one article per line ({"id", "text", "title"?, "publishedAt"?, "entities"?}) from --in
(default: standard input) and writes one analysis per line to --out (default: standard output).`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { in: { type: 'string' }, out: { type: 'string' }, actors: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
  let models: Models;
  try {
    models = loadModels({ actorsFile: values.actors ?? process.env.ACTORS_FILE });
  } catch (e) {
    process.stderr.write(`stance: cannot load the models: ${(e as Error).message}\n`);
    return 1;
  }
  if (values.in && !fs.existsSync(values.in)) {
    process.stderr.write(`stance: no such input file: ${values.in}\n`);
    return 1;
  }
  const input = values.in ? fs.createReadStream(values.in, 'utf8') : process.stdin;
  const output: NodeJS.WritableStream = values.out ? fs.createWriteStream(values.out) : process.stdout;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const ok = output.write(`${JSON.stringify(analyzeLine(line, models))}\n`);
    if (!ok) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  }
  if (output !== process.stdout) await new Promise<void>((resolve) => output.end(() => resolve()));
  return 0;
}

/** One input line to one output object: the analysis, or the reason there is none. */
export function analyzeLine(line: string, models: Models): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: null, error: 'line is not valid JSON' };
  }
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : null;
  const parsed = articleSchema.safeParse(raw);
  if (!parsed.success) return { id, error: describeIssues(parsed.error) };
  const bad = parsed.data.entities?.find((e) => e.end > parsed.data.text.length);
  if (bad) return { id, error: `entities: span ${bad.start}-${bad.end} lies outside the text` };
  try {
    return { id, ...analyze(parsed.data, models) };
  } catch (e) {
    return { id, error: `analysis failed: ${(e as Error).message}` };
  }
}
