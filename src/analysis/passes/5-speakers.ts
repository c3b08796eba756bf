// Pass 5: speakers — who made each statement, as written and as resolved to an actor.
//
// The speaker phrase stands where the statement's pattern put it: before the cue ("the
// minister said"), after it ("said Dr. Weber"), or fixed by the pattern ("according to X").
// A participle cue reports the subject of its main clause ("Assad warned ..., saying ...").
// A quote with no cue belongs to the conversation around it: the speaker of the statement just
// before it in the same or the preceding paragraph. Where the patterns find no phrase for a
// cue, the sentence's dependency tree gives the cue verb's subject (../syntax/clauses.ts). The
// actor comes from the actors pass: the head mention inside the speaker phrase (a pronoun keeps
// its resolution).
import { MAX_PHRASE, type TokenRange, antecedentOf, clauseSubject, coordinatedBefore, isDash, isDayName, isNominal, isPassive, isPossessive, isPersonalPronoun, isQuoteMark, isPossessivePronoun, modifierOpening, RELATIVE_PRONOUNS, namePhraseFrom, nounPhraseBefore, nounPhraseFrom, skipVerbPrefixBackward, subjectBefore } from '../grammar';
import type { Mention, Token } from '../types';
import { partitionPoint } from '../sorted';
import { actingSubject, headWordOf, subtreeRange } from '../syntax/clauses';
import { type Dependencies, NOT_PARSED, type ParserModel, parseSentencesAt } from '../syntax/parser';
import { type TokenisedText, sentenceOf } from './2-tokens';
import type { ActorMentions } from './3-actors';
import type { Statement, Statements } from './4-quotes';

export interface Speaker {
  /** The speaker phrase as written. */
  range: TokenRange;
  /** The mention inside it that names the actor (null for "a spokesman" with nothing to resolve). */
  mention: Mention | null;
  actorId: string | null;
  name: string | null;
}

export interface AttributedStatement extends Statement {
  speaker: Speaker | null;
}

export function attributeSpeakers(t: TokenisedText, found: Statements, actors: ActorMentions, parser: ParserModel): AttributedStatement[] {
  const out: AttributedStatement[] = [];
  const conversation: Conversation = { lastQuoted: null, lastSpoken: null };
  const ranges = found.statements.map((s) => speakerPhrase(t, s, actors.mentions));
  const trees = parseWhereNoPhrase(t, found.statements, ranges, parser);
  found.statements.forEach((s, i) => {
    const parsed = trees && s.cue && s.speakerSide !== 'previous' && (!ranges[i] || farFromCue(ranges[i]!, s)) ? parsedSpeakerPhrase(t, trees, s) : null;
    // A phrase far before the cue is a guess of the shallow grammar: the tree's subject, when it is nearer.
    // (The same subject read wider, "Ana Ruiz, who runs …", keeps the shallow phrase: the name before its aside.)
    const found = ranges[i] && (!parsed || parsed.first < ranges[i]!.last) ? ranges[i] : parsed;
    const range = found && s.cue && found.last <= s.cue.first ? documentPhrase(t.tokens, found, sentenceOf(t, s.cue.first).first) : found;
    let speaker = range ? speakerFrom(range, actors.mentions, t.tokens) : null;
    if (s.speakerSide === 'previous') {
      // "X, in an interview, dwelled on Y, saying …": where neither the earlier cue's speaker nor
      // the shallow main clause gives one, the tree's subject of the clause the participle hangs from.
      // The sentence is parsed here, only when it comes to that (most participles share the earlier cue's speaker).
      speaker = sameSentenceSpeaker(t, out, s) ?? participleSubject(t, s, actors.mentions);
      const tree = !speaker && s.cue ? parseSentencesAt(t, parser, [s.cue.first]) : null;
      const parsed = tree ? parsedSpeakerPhrase(t, tree, s) : null;
      if (parsed) speaker = speakerFrom(parsed, actors.mentions, t.tokens);
    }
    if (!speaker && !s.cue) speaker = conversationSpeaker(conversation, s);
    if (!speaker && s.cue && s.speakerSide !== 'after') speaker = mainClauseActor(t, s, actors.mentions);
    const confidence = speaker ? s.confidence : Math.min(s.confidence, 0.5);
    // Written out rather than spread: one object shape, and V8's fast path.
    const attributed: AttributedStatement = { start: s.start, end: s.end, first: s.first, last: s.last, kind: s.kind, cue: s.cue, speakerSide: s.speakerSide, speakerRange: s.speakerRange, paragraph: s.paragraph, confidence, speaker };
    out.push(attributed);
    if (speaker) {
      conversation.lastSpoken = attributed;
      if (s.kind !== 'indirect') conversation.lastQuoted = attributed;
    }
  });
  return out;
}

