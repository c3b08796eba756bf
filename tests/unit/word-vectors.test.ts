// Word vectors and clusters (src/models/word-vectors.ts, word-clusters.ts, src/ml/kmeans.ts): the
// files round-trip, the mean vector leaves out the mention and function words, k-means is
// repeatable and groups what is close, and the shipped files load.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { normaliseRows, sphericalKMeans } from '../../src/ml/kmeans';
import { DEFAULT_MODELS_DIR } from '../../src/models';
import { WORD_CLUSTERS_FILE, encodeWordClusters, loadWordClusters } from '../../src/models/word-clusters';
import { WORD_VECTORS_FILE, TextVectors, encodeWordVectors, loadWordVectors } from '../../src/models/word-vectors';
import type { Token } from '../../src/analysis/types';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'words-'));
const token = (lower: string, pos = 'NOUN') => ({ lower, pos }) as Token;

describe('word vectors', () => {
  const words = ['war', 'peace', 'talks'];
  const rows = Float32Array.of(1, -2, 0.5, 0, -1, 1);
  fs.writeFileSync(path.join(tmp, WORD_VECTORS_FILE), JSON.stringify(encodeWordVectors({ about: 't', licence: 'none', training: {} }, words, rows, 2)));
  const vectors = loadWordVectors(tmp);

  it('keeps each value within one int8 step of its dimension scale', () => {
    for (let i = 0; i < rows.length; i++) expect(Math.abs(vectors.values[i] * vectors.scales[i % 2] - rows[i])).toBeLessThanOrEqual(vectors.scales[i % 2] / 2 + 1e-9);
    expect(vectors.rowOf('Peace')).toBe(1);
    expect(vectors.rowOf('truce')).toBe(-1);
  });

  it('averages the content words around a mention, leaving the mention, function words, names and unknown words out', () => {
    const tokens = [token('war'), token('the', 'DET'), token('peace'), token('truce'), token('talks')];
    const f = new TextVectors(vectors, tokens).mean(0, 5, { first: 2, last: 3 }, 2)!;
    // war (1, −2) and talks (−1, 1): the mean (0, −0.5), times 2.
    expect(f[0]).toBeCloseTo(0, 1);
    expect(f[1]).toBeCloseTo(-1, 1);
    // A name says who, not how: "War" as a name is left out.
    const named = new TextVectors(vectors, [token('war', 'PROPN'), token('talks')]).mean(0, 2, { first: 0, last: 0 }, 1)!;
    expect(named[0]).toBeCloseTo(-1, 1);
    expect(new TextVectors(vectors, tokens).mean(1, 2, { first: 0, last: 0 }, 1)).toBeNull();
    // A range's kept sum less each mention's words: the same numbers as the rest added up.
    const text = new TextVectors(vectors, tokens);
    for (const skip of [{ first: 0, last: 1 }, { first: 2, last: 4 }, { first: 4, last: 5 }, { first: 0, last: 5 }]) {
      const reused = text.mean(0, 5, skip, 2, true);
      const direct = new TextVectors(vectors, tokens).mean(0, 5, skip, 2);
      expect(reused === null ? null : Array.from(reused)).toEqual(direct === null ? null : Array.from(direct));
    }
  });

  it('refuses a file whose values do not fit its words', () => {
    const bad = { ...encodeWordVectors({ about: 't', licence: 'none', training: {} }, words, rows, 2), words: 'war\npeace' };
    fs.writeFileSync(path.join(tmp, WORD_VECTORS_FILE), JSON.stringify(bad));
    expect(() => loadWordVectors(tmp)).toThrow(/2 words need 4 values/);
  });
});

describe('word clusters', () => {
  it('groups nearby unit vectors the same way for the same seed', () => {
    const rows = normaliseRows(Float32Array.of(1, 0.1, 0.9, 0, -1, 0.05, -0.95, -0.1, 0, 1, 0.1, 0.9), 2);
    const a = sphericalKMeans(rows, 2, { k: 3, iterations: 5, seed: 7 });
    const b = sphericalKMeans(rows, 2, { k: 3, iterations: 5, seed: 7 });
    expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
    expect(a.assignment[0]).toBe(a.assignment[1]);
    expect(a.assignment[2]).toBe(a.assignment[3]);
    expect(a.assignment[4]).toBe(a.assignment[5]);
    expect(new Set(a.assignment).size).toBe(3);
  });

  it('round-trips a file and looks words up lower-cased', () => {
    fs.writeFileSync(path.join(tmp, WORD_CLUSTERS_FILE), JSON.stringify(encodeWordClusters({ about: 't', licence: 'none', training: {}, fineCount: 3, coarseCount: 2 }, ['war', 'peace'], [2, 0], [0, 1, 1])));
    const clusters = loadWordClusters(tmp);
    expect(clusters.fineOf('War')).toBe(2);
    expect(clusters.coarseOf(clusters.fineOf('war'))).toBe(1);
    expect(clusters.fineOf('truce')).toBe(-1);
    expect(clusters.coarseOf(-1)).toBe(-1);
  });
});

describe('the shipped files', () => {
  it('load, with similar words near each other', () => {
    const vectors = loadWordVectors(DEFAULT_MODELS_DIR);
    const clusters = loadWordClusters(DEFAULT_MODELS_DIR);
    expect(vectors.dimensions).toBe(100);
    const cosine = (a: string, b: string) => {
      const [x, y] = [vectors.rowOf(a), vectors.rowOf(b)].map((r) => Array.from({ length: 100 }, (_, d) => vectors.values[r * 100 + d] * vectors.scales[d]));
      const dot = (u: number[], v: number[]) => u.reduce((s, ui, i) => s + ui * v[i], 0);
      return dot(x, y) / Math.sqrt(dot(x, x) * dot(y, y));
    };
    expect(cosine('minister', 'ministers')).toBeGreaterThan(cosine('minister', 'banana'));
    expect(clusters.fineOf('tuesday')).toBe(clusters.fineOf('wednesday'));
  });
});
