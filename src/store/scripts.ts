// The Lua scripts that change the store. Redis runs each one atomically, which is what makes
// registering an article and recording its analysis safe with any number of API replicas and
// workers. Key names follow keys.ts (the scripts build pair keys from the prefix they are given).

/**
 * Registers an article. A new one is stored and queued (version 1). A known one posted with
 * other metadata takes the new metadata, one more version, and is queued again (its analysis
 * stays until the new one replaces it); a failed one posted again is queued again. An article
 * whose text was let go by retention gets it back, so it can be analysed again.
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
  redis.call('HSETNX', key, 'packed:text', ARGV[4])
  redis.call('HSET', key, 'meta', ARGV[1], 'status', 'queued')
  redis.call('HINCRBY', key, 'version', 1)
  redis.call('HDEL', key, 'error')
  return 'updated'
end
if status == 'failed' then
  redis.call('HSETNX', key, 'packed:text', ARGV[4])
  redis.call('HSET', key, 'status', 'queued')
  redis.call('HDEL', key, 'error')
  return 'retried'
end
return status
`;

/**
 * Stores an article's analysis: the commit point of a recording. The article keeps the pairs
 * its analysis contributes to (field `pairs`, one "source NUL target" a line) and, until every one
 * of them has been updated (APPLY_TO_PAIR, then SETTLE_ARTICLE), field `pending`: those pairs, the
 * pairs of the analysis it replaces and any still pending from before — so a recording cut
 * short by a crash is finished by the next one, or by ArticleStore.settle. Each recording has a
 * revision (`rev`) the pair updates carry, so an older one never overwrites a newer one. An
 * analysis of a version the article no longer has (it was posted with new metadata meanwhile)
 * changes nothing.
 * KEYS[1] article hash · ARGV: version analysed, analysedAt (ISO), counts JSON, the analysis's
 * quotes, actors, stances and entities packed (article-codec.ts; entities '' when none), pairs.
 * Returns [rev, pending] when recorded, 0 when stale, an error when the article is unknown.
 */
export const RECORD_ANALYSIS = `
local key = KEYS[1]
local version = redis.call('HGET', key, 'version')
if not version then return redis.error_reply('unknown article ' .. key) end
if version ~= ARGV[1] then return 0 end
local pending, seen = {}, {}
local function add(lines)
  if not lines then return end
  for line in string.gmatch(lines, '[^\\n]+') do
    if not seen[line] then seen[line] = true; pending[#pending + 1] = line end
  end
end
local held = redis.call('HMGET', key, 'pending', 'pairs')
add(held[1]); add(held[2]); add(ARGV[8])
local rev = redis.call('HINCRBY', key, 'rev', 1)
local joined = table.concat(pending, '\\n')
redis.call('HSET', key, 'analysedAt', ARGV[2], 'counts', ARGV[3], 'packed:quotes', ARGV[4], 'packed:actors', ARGV[5],
  'packed:stances', ARGV[6], 'pairs', ARGV[8], 'status', 'completed')
if joined ~= '' then redis.call('HSET', key, 'pending', joined) else redis.call('HDEL', key, 'pending') end
if ARGV[7] == '' then redis.call('HDEL', key, 'packed:entities')
else redis.call('HSET', key, 'packed:entities', ARGV[7]) end
redis.call('HDEL', key, 'error')
return { rev, joined }
`;

/**
 * Ends a recording once all its pairs are updated: drops `pending` unless a later recording
 * (another revision) has begun meanwhile — that one settles it.
 * KEYS[1] article hash · ARGV: rev. Returns 1 when settled.
 */
export const SETTLE_ARTICLE = `
if redis.call('HGET', KEYS[1], 'rev') ~= ARGV[1] then return 0 end
redis.call('HDEL', KEYS[1], 'pending')
return 1
`;

/**
 * A paged sorted index (pair-index.ts): its own key is a directory, a sorted set of the lower
 * bounds of its pages; each page, <directory>:<SHA-1 of its bound>, is a sorted set of at most PAGE
 * members from its bound on. A small sorted set is stored packed (a listpack, ~40 bytes a
 * member here) where a big one takes ~140, so paging a big index keeps it about a third the
 * size, and every read and write still costs O(log n). Counts per directory live in a hash.
 * Scripts that read or write indexes include these functions.
 */