/** The trees of the sentences holding a cue the patterns found no speaker phrase for, or one far before it (farFromCue); null when none. */
function parseWhereNoPhrase(t: TokenisedText, statements: Statement[], ranges: (TokenRange | null)[], parser: ParserModel): Dependencies | null {
  const cues = statements.flatMap((s, i) => ((ranges[i] && !farFromCue(ranges[i]!, s)) || !s.cue || s.speakerSide === 'previous' ? [] : [s.cue.first]));
  return cues.length ? parseSentencesAt(t, parser, cues) : null;
}

/**
 * How many tokens may stand between a subject and its cue: a verb group's adverbs and
 * auxiliaries ("has not yet publicly said"). A phrase further off is the shallow grammar's guess
 * across a clause, worth checking against the tree.
 */
const FAR_FROM_CUE = 8;

/** A speaker phrase before its cue, ending far from it ("X addressed the students …, vowing"). */
function farFromCue(r: TokenRange, s: Statement): boolean {
  return !!s.cue && r.last <= s.cue.first && s.cue.first - r.last > FAR_FROM_CUE;
}

/** The cue verb's subject as the tree gives it, outside the statement's own words; null when none. */
function parsedSpeakerPhrase(t: TokenisedText, d: Dependencies, s: Statement): TokenRange | null {
  const cue = s.cue!;
  const sentence = sentenceOf(t, cue.first);
  // Not parsed; or a passive, which the patterns read as having no speaker ("he's said to be").
  if (d.head[cue.first] === NOT_PARSED || isPassive(t.tokens, cue.first, sentence.first)) return null;
  const subject = actingSubject(d, sentence, headWordOf(d, cue), t.tokens);
  if (subject === null) return null;
  const range = subtreeRange(d, sentence, subject, t.tokens);
  // A phrase running into the cue ("commentators who have suggested") ends before it.
  if (range.first < cue.first && range.last > cue.first) range.last = cue.first;
  // "Corey Lane, in a statement released on Monday, said": a circumstance set off by commas is the verb's, not the subject's.
  for (let k = range.first + 1; k < range.last - 1; k++) if (t.tokens[k].value === ',' && t.tokens[k + 1].pos === 'ADP') { range.last = k; break; }
  if (range.last - range.first > MAX_PHRASE || (range.first < s.last && s.first < range.last)) return null;
  return range;
}

