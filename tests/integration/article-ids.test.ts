// Article ids: two different articles never share one, the same article re-spaced always does,
// and the ids of articles already stored stay what they were.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { startApi, type RunningApi } from '../../src/entrypoints/start-api';
import { articleIdFor, articleIdInput, normaliseForId } from '../../src/store/article-id';
import { expectApiError, http, silentLogger, testConfig } from '../setup/helpers';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi(testConfig({ RATE_LIMIT: '0' }), silentLogger);
});
afterAll(async () => {
  await api.close();
});

describe('POST /articles', () => {
  it('refuses the NUL that would let two different articles share one id', async () => {
    const one = { title: 'Iran\u0000Syria talks', text: 'Russia said the talks would go on.' };
    const two = { title: 'Iran', text: 'Syria talks\u0000Russia said the talks would go on.' };
    expectApiError(await http(api.url, 'POST', '/articles', { json: one }), 400, 'invalid_request', /^title: must not contain control characters/);
    expectApiError(await http(api.url, 'POST', '/articles', { json: two }), 400, 'invalid_request', /^text: must not contain control characters/);
    expect(await api.queue.getJobCountByTypes('waiting')).toBe(0);
  });

  it('gives a title and a text that differ only in where the title ends two ids', async () => {
    const one = await http(api.url, 'POST', '/articles', { json: { title: 'Iran Syria', text: 'talks resumed.' } });
    const two = await http(api.url, 'POST', '/articles', { json: { title: 'Iran', text: 'Syria talks resumed.' } });
    expect([one.status, two.status]).toEqual([202, 202]);
    expect(one.body.articleId).not.toBe(two.body.articleId);
  });

  it('refuses white space alone, which would give every such text one id', async () => {
    for (const text of [' ', '\n\n', '\t \u3000']) {
      expectApiError(await http(api.url, 'POST', '/articles', { json: { text } }), 400, 'invalid_request', /^text: must not be empty or only white space/);
    }
  });
});

describe('the id scheme', () => {
  /** What the service has always hashed: the normalised title, a NUL, the normalised text. */
  const previousScheme = (title: string, text: string) =>
    createHash('sha256').update(`${normaliseForId(title)}\u0000${normaliseForId(text)}`).digest('hex').slice(0, 32);
  const accepted = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000'));

  it('keeps the ids articles were stored under', () => {
    fc.assert(
      fc.property(accepted, accepted, (title, text) => {
        expect(articleIdFor({ title, text })).toBe(previousScheme(title, text));
      }),
    );
    expect(articleIdFor({ text: 'Talks resumed.' })).toBe(previousScheme('', 'Talks resumed.'));
  });

  it('hashes a string from which title and text can be read back, for every title without NUL', () => {
    fc.assert(
      fc.property(accepted, accepted, (title, text) => {
        const input = articleIdInput({ title, text });
        const cut = input.indexOf('\u0000');
        expect([input.slice(0, cut), input.slice(cut + 1)]).toEqual([normaliseForId(title), normaliseForId(text)]);
      }),
    );
  });

  it('never makes a NUL by normalising: no code point but U+0000 has one in its NFKC form', () => {
    const makers: number[] = [];
    for (let cp = 1; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (normaliseForId(String.fromCodePoint(cp)).includes('\u0000')) makers.push(cp);
    }
    expect(makers).toEqual([]);
  });
});
