// Types of the analysis: what goes in (Article), what comes out (Analysis, the contract in
// ../shared/eval/README.md) and the working document the passes share (Doc).
// All offsets are UTF-16 indexes into the article text, `end` exclusive.

export interface Span {
  start: number;
  end: number;
}

// ---------- input ----------

export interface Article {
  text: string;
  title?: string;
  /** ISO date; decides which role a person held (Trump in 2019 is USAGOV). Today when absent. */
  publishedAt?: string;
  /** Spans the caller names as actor mentions; each gets a row in Analysis.entities. */
  entities?: Span[];
  /** The publisher: the author's stances are its own (source publisher:<slug of it>, named by it); without it, "the author" (author:article). */
  source?: string;
}

// ---------- output (the contract) ----------

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

export interface TextSpan extends Span {
  text: string;
}

export interface SpeakerOut extends TextSpan {
  actorId: string | null;
  name: string | null;
}

export interface QuoteOut extends TextSpan {
  kind: QuoteKind;
  cue: TextSpan | null;
  speaker: SpeakerOut | null;
  confidence: number;
}

export interface ActorOut {
  id: string;
  name: string;
  type: ActorType;
  mentions: TextSpan[];
}

export interface EvidenceOut extends Span {
  score: number;
  /** Index into Analysis.quotes when the evidence is a statement. */
  quote?: number;
  text: string;
}

export interface StanceOut {
  source: string;
  target: string;
  score: number;
  polarity: -1 | 0 | 1;
  /** How sure the analysis is of the polarity, in [0, 1]: its most confident piece of evidence (absent from analyses stored before it existed). */
  confidence?: number;
  evidence: EvidenceOut[];
}

export interface EntityOut extends Span {
  actorId: string | null;
  polarity: -1 | 0 | 1;
  score: number;
}

export interface Analysis {
  quotes: QuoteOut[];
  actors: ActorOut[];
  stances: StanceOut[];
  entities?: EntityOut[];
}

// ---------- the working document ----------

export type ActorType =
  | 'country'
  | 'government'
  | 'person'
  | 'organisation'
  | 'igo'
  | 'armed-group'
  | 'group'
  | 'media'
  | 'author'
  | 'unknown';

export interface Token extends Span {
  /** Index of this token in Doc.tokens. */
  i: number;
  value: string;
  /** Lower-case value with typographic apostrophes made plain. */
  lower: string;
  lemma: string;
  /** Universal POS tag from wink-nlp (PROPN, VERB, PUNCT, ...). */
  pos: string;
  /** wink-nlp's negation flag: inside the scope of not/never/no/... */
  negated: boolean;
  sentence: number;
}

export interface Sentence extends Span {
  i: number;
  paragraph: number;
  /** Token index range [first, last). */
  first: number;
  last: number;
}

export interface Paragraph extends Span {
  i: number;
  /** Sentence index range [first, last). */
  first: number;
  last: number;
}

/** How a mention names its actor. */
export type MentionKind = 'name' | 'description' | 'pronoun' | 'entity';

export interface Mention extends Span {
  /** Token index range [first, last). */
  first: number;
  last: number;
  text: string;
  kind: MentionKind;
  /** Resolved actor id, or null when a pronoun or description could not be resolved. */
  actorId: string | null;
  /** Display name of what this mention names (a person's name when the actor is their role). */
  name: string | null;
  /** Grammatical number, for pronoun agreement. */
  plural: boolean;
  /** The individual named, when it matters beyond actorId: two mentions with the same referent name the
   *  same person or body even if actorId is a role code they share with others ("entry:DONALD_TRUMP",
   *  "name:qasem-soleimani", "SYRGOV"). */
  referent?: string;
}

export interface Actor {
  id: string;
  name: string;
  type: ActorType;
  country: string | null;
}
