// `stance analyze` on JSON lines (the contract in ../shared/eval/README.md): one output line per
// input line, same id, same order; a line that cannot be analysed, or whose analysis takes
// longer than the budget, gets an error line and the run goes on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatedArticle } from '../../bench/articles';
import { main } from '../../src/cli/main';
import { longArticle } from '../setup/helpers';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function analyseLines(lines: string[], ...flags: string[]): Promise<{ code: number; out: Record<string, any>[] }> {
  const input = path.join(dir, 'in.jsonl');
  const output = path.join(dir, 'out.jsonl');
  fs.writeFileSync(input, `${lines.join('\n')}\n`);
  const code = await main(['analyze', '--in', input, '--out', output, ...flags]);
  return { code, out: fs.readFileSync(output, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) };
}

it('answers every line in order, with an error line for what it cannot analyse', async () => {
  const lines = [
    JSON.stringify({ id: 'a', ...generatedArticle(1), publishedAt: '2019-02-25' }),
    'not json',
    JSON.stringify({ id: 'b', title: 'no text' }),
    '',
    JSON.stringify({ id: 'c', text: 'Iran condemned the sanctions, the foreign minister said.', entities: [{ start: 0, end: 4 }] }),
  ];
  const { code, out } = await analyseLines(lines, '--threads', '2');
  expect(code).toBe(0);
  expect(out.map((o) => o.id)).toEqual(['a', null, 'b', 'c']);
  expect(out[0].quotes.length).toBeGreaterThan(0);
  expect(out[1]).toEqual({ id: null, error: 'line is not valid JSON' });
  expect(out[2].error).toMatch(/^text: /);
  expect(out[3].entities).toHaveLength(1);
}, 60_000);

it('gives a line past the budget an error line and goes on with the next', async () => {
  const lines = [longArticle(2), generatedArticle(3)].map((article, i) => JSON.stringify({ id: `line-${i}`, ...article }));
  const { code, out } = await analyseLines(lines, '--timeout-ms', '1500', '--threads', '1');
  expect(code).toBe(0);
  expect(out[0]).toEqual({ id: 'line-0', error: 'analysis took longer than 1500 ms' });
  expect(out[1]).toMatchObject({ id: 'line-1' });
  expect(out[1].stances.length).toBeGreaterThan(0);
}, 60_000);

it('reads lines with no date at --date, and lines with one at their own', async () => {
  const text = 'Donald Trump criticised the deal.';
  const lines = [{ id: 'undated', text }, { id: 'dated', text, publishedAt: '2015-06-16' }].map((l) => JSON.stringify(l));
  const trump = (o: Record<string, any>) => o.actors.find((a: { mentions: { text: string }[] }) => a.mentions.some((m) => m.text === 'Donald Trump'))?.id;
  const plain = await analyseLines(lines, '--threads', '1');
  expect(plain.out.map(trump)).toEqual(['name:donald-trump', 'name:donald-trump']);
  const dated = await analyseLines(lines, '--threads', '1', '--date', '2019-02-25');
  expect(dated.out.map(trump)).toEqual(['USAGOV', 'name:donald-trump']);
}, 60_000);

it('refuses bad flags with its usage', async () => {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await main(['analyze', '--timeout-ms', '1e3'])).toBe(2);
    expect(await main(['analyze', '--threads', '0'])).toBe(2);
    expect(await main(['analyze', '--date', 'yesterday'])).toBe(2);
    expect(String(stderr.mock.calls[2][0])).toMatch(/--date must be YYYY-MM-DD or "today", not "yesterday"/);
    expect(String(stderr.mock.calls[0][0])).toMatch(/--timeout-ms must be a whole number from 100 to 3600000, not "1e3"/);
  } finally {
    stderr.mockRestore();
  }
});
