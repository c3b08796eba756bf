// What the analysis workers count, as Prometheus metrics. Each worker keeps its own registry and
// publishes a snapshot of it to Redis every few seconds (./snapshots.ts); the API's /metrics
// adds the snapshots of every worker up, so one scrape shows the whole service.
import { Counter, Histogram, Registry } from 'prom-client';

export interface WorkerMetrics {
  registry: Registry;
  /** Articles analysed and recorded (jobs completed). */
  analysed: Counter;
  /** Failed tries, whether the job will be retried or not. */
  attemptsFailed: Counter;
  /** Jobs that failed for good (out of tries, or unrecoverable). */
  jobsFailed: Counter;
  /** Time from a worker taking a job to finishing it: the analysis and its recording. */
  jobDuration: Histogram;
}

/** Defines the worker metrics in `registry` (the API defines them too, at zero, so they always show). */
export function workerMetrics(registry: Registry = new Registry()): WorkerMetrics {
  return {
    registry,
    analysed: new Counter({
      name: 'stance_articles_analysed_total',
      help: 'Articles analysed and recorded by the workers',
      registers: [registry],
    }),
    attemptsFailed: new Counter({
      name: 'stance_job_attempts_failed_total',
      help: 'Analysis tries that failed (retried or not)',
      registers: [registry],
    }),
    jobsFailed: new Counter({
      name: 'stance_jobs_failed_total',
      help: 'Analysis jobs that failed for good, after their last try',
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'stance_job_duration_seconds',
      help: 'Time a worker spent on one analysis job (analysis and recording)',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
  };
}
