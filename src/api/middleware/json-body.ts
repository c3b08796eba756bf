// JSON bodies, in UTF-8 only: body-parser would also decode UTF-16 and UTF-32, which no client of
// ours sends on purpose; a body declared so is refused with 415 before it is read.
import express, { type RequestHandler } from 'express';
import { HttpError } from '../errors';

export function jsonBody(limitBytes: number): RequestHandler[] {
  const utf8Only: RequestHandler = (req, _res, next) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return next(new HttpError(415, 'unsupported_media_type', `Unsupported charset "${charset}": send UTF-8`));
    }
    next();
  };
  // strict: false parses any JSON value, so a string or null is answered "the body must be a JSON
  // object" by the route's schema rather than "not valid JSON".
  return [utf8Only, express.json({ limit: limitBytes, type: 'application/json', strict: false })];
}
