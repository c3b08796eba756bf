// The referents of one article: every individual, body, country or group its mentions name,
// each with the actor id it stands for. Mentions that name the same referent ("Bashar al-Assad",
// "Assad", "the Syrian president", "he") point to one Referent.
import type { ActorType } from '../types';
import {
  type ActorEntry,
  type ActorIndex,
  actorCode,
  describeCompositeId,
  entryActorId,
  personNameKey,
  roleAt,
  roleLabel,
  slugify,
} from '../../models/actors';

export interface Referent {
  /** Identity within the article: 'entry:ID', a country code, a composite id, 'name:slug', 'group:n'. */
  key: string;
  /** The actor it stands for: a CAMEO code, a composite (SYRGOV), 'name:slug', or null for a group. */
  actorId: string | null;
  name: string;
  type: ActorType;
  country: string | null;
  person: boolean;
  plural: boolean;
  gender?: 'm' | 'f';
  /** Role phrases the text gave it ("president", "supreme leader"). */
  titles: Set<string>;
  /** Its dictionary entry. */
  entry?: number;
  /** A country-and-role actor named by its label ("Syrian government"). */
  composite?: boolean;
}

/** Roles that belong to a state: an unknown name qualifying one is a country ("the Arnor government"). */
const STATE_ROLES = new Set(['GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY']);
/** Roles a titled person takes as their actor id. */
const ADOPTED_ROLES = new Set(['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'REB', 'UAF', 'INS']);

const isCameo = (id: string | null): boolean => !!id && !id.startsWith('name:') && /^[A-Z-]{3}/.test(id);

/** The id of a person as themselves: "name:bashar-al-assad". */
export const personLevelId = (name: string): string => `name:${slugify(name) || 'unnamed'}`;

export class ReferentRegistry {
  private readonly byKey = new Map<string, Referent>();
  private groups = 0;

  constructor(
    readonly index: ActorIndex,
    /** The article's date, undefined when it gives none (no dated role then). */
    readonly date: string | undefined,
  ) {}

  get(key: string): Referent | undefined {
    return this.byKey.get(key);
  }

  all(): Referent[] {
    return [...this.byKey.values()];
  }

  private remember(ref: Referent): Referent {
    this.byKey.set(ref.key, ref);
    return ref;
  }

  /** The referent of a dictionary entry: a country, a body, or a person with their role at the date. */
  entry(at: number): Referent {
    const entry = this.index.entries[at];
    const key = entry.type === 'country' ? entry.id : `entry:${entry.id}`;
    const known = this.byKey.get(key);
    if (known) return known;
    if (entry.type === 'country') {
      return this.remember({ key, actorId: entry.id, name: entry.name, type: 'country', country: entry.id, person: false, plural: false, titles: new Set(), entry: at });
    }
    if (this.index.isPerson[at]) {
      const code = roleAt(entry, this.date);
      const actorId = code ? actorCode(code) : personLevelId(entry.name);
      return this.remember({ key, actorId, name: entry.name, type: 'person', country: entry.country, person: true, plural: false, titles: new Set(), entry: at });
    }
    const last = lastRoleCode(entry);
    const actorId = entryActorId(entry, this.date) ?? (last ? actorCode(last) : entry.id);
    return this.remember({ key, actorId, name: entry.name, type: entry.type, country: entry.country, person: false, plural: false, titles: new Set(), entry: at });
  }

  /** A country-and-role actor ("SYRGOV", "name:arnor/GOV"), named by its label. */
  composite(actorId: string, qualifier?: Referent): Referent {
    const known = this.byKey.get(actorId);
    if (known) return known;
    const described = describeCompositeId(this.index, actorId);
    let name = described?.name ?? actorId;
    let type: ActorType = described?.type ?? 'group';
    const slash = actorId.lastIndexOf('/');
    if (!described && slash > 0) {
      const role = roleLabel(actorId.slice(slash + 1));
      name = `${qualifier?.name ?? actorId.slice(5, slash)} ${role.label}`;
      type = role.type;
    }
    const country = described?.country ?? null;
    return this.remember({ key: actorId, actorId, name, type, country, person: false, plural: false, titles: new Set(), composite: true });
  }

  /** A name no dictionary knows: "Qasem Soleimani", "Arnor". */
  unknown(name: string, type: ActorType): Referent {
    const actorId = personLevelId(name);
    const known = this.byKey.get(actorId);
    if (known) {
      if (known.type === 'unknown' && type !== 'unknown') this.setType(known, type);
      return known;
    }
    return this.remember({ key: actorId, actorId, name, type, country: null, person: type === 'person', plural: false, titles: new Set() });
  }

  /** A group of actors named before ("the two nations"): no actor of its own. */
  group(): Referent {
    const key = `group:${++this.groups}`;
    return this.remember({ key, actorId: null, name: 'group', type: 'group', country: null, person: false, plural: true, titles: new Set() });
  }

  setType(ref: Referent, type: ActorType): void {
    ref.type = type;
    ref.person = type === 'person';
  }

  /**
   * The actor id of a role held within a qualifier: Syria + GOV → SYRGOV, Tehran + MIL → IRNMIL,
   * Hezbollah + fighters → Hezbollah, the Assad regime → SYRGOV, Arnor + GOV → name:arnor/GOV.
   * Returns the referent the phrase names when it is the qualifier itself (a body). `stateRole`:
   * the role word belongs to states only (a government, a minister), not to any organisation.
   */
  compose(qualifier: Referent, role: string, stateRole = true): { actorId: string; body?: Referent } | null {
    const id = qualifier.actorId;
    if (!id) return null;
    if (qualifier.type === 'country' && /^[A-Z]{3}$/.test(id)) return { actorId: id + role };
    if (qualifier.composite && isCameo(id)) return { actorId: id.slice(0, 3) + role };
    if (qualifier.person) {
      // "the Assad regime" → SYRGOV; "Khamenei's website", "Trump's aides" speak for the person.
      if (isCameo(id) && qualifier.country && STATE_ROLES.has(role)) return { actorId: role === 'GOV' && id.startsWith(qualifier.country) ? id : qualifier.country + role };
      return { actorId: id, body: qualifier };
    }
    if (qualifier.entry !== undefined) return { actorId: id, body: qualifier };
    if (id.startsWith('name:')) {
      // An unknown name with a state's role is a country ("the Arnor government", "Arnor's foreign
      // minister"); an organisation's director, spokesman or website is the organisation's.
      const known = qualifier.type !== 'unknown' && qualifier.type !== 'country';
      if (known || !(STATE_ROLES.has(role) && stateRole)) return { actorId: id, body: qualifier };
      if (qualifier.type === 'unknown') this.setType(qualifier, 'country');
      // "its embassy" of "the Arnor cleric" is Arnor's: a role of a role takes the base name
      const base = id.includes('/') ? id.slice(0, id.indexOf('/')) : id;
      return { actorId: `${base}/${role}` };
    }
    return { actorId: id, body: qualifier };
  }

  /**
   * Gives a person known only by name the actor id of their title ("Iranian Foreign Minister X" →
   * IRNGOV, "IRGC commander X" → IRNMIL). Only roles that speak for a state or an armed group:
   * a candidate, a lawmaker or a party member stays an actor of their own.
   */
  adoptRole(person: Referent, actorId: string): void {
    if (person.actorId && isCameo(person.actorId) && person.entry !== undefined) return; // the dictionary's role at the date wins
    if (!isCameo(actorId) && !actorId.includes('/')) return;
    const role = actorId.includes('/') ? actorId.slice(actorId.lastIndexOf('/') + 1) : actorId.slice(3, 6);
    if (!ADOPTED_ROLES.has(role) && !actorId.startsWith('IGO')) return;
    if (person.actorId?.startsWith('name:') || person.actorId === null) {
      person.actorId = actorId;
      if (isCameo(actorId)) person.country = this.index.countries.has(actorId.slice(0, 3)) ? actorId.slice(0, 3) : person.country;
    }
  }

  /** The comparison key of a person's name ("bashar assad"). */
  static nameKey(keys: string[]): string {
    return personNameKey(keys);
  }
}

function lastRoleCode(entry: ActorEntry): string | null {
  const roles = entry.roles ?? [];
  return roles.length ? roles[roles.length - 1].code : null;
}

export { isCameo };
