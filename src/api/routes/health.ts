// GET /health: the process answers (open to all, for load balancers and container checks).
// GET /ready: Redis answers, the queue is not paused and a worker beat recently (behind the API
// key like the rest).
import { Router } from 'express';
import type { Readiness } from '../../queue/heartbeat';
import type { AnalysisQueue } from '../../queue/queue';

export function healthRouter(): Router {
  const router = Router();
  const started = Date.now();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  return router;
}

export function readyRouter(deps: { readiness: () => Promise<Readiness>; queue: AnalysisQueue }): Router {
  const router = Router();
  router.get('/ready', async (_req, res) => {
    const report = await deps.readiness();
    if (!report.redis) {
      res.status(503).json({ error: { code: 'not_ready', message: 'Not ready: Redis does not answer', details: report } });
      return;
    }
    // A paused queue takes articles but analyses none: as good as no worker at all. (Its keys
    // may be on a cluster node that is away while the others answer.)
    const paused = await deps.queue.isPaused().catch(() => null);
    if (paused === null) {
      res.status(503).json({ error: { code: 'not_ready', message: 'Not ready: Redis does not answer', details: { ...report, redis: false } } });
      return;
    }
    const full = { ...report, paused };
    const reasons = [
      ...(full.paused ? ['the queue is paused (resume it at /admin/queues)'] : []),
      ...(full.workers === 0 ? ['no worker has sent a heartbeat recently'] : []),
    ];
    if (reasons.length === 0) {
      res.json({ status: 'ready', ...full });
      return;
    }
    res.status(503).json({ error: { code: 'not_ready', message: `Not ready: ${reasons.join('; ')}`, details: full } });
  });
  return router;
}
