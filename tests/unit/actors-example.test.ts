// The user's example article (two reports of Assad's visit to Tehran, 25 February 2019), read
// from ../shared/examples at run time: its actors come out as one would list them by hand, and
// every way it names Assad is one actor.
import path from 'node:path';
import { compileActorIndex, readActorDictionary } from '../../src/models/actors';
import { loadNlp } from '../../src/models/nlp';
import { normalise } from '../../src/analysis/passes/1-normalise';
import { tokenise } from '../../src/analysis/passes/2-tokens';
import { findActorMentions } from '../../src/analysis/passes/3-actors';

import { describeWithSharedText, EXAMPLE_ARTICLE } from '../setup/shared';

describeWithSharedText(EXAMPLE_ARTICLE, 'the example article: Assad visits Iran', (text) => {
  const root = path.join(__dirname, '..', '..');
  const index = compileActorIndex([readActorDictionary(path.join(root, 'models', 'actors.json'))]);
  const result = findActorMentions(tokenise(normalise(text), loadNlp()), index, { date: '2019-02-25' });
  const byText = (pattern: RegExp) => result.mentions.filter((m) => pattern.test(m.text));

  it('names the actors one would list by hand', () => {
    const expected: Record<string, string> = {
      SYR: 'Syria',
      SYRGOV: 'Syrian government',
      IRN: 'Iran',
      IRNGOV: 'Iranian government',
      IRNMIL: 'Islamic Revolutionary Guard Corps',
      USA: 'United States',
      USAGOV: 'American government',
      ISR: 'Israel',
      RUS: 'Russia',
      SDNGOV: 'Sudanese government',
      LBNREBHEZ: 'Hezbollah',
      PSEREBHMS: 'Hamas',
      YEMREB: 'Houthis',
      SYRREB: 'Syrian rebels',
      SYRMED: 'SANA',
    };
    for (const [id, name] of Object.entries(expected)) expect(result.actors.get(id)?.name).toBe(name);
  });

  it('makes no actor of headline words or events', () => {
    const names = [...result.actors.values()].map((a) => a.name);
    for (const noise of [/visits/i, /alliance/i, /cooperation/i, /nations/i, /summit/i, /monday/i, /february/i]) {
      expect(names.filter((n) => noise.test(n))).toEqual([]);
    }
    expect([...result.actors.keys()].filter((id) => id.startsWith('name:'))).toEqual([]);
  });

  it('merges every name of Assad into one person of the Syrian government', () => {
    const assad = byText(/Assad/);
    expect(assad.length).toBeGreaterThanOrEqual(10);
    for (const m of assad.filter((m) => !/regime/.test(m.text))) expect(m).toMatchObject({ actorId: 'SYRGOV', name: 'Bashar al-Assad', referent: 'entry:BASHAR_AL_ASSAD' });
    expect(byText(/^the Syrian regime leader$/)[0]).toMatchObject({ actorId: 'SYRGOV', name: 'Bashar al-Assad' });
    expect(byText(/^Syrian President Bashar Assad$/)[0]?.name).toBe('Bashar al-Assad');
    expect(byText(/^the Assad regime$/)[0]?.actorId).toBe('SYRGOV');
  });

  it('finds Iran and its leaders, the IRGC and Soleimani, and the US and its officials', () => {
    expect(byText(/Khamenei/).map((m) => [m.actorId, m.name])).toContainEqual(['IRNGOV', 'Ali Khamenei']);
    expect(byText(/^Rouhani$/)[0]).toMatchObject({ actorId: 'IRNGOV', name: 'Hassan Rouhani' });
    expect(byText(/Soleimani/)[0]).toMatchObject({ actorId: 'IRNMIL', name: 'Qasem Soleimani' });
    for (const person of ['Mike Pence', 'Mike Pompeo', 'Donald Trump']) {
      expect(byText(new RegExp(person))[0]).toMatchObject({ actorId: 'USAGOV', name: person });
    }
    expect(byText(/al-Bashir/)[0]).toMatchObject({ actorId: 'SDNGOV', name: 'Omar al-Bashir' });
    expect(byText(/^Tehran$/).every((m) => m.actorId === 'IRNGOV')).toBe(true);
    expect(byText(/^Washington$/).every((m) => m.actorId === 'USAGOV')).toBe(true);
  });

  it('resolves the pronouns of the reports', () => {
    const pronouns = result.mentions.filter((m) => m.kind === 'pronoun');
    const resolved = pronouns.filter((m) => m.actorId !== null);
    expect(resolved.length / pronouns.length).toBeGreaterThan(0.7);
    // "Iran says it has accomplished ninety percent of its goals"
    const it = result.mentions.find((m) => m.kind === 'pronoun' && m.text === 'it' && text.slice(m.start - 10, m.start).includes('says'));
    expect(it?.actorId).toBe('IRN');
    // "He went to Russia in 2015"
    expect(result.mentions.find((m) => m.text === 'He')?.name).toBe('Bashar al-Assad');
  });

  it('reads "the two nations" as a group, not an actor', () => {
    const groups = result.mentions.filter((m) => /^the two/.test(m.text));
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g).toMatchObject({ kind: 'description', actorId: null, plural: true });
  });

  it('keeps its mentions sorted and apart', () => {
    for (let i = 1; i < result.mentions.length; i++) expect(result.mentions[i].start).toBeGreaterThanOrEqual(result.mentions[i - 1].end);
  });
});
