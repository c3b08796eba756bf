// What protects browsers and their users: response headers (helmet), CORS (off unless
// CORS_ORIGINS names the origins whose pages may call the API), and no state change on another
// site's behalf (CSRF).
import cors from 'cors';
import helmet from 'helmet';
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../errors';

export function securityHeaders(): RequestHandler {
  return helmet();
}

/** CORS for the configured origins ("*": any); no CORS headers at all when none are. */
export function corsFor(origins: string[]): RequestHandler {
  if (origins.length === 0) return (_req, _res, next) => next();
  return cors({
    origin: origins.includes('*') ? '*' : origins,
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'],
    maxAge: 600,
  });
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request (anything but GET, HEAD, OPTIONS) that a browser sends on
 * behalf of another site's page, unless that page's origin is one of `trustedOrigins`
 * (CORS_ORIGINS; "*" trusts any). A browser sends its Basic credentials cross-site too, and a
 * service without keys checks none, so a key alone does not stop a forged request.
 *
 * Cross-site is what the browser says in Sec-Fetch-Site (a page cannot set it), else an Origin
 * whose host is not the one the request was sent to, or the opaque origin "null". Requests
 * without either header come from programs (curl) and pass. A body must be JSON: the forms a
 * page can send without asking first (a CORS preflight) are text/plain, urlencoded or multipart.
 */
export function sameOriginWrites(trustedOrigins: string[]): RequestHandler {
  const trustsAny = trustedOrigins.includes('*');
  return (req, _res, next) => {
    if (READS.has(req.method)) return next();
    const origin = req.headers.origin;
    const trusted = origin !== undefined && origin !== 'null' && (trustsAny || trustedOrigins.includes(origin));
    if (!trusted && isCrossSite(req)) {
      return next(new HttpError(403, 'cross_site_request', 'Cross-site requests may not change anything: send it from the service\'s own page, a program, or an origin in CORS_ORIGINS'));
    }
    if (!isJsonOrNothing(req)) {
      return next(new HttpError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json'));
    }
    next();
  };
}

function isCrossSite(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true; // "null" and anything else that is not an origin
  }
}

/** A JSON body, or no body and no content type (the dashboard's PUTs). */
function isJsonOrNothing(req: Request): boolean {
  const type = req.headers['content-type'];
  if (type === undefined) return !hasBody(req);
  return type.split(';')[0].trim().toLowerCase() === 'application/json';
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
