// Actions: the subject of a stance-bearing verb toward the actors in its complement —
// "Tehran has supported Damascus", "Arnor is about to restore ties with Gondor", "Mordor, Rohan
// and Bree welcomed …", "X was attacked by Y" (passive: Y toward X). Polarity and weight come
// from the verb's CAMEO code and its Goldstein value; a verb + object pattern ("lift
// sanctions", "cut ties") overrides the verb's own code; negation flips the sign.
import type { Lexicon, StanceVerb } from '../../../models/lexicon';
import { matchObjectPattern, matchPhrase } from '../../../models/lexicon';
import {
  type TokenRange, actNounOf, antecedentOf, coordinatedBefore, isMistaggedVerb, isPassive, isPossessive, isQuoteMark, isSentenceEnd, nounPhraseFrom, subjectOf,
} from '../../grammar';
import type { Actor, Mention, Sentence, Token } from '../../types';
import { type TokenisedText, sentenceOf } from '../2-tokens';
import type { ActorMentions } from '../3-actors';
import { headMention, mentionEndingAt, mentionsWithin, subjectPhrase } from '../5-speakers';
import { type Evidence, SpanBudget, clamp } from './evidence';

interface VerbHit extends TokenRange {
  verb: StanceVerb;
}

/** How far a verb's complement may reach, in tokens. */
const MAX_COMPLEMENT = 20;
/** Words that open a new clause inside a sentence. */
const CLAUSE_OPENERS = new Set(['because', 'while', 'although', 'though', 'whereas', 'after', 'before', 'since', 'until', 'unless', 'when', 'if']);
/** Objects after the first matter less: "restored ties with X after talks in Y". */
const FIRST_TARGET_CONFIDENCE = 0.7;
const LATER_TARGET_CONFIDENCE = 0.45;

export function actionEvidence(t: TokenisedText, actors: ActorMentions, lexicon: Lexicon): Evidence[] {
  const { tokens } = t;
  const lowers = tokens.map((x) => x.lower);
  const out: Evidence[] = [];
  const budget = new SpanBudget();
  for (let i = 0; i < tokens.length; i++) {
    const hit = verbAt(tokens, lowers, i, lexicon);
    if (!hit) continue;
    i = hit.last - 1;
    if (hit.verb.polarity === 0) continue;
    const sentence = sentenceOf(t, hit.first);
    const complement = complementOf(tokens, hit.last, sentence);
    let sources = subjectMentions(tokens, actors, hit.first, sentence);
    const evaluates = onlyJudges(hit.verb);
    const sourceIds = new Set(sources.map((m) => m.actorId));
    let targets = distinct(
      mentionsWithin(actors.mentions, complement).filter((m) => !isCircumstance(tokens, m, complement) && !isActPatient(tokens, actors.mentions, m, complement.first, sourceIds, evaluates)),
    );
    if (isPassive(tokens, hit.first, sentence.first)) {
      const agent = passiveAgent(tokens, actors.mentions, complement);
      targets = sources;
      sources = agent;
    }
    if (hit.verb.reversed) [sources, targets] = [targets, sources];
    const sign = tokens[hit.first].negated ? -1 : 1;
    const score = clamp(sign * hit.verb.polarity * hit.verb.weight);
    const add = (source: Mention, target: Mention, confidence: number) => {
      if (!source.actorId || !target.actorId || source.actorId === target.actorId || !budget.take(sentence)) return;
      out.push({ start: sentence.start, end: sentence.end, source: source.actorId, target: target.actorId, score, confidence });
    };
    for (const s of sources) targets.forEach((target, n) => add(s, target, n === 0 ? FIRST_TARGET_CONFIDENCE : LATER_TARGET_CONFIDENCE));
    // Coordinated subjects act side by side, not toward each other ("A, B and C have been in
    // talks but failed"), unless a pair acts jointly: "A and B clashed", "A and B accused each
    // other", "A and B postponed their meeting".
    if (sources.length === 2 && isReciprocal(lowers, hit, complement)) for (const a of sources) for (const b of sources) add(a, b, LATER_TARGET_CONFIDENCE);
  }
  return out;
}

/**
 * CAMEO roots of verbs that judge or talk about what they take (statements, appeals, talks,
 * praise and support, disapproval, rejection, protest): "condemned the attack on X" speaks of
 * the attack, not of X. The other roots are acts on their object ("launched strikes on X").
 */
const EVALUATING_ROOTS = new Set(['01', '02', '04', '05', '11', '12', '14']);
/**
 * Verbs whose subject does the act its object names, of whatever root: "declared war on X",
 * "filed a lawsuit against X", "launched an attack on X", "led the campaign against X".
 */
