// The wink-nlp engine with its English model: loaded once per process (about 0.2 s, ~100 MB)
// and handed to the analysis as part of its models.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Nlp {
  engine: ReturnType<typeof winkNLP>;
  its: ReturnType<typeof winkNLP>['its'];
}

/**
 * The pipes the analysis reads: sentence boundaries, negation and part-of-speech tags (lemmas
 * come from the tags). wink-nlp's named entities (dates, numbers: no people or places) and its
 * sentiment are left out: the analysis does not use them, and readDoc is ~25% faster without.
 */
export const PIPES = ['sbd', 'negation', 'pos'];

export function loadNlp(): Nlp {
  const engine = winkNLP(model, PIPES as Parameters<typeof winkNLP>[1]);
  return { engine, its: engine.its };
}

/** wink-nlp with every pipe, as it comes: the benchmark's "readDoc alone". */
export function loadFullNlp(): Nlp {
  const engine = winkNLP(model);
  return { engine, its: engine.its };
}
