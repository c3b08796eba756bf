// The passes' findings, shaped as the result contract (../shared/eval/README.md). Texts are cut
// from the caller's own text: normalisation never moves a character, so offsets agree.
import type { ActorMentions } from './passes/3-actors';
import type { AttributedStatement } from './passes/5-speakers';
import { AUTHOR, AUTHOR_NAME, type Stances, polarityOf } from './passes/6-stance';
import type { TokenisedText } from './passes/2-tokens';
import type { ActorOut, Analysis, EntityOut, EvidenceOut, QuoteOut, Span, StanceOut, TextSpan } from './types';

const round = (x: number) => Math.round(x * 1000) / 1000;

export function toAnalysis(text: string, t: TokenisedText, statements: AttributedStatement[], actors: ActorMentions, stances: Stances, entities?: Span[]): Analysis {
  const cut = (s: Span) => text.slice(s.start, s.end);
  // The text of tokens [first, last), with its offsets.
  const tokenSpan = (r: { first: number; last: number }): TextSpan => {
    const start = t.tokens[r.first].start, end = t.tokens[r.last - 1].end;
    return { start, end, text: text.slice(start, end) };
  };
  const quotes: QuoteOut[] = statements.map((s) => {
    const sp = s.speaker;
    const speaker = sp ? tokenSpan(sp.range) : null;
    return {
      start: s.start,
      end: s.end,
      text: cut(s),
      kind: s.kind,
      cue: s.cue ? tokenSpan(s.cue) : null,
      speaker: sp && speaker ? { start: speaker.start, end: speaker.end, text: speaker.text, actorId: sp.actorId, name: sp.name } : null,
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
  if (stances.pairs.some((p) => p.source === AUTHOR)) actorList.push({ id: AUTHOR, name: AUTHOR_NAME, type: 'author', mentions: [] });

  const stanceList: StanceOut[] = stances.pairs.map((p) => ({
    source: p.source,
    target: p.target,
    score: round(p.score),
    polarity: p.polarity,
    evidence: p.evidence.map((e) => {
      const out: EvidenceOut = { start: e.start, end: e.end, text: cut(e), score: round(e.score) };
      if (e.statement !== undefined) out.quote = e.statement;
      return out;
    }),
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
