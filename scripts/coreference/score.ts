// The coreference model's scorer, over GUM's gold mentions: antecedent accuracy of pronouns and of
// descriptions that refer back (the antecedent chosen is a mention of the same entity), how often
// a mention that starts an entity is left without one, and MUC and B³ over the whole documents.
import { type CorefMention, type CorefModel, chainsOf, resolveCoreference } from '../../src/analysis/syntax/coreference';
import { mentionKind } from '../../src/analysis/syntax/mentions';
import type { ActorIndex } from '../../src/models/actors';
import type { DocumentWords } from '../treebanks/treebanks';

export interface CoreferenceScores {
  pronouns: { n: number; accuracy: number };
  descriptions: { n: number; accuracy: number };
  names: { n: number; accuracy: number };
  /** Mentions without an earlier mention of their entity that get no antecedent. */
  newLeftNew: { n: number; accuracy: number };
  muc: number;
  bcubed: number;
}

/** The documents' mentions as the model reads them, with entity types from `typeOf`. */
export function corefMentions(d: DocumentWords, typeOf: (d: DocumentWords, i: number) => string): CorefMention[] {
  return d.mentions.map((m, i) => ({ first: m.first, last: m.last, sentence: d.sentence[m.first], type: typeOf(d, i) }));
}

export function scoreCoreference(model: CorefModel, docs: DocumentWords[], typeOf: (d: DocumentWords, i: number) => string, index?: ActorIndex): CoreferenceScores {
  const tally = { pronouns: [0, 0], descriptions: [0, 0], names: [0, 0], newLeftNew: [0, 0] };
  let mucP = [0, 0], mucR = [0, 0];
  let b3P = 0, b3R = 0, mentions = 0;
  for (const d of docs) {
    const ms = corefMentions(d, typeOf);
    const antecedent = resolveCoreference(model, d.words, ms, index, d.syntax);
    const gold = d.mentions.map((m) => m.entity);
    const seen = new Set<string>();
    d.mentions.forEach((m, i) => {
      const kind = mentionKind(d.words, m);
      const anaphoric = seen.has(m.entity);
      seen.add(m.entity);
      const right = antecedent[i] >= 0 && gold[antecedent[i]] === m.entity;
      const t = !anaphoric ? tally.newLeftNew : kind === 'pronoun' ? tally.pronouns : kind === 'name' ? tally.names : kind === 'definite' || kind === 'possessed' ? tally.descriptions : null;
      if (!t) return;
      t[0]++;
      if (anaphoric ? right : antecedent[i] < 0) t[1]++;
    });
    const predicted = Array.from(chainsOf(antecedent), String);
    const recall = muc(gold, predicted), precision = muc(predicted, gold);
    mucR = [mucR[0] + recall[0], mucR[1] + recall[1]];
    mucP = [mucP[0] + precision[0], mucP[1] + precision[1]];
    const [bp, br] = bcubed(gold, predicted);
    b3P += bp;
    b3R += br;
    mentions += gold.length;
  }
  const f = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const acc = ([n, right]: number[]) => ({ n, accuracy: n ? right / n : 0 });
  return {
    pronouns: acc(tally.pronouns),
    descriptions: acc(tally.descriptions),
    names: acc(tally.names),
    newLeftNew: acc(tally.newLeftNew),
    muc: f(mucP[1] ? mucP[0] / mucP[1] : 0, mucR[1] ? mucR[0] / mucR[1] : 0),
    bcubed: f(b3P / mentions, b3R / mentions),
  };
}

/** MUC recall of `key` by `response` (Vilain et al. 1995) as [Σ (|K| − |partitions of K|), Σ (|K| − 1)]; swapped, its precision. */
function muc(key: string[], response: string[]): [number, number] {
  const clusters = new Map<string, number[]>();
  key.forEach((e, i) => clusters.set(e, [...(clusters.get(e) ?? []), i]));
  let num = 0, den = 0;
  for (const members of clusters.values()) {
    if (members.length < 2) continue;
    num += members.length - new Set(members.map((i) => response[i])).size;
    den += members.length - 1;
  }
  return [num, den];
}

/** B³ (Bagga & Baldwin 1998): summed per-mention precision and recall. */
function bcubed(key: string[], response: string[]): [number, number] {
  const group = (labels: string[]) => {
    const m = new Map<string, Set<number>>();
    labels.forEach((e, i) => m.set(e, (m.get(e) ?? new Set()).add(i)));
    return m;
  };
  const k = group(key), r = group(response);
  let p = 0, rec = 0;
  key.forEach((_, i) => {
    const kc = k.get(key[i])!, rc = r.get(response[i])!;
    let both = 0;
    for (const j of rc) if (kc.has(j)) both++;
    p += both / rc.size;
    rec += both / kc.size;
  });
  return [p, rec];
}

export const formatCoreferenceScores = (s: CoreferenceScores): string =>
  `pronouns ${s.pronouns.accuracy.toFixed(3)} (${s.pronouns.n}), descriptions ${s.descriptions.accuracy.toFixed(3)} (${s.descriptions.n}), ` +
  `names ${s.names.accuracy.toFixed(3)} (${s.names.n}), first mentions left new ${s.newLeftNew.accuracy.toFixed(3)} (${s.newLeftNew.n}); ` +
  `MUC F1 ${s.muc.toFixed(3)}, B3 F1 ${s.bcubed.toFixed(3)}`;
