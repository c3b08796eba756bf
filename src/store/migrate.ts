// Upgrades a store written by an earlier version of the service, so that an update loses
// nothing: every entry point runs it at start (several at once is safe) before it reads or
// writes articles. `<prefix>:store-layout` says which layout the store has; a store without it
// and without articles is new, and is simply marked with the current layout.
//
// Layout 1 (the first release): an article hash held `article` (the posted JSON, text included)
// and `analysis` (the whole analysis as JSON). Layout 2 (article-store.ts): the text, each part
// of the analysis and the counts in fields of their own, the metadata as canonical JSON, and a
// version. Layout 3: the text and the parts in `packed:` fields (article-codec.ts), about a tenth
// of their JSON. The pair aggregates (`tallies` and the pair keys) are the same in all three
// (layout 3's tallies leave out the actor names, which the scripts never read back). Layout 3
// also lists every article by arrival in `<prefix>:articles`. Layout 4: one hash per pair in its
// shard's hash slot with the shard's summary indexes (pair-index.ts), evidence kept per pair by
// reference to the article's text; the article lists its pairs instead of its tallies. The
// migration rebuilds every pair from the stored analyses (the same contributions the old pair
// keys held), then deletes the old pair keys.
import { scanKeys, type RedisClient } from './redis';
import type { Analysis } from '../analysis/types';
import { packPart, packText } from './article-codec';
import { countsOf, metadataJson, STORED_CONTRIBUTION_FIELDS, storedContributions, type SubmittedArticle } from './article-store';
import type { Keys } from './keys';
import { applyToPairs, defineStoreCommands, pairLine } from './pair-writer';
import { MIGRATE_ARTICLE_TO_LAYOUT_2, MIGRATE_ARTICLE_TO_LAYOUT_3, MIGRATE_ARTICLE_TO_LAYOUT_4 } from './scripts';

export const STORE_LAYOUT = 4;

import type { ScriptCall } from './pair-writer';

/** Brings the store to STORE_LAYOUT; resolves with the number of article rewrites it made. */
export async function migrateStore(redis: RedisClient, keys: Keys): Promise<number> {
  const layoutKey = keys.storeLayout;
  const layout = Number((await redis.get(layoutKey)) ?? 0);
  if (layout >= STORE_LAYOUT) return 0;
  redis.defineCommand('stanceMigrateArticleToLayout2', { numberOfKeys: 1, lua: MIGRATE_ARTICLE_TO_LAYOUT_2 });
  redis.defineCommand('stanceMigrateArticleToLayout3', { numberOfKeys: 1, lua: MIGRATE_ARTICLE_TO_LAYOUT_3 });
  redis.defineCommand('stanceMigrateArticleToLayout4', { numberOfKeys: 1, lua: MIGRATE_ARTICLE_TO_LAYOUT_4 });
  defineStoreCommands(redis);
  const call = redis as unknown as Record<string, ScriptCall>;
  let rewritten = 0;
  // Layout 0 is a new store or one of the first release: its articles are in layout 1.
  if (layout < 2) rewritten += await eachArticle(redis, keys, (key) => toLayout2(redis, call, key));
  rewritten += await eachArticle(redis, keys, (key) => toLayout3(redis, call, key));
  await eachArticle(redis, keys, (key) => listArticle(redis, keys, key));
  rewritten += await eachArticle(redis, keys, (key) => toLayout4(redis, call, keys, key));
  await dropLayout3Pairs(redis, keys);
  await redis.set(layoutKey, String(STORE_LAYOUT));
  return rewritten;
}

/** Runs the rewrite on every article hash; resolves with how many it rewrote. */
async function eachArticle(redis: RedisClient, keys: Keys, rewrite: (key: string) => Promise<number>): Promise<number> {
  let rewritten = 0;
  for await (const found of scanKeys(redis, keys.article('*'))) {
    for (const key of found) rewritten += await rewrite(key);
  }
  return rewritten;
}

async function toLayout2(redis: RedisClient, call: Record<string, ScriptCall>, key: string): Promise<number> {
  const [article, analysis] = await redis.hmget(key, 'article', 'analysis');
  if (article === null) return 0; // layout 2 already
  const posted = JSON.parse(article) as SubmittedArticle;
  const parts = analysis === null ? null : (JSON.parse(analysis) as Analysis);
  return (await call.stanceMigrateArticleToLayout2(
    key,
    article,
    metadataJson(posted),
    posted.text,
    posted.title ?? '',
    parts ? JSON.stringify(countsOf(parts)) : '',
    parts ? JSON.stringify(parts.quotes) : '',
    parts ? JSON.stringify(parts.actors) : '',
    parts ? JSON.stringify(parts.stances) : '',
    parts?.entities ? JSON.stringify(parts.entities) : '',
  )) as number;
}

/** Puts an article of an earlier layout in the list of articles by arrival (the page's recent articles). */
async function listArticle(redis: RedisClient, keys: Keys, key: string): Promise<number> {
  const receivedAt = await redis.hget(key, 'receivedAt');
  const at = receivedAt === null ? NaN : Date.parse(receivedAt);
  if (Number.isNaN(at)) return 0;
  return redis.zadd(keys.articles, 'NX', at, key.slice(keys.article('').length));
}

async function toLayout3(redis: RedisClient, call: Record<string, ScriptCall>, key: string): Promise<number> {
  const [text, analysedAt, ...parts] = await redis.hmget(key, 'text', 'analysedAt', 'analysis:quotes', 'analysis:actors', 'analysis:stances', 'analysis:entities');
  if (text === null) return 0; // layout 3 already, or not an article of layout 2
  const packed = parts.map((part) => (part === null ? '' : packPart(JSON.parse(part), text)));
  return (await call.stanceMigrateArticleToLayout3(key, analysedAt ?? '', packText(text), ...packed)) as number;
}

/** An analysed article's pairs rebuilt from its stored analysis (its contributions, as recording gives them). */
async function toLayout4(redis: RedisClient, call: Record<string, ScriptCall>, keys: Keys, key: string): Promise<number> {
  const [pairs, status, ...record] = await redis.hmgetBuffer(key, 'pairs', 'status', ...STORED_CONTRIBUTION_FIELDS);
  const contributions = pairs || status?.toString() !== 'completed' ? null : storedContributions(record);
  if (!contributions) return 0;
  const migrated = (await call.stanceMigrateArticleToLayout4(key, contributions.map((c) => pairLine(c.source, c.target)).join('\n'))) as 0 | [number, string];
  if (migrated === 0) return 0;
  const articleId = key.slice(keys.article('').length);
  await redis.sadd(keys.unsettled, articleId);
  await applyToPairs(redis, keys, articleId, migrated[0], migrated[1], contributions);
  return 1;
}

/** Layout 3's pair keys (`<prefix>:pair:<token>:<part>`) and its set of pairs. */
async function dropLayout3Pairs(redis: RedisClient, keys: Keys): Promise<void> {
  for await (const found of scanKeys(redis, `${keys.prefix}:pair:*`)) await Promise.all(found.map((key) => redis.unlink(key)));
  await redis.unlink(`${keys.prefix}:pairs`);
}