const PAGED_INDEX = `
local PAGE = 120 -- below zset-max-listpack-entries (128): a page that ever grew past it would stay a skiplist
-- A page is named by its bound's SHA-1 (hex): a bound holds actor ids, which no key name may
-- hold as they are (keys.ts), and Redis's sha1hex is C where a hex loop in Lua would cost more
-- than the page's own commands.
local function pageKey(dir, bound) return dir .. ':' .. redis.sha1hex(bound) end
local function boundOf(dir, member)
  return redis.call('ZRANGE', dir, '[' .. member, '-', 'BYLEX', 'REV', 'LIMIT', 0, 1)[1]
end
-- counts: the hash to count the index's members in, or nil for an index whose whole count
-- nobody reads (one the same size as another, or one read by ranges).
local function indexAdd(dir, counts, member)
  local bound = boundOf(dir, member)
  if not bound then bound = ''; redis.call('ZADD', dir, 0, '') end
  local page = pageKey(dir, bound)
  if redis.call('ZADD', page, 0, member) == 0 then return end
  if counts then redis.call('HINCRBY', counts, dir, 1) end
  if redis.call('ZCARD', page) > PAGE then
    local upper = redis.call('ZRANGE', page, PAGE / 2, -1)
    local args = {}
    for i, m in ipairs(upper) do args[2 * i - 1] = 0; args[2 * i] = m end
    redis.call('ZADD', pageKey(dir, upper[1]), unpack(args))
    redis.call('ZREMRANGEBYRANK', page, PAGE / 2, -1)
    redis.call('ZADD', dir, 0, upper[1])
  end
end
local function indexRemove(dir, counts, member)
  local bound = boundOf(dir, member)
  if not bound then return end
  local page = pageKey(dir, bound)
  if redis.call('ZREM', page, member) == 0 then return end
  if counts and redis.call('HINCRBY', counts, dir, -1) <= 0 then redis.call('HDEL', counts, dir) end
  if redis.call('EXISTS', page) == 0 then redis.call('ZREM', dir, bound) end
end
-- The page a read from a ZRANGE BYLEX bound starts in.
local function startPage(dir, bound, reverse)
  if bound == '-' then return redis.call('ZRANGE', dir, 0, 0)[1] end
  if bound == '+' then return redis.call('ZRANGE', dir, -1, -1)[1] end
  return boundOf(dir, string.sub(bound, 2)) or (not reverse and redis.call('ZRANGE', dir, 0, 0)[1]) or nil
end
-- Members from low to high (ZRANGE BYLEX bounds), at most limit, page after page; backwards
-- from high to low when reverse. A page past the start that has none in range ends the read.
local function indexRange(dir, low, high, limit, reverse)
  local out = {}
  local bound = startPage(dir, reverse and high or low, reverse)
  local first = true
  while bound and #out < limit do
    local got
    if reverse then got = redis.call('ZRANGE', pageKey(dir, bound), high, low, 'BYLEX', 'REV', 'LIMIT', 0, limit - #out)
    else got = redis.call('ZRANGE', pageKey(dir, bound), low, high, 'BYLEX', 'LIMIT', 0, limit - #out) end
    if #got == 0 and not first then break end
    for _, m in ipairs(got) do out[#out + 1] = m end
    first = false
    if reverse then bound = redis.call('ZRANGE', dir, '(' .. bound, '-', 'BYLEX', 'REV', 'LIMIT', 0, 1)[1]
    else bound = redis.call('ZRANGE', dir, '(' .. bound, '+', 'BYLEX', 'LIMIT', 0, 1)[1] end
  end
  return out
end
local function indexCount(dir, counts, low, high)
  if low == '-' and high == '+' then return tonumber(redis.call('HGET', counts, dir) or 0) end
  local total, bound, first = 0, startPage(dir, low, false), true
  while bound do
    local n = redis.call('ZLEXCOUNT', pageKey(dir, bound), low, high)
    if n == 0 and not first then break end
    total, first = total + n, false
    bound = redis.call('ZRANGE', dir, '(' .. bound, '+', 'BYLEX', 'LIMIT', 0, 1)[1]
  end
  return total
end
`;

