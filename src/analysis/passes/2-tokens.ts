// Pass 2: paragraphs, sentences and tokens, with wink-nlp's part-of-speech tags, lemmas and
// negation flags, each token placed at its offset in the text.
//
// A line break always ends a paragraph (news text puts one paragraph per line), and wink-nlp
// reads one paragraph at a time: read whole, it runs a headline into the first paragraph.
import type { Paragraph, Sentence, Token } from '../types';
import type { ItemSentence } from 'wink-nlp';
import type { Nlp } from '../../models/nlp';

export interface TokenisedText {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

const CLOSING = new Set([')', ']', ',', ';', ':']);

export function tokenise(text: string, nlp: Nlp): TokenisedText {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const its = nlp.its;
  const lineBreak = /\n/g;
  let lineStart = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) {
      const p: Paragraph = { i: paragraphs.length, start: lineStart, end: lineEnd, first: sentences.length, last: sentences.length };
      const doc = nlp.engine.readDoc(line);
      const values = doc.tokens().out(its.value) as string[];
      const pos = doc.tokens().out(its.pos) as string[];
      // wink-nlp's typings declare the lemma helper with a different signature; it works with out().
      const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
      const negated = doc.tokens().out(its.negationFlag) as unknown as boolean[];
      // Place each token by searching forward from the previous one: robust to characters
      // wink-nlp skips, and linear in the paragraph's length.
      const starts: number[] = [];
      let cursor = 0;
      for (const v of values) {
        const at = line.indexOf(v, cursor);
        const start = at < 0 ? cursor : at;
        starts.push(start);
        cursor = start + v.length;
      }
      doc.sentences().each((s: ItemSentence) => {
        const first = s.tokens().itemAt(0)?.index();
        const count = s.tokens().length();
        if (first === undefined || count === 0) return;
        const sentence: Sentence = { i: sentences.length, paragraph: p.i, first: tokens.length, last: tokens.length, start: 0, end: 0 };
        for (let k = first; k < first + count; k++) {
          if (pos[k] === 'SPACE') continue;
          const start = lineStart + starts[k];
          tokens.push({
            i: tokens.length,
            start,
            end: start + values[k].length,
            value: values[k],
            lower: values[k].toLowerCase().replace(/[\u2019\u2018]/g, "'"),
            lemma: lemmas[k],
            pos: pos[k],
            negated: negated[k] === true,
            sentence: sentence.i,
          });
        }
        sentence.last = tokens.length;
        if (sentence.last === sentence.first) return;
        // wink-nlp may end a sentence at an abbreviation ("Sen. X (D-Calif.) said"): a sentence
        // does not begin with closing punctuation or a lower-case word, so that one carries on.
        const previous = sentences[sentences.length - 1];
        const opener = tokens[sentence.first].value;
        if (previous && previous.paragraph === p.i && (CLOSING.has(opener) || /^\p{Ll}/u.test(opener))) {
          for (let k = sentence.first; k < sentence.last; k++) tokens[k].sentence = previous.i;
          previous.last = sentence.last;
          previous.end = tokens[sentence.last - 1].end;
          return;
        }
        sentence.start = tokens[sentence.first].start;
        sentence.end = tokens[sentence.last - 1].end;
        sentences.push(sentence);
      });
      p.last = sentences.length;
      if (p.last > p.first) paragraphs.push(p);
    }
    if (!m) break;
    lineStart = lineEnd + 1;
  }
  return { text, paragraphs, sentences, tokens };
}

/** Index of the first token that starts at or after `offset` (tokens.length when none). */
export function firstTokenFrom(tokens: Token[], offset: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token range [first, last) of the tokens lying inside a character span. */
export function tokensWithin(tokens: Token[], span: { start: number; end: number }): { first: number; last: number } {
  const first = firstTokenFrom(tokens, span.start);
  let last = firstTokenFrom(tokens, span.end);
  while (last > first && tokens[last - 1].end > span.end) last--;
  return { first, last };
}

/** The sentence holding token i. */
export function sentenceOf(t: TokenisedText, i: number): Sentence {
  return t.sentences[t.tokens[i].sentence];
}
