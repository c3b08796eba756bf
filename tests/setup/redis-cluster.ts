// A real Redis Cluster for the cluster tests: three primaries (no replicas), each a
// redis-server with cluster-enabled on free ports (client and bus) in a temporary folder of its
// own, joined with `redis-cli --cluster create`. A primary can be stopped and started again on
// the same port with the same nodes.conf and append-only file (the fault test's restart).
// Where redis-server or redis-cli is missing the tests skip, saying so; under .ci/run
// (STANCE_REQUIRE_CLUSTER=1) a missing binary fails the suite instead.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import type { Config } from '../../src/config';
import { freePort, redisAnswers } from '../../src/entrypoints/private-redis';
import { testConfig } from './helpers';

const run = promisify(execFile);

export interface ClusterNodeAddress {
  host: string;
  port: number;
}

export interface RedisCluster {
  /** The primaries, in the order they were started. */
  nodes: ClusterNodeAddress[];
  /** `host:port,host:port,…`: the value of REDIS_CLUSTER_NODES. */
  nodesEnv: string;
  dir: string;
  /** Stops one primary (SIGTERM: it writes its append-only file) and waits until it has exited. */
  stopNode(index: number): Promise<void>;
  /** Starts a stopped primary again (same port, dir and nodes.conf) and waits for `cluster_state:ok`. */
  startNode(index: number): Promise<void>;
  /** What one node's CLUSTER INFO says of the cluster (`ok`, `fail`), or null when it does not answer. */
  state(index: number): Promise<string | null>;
  /** Stops every node and removes the folder. */
  stop(): Promise<void>;
}

function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, binary), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** What is missing to start a cluster (redis-server, redis-cli); empty when nothing is. */
export function missingClusterBinaries(): string[] {
  return ['redis-server', 'redis-cli'].filter((binary) => !onPath(binary));
}

/** describe() when redis-server and redis-cli are installed, describe.skip() (after saying why) when not. */
export function describeWithCluster(name: string, body: () => void): void {
  const missing = missingClusterBinaries();
  if (missing.length === 0) return describe(name, body);
  const what = `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not on PATH`;
  if (process.env.STANCE_REQUIRE_CLUSTER) {
    throw new Error(`${what}, and STANCE_REQUIRE_CLUSTER says the Redis Cluster tests must run (apt-get install redis-server)`);
  }
  console.warn(`Skipped: the Redis Cluster tests need redis-server and redis-cli, and ${what} (Debian: sudo apt-get install -y redis-server).`);
  describe.skip(`${name} (needs redis-server and redis-cli)`, body);
}

interface NodeProcess {
  address: ClusterNodeAddress;
  busPort: number;
  dir: string;
  child?: ChildProcess;
  exited?: Promise<void>;
}

const HOST = '127.0.0.1';

/** Every redis-server these tests started and have not stopped: killed when the test process exits, whatever happened. */
const running = new Set<ChildProcess>();
const folders = new Set<string>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the closers, each given `ms` at most (a test that failed half-way may leave one hanging). */
export async function closeWithin(ms: number, ...closers: (() => Promise<unknown> | undefined)[]): Promise<void> {
  for (const close of closers) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    await Promise.race([Promise.resolve(close()).catch(() => undefined), late]);
    clearTimeout(timer);
  }
}

/** Ports chosen by the OS, all different (a client port and a bus port per node). */
async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

function startProcess(node: NodeProcess, nodeTimeoutMs: number): void {
  const args = [
    '--port', String(node.address.port),
    '--bind', HOST,
    '--dir', node.dir,
    '--cluster-enabled', 'yes',
    '--cluster-config-file', 'nodes.conf',
    '--cluster-port', String(node.busPort),
    '--cluster-node-timeout', String(nodeTimeoutMs),
    '--appendonly', 'yes',
    '--save', '',
    '--daemonize', 'no',
    '--logfile', path.join(node.dir, 'redis.log'),
  ];
  // Its own process group and a log file, as the suite's single server (private-redis.ts).
  const child = spawn('redis-server', args, { stdio: 'ignore', detached: true });
  running.add(child);
  node.child = child;
  node.exited = new Promise<void>((resolve) => child.once('exit', () => (running.delete(child), resolve())));
}

async function waitUntilAnswers(node: NodeProcess, timeoutMs: number): Promise<void> {
  const url = `redis://${HOST}:${node.address.port}`;
  const deadline = Date.now() + timeoutMs;
  while (!(await redisAnswers(url, 500))) {
    if (node.child?.exitCode !== null || Date.now() > deadline) {
      throw new Error(`redis-server did not start on port ${node.address.port}; its log:\n${tail(path.join(node.dir, 'redis.log'))}`);
    }
    await sleep(50);
  }
}