/**
 * The merge of a pair's kept evidence (e1 … ek, strongest first): an article's pieces replace
 * what the pair kept of it, and the k strongest of all stay. Returns true when fewer than k stay
 * after pieces the article had kept were taken out: the other articles may have pieces the pair
 * let go (APPLY_TO_PAIR then asks for them, OFFER_EVIDENCE).
 */
const KEPT_EVIDENCE = `
local MAX_K = 16
local function keepStrongest(pair, articleId, lines, k)
  local names = {}
  for i = 1, MAX_K do names[i] = 'e' .. i end
  local kept, had, dropped = {}, 0, false
  for i, e in ipairs(redis.call('HMGET', pair, unpack(names))) do
    if e then
      had = i
      local v = {}
      for w in string.gmatch(e, '%S+') do v[#v + 1] = w; if #v == 4 then break end end
      if v[1] ~= articleId then kept[#kept + 1] = { raw = e, id = v[1], start = tonumber(v[2]), finish = tonumber(v[3]), score = tonumber(v[4]) }
      else dropped = true end
    end
  end
  for line in string.gmatch(lines, '[^\\n]+') do
    local v = {}
    for w in string.gmatch(line, '%S+') do v[#v + 1] = w end
    kept[#kept + 1] = { raw = articleId .. ' ' .. line, id = articleId, start = tonumber(v[1]), finish = tonumber(v[2]), score = tonumber(v[3]) }
  end
  -- Strongest first; ties by article, then place, then score (contributions.ts keptOrder).
  table.sort(kept, function(a, b)
    if math.abs(a.score) ~= math.abs(b.score) then return math.abs(a.score) > math.abs(b.score) end
    if a.id ~= b.id then return a.id < b.id end
    if a.start ~= b.start then return a.start < b.start end
    if a.finish ~= b.finish then return a.finish < b.finish end
    return a.score < b.score
  end)
  for i = 1, math.max(k, had) do
    if i <= k and kept[i] then redis.call('HSET', pair, names[i], kept[i].raw) else redis.call('HDEL', pair, names[i]) end
  end
  return #kept < k and dropped
end
`;

/**
 * Offers an article's pieces of evidence to a pair that keeps fewer than k (KEPT_EVIDENCE),
 * if the article still contributes to it. KEYS[1] the pair · ARGV: articleId, its evidence
 * ("start end score" a line), k. Returns 1 when offered.
 */
export const OFFER_EVIDENCE = `${KEPT_EVIDENCE}
local held = redis.call('HGET', KEYS[1], 'a' .. ARGV[1])
if not held or not string.find(held, ' ') then return 0 end
keepStrongest(KEYS[1], ARGV[1], ARGV[2], tonumber(ARGV[3]))
return 1
`;

/**
 * Reads a paged index (PAGED_INDEX). KEYS[1] the directory · ARGV: low, high (ZRANGE BYLEX
 * bounds), limit, '1' to read backwards. Returns the members.
 */
export const READ_INDEX = `${PAGED_INDEX}
return indexRange(KEYS[1], ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4] == '1')
`;

/** Counts a paged index's members in a range. KEYS[1] the directory, KEYS[2] the counts hash · ARGV: low, high. */
export const COUNT_INDEX = `${PAGED_INDEX}
return indexCount(KEYS[1], KEYS[2], ARGV[1], ARGV[2])
`;

/**
 * Sets one article's contribution to one directed pair — or takes it back — and moves the pair
 * in its shard's indexes (pair-index.ts). Idempotent per (pair, article): applying the same
 * contribution again changes nothing, so a retry converges; a contribution of an older
 * recording (rev) than the one the pair holds for the article is refused.
 * The pair hash: n (articles), s (sum of scores, units of 1e-9), p, g, u (positive, negative and
 * neutral pieces of evidence), f and l (first and last publishedAt, ms); a<articleId> → "rev
 * score p g u publishedAt confidence" (just "rev" once taken back); d<day> (days since 1970) →
 * "n s p g u"; e1 … ek, the pair's strongest evidence → "articleId start end score", or
 * "articleId start end score text" once the article's text is let go (retention).
 * KEYS: the pair, then the shard's indexes articles, recent, mean, then the source and target
 * indexes the pair is in (paged: PAGED_INDEX), then the day hashes of its CAMEO actors and
 * countries (d<day> → as in the pair), for their time lines, and last the shard's index counts
 * (pair-writer.ts pairScriptKeys).
 * ARGV: source, target, articleId, rev, the contribution ("score p g u publishedAt confidence",
 * '' to take it back), its evidence ("start end score" a line), k (evidence kept), how many
 * source and target indexes KEYS holds, then for each the bytes its member starts with there
 * ('' but for an id's range in a shared index: the id and a NUL).
 * Returns [the pair's articles after the change, 1 when its kept evidence is short (KEPT_EVIDENCE)],
 * or -1 when refused as older.
 */
