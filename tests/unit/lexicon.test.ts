import { readFileSync } from 'fs';
import path from 'path';
import { buildLexicons, formatLexicon, LEXICON_FILES, type Lexicons } from '../../scripts/build-lexicons';
import { parseCameoVerbs, parseGoldstein } from '../../scripts/lexicon/cameo';
import { edForms, ingForms, nounForms, phrasalNounForms, phrasalVerbForms, sForm, verbForms } from '../../scripts/lexicon/morphology';
import { stanceOfCode } from '../../scripts/lexicon/stance';
import { addPhrase, createPhraseIndex, loadLexicon, matchObjectPattern, matchPhrase, type Lexicon } from '../../src/models/lexicon';
import { loadNlp } from '../../src/models/nlp';

const ROOT = path.resolve(__dirname, '../..');
const MODELS = path.join(ROOT, 'models');
const REFERENCE = path.join(ROOT, 'scripts', 'reference');

describe('morphology', () => {
  it('makes the -s form', () => {
    expect(['say', 'push', 'deny', 'veto', 'fix', 'play', 'quiz', 'radio'].map(sForm)).toEqual([
      'says', 'pushes', 'denies', 'vetoes', 'fixes', 'plays', 'quizzes', 'radios',
    ]);
  });

  it('makes -ed forms with e-drop, y → ied and consonant doubling', () => {
    expect(edForms('state')).toEqual(['stated']);
    expect(edForms('deny')).toEqual(['denied']);
    expect(edForms('stop')).toEqual(['stopped']);
    expect(edForms('slam')).toEqual(['slammed']);
    expect(edForms('admit')).toEqual(['admitted']);
    expect(edForms('visit')).toEqual(['visited']);
    expect(edForms('vow')).toEqual(['vowed']);
    expect(edForms('bomb')).toEqual(['bombed']);
    expect(edForms('appeal')).toEqual(['appealed']);
    expect(edForms('cancel')).toEqual(['cancelled', 'canceled']);
  });

  it('makes -ing forms', () => {
    expect(['make', 'agree', 'die', 'stop', 'see', 'be', 'deny', 'label'].map(ingForms)).toEqual([
      ['making'], ['agreeing'], ['dying'], ['stopping'], ['seeing'], ['being'], ['denying'], ['labelling', 'labeling'],
    ]);
  });

  it('lists every form of a verb, irregular ones from the table', () => {
    expect(verbForms('say')).toEqual(['say', 'says', 'said', 'saying']);
    expect(verbForms('tell')).toEqual(['tell', 'tells', 'told', 'telling']);
    expect(verbForms('write')).toEqual(['write', 'writes', 'wrote', 'written', 'writing']);
    expect(verbForms('warn')).toEqual(['warn', 'warns', 'warned', 'warning']);
    expect(verbForms('have')).toEqual(['have', 'has', 'had', 'having']);
    expect(verbForms('criticise')).toEqual(['criticise', 'criticises', 'criticised', 'criticising']);
  });

  it('inflects nouns and multi-word expressions', () => {
    expect(nounForms('statement')).toEqual(['statement', 'statements']);
    expect(nounForms('ally')).toEqual(['ally', 'allies']);
    expect(nounForms('spokesman')).toEqual(['spokesman', 'spokesmen']);
    expect(phrasalVerbForms('call for')).toEqual(['call for', 'calls for', 'called for', 'calling for']);
    expect(phrasalVerbForms('tell reporters')).toContain('told reporters');
    expect(phrasalNounForms('press conference')).toEqual(['press conference', 'press conferences']);
  });
});

