// Every request gets an id: the caller's X-Request-Id when it is a plain token, else a new UUID.
// It is echoed in the response, written on every log line of the request, and carried into the
// analysis job, so one id follows an article from the POST to the worker's logs.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const HEADER = 'x-request-id';
/** What we accept from callers: short, and nothing that could forge a log line. */
const CALLER_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** pino-http's genReqId: the request's id, set on the response header as well. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers[HEADER];
  const id = typeof given === 'string' && CALLER_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
