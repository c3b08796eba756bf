// Pass 4: statements — what was said, and the cue that reports it.
//
//   direct    “We will not give up,” the minister said.      X said: “…”      “A,” X said, “B.”
//   mixed     Iran praised Syria’s “victory”.                X said the plan was “dead”.
//   indirect  X said (that) …   X told reporters …   …, X said.   according to X, …
//
// Quoted spans come first: each is attributed to a cue before it (X said: “…”, or a fragment
// in reported speech → mixed) or after it (“…,” X said), and an attribution that interrupts a
// quote joins both halves into one statement. Quotes without a cue stay statements when they
// read as speech (a clause, not a scare-quoted word); the speakers pass gives them the speaker of
// the conversation around them. Then every speech cue still unused opens an indirect statement:
// its content is the reported clause after it, or before it when the attribution comes last.
// Which actor spoke is the speakers pass's job; this pass only notes where to look.
import type { Lexicon } from '../../models/lexicon';
import { type TokenRange, WH_RELATIVES, isDash, isJoiningHyphen, isMistaggedName, isPassive, namePhraseFrom, isPossessive, isQuoteMark, isSentenceEnd, nounPhraseBefore, nounPhraseFrom, skipVerbPrefixBackward, titleCaseCounts } from '../grammar';
import type { QuoteKind, Span, Token } from '../types';
import { partitionPoint } from '../sorted';
import { type TokenisedText, sentenceOf, tokensWithin } from './2-tokens';
import { ADDRESSEE_FIRST, type CueHit, cueAt } from './quotes/cues';
import { type QuotedSpan, findQuotedSpans } from './quotes/marks';

export interface Statement extends Span {
  kind: QuoteKind;
  cue: CueHit | null;
  /**
   * Where the speaker stands: before the cue ("X said"), after it ("said X"), the subject shared
   * with the previous cue of the sentence ("X praised …, and condemned …"), or unknown.
   */
  speakerSide: SpeakerSide | null;
  /** A speaker phrase the pattern itself fixes ("according to X", "X: …"). */
  speakerRange: TokenRange | null;
  /** Token range of the content. */
  first: number;
  last: number;
  paragraph: number;
  confidence: number;
}

export type SpeakerSide = 'before' | 'after' | 'previous';

export interface Statements {
  statements: Statement[];
  /** Every quoted span, statements or not: the stance pass reads scare quotes as the author's distance. */
  quoted: QuotedSpan[];
}

/** Short prepositional phrases that may sit between a cue and its content ("said in a statement that"). */
const SKIPPABLE_PREPOSITIONS = new Set(['in', 'on', 'at', 'to', 'during', 'after', 'before', 'via', 'through', 'from']);
/** Tokens a speaker phrase with its apposition may take between a quote and its cue. */
const MAX_ATTRIBUTION_GAP = 25;
/** … and with an aside between commas ("X, who served as … under Y, said"). */
const MAX_ASIDE_GAP = 40;

