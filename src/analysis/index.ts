// analyze(article, models): who said what, about whom, and with what stance.
//
// A pure function of the article and the models loaded at start-up: no I/O, no globals. The
// worker, the CLI and the tests all call it. Each pass is a module in ./passes, in the order the
// data flows; each reads what the earlier ones found and adds its own layer.
import type { Models } from '../models';
import { normalise } from './passes/1-normalise';
import { tokenise } from './passes/2-tokens';
import { findActorMentions } from './passes/3-actors';
import { findStatements } from './passes/4-quotes';
import { attributeSpeakers } from './passes/5-speakers';
import { scoreStances } from './passes/6-stance';
import { DEFAULT_OUTPUT_CAPS, type OutputCaps, toAnalysis } from './output';
import { authorOf } from './passes/stance/evidence';
import type { Analysis, Article } from './types';

export interface AnalyzeOptions {
  /** The most of each part the analysis lists (./output.ts); the defaults where not given. */
  caps?: Partial<OutputCaps>;
}

export function analyze(article: Article, models: Models, options: AnalyzeOptions = {}): Analysis {
  const text = normalise(article.text);
  const tokenised = tokenise(text, models.nlp);
  const actors = findActorMentions(tokenised, models.actors, {
    date: articleDate(article.publishedAt),
    entities: article.entities,
    entityTypes: models.syntax.entityTypes,
  });
  const statements = findStatements(tokenised, models.lexicon);
  const attributed = attributeSpeakers(tokenised, statements, actors, models.syntax.parser);
  const stances = scoreStances(tokenised, attributed, statements.quoted, actors, models.lexicon, models.targetModel, models.stanceModel);
  // The author's stances are the publisher's where the article names it (the passes read AUTHOR).
  return toAnalysis(article.text, tokenised, attributed, actors, stances, article.entities, { ...DEFAULT_OUTPUT_CAPS, ...options.caps }, authorOf(article.source));
}

/**
 * The article's date as YYYY-MM-DD, undefined when absent or unreadable: people's roles depend
 * on it. Not today's date: the analysis reads no clock, so an article gives the same result on
 * any day, and an undated article from an archive does not make its people hold the offices of
 * the day it is read (the service passes the day an undated article arrived: ../queue).
 */
export function articleDate(publishedAt: string | undefined): string | undefined {
  const parsed = publishedAt ? new Date(publishedAt) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString().slice(0, 10) : undefined;
}

export type { Analysis, Article } from './types';
export { DEFAULT_OUTPUT_CAPS, type OutputCaps } from './output';
