// The names an article gives people and things it does not find whole in the dictionary: runs of
// capitalised words, surnames of people it names in full somewhere ("Assad" before or after
// "Bashar al-Assad"), first names ("Hillary"), other spellings of dictionary people ("Ali
// Khamenei"), and a guess at what an unknown name is.
import type { Token } from '../types';
import { tokenKey } from '../../models/actors';
import { partitionPoint } from '../sorted';
import type { Unit } from './lexical';
import { ReferentRegistry, type Referent } from './referents';
import { ARMED_WORDS, MEDIA_WORDS, NAME_SUFFIXES, ORG_WORDS } from './words';

export interface NameHints {
  /** A title or a person's role stands before the name. */
  person?: boolean;
  gender?: 'm' | 'f';
}

interface Named {
  ref: Referent;
  /** Token index of the full name. */
  at: number;
}

/**
 * How many of the people named in full a look-up reads past the nearest one (that a gender or
 * an actor id rules out): far more than an article names, and a bound that keeps the pass linear
 * on one endless list of names.
 */
const NAMED_LOOKUP = 400;

const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'du', 'van', 'von', 'der', 'la', 'le', "'s"]);
const isContent = (k: string) => !PARTICLES.has(k) && !NAME_SUFFIXES.has(k);

export class ArticleNames {
  /** Last name → the people named in full, with where, in text order (as every list here). */
  private readonly surnames = new Map<string, Named[]>();
  /** First name → the same people ("Hillary" after "Hillary Clinton"). */
  private readonly givenNames = new Map<string, Named[]>();
  /** Everyone named in full, under their last name. */
  private readonly named: Named[] = [];
  private readonly fullNames = new Map<string, Referent>();

  constructor(
    private readonly tokens: Token[],
    private readonly registry: ReferentRegistry,
  ) {}

  /** Learns a person (or an unknown name) named in full at token `at`. */
  learnFullName(ref: Referent, keys: string[], at: number): void {
    const content = keys.filter(isContent);
    if (content.length < 2) return;
    const named = { ref, at };
    add(this.surnames, content[content.length - 1], named);
    add(this.givenNames, content[0], named);
    inTextOrder(this.named, named);
    this.fullNames.set(ReferentRegistry.nameKey(keys), ref);
  }

  /** Learns every name of a dictionary person the article names. */
  learnEntry(ref: Referent, entry: number, at: number): void {
    const e = this.registry.index.entries[entry];
    for (const name of [e.name, ...e.names]) this.learnFullName(ref, name.split(/[\s-]+/).map(tokenKey), at);
  }

  /** The first person named in full after `at` who holds this actor id. */
  laterPerson(actorId: string, at: number): Referent | null {
    const from = partitionPoint(this.named.length, (k) => this.named[k].at <= at);
    for (let k = from; k < this.named.length && k - from < NAMED_LOOKUP; k++) if (this.named[k].ref.actorId === actorId) return this.named[k].ref;
    return null;
  }

  /** The words of a run, as keys. */
  runKeys(unit: Unit): string[] {
    const keys: string[] = [];
    for (let k = unit.first; k < unit.last; k++) if (/\p{L}/u.test(this.tokens[k].value)) keys.push(tokenKey(this.tokens[k].value));
    return keys;
  }

  /** The words of a run without particles and suffixes ("Bashar al-Assad" → bashar, assad). */
  contentKeys(unit: Unit): string[] {
    return this.runKeys(unit).filter(isContent);
  }

  /** A run of capitalised words: someone named in full, a dictionary person under another spelling, or a new name. */
  runReferent(unit: Unit, hints: NameHints): Referent {
    const keys = this.runKeys(unit);
    const content = keys.filter(isContent);
    const text = textOf(this.tokens, unit.first, unit.last);
    if (content.length === 1) {
      const known = nearest(this.surnames.get(content[0]), unit.first, hints.gender) ?? nearest(this.givenNames.get(content[0]), unit.first, hints.gender);
      return known ?? this.registry.unknown(text, this.guessType(keys, hints));
    }
    const full = this.fullNames.get(ReferentRegistry.nameKey(keys));
    if (full) return full;
    // "Ali Khamenei": a dictionary surname with one of the person's given names before it ("Eric Trump" is not Donald).
    const lastPart = unit.parts?.[unit.parts.length - 1];
    const index = this.registry.index;
    if (lastPart?.hit && lastPart.last === unit.last && !NAME_SUFFIXES.has(keys[keys.length - 1]) && index.isPerson[lastPart.hit.entry]) {
      if (index.givenNames.get(lastPart.hit.entry)?.has(keys[0])) return this.registry.entry(lastPart.hit.entry);
    }
    const ref = this.registry.unknown(text, this.guessType(keys, hints));
    this.fullNames.set(ReferentRegistry.nameKey(keys), ref);
    return ref;
  }

  /** What an unknown name is: a person after a title or with a known first name, a body by its last word. */
  private guessType(keys: string[], hints: NameHints): Referent['type'] {
    if (hints.person) return 'person';
    const last = keys[keys.length - 1];
    if (MEDIA_WORDS.has(last)) return 'media';
    if (ARMED_WORDS.has(last)) return 'armed-group';
    if (ORG_WORDS.has(last)) return 'organisation';
    const content = keys.filter(isContent);
    if (content.length >= 2 && this.registry.index.firstNames.has(content[0])) return 'person';
    return 'unknown';
  }
}

function add(map: Map<string, Named[]>, key: string, named: Named): void {
  const list = map.get(key);
  if (list) inTextOrder(list, named);
  else map.set(key, [named]);
}

/** Adds `named` to a list in text order (names are learnt in text order, nearly always: at the end). */
function inTextOrder(list: Named[], named: Named): void {
  const k = partitionPoint(list.length, (n) => list[n].at <= named.at);
  if (k === list.length) list.push(named);
  else list.splice(k, 0, named);
}

/** The person named in full nearest `at`: the latest before, else the first after. */
function nearest(named: Named[] | undefined, at: number, gender?: 'm' | 'f'): Referent | null {
  if (!named) return null;
  const fits = (n: Named) => !gender || !n.ref.gender || n.ref.gender === gender;
  const before = partitionPoint(named.length, (k) => named[k].at < at);
  for (let k = before - 1; k >= 0 && before - k <= NAMED_LOOKUP; k--) if (fits(named[k])) return named[k].ref;
  const after = partitionPoint(named.length, (k) => named[k].at <= at);
  for (let k = after; k < named.length && k - after < NAMED_LOOKUP; k++) if (fits(named[k])) return named[k].ref;
  return null;
}

/** The text of tokens [first, last), single-spaced where the text has space. */
export function textOf(tokens: Token[], first: number, last: number): string {
  let text = '';
  for (let k = first; k < last; k++) {
    if (k > first && tokens[k].start > tokens[k - 1].end) text += ' ';
    text += tokens[k].value;
  }
  return text;
}
