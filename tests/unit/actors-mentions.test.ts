// The actor pass on sentences written for these tests: dictionary names, roles of countries,
// people by date, unknown names, coreference within an article, pronouns, descriptions and the
// caller's entity spans. The dictionary is the shipped models/actors.json.
import path from 'node:path';
import { compileActorIndex, readActorDictionary } from '../../src/models/actors';
import { loadNlp } from '../../src/models/nlp';
import { normalise } from '../../src/analysis/passes/1-normalise';
import { tokenise } from '../../src/analysis/passes/2-tokens';
import { type ActorMentions, findActorMentions } from '../../src/analysis/passes/3-actors';
import type { Mention, Span } from '../../src/analysis/types';

const nlp = loadNlp();
const index = compileActorIndex([readActorDictionary(path.join(__dirname, '..', '..', 'models', 'actors.json'))]);

/** `date` null: an article that gives none. */
function analyse(text: string, date: string | null = '2019-03-01', entities?: Span[]): ActorMentions {
  return findActorMentions(tokenise(normalise(text), nlp), index, { date: date ?? undefined, entities });
}

/** The nth mention whose text is exactly `text`. */
function mention(result: ActorMentions, text: string, nth = 0): Mention {
  const found = result.mentions.filter((m) => m.text === text)[nth];
  if (!found) throw new Error(`no mention "${text}" (#${nth}) among: ${result.mentions.map((m) => JSON.stringify(m.text)).join(', ')}`);
  return found;
}

const spanOf = (text: string, part: string, from = 0): Span => {
  const start = text.indexOf(part, from);
  return { start, end: start + part.length };
};

describe('dictionary names, countries and roles', () => {
  it('reads a bare country name as the country', () => {
    const r = analyse('Iran praised the agreement on Tuesday.');
    expect(mention(r, 'Iran')).toMatchObject({ kind: 'name', actorId: 'IRN', name: 'Iran', plural: false });
    expect(r.actors.get('IRN')).toEqual({ id: 'IRN', name: 'Iran', type: 'country', country: 'IRN' });
  });

  it('combines demonyms and possessives with role words', () => {
    const r = analyse('Syrian rebels shelled the base. The Iranian foreign ministry protested, and Iranian officials met. Syria\'s army advanced.');
    expect(mention(r, 'Syrian rebels')).toMatchObject({ actorId: 'SYRREB', plural: true });
    expect(mention(r, 'The Iranian foreign ministry')).toMatchObject({ actorId: 'IRNGOV', kind: 'description' });
    expect(mention(r, 'Iranian officials')).toMatchObject({ actorId: 'IRNGOV', plural: true });
    expect(mention(r, "Syria's army")).toMatchObject({ actorId: 'SYRMIL' });
    expect(r.actors.get('SYRREB')).toMatchObject({ name: 'Syrian rebels', type: 'armed-group' });
  });

  it('reads "the Syrian regime" and "government forces" as the government and the military', () => {
    const r = analyse('The Syrian regime denied it. Government forces in Syria were blamed.');
    expect(mention(r, 'The Syrian regime').actorId).toBe('SYRGOV');
    expect(mention(r, 'Government forces').actorId).toBe('SYRMIL');
  });

  it('reads a capital as its government, but not as a place or a modifier', () => {
    const r = analyse('Damascus rejected the offer made in Moscow. The Astana process stalled.');
    expect(mention(r, 'Damascus').actorId).toBe('SYRGOV');
    expect(r.mentions.some((m) => m.text === 'Moscow' || m.text === 'Astana')).toBe(false);
  });

  it('keeps the backer of "US-backed rebels" apart from the rebels, who belong to the country in context', () => {
    const r = analyse('Fighting flared again in Syria. US-backed rebels seized a road.');
    expect(mention(r, 'US').actorId).toBe('USA');
    expect(mention(r, 'rebels').actorId).toBe('SYRREB');
  });

  it('gives rebels without any country the unidentified code', () => {
    expect(mention(analyse('Rebels seized a road on Sunday.'), 'Rebels').actorId).toBe('---REB');
  });

  it('reads named bodies and groups from the dictionary', () => {
    const r = analyse('Hezbollah, Hamas and the Houthis were named, as was the IRGC.');
    expect(mention(r, 'Hezbollah').actorId).toBe('LBNREBHEZ');
    expect(mention(r, 'Hamas').actorId).toBe('PSEREBHMS');
    expect(mention(r, 'the Houthis')).toMatchObject({ actorId: 'YEMREB', plural: true });
    expect(mention(r, 'the IRGC').actorId).toBe('IRNMIL');
  });

  it('does not take a lower-case word for an acronym', () => {
    const r = analyse('They told us that the UN would decide.');
    expect(r.mentions.find((m) => m.text === 'us')?.kind).toBe('pronoun');
    expect(mention(r, 'the UN').actorId).toBe('IGOUNO');
  });
});

