// The parser's training settings, in one place. Chosen on GUM dev (scripts/parser/train.ts
// --search prints the comparisons); GUM test is only ever scored with the chosen ones.
import type { WeightEncoding } from '../../src/ml/model-file';

/** The encodings of the tagger's, the transitions' and the labels' weights, and the integer encodings' clip (the quantile of weight magnitudes the largest value stands for). */
export interface Storage {
  tagger: WeightEncoding;
  transitions: WeightEncoding;
  labels: WeightEncoding;
  clip: number;
}

export interface ParserConfig {
  /** Feature template groups (src/analysis/syntax/features.ts TRANSITION_GROUPS, LABEL_GROUPS). */
  transitionGroups: string[];
  labelGroups: string[];
  /** Punctuation parsed with the other words, or left out of the parse and attached by rule (src/analysis/syntax/punctuation.ts). */
  punctuation: 'parse' | 'rule';
  /** Rows of the transition classifier's table: 2^bits. */
  transitionBits: number;
  labelBits: number;
  /** Passes over the training sentences; the averaged model of the best epoch on dev is kept. */
  epochs: number;
  /** Parsers trained side by side with their own seeds; the model is the mean of their weights. */
  ensemble: number;
  /** From this epoch on (0-based), the parser follows its own prediction with probability `exploreProbability` (dynamic oracle). */
  exploreFrom: number;
  exploreProbability: number;
  /** Also learn from UD EWT's dev and test files (web text: not our evaluation). */
  withEwt: boolean;
  /** The tagger's table (2^bits rows), passes, and the folds its jackknifed training tags come from. */
  taggerBits: number;
  taggerEpochs: number;
  taggerFolds: number;
  /** Score only the relations a dependent's side and tag took in training (faster), or all of them. */
  restrictLabels: boolean;
  /** … and of those, only the relations it took at least this many times. */
  labelMinCount: number;
  /** How the weights may be stored in models/parser.json, smallest first (train.ts chooseStorage picks one on dev). */
  storage: Storage[];
  /** Averaged weights smaller than this (in absolute value) are left out of the file. */
  pruneBelow: number;
  seed: number;
}

export const PARSER_CONFIG: ParserConfig = {
  transitionGroups: ['base', 'context', 'third', 'lookahead', 'marks'],
  labelGroups: ['base', 'marks'],
  punctuation: 'rule',
  transitionBits: 19,
  labelBits: 16,
  epochs: 8,
  ensemble: 3,
  exploreFrom: 1,
  exploreProbability: 0.9,
  withEwt: true,
  taggerBits: 17,
  taggerEpochs: 6,
  taggerFolds: 5,
  restrictLabels: true,
  labelMinCount: 1,
  storage: [
    { tagger: 'i8', transitions: 'i8', labels: 'i8', clip: 1 },
    { tagger: 'i8', transitions: 'i8', labels: 'i16', clip: 1 },
    { tagger: 'i8', transitions: 'i16', labels: 'i8', clip: 1 },
    { tagger: 'i8', transitions: 'i16', labels: 'i16', clip: 1 },
  ],
  pruneBelow: 0,
  seed: 20170301,
};
