// Which actor pairs can hold a stance toward each other at all. A country and its own state
// (USA and USAGOV, Egypt and its government, Rwanda and its civilians, a government and its own
// army) are one side: text that names both ("the US government said the US …") states no stance
// of one toward the other. Opposition, rebels and insurgents of a country are another side
// (SYRGOV toward SYRREB stands).
import type { Actor } from '../types';
import { isCameo } from './referents';

/** Roles that stand against their country's state. */
const OPPOSITION_ROLES = new Set(['REB', 'OPP', 'INS', 'UAF', 'SEP', 'RAD']);
/** The state's executive: its government and the forces it commands. */
const EXECUTIVE_ROLES = new Set(['GOV', 'MIL', 'COP', 'SPY']);

/** An actor's country and its role in it ('' for the country itself), or null when it belongs to no country. */
export function countryRole(id: string, actor: Actor | undefined): { country: string; role: string } | null {
  if (id.startsWith('name:')) {
    const slash = id.lastIndexOf('/');
    if (slash > 0) return { country: id.slice(0, slash), role: id.slice(slash + 1) };
    return actor?.type === 'country' ? { country: id, role: '' } : null;
  }
  if (!isCameo(id)) return null;
  const country = id.slice(0, 3);
  // Only a country's own code: IGOUNO, ---REB and dictionary keys belong to none.
  if (actor?.country !== country && !(id.length === 3 && actor?.type === 'country')) return null;
  return { country, role: id.slice(3, 6) };
}

/**
 * False when the two are one side: a country and its own state or institutions, or two parts of
 * its executive (government, military, police, intelligence), neither of them opposition.
 */
export function mayHoldStance(source: string, target: string, actors: ReadonlyMap<string, Actor>): boolean {
  const a = countryRole(source, actors.get(source));
  const b = a && countryRole(target, actors.get(target));
  if (!a || !b || a.country !== b.country) return true;
  if (OPPOSITION_ROLES.has(a.role) || OPPOSITION_ROLES.has(b.role)) return true;
  return !(a.role === '' || b.role === '' || (EXECUTIVE_ROLES.has(a.role) && EXECUTIVE_ROLES.has(b.role)));
}
