// The wink-nlp engine with its English model: loaded once per process (about 0.2 s, ~100 MB)
// and handed to the analysis as part of its models.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Nlp {
  engine: ReturnType<typeof winkNLP>;
  its: ReturnType<typeof winkNLP>['its'];
}

export function loadNlp(): Nlp {
  const engine = winkNLP(model);
  return { engine, its: engine.its };
}