export function findStatements(t: TokenisedText, lexicon: Lexicon): Statements {
  const { tokens } = t;
  const lowers = tokens.map((x) => x.lower);
  const quoted = findQuotedSpans(t.text, t.paragraphs);
  const cues = findCues(t, lowers, lexicon);
  const statements: Statement[] = [];
  const usedCues = new Set<CueHit>();
  const consumed = new Set<QuotedSpan>();

  // 1. Quoted spans: direct and mixed statements.
  const quoteTokens = quoted.map((q) => tokensWithin(tokens, q));
  for (let qi = 0; qi < quoted.length; qi++) {
    const q = quoted[qi];
    const r = quoteTokens[qi];
    if (consumed.has(q) || r.last - r.first < 2) continue;
    const words = countWords(tokens, r.first + 1, r.last - (q.closed ? 1 : 0));
    if (words === 0) continue;
    const clause = readsAsClause(t.text, q, words);

    const before = cueBefore(tokens, cues, r.first);
    if (before && (clause && introducesQuote(tokens, before, r.first))) {
      usedCues.add(before);
      statements.push(direct(t, q, r, before, 'before', 0.9));
      continue;
    }
    if (before) {
      // A fragment inside reported speech: the statement is the reported clause around it.
      usedCues.add(before);
      const s = reportedClauseAfter(t, before, lowers, cues);
      if (!s) continue;
      const last = Math.max(s.last, r.last);
      for (let k = qi + 1; k < quoted.length && quoteTokens[k].first < last; k++) consumed.add(quoted[k]);
      statements.push(statement(t, s.first, last, 'mixed', before, sideOf(tokens, cues, before), null, 0.8));
      continue;
    }
    // A short quote ending in a comma, ! or ? and followed by its attribution is speech too: “Okay,” I said.
    const after = clause || endsAsSpeech(t.text, q) ? cueAfter(tokens, cues, r.last) : null;
    if (after) {
      usedCues.add(after.cue);
      const statement = direct(t, q, r, after.cue, after.speakerSide, 0.9);
      // “A,” she said, “B.” — the attribution interrupts one statement.
      const next = quoted[qi + 1];
      if (next && !consumed.has(next) && continuesQuote(t, after.end, quoteTokens[qi + 1], cues)) {
        consumed.add(next);
        statement.end = next.end;
        statement.last = quoteTokens[qi + 1].last;
      }
      statements.push(statement);
      continue;
    }
    const signed = clause ? dashAttribution(t, r.last) : null;
    if (signed) {
      statements.push({ ...direct(t, q, r, null, null, 0.8), speakerRange: signed });
      continue;
    }
    // With no cue, a quote in Title Case names a show, a film or a slogan (“Thelma and Louise,”).
    if (clause && !isTitleCase(tokens, r)) statements.push(direct(t, q, r, null, null, 0.6));
  }

  // 2. Unused speech cues: indirect statements.
  const insideQuote = markQuoted(tokens.length, statements);
  for (const cue of cues) {
    if (usedCues.has(cue) || insideQuote[cue.first] || !cue.cue.speech || isAgentlessPassive(t, cue)) continue;
    const s = indirect(t, cue, lowers, cues);
    if (s) statements.push(s);
  }
  // 3. Headline attribution: "Lynch: No outside influence on the probe".
  for (const s of headlineStatements(t, insideQuote)) statements.push(s);

  return { statements: withoutOverlaps(statements, quoted), quoted };
}

// ---------- cues ----------

function findCues(t: TokenisedText, lowers: string[], lexicon: Lexicon): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = 0; i < t.tokens.length; i++) {
    const hit = cueAt(t.tokens, lowers, i, lexicon);
    if (!hit) continue;
    if (!introducesSentence(t, hit) && !circumstanceOf(t, hits[hits.length - 1], hit)) hits.push(hit);
    i = hit.last - 1;
  }
  return hits.filter((h, n) => !asideBefore(t.tokens, h, hits[n + 1]));
}

/**
 * "X, in a statement released on Monday, said …": a circumstance set off by commas before the
 * verb cue it frames is that cue's, not a statement of its own.
 */
function asideBefore(tokens: Token[], hit: CueHit, next: CueHit | undefined): boolean {
  if (!next || next.cue.pos !== 'verb' || tokens[hit.first].pos !== 'ADP' || hit.cue.pos === 'verb' || tokens[hit.first - 1]?.value !== ',') return false;
  if (tokens[next.first].sentence !== tokens[hit.first].sentence || next.first - hit.last > 15) return false;
  let comma = hit.last;
  while (comma < next.first && tokens[comma].value !== ',') comma++;
  if (comma >= next.first) return false;
  let k = comma + 1;
  while (k < next.first && tokens[k].pos === 'ADV') k++;
  return k === next.first;
}

/**
 * "Trump was asked about …", "when asked …", "as he was known": a passive with no by-agent
 * reports no statement of its own.
 */
function isAgentlessPassive(t: TokenisedText, cue: CueHit): boolean {
  const { tokens } = t;
  const v = tokens[cue.first];
  if (cue.cue.pos !== 'verb' || cue.last - cue.first !== 1 || !/(ed|en|wn)$/.test(v.lower) || v.lower === v.lemma) return false;
  if (tokens[cue.last]?.lower === 'by') return false;
  const prev = tokens[cue.first - 1];
  const reduced = prev?.lower === 'when' || prev?.lower === 'if' || prev?.lower === 'as';
  return reduced || isPassive(tokens, cue.first, sentenceOf(t, cue.first).first);
}

