// Word clusters (models/word-clusters.json): each of the 60,000 most frequent English words in
// one of 512 fine clusters of similar words, each fine cluster in one of 48 coarse ones, from
// spherical k-means over GloVe vectors (scripts/word-vectors/train.ts). A model may read a word's
// clusters as features, so a word it never saw in training ("denounced") weighs like the ones
// of its cluster that it did ("condemned", "criticised"). No model reads them now
// (the stance model and the parser were each measured without a gain), so the analysis does not
// load them.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const WORD_CLUSTERS_FILE = 'word-clusters.json';
export const WORD_CLUSTERS_FORMAT = 'stance-word-clusters/1';

export interface WordClusters {
  /** The number of fine and of coarse clusters. */
  fineCount: number;
  coarseCount: number;
  /** The word's fine cluster (lower-cased lookup), or -1 for a word outside the vocabulary. */
  fineOf(word: string): number;
  /** The coarse cluster a fine cluster falls in. */
  coarseOf(fine: number): number;
}

const fileSchema = z
  .object({
    format: z.literal(WORD_CLUSTERS_FORMAT),
    about: z.string(),
    licence: z.string(),
    training: z.record(z.string(), z.unknown()),
    fineCount: z.number().int().positive().max(65535),
    coarseCount: z.number().int().positive(),
    /** The words, newline-separated, in the order of `fine`. */
    words: z.string(),
    /** Each word's fine cluster: uint16 little-endian, base64. */
    fine: z.string(),
    /** Each fine cluster's coarse cluster. */
    coarseOfFine: z.array(z.number().int().nonnegative()),
  })
  .refine((f) => f.coarseOfFine.length === f.fineCount, 'coarseOfFine must hold one cluster per fine cluster')
  .refine((f) => f.coarseOfFine.every((c) => c < f.coarseCount), 'a coarse cluster is out of range');

export type WordClusterFile = z.infer<typeof fileSchema>;

export function loadWordClusters(dir: string): WordClusters {
  const file = path.join(dir, WORD_CLUSTERS_FILE);
  const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return wordClustersOf(parsed.data, file);
}

export function wordClustersOf(f: WordClusterFile, name = 'word clusters'): WordClusters {
  const words = f.words.split('\n');
  const bytes = Buffer.from(f.fine, 'base64');
  if (bytes.length !== words.length * 2) throw new Error(`${name}: ${words.length} words but ${bytes.length / 2} clusters`);
  const index = new Map<string, number>();
  words.forEach((w, i) => {
    const c = bytes.readUInt16LE(i * 2);
    if (c >= f.fineCount) throw new Error(`${name}: the cluster of "${w}" is out of range`);
    index.set(w, c);
  });
  const coarse = Int32Array.from(f.coarseOfFine);
  return {
    fineCount: f.fineCount,
    coarseCount: f.coarseCount,
    fineOf: (word) => index.get(word) ?? index.get(word.toLowerCase()) ?? -1,
    coarseOf: (fine) => (fine >= 0 ? coarse[fine] : -1),
  };
}

/** The file a training run writes (scripts/word-vectors/train.ts). */
export function encodeWordClusters(about: Omit<WordClusterFile, 'words' | 'fine' | 'coarseOfFine' | 'format'>, words: string[], fine: ArrayLike<number>, coarseOfFine: number[]): WordClusterFile {
  const bytes = Buffer.alloc(words.length * 2);
  for (let i = 0; i < words.length; i++) bytes.writeUInt16LE(fine[i], i * 2);
  return { format: WORD_CLUSTERS_FORMAT, ...about, words: words.join('\n'), fine: bytes.toString('base64'), coarseOfFine };
}