describe('a person or body of a country or a side', () => {
  it.each([
    ['A Russian man attacked the embassy.', 'RUS'],
    ['He sued a German anti-refugee group.', 'DEU'],
    ['The Democratic polling firm published the survey.', 'DEMOCRATIC_PARTY'],
    ['A Trump supporter shouted at the crowd.', 'name:donald-trump'],
    ['Sanders opposed the Iraq war.', 'IRQ'],
    ['She criticised the Iran nuclear deal.', 'IRN'],
    ['A poll found that 28 percent of Republicans backed the plan.', 'REPUBLICAN_PARTY'],
    ['Two-thirds of Democrats backed the plan.', 'DEMOCRATIC_PARTY'],
    ['The Israel-Hamas war angered the region.', 'PSEREBHMS'],
    ['Thousands lined the streets.', 'name:thousands'],
    ['After the Republican seemed to confirm the critiques, the race changed.', 'REPUBLICAN_PARTY'],
    ['The South Carolina Republican admitted the plan had failed.', 'REPUBLICAN_PARTY'],
    ['A Democrat praised the plan.', 'DEMOCRATIC_PARTY'],
  ])('%s: no %s', (text, id) => {
    expect(analyse(text).mentions.map((m) => m.actorId)).not.toContain(id);
  });

  it('reads a party label before a person\'s name as no part of it, and keeps the names of parties and bodies whole', () => {
    expect(mention(analyse('Democrat Maria Quintero criticised the plan.'), 'Maria Quintero').actorId).toBe('name:maria-quintero');
    expect(mention(analyse('Conservative Quintero Solutions PAC criticised the plan.'), 'Conservative Quintero Solutions PAC').actorId).toBe('name:conservative-quintero-solutions-pac');
    expect(mention(analyse('The Liberal Democrats criticised the plan.'), 'The Liberal Democrats').actorId).toBe('name:liberal-democrats');
    expect(analyse('A super PAC criticised the plan.').mentions.map((m) => m.text)).not.toContain('PAC');
  });

  it('takes no hyphenated pair before a meeting for one person\'s name', () => {
    const r = analyse('The Quintero-Hedge meeting lasted an hour. Mr. Hedge praised Ms. Quintero.');
    expect(mention(r, 'Mr. Hedge').actorId).toBe('name:hedge');
    expect(mention(r, 'Ms. Quintero').actorId).toBe('name:quintero');
  });

  it('keeps the country or party of an act, a statement, a people, and of a role', () => {
    expect(mention(analyse('Iranian support for Hezbollah angered Israel.'), 'Iranian').actorId).toBe('IRN');
    expect(mention(analyse('The Iranian statement condemned Israel.'), 'Iranian').actorId).toBe('IRN');
    expect(mention(analyse('A German company sued Iran.'), 'A German company').actorId).toBe('DEUBUS');
    expect(mention(analyse('Republican senators criticised the plan.'), 'Republican senators').actorId).toBe('REPUBLICAN_PARTY');
    expect(mention(analyse('Republicans criticised the plan.'), 'Republicans').actorId).toBe('REPUBLICAN_PARTY');
  });
});

