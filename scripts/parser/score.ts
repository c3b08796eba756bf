// The parser's scorer: attachment scores over gold tokens, with wink-nlp's tags (as at run
// time) or the treebank's own (for reference), and its speed. Punctuation counts, as in the
// CoNLL 2018 shared task; LAS compares the universal relation (nsubj for nsubj:pass) and
// LAS-full the relation with its subtype.
import { performance } from 'node:perf_hooks';
import type { SyntaxWord } from '../../src/analysis/syntax/features';
import { ParseScratch, type ParserModel, parseWords } from '../../src/analysis/syntax/parser';
import type { Tags, TaggerModel } from '../../src/analysis/syntax/tagger';
import type { TreebankSentence } from '../treebanks/treebanks';

export interface ParserScores {
  words: number;
  uas: number;
  las: number;
  lasFull: number;
  /** Words per second of parsing alone (features, scores, moves), one core. */
  wordsPerSecond: number;
}

/** wink: the parser tags wink-nlp's tags itself, as at run time; gold: the treebank's tags stand in for its tagger's. */
export type TagSource = 'wink' | 'gold';

export function wordsOf(s: TreebankSentence, tags: TagSource): SyntaxWord[] {
  return s.words.map((w) => ({ value: w.value, pos: tags === 'gold' ? w.goldPos : w.pos, lemma: w.lemma }));
}

const universal = (relation: string): string => relation.split(':')[0];

/** The treebank's tags as the tagger's ids (an unknown tag as the first). */
export function goldTags(tagger: TaggerModel, s: TreebankSentence): Tags {
  const id = (names: string[], name: string) => Math.max(0, names.indexOf(name));
  return { upos: Int32Array.from(s.words, (w) => id(tagger.uposNames, w.goldPos)), xpos: Int32Array.from(s.words, (w) => id(tagger.xposNames, w.goldXpos)) };
}

export function scoreParser(model: ParserModel, sentences: TreebankSentence[], tags: TagSource = 'wink'): ParserScores {
  const inputs = sentences.map((s) => wordsOf(s, tags));
  const given = tags === 'gold' ? sentences.map((s) => goldTags(model.tagger, s)) : [];
  const scratch = new ParseScratch();
  const started = performance.now();
  const parses = inputs.map((words, i) => parseWords(model, words, scratch, given[i]));
  const seconds = (performance.now() - started) / 1000;
  let words = 0, heads = 0, labelled = 0, full = 0;
  sentences.forEach((s, i) => {
    s.words.forEach((w, k) => {
      words++;
      if (parses[i].heads[k] !== w.head) return;
      heads++;
      const relation = model.relations[parses[i].labels[k]] ?? '';
      if (universal(relation) === universal(w.deprel)) labelled++;
      if (relation === w.deprel) full++;
    });
  });
  return { words, uas: heads / words, las: labelled / words, lasFull: full / words, wordsPerSecond: words / seconds };
}

export const formatParserScores = (s: ParserScores): string =>
  `UAS ${s.uas.toFixed(4)} LAS ${s.las.toFixed(4)} (with subtypes ${s.lasFull.toFixed(4)}), ${s.words} words, ${Math.round(s.wordsPerSecond / 1000)}k words/s`;

/** Attachment errors by gold relation: where the parser loses most. */
export function errorsByRelation(model: ParserModel, sentences: TreebankSentence[], tags: TagSource = 'wink'): string {
  const by = new Map<string, { n: number; head: number; label: number }>();
  const scratch = new ParseScratch();
  for (const s of sentences) {
    const p = parseWords(model, wordsOf(s, tags), scratch, tags === 'gold' ? goldTags(model.tagger, s) : undefined);
    s.words.forEach((w, k) => {
      const r = universal(w.deprel);
      const e = by.get(r) ?? { n: 0, head: 0, label: 0 };
      e.n++;
      if (p.heads[k] === w.head) {
        e.head++;
        if (universal(model.relations[p.labels[k]]) === r) e.label++;
      }
      by.set(r, e);
    });
  }
  const total = sentences.reduce((n, s) => n + s.words.length, 0);
  return [...by]
    .sort((a, b) => b[1].n - b[1].head - (a[1].n - a[1].head))
    .slice(0, 20)
    .map(([r, e]) => `${r} n=${e.n} head ${(e.head / e.n).toFixed(3)} label|head ${(e.label / Math.max(1, e.head)).toFixed(3)} lost ${(((e.n - e.head) / total) * 100).toFixed(2)}%`)
    .join('\n');
}
