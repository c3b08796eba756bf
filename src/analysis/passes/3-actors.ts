// Pass 3: actor mentions. Every way the article names an actor — dictionary names, demonyms
// and capitals, roles of countries and bodies ("Syrian rebels", "the Iranian foreign ministry"),
// people with their titles, unknown capitalised names, descriptions ("the Syrian president"),
// pronouns and the caller's entity spans — becomes a Mention resolved to one actor id.
//
// The work is done in src/analysis/actors/: lexical.ts (dictionary, role and name units),
// phrases.ts (noun phrases), resolve.ts (who each phrase names, in text order) with names.ts
// (names given in full, surnames, unknown names), non-actors.ts (names of places, events,
// documents and ideas, with the entity-type model), history.ts (what came before), pronouns.ts
// and referents.ts (who is who), and entities.ts (caller spans). Pure: the index is compiled
// once by the models loader.
import type { ActorIndex } from '../../models/actors';
import type { Actor, Mention, Span } from '../types';
import type { TokenisedText } from './2-tokens';
import { partitionPoint } from '../sorted';
import { referentsById, resolveEntitySpans, separateEntityActors } from '../actors/entities';
import { lexContext, lexUnits } from '../actors/lexical';
import { parsePhrases } from '../actors/phrases';
import { ReferentRegistry, isCameo } from '../actors/referents';
import type { MentionRecord } from '../actors/history';
import { ArticleResolver } from '../actors/resolve';
import type { EntityTypeModel } from '../syntax/entity-types';

export interface ActorMentions {
  /** Sorted by start, non-overlapping. */
  mentions: Mention[];
  /** Every actor the article names, by id. */
  actors: Map<string, Actor>;
  /** Aligned with options.entities: the mention made of each caller span. */
  entityMentions: (Mention | null)[];
}

export interface ActorOptions {
  /**
   * The article's date, YYYY-MM-DD: people's roles depend on it. Undefined when the article
   * gives none: then no one holds a dated office (Trump is Trump, not the US government of
   * whichever year the analysis runs in).
   */
  date: string | undefined;
  entities?: Span[];
  /** The entity-type model: which unknown names are places or things, not actors. */
  entityTypes?: EntityTypeModel;
}

export function findActorMentions(t: TokenisedText, index: ActorIndex, options: ActorOptions): ActorMentions {
  const ctx = lexContext(t.tokens, t.paragraphs, t.sentences, index, options.date);
  const registry = new ReferentRegistry(index, options.date);
  const resolver = new ArticleResolver(ctx, registry, options.entityTypes);
  const phrases = t.sentences.map((s) => parsePhrases(ctx, lexUnits(ctx, s.first, s.last)));
  for (const sentencePhrases of phrases) resolver.learnNames(sentencePhrases);
  t.sentences.forEach((s, i) => resolver.resolveSentence(phrases[i], s));

  // A caller's span over white space alone, or past the text, names no actor. (A span may cut
  // a token: "Trump’" of "Trump’s".)
  const spans = (options.entities ?? []).filter((span) => span.end <= t.text.length && /\S/.test(t.text.slice(span.start, span.end)));
  const entityRecords = resolveEntitySpans(resolver, spans);
  separateEntityActors(entityRecords);

  const toMention = (r: MentionRecord, span?: Span): Mention => {
    const start = span?.start ?? t.tokens[r.first].start;
    const end = span?.end ?? t.tokens[r.last - 1].end;
    const ref = r.referent;
    const mention: Mention = { start, end, first: r.first, last: r.last, text: t.text.slice(start, end), kind: r.kind, actorId: ref?.actorId ?? null, name: ref?.actorId ? ref.name : null, plural: r.plural };
    if (ref?.actorId) mention.referent = ref.key;
    return mention;
  };
  const resolved = entityRecords.map((r, i) => toMention(r, spans[i]));
  const claimed = resolved.filter((m, i) => !resolved.slice(0, i).some((o) => overlaps(o, m)));
  const bySpan = new Map(spans.map((span, i) => [span, resolved[i]]));
  const entityMentions = (options.entities ?? []).map((span) => bySpan.get(span) ?? null);
  const claimedInOrder = [...claimed].sort((a, b) => a.start - b.start);
  const mentions = [...claimed, ...resolver.records.map((r) => toMention(r)).filter((m) => !overlapsAny(claimedInOrder, m))].sort((a, b) => a.start - b.start);
  return { mentions, actors: collectActors([...resolver.records, ...entityRecords], registry), entityMentions };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Does `s` overlap one of `spans`, spans that do not overlap each other, sorted by start (so by end too)? */
function overlapsAny(spans: Span[], s: Span): boolean {
  const k = partitionPoint(spans.length, (n) => spans[n].end <= s.start);
  return k < spans.length && overlaps(spans[k], s);
}

/** One Actor per id: named after a body or country of that id when the article names one, else its label or person. */
function collectActors(records: MentionRecord[], registry: ReferentRegistry): Map<string, Actor> {
  const byId = referentsById(records);
  const actors = new Map<string, Actor>();
  for (const [id, refs] of byId) {
    const named = refs.find((r) => !r.person && !r.composite) ?? refs.find((r) => r.composite);
    if (named) {
      actors.set(id, { id, name: named.name, type: named.type, country: named.country });
      continue;
    }
    // Only people hold this id: a role code is labelled as such ("Syrian government"), a person's own id by the person.
    const label = isCameo(id) ? registry.composite(id) : null;
    const person = refs[0];
    actors.set(id, label && label.actorId === id ? { id, name: label.name, type: label.type, country: label.country } : { id, name: person.name, type: person.type, country: person.country });
  }
  return actors;
}
