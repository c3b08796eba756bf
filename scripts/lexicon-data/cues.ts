// Hand-curated speech and attitude cues: the verbs, nouns and phrases that introduce what
// someone said, thinks or intends, grouped by what they signal. scripts/lexicon/build-cues.ts
// adds their inflected forms and, where CAMEO codes the verb, its code, polarity and weight.
//
// lemmas: comma-separated. A noun may name the verb whose CAMEO code it shares
// ("condemnation=condemn"). Phrases are written as wink-nlp tokenises them.
// frames: what follows the cue — that (said that...), colon (said: ...), quote ("...", he said),
// object (accused X...), to-infinitive (urged X to...), of (accused X of...).
// speech: the cue introduces speech; beliefs and intentions (think, plan) do not.
// neutral: the group carries no attitude even where CAMEO codes its verbs as cooperation
// (admit, confess). CUE_WEIGHT_FACTORS lowers cues with a common sense that is not an attitude
// ("attack" a town, "charge" a fee).
// Order matters where a form belongs to two entries (the noun "comment" and the verb): the
// first entry keeps it, so verbs come before nouns.
import type { CuePos, Signal } from '../../src/models/lexicon';

export interface CueGroup {
  signal: Signal;
  speech: boolean;
  pos: CuePos;
  frames: string;
  lemmas: string;
  neutral?: true;
  /** Phrase forms that do not inflect ("according to", "in a statement"). */
  fixed?: boolean;
}