/** "said in an interview", "told CNN on Twitter": a prepositional cue just after a verb cue is that verb's circumstance. */
function circumstanceOf(t: TokenisedText, previous: CueHit | undefined, hit: CueHit): boolean {
  if (!previous || previous.cue.pos !== 'verb' || t.tokens[hit.first].pos !== 'ADP' || hit.first - previous.last > 2) return false;
  for (let k = previous.last; k < hit.first; k++) if (t.tokens[k].pos === 'PUNCT') return false;
  return t.tokens[hit.first].sentence === t.tokens[previous.first].sentence;
}

/**
 * "Speaking on CNN, X said …", "In an interview, X called …", "On Twitter, X …": a participle or
 * circumstance opening the sentence frames the main clause; it is not a statement of its own.
 */
function introducesSentence(t: TokenisedText, hit: CueHit): boolean {
  const sentence = sentenceOf(t, hit.first);
  const at = hit.first - sentence.first;
  const opener = at === 0 || (at === 1 && t.tokens[sentence.first].pos === 'ADP');
  if (!opener || hit.cue.lemma === 'according to' || !(hit.cue.pos !== 'verb' || t.tokens[hit.first].lower.endsWith('ing'))) return false;
  for (let k = hit.last; k < Math.min(sentence.last, hit.last + 12); k++) {
    // "Declaring that …, the mogul …" reports a statement; "Speaking on CNN, …" does not.
    if (t.tokens[k].lower === 'that') return false;
    if (t.tokens[k].value === ',') return true;
  }
  return false;
}

/** The nearest cue before token i in the same sentence. */
function cueBefore(tokens: Token[], cues: CueHit[], i: number): CueHit | null {
  const cue = cues[lastCueBefore(cues, i)];
  return cue && tokens[cue.first].sentence === tokens[i].sentence ? cue : null;
}

function lastCueBefore(cues: CueHit[], i: number): number {
  return partitionPoint(cues.length, (n) => cues[n].last <= i) - 1;
}

/** "X said: “…”", "X said, “…”", "X told reporters: “…”": the cue introduces the quote whole. */
function introducesQuote(tokens: Token[], cue: CueHit, quoteFirst: number): boolean {
  const mark = tokens[quoteFirst - 1];
  if (quoteFirst === cue.last) return true;
  if (!mark || (mark.value !== ':' && mark.value !== ',')) return false;
  // Between the cue and the mark only an addressee or a short circumstance ("in a statement").
  return quoteFirst - 1 - cue.last <= 6;
}

/**
 * A cue after a quote: “…,” X said / “…,” said X / “…,” X, a senior fellow at Y, said. Between
 * the quote and the cue only a speaker phrase (and its apposition) may stand: no verb, no
 * sentence end.
 */
function cueAfter(tokens: Token[], cues: CueHit[], quoteLast: number): { cue: CueHit; speakerSide: SpeakerSide; end: number } | null {
  let k = quoteLast;
  if (tokens[k]?.value === ',') k++;
  const cue = cues[lastCueBefore(cues, k) + 1];
  if (!cue || cue.first < k || cue.first - k > MAX_ASIDE_GAP || tokens[cue.first].sentence !== tokens[k].sentence) return null;
  if (cue.first === k) {
    const np = namePhraseFrom(tokens, cue.last);
    return np ? { cue, speakerSide: 'after', end: extendApposition(tokens, np.last) } : null;
  }
  const np = namePhraseFrom(tokens, k, cue.first);
  if (!np) return null;
  const end = skipVerbPrefixBackward(tokens, cue.first, k);
  // "“…,” X, a fellow who served under Y, said": an aside between two commas may hold verbs
  // (and a possessive apostrophe: "Sanders’ campaign manager").
  const aside = tokens[np.last]?.value === ',' && end - 1 > np.last && tokens[end - 1].value === ',';
  if (!aside && cue.first - k > MAX_ATTRIBUTION_GAP) return null;
  for (let j = k; j < end; j++) {
    const x = tokens[j];
    if (isSentenceEnd(x) || (isQuoteMark(x) && !(aside && isPossessive(x)))) return null;
    // "the conservative-leaning newspaper": a verb inside a hyphenated word is no verb of the clause.
    if (!aside && (x.pos === 'VERB' || x.pos === 'AUX') && !isJoiningHyphen(tokens, j - 1) && !(j < np.last && isMistaggedName(tokens, j))) return null;
  }
  return { cue, speakerSide: 'before', end: cue.last };
}

