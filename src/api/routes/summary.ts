// GET /stance/summary
import { Router } from 'express';
import type { ArticleStore } from '../../store/article-store';
import { parse, summaryQuerySchema } from '../schemas';

export function summaryRouter(deps: { store: ArticleStore }): Router {
  const router = Router();
  router.get('/stance/summary', async (req, res) => {
    const filters = parse(summaryQuerySchema, req.query, 'query');
    res.json(await deps.store.summary(filters));
  });
  return router;
}