export const CUE_GROUPS: CueGroup[] = [
  // ---------- verbs ----------
  {
    signal: 'report', speech: true, pos: 'verb', frames: 'that colon quote',
    lemmas: `say, add, note, explain, announce, state, declare, remark, comment, mention, reply,
      respond, answer, reiterate, repeat, restate, stress, emphasise, emphasize, underline,
      underscore, insist, maintain, contend, assert, argue, claim, allege, observe, confirm,
      disclose, reveal, recall, recount, write, tweet, testify, quip, joke, boast, brag, muse,
      predict, conclude, retort, exclaim, shout, scream, yell, whisper, murmur, mutter,
      proclaim, pronounce, report, suggest, hint, indicate, imply, clarify, elaborate, specify,
      summarise, summarize, attest, affirm, reaffirm, aver, avow, speculate, theorise, theorize,
      interject, rejoin, surmise, posit, counter, snap, thunder, quote, cite, bark, growl, snarl,
      chant, laugh, sigh, gush, marvel, rant`,
  },
  {
    // "“…,” he continued", "She went on: …" — never "continues to face", "continued his tour".
    signal: 'report', speech: true, pos: 'verb', frames: 'colon quote',
    lemmas: 'continue',
  },
  {
    signal: 'report', speech: true, pos: 'verb', frames: 'that colon quote object to-infinitive',
    lemmas: 'tell, inform, brief, notify, remind, assure',
  },
  {
    signal: 'report', speech: true, pos: 'verb', frames: 'object',
    lemmas: `describe, characterise, characterize, portray, depict, dub, term, label, call,
      address, speak, talk, discuss, outline, detail, publish, broadcast, post, echo`,
  },
  {
    signal: 'support', speech: true, pos: 'verb', frames: 'object quote',
    lemmas: `praise, welcome, thank, hail, commend, applaud, laud, congratulate, salute, acclaim,
      compliment, extol, honour, honor, credit, reassure, vouch, cheer, eulogise, eulogize,
      encourage, defend, celebrate`,
  },
  {
    signal: 'support', speech: false, pos: 'verb', frames: 'object',
    lemmas: `back, endorse, support, champion, favour, favor, embrace, sympathise, sympathize,
      admire, appreciate, respect, value, trust, bless, legitimise, legitimize`,
  },
  {
    signal: 'criticism', speech: true, pos: 'verb', frames: 'object quote that',
    lemmas: `condemn, criticise, criticize, denounce, slam, blast, decry, deplore, lambaste,
      lambast, castigate, censure, rebuke, reprimand, chide, berate, scold, assail, excoriate,
      pillory, mock, ridicule, deride, scorn, lament, bemoan, complain, protest, object,
      disparage, belittle, denigrate, vilify, demonise, demonize, smear, slander, malign, impugn,
      fume, grumble, gripe, moan, carp, scoff, sneer, jeer, taunt, insult, regret, attack`,
  },
  {
    signal: 'criticism', speech: true, pos: 'verb', frames: 'object of that',
    lemmas: 'accuse, charge, blame, fault, implicate, brand',
  },
  {
    signal: 'criticism', speech: false, pos: 'verb', frames: 'object',
    lemmas: 'oppose, disapprove, resent, distrust, challenge, abhor, detest, loathe, despise',
  },
  {
    signal: 'threat', speech: true, pos: 'verb', frames: 'object that to-infinitive of',
    lemmas: 'threaten, warn, caution, menace',
  },
  {
    signal: 'appeal', speech: true, pos: 'verb', frames: 'object to-infinitive that quote',
    lemmas: `urge, demand, ask, request, implore, plead, beg, press, push, exhort, entreat,
      beseech, petition, invite, advise, recommend, propose, appeal, instruct, counsel, lobby,
      nudge`,
  },
  {
    signal: 'denial', speech: true, pos: 'verb', frames: 'object that quote',
    lemmas: `deny, reject, dismiss, refute, rebut, dispute, contest, disavow, repudiate, disown,
      downplay, contradict, disagree, disprove, renounce, rebuff, spurn, debunk, discount,
      discredit`,
  },
  {
    signal: 'denial', speech: true, pos: 'verb', frames: 'object to-infinitive that quote',
    lemmas: 'refuse',
  },
  {
    signal: 'agreement', speech: true, pos: 'verb', frames: 'that object quote',
    lemmas: 'agree, accept, concur, recognise, recognize',
  },
  {
    signal: 'agreement', speech: true, pos: 'verb', frames: 'that object quote', neutral: true,
    lemmas: 'concede, admit, acknowledge, confess',
  },
  {
    signal: 'belief', speech: false, pos: 'verb', frames: 'that object',
    lemmas: `think, believe, feel, suspect, fear, doubt, expect, assume, presume, reckon, suppose,
      consider, guess, worry, understand, know, realise, realize, imagine, deem, regard,
      estimate, anticipate, foresee, envisage, envision`,
  },
  {
    signal: 'intent', speech: true, pos: 'verb', frames: 'to-infinitive that object',
    lemmas: 'promise, vow, pledge, swear, guarantee, undertake, offer, commit, resolve',
  },
  {
    signal: 'intent', speech: false, pos: 'verb', frames: 'to-infinitive object',
    lemmas: `plan, intend, want, hope, aim, seek, wish, strive, decide, endeavour, endeavor,
      desire, prefer`,
  },
  {
    signal: 'question', speech: true, pos: 'verb', frames: 'quote object that',
    lemmas: 'wonder, question, query, inquire, enquire, quiz, grill',
  },

  // ---------- phrases ----------
  {
    signal: 'report', speech: true, pos: 'phrase', frames: 'that colon quote', fixed: true,
    lemmas: `according to, in a statement, in a joint statement, in a written statement,
      in a separate statement, in a brief statement, in his statement, in her statement,
      in their statement, in its statement, in an interview, in an interview with,
      in a televised interview, in a tweet, in a post, in a speech, in a televised speech,
      in a televised address, in remarks, in his remarks, in her remarks, in comments,
      in a letter, in a message, in a video, in a video message, in a blog post,
      in the words of, at a press conference, at a news conference, at a joint press conference,
      at a briefing, at a news briefing, at a press briefing, on twitter, on facebook,
      on social media, on state television, on state tv, as saying, quoted as saying,
      was quoted as saying, as he put it, as she put it, as they put it`,
  },
  {
    signal: 'report', speech: true, pos: 'phrase', frames: 'that colon quote',
    lemmas: `tell reporters, tell journalists, tell the press, tell a news conference,
      tell a press conference, tell parliament, tell lawmakers, tell state media,
      tell state television, say in a statement, say on twitter, write on twitter, write on x,
      write on facebook, write in a letter, point out, go on, go on to say, make clear,
      make it clear, weigh in, speak of, speak about, speak to reporters, talk to reporters`,
  },
  {
    signal: 'support', speech: true, pos: 'phrase', frames: 'object',
    lemmas: `express support for, voice support for, express solidarity with, voice solidarity with,
      pay tribute to, speak up for, come to the defence of, come to the defense of,
      come out in support of, come out in favour of, come out in favor of, stand up for,
      express gratitude to, express appreciation for, extend condolences to, offer condolences to,
      send condolences to`,
  },
  {
    signal: 'support', speech: false, pos: 'phrase', frames: 'object',
    lemmas: 'stand by, stand with, side with, throw support behind, rally behind, rally around',
  },
  {
    signal: 'criticism', speech: true, pos: 'phrase', frames: 'object quote that',
    lemmas: `hit out at, hit out, lash out at, lash out, take aim at, take issue with,
      speak out against, rail against, inveigh against, come out against, pour scorn on,
      find fault with, point the finger at, express concern, express concerns, voice concern,
      voice concerns, raise concerns, express outrage, voice outrage, express dismay,
      express alarm, express anger, express regret, express disappointment, voice opposition,
      express opposition, cry foul, hit back at, fire back at, round on, scoff at,
      sneer at, jeer at, poke fun at, dress down`,
  },
  {
    signal: 'threat', speech: true, pos: 'phrase', frames: 'object that',
    lemmas: 'warn of, warn against, issue a warning, issue an ultimatum',
  },
  {
    signal: 'appeal', speech: true, pos: 'phrase', frames: 'object to-infinitive',
    lemmas: `call for, call on, call upon, appeal to, appeal for, push for, press for, ask for,
      plead with, plead for, clamour for, clamor for, lobby for`,
  },
  {
    signal: 'denial', speech: true, pos: 'phrase', frames: 'object',
    lemmas: `brush off, brush aside, shrug off, rule out, play down, push back, push back against,
      wave off, wave away`,
  },
  {
    signal: 'agreement', speech: true, pos: 'phrase', frames: 'object that',
    lemmas: 'agree with, concur with',
  },
  {
    signal: 'question', speech: true, pos: 'phrase', frames: 'that quote',
    lemmas: 'demand to know, want to know, ask whether, ask why, ask how, raise questions about',
  },

  // ---------- nouns ----------
  {
    signal: 'report', speech: true, pos: 'noun', frames: 'that colon',
    lemmas: `statement=state, remark=remark, comment=comment, interview, tweet=tweet, post,
      speech, announcement=announce, declaration=declare, testimony=testify, briefing=brief,
      press release, news conference, press conference, news briefing, press briefing, letter,
      message, communique, communiqué, readout, assertion=assert, claim=claim,
      contention=contend, insistence=insist, explanation=explain, confirmation=confirm,
      disclosure=disclose, revelation=reveal, prediction=predict, note=note,
      reply=reply, retort=retort`,
  },
  {
    signal: 'support', speech: true, pos: 'noun', frames: 'of',
    lemmas: `praise=praise, endorsement=endorse, tribute, congratulation=congratulate,
      condolence, commendation=commend, plaudit, accolade`,
  },
  {
    signal: 'criticism', speech: true, pos: 'noun', frames: 'that of',
    lemmas: `criticism=criticize, condemnation=condemn, accusation=accuse, allegation=allege,
      complaint=complain, protest=protest, rebuke=rebuke, denunciation=denounce,
      censure=censure, reproach=reproach, charge=charge, tirade, diatribe, broadside`,
  },
  {
    signal: 'threat', speech: true, pos: 'noun', frames: 'that of',
    lemmas: 'threat=threaten, warning=warn, ultimatum',
  },
  {
    signal: 'appeal', speech: true, pos: 'noun', frames: 'that to-infinitive of',
    lemmas: 'appeal=appeal, demand=demand, plea=plead, request=request, petition=petition, urging=urge',
  },
  {
    signal: 'denial', speech: true, pos: 'noun', frames: 'that of',
    lemmas: 'denial=deny, rejection=reject, refutation=refute, repudiation=repudiate, rebuttal=rebut',
  },
  {
    signal: 'agreement', speech: true, pos: 'noun', frames: 'that of',
    neutral: true,
    lemmas: 'admission=admit, acknowledgement=acknowledge, acknowledgment=acknowledge, confession=confess',
  },
  {
    signal: 'intent', speech: true, pos: 'noun', frames: 'that to-infinitive',
    lemmas: 'pledge=pledge, promise=promise, vow=vow, assurance=assure, guarantee=guarantee',
  },
  {
    signal: 'belief', speech: false, pos: 'noun', frames: 'that',
    lemmas: 'belief=believe, view, opinion, assessment, fear=fear, suspicion=suspect',
  },
  {
    signal: 'question', speech: true, pos: 'noun', frames: 'that',
    lemmas: 'question=question, query=query',
  },
];

/** Cues that often mean something other than an attitude: their weight is scaled down. */
export const CUE_WEIGHT_FACTORS: Record<string, number> = {
  attack: 0.5, blast: 0.7, charge: 0.5, brand: 0.7, defend: 0.7, celebrate: 0.5, press: 0.5,
  push: 0.5, warn: 0.75, caution: 0.6, challenge: 0.6, value: 0.5, respect: 0.7, trust: 0.7,
  protest: 0.7, object: 0.7, regret: 0.6, lament: 0.7, credit: 0.5, 'round on': 0.7,
  'hit out': 0.8,
  'express concern': 0.6, 'express concerns': 0.6, 'voice concern': 0.6, 'voice concerns': 0.6,
  'raise concerns': 0.5, 'express regret': 0.5, 'express disappointment': 0.7,
};

/** Nouns naming someone who speaks for another (a speaker, not a cue). */
export const SPEAKER_NOUNS = 'spokesman, spokeswoman, spokesperson, mouthpiece';
