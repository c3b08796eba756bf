// Pass 2: paragraphs, sentences and tokens, with wink-nlp's part-of-speech tags, lemmas and
// negation flags, each token placed at its offset in the text.
//
// wink-nlp reads the whole text at once (one call is markedly cheaper than one per paragraph);
// a line break then always ends a paragraph and a sentence, since news text puts one paragraph
// per line and wink-nlp would run a headline into the first paragraph. A run of words with no
// end is cut into sentences of MAX_SENTENCE tokens.
import { type Nlp, readDocument } from '../../models/nlp';
import type { Paragraph, Sentence, Token } from '../types';
import { partitionPoint } from '../sorted';

export interface TokenisedText {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

/**
 * The longest sentence, in tokens: a longer run of words with no end (1 MB without a full stop)
 * is cut into sentences of this length, so that every search within a sentence stays bounded.
 * The longest of 63,000 sentences of news and treebank text has 222 tokens.
 */
const MAX_SENTENCE = 400;

/** A sentence does not begin with these: wink-nlp split at an abbreviation ("(D-Calif.) said"). */
const CLOSING = new Set([')', ']', ',', ';', ':']);

export function tokenise(text: string, nlp: Nlp): TokenisedText {
  const its = nlp.its;
  const { values, pos, lemmas, negated, sentenceStarts } = readDocument(nlp, breakLongRuns(text), (doc) => {
    const values = doc.tokens().out(its.value) as string[];
    const sentenceStarts = new Uint8Array(values.length);
    // Each sentence's [first, last] token indices (an empty text has none).
    for (const [first] of doc.sentences().out(its.span) as unknown as [number, number][]) sentenceStarts[first] = 1;
    return {
      values,
      pos: doc.tokens().out(its.pos) as string[],
      // wink-nlp's typings declare the lemma helper with a different signature; it works with out().
      lemmas: doc.tokens().out(its.lemma as unknown as typeof its.value) as string[],
      negated: doc.tokens().out(its.negationFlag) as unknown as boolean[],
      sentenceStarts,
    };
  });

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let cursor = 0;
  let nextLineBreak = -1;
  for (let k = 0; k < values.length; k++) {
    if (pos[k] === 'SPACE') continue;
    const v = values[k];
    // Place each token by searching forward from the previous one: robust to characters
    // wink-nlp skips, and linear in the text's length.
    const at = text.indexOf(v, cursor);
    const start = at < 0 ? cursor : at;
    if (nextLineBreak < cursor) nextLineBreak = lineBreakFrom(text, cursor);
    const newParagraph = tokens.length === 0 || nextLineBreak < start;
    cursor = start + v.length;
    let sentence = sentences[sentences.length - 1];
    if (newParagraph) {
      paragraphs.push({ i: paragraphs.length, start, end: cursor, first: sentences.length, last: sentences.length });
    }
    const paragraph = paragraphs[paragraphs.length - 1];
    const continues = !newParagraph && (!sentenceStarts[k] || CLOSING.has(v) || LOWER_INITIAL.test(v) || afterInitial(tokens)) && tokens.length - sentence.first < MAX_SENTENCE;
    if (!continues) {
      sentence = { i: sentences.length, paragraph: paragraph.i, first: tokens.length, last: tokens.length, start, end: cursor };
      sentences.push(sentence);
      paragraph.last = sentences.length;
    }
    tokens.push({
      i: tokens.length,
      start,
      end: cursor,
      value: v,
      lower: lowerCase(v),
      // wink-nlp gives no lemma for some contraction parts ("dont" → "do" + "nt").
      lemma: lemmas[k] ?? lowerCase(v),
      pos: pos[k],
      negated: negated[k] === true,
      sentence: sentence.i,
    });
    sentence.last = tokens.length;
    sentence.end = cursor;
    paragraph.end = cursor;
  }
  markPluralPossessives(tokens);
  return { text, paragraphs, sentences, tokens };
}

/**
 * "Sanders’ campaign", "the voters' choice": wink-nlp tags an apostrophe after a plural or a
 * name ending in s as punctuation; it is a possessive (PART, as wink-nlp tags 's) unless an
 * opening single quotation mark before it in the sentence makes it a closing one.
 */
function markPluralPossessives(tokens: Token[]): void {
  // Whether an opening single quotation mark came earlier in the current sentence.
  let opened = tokens.length > 0 && opensSingleQuote(tokens, 0);
  for (let k = 1; k + 1 < tokens.length; k++) {
    const t = tokens[k], prev = tokens[k - 1], next = tokens[k + 1];
    if (prev.sentence !== t.sentence) opened = false;
    const tight = t.lower === "'" && t.pos === 'PUNCT' && prev.end === t.start && next.start !== t.end;
    if (tight && !opened && /s$/i.test(prev.value) && /^\p{L}/u.test(next.value) && prev.sentence === t.sentence) t.pos = 'PART';
    opened ||= opensSingleQuote(tokens, k);
  }
}

/** ‘ or a straight ' with a space before it and none after: an opening single quotation mark. */
function opensSingleQuote(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  if (t.value === '‘') return true;
  return t.value === "'" && (j === 0 || tokens[j - 1].end !== t.start) && tokens[j + 1]?.start === t.end;
}

const LOWER_INITIAL = /^\p{Ll}/u;

/** Do the tokens so far end with an initial ("N." of "D-N.Y.", "K." of "Oliver K. Hedge"), which ends no sentence? */
function afterInitial(tokens: Token[]): boolean {
  const stop = tokens[tokens.length - 1], letter = tokens[tokens.length - 2];
  return stop?.value === '.' && !!letter && letter.end === stop.start && /^\p{Lu}$/u.test(letter.value);
}

/** The token in lower case, curly apostrophes straight ("Don’t" → "don't"). */
function lowerCase(value: string): string {
  const lower = value.toLowerCase();
  return lower.includes('\u2019') || lower.includes('\u2018') ? lower.replace(/[\u2019\u2018]/g, "'") : lower;
}

/** Longest run without white space wink-nlp is given: its tokeniser is quadratic in a run's length. */
const MAX_RUN = 64;

/**
 * The text with a space in place of every (MAX_RUN+1)th character of a run without white space
 * (a URL, a million-character token): same length, so tokens are still found where they are.
 */
function breakLongRuns(text: string): string {
  if (!hasLongRun(text)) return text;
  return text.replace(new RegExp(`(\\S{${MAX_RUN}})\\S`, 'g'), '$1 ');
}

/** Is there a run of more than MAX_RUN characters without white space? (A scan: cheaper than a regular expression.) */
function hasLongRun(text: string): boolean {
  for (let k = 0, run = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    // ASCII white space, and beyond ASCII whatever \s matches.
    const space = c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 128 && /\s/.test(text[k]);
    run = space ? 0 : run + 1;
    if (run > MAX_RUN) return true;
  }
  return false;
}

/** The next line break at or after `from` (the text's length when none). */
function lineBreakFrom(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 ? text.length : at;
}

/** Index of the first token that starts at or after `offset` (tokens.length when none). */
export function firstTokenFrom(tokens: Token[], offset: number): number {
  return partitionPoint(tokens.length, (k) => tokens[k].start < offset);
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
