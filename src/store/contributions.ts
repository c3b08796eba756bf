// What one article's analysis adds to the stance summary: one contribution per directed actor
// pair it found a stance for, and how a pair's hash keeps it (scripts.ts APPLY_TO_PAIR). Pure
// functions; the store writes the results.
import type { Analysis, StanceOut } from '../analysis/types';
import { pairToken } from './keys';

/** Evidence scores closer to zero than this count as neutral. */
export const NEUTRAL_BAND = 0.05;
/** Pieces of evidence kept per pair (the strongest over all its articles) and shown in the summary. */
export const EVIDENCE_PER_PAIR = 3;
/** The fields of a pair's hash holding its kept evidence, strongest first (scripts.ts APPLY_TO_PAIR). */
export const EVIDENCE_FIELDS = Array.from({ length: EVIDENCE_PER_PAIR }, (_, i) => `e${i + 1}`);
/** Evidence text is cut to this many characters before it is stored. */
export const EVIDENCE_TEXT_MAX = 600;

/** A piece of evidence as a pair keeps it: a slice of the article's text, by its offsets. */
export interface EvidenceRef {
  start: number;
  end: number;
  score: number;
}

export interface Contribution {
  pair: string;
  source: string;
  target: string;
  sourceName: string;
  targetName: string;
  /** The article's stance score for the pair, in [-1, 1]. */
  score: number;
  positive: number;
  negative: number;
  neutral: number;
  /** publishedAt (or receivedAt) of the article, epoch ms. */
  publishedAt: number;
  /** How confident the analysis is of the article's stance for the pair, 0–1 (StanceOut.confidence; 1 when it gave none). */
  confidence: number;
  /** The strongest pieces of evidence, strongest first, cut to EVIDENCE_TEXT_MAX characters. */
  evidence: EvidenceRef[];
}

export function polarityOf(score: number): 'positive' | 'negative' | 'neutral' {
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

/** Strongest first; ties by where they start, so every reader agrees. */
export function byStrength(a: { score: number; start?: number }, b: { score: number; start?: number }): number {
  return Math.abs(b.score) - Math.abs(a.score) || (a.start ?? 0) - (b.start ?? 0);
}

/** The order of a pair's kept evidence (as APPLY_TO_PAIR sorts it): strongest first, then by article, start, end, score. */
export function keptOrder(a: KeptEvidence, b: KeptEvidence): number {
  const ids = a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0;
  return Math.abs(b.score) - Math.abs(a.score) || ids || a.start - b.start || a.end - b.end || a.score - b.score;
}

export function contributionsOf(analysis: Analysis, publishedAt: number): Contribution[] {
  const names = new Map(analysis.actors.map((actor) => [actor.id, actor.name]));
  const byPair = new Map<string, { first: StanceOut; scores: number[]; evidence: EvidenceRef[]; counts: Counts; confidence: number }>();
  for (const stance of analysis.stances) {
    const pair = pairToken(stance.source, stance.target);
    const entry = byPair.get(pair) ?? { first: stance, scores: [], evidence: [], counts: { positive: 0, negative: 0, neutral: 0 }, confidence: 0 };
    byPair.set(pair, entry);
    // A pair the analysis does not call polar (under the model's confidence threshold) counts as
    // neutral, its evidence too, whatever the words' scores.
    const polar = stance.polarity !== 0;
    entry.scores.push(polar ? stance.score : 0);
    entry.confidence = Math.max(entry.confidence, stance.confidence ?? 1);
    const evidence = stance.evidence.map((e) => ({ start: e.start, end: Math.min(e.end, e.start + EVIDENCE_TEXT_MAX), score: e.score }));
    entry.evidence.push(...evidence);
    // A stance without evidence still counts once, by its own score.
    for (const score of evidence.length ? evidence.map((e) => e.score) : [stance.score]) {
      entry.counts[polar ? polarityOf(score) : 'neutral'] += 1;
    }
  }
  return [...byPair].map(([pair, { first, scores, evidence, counts, confidence }]) => {
    // One analysis normally has one stance per pair; should it have more, they share the vote.
    const score = scores.reduce((sum, s) => sum + s, 0) / scores.length;
    return {
      pair,
      source: first.source,
      target: first.target,
      sourceName: names.get(first.source) ?? first.source,
      targetName: names.get(first.target) ?? first.target,
      score,
      ...counts,
      publishedAt,
      confidence,
      evidence: evidence.sort(byStrength).slice(0, EVIDENCE_PER_PAIR),
    };
  });
}

type Counts = Pick<Contribution, 'positive' | 'negative' | 'neutral'>;

/** A score in the pair hash's units (1e-9), an integer: sums of them are exact in any order. */
export const toNanos = (score: number): number => Math.round(score * 1e9);

/** The contribution as APPLY_TO_PAIR takes it: "score positive negative neutral publishedAt confidence strength". */
export function contributionField(c: Contribution): string {
  const strength = c.evidence.length ? Math.abs(toNanos(c.evidence[0].score)) : 0;
  return `${toNanos(c.score)} ${c.positive} ${c.negative} ${c.neutral} ${c.publishedAt} ${Math.round(c.confidence * 1e4) / 1e4} ${strength}`;
}

/** Its evidence as APPLY_TO_PAIR takes it: "start end score" a line. */
export function evidenceLines(c: Contribution): string {
  return c.evidence.map((e) => `${e.start} ${e.end} ${toNanos(e.score)}`).join('\n');
}

/** One article's contribution as read back from a pair hash (the a<articleId> field). */
export interface StoredContribution extends Pick<Contribution, 'score' | 'positive' | 'negative' | 'neutral' | 'publishedAt' | 'confidence'> {
  articleId: string;
  /** |score| of its strongest piece of evidence, units of 1e-9 (0 for contributions stored before it was kept). */
  strength: number;
}

/** Reads an a<articleId> field; null for a contribution taken back. */
export function parseContribution(articleId: string, value: string): StoredContribution | null {
  const v = value.split(' ');
  if (v.length < 7) return null;
  return { articleId, score: Number(v[1]) / 1e9, positive: Number(v[2]), negative: Number(v[3]), neutral: Number(v[4]), publishedAt: Number(v[5]), confidence: Number(v[6]), strength: Number(v[7] ?? 0) };
}

/** A kept piece of evidence as read back from a pair hash (an e<i> field): a reference, or its text once the article was let go. */
export interface KeptEvidence {
  articleId: string;
  start: number;
  end: number;
  score: number;
  text?: string;
}

const EVIDENCE_FIELD = /^(\S+) (\S+) (\S+) (\S+)(?: ([\s\S]*))?$/;

export function parseEvidence(value: string): KeptEvidence | null {
  const m = EVIDENCE_FIELD.exec(value);
  if (!m) return null;
  return { articleId: m[1], start: Number(m[2]), end: Number(m[3]), score: Number(m[4]) / 1e9, ...(m[5] !== undefined && { text: m[5] }) };
}
