// The arc-hybrid transition system and its dynamic oracle: following zero-cost moves rebuilds
// any projective tree, and a costly move loses what it says it loses.
import fs from 'fs';
import path from 'path';
import { readConllu } from '../../src/ml/conllu';
import { LEFT, MOVES, ParseState, RIGHT, SHIFT, isProjective, moveCost, projectivise } from '../../src/analysis/syntax/transitions';
import { mulberry32 } from '../../src/ml/random';
import { sharedFile } from '../setup/shared';

/** The heads the oracle's zero-cost moves build for a gold tree (index 0 unused). */
function oracleParse(gold: number[]): number[] {
  const state = new ParseState(gold.length - 1);
  while (!state.isTerminal()) {
    let move = -1;
    for (let m = 0; m < MOVES && move < 0; m++) if (state.isLegal(m) && moveCost(state, m, gold) === 0) move = m;
    if (move < 0) throw new Error(`no zero-cost move for ${JSON.stringify(gold)}`);
    state.apply(move, 0);
  }
  return [-1, ...state.heads.slice(1)];
}

/** A random projective tree over n words: each span is split around its head, recursively. */
function randomProjectiveTree(n: number, random: () => number): number[] {
  const heads = new Array(n + 1).fill(-1);
  const build = (from: number, to: number, head: number) => {
    if (from > to) return;
    const h = from + Math.floor(random() * (to - from + 1));
    heads[h] = head;
    build(from, h - 1, h);
    build(h + 1, to, h);
  };
  build(1, n, 0);
  return heads;
}

describe('arc-hybrid transitions', () => {
  it('attach a word when it leaves the stack, with one word under the root', () => {
    // "Ministers met envoys": met is the root, ministers and envoys depend on it.
    const s = new ParseState(3);
    expect(s.isLegal(LEFT)).toBe(false);
    s.apply(SHIFT, 0);
    expect(s.isLegal(RIGHT)).toBe(false); // onto the root only once the buffer is empty
    s.apply(LEFT, 7);
    s.apply(SHIFT, 0);
    s.apply(SHIFT, 0);
    s.apply(RIGHT, 8);
    expect(s.isLegal(SHIFT)).toBe(false);
    s.apply(RIGHT, 9);
    expect(s.isTerminal()).toBe(true);
    expect(Array.from(s.heads.slice(1))).toEqual([2, 0, 2]);
    expect(Array.from(s.labels.slice(1))).toEqual([7, 9, 8]);
    expect(s.left1[2]).toBe(1);
    expect(s.right1[2]).toBe(3);
  });

  it('count the gold arcs a move loses', () => {
    // Gold: 1 ← 2 (2 heads 1), 2 is the root's.
    const gold = [-1, 2, 0];
    const s = new ParseState(2);
    s.apply(SHIFT, 0);
    expect(moveCost(s, LEFT, gold)).toBe(0);
    // Pushing 2 over 1 loses both arcs: 1 can no longer get 2 as its head, nor 2 reach the root past 1.
    expect(moveCost(s, SHIFT, gold)).toBe(2);
  });

  it('rebuild every projective tree by the oracle', () => {
    const random = mulberry32(11);
    for (let k = 0; k < 300; k++) {
      const gold = randomProjectiveTree(1 + Math.floor(random() * 25), random);
      expect(oracleParse(gold)).toEqual(gold);
    }
  });

  it('make a crossing tree projective by lifting', () => {
    // Word 1's head 3 lies beyond the root word 2: word 1 moves up to 3's head, 2.
    expect(isProjective([-1, 3, 0, 2, 3])).toBe(false);
    const lifted = Array.from(projectivise([-1, 3, 0, 2, 3]));
    expect(lifted).toEqual([-1, 2, 0, 2, 3]);
    expect(isProjective(lifted)).toBe(true);
    expect(oracleParse(lifted)).toEqual(lifted);
  });
});

const splits = sharedFile('treebanks/gum/splits.md');
(splits ? describe : describe.skip)('the oracle on GUM (needs ../shared/treebanks)', () => {
  it('rebuilds every training tree once made projective', () => {
    const dir = path.dirname(splits!);
    for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('GUM_news')).slice(0, 6)) {
      for (const s of readConllu(fs.readFileSync(path.join(dir, file), 'utf8'), file)) {
        const gold = Array.from(projectivise([-1, ...s.words.map((w) => w.head)]));
        expect(oracleParse(gold)).toEqual(gold);
      }
    }
  });
});