/** “…” ― Jorge Falcon: a quote signed with a dash and a name that ends the paragraph. */
function dashAttribution(t: TokenisedText, quoteLast: number): TokenRange | null {
  const { tokens } = t;
  const dash = tokens[quoteLast];
  if (!isDash(dash)) return null;
  const name = nounPhraseFrom(tokens, quoteLast + 1);
  if (!name || !tokens.slice(name.first, name.last).some((x) => x.pos === 'PROPN')) return null;
  const after = tokens[name.last];
  const ends = !after || sentenceOf(t, name.last).paragraph !== sentenceOf(t, quoteLast).paragraph || (isSentenceEnd(after) && (!tokens[name.last + 1] || sentenceOf(t, name.last + 1).paragraph !== sentenceOf(t, quoteLast).paragraph));
  return ends ? name : null;
}

/** Past a speaker phrase, its apposition: "said Dr. Hanna Weber, a fellow at Brookings, …". */
function extendApposition(tokens: Token[], i: number): number {
  if (tokens[i]?.value !== ',') return i;
  const app = nounPhraseFrom(tokens, i + 1);
  return app ? app.last : i;
}

/** After "“A,” she said", does the next quote carry on the same statement? */
function continuesQuote(t: TokenisedText, attributionEnd: number, next: TokenRange, cues: CueHit[]): boolean {
  const { tokens } = t;
  if (next.first < attributionEnd || next.first - attributionEnd > 12) return false;
  const from = sentenceOf(t, attributionEnd - 1), to = sentenceOf(t, next.first);
  if (to.i - from.i > 1 || to.paragraph !== from.paragraph) return false;
  // No other attribution in between.
  const c = cues[lastCueBefore(cues, attributionEnd) + 1];
  return !c || c.first >= next.first || tokens[c.first].start >= tokens[next.first].start;
}

// ---------- quotes ----------

function countWords(tokens: Token[], first: number, last: number): number {
  let n = 0;
  for (let k = first; k < last; k++) if (tokens[k].pos !== 'PUNCT' && tokens[k].pos !== 'SYM') n++;
  return n;
}

/** Most of the longer words capitalised: a title ("The Nightly Show with Larry Wilmore"). */
function isTitleCase(tokens: Token[], r: TokenRange): boolean {
  const { words, capitalised } = titleCaseCounts(tokens, r.first, r.last);
  return words >= 2 && capitalised >= 0.75 * words;
}

function endsAsSpeech(text: string, q: QuotedSpan): boolean {
  return /[,!?]$/.test(text.slice(q.inner.start, q.inner.end).trim());
}

/** Speech rather than a scare-quoted word or a title: a clause, or a phrase ending in punctuation. */
function readsAsClause(text: string, q: QuotedSpan, words: number): boolean {
  if (words >= 6) return true;
  const inner = text.slice(q.inner.start, q.inner.end).trim();
  if (words >= 2 && /[.?!,;…]$/.test(inner)) return true;
  return false;
}

function direct(t: TokenisedText, q: QuotedSpan, r: TokenRange, cue: CueHit | null, speakerSide: SpeakerSide | null, confidence: number): Statement {
  return { start: q.start, end: q.end, first: r.first, last: r.last, kind: 'direct', cue, speakerSide, speakerRange: null, paragraph: paragraphOf(t, r.first), confidence };
}

