// Reader for the PETRARCH2 CAMEO verb dictionary (scripts/reference/petrarch2/CAMEO.2.0.txt,
// Open Event Data Alliance, MIT) and the CAMEO → Goldstein table (cameo-goldstein.tsv).
//
// The verb section is a list of blocks:
//   ---  DENOUNCE   [111]  ---          block header: a name and the block's default code
//   CRITICIZE                           a member verb, coded with the default
//   FLOG {FLOGS FLOGGING FLOGGED} [180] a member with its irregular forms and its own code
//   +DRESS_DOWN {+DRESSES_DOWN ...}     a multi-word member ('_' joins its words)
//   - * {SUICIDE BOMBING}  [111]  # CONDEMN   a pattern: verb (*) with the words around it
//   &TREATY / +PACT / +ACCORD           a synonym set, used in patterns (SIGN * &TREATY)
// A code [A:B] codes the source's act as A (and the target's as B); [:B] codes only the target's
// act: "X outraged Y" is Y's disapproval of X. [---] means no code.
import { phrasalVerbForms, unique, verbForms } from './morphology';

export interface CameoCode {
  code: string;
  /** The code describes the target's act toward the subject (OFFEND [:110]). */
  reversed: boolean;
}

export interface CameoVerb {
  /** Lower case; words of a multi-word verb joined by a space ("dress down"). */
  lemma: string;
  forms: string[];
  /** The member's own code, else its block's; null when neither is given. */
  code: CameoCode | null;
  block: string;
}

/** A verb with a fixed object after it: ADD * SANCTIONS → [163]. */
export interface CameoObjectPattern {
  verb: string;
  object: string[];
  code: string;
}

export interface CameoVerbDictionary {
  verbs: CameoVerb[];
  patterns: CameoObjectPattern[];
}