describe('people and dates', () => {
  it('gives a person the role they held at the date', () => {
    const text = 'Donald Trump criticised the deal.';
    expect(mention(analyse(text, '2019-02-25'), 'Donald Trump')).toMatchObject({ actorId: 'USAGOV', name: 'Donald Trump' });
    expect(mention(analyse(text, '2015-06-16'), 'Donald Trump')).toMatchObject({ actorId: 'name:donald-trump', name: 'Donald Trump' });
  });

  it('gives no one a dated office in an article with no date, while a title in the text still tells it', () => {
    const r = analyse('Donald Trump criticised the deal. Iranian Foreign Minister Kazem Varesi disagreed.', null);
    expect(mention(r, 'Donald Trump')).toMatchObject({ actorId: 'name:donald-trump', name: 'Donald Trump' });
    expect(mention(r, 'Iranian Foreign Minister Kazem Varesi')).toMatchObject({ actorId: 'IRNGOV' });
  });

  it('labels a role code held by people only as the role, not as one of them', () => {
    const r = analyse('US Vice President Mike Pence and Secretary of State Mike Pompeo spoke.', '2019-02-14');
    expect(mention(r, 'US Vice President Mike Pence')).toMatchObject({ actorId: 'USAGOV', name: 'Mike Pence' });
    expect(mention(r, 'Secretary of State Mike Pompeo')).toMatchObject({ actorId: 'USAGOV', name: 'Mike Pompeo' });
    expect(r.actors.get('USAGOV')?.name).toBe('American government');
  });

  it('makes unknown people actors with ids from their names, and their titles tell the actor', () => {
    const r = analyse('Spokeswoman Maria Quintero said the plan would fail. Iranian Deputy Foreign Minister Kazem Varesi disagreed.');
    expect(mention(r, 'Spokeswoman Maria Quintero')).toMatchObject({ actorId: 'name:maria-quintero', name: 'Maria Quintero' });
    expect(r.actors.get('name:maria-quintero')?.type).toBe('person');
    expect(mention(r, 'Iranian Deputy Foreign Minister Kazem Varesi')).toMatchObject({ actorId: 'IRNGOV', name: 'Kazem Varesi' });
  });

  it('reads a role word after a given name as a surname, and before a name as a title', () => {
    expect(mention(analyse('Stephen Kong King criticised the plan.'), 'Stephen Kong King').actorId).toBe('name:stephen-kong-king');
    expect(mention(analyse('Phoebe Quintero Prince was bullied.'), 'Phoebe Quintero Prince').actorId).toBe('name:phoebe-quintero-prince');
    expect(mention(analyse("Arnor's King praised the plan."), "Arnor's King").actorId).toBe('name:arnor/GOV');
  });

  it('reads a title before a word wink-nlp does not tag as a name', () => {
    const r = analyse('Under that plan, Mr. Hedge called the old model a failure, and Cook agreed with Mr. Rhodes.');
    expect(mention(r, 'Mr. Hedge')).toMatchObject({ actorId: 'name:hedge', kind: 'name' });
    expect(mention(r, 'Mr. Rhodes').actorId).toBe('name:rhodes');
  });

  it('keeps a relative of a known person apart from them', () => {
    const r = analyse('Eric Trump defended his father, Donald Trump.', '2019-02-25');
    expect(mention(r, 'Eric Trump').actorId).toBe('name:eric-trump');
    expect(mention(r, 'Donald Trump').actorId).toBe('USAGOV');
  });

  it('makes actors of invented countries, and of their governments', () => {
    const r = analyse('Arnor accused Gondor of breaking the truce. The Arnor government recalled its envoy.');
    expect(mention(r, 'Arnor').actorId).toBe('name:arnor');
    expect(mention(r, 'Gondor').actorId).toBe('name:gondor');
    expect(mention(r, 'The Arnor government').actorId).toBe('name:arnor/GOV');
    expect(r.actors.get('name:arnor')?.type).toBe('country');
  });

  it('makes no actors of months, weekdays, sentence-initial words or headline capitals', () => {
    const r = analyse('Rebels Take Border Town As Army Retreats\nHowever, on Monday in January the situation was calm. Despite that, residents fled.');
    const ids = [...r.actors.keys()];
    expect(ids.filter((id) => id.startsWith('name:'))).toEqual([]);
  });
});

