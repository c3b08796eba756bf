import { findQuotedSpans } from '../../src/analysis/passes/quotes/marks';
import { tokenise } from '../../src/analysis/passes/2-tokens';
import { loadNlp } from '../../src/models/nlp';

const nlp = loadNlp();
const spans = (text: string) => findQuotedSpans(text, tokenise(text, nlp).paragraphs).map((s) => ({ text: text.slice(s.start, s.end), closed: s.closed }));

describe('quotation marks', () => {
  it('pairs curly, straight, guillemet and wire-style marks', () => {
    expect(spans('He said “yes” and "no" and «peut-être» and ``maybe.\'\' Done.').map((s) => s.text)).toEqual([
      '“yes”', '"no"', '«peut-être»', "``maybe.''",
    ]);
  });

  it('keeps nested single quotes inside the double-quoted span', () => {
    expect(spans('“They called it ‘a disgrace’ today,” she said.').map((s) => s.text)).toEqual(['“They called it ‘a disgrace’ today,”']);
  });

  it('reads single quotes outside double ones, but not apostrophes', () => {
    expect(spans("Officials hail 'strategic cooperation' in Iran's capital").map((s) => s.text)).toEqual(["'strategic cooperation'"]);
    expect(spans('Leaders hail ‘historic deal’ at summit').map((s) => s.text)).toEqual(['‘historic deal’']);
  });

  it('runs a quote over paragraphs when the next paragraph opens with a mark', () => {
    const text = '“The first paragraph of the speech goes on\n\n“and the second one ends it,” he said.';
    const found = spans(text);
    expect(found).toHaveLength(1);
    expect(found[0].text).toBe(text.slice(0, text.indexOf(',”') + 2));
  });

  it('ends an unclosed quote with its paragraph when the next does not continue it', () => {
    const found = spans('He said “this never closes\n\nA new paragraph.');
    expect(found).toEqual([{ text: '“this never closes', closed: false }]);
  });

  it('restarts on a second opening mark', () => {
    expect(spans('“one “two” three').map((s) => s.text)).toEqual(['“one ', '“two”'].map((s) => s.trimEnd()));
  });
});

describe('mistyped quotation marks', () => {
  it('reads an opening mark typed after a word and before a space as a closing one', () => {
    expect(spans('“It is unusual,“ said the lawyer.').map((s) => s.text)).toEqual(['“It is unusual,“']);
  });
});
