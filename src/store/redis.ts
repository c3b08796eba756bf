// Redis connections and the small helpers every user of them needs: one Redis at REDIS_URL, or
// Redis Cluster (REDIS_CLUSTER_NODES) through ioredis's Cluster client.
import Redis, { Cluster, type ClusterOptions, type RedisOptions } from 'ioredis';

/**
 * A connection to the service's Redis: one server, or a cluster. Both take the same commands;
 * a Cluster sends each to the primary of its key's slot, so a multi-key command, a script and a
 * transaction must keep their keys in one slot (hash tags), and a pipeline on one node.
 */
export type RedisClient = Redis | Cluster;

/** Where Redis is: a URL (one server), or the configuration's URL and cluster nodes. */
export interface RedisTarget {
  redisUrl: string;
  /** Set: Redis Cluster's nodes (any of them), and the URL gives only the user, the password and TLS. */
  redisClusterNodes?: { host: string; port: number }[];
}

export interface ConnectionOptions {
  blocking?: boolean;
  failFast?: boolean;
  name?: string;
}

/** Reconnect with a capped back-off, forever: Redis restarts must not need our restart. */
const retry = (attempt: number) => Math.min(attempt * 200, 2000);

/**
 * A connection to REDIS_URL, or to the cluster of REDIS_CLUSTER_NODES. `blocking` connections
 * (BullMQ workers and queue events) must wait for Redis forever; the others give a command up
 * after a few tries. `failFast` ones (the API's) refuse a command at once while disconnected, so
 * the API answers 503 in a moment rather than after the retries.
 */
export function createRedis(url: string, options?: ConnectionOptions): Redis;
export function createRedis(target: RedisTarget, options?: ConnectionOptions): RedisClient;
export function createRedis(target: string | RedisTarget, options: ConnectionOptions = {}): RedisClient {
  const { redisUrl: url, redisClusterNodes: nodes } = typeof target === 'string' ? { redisUrl: target } : target;
  if (nodes?.length) return createCluster(url, nodes, options);
  const common: RedisOptions = {
    connectionName: options.name,
    // RESP2 replies, the shapes BullMQ's scripts and ours are written for (ioredis 6 defaults to RESP3).
    protocol: 2,
    retryStrategy: retry,
  };
  if (options.blocking) return new Redis(url, { ...common, maxRetriesPerRequest: null });
  return new Redis(url, { ...common, maxRetriesPerRequest: 2, enableOfflineQueue: !options.failFast });
}

/**
 * Redis Cluster: the nodes given are where the client starts; it learns the others and the slots
 * from them. The URL's user, password and rediss:// (TLS) apply to every node.
 */
function createCluster(url: string, nodes: { host: string; port: number }[], options: ConnectionOptions): Cluster {
  const parsed = new URL(url);
  const clusterOptions: ClusterOptions = {
    redisOptions: {
      connectionName: options.name,
      protocol: 2,
      // BullMQ checks its blocking connections for this one (per node, in a cluster).
      maxRetriesPerRequest: options.blocking ? null : 2,
      ...(parsed.username && { username: decodeURIComponent(parsed.username) }),
      ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
      ...(parsed.protocol === 'rediss:' && { tls: { servername: parsed.hostname } }),
    },
    // The whole cluster lost, and one node's connection lost: the same back-off as one server.
    clusterRetryStrategy: retry,
    clusterNodeRetryStrategy: retry,
    enableOfflineQueue: options.blocking || !options.failFast,
    // A command whose slot's primary is away is tried again every 100 ms, up to maxRedirections
    // times (the default 16: 1.6 s), and so is one the cluster refuses while it says it is down.
    // The API's give up after 0.6 s, so it answers 503 promptly; 6 is still plenty for slots
    // moving (one MOVED or ASK each).
    ...(options.failFast && { maxRedirections: 6 }),
    // No auto-pipelining: commands issued together over many slots (Promise.all of single
    // commands) are in flight together anyway, each sent to its slot's node. ioredis 6.0.0's
    // auto-pipeline drops the command name of callBuffer() (it puts it back for call() only:
    // "ERR unknown command '<key>'"), and one bad command in an auto-pipeline fails every other
    // command batched with it.
    enableAutoPipelining: false,
  };
  return new Cluster(nodes, clusterOptions);
}

/** True for a Redis Cluster connection. */
export function isCluster(redis: RedisClient): redis is Cluster {
  return (redis as Cluster).isCluster === true;
}

/** The primaries of a cluster, or the one server: where commands that take no key (SCRIPT LOAD …) must go to reach every key. */
export function primaries(redis: RedisClient): Redis[] {
  return isCluster(redis) ? redis.nodes('master') : [redis];
}

/**
 * Every key matching `pattern`, from every primary: a SCAN on a Cluster reaches one node only.
 * Keys written meanwhile may be missed or given twice, as with any SCAN.
 */
export async function* scanKeys(redis: RedisClient, pattern: string, count = 1000): AsyncGenerator<string[]> {
  for (const node of primaries(redis)) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      if (found.length) yield found;
    } while (cursor !== '0');
  }
}

const AWAY = new Set(['reconnecting', 'close', 'end']);

/**
 * True when Redis answers: the server's PING; in a cluster, every primary's, and the cluster says
 * it is ok (a primary down: its slots are served by nobody, and the others refuse every key).
 */
export async function redisAnswersNow(redis: RedisClient): Promise<boolean> {
  try {
    if (!isCluster(redis)) return (await redis.ping()) === 'PONG';
    const nodes = redis.nodes('master');
    // A primary's connection lost (reconnecting) is an answer already: do not wait for it. (One
    // never used yet is in `wait`: it connects for the command.)
    if (nodes.length === 0 || nodes.some((node) => AWAY.has(node.status))) return false;
    const infos = (await Promise.all(nodes.map((node) => node.call('CLUSTER', 'INFO')))) as string[];
    return infos.every((info) => /^cluster_state:ok\s*$/m.test(info));
  } catch {
    return false;
  }
}

/** Resolves when the connection is ready, or after `timeoutMs` (true: ready). */
export async function whenReady(redis: RedisClient, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    const onReady = () => done(true);
    function done(ready: boolean) {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    }
    redis.on('ready', onReady);
  });
}

/** Pipeline or transaction replies without their error slots; the first error is thrown. */
export function pipelineResults(replies: [Error | null, unknown][] | null): unknown[] {
  return (replies ?? []).map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}

/** Closes a connection politely, or drops it when Redis cannot be reached. */
export async function closeRedis(redis: RedisClient): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
