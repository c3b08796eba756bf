// Polarity and weight of a CAMEO code, shared by the cue and verb lexicons.
//   polarity: the sign of the code's Goldstein value (cooperation +1, conflict −1), except
//             roots 01 (public statements) and 02 (appeals), which say nothing for or against.
//   weight:   sqrt(|goldstein| / 10): a criticism (−2) weighs 0.45, a threat (−4.4) 0.66 and a
//             killing (−10) 1, so verbal stance is not drowned by the scale's material end.
import type { Polarity } from '../../src/models/lexicon';

export interface CodeStance {
  cameo: string;
  goldstein: number;
  polarity: Polarity;
  weight: number;
}

const NEUTRAL_ROOTS = new Set(['01', '02']);

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function weightOfGoldstein(goldstein: number): number {
  return round2(Math.sqrt(Math.abs(goldstein) / 10));
}

export function stanceOfCode(cameo: string, goldstein: number): CodeStance {
  const polarity: Polarity = NEUTRAL_ROOTS.has(cameo.slice(0, 2)) || goldstein === 0 ? 0 : goldstein > 0 ? 1 : -1;
  return { cameo, goldstein, polarity, weight: polarity === 0 ? 0 : weightOfGoldstein(goldstein) };
}
