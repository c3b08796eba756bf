// `stance analyze` refuses, line by line, what the HTTP API refuses (src/analysis/article-schema.ts
// is shared), each line's error naming the field at fault, and goes on with the next line.
import { analyze } from '../../src/analysis';
import type { Article } from '../../src/analysis/types';
import { analyseLine } from '../../src/cli/main';
import { loadModels, type Models } from '../../src/models';

let models: Models;
beforeAll(() => {
  models = loadModels();
});

// In this process (the pool's threads are tests/cli/analyze.test.ts's business): the line's checks are the subject.
const line = (value: unknown) =>
  analyseLine(typeof value === 'string' ? value : JSON.stringify(value), async (article: Article) => analyze(article, models));

describe('stance analyze input lines', () => {
  it.each([
    ['a JSON string', '"hello"', null],
    ['JSON null', 'null', null],
    ['an array', '[{"id": "a1", "text": "Iran spoke."}]', null],
    ['a number', '3', null],
  ])('answers %s with "must be a JSON object"', async (_label, input, id) => {
    expect(await line(input)).toEqual({ id, error: 'line: must be a JSON object' });
  });

  it.each([
    ['white space for text', { id: 'a1', text: ' \n\t ' }, /^text: must not be empty or only white space$/],
    ['an unknown field in an entity', { id: 'a1', text: 'Iran spoke.', entities: [{ start: 0, end: 4, label: 'IRN' }] }, /^line\.entities\.0: unknown field\(s\) label$/],
    ['an unknown field', { id: 'a1', text: 'Iran spoke.', titel: 'typo' }, /^line: unknown field\(s\) titel$/],
  ])('refuses %s, naming it', async (_label, input, message) => {
    const out = await line(input);
    expect(out).toEqual({ id: 'a1', error: expect.stringMatching(message) });
  });

  it('analyses a line with every field of the contract', async () => {
    const out = await line({ id: 'a2', text: 'Iran spoke.', title: 'Iran', publishedAt: '2019-02-25', entities: [{ start: 0, end: 4 }] });
    expect(out).toMatchObject({ id: 'a2', quotes: expect.any(Array), entities: [expect.objectContaining({ start: 0, end: 4 })] });
  });
});