/** The speaker phrase a statement's pattern points at. */
function speakerPhrase(t: TokenisedText, s: Statement, mentions: Mention[]): TokenRange | null {
  const tokens = t.tokens;
  if (s.speakerRange) return s.cue?.cue.lemma === 'according to' ? documentPhraseAfter(tokens, s.speakerRange) : s.speakerRange;
  const cue = s.cue;
  if (!cue) return transcriptSpeaker(tokens, s) ?? colonSpeaker(t, s);
  if (s.speakerSide === 'previous') return null;
  const floor = sentenceOf(t, cue.first).first;
  // "…,” according to X": the speaker always follows, whichever side the quote stands.
  if (s.speakerSide === 'after' || cue.cue.lemma === 'according to') {
    const after = namePhraseFrom(tokens, cue.last);
    return after && documentPhraseAfter(tokens, after);
  }
  // "X was criticised by Y", "remarks first reported by the Times": the speaker is the
  // by-agent; a passive with none has no speaker.
  if (tokens[cue.last]?.lower === 'by' && /(ed|en)$/.test(tokens[cue.last - 1].lower)) return nounPhraseFrom(tokens, cue.last + 1);
  if (isPassive(tokens, cue.first, floor)) return null;
  // "Mr. Smith, in an interview on Friday, said …": a circumstance cue set off by commas after
  // the phrase that opens the sentence, its speaker (the tags may break a name up: then the
  // actor mention before the comma).
  if (tokens[cue.first].pos === 'ADP' && cue.cue.pos !== 'verb' && tokens[cue.first - 1]?.value === ',' && cue.first - 1 > floor) {
    const np = nounPhraseBefore(tokens, cue.first - 1, floor) ?? mentionBefore(tokens, mentions, cue.first - 1, floor);
    let open = floor;
    while (open < cue.first && (tokens[open].pos === 'CCONJ' || tokens[open].pos === 'ADV')) open++;
    if (np && np.first === open) return np;
  }
  // “…,” X, a fellow at Y, said: the phrase right after the quote.
  if (s.kind === 'direct' && s.last <= cue.first) {
    return namePhraseFrom(tokens, tokens[s.last]?.value === ',' ? s.last + 1 : s.last, cue.first);
  }
  // "his attacks on X", "Trump's call for Y", "Cruz made a call for Z": a noun cue's speaker is
  // its possessor, else the subject of its clause. ("Labor leaders point out": a verb tagged a
  // noun after its subject.)
  if (tokens[cue.first].pos === 'NOUN' && cue.cue.pos !== 'verb' && !afterSubject(tokens, cue.first)) return possessorOf(tokens, cue.first, floor) ?? clauseSubject(tokens, cue.first, floor);
  // An -ing form is read from before its adverbs: "…, forcefully denouncing", "before optimistically predicting".
  const ing = tokens[cue.first].lower.endsWith('ing');
  let lead = cue.first;
  while (ing && lead - 1 > floor && tokens[lead - 1].pos === 'ADV') lead--;
  // "X threw liberals a bone by declaring …", "after saying …", "while insisting …": the main clause's subject.
  if (ing && (previousIs(tokens, lead, 'ADP') || previousIs(tokens, lead, 'SCONJ')) && !opensSentence(tokens, lead, floor)) {
    const main = clauseSubject(tokens, lead - 1, afterQuotes(tokens, cue.first, floor));
    if (main) return main;
  }
  // "has lately started asking", "has avoided directly criticizing": the subject of the verb the -ing form completes.
  const previous = tokens[lead - 1];
  if (ing && previous?.pos === 'VERB' && CATENATIVES.has(previous.lemma) && lead - 1 >= floor) {
    return subjectPhrase(tokens, mentions, lead - 1, floor);
  }
  // "…, saying that …": a participle reports its main clause's subject ("Salceda, citing data
  // from …, said": with no verb before it, the phrase before the comma the participle follows).
  if (ing && tokens[lead - 1]?.value === ',') return clauseSubject(tokens, lead - 1, afterQuotes(tokens, cue.first, floor)) ?? (lead === cue.first ? nounPhraseBefore(tokens, lead - 1, floor) : null);
  // "… to call for …": an infinitive reports its governing verb's subject ("Cook declined to
  // say …", an actor mention where the tags break the phrase), else its main clause's.
  if (tokens[cue.first - 1]?.lower === 'to') {
    const governor = tokens[cue.first - 2];
    const governed = (governor?.pos === 'VERB' || governor?.pos === 'ADJ') && cue.first - 2 >= floor ? subjectPhrase(tokens, mentions, cue.first - 2, floor) : null;
    return governed ?? clauseSubject(tokens, cue.first - 1, afterQuotes(tokens, cue.first, floor));
  }
  // "Declaring that …, the mogul …", "While saying …, he …": the main clause comes after.
  if (ing && opensSentence(tokens, cue.first, floor)) return subjectAfterComma(t, cue.last);
  const subject = subjectPhrase(tokens, mentions, cue.first, floor);
  // "X sent a letter to the board urging …", "X was heard on a microphone telling …": a
  // participle after the object of a verb reports that verb's subject, not its object.
  // ("with O'Malley calling Trump a fascist", "featuring voters telling …": the phrase is the participle's own subject.)
  // ("… but X is already claiming …": a progressive after its own subject is a finite verb.)
  if (subject && ing && tokens[cue.first].pos === 'VERB' && !ABSOLUTE_OPENERS.has(tokens[subject.first - 1]?.lower) && !hasAuxiliary(tokens, subject.last, cue.first)) {
    const main = clauseSubject(tokens, subject.first, afterQuotes(tokens, cue.first, floor));
    if (main && main.last < subject.first && hasVerb(tokens, main.last, subject.first)) return main;
  }
  return subject;
}

/** Words that open a noun phrase with its own participle: "with X calling …", "about X saying …". */
const ABSOLUTE_OPENERS = new Set(['with', 'without', 'featuring', 'including', 'about', 'as']);

