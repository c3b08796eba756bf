// Directed stance through the whole analysis, one rule at a time, on sentences written for
// the test (invented countries where the dictionary should not help).
import { analyze } from '../../src/analysis';
import { loadModels } from '../../src/models';
import type { Analysis } from '../../src/analysis/types';
import { tokenise } from '../../src/analysis/passes/2-tokens';
import { LocalSentiment } from '../../src/analysis/passes/stance/lexical';
import { AUTHOR } from '../../src/analysis/passes/6-stance';
import { describeWithSharedText, EXAMPLE_ARTICLE } from '../setup/shared';
import { recordFeatures } from '../../scripts/stance-model/examples';

const models = loadModels();
const run = (text: string, publishedAt = '2019-03-01'): Analysis => analyze({ text, publishedAt }, models);

/** The stance score from the actor whose id starts with `source` toward the one starting with `target`. */
function stance(a: Analysis, source: string, target: string): number | undefined {
  const rows = a.stances.filter((s) => s.source.startsWith(source) && s.target.startsWith(target));
  if (!rows.length) return undefined;
  return rows.reduce((sum, s) => sum + s.score, 0) / rows.length;
}

describe('statements', () => {
  it('a criticism cue makes the speaker negative toward what it names', () => {
    expect(stance(run('Norland condemned the blockade imposed by Vestria.'), 'name:norland', 'name:vestria')).toBeLessThan(0);
  });

  it('a praise cue makes the speaker positive', () => {
    expect(stance(run('France praised Germany for its handling of the crisis.'), 'FRA', 'DEU')).toBeGreaterThan(0);
  });

  it('the body a speaker phrase ties the speaker to speaks too', () => {
    const a = run('Lena Okafor, a senior fellow at the Brookings Institution, condemned Vestria for the blockade.');
    expect(a.quotes[0]?.speaker?.text).toBe('Lena Okafor');
    expect(stance(a, 'name:brookings', 'name:vestria')).toBeLessThan(0);
    // The phrase of the statement's own content is no affiliation.
    expect(stance(run('Lena Okafor condemned Vestria for the blockade.'), 'name:vestria', 'name:lena')).toBeUndefined();
  });

  it('the words of a quote count toward the actors it names, negation included', () => {
    const a = run('“Russia will not protect you, and it never has,” the Ukrainian president told reporters.');
    expect(stance(a, 'UKR', 'RUS')).toBeLessThan(0);
  });
});

describe('actions', () => {
  it('the subject of a cooperative verb supports its object', () => {
    expect(stance(run('Tehran has supported Damascus with billions of dollars of aid.'), 'IRN', 'SYR')).toBeGreaterThan(0);
  });

  it('reaches the subject through an infinitive and the object through its complement', () => {
    expect(stance(run('Arnor is about to restore full diplomatic ties with Gondor.'), 'name:arnor', 'name:gondor')).toBeGreaterThan(0);
  });

  it('a passive gives the stance to the by-agent', () => {
    const a = run('Kosovo was attacked by Serbian troops on Monday.');
    expect(stance(a, 'SRB', 'KSV')).toBeLessThan(0);
    expect(stance(a, 'KSV', 'SRB')).toBeUndefined();
  });

  it('each of coordinated subjects acts', () => {
    const a = run('Eldoria, Norland and Vestria welcomed the agreement with Ostmark.');
    for (const s of ['name:eldoria', 'name:norland', 'name:vestria']) expect(stance(a, s, 'name:ostmark')).toBeGreaterThan(0);
  });

  it('negation flips the verb', () => {
    expect(stance(run('Norland did not support Vestria in the dispute.'), 'name:norland', 'name:vestria')).toBeLessThan(0);
  });
});

describe('relations', () => {
  it('X-backed Y is X supporting Y', () => {
    expect(stance(run('Turkish-backed rebels advanced on the town.'), 'TUR', '')).toBeGreaterThan(0);
  });

  it("X's ally Y goes both ways", () => {
    const a = run("Russia's ally Belarus held exercises near the border.");
    expect(stance(a, 'RUS', 'BLR')).toBeGreaterThan(0);
    expect(stance(a, 'BLR', 'RUS')).toBeGreaterThan(0);
  });
});

describe('the author', () => {
  it('is a source for unattributed text', () => {
    expect(stance(run('The brutal regime of Vestria massacred peaceful protesters.'), AUTHOR, 'name:vestria')).toBeLessThan(0);
  });

  it('does not own the words it quotes', () => {
    const plain = stance(run('Norland described the Vestrian leaders as corrupt criminals.'), AUTHOR, 'name:vestria');
    const quoted = stance(run('Norland described the Vestrian leaders as “corrupt criminals”.'), AUTHOR, 'name:vestria');
    expect(quoted ?? 0).toBeGreaterThan(plain ?? 0);
  });
});

describe('caller entities', () => {
  it('get the sentiment expressed toward them by anyone', () => {
    const text = 'Critics lambasted Vestria for its disastrous and cruel policies.';
    const a = analyze({ text, entities: [{ start: text.indexOf('Vestria'), end: text.indexOf('Vestria') + 7 }] }, models);
    expect(a.entities?.[0].polarity).toBe(-1);
  });
});

describeWithSharedText(EXAMPLE_ARTICLE, 'the example article', (text) => {
  const a = run(text, '2019-02-25');

  it.each([
    ['Iran → United States', 'IRN', 'USA', -1],
    ['Iran → Syria', 'IRN', 'SYR', 1],
    ["Syria's government/Assad → Iran", 'SYRGOV', 'IRN', 1],
    ['Assad → the rebels', 'SYRGOV', 'SYRREB', -1],
    ['Assad → the United States', 'SYRGOV', 'USA', -1],
    ['the United States → Iran', 'USA', 'IRN', -1],
  ])('%s has the right sign, with evidence', (_name, source, target, sign) => {
    const score = stance(a, source, target);
    expect(score).toBeDefined();
    expect(Math.sign(score!)).toBe(sign);
    const rows = a.stances.filter((s) => s.source.startsWith(source) && s.target.startsWith(target));
    expect(rows.flatMap((r) => r.evidence).length).toBeGreaterThan(0);
  });
});

describe('opposition stated with "against"', () => {
  it('makes the clause subject negative toward the actor after it', () => {
    expect(stance(run('Norland launched a furious campaign against Vestria at the summit.'), 'name:norland', 'name:vestria')).toBeLessThan(0);
  });
});

describe('addressees and contrast', () => {
  it('"you" in a statement told to someone is the addressee (evidence the stance model reads)', () => {
    const text = 'The Iranian foreign minister told Washington: “You will regret this betrayal.”';
    const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const pair = recordFeatures({ text, entity1: span('The Iranian foreign minister'), entity2: span('Washington') }, models);
    expect(pair?.features.get('rule-pq-statement')).toBeLessThan(0);
  });

  it('words across a "but" count half toward the target', () => {
    const toward = (text: string) => {
      const t = tokenise(text, models.nlp);
      const target = t.tokens.findIndex((x) => x.value === 'Vestria');
      return new LocalSentiment(t.tokens, models.lexicon).toward(0, t.tokens.length, { first: target, last: target + 1 });
    };
    const same = toward('The talks were a disaster and Vestria left early.');
    const across = toward('The talks were a disaster, but Vestria left early.');
    expect(same).toBeLessThan(0);
    expect(across).toBeLessThan(0);
    expect(Math.abs(across)).toBeLessThan(Math.abs(same) * 0.75);
  });
});
