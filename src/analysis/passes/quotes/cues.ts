// Speech cues in the token stream: "said", "told reporters", "according to", "in a statement".
import type { Cue, Lexicon } from '../../../models/lexicon';
import { matchPhrase } from '../../../models/lexicon';
import { isMistaggedVerb } from '../../grammar';
import type { Token } from '../../types';

export interface CueHit {
  first: number;
  last: number;
  cue: Cue;
}

const VERBAL = new Set(['VERB', 'AUX']);

/** The cue that starts at token i, if any. */
export function cueAt(tokens: Token[], lowers: string[], i: number, lexicon: Lexicon): CueHit | null {
  const phrase = matchPhrase(lexicon.cuePhrases, lowers, i);
  if (phrase) return { first: i, last: i + phrase.length, cue: phrase.value };
  const cue = lexicon.cueByForm.get(lowers[i]);
  if (!cue || cue.pos !== 'verb') return null;
  const t = tokens[i];
  // "so-called", "much-criticised": part of a compound word, not a verb.
  const before = tokens[i - 1];
  if (before && before.value === '-' && before.end === t.start) return null;
  if (VERBAL.has(t.pos)) return { first: i, last: i + 1, cue };
  return isMistaggedVerb(tokens, i, cue.lemma) ? { first: i, last: i + 1, cue } : null;
}
