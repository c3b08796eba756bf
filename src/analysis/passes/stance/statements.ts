// Statements: the speaker toward every actor the statement names. The cue says how the speaker
// regards what the statement is about ("condemned US plots", "praised Syria's victory"); the
// words around each target in the content say the rest ("the Americans will not protect you").
import type { TokenRange } from '../../grammar';
import type { ActorMentions } from '../3-actors';
import { type AttributedStatement, mentionsWithin } from '../5-speakers';
import { type Evidence, clamp } from './evidence';
import type { LocalSentiment } from './lexical';

/** How much the cue's own polarity counts beside the words of the content. */
const CUE_SHARE = 0.6;

export function statementEvidence(statements: AttributedStatement[], actors: ActorMentions, words: LocalSentiment): Evidence[] {
  const out: Evidence[] = [];
  statements.forEach((s, index) => {
    const source = s.speaker?.actorId;
    if (!source) return;
    const cue = s.cue ? s.cue.cue.polarity * s.cue.cue.weight : 0;
    const seen = new Set<string>();
    for (const m of mentionsWithin(actors.mentions, s)) {
      if (!m.actorId || m.actorId === source || seen.has(m.actorId)) continue;
      seen.add(m.actorId);
      const content: TokenRange = s;
      const score = clamp(CUE_SHARE * cue + words.toward(content.first, content.last, m));
      out.push({ start: s.start, end: s.end, source, target: m.actorId, score, confidence: s.confidence, statement: index });
    }
  });
  return out;
}
