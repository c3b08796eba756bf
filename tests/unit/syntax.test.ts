// The shipped syntax models on sentences written for the test: the parser over the analysis's
// own tokens, entity types of mentions, and coreference.
import path from 'path';
import { normalise } from '../../src/analysis/passes/1-normalise';
import { type TokenisedText, tokenise } from '../../src/analysis/passes/2-tokens';
import { type CorefMention, resolveCoreference } from '../../src/analysis/syntax/coreference';
import { entityTypeOf } from '../../src/analysis/syntax/entity-types';
import { dictionaryClues, isPlural, mentionHead, mentionKind } from '../../src/analysis/syntax/mentions';
import { NOT_PARSED, parseText } from '../../src/analysis/syntax/parser';
import { DEFAULT_MODELS_DIR } from '../../src/models';
import { compileActorIndex, readActorDictionary } from '../../src/models/actors';
import { loadCoreferenceModel } from '../../src/models/coreference';
import { loadEntityTypeModel } from '../../src/models/entity-types';
import { loadNlp } from '../../src/models/nlp';
import { loadParserModel } from '../../src/models/parser';

const nlp = loadNlp();
const parser = loadParserModel(DEFAULT_MODELS_DIR);
const entityTypes = loadEntityTypeModel(DEFAULT_MODELS_DIR);
const coreference = loadCoreferenceModel(DEFAULT_MODELS_DIR);
const index = compileActorIndex([readActorDictionary(path.join(DEFAULT_MODELS_DIR, 'actors.json'))]);

const tokens = (text: string): TokenisedText => tokenise(normalise(text), nlp);

/** Each word's head word and relation, by word (the first token with that value). */
function dependencies(text: string): (word: string) => { head: string; relation: string } {
  const t = tokens(text);
  const d = parseText(t, parser);
  return (word) => {
    const i = t.tokens.findIndex((x) => x.value === word);
    if (i < 0) throw new Error(`no token ${word}`);
    return { head: d.head[i] < 0 ? 'ROOT' : t.tokens[d.head[i]].value, relation: d.relation[i] };
  };
}

describe('the parser', () => {
  it('finds the subject and the clause of a reporting verb, and the agent of a passive', () => {
    const dep = dependencies('The minister said that the plan was approved by the committee.');
    expect(dep('said')).toEqual({ head: 'ROOT', relation: 'root' });
    expect(dep('minister')).toEqual({ head: 'said', relation: 'nsubj' });
    expect(dep('approved')).toEqual({ head: 'said', relation: 'ccomp' });
    expect(dep('plan')).toEqual({ head: 'approved', relation: 'nsubj:pass' });
    expect(dep('committee')).toEqual({ head: 'approved', relation: 'obl:agent' });
    expect(dep('by').relation).toBe('case');
  });

  it('finds the object, and an apposition to the subject', () => {
    const dep = dependencies('Senator Alvarez, a veteran diplomat, criticised the treaty.');
    expect(dep('treaty')).toEqual({ head: 'criticised', relation: 'obj' });
    expect(dep('diplomat').relation).toBe('appos');
    expect(['Senator', 'Alvarez']).toContain(dep('diplomat').head);
    expect(dep('veteran')).toEqual({ head: 'diplomat', relation: 'amod' });
  });

  it('joins coordinated subjects', () => {
    const dep = dependencies('Rohan and Gondor signed the agreement on Monday.');
    expect(dep('Gondor')).toEqual({ head: 'Rohan', relation: 'conj' });
    expect(dep('and')).toEqual({ head: 'Gondor', relation: 'cc' });
    expect(dep('Rohan')).toEqual({ head: 'signed', relation: 'nsubj' });
  });

  it('builds one tree per sentence, and parses only the sentences asked for', () => {
    const t = tokens('The council met on Monday. It rejected the plan.');
    const all = parseText(t, parser);
    for (const s of t.sentences) {
      const roots = t.tokens.slice(s.first, s.last).filter((x) => all.head[x.i] === -1);
      expect(roots).toHaveLength(1);
      for (let k = s.first; k < s.last; k++) if (all.head[k] >= 0) expect(t.tokens[all.head[k]].sentence).toBe(s.i);
    }
    const second = parseText(t, parser, [1]);
    expect(second.head[0]).toBe(NOT_PARSED);
    expect(second.relation[0]).toBe('');
    expect(Array.from(second.head.slice(t.sentences[1].first))).toEqual(Array.from(all.head.slice(t.sentences[1].first)));
  });

  it('takes time in proportion to the text', () => {
    const sentence = 'The ministry said on Tuesday that the talks with its neighbours, which began in March, had failed. ';
    const time = (repeats: number) => {
      const t = tokens(sentence.repeat(repeats));
      parseText(t, parser); // warm up
      const started = process.hrtime.bigint();
      for (let k = 0; k < 3; k++) parseText(t, parser);
      return Number(process.hrtime.bigint() - started);
    };
    time(20);
    expect(time(60) / time(6)).toBeLessThan(25); // 10× the text, not 100×
  });
});

