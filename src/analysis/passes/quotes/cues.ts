// Speech cues in the token stream: "said", "told reporters", "according to", "in a statement".
import type { Cue, Lexicon } from '../../../models/lexicon';
import { matchPhrase } from '../../../models/lexicon';
import { isJoiningHyphen, isMistaggedVerb } from '../../grammar';
import type { Token } from '../../types';

export interface CueHit {
  first: number;
  last: number;
  cue: Cue;
}

const VERBAL = new Set(['VERB', 'AUX']);

/** Cues whose first object is the one spoken to, not the content: "told reporters that …", "warned Tehran". */
export const ADDRESSEE_FIRST = new Set(['tell', 'inform', 'assure', 'remind', 'notify', 'warn', 'advise', 'promise', 'urge', 'brief', 'caution', 'convince', 'persuade', 'reassure', 'update', 'write', 'email', 'text', 'thank', 'threaten']);

/** Verbs that name what follows them: "a group called X", "the so called initiative". */
const NAMING = new Set(['call', 'dub', 'term', 'label', 'nickname', 'brand']);
const NOUN_OPENERS = new Set(['DET', 'ADP', 'ADJ']);

/**
 * A participle that modifies a noun rather than reporting speech: "in pledged delegates", "the
 * announced cuts", "the NRA's lobbying arm", "a group called Black Votes Matter", "so called reforms".
 */
function isModifyingParticiple(tokens: Token[], i: number, lemma: string): boolean {
  const t = tokens[i], prev = tokens[i - 1], next = tokens[i + 1];
  if (!prev || prev.sentence !== t.sentence) return false;
  // "the NRA's lobbying arm", "a training camp"
  if (t.lower.endsWith('ing')) return (NOUN_OPENERS.has(prev.pos) || prev.lower === "'s") && next?.pos === 'NOUN' && next.sentence === t.sentence;
  if (!t.lower.endsWith('ed')) return false;
  if (NOUN_OPENERS.has(prev.pos) && next?.pos === 'NOUN' && next.sentence === t.sentence) return true;
  if (!NAMING.has(lemma)) return false;
  return prev.lower === 'so' || (prev.pos === 'NOUN' && (tokens[i - 2]?.lower === 'a' || tokens[i - 2]?.lower === 'an'));
}

/** The cue that starts at token i, if any. */
export function cueAt(tokens: Token[], lowers: string[], i: number, lexicon: Lexicon): CueHit | null {
  if (!lexicon.cueWords.has(lowers[i])) return null;
  const phrase = matchPhrase(lexicon.cuePhrases, lowers, i);
  if (phrase) return { first: i, last: i + phrase.length, cue: phrase.value };
  const cue = lexicon.cueByForm.get(lowers[i]);
  if (!cue || cue.pos !== 'verb') return null;
  const t = tokens[i];
  // "so-called", "much-criticised": part of a compound word, not a verb.
  if (isJoiningHyphen(tokens, i - 1)) return null;
  if (isModifyingParticiple(tokens, i, cue.lemma)) return null;
  if (VERBAL.has(t.pos)) return { first: i, last: i + 1, cue };
  return isMistaggedVerb(tokens, i, cue.lemma) ? { first: i, last: i + 1, cue } : null;
}