describe('one actor for every way of naming it', () => {
  it('merges a full name, the surname, titles and descriptions', () => {
    const r = analyse(
      'Assad Flies to Moscow\nSyrian President Bashar al-Assad arrived in Moscow on Monday. Assad met Russian officials. President Assad later said the visit went well, and the Syrian president thanked his hosts.',
    );
    const names = ['Assad', 'Syrian President Bashar al-Assad', 'President Assad', 'the Syrian president'];
    for (const text of names) expect(mention(r, text)).toMatchObject({ actorId: 'SYRGOV', name: 'Bashar al-Assad', referent: 'entry:BASHAR_AL_ASSAD' });
  });

  it('finds an unknown person by surname before and after the full name', () => {
    const r = analyse('Varesi Speaks Out\nKazem Varesi, an engineer, spoke first. Later Varesi left.');
    expect(mention(r, 'Varesi', 0).actorId).toBe('name:kazem-varesi');
    expect(mention(r, 'Varesi', 1).actorId).toBe('name:kazem-varesi');
  });

  it('reads "the two nations" as a group of the actors named, not as a new actor', () => {
    const r = analyse('Iran and Syria signed a pact. The two nations pledged to cooperate.');
    expect(mention(r, 'The two nations')).toMatchObject({ kind: 'description', actorId: null, plural: true });
    expect([...r.actors.keys()].sort()).toEqual(['IRN', 'SYR']);
  });

  it('resolves a bare role to the person who holds that title', () => {
    const r = analyse('Mike Pompeo landed in Riyadh. Secretary of State Mike Pompeo met the king. The secretary said talks were useful.', '2019-01-14');
    expect(mention(r, 'The secretary')).toMatchObject({ kind: 'description', actorId: 'USAGOV', name: 'Mike Pompeo' });
  });

  it('leaves a description it cannot resolve unresolved', () => {
    expect(mention(analyse('The official declined to comment.'), 'The official')).toMatchObject({ kind: 'description', actorId: null });
  });

  it('gives "a spokesman for X" the actor X', () => {
    expect(mention(analyse('A spokesman for Hezbollah denied the report.'), 'A spokesman').actorId).toBe('LBNREBHEZ');
  });

  it('reads "the company" as the organisation named before, and "a man" or "voters" as nobody named', () => {
    const r = analyse('Northwind Holdings Inc. cut 300 jobs. The company said demand fell. A man who worked there said voters were angry.');
    expect(mention(r, 'The company')).toMatchObject({ kind: 'description', actorId: 'name:northwind-holdings-inc', name: 'Northwind Holdings Inc.' });
    expect(mention(r, 'A man')).toMatchObject({ kind: 'description', actorId: null });
    expect(mention(r, 'who')).toMatchObject({ kind: 'pronoun', actorId: null });
    expect(mention(r, 'voters')).toMatchObject({ kind: 'description', actorId: null, plural: true });
  });

  it("keeps an organisation's own role words its own, not a country's", () => {
    const r = analyse('Lena Ortiz, the executive director of Bluewater Trust, said the Bluewater Trust website was hacked.');
    expect(mention(r, 'the executive director of Bluewater Trust').actorId).toBe('name:lena-ortiz');
    expect(mention(r, 'the Bluewater Trust website').actorId).toBe('name:bluewater-trust');
  });
});

