// Word scores for news about conflict and diplomacy, on AFINN's −5..+5 scale, for the words
// AFINN-165 lacks or scores for everyday text rather than news. Written from general knowledge
// of news language, grouped by score; each form is listed (the lookup is by token, not lemma),
// with British and US spellings. scripts/lexicon/build-sentiment.ts checks every entry against
// AFINN: a word already scored the same there is an error, so this table stays a list of
// differences.

export const DOMAIN_SCORES: Record<string, string> = {
  '-5': `genocide, genocidal`,
  '-4': `massacre, massacres, massacred, atrocity, atrocities, slaughter, slaughtered, carnage,
    barbarism, bloodbath, heinous`,
  '-3': `terrorism, terrorist, terrorists, aggressor, aggressors, invasion, invader, invaders,
    puppet, puppets, occupier, occupiers, tyranny, tyrant, tyrants, despot, despots, despotic,
    repression, repressive, persecution, persecute, brutality, bloodshed, warmonger, warmongers,
    warmongering, imperialism, imperialist, imperialists, sabotage, sabotaged, thug, thugs,
    thuggish, gangster, gangsters, fascism, fascist, fascists, apartheid, treachery, treacherous,
    traitor, traitors, assassinated, hypocrisy, hypocrite, hypocrites, usurper, usurpers,
    subjugation, reprehensible, fanatic, fanatics, fanaticism, extortion, pariah, barbaric`,
  '-2': `occupation, occupying, plot, plots, plotting, plotted, conspire, conspired, conspiring,
    conspirators, regime, regimes, mercenary, mercenaries, invade, invaded, invading, dictator,
    dictators, dictatorship, dictatorships, authoritarian, authoritarianism, autocrat, autocrats,
    autocratic, crackdown, crackdowns, disinformation, interference, interfere, interfered,
    interfering, meddling, meddle, meddled, destabilise, destabilize, destabilising,
    destabilizing, destabilisation, destabilization, instability, insecurity, turmoil, unrest,
    provocation, provocations, provocative, escalation, escalatory, hostility, hostilities,
    hegemony, hegemonic, colonialism, expansionism, expansionist, domination, sanctions, embargo,
    besieged, extremism, radicalism, bandits, unlawful, lawless, lawlessness, usurp, usurped,
    arrogance, deceit, deception, fabricated, fabrication, fabrications, baseless, unfounded,
    groundless, slander, slanderous, defamation, incitement, incite, incited, inciting,
    subversion, espionage, spying, coup, putsch, bombardment, shelling, airstrike, airstrikes,
    hostage, hostages, executions, siege, casualties, humiliation, menacing, sectarian,
    sectarianism, belligerent, belligerence, coercive, ultimatum, retaliation, reprisal,
    reprisals, incursion, incursions, annexation, annexed, warlord, warlords, feud, confrontation,
    confrontations, clashes, denunciation, trafficking, looting, rogue, rigged, vandalism`,
  '-1': `occupied, sanction, sanctioned, tensions, rift, standoff, stalemate, deadlock, impasse,
    spat, allegations, colonial, annex, escalate, escalated, escalating, militarisation,
    militarization, interventionist`,
  '1': `sovereign, independence, allied, partner, partners, collaboration, dialogue, diplomacy,
    ceasefire, truce, armistice, peacekeeping, stabilise, stabilize, stabilised, stabilized,
    legitimate, landmark, assistance, aid, humanitarian, condolence, condolences, mediation,
    de-escalation, detente, normalisation, normalization`,
  '2': `sovereignty, stability, alliance, allies, cooperation, cooperate, cooperated, cooperating,
    cooperative, partnership, partnerships, brotherly, fraternal, reconciliation, rapprochement,
    unity, resilience, steadfastness, liberation, liberate, liberated, constructive, fruitful,
    cordial, goodwill, heroism, legitimacy`,
};

/**
 * AFINN words that mislead in news: names and titles (United Nations, Supreme Leader,
 * Justice Ministry, rebels, protesters), function words (like, no — a negator, not a
 * sentiment) and finance or idiom senses (interest rates, top official, health care, gross
 * domestic product, a fine, "held responsible").
 */
export const NEUTRALISED = `united, supreme, justice, rebel, rebels, protesters, authority, no,
  like, kind, top, leading, interest, interests, care, gross, fine, share, shares, matter,
  responsible, clear, want, super`;

/** Token values that negate what follows (wink-nlp splits "don't" into "do" + "n't"). */
export const NEGATORS = `not, n't, no, never, without, neither, nor, none, nobody, nothing,
  nowhere, hardly, barely, scarcely, cannot`;

/** Words that strengthen the attitude next to them, with their multiplier. */
export const INTENSIFIERS: Record<string, number> = {
  very: 1.3, extremely: 1.5, strongly: 1.5, deeply: 1.4, highly: 1.3, totally: 1.3,
  completely: 1.3, utterly: 1.5, absolutely: 1.4, fiercely: 1.5, sharply: 1.5, harshly: 1.5,
  vehemently: 1.6, vigorously: 1.3, firmly: 1.3, bitterly: 1.5, severely: 1.3, seriously: 1.2,
  really: 1.2, particularly: 1.2, especially: 1.2, greatly: 1.3, gravely: 1.4,
  categorically: 1.4, unequivocally: 1.4, resolutely: 1.3, staunchly: 1.4, wholeheartedly: 1.4,
  warmly: 1.3, heavily: 1.3, roundly: 1.4, strenuously: 1.4, flatly: 1.3, emphatically: 1.4,
  profoundly: 1.4, openly: 1.2, publicly: 1.1, repeatedly: 1.2, increasingly: 1.2,
};

/** Words that soften or distance the attitude next to them, with their multiplier. */
export const HEDGES: Record<string, number> = {
  may: 0.7, might: 0.6, could: 0.7, would: 0.8, possibly: 0.6, perhaps: 0.6, maybe: 0.6,
  probably: 0.8, likely: 0.8, unlikely: 0.5, reportedly: 0.7, allegedly: 0.6, apparently: 0.7,
  seemingly: 0.7, purportedly: 0.6, supposedly: 0.6, somewhat: 0.7, slightly: 0.6, partly: 0.7,
  partially: 0.7, relatively: 0.8, mildly: 0.6, arguably: 0.7, presumably: 0.7, alleged: 0.6,
  purported: 0.6, possible: 0.7, potential: 0.8, suspected: 0.7, rumoured: 0.6, rumored: 0.6,
};
