// Builds models/sentiment-domain.json from ../lexicon-data/sentiment-domain.ts, checked against
// AFINN-165: every domain word must change what AFINN says, and every neutralised word must be
// one AFINN scores.
import type { SentimentDomainFile } from '../../src/models/lexicon';
import { DOMAIN_SCORES, HEDGES, INTENSIFIERS, NEGATORS, NEUTRALISED } from '../lexicon-data/sentiment-domain';

function splitList(list: string): string[] {
  return list.split(',').map((w) => w.trim()).filter(Boolean);
}

export function buildSentimentDomain(afinn: Map<string, number>, about: string): SentimentDomainFile {
  const words: Record<string, number> = {};
  const problems: string[] = [];
  for (const [score, list] of Object.entries(DOMAIN_SCORES)) {
    for (const word of splitList(list)) {
      if (word in words) problems.push(`"${word}" is listed twice`);
      if (afinn.get(word) === Number(score)) problems.push(`"${word}" already scores ${score} in AFINN`);
      words[word] = Number(score);
    }
  }
  const neutralised = splitList(NEUTRALISED);
  for (const word of neutralised) {
    if (!afinn.has(word)) problems.push(`neutralised "${word}" is not in AFINN`);
    if (word in words) problems.push(`"${word}" is both scored and neutralised`);
  }
  if (problems.length) throw new Error(`sentiment domain lexicon:\n${problems.join('\n')}`);
  return { about, words, neutralised, negators: splitList(NEGATORS), intensifiers: INTENSIFIERS, hedges: HEDGES };
}
