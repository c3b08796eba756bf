// The passes' findings, shaped as the result contract (../shared/eval/README.md). Texts are cut
// from the caller's own text: normalisation never moves a character, so offsets agree.
//
// The output is capped (OutputCaps): a real news article stays far below every cap, while a
// body built to flood the store (thousands of quotes, thousands of invented names, one endless
// sentence naming them all) keeps its most telling parts only. Caps choose what is listed,
// never a score: a pair's score is the mean of all its evidence, listed or not.
import type { ActorMentions } from './passes/3-actors';
import type { AttributedStatement } from './passes/5-speakers';
import { AUTHOR, AUTHOR_NAME, type Evidence, type Stances, type StancePair, polarityOf } from './passes/6-stance';
import type { Author } from './passes/stance/evidence';
import type { TokenisedText } from './passes/2-tokens';
import type { ActorOut, Analysis, EntityOut, EvidenceOut, QuoteOut, Span, StanceOut, TextSpan } from './types';

/**
 * The most of each part one analysis lists. The defaults are several times the most any
 * article of the evaluation corpora has (in brackets: the most in 602 PolNeAR news articles of
 * up to 34 KB), so they bind only on text that is not news.
 */
export interface OutputCaps {
  /** Statements (quotes) kept: those with a speaker first, then the most confident [152]. */
  statements: number;
  /** Directed actor pairs kept: the most evidence, weighted by confidence × |score| [332]. */
  pairs: number;
  /** Pieces of evidence listed per pair: the strongest (confidence × |score|) [73]. */
  evidencePerPair: number;
  /** Pieces of evidence listed over all pairs: each pair's strongest, then the strongest [588]. */
  evidence: number;
  /** Characters of an evidence text (its start and end still span all of it) [1,219]. */
  evidenceChars: number;
  /** Actors listed (the author besides): those of the kept pairs and quotes first, then the most mentioned [248]. */
  actors: number;
  /** Mentions listed over all actors, the first ones in the text [703]. */
  mentions: number;
}

export const DEFAULT_OUTPUT_CAPS: Readonly<OutputCaps> = Object.freeze({
  statements: 1000,
  pairs: 1000,
  evidencePerPair: 100,
  evidence: 2000,
  evidenceChars: 1500,
  actors: 2000,
  mentions: 5000,
});

const round = (x: number) => Math.round(x * 1000) / 1000;

export function toAnalysis(
  text: string,
  t: TokenisedText,
  statements: AttributedStatement[],
  actors: ActorMentions,
  stances: Stances,
  entities?: Span[],
  caps: OutputCaps = DEFAULT_OUTPUT_CAPS,
  /** Who the author (AUTHOR in the passes) is in the output: the publisher, or "the author". */
  author: Author = { id: AUTHOR, name: AUTHOR_NAME },
): Analysis {
  const cut = (s: Span) => text.slice(s.start, s.end);
  // The text of tokens [first, last), with its offsets.
  const tokenSpan = (r: { first: number; last: number }): TextSpan => {
    const start = t.tokens[r.first].start, end = t.tokens[r.last - 1].end;
    return { start, end, text: text.slice(start, end) };
  };

  // Statements with a speaker outrank any without one (confidence is at most 1).
  const keptStatements = topIndices(statements, caps.statements, (s) => (s.speaker ? 2 : 0) + s.confidence);
  // Evidence names its statement by index: the index among the kept ones.
  const quoteIndex = new Map(keptStatements.map((original, i) => [original, i]));
  const quotes: QuoteOut[] = keptStatements.map((i) => {
    const s = statements[i];
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

  const keptPairs = pick(stances.pairs, caps.pairs, (p) => p.evidence.reduce((sum, e) => sum + strength(e), 0));
  const listed = listedEvidence(keptPairs, caps);
  const stanceList: StanceOut[] = keptPairs.map((p, i) => ({
    source: p.source === AUTHOR ? author.id : p.source,
    target: p.target,
    score: round(p.score),
    polarity: p.polarity,
    confidence: round(p.confidence),
    evidence: listed[i].map((e) => {
      const out: EvidenceOut = { start: e.start, end: e.end, text: cut(e).slice(0, caps.evidenceChars), score: round(e.score) };
      const quote = e.statement === undefined ? undefined : quoteIndex.get(e.statement);
      if (quote !== undefined) out.quote = quote;
      return out;
    }),
  }));

  // Actors the kept pairs and quotes name outrank any other, then the most mentioned.
  const named = new Set<string | null | undefined>(keptPairs.flatMap((p) => [p.source, p.target]));
  for (const i of keptStatements) named.add(statements[i].speaker?.actorId);
  const mentionCount = new Map<string, number>();
  for (const m of actors.mentions) if (m.actorId) mentionCount.set(m.actorId, (mentionCount.get(m.actorId) ?? 0) + 1);
  const keptActors = pick([...actors.actors.values()], caps.actors, (a) => (named.has(a.id) ? NAMED : 0) + (mentionCount.get(a.id) ?? 0));
  const mentionsOf = new Map<string, TextSpan[]>(keptActors.map((a) => [a.id, []]));
  let mentionsLeft = caps.mentions;
  for (const m of actors.mentions) {
    const list = m.actorId ? mentionsOf.get(m.actorId) : undefined;
    if (!list || mentionsLeft === 0) continue;
    list.push({ start: m.start, end: m.end, text: cut(m) });
    mentionsLeft -= 1;
  }
  const actorList: ActorOut[] = keptActors.map((a) => ({ id: a.id, name: a.name, type: a.type, mentions: mentionsOf.get(a.id) ?? [] }));
  if (keptPairs.some((p) => p.source === AUTHOR)) actorList.push({ id: author.id, name: author.name, type: 'author', mentions: [] });

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

/** How much a piece of evidence tells: its confidence times its score's strength. */
const strength = (e: Evidence) => e.confidence * Math.abs(e.score);

/** Above any mention count: ranks the actors the kept pairs and quotes name first. */
const NAMED = 2 ** 40;

/**
 * The evidence listed for each pair, in its own order: at most evidencePerPair each, and at most
 * `evidence` in all, every pair keeping its strongest piece before any pair gets a second one.
 */
function listedEvidence(pairs: StancePair[], caps: OutputCaps): Evidence[][] {
  const perPair = pairs.map((p) => pick(p.evidence, caps.evidencePerPair, strength));
  if (perPair.reduce((sum, list) => sum + list.length, 0) <= caps.evidence) return perPair;
  const candidates = perPair.flatMap((list) => {
    const strongest = list[topIndices(list, 1, strength)[0]];
    return list.map((e) => ({ e, weight: e === strongest ? Infinity : strength(e) }));
  });
  const kept = new Set(pick(candidates, caps.evidence, (c) => c.weight).map((c) => c.e));
  return perPair.map((list) => list.filter((e) => kept.has(e)));
}

/** The `limit` items of highest weight, in their original order. */
function pick<T>(items: T[], limit: number, weight: (item: T) => number): T[] {
  return items.length <= limit ? items : topIndices(items, limit, weight).map((i) => items[i]);
}

/** Indexes of the `limit` items of highest weight (the earlier first on ties), ascending. */
function topIndices<T>(items: T[], limit: number, weight: (item: T) => number): number[] {
  const all = items.map((_, i) => i);
  if (items.length <= limit) return all;
  const weights = items.map(weight);
  return all
    .sort((a, b) => weights[b] - weights[a] || a - b)
    .slice(0, Math.max(0, limit))
    .sort((a, b) => a - b);
}
