// Statements and their speakers, through the whole analysis (the speakers pass needs the actors
// pass). Every sentence here is written for the test.
import { loadModels } from '../../src/models';
import { quoteReader } from '../setup/quotes';

const models = loadModels();
const { quotes, only } = quoteReader(models);

describe('direct quotes', () => {
  it('attributes “…,” X said', () => {
    const q = only('“We will rebuild every bridge,” Minister Karim Haddad said on Sunday.');
    expect(q.kind).toBe('direct');
    expect(q.text).toBe('“We will rebuild every bridge,”');
    expect(q.cue?.text).toBe('said');
    expect(q.speaker?.text).toBe('Minister Karim Haddad');
  });

  it('attributes “…,” said X, with an apposition', () => {
    const q = only('“The figures are worse than we feared,” said Dr. Lena Okafor, a senior fellow at the institute.');
    expect(q.speaker?.text).toContain('Lena Okafor');
  });

  it('attributes “…,” X, aside, said when the aside holds verbs or a plural possessive', () => {
    expect(only('“We beat the target,” Ana Ruiz, who ran the fund for six years under two mayors, said on Friday.').speaker?.text).toBe('Ana Ruiz');
    expect(only('“The polls were wrong,” Tom Reid, the Greens’ campaign manager, told reporters.').speaker?.text).toBe('Tom Reid');
  });

  it('attributes a short quote that ends like speech, manner-of-speaking cues and hyphenated speakers', () => {
    expect(only('“Fine,” I said, trying to smile.').speaker?.text).toBe('I');
    expect(only('“Get out of my office,” the mayor barked.').cue?.text).toBe('barked');
    expect(only('“The deal is dead,” the business-friendly newspaper wrote.').speaker?.text).toBe('the business-friendly newspaper');
  });

  it('attributes X said: “…”', () => {
    const q = only('The spokeswoman said: “Our doors remain open to talks.”');
    expect(q.kind).toBe('direct');
    expect(q.speaker?.text).toBe('The spokeswoman');
  });

  it('joins a quote interrupted by its attribution into one statement', () => {
    const text = '“We are ready,” she said, “but we will not be rushed.”';
    const q = only(text);
    expect(q.start).toBe(0);
    expect(q.end).toBe(text.length);
    expect(q.speaker?.text).toBe('she');
  });

  it('joins the second sentence of a quote after “A,” X said.', () => {
    const text = '“It was a long night,” the mayor told reporters. “Nobody slept.”';
    const q = only(text);
    expect(q.end).toBe(text.length);
  });

  it('runs a quote over several paragraphs', () => {
    const text = 'The governor spoke for an hour.\n\n“We built the port in a decade\n\n“and we will double it in five,” he said.';
    const q = quotes(text).find((x) => x.kind === 'direct')!;
    expect(q.text.startsWith('“We built')).toBe(true);
    expect(q.text.endsWith('five,”')).toBe(true);
    expect(q.speaker?.text).toBe('he');
  });

  it('gives a quote with no attribution to the speaker of the conversation', () => {
    const text = '“Prices will fall,” said Anna Berg, the chief economist.\n\n“Not this year, but next year.”';
    const [first, second] = quotes(text);
    expect(first.speaker?.text).toContain('Anna Berg');
    expect(second.cue).toBeNull();
    expect(second.speaker?.text).toContain('Anna Berg');
  });

  it('reads wire-style and straight quotation marks', () => {
    expect(only("``This is the end of an era,'' the chairman said.").speaker?.text).toBe('the chairman');
    expect(only('"This is the end of an era," the chairman said.').speaker?.text).toBe('the chairman');
  });

  it('does not take a Title Case quote without a cue for a statement', () => {
    expect(quotes('The actress, star of the cult film “Winter Roads and Summer Lights,” joined the tour.')).toHaveLength(0);
  });

  it('does not take a scare-quoted word or a title for a statement', () => {
    expect(quotes('The so-called “reform” passed in the night.')).toHaveLength(0);
    expect(quotes('She reviewed the film “Northern Lights” for the paper.')).toHaveLength(0);
  });
});

