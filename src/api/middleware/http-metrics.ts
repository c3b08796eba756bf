// The HTTP latency histogram, by method, route and status. The route is the pattern that matched
// (`/jobs/:id`), never the raw URL, so the number of series stays small whatever clients send.
import type { Request, RequestHandler } from 'express';
import { Histogram, type Registry } from 'prom-client';

export function httpMetrics(registry: Registry): RequestHandler {
  const duration = new Histogram({
    name: 'stance_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      duration.observe({ method: req.method, route: routeOf(req, res.statusCode), status: res.statusCode }, seconds);
    });
    next();
  };
}

function routeOf(req: Request, status: number): string {
  const pattern = req.route?.path;
  if (typeof pattern === 'string') return req.baseUrl + pattern;
  if (req.baseUrl) return `${req.baseUrl}/*`; // inside a mounted app (the queue dashboard)
  return status === 404 ? '(no route)' : '(other)';
}
