// Reading a dependency tree for the subject of a cue verb (src/analysis/syntax/clauses.ts), on
// trees written by hand, and the speakers pass using it where its patterns find no phrase.
import { analyze } from '../../src/analysis';
import { actingSubject, headWordOf, subtreeRange } from '../../src/analysis/syntax/clauses';
import type { Dependencies } from '../../src/analysis/syntax/parser';
import { loadModels } from '../../src/models';

/** A tree from "word/relation>head" items, heads 1-based (0 the root), as CoNLL-U writes them. */
function tree(spec: string): { d: Dependencies; words: { lower: string; pos: string }[] } {
  const items = spec.split(' ').map((item) => /^(.+)\/([\w:]+)>(\d+)(?::(\w+))?$/.exec(item)!);
  return {
    d: { head: Int32Array.from(items.map((m) => Number(m[3]) - 1)), relation: items.map((m) => m[2]) },
    words: items.map((m) => ({ lower: m[1].toLowerCase(), pos: m[4] ?? (m[2] === 'punct' ? 'PUNCT' : 'X') })),
  };
}
const whole = (n: number) => ({ first: 0, last: n });

describe('actingSubject', () => {
  it('takes the subject of the cue verb itself', () => {
    const { d, words } = tree('The/det>2 envoy/nsubj>3 denied/root>0 it/obj>3');
    expect(actingSubject(d, whole(4), 2, words)).toBe(1);
  });

  it('climbs from a participle or an infinitive to the clause it hangs from', () => {
    // The chief closed the file , adding that …
    const { d, words } = tree('The/det>2 chief/nsubj>3 closed/root>0 the/det>5 file/obj>3 ,/punct>7 adding/advcl>3');
    expect(actingSubject(d, whole(7), 6, words)).toBe(1);
    // The chief went on to deny it
    const xcomp = tree('The/det>2 chief/nsubj>3 went/root>0 on/compound:prt>3 to/mark>6 deny/xcomp>3 it/obj>6');
    expect(actingSubject(xcomp.d, whole(7), 5, xcomp.words)).toBe(1);
  });

  it('takes a passive verb\'s by-agent, and gives nothing for a passive without one', () => {
    const agent = tree('The/det>2 plan/nsubj:pass>4 was/aux:pass>4 attacked/root>0 by/case>6 unions/obl:agent>4');
    expect(actingSubject(agent.d, whole(6), 3, agent.words)).toBe(5);
    const none = tree('The/det>2 plan/nsubj:pass>4 was/aux:pass>4 attacked/root>0');
    expect(actingSubject(none.d, whole(4), 3, none.words)).toBeNull();
  });

  it('gives the noun a relative clause describes for its relative pronoun', () => {
    const { d, words } = tree('She/nsubj>2 met/root>0 farmers/obj>2 who/nsubj>5 complained/acl:relcl>3');
    expect(actingSubject(d, whole(5), 4, words)).toBe(2);
  });

  it('does not climb out of a reported clause: its subject is not the reporter', () => {
    // Ana said that rising prices worried … : "worried" has no subject of its own here, and Ana did not worry.
    const { d, words } = tree('Ana/nsubj>2 said/root>0 that/mark>4 worried/ccomp>2 us/obj>4');
    expect(actingSubject(d, whole(5), 3, words)).toBeNull();
  });
});

describe('subtreeRange and headWordOf', () => {
  it('spans everything a word heads, without punctuation or adverbs at its edges', () => {
    // Then the council of Leeds , repeatedly … : "Then" and the comma hang on "council" but are not its phrase.
    const { d, words } = tree('Then/advmod>3:ADV the/det>3 council/nsubj>7 of/case>5 Leeds/nmod>3 ,/punct>3 denied/root>0');
    expect(subtreeRange(d, whole(7), 2, words)).toEqual({ first: 1, last: 5 });
  });

  it('finds the word a several-word cue hangs from', () => {
    const { d } = tree('He/nsubj>2 pointed/root>0 out/compound:prt>2 that/mark>5 fell/ccomp>2');
    expect(headWordOf(d, { first: 1, last: 3 })).toBe(1);
  });
});

describe('the speakers pass', () => {
  const models = loadModels();
  it('finds the subject the patterns miss across a participle aside, from the parse', () => {
    const text = 'Several engineers familiar with the design, speaking on condition of anonymity, said the bridge was unsafe.';
    const said = analyze({ text }, models).quotes.find((q) => q.cue?.text === 'said');
    expect(said?.speaker?.text).toMatch(/^Several engineers familiar with the design/);
  });
});
