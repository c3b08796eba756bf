// The mentions resolved so far in an article, in text order, and the questions later mentions
// ask of them: who last held this title, which actor last had this role, which country the text
// is speaking of, which mentions a pronoun may stand for.
import type { MentionKind } from '../types';
import type { Candidate } from './pronouns';
import { type Referent, isCameo } from './referents';

export interface MentionRecord {
  /** Token range [first, last). */
  first: number;
  last: number;
  kind: MentionKind;
  referent: Referent | null;
  plural: boolean;
  sentence: number;
  /** Followed by its verb ("Iran says"): a likely antecedent. */
  subjectLike: boolean;
  /** The backer in "US-backed": no context for a later "the rebels". */
  relation?: boolean;
}

/**
 * How far back a question may look, in mentions: enough for any article's coreference, and a
 * bound that keeps the pass linear on pathological text (one endless sentence of names and
 * pronouns would otherwise cost pronouns × mentions).
 */
const LOOKBACK = 400;
/** Pronoun candidates: the few mentions just before a pronoun. */
const PRONOUN_LOOKBACK = 40;

export class MentionHistory {
  readonly records: MentionRecord[] = [];

  /** The index below which a backward scan of the records stops. */
  private floor(limit: number): number {
    return Math.max(0, this.records.length - limit) - 1;
  }

  /** The record that ends at token `last`. */
  endingAt(last: number): MentionRecord | undefined {
    for (let r = this.records.length - 1; r >= 0; r--) {
      if (this.records[r].last === last) return this.records[r];
      if (this.records[r].last < last) return undefined;
    }
    return undefined;
  }

  /** The latest person before `at` with this actor id, one who held `title` first. */
  personWithId(actorId: string, title: string, at: number): Referent | null {
    let any: Referent | null = null;
    for (let r = this.records.length - 1; r > this.floor(LOOKBACK); r--) {
      const ref = this.records[r].referent;
      if (this.records[r].last > at || !ref?.person || ref.actorId !== actorId) continue;
      if (heldTitle(ref, title)) return ref;
      any ??= ref;
    }
    return any;
  }

  /** The latest person before `at` who held this title ("the secretary" after "Secretary of State Mike Pompeo"). */
  personWithTitle(title: string, at: number): Referent | null {
    for (let r = this.records.length - 1; r > this.floor(LOOKBACK); r--) {
      const ref = this.records[r].referent;
      if (this.records[r].last <= at && ref?.person && heldTitle(ref, title)) return ref;
    }
    return null;
  }

  /** The latest mention before `at`, from sentence `fromSentence` on, of an actor holding this role ("Syrian rebels" for "the rebels"). */
  withRole(role: string, at: number, fromSentence: number): MentionRecord | null {
    for (let r = this.records.length - 1; r > this.floor(LOOKBACK); r--) {
      const rec = this.records[r];
      if (rec.sentence < fromSentence) break;
      const id = rec.referent?.actorId;
      if (rec.last > at || !id) continue;
      const held = isCameo(id) ? id.slice(3, 6) : id.includes('/') ? id.slice(id.lastIndexOf('/') + 1) : null;
      if (held === role) return rec;
    }
    return null;
  }

  /** The country the text speaks of around `at`: the latest country mention from sentence `fromSentence` on. */
  country(at: number, fromSentence: number): string | null {
    for (let r = this.records.length - 1; r > this.floor(LOOKBACK); r--) {
      const rec = this.records[r];
      if (rec.sentence < fromSentence) break;
      const ref = rec.referent;
      if (rec.last > at || rec.relation || !ref) continue;
      if (ref.type === 'country' && ref.actorId && /^[A-Z]{3}$/.test(ref.actorId)) return ref.actorId;
      if (ref.composite && ref.country) return ref.country;
    }
    return null;
  }

  /** The latest named body before `at`, from sentence `fromSentence` on, that `fits`. */
  body(at: number, fromSentence: number, fits: (ref: Referent) => boolean): Referent | null {
    for (let r = this.records.length - 1; r > this.floor(LOOKBACK); r--) {
      const { referent: ref, last, sentence } = this.records[r];
      if (sentence < fromSentence) break;
      if (last <= at && ref && !ref.person && !ref.composite && ref.actorId && fits(ref)) return ref;
    }
    return null;
  }

  /**
   * The resolved mentions before token `before`, from sentence `fromSentence` on, in text order:
   * what a pronoun there may stand for; and the plural descriptions of no actor ("voters said
   * they …" is no earlier actor's "they").
   */
  candidates(before: number, fromSentence: number): Candidate[] {
    const out: Candidate[] = [];
    for (let r = this.records.length - 1; r > this.floor(PRONOUN_LOOKBACK) && this.records[r].sentence >= fromSentence; r--) {
      const rec = this.records[r];
      if (rec.last <= before && (rec.referent || (rec.plural && rec.kind === 'description'))) out.push({ referent: rec.referent, first: rec.first, last: rec.last, sentence: rec.sentence, subjectLike: rec.subjectLike, plural: rec.plural });
    }
    return out.reverse();
  }
}

/** Has the person held this title? A foreign minister is a minister, a secretary of state a secretary; a vice president is no president. */
function heldTitle(ref: Referent, wanted: string): boolean {
  for (const held of ref.titles) {
    if (held === wanted) return true;
    if (/^(vice|deputy|former|acting|assistant|under)\b/.test(held)) continue;
    const head = held.includes(' of ') ? held.slice(0, held.indexOf(' of ')) : held;
    if (head === wanted || head.endsWith(` ${wanted}`)) return true;
  }
  return false;
}
