// The directed-stance model: its pair features, its decisions through the whole analysis, its
// file and its training. Every sentence here is written for the test.
import { recordFeatures } from '../../scripts/stance-model/examples';
import { fitStanceModel } from '../../scripts/stance-model/train';
import { STANCE_MODEL_CONFIG } from '../../scripts/stance-model/config';
import { analyze } from '../../src/analysis';
import type { Analysis } from '../../src/analysis/types';
import { NEUTRAL, decideFromScores, decisionScore, pairsOf } from '../../src/analysis/passes/stance/pair-model';
import { hashedFeatures } from '../../src/ml/hashing';
import { DEFAULT_MODELS_DIR, loadModels } from '../../src/models';
import { loadStanceModel } from '../../src/models/stance-model';
import type { Mention } from '../../src/analysis/types';

const models = loadModels();

/** The features of the pair `a`, `b` (first occurrences, in text order) of `text`. */
function featuresOf(text: string, a: string, b: string): Map<string, number> {
  const s1 = text.indexOf(a), s2 = text.indexOf(b);
  const example = recordFeatures({ text, entity1: { start: s1, end: s1 + a.length }, entity2: { start: s2, end: s2 + b.length } }, models);
  if (!example) throw new Error(`no pair for ${a}, ${b}`);
  return example.features;
}

const run = (text: string): Analysis => analyze({ text, publishedAt: '2020-01-01' }, models);
const pair = (a: Analysis, source: string, target: string) => a.stances.find((s) => s.source === source && s.target === target);

describe('pair features', () => {
  it('reads the verb p is the subject of and q the object of, with its CAMEO polarity', () => {
    const f = featuresOf('Norland condemned Vestria on Monday.', 'Norland', 'Vestria');
    expect(f.get('pvq-verb:condemn')).toBe(1);
    expect(f.get('pvq-cameo')).toBeLessThan(0);
    expect(f.get('B:condemn')).toBe(1);
    expect(f.get('holder:p')).toBe(1);
    expect(f.get('gap:1')).toBe(1);
    expect(f.get('R1:on')).toBe(1);
  });

  it('reads the agent of a passive as the holder', () => {
    const f = featuresOf('Vestria was condemned by Norland on Monday.', 'Vestria', 'Norland');
    expect(f.get('B-passive-by')).toBe(1);
    expect(f.get('q-agent')).toBe(1);
    expect(f.get('holder:q')).toBe(1);
    expect(f.has('holder:p')).toBe(false);
  });

  it('knows who speaks of whom, and the rules\' evidence', () => {
    const f = featuresOf('Norland accused Vestria of lying about the dam.', 'Norland', 'Vestria');
    expect([...f.keys()].some((k) => k.startsWith('st-pq'))).toBe(true);
    expect(f.get('rule-pq-statement')).toBeLessThan(0);
    const g = featuresOf('“Vestria cannot be trusted,” Norland said.', 'Vestria', 'Norland');
    expect(g.get('st-qp:direct')).toBe(1);
    expect(g.get('holder:q')).toBe(1);
  });

  it('marks other actors between the two as one class', () => {
    const f = featuresOf('Norland thanked France and Vestria for the aid.', 'Norland', 'Vestria');
    expect(f.get('B:#actor')).toBe(1);
    expect(f.get('others:1')).toBe(1);
    expect(f.get('tgt-q-pos')).toBeGreaterThan(0);
  });
});

describe('pairs and decisions', () => {
  const m = (first: number, actorId: string) => ({ first, last: first + 1, actorId }) as Mention;

  it('pairs mentions of different actors, nearest first, each two actors once', () => {
    const pairs = pairsOf([m(0, 'A'), m(2, 'B'), m(4, 'A'), m(6, 'C')]).map(([p, q]) => `${p.actorId}${p.first}-${q.actorId}${q.first}`);
    expect(pairs).toEqual(['A0-B2', 'A4-C6', 'B2-C6']);
  });

  it('reads a polar class under the threshold as neutral, and scores a polar one outside the neutral band', () => {
    const z = [0, 0.2, -1, -1, -1];
    const offsets = [0, 0, 0, 0, 0];
    expect(decideFromScores(z, offsets, 0.9).label).toBe(NEUTRAL);
    const d = decideFromScores(z, offsets, 0.2);
    expect(d.label).toBe(1);
    expect(decisionScore(d)).toBeGreaterThan(0.1);
    expect(decideFromScores(z, [0, -1, 0, 0, 0], 0).label).toBe(NEUTRAL);
  });
});