describe('CAMEO reader', () => {
  // A small dictionary in PETRARCH's format, written for this test.
  const dictionary = [
    '####### SYNONYM SETS #######',
    '&PACT',
    '+TREATY',
    '+PEACE_DEAL',
    '',
    '####### VERB PATTERNS #######',
    '---  SCOLD   [111]  ---',
    'SCOLD',
    'FLOG {FLOGS FLOGGING FLOGGED } [180]',
    '+TELL_OFF {+TELLS_OFF +TOLD_OFF}  # a comment',
    '- * {HARSH WORDS}    [112]   # SCOLD',
    '- * (FOR DELAY)      [110]   # SCOLD',
    '---  MEET   [---]  ---',
    'MEET {MEETS MET MEETING}',
    'GREET [042:043]',
    '- * &PACT            [057:057]   # MEET',
    '---  SHOCK   [:110]  ---',
    'SHOCK',
  ].join('\n');
  const parsed = parseCameoVerbs(dictionary);
  const verb = (lemma: string) => parsed.verbs.find((v) => v.lemma === lemma);

  it('reads members with the block code, their own code or none', () => {
    expect(verb('scold')?.code).toEqual({ code: '111', reversed: false });
    expect(verb('flog')?.code).toEqual({ code: '180', reversed: false });
    expect(verb('meet')?.code).toBeNull();
    expect(verb('greet')?.code).toEqual({ code: '042', reversed: false });
    expect(verb('shock')?.code).toEqual({ code: '110', reversed: true });
  });

  it('joins generated and listed forms, multi-word members included', () => {
    expect(verb('flog')?.forms).toEqual(['flog', 'flogs', 'flogged', 'flogging']);
    expect(verb('meet')?.forms).toEqual(['meet', 'meets', 'met', 'meeting']);
    expect(verb('tell off')?.forms).toEqual(['tell off', 'tells off', 'told off', 'telling off']);
  });

  it('keeps plain object patterns, expanding synonym sets, and skips prepositional ones', () => {
    expect(parsed.patterns).toEqual([
      { verb: 'scold', object: ['harsh', 'words'], code: '112' },
      { verb: 'meet', object: ['treaty'], code: '057' },
      { verb: 'meet', object: ['peace', 'deal'], code: '057' },
    ]);
  });

  it('reads Goldstein values, falling back to the parent code', () => {
    const goldstein = parseGoldstein('code\tgoldstein\n11\t-2.0\n111\t-2.0\n19\t-10.0\n');
    expect(goldstein('111')).toBe(-2);
    expect(goldstein('1125')).toBe(-2);
    expect(goldstein('193')).toBe(-10);
    expect(goldstein('05')).toBeUndefined();
  });

  it('turns a code into polarity and weight', () => {
    expect(stanceOfCode('010', 0)).toMatchObject({ polarity: 0, weight: 0 });
    expect(stanceOfCode('020', 3)).toMatchObject({ polarity: 0, weight: 0 });
    expect(stanceOfCode('111', -2)).toMatchObject({ polarity: -1, weight: 0.45 });
    expect(stanceOfCode('051', 3.4)).toMatchObject({ polarity: 1, weight: 0.58 });
    expect(stanceOfCode('190', -10)).toMatchObject({ polarity: -1, weight: 1 });
  });
});

describe('generated lexicon files', () => {
  let built: Lexicons;
  beforeAll(() => {
    built = buildLexicons(REFERENCE);
  });

  it('are what scripts/build-lexicons.ts builds now (rebuild after editing a table)', () => {
    for (const [name, file] of Object.entries(LEXICON_FILES) as [keyof Lexicons, string][]) {
      expect(readFileSync(path.join(MODELS, file), 'utf8')).toBe(formatLexicon(built[name]));
    }
  });

  it('hold several hundred cues, each with lower-case, distinct forms', () => {
    expect(built.cues.cues.length).toBeGreaterThan(400);
    for (const cue of built.cues.cues) {
      expect(new Set(cue.forms).size).toBe(cue.forms.length);
      for (const form of cue.forms) expect(form).toBe(form.toLowerCase());
    }
  });

  it('write each cue and verb form as wink-nlp tokenises it', () => {
    const nlp = loadNlp();
    const forms = new Set([
      ...built.cues.cues.flatMap((c) => c.forms),
      ...built.cues.speakerNouns,
      ...built.verbs.verbs.flatMap((v) => v.forms),
    ]);
    const mismatched = [...forms].filter((form) => {
      const tokens = (nlp.engine.readDoc(form).tokens().out() as string[]).map((t) => t.toLowerCase());
      return tokens.join(' ') !== form;
    });
    expect(mismatched).toEqual([]);
  });
});