/** CLUSTER INFO of one node as fields, or null when it does not answer. */
async function clusterInfo(address: ClusterNodeAddress): Promise<Record<string, string> | null> {
  const client = new Redis({ ...address, protocol: 2, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const text = (await client.call('CLUSTER', 'INFO')) as string;
    return Object.fromEntries(text.split(/\r?\n/).filter(Boolean).map((line) => line.split(':') as [string, string]));
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

/** Until every node says the cluster is ok, knows every node and sees every slot served. */
async function waitUntilClusterOk(nodes: NodeProcess[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: (Record<string, string> | null)[] = [];
  for (;;) {
    last = await Promise.all(nodes.map((n) => clusterInfo(n.address)));
    const ok = last.every(
      (info) =>
        info?.cluster_state === 'ok' &&
        info.cluster_slots_ok === '16384' &&
        Number(info.cluster_known_nodes) === nodes.length,
    );
    if (ok) return;
    if (Date.now() > deadline) {
      throw new Error(`the cluster is not ok within ${timeoutMs} ms: ${JSON.stringify(last.map((i) => i && { state: i.cluster_state, slotsOk: i.cluster_slots_ok, known: i.cluster_known_nodes }))}`);
    }
    await sleep(100);
  }
}

async function stopProcess(node: NodeProcess): Promise<void> {
  const child = node.child;
  if (!child) return;
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM'); // writes its AOF and nodes.conf
  await node.exited;
  node.child = undefined;
}

export interface StartClusterOptions {
  primaries?: number;
  /** cluster-node-timeout: how long a primary may be silent before the cluster says fail. */
  nodeTimeoutMs?: number;
  timeoutMs?: number;
}

/** Starts a cluster of `primaries` (3) primaries and resolves once `cluster_state:ok` on all. */
export async function startRedisCluster(options: StartClusterOptions = {}): Promise<RedisCluster> {
  const missing = missingClusterBinaries();
  if (missing.length) throw new Error(`${missing.join(' and ')} not on PATH (Debian: sudo apt-get install -y redis-server)`);
  const count = options.primaries ?? 3;
  const nodeTimeoutMs = options.nodeTimeoutMs ?? 2000;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-test-cluster-'));
  folders.add(dir);
  const ports = await distinctFreePorts(count * 2);
  const nodes: NodeProcess[] = Array.from({ length: count }, (_, i) => ({
    address: { host: HOST, port: ports[i] },
    busPort: ports[count + i],
    dir: path.join(dir, `node-${i}`),
  }));
  const stopAll = async () => {
    await Promise.all(nodes.map(stopProcess));
    fs.rmSync(dir, { recursive: true, force: true });
    folders.delete(dir);
  };
  try {
    for (const node of nodes) {
      fs.mkdirSync(node.dir, { recursive: true });
      startProcess(node, nodeTimeoutMs);
    }
    await Promise.all(nodes.map((n) => waitUntilAnswers(n, timeoutMs)));
    const addresses = nodes.map((n) => `${n.address.host}:${n.address.port}`);
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'], { timeout: timeoutMs });
    await waitUntilClusterOk(nodes, timeoutMs);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    nodes: nodes.map((n) => n.address),
    nodesEnv: nodes.map((n) => `${n.address.host}:${n.address.port}`).join(','),
    dir,
    async stopNode(index) {
      await stopProcess(nodes[index]);
    },
    async startNode(index) {
      const node = nodes[index];
      if (node.child) throw new Error(`node ${index} is running`);
      startProcess(node, nodeTimeoutMs);
      await waitUntilAnswers(node, timeoutMs);
      await waitUntilClusterOk(nodes, timeoutMs);
    },
    async state(index) {
      return (await clusterInfo(nodes[index].address))?.cluster_state ?? null;
    },
    stop: stopAll,
  };
}

/** A test configuration (prefix and queue of its own, see testConfig) on `cluster`: REDIS_CLUSTER_NODES set. */
export function clusterTestConfig(cluster: RedisCluster, overrides: Record<string, string> = {}): Config {
  return testConfig({ REDIS_CLUSTER_NODES: cluster.nodesEnv, ...overrides });
}

/** The primary serving `key`'s slot (its index in `cluster.nodes`), asked of the cluster itself. */
export async function nodeOfKey(cluster: RedisCluster, key: string): Promise<number> {
  const client = new Redis({ ...cluster.nodes[0], protocol: 2, maxRetriesPerRequest: 1 });
  try {
    const slot = (await client.call('CLUSTER', 'KEYSLOT', key)) as number;
    const ranges = (await client.call('CLUSTER', 'SLOTS')) as [number, number, [string, number, ...unknown[]]][];
    const range = ranges.find(([first, last]) => slot >= first && slot <= last);
    if (!range) throw new Error(`no node serves slot ${slot}`);
    const [, , [host, port]] = range;
    return cluster.nodes.findIndex((n) => n.port === Number(port) && (n.host === host || host === ''));
  } finally {
    client.disconnect();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-2000);
  } catch {
    return '(no log)';
  }
}