/** Token range of the first occurrence of `phrase` in the text. */
function span(t: TokenisedText, phrase: string, from = 0): CorefMention {
  const at = t.text.indexOf(phrase, from);
  if (at < 0) throw new Error(`no ${phrase}`);
  const first = t.tokens.findIndex((x) => x.start >= at);
  let last = first;
  while (last < t.tokens.length && t.tokens[last].end <= at + phrase.length) last++;
  return { first, last, sentence: t.tokens[first].sentence };
}

describe('mentions', () => {
  const t = tokens('The minister of defence met the Northwind Shipping Company and its lawyers, who said they had hope.');
  const of = (phrase: string) => span(t, phrase);
  const headOf = (phrase: string) => t.tokens[mentionHead(t.tokens, of(phrase))].value;

  it('finds the head of a description, of a name whatever its words are tagged, and of a pronoun', () => {
    expect(headOf('The minister of defence')).toBe('minister');
    expect(headOf('the Northwind Shipping Company')).toBe('Company');
    expect(headOf('its lawyers, who said they had hope')).toBe('lawyers');
    expect(headOf('they')).toBe('they');
  });

  it('tells pronouns, descriptions, possessed descriptions and names apart, and plurals', () => {
    expect(mentionKind(t.tokens, of('they'))).toBe('pronoun');
    expect(mentionKind(t.tokens, of('The minister of defence'))).toBe('definite');
    expect(mentionKind(t.tokens, of('its lawyers'))).toBe('possessed');
    expect(mentionKind(t.tokens, of('the Northwind Shipping Company'))).toBe('name');
    expect(isPlural(t.tokens, mentionHead(t.tokens, of('its lawyers')))).toBe(true);
    expect(isPlural(t.tokens, mentionHead(t.tokens, of('The minister of defence')))).toBe(false);
  });

  it('reads what the actor dictionary knows: role words', () => {
    expect(dictionaryClues(index, t.tokens, of('The minister of defence'))).toContain('role:person');
  });
});

describe('entity types', () => {
  const t = tokens('Senator Maria Alvarez met officials of the Northwind Shipping Company in Dunmore on Tuesday. She said the company had broken the harbour agreement.');
  const trees = parseText(t, parser);
  const typeOf = (phrase: string) => entityTypeOf(entityTypes, t.tokens, span(t, phrase), index, trees);

  it('tells people, organisations, places and times apart', () => {
    expect(typeOf('Senator Maria Alvarez').type).toBe('person');
    expect(typeOf('the Northwind Shipping Company').type).toBe('organization');
    expect(typeOf('the company').type).toBe('organization');
    expect(typeOf('Tuesday').type).toBe('time');
    expect(typeOf('She').type).toBe('person');
    // Without trees too (the features of the parse are then left out).
    expect(entityTypeOf(entityTypes, t.tokens, span(t, 'Tuesday'), index).type).toBe('time');
  });

  it('says how likely a mention names someone who can speak', () => {
    expect(typeOf('Senator Maria Alvarez').actor).toBeGreaterThan(0.8);
    expect(typeOf('Tuesday').actor).toBeLessThan(0.2);
    expect(typeOf('the harbour agreement').actor).toBeLessThan(0.5);
    const p = typeOf('Dunmore').probabilities;
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});

describe('coreference', () => {
  function resolve(text: string, phrases: string[]): Record<string, string | null> {
    const t = tokens(text);
    const trees = parseText(t, parser);
    let from = 0;
    const mentions = phrases.map((p) => {
      const m = span(t, p, from);
      from = t.tokens[m.first].start;
      return { ...m, type: entityTypeOf(entityTypes, t.tokens, m, index, trees).type };
    });
    const antecedent = resolveCoreference(coreference, t.tokens, mentions, index, trees);
    return Object.fromEntries(phrases.map((p, i) => [p, antecedent[i] < 0 ? null : phrases[antecedent[i]]]));
  }

  it('resolves a pronoun to the person it stands for', () => {
    const links = resolve('Senator Maria Alvarez met the envoys of Rohan in Dunmore. She said the talks had failed.', [
      'Senator Maria Alvarez', 'the envoys of Rohan', 'Rohan', 'Dunmore', 'She', 'the talks',
    ]);
    expect(links['She']).toBe('Senator Maria Alvarez');
    expect(links['Senator Maria Alvarez']).toBeNull();
  });

  it('resolves a description with the head of an earlier name, and leaves a new one new', () => {
    const links = resolve('The Northwind Shipping Company closed its port in Dunmore. A spokesman said the company would appeal.', [
      'The Northwind Shipping Company', 'its', 'its port in Dunmore', 'Dunmore', 'A spokesman', 'the company',
    ]);
    expect(links['the company']).toBe('The Northwind Shipping Company');
    expect(links['its']).toBe('The Northwind Shipping Company');
    expect(links['A spokesman']).toBeNull();
  });

  it('resolves a plural pronoun to a joint mention, which keeps both', () => {
    const links = resolve('Rohan and Gondor signed the treaty on Monday. They said it would last.', ['Rohan and Gondor', 'Rohan', 'Gondor', 'the treaty', 'Monday', 'They', 'it']);
    expect(links['They']).toBe('Rohan and Gondor');
  });
});
