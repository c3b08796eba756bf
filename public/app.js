// The page: submit an article and follow its job to the article view; the stance graph and the
// summary over every article, with the same filters; the recent articles; exports.
// Everything from the server is written as text, never as HTML. With API_KEYS set the browser
// asks for a key once (HTTP Basic: any user name, the key as password) and sends it along.
import { createArticleView } from './article-view.js';
import { cell, download, el, emptyRow, formatScore, scoreClass, toCsv, toJsonLines } from './dom.js';
import { createGraph } from './graph.js';
import { timelineFigure } from './timeline.js';

const POLL_MS = 300;
const POLL_LIMIT_MS = 120000;
const SUMMARY_PAGE = 25;
const GRAPH_PAIRS = 200;

const $ = (selector) => document.querySelector(selector);
const live = $('#live');
const say = (text) => { live.textContent = text; };

async function api(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error ? json.error.message : `HTTP ${response.status}`);
  return json;
}

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

// ---------- the article ----------

const articleView = createArticleView($('#article'), { onStatus: say });

/** Fetches an article once (its text and whole analysis) and shows it; focus moves to it. */
async function openArticle(articleId, { focus = true } = {}) {
  const article = await api('GET', `/articles/${articleId}?include=all`);
  articleView.show(article);
  if (location.hash !== `#article=${articleId}`) history.replaceState(null, '', `#article=${articleId}`);
  if (focus) {
    const section = $('#article');
    section.focus({ preventScroll: true });
    section.scrollIntoView({ block: 'start' });
  }
  return article;
}

