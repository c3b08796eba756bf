// Hand adjustments to the CAMEO verb lexicon for reading news, applied by
// scripts/lexicon/build-verbs.ts. CAMEO's synonym sets were built for coding event reports and
// take in many words whose everyday sense in a news article is not the coded act ("see" as
// 010, "die" as 190, "appropriate" as 171). CAMEO's codes are never changed here: a verb is
// kept with a lower weight, made neutral, or left out; a few common stance verbs that CAMEO
// leaves uncoded (its REFUSE and SIGN blocks only code patterns) get a code of their category.

function words(list: string): Set<string> {
  return new Set(list.split(',').map((w) => w.trim()).filter(Boolean));
}

/** Auxiliaries: never a verb of their own, not even with an object pattern. */
export const AUXILIARY_VERBS = words('be, have, do, will, would, shall, should, can, could, may, might, must');

/**
 * Ultra-generic verbs and CAMEO members whose common sense in news is not the coded act at all.
 * Their object patterns ("take * hostage") are kept: those are specific.
 */
export const EXCLUDED_VERBS = words(`
  make, get, take, go, come, give, put, set, keep, seem, use,
  see, saw, view, watch, notice, count, figure, total, score, sum, tally, calculate, measure, gauge,
  copy, imitate, mimic, think, consider, contemplate, excogitate, meditate, mull, muse, ponder,
  reason, reconsider, ruminate, weigh, go away, go forth, go to, leave, leave behind, depart,
  egress, embark, journey, find out, hear, learn, acquaint, innovate, insert, run into, face,
  brave, cluster, conglomerate, constellate, flock, huddle, concert, correlate, affect, impact,
  exuberate, exult, triumph, best, master, break, crack, ring, circle, mar, spoil, tear, rip,
  fill, bide, tease, undo, untie, render, stock, tender, attire, outfit, gear, task, serve, head,
  handle, steer, rule, issue, found, institute, constitute, better, compound, table, bill, remit,
  defer, fail, need, mean, die, involve, compete, contrast, counterbalance, express, cry, grieve,
  mourn, wail, weep, whine, compensate, disarray, disorder, enclose, moderate, reinforce, pull,
  pluck, catch, appropriate, revolutionise, revolutionize, inhabit, reside, go by, go through,
  clear, verify, legislate, retire, recede, detach, disconnect, concession, satify, get out,
  enable, resettle, check, study, research, explore, analyse, scan, skim, sweep, comb, dig, mine,
  rake, unearth, glance over, look over, ascertain, bid, necessitate, pull together, garner,
  elicit, beef up, attach, bind, chain, connect, relate, blend, coalesce, combine, conflate, fuse,
  organise, organize, orchestrate, synchronise, synchronize, harmonise, harmonize,
  unionise, unionize, integrate, advertise, advertize, admit, confess, confide, divulge, expose,
  profess, reveal, unveil, struggle, conflict, match, pit, engage, overshadow, overtake,
  surmount, overcome, bust, intrude, obtrude, pry, trespass, swear, tend, look after, add, lead,
  direct, conduct, control, command, administer, manage, govern, regulate, prescribe, dictate,
  enjoin, oversee, supervise, supervize, assign, allot, apportion, allocate, accord, enlist,
  enroll, establish, enact, re-establish, exaggerate, simplify, expediate, speculate, confront,
  rejoice, walk out, pass, interfere, tie in, furnish, slight`);

/**
 * Verbs of intention, increase or process: CAMEO codes them as cooperation (03, 06) but their
 * stance is their object's ("plans to attack", "stepped up strikes"). Kept with polarity 0.
 */
export const NEUTRAL_VERBS = words(`
  seek, is determined, decide, determine, vote, expect, intend, plan, want, aim, prepare, ready,
  strive, endeavor, endeavour, signal, gear up, train, groom, resurrect, resuscitate, revive,
  subscribe, volunteer, step up, amplify, augment, deepen, enlarge, escalate, expand, heighten,
  increase, intensify, magnify, redouble, hope, desire`);

/**
 * Verbs with a frequent sense in news that is not the coded act: weight × 0.5
 * ("charge" a fee, "fire" a minister, "strike" a deal, "march" the month).
 */
export const AMBIGUOUS_VERBS = words(`
  charge, fire, strike, hit, hammer, pound, blast, blow, storm, stone, shoot, target, battle,
  fight, crush, defeat, beat, dominate, smash, shatter, ruin, disarm, shell, snipe, hang, lash,
  whip, corrupt, contaminate, tarnish, kick, wrestle, bruise, explode, surround, encircle,
  overwhelm, upset, annoy, bother, discomfit, disconcert, disquiet, disturb, irk, irritate, vex,
  agonise, agonize, badger, plague, rag, torment, harry, hassle, pester, claim, allege, aver,
  avow, suspect, disappoint, discourage, dishearten, sadden, brand, lecture, deal, influence,
  celebrate, commemorate, clap, toast, prefer, spur, reassert, recognise, recognize, boost,
  improve, mitigate, link, merge, pay, pay for, evacuate, contribute, intervene, argue, contend,
  counter, insist, humble, enforce, quarrel,
  guard, shield, ward, settle, resolve, free, release, withdraw, pull out, retreat, allow,
  permit, submit, give up, abandon, abstain, countenance, bow, resign, search, monitor, examine,
  order, campaign, press, push, march, demonstrate, drum up, muster, rally, contain, force,
  block, pressure, grab, extract, overturn, bar, fine, tax, sentence, remove, damage, harm,
  hurt, impair, vitiate, wound, occupy, decline, delay, postpone, shelve, stall, risk,
  approach, arrive, gather, amass, assemble, congregate, converge, encounter, introduce,
  summon, attend, call, travel, tour, touring, shock, stun, stupefy, comply, offer, ease,
  trade, exchange, swap, buy, purchase, import, award, provide, supply, grant, benefit, help,
  unite, join, promote, associate, sign, suspend, cancel`);

/** Multiplier for AMBIGUOUS_VERBS. */
export const AMBIGUOUS_WEIGHT = 0.5;

/**
 * Codes for stance verbs CAMEO lists without a default code (or, for "sanction", not at all),
 * each taken from the category CAMEO itself gives its siblings or patterns: REFUSE → 12
 * (reject), SIGN * &TREATY → 057, "impose * sanctions" → 163, BREACH → 128, OVERTHROW → 180,
 * OFFEND [:110] for the verbs of angering ("X angered Y" is Y's disapproval of X).
 */
export const EXTRA_CODES: Record<string, string> = {
  reject: '120', refuse: '120', resist: '120', 'rule out': '120', sign: '057', sanction: '163',
  violate: '128', topple: '180', slam: '111', suspend: '160', revoke: '160', cancel: '160',
  anger: ':110', enrage: ':110', incense: ':110', exasperate: ':110',
};
