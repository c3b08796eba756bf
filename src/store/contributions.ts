// What one article's analysis adds to the stance summary: one contribution per directed actor
// pair it found a stance for. A pure function; the store writes the result atomically.
import type { Analysis, StanceOut } from '../analysis/types';
import { pairToken } from './keys';

/** Evidence scores closer to zero than this count as neutral. */
export const NEUTRAL_BAND = 0.05;
/** Pieces of evidence kept per article and pair, and shown per pair in the summary. */
export const EVIDENCE_PER_PAIR = 3;
/** Evidence text is cut to this many characters before it is stored. */
const EVIDENCE_TEXT_MAX = 600;

export interface EvidenceItem {
  text: string;
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
  /** |score| of the strongest piece of evidence: ranks articles for the summary's evidence. */
  strength: number;
  /** How confident the analysis is of the article's stance for the pair, 0–1 (StanceOut.confidence; 1 when it gave none). */
  confidence?: number;
  /** The strongest pieces of evidence, strongest first. */
  evidence: EvidenceItem[];
}

export function polarityOf(score: number): 'positive' | 'negative' | 'neutral' {
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

export function byStrength(a: EvidenceItem, b: EvidenceItem): number {
  return Math.abs(b.score) - Math.abs(a.score);
}

export function contributionsOf(analysis: Analysis, publishedAt: number): Contribution[] {
  const names = new Map(analysis.actors.map((actor) => [actor.id, actor.name]));
  const byPair = new Map<string, { first: StanceOut; scores: number[]; evidence: EvidenceItem[]; counts: Counts; confidence: number }>();
  for (const stance of analysis.stances) {
    const pair = pairToken(stance.source, stance.target);
    const entry = byPair.get(pair) ?? { first: stance, scores: [], evidence: [], counts: { positive: 0, negative: 0, neutral: 0 }, confidence: 0 };
    byPair.set(pair, entry);
    entry.scores.push(stance.score);
    entry.confidence = Math.max(entry.confidence, stance.confidence ?? 1);
    const evidence = stance.evidence.map((e) => ({ text: e.text.slice(0, EVIDENCE_TEXT_MAX), score: e.score }));
    entry.evidence.push(...evidence);
    // A stance without evidence still counts once, by its own score.
    for (const score of evidence.length ? evidence.map((e) => e.score) : [stance.score]) {
      entry.counts[polarityOf(score)] += 1;
    }
  }
  return [...byPair].map(([pair, { first, scores, evidence, counts, confidence }]) => {
    // One analysis normally has one stance per pair; should it have more, they share the vote.
    const score = scores.reduce((sum, s) => sum + s, 0) / scores.length;
    const strongest = evidence.sort(byStrength).slice(0, EVIDENCE_PER_PAIR);
    return {
      pair,
      source: first.source,
      target: first.target,
      sourceName: names.get(first.source) ?? first.source,
      targetName: names.get(first.target) ?? first.target,
      score,
      ...counts,
      publishedAt,
      strength: strongest.length ? Math.abs(strongest[0].score) : Math.abs(score),
      confidence,
      evidence: strongest,
    };
  });
}

type Counts = Pick<Contribution, 'positive' | 'negative' | 'neutral'>;

/** A contribution as the pair's hash keeps it: the pair and the names are in keys and actorNames. */
export type StoredContribution = Omit<Contribution, 'pair' | 'source' | 'target' | 'sourceName' | 'targetName'>;

export function storedContribution({ score, positive, negative, neutral, publishedAt, strength, confidence, evidence }: Contribution): StoredContribution {
  return { score, positive, negative, neutral, publishedAt, strength, confidence, evidence };
}
