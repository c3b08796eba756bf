// Pronoun resolution: the most likely preceding mention of compatible number and kind.
// Candidates come from the pronoun's sentence and the two before it; nearer and subject-like
// mentions score higher ("Assad rarely travels abroad. He went to Russia" → Assad), a subject
// is not the antecedent of an object pronoun in its own clause ("Assad thanked him").
import type { Token } from '../types';
import type { Referent } from './referents';
import type { PronounInfo } from './words';

export interface Candidate {
  /** Null for people the text names by a description alone ("voters", "28 percent of Republicans"): a "they" may stand for them, and then for no actor. */
  referent: Referent | null;
  first: number;
  last: number;
  sentence: number;
  subjectLike: boolean;
  /** The mention is plural ("the Iranians"), whatever its referent. */
  plural: boolean;
}

const CLAUSE_BREAKS = new Set([',', ';', ':', 'that', 'who', 'which', 'because', 'when', 'after', 'before', 'while', 'if', '“', '”', '"']);
const NON_PERSON_GROUPS = new Set(['government', 'organisation', 'armed-group', 'group', 'media', 'igo']);
/** Sentences before the pronoun's own where its antecedent may be. */
export const PRONOUN_WINDOW = 2;

/** The referent `pronoun` most likely stands for, or null. Candidates are in text order, all before the pronoun. */
export function resolvePronoun(tokens: Token[], pronoun: Token, info: PronounInfo, candidates: Candidate[]): Referent | null {
  if (info.class === 'first' || (info.class === 'it' && isPleonastic(tokens, pronoun))) return null;
  const pronounIsSubject = isSubjectPosition(tokens, pronoun);
  const ownSubject = info.object ? clauseSubject(tokens, pronoun, candidates) : null;
  let best: Referent | null = null;
  let bestScore = -Infinity;
  for (let c = candidates.length - 1; c >= 0; c--) {
    const cand = candidates[c];
    const distance = pronoun.sentence - cand.sentence;
    if (distance > PRONOUN_WINDOW) break;
    const fit = compatibility(info, cand.referent, cand.plural);
    if (fit === null) continue;
    let score = fit - 2.5 * distance;
    if (cand.subjectLike) score += 1.5;
    if (distance === 0) score += 1 - Math.min(1, (pronoun.i - cand.last) / 40);
    if (distance >= 1 && pronounIsSubject && cand.subjectLike) score += 1;
    if (cand === ownSubject) score -= 3;
    if (score > bestScore) {
      best = cand.referent;
      bestScore = score;
    }
  }
  return best;
}

/** How well a referent fits the pronoun: null if it cannot, else a bonus (0 best, negative worse). */
function compatibility(info: PronounInfo, ref: Referent | null, plural: boolean): number | null {
  if (!ref) return info.class === 'they' && plural ? 0 : null;
  if (ref.actorId === null && ref.type !== 'group') return null;
  switch (info.class) {
    case 'he':
    case 'she': {
      if (plural) return null;
      const wanted = info.class === 'he' ? 'm' : 'f';
      if (ref.gender && ref.gender !== wanted) return null;
      if (ref.person) return 0;
      return ref.type === 'unknown' ? -1.5 : null;
    }
    case 'it':
      if (ref.person || plural) return null;
      return ref.type === 'unknown' ? -0.5 : 0;
    case 'they':
      if (plural) return 0;
      if (!ref.person && NON_PERSON_GROUPS.has(ref.type)) return -1.5;
      return null;
    default:
      return null;
  }
}

/** "It was a rare trip for Assad", "it is clear that ...": an "it" that names nothing. */
function isPleonastic(tokens: Token[], it: Token): boolean {
  const next = tokens[it.i + 1];
  if (!next || next.sentence !== it.sentence) return false;
  const verb = next.lemma === 'be' || next.lower === "'s" || ['seem', 'appear', 'remain', 'become', 'take', 'make'].includes(next.lemma);
  if (!verb) return false;
  // "It was a rare trip", "it is clear": not "it's role" (a possessive written with 's).
  const after = tokens[it.i + 2];
  if (!after || !['ADJ', 'DET', 'ADV', 'PART', 'VERB'].includes(after.pos)) return false;
  for (let k = it.i + 2; k < tokens.length && tokens[k].sentence === it.sentence; k++) {
    if (['to', 'that', 'for', 'whether', 'if', 'how', 'when', 'why', 'what', 'who'].includes(tokens[k].lower)) return true;
  }
  return false;
}

/** A pronoun at the start of its sentence or clause, or followed by its verb. */
function isSubjectPosition(tokens: Token[], t: Token): boolean {
  const prev = tokens[t.i - 1];
  if (!prev || prev.sentence !== t.sentence || CLAUSE_BREAKS.has(prev.lower)) return true;
  const next = tokens[t.i + 1];
  return !!next && (next.pos === 'VERB' || next.pos === 'AUX');
}

/** The subject of the pronoun's own clause: the nearest subject-like mention before it, with no clause break between. */
function clauseSubject(tokens: Token[], pronoun: Token, candidates: Candidate[]): Candidate | null {
  for (let c = candidates.length - 1; c >= 0; c--) {
    const cand = candidates[c];
    if (cand.sentence !== pronoun.sentence || clauseBreakBetween(tokens, cand.last, pronoun.i)) return null;
    if (cand.subjectLike) return cand;
  }
  return null;
}

function clauseBreakBetween(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (CLAUSE_BREAKS.has(tokens[k].lower)) return true;
  return false;
}
