// Quotation marks paired into quoted spans: “…” "…" «…» „…“ ``…'' and ‘…’.
//
// Double marks are read first; single marks only outside them (inside, they are nested quotes
// that belong to the outer one). A paragraph that ends inside a quote continues it when the
// next paragraph opens with a quotation mark (the newspaper convention for a quote running
// over several paragraphs); otherwise the quote ends with its paragraph.
import type { Paragraph, Span } from '../../types';
import { partitionPoint } from '../../sorted';

export interface QuotedSpan extends Span {
  /** The text between the marks. */
  inner: Span;
  /** False when the paragraph ended before a closing mark. */
  closed: boolean;
}

const DOUBLE_OPEN = new Set(['“', '«', '„']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const SINGLE_OPEN = '‘';
const SINGLE_CLOSE = '’';

const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\n';
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

interface Mark {
  at: number;
  length: number;
  role: 'open' | 'close' | 'either';
}

/** Positions of the characters matching `pattern` (global), found in one scan of the text. */
function positions(text: string, pattern: RegExp): number[] {
  const out: number[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push(m.index);
  return out;
}

/** Index of the first position at or after `offset`. */
const firstAtOrAfter = (at: number[], offset: number): number => partitionPoint(at.length, (n) => at[n] < offset);

/** Double quotation marks of one paragraph, each with the role its form and context allow. */
function doubleMarks(text: string, p: Span, at: number[]): Mark[] {
  const marks: Mark[] = [];
  for (let n = firstAtOrAfter(at, p.start); n < at.length && at[n] < p.end; n++) {
    let i = at[n];
    const c = text[i];
    // An opening mark typed where a closing one belongs ("unusual,“ said"): after a word or
    // punctuation and before a space, it closes.
    if (DOUBLE_OPEN.has(c)) marks.push({ at: i, length: 1, role: !isSpace(text[i - 1]) && isSpace(text[i + 1]) ? 'close' : 'open' });
    else if (DOUBLE_CLOSE.has(c)) marks.push({ at: i, length: 1, role: 'close' });
    else if (c === '`' && text[i + 1] === '`') marks.push({ at: i++, length: 2, role: 'open' });
    else if (c === '"' || (c === "'" && text[i + 1] === "'")) {
      // A straight mark (or '' — some archives write both ends so) opens before a word and
      // after a space; closes after a word or punctuation.
      const length = c === '"' ? 1 : 2;
      const before = text[i - 1], after = text[i + length];
      const role = (isSpace(before) || before === '(' || before === '—') && !isSpace(after) ? 'open' : isSpace(after) || !isWordChar(before) ? 'either' : 'close';
      marks.push({ at: i, length, role });
      i += length - 1;
    }
    while (n + 1 < at.length && at[n + 1] <= i) n++;
  }
  return marks;
}

/** Pair the marks of each paragraph; carry an unclosed quote into a paragraph that opens with a mark. */
export function findQuotedSpans(text: string, paragraphs: Paragraph[]): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  // Every candidate character, once: paragraphs then look only at their own.
  const doubleAt = positions(text, /[“«„”»`"']/g);
  // An unclosed quote at the end of a paragraph, and where that paragraph ended.
  let carried: { start: number; innerStart: number; paragraphEnd: number } | null = null;
  for (const p of paragraphs) {
    const marks = doubleMarks(text, p, doubleAt);
    let open: { start: number; innerStart: number } | null = null;
    let k = 0;
    if (carried) {
      // The continuation paragraph's own opening mark does not start a new quote.
      if (marks[0] && marks[0].at === firstNonSpace(text, p) && marks[0].role !== 'close') {
        open = carried;
        k = 1;
      } else {
        spans.push(unclosed(text, carried, carried.paragraphEnd));
      }
      carried = null;
    }
    for (; k < marks.length; k++) {
      const m = marks[k];
      if (!open) {
        if (m.role !== 'close') open = { start: m.at, innerStart: m.at + m.length };
      } else if (m.role !== 'open' || text[m.at] === '"' || text[m.at] === "'") {
        spans.push({ start: open.start, end: m.at + m.length, inner: { start: open.innerStart, end: m.at }, closed: true });
        open = null;
      } else {
        // A second opening mark before any closing one: the first quote lost its close.
        spans.push(unclosed(text, open, m.at));
        open = { start: m.at, innerStart: m.at + m.length };
      }
    }
    if (open) carried = { ...open, paragraphEnd: p.end };
  }
  if (carried) spans.push(unclosed(text, carried, carried.paragraphEnd));
  return mergeSingleQuotes(text, paragraphs, spans);
}

function unclosed(text: string, open: { start: number; innerStart: number }, end: number): QuotedSpan {
  let e = end;
  while (e > open.innerStart && isSpace(text[e - 1])) e--;
  return { start: open.start, end: e, inner: { start: open.innerStart, end: e }, closed: false };
}

function firstNonSpace(text: string, p: Span): number {
  let i = p.start;
  while (i < p.end && isSpace(text[i])) i++;
  return i;
}

/** ‘single-quoted’ spans outside the double-quoted ones, within one paragraph. */
function mergeSingleQuotes(text: string, paragraphs: Paragraph[], doubles: QuotedSpan[]): QuotedSpan[] {
  const singles: QuotedSpan[] = [];
  // Positions only grow, so one pointer walks the (sorted) double-quoted spans.
  let d = 0;
  const inDouble = (i: number) => {
    while (d < doubles.length && doubles[d].end <= i) d++;
    return d < doubles.length && doubles[d].start <= i;
  };
  const singleAt = positions(text, /['‘’]/g);
  for (const p of paragraphs) {
    let open = -1;
    for (let n = firstAtOrAfter(singleAt, p.start); n < singleAt.length && singleAt[n] < p.end; n++) {
      const i = singleAt[n];
      const c = text[i];
      const opens = (c === SINGLE_OPEN || (c === "'" && isSpace(text[i - 1]))) && isWordChar(text[i + 1]);
      // A closing ’ after a word and before a space or punctuation (not "Iran’s": normalised away).
      const closes = (c === SINGLE_CLOSE || c === "'") && !isWordChar(text[i + 1]) && !isSpace(text[i - 1]);
      if (open < 0 && opens && !inDouble(i)) open = i;
      else if (open >= 0 && closes) {
        singles.push({ start: open, end: i + 1, inner: { start: open + 1, end: i }, closed: true });
        open = -1;
      }
    }
  }
  return [...doubles, ...singles].sort((a, b) => a.start - b.start);
}