export const APPLY_TO_PAIR = `${PAGED_INDEX}${KEPT_EVIDENCE}
local pair = KEYS[1]
local source, target, articleId, rev, k = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[7])
local function words(s)
  local t = {}
  for w in string.gmatch(s, '%S+') do t[#t + 1] = w end
  return t
end
local function int(v) return string.format('%d', v) end
local field = 'a' .. articleId
local heldRaw = redis.call('HGET', pair, field)
local held = heldRaw and words(heldRaw) or nil
if held and tonumber(held[1]) > rev then return -1 end

local t = redis.call('HMGET', pair, 'n', 's', 'p', 'g', 'u', 'f', 'l')
local n, s, p, g, u = tonumber(t[1]) or 0, tonumber(t[2]) or 0, tonumber(t[3]) or 0, tonumber(t[4]) or 0, tonumber(t[5]) or 0
local first, last = tonumber(t[6]), tonumber(t[7])

local lastIndex = 4 + tonumber(ARGV[8]) -- KEYS[5 .. lastIndex]: the source and target indexes

-- The pair's members in the indexes, for figures (see pair-index.ts).
local function bytes(v, width)
  local out = {}
  for i = width, 1, -1 do out[i] = string.char(v % 256); v = math.floor(v / 256) end
  return table.concat(out)
end
local ids = source .. '\\0' .. target
local function members(articles, sum, lastSeen)
  local byArticles = bytes(4294967295 - articles, 4) .. ids
  local list = { byArticles, bytes(140737488355327 - lastSeen, 6) .. ids, bytes(math.floor(sum / articles / 1e5 + 0.5) + 10000, 2) .. ids }
  -- The source and target indexes: by articles, after the prefix of the id's range in a shared one.
  for i = 5, lastIndex do list[i - 1] = ARGV[8 + i - 4] .. byArticles end
  return list
end
local before = n > 0 and members(n, s, last) or nil

-- The day's bucket in the pair and in the actors' day hashes (the keys after the indexes).
local function bucket(day, sign, c)
  local name = 'd' .. day
  local function add(key)
    local b = redis.call('HGET', key, name)
    local v = b and words(b) or { '0', '0', '0', '0', '0' }
    local out = {}
    for i = 1, 5 do out[i] = int((tonumber(v[i]) or 0) + sign * c[i]) end
    if tonumber(out[1]) <= 0 then redis.call('HDEL', key, name) else redis.call('HSET', key, name, table.concat(out, ' ')) end
  end
  add(pair)
  for i = lastIndex + 1, #KEYS - 1 do add(KEYS[i]) end
end
local DAY = 86400000
local rescan = false
if held and #held > 1 then
  local c = { 1, tonumber(held[2]), tonumber(held[3]), tonumber(held[4]), tonumber(held[5]) }
  local at = tonumber(held[6])
  n, s, p, g, u = n - 1, s - c[2], p - c[3], g - c[4], u - c[5]
  bucket(math.floor(at / DAY), -1, c)
  if at == first or at == last then rescan = true end
end
if ARGV[5] ~= '' then
  local v = words(ARGV[5])
  local c = { 1, tonumber(v[1]), tonumber(v[2]), tonumber(v[3]), tonumber(v[4]) }
  local at = tonumber(v[5])
  n, s, p, g, u = n + 1, s + c[2], p + c[3], g + c[4], u + c[5]
  bucket(math.floor(at / DAY), 1, c)
  redis.call('HSET', pair, field, rev .. ' ' .. ARGV[5])
  if not rescan then
    first = first and math.min(first, at) or at
    last = last and math.max(last, at) or at
  end
elseif held then
  redis.call('HSET', pair, field, tostring(rev))
end

local function move(after)
  for i = 2, lastIndex do
    local old, new = before and before[i - 1], after and after[i - 1]
    if old ~= new then
      -- Counted: the articles index (recent and mean have as many members) and the side
      -- indexes of their own (ids' ranges in a shared one are counted by range).
      local counts = (i == 2 or (i >= 5 and ARGV[8 + i - 4] == '')) and KEYS[#KEYS] or nil
      if old then indexRemove(KEYS[i], counts, old) end
      if new then indexAdd(KEYS[i], counts, new) end
    end
  end
end
if n <= 0 then
  redis.call('DEL', pair)
  move(nil)
  return { 0, 0 }
end
if rescan then
  first, last = nil, nil
  local all = redis.call('HGETALL', pair)
  for i = 1, #all, 2 do
    if string.sub(all[i], 1, 1) == 'a' then
      local v = words(all[i + 1])
      if #v > 1 then
        local at = tonumber(v[6])
        first = first and math.min(first, at) or at
        last = last and math.max(last, at) or at
      end
    end
  end
end
redis.call('HSET', pair, 'n', n, 's', int(s), 'p', p, 'g', g, 'u', u, 'f', int(first), 'l', int(last))

-- The strongest evidence: this article's replaces what it had, the k strongest stay; when that
-- took kept pieces out, left fewer than k and other articles contribute, the caller asks them
-- for the pieces the pair let go.
local short = keepStrongest(pair, articleId, ARGV[6], k)
local others = n - (ARGV[5] ~= '' and 1 or 0)
move(members(n, s, last))
return { n, (short and others > 0) and 1 or 0 }
`;

