// The Lua scripts that change the store. Redis runs each one atomically, which is what makes
// registering an article and recording its analysis safe with any number of API replicas and
// workers. Key names follow keys.ts (the scripts build pair keys from the prefix they are given).

/**
 * Registers an article. A new one is stored and queued (version 1). A known one posted with
 * other metadata takes the new metadata, one more version, and is queued again (its analysis
 * stays until the new one replaces it); a failed one posted again is queued again.
 * KEYS[1] article hash · ARGV: metadata JSON (canonical), receivedAt (ISO), jobId, text (packed,
 * see article-codec.ts), [title].
 * Returns created, updated, retried, or the status of a known article left as it was.
 */
export const REGISTER_ARTICLE = `
local key = KEYS[1]
local status = redis.call('HGET', key, 'status')
if not status then
  redis.call('HSET', key, 'meta', ARGV[1], 'receivedAt', ARGV[2], 'jobId', ARGV[3], 'packed:text', ARGV[4], 'status', 'queued', 'version', 1)
  if ARGV[5] then redis.call('HSET', key, 'title', ARGV[5]) end
  return 'created'
end
if redis.call('HGET', key, 'meta') ~= ARGV[1] then
  redis.call('HSET', key, 'meta', ARGV[1], 'status', 'queued')
  redis.call('HINCRBY', key, 'version', 1)
  redis.call('HDEL', key, 'error')
  return 'updated'
end
if status == 'failed' then
  redis.call('HSET', key, 'status', 'queued')
  redis.call('HDEL', key, 'error')
  return 'retried'
end
return status
`;

/**
 * Stores an article's analysis and replaces its contribution to the stance summary: the
 * previous contribution (if the article was analysed before) is taken back first, so
 * re-analysing never counts an article twice, whichever worker does it. An analysis of a
 * version the article no longer has (it was posted with new metadata meanwhile) changes nothing.
 * KEYS[1] article hash · ARGV: prefix, articleId, version analysed, analysedAt (ISO), counts
 * JSON, the analysis's quotes, actors, stances and entities packed (article-codec.ts; entities
 * '' when none), tallies JSON (one [pair, score, positive, negative, neutral, publishedAt,
 * strength] per pair: the numbers the totals need, small to decode; kept with the article to
 * take its contribution back), the names JSON ([id, name, id, name, …] for actorNames), then
 * each pair's contribution JSON (see contributions.ts), in the tallies' order.
 * Returns 1 when recorded, 0 when stale, an error when the article is unknown.
 */
export const RECORD_ANALYSIS = `
local articleKey, prefix, articleId = KEYS[1], ARGV[1], ARGV[2]
local version = redis.call('HGET', articleKey, 'version')
if not version then
  return redis.error_reply('unknown article ' .. articleId)
end
if version ~= ARGV[3] then return 0 end
local pairsKey, namesKey = prefix .. ':pairs', prefix .. ':actor-names'
local function pairKey(pair, suffix) return prefix .. ':pair:' .. pair .. ':' .. suffix end
local function addTotals(tally, sign)
  local pair = tally[1]
  local totals = pairKey(pair, 'totals')
  if redis.call('HINCRBY', totals, 'articles', sign) <= 0 then
    redis.call('DEL', totals)
    redis.call('SREM', pairsKey, pair)
    return
  end
  -- 0 - v, not -1 * v: Lua writes -1 * 0 as "-0", which HINCRBY refuses.
  local function signed(v) if sign > 0 then return v else return 0 - v end end
  redis.call('HINCRBYFLOAT', totals, 'scoreSum', signed(tally[2]))
  redis.call('HINCRBY', totals, 'positive', signed(tally[3]))
  redis.call('HINCRBY', totals, 'negative', signed(tally[4]))
  redis.call('HINCRBY', totals, 'neutral', signed(tally[5]))
end

local previous = redis.call('HGET', articleKey, 'tallies')
if previous then
  for _, tally in ipairs(cjson.decode(previous)) do
    addTotals(tally, -1)
    redis.call('HDEL', pairKey(tally[1], 'contributions'), articleId)
    redis.call('ZREM', pairKey(tally[1], 'by-date'), articleId)
    redis.call('ZREM', pairKey(tally[1], 'by-strength'), articleId)
  end
end

local TALLIES = 10 -- ARGV index of the tallies; the names, then the contributions follow them
local tallies = cjson.decode(ARGV[TALLIES])
for i, tally in ipairs(tallies) do
  local pair = tally[1]
  addTotals(tally, 1)
  redis.call('SADD', pairsKey, pair)
  redis.call('HSET', pairKey(pair, 'contributions'), articleId, ARGV[TALLIES + 1 + i])
  redis.call('ZADD', pairKey(pair, 'by-date'), tally[6], articleId)
  redis.call('ZADD', pairKey(pair, 'by-strength'), tally[7], articleId)
end
local names = cjson.decode(ARGV[TALLIES + 1])
for i = 1, #names, 2 do redis.call('HSET', namesKey, names[i], names[i + 1]) end
redis.call('HSET', articleKey, 'analysedAt', ARGV[4], 'counts', ARGV[5], 'packed:quotes', ARGV[6],
  'packed:actors', ARGV[7], 'packed:stances', ARGV[8], 'tallies', ARGV[TALLIES], 'status', 'completed')
if ARGV[9] == '' then redis.call('HDEL', articleKey, 'packed:entities')
else redis.call('HSET', articleKey, 'packed:entities', ARGV[9]) end
redis.call('HDEL', articleKey, 'error')
return 1
`;