const HEADER = /^---\s+(\S+)\s+\[([^\]]*)\]/;
const NAME = /^\+?[A-Z][A-Z_'-]*$/;
const PLAIN_WORD = /^[A-Z][A-Z-]*$/;
const SET_NAME = /^&[A-Z][A-Z_]*$/;
/** Patterns whose synonym sets multiply into more objects than this are left out. */
const MAX_OBJECT_VARIANTS = 40;

/** Splits "NAME {forms} [code]" (each part optional but the name) without backtracking regexes. */
function splitMemberLine(line: string): { name: string; braces?: string; code?: string } | null {
  let rest = line;
  let braces: string | undefined;
  let code: string | undefined;
  const open = rest.indexOf('{');
  if (open >= 0) {
    const close = rest.indexOf('}', open);
    if (close < 0) return null;
    braces = rest.slice(open, close + 1);
    rest = rest.slice(0, open) + ' ' + rest.slice(close + 1);
  }
  const bracket = rest.indexOf('[');
  if (bracket >= 0) {
    const close = rest.indexOf(']', bracket);
    if (close < 0) return null;
    code = rest.slice(bracket, close + 1);
    rest = rest.slice(0, bracket) + ' ' + rest.slice(close + 1);
  }
  const name = rest.trim();
  return NAME.test(name) ? { name, braces, code } : null;
}

/**
 * Reads "- * WORD {TWO WORDS} &SET [code] # VERB": a pattern whose words all follow the verb and
 * are plain words or synonym sets (no prepositional groups or actor slots). Others return null.
 */
function splitObjectPattern(line: string): { object: string[]; code: CameoCode; verb?: string } | null {
  const hash = line.indexOf('#');
  const comment = hash >= 0 ? line.slice(hash + 1).trim() : '';
  const body = (hash >= 0 ? line.slice(0, hash) : line).trim();
  const bracket = body.indexOf('[');
  if (bracket < 0 || !body.endsWith(']')) return null;
  const code = parseCode(body.slice(bracket));
  const tokens = body.slice(0, bracket).replace(/[{}]/g, ' ').trim().split(/\s+/);
  if (!code || code.reversed || tokens[0] !== '-' || tokens[1] !== '*' || tokens.length < 3) return null;
  const object = tokens.slice(2);
  if (!object.every((w) => PLAIN_WORD.test(w) || SET_NAME.test(w))) return null;
  const verb = comment.split(/\s+/)[0];
  return { object, code, verb: NAME.test(verb) ? verb : undefined };
}

/** The synonym sets (&TREATY → treaty, pact, accord, written agreement, agreement). */
function parseSynonymSets(text: string): Map<string, string[][]> {
  const sets = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const rawLine of text.split('\n')) {
    if (rawLine.startsWith('####### VERB PATTERNS')) break;
    const line = rawLine.replace(/#.*$/, '').trim();
    if (line.startsWith('&')) {
      current = [];
      sets.set(line.split(/\s+/)[0], current);
    } else if (line.startsWith('+') && current) {
      current.push(words(line.slice(1)).split(' ').filter(Boolean)); // CASH_ → cash
    } else if (!line) {
      current = null;
    }
  }
  return sets;
}

/** Every word sequence a pattern's object stands for, or null when there would be too many. */
function expandObject(object: string[], sets: Map<string, string[][]>): string[][] | null {
  let variants: string[][] = [[]];
  for (const token of object) {
    const choices = token.startsWith('&') ? sets.get(token) : [[token.toLowerCase()]];
    if (!choices) return null;
    variants = variants.flatMap((prefix) => choices.map((choice) => [...prefix, ...choice]));
    if (variants.length > MAX_OBJECT_VARIANTS) return null;
  }
  return variants;
}

export function parseCode(bracketed: string): CameoCode | null {
  const inner = bracketed.replace(/[[\]\s]/g, '');
  const [own, target] = inner.split(':');
  if (/^\d+$/.test(own)) return { code: own, reversed: false };
  if (own === '' && target && /^\d+$/.test(target)) return { code: target, reversed: true };
  return null;
}

function words(name: string): string {
  return name.toLowerCase().replace(/_/g, ' ');
}

function memberForms(lemma: string, braces: string | undefined): string[] {
  const listed = braces
    ? braces.slice(1, -1).split(/[\s,]+/).filter(Boolean).map((f) => words(f.replace(/^\+/, '')))
    : [];
  // "{}" marks an already inflected phrase (ATTACKED_AND_STABBED {}): no forms to generate.
  if (braces !== undefined && listed.length === 0) return [lemma];
  const generated = lemma.includes(' ') ? phrasalVerbForms(lemma) : verbForms(lemma);
  return unique([...generated, ...listed]);
}

export function parseCameoVerbs(text: string): CameoVerbDictionary {
  const verbs: CameoVerb[] = [];
  const patterns: CameoObjectPattern[] = [];
  const sets = parseSynonymSets(text);
  let block: { name: string; code: CameoCode | null; members: Set<string> } | null = null;
  let inVerbSection = false;
  for (const rawLine of text.split('\n')) {
    if (rawLine.startsWith('####### VERB PATTERNS')) inVerbSection = true;
    if (!inVerbSection) continue;
    const header = HEADER.exec(rawLine);
    if (header) {
      block = { name: header[1], code: parseCode(header[2]), members: new Set() };
      continue;
    }
    if (!block) continue;
    if (rawLine.startsWith('-')) {
      const pattern = splitObjectPattern(rawLine);
      if (!pattern) continue;
      // Patterns name the verb they were written for; an unnamed one belongs to a block's only verb.
      const verb = pattern.verb ? words(pattern.verb) : block.members.size === 1 ? [...block.members][0] : null;
      const objects = expandObject(pattern.object, sets);
      if (!verb || !block.members.has(verb) || !objects) continue;
      for (const object of objects) patterns.push({ verb, object, code: pattern.code.code });
      continue;
    }
    const member = splitMemberLine(rawLine.replace(/[#;].*$/, ''));
    if (!member) continue;
    const lemma = words(member.name.replace(/^\+/, ''));
    block.members.add(lemma);
    const code = member.code ? parseCode(member.code) : block.code;
    verbs.push({ lemma, forms: memberForms(lemma, member.braces), code, block: block.name });
  }
  return { verbs, patterns };
}

/** CAMEO code → Goldstein value; a code missing from the table takes its parent's value. */
export function parseGoldstein(tsv: string): (code: string) => number | undefined {
  const table = new Map<string, number>();
  for (const line of tsv.split('\n')) {
    if (line.startsWith('#') || line.startsWith('code')) continue;
    const [code, value] = line.split('\t');
    if (code && value !== undefined) table.set(code.trim(), Number(value));
  }
  return (code) => {
    for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
      const value = table.get(c);
      if (value !== undefined) return value;
    }
    return undefined;
  };
}
