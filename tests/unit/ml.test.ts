// src/ml: hashing, the linear models' file format, and the trainers every model shares.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { denseRows, featureIndex, hashString, hashedFeatures, mix } from '../../src/ml/hashing';
import { ScoringSink, argmax, bestOfCandidates, logits, namedLogits, scoreRows } from '../../src/ml/linear';
import { candidateScores, trainRanking } from '../../src/ml/logistic';
import { linearOf, readModelFile, writeModelFile } from '../../src/ml/model-file';
import { AveragedPerceptron } from '../../src/ml/perceptron';
import { mulberry32, shuffle } from '../../src/ml/random';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-'));

describe('hashing', () => {
  it('hashes names with FNV-1a and folds them into the table', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(featureIndex('a', 8)).toBe(0x2c);
  });

  it('mixes numbers in order', () => {
    expect(mix(mix(1, 2), 3)).not.toBe(mix(mix(1, 3), 2));
    expect(mix(7, 9)).toBe(mix(7, 9));
  });
});

describe('model files', () => {
  const weights = Float64Array.from({ length: 3 * 16 }, (_, i) => (i % 5 === 0 ? 0 : Math.sin(i) * 2));
  const model = { classes: 3, hashBits: 4, bias: Float64Array.of(0.5, -0.25, 0), weights, scale: 1 };
  const content = (encoding: 'f32' | 'i16' | 'i8') => ({ about: 'test', licence: 'none', training: {}, settings: { window: 3 }, linear: { m: { classes: ['a', 'b', 'c'], model, encoding } } });

  it('keeps float32 weights exactly and drops zeros', () => {
    const file = path.join(tmp, 'f32.json');
    writeModelFile(file, content('f32'));
    const loaded = readModelFile(file);
    expect(loaded.settings).toEqual({ window: 3 });
    const m = linearOf(file, loaded, 'm', ['a', 'b', 'c']);
    expect(Array.from(m.weights)).toEqual(Array.from(Float32Array.from(weights)));
    expect(Array.from(m.bias)).toEqual([0.5, -0.25, 0]);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).linear.m.weights.count).toBe(weights.filter((w) => w !== 0).length);
  });

  it.each([['i16', 1e-4], ['i8', 0.02]] as const)('quantises to %s within one step of the scale', (encoding, tolerance) => {
    const file = path.join(tmp, `${encoding}.json`);
    writeModelFile(file, content(encoding));
    const m = linearOf(file, readModelFile(file), 'm');
    expect(m.weights).toBeInstanceOf(encoding === 'i16' ? Int16Array : Int8Array);
    weights.forEach((w, i) => expect(Math.abs(m.weights[i] * m.scale - w)).toBeLessThan(tolerance));
    // Scores read the stored integers times the scale.
    const rows = Int32Array.of(1, 2);
    const out = new Float64Array(3);
    scoreRows(m, rows, 2, out);
    for (let c = 0; c < 3; c++) expect(out[c]).toBeCloseTo(model.bias[c] + weights[3 + c] + weights[6 + c], 1);
  });

  it('names the file and the fault of a bad one', () => {
    const file = path.join(tmp, 'bad.json');
    writeModelFile(file, content('i8'));
    const good = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...good, linear: { m: { ...good.linear.m, bias: [1] } } }));
    expect(() => readModelFile(file)).toThrow(/bad\.json[\s\S]*one number per class/);
    fs.writeFileSync(file, JSON.stringify({ ...good, linear: { m: { ...good.linear.m, weights: { ...good.linear.m.weights, count: 1000 } } } }));
    expect(() => readModelFile(file)).toThrow(/positions end after \d+ of 1000/);
    fs.writeFileSync(file, JSON.stringify({ ...good, format: 'other' }));
    expect(() => readModelFile(file)).toThrow(/format/);
    writeModelFile(file, content('i8'));
    expect(() => linearOf(file, readModelFile(file), 'absent')).toThrow(/no linear model "absent"/);
  });
});

