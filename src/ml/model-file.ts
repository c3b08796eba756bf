// The file every learned model is kept in (models/*.json): what it is, its licence and how it
// was trained, the settings its features need at run time, and one or more linear models. Each
// linear model keeps only its non-zero weights, as the gaps between their positions (row ×
// classes + class, LEB128 in base64) and their values (float32, or int16 / int8 with one scale
// for the whole table, base64). Loading checks the file with zod and spreads the weights into
// one dense typed array per model (of the stored type) for constant-time lookups.
import fs from 'node:fs';
import { z } from 'zod';
import type { LinearModel } from './linear';

export const MODEL_FORMAT = 'stance-model/1';

export type WeightEncoding = 'f32' | 'i16' | 'i8';
const BYTES: Record<WeightEncoding, number> = { f32: 4, i16: 2, i8: 1 };
const LARGEST: Record<WeightEncoding, number> = { f32: 1, i16: 32767, i8: 127 };

const linearFileSchema = z
  .object({
    /** Class names in weight order. */
    classes: z.array(z.union([z.string(), z.number()])).min(1),
    hashBits: z.number().int().min(0).max(26),
    bias: z.array(z.number()),
    weights: z.object({
      encoding: z.enum(['f32', 'i16', 'i8']),
      /** A stored value times scale is the weight (1 for f32). */
      scale: z.number().positive(),
      count: z.number().int().nonnegative(),
      positions: z.string(),
      values: z.string(),
    }),
  })
  .refine((m) => m.bias.length === m.classes.length, 'bias must hold one number per class')
  .transform((m, ctx) => {
    try {
      return { classes: m.classes, model: decodeWeights(m) };
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  });

export const modelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  about: z.string(),
  licence: z.string(),
  training: z.record(z.string(), z.unknown()),
  /** What the component's features need at run time; each component checks its own. */
  settings: z.record(z.string(), z.unknown()),
  linear: z.record(z.string(), linearFileSchema),
});

export interface LoadedModelFile {
  about: string;
  training: Record<string, unknown>;
  settings: Record<string, unknown>;
  linear: Record<string, { classes: (string | number)[]; model: LinearModel }>;
}

