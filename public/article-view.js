// The article view: the text with its statements (by kind), speakers, cues and actor mentions
// marked, a list of the statements and a table of the stances. Selecting a statement shows its
// speaker's actor and confidence; selecting a stance marks every piece of its evidence with its
// score.
//
// Long texts: the text is cut into chunks of a few thousand characters, each first written as
// plain text (so the page has its full height and the browser's find works at once); a chunk is
// marked up only when it comes near the window (IntersectionObserver), so a 900 KB article costs
// the marks of the few chunks in view, not of all of them.
import { cell, el, formatScore, scoreClass } from './dom.js';

const CHUNK_CHARS = 4000;
const KIND_NAMES = { direct: 'direct quote', indirect: 'reported speech', mixed: 'mixed quote' };

export function createArticleView(root, { onStatus }) {
  const textBox = root.querySelector('#article-text');
  const details = root.querySelector('#article-details');
  let state = null;
  let observer = null;

  /** Shows a stored article (GET /articles/:id?include=all). */
  function show(article) {
    observer?.disconnect();
    // An article past ARTICLE_RETENTION_DAYS has its record and counts but no text or analysis.
    const analysis = { quotes: [], actors: [], stances: [], ...article.analysis };
    const actors = new Map(analysis.actors.map((a) => [a.id, a]));
    const text = article.text ?? '';
    state = { article, analysis, actors, text, chunks: cutIntoChunks(text), quote: null, stance: null, visible: new Set() };
    bucketMarks(state, baseMarks(analysis));

    root.querySelector('#article-title').textContent = article.title || 'Untitled article';
    root.querySelector('#article-meta').replaceChildren(...metaLine(article));
    showStatements();
    showStances();
    details.replaceChildren(el('p', { className: 'muted' }, 'Select a statement or a stance to see its speaker or its evidence.'));

    textBox.replaceChildren(...state.chunks.map((chunk, i) => {
      const div = el('div', { className: 'chunk' });
      div.dataset.chunk = String(i);
      div.textContent = text.slice(chunk.start, chunk.end);
      chunk.node = div;
      return div;
    }));
    observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const i = Number(entry.target.dataset.chunk);
        if (entry.isIntersecting) {
          state.visible.add(i);
          if (!state.chunks[i].marked) renderChunk(state, i);
        } else state.visible.delete(i);
      }
    }, { root: textBox, rootMargin: '800px 0px' });
    for (const chunk of state.chunks) observer.observe(chunk.node);
    root.hidden = false;
    const counts = article.counts;
    onStatus(counts
      ? `Article shown: ${counts.quotes} statements, ${counts.actors} actors, ${counts.stances} stances.`
      : `Article shown: ${article.status}, not analysed yet.`);
  }

  function showStatements() {
    const list = root.querySelector('#article-statements');
    const { quotes } = state.analysis;
    if (!quotes.length) return list.replaceChildren(el('li', { className: 'muted' }, 'No statements found.'));
    list.replaceChildren(...quotes.map((q, i) => {
      const who = q.speaker ? speakerName(q.speaker) : 'speaker unknown';
      const button = el('button', { type: 'button', className: `statement st-${q.kind}` },
        el('strong', {}, who), ` · ${KIND_NAMES[q.kind] ?? q.kind}: `, excerpt(q.text, 140));
      button.dataset.q = String(i);
      button.addEventListener('click', () => selectQuote(i, true));
      return el('li', {}, button);
    }));
  }

  function showStances() {
    const body = root.querySelector('#article-stances tbody');
    const { stances } = state.analysis;
    if (!stances.length) {
      const td = cell('No stances found.', 'muted');
      td.colSpan = 3;
      return body.replaceChildren(el('tr', {}, td));
    }
    body.replaceChildren(...stances.map((s, i) => {
      const button = el('button', { type: 'button', className: 'link' }, `${actorName(s.source)} → ${actorName(s.target)}`);
      button.addEventListener('click', () => selectStance(i));
      const tr = el('tr', {}, el('td', {}, button), cell(formatScore(s.score), scoreClass(s.score)), cell(String(s.evidence.length), 'num'));
      tr.dataset.stance = String(i);
      return tr;
    }));
  }

  function actorName(id) {
    return state.actors.get(id)?.name ?? id;
  }

  /** The speaker as the text names them, with the actor they stand for when it has another name. */
  function speakerName(speaker) {
    const actor = speaker.actorId ? actorName(speaker.actorId) : null;
    const person = speaker.name || speaker.text;
    return actor && actor !== person ? `${person} (${actor})` : person;
  }

  function selectQuote(i, scroll) {
    state.quote = i;
    for (const node of root.querySelectorAll('[data-q].selected')) node.classList.remove('selected');
    for (const node of root.querySelectorAll(`[data-q="${i}"]`)) node.classList.add('selected');
    const q = state.analysis.quotes[i];
    const speaker = q.speaker;
    details.replaceChildren(
      el('h3', {}, `Statement ${i + 1} of ${state.analysis.quotes.length}`),
      el('blockquote', {}, excerpt(q.text, 600)),
      el('dl', {},
        el('dt', {}, 'Kind'), el('dd', {}, KIND_NAMES[q.kind] ?? q.kind),
        el('dt', {}, 'Speaker'), el('dd', {}, speaker ? `“${speaker.text}”` : 'not found'),
        ...(speaker ? [
          el('dt', {}, 'Speaker\'s actor'),
          el('dd', {}, speaker.actorId ? `${actorName(speaker.actorId)}${speaker.name && speaker.name !== actorName(speaker.actorId) ? ` (${speaker.name})` : ''}` : 'no actor'),
        ] : []),
        el('dt', {}, 'Cue'), el('dd', {}, q.cue ? `“${q.cue.text}”` : 'none'),
        el('dt', {}, 'Confidence'), el('dd', {}, q.confidence.toFixed(2)),
      ),
    );
    if (scroll) revealOffset(q.start, `[data-q="${i}"]`);
    onStatus(`Statement ${i + 1} selected: ${speaker ? speakerName(speaker) : 'speaker unknown'}, confidence ${q.confidence.toFixed(2)}.`);
  }

  function selectStance(i) {
    state.stance = i;
    const stance = state.analysis.stances[i];
    for (const tr of root.querySelectorAll('#article-stances tr.selected')) tr.classList.remove('selected');
    root.querySelector(`#article-stances tr[data-stance="${i}"]`)?.classList.add('selected');
    // The evidence marks change: chunks in view are marked again, the others when they come back.
    bucketMarks(state, [...baseMarks(state.analysis), ...stance.evidence.map((e, n) => ({ start: e.start, end: e.end, type: 'ev', n, score: e.score }))]);
    state.chunks.forEach((chunk, n) => {
      if (state.visible.has(n)) renderChunk(state, n);
      else if (chunk.marked) {
        chunk.node.textContent = state.text.slice(chunk.start, chunk.end);
        chunk.marked = false;
      }
    });
    details.replaceChildren(
      el('h3', {}, `${actorName(stance.source)} → ${actorName(stance.target)}: ${formatScore(stance.score)}`),
      el('p', { className: 'muted' }, `${stance.evidence.length} piece${stance.evidence.length === 1 ? '' : 's'} of evidence, each marked in the text with its score:`),
      el('ol', { className: 'evidence' }, ...stance.evidence.map((e) => {
        const button = el('button', { type: 'button', className: 'link' }, excerpt(e.text, 200));
        button.addEventListener('click', () => revealOffset(e.start, `.ev[data-start="${e.start}"]`));
        return el('li', {}, el('span', { className: scoreClass(e.score) }, formatScore(e.score)), ' ', button);
      })),
    );
    if (stance.evidence.length) revealOffset(stance.evidence[0].start, `.ev[data-start="${stance.evidence[0].start}"]`);
    onStatus(`Stance ${actorName(stance.source)} toward ${actorName(stance.target)}: ${formatScore(stance.score)} from ${stance.evidence.length} pieces of evidence.`);
  }

  /** Scrolls the text to a character offset, marking its chunk first. */
  function revealOffset(offset, selector) {
    const n = state.chunks.findIndex((c) => offset < c.end);
    if (n < 0) return;
    if (!state.chunks[n].marked) renderChunk(state, n);
    const target = state.chunks[n].node.querySelector(selector) ?? state.chunks[n].node;
    target.scrollIntoView({ block: 'center' });
  }

  textBox.addEventListener('click', (event) => {
    const marked = event.target.closest('[data-q]');
    if (marked) selectQuote(Number(marked.dataset.q), false);
  });

  return {
    show,
    get article() { return state?.article ?? null; },
  };
}

