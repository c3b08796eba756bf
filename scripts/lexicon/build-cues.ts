// Builds models/cues.json from the hand-curated cue table (../lexicon-data/cues.ts): every
// inflected form, and polarity and weight from the CAMEO code of the cue's verb when that code
// fits what the cue signals.
//
// A CAMEO code is used only when its category matches the cue's signal: "blast" is coded 190
// (bombing) and "insist" 100 (demand), which say nothing about them as speech cues. Otherwise a
// cue with an attitude takes the weight of its signal's reference code (criticism → 111).
// Reporting, belief, intent and question cues carry no attitude of their own: polarity 0.
import { FRAMES, type CueEntry, type CuesFile, type Frame, type Signal } from '../../src/models/lexicon';
import { CUE_GROUPS, CUE_WEIGHT_FACTORS, SPEAKER_NOUNS, type CueGroup } from '../lexicon-data/cues';
import type { CameoVerb } from './cameo';
import { nounForms, phrasalNounForms, phrasalVerbForms, unique, verbForms } from './morphology';
import { round2, stanceOfCode } from './stance';

interface SignalPolicy {
  /** Code prefixes whose category fits the signal. */
  fits: string[];
  /** No attitude of its own, whatever the code. */
  neutral?: true;
  /** Reference code for the weight of a cue CAMEO does not code (or codes as something else). */
  reference?: string;
}

const SIGNAL_POLICY: Record<Signal, SignalPolicy> = {
  report: { fits: ['01'], neutral: true },
  belief: { fits: ['01'], neutral: true },
  intent: { fits: ['03'], neutral: true },
  question: { fits: ['02', '09'], neutral: true },
  appeal: { fits: ['02', '10'] },
  support: { fits: ['018', '05'], reference: '051' },
  criticism: { fits: ['11', '12', '14'], reference: '111' },
  threat: { fits: ['13'], reference: '130' },
  denial: { fits: ['11', '12'], reference: '110' },
  agreement: { fits: ['015', '019', '05', '08'] },
};

export interface CueSources {
  cameoVerbs: CameoVerb[];
  goldstein: (code: string) => number | undefined;
}

function splitList(list: string): string[] {
  return list.split(',').map((item) => item.trim().replace(/\s+/g, ' ')).filter(Boolean);
}

function parseFrames(list: string): Frame[] {
  return list.split(' ').map((frame) => {
    if (!(FRAMES as readonly string[]).includes(frame)) throw new Error(`unknown frame "${frame}"`);
    return frame as Frame;
  });
}

function formsOf(lemma: string, group: CueGroup): string[] {
  if (group.pos === 'verb') return verbForms(lemma);
  if (group.pos === 'noun') return lemma.includes(' ') ? phrasalNounForms(lemma) : nounForms(lemma);
  return group.fixed ? [lemma] : phrasalVerbForms(lemma);
}

/** The first non-reversed CAMEO code of each lemma. */
function cameoCodes(verbs: CameoVerb[]): Map<string, string> {
  const codes = new Map<string, string>();
  for (const verb of verbs) {
    if (verb.code && !verb.code.reversed && !codes.has(verb.lemma)) codes.set(verb.lemma, verb.code.code);
  }
  return codes;
}

function goldsteinOf(code: string, sources: CueSources): number {
  const value = sources.goldstein(code);
  if (value === undefined) throw new Error(`no Goldstein value for CAMEO code ${code}`);
  return value;
}

function attitude(
  signal: Signal,
  group: CueGroup,
  code: string | undefined,
  sources: CueSources,
): Pick<CueEntry, 'polarity' | 'weight' | 'cameo'> {
  const policy = SIGNAL_POLICY[signal];
  const fitting = code && policy.fits.some((prefix) => code.startsWith(prefix)) ? code : undefined;
  const cameo = fitting ? { cameo: fitting } : {};
  if (policy.neutral || group.neutral) return { polarity: 0, weight: 0, ...cameo };
  if (fitting) {
    const { polarity, weight } = stanceOfCode(fitting, goldsteinOf(fitting, sources));
    return { polarity, weight, ...cameo };
  }
  if (!policy.reference) return { polarity: 0, weight: 0 };
  const { polarity, weight } = stanceOfCode(policy.reference, goldsteinOf(policy.reference, sources));
  return { polarity, weight };
}

/** Throws when one form would stand for two different signals: the table must choose. */
function checkFormConflicts(cues: CueEntry[]): void {
  const owner = new Map<string, CueEntry>();
  const conflicts: string[] = [];
  for (const cue of cues) {
    for (const form of cue.forms) {
      const first = owner.get(form);
      if (!first) owner.set(form, cue);
      else if (first.signal !== cue.signal) conflicts.push(`"${form}": ${first.lemma}/${first.signal} vs ${cue.lemma}/${cue.signal}`);
    }
  }
  if (conflicts.length) throw new Error(`cue forms with two signals:\n${conflicts.join('\n')}`);
}

export function buildCues(sources: CueSources, about: string): CuesFile {
  const codes = cameoCodes(sources.cameoVerbs);
  const seen = new Set<string>();
  const cues: CueEntry[] = [];
  for (const group of CUE_GROUPS) {
    const frames = parseFrames(group.frames);
    for (const item of splitList(group.lemmas)) {
      const [lemma, verb = lemma] = item.split('=');
      const key = `${group.pos}:${lemma}`;
      if (seen.has(key)) throw new Error(`cue listed twice: ${key}`);
      seen.add(key);
      const { polarity, weight, cameo } = attitude(group.signal, group, codes.get(verb), sources);
      const factor = CUE_WEIGHT_FACTORS[lemma] ?? 1;
      cues.push({
        lemma,
        pos: group.pos,
        signal: group.signal,
        speech: group.speech,
        polarity,
        weight: round2(weight * factor),
        ...(cameo ? { cameo } : {}),
        frames,
        forms: formsOf(lemma, group),
      });
    }
  }
  for (const lemma of Object.keys(CUE_WEIGHT_FACTORS)) {
    if (!seen.has(`verb:${lemma}`) && !seen.has(`phrase:${lemma}`)) throw new Error(`weight factor for unknown cue "${lemma}"`);
  }
  checkFormConflicts(cues);
  const speakerNouns = unique(splitList(SPEAKER_NOUNS).flatMap(nounForms));
  return { about, cues, speakerNouns };
}
