// Pass 5: speakers — who made each statement, as written and as resolved to an actor.
//
// The speaker phrase stands where the statement's pattern put it: before the cue ("the
// minister said"), after it ("said Dr. Weber"), or fixed by the pattern ("according to X").
// A participle cue reports the subject of its main clause ("Assad warned ..., saying ...").
// A quote with no cue belongs to the conversation around it: the speaker of the statement just
// before it in the same or the preceding paragraph. The actor comes from the actors pass: the
// head mention inside the speaker phrase (a pronoun keeps its resolution).
import { type TokenRange, isPossessive, isSentenceEnd, nounPhraseBefore, nounPhraseFrom, skipVerbPrefixBackward } from '../grammar';
import type { Mention, Token } from '../types';
import { type TokenisedText, sentenceOf } from './2-tokens';
import type { ActorMentions } from './3-actors';
import type { Statement, Statements } from './4-quotes';

export interface Speaker {
  /** The speaker phrase as written. */
  range: TokenRange;
  /** The mention inside it that names the actor (null for "a spokesman" with nothing to resolve). */
  mention: Mention | null;
  actorId: string | null;
  name: string | null;
}

export interface AttributedStatement extends Statement {
  speaker: Speaker | null;
}

export function attributeSpeakers(t: TokenisedText, found: Statements, actors: ActorMentions): AttributedStatement[] {
  const out: AttributedStatement[] = [];
  for (const s of found.statements) {
    const range = speakerPhrase(t, s);
    let speaker = range ? speakerFrom(range, actors.mentions, t.tokens) : null;
    if (s.speakerSide === 'previous') speaker = sameSentenceSpeaker(t, out, s) ?? speaker;
    if (!speaker && !s.cue) speaker = conversationSpeaker(out, s);
    out.push({ ...s, speaker, confidence: speaker ? s.confidence : Math.min(s.confidence, 0.5) });
  }
  return out;
}

/** The speaker phrase a statement's pattern points at. */
function speakerPhrase(t: TokenisedText, s: Statement): TokenRange | null {
  if (s.speakerRange) return s.speakerRange;
  const tokens = t.tokens;
  const cue = s.cue;
  if (!cue) return colonSpeaker(t, s);
  if (s.speakerSide === 'previous') return null;
  const floor = sentenceOf(t, cue.first).first;
  if (s.speakerSide === 'after') return nounPhraseFrom(tokens, cue.last);
  // “…,” X, a fellow at Y, said: the phrase right after the quote.
  if (s.kind === 'direct' && s.last <= cue.first) {
    return nounPhraseFrom(tokens, tokens[s.last]?.value === ',' ? s.last + 1 : s.last, cue.first);
  }
  // "…, saying that …", "… to call for …": a participle or infinitive reports its main clause's subject.
  const before = tokens[cue.first - 1];
  if ((before?.value === ',' && tokens[cue.first].lower.endsWith('ing')) || before?.lower === 'to') return clauseSubject(tokens, cue.first - 1, floor);
  return subjectBefore(tokens, cue.first, floor);
}

/**
 * The subject of the verb at token i, as written: the noun phrase before it, past adverbs,
 * time phrases ("on Monday") and appositions; a relative pronoun ("who said") is the subject
 * itself, and the speakers pass resolves it to the phrase it stands for.
 */
function subjectBefore(tokens: Token[], i: number, floor: number): TokenRange | null {
  let k = skipVerbPrefixBackward(tokens, i, floor);
  for (let guard = 0; guard < 3; guard++) {
    const time = timePhraseBefore(tokens, k, floor);
    if (time < 0) break;
    k = skipVerbPrefixBackward(tokens, time, floor);
  }
  let prev = tokens[k - 1];
  if (!prev || k - 1 < floor) return null;
  if (RELATIVE_PRONOUNS.has(prev.lower)) return { first: k - 1, last: k };
  // "Sen. Claire McCaskill (D-Mo.), who …, said" / "Sen. X (D-Mo.) said": past the parenthesis.
  if (prev.value === ')' || (prev.value === ',' && tokens[k - 2]?.value === ')')) {
    const open = openingParenthesis(tokens, prev.value === ')' ? k - 1 : k - 2, floor);
    if (open > floor && prev.value === ')') return nounPhraseBefore(tokens, open, floor);
    if (open > floor) {
      const app = appositionStart(tokens, k - 1, open);
      if (app < 0) return nounPhraseBefore(tokens, open, floor);
      k = app + 1;
      prev = tokens[k - 1];
    }
  }
  // "Guy Cecil, the group's chief strategist, said": the name before the apposition.
  if (prev.value === ',') {
    const open = appositionStart(tokens, k - 1, floor);
    return open < 0 ? null : nounPhraseBefore(tokens, open, floor);
  }
  // "Obama met survivors … and said …": the subject of the first verb.
  if (prev.pos === 'CCONJ') return clauseSubject(tokens, k - 1, floor);
  return nounPhraseBefore(tokens, k, floor);
}

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that']);

