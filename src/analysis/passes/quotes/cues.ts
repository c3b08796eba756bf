// Speech cues in the token stream: "said", "told reporters", "according to", "in a statement".
import type { Cue, Lexicon } from '../../../models/lexicon';
import { matchPhrase } from '../../../models/lexicon';
import { isDayName, isJoiningHyphen, isMistaggedVerb, isPossessivePronoun, nounPhraseFrom, pluralNounContinues } from '../../grammar';
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
function isModifyingParticiple(tokens: Token[], i: number, lemma: string, lexicon: Lexicon): boolean {
  const t = tokens[i], prev = tokens[i - 1], next = tokens[i + 1];
  if (!prev || prev.sentence !== t.sentence) return false;
  // "the NRA's lobbying arm", "a training camp"
  if (t.lower.endsWith('ing')) return (NOUN_OPENERS.has(prev.pos) || prev.lower === "'s") && next?.pos === 'NOUN' && next.sentence === t.sentence;
  if (!t.lower.endsWith('ed')) return false;
  if (NOUN_OPENERS.has(prev.pos) && next?.pos === 'NOUN' && next.sentence === t.sentence) return true;
  if (isReducedRelative(tokens, i, lexicon)) return true;
  if (!NAMING.has(lemma)) return false;
  return prev.lower === 'so' || (prev.pos === 'NOUN' && (tokens[i - 2]?.lower === 'a' || tokens[i - 2]?.lower === 'an'));
}

/**
 * "A statement published on the ministry's website said …", "a letter released by the party
 * warns …": a participle right after a common noun, with a prepositional phrase after it and
 * then a speech verb of the clause's own, modifies the noun (whose phrase is that verb's
 * subject); it reports no statement of its own. ("The ministry published on its website that …"
 * has no verb after the phrase.)
 */
function isReducedRelative(tokens: Token[], i: number, lexicon: Lexicon): boolean {
  const t = tokens[i], prev = tokens[i - 1];
  if (prev.pos !== 'NOUN' || prev.lower.endsWith("'s")) return false;
  let k = i + 1;
  // An optional time word ("released Thursday by …"), then one or two prepositional phrases.
  if (isDayName(tokens[k])) k++;
  let phrases = 0;
  // "shouted out an insult": a particle makes a phrasal verb, no participle.
  if (PARTICLES.has(tokens[k]?.lower)) return false;
  for (; phrases < 2 && tokens[k]?.pos === 'ADP' && tokens[k].sentence === t.sentence; phrases++) {
    const np = nounPhraseFrom(tokens, k + 1, Math.min(tokens.length, k + 13));
    if (!np) return false;
    // "the union agreed in 2011 to a system in which hires were paid": no clause inside the phrase.
    for (let j = np.first; j < np.last; j++) if (tokens[j].pos === 'PRON' && !isPossessivePronoun(tokens[j])) return false;
    k = np.last;
  }
  if (phrases === 0) return false;
  while (tokens[k]?.pos === 'ADV' || tokens[k]?.pos === 'AUX') k++;
  const v = tokens[k];
  return !!v && v.sentence === t.sentence && v.pos === 'VERB' && !v.lower.endsWith('ing') && lexicon.cueByForm.get(v.lower)?.pos === 'verb';
}

const PARTICLES = new Set(['out', 'up', 'off', 'down', 'back', 'away']);

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
  if (isModifyingParticiple(tokens, i, cue.lemma, lexicon)) return null;
  if (VERBAL.has(t.pos)) return { first: i, last: i + 1, cue };
  // A noun-tagged cue after a name is a verb unless its phrase goes on as a noun's ("Western states like …").
  return isMistaggedVerb(tokens, i, cue.lemma) && !pluralNounContinues(tokens, i) ? { first: i, last: i + 1, cue } : null;
}
