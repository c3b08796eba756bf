// The target-sentiment model: its features, its file, its scores and its training. Every
// sentence here is written for the test.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { recordFeatures } from '../../scripts/target-model/examples';
import { analyze } from '../../src/analysis';
import { polarityOf } from '../../src/analysis/passes/6-stance';
import { TARGET_CLASSES, classProbabilities, targetScore } from '../../src/analysis/passes/stance/target-model';
import { featureIndex } from '../../src/ml/hashing';
import { argmax, logits } from '../../src/ml/linear';
import { type SparseExample, trainLogistic } from '../../src/ml/logistic';
import { macroF1 } from '../../src/ml/metrics';
import { DEFAULT_MODELS_DIR, loadModels } from '../../src/models';
import { TARGET_MODEL_FILE, loadTargetModel } from '../../src/models/target-model';

const models = loadModels();

/** The features of `target` (its first occurrence) in `text`. */
function featuresOf(text: string, target: string): Map<string, number> {
  const start = text.indexOf(target);
  const features = recordFeatures({ text, targetStart: start, targetEnd: start + target.length }, models);
  if (!features) throw new Error(`no mention for ${target}`);
  return features;
}

/** The analysis's sentiment toward `target` (its first occurrence) in `text`. */
function toward(text: string, target: string): { polarity: number; score: number } {
  const start = text.indexOf(target);
  const entity = analyze({ text, publishedAt: '2020-01-01', entities: [{ start, end: start + target.length }] }, models).entities?.[0];
  if (!entity) throw new Error('no entity row');
  return entity;
}

describe('target features', () => {
  it('places words by side and distance, with names reduced to a class', () => {
    const f = featuresOf('The senator praised Gondor for its courage.', 'Gondor');
    expect(f.get('L1:praise')).toBe(1);
    expect(f.get('L3:senator')).toBe(1);
    expect(f.get('R1:for')).toBe(1);
    expect(f.get('R3:courage')).toBe(1);
    expect(f.has('S:gondor')).toBe(false); // the target's own words are not features
    const named = featuresOf('Senator Alvarez thanked Gondor warmly.', 'Gondor');
    expect(named.get('S:#name')).toBeGreaterThanOrEqual(1);
    expect(named.has('S:alvarez')).toBe(false);
  });

  it('reads the verb the target is the object of, with its CAMEO and cue polarity', () => {
    const f = featuresOf('The senator praised Gondor for its courage.', 'Gondor');
    expect(f.get('object-verb:praise')).toBe(1);
    expect(f.get('object-cameo')).toBeGreaterThan(0);
    expect(f.get('object-cue:support')).toBe(1);
    expect(f.get('lex-left')).toBeGreaterThan(0);
  });

  it('reads the verb the target is the subject of, passive voice and negation', () => {
    const active = featuresOf('Gondor condemned the brutal attack on its villages.', 'Gondor');
    expect(active.get('subject-verb:condemn')).toBe(1);
    expect(active.get('subject-cameo')).toBeLessThan(0);
    expect(active.get('target-first')).toBe(1);
    const passive = featuresOf('Mayor Okafor was arrested on Friday.', 'Mayor Okafor');
    expect(passive.get('subject-passive-verb:arrest')).toBe(1);
    const negated = featuresOf('Rohan did not support the treaty.', 'Rohan');
    expect(negated.get('subject-verb-negated')).toBe(1);
    expect(negated.get('subject-cameo')).toBeLessThan(0);
  });

  it('reads a possessive target and the verb of what it possesses', () => {
    const f = featuresOf("Gondor's army attacked the rebels.", 'Gondor');
    expect(f.get('possessive')).toBe(1);
    expect(f.get('possesses:army')).toBe(1);
    expect(f.get('owner-subject-verb:attack')).toBe(1);
  });

  it('knows when the target speaks, and the words inside quotation marks', () => {
    const f = featuresOf('“We will never surrender,” Aragorn said.', 'Aragorn');
    expect(f.get('speaks:direct')).toBe(1);
    expect(f.get('speaks-cue:report')).toBe(1);
    expect(f.get('Q:surrender')).toBe(1);
    expect(f.has('Q:say')).toBe(false);
    const inside = featuresOf('Aragorn said that Rohan would send riders.', 'Rohan');
    expect(inside.get('inside:indirect')).toBe(1);
  });

  it('measures lexicon sentiment on each side and keeps the rules’ score', () => {
    const f = featuresOf('Mayor Okafor was arrested on corruption charges and faces years in prison.', 'Mayor Okafor');
    expect(f.get('lex-right')).toBeLessThan(0);
    expect(f.has('lex-left')).toBe(false); // nothing to its left
    expect(f.get('rule')).toBeLessThan(0);
    expect(f.get('rule-sign:-1')).toBe(1);
  });
});

