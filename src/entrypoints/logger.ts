// Structured JSON logs (pino), one logger per process; components take child loggers. What the
// lines must never hold: the arguments of a failed Redis command (ioredis attaches them to its
// errors: a whole article) and credentials a client put in a query string.
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>, name = 'stance', destination?: DestinationStream): Logger {
  const options = { name, level: config.logLevel, serializers: { err: serializeError } };
  return destination ? pino(options, destination) : pino(options);
}

type Serialized = Record<string, unknown>;
const SERIALIZED_ERROR = Object.getPrototypeOf(pino.stdSerializers.err(new Error()));
const isSerializedError = (value: unknown): value is Serialized =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === SERIALIZED_ERROR;

/** pino's error serializer, with a Redis command reduced to its name, in nested errors too. */
export function serializeError(error: Error): unknown {
  const serialized = pino.stdSerializers.err(error);
  if (isSerializedError(serialized)) dropCommandArguments(serialized);
  return serialized;
}

/** Changes only the serializer's own objects: other values are the error's, shared by reference. */
function dropCommandArguments(serialized: Serialized): void {
  for (const [key, value] of Object.entries(serialized)) {
    if (key === 'command' && typeof value === 'object' && value !== null) {
      serialized.command = { name: (value as { name?: unknown }).name };
    } else if (Array.isArray(value)) {
      value.filter(isSerializedError).forEach(dropCommandArguments); // aggregateErrors
    } else if (isSerializedError(value)) {
      dropCommandArguments(value);
    }
  }
}

/** Query parameters whose names say they carry a secret: api_key, apiKey, access_token, password … */
const CREDENTIAL = /(key|token|secret|password|passwd|pwd|auth|authorization|signature|sig|credential|session)s?$/i;

/** The URL with the value of every credential-like query parameter replaced by [redacted]. */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const parameters = url
    .slice(start + 1)
    .split('&')
    .map((parameter) => {
      const equals = parameter.indexOf('=');
      const name = equals < 0 ? parameter : parameter.slice(0, equals);
      return CREDENTIAL.test(decodedName(name)) ? `${name}=[redacted]` : parameter;
    });
  return `${url.slice(0, start)}?${parameters.join('&')}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