export const AGENT_VERBS = new Set([
  'declare', 'file', 'launch', 'wage', 'lead', 'mount', 'conduct', 'stage', 'take', 'bring', 'go', 'impose', 'threaten', 'announce', 'order',
  'intensify', 'escalate', 'step', 'continue', 'begin', 'start', 'resume', 'unleash', 'carry', 'press', 'pursue', 'spearhead', 'coordinate', 'charge',
]);

/**
 * Is the mention the patient of an act named after the verb ("Russia's attack on X", "the
 * sanctions against X", "the invasion of X": actNounOf), and so no target of the verb: when the
 * act has an agent of its own that is not the verb's subject ("Germany condemned Russia's
 * attack on Ukraine": Russia's act, not Germany's), or whatever its agent when the verb only
 * judges or talks about it (`evaluates`: "condemned the attack on Ukraine"). The stance toward a
 * victim is not the verb's: a precision-first reading gives none.
 */
export function isActPatient(tokens: Token[], mentions: Mention[], m: Mention, floor: number, sources: ReadonlySet<string | null | undefined>, evaluates: boolean): boolean {
  const noun = actNounOf(tokens, m, floor);
  if (noun < 0) return false;
  if (evaluates) return true;
  const agent = actAgent(tokens, mentions, noun, floor);
  return !!agent?.actorId && !sources.has(agent.actorId);
}

/**
 * Does the verb governing the act noun only judge or talk about the act ("criticised the
 * sanctions against …")? The nearest verb before the noun's phrase, a stance verb of an
 * evaluating root that is no agent verb.
 */
export function judgesAct(tokens: Token[], noun: number, floor: number, lexicon: Lexicon): boolean {
  for (let k = noun - 1; k >= Math.max(floor, noun - 6); k--) {
    const x = tokens[k];
    if (x.pos !== 'VERB') continue;
    const verb = lexicon.verbByForm.get(x.lower);
    return !!verb && onlyJudges(verb);
  }
  return false;
}

/** A stance verb that judges or talks about what it takes, rather than doing it (EVALUATING_ROOTS, not AGENT_VERBS). */
const onlyJudges = (verb: StanceVerb): boolean => EVALUATING_ROOTS.has(verb.cameo.slice(0, 2)) && !AGENT_VERBS.has(verb.lemma);

/** The actor named as the act's own agent just before its noun: "Russia's attack", "the Israeli strikes", "Iran's brutal crackdown". */
export function actAgent(tokens: Token[], mentions: Mention[], noun: number, floor: number): Mention | null {
  const endingAt = (k: number) => {
    const m = mentionEndingAt(mentions, k + 1);
    return m && m.first >= floor ? m : null;
  };
  let k = noun - 1;
  for (let skipped = 0; k >= floor && skipped < 2 && tokens[k].pos === 'ADJ' && !endingAt(k); skipped++) k--;
  if (k >= floor && isPossessive(tokens[k])) k--;
  return k >= floor ? endingAt(k) : null;
}

/** Verbs whose coordinated subjects act on each other: reciprocal predicates. */
const RECIPROCAL_VERBS = new Set(['agree', 'disagree', 'meet', 'clash', 'fight', 'quarrel', 'feud', 'negotiate', 'reconcile', 'cooperate', 'collaborate', 'ally', 'partner', 'trade', 'compete', 'spar', 'wrangle', 'bicker']);

/**
 * Do a verb's coordinated subjects act toward each other? A reciprocal verb ("clashed",
 * "agree"), a reciprocal pronoun ("accused each other", "one another"), or their own joint
 * affair as its object ("postponed their meeting").
 */
function isReciprocal(lowers: string[], hit: VerbHit, r: TokenRange): boolean {
  if (RECIPROCAL_VERBS.has(hit.verb.lemma)) return true;
  if (lowers[r.first] === 'their') return true;
  for (let k = r.first; k + 1 < r.last; k++) {
    if ((lowers[k] === 'each' && lowers[k + 1] === 'other') || (lowers[k] === 'one' && lowers[k + 1] === 'another')) return true;
  }
  return false;
}