describe('the model through the analysis', () => {
  it('X condemned Y: X negative toward Y, not Y toward X', () => {
    const a = run('France condemned Germany for the border closures.');
    const s = pair(a, 'FRA', 'DEU');
    expect(s?.polarity).toBe(-1);
    expect(s!.confidence).toBeGreaterThanOrEqual(models.stanceModel!.minConfidence);
    expect(pair(a, 'DEU', 'FRA')?.polarity ?? 0).toBe(0);
  });

  it('X praised Y: positive', () => {
    expect(pair(run('France praised Germany for its generous help.'), 'FRA', 'DEU')?.polarity).toBe(1);
  });

  it('Y was criticised by X: the stance is X\'s', () => {
    const a = run('Germany was sharply criticised by France over the border closures.');
    expect(pair(a, 'FRA', 'DEU')?.polarity).toBe(-1);
    expect(pair(a, 'DEU', 'FRA')?.polarity ?? 0).toBe(0);
  });

  it('a quote attacking the actor it names is its speaker\'s stance (polar only when the model is confident enough)', () => {
    const a = run('“Germany has betrayed its partners,” the French president said.');
    const s = pair(a, 'FRAGOV', 'DEU') ?? pair(a, 'FRA', 'DEU');
    expect(s?.score).toBeLessThan(0);
    expect(s!.polarity).toBe(s!.confidence! >= models.stanceModel!.minConfidence ? -1 : 0);
    expect(pair(a, 'DEU', 'FRAGOV')?.polarity ?? 0).toBe(0);
  });

  it('every stance pair carries a confidence in [0, 1]', () => {
    const a = run('France condemned Germany. Italy welcomed the talks with Spain, officials said.');
    expect(a.stances.length).toBeGreaterThan(0);
    for (const s of a.stances) {
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('the model file and its training', () => {
  it('loads with its settings', () => {
    const m = loadStanceModel(DEFAULT_MODELS_DIR);
    if ('joint' in m.linear) expect(m.linear.joint.classes).toBe(5);
    else expect([m.linear.sign.classes, m.linear.direction.classes]).toEqual([3, 2]);
    expect(m.offsets).toHaveLength(5);
    expect(m.threshold).toBeGreaterThanOrEqual(0);
  });

  it('trains deterministically (fixed seed)', () => {
    const sentences: [string, string, string, number][] = [
      ['Norland condemned Vestria on Monday.', 'Norland', 'Vestria', 3],
      ['Norland praised Vestria on Monday.', 'Norland', 'Vestria', 1],
      ['Norland and Vestria met on Monday.', 'Norland', 'Vestria', 0],
      ['Vestria was condemned by Norland.', 'Vestria', 'Norland', 4],
      ['Vestria was praised by Norland.', 'Vestria', 'Norland', 2],
    ];
    const items = sentences.map(([text, a, b, label]) => {
      const s1 = text.indexOf(a), s2 = text.indexOf(b);
      const record = { id: text, text, split: 'train' as const, entity1: { start: s1, end: s1 + a.length }, entity2: { start: s2, end: s2 + b.length }, dseLabel: label };
      const example = recordFeatures(record, models);
      return { record, example, sparse: example ? { ...hashedFeatures(example.features, 12), label } : null };
    });
    const config = { ...STANCE_MODEL_CONFIG, hashBits: 12 };
    const weights = (l: ReturnType<typeof fitStanceModel>) => ('joint' in l ? [l.joint] : [l.sign, l.direction]).flatMap((m) => Array.from(m.weights));
    const one = weights(fitStanceModel(items, config)), two = weights(fitStanceModel(items, config));
    expect(one).toEqual(two);
    expect(one.some((w) => w !== 0)).toBe(true);
  });
});
