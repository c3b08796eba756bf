// The directed-stance model's scorer: DSE's five classes as ../shared/eval/run.mjs counts them
// (accuracy, macro-F1, per-class F1, the confusion matrix), from the model's decisions on the
// examples, and through the whole analysis (analyze() with the model, the pair read back from
// its stances as the evaluation reads it).
import { analyze } from '../../src/analysis';
import { decidePair } from '../../src/analysis/passes/stance/pair-model';
import { accuracy, macroF1, precisionRecall } from '../../src/ml/metrics';
import type { Models } from '../../src/models';
import type { StanceModel } from '../../src/models/stance-model';
import { type DseRecord, type PairExample, TRAINING_DATE, pairSpans } from './examples';

export interface DseScores {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: number[];
  /** confusion[gold][predicted]. */
  confusion: number[][];
}

export function dseScores(gold: number[], predicted: number[]): DseScores {
  const confusion = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
  gold.forEach((g, i) => confusion[g][predicted[i]]++);
  return {
    n: gold.length,
    accuracy: round(accuracy(gold, predicted)),
    macroF1: round(macroF1(gold, predicted, 5)),
    perClass: [0, 1, 2, 3, 4].map((c) => round(precisionRecall(gold, predicted, c).f1)),
    confusion,
  };
}

/** The model's label for each example (neutral where the analysis judges no pair). */
export function predictExamples(model: StanceModel, examples: (PairExample | null)[]): number[] {
  return examples.map((e) => (!e || e.sameActor ? 0 : decidePair(model, e.features).label));
}

/** A reported stance pair as the evaluation reads it: its score, polarity and confidence. */
export interface ReadPair {
  score: number;
  polarity: number;
  confidence: number;
}

/** The two directed pairs analyze() reports between the record's two spans (p → q, q → p), null where none. */
export function pairsThroughAnalysis(r: DseRecord, models: Models): [ReadPair | null, ReadPair | null] {
  const spans = pairSpans(r);
  if (!spans) return [null, null];
  const a = analyze({ text: r.text, publishedAt: TRAINING_DATE, entities: spans }, models);
  const [p, q] = spans.map((s) => a.entities?.find((e) => e.start === s.start && e.end === s.end)?.actorId ?? null);
  const find = (source: string | null, target: string | null): ReadPair | null => {
    const s = source && target && source !== target ? a.stances.find((x) => x.source === source && x.target === target) : undefined;
    return s ? { score: s.score, polarity: s.polarity, confidence: s.confidence ?? 1 } : null;
  };
  return [find(p, q), find(q, p)];
}

/**
 * The label the evaluation (../shared/eval/run.mjs) reads from the two pairs, with the pairs
 * under `minConfidence` read as not polar, as the analysis reports them with that threshold.
 */
export function labelOfPairs([forwardPair, backwardPair]: [ReadPair | null, ReadPair | null], minConfidence = 0): number {
  const value = (s: ReadPair | null) => (s && s.confidence >= minConfidence ? Math.sign(s.polarity) * Math.max(Math.abs(s.score), 1e-9) : 0);
  const forward = value(forwardPair), backward = value(backwardPair);
  const pickForward = Math.abs(forward) >= Math.abs(backward);
  const v = pickForward ? forward : backward;
  if (v > 0) return pickForward ? 1 : 2;
  if (v < 0) return pickForward ? 3 : 4;
  return 0;
}

/** The label the evaluation reads from analyze()'s output for the record's two spans. */
export function predictThroughAnalysis(r: DseRecord, models: Models): number {
  return labelOfPairs(pairsThroughAnalysis(r, models));
}

/** Precision, recall and F-beta of the polar labels: a polar prediction is right when it is the gold class (sign and direction). */
export interface PolarScores {
  predicted: number;
  right: number;
  gold: number;
  precision: number;
  recall: number;
  f: number;
}

export function polarScores(gold: number[], predicted: number[], beta = 0.5): PolarScores {
  let right = 0, n = 0, g = 0;
  gold.forEach((c, i) => {
    if (c !== 0) g++;
    if (predicted[i] !== 0) {
      n++;
      if (predicted[i] === c) right++;
    }
  });
  const precision = n ? right / n : 0, recall = g ? right / g : 0;
  const b2 = beta * beta;
  const f = precision + recall ? ((1 + b2) * precision * recall) / (b2 * precision + recall) : 0;
  return { predicted: n, right, gold: g, precision: round(precision), recall: round(recall), f: round(f) };
}

export function formatPolar(s: PolarScores): string {
  return `polar pairs P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F0.5 ${s.f.toFixed(3)} (${s.right} right of ${s.predicted} reported, ${s.gold} gold)`;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function formatScores(s: DseScores): string {
  return `macro-F1 ${s.macroF1.toFixed(3)} accuracy ${s.accuracy.toFixed(3)} (n ${s.n}); per class F1 ${s.perClass.map((f) => f.toFixed(2)).join(' ')}`;
}

export function formatConfusion(s: DseScores): string {
  const names = ['neutral', 'pos p>q', 'pos q>p', 'neg p>q', 'neg q>p'];
  const rows = s.confusion.map((row, g) => `    ${names[g].padEnd(8)} ${row.map((n) => String(n).padStart(6)).join('')}`);
  return [`    gold \\ predicted ${names.map((n) => n.padStart(8)).join('')}`.replace('predicted ', 'predicted'), ...rows].join('\n');
}
