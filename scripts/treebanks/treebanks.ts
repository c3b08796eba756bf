// The treebanks the syntax, entity-type and coreference models learn from, as the training
// scripts and scorers read them: GUM's documents by its standard split (gum/splits.md) and UD
// EWT's dev and test files, from ../shared/treebanks (never copied into the project), each word
// with the part-of-speech tag and lemma wink-nlp gives it, as the analysis will at run time.
import fs from 'node:fs';
import path from 'node:path';
import { normalise } from '../../src/analysis/passes/1-normalise';
import { tokenise } from '../../src/analysis/passes/2-tokens';
import type { SyntaxWord } from '../../src/analysis/syntax/features';
import { type Dependencies, type ParserModel, parseWords } from '../../src/analysis/syntax/parser';
import type { Token } from '../../src/analysis/types';
import { type ConlluSentence, type EntityMention, readConllu, readEntityMentions } from '../../src/ml/conllu';
import type { Nlp } from '../../src/models/nlp';

export const TREEBANKS_DIR = path.resolve(__dirname, '../../../../shared/treebanks');
export const GUM_DIR = path.join(TREEBANKS_DIR, 'gum');
export const EWT_FILES = ['ud-ewt/en_ewt-ud-dev.conllu', 'ud-ewt/en_ewt-ud-test.conllu'];

export type GumSplit = 'train' | 'dev' | 'test';

/** A gold word with wink-nlp's tag and lemma for it: what a model sees of a word, in training as at run time. */
export interface TaggedWord {
  value: string;
  /** wink-nlp's universal POS tag for the token covering this word. */
  pos: string;
  lemma: string;
  /** The treebank's own tags, for reference figures and for training the tagger. */
  goldPos: string;
  goldXpos: string;
  head: number;
  deprel: string;
}

export interface TreebankSentence {
  id: string;
  doc: string;
  text: string;
  words: TaggedWord[];
  /** The conllu sentence it came from (its MISC, offsets). */
  source: ConlluSentence;
}

export interface TreebankDocument {
  id: string;
  sentences: TreebankSentence[];
  mentions: EntityMention[];
}

/** GUM's documents of a split that this snapshot holds (the open genres), in splits.md order. */
export function gumDocumentIds(split: GumSplit): string[] {
  const text = fs.readFileSync(path.join(GUM_DIR, 'splits.md'), 'utf8');
  const ids: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const heading = /^##\s+(\S+)/.exec(line);
    if (heading) current = heading[1];
    const item = /^\s*\*\s+(\S+)/.exec(line);
    if (item && current === split && fs.existsSync(path.join(GUM_DIR, `${item[1]}.conllu`))) ids.push(item[1]);
  }
  return ids;
}

export function readGum(split: GumSplit, nlp: Nlp): TreebankDocument[] {
  return gumDocumentIds(split).map((id) => {
    const sentences = readConllu(fs.readFileSync(path.join(GUM_DIR, `${id}.conllu`), 'utf8'), id);
    return { id, sentences: sentences.map((s) => tagSentence(s, nlp)), mentions: readEntityMentions(sentences) };
  });
}

export function readEwt(nlp: Nlp): TreebankSentence[] {
  return EWT_FILES.flatMap((f) => readConllu(fs.readFileSync(path.join(TREEBANKS_DIR, f), 'utf8'), f).map((s) => tagSentence(s, nlp)));
}

export const treebanksPresent = (): boolean => fs.existsSync(path.join(GUM_DIR, 'splits.md'));

/**
 * wink-nlp's tags and lemmas for the gold words: the sentence's text runs through the analysis's
 * own passes 1–2, and each word takes the tag of the token that covers it (of the last of the
 * tokens inside it, when wink-nlp splits a word further: "e-mail" → e - mail).
 */
export function tagSentence(s: ConlluSentence, nlp: Nlp): TreebankSentence {
  const tokens = tokenise(normalise(s.text), nlp).tokens;
  let k = 0;
  const words = s.words.map((w): TaggedWord => {
    while (k < tokens.length && tokens[k].end <= w.start) k++;
    const covering = tokenFor(tokens, k, w.start, w.end);
    return { value: w.form, pos: covering?.pos ?? w.upos, lemma: covering?.lemma ?? w.lemma, goldPos: w.upos, goldXpos: w.xpos, head: w.head, deprel: w.deprel };
  });
  return { id: s.id, doc: s.doc, text: s.text, words, source: s };
}

function tokenFor(tokens: Token[], from: number, start: number, end: number): Token | undefined {
  let best: Token | undefined;
  for (let k = from; k < tokens.length && tokens[k].start < end; k++) {
    const t = tokens[k];
    if (t.end <= start) continue;
    if (t.pos !== 'PUNCT' || !best) best = t;
  }
  return best;
}

/** A document's words in one list (wink-nlp's tags), with its mentions placed in that list. */
export interface DocumentWords {
  id: string;
  words: SyntaxWord[];
  /** Sentence index of each word. */
  sentence: Int32Array;
  mentions: (EntityMention & { first: number; last: number })[];
  /** The shipped parser's trees over the words (withSyntax), as the analysis will have them. */
  syntax?: Dependencies;
}

/** The documents with the parser's trees of their sentences (the parser as shipped in models/). */
export function withSyntax(docs: DocumentWords[], parser: ParserModel): DocumentWords[] {
  return docs.map((d) => {
    const head = new Int32Array(d.words.length);
    const relation = new Array<string>(d.words.length);
    for (let first = 0; first < d.words.length; ) {
      let last = first;
      while (last < d.words.length && d.sentence[last] === d.sentence[first]) last++;
      const parse = parseWords(parser, d.words.slice(first, last));
      for (let w = 0; w < last - first; w++) {
        head[first + w] = parse.heads[w] === 0 ? -1 : first + parse.heads[w] - 1;
        relation[first + w] = parser.relations[parse.labels[w]] ?? 'dep';
      }
      first = last;
    }
    return { ...d, syntax: { head, relation } };
  });
}

/** GUM's train, dev and test documents as words, with the shipped parser's trees (models/parser.json). */
export function parsedGumSplits(nlp: Nlp, parser: ParserModel): [DocumentWords[], DocumentWords[], DocumentWords[]] {
  const [train, dev, test] = (['train', 'dev', 'test'] as const).map((split) => withSyntax(readGum(split, nlp).map(documentWords), parser));
  return [train, dev, test];
}

export function documentWords(doc: TreebankDocument): DocumentWords {
  const offsets: number[] = [];
  const words: SyntaxWord[] = [];
  const sentence: number[] = [];
  doc.sentences.forEach((s, i) => {
    offsets.push(words.length);
    for (const w of s.words) {
      words.push({ value: w.value, pos: w.pos, lemma: w.lemma });
      sentence.push(i);
    }
  });
  const mentions = doc.mentions.map((m) => ({ ...m, first: offsets[m.sentence] + m.first, last: offsets[m.sentence] + m.last }));
  return { id: doc.id, words, sentence: Int32Array.from(sentence), mentions };
}

/** Distinct names (tags, relations, types), most frequent first, ties by name: the class order of a model. */
export function namesByFrequency(names: string[]): string[] {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r]) => r);
}
