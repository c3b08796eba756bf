// The analysis's output caps (src/analysis/output.ts): what a capped analysis keeps, that it
// stays in text order, that indexes between its parts still agree, and that no score moves.
import { generatedArticle } from '../../bench/articles';
import { analyze, type Analysis, type OutputCaps } from '../../src/analysis';
import { AUTHOR } from '../../src/analysis/passes/6-stance';
import { loadModels, type Models } from '../../src/models';

let models: Models;
beforeAll(() => {
  models = loadModels();
});

const UNCAPPED: OutputCaps = {
  statements: Infinity, pairs: Infinity, evidencePerPair: Infinity, evidence: Infinity,
  evidenceChars: Infinity, actors: Infinity, mentions: Infinity,
};
/** A generated news article long enough for every cap below to bind. */
const article = { ...generatedArticle(3, 30), publishedAt: '2019-03-01' };
const spanOf = (s: { start: number; end: number }) => `${s.start}-${s.end}`;
const pairOf = (s: { source: string; target: string }) => `${s.source}>${s.target}`;

/** True when `part` is `whole` with some items left out (order kept). */
function isSubsequence<T>(part: T[], whole: T[]): boolean {
  let i = 0;
  for (const item of whole) if (i < part.length && item === part[i]) i++;
  return i === part.length;
}

describe('the output caps', () => {
  let full: Analysis;
  beforeAll(() => {
    full = analyze(article, models, { caps: UNCAPPED });
  });

  it('never bind on a news article: the default output is the whole output', () => {
    expect(full.quotes.length).toBeGreaterThan(20);
    expect(analyze(article, models)).toEqual(full);
  });

  it('keep the statements with a speaker first, then the most confident, in text order', () => {
    const limit = 10;
    const capped = analyze(article, models, { caps: { statements: limit } });
    expect(capped.quotes).toHaveLength(limit);
    const kept = capped.quotes.map(spanOf);
    expect(isSubsequence(kept, full.quotes.map(spanOf))).toBe(true);
    const rank = (q: Analysis['quotes'][number]) => (q.speaker ? 2 : 0) + q.confidence;
    const dropped = full.quotes.filter((q) => !kept.includes(spanOf(q)));
    expect(Math.min(...capped.quotes.map(rank))).toBeGreaterThanOrEqual(Math.max(...dropped.map(rank)));
    // Evidence from a kept statement points at it; evidence from a dropped one points nowhere.
    const fullQuoteOf = new Map(full.stances.flatMap((s) => s.evidence).filter((e) => e.quote !== undefined).map((e) => [spanOf(e), e.quote]));
    for (const e of capped.stances.flatMap((s) => s.evidence)) {
      if (e.quote !== undefined) expect(spanOf(capped.quotes[e.quote])).toBe(spanOf(e));
      else if (fullQuoteOf.has(spanOf(e))) expect(kept).not.toContain(spanOf(e));
    }
    expect(capped.stances.map((s) => s.score)).toEqual(full.stances.map((s) => s.score));
  });

  it('keep the pairs with the most evidence, in their order, with the scores of the whole', () => {
    const text = [
      'Iran condemned the United States.',
      'Turkey welcomed Russia.',
      'Iran again condemned the United States for its threats.',
      'China praised France.',
      'Iran accused the United States of lying.',
    ].join(' ');
    const whole = analyze({ text }, models, { caps: UNCAPPED });
    expect(whole.stances.length).toBeGreaterThan(3);
    expect(analyze({ text }, models, { caps: { pairs: 1 } }).stances.map(pairOf)).toEqual(['IRN>USA']);

    const capped = analyze(article, models, { caps: { pairs: 12 } });
    expect(capped.stances).toHaveLength(12);
    expect(isSubsequence(capped.stances.map(pairOf), full.stances.map(pairOf))).toBe(true);
    const scoreOf = new Map(full.stances.map((s) => [pairOf(s), s.score]));
    for (const s of capped.stances) expect(s.score).toBe(scoreOf.get(pairOf(s)));
    // The actors of the kept pairs are listed.
    const listed = new Set(capped.actors.map((a) => a.id));
    for (const s of capped.stances) expect([listed.has(s.source), listed.has(s.target)]).toEqual([true, true]);
  });

  it('list at most so much evidence per pair and in all, every pair keeping at least one, in order', () => {
    const caps = { evidencePerPair: 2, evidence: full.stances.length + 5 };
    const capped = analyze(article, models, { caps });
    expect(full.stances.flatMap((s) => s.evidence).length).toBeGreaterThan(caps.evidence);
    expect(capped.stances.map(pairOf)).toEqual(full.stances.map(pairOf));
    capped.stances.forEach((s, i) => {
      expect(s.evidence.length).toBeGreaterThanOrEqual(1);
      expect(s.evidence.length).toBeLessThanOrEqual(caps.evidencePerPair);
      expect(isSubsequence(s.evidence.map(spanOf), full.stances[i].evidence.map(spanOf))).toBe(true);
      expect(s.score).toBe(full.stances[i].score);
    });
    expect(capped.stances.flatMap((s) => s.evidence).length).toBeLessThanOrEqual(caps.evidence);
  });

  it('cut evidence texts, keeping the offsets of the whole span', () => {
    const capped = analyze(article, models, { caps: { evidenceChars: 20 } });
    const evidence = capped.stances.flatMap((s) => s.evidence);
    expect(evidence.some((e) => e.end - e.start > 20)).toBe(true);
    for (const e of evidence) expect(e.text).toBe(article.text.slice(e.start, Math.min(e.end, e.start + 20)));
  });

  it('list the actors the output names first, and the first mentions in the text', () => {
    const capped = analyze(article, models, { caps: { pairs: 2, statements: 1, actors: 4, mentions: 6 } });
    const named = new Set([...capped.stances.flatMap((s) => [s.source, s.target]), capped.quotes[0].speaker?.actorId]);
    const actors = capped.actors.filter((a) => a.type !== 'author');
    expect(actors.length).toBeLessThanOrEqual(4);
    for (const id of named) if (id && id !== AUTHOR) expect(actors.map((a) => a.id)).toContain(id);
    const mentions = actors.flatMap((a) => a.mentions);
    expect(mentions).toHaveLength(6);
    const allOfThem = full.actors.filter((a) => actors.some((k) => k.id === a.id)).flatMap((a) => a.mentions).map((m) => m.start);
    expect(mentions.map((m) => m.start).sort((a, b) => a - b)).toEqual(allOfThem.sort((a, b) => a - b).slice(0, 6));
  });
});