describe('mixed and indirect statements', () => {
  it('reads a quoted fragment in reported speech as mixed', () => {
    const q = only('The ministry praised the army’s “heroic victory” in the north.');
    expect(q.kind).toBe('mixed');
    expect(q.text).toContain('“heroic victory”');
    expect(q.speaker?.text).toBe('The ministry');
  });

  it('reads X said (that) … as indirect', () => {
    const q = only('The central bank said that inflation would ease by the summer.');
    expect(q.kind).toBe('indirect');
    expect(q.text).toBe('that inflation would ease by the summer');
    expect(q.speaker?.text).toBe('The central bank');
  });

  it('skips the addressee after tell', () => {
    const q = only('The minister told reporters the border would reopen on Friday.');
    expect(q.text).toBe('the border would reopen on Friday');
  });

  it('reads a trailing attribution: …, X said.', () => {
    const q = only('The talks will resume next week, a senior diplomat said.');
    expect(q.text).toBe('The talks will resume next week');
    expect(q.speaker?.text).toBe('a senior diplomat');
  });

  it('reads according to X, in both orders', () => {
    expect(only('According to the health ministry, 40 people were injured.').speaker?.text).toBe('the health ministry');
    const q = only('Forty people were injured, according to the health ministry.');
    expect(q.text).toBe('Forty people were injured');
    expect(q.speaker?.text).toBe('the health ministry');
  });

  it('splits two coordinated cues into two statements of one speaker', () => {
    const found = quotes('Norland praised the new treaty and condemned the blockade of its ports.');
    expect(found).toHaveLength(2);
    expect(found.map((q) => q.cue?.text)).toEqual(['praised', 'condemned']);
    expect(found[1].speaker?.text).toBe('Norland');
  });

  it('gives a relative clause with a cue of its own its own statement and speaker', () => {
    const found = quotes('The mayor promised a new tram line, which she said the region would pay for.');
    expect(found.map((q) => [q.cue?.text, q.speaker?.text, q.text])).toEqual([
      ['promised', 'The mayor', 'a new tram line'],
      ['said', 'she', 'the region would pay for'],
    ]);
    const later = quotes('Half of the members back the deal, compared with a third who say the same of the old one.');
    expect(later.find((q) => q.text === 'the same of the old one')?.speaker?.text).toBe('who');
  });

  it('ends a reported clause where a later cue of the sentence opens its own, past cue words that open none', () => {
    const found = quotes('The broker did not reveal his backing, but he did say he found the bid “generous.”');
    expect(found.map((q) => [q.cue?.text, q.speaker?.text, q.kind])).toEqual([
      ['reveal', 'The broker', 'indirect'],
      ['say', 'he', 'mixed'],
    ]);
  });

  it('ends a reported clause where a conjunction brings a new subject and cue', () => {
    const found = quotes('Ruiz said the union would strike, though she acknowledged it was unlikely to work.');
    expect(found.map((q) => [q.cue?.text, q.speaker?.text, q.text])).toEqual([
      ['said', 'Ruiz', 'the union would strike'],
      ['acknowledged', 'she', 'it was unlikely to work'],
    ]);
    expect(only('Smith said he and his wife believed the plan was fair.').text).toBe('he and his wife believed the plan was fair');
  });

  it('does not read a participle that modifies a noun as a cue', () => {
    expect(quotes('She leads in pledged delegates across the southern states.')).toHaveLength(0);
    expect(quotes('They joined a group called Fair Votes Now last spring.')).toHaveLength(0);
    expect(only("Ana Ruiz, who runs the union's lobbying arm, says the bill is dead.").speaker?.text).toBe('Ana Ruiz');
    expect(only('The mayor called the plan a disaster.').speaker?.text).toBe('The mayor');
  });

  it('does not read a plural noun after a name as a cue, nor a clause of its own as content', () => {
    expect(quotes('The race now moves to Western states this week that Ruiz is counting on.')).toHaveLength(0);
    expect(quotes('The governor campaigned in Rust Belt states that have lost jobs.')).toHaveLength(0);
    expect(quotes('She toured Super Tuesday states like Texas and Virginia.')).toHaveLength(0);
    expect(only('Ruiz states that the plan is dead.').speaker?.text).toBe('Ruiz');
    expect(quotes('Ruiz spoke to the gathering, and in the wake of the vote the mood changed.')).toHaveLength(0);
  });

  it('reads no statement into a passive cue without a by-agent, and the agent into one with it', () => {
    expect(quotes('The mayor was asked about the budget on Monday.')).toHaveLength(0);
    expect(quotes('When asked about the budget, the mayor smiled.')).toHaveLength(0);
    expect(only('The plan was criticized by the union as a giveaway.').speaker?.text).toBe('the union');
  });

  it('reads an infinitive only after cues that take one', () => {
    expect(quotes('The senator continues to face questions about the loan.')).toHaveLength(0);
    expect(only('The senator refused to answer questions about the loan.').text).toBe('to answer questions about the loan');
    expect(only('“We are not done,” the senator continued.').cue?.text).toBe('continued');
  });

  it('finds the subject past an apposition and a relative clause', () => {
    expect(only('Tom Reyes, the party’s treasurer, said the accounts were in order.').speaker?.text).toBe('Tom Reyes');
    expect(only('Maria Lund, who chairs the committee, said the vote would be delayed.').speaker?.text).toBe('Maria Lund');
  });

  it('gives a participle cue the subject of its main clause', () => {
    const found = quotes('The union rejected the offer, saying it ignored rising rents.');
    const saying = found.find((q) => q.cue?.text === 'saying')!;
    expect(saying.speaker?.text).toBe('The union');
  });

  it('keeps a pronoun speaker as the pronoun, resolved to its actor', () => {
    const text = 'Vladimir Putin arrived in the capital. He said the talks had been useful.';
    const q = only(text);
    expect(q.speaker?.text).toBe('He');
    expect(q.speaker?.actorId).toBe('RUSGOV');
  });

  it('reads a headline attribution: Name: claim', () => {
    const q = only('Lindqvist: No deal without the northern provinces');
    expect(q.speaker?.text).toBe('Lindqvist');
  });
});