const previousIs = (tokens: Token[], i: number, pos: string) => tokens[i - 1]?.pos === pos && tokens[i - 1].sentence === tokens[i].sentence;

/** Verbs an -ing form completes ("started asking", "kept saying", "avoided condemning"). */
const CATENATIVES = new Set(['start', 'begin', 'keep', 'continue', 'stop', 'quit', 'resume', 'avoid', 'finish', 'risk', 'spend']);

/** A plural or proper noun, or a personal pronoun, right before token i: a subject, so the word at i is its verb. */
function afterSubject(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || prev.sentence !== tokens[i].sentence) return false;
  return prev.pos === 'PROPN' || (prev.pos === 'NOUN' && prev.lower.endsWith('s')) || (prev.pos === 'PRON' && isPersonalPronoun(prev));
}

/** An auxiliary among tokens [from, to): "is (already) claiming". */
function hasAuxiliary(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].pos === 'AUX') return true;
  return false;
}

/** A verb among tokens [from, to). */
function hasVerb(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') return true;
  return false;
}

/** The subject of the verb at token v: the grammar's phrase, or the actor mention right before the verb when the POS tags broke the phrase up. */
export function subjectPhrase(tokens: Token[], mentions: Mention[], v: number, floor: number): TokenRange | null {
  const np = subjectBefore(tokens, v, floor);
  const m = mentionBefore(tokens, mentions, v, floor);
  if (!m || (np && np.first <= m.first && m.last <= np.last)) return np;
  return m;
}

/** The main clause's subject for a participle whose sentence has no earlier speaker. */
function participleSubject(t: TokenisedText, s: Statement, mentions: Mention[]): Speaker | null {
  if (!s.cue) return null;
  const range = clauseSubject(t.tokens, s.cue.first - 1, afterQuotes(t.tokens, s.cue.first, sentenceOf(t, s.cue.first).first));
  return range ? speakerFrom(range, mentions, t.tokens) : null;
}

/**
 * Where neither the patterns nor the tree give a cue a speaker ("Cruz, as usual, was attacking
 * …", a cue the tags hide): the subject of the sentence's main clause, only when that phrase is
 * itself an actor mention or a pronoun (not "Cruz's strategy", "the valley"), outside the
 * statement's own words; never for a passive.
 */
function mainClauseActor(t: TokenisedText, s: Statement, mentions: Mention[]): Speaker | null {
  const cue = s.cue!;
  const floor = sentenceOf(t, cue.first).first;
  // A passive has no speaker but its by-agent ("he's said to be furious").
  if (isPassive(t.tokens, cue.first, floor)) return null;
  const r = clauseSubject(t.tokens, cue.first, afterQuotes(t.tokens, cue.first, floor));
  if (!r || (r.first < s.last && s.first < r.last)) return null;
  const speaker = speakerFrom(r, mentions, t.tokens);
  return speaker.mention && speaker.mention.first === r.first && speaker.mention.last === r.last ? speaker : null;
}

/** The first token after the last quotation mark before token i (else floor): a quote's own verbs are not the clause's. */
function afterQuotes(tokens: Token[], i: number, floor: number): number {
  for (let k = i - 1; k >= floor && i - k <= MAX_PHRASE * 2; k--) if (isQuoteMark(tokens[k])) return k + 1;
  return floor;
}

/** Only a preposition, conjunction or adverb before token i in its sentence ("While saying …"). */
function opensSentence(tokens: Token[], i: number, floor: number): boolean {
  if (i - floor > 6) return false;
  for (let k = floor; k < i; k++) if (!['ADP', 'SCONJ', 'ADV', 'CCONJ'].includes(tokens[k].pos)) return false;
  return true;
}

/** The subject of the main clause after an introductory one: the phrase after its comma, before a verb. */
function subjectAfterComma(t: TokenisedText, from: number): TokenRange | null {
  const { tokens } = t;
  const end = Math.min(sentenceOf(t, from).last, from + MAX_PHRASE * 2);
  for (let k = from; k < end; k++) {
    if (tokens[k].value !== ',') continue;
    const np = nounPhraseFrom(tokens, k + 1, end);
    // ", which is scheduled …": a relative clause, not the main clause.
    if (!np || RELATIVE_PRONOUNS.has(tokens[np.first].lower)) continue;
    let v = np.last;
    while (v < end && (tokens[v].pos === 'ADV' || tokens[v].pos === 'AUX')) v++;
    if (tokens[v]?.pos === 'VERB' || tokens[v - 1]?.pos === 'AUX') return np;
  }
  return null;
}

