// The queue dashboard (Bull Board) at /admin/queues: jobs by state, their data, failures and
// retries. Mounted behind the API key like every other route.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Router } from 'express';
import type { AnalysisQueue } from '../../queue/queue';

export const DASHBOARD_PATH = '/admin/queues';

export function queueDashboard(queue: AnalysisQueue): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(queue)], serverAdapter });
  return serverAdapter.getRouter() as Router;
}
