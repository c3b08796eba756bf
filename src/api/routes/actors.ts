// GET /actors: the known actors, searched and paged. GET /actors/:id: one actor with its stance
// rows, as source and as target, from the summary of every analysed article.
import { Router } from 'express';
import type { ArticleStore } from '../../store/article-store';
import type { ActorDirectory } from '../actor-directory';
import { PUBLISHER_PREFIX } from '../../analysis/passes/stance/evidence';
import { HttpError } from '../errors';
import { actorIdParam, actorsQuerySchema, parse } from '../schemas';

export function actorsRouter(deps: { store: ArticleStore; actors: () => ActorDirectory }): Router {
  const router = Router();

  router.get('/actors', (req, res) => {
    const query = parse(actorsQuerySchema, req.query, 'query');
    const page = deps.actors().search(query);
    const next = page.offset + page.limit < page.total ? pageLink(req.query, page.offset + page.limit) : null;
    res.json({ ...page, links: { next } });
  });

  // Every segment after /actors/: an id of the analysis may hold slashes (name:arnor/GOV), plain
  // or %-encoded (Express decodes each segment).
  router.get('/actors/*id', async (req, res) => {
    const id = parse(actorIdParam, (req.params.id as unknown as string[]).join('/'), 'id');
    const [asSource, asTarget, seenName] = await Promise.all([
      deps.store.summary({ source: id, limit: 1000 }),
      deps.store.summary({ target: id, limit: 1000 }),
      deps.store.actorName(id),
    ]);
    // Known from the dictionary, or met in an article (an actor the dictionary does not know, or
    // a publisher speaking as an article's author).
    const met = { id, name: seenName as string, type: id.startsWith(PUBLISHER_PREFIX) ? 'author' : 'unknown', country: null, names: [] };
    const actor = deps.actors().get(id) ?? (seenName === null ? undefined : met);
    if (!actor) throw new HttpError(404, 'not_found', `No actor with id ${id}`);
    res.json({ ...actor, stances: { asSource: asSource.pairs, asTarget: asTarget.pairs } });
  });

  return router;
}

/** The same query with another offset. */
function pageLink(query: Record<string, unknown>, offset: number): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  params.set('offset', String(offset));
  return `/actors?${params}`;
}
