// The Lua scripts that change the store. Redis runs each one atomically, which is what makes
// registering an article and recording its analysis safe with any number of API replicas and
// workers. Key names follow keys.ts (the scripts build pair keys from the prefix they are given).

/**
 * Registers an article. A new one is stored and queued; a failed one posted again is queued
 * again; a known one is otherwise left as it is.
 * KEYS[1] article hash · ARGV: metadata JSON, receivedAt (ISO), jobId, text, [title].
 * Returns created, retried, or the status of a known article left as it was.
 */
export const REGISTER_ARTICLE = `
local key = KEYS[1]
local status = redis.call('HGET', key, 'status')
if not status then
  redis.call('HSET', key, 'meta', ARGV[1], 'receivedAt', ARGV[2], 'jobId', ARGV[3], 'text', ARGV[4], 'status', 'queued')
  if ARGV[5] then redis.call('HSET', key, 'title', ARGV[5]) end
  return 'created'
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
 * re-analysing never counts an article twice, whichever worker does it.
 * KEYS[1] article hash · ARGV: prefix, articleId, analysedAt (ISO), counts JSON, the
 * analysis's quotes, actors, stances and entities JSON (entities '' when none), tallies JSON
 * (one [pair, score, positive, negative, neutral, publishedAt, strength, source, sourceName,
 * target, targetName] per pair: the numbers the totals need, small to decode), then each
 * pair's contribution JSON (see contributions.ts), in the same order.
 * Returns the number of pairs, or an error when the article is unknown.
 */
export const RECORD_ANALYSIS = `
local articleKey, prefix, articleId = KEYS[1], ARGV[1], ARGV[2]
if redis.call('EXISTS', articleKey) == 0 then
  return redis.error_reply('unknown article ' .. articleId)
end
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

local TALLIES = 9 -- ARGV index of the tallies; the contributions follow them
local tallies = cjson.decode(ARGV[TALLIES])
for i, tally in ipairs(tallies) do
  local pair = tally[1]
  addTotals(tally, 1)
  redis.call('SADD', pairsKey, pair)
  redis.call('HSET', pairKey(pair, 'contributions'), articleId, ARGV[TALLIES + i])
  redis.call('ZADD', pairKey(pair, 'by-date'), tally[6], articleId)
  redis.call('ZADD', pairKey(pair, 'by-strength'), tally[7], articleId)
  redis.call('HSET', namesKey, tally[8], tally[9], tally[10], tally[11])
end
redis.call('HSET', articleKey, 'analysedAt', ARGV[3], 'counts', ARGV[4], 'analysis:quotes', ARGV[5],
  'analysis:actors', ARGV[6], 'analysis:stances', ARGV[7], 'tallies', ARGV[TALLIES], 'status', 'completed')
if ARGV[8] == '' then redis.call('HDEL', articleKey, 'analysis:entities')
else redis.call('HSET', articleKey, 'analysis:entities', ARGV[8]) end
redis.call('HDEL', articleKey, 'error')
return #tallies
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