describe('pronouns', () => {
  it('gives a "they" after people described by no actor to no earlier actor', () => {
    const r = analyse('The Democrats met in Denver. Voters said they would not support the plan.');
    expect(mention(r, 'they').actorId).toBeNull();
    const poll = analyse('The Democrats met in Denver. In the poll, 60 percent of Republicans said they liked the plan.');
    expect(mention(poll, 'they').actorId).toBeNull();
  });

  it('resolves it, he, she and they to compatible antecedents', () => {
    const r = analyse('Iran says it will respond. Assad arrived on Monday. He met Angela Merkel, and she praised him. Syrian rebels said they would fight on.', '2019-03-01');
    expect(mention(r, 'it')).toMatchObject({ kind: 'pronoun', actorId: 'IRN' });
    expect(mention(r, 'He')).toMatchObject({ actorId: 'SYRGOV', name: 'Bashar al-Assad' });
    expect(mention(r, 'she')).toMatchObject({ actorId: 'DEUGOV', name: 'Angela Merkel' });
    expect(mention(r, 'him').name).toBe('Bashar al-Assad');
    expect(mention(r, 'they')).toMatchObject({ actorId: 'SYRREB', plural: true });
  });

  it('does not give an object pronoun the subject of its own clause', () => {
    const r = analyse('Vladimir Putin received Bashar al-Assad and thanked him.', '2019-03-01');
    expect(mention(r, 'him').name).toBe('Bashar al-Assad');
  });

  it('leaves an "it" that names nothing unresolved', () => {
    expect(mention(analyse('It was a long night for the negotiators.'), 'It').actorId).toBeNull();
  });

  it('keeps first-person pronouns as mentions for the quotes pass to resolve', () => {
    expect(mention(analyse('"We will not give up," he said.'), 'We')).toMatchObject({ kind: 'pronoun', actorId: null, plural: true });
  });

  it('reads "his country" as the country of the person', () => {
    const r = analyse('Assad made his first visit abroad, praising his country.', '2019-03-01');
    expect(mention(r, 'his country').actorId).toBe('SYR');
  });
});

describe('caller entity spans', () => {
  it('makes each span a mention and resolves it as the text allows', () => {
    const text = 'Israeli tank fire killed two Palestinians, medics said.';
    const r = analyse(text, '2019-03-01', [spanOf(text, 'Israeli'), spanOf(text, 'Palestinians')]);
    expect(r.entityMentions.map((m) => [m?.kind, m?.actorId])).toEqual([
      ['entity', 'ISR'],
      ['entity', 'PSE'],
    ]);
    expect(r.mentions.filter((m) => m.kind === 'entity')).toHaveLength(2);
  });

  it('resolves a span that cuts a token, and a pronoun span', () => {
    const text = 'Donald Trump\u2019s aides met Iran\u2019s envoy. He was pleased.';
    const r = analyse(text, '2019-03-01', [{ start: 0, end: text.indexOf('\u2019') + 1 }, spanOf(text, 'He')]);
    expect(r.entityMentions[0]).toMatchObject({ start: 0, end: 13, kind: 'entity', name: 'Donald Trump' });
    expect(r.entityMentions[1]?.name).toBe('Donald Trump');
  });

  it('keeps two people who share a role code apart, everywhere in the article', () => {
    const text = 'Donald Trump praised Mike Pence. Later Trump called again.';
    const r = analyse(text, '2019-03-01', [spanOf(text, 'Donald Trump'), spanOf(text, 'Mike Pence')]);
    const [trump, pence] = r.entityMentions;
    expect(trump?.actorId).toBe('name:donald-trump');
    expect(pence?.actorId).toBe('name:mike-pence');
    expect(mention(r, 'Trump').actorId).toBe('name:donald-trump');
    expect(r.actors.get('name:donald-trump')?.name).toBe('Donald Trump');
  });

  it('gives a span nothing resolves a stable id from its text', () => {
    const text = 'the blue house said nothing.';
    const r = analyse(text, '2019-03-01', [spanOf(text, 'the blue house')]);
    expect(r.entityMentions[0]).toMatchObject({ kind: 'entity', actorId: 'name:the-blue-house' });
  });
});
