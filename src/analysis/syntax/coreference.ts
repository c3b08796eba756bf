// Coreference by mention ranking: each mention, in text order, picks the earlier mention it
// refers back to, or none (it starts an entity), by a linear score over pair features: the
// mentions' kinds (pronoun, description, name), their heads and words, number, entity types,
// distance, and what the actor dictionary knows (a role word such as "the minister" and a
// person it knows). Trained by scripts/coreference/train.ts on GUM's coreference chains
// (any earlier mention of the entity is a right antecedent); weights in models/coreference.json.
//
// The caller gives the mentions (its own: the actors pass's, with their entity types) over the
// document's words; a joint mention ("Smith and Jones") is one mention, so "they" resolving to
// it keeps both actors.
import { type LinearModel, namedLogits } from '../../ml/linear';
import type { ActorIndex } from '../../models/actors';
import { type SyntaxWord, wordKey } from './features';
import { type MentionKind, type MentionSpan, dictionaryClues, isPlural, mentionHead, mentionKind, syntacticRole } from './mentions';
import type { Dependencies } from './parser';

export interface CorefMention extends MentionSpan {
  /** Index of the sentence holding the mention. */
  sentence: number;
  /** Its entity type (entity-types.ts), when known. */
  type?: string;
}

export interface CorefModel {
  /** One score per candidate (classes: 1). */
  linear: LinearModel;
  /** How many earlier mentions are candidates. */
  window: number;
}

