// Small DOM helpers shared by the page's modules. Everything from the server is written as
// text (textContent, text nodes), never as HTML.

/** An element with properties (className, type, href…) and children (nodes or strings). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'className') node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** A table cell with text, an optional class and an optional smaller second line. */
export function cell(text, className, note) {
  const td = el('td', className ? { className } : {}, text);
  if (note) td.append(el('small', {}, note));
  return td;
}

export const scoreClass = (score) => (score < 0 ? 'num neg' : score > 0 ? 'num pos' : 'num');
export const formatScore = (score) => (score > 0 ? '+' : score < 0 ? '−' : '') + Math.abs(score).toFixed(2);

/** A row spanning the whole table, for "nothing here". */
export function emptyRow(table, text) {
  const td = cell(text, 'muted');
  td.colSpan = table.querySelectorAll('thead th').length;
  return el('tr', {}, td);
}

/** Saves text as a file the browser downloads. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** CSV (RFC 4180) of rows of values; text a spreadsheet would run as a formula is quoted with '. */
export function toCsv(header, rows) {
  const field = (value) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export const toJsonLines = (items) => items.map((item) => JSON.stringify(item)).join('\n') + '\n';