/** The stance verb at token i: a multi-word verb, a verb + object pattern, or a verb form. */
function verbAt(tokens: Token[], lowers: string[], i: number, lexicon: Lexicon): VerbHit | null {
  if (!lexicon.verbWords.has(lowers[i])) return null;
  const phrase = matchPhrase(lexicon.verbPhrases, lowers, i);
  if (phrase) return { first: i, last: i + phrase.length, verb: phrase.value };
  const verb = lexicon.verbByForm.get(lowers[i]);
  const patterns = lexicon.verbObjectPatterns.get(lowers[i]);
  if (!verb && !patterns) return null;
  const t = tokens[i];
  // wink-nlp tags some verbs as nouns after a subject ("Tehran slams") and some passive
  // participles as adjectives ("is being pressured").
  const verbal =
    t.pos === 'VERB' ||
    isMistaggedVerb(tokens, i, verb?.lemma ?? '') ||
    (t.pos === 'ADJ' && isPassive(tokens, i, Math.max(0, i - 3)));
  if (!verbal) return null;
  const pattern = patterns ? matchObjectPattern(patterns, lowers, i) : null;
  if (pattern) return { first: i, last: i + 1, verb: pattern.verb };
  return verb ? { first: i, last: i + 1, verb } : null;
}

/**
 * The actors the verb's subject names: each of a coordinated list ("Mordor, Rohan and Bree"),
 * and with a country's body its country when the phrase names it ("Soldiers from Gondor").
 */
function subjectMentions(tokens: Token[], actors: ActorMentions, v: number, sentence: Sentence): Mention[] {
  const subject = subjectPhrase(tokens, actors.mentions, v, sentence.first) ?? subjectOf(tokens, v, sentence.first);
  if (!subject) return [];
  const phrases = coordinatedBefore(tokens, antecedentOf(tokens, subject), sentence.first);
  const heads: Mention[] = [];
  for (const r of phrases) {
    const head = headMention(tokens, actors.mentions, r);
    if (!head) continue;
    heads.push(head);
    const country = head.actorId ? countryOf(actors.actors.get(head.actorId), head.actorId) : null;
    const named = country ? mentionsWithin(actors.mentions, r).find((m) => m.actorId === country) : undefined;
    if (named) heads.push(named);
  }
  return distinct(heads);
}

/** The country an actor belongs to: its own field, or the country part of "name:gondor/MIL". */
function countryOf(actor: Actor | undefined, id: string): string | null {
  if (actor?.country && actor.country !== id) return actor.country;
  const slash = id.indexOf('/');
  return slash > 0 ? id.slice(0, slash) : null;
}

/** What the verb acts on: the tokens after it up to the end of its clause. */
function complementOf(tokens: Token[], from: number, sentence: Sentence): TokenRange {
  const end = Math.min(sentence.last, from + MAX_COMPLEMENT);
  let k = from;
  for (; k < end; k++) {
    const x = tokens[k];
    if (isSentenceEnd(x) || x.value === ';' || x.value === ':' || x.pos === 'SCONJ' || CLAUSE_OPENERS.has(x.lower) || isQuoteMark(x)) break;
    const next = tokens[k + 1];
    // ", which …", ", saying …", "and condemned …": another clause or predicate begins.
    if (x.value === ',' && next && (next.lower === 'which' || next.lower === 'who' || next.lower.endsWith('ing') || next.pos === 'CCONJ')) break;
    if (x.pos === 'CCONJ' && next && (next.pos === 'VERB' || next.pos === 'AUX')) break;
  }
  return { first: from, last: k };
}

/** Prepositions of place and time: what follows them says where or when the act happened, not whom it was aimed at ("at" is left out: "fired at X"). */
const CIRCUMSTANCE_PREPOSITIONS = new Set(['in', 'near', 'over', 'across', 'throughout', 'inside', 'outside', 'around', 'within', 'during', 'beyond', 'along', 'amid']);

/**
 * Is the mention in a phrase of place or time within the complement ("killed a priest in
 * Gondor", "patrolled the skies over Mordor", "arrested 20 people in Arnor")? Its actor is the
 * scene of the act, not its target.
 */
function isCircumstance(tokens: Token[], m: Mention, complement: TokenRange): boolean {
  let k = m.first - 1;
  while (k >= complement.first && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'NUM' || tokens[k].pos === 'PROPN')) k--;
  return k >= complement.first && tokens[k].pos === 'ADP' && CIRCUMSTANCE_PREPOSITIONS.has(tokens[k].lower);
}

/** "… by Y" in a passive clause's complement: the one who acted. */
function passiveAgent(tokens: Token[], mentions: Mention[], complement: TokenRange): Mention[] {
  for (let k = complement.first; k < complement.last; k++) {
    if (tokens[k].lower !== 'by') continue;
    const np = nounPhraseFrom(tokens, k + 1, complement.last);
    return np ? distinct(mentionsWithin(mentions, np)) : [];
  }
  return [];
}

/** One mention per actor, first first. */
function distinct(mentions: Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => !!m.actorId && !seen.has(m.actorId) && !!seen.add(m.actorId));
}
