// The wink-nlp engine with its English model: loaded once per process (about 0.2 s, ~100 MB)
// and handed to the analysis as part of its models.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Nlp {
  engine: ReturnType<typeof winkNLP>;
  its: ReturnType<typeof winkNLP>['its'];
  /** The engine's own word index, which it grows as it reads (see readDocument). */
  lexicon: EngineLexicon;
  /** Rebuilds the engine (see readDocument). */
  rebuild: () => void;
}

type Document = ReturnType<ReturnType<typeof winkNLP>['readDoc']>;

/** wink-nlp's lexeme feature: word → index, and the words by index; the first intrinsicSize are the model's. */
interface EngineLexicon {
  hash: Record<string, number | undefined>;
  list: string[];
  intrinsicSize: number;
}

/**
 * The pipes the analysis reads: sentence boundaries, negation and part-of-speech tags (lemmas
 * come from the tags). wink-nlp's named entities (dates, numbers: no people or places) and its
 * sentiment are left out: the analysis does not use them, and readDoc is ~25% faster without.
 */
export const PIPES = ['sbd', 'negation', 'pos'];

/**
 * The tokenizer asks the lexicon only about strings it could split: with an apostrophe, a
 * hyphen, a period or other punctuation. Words of letters and digits alone are read the same
 * known or not, so they may stay (forgetting them would cost a quarter of readDoc's time).
 */
const SPLITTABLE = /[^\p{L}\p{N}]/u;

/** Words learnt from documents the engine keeps before it is rebuilt (a few MB). */
const MAX_LEARNT = 200_000;

export function loadNlp(): Nlp {
  const nlp = {} as Nlp;
  nlp.rebuild = () => {
    // wink-nlp builds its lexicon from model.core() at start: keep a hold on it.
    let lexicon: EngineLexicon | undefined;
    const source = model as unknown as { core: () => { features: { lexeme: EngineLexicon } } };
    const held = { ...model, core: () => {
      const core = source.core();
      lexicon = core.features.lexeme;
      return core;
    } } as unknown as typeof model;
    const engine = winkNLP(held, PIPES as Parameters<typeof winkNLP>[1]);
    Object.assign(nlp, { engine, its: engine.its, lexicon: lexicon! });
  };
  nlp.rebuild();
  return nlp;
}

/**
 * Reads a text as an engine that has read no other would, hands the document to `use` and
 * returns what it returns. wink-nlp adds every word it has not met to its lexicon, and its
 * tokenizer keeps a word whole once the lexicon holds it ("Trump's" is read as "Trump" + "'s"
 * until an article has ended on "Trump's."), so without this an analysis would depend on the
 * articles read before it on the same thread. Once `use` is done, the splittable words the text
 * added are taken out of the index again (their entries stay, so a document read keeps its
 * values, and a word met again is added again); past MAX_LEARNT entries the engine is rebuilt.
 */
export function readDocument<T>(nlp: Nlp, text: string, use: (doc: Document) => T): T {
  const { hash, list, intrinsicSize } = nlp.lexicon;
  const before = list.length;
  try {
    return use(nlp.engine.readDoc(text));
  } finally {
    for (let k = Math.max(before, intrinsicSize); k < list.length; k++) {
      const word = list[k];
      if (hash[word] === k && SPLITTABLE.test(word)) delete hash[word];
    }
    if (list.length - intrinsicSize > MAX_LEARNT) nlp.rebuild();
  }
}

/** wink-nlp with every pipe, as it comes: the benchmark's "readDoc alone". */
export function loadFullNlp(): Pick<Nlp, 'engine' | 'its'> {
  const engine = winkNLP(model);
  return { engine, its: engine.its };
}
