// The second half of recording an analysis: after the article record (the commit point, with
// its `pending` pairs), every pending pair gets the article's contribution — or has it taken
// back — by APPLY_TO_PAIR in the pair's shard, then the article is settled. Each call touches
// one hash slot (the pair and its shard's indexes), so this runs the same on one Redis and on a
// cluster; each is idempotent, so a retry after a crash anywhere in between converges.
import { contributionField, EVIDENCE_PER_PAIR, evidenceLines, type Contribution } from './contributions';
import { shardOf, type Keys } from './keys';
import { dayHashes, rangeOf, sideIndexes } from './pair-index';
import { pipelineResults, type RedisClient } from './redis';
import { APPLY_TO_PAIR, COUNT_INDEX, EXPIRE_ARTICLE, MARK_FAILED, MOVE_FORWARD, READ_INDEX, RECORD_ANALYSIS, REGISTER_ARTICLE, REPLACE_FIELDS, SETTLE_ARTICLE } from './scripts';

export type ScriptCall = (...keysThenArgs: (string | number | Buffer)[]) => Promise<unknown>;

/** The store's scripts as commands on a connection (ioredis loads each once, then calls it by its sha). */
export function defineStoreCommands(redis: RedisClient): void {
  redis.defineCommand('stanceRegisterArticle', { numberOfKeys: 1, lua: REGISTER_ARTICLE });
  redis.defineCommand('stanceRecordAnalysis', { numberOfKeys: 1, lua: RECORD_ANALYSIS });
  redis.defineCommand('stanceSettleArticle', { numberOfKeys: 1, lua: SETTLE_ARTICLE });
  // A pair is in two to four source and target indexes: the number of keys comes first.
  redis.defineCommand('stanceApplyToPair', { lua: APPLY_TO_PAIR });

  redis.defineCommand('stanceReplaceFields', { numberOfKeys: 1, lua: REPLACE_FIELDS });
  redis.defineCommand('stanceExpireArticle', { numberOfKeys: 1, lua: EXPIRE_ARTICLE });
  redis.defineCommand('stanceMarkFailed', { numberOfKeys: 1, lua: MARK_FAILED });
  redis.defineCommand('stanceMoveForward', { numberOfKeys: 1, lua: MOVE_FORWARD });
  redis.defineCommand('stanceReadIndex', { numberOfKeys: 1, lua: READ_INDEX });
  redis.defineCommand('stanceCountIndex', { numberOfKeys: 2, lua: COUNT_INDEX });
}

/** A pair as the article record lists it: source, NUL, target (ids hold no NUL or line break). */
export function pairLine(source: string, target: string): string {
  return `${source}\u0000${target}`;
}

export function splitPairLine(line: string): { source: string; target: string } {
  const nul = line.indexOf('\u0000');
  return { source: line.slice(0, nul), target: line.slice(nul + 1) };
}

/**
 * What APPLY_TO_PAIR takes for a pair: the keys (the pair, its shard's indexes it is in, its
 * actors' day hashes), and for the source and target indexes the bytes its member starts with
 * in each (pair-index.ts rangeOf).
 */
export function pairScriptKeys(keys: Keys, source: string, target: string, shard: number): { keys: string[]; prefixes: Buffer[] } {
  const sides = sideIndexes(source, target).map(rangeOf);
  return {
    keys: [
      keys.pair(source, target),
      keys.index(shard, 'articles'),
      keys.index(shard, 'recent'),
      keys.index(shard, 'mean'),
      ...sides.map(({ name }) => keys.index(shard, name)),
      ...dayHashes(source, target).map((name) => keys.days(shard, name)),
      keys.indexCounts(shard),
    ],
    prefixes: sides.map(({ prefix }) => prefix),
  };
}

/**
 * Applies a recording (revision `rev`) to each of its pending pairs — the contribution where the
 * analysis has one, taking back the article's where it has none — one pipeline per shard, then
 * settles the article and records the actors' names.
 */
export async function applyToPairs(redis: RedisClient, keys: Keys, articleId: string, rev: number, pending: string, contributions: Contribution[]): Promise<void> {
  const byLine = new Map(contributions.map((c) => [pairLine(c.source, c.target), c]));
  const byShard = new Map<number, ReturnType<RedisClient['pipeline']>>();
  for (const line of pending.split('\n').filter(Boolean)) {
    const { source, target } = splitPairLine(line);
    const shard = shardOf(source, target, keys.shards);
    let pipeline = byShard.get(shard);
    if (!pipeline) byShard.set(shard, (pipeline = redis.pipeline()));
    const c = byLine.get(line);
    const scriptKeys = pairScriptKeys(keys, source, target, shard);
    (pipeline as unknown as Record<string, ScriptCall>).stanceApplyToPair(
      scriptKeys.keys.length,
      ...scriptKeys.keys,
      source,
      target,
      articleId,
      rev,
      c ? contributionField(c) : '',
      c ? evidenceLines(c) : '',
      EVIDENCE_PER_PAIR,
      scriptKeys.prefixes.length,
      ...scriptKeys.prefixes,
    );
  }
  await Promise.all([...byShard.values()].map(async (pipeline) => pipelineResults(await pipeline.exec())));
  const names = contributions.flatMap((c) => [c.source, c.sourceName, c.target, c.targetName]);
  if (names.length) await redis.hset(keys.actorNames, ...names);
  const call = redis as unknown as Record<string, ScriptCall>;
  if ((await call.stanceSettleArticle(keys.article(articleId), rev)) === 1) await redis.srem(keys.unsettled, articleId);
}