/** The possessor of the noun at token i: "his attacks" → his, "Trump's call" → Trump. */
function possessorOf(tokens: Token[], i: number, floor: number): TokenRange | null {
  let k = i;
  while (k - 1 >= floor && (tokens[k - 1].pos === 'ADJ' || tokens[k - 1].pos === 'ADV')) k--;
  const p = tokens[k - 1];
  if (!p || k - 1 < floor) return null;
  if (isPossessivePronoun(p)) return { first: k - 1, last: k };
  return isPossessive(p) ? nounPhraseBefore(tokens, k - 1, floor) : null;
}

/**
 * An actor mention ending just before the verb at token v (past adverbs and auxiliaries): the
 * actors pass knows names the POS tags break up ("the Ministry of Silly Walks condemned").
 */
function mentionBefore(tokens: Token[], mentions: Mention[], v: number, floor: number): TokenRange | null {
  // Right before the verb first: a name wink-nlp tags as an auxiliary ("Will wrote", "May said") is no verb prefix.
  for (const k of [v, skipVerbPrefixBackward(tokens, v, floor)]) {
    const m = mentionsWithin(mentions, { first: Math.max(floor, k - 12), last: k }).pop();
    if (m && m.last === k && m.actorId && m.kind !== 'pronoun' && m.first >= floor && modifierOpening(tokens, m.first, floor) < 0) return { first: m.first, last: m.last };
  }
  return null;
}

