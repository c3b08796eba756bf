// Every error leaves the API as `{ error: { code, message, details? } }` with a 4xx or 5xx
// status; never a stack trace. Unexpected errors are logged and answered with a plain 500.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { redactUrl, type Logger } from '../entrypoints/logger';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers (Retry-After ...). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** body-parser's error types, as the API names them to clients. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: (e: BodyParserError) => string }> = {
  'entity.too.large': { status: 413, code: 'payload_too_large', message: (e) => `The body is larger than the limit of ${e.limit} bytes` },
  'entity.parse.failed': { status: 400, code: 'malformed_json', message: (e) => `The body is not valid JSON: ${e.message}` },
  'charset.unsupported': { status: 415, code: 'unsupported_media_type', message: (e) => `Unsupported charset "${e.charset}": send UTF-8` },
  'encoding.unsupported': { status: 415, code: 'unsupported_media_type', message: (e) => `Unsupported content encoding "${e.encoding}"` },
  'request.aborted': { status: 400, code: 'request_aborted', message: () => 'The request was aborted before its body arrived' },
  'request.size.invalid': { status: 400, code: 'bad_request', message: () => 'The body is shorter or longer than its Content-Length' },
};

interface BodyParserError extends Error {
  type: string;
  limit?: number;
  charset?: string;
  encoding?: string;
}

/**
 * Errors of the Redis client that mean "Redis cannot be reached right now"; in a cluster also a
 * primary down (CLUSTERDOWN, or the redirections run out while its slots have no node), slots
 * moving (TRYAGAIN) and no node answering.
 */
function isRedisUnavailable(error: Error): boolean {
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    error.name === 'ClusterAllFailedError' ||
    /ECONNREFUSED|Connection is closed|Stream isn't writeable|enableOfflineQueue|^CLUSTERDOWN|^TRYAGAIN|Too many Cluster redirections|Failed to refresh slots cache|None of startup nodes is available/.test(error.message)
  );
}

export const notFoundRoute: RequestHandler = (req) => {
  throw new HttpError(404, 'not_found', `No route for ${req.method} ${req.path}`);
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: Error, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = toHttpError(error);
    const url = redactUrl(req.originalUrl);
    if (known.status === 500) logger.error({ err: error, method: req.method, url }, 'request failed');
    else if (known.status === 503) logger.warn({ err: error.message, method: req.method, url }, 'Redis unavailable');
    res.set(known.headers);
    res.status(known.status).json({
      error: { code: known.code, message: known.message, ...(known.details !== undefined && { details: known.details }) },
    });
  };
}

function toHttpError(error: Error): HttpError {
  if (error instanceof HttpError) return error;
  const bodyError = BODY_ERRORS[(error as BodyParserError).type];
  if (bodyError) return new HttpError(bodyError.status, bodyError.code, bodyError.message(error as BodyParserError));
  if (isRedisUnavailable(error)) {
    return new HttpError(503, 'unavailable', 'The service cannot reach its data store (Redis); nothing was changed. Try again shortly', undefined, {
      'Retry-After': '5',
    });
  }
  // Express's own client errors (a malformed %-escape in the path ...): their message is safe.
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, 'bad_request', error.message);
  }
  return new HttpError(500, 'internal', 'Internal error');
}
