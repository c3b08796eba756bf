// The summary indexes' members (src/store/pair-index.ts): their bytes sort as the summary's
// documented order does, and the Lua of APPLY_TO_PAIR builds the bytes pair-index.ts does.
import type Redis from 'ioredis';
import type { Analysis } from '../../src/analysis/types';
import { mulberry32 } from '../../src/ml/random';
import { ArticleStore, type StoredArticle } from '../../src/store/article-store';
import { articleIdFor, jobIdFor } from '../../src/store/article-id';
import { shardOf } from '../../src/store/keys';
import { meanOf, memberAt, memberOf, type SortKeyed } from '../../src/store/pair-index';
import type { ScriptCall } from '../../src/store/pair-writer';
import { createRedis } from '../../src/store/redis';
import { compareRows } from '../../src/store/summary';
import { testConfig } from '../setup/helpers';

describe('index members', () => {
  it('sort byte by byte as the summary orders its rows, in every sort', () => {
    const random = mulberry32(3);
    const ids = ['IRN', 'IRNGOV', 'IRN-X', 'USA', 'name:a', 'name:ab', 'É', 'z'];
    const pick = () => ids[Math.floor(random() * ids.length)];
    for (const index of ['articles', 'recent', 'mean'] as SortKeyed[]) {
      const rows = Array.from({ length: 300 }, () => {
        const articles = 1 + Math.floor(random() * 4);
        const f = { articles, scoreNanos: Math.round((random() * 2 - 1) * articles * 4) * 250_000_000, lastSeen: Date.UTC(2019, 0, 1 + Math.floor(random() * 3)) - (random() < 0.2 ? 1e12 : 0) };
        const source = pick();
        const key = index === 'articles' ? -f.articles : index === 'recent' ? -f.lastSeen : meanOf(f);
        return { member: memberOf(index, f, source, pick()), at: { key, source, target: '' } };
      });
      for (const r of rows) r.at.target = r.member.subarray(r.member.indexOf(0, index === 'articles' ? 4 : index === 'recent' ? 6 : 2) + 1).toString();
      const sign = (n: number) => Math.sign(n);
      for (let i = 0; i < rows.length - 1; i++) {
        const a = rows[i], b = rows[i + 1];
        expect(sign(Buffer.compare(a.member, b.member))).toBe(sign(compareRows(a.at, b.at, index)));
        // A position (a cursor) names its row's member.
        expect(memberAt(index, a.at.key, a.at.source, a.at.target).equals(a.member)).toBe(true);
      }
    }
  });
});

describe('the members APPLY_TO_PAIR writes', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = createRedis(testConfig().redisUrl);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('are the bytes pair-index.ts makes of the pair\'s figures', async () => {
    const store = new ArticleStore(redis, `${testConfig().keyPrefix}-members`);
    const text = 'Iran condemned the strikes. Syria praised Russia.';
    const id = articleIdFor({ text });
    await store.register([{ id, jobId: jobIdFor(id), article: { text, publishedAt: '2019-02-25' } }]);
    const analysis: Analysis = {
      quotes: [],
      actors: [],
      stances: [
        { source: 'IRN', target: 'USA', score: -0.8, polarity: -1, confidence: 0.9, evidence: [{ start: 0, end: 27, text: 'Iran condemned the strikes.', score: -0.8 }] },
        { source: 'SYR', target: 'name:vladimir-putin', score: 0.6, polarity: 1, confidence: 0.9, evidence: [{ start: 28, end: 49, text: 'Syria praised Russia.', score: 0.6 }] },
      ],
    };
    await store.recordAnalysis({ ...((await store.get(id)) as StoredArticle), text }, analysis);
    const call = redis as unknown as Record<string, ScriptCall>;
    for (const { source, target } of analysis.stances) {
      const [n, s, l] = await redis.hmget(store.keys.pair(source, target), 'n', 's', 'l');
      const f = { articles: Number(n), scoreNanos: Number(s), lastSeen: Number(l) };
      const shard = shardOf(source, target, store.keys.shards);
      for (const index of ['articles', 'recent', 'mean'] as SortKeyed[]) {
        const members = (await call.stanceReadIndexBuffer(store.keys.index(shard, index), '-', '+', 100, '0')) as Buffer[];
        expect(members.some((m) => m.equals(memberOf(index, f, source, target)))).toBe(true);
      }
    }
  });
});