/** Reads and checks a model file; the error names the file and what is wrong. */
export function readModelFile(file: string): LoadedModelFile {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  const parsed = modelFileSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A component's settings, checked by its own schema. */
export function settingsOf<T>(file: string, loaded: LoadedModelFile, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(loaded.settings);
  if (!parsed.success) throw new Error(`${file}: settings: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** One linear model of a loaded file, with the class names it must have. */
export function linearOf(file: string, loaded: LoadedModelFile, name: string, classes?: readonly (string | number)[]): LinearModel {
  const linear = loaded.linear[name];
  if (!linear) throw new Error(`${file}: no linear model "${name}"`);
  if (classes && (linear.classes.length !== classes.length || linear.classes.some((c, i) => c !== classes[i]))) {
    throw new Error(`${file}: model "${name}" has classes ${JSON.stringify(linear.classes)}, expected ${JSON.stringify(classes)}`);
  }
  return linear.model;
}

export interface ModelFileContent {
  about: string;
  licence: string;
  training: Record<string, unknown>;
  settings: Record<string, unknown>;
  /** `clip`: the quantile of weight magnitudes an integer encoding's largest value stands for (1: the largest weight). */
  linear: Record<string, { classes: readonly (string | number)[]; model: LinearModel; encoding: WeightEncoding; clip?: number }>;
}

/** Writes a model file (only the non-zero weights) and returns its size in bytes. */
export function writeModelFile(file: string, content: ModelFileContent): number {
  const linear: Record<string, z.input<typeof linearFileSchema>> = {};
  for (const [name, { classes, model, encoding, clip }] of Object.entries(content.linear)) {
    const weights = model.scale === 1 ? model.weights : Array.from(model.weights, (w) => w * model.scale);
    linear[name] = { classes: [...classes], hashBits: model.hashBits, bias: Array.from(model.bias), weights: encodeWeights(weights, encoding, clip) };
  }
  const text = `${JSON.stringify({ format: MODEL_FORMAT, about: content.about, licence: content.licence, training: content.training, settings: content.settings, linear })}\n`;
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

/**
 * The weights as a file stores them: non-zero positions and values, quantised to `encoding`.
 * Integer encodings map ± the `clip` quantile of the non-zero magnitudes to ± the largest
 * integer (larger weights saturate): a few huge weights must not coarsen the step of all others.
 */
export function encodeWeights(weights: ArrayLike<number>, encoding: WeightEncoding, clip = 1): z.input<typeof linearFileSchema>['weights'] {
  const magnitudes: number[] = [];
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) magnitudes.push(Math.abs(weights[i]));
  magnitudes.sort((a, b) => a - b);
  const largest = magnitudes.length ? magnitudes[Math.min(magnitudes.length - 1, Math.floor(clip * magnitudes.length))] : 0;
  const scale = encoding === 'f32' || largest === 0 ? 1 : largest / LARGEST[encoding];
  const top = LARGEST[encoding];
  const positions: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    const stored = encoding === 'f32' ? Math.fround(weights[i]) : Math.max(-top, Math.min(top, Math.round(weights[i] / scale)));
    if (stored === 0) continue;
    positions.push(i);
    values.push(stored);
  }
  const bytes = Buffer.alloc(values.length * BYTES[encoding]);
  values.forEach((v, n) => {
    if (encoding === 'f32') bytes.writeFloatLE(v, n * 4);
    else if (encoding === 'i16') bytes.writeInt16LE(v, n * 2);
    else bytes.writeInt8(v, n);
  });
  return { encoding, scale, count: values.length, positions: encodeGaps(positions).toString('base64'), values: bytes.toString('base64') };
}

/** The model as a file of this encoding stores it and loading gives it back (for choosing `clip` without writing). */
export function quantised(model: LinearModel, encoding: WeightEncoding, clip = 1): LinearModel {
  const weights = model.scale === 1 ? model.weights : Array.from(model.weights, (w) => w * model.scale);
  return decodeWeights({ classes: new Array(model.classes), hashBits: model.hashBits, bias: Array.from(model.bias), weights: encodeWeights(weights, encoding, clip) });
}

function decodeWeights(m: { classes: unknown[]; hashBits: number; bias: number[]; weights: { encoding: WeightEncoding; scale: number; count: number; positions: string; values: string } }): LinearModel {
  const classes = m.classes.length;
  const size = classes * 2 ** m.hashBits;
  const w = m.weights;
  const positions = decodeGaps(Buffer.from(w.positions, 'base64'), w.count);
  const bytes = Buffer.from(w.values, 'base64');
  if (bytes.length !== w.count * BYTES[w.encoding]) throw new Error(`weights: ${bytes.length} bytes of values for ${w.count} ${w.encoding} weights`);
  const weights = w.encoding === 'f32' ? new Float32Array(size) : w.encoding === 'i16' ? new Int16Array(size) : new Int8Array(size);
  for (let n = 0; n < w.count; n++) {
    const at = positions[n];
    if (at >= size) throw new Error(`weights: position ${at} lies outside the ${classes} × 2^${m.hashBits} table`);
    weights[at] = w.encoding === 'f32' ? bytes.readFloatLE(n * 4) : w.encoding === 'i16' ? bytes.readInt16LE(n * 2) : bytes.readInt8(n);
  }
  return { classes, hashBits: m.hashBits, bias: Float64Array.from(m.bias), weights, scale: w.encoding === 'f32' ? 1 : w.scale };
}

/** Ascending positions as the LEB128 varints of their gaps. */
function encodeGaps(positions: number[]): Buffer {
  const out: number[] = [];
  let previous = -1;
  for (const p of positions) {
    let gap = p - previous - 1;
    previous = p;
    while (gap >= 128) {
      out.push((gap % 128) | 128);
      gap = Math.floor(gap / 128);
    }
    out.push(gap);
  }
  return Buffer.from(out);
}

function decodeGaps(bytes: Buffer, count: number): Float64Array {
  const positions = new Float64Array(count);
  let previous = -1, k = 0;
  for (let n = 0; n < count; n++) {
    let gap = 0, factor = 1, b: number;
    do {
      if (k >= bytes.length) throw new Error(`weights: positions end after ${n} of ${count}`);
      b = bytes[k++];
      gap += (b & 127) * factor;
      factor *= 128;
    } while (b & 128);
    previous += gap + 1;
    positions[n] = previous;
  }
  if (k !== bytes.length) throw new Error(`weights: ${bytes.length - k} bytes of positions left over after ${count}`);
  return positions;
}
