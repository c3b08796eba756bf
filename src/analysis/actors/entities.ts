// The spans a caller names as actor mentions (`entities`): each becomes a mention, resolved as
// the text allows, and two spans naming different individuals never share an actor id.
import { MAX_PHRASE } from '../grammar';
import { partitionPoint } from '../sorted';
import type { Span, Token } from '../types';
import { lexUnits } from './lexical';
import { type Phrase, parsePhrases } from './phrases';
import type { MentionRecord } from './history';
import { textOf } from './names';
import type { ArticleResolver } from './resolve';
import { type Referent, personLevelId } from './referents';

/** One record per span, in the order given. */
export function resolveEntitySpans(resolver: ArticleResolver, spans: Span[]): MentionRecord[] {
  const tokens = resolver.ctx.tokens;
  const known = recordsByFirst(resolver.records);
  return spans.map((span) => {
    const { first, last } = tokenRange(tokens, span);
    const sentence = tokens[first]?.sentence ?? tokens[tokens.length - 1]?.sentence ?? 0;
    const referent = spanReferent(resolver, known, first, last, sentence) ?? fallbackReferent(resolver, span);
    return { first, last, kind: 'entity', referent, plural: referent.plural, sentence, subjectLike: false };
  });
}

/** The tokens a span touches (a span may cut a token: "Trump’" of "Trump’s"). */
function tokenRange(tokens: Token[], span: Span): { first: number; last: number } {
  const first = partitionPoint(tokens.length, (k) => tokens[k].end <= span.start);
  return { first, last: Math.max(first, partitionPoint(tokens.length, (k) => tokens[k].start < span.end)) };
}

/** The article's mention records by their first token, each list in the records' order. */
function recordsByFirst(records: MentionRecord[]): Map<number, MentionRecord[]> {
  const byFirst = new Map<number, MentionRecord[]>();
  for (const r of records) {
    const list = byFirst.get(r.first);
    if (list) list.push(r);
    else byFirst.set(r.first, [r]);
  }
  return byFirst;
}

/**
 * What the span names. A span is read as a noun phrase: its first MAX_PHRASE tokens at most,
 * so that a thousand spans over a whole article cost a thousand short readings.
 */
function spanReferent(resolver: ArticleResolver, known: Map<number, MentionRecord[]>, first: number, last: number, sentence: number): Referent | null {
  if (first >= last) return null;
  // The article's own mention of exactly these words keeps its resolution.
  const same = known.get(first)?.find((r) => r.last === last);
  if (same?.referent) return same.referent;
  const read = Math.min(last, first + MAX_PHRASE);
  const inside = resolvedWithin(known, first, read, last);
  if (inside.length === 1 && inside[0].kind === 'pronoun') return inside[0].referent;
  const phrases = parsePhrases(resolver.ctx, lexUnits(resolver.ctx, first, read, true));
  const phrase = widest(phrases);
  if (!phrase) return null;
  if (phrase.kind === 'pronoun') return known.get(phrase.first)?.[0].referent ?? null;
  const [record] = resolver.resolvePhrase(phrase, sentence);
  return record?.referent ?? null;
}

/** The resolved records inside tokens [first, last) that start before `read`: two at most, enough to tell whether there is one. */
function resolvedWithin(known: Map<number, MentionRecord[]>, first: number, read: number, last: number): MentionRecord[] {
  const out: MentionRecord[] = [];
  for (let k = first; k < read && out.length < 2; k++) for (const r of known.get(k) ?? []) if (r.last <= last && r.referent && out.length < 2) out.push(r);
  return out;
}

/** The phrase covering most of the span (the head of "Gondor's main opposition group"). */
function widest(phrases: Phrase[]): Phrase | null {
  let best: Phrase | null = null;
  for (const p of phrases) if (!best || p.last - p.first >= best.last - best.first) best = p;
  return best;
}

/** A span nothing resolves: an actor of its own, named by its text (a long span's first MAX_PHRASE tokens). */
function fallbackReferent(resolver: ArticleResolver, span: Span): Referent {
  const tokens = resolver.ctx.tokens;
  const { first, last } = tokenRange(tokens, span);
  const text = first < last ? textOf(tokens, first, Math.min(last, first + MAX_PHRASE)) : `entity ${span.start}`;
  return resolver.registry.unknown(text, 'unknown');
}

/**
 * Spans that name different individuals but resolve to one actor id (Trump and Pence are both
 * USAGOV in 2019) are told apart: people take their own id (name:donald-trump) everywhere in the
 * article; among other referents sharing an id, all but the first take an id of their own name.
 * The stance between two given spans is then a stance between two actors.
 */
export function separateEntityActors(records: MentionRecord[]): void {
  const byId = referentsById(records);
  const taken = new Set(byId.keys());
  const rename = (ref: Referent) => {
    let id = personLevelId(ref.name);
    for (let n = 2; taken.has(id); n++) id = `${personLevelId(ref.name)}-${n}`;
    taken.add(id);
    ref.actorId = id;
  };
  for (const refs of byId.values()) {
    if (refs.length < 2) continue;
    const people = refs.filter((r) => r.person);
    for (const p of people) rename(p);
    const others = refs.filter((r) => !r.person);
    for (const o of others.slice(1)) rename(o);
  }
}

/** The distinct referents of the records, grouped by actor id, in order of first mention. */
export function referentsById(records: MentionRecord[]): Map<string, Referent[]> {
  const byId = new Map<string, Referent[]>();
  for (const r of records) {
    const ref = r.referent;
    if (!ref?.actorId) continue;
    const list = byId.get(ref.actorId) ?? [];
    if (!list.includes(ref)) list.push(ref);
    byId.set(ref.actorId, list);
  }
  return byId;
}
