// Word sentiment toward a position in the text: AFINN-165 and the news lexicon, with negation
// (wink-nlp's flag, or a negator just before), intensifiers and hedges, each word weighted by
// its distance to the target so that the words about the target count most, and by half across
// a contrast ("praised the plan but attacked the ministry": the attack is about the ministry).
import { type Lexicon, wordScoreOf } from '../../../models/lexicon';
import type { TokenRange } from '../../grammar';
import type { Token } from '../../types';

const CONTRAST = new Set(['but', 'however', 'yet', 'although', 'though', 'whereas', 'while']);
const ACROSS_CONTRAST = 0.5;
const WINDOW = 40;

export class LocalSentiment {
  /** Each token's own score, after negation and modifiers. */
  private readonly scores: Float64Array;
  /** Each token's part of its sentence, counted in contrasts ("…, but …"). */
  private readonly part: Uint32Array;

  constructor(tokens: Token[], lexicon: Lexicon) {
    this.scores = new Float64Array(tokens.length);
    this.part = new Uint32Array(tokens.length);
    for (let i = 0, part = 0; i < tokens.length; i++) {
      if (CONTRAST.has(tokens[i].lower)) part++;
      this.part[i] = part;
    }
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      let s = wordScoreOf(lexicon, tok);
      if (s === 0) continue;
      const before = tokens[i - 1]?.sentence === tok.sentence ? tokens[i - 1].lower : undefined;
      if (before) s *= lexicon.intensifiers.get(before) ?? lexicon.hedges.get(before) ?? 1;
      if (tok.negated || (before && lexicon.negators.has(before))) s = -s * 0.75;
      this.scores[i] = s;
    }
  }

  /**
   * Sentiment of tokens [first, last) toward the target tokens, in [-1, 1]; `skip` marks words
   * to leave out. Words further than WINDOW tokens weigh under a tenth and are not read, which
   * keeps the cost per target bounded however long the span.
   */
  toward(first: number, last: number, target: TokenRange, skip?: Uint8Array): number {
    let sum = 0;
    const from = Math.max(first, target.first - WINDOW), to = Math.min(last, target.last + WINDOW);
    for (let k = from; k < to; k++) {
      if ((k >= target.first && k < target.last) || skip?.[k]) continue;
      const s = this.scores[k];
      if (s === 0) continue;
      const d = k < target.first ? target.first - k : k - target.last + 1;
      sum += (s / (1 + d / 4)) * (this.part[k] === this.part[target.first] ? 1 : ACROSS_CONTRAST);
    }
    return Math.tanh(sum / 4);
  }
}
