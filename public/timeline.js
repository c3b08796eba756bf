// A time line as SVG: one column per week or month with articles, its mean stance as a line
// over a −1…+1 scale (red below zero, green above), the number of articles as grey bars in a
// strip under it. Drawn by hand (some 60 lines): no chart library is worth its weight for this one picture.
// A table of the same figures follows it for screen readers and for reading exact values.
import { el, formatScore, scoreClass } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const W = 640;
const H = 230;
const BARS = 40;
const PAD = { left: 34, right: 10, top: 10, bottom: 22 + BARS + 8 };

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The figure (SVG and table) of a time line's buckets. */
export function timelineFigure(buckets, title) {
  if (!buckets.length) return el('p', { className: 'muted' }, 'No dated article for this time line.');
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / buckets.length;
  const x = (i) => PAD.left + step * (i + 0.5);
  const y = (mean) => PAD.top + (1 - (mean + 1) / 2) * plotH;
  const most = Math.max(...buckets.map((b) => b.articles));
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline', role: 'img', 'aria-label': title });
  chart.append(svg('title', {}, title));
  for (const [value, label] of [[1, '+1'], [0, '0'], [-1, '−1']]) {
    chart.append(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(value), y2: y(value), class: value === 0 ? 'axis zero' : 'axis' }));
    chart.append(svg('text', { x: PAD.left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'tick' }, label));
  }
  const barsBottom = H - 22;
  chart.append(svg('text', { x: PAD.left - 6, y: barsBottom - BARS / 2 + 4, 'text-anchor': 'end', class: 'tick' }, 'n'));
  buckets.forEach((b, i) => {
    const height = Math.max(2, (b.articles / most) * (BARS - 12));
    const width = Math.min(28, step * 0.7);
    chart.append(svg('rect', { x: x(i) - width / 2, width, y: barsBottom - height, height, class: 'bar' }));
    if (step > 18) chart.append(svg('text', { x: x(i), y: barsBottom - height - 2, 'text-anchor': 'middle', class: 'tick' }, String(b.articles)));
  });
  chart.append(svg('polyline', { points: buckets.map((b, i) => `${x(i)},${y(b.mean)}`).join(' '), class: 'mean' }));
  const every = Math.ceil(buckets.length / 8);
  buckets.forEach((b, i) => {
    const dot = svg('circle', { cx: x(i), cy: y(b.mean), r: 4, class: b.mean < 0 ? 'dot neg' : b.mean > 0 ? 'dot pos' : 'dot' });
    dot.append(svg('title', {}, `${b.start}: mean ${formatScore(b.mean)}, ${b.articles} article${b.articles === 1 ? '' : 's'}`));
    chart.append(dot);
    if (i % every === 0) chart.append(svg('text', { x: x(i), y: H - 6, 'text-anchor': 'middle', class: 'tick' }, b.start));
  });
  const table = el('table', { className: 'timeline-table' },
    el('caption', {}, title),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'From'), el('th', { scope: 'col', className: 'num' }, 'Mean'), el('th', { scope: 'col', className: 'num' }, 'Articles'))),
    el('tbody', {}, ...buckets.map((b) => el('tr', {}, el('td', {}, b.start), el('td', { className: scoreClass(b.mean) }, formatScore(b.mean)), el('td', { className: 'num' }, String(b.articles))))),
  );
  return el('figure', { className: 'timeline-figure' }, chart, el('details', {}, el('summary', {}, 'The figures'), table));
}
