// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) the parser runs,
// with the dynamic oracle of Goldberg & Nivre (2013) its training follows.
//
// Words are numbered 1 … n; 0 is the root, which sits at the bottom of the stack. A
// configuration is the stack, the buffer (the words from `next` on) and the arcs so far:
//   SHIFT  pushes the buffer's first word b0
//   LEFT   pops s0 and makes b0 its head
//   RIGHT  pops s0 and makes s1 its head; onto the root only once the buffer is empty, so that
//          every tree has exactly one word under the root
// Every word is attached when it leaves the stack, with all its dependents already in place:
// the label is chosen then, knowing the word's whole subtree.

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const MOVES = 3;
export const MOVE_NAMES = ['SHIFT', 'LEFT', 'RIGHT'] as const;

/** Index of "none" in the position arrays (no such word). */
export const NONE = -1;

export class ParseState {
  /** Word count (the root not included). */
  readonly n: number;
  readonly stack: Int32Array;
  size = 1;
  /** First word of the buffer (n + 1 when it is empty). */
  next = 1;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  /** The two leftmost and the two rightmost dependents of each word so far. */
  readonly left1: Int32Array;
  readonly left2: Int32Array;
  readonly right1: Int32Array;
  readonly right2: Int32Array;
  readonly leftCount: Uint16Array;
  readonly rightCount: Uint16Array;
  /** Per word, one bit per label of its dependents so far (labels ≥ 31 share the last bit). */
  readonly labelSet: Int32Array;

  constructor(n: number) {
    this.n = n;
    const size = n + 1;
    this.stack = new Int32Array(size + 1);
    this.stack[0] = 0;
    this.heads = new Int32Array(size).fill(NONE);
    this.labels = new Int32Array(size).fill(NONE);
    this.left1 = new Int32Array(size).fill(NONE);
    this.left2 = new Int32Array(size).fill(NONE);
    this.right1 = new Int32Array(size).fill(NONE);
    this.right2 = new Int32Array(size).fill(NONE);
    this.leftCount = new Uint16Array(size);
    this.rightCount = new Uint16Array(size);
    this.labelSet = new Int32Array(size);
  }

  /** The i-th word from the top of the stack (0: s0), NONE past the bottom. The root is 0. */
  s(i: number): number {
    return i < this.size ? this.stack[this.size - 1 - i] : NONE;
  }

  /** The i-th word of the buffer (0: b0), NONE past its end. */
  b(i: number): number {
    const w = this.next + i;
    return w <= this.n ? w : NONE;
  }

  isTerminal(): boolean {
    return this.next > this.n && this.size === 1;
  }

  isLegal(move: number): boolean {
    const bufferEmpty = this.next > this.n;
    if (move === SHIFT) return !bufferEmpty;
    if (this.size < 2) return false; // only the root on the stack
    if (move === LEFT) return !bufferEmpty;
    return this.size > 2 || bufferEmpty; // RIGHT onto the root ends the parse
  }

  /** The arc a move would make, as [head, dependent], or null for SHIFT. */
  arcOf(move: number): [number, number] | null {
    if (move === SHIFT) return null;
    const s0 = this.stack[this.size - 1];
    return [move === LEFT ? this.next : this.stack[this.size - 2], s0];
  }

  /** The head of the arc LEFT or RIGHT would make (its dependent is s0). */
  headOf(move: number): number {
    return move === LEFT ? this.next : this.stack[this.size - 2];
  }

  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack[this.size++] = this.next++;
      return;
    }
    const d = this.stack[--this.size];
    this.attach(move === LEFT ? this.next : this.stack[this.size - 1], d, label);
  }

  private attach(h: number, d: number, label: number): void {
    this.heads[d] = h;
    this.labels[d] = label;
    this.labelSet[h] |= 1 << Math.min(label, 30);
    if (d < h) {
      this.leftCount[h]++;
      if (this.left1[h] === NONE || d < this.left1[h]) {
        this.left2[h] = this.left1[h];
        this.left1[h] = d;
      } else if (this.left2[h] === NONE || d < this.left2[h]) this.left2[h] = d;
    } else {
      this.rightCount[h]++;
      if (this.right1[h] === NONE || d > this.right1[h]) {
        this.right2[h] = this.right1[h];
        this.right1[h] = d;
      } else if (this.right2[h] === NONE || d > this.right2[h]) this.right2[h] = d;
    }
  }
}

/**
 * How many gold arcs a move makes unreachable (Goldberg & Nivre 2013, arc-hybrid); `gold[w]` is
 * word w's head in a projective tree. A move of cost 0 keeps the best tree still reachable.
 */
export function moveCost(state: ParseState, move: number, gold: ArrayLike<number>): number {
  const { stack, size, next, n } = state;
  const s0 = stack[size - 1];
  let cost = 0;
  if (move === SHIFT) {
    const b0 = next;
    // b0's head deeper in the stack than s0, and b0's dependents on the stack, are lost.
    for (let i = 0; i < size; i++) {
      const s = stack[i];
      if (s !== s0 && gold[b0] === s) cost++;
      if (s !== 0 && gold[s] === b0) cost++;
    }
    return cost;
  }
  // LEFT and RIGHT pop s0: its dependents still in the buffer are lost …
  for (let b = next; b <= n; b++) if (gold[b] === s0) cost++;
  const head = gold[s0];
  if (move === LEFT) {
    // … and its head, when that is s1 or a buffer word after b0.
    if (head !== next && ((size >= 2 && head === stack[size - 2]) || head > next)) cost++;
  } else if (head >= next) cost++; // RIGHT: its head in the buffer
  return cost;
}

/**
 * The tree made projective by lifting: while an arc crosses another, the shortest such arc's
 * dependent moves up to its head's head (labels stay). Arc-hybrid builds projective trees only.
 */
export function projectivise(heads: ArrayLike<number>): Int32Array {
  const h = Int32Array.from(heads);
  for (let guard = 0; guard < h.length * h.length; guard++) {
    let shortest = -1, length = Infinity;
    for (let d = 1; d < h.length; d++) {
      const span = Math.abs(h[d] - d);
      if (span < length && !isProjectiveArc(h, d)) [shortest, length] = [d, span];
    }
    if (shortest < 0) return h;
    h[shortest] = h[h[shortest]];
  }
  return h;
}

/** Is every word between d and its head a descendant of the head? */
export function isProjectiveArc(heads: ArrayLike<number>, d: number): boolean {
  const head = heads[d];
  const [from, to] = head < d ? [head + 1, d] : [d + 1, head];
  for (let k = from; k < to; k++) {
    let a = k;
    while (a !== head && a !== 0) a = heads[a];
    if (a !== head) return false;
  }
  return true;
}

export function isProjective(heads: ArrayLike<number>): boolean {
  for (let d = 1; d < heads.length; d++) if (!isProjectiveArc(heads, d)) return false;
  return true;
}
