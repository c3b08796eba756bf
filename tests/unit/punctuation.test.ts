// Punctuation attached by UD's rule to the tree of the other words, the parser's feature
// templates, and the fast paths of the word keys and shapes the models read.
import { compile, featureSet, letterShape, split, wordKey } from '../../src/analysis/syntax/features';
import { parseWords } from '../../src/analysis/syntax/parser';
import { attachPunctuation } from '../../src/analysis/syntax/punctuation';
import { DEFAULT_MODELS_DIR } from '../../src/models';
import { loadParserModel } from '../../src/models/parser';
import { mulberry32 } from '../../src/ml/random';

/** Heads of "word/head" items (1-based heads, 0 the root, '_' for a mark the rule attaches). */
function attach(sentence: string): string[] {
  const items = sentence.split(' ').map((t) => t.split('/'));
  const forms = items.map(([f]) => f);
  const heads = Int32Array.from([-1, ...items.map(([, h]) => (h === '_' ? -1 : Number(h)))]);
  const marks = Uint8Array.from([0, ...items.map(([, h]) => (h === '_' ? 1 : 0))]);
  attachPunctuation(heads, marks, forms);
  return items.map(([f], i) => `${f}>${heads[i + 1] === 0 ? 'ROOT' : forms[heads[i + 1] - 1]}`);
}

describe('punctuation by rule', () => {
  it('hangs a comma between conjuncts from the conjunct after it', () => {
    expect(attach('Apples/6 ,/_ oranges/1 and/5 pears/1 fell/0 ./_')).toEqual(['Apples>fell', ',>oranges', 'oranges>Apples', 'and>pears', 'pears>Apples', 'fell>ROOT', '.>fell']);
  });

  it('hangs the comma after a fronted clause from that clause, the full stop from the root', () => {
    const out = attach('When/3 he/3 came/6 ,/_ she/6 left/0 ./_');
    expect(out).toContain(',>came');
    expect(out).toContain('.>left');
  });

  it('hangs a pair of quotes from the head of what they enclose', () => {
    const out = attach('He/2 said/0 "/_ we/5 won/2 "/_ ./_');
    expect(out.filter((x) => x.startsWith('"'))).toEqual(['">won', '">won']);
    expect(out).toContain('.>said');
  });

  it('makes a tree of a sentence of marks only', () => {
    expect(attach('!/_ ?/_')).toEqual(['!>ROOT', '?>!']);
  });
});

describe('the parser with marks left to the rule', () => {
  const model = loadParserModel(DEFAULT_MODELS_DIR);
  it('gives every mark the relation punct, and every sentence one root and no cycle', () => {
    const random = mulberry32(7);
    const vocabulary = [['the', 'DET'], ['minister', 'NOUN'], ['said', 'VERB'], [',', 'PUNCT'], ['"', 'PUNCT'], ['.', 'PUNCT'], ['and', 'CCONJ'], ['Iran', 'PROPN'], ['(', 'PUNCT'], [')', 'PUNCT'], ['would', 'AUX'], ['talks', 'NOUN']];
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(random() * 25);
      const words = Array.from({ length: n }, () => {
        const [value, pos] = vocabulary[Math.floor(random() * vocabulary.length)];
        return { value, pos, lemma: value };
      });
      const p = parseWords(model, words);
      expect(p.heads.filter((h) => h === 0)).toHaveLength(1);
      p.heads.forEach((_, w) => {
        let a = w + 1, steps = 0;
        while (a !== 0 && steps++ <= n) a = p.heads[a - 1];
        expect(a).toBe(0);
        if (model.tagger.uposNames[p.tags.upos[w]] === 'PUNCT') expect(model.relations[p.labels[w]]).toBe('punct');
      });
    }
  });
});

describe('feature templates', () => {
  it('refuses an unknown atom or group, and a template named twice', () => {
    expect(() => featureSet(['base', 'nonesuch'], ['base'])).toThrow(/nonesuch/);
    expect(() => compile(['g'], { g: split('s0.w; s9.p') }, ['s0'], [], 1)).toThrow(/s9\.p/);
    expect(() => compile(['g'], { g: split('s0.w; s0.w') }, ['s0'], [], 1)).toThrow(/twice/);
  });

  it('seeds a template by its own text: the same template hashes alike in any set', () => {
    const a = compile(['g'], { g: split('s0.w; s0.p') }, ['s0'], [], 1);
    const b = compile(['g'], { g: split('s0.p') }, ['s0'], [], 1);
    expect(b.seeds[0]).toBe(a.seeds[1]);
  });
});

describe('word keys and shapes', () => {
  // The plain versions the fast paths must agree with.
  const slowKey = (v: string) => v.toLowerCase().replace(/[\u2019\u2018]/g, "'").replace(/\d/g, '0');
  const slowShape = (v: string, max: number) => {
    let shape = '', last = '';
    for (const ch of v.slice(0, max)) {
      const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
      if (c !== last) shape += c;
      last = c;
    }
    return shape;
  };
  it('agree with the plain versions on any string', () => {
    const random = mulberry32(11);
    const alphabet = 'aZz09-.’‘\'ÉéßİıΣσ١٢😀 Ab';
    for (let k = 0; k < 3000; k++) {
      const chars = Array.from(alphabet);
      const v = Array.from({ length: Math.floor(random() * 14) }, () => chars[Math.floor(random() * chars.length)]).join('');
      expect(wordKey(v)).toBe(slowKey(v));
      expect(letterShape(v, 12)).toBe(slowShape(v, 12));
    }
    expect(wordKey('Iran’s 1979')).toBe("iran's 0000");
    expect(letterShape('al-Assad', 12)).toBe('x-Xx');
  });
});
