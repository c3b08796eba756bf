// The author as a source (AUTHOR): the tone toward each actor in sentences no statement covers.
import type { TokenisedText } from '../2-tokens';
import type { ActorMentions } from '../3-actors';
import { type AttributedStatement, mentionsWithin } from '../5-speakers';
import { AUTHOR, type Evidence } from './evidence';
import type { LocalSentiment } from './lexical';

/** The author's voice counts for less than a statement's. */
const AUTHOR_CONFIDENCE = 0.5;

export function authorEvidence(t: TokenisedText, statements: AttributedStatement[], actors: ActorMentions, words: LocalSentiment): Evidence[] {
  const out: Evidence[] = [];
  const covered = new Uint8Array(t.tokens.length);
  for (const s of statements) covered.fill(1, s.first, s.last);
  for (const sentence of t.sentences) {
    if (covered[sentence.first] || covered[sentence.last - 1]) continue;
    const seen = new Set<string>();
    for (const m of mentionsWithin(actors.mentions, sentence)) {
      if (!m.actorId || seen.has(m.actorId)) continue;
      seen.add(m.actorId);
      const score = words.toward(sentence.first, sentence.last, m);
      out.push({ start: sentence.start, end: sentence.end, source: AUTHOR, target: m.actorId, score, confidence: AUTHOR_CONFIDENCE });
    }
  }
  return out;
}
