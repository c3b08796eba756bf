// The Lua scripts that change the store. Redis runs each one atomically, which is what makes
// registering an article and recording its analysis safe with any number of API replicas and
// workers. Key names follow keys.ts (the scripts build pair keys from the prefix they are given).

/**
 * Registers an article unless it is already known.
 * KEYS[1] article hash · ARGV: article JSON, receivedAt (ISO), jobId.
 * Returns the existing status, or nil when the article was new.
 */
export const REGISTER_ARTICLE = `
local status = redis.call('HGET', KEYS[1], 'status')
if status then return status end
redis.call('HSET', KEYS[1], 'article', ARGV[1], 'receivedAt', ARGV[2], 'jobId', ARGV[3], 'status', 'queued')
return nil
`;

/**
 * Stores an article's analysis and replaces its contribution to the stance summary: the
 * previous contribution (if the article was analysed before) is taken back first, so
 * re-analysing never counts an article twice, whichever worker does it.
 * KEYS[1] article hash · ARGV: prefix, articleId, analysis JSON, analysedAt (ISO),
 * then one JSON contribution per pair (see contributions.ts).
 * Returns the number of pairs, or an error when the article is unknown.
 */
export const RECORD_ANALYSIS = `
local articleKey, prefix, articleId = KEYS[1], ARGV[1], ARGV[2]
if redis.call('EXISTS', articleKey) == 0 then
  return redis.error_reply('unknown article ' .. articleId)
end
local pairsKey, namesKey = prefix .. ':pairs', prefix .. ':actor-names'
local function pairKey(pair, suffix) return prefix .. ':pair:' .. pair .. ':' .. suffix end
local function addTotals(pair, c, sign)
  local totals = pairKey(pair, 'totals')
  if redis.call('HINCRBY', totals, 'articles', sign) <= 0 then
    redis.call('DEL', totals)
    redis.call('SREM', pairsKey, pair)
    return
  end
  -- 0 - v, not -1 * v: Lua writes -1 * 0 as "-0", which HINCRBY refuses.
  local function signed(v) if sign > 0 then return v else return 0 - v end end
  redis.call('HINCRBYFLOAT', totals, 'scoreSum', signed(c.score))
  redis.call('HINCRBY', totals, 'positive', signed(c.positive))
  redis.call('HINCRBY', totals, 'negative', signed(c.negative))
  redis.call('HINCRBY', totals, 'neutral', signed(c.neutral))
end

local previous = redis.call('HGET', articleKey, 'pairs')
if previous then
  for _, pair in ipairs(cjson.decode(previous)) do
    local old = redis.call('HGET', pairKey(pair, 'contributions'), articleId)
    if old then
      addTotals(pair, cjson.decode(old), -1)
      redis.call('HDEL', pairKey(pair, 'contributions'), articleId)
      redis.call('ZREM', pairKey(pair, 'by-date'), articleId)
      redis.call('ZREM', pairKey(pair, 'by-strength'), articleId)
    end
  end
end

local recorded = {}
for i = 5, #ARGV do
  local c = cjson.decode(ARGV[i])
  addTotals(c.pair, c, 1)
  redis.call('SADD', pairsKey, c.pair)
  redis.call('HSET', pairKey(c.pair, 'contributions'), articleId, ARGV[i])
  redis.call('ZADD', pairKey(c.pair, 'by-date'), c.publishedAt, articleId)
  redis.call('ZADD', pairKey(c.pair, 'by-strength'), c.strength, articleId)
  redis.call('HSET', namesKey, c.source, c.sourceName, c.target, c.targetName)
  -- Pair tokens hold no quote or backslash (keys.ts), and cjson would write an empty list as {}.
  recorded[#recorded + 1] = '"' .. c.pair .. '"'
end
redis.call('HSET', articleKey, 'analysis', ARGV[3], 'analysedAt', ARGV[4], 'status', 'completed',
  'pairs', '[' .. table.concat(recorded, ',') .. ']')
redis.call('HDEL', articleKey, 'error')
return #recorded
`;

/**
 * Sets a known article's status, with the failure reason or without one; an unknown id is
 * left alone (no half-made record). KEYS[1] article hash · ARGV: status, [error].
 */
export const SET_STATUS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
if ARGV[2] then redis.call('HSET', KEYS[1], 'error', ARGV[2]) else redis.call('HDEL', KEYS[1], 'error') end
return 1
`;
