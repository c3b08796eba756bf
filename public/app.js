// The page's behaviour: submit an article, poll its job, show the analysis; show the summary.
// Everything from the server is written with textContent, never as HTML.
'use strict';

const POLL_MS = 400;
const POLL_LIMIT_MS = 120000;

const $ = (selector) => document.querySelector(selector);

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

/** A table cell with text, an optional class and an optional smaller second line. */
function cell(text, className, note) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  if (note) {
    const small = document.createElement('small');
    small.textContent = note;
    td.appendChild(small);
  }
  return td;
}

function fillTable(table, rows, emptyText) {
  const body = table.querySelector('tbody');
  body.replaceChildren();
  if (!rows.length) {
    const tr = document.createElement('tr');
    const td = cell(emptyText, 'muted');
    td.colSpan = table.querySelectorAll('th').length;
    tr.appendChild(td);
    body.appendChild(tr);
    return;
  }
  for (const cells of rows) {
    const tr = document.createElement('tr');
    tr.append(...cells);
    body.appendChild(tr);
  }
}

const scoreClass = (score) => (score < 0 ? 'num neg' : score > 0 ? 'num pos' : 'num');
const formatScore = (score) => (score > 0 ? '+' : '') + score.toFixed(2);

function showAnalysis(analysis) {
  const names = new Map(analysis.actors.map((actor) => [actor.id, actor.name]));
  fillTable($('#quotes'), analysis.quotes.map((q) => [
    cell(q.speaker ? (q.speaker.name || q.speaker.text) : 'unknown', null, q.speaker && q.speaker.actorId),
    cell(q.text),
    cell(q.kind),
  ]), 'No quotes found.');
  fillTable($('#stances'), analysis.stances.map((s) => [
    cell(names.get(s.source) || s.source, null, s.source),
    cell(names.get(s.target) || s.target, null, s.target),
    cell(formatScore(s.score), scoreClass(s.score)),
    cell(s.evidence.length ? s.evidence[0].text : ''),
  ]), 'No stances found.');
  $('#result').hidden = false;
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
  try {
    const accepted = await api('POST', '/articles', article);
    await waitForJob(accepted.links.job, status);
    await showArticle(accepted.articleId);
    await loadSummary();
  } catch (error) {
    status.className = 'error';
    status.textContent = error.message;
  } finally {
    button.disabled = false;
  }
}

/** Shows an analysed article's result; its id goes in the page's address, to come back to it. */
async function showArticle(articleId) {
  // The parts the page shows (actors for the stances' names); not the text, which the reader has.
  const stored = await api('GET', `/articles/${articleId}?include=quotes,actors,stances`);
  if (!stored.analysis) throw new Error(`Article ${articleId} is not analysed yet (${stored.status})`);
  $('#job-status').textContent = `Analysed: article ${articleId}`;
  history.replaceState(null, '', `#article=${articleId}`);
  showAnalysis(stored.analysis);
}

async function loadSummary(event) {
  if (event) event.preventDefault();
  const status = $('#summary-status');
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($('#summary-form'))) if (value.trim()) params.set(name, value.trim());
  try {
    const { pairs } = await api('GET', `/stance/summary?${params}`);
    status.textContent = `${pairs.length} actor pair${pairs.length === 1 ? '' : 's'}`;
    status.className = 'muted';
    fillTable($('#summary'), pairs.map((p) => [
      cell(p.source.name, null, p.source.id),
      cell(p.target.name, null, p.target.id),
      cell(formatScore(p.mean), scoreClass(p.mean)),
      cell(String(p.articles), 'num'),
      cell(`${p.positive} / ${p.negative} / ${p.neutral}`, 'num'),
      cell(p.firstSeen.slice(0, 10), 'date', p.lastSeen.slice(0, 10) === p.firstSeen.slice(0, 10) ? '' : `to ${p.lastSeen.slice(0, 10)}`),
      cell(p.evidence.length ? p.evidence[0].text : ''),
    ]), 'Nothing analysed yet.');
  } catch (error) {
    status.className = 'error';
    status.textContent = error.message;
  }
}

$('#article-form').addEventListener('submit', submitArticle);
$('#summary-form').addEventListener('submit', loadSummary);
loadSummary();
const linked = /^#article=([0-9a-f]{32})$/.exec(location.hash);
if (linked) {
  showArticle(linked[1]).catch((error) => {
    $('#job-status').className = 'error';
    $('#job-status').textContent = error.message;
  });
}
