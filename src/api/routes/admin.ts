// The queue dashboard (Bull Board) at /admin/queues: jobs by state, their data, failures and
// retries, and what changes the queue itself (pause, add, empty, obliterate) and reads Redis's
// own figures. So it is the admins': with ADMIN_API_KEYS set only those keys open it; with
// API_KEYS set and no admin key it is off; with no keys at all (a service on one's own machine)
// it is open. Whoever opens it, only its own page may change anything through it.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, type Express } from 'express';
import type { Config } from '../../config';
import type { AnalysisQueue } from '../../queue/queue';
import { HttpError } from '../errors';
import { apiKeys, requireApiKey } from '../middleware/auth';
import { sameOriginWrites } from '../middleware/security';

export const DASHBOARD_PATH = '/admin/queues';

export type DashboardAccess = 'open' | 'admin keys' | 'off';

export function dashboardAccess(security: Pick<Config['security'], 'apiKeys' | 'adminApiKeys'>): DashboardAccess {
  if (security.adminApiKeys.length > 0) return 'admin keys';
  return security.apiKeys.length > 0 ? 'off' : 'open';
}

export function queueDashboard(queue: AnalysisQueue, security: Pick<Config['security'], 'apiKeys' | 'adminApiKeys'>): Router {
  const router = Router();
  const access = dashboardAccess(security);
  if (access === 'off') {
    router.use(() => {
      throw new HttpError(404, 'not_found', 'The queue dashboard is off: API_KEYS is set and ADMIN_API_KEYS is not');
    });
    return router;
  }
  if (access === 'admin keys') {
    router.use(
      requireApiKey(apiKeys(security.adminApiKeys), {
        realm: 'stance admin',
        message: () => 'The queue dashboard wants an admin key (one of ADMIN_API_KEYS)',
      }),
    );
  }
  // CORS_ORIGINS' pages may call the API, not change the queue.
  router.use(sameOriginWrites([]));
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(queue)], serverAdapter });
  const board = serverAdapter.getRouter() as Express;
  board.disable('x-powered-by'); // an Express app of its own, with Express's default
  router.use(board);
  return router;
}
