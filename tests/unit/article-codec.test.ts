// The packed form of an article's text and analysis reads back exactly what was stored, key
// order included, and is a fraction of the JSON.
import { generatedArticle } from '../../bench/articles';
import { analyze } from '../../src/analysis';
import type { Analysis } from '../../src/analysis/types';
import { loadModels } from '../../src/models';
import { packPart, packText, unpackPart, unpackText } from '../../src/store/article-codec';
import { describeWithSharedText, EXAMPLE_ARTICLE } from '../setup/shared';

const models = loadModels();
const PARTS = ['quotes', 'actors', 'stances', 'entities'] as const;

function expectRoundTrip(text: string, analysis: Analysis): { json: number; packed: number } {
  let json = 0;
  let packed = 0;
  for (const part of PARTS) {
    if (!analysis[part]) continue;
    const stored = packPart(analysis[part], text);
    expect(JSON.stringify(unpackPart(stored, text))).toBe(JSON.stringify(analysis[part]));
    json += JSON.stringify(analysis[part]).length;
    packed += stored.length;
  }
  expect(unpackText(packText(text))).toBe(text);
  return { json, packed };
}

it('reads back the analysis of news-like articles exactly, in a fifth of the JSON or less', () => {
  let json = 0;
  let packed = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const article = generatedArticle(seed);
    const entities = [{ start: 0, end: 4 }, { start: 10, end: 30 }];
    const sizes = expectRoundTrip(article.text, analyze({ ...article, entities }, models));
    json += sizes.json;
    packed += sizes.packed;
  }
  expect(packed).toBeLessThan(json / 5);
});

it('keeps a cut text as its length, a text that is not a slice as it is, and any other field alone', () => {
  const text = 'Iran said the talks failed. “Naïve 🙂 hopes,” he said.';
  const stances = [{
    source: 'IRN', target: 'USA', score: -0.5, polarity: -1,
    evidence: [
      { start: 0, end: 27, score: -0.5, text: 'Iran said the' }, // cut to its cap
      { start: 28, end: 47, score: 0.2, quote: 0, text: text.slice(28, 47) },
      { start: 0, end: 4, score: 0.1, text: 'not the slice' },
      { start: 5, end: 5, score: 0, text: '' },
      { start: 40, end: 999, score: 0, text: 'past the end' },
    ],
  }];
  const stored = packPart(stances, text);
  const raw = JSON.parse(require('node:zlib').inflateRawSync(stored).toString('utf8'));
  expect(raw[0].evidence.map((e: { text: unknown }) => e.text)).toEqual([13, -1, 'not the slice', -1, 'past the end']);
  expect(unpackPart(stored, text)).toEqual(stances);
  // Not a span: a `text` field without offsets, and numbers under other names, pass as they are.
  const other = [{ text: 'free text', start: 'x' }, { name: 'text', start: 0, end: 3 }];
  expect(unpackPart(packPart(other, text), text)).toEqual(other);
});

describeWithSharedText(EXAMPLE_ARTICLE, 'the example article', (text) => {
  it('reads back its analysis exactly', () => {
    expectRoundTrip(text, analyze({ text }, models));
  });
});
