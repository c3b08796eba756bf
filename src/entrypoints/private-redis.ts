// Redis for `npm start`: use the one at REDIS_URL when it answers; otherwise, when the URL is
// local and redis-server is installed, start a private one with its data (AOF on) under
// DATA_DIR, on the URL's port or a free one. The tests' global setup starts theirs the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Redis from 'ioredis';
import type { RedisTarget } from '../store/redis';

export interface RedisServer {
  url: string;
  /** Asks the server to shut down (it writes its AOF) and waits until it has. */
  stop(): Promise<void>;
}

export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

/** True when a Redis server answers PING at `url` within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const probe = new Redis(url, {
    protocol: 2,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    // ioredis keeps a timer of this length after a refused connection: short, so a probe
    // does not hold the process open.
    disconnectTimeout: 50,
  });
  probe.on('error', () => undefined); // the failure is the answer
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * True when the service's Redis answers PING: the server at the URL or, for Redis Cluster, any
 * of the nodes given (with the URL's user, password and TLS). A first look, for a start-up log
 * line: the clients find the rest of a cluster themselves.
 */
export async function redisTargetAnswers(target: RedisTarget, timeoutMs = 1000): Promise<boolean> {
  if (!target.redisClusterNodes?.length) return redisAnswers(target.redisUrl, timeoutMs);
  const answers = await Promise.all(target.redisClusterNodes.map((node) => redisAnswers(nodeUrl(target.redisUrl, node), timeoutMs)));
  return answers.some(Boolean);
}

/** Where the service's Redis is, for logs and messages: the URL without its password, or the cluster's nodes. */
export function describeRedis(target: RedisTarget): string {
  if (!target.redisClusterNodes?.length) return redact(target.redisUrl);
  return `Redis Cluster ${target.redisClusterNodes.map((n) => `${n.host.includes(':') ? `[${n.host}]` : n.host}:${n.port}`).join(',')}`;
}

/** The URL of one cluster node: the service's URL (user, password, TLS) at the node's host and port. */
function nodeUrl(url: string, node: { host: string; port: number }): string {
  const parsed = new URL(url);
  parsed.hostname = node.host.includes(':') ? `[${node.host}]` : node.host;
  parsed.port = String(node.port);
  parsed.pathname = '';
  return parsed.toString();
}

export function isLocalRedisUrl(url: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(new URL(url).hostname);
}

export function redisServerInstalled(): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, 'redis-server'), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export const HOW_TO_GET_REDIS =
  'Install Redis (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis) ' +
  'and run `npm start` again (it starts a private one when nothing answers), or point REDIS_URL at a running Redis, ' +
  'e.g. docker run -d -p 6379:6379 redis:7 and REDIS_URL=redis://127.0.0.1:6379.';

/** A TCP port nothing listens on right now, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export interface StartRedisOptions {
  dir: string;
  port?: number;
  /** Append-only file on (the default) or off (the tests' throwaway servers). */
  appendOnly?: boolean;
  password?: string;
  timeoutMs?: number;
}

/** Starts redis-server bound to 127.0.0.1 and resolves once it answers PING. */
/**
 * Settings the store is measured with (README, Scaling out): sorted-set members and hash values
 * up to 128 bytes stay packed (listpacks) rather than 64. The store's index pages and pair
 * hashes are built to fit (scripts.ts PAGED_INDEX); with Redis's defaults the same data takes
 * more memory and nothing else changes.
 */
export const STORE_TUNING = ['--zset-max-listpack-value', '128', '--hash-max-listpack-value', '128'];

export async function startRedisServer(options: StartRedisOptions): Promise<RedisServer & { process: ChildProcess }> {
  if (!redisServerInstalled()) {
    throw new RedisUnavailableError('redis-server is not on PATH. Install the Debian package: sudo apt-get install -y redis-server');
  }
  fs.mkdirSync(options.dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const logFile = path.join(options.dir, 'redis.log');
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', options.dir,
    '--appendonly', options.appendOnly === false ? 'no' : 'yes',
    '--save', '',
    '--daemonize', 'no',
    '--logfile', logFile,
    ...(options.password ? ['--requirepass', options.password] : []),
    ...STORE_TUNING,
  ];
  // Its own process group: Ctrl-C in the terminal reaches us, and we stop Redis last. Its log
  // goes to a file (pipes would keep the parent alive a while after Redis is gone).
  const child = spawn('redis-server', args, { stdio: 'ignore', detached: true });
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  const url = `redis://${auth}127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (!(await redisAnswers(url, 500))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new RedisUnavailableError(`redis-server did not start on port ${port}; its log:\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM'); // Redis flushes its AOF on SIGTERM
      await exited;
    },
  };
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-2000);
  } catch {
    return '(no log)';
  }
}

/**
 * The Redis `npm start` uses: REDIS_URL's when it answers, else a private redis-server (see the
 * header). `started` is null when an existing server is used.
 */
export async function ensureRedis(
  url: string,
  options: { dataDir: string; allowPrivate: boolean; log: (message: string, fields?: object) => void },
): Promise<{ url: string; started: RedisServer | null }> {
  if (await redisAnswers(url)) return { url, started: null };
  if (!options.allowPrivate || !isLocalRedisUrl(url)) {
    throw new RedisUnavailableError(`Nothing answers at ${redact(url)}. ${HOW_TO_GET_REDIS}`);
  }
  if (!redisServerInstalled()) {
    throw new RedisUnavailableError(`Nothing answers at ${redact(url)} and redis-server is not installed. ${HOW_TO_GET_REDIS}`);
  }
  const wanted = Number(new URL(url).port || 6379);
  const port = (await portIsFree(wanted)) ? wanted : await freePort();
  const dir = path.join(options.dataDir, 'redis');
  const server = await startRedisServer({ dir, port, password: decodeURIComponent(new URL(url).password) || undefined });
  options.log('Started a private redis-server (append-only file on)', { url: redact(server.url), dataDir: dir });
  return { url: server.url, started: server };
}

/** The URL without its password, for logs and messages. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