/** A statement whose content is the tokens [first, last). */
function statement(t: TokenisedText, first: number, last: number, kind: QuoteKind, cue: CueHit | null, speakerSide: SpeakerSide | null, speakerRange: TokenRange | null, confidence: number): Statement {
  const { tokens } = t;
  return { start: tokens[first].start, end: tokens[last - 1].end, first, last, kind, cue, speakerSide, speakerRange, paragraph: paragraphOf(t, first), confidence };
}

// ---------- indirect ----------

/**
 * The reported clause after a cue: "said (in a statement) (that) …", "told reporters …",
 * "condemned US plots against the region". Null when nothing follows in the sentence.
 */
function reportedClauseAfter(t: TokenisedText, cue: CueHit, lowers: string[], cues: CueHit[]): TokenRange | null {
  const { tokens } = t;
  const end = Math.min(sentenceContentEnd(t, cue.first), nextCoordinatedCue(tokens, cues, cue));
  let k = cue.last;
  while (k < end && (tokens[k].pos === 'ADV' || tokens[k].value === ':' || tokens[k].value === ',')) k++;
  k = skipCircumstance(tokens, lowers, k, end);
  if (ADDRESSEE_FIRST.has(cue.cue.lemma)) {
    const addressee = nounPhraseFrom(tokens, k, end);
    if (addressee && addressee.last < end) k = skipCircumstance(tokens, lowers, addressee.last, end);
  }
  while (k < end && (tokens[k].value === ':' || tokens[k].value === ',')) k++;
  return end - k >= 1 ? { first: k, last: end } : null;
}

/**
 * Where the next cue's clause begins ("praised X and condemned Y", "rejected X, saying Y",
 * "asked X to …, Hackett said …"): a reported clause stops there, and the next cue reports a
 * statement of its own.
 */
function nextCoordinatedCue(tokens: Token[], cues: CueHit[], cue: CueHit): number {
  // The first later cue of the sentence that opens a clause of its own: "didn't disclose his
  // backing, he did say …" stops before "he", past the noun "backing".
  const first = lastCueBefore(cues, cue.last) + 1;
  for (let n = first; n < cues.length && n - first < MAX_NESTED_CUES && tokens[cues[n].first].sentence === tokens[cue.first].sentence; n++) {
    const boundary = clauseBoundaryBefore(tokens, cue, cues[n]);
    if (boundary < tokens.length) return boundary;
  }
  return tokens.length;
}

/**
 * How many later cues a reported clause may hold before the next clause of its own: "X said Y
 * told Z that …" holds one; real sentences hold four at most. Past them the clause runs to the
 * end of the sentence, and a sentence made of cues costs a bounded search per cue.
 */
const MAX_NESTED_CUES = 8;

/** Where the clause of cue `next` begins, when it is not part of `cue`'s reported clause (else tokens.length). */
function clauseBoundaryBefore(tokens: Token[], cue: CueHit, next: CueHit): number {
  const k = skipVerbPrefixBackward(tokens, next.first, cue.last);
  const conj = tokens[k - 1];
  if (conj?.pos === 'CCONJ') return withCommaBefore(tokens, k - 1);
  // "rejected the offer, saying …": a participle adds a statement of its own.
  if (conj?.value === ',' && tokens[next.first].lower.endsWith('ing')) return k - 1;
  // "Salceda, citing data from …, said …": a participle aside ends at the comma before the main verb.
  if (conj?.value === ',' && tokens[cue.first - 1]?.value === ',' && tokens[cue.first].lower.endsWith('ing') && k - 1 > cue.last) return k - 1;
  // "…, compared with 60 percent who say …": a relative clause with a cue of its own ("that" is
  // left out: after a cue it opens the reported clause itself).
  if (WH_RELATIVES.has(tokens[k - 1]?.lower) && k - 1 > cue.last) return withCommaBefore(tokens, k - 1);
  // "after the department asked X to …, Hackett said that …": another speaker's clause.
  const subject = nounPhraseBefore(tokens, k, cue.last);
  if (!subject) return tokens.length;
  // "a wall, which he said Mexico would pay for": a relative clause reporting another statement.
  if (WH_RELATIVES.has(tokens[subject.first - 1]?.lower) && subject.first - 1 > cue.last) return withCommaBefore(tokens, subject.first - 1);
  // ", Hackett said", ", but Cook did not say": back to the comma.
  let b = subject.first - 1;
  const joiner = tokens[b];
  if ((joiner?.pos === 'CCONJ' || CONTRASTING.has(joiner?.lower)) && tokens[b - 1]?.value === ',') b--;
  // "… though she acknowledged …", "… and he accused …": a new subject, a pronoun, after a conjunction.
  else if ((CONTRASTING.has(joiner?.lower) || (joiner?.pos === 'CCONJ' && tokens[subject.first].pos === 'PRON')) && subject.last - subject.first === 1) return b > cue.last + 1 ? b : tokens.length;
  else if (joiner?.value !== ',') return tokens.length;
  return b > cue.last ? b : tokens.length;
}

