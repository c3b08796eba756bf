// The author as a source (AUTHOR): the tone toward each actor in sentences no statement covers,
// in the author's own words.
import type { Span } from '../../types';
import { type TokenisedText, tokensWithin } from '../2-tokens';
import type { ActorMentions } from '../3-actors';
import { type AttributedStatement, mentionsWithin } from '../5-speakers';
import { AUTHOR, type Evidence, SpanBudget } from './evidence';
import type { LocalSentiment } from './lexical';

/** The author's voice counts for less than a statement's. */
const AUTHOR_CONFIDENCE = 0.5;

export function authorEvidence(t: TokenisedText, statements: AttributedStatement[], quoted: Span[], actors: ActorMentions, words: LocalSentiment): Evidence[] {
  const out: Evidence[] = [];
  const covered = new Uint8Array(t.tokens.length);
  for (const s of statements) covered.fill(1, s.first, s.last); // statements do not overlap
  // Words in quotation marks are someone else's: "the regime called them “terrorists”".
  const othersWords = new Uint8Array(t.tokens.length);
  for (const q of quoted) {
    const r = tokensWithin(t.tokens, q);
    othersWords.fill(1, r.first, r.last);
  }
  const budget = new SpanBudget();
  for (const sentence of t.sentences) {
    if (covered[sentence.first] || covered[sentence.last - 1]) continue;
    const seen = new Set<string>();
    for (const m of mentionsWithin(actors.mentions, sentence)) {
      if (!m.actorId || seen.has(m.actorId)) continue;
      if (!budget.take(sentence)) break;
      seen.add(m.actorId);
      const score = words.toward(sentence.first, sentence.last, m, othersWords);
      out.push({ start: sentence.start, end: sentence.end, source: AUTHOR, target: m.actorId, score, confidence: AUTHOR_CONFIDENCE });
    }
  }
  return out;
}