function metaLine(article) {
  const parts = [];
  if (article.publishedAt) parts.push(el('span', {}, `Published ${article.publishedAt.slice(0, 10)}`));
  if (article.source) parts.push(el('span', {}, article.source));
  if (article.url) parts.push(el('a', { href: article.url, rel: 'noopener noreferrer' }, 'original'));
  parts.push(el('span', {}, article.status));
  if (article.counts) parts.push(el('span', {}, `${article.counts.quotes} statements · ${article.counts.actors} actors · ${article.counts.stances} stances`));
  if (article.expired) parts.push(el('span', {}, 'text and analysis let go by retention (its stances stay in the summary)'));
  return parts.flatMap((part, i) => (i ? [' · ', part] : [part]));
}

function excerpt(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Chunks of about CHUNK_CHARS, ending after a line break or a space where there is one. */
function cutIntoChunks(text) {
  const chunks = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK_CHARS);
    if (end < text.length) {
      const lineBreak = text.indexOf('\n', end);
      const space = text.indexOf(' ', end);
      const cut = lineBreak >= 0 && lineBreak < end + 1000 ? lineBreak + 1 : space >= 0 && space < end + 200 ? space + 1 : end;
      end = cut;
    }
    chunks.push({ start, end, marks: [], marked: false, node: null });
    start = end;
  }
  return chunks;
}

