// The directed-stance model (models/stance-model.json) of src/analysis/passes/stance/pair-model.ts:
// a multinomial logistic regression over the pair features of pair-features.ts, trained by
// scripts/stance-model/train.ts on DSE's training sentences, with the decision offsets and the
// confidence threshold chosen there.
import path from 'node:path';
import { z } from 'zod';
import type { LinearModel } from '../ml/linear';
import { linearOf, readModelFile, settingsOf } from '../ml/model-file';

export const STANCE_MODEL_FILE = 'stance-model.json';
export const STANCE_LINEAR = 'pairs';
/** DSE's labels, in the order of the weight rows. */
export const STANCE_MODEL_CLASSES = [0, 1, 2, 3, 4] as const;
/** The factored model's two parts: the sign of the stance (neutral, positive, negative) and, when polar, its direction. */
export const SIGN_LINEAR = 'sign';
export const SIGN_CLASSES = ['neutral', 'positive', 'negative'] as const;
export const DIRECTION_LINEAR = 'direction';
export const DIRECTION_CLASSES = ['p→q', 'q→p'] as const;

/** One five-class model, or the sign and the direction apart (P(class) = P(sign) × P(direction)). */
export type StanceLinear = { joint: LinearModel } | { sign: LinearModel; direction: LinearModel };

export interface StanceModel {
  linear: StanceLinear;
  /** Added to each class's score before the best is taken. */
  offsets: number[];
  /** The model's decision: a polar class less probable than this is read as neutral (chosen with the offsets, for macro-F1). */
  threshold: number;
  /**
   * Precision first: a stance pair whose confidence (its most confident piece of evidence of the
   * score's sign) is under this is not reported as polar. Chosen on DSE's valid part through the
   * whole analysis, for F0.5 of the polar pairs (scripts/stance-model/train.ts).
   */
  minConfidence: number;
  /** Keep the rules' action and relation evidence for the pairs the model judges neutral. */
  keepActions: boolean;
  /**
   * The confidence of that kept evidence: how often a pair it alone makes polar is right, measured
   * out of fold on DSE's train part through the analysis (the rules' own constants, 0.45–0.7, say
   * nothing of it). 1 keeps the rules' constants.
   */
  keptConfidence: number;
  /**
   * The confidence of the kept CAMEO action evidence, by sign and strength (STATEMENT_STRENGTHS):
   * how often a pair the kept actions of that sign and strength alone make polar is right,
   * measured out of fold on DSE's train part through the analysis. A meeting (weak) is mostly
   * no stance DSE's readers see; shelling or restoring ties (strong) may be. 1 keeps the rules'
   * constants.
   */
  actionConfidence: BySignAndStrength;
  /**
   * The confidence of the rules' statement evidence the model did not judge (a speaker named in
   * another sentence than the words): how often the rules' statement evidence of each sign and
   * strength (|score| under 0.3, under 0.6, from 0.6: STATEMENT_STRENGTHS) names the stance DSE's
   * readers see, measured on DSE's train part (the speaker's confidence says who spoke, not
   * whether it is a stance). 1 keeps the speakers' confidences.
   */
  statementConfidence: BySignAndStrength;
}

/** A confidence for each sign of a rule's score and each strength bin of it (strengthBin). */
export interface BySignAndStrength {
  positive: number[];
  negative: number[];
}

/** The table's confidence for a score: its sign's row, its strength's bin. */
export const confidenceFor = (table: BySignAndStrength, score: number): number => (score > 0 ? table.positive : table.negative)[strengthBin(score)];

/** The upper bounds of |score| of the statement evidence's strength bins but the last. */
export const STATEMENT_STRENGTHS = [0.3, 0.6];
/** The bin of a score's strength (0 … STATEMENT_STRENGTHS.length). */
export const strengthBin = (score: number): number => STATEMENT_STRENGTHS.filter((b) => Math.abs(score) >= b).length;

const bins = z.array(z.number().min(0).max(1)).length(STATEMENT_STRENGTHS.length + 1);
const bySignAndStrengthSchema = z.object({ positive: bins, negative: bins });

export const stanceSettingsSchema = z.object({
  offsets: z.array(z.number()).length(STANCE_MODEL_CLASSES.length),
  threshold: z.number().min(0).max(1),
  minConfidence: z.number().min(0).max(1),
  keepActions: z.boolean(),
  keptConfidence: z.number().min(0).max(1),
  statementConfidence: bySignAndStrengthSchema,
  actionConfidence: bySignAndStrengthSchema,
});

/** Reads and checks models/stance-model.json (once, at start-up). */
export function loadStanceModel(modelsDir: string): StanceModel {
  const file = path.join(modelsDir, STANCE_MODEL_FILE);
  const loaded = readModelFile(file);
  const settings = settingsOf(file, loaded, stanceSettingsSchema);
  const linear: StanceLinear = loaded.linear[STANCE_LINEAR]
    ? { joint: linearOf(file, loaded, STANCE_LINEAR, STANCE_MODEL_CLASSES) }
    : { sign: linearOf(file, loaded, SIGN_LINEAR, SIGN_CLASSES), direction: linearOf(file, loaded, DIRECTION_LINEAR, DIRECTION_CLASSES) };
  return { linear, offsets: settings.offsets, threshold: settings.threshold, minConfidence: settings.minConfidence, keepActions: settings.keepActions, keptConfidence: settings.keptConfidence,
    actionConfidence: settings.actionConfidence, statementConfidence: settings.statementConfidence };
}

/** The same confidence for every sign and strength. */
export function uniformConfidence(confidence: number): BySignAndStrength {
  const row = () => new Array<number>(STATEMENT_STRENGTHS.length + 1).fill(confidence);
  return { positive: row(), negative: row() };
}