/** Token k, or the comma right before it: where a clause opened at k begins. */
const withCommaBefore = (tokens: Token[], k: number): number => (tokens[k - 1]?.value === ',' ? k - 1 : k);

/** Conjunctions that open a clause of its own after a reported one ("…, though she acknowledged …"). */
const CONTRASTING = new Set(['but', 'though', 'although', 'while', 'whereas', 'yet']);

/** The speaker's side for a cue: "and condemned", ", adding" share the subject of the cue before it. */
function sideOf(tokens: Token[], cues: CueHit[], cue: CueHit): SpeakerSide {
  const previous = cues[lastCueBefore(cues, cue.first)];
  if (!previous || tokens[previous.first].sentence !== tokens[cue.first].sentence) return 'before';
  const k = skipVerbPrefixBackward(tokens, cue.first, previous.last);
  if (tokens[k - 1]?.pos === 'CCONJ') return 'previous';
  // "“…,” he said at the rally, insisting that …": the participle's subject is the speaker's.
  return tokens[k - 1]?.value === ',' && tokens[cue.first].lower.endsWith('ing') ? 'previous' : 'before';
}

/** Past "in a statement", "on Monday", "to reporters" between a cue and its content. */
function skipCircumstance(tokens: Token[], lowers: string[], k: number, end: number): number {
  for (let guard = 0; guard < 3 && k < end && tokens[k].pos === 'ADP' && SKIPPABLE_PREPOSITIONS.has(lowers[k]); guard++) {
    const np = nounPhraseFrom(tokens, k + 1, end);
    if (!np || np.last - k > 6 || np.last >= end) break;
    k = np.last;
    while (k < end && tokens[k].value === ',') k++;
  }
  return k;
}

/** One past the last content token of the sentence holding token i (final punctuation dropped). */
function sentenceContentEnd(t: TokenisedText, i: number): number {
  const { tokens } = t;
  let k = sentenceOf(t, i).last;
  while (k > i && (isSentenceEnd(tokens[k - 1]) || tokens[k - 1].value === '"')) k--;
  return k;
}


function indirect(t: TokenisedText, cue: CueHit, lowers: string[], cues: CueHit[]): Statement | null {
  const { tokens } = t;
  if (cue.cue.lemma === 'according to') return accordingTo(t, cue);

  const start = sentenceOf(t, cue.first).first;
  const forward = reportedClauseAfter(t, cue, lowers, cues);
  const subject = nounPhraseBefore(tokens, skipVerbPrefixBackward(tokens, cue.first, start), start);
  if (forward && forward.last - forward.first >= 2 && fitsFrames(tokens, cue, forward)) {
    return statement(t, forward.first, forward.last, 'indirect', cue, sideOf(tokens, cues, cue), null, subject ? 0.75 : 0.6);
  }
  // "…, the minister said." / "…, said the minister.": the content comes first.
  let comma = -1;
  if (subject && tokens[subject.first - 1]?.value === ',') comma = subject.first - 1;
  else if (tokens[cue.first - 1]?.value === ',') comma = cue.first - 1;
  if (comma - start < 3) return null;
  const speakerSide = comma === cue.first - 1 ? 'after' : 'before';
  return statement(t, start, comma, 'indirect', cue, speakerSide, null, 0.75);
}

/**
 * Does what follows the cue fit one of its frames? An infinitive needs a cue that takes one
 * ("vowed to …", not "continues to face"); a cue used only with quotes and colons ("he
 * continued: …") reports nothing else.
 */