describe('the model file', () => {
  it('loads and holds weights for the features', () => {
    const model = loadTargetModel(DEFAULT_MODELS_DIR);
    expect(model.weights.length).toBe(3 << model.hashBits);
    expect(model.bias).toHaveLength(3);
    const lexiconWeight = model.weights.subarray(featureIndex('lex-clause', model.hashBits) * 3).slice(0, 3);
    // More negative words in the target's clause: less positive, more negative.
    expect(lexiconWeight[2]).toBeGreaterThan(lexiconWeight[0]);
  });

  it('refuses a file whose weights do not match its positions or table', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'target-model-'));
    const good = JSON.parse(fs.readFileSync(path.join(DEFAULT_MODELS_DIR, TARGET_MODEL_FILE), 'utf8'));
    const withWeights = (change: object) => ({ ...good, linear: { target: { ...good.linear.target, weights: { ...good.linear.target.weights, ...change } } } });
    const values = Buffer.from(good.linear.target.weights.values, 'base64');
    fs.writeFileSync(path.join(dir, TARGET_MODEL_FILE), JSON.stringify(withWeights({ values: values.subarray(4).toString('base64') })));
    expect(() => loadTargetModel(dir)).toThrow(/bytes of values/);
    fs.writeFileSync(path.join(dir, TARGET_MODEL_FILE), JSON.stringify({ ...good, linear: { target: { ...good.linear.target, hashBits: 4 } } }));
    expect(() => loadTargetModel(dir)).toThrow(/outside the 3 × 2\^4 table/);
    fs.writeFileSync(path.join(dir, TARGET_MODEL_FILE), JSON.stringify({ ...good, linear: { target: { ...good.linear.target, classes: [0, 1, 2] } } }));
    expect(() => loadTargetModel(dir)).toThrow(/expected \[-1,0,1\]/);
  });
});

describe('sentiment toward a target', () => {
  it('is negative toward someone accused and condemned', () => {
    expect(toward('Critics accused Senator Dunmore of lying to voters and called his plan a disgrace.', 'Senator Dunmore').polarity).toBe(-1);
    expect(toward('Mayor Okafor was arrested on corruption charges and faces years in prison.', 'Mayor Okafor').polarity).toBe(-1);
  });

  it('is positive toward someone praised', () => {
    expect(toward('Supporters praised Governor Ellery for her brave and honest leadership.', 'Governor Ellery').polarity).toBe(1);
  });

  it('is neutral toward someone in a plain report', () => {
    expect(toward('Governor Ellery will travel to Ohio on Tuesday, her office said.', 'Governor Ellery').polarity).toBe(0);
    expect(toward('The committee will meet Mayor Okafor on Thursday to discuss the budget.', 'Mayor Okafor').polarity).toBe(0);
  });

  it('gives a score whose polarity is the most probable class', () => {
    const model = models.targetModel;
    const sentences: [string, string][] = [
      ['The senator praised Gondor for its courage.', 'Gondor'],
      ['Gondor condemned the brutal attack on its villages.', 'Gondor'],
      ['Aragorn said that Rohan would send riders.', 'Rohan'],
      ['“We will never surrender,” Aragorn said.', 'Aragorn'],
    ];
    for (const [text, target] of sentences) {
      const f = featuresOf(text, target);
      const score = targetScore(model, f);
      expect(Math.abs(score)).toBeLessThanOrEqual(1);
      expect(polarityOf(score)).toBe(TARGET_CLASSES[argmax(classProbabilities(model, f))]);
    }
  });
});

describe('training', () => {
  // Three classes, each told by its own feature, with a shared noise feature.
  const example = (label: number, noise: number): SparseExample => ({ indices: Int32Array.of(label, 3), values: Float32Array.of(1, noise), label });
  const data = Array.from({ length: 60 }, (_, i) => example(i % 3, (i % 7) / 7));
  const options = { classes: 3, dim: 4, epochs: 5, learningRate: 0.1, l2: 1e-3, classWeights: [1, 1, 1], seed: 7 };

  it('is deterministic for a seed', () => {
    const a = trainLogistic(data, options);
    const b = trainLogistic(data, options);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
    const c = trainLogistic(data, { ...options, seed: 8 });
    expect(Array.from(c.weights)).not.toEqual(Array.from(a.weights));
  });

  it('learns a separable problem', () => {
    const model = trainLogistic(data, options);
    const predicted = data.map((e) => argmax(logits(model, e)));
    expect(macroF1(data.map((e) => e.label), predicted, 3)).toBe(1);
  });

  it('scores macro-F1 as the mean of per-class F1', () => {
    // Class 0: P 1/2, R 1 → 2/3; class 1: 0; class 2: P 1, R 1 → 1.
    expect(macroF1([0, 1, 2], [0, 0, 2], 3)).toBeCloseTo((2 / 3 + 0 + 1) / 3, 10);
  });
});
