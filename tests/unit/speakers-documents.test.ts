// Document speakers: a statement, report or post speaks for the actor its modifiers name. Every
// sentence here is written for the test; the example article is read from ../shared.
import { analyze } from '../../src/analysis';
import { loadModels } from '../../src/models';
import { quoteReader } from '../setup/quotes';
import { describeWithSharedText, EXAMPLE_ARTICLE } from '../setup/shared';

const models = loadModels();
const { quotes, only } = quoteReader(models);

describe('document speakers', () => {
  it('reads a participle after a document noun as its modifier, not as a cue, and spans the whole phrase', () => {
    const q = only("A statement posted on Vladimir Putin's website said that Russia would not back down.");
    expect(q.cue?.text).toBe('said');
    expect(q.speaker?.text).toBe("A statement posted on Vladimir Putin's website");
    expect(q.speaker?.actorId).toMatch(/^RUS/);
  });

  it('spans a report released by an author and gives it the author', () => {
    const q = only('A report released on Tuesday by the Russian Foreign Ministry says the talks have stalled.');
    expect(q.cue?.text).toBe('says');
    expect(q.speaker?.text).toBe('A report released on Tuesday by the Russian Foreign Ministry');
    expect(q.speaker?.actorId).toMatch(/^RUS/);
  });

  it('spans "a statement by X" and gives it X', () => {
    const q = only('A statement by the Iranian foreign ministry said the sanctions were illegal.');
    expect(q.speaker?.text).toBe('A statement by the Iranian foreign ministry');
    expect(q.speaker?.actorId).toMatch(/^IRN/);
  });

  it('gives a document the actor before it, not the one it is addressed to', () => {
    expect(only("The Kremlin's statement said the visit was a success.").speaker?.actorId).toMatch(/^RUS/);
    const q = only('A letter to the Iranian government from the Russian Foreign Ministry warned that the deal was at risk.');
    expect(q.speaker?.actorId).toMatch(/^RUS/);
  });

  it('leaves a document that names no actor without one', () => {
    const q = only('The statement said the meeting had been cordial.');
    expect(q.speaker?.text).toBe('The statement');
    expect(q.speaker?.actorId ?? null).toBeNull();
  });

  it('keeps a verb after a noun a verb of its own', () => {
    // "vented" is the clause's verb, not a participle modifying "senators".
    const q = quotes('Some senators vented about the budget, and the minister said the plan was dead.').find((x) => x.cue?.text === 'said');
    expect(q?.speaker?.text).toBe('the minister');
    // A phrasal verb ("shouted out") is no participle either.
    expect(only('The woman shouted out an insult aimed at the mayor.').cue?.text).toBe('shouted');
  });
});

describeWithSharedText(EXAMPLE_ARTICLE, 'the example article: every reported statement has a speaker actor', (text) => {
  it('attributes each said-type statement to an actor', () => {
    const found = analyze({ text, publishedAt: '2019-02-25' }, models).quotes;
    const said = found.filter((q) => q.cue && /^(said|says|say|reported|reports)$/i.test(q.cue.text));
    expect(said).toHaveLength(8);
    for (const q of said) expect({ text: q.text.slice(0, 40), actor: q.speaker?.actorId ?? null }).toEqual({ text: q.text.slice(0, 40), actor: expect.any(String) });
    const statement = found.find((q) => q.speaker?.text.startsWith('A statement'));
    expect(statement).toMatchObject({ cue: { text: 'said' }, speaker: { text: "A statement published on Khamenei's website", actorId: 'IRNGOV' } });
  });
});

describe('circumstance cues set off by commas', () => {
  it('gives "X, in an interview, …" and its participle the phrase that opens the sentence', () => {
    const found = quotes('Ms. Ortiz, in an interview on Monday, brushed off the criticism, saying she would run again.');
    expect(found.map((q) => q.speaker?.text)).toEqual(['Ms. Ortiz', 'Ms. Ortiz']);
  });

  it('reads "X, in a statement …, said" as one statement of the verb', () => {
    const q = only('Corey Lane, in a statement released by the campaign, said he was grateful.');
    expect(q).toMatchObject({ text: 'he was grateful', cue: { text: 'said' }, speaker: { text: 'Corey Lane' } });
  });
});

describe('speaker phrases the shallow grammar ran together', () => {
  it('starts a subject at its article, not at the name before it', () => {
    const q = only('In a meeting with Merkel the French delegates stressed the importance of the treaty.');
    expect(q.speaker?.text).toBe('the French delegates');
  });
});

describe('names wink-nlp tags as verbs', () => {
  it('reads a capitalised word after a title or a cue as part of the speaker’s name', () => {
    const before = quotes("''The tunnel will open in May,'' Mr. Welch said. ''Nobody doubts it now.''");
    expect(before[0]).toMatchObject({ cue: { text: 'said' }, speaker: { text: 'Mr. Welch' } });
    const after = only('“The budget is balanced at last,” said Skelly, smiling.');
    expect(after.speaker?.text).toBe('Skelly');
  });
});

describe('appositions', () => {
  it('gives a speaker phrase with an apposition the actor of the name before it', () => {
    const q = only('Representative Peter Welch, a Democrat, said the tunnel would open in May.');
    expect(q.speaker?.name).toBe('Peter Welch');
  });
});

describe('colon speakers', () => {
  it('reads a transcript turn’s capitalised name before its colon as the speaker', () => {
    expect(only('Partial transcript: "HOLT: Let us begin with the economy. What is your plan?"').speaker?.text).toBe('HOLT');
  });

  it('takes coordinated names and a name after "from" before the colon', () => {
    expect(only('POLLS NOT WRONG - Anna Berg and Jon Ito: “Although the polls failed, it is not because they were wrong at all.”').speaker?.text).toBe('Anna Berg and Jon Ito');
    expect(only('More from the survey: “Voters in the suburbs have moved away from the party in large numbers.”').speaker?.text).toBe('the survey');
  });
});

describe('progressive cues', () => {
  it('gives "X is claiming" its own subject, not the subject of an earlier clause', () => {
    const q = only('The final tallies are not in, but the Ruiz campaign is already claiming victory in the county.');
    expect(q.speaker?.text).toBe('the Ruiz campaign');
  });
});

describe('subjects far from their cue', () => {
  it('checks a phrase far before the cue against the tree’s subject of the cue', () => {
    const q = only('The row came during a visit to the port city of Odessa in the south, when Ukrainian officials confronted the delegation, insisting that the deal was off.');
    expect(q.speaker?.text).toBe('Ukrainian officials');
  });
});

describe('the main clause’s actor as a last resort', () => {
  it('gives a cue nothing else attributes the main clause’s subject when that is an actor mention', () => {
    const q = only('Cruz did not apologize for his remarks made last summer when they were played during a taping.');
    expect(q.speaker?.text).toBe('Cruz');
  });
});

describe('according to', () => {
  it('takes the phrase after "according to" even when the quote comes after it', () => {
    const q = only("Over the long term, according to the budget office, the rise in debt ''is mainly due to the aging of the population.''");
    expect(q.speaker?.text).toBe('the budget office');
  });

  it('runs a document phrase on to its author and gives it the author', () => {
    const q = only('Clinton had 2,205 delegates, according to a tally by the Associated Press.');
    expect(q.speaker?.text).toBe('a tally by the Associated Press');
    expect(q.speaker?.name).toMatch(/Associated Press/);
    expect(only('The turnout broke records, according to an analysis released by the Pew Research Center.').speaker?.text).toBe('an analysis released by the Pew Research Center');
  });
});