function fitsFrames(tokens: Token[], cue: CueHit, content: TokenRange): boolean {
  const { frames, pos } = cue.cue;
  if (pos === 'phrase') return true;
  const first = tokens[content.first];
  if (first.value === ':') return true;
  if (first.lower === 'to' && tokens[content.first + 1]?.pos === 'VERB') return frames.includes('to-infinitive');
  // "spoke to the gathering, and in the wake of …": a clause of its own where the content
  // would be, no content. (A preposition may open content: PolNeAR's readers take "talked about
  // the border" and "comments on Muslims" for statements.)
  if (first.pos === 'CCONJ' || first.value === ',') return false;
  return frames.includes('that') || frames.includes('object') || frames.includes('of');
}

/** "According to X, …" or "…, according to X." */
function accordingTo(t: TokenisedText, cue: CueHit): Statement | null {
  const { tokens } = t;
  const speaker = nounPhraseFrom(tokens, cue.last);
  if (!speaker) return null;
  const start = sentenceOf(t, cue.first).first;
  const end = sentenceContentEnd(t, cue.first);
  let first: number, last: number;
  if (cue.first - start <= 1) {
    first = tokens[speaker.last]?.value === ',' ? speaker.last + 1 : speaker.last;
    last = end;
  } else {
    first = start;
    last = tokens[cue.first - 1].value === ',' ? cue.first - 1 : cue.first;
  }
  if (last - first < 2) return null;
  return statement(t, first, last, 'indirect', cue, 'after', speaker, 0.8);
}

/** "Lynch: No outside influence on the probe" — a short name, a colon, a claim. */
function headlineStatements(t: TokenisedText, insideQuote: boolean[]): Statement[] {
  const { tokens } = t;
  const out: Statement[] = [];
  for (const s of t.sentences) {
    const colon = tokens.slice(s.first, Math.min(s.last, s.first + 6)).findIndex((x) => x.value === ':');
    if (colon <= 0 || insideQuote[s.first]) continue;
    const at = s.first + colon;
    const speaker = nounPhraseBefore(tokens, at, s.first);
    // Only a bare name: "Syria's Assad Visits Iran: …" is a headline, not an attribution.
    if (!speaker || speaker.first !== s.first || speaker.last - speaker.first > 3 || !tokens.slice(speaker.first, speaker.last).every((x) => x.pos === 'PROPN')) continue;
    const end = sentenceContentEnd(t, at);
    if (end - (at + 1) < 3) continue;
    out.push(statement(t, at + 1, end, 'indirect', null, 'before', speaker, 0.5));
  }
  return out;
}

// ---------- helpers ----------

function paragraphOf(t: TokenisedText, tokenIndex: number): number {
  return t.sentences[t.tokens[tokenIndex].sentence].paragraph;
}

/** Per token, whether a statement covers it (linear however the statements overlap). */
function markQuoted(n: number, statements: Statement[]): boolean[] {
  const starts = new Int32Array(n + 1);
  for (const s of statements) {
    starts[s.first]++;
    starts[s.last]--;
  }
  const inside = new Array<boolean>(n);
  for (let k = 0, depth = 0; k < n; k++) inside[k] = (depth += starts[k]) > 0;
  return inside;
}

/**
 * Statements sorted by position, none inside another; an indirect statement that holds a quoted
 * fragment is mixed.
 */
function withoutOverlaps(statements: Statement[], quoted: QuotedSpan[]): Statement[] {
  const sorted = [...statements].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Statement[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && s.start < prev.end) {
      // Overlapping readings of the same words: keep the surer one, unless it covers less.
      if (s.confidence > prev.confidence && s.end - s.start >= prev.end - prev.start) out[out.length - 1] = s;
      continue;
    }
    out.push(s);
  }
  let q = 0;
  for (const s of out) {
    if (s.kind !== 'indirect') continue;
    while (q < quoted.length && quoted[q].end <= s.start) q++;
    if (q < quoted.length && quoted[q].start < s.end) s.kind = 'mixed';
  }
  return out;
}
