// A CoNLL-U reader (https://universaldependencies.org/format.html) for the treebanks the models
// are trained on (../shared/treebanks): sentences with their words, trees and comments, each
// word placed at its character offsets in the sentence's `# text`, and the entity layer of
// CorefUD-style corpora such as GUM (Entity= in MISC: mentions with their type and entity id).
// Used by the training scripts and their scorers only, never at run time.

export interface ConlluWord {
  /** 1-based position in the sentence (empty nodes, 3.1, are skipped). */
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 0 for the root. */
  head: number;
  deprel: string;
  misc: string;
  /** Character offsets in the sentence text, `end` exclusive. */
  start: number;
  end: number;
}

export interface ConlluSentence {
  /** `# sent_id`, or the document and position when there is none. */
  id: string;
  /** `# newdoc id` of the document it belongs to (the last one seen). */
  doc: string;
  /** `# text`, or the words joined by their SpaceAfter when there is none. */
  text: string;
  /** Opens a paragraph (`# newpar`) or a document. */
  newPar: boolean;
  words: ConlluWord[];
}

/** Reads every sentence of a CoNLL-U text. */
export function readConllu(source: string, name = 'conllu'): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let doc = name, newPar = true, sentId: string | null = null, text: string | null = null;
  let rows: string[][] = [];
  let lineNo = 0;
  const finish = () => {
    if (rows.length) sentences.push(buildSentence(rows, { doc, newPar, id: sentId ?? `${doc}-${sentences.length + 1}`, text }, name));
    rows = [];
    sentId = text = null;
    newPar = false;
  };
  for (const line of source.split('\n')) {
    lineNo++;
    const l = line.replace(/\r$/, '');
    if (l.trim() === '') {
      finish();
      continue;
    }
    if (l.startsWith('#')) {
      const m = /^#\s*([^=]+?)\s*=\s*(.*)$/.exec(l);
      const key = m ? m[1] : l.slice(1).trim();
      if (key === 'newdoc id' || key === 'newdoc') {
        doc = m?.[2] ?? doc;
        newPar = true;
      } else if (key.startsWith('newpar')) newPar = true;
      else if (key === 'sent_id' && m) sentId = m[2];
      else if (key === 'text' && m) text = m[2];
      continue;
    }
    const columns = l.split('\t');
    if (columns.length !== 10) throw new Error(`${name}:${lineNo}: ${columns.length} columns, CoNLL-U has 10`);
    rows.push(columns);
  }
  finish();
  return sentences;
}

interface Header {
  doc: string;
  newPar: boolean;
  id: string;
  text: string | null;
}

function buildSentence(rows: string[][], h: Header, name: string): ConlluSentence {
  const words: ConlluWord[] = [];
  // Surface tokens: a multiword token ("didn't" = did + n't) or a word of its own.
  const surface: { form: string; words: ConlluWord[]; spaceAfter: boolean }[] = [];
  let multiword: { form: string; last: number; words: ConlluWord[]; spaceAfter: boolean } | null = null;
  for (const c of rows) {
    const range = /^(\d+)-(\d+)$/.exec(c[0]);
    if (range) {
      multiword = { form: c[1], last: Number(range[2]), words: [], spaceAfter: !/SpaceAfter=No/.test(c[9]) };
      surface.push(multiword);
      continue;
    }
    if (!/^\d+$/.test(c[0])) continue; // an empty node (8.1)
    const id = Number(c[0]);
    if (id !== words.length + 1) throw new Error(`${name}: sentence ${h.id}: word ${c[0]} out of order`);
    const head = c[6] === '_' ? -1 : Number(c[6]);
    const word: ConlluWord = { id, form: c[1], lemma: c[2], upos: c[3], xpos: c[4], feats: c[5], head, deprel: c[7], misc: c[9], start: 0, end: 0 };
    words.push(word);
    if (multiword && id <= multiword.last) multiword.words.push(word);
    else surface.push({ form: word.form, words: [word], spaceAfter: !/SpaceAfter=No/.test(c[9]) });
    if (multiword && id >= multiword.last) multiword = null;
  }
  for (const w of words) {
    if (w.head < 0 || w.head > words.length) throw new Error(`${name}: sentence ${h.id}: word ${w.id} has head ${w.head}`);
  }
  const text = h.text ?? surface.map((s) => s.form + (s.spaceAfter ? ' ' : '')).join('').trimEnd();
  placeWords(text, surface);
  return { id: h.id, doc: h.doc, text, newPar: h.newPar, words };
}

/** Sets each word's offsets: its surface token found in the text, split among its words when their forms spell it. */
function placeWords(text: string, surface: { form: string; words: ConlluWord[] }[]): void {
  let cursor = 0;
  for (const s of surface) {
    const at = text.indexOf(s.form, cursor);
    const start = at < 0 ? cursor : at;
    const end = at < 0 ? cursor : at + s.form.length;
    cursor = end;
    const spelled = s.words.map((w) => w.form).join('').toLowerCase() === s.form.toLowerCase();
    let k = start;
    for (const w of s.words) {
      w.start = spelled ? k : start;
      w.end = spelled ? k + w.form.length : end;
      k += w.form.length;
    }
  }
}

// ---------- the entity layer ----------

export interface EntityMention {
  /** Index of the sentence in the list read. */
  sentence: number;
  /** Word range [first, last), 0-based, in that sentence. */
  first: number;
  last: number;
  /** The entity's id, unique within its document ("GUM_news_nasa:1"). */
  entity: string;
  /** person, organization, place, abstract, event, object, time, substance, animal, plant, quantity … */
  type: string;
  /** Information status: new, giv:act, giv:inact, acc:com, … */
  infstat: string;
  /** The Wikipedia identity when the corpus gives one ("Charles_Bolden"). */
  identity: string | null;
}

/**
 * The mentions of the Entity= annotations, in order of their first word (outer before inner),
 * as CorefUD writes them: "(id-type-infstat-…" opens a mention on a word, "id)" closes the
 * latest open one of that id, "(id-…)" is a mention of one word. Mentions do not cross sentences.
 */
export function readEntityMentions(sentences: ConlluSentence[]): EntityMention[] {
  const mentions: EntityMention[] = [];
  sentences.forEach((s, si) => {
    const open: { id: string; mention: EntityMention }[] = [];
    s.words.forEach((w, wi) => {
      const value = /(?:^|\|)Entity=([^|]*)/.exec(w.misc)?.[1];
      if (!value) return;
      for (const m of value.matchAll(/\(([^()]+)(\))?|(\d+)\)/g)) {
        if (m[3]) {
          const k = open.map((o) => o.id).lastIndexOf(m[3]);
          if (k < 0) throw new Error(`${s.id}: word ${w.id} closes entity ${m[3]}, which is not open`);
          open[k].mention.last = wi + 1;
          open.splice(k, 1);
          continue;
        }
        const fields = m[1].split('-');
        const mention: EntityMention = {
          sentence: si,
          first: wi,
          last: wi + 1,
          entity: `${s.doc}:${fields[0]}`,
          type: fields[1] ?? 'unknown',
          infstat: fields[2] ?? '',
          identity: fields.length > 7 ? decodePercent(fields.slice(7).join('-')) : null,
        };
        mentions.push(mention);
        if (!m[2]) open.push({ id: fields[0], mention });
      }
    });
    if (open.length) throw new Error(`${s.id}: entity ${open[0].id} is still open at the sentence's end`);
  });
  return mentions;
}

/** %2C → ",", leaving a stray % as it is. */
function decodePercent(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