describe('speakers past asides and parentheses', () => {
  it('steps over a short aside between subject and verb', () => {
    expect(only('The unions, meanwhile, warned that strikes would spread.').speaker?.text).toBe('The unions');
    expect(only('Regional officials have, in fact, praised the new budget.').speaker?.text).toBe('Regional officials');
  });

  it('steps over a long aside: a list, a participle, a comparison, a dash-enclosed clause', () => {
    expect(only('Several union leaders, including Ana Ruiz, Tom Berg and Lee Park, said the offer was an insult.').speaker?.text).toBe('Several union leaders');
    expect(only('Harbour pilot Rui Costa, wearing a cap covered in badges, said the channel was too shallow.').speaker?.text).toBe('Harbour pilot Rui Costa');
    expect(only('Yet rural economists, like their colleagues in the cities, say the subsidy distorts prices.').speaker?.text).toBe('rural economists');
    expect(only('Some engineers - including a few on the bridge-safety board - warn that the cables are corroded.').speaker?.text).toBe('Some engineers');
    expect(only('Okafor — who sits on the council but rarely votes — told reporters the budget was doomed.').speaker?.text).toBe('Okafor');
  });

  it("reads 's before a participle as has, unless to or by follows", () => {
    expect(only("And she's predicted a narrow win in the runoff.").speaker?.text).toBe('she');
    expect(only("He's said to be furious about the leak.").speaker).toBeNull();
  });

  it('steps over a quantifier floating after the subject, not over one that is the subject', () => {
    expect(only('The three mayors have all attacked the plan as a waste of money.').speaker?.text).toBe('The three mayors');
    expect(only('Both have promised to cut taxes.').speaker?.text).toBe('Both');
  });

  it('steps over an age before a relative clause', () => {
    expect(only('Rosa Lind, 58, who lives outside Duluth, says she knew little about the senator.').speaker?.text).toBe('Rosa Lind');
  });

  it('steps over a relative clause that holds commas of its own', () => {
    expect(only('Ana Ruiz, who lost her home in Tulsa, Oklahoma, in May 2019, said the fund had failed them.').speaker?.text).toBe('Ana Ruiz');
  });

  it('steps over adverbs wink-nlp tags as other words', () => {
    expect(only('The ministry has since said that the figures were wrong.').speaker?.text).toBe('The ministry');
    expect(only('She further announced that the office would close.').speaker?.text).toBe('She');
  });

  it('reads a circumstance cue after a verb cue as part of it', () => {
    const q = only('Ms. Okafor, who works as a nurse, said in an interview on Friday that she was undecided.');
    expect(q.cue?.text).toBe('said');
    expect(q.speaker?.text).toBe('Ms. Okafor');
    expect(q.text).toBe('that she was undecided');
  });

  it('steps over a party parenthesis to the subject shared by coordinated verbs', () => {
    const q = quotes('Gov. Lena Park (R) blasted the council and said the state had spent enough.').find((x) => x.cue?.text === 'said');
    expect(q?.speaker?.text).toBe('Gov. Lena Park');
  });

  it('steps over a party-and-state parenthesis', () => {
    expect(only('Rep. Dan Cole (D-N.Y.) said the bill would pass.').speaker?.text).toBe('Rep. Dan Cole');
    expect(only('Sen. Ada Moreno (D-Calif.) said the vote would be close.').speaker?.text).toBe('Sen. Ada Moreno');
    expect(only('Rep. Paul Dunn (R-Ohio), who chairs the panel, said hearings would start in May.').speaker?.text).toBe('Rep. Paul Dunn');
  });

  it('finds the main subject after an introductory participle', () => {
    const q = quotes('Declaring that the era of cheap credit was over, the governor raised rates again.').find((x) => x.cue?.text === 'Declaring');
    expect(q?.speaker?.text).toBe('the governor');
  });

  it('reads a dash-signed quote and a name-colon quote', () => {
    expect(only('“We deserve better than this.” ― Maria Santos').speaker?.text).toBe('Maria Santos');
    expect(only('Election analyst Tom Reid: “Turnout decides this race.”').speaker?.text).toBe('Election analyst Tom Reid');
  });
});

