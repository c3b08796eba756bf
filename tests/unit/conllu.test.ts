// The CoNLL-U reader and the entity layer, on a document written for the test.
import { readConllu, readEntityMentions } from '../../src/ml/conllu';

const DOC = [
  '# newdoc id = test_doc',
  '# newpar',
  '# sent_id = test_doc-1',
  "# text = Mayor Okafor didn't resign.",
  '1\tMayor\tmayor\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-s-cf1-1,2-coref-Okafor',
  '2\tOkafor\tOkafor\tPROPN\tNNP\t_\t5\tnsubj\t_\tEntity=1)',
  "3-4\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_",
  '3\tdid\tdo\tAUX\tVBD\t_\t5\taux\t_\t_',
  "4\tn't\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_",
  '5\tresign\tresign\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No',
  '6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_',
  '',
  '# sent_id = test_doc-2',
  '# text = She thanked the Dunmore Council.',
  '1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv:act-s-cf1-1-coref)',
  '2\tthanked\tthank\tVERB\tVBD\t_\t0\troot\t_\t_',
  '3\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-organization-new-s-cf2-2,3-coref-Dunmore%2C_Council',
  '3.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t_\t_',
  '4\tDunmore\tDunmore\tPROPN\tNNP\t_\t5\tcompound\t_\tEntity=(3-place-new-s-cf3-1-sgl)',
  '5\tCouncil\tcouncil\tPROPN\tNNP\t_\t2\tobj\t_\tEntity=2)|SpaceAfter=No',
  '6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_',
  '',
].join('\n');

describe('readConllu', () => {
  const sentences = readConllu(DOC, 'test');

  it('reads sentences with their document, text, words and trees', () => {
    expect(sentences.map((s) => s.id)).toEqual(['test_doc-1', 'test_doc-2']);
    expect(sentences[0].doc).toBe('test_doc');
    expect(sentences[0].newPar).toBe(true);
    expect(sentences[1].newPar).toBe(false);
    expect(sentences[0].words.map((w) => w.form)).toEqual(['Mayor', 'Okafor', 'did', "n't", 'resign', '.']);
    expect(sentences[0].words.map((w) => w.head)).toEqual([2, 5, 5, 5, 0, 5]);
    expect(sentences[0].words[4].deprel).toBe('root');
  });

  it('places every word in the text, splitting a multiword token among its words', () => {
    for (const s of sentences) for (const w of s.words) expect(s.text.slice(w.start, w.end)).toBe(w.form);
    const [did, not] = sentences[0].words.slice(2, 4);
    expect([did.start, did.end, not.start, not.end]).toEqual([13, 16, 16, 19]);
  });

  it('skips empty nodes', () => {
    expect(sentences[1].words.map((w) => w.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses a line without ten columns, naming where', () => {
    expect(() => readConllu('1\tword\n', 'bad.conllu')).toThrow(/bad\.conllu:1: 2 columns/);
  });
});

describe('readEntityMentions', () => {
  const mentions = readEntityMentions(readConllu(DOC, 'test'));

  it('reads multi-word, one-word and nested mentions with their entity and type', () => {
    expect(mentions.map((m) => [m.sentence, m.first, m.last, m.entity, m.type])).toEqual([
      [0, 0, 2, 'test_doc:1', 'person'],
      [1, 0, 1, 'test_doc:1', 'person'],
      [1, 2, 5, 'test_doc:2', 'organization'],
      [1, 3, 4, 'test_doc:3', 'place'],
    ]);
    expect(mentions[1].infstat).toBe('giv:act');
  });

  it('decodes the identity', () => {
    expect(mentions[0].identity).toBe('Okafor');
    expect(mentions[2].identity).toBe('Dunmore,_Council');
    expect(mentions[3].identity).toBeNull();
  });

  it('refuses a mention closed that was never opened', () => {
    const bad = DOC.replace('Entity=1)', 'Entity=9)');
    expect(() => readEntityMentions(readConllu(bad, 'test'))).toThrow(/closes entity 9/);
  });
});