/** What the pair features read of one mention. */
export interface MentionInfo {
  head: number;
  headKey: string;
  kind: MentionKind;
  plural: boolean;
  /** Lower-case words without determiners: the mention's text for string matching. */
  text: string;
  words: Set<string>;
  clues: string[];
  type: string;
  sentence: number;
  /** The first mention of its sentence (a subject, usually). */
  firstInSentence: boolean;
  /** The head's relation in the parse ('' when the sentence was not parsed). */
  relation: string;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', "'s", "'"]);

export function describeMentions(words: readonly SyntaxWord[], mentions: readonly CorefMention[], index?: ActorIndex, syntax?: Dependencies): MentionInfo[] {
  return mentions.map((m, i) => {
    const head = mentionHead(words, m);
    const keys: string[] = [];
    for (let k = m.first; k < m.last; k++) {
      const key = wordKey(words[k].value);
      if (!DETERMINERS.has(key) && words[k].pos !== 'PUNCT') keys.push(key);
    }
    return {
      head,
      headKey: wordKey(words[head].value),
      kind: mentionKind(words, m, head),
      plural: isPlural(words, head),
      text: keys.join(' '),
      words: new Set(keys),
      clues: dictionaryClues(index, words, m, head),
      type: m.type ?? 'unknown',
      sentence: m.sentence,
      firstInSentence: i === 0 || mentions[i - 1].sentence !== m.sentence,
      relation: syntacticRole(words, head, syntax)?.relation.split(':')[0] ?? '',
    };
  });
}

/**
 * Earlier mentions that may be the antecedent of mention i, nearest first: the last `window`
 * not overlapping it, and before those any with the same head (a name or description met again
 * far on: "Bolden" … "Charles Bolden").
 */
export function candidatesOf(mentions: readonly MentionSpan[], info: readonly MentionInfo[], i: number, window: number): number[] {
  const out: number[] = [];
  const m = mentions[i];
  const overlaps = (c: MentionSpan) => c.first < m.last && m.first < c.last;
  let j = i - 1;
  for (; j >= 0 && out.length < window; j--) if (!overlaps(mentions[j])) out.push(j);
  if (info[i].kind === 'pronoun') return out;
  for (; j >= 0; j--) if (info[j].headKey === info[i].headKey && !overlaps(mentions[j])) out.push(j);
  return out;
}

const bucket = (d: number): string => (d <= 2 ? String(d) : d <= 4 ? '4' : d <= 8 ? '8' : d <= 16 ? '16' : 'far');

/** Features of "mention a starts an entity". */
export function newFeatures(words: readonly SyntaxWord[], a: MentionInfo, earlier: readonly MentionInfo[]): Map<string, number> {
  const f = new Map<string, number>();
  const add = (name: string) => f.set(name, 1);
  const pronoun = a.kind === 'pronoun' ? words[a.head].value.toLowerCase() : '';
  add(`new:${a.kind}`);
  add(`new-type:${a.type}`);
  if (pronoun) add(`new-pronoun:${pronoun}`);
  else add(`new-head:${a.headKey}`);
  const seen = earlier.some((e) => e.headKey === a.headKey);
  add(`new-head-seen:${seen}:${a.kind}`);
  add(`new-text-seen:${earlier.some((e) => e.text === a.text)}:${a.kind}`);
  for (const clue of a.clues) add(`new-clue:${clue}`);
  return f;
}

/** Features of "mention a refers back to mention c". */
export function pairFeatures(words: readonly SyntaxWord[], a: MentionInfo, c: MentionInfo, mentionDistance: number): Map<string, number> {
  const f = new Map<string, number>();
  const add = (name: string) => f.set(name, 1);
  const k = a.kind;
  const pronoun = k === 'pronoun' ? words[a.head].value.toLowerCase() : '';
  const cPronoun = c.kind === 'pronoun' ? words[c.head].value.toLowerCase() : '';
  add(`kinds:${k}>${c.kind}`);
  add(`sentences:${bucket(a.sentence - c.sentence)}:${k}`);
  add(`mentions:${bucket(mentionDistance)}:${k}`);
  add(`number:${a.plural}>${c.plural}:${k}`);
  add(`types:${a.type}>${c.type}`);
  if (a.type === c.type) add(`same-type:${k}`);
  if (c.firstInSentence) add(`antecedent-first:${k}:${bucket(a.sentence - c.sentence)}`);
  if (c.relation) {
    add(`relations:${a.relation}>${c.relation}:${k}`);
    add(`antecedent-relation:${c.relation}:${bucket(a.sentence - c.sentence)}:${k}`);
  }
  if (a.headKey === c.headKey) add(`head-match:${k}>${c.kind}`);
  if (a.text === c.text) add(`text-match:${k}>${c.kind}`);
  else if (a.words.has(c.headKey)) add(`antecedent-head-inside:${k}>${c.kind}`);
  else if (c.words.has(a.headKey)) add(`head-inside-antecedent:${k}>${c.kind}`);
  if (pronoun) {
    add(`pronoun:${pronoun}>${c.kind}`);
    add(`pronoun:${pronoun}>type:${c.type}`);
    add(`pronoun:${pronoun}>head:${c.headKey}`);
    if (cPronoun) add(`pronouns:${pronoun}>${cPronoun}`);
    add(`pronoun:${pronoun}>sentences:${bucket(a.sentence - c.sentence)}`);
    if (c.relation) add(`pronoun:${pronoun}>relation:${c.relation}`);
  } else {
    add(`head:${a.headKey}>type:${c.type}`);
    if (cPronoun) add(`to-pronoun:${k}>${cPronoun}`);
  }
  for (const ac of a.clues) {
    add(`clue:${ac}>${c.kind}`);
    for (const cc of c.clues) add(`clues:${ac}>${cc}`);
  }
  return f;
}

const score = (model: CorefModel, f: Map<string, number>): number => namedLogits(model.linear, f)[0];

/**
 * The antecedent of each mention (an index into `mentions`), or −1 when it starts an entity.
 * Mentions must be in text order (by first word, the outer before the inner). `syntax`, the
 * parse of the sentences (parseText over the same words), adds the mentions' relations; the
 * model is trained with it, so give it when you can.
 */
export function resolveCoreference(model: CorefModel, words: readonly SyntaxWord[], mentions: readonly CorefMention[], index?: ActorIndex, syntax?: Dependencies): Int32Array {
  const info = describeMentions(words, mentions, index, syntax);
  const antecedent = new Int32Array(mentions.length).fill(-1);
  for (let i = 0; i < mentions.length; i++) {
    let best = score(model, newFeatures(words, info[i], info.slice(Math.max(0, i - model.window), i)));
    for (const j of candidatesOf(mentions, info, i, model.window)) {
      const s = score(model, pairFeatures(words, info[i], info[j], i - j));
      if (s > best) [best, antecedent[i]] = [s, j];
    }
  }
  return antecedent;
}

/** Entities from antecedent links: each mention's entity number (that of its chain's first mention). */
export function chainsOf(antecedent: ArrayLike<number>): Int32Array {
  const entity = new Int32Array(antecedent.length);
  for (let i = 0; i < antecedent.length; i++) entity[i] = antecedent[i] < 0 ? i : entity[antecedent[i]];
  return entity;
}