/** "“WALLACE: If I may, sir …”": a transcript's turn names its speaker in capitals before a colon. */
function transcriptSpeaker(tokens: Token[], s: Statement): TokenRange | null {
  if (s.kind !== 'direct' || !isQuoteMark(tokens[s.first])) return null;
  let k = s.first + 1;
  while (k < s.last && k - s.first <= 4 && /^\p{Lu}[\p{Lu}.'’-]+$/u.test(tokens[k].value)) k++;
  return k > s.first + 1 && tokens[k]?.value === ':' ? { first: s.first + 1, last: k } : null;
}

/** "Trump went even further: “…”" — a quote after a colon belongs to the clause's subject. */
function colonSpeaker(t: TokenisedText, s: Statement): TokenRange | null {
  const colon = s.first - 1;
  if (t.tokens[colon]?.value !== ':') return null;
  const floor = sentenceOf(t, colon).first;
  // "Republican pollster Daron Shaw: “…”" — a name and a colon, no verb.
  const last = nounPhraseBefore(t.tokens, colon, floor);
  if (last) {
    // "Mark Blumenthal and Jon Cohen: “…”", "More from the report: “…”": the names together.
    const name = { first: coordinatedBefore(t.tokens, last, floor)[0].first, last: last.last };
    const before = t.tokens[name.first - 1];
    if (name.first === floor || isDash(before) || before.value === ',' || before.value === ';' || (before.lower === 'from' && name.first - 1 > floor)) return name;
  }
  return clauseSubject(t.tokens, colon, floor);
}


/**
 * Nouns that name a document or a channel rather than who speaks through it: "the ministry's
 * statement said", "a letter from the party warns", "a post on his account reads".
 */
const DOCUMENT_NOUNS = new Set(
  ('statement statements communique communiqué communiques report reports letter letters website site account post posts tweet tweets ' +
    'readout announcement announcements release memo memorandum document documents note message messages email e-mail cable filing ' +
    'editorial article column op-ed blog video ad advertisement book study survey poll analysis transcript declaration bulletin broadcast ' +
    'feed page channel newsletter notice decree order complaint lawsuit ruling petition proposal draft text summary record minutes ' +
    'tally count audio footage recording data figures estimate estimates projection projections filings').split(' '),
);

/** Participles that say how a text came out or who is behind it: "a statement issued on …", "people briefed on …". */
const CIRCULATING = new Set(
  ('publish post issue release obtain send sign write quote circulate distribute report air broadcast share leak file submit deliver ' +
    'place own interview brief tweet conduct commission survey prepare poll sponsor fund back appoint elect').split(' '),
);

/** Prepositions after a document that name its addressee or topic, not its author: "a letter to X", "a report about X". */
const NOT_AUTHOR = new Set(['to', 'for', 'with', 'about', 'against', 'into', 'over', 'toward', 'towards']);

/** A preposition that ties a document to its author or channel: "a statement by X", "a post on X's account". */
const DOCUMENT_LINKS = new Set(['by', 'from', 'of', 'on', 'in']);

/**
 * The whole noun phrase of a document speaker, where the shallow phrase ended at its modifier:
 * "[A statement published on] Khamenei's website said", "[a report released Thursday by] the
 * ministry says", "[a statement by] the party said". PolNeAR's speaker is the phrase as written.
 */
function documentPhrase(tokens: Token[], r: TokenRange, floor: number): TokenRange {
  let first = r.first;
  for (let guard = 0; guard < 2; guard++) {
    const link = first - 1;
    if (link - 1 < floor || tokens[link].pos !== 'ADP') break;
    let j = link - 1;
    // "released (on) Tuesday by X"
    if (isDayName(tokens[j]) && j - 1 >= floor) j -= tokens[j - 1].lower === 'on' && j - 2 >= floor ? 2 : 1;
    // "… published on X", "… released by X": a participle after the noun it modifies (not a
    // verb of its own: "some senators vented about X").
    const participle = tokens[j].pos === 'VERB' && /ed$/.test(tokens[j].lower) && tokens[j - 1]?.pos === 'NOUN' && j - 1 >= floor;
    if (participle && (tokens[link].lower === 'by' || CIRCULATING.has(tokens[j].lemma) || DOCUMENT_NOUNS.has(tokens[j - 1].lower))) {
      const np = nounPhraseBefore(tokens, j, floor);
      if (!np) break;
      first = np.first;
      continue;
    }
    // "a statement by X": a document and its author.
    if (j === link - 1 && DOCUMENT_LINKS.has(tokens[link].lower) && DOCUMENT_NOUNS.has(tokens[j].lower)) {
      const np = nounPhraseBefore(tokens, link, floor);
      if (!np) break;
      first = np.first;
      continue;
    }
    break;
  }
  return first === r.first ? r : { first, last: r.last };
}

/** "according to a tally by X", "… an analysis released by X": a document phrase runs on to its author. */
function documentPhraseAfter(tokens: Token[], r: TokenRange): TokenRange {
  const head = tokens[r.last - 1];
  if (!head || !DOCUMENT_NOUNS.has(head.lower)) return r;
  let k = r.last;
  if (tokens[k]?.pos === 'VERB' && /ed$/.test(tokens[k].lower) && tokens[k + 1]?.lower === 'by') k++;
  if (tokens[k]?.lower !== 'by' && !(k === r.last && tokens[k]?.lower === 'from')) return r;
  const author = namePhraseFrom(tokens, k + 1);
  return author ? { first: r.first, last: author.last } : r;
}

/**
 * The actor behind a speaker phrase headed by a document noun: its possessor or a name before it
 * ("the ministry's statement", "a Kremlin readout"), else the first actor after it ("a letter
 * from X", "a statement published on X's website"). Undefined when the phrase has no document
 * head; null when the document names no actor.
 */
function documentAuthor(tokens: Token[], mentions: Mention[], r: TokenRange): Mention | null | undefined {
  let head = -1;
  for (let k = r.first; k < r.last; k++) {
    if (tokens[k].pos === 'ADP' || (tokens[k].pos === 'VERB' && k > r.first)) break;
    if (tokens[k].pos === 'NOUN' && DOCUMENT_NOUNS.has(tokens[k].lower) && !isNominal(tokens[k + 1])) { head = k; break; }
  }
  if (head < 0) return undefined;
  const inside = mentionsWithin(mentions, r).filter((m) => m.actorId);
  // A mention the actors pass made of the document phrase itself ("its website") stands.
  if (inside.some((m) => m.first <= head && head < m.last)) return undefined;
  return inside.filter((m) => m.last <= head).pop() ?? inside.find((m) => m.first > head && !NOT_AUTHOR.has(tokens[m.first - 1]?.lower)) ?? null;
}

/** The actor a speaker phrase names; a relative pronoun names what its antecedent names ("Borges, who said"). */
function speakerFrom(range: TokenRange, mentions: Mention[], tokens: Token[]): Speaker {
  let phrase = antecedentOf(tokens, range);
  // "Peter Welch, a Democrat from Vermont": the name before an apposition is the speaker.
  for (let k = phrase.first + 1; k < phrase.last - 1; k++) {
    if (tokens[k].value !== ',') continue;
    if (headMention(tokens, mentions, { first: phrase.first, last: k })) phrase = { first: phrase.first, last: k };
    break;
  }
  const document = documentAuthor(tokens, mentions, phrase);
  const head = document === undefined ? headMention(tokens, mentions, phrase) : document;
  return { range, mention: head, actorId: head?.actorId ?? null, name: head?.name ?? null };
}

/**
 * The mention a phrase is about: not a possessor ("Iran's minister" is the minister), not the
 * object of a preposition in it ("Peter King from New York" is King), else the last one.
 */
export function headMention(tokens: Token[], mentions: Mention[], r: TokenRange): Mention | null {
  let preposition = r.last;
  for (let k = r.first; k < r.last; k++) if (tokens[k].pos === 'ADP') { preposition = k; break; }
  let head: Mention | null = null, fallback: Mention | null = null;
  for (const m of mentionsWithin(mentions, r)) {
    if (!m.actorId && m.kind !== 'pronoun') continue;
    const possessor = isPossessive(tokens[m.last]) && m.last < r.last;
    // "Putin's opponents", "Trump's critics": people against the possessor, who does not speak or act through them.
    if (possessor && APART_NOUNS.has(possessedNoun(tokens, m.last + 1, r.last))) continue;
    if (!possessor || !fallback) fallback = m;
    if ((!possessor || !head) && m.first < preposition) head = m;
  }
  return head ?? fallback;
}

/**
 * Nouns of people who stand against whoever possesses them: they are not that actor. (Allies and
 * supporters are its side: DSE's readers take "Berlusconi's allies accused …" as Berlusconi's.)
 */
const APART_NOUNS = new Set([
  'opponents', 'opponent', 'critics', 'critic', 'rivals', 'rival', 'enemies', 'enemy', 'foes', 'foe', 'detractors', 'adversaries', 'adversary',
  'challengers', 'challenger', 'victims', 'victim',
]);

/** The noun a possessive's phrase is about (after its adjectives), lower case; '' when none by `last`. */
function possessedNoun(tokens: Token[], from: number, last: number): string {
  for (let k = from; k < last && k < from + 4; k++) {
    if (tokens[k].pos === 'NOUN') return tokens[k].lower;
    if (tokens[k].pos !== 'ADJ') break;
  }
  return '';
}

/** The mention ending just before token `end` (of at most 8 tokens), or null. */
export function mentionEndingAt(mentions: Mention[], end: number): Mention | null {
  const m = mentionsWithin(mentions, { first: Math.max(0, end - 8), last: end }).pop();
  return m && m.last === end ? m : null;
}

/** The mention starting at token `first` (of at most 8 tokens), or null. */
export function mentionStartingAt(mentions: Mention[], first: number): Mention | null {
  const m = mentionsWithin(mentions, { first, last: first + 8 })[0];
  return m && m.first === first ? m : null;
}

/** Mentions lying within a token range (mentions are sorted and do not overlap). */
export function mentionsWithin(mentions: Mention[], r: TokenRange): Mention[] {
  const out: Mention[] = [];
  for (let k = partitionPoint(mentions.length, (n) => mentions[n].last <= r.first); k < mentions.length && mentions[k].first < r.last; k++) if (mentions[k].first >= r.first) out.push(mentions[k]);
  return out;
}

/** "X praised …, and condemned …": the speaker of the sentence's previous statement. */
function sameSentenceSpeaker(t: TokenisedText, previous: AttributedStatement[], s: Statement): Speaker | null {
  const p = previous[previous.length - 1];
  if (!p?.cue || !s.cue || t.tokens[p.cue.first].sentence !== t.tokens[s.cue.first].sentence) return null;
  return p.speaker;
}

/** The latest statements with a speaker, in text order so far: the one quoted, and any. */
interface Conversation {
  lastQuoted: AttributedStatement | null;
  lastSpoken: AttributedStatement | null;
}

/** A quote with no attribution continues the conversation: the latest speaker in this or the previous paragraph. */
function conversationSpeaker(conversation: Conversation, s: Statement): Speaker | null {
  // A quote continues a quote: the last speaker who was quoted, else the last who spoke.
  for (const p of [conversation.lastQuoted, conversation.lastSpoken]) if (p && p.paragraph >= s.paragraph - 1) return p.speaker;
  return null;
}

