// Which actor pairs can hold a stance toward each other at all. A country and its own state
// (USA and USAGOV, Egypt and its government, Rwanda and its civilians, a government and its own
// army) are one side: text that names both ("the US government said the US …") states no stance
// of one toward the other. Opposition, rebels and insurgents of a country are another side
// (SYRGOV toward SYRREB stands). And the media that report a statement ("Reuters reported",
// "according to the Associated Press") state no stance of their own in it.
import { nounPhraseFrom } from '../grammar';
import type { ActorMentions } from '../passes/3-actors';
import { type AttributedStatement, mentionsWithin } from '../passes/5-speakers';
import type { Evidence } from '../passes/stance/evidence';
import type { Actor, Token } from '../types';
import { isCameo } from './referents';

/** Roles that stand against their country's state. */
const OPPOSITION_ROLES = new Set(['REB', 'OPP', 'INS', 'UAF', 'SEP', 'RAD']);
/** The state's executive: its government and the forces it commands. */
const EXECUTIVE_ROLES = new Set(['GOV', 'MIL', 'COP', 'SPY']);

/** A person of the country, in no office of its state. */
const PERSON_ROLE = 'person';

/** An actor's country and its role in it ('' for the country itself), or null when it belongs to no country. */
export function countryRole(id: string, actor: Actor | undefined): { country: string; role: string } | null {
  if (id.startsWith('name:')) {
    const slash = id.lastIndexOf('/');
    if (slash > 0) return { country: id.slice(0, slash), role: id.slice(slash + 1) };
    if (actor?.type === 'country') return { country: id, role: '' };
    // A person of a country (the dictionary says whose) is one side with the country itself, not
    // with its state: "Trump said the United States is in decline" holds no stance toward the
    // US, while a candidate or a dissident toward the government does.
    return actor?.type === 'person' && actor.country ? { country: actor.country, role: PERSON_ROLE } : null;
  }
  if (!isCameo(id)) return null;
  const country = id.slice(0, 3);
  // Only a country's own code: IGOUNO, ---REB and dictionary keys belong to none.
  if (actor?.country !== country && !(id.length === 3 && actor?.type === 'country')) return null;
  return { country, role: id.slice(3, 6) };
}

/**
 * False when the two are one side: a country and its own state, institutions or people, or two
 * parts of its executive (government, military, police, intelligence), neither of them opposition.
 */
export function mayHoldStance(source: string, target: string, actors: ReadonlyMap<string, Actor>): boolean {
  const a = countryRole(source, actors.get(source));
  const b = a && countryRole(target, actors.get(target));
  if (!a || !b || a.country !== b.country) return true;
  if (OPPOSITION_ROLES.has(a.role) || OPPOSITION_ROLES.has(b.role)) return true;
  return !(a.role === '' || b.role === '' || (EXECUTIVE_ROLES.has(a.role) && EXECUTIVE_ROLES.has(b.role)));
}

/**
 * A statement by the media made with a cue of no polarity of its own ("reported", "said",
 * "according to", or none): the outlet reports, and holds no stance in what it reports. An
 * outlet that condemns or praises ("the newspaper's editorial board condemned") does.
 */
export function reportsOnly(speaker: Actor | undefined, cuePolarity: number | undefined): boolean {
  return speaker?.type === 'media' && !cuePolarity;
}

/**
 * The evidence to keep: none between one side (mayHoldStance), none from the media in what they
 * report, and none from or toward an outlet in the sentence that credits it with the report
 * ("According to AFP, Iran condemned the US": not AFP toward the US; "they stood by Syria,
 * according to Syria's SANA": not they toward SANA).
 */
export function stanceEvidenceFilter(tokens: Token[], statements: readonly AttributedStatement[], found: ActorMentions): (e: Evidence) => boolean {
  const { actors } = found;
  const reporters: { id: string; at: number }[] = [];
  for (const s of statements) {
    const id = s.speaker?.actorId;
    if (id && s.speaker?.mention && reportsOnly(actors.get(id), s.cue?.cue.polarity)) reporters.push({ id, at: s.speaker.mention.start });
  }
  // An outlet credited inside a statement's content: "…, according to Syria's SANA state broadcaster".
  for (let k = 0; k + 2 < tokens.length; k++) {
    if (tokens[k].lower !== 'according' || tokens[k + 1].lower !== 'to') continue;
    const np = nounPhraseFrom(tokens, k + 2);
    for (const m of np ? mentionsWithin(found.mentions, np) : []) if (m.actorId && actors.get(m.actorId)?.type === 'media') reporters.push({ id: m.actorId, at: m.start });
  }
  return (e) => {
    if (!mayHoldStance(e.source, e.target, actors)) return false;
    if (e.statement !== undefined && reportsOnly(actors.get(e.source), statements[e.statement].cue?.cue.polarity)) return false;
    return !reporters.some((r) => (r.id === e.target || r.id === e.source) && e.start <= r.at && r.at < e.end);
  };
}
