// API keys: with API_KEYS (or ADMIN_API_KEYS) set, every request must carry one of them, as
// `Authorization: Bearer <key>` (programs) or as the password of HTTP Basic authentication
// (browsers: the web page and the queue dashboard, which cannot add a header themselves).
// Keys are compared by their SHA-256 digests in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../errors';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The key a request presents, from a Bearer token or a Basic password; undefined when none. */
export function presentedKey(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const space = header.indexOf(' ');
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === 'bearer') return value;
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : decoded.slice(colon + 1);
  }
  return undefined;
}

export interface ApiKeys {
  /** True when keys are configured (authentication is on). */
  readonly enabled: boolean;
  /** The valid key a request presents, as a short digest (safe to log or use in a key); else undefined. */
  identify(req: Request): string | undefined;
}

export function apiKeys(keys: string[]): ApiKeys {
  const digests = keys.map(digest);
  return {
    enabled: keys.length > 0,
    identify(req) {
      const key = presentedKey(req);
      if (key === undefined) return undefined;
      const presented = digest(key);
      // Compare with every key, always: the time taken does not tell which one matched.
      let matched = false;
      for (const known of digests) matched = timingSafeEqual(presented, known) || matched;
      return matched ? presented.toString('hex').slice(0, 16) : undefined;
    },
  };
}

/** What a guard answers a request it refuses: the realm of its challenge and the message. */
export interface KeyGuard {
  /** A browser keeps one key per realm: a realm of its own makes it ask for another key. */
  realm: string;
  message(presentedSomeKey: boolean): string;
}

const API_GUARD: KeyGuard = {
  realm: 'stance',
  message: (presented) => (presented ? 'The API key is not valid' : 'An API key is required: send Authorization: Bearer <key>'),
};

/** Refuses requests without a valid key with 401 (when keys are configured). */
export function requireApiKey(keys: ApiKeys, guard: KeyGuard = API_GUARD): RequestHandler {
  return (req, res, next) => {
    if (!keys.enabled || keys.identify(req) !== undefined) return next();
    // Basic first: a browser asks its user for the key only when the first challenge is one it
    // can answer (Chromium reads no further); programs send a Bearer token regardless.
    res.setHeader('WWW-Authenticate', [`Basic realm="${guard.realm}", charset="UTF-8"`, `Bearer realm="${guard.realm}"`]);
    next(new HttpError(401, 'unauthorized', guard.message(req.headers.authorization !== undefined)));
  };
}
