// GET /health: the process answers (open to all, for load balancers and container checks).
// GET /ready: Redis answers and a worker beat recently (behind the API key like the rest).
import { Router } from 'express';
import type { Readiness } from '../../queue/heartbeat';

export function healthRouter(): Router {
  const router = Router();
  const started = Date.now();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  return router;
}

export function readyRouter(deps: { readiness: () => Promise<Readiness> }): Router {
  const router = Router();
  router.get('/ready', async (_req, res) => {
    const report = await deps.readiness();
    if (report.redis && report.workers > 0) {
      res.json({ status: 'ready', ...report });
      return;
    }
    const reason = !report.redis ? 'Redis does not answer' : 'no worker has sent a heartbeat recently';
    res.status(503).json({ error: { code: 'not_ready', message: `Not ready: ${reason}`, details: report } });
  });
  return router;
}