/** The marks every view has: statements, their speakers and cues, actor mentions. */
function baseMarks(analysis) {
  const marks = [];
  analysis.quotes.forEach((q, i) => {
    marks.push({ start: q.start, end: q.end, type: 'st', kind: q.kind, q: i });
    if (q.speaker && q.speaker.end > q.speaker.start) marks.push({ start: q.speaker.start, end: q.speaker.end, type: 'spk', q: i });
    if (q.cue && q.cue.end > q.cue.start) marks.push({ start: q.cue.start, end: q.cue.end, type: 'cue', q: i });
  });
  for (const actor of analysis.actors) {
    for (const m of actor.mentions) marks.push({ start: m.start, end: m.end, type: 'men', actor, text: m.text });
  }
  return marks;
}

/** Puts each mark into the chunks it overlaps. */
function bucketMarks(state, marks) {
  for (const chunk of state.chunks) chunk.marks = [];
  const starts = state.chunks.map((c) => c.start);
  for (const mark of marks) {
    if (!(mark.end > mark.start)) continue;
    let n = upperBound(starts, mark.start) - 1;
    for (; n >= 0 && n < state.chunks.length && state.chunks[n].start < mark.end; n++) state.chunks[n].marks.push(mark);
  }
}

function upperBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Writes a chunk's text as spans, one per stretch of text under the same marks. */
function renderChunk(state, n) {
  const chunk = state.chunks[n];
  const { text } = state;
  const cuts = new Set([chunk.start, chunk.end]);
  for (const m of chunk.marks) {
    cuts.add(Math.max(m.start, chunk.start));
    cuts.add(Math.min(m.end, chunk.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const a = points[p];
    const b = points[p + 1];
    const over = chunk.marks.filter((m) => m.start <= a && m.end >= b);
    const piece = text.slice(a, b);
    if (!over.length) {
      out.push(document.createTextNode(piece));
      continue;
    }
    const span = document.createElement('span');
    const titles = [];
    for (const m of over) {
      if (m.type === 'st') {
        span.classList.add('st', `st-${m.kind}`);
        span.dataset.q = String(m.q);
        if (state.quote === m.q) span.classList.add('selected');
      } else if (m.type === 'spk') {
        span.classList.add('spk');
        titles.push('speaker');
      } else if (m.type === 'cue') {
        span.classList.add('cue');
        titles.push('cue');
      } else if (m.type === 'men') {
        span.classList.add('men');
        titles.push(`${m.actor.name} (${m.actor.id})`);
      } else if (m.type === 'ev') {
        span.classList.add('ev', m.score < 0 ? 'ev-neg' : m.score > 0 ? 'ev-pos' : 'ev-zero');
        if (m.start === a) {
          span.dataset.start = String(m.start);
          out.push(el('span', { className: `ev-score ${scoreClass(m.score)}` }, formatScore(m.score)));
        }
      }
    }
    if (titles.length) span.title = titles.join(' · ');
    span.textContent = piece;
    out.push(span);
    // A mention is named after its last stretch when its words are not the actor's name.
    for (const m of over) {
      if (m.type === 'men' && m.end === b && fold(m.text) !== fold(m.actor.name)) {
        out.push(el('span', { className: 'men-name' }, m.actor.name));
      }
    }
  }
  chunk.node.replaceChildren(...out);
  chunk.marked = true;
}

function fold(value) {
  return value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/^the\s+/, '').trim();
}