describe('linear scores', () => {
  it('adds the bias and the weighted rows, by index or by name', () => {
    const model = { classes: 2, hashBits: 8, bias: Float64Array.of(1, 2), weights: new Float32Array(2 * 256), scale: 1 };
    const row = featureIndex('x', 8);
    model.weights[row * 2] = 3;
    model.weights[row * 2 + 1] = -1;
    expect(logits(model, { indices: [row], values: [2] })).toEqual([7, 0]);
    expect(namedLogits(model, new Map([['x', 2]]))).toEqual([7, 0]);
    expect(argmax([1, 3, 3])).toBe(1);
  });

  it('scores features as they are made, for models of different class counts at once, as namedLogits does each', () => {
    const three = { classes: 3, hashBits: 6, bias: Float64Array.of(0.5, 0, -0.5), weights: Float32Array.from({ length: 3 * 64 }, (_, i) => ((i * 7) % 11) - 5), scale: 0.25 };
    const two = { classes: 2, hashBits: 6, bias: Float64Array.of(1, -1), weights: Float32Array.from({ length: 2 * 64 }, (_, i) => ((i * 5) % 13) - 6), scale: 0.5 };
    const named = new Map<string, number>([['bias', 1], ['w:peace', 1], ['lex', -0.75], ['w:war', 2]]);
    const sink = new ScoringSink([three, two]);
    for (const [name, value] of named) sink.add(name, value);
    expect(sink.scores).toEqual([namedLogits(three, named), namedLogits(two, named)]);
  });

  it('scores and hashes a dense block as the named features it stands for', () => {
    const model = { classes: 3, hashBits: 6, bias: Float64Array.of(0.5, 0, -0.5), weights: Float32Array.from({ length: 3 * 64 }, (_, i) => ((i * 7) % 11) - 5), scale: 0.25 };
    const values = [0.5, 0, -2, 1.25];
    const asNames = new Map<string, number>([['bias', 1], ...values.flatMap((v, d): [string, number][] => (v ? [[`vS${d}`, v]] : []))]);
    const dense = Object.assign(new Map([['bias', 1]]), { dense: [{ prefix: 'vS', values }] });
    expect(namedLogits(model, dense)).toEqual(namedLogits(model, asNames));
    expect(hashedFeatures(dense, 6)).toEqual(hashedFeatures(asNames, 6));
    // The rows are the names' rows.
    expect(Array.from(denseRows('vS', 4, 6))).toEqual([0, 1, 2, 3].map((d) => featureIndex(`vS${d}`, 6)));
  });
});

describe('seeded randomness', () => {
  it('shuffles the same way for the same seed', () => {
    const a = shuffle([1, 2, 3, 4, 5, 6, 7, 8], mulberry32(1));
    expect(shuffle([1, 2, 3, 4, 5, 6, 7, 8], mulberry32(1))).toEqual(a);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('ranking', () => {
  it('learns to prefer the candidate with the telling feature, whichever position it holds', () => {
    const candidate = (telling: boolean, noise: number) => ({ indices: Int32Array.of(telling ? 1 : 2, 3 + noise), values: Float32Array.of(1, 1) });
    const examples = Array.from({ length: 40 }, (_, i) => {
      const right = i % 3;
      return { candidates: [0, 1, 2].map((j) => candidate(j === right, (i + j) % 4)), gold: [right] };
    });
    const model = trainRanking(examples, { hashBits: 3, epochs: 5, learningRate: 0.1, l2: 0, seed: 3 });
    for (const ex of examples) expect(argmax(candidateScores(model, ex.candidates))).toBe(ex.gold[0]);
  });
});

describe('the averaged perceptron', () => {
  it('learns a separable problem and averages its weights over time', () => {
    const p = new AveragedPerceptron(3, 4);
    const out = new Float64Array(3);
    for (let epoch = 0; epoch < 5; epoch++) {
      for (let i = 0; i < 30; i++) {
        const label = i % 3;
        const rows = Int32Array.of(label, 5 + (i % 4));
        p.scores(rows, 2, out);
        p.update(rows, 2, label, argmax(out));
      }
    }
    const averaged = p.averaged();
    for (let label = 0; label < 3; label++) {
      scoreRows(averaged, Int32Array.of(label, 9), 2, out);
      expect(argmax(out)).toBe(label);
      expect(bestOfCandidates(averaged, Int32Array.of(label), 1, Int32Array.of(label, (label + 1) % 3), out)).toBe(label);
    }
    // An update made at the very end counts little in the average.
    const late = new AveragedPerceptron(2, 1);
    for (let i = 0; i < 99; i++) late.tick();
    late.update(Int32Array.of(0), 1, 0, 1);
    // (made at step 100 of 101: its weight 1 counts for the last of them only)
    expect(late.averaged().weights[0]).toBeCloseTo(1 / 101, 10);
  });
});
