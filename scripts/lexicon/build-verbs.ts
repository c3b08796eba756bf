// Builds models/verbs.json: the coded CAMEO verbs with their forms, polarity and weight
// (scripts/lexicon/stance.ts), adjusted for news by ../lexicon-data/verb-adjustments.ts, and
// the verb + object patterns whose code depends on the object ("lift sanctions" 085).
import type { StanceVerbEntry, VerbsFile } from '../../src/models/lexicon';
import {
  AMBIGUOUS_VERBS,
  AMBIGUOUS_WEIGHT,
  AUXILIARY_VERBS,
  EXCLUDED_VERBS,
  EXTRA_CODES,
  NEUTRAL_VERBS,
} from '../lexicon-data/verb-adjustments';
import { parseCode, type CameoVerb, type CameoVerbDictionary } from './cameo';
import { verbForms } from './morphology';
import { round2, stanceOfCode } from './stance';

export interface VerbSources {
  cameo: CameoVerbDictionary;
  goldstein: (code: string) => number | undefined;
}

/** PETRARCH conjunction fragments ("killed and", "shot and") only make sense to its parser. */
function isFragment(lemma: string): boolean {
  return / (and|or)$/.test(lemma);
}

function checkAdjustments(cameo: CameoVerb[]): void {
  const lemmas = new Set(cameo.map((v) => v.lemma));
  const coded = new Set(cameo.filter((v) => v.code).map((v) => v.lemma));
  const lists = { AUXILIARY_VERBS, EXCLUDED_VERBS, NEUTRAL_VERBS, AMBIGUOUS_VERBS };
  const problems: string[] = [];
  const listOf = new Map<string, string>();
  for (const [name, list] of Object.entries(lists)) {
    for (const lemma of list) {
      const other = listOf.get(lemma);
      if (other) problems.push(`"${lemma}" is in ${other} and ${name}`);
      listOf.set(lemma, name);
      if (name !== 'AUXILIARY_VERBS' && !lemmas.has(lemma) && !(lemma in EXTRA_CODES)) problems.push(`"${lemma}" (${name}) is not a CAMEO verb`);
    }
  }
  for (const [lemma, code] of Object.entries(EXTRA_CODES)) {
    if (coded.has(lemma)) problems.push(`"${lemma}" already has a CAMEO code`);
    if (!parseCode(code)) problems.push(`"${lemma}": bad code ${code}`);
  }
  if (problems.length) throw new Error(`verb adjustments:\n${problems.join('\n')}`);
}

/** CAMEO's verbs, then the verbs EXTRA_CODES adds that CAMEO does not list. */
function withExtraCodes(cameo: CameoVerb[]): CameoVerb[] {
  const listed = new Set(cameo.map((v) => v.lemma));
  const extra = Object.keys(EXTRA_CODES).filter((lemma) => !listed.has(lemma));
  const added = extra.map((lemma): CameoVerb => ({ lemma, forms: verbForms(lemma), code: null, block: 'EXTRA_CODES' }));
  return [...cameo, ...added].map((verb) => (verb.code || !(verb.lemma in EXTRA_CODES) ? verb : { ...verb, code: parseCode(EXTRA_CODES[verb.lemma]) }));
}

function goldsteinOf(code: string, sources: VerbSources): number {
  const value = sources.goldstein(code);
  if (value === undefined) throw new Error(`no Goldstein value for CAMEO code ${code}`);
  return value;
}

function codedVerbs(sources: VerbSources): StanceVerbEntry[] {
  const verbs = new Map<string, StanceVerbEntry>();
  for (const verb of withExtraCodes(sources.cameo.verbs)) {
    const { lemma, code } = verb;
    if (!code || verbs.has(lemma) || isFragment(lemma) || AUXILIARY_VERBS.has(lemma) || EXCLUDED_VERBS.has(lemma)) continue;
    const stance = stanceOfCode(code.code, goldsteinOf(code.code, sources));
    const neutral = NEUTRAL_VERBS.has(lemma);
    const factor = AMBIGUOUS_VERBS.has(lemma) ? AMBIGUOUS_WEIGHT : 1;
    verbs.set(lemma, {
      lemma,
      ...stance,
      polarity: neutral ? 0 : stance.polarity,
      weight: neutral ? 0 : round2(stance.weight * factor),
      ...(code.reversed ? { reversed: true as const } : {}),
      forms: verb.forms,
    });
  }
  return [...verbs.values()];
}

/**
 * Gives each form to one verb: to the verb it is the lemma of ("fell" the tree, not fall), else
 * to the first verb listing it, so that every form in the file has a single reading.
 */
function assignForms(verbs: StanceVerbEntry[]): StanceVerbEntry[] {
  const owner = new Map<string, string>();
  for (const verb of verbs) {
    for (const form of verb.forms) {
      if (!owner.has(form) || form === verb.lemma) owner.set(form, verb.lemma);
    }
  }
  return verbs.map((verb) => ({ ...verb, forms: verb.forms.filter((form) => owner.get(form) === verb.lemma) }));
}

function objectPatterns(sources: VerbSources): VerbsFile['objectPatterns'] {
  const formsByLemma = new Map<string, string[]>();
  for (const verb of sources.cameo.verbs) if (!formsByLemma.has(verb.lemma)) formsByLemma.set(verb.lemma, verb.forms);
  const groups = new Map<string, VerbsFile['objectPatterns'][number]>();
  const seen = new Set<string>();
  for (const { verb, object, code } of sources.cameo.patterns) {
    const key = `${verb}|${object.join(' ')}`;
    if (AUXILIARY_VERBS.has(verb) || isFragment(verb) || seen.has(key)) continue;
    seen.add(key);
    let group = groups.get(verb);
    if (!group) {
      group = { verb, forms: formsByLemma.get(verb) ?? [verb], patterns: [] };
      groups.set(verb, group);
    }
    group.patterns.push({ object, ...stanceOfCode(code, goldsteinOf(code, sources)) });
  }
  return [...groups.values()];
}

export function buildVerbs(sources: VerbSources, about: string): VerbsFile {
  checkAdjustments(sources.cameo.verbs);
  const verbs = assignForms(codedVerbs(sources)).filter((verb) => verb.forms.length > 0);
  return { about, verbs, objectPatterns: objectPatterns(sources) };
}
