// Statements: the speaker toward every actor the statement names. The cue says how the speaker
// regards what the statement is about ("condemned US plots", "praised Syria's victory"); the
// words around each target in the content say the rest ("the Americans will not protect you").
// "You" in a statement made to someone ("Iran told the US: “you will regret it”") is the
// addressee.
import { type TokenRange, nounPhraseFrom } from '../../grammar';
import type { Mention, Token } from '../../types';
import type { TokenisedText } from '../2-tokens';
import type { ActorMentions } from '../3-actors';
import { type AttributedStatement, headMention, mentionsWithin } from '../5-speakers';
import { ADDRESSEE_FIRST, type CueHit } from '../quotes/cues';
import { AGENT_VERBS, isActPatient } from './actions';
import { type Evidence, SpanBudget, clamp } from './evidence';
import type { LocalSentiment } from './lexical';

/** An actor the speaker phrase ties the speaker to speaks at this share of the speaker's confidence. */
const AFFILIATION_CONFIDENCE = 0.5;
/** How far an apposition may reach between the speaker's name and the cue, in tokens. */
const MAX_APPOSITION = 20;
/** How much the cue's own polarity counts beside the words of the content. */
const CUE_SHARE = 0.6;
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);

export function statementEvidence(t: TokenisedText, statements: AttributedStatement[], actors: ActorMentions, words: LocalSentiment): Evidence[] {
  const out: Evidence[] = [];
  const budget = new SpanBudget();
  statements.forEach((s, index) => {
    const source = s.speaker?.actorId;
    if (!source) return;
    const cue = s.cue ? s.cue.cue.polarity * s.cue.cue.weight : 0;
    const content: TokenRange = s;
    // The speaker, and at less weight whom the speaker phrase ties them to: "Patriots
    // quarterback Tom Brady", "Walter Schaub, the director of the ethics office, said".
    const sources = [{ id: source, confidence: s.confidence }, ...affiliations(t.tokens, actors.mentions, statements, s, source).map((id) => ({ id, confidence: s.confidence * AFFILIATION_CONFIDENCE }))];
    const add = (target: string, toward: TokenRange) => {
      const score = clamp(CUE_SHARE * cue + words.toward(content.first, content.last, toward));
      for (const from of sources) if (from.id !== target && budget.take(s)) out.push({ start: s.start, end: s.end, source: from.id, target, score, confidence: from.confidence, statement: index });
    };
    const seen = new Set<string>(sources.map((from) => from.id));
    // Content that is the cue's object ("condemned the attack on X") is judged, like an
    // evaluating verb's: the patient of the act it names is no target of the cue (isActPatient).
    const evaluated = !!s.cue && s.kind === 'indirect' && s.first <= s.cue.last + 1 && !AGENT_VERBS.has(s.cue.cue.lemma);
    const sourceIds = new Set<string>(seen);
    for (const m of mentionsWithin(actors.mentions, s)) {
      if (!m.actorId || seen.has(m.actorId)) continue;
      if (isActPatient(t.tokens, actors.mentions, m, s.first, sourceIds, evaluated)) continue;
      seen.add(m.actorId);
      add(m.actorId, m);
    }
    const addressee = s.cue ? addresseeOf(t.tokens, actors.mentions, s.cue) : null;
    if (addressee?.actorId && !seen.has(addressee.actorId)) {
      const you = firstSecondPerson(t.tokens, content);
      if (you >= 0) add(addressee.actorId, { first: you, last: you + 1 });
    }
  });
  return out;
}

/**
 * The other actors the speaker phrase names, an apposition up to the cue included ("Walter
 * Schaub, the director of the ethics office, said"). What stands between the speaker and the
 * cue is an apposition only when it opens with a comma, and never another statement's content
 * ("The US slammed Iranian support for Hezbollah and accuses Tehran …": Hezbollah is no
 * affiliation of the US).
 */
function affiliations(tokens: Token[], mentions: Mention[], statements: AttributedStatement[], s: AttributedStatement, speaker: string): string[] {
  const range = s.speaker!.range;
  const apposition = !!s.cue && range.last <= s.cue.first && s.cue.first - range.last <= MAX_APPOSITION && tokens[range.last]?.value === ',';
  const last = apposition ? s.cue!.first : range.last;
  const ids = new Set<string>();
  for (const m of mentionsWithin(mentions, { first: range.first, last })) {
    if (!m.actorId || m.actorId === speaker || m.kind === 'pronoun' || statements.some((o) => m.first < o.last && o.first < m.last)) continue;
    ids.add(m.actorId);
  }
  return [...ids];
}

/** Who a cue addresses: the object of "told"/"warned", or the object of "to" after "said". */
function addresseeOf(tokens: Token[], mentions: Mention[], cue: CueHit): Mention | null {
  let k = cue.last;
  if (tokens[k]?.lower === 'to' && cue.cue.lemma === 'say') k++;
  else if (!ADDRESSEE_FIRST.has(cue.cue.lemma)) return null;
  const np = nounPhraseFrom(tokens, k);
  return np ? headMention(tokens, mentions, np) : null;
}

function firstSecondPerson(tokens: Token[], r: TokenRange): number {
  for (let k = r.first; k < r.last; k++) if (SECOND_PERSON.has(tokens[k].lower)) return k;
  return -1;
}
