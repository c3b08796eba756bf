// The statements analyze() finds in a sentence written for a test, for the quotes and speakers tests.
import { analyze } from '../../src/analysis';
import type { QuoteOut } from '../../src/analysis/types';
import type { Models } from '../../src/models';

export function quoteReader(models: Models): { quotes: (text: string) => QuoteOut[]; only: (text: string) => QuoteOut } {
  const quotes = (text: string): QuoteOut[] => analyze({ text, publishedAt: '2019-03-01' }, models).quotes;
  const only = (text: string): QuoteOut => {
    const found = quotes(text);
    expect(found).toHaveLength(1);
    return found[0];
  };
  return { quotes, only };
}