describe('participles after an object', () => {
  it('give a participle after the object of a verb the subject of that verb', () => {
    expect(only('A group of nurses sent a letter to the hospital board urging it to reopen the ward.').speaker?.text).toBe('A group of nurses');
    expect(only('The senator is making a pitch to voters saying the tax is unfair.').speaker?.text).toBe('The senator');
  });

  it('keep a participle right after its own subject with that subject', () => {
    expect(only('A caller saying she was afraid reached the station.').speaker?.text).toBe('A caller');
    expect(only('The rivals went further, with former governor Martin Hale calling the mayor a fraud.').speaker?.text).toBe('former governor Martin Hale');
  });

  it('end a participle aside at the comma before the main verb, with the subject before it', () => {
    const found = quotes('Okafor, citing figures from the census bureau, said the ban was legal.');
    expect(found.map((q) => [q.cue?.text, q.speaker?.text, q.text])).toEqual([
      ['citing', 'Okafor', 'figures from the census bureau'],
      ['said', 'Okafor', 'the ban was legal'],
    ]);
  });

  it('give an -ing cue after a preposition or subordinator the subject of the main clause', () => {
    expect(only('The governor surprised the council on Monday by declaring the budget balanced.').speaker?.text).toBe('The governor');
    expect(only('The senator angered donors after saying the tax would rise.').speaker?.text).toBe('The senator');
  });

  it('read an -ing cue from before its adverbs', () => {
    const q = quotes('The senator had a strong moment in the second hour, forcefully denouncing the deal.').find((x) => x.cue?.text === 'denouncing');
    expect(q?.speaker?.text).toBe('The senator');
    expect(only('The mayor has avoided directly criticizing the chief.').speaker?.text).toBe('The mayor');
  });

  it('give an -ing cue after start, keep or avoid the subject of that verb', () => {
    expect(only('The governor has lately started asking residents to save water.').speaker?.text).toBe('The governor');
  });

  it('read a cue wink-nlp tags a noun as a verb after its subject', () => {
    expect(only('Union leaders point out that the plant could close.').speaker?.text).toBe('Union leaders');
  });

  it('give an infinitive cue the subject of its governing verb', () => {
    const q = quotes('The minister declined to say whether the talks had failed.').find((x) => x.cue?.text === 'say');
    expect(q?.speaker?.text).toBe('The minister');
  });

  it('look for the main clause past an opening subordinate clause, an adverb before it too', () => {
    const q = quotes('Ever since she endorsed the mayor, the senator has been a loud ally, attacking the governor.').find((x) => x.cue?.text === 'attacking');
    expect(q?.speaker?.text).toBe('the senator');
  });

  it('find the main clause subject past a time phrase', () => {
    const q = quotes('The senator on Monday hit the campaign trail in Ohio, accusing the governor of cowardice.').find((x) => x.cue?.text === 'accusing');
    expect(q?.speaker?.text).toBe('The senator');
  });

  it('look for the main clause past an opening subordinate clause', () => {
    const q = quotes('As the results came in, the governor gave a speech in Ohio, predicting he would win.').find((x) => x.cue?.text === 'predicting');
    expect(q?.speaker?.text).toBe('the governor');
  });
});

describe('participles after an attribution', () => {
  it('give the participle the speaker of the attribution, not a word of the quote', () => {
    const found = quotes('“It will take time to recover,” Mr. Ackman said at the meeting, adding that investors were patient.');
    const adding = found.find((q) => q.cue?.text === 'adding');
    expect(adding?.speaker?.text).toBe('Mr. Ackman');
  });
});

describe('more subjects', () => {
  it('reads quantifiers and participles after a noun as subjects', () => {
    expect(only('Some said the reform came too late.').speaker?.text).toBe('Some');
    expect(only('Most of those surveyed said the economy was improving.').speaker?.text).toContain('surveyed');
  });

  it('gives a participle cue with a by-phrase to its agent', () => {
    const q = quotes('The remarks, first reported by the local newspaper, drew sharp criticism.').find((x) => x.cue?.text === 'reported');
    expect(q?.speaker?.text ?? '').toContain('newspaper');
  });
});