describe('loadLexicon', () => {
  let lexicon: Lexicon;
  beforeAll(() => {
    lexicon = loadLexicon(MODELS);
  });

  it('looks up cues by any form', () => {
    expect(lexicon.cueByForm.size).toBeGreaterThan(1200);
    expect(lexicon.cueByForm.get('condemned')).toMatchObject({ lemma: 'condemn', signal: 'criticism', polarity: -1, speech: true, cameo: '111' });
    expect(lexicon.cueByForm.get('praised')).toMatchObject({ lemma: 'praise', signal: 'support', polarity: 1, speech: true });
    expect(lexicon.cueByForm.get('said')).toMatchObject({ lemma: 'say', signal: 'report', polarity: 0, weight: 0, speech: true });
    expect(lexicon.cueByForm.get('told')).toMatchObject({ lemma: 'tell', signal: 'report', frames: expect.arrayContaining(['object', 'that']) });
    expect(lexicon.cueByForm.get('believes')).toMatchObject({ lemma: 'believe', signal: 'belief', speech: false, polarity: 0 });
    expect(lexicon.cueByForm.get('threatened')).toMatchObject({ signal: 'threat', polarity: -1, cameo: '130' });
    expect(lexicon.cueByForm.get('urged')).toMatchObject({ signal: 'appeal', frames: expect.arrayContaining(['to-infinitive']) });
    expect(lexicon.cueByForm.get('denied')).toMatchObject({ signal: 'denial', polarity: -1 });
    expect(lexicon.cueByForm.get('accused')?.frames).toContain('of');
    expect(lexicon.cueByForm.get('vowed')).toMatchObject({ signal: 'intent', speech: true, polarity: 0 });
    expect(lexicon.cueByForm.get('plans')).toMatchObject({ signal: 'intent', speech: false });
    expect(lexicon.cueByForm.get('wondered')).toMatchObject({ signal: 'question' });
    expect(lexicon.cueByForm.get('statement')).toMatchObject({ pos: 'noun', signal: 'report', form: 'statement' });
    expect(lexicon.cueByForm.get('accusations')).toMatchObject({ pos: 'noun', signal: 'criticism', polarity: -1 });
    expect(lexicon.cueByForm.get('the')).toBeUndefined();
  });

  it('gives verbal attitudes weights on one scale', () => {
    const weight = (form: string) => lexicon.cueByForm.get(form)?.weight ?? NaN;
    expect(weight('attacked')).toBeLessThan(weight('condemned')); // "attack" is most often physical
    expect(weight('threatened')).toBeGreaterThan(weight('criticised'));
    expect(weight('admitted')).toBe(0);
  });

  it('matches multi-token cues over lower-case tokens', () => {
    const tokens = 'the minister , according to state media , told reporters that he called on them'.split(' ');
    expect(matchPhrase(lexicon.cuePhrases, tokens, 3)).toMatchObject({ length: 2, value: { lemma: 'according to', speech: true } });
    expect(matchPhrase(lexicon.cuePhrases, tokens, 8)).toMatchObject({ length: 2, value: { lemma: 'tell reporters', form: 'told reporters' } });
    expect(matchPhrase(lexicon.cuePhrases, tokens, 12)).toMatchObject({ length: 2, value: { signal: 'appeal' } });
    expect(matchPhrase(lexicon.cuePhrases, tokens, 0)).toBeNull();
  });

  it('lists speaker nouns apart from cues', () => {
    expect(lexicon.speakerNouns.has('spokeswoman')).toBe(true);
    expect(lexicon.speakerNouns.has('spokespeople')).toBe(true);
    expect(lexicon.cueByForm.has('spokesman')).toBe(false);
  });

  it('looks up stance verbs by form, multi-word ones by phrase', () => {
    expect(lexicon.verbByForm.get('attacked')).toMatchObject({ lemma: 'attack', cameo: '190', polarity: -1, weight: 1 });
    expect(lexicon.verbByForm.get('visited')).toMatchObject({ lemma: 'visit', polarity: 1 });
    expect(lexicon.verbByForm.get('backed')).toMatchObject({ lemma: 'back', polarity: 1 });
    expect(lexicon.verbByForm.get('said')).toMatchObject({ cameo: '010', polarity: 0 });
    expect(lexicon.verbByForm.get('outraged')).toMatchObject({ reversed: true, polarity: -1 });
    expect(lexicon.verbByForm.get('sanctioned')).toMatchObject({ cameo: '163', polarity: -1 });
    expect(lexicon.verbByForm.get('planned')).toMatchObject({ polarity: 0 }); // intention, not an act
    expect(lexicon.verbByForm.get('charged')!.weight).toBeLessThan(lexicon.verbByForm.get('accused')!.weight);
    for (const generic of ['is', 'had', 'made', 'took', 'went', 'came', 'got']) expect(lexicon.verbByForm.has(generic)).toBe(false);
    expect(matchPhrase(lexicon.verbPhrases, ['they', 'cracked', 'down', 'on'], 1)).toMatchObject({ length: 2, value: { polarity: -1 } });
  });

  it('gives object patterns to every form of their verb', () => {
    const lifted = lexicon.verbObjectPatterns.get('lifted')?.list ?? [];
    const sanctions = lifted.find((p) => p.object.join(' ') === 'sanctions');
    expect(sanctions?.verb).toMatchObject({ lemma: 'lift', polarity: 1 });
    const imposes = lexicon.verbObjectPatterns.get('imposes')?.list ?? [];
    expect(imposes.find((p) => p.object.join(' ') === 'sanctions')?.verb).toMatchObject({ cameo: '163', polarity: -1 });
  });

  it('matches an object pattern after its verb: prefixes, up to three words between, the first listed pattern winning', () => {
    const lifted = lexicon.verbObjectPatterns.get('lifted')!;
    const words = (text: string) => text.split(' ');
    expect(matchObjectPattern(lifted, words('they lifted the remaining economic sanctions'), 1)?.verb).toMatchObject({ lemma: 'lift', polarity: 1 });
    expect(matchObjectPattern(lifted, words('they lifted it after many long and painful sanctions'), 1)?.object ?? []).not.toContain('sanctions');
    // Whatever pattern the index picks is the one a scan of the list in order would pick.
    for (const text of ['they lifted the sanctions on oil', 'lifted the ban', 'lifted a siege of the city', 'lifted spirits']) {
      const tokens = words(text);
      const at = tokens.indexOf('lifted');
      const scan = lifted.list.find((p) => {
        let k = at + 1, skipped = 0;
        for (const w of p.object) {
          while (k < tokens.length && !tokens[k].startsWith(w)) if (++skipped > 3 || ++k >= tokens.length) return false;
          if (k >= tokens.length) return false;
          k++;
        }
        return true;
      }) ?? null;
      expect(matchObjectPattern(lifted, tokens, at)).toBe(scan);
    }
  });

  it('scores words from AFINN and the news lexicon, without neutralised words', () => {
    expect(lexicon.wordScore.get('good')).toBe(3); // AFINN
    expect(lexicon.wordScore.get('terrorism')).toBeLessThan(0);
    expect(lexicon.wordScore.get('puppet')).toBeLessThan(0);
    expect(lexicon.wordScore.get('sovereignty')).toBeGreaterThan(0);
    expect(lexicon.wordScore.get('united')).toBeUndefined();
    expect(lexicon.wordScore.get('supreme')).toBeUndefined();
    expect(lexicon.negators.has("n't")).toBe(true);
    expect(lexicon.negators.has('never')).toBe(true);
    expect(lexicon.intensifiers.get('strongly')).toBeGreaterThan(1);
    expect(lexicon.hedges.get('allegedly')).toBeLessThan(1);
  });
});

describe('matchPhrase', () => {
  const index = createPhraseIndex<string>();
  addPhrase(index, ['in', 'an', 'interview'], 'short');
  addPhrase(index, ['in', 'an', 'interview', 'with'], 'long');
  addPhrase(index, ['in', 'an', 'interview'], 'duplicate');

  it('returns the longest phrase starting at the token, keeping the first value of a phrase', () => {
    expect(matchPhrase(index, ['in', 'an', 'interview', 'with', 'x'], 0)).toEqual({ value: 'long', length: 4 });
    expect(matchPhrase(index, ['said', 'in', 'an', 'interview', '.'], 1)).toEqual({ value: 'short', length: 3 });
  });

  it('returns null for a prefix only or at the end of the tokens', () => {
    expect(matchPhrase(index, ['in', 'an'], 0)).toBeNull();
    expect(matchPhrase(index, ['in', 'an', 'interview'], 3)).toBeNull();
  });
});
