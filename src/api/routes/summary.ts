// GET /stance/summary: the summary a page at a time. GET /stance/pair: every article behind one
// row. GET /stance/timeline: the stance of some pairs per day, week or month.
import { Router } from 'express';
import type { ArticleStore } from '../../store/article-store';
import { pairQuerySchema, parse, summaryCursor, summaryQuerySchema, timelineQuerySchema } from '../schemas';

export function summaryRouter(deps: { store: ArticleStore }): Router {
  const router = Router();
  router.get('/stance/summary', async (req, res) => {
    const filters = parse(summaryQuerySchema, req.query, 'query');
    const { total, pairs, next } = await deps.store.summary(filters);
    const nextCursor = next === null ? null : summaryCursor(filters.sort, next);
    res.json({ total, pairs, nextCursor, links: { next: nextCursor === null ? null : withCursor(req.query, nextCursor) } });
  });

  router.get('/stance/timeline', async (req, res) => {
    const { interval, ...filters } = parse(timelineQuerySchema, req.query, 'query');
    const buckets = await deps.store.timeline(filters, interval);
    res.json({ interval, source: filters.source ?? null, target: filters.target ?? null, actor: filters.actor ?? null, buckets });
  });

  router.get('/stance/pair', async (req, res) => {
    const { source, target, limit } = parse(pairQuerySchema, req.query, 'query');
    const { total, articles } = await deps.store.pairArticles(source, target, limit);
    res.json({ source, target, total, articles });
  });
  return router;
}

/** The same query with another cursor. */
function withCursor(query: Record<string, unknown>, cursor: string): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  params.set('cursor', cursor);
  return `/stance/summary?${params}`;
}
