import { normalise } from '../../src/analysis/passes/1-normalise';
import { firstTokenFrom, tokenise, tokensWithin } from '../../src/analysis/passes/2-tokens';
import { loadNlp } from '../../src/models/nlp';

const nlp = loadNlp();

describe('normalise', () => {
  it('keeps every character in place', () => {
    const text = '\uFEFFShe didn’t say “no”.\r\nThe\u00A0minister’s <b>aide</b> left.';
    const out = normalise(text);
    expect(out).toHaveLength(text.length);
    expect(out.indexOf('didn')).toBe(text.indexOf('didn'));
  });

  it('makes in-word apostrophes plain and keeps quotation marks', () => {
    expect(normalise('Iran’s “victory”, they don’t')).toBe("Iran's “victory”, they don't");
    // Only between two letters (letters beyond the BMP too), never at the text's edges.
    expect(normalise('’tis rock ’n’ roll, 𝒜’𝒷 O`Neil’')).toBe("’tis rock ’n’ roll, 𝒜'𝒷 O'Neil’");
  });

  it('blanks out invisible characters and HTML tags', () => {
    expect(normalise('a\u200Bb <i>c</i>')).toBe('a b    c    ');
  });
});

describe('tokenise', () => {
  it('places every token at its offset, one paragraph per line', () => {
    const text = 'Headline Without A Stop\n\nThe minister said on Monday that talks would resume. Nobody objected.';
    const t = tokenise(text, nlp);
    for (const tok of t.tokens) expect(text.slice(tok.start, tok.end)).toBe(tok.value);
    expect(t.paragraphs).toHaveLength(2);
    expect(t.sentences).toHaveLength(3);
    expect(t.sentences[0].paragraph).toBe(0);
    expect(t.sentences[2].paragraph).toBe(1);
    expect(text.slice(t.sentences[1].start, t.sentences[1].end)).toBe('The minister said on Monday that talks would resume.');
  });

  it('survives characters wink-nlp drops', () => {
    const text = normalise('First line.\n\uFEFFSecond line here.');
    const t = tokenise(text, nlp);
    for (const tok of t.tokens) expect(text.slice(tok.start, tok.end)).toBe(tok.value);
  });

  it('tags parts of speech, lemmas and negation', () => {
    const t = tokenise("Officials said they will not protect him.", nlp);
    const said = t.tokens.find((x) => x.value === 'said')!;
    expect(said.pos).toBe('VERB');
    expect(said.lemma).toBe('say');
    expect(t.tokens.find((x) => x.value === 'protect')!.negated).toBe(true);
    expect(t.tokens.find((x) => x.value === 'said')!.negated).toBe(false);
  });

  it('tags an apostrophe after a plural or a name in s as a possessive, not a closing quote', () => {
    const pos = (text: string, i: number) => tokenise(text, nlp).tokens.filter((x) => x.lower === "'")[i].pos;
    expect(pos('The Greens’ campaign manager spoke.', 0)).toBe('PART');
    expect(pos("The voters' choice was clear.", 0)).toBe('PART');
    expect(pos('He called them ‘the winners’ and left.', 1)).toBe('PUNCT');
  });

  it('maps character spans to token ranges', () => {
    const text = 'Assad thanked Iran warmly.';
    const t = tokenise(text, nlp);
    expect(firstTokenFrom(t.tokens, text.indexOf('Iran'))).toBe(2);
    expect(tokensWithin(t.tokens, { start: 6, end: 18 })).toEqual({ first: 1, last: 3 });
    expect(firstTokenFrom(t.tokens, text.length + 5)).toBe(t.tokens.length);
  });

  it('reads empty and whitespace-only text as nothing', () => {
    expect(tokenise('', nlp).tokens).toHaveLength(0);
    expect(tokenise(' \n\n  \n', nlp).sentences).toHaveLength(0);
  });
});

describe('tokenise, whatever the engine read before', () => {
  const values = (text: string, engine = nlp) => tokenise(text, engine).tokens.map((t) => `${t.value}/${t.pos}`);

  it('reads a text as an engine that has read nothing else would', () => {
    // wink-nlp keeps "Zorblat's" whole once a text has ended on it, unless the engine forgets it.
    const later = "Zorblat's plan for the e-bike-sharing co-op was praised by U.N.-backed groups.";
    const fresh = values(later, loadNlp());
    values("The board backed Zorblat's. It also backed the e-bike-sharing co-op and U.N.-backed groups.");
    expect(values(later)).toEqual(fresh);
    expect(fresh.slice(0, 2)).toEqual(['Zorblat/PROPN', "'s/PART"]);
  });

  it('reads the same after the engine is rebuilt', () => {
    const text = 'Officials in Quarnia denied the report on Tuesday.';
    const before = values(text);
    nlp.rebuild();
    expect(values(text)).toEqual(before);
  });
});