/** The "(" matching the ")" at `close`, within a few tokens, or -1. */
function openingParenthesis(tokens: Token[], close: number, floor: number): number {
  for (let j = close - 1; j >= floor && close - j <= 8; j--) if (tokens[j].value === '(') return j;
  return -1;
}
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'tomorrow',
  'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year', 'time', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'aug.', 'sept.',
  'oct.', 'nov.', 'dec.',
]);

/** Where a time phrase ending before token i starts ("on Monday", "last month"), or -1. */
function timePhraseBefore(tokens: Token[], i: number, floor: number): number {
  const np = nounPhraseBefore(tokens, i, floor);
  if (!np || !TIME_WORDS.has(tokens[np.last - 1].lower)) return -1;
  const p = tokens[np.first - 1];
  return p && p.pos === 'ADP' && np.first - 1 >= floor ? np.first - 1 : np.first;
}

/**
 * The comma that opens an apposition closed by the comma at `close`, or -1: a noun phrase
 * ("Guy Cecil, the group's strategist, said"), a relative clause ("Barkley, who …, said") or
 * both ("Meg Whitman, a former candidate who now runs HP, said").
 */
function appositionStart(tokens: Token[], close: number, floor: number): number {
  for (let j = close - 1; j >= floor && close - j <= 40; j--) {
    const x = tokens[j];
    if (x.value === ',') {
      const opener = tokens[j + 1];
      const apposition = j < close - 1 && (RELATIVE_PRONOUNS.has(opener.lower) || opener.lower === 'whose' || NOUN_PHRASE_OPENERS.has(opener.pos));
      return apposition ? j : -1;
    }
    if (isSentenceEnd(x) || x.value === ':' || x.value === ';') return -1;
  }
  return -1;
}

const NOUN_PHRASE_OPENERS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);

/** The subject of the sentence's main clause before token i: its first verb that has one. */
function clauseSubject(tokens: Token[], i: number, floor: number): TokenRange | null {
  for (let v = floor; v < i; v++) {
    if (tokens[v].pos !== 'VERB' && tokens[v].pos !== 'AUX') continue;
    const k = skipVerbPrefixBackward(tokens, v, floor);
    const np = nounPhraseBefore(tokens, k, floor);
    if (np) return np;
  }
  return null;
}

/** "Trump went even further: “…”" — a quote after a colon belongs to the clause's subject. */
function colonSpeaker(t: TokenisedText, s: Statement): TokenRange | null {
  const colon = s.first - 1;
  if (t.tokens[colon]?.value !== ':') return null;
  return clauseSubject(t.tokens, colon, sentenceOf(t, colon).first);
}

/**
 * The actor a speaker phrase names: its head mention (not a possessor: "Iran's minister" is the
 * minister). A relative pronoun names what its antecedent names ("Borges, who said").
 */
function speakerFrom(range: TokenRange, mentions: Mention[], tokens: Token[]): Speaker {
  let named = range;
  if (range.last - range.first === 1 && RELATIVE_PRONOUNS.has(tokens[range.first].lower)) {
    named = nounPhraseBefore(tokens, tokens[range.first - 1]?.value === ',' ? range.first - 1 : range.first) ?? range;
  }
  let head: Mention | null = null;
  for (const m of mentionsWithin(mentions, named)) {
    const possessor = isPossessive(tokens[m.last]) && m.last < named.last;
    if (!possessor || !head) head = m;
  }
  return { range, mention: head, actorId: head?.actorId ?? null, name: head?.name ?? null };
}

/** Mentions lying within a token range (mentions are sorted and do not overlap). */
export function mentionsWithin(mentions: Mention[], r: TokenRange): Mention[] {
  let lo = 0, hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].last <= r.first) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let k = lo; k < mentions.length && mentions[k].first < r.last; k++) if (mentions[k].first >= r.first) out.push(mentions[k]);
  return out;
}

/** "X praised …, and condemned …": the speaker of the sentence's previous statement. */
function sameSentenceSpeaker(t: TokenisedText, previous: AttributedStatement[], s: Statement): Speaker | null {
  const p = previous[previous.length - 1];
  if (!p?.cue || !s.cue || t.tokens[p.cue.first].sentence !== t.tokens[s.cue.first].sentence) return null;
  return p.speaker;
}

/** A quote with no attribution continues the conversation: the latest speaker in this or the previous paragraph. */
function conversationSpeaker(previous: AttributedStatement[], s: Statement): Speaker | null {
  let fallback: Speaker | null = null;
  for (let k = previous.length - 1; k >= 0; k--) {
    const p = previous[k];
    if (p.paragraph < s.paragraph - 1) break;
    if (!p.speaker) continue;
    // A quote continues a quote: the last speaker who was quoted, else the last who spoke.
    if (p.kind !== 'indirect') return p.speaker;
    fallback ??= p.speaker;
  }
  return fallback;
}

