// Word vectors (models/word-vectors.json): the GloVe vectors of the 30,000 most frequent English
// words, 100 dimensions stored as int8 with one scale per dimension (scripts/word-vectors). The
// target model reads the mean vector of the words around a mention as features: words it never
// saw in training weigh like the words near them in the vector space.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Token } from '../analysis/types';

export const WORD_VECTORS_FILE = 'word-vectors.json';
export const WORD_VECTORS_FORMAT = 'stance-word-vectors/1';

export interface WordVectors {
  dimensions: number;
  /** The word's row in `values` (lower-cased lookup), or -1 outside the vocabulary. */
  rowOf(word: string): number;
  /** rowOf for a word already in lower case: one look-up. */
  rowOfLower(lower: string): number;
  /** Row-major int8 values; value × scales[d] is dimension d. */
  values: Int8Array;
  scales: Float32Array;
}

const fileSchema = z
  .object({
    format: z.literal(WORD_VECTORS_FORMAT),
    about: z.string(),
    licence: z.string(),
    training: z.record(z.string(), z.unknown()),
    dimensions: z.number().int().positive(),
    /** The words, newline-separated, in row order. */
    words: z.string(),
    /** One per dimension. */
    scales: z.array(z.number().positive()),
    /** int8 values, row-major, base64. */
    values: z.string(),
  })
  .refine((f) => f.scales.length === f.dimensions, 'scales must hold one number per dimension');

export type WordVectorFile = z.infer<typeof fileSchema>;

export function loadWordVectors(dir: string): WordVectors {
  const file = path.join(dir, WORD_VECTORS_FILE);
  const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const f = parsed.data;
  const words = f.words.split('\n');
  const bytes = Buffer.from(f.values, 'base64');
  if (bytes.length !== words.length * f.dimensions) throw new Error(`${file}: ${words.length} words need ${words.length * f.dimensions} values, not ${bytes.length}`);
  const index = new Map(words.map((w, i) => [w, i]));
  return {
    dimensions: f.dimensions,
    rowOf: (word) => index.get(word) ?? index.get(word.toLowerCase()) ?? -1,
    rowOfLower: (lower) => index.get(lower) ?? -1,
    values: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    scales: Float32Array.from(f.scales),
  };
}

/** The file a training run writes: each dimension scaled so its largest magnitude is 127. */
export function encodeWordVectors(about: Pick<WordVectorFile, 'about' | 'licence' | 'training'>, words: string[], rows: Float32Array, dimensions: number): WordVectorFile {
  const scales = Array.from({ length: dimensions }, (_, d) => {
    let top = 0;
    for (let i = d; i < rows.length; i += dimensions) top = Math.max(top, Math.abs(rows[i]));
    return top > 0 ? top / 127 : 1;
  });
  const values = Buffer.alloc(rows.length);
  for (let i = 0; i < rows.length; i++) values.writeInt8(Math.round(rows[i] / scales[i % dimensions]), i);
  return { format: WORD_VECTORS_FORMAT, ...about, dimensions, words: words.join('\n'), scales, values: values.toString('base64') };
}

/**
 * Tags left out of a mean vector: words with little meaning of their own, and names — a name
 * says who, not how the text speaks of them, and its vector would teach a model the training
 * news's tone toward that name (NewsMTSC train 5-fold: 0.7006 with names, 0.7002 without).
 */
const LEFT_OUT_TAGS = new Set(['PUNCT', 'DET', 'ADP', 'PROPN']);

/**
 * Mean vectors over ranges of one text's tokens, for the target model's features: each token's
 * row is looked up once, and a range asked for again (a sentence, once for each of its
 * mentions) keeps its sum. The sums are of int8 values, exact in any order, so a sentence's mean
 * without a mention is its sum less the mention's words: the same numbers as adding up the rest.
 */
export class TextVectors {
  /** Each token's row; -1 outside the vocabulary or left out (LEFT_OUT_TAGS), -2 not looked up yet. */
  private readonly rows: Int32Array;
  private readonly sums = new Map<string, { sum: Float64Array; n: number }>();

  constructor(
    private readonly vectors: WordVectors,
    private readonly tokens: Token[],
  ) {
    this.rows = new Int32Array(tokens.length).fill(-2);
  }

  /**
   * The mean vector of the content words of tokens[from, to) other than names, leaving out
   * `skip` (the mention itself), times `weight`; null when no word there has a vector. `reuse`
   * keeps the range's sum for the next question about it.
   */
  mean(from: number, to: number, skip: { first: number; last: number }, weight: number, reuse = false): Float64Array | null {
    const { dimensions: dim, scales } = this.vectors;
    const out = { sum: new Float64Array(dim), n: 0 };
    if (reuse) {
      const key = `${from}:${to}`;
      let range = this.sums.get(key);
      if (!range) {
        range = { sum: new Float64Array(dim), n: 0 };
        for (let k = from; k < to; k++) this.addRow(range, k, 1);
        this.sums.set(key, range);
      }
      out.sum.set(range.sum);
      out.n = range.n;
      for (let k = Math.max(from, skip.first); k < Math.min(to, skip.last); k++) this.addRow(out, k, -1);
    } else {
      for (let k = from; k < to; k++) if (k < skip.first || k >= skip.last) this.addRow(out, k, 1);
    }
    if (!out.n) return null;
    const sum = out.sum, n = out.n;
    for (let d = 0; d < dim; d++) sum[d] = (sum[d] * scales[d] * weight) / n;
    return sum;
  }

  private addRow(acc: { sum: Float64Array; n: number }, k: number, sign: 1 | -1): void {
    let row = this.rows[k];
    if (row === -2) this.rows[k] = row = LEFT_OUT_TAGS.has(this.tokens[k].pos) ? -1 : this.vectors.rowOfLower(this.tokens[k].lower);
    if (row < 0) return;
    const { dimensions: dim, values } = this.vectors;
    const sum = acc.sum;
    const o = row * dim;
    if (sign > 0) for (let d = 0; d < dim; d++) sum[d] += values[o + d];
    else for (let d = 0; d < dim; d++) sum[d] -= values[o + d];
    acc.n += sign;
  }
}
