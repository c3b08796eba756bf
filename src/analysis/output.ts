// The passes' findings, shaped as the result contract (../shared/eval/README.md). Texts are cut
// from the caller's own text: normalisation never moves a character, so offsets agree.
import type { ActorMentions } from './passes/3-actors';
import type { AttributedStatement } from './passes/5-speakers';
import { AUTHOR, type Stances, polarityOf } from './passes/6-stance';
import type { TokenisedText } from './passes/2-tokens';
import type { ActorOut, Analysis, EntityOut, QuoteOut, Span, StanceOut, TextSpan } from './types';

const round = (x: number) => Math.round(x * 1000) / 1000;

export function toAnalysis(text: string, t: TokenisedText, statements: AttributedStatement[], actors: ActorMentions, stances: Stances, entities?: Span[]): Analysis {
  const cut = (s: Span) => text.slice(s.start, s.end);
  const quotes: QuoteOut[] = statements.map((s) => {
    const cue = s.cue ? { start: t.tokens[s.cue.first].start, end: t.tokens[s.cue.last - 1].end } : null;
    const sp = s.speaker;
    const speakerSpan = sp ? { start: t.tokens[sp.range.first].start, end: t.tokens[sp.range.last - 1].end } : null;
    return {
      start: s.start,
      end: s.end,
      text: cut(s),
      kind: s.kind,
      cue: cue && { ...cue, text: cut(cue) },
      speaker: sp && speakerSpan ? { ...speakerSpan, text: cut(speakerSpan), actorId: sp.actorId, name: sp.name } : null,
      confidence: round(s.confidence),
    };
  });

  const mentionsOf = new Map<string, TextSpan[]>();
  for (const m of actors.mentions) {
    if (!m.actorId) continue;
    const list = mentionsOf.get(m.actorId);
    const mention = { start: m.start, end: m.end, text: cut(m) };
    if (list) list.push(mention);
    else mentionsOf.set(m.actorId, [mention]);
  }
  const actorList: ActorOut[] = [...actors.actors.values()].map((a) => ({ id: a.id, name: a.name, type: a.type, mentions: mentionsOf.get(a.id) ?? [] }));
  if (stances.pairs.some((p) => p.source === AUTHOR)) actorList.push({ id: AUTHOR, name: 'the author', type: 'author', mentions: [] });

  const stanceList: StanceOut[] = stances.pairs.map((p) => ({
    source: p.source,
    target: p.target,
    score: round(p.score),
    polarity: p.polarity,
    evidence: p.evidence.map((e) => ({
      start: e.start,
      end: e.end,
      text: cut(e),
      score: round(e.score),
      ...(e.statement === undefined ? {} : { quote: e.statement }),
    })),
  }));

  const analysis: Analysis = { quotes, actors: actorList, stances: stanceList };
  if (entities) {
    analysis.entities = entities.map((span, i): EntityOut => {
      const m = actors.entityMentions[i];
      const score = m ? round(stances.towardMention(m)) : 0;
      return { start: span.start, end: span.end, actorId: m?.actorId ?? null, polarity: polarityOf(score), score };
    });
  }
  return analysis;
}
