// Reading a parsed sentence (./parser.ts Dependencies) for who does what: the subject of a
// verb, as the tree gives it, where the shallow grammar has no answer.
import type { TokenRange } from '../grammar';
import type { Dependencies } from './parser';

/** Clauses whose subject is their governor's: "X flipped his vote, saying …", "X went on to comment". */
const SHARES_GOVERNORS_SUBJECT = new Set(['advcl', 'xcomp', 'conj']);
const RELATIVE_SUBJECTS = new Set(['who', 'which', 'that']);

export interface Sentence {
  first: number;
  last: number;
}

/** The tokens of the sentence whose head is `of`. */
function dependents(d: Dependencies, s: Sentence, of: number): number[] {
  const out: number[] = [];
  for (let k = s.first; k < s.last; k++) if (d.head[k] === of) out.push(k);
  return out;
}

/** Left out at a phrase's edges: punctuation, and adverbs the parser hung on it ("Then X", "she repeatedly"). */
const EDGE_TAGS = new Set(['PUNCT', 'ADV']);

/** The token range a word heads (itself and everything below it), without punctuation or adverbs at its edges. */
export function subtreeRange(d: Dependencies, s: Sentence, word: number, tokens: readonly { pos: string }[]): TokenRange {
  let first = word;
  let last = word + 1;
  for (let k = s.first; k < s.last; k++) {
    // Climb from k to see whether `word` is above it; trees are shallow, and the sentence is short.
    let h = k;
    for (let steps = 0; h >= 0 && h !== word && steps < s.last - s.first; steps++) h = d.head[h];
    if (h !== word) continue;
    if (k < first) first = k;
    if (k + 1 > last) last = k + 1;
  }
  while (first < word && EDGE_TAGS.has(tokens[first].pos)) first++;
  while (last - 1 > word && EDGE_TAGS.has(tokens[last - 1].pos)) last--;
  return { first, last };
}

/**
 * Who a cue verb's clause says is acting: its subject, climbing from a participle or infinitive
 * to the clause it hangs from ("X rallied supporters, saying …"); a passive's by-agent, or
 * nothing when a passive has none; the noun a relative clause describes ("commentators who have
 * suggested …"). Null when the tree gives no subject within a few steps.
 */
export function actingSubject(d: Dependencies, s: Sentence, verb: number, words: readonly { lower: string }[]): number | null {
  let v = verb;
  for (let step = 0; step < 4 && v >= 0; step++) {
    const kids = dependents(d, s, v);
    const agent = kids.find((k) => d.relation[k] === 'obl:agent');
    if (agent !== undefined) return agent;
    if (kids.some((k) => d.relation[k] === 'nsubj:pass' || d.relation[k] === 'aux:pass')) return null;
    const subject = kids.find((k) => d.relation[k] === 'nsubj');
    if (subject !== undefined) {
      if (RELATIVE_SUBJECTS.has(words[subject].lower) && d.relation[v] === 'acl:relcl') return d.head[v] >= 0 ? d.head[v] : null;
      return subject;
    }
    if (!SHARES_GOVERNORS_SUBJECT.has(d.relation[v])) return null;
    v = d.head[v];
  }
  return null;
}

/** The word of a cue's range that the rest hangs from (its head lies outside the range). */
export function headWordOf(d: Dependencies, range: TokenRange): number {
  for (let k = range.first; k < range.last; k++) {
    const h = d.head[k];
    if (h < range.first || h >= range.last) return k;
  }
  return range.first;
}
