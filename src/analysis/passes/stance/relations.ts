// Relations the text states in passing: support in "US-backed rebels" and "Iranian-funded
// militias" (X → Y), "Iran's ally Syria" / "Syria, an ally of Iran" (both ways), "the rebels,
// supported by Turkey," (X → Y); opposition in "X … against Y" ("X unleashed a barrage of
// insults against Y", "X voted against Y", "X's campaign against Y").
import { antecedentOf, clauseSubject, isJoiningHyphen, nounPhraseFrom } from '../../grammar';
import type { Mention, Token } from '../../types';
import { type TokenisedText, sentenceOf } from '../2-tokens';
import type { ActorMentions } from '../3-actors';
import { headMention, mentionEndingAt, mentionStartingAt } from '../5-speakers';
import type { Lexicon } from '../../../models/lexicon';
import { actAgent, judgesAct } from './actions';
import { type Evidence, SpanBudget } from './evidence';

/** Participles of support that join an actor to what it supports. */
const SUPPORT_PARTICIPLES = new Set(['backed', 'supported', 'sponsored', 'funded', 'financed', 'armed', 'trained', 'allied', 'aligned', 'led']);
const ALLY_WORDS = new Set(['ally', 'allies', 'partner', 'partners', 'patron', 'protector', 'backer', 'backers']);
const RELATION_SCORE = 0.5;
const OPPOSITION_SCORE = -0.4;
const RELATION_CONFIDENCE = 0.6;

export function relationEvidence(t: TokenisedText, actors: ActorMentions, lexicon: Lexicon): Evidence[] {
  const { tokens } = t;
  const out: Evidence[] = [];
  const budget = new SpanBudget();
  const addScored = (source: Mention | null, target: Mention | null, at: number, score: number) => {
    if (!source?.actorId || !target?.actorId || source.actorId === target.actorId) return;
    const s = sentenceOf(t, at);
    if (!budget.take(s)) return;
    out.push({ start: s.start, end: s.end, source: source.actorId, target: target.actorId, score, confidence: RELATION_CONFIDENCE });
  };
  const add = (source: Mention | null, target: Mention | null, at: number) => addScored(source, target, at, RELATION_SCORE);
  for (let i = 1; i < tokens.length; i++) {
    const w = tokens[i].lower;
    if (SUPPORT_PARTICIPLES.has(w)) {
      // "US-backed rebels": X - participle Y
      if (isJoiningHyphen(tokens, i - 1)) {
        const backer = mentionEndingAt(actors.mentions, i - 1);
        const np = nounPhraseFrom(tokens, i + 1);
        add(backer, np ? headMention(tokens, actors.mentions, np) : mentionStartingAt(actors.mentions, i + 1), i);
      }
      // "the rebels, supported by Turkey,"
      else if (tokens[i - 1].value === ',' && tokens[i + 1]?.lower === 'by') {
        const np = nounPhraseFrom(tokens, i + 2);
        add(np ? headMention(tokens, actors.mentions, np) : null, mentionEndingAt(actors.mentions, i - 1), i);
      }
    } else if (w === 'against') {
      const target = headOfPhraseAt(tokens, actors.mentions, i + 1);
      const sentence = sentenceOf(t, i);
      const subject = clauseSubject(tokens, i, sentence.first);
      let source = subject ? headMention(tokens, actors.mentions, antecedentOf(tokens, subject)) : null;
      // An act "against" Y: its own agent opposes Y ("X condemned Z's campaign against Y": Z,
      // not X), and a clause that only judges the act says nothing of its subject toward Y
      // ("X criticised the sanctions against Y"; isActPatient).
      if (tokens[i - 1].pos === 'NOUN') {
        const agent = actAgent(tokens, actors.mentions, i - 1, sentence.first);
        if (agent) source = agent;
        else if (judgesAct(tokens, i - 1, sentence.first, lexicon)) source = null;
      }
      addScored(source, target, i, OPPOSITION_SCORE);
    } else if (ALLY_WORDS.has(w)) {
      // "Iran's ally Syria", "Syria, an ally of Iran"
      const possessor = tokens[i - 1]?.pos === 'PART' ? mentionEndingAt(actors.mentions, i - 1) : null;
      const named = mentionStartingAt(actors.mentions, i + 1);
      const ofWhom = tokens[i + 1]?.lower === 'of' ? mentionStartingAt(actors.mentions, i + 2) : null;
      const appositive = tokens[i - 2]?.value === ',' && (tokens[i - 1].lower === 'an' || tokens[i - 1].lower === 'a') ? mentionEndingAt(actors.mentions, i - 2) : null;
      for (const [a, b] of [[possessor, named], [ofWhom, appositive]] as const) {
        add(a, b, i);
        add(b, a, i);
      }
    }
  }
  return out;
}

/** The actor a noun phrase starting at token i names ("President Donald Trump", "the rebels"). */
function headOfPhraseAt(tokens: Token[], mentions: Mention[], i: number): Mention | null {
  const np = nounPhraseFrom(tokens, i);
  return np ? headMention(tokens, mentions, np) : null;
}