/**
 * Marks an article failed with the reason, if it is waiting for an analysis: an unknown id is
 * left alone (no half-made record), and so is an analysed article (a job that stalls after
 * recording fails in BullMQ, but the analysis it recorded stands).
 * KEYS[1] article hash · ARGV: reason. Returns 1 when marked.
 */
export const MARK_FAILED = `
if redis.call('HGET', KEYS[1], 'status') ~= 'queued' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'failed', 'error', ARGV[1])
return 1
`;

/**
 * Rewrites one article hash of layout 1 (see migrate.ts) in layout 2, unless it changed since it
 * was read (then the caller's reading is stale and a later run of the migration takes it).
 * KEYS[1] article hash · ARGV: the `article` field as read, metadata JSON (canonical), text,
 * title ('' when none), counts JSON, quotes, actors, stances, entities JSON ('' when the article
 * was not analysed; entities '' when it had none). Returns 1 when rewritten.
 */
export const MIGRATE_ARTICLE_TO_LAYOUT_2 = `
local key = KEYS[1]
if redis.call('HGET', key, 'article') ~= ARGV[1] then return 0 end
redis.call('HSET', key, 'meta', ARGV[2], 'text', ARGV[3])
redis.call('HSETNX', key, 'version', 1)
if ARGV[4] ~= '' then redis.call('HSET', key, 'title', ARGV[4]) end
if ARGV[5] ~= '' then
  redis.call('HSET', key, 'counts', ARGV[5], 'analysis:quotes', ARGV[6], 'analysis:actors', ARGV[7], 'analysis:stances', ARGV[8])
  if ARGV[9] ~= '' then redis.call('HSET', key, 'analysis:entities', ARGV[9]) end
end
redis.call('HDEL', key, 'article', 'analysis')
return 1
`;

/**
 * Rewrites one article hash of layout 2 (see migrate.ts) in layout 3: the text and the parts of
 * its analysis packed (article-codec.ts) in the `packed:` fields, the plain fields removed. An
 * article analysed again since it was read has its parts packed already, by the recording: then
 * only what is missing is added and the plain fields are removed.
 * KEYS[1] article hash · ARGV: `analysedAt` as read ('' when none), the packed text, quotes,
 * actors, stances and entities ('' for each part the article has not got). Returns 1.
 */
export const MIGRATE_ARTICLE_TO_LAYOUT_3 = `
local key = KEYS[1]
local unchanged = (redis.call('HGET', key, 'analysedAt') or '') == ARGV[1]
redis.call('HSETNX', key, 'packed:text', ARGV[2])
local parts = { 'quotes', 'actors', 'stances', 'entities' }
for i, part in ipairs(parts) do
  if unchanged and ARGV[2 + i] ~= '' then redis.call('HSET', key, 'packed:' .. part, ARGV[2 + i]) end
  redis.call('HDEL', key, 'analysis:' .. part)
end
redis.call('HDEL', key, 'text')
return 1
`;