/**
 * Replaces fields of a hash that still hold what the caller read (compare and set, field by
 * field): retention writes the kept evidence's text this way before letting an article go.
 * KEYS[1] the hash · ARGV: field, expected value, new value, … Returns the fields replaced.
 */
export const REPLACE_FIELDS = `
local replaced = 0
for i = 1, #ARGV, 3 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2])
    replaced = replaced + 1
  end
end
return replaced
`;

/**
 * Lets an analysed article's text and analysis go (retention), keeping its record: metadata,
 * status, counts, and its pairs, so a later analysis still replaces its contribution. Refused
 * while a recording is pending or the article has been analysed since the sweep read it.
 * KEYS[1] article hash · ARGV: rev as read. Returns 1 when done.
 */
export const EXPIRE_ARTICLE = `
local key = KEYS[1]
local held = redis.call('HMGET', key, 'rev', 'pending', 'status')
if held[1] ~= ARGV[1] or held[2] or held[3] ~= 'completed' then return 0 end
redis.call('HDEL', key, 'packed:text', 'packed:quotes', 'packed:actors', 'packed:stances', 'packed:entities')
redis.call('HSET', key, 'expired', 1)
return 1
`;

/**
 * Sets a number only forwards (the retention sweep's place).
 * KEYS[1] the string · ARGV: the new value. Returns 1 when moved.
 */
export const MOVE_FORWARD = `
local held = tonumber(redis.call('GET', KEYS[1]))
if held and held >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
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

/**
 * Gives an analysed article of layout 3 (see migrate.ts) the fields of layout 4: its pairs, a
 * revision and those pairs pending (the caller then applies them), and drops its tallies. An
 * article that has its pairs already (recorded or migrated since) is left alone.
 * KEYS[1] article hash · ARGV: pairs (one "source NUL target" a line). Returns [rev, pending],
 * or 0 when left alone.
 */
export const MIGRATE_ARTICLE_TO_LAYOUT_4 = `
local key = KEYS[1]
if redis.call('HEXISTS', key, 'pairs') == 1 then return 0 end
local rev = redis.call('HINCRBY', key, 'rev', 1)
redis.call('HSET', key, 'pairs', ARGV[1])
if ARGV[1] ~= '' then redis.call('HSET', key, 'pending', ARGV[1]) end
redis.call('HDEL', key, 'tallies')
return { rev, ARGV[1] }
`;
