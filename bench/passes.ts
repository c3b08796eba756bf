// Per-article cost of each analysis pass, in the order analyze() runs them, and how long the
// models take to load: the figures the actor and quote issues ask the benchmark to show.
import { articleDate } from '../src/analysis';
import { toAnalysis } from '../src/analysis/output';
import { normalise } from '../src/analysis/passes/1-normalise';
import { tokenise } from '../src/analysis/passes/2-tokens';
import { findActorMentions } from '../src/analysis/passes/3-actors';
import { findStatements } from '../src/analysis/passes/4-quotes';
import { attributeSpeakers } from '../src/analysis/passes/5-speakers';
import { scoreStances } from '../src/analysis/passes/6-stance';
import { compileActorIndex, readActorDictionary } from '../src/models/actors';
import { DEFAULT_MODELS_DIR, type Models } from '../src/models';
import { loadLexicon } from '../src/models/lexicon';
import { loadFullNlp, loadNlp } from '../src/models/nlp';
import { loadTargetModel } from '../src/models/target-model';
import path from 'node:path';

interface Text {
  text: string;
  publishedAt?: string;
}

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

/** Milliseconds to load each model, once (the first call in a process pays it all). */
export function loadTimes(): Record<string, number> {
  const times: Record<string, number> = {};
  let t = process.hrtime.bigint();
  loadNlp();
  times['wink-nlp + English model'] = ms(t);
  t = process.hrtime.bigint();
  const dictionary = readActorDictionary(path.join(DEFAULT_MODELS_DIR, 'actors.json'));
  times['actor dictionary: read + check'] = ms(t);
  t = process.hrtime.bigint();
  compileActorIndex([dictionary]);
  times['actor dictionary: compile'] = ms(t);
  t = process.hrtime.bigint();
  loadLexicon(DEFAULT_MODELS_DIR);
  times['lexicons'] = ms(t);
  t = process.hrtime.bigint();
  loadTargetModel(DEFAULT_MODELS_DIR);
  times['target model'] = ms(t);
  return times;
}

/** Mean milliseconds per article of each pass over `rounds` passes through the texts. */
export function passCosts(models: Models, texts: Text[], rounds = 5): Record<string, number> {
  const wink = loadFullNlp().engine;
  const total: Record<string, number> = {};
  const add = (name: string, from: bigint) => (total[name] = (total[name] ?? 0) + ms(from));
  for (let r = 0; r < rounds; r++) {
    for (const article of texts) {
      let t = process.hrtime.bigint();
      const text = normalise(article.text);
      add('1 normalise', t);
      t = process.hrtime.bigint();
      const tokens = tokenise(text, models.nlp);
      add('2 sentences and tokens (wink readDoc inside)', t);
      t = process.hrtime.bigint();
      const actors = findActorMentions(tokens, models.actors, { date: articleDate(article.publishedAt), entityTypes: models.syntax.entityTypes });
      add('3 actor mentions (entity types)', t);
      t = process.hrtime.bigint();
      const statements = findStatements(tokens, models.lexicon);
      add('4 quotes', t);
      t = process.hrtime.bigint();
      const attributed = attributeSpeakers(tokens, statements, actors, models.syntax.parser);
      add('5 speakers (parser where needed)', t);
      t = process.hrtime.bigint();
      const stances = scoreStances(tokens, attributed, statements.quoted, actors, models.lexicon, models.targetModel, models.stanceModel);
      add('6 stance (rules, the target and stance models)', t);
      t = process.hrtime.bigint();
      toAnalysis(article.text, tokens, attributed, actors, stances);
      add('output', t);
      t = process.hrtime.bigint();
      wink.readDoc(article.text);
      add('(wink readDoc alone, every pipe, for comparison)', t);
    }
  }
  const n = rounds * texts.length;
  return Object.fromEntries(Object.entries(total).map(([k, v]) => [k, v / n]));
}