async function waitForJob(jobPath, status) {
  const deadline = Date.now() + POLL_LIMIT_MS;
  while (Date.now() < deadline) {
    const job = await api('GET', jobPath);
    status.textContent = `Job ${job.state}${typeof job.progress === 'number' ? ` (${job.progress}%)` : ''}`;
    if (job.state === 'completed') return job;
    if (job.state === 'failed') throw new Error(`Analysis failed: ${job.error || 'unknown reason'}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error('Still not analysed after two minutes: is a worker running? (GET /ready)');
}

async function submitArticle(event) {
  event.preventDefault();
  const form = event.target;
  const status = $('#job-status');
  const button = form.querySelector('button');
  const fields = Object.fromEntries(new FormData(form));
  const article = { text: fields.text };
  for (const name of ['title', 'source', 'publishedAt']) if (fields[name].trim()) article[name] = fields[name].trim();
  button.disabled = true;
  status.className = '';
  status.textContent = 'Sending…';
  say('Sending the article…');
  try {
    const accepted = await api('POST', '/articles', article);
    if (accepted.status !== 'completed') await waitForJob(accepted.links.job, status);
    const shown = await openArticle(accepted.articleId);
    status.textContent = `Analysed: ${plural(shown.counts?.quotes ?? 0, 'statement')}, ${plural(shown.counts?.stances ?? 0, 'stance')}.`;
    await Promise.all([refreshAcross(), loadRecent()]);
  } catch (error) {
    status.className = 'error';
    status.textContent = error.message;
    say(`Error: ${error.message}`);
  } finally {
    button.disabled = false;
  }
}

function exportStatements(format) {
  const article = articleView.article;
  if (!article?.analysis) return say('No analysed article to export.');
  const actors = new Map(article.analysis.actors.map((a) => [a.id, a.name]));
  const quotes = article.analysis.quotes;
  const name = `statements-${article.id.slice(0, 12)}`;
  if (format === 'jsonl') {
    download(`${name}.jsonl`, 'application/x-ndjson', toJsonLines(quotes.map((q) => ({ articleId: article.id, ...q }))));
  } else {
    download(`${name}.csv`, 'text/csv', toCsv(
      ['article_id', 'start', 'end', 'kind', 'speaker', 'speaker_actor_id', 'speaker_actor', 'confidence', 'cue', 'text'],
      quotes.map((q) => [article.id, q.start, q.end, q.kind, q.speaker?.text ?? '', q.speaker?.actorId ?? '',
        q.speaker?.actorId ? actors.get(q.speaker.actorId) ?? '' : '', q.confidence, q.cue?.text ?? '', q.text]),
    ));
  }
  say(`Exported ${plural(quotes.length, 'statement')}.`);
}

// ---------- the filters: actors by name, with suggestions from GET /actors?q= ----------

const filtersForm = $('#filters');
const suggestions = $('#actor-options');
/** Folded name or id → actor id, from every suggestion shown so far. */
const knownActors = new Map();
/** Dictionary entries by id, for what a filter found (a person's offices). */
const actorEntries = new Map();
const fold = (value) => value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s_]+/g, ' ').trim();

let suggestTimer = null;
let suggestAbort = null;
filtersForm.addEventListener('input', (event) => {
  const input = event.target;
  if (!input.matches('[list="actor-options"]')) return;
  clearTimeout(suggestTimer);
  const q = input.value.trim();
  if (q.length < 2 || q.endsWith('*')) return;
  suggestTimer = setTimeout(async () => {
    suggestAbort?.abort();
    suggestAbort = new AbortController();
    try {
      const response = await fetch(`/actors?${new URLSearchParams({ q, limit: '8' })}`, { signal: suggestAbort.signal });
      if (!response.ok) return;
      const { actors } = await response.json();
      for (const actor of actors) rememberActor(actor);
      suggestions.replaceChildren(...actors.map((a) => el('option', { value: a.name, label: `${a.name} · ${a.type}${a.country && a.type !== 'country' ? ` · ${a.country}` : ''}` })));
    } catch (error) {
      if (error.name !== 'AbortError') say(`Suggestions failed: ${error.message}`);
    }
  }, 150);
});

function rememberActor(actor) {
  actorEntries.set(actor.id, actor);
  knownActors.set(fold(actor.name), actor.id);
  knownActors.set(fold(actor.id), actor.id);
  for (const name of actor.names ?? []) if (!knownActors.has(fold(name))) knownActors.set(fold(name), actor.id);
}

/** The actor id a filter's text stands for: a name (any case), an id, or a CAMEO prefix with *. */
async function actorIdOf(text) {
  const value = text.trim();
  if (!value) return undefined;
  if (value.endsWith('*')) return value;
  const known = knownActors.get(fold(value));
  if (known) return known;
  const { actors } = await api('GET', `/actors?${new URLSearchParams({ q: value, limit: '5' })}`);
  for (const actor of actors) rememberActor(actor);
  // The value as it is when no actor has that name or id: an id the analysis made (name:…).
  return knownActors.get(fold(value)) ?? value;
}

async function currentFilters() {
  const fields = Object.fromEntries(new FormData(filtersForm));
  const params = new URLSearchParams();
  for (const name of ['actor', 'source', 'target']) {
    const id = await actorIdOf(fields[name] ?? '');
    if (id) params.set(name, id);
  }
  for (const name of ['from', 'to', 'minArticles', 'minConfidence']) if (fields[name]?.trim()) params.set(name, fields[name].trim());
  return params;
}

// ---------- the graph and the summary ----------

const details = $('#graph-details');
const graph = createGraph($('#graph'), { onEdge: showPair, onNode: showActor });
let filters = new URLSearchParams();
/** Cursors of the pages shown so far: [first page's (none), second's, …]. */
let cursors = [null];

async function refreshAcross(event) {
  if (event) event.preventDefault();
  const status = $('#filters-status');
  try {
    filters = await currentFilters();
    status.className = 'muted';
    status.textContent = describeFilters(filters);
    cursors = [null];
    const [drawn] = await Promise.all([loadGraph(), loadSummaryPage(0)]);
    if (drawn.total === 0) status.append(...officesHint(filters));
    return drawn;
  } catch (error) {
    status.className = 'error';
    status.textContent = error.message;
    say(`Error: ${error.message}`);
  }
}

/**
 * A person's statements count for the office they held at the time (Donald Trump in 2019 is
 * USAGOV): when a person finds nothing, the offices are offered as filters instead.
 */
function officesHint(params) {
  const out = [];
  for (const name of ['actor', 'source', 'target']) {
    const person = actorEntries.get(params.get(name));
    if (!person?.roles?.length) continue;
    out.push(` ${person.name}'s statements count for the office held at the time: `);
    const codes = [...new Set(person.roles.map((r) => r.code))];
    codes.forEach((code, i) => {
      const role = person.roles.find((r) => r.code === code);
      const button = el('button', { type: 'button', className: 'link' }, `${code}${role.from ? ` (${role.from.slice(0, 4)}–${role.to ? role.to.slice(0, 4) : ''})` : ''}`);
      button.addEventListener('click', () => {
        filtersForm.elements[name].value = code;
        refreshAcross();
      });
      out.push(...(i ? [', ', button] : [button]));
    });
    out.push('.');
  }
  return out;
}

function describeFilters(params) {
  const parts = [...params].map(([name, value]) => `${name} ${value}`);
  return parts.length ? `Filters: ${parts.join(', ')}.` : 'All actor pairs.';
}

async function loadGraph() {
  const params = new URLSearchParams(filters);
  params.set('limit', String(GRAPH_PAIRS));
  const { total, pairs } = await api('GET', `/stance/summary?${params}`);
  // Actors the dictionary does not know (name:…) are found by the names articles gave them.
  for (const p of pairs) for (const side of [p.source, p.target]) if (!knownActors.has(fold(side.name))) knownActors.set(fold(side.name), side.id);
  graph.draw(pairs);
  const { nodes, edges } = graph.counts();
  $('#graph').setAttribute('aria-label', `Stance graph: ${plural(nodes, 'actor')}, ${plural(edges, 'directed pair')}${total > pairs.length ? ` (the ${pairs.length} with most articles of ${total})` : ''}`);
  details.replaceChildren();
  return { total, nodes, edges };
}

const sortSelect = $('#summary-sort');
sortSelect.addEventListener('change', () => {
  cursors = [null];
  loadSummaryPage(0).catch(showError);
});

async function loadSummaryPage(index) {
  const params = new URLSearchParams(filters);
  params.set('sort', sortSelect.value);
  params.set('limit', String(SUMMARY_PAGE));
  if (cursors[index]) params.set('cursor', cursors[index]);
  const { total, pairs, nextCursor } = await api('GET', `/stance/summary?${params}`);
  cursors[index + 1] = nextCursor;
  cursors.length = index + 2;
  const table = $('#summary');
  const body = table.querySelector('tbody');
  body.replaceChildren(...(pairs.length ? pairs.map(summaryRow) : [emptyRow(table, filters.toString() ? 'No actor pair matches these filters.' : 'Nothing analysed yet.')]));
  const first = index * SUMMARY_PAGE + 1;
  const last = index * SUMMARY_PAGE + pairs.length;
  const range = pairs.length ? `${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${plural(total, 'actor pair')}` : plural(total, 'actor pair');
  $('#summary-caption').textContent = `Actor pairs, ${sortSelect.selectedOptions[0].textContent}: ${range}`;
  $('#summary-page').textContent = `Page ${index + 1} of ${Math.max(1, Math.ceil(total / SUMMARY_PAGE))}`;
  $('#summary-prev').disabled = index === 0;
  $('#summary-next').disabled = !nextCursor;
  $('#summary-prev').onclick = () => loadSummaryPage(index - 1).catch(showError);
  $('#summary-next').onclick = () => loadSummaryPage(index + 1).catch(showError);
  say(`Summary: ${range}.`);
}

function summaryRow(p) {
  const button = el('button', { type: 'button', className: 'link' }, `${p.source.name} → ${p.target.name}`);
  button.addEventListener('click', () => showPair(p, { focus: true }));
  const seen = p.firstSeen.slice(0, 10) === p.lastSeen.slice(0, 10) ? p.firstSeen.slice(0, 10) : `${p.firstSeen.slice(0, 10)} to ${p.lastSeen.slice(0, 10)}`;
  const evidence = p.evidence[0];
  return labelled($('#summary'), el('tr', {},
    el('td', {}, button, el('small', {}, `${p.source.id} → ${p.target.id}`)),
    cell(formatScore(p.mean), scoreClass(p.mean)),
    cell(String(p.articles), 'num'),
    cell(`${p.positive} / ${p.negative} / ${p.neutral}`, 'num'),
    cell(seen, 'date'),
    cell(evidence ? evidence.text : '', 'evidence-text', evidence ? formatScore(evidence.score) : ''),
  ));
}

/** Each cell carries its column's heading (data-label): a phone shows it when rows become blocks. */
function labelled(table, tr) {
  const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
  [...tr.children].forEach((td, i) => td.setAttribute('data-label', headings[i] ?? ''));
  return tr;
}

/** A time line (GET /stance/timeline) with its own choice of week or month; the dates of the filters apply. */
function timelineBlock(sides, title) {
  const block = el('div', { className: 'timeline-block' });
  const select = el('select', { 'aria-label': 'Time line interval' }, el('option', { value: 'month' }, 'month'), el('option', { value: 'week' }, 'week'));
  const body = el('div', {});
  async function load() {
    const params = new URLSearchParams(sides);
    for (const name of ['from', 'to']) if (filters.get(name)) params.set(name, filters.get(name));
    params.set('interval', select.value);
    try {
      const { buckets } = await api('GET', `/stance/timeline?${params}`);
      body.replaceChildren(timelineFigure(buckets, `${title}, mean stance per ${select.value}`));
    } catch (error) {
      showError(error);
    }
  }
  select.addEventListener('change', load);
  block.append(el('h5', { className: 'interval' }, `${title}: time line per`, select), body);
  load();
  return block;
}

/** A pair's articles and their evidence (GET /stance/pair). */
async function showPair(p, { focus = false } = {}) {
  const params = new URLSearchParams({ source: p.source.id, target: p.target.id });
  const { total, articles } = await api('GET', `/stance/pair?${params}`).catch((error) => (showError(error), { total: 0, articles: [] }));
  details.replaceChildren(
    el('h4', {}, `${p.source.name} → ${p.target.name}: mean ${formatScore(p.mean)}`),
    el('p', { className: 'muted' }, `${plural(total, 'article')}; ${p.positive} friendly, ${p.negative} hostile and ${p.neutral} neutral pieces of evidence.`),
    timelineBlock({ source: p.source.id, target: p.target.id }, `${p.source.name} → ${p.target.name}`),
    el('ol', { className: 'pair-articles' }, ...articles.map((a) => el('li', {},
      el('a', { href: `#article=${a.articleId}` }, a.title || `Article ${a.articleId.slice(0, 10)}…`),
      ` · ${a.publishedAt.slice(0, 10)} · score `, el('span', { className: scoreClass(a.score) }, formatScore(a.score)),
      el('ul', {}, ...a.evidence.map((e) => el('li', {}, el('span', { className: scoreClass(e.score) }, formatScore(e.score)), ` ${e.text}`))),
    ))),
  );
  if (focus) details.focus();
  say(`${p.source.name} toward ${p.target.name}: mean ${formatScore(p.mean)} over ${plural(total, 'article')}.`);
}

/** An actor's rows as source and as target (GET /actors/:id). */
async function showActor(id, name) {
  try {
    const actor = await api('GET', `/actors/${encodeURIComponent(id)}`);
    const rows = (list, side) => list.length
      ? el('ul', {}, ...list.slice(0, 30).map((p) => el('li', {}, `${side === 'source' ? p.target.name : p.source.name} `, el('span', { className: scoreClass(p.mean) }, formatScore(p.mean)), ` (${plural(p.articles, 'article')})`)))
      : el('p', { className: 'muted' }, 'none');
    details.replaceChildren(
      el('h4', {}, `${actor.name || name}`, el('small', {}, ` ${actor.id} · ${actor.type}`)),
      el('div', { className: 'two-columns' },
        el('div', {}, el('h5', {}, `As source: toward ${plural(actor.stances.asSource.length, 'actor')}`), rows(actor.stances.asSource, 'source')),
        el('div', {}, el('h5', {}, `As target: from ${plural(actor.stances.asTarget.length, 'actor')}`), rows(actor.stances.asTarget, 'target')),
      ),
      timelineBlock({ source: actor.id }, `${actor.name} toward others`),
    );
    say(`${actor.name}: stance toward ${plural(actor.stances.asSource.length, 'actor')}, from ${plural(actor.stances.asTarget.length, 'actor')}.`);
  } catch (error) {
    showError(error);
  }
}

async function allSummaryRows() {
  const rows = [];
  let cursor = null;
  do {
    const params = new URLSearchParams(filters);
    params.set('sort', sortSelect.value);
    params.set('limit', '1000');
    if (cursor) params.set('cursor', cursor);
    const page = await api('GET', `/stance/summary?${params}`);
    rows.push(...page.pairs);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

async function exportSummary(format) {
  const pairs = await allSummaryRows();
  if (format === 'jsonl') download('stance-summary.jsonl', 'application/x-ndjson', toJsonLines(pairs));
  else {
    download('stance-summary.csv', 'text/csv', toCsv(
      ['source_id', 'source', 'target_id', 'target', 'mean', 'articles', 'positive', 'negative', 'neutral', 'first_seen', 'last_seen', 'strongest_evidence'],
      pairs.map((p) => [p.source.id, p.source.name, p.target.id, p.target.name, p.mean, p.articles, p.positive, p.negative, p.neutral,
        p.firstSeen, p.lastSeen, p.evidence[0]?.text ?? '']),
    ));
  }
  say(`Exported ${plural(pairs.length, 'actor pair')}.`);
}

// ---------- recent articles ----------

async function loadRecent() {
  const table = $('#recent');
  try {
    const { total, articles } = await api('GET', '/articles?limit=20');
    table.querySelector('tbody').replaceChildren(...(articles.length ? articles.map((a) => labelled(table, el('tr', {},
      el('td', {}, el('a', { href: `#article=${a.id}` }, a.title || `Untitled (${a.id.slice(0, 10)}…)`)),
      cell(a.publishedAt ? a.publishedAt.slice(0, 10) : '', 'date', `received ${a.receivedAt.slice(0, 10)}`),
      cell(a.source ?? ''),
      cell(a.status, `status status-${a.status}`),
      cell(a.counts ? String(a.counts.quotes) : '', 'num'),
    ))) : [emptyRow(table, 'No article yet.')]));
    $('#recent-caption').textContent = `Articles received, newest first: ${articles.length} of ${total}`;
  } catch (error) {
    showError(error);
  }
}

function showError(error) {
  say(`Error: ${error.message}`);
}

// ---------- wiring ----------

function openFromHash() {
  const linked = /^#article=([0-9a-f]{32})$/.exec(location.hash);
  if (!linked || articleView.article?.id === linked[1]) return;
  openArticle(linked[1]).catch((error) => {
    $('#job-status').className = 'error';
    $('#job-status').textContent = error.message;
    showError(error);
  });
}

$('#article-form').addEventListener('submit', submitArticle);
filtersForm.addEventListener('submit', refreshAcross);
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-export]');
  if (!button) return;
  const [what, format] = button.dataset.export.split('-');
  if (what === 'statements') exportStatements(format);
  else exportSummary(format).catch(showError);
});
window.addEventListener('hashchange', openFromHash);
window.addEventListener('resize', () => graph.resize());

// For the browser tests: what the graph drew, where an element is.
window.stancePage = { graph };

refreshAcross();
loadRecent();
openFromHash();
