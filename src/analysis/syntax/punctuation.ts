// Punctuation attached by rule, the way Universal Dependencies attaches it: a pair of quotes or
// brackets to the head of what it encloses, any other mark to the lower of the two phrases it
// stands between, climbing from its neighbours as far as projectivity allows (the rule of
// UD's guidelines, as the udapi tool ud.FixPunct applies it). The parser parses the other words
// and leaves the marks to this rule: a greedy parser attaches a quarter of them wrong.

/** Marks that end a sentence: they attach to the left only. */
const FINAL = new Set(['.', '!', '?', '...', '…', '?!', '!!', '!?', '??']);
const OPENING: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”', '‘': '’', '«': '»' };
const SYMMETRIC = new Set(['"', "'", '``', "''"]);

/**
 * Sets the head of every word with `punct[w]` (words 1 … n; heads[w] of the other words give
 * their tree, 0 for the root, and no other word's head is a mark). Returns heads.
 */
export function attachPunctuation(heads: Int32Array, punct: Uint8Array, forms: readonly string[], keep?: Int32Array): Int32Array {
  const n = heads.length - 1;
  let root = 0;
  for (let w = 1; w <= n; w++) if (!punct[w] && heads[w] === 0) root = w;
  if (root === 0) {
    // Only marks: the first is the root and the others hang from it.
    for (let w = 1; w <= n; w++) heads[w] = w === 1 ? 0 : 1;
    return heads;
  }
  // The leftmost and rightmost word of each word's subtree (marks left out).
  const lo = new Int32Array(n + 1), hi = new Int32Array(n + 1);
  for (let w = 1; w <= n; w++) [lo[w], hi[w]] = [w, w];
  for (let w = 1; w <= n; w++) {
    if (punct[w]) continue;
    for (let a = heads[w], guard = 0; a > 0 && guard <= n; a = heads[a], guard++) {
      if (w < lo[a]) lo[a] = w;
      if (w > hi[a]) hi[a] = w;
    }
  }
  const isAncestor = (a: number, d: number): boolean => {
    for (let x = d, guard = 0; x > 0 && guard <= n; x = heads[x], guard++) if (x === a) return true;
    return false;
  };
  // Attaching p to h keeps the tree projective when every word between them is under h.
  const projective = (p: number, h: number): boolean => {
    const [from, to] = p < h ? [p + 1, h] : [h + 1, p];
    for (let k = from; k < to; k++) if (!punct[k] && !isAncestor(h, k)) return false;
    return true;
  };
  const done = new Uint8Array(n + 1);
  pairs(heads, punct, forms, done);
  for (let p = 1; p <= n; p++) {
    if (!punct[p] || done[p]) continue;
    let l = p - 1;
    while (l >= 1 && punct[l]) l--;
    let r = FINAL.has(forms[p - 1]) ? n + 1 : p + 1;
    while (r <= n && punct[r]) r++;
    const leftPath: number[] = [], rightPath: number[] = [];
    if (l >= 1) {
      leftPath.push(l);
      while (heads[l] > 0 && heads[l] < p && hi[l] < p) leftPath.push((l = heads[l]));
    }
    if (r <= n) {
      rightPath.push(r);
      while (heads[r] > 0 && heads[r] > p && lo[r] > p) rightPath.push((r = heads[r]));
    }
    const lefts = leftPath.filter((h) => projective(p, h)), rights = rightPath.filter((h) => projective(p, h));
    const lc = lefts.length ? lefts[lefts.length - 1] : 0, rc = rights.length ? rights[rights.length - 1] : 0;
    let head: number;
    if (keep && (lefts.includes(keep[p]) || rights.includes(keep[p]))) head = keep[p];
    else if (lc && rc) head = isAncestor(rc, lc) ? lc : isAncestor(lc, rc) ? rc : lc;
    else head = lc || rc || root;
    heads[p] = head;
  }
  return heads;
}

/** Quotes and brackets around a phrase with one head: both to that head. */
function pairs(heads: Int32Array, punct: Uint8Array, forms: readonly string[], done: Uint8Array): void {
  const n = heads.length - 1;
  const open: { w: number; close: string }[] = [];
  for (let w = 1; w <= n; w++) {
    if (!punct[w]) continue;
    const f = forms[w - 1];
    const top = open[open.length - 1];
    if (top && f === top.close) {
      open.pop();
      attachPair(top.w, w, heads, punct, done);
    } else if (OPENING[f]) open.push({ w, close: OPENING[f] });
    else if (SYMMETRIC.has(f)) {
      const same = open.findIndex((o) => o.close === f);
      if (same >= 0) {
        const o = open[same];
        open.length = same;
        attachPair(o.w, w, heads, punct, done);
      } else open.push({ w, close: f });
    }
  }
}

function attachPair(o: number, c: number, heads: Int32Array, punct: Uint8Array, done: Uint8Array): void {
  let head = 0, count = 0;
  for (let k = o + 1; k < c; k++) {
    if (punct[k]) continue;
    if (heads[k] < o || heads[k] > c) {
      head = k;
      count++;
    }
  }
  if (count !== 1) return;
  heads[o] = heads[c] = head;
  done[o] = done[c] = 1;
}
