// Upgrades a store written by an earlier version of the service, so that an update loses
// nothing: every entry point runs it at start (several at once is safe) before it reads or
// writes articles. `<prefix>:store-layout` says which layout the store has; a store without it
// and without articles is new, and is simply marked with the current layout.
//
// Layout 1 (the first release): an article hash held `article` (the posted JSON, text included)
// and `analysis` (the whole analysis as JSON). Layout 2 (article-store.ts): the text, each part
// of the analysis and the counts in fields of their own, the metadata as canonical JSON, and a
// version. The pair aggregates (`tallies` and the pair keys) are the same in both.
import type Redis from 'ioredis';
import type { Analysis } from '../analysis/types';
import { countsOf, metadataJson, type SubmittedArticle } from './article-store';
import type { Keys } from './keys';
import { MIGRATE_ARTICLE_TO_LAYOUT_2 } from './scripts';

export const STORE_LAYOUT = 2;

type ScriptCall = (...keysThenArgs: (string | number)[]) => Promise<unknown>;

/** Brings the store to STORE_LAYOUT; resolves with the number of articles it rewrote. */
export async function migrateStore(redis: Redis, keys: Keys): Promise<number> {
  const layoutKey = keys.storeLayout;
  const layout = Number((await redis.get(layoutKey)) ?? 0);
  if (layout >= STORE_LAYOUT) return 0;
  redis.defineCommand('stanceMigrateArticleToLayout2', { numberOfKeys: 1, lua: MIGRATE_ARTICLE_TO_LAYOUT_2 });
  const call = redis as unknown as Record<string, ScriptCall>;
  let rewritten = 0;
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', keys.article('*'), 'COUNT', 1000);
    cursor = next;
    for (const key of found) {
      const [article, analysis] = await redis.hmget(key, 'article', 'analysis');
      if (article === null) continue; // layout 2 already
      const posted = JSON.parse(article) as SubmittedArticle;
      const parts = analysis === null ? null : (JSON.parse(analysis) as Analysis);
      rewritten += (await call.stanceMigrateArticleToLayout2(
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
  } while (cursor !== '0');
  await redis.set(layoutKey, String(STORE_LAYOUT));
  return rewritten;
}
