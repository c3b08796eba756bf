// POST /articles, POST /articles/batch, GET /articles (the most recent), GET /articles/:id
import { Router, type RequestHandler } from 'express';
import type { ArticlePart, ArticleStore } from '../../store/article-store';
import type { AnalysisQueue } from '../../queue/queue';
import { submitArticles, type Submission } from '../../queue/submit-articles';
import { HttpError } from '../errors';
import { articleIdParam, articleQuerySchema, batchSchema, parse, recentArticlesQuerySchema, submittedArticleSchema } from '../schemas';

/** What GET /articles/:id returns beyond the metadata, status and counts when not told. */
const DEFAULT_PARTS: ArticlePart[] = ['stances'];

export function articlesRouter(deps: { store: ArticleStore; queue: AnalysisQueue; batchMaxArticles: number }): Router {
  const router = Router();
  const batch = batchSchema(deps.batchMaxArticles);

  router.post('/articles', requireJson, async (req, res) => {
    const article = parse(submittedArticleSchema, req.body, 'body');
    const [submission] = await submitArticles([article], deps, String(req.id));
    // 202: queued by this request (new, or known with other metadata); 200: already known as it is.
    res.status(submission.duplicate ? 200 : 202).json(withLinks(submission));
  });

  router.post('/articles/batch', requireJson, async (req, res) => {
    const { articles } = parse(batch, req.body, 'body');
    const submissions = await submitArticles(articles, deps, String(req.id));
    const duplicates = submissions.filter((s) => s.duplicate).length;
    res.status(202).json({
      accepted: submissions.length - duplicates,
      duplicates,
      updated: submissions.filter((s) => s.updated).length,
      articles: submissions.map(withLinks),
    });
  });

  router.get('/articles', async (req, res) => {
    const { offset, limit } = parse(recentArticlesQuerySchema, req.query, 'query');
    const { total, articles } = await deps.store.recent(offset, limit);
    const next = offset + limit < total ? `/articles?${new URLSearchParams({ offset: String(offset + limit), limit: String(limit) })}` : null;
    res.json({
      total,
      offset,
      limit,
      articles: articles.map(({ counts, ...record }) => ({ ...record, counts: counts ?? null, links: { article: `/articles/${record.id}` } })),
      links: { next },
    });
  });

  router.get('/articles/:id', async (req, res) => {
    const id = parse(articleIdParam, req.params.id, 'id');
    const { include = DEFAULT_PARTS } = parse(articleQuerySchema, req.query, 'query');
    const article = await deps.store.get(id, include);
    if (!article) throw new HttpError(404, 'not_found', `No article with id ${id}`);
    const { analysis, counts, ...record } = article;
    res.json({ ...record, counts: counts ?? null, analysis: analysis ?? null, links: { job: `/jobs/${article.jobId}` } });
  });

  return router;
}

const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
  }
  next();
};

function withLinks(submission: Submission) {
  return {
    ...submission,
    links: { job: `/jobs/${submission.jobId}`, article: `/articles/${submission.articleId}` },
  };
}
