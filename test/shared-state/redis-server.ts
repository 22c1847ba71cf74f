import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { MAX_WALK_ITEMS } from '../../src/core/limits.ts';
import { createCollectionSizes, createSizeLearner } from '../../src/loaders/collection-sizes.ts';
import { createSharedState, type SharedState } from '../../src/shared-state/index.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';

// A real redis-server for the tests, on a free loopback port, without persistence; stopped (or killed) by the test.
// .ci/run installs it; under CI the Redis tests must run, elsewhere they skip when it is absent.

export const redisInstalled = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
export const skipRedis = !redisInstalled && !process.env.CI;
export const redisSuiteName = (name: string): string =>
  skipRedis
    ? `${name} (skipped: redis-server is not installed; .ci/run installs it, or apt-get install redis-server)`
    : name;

export interface RedisServer {
  port: number;
  url: string;
  /** Stops the server (SIGKILL when `hard`: a crash, not a shutdown). */
  stop(hard?: boolean): Promise<void>;
  /** Starts it again on the same port (empty: no persistence). */
  restart(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, nothing answers. */
  pause(): void;
  resume(): void;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once the server answers PING. */
async function waitForPing(port: number, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('error', () => resolve(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer`);
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const launch = async (): Promise<void> => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitForPing(port);
  };
  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop(hard = false) {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill(hard ? 'SIGKILL' : 'SIGTERM');
      });
    },
    restart: launch,
    pause: () => void (child as ChildProcess | null)?.kill('SIGSTOP'),
    resume: () => void (child as ChildProcess | null)?.kill('SIGCONT'),
  };
}

/**
 * The shared state (src/shared-state) of one replica of the simulator's demo organization and client, on `url`:
 * what each Redis suite builds per replica. Budget and concurrency default to limits no test waits on.
 */
export function demoSharedState(
  url: string,
  options: {
    logger: Logger;
    org?: string;
    timeoutMs?: number;
    maxRequestsPerMinute?: number;
    maxConcurrency?: number;
    heartbeatMs?: number;
  },
): SharedState {
  return createSharedState({
    url,
    timeoutMs: options.timeoutMs ?? 250,
    org: options.org ?? 'demo',
    clientId: 'demo-client',
    maxRequestsPerMinute: options.maxRequestsPerMinute ?? 100_000,
    maxConcurrency: options.maxConcurrency ?? 8,
    tokenTimeoutMs: 5_000,
    logger: options.logger,
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
  });
}

/**
 * One replica's learning side on the Redis at `url`: its shared state (keys prefixed by `org`) with a quiet logger, a
 * client of `simulator` keeping its token in Redis, a size table and a learner sharing sizes through Redis (the store
 * looked at every 20 ms while another replica walks), unpaced and without a rate budget to wait on.
 */
export function demoReplica(simulator: Simulator, url: string, org: string) {
  const logger = createLogger({ level: 'error', write: () => undefined });
  // These suites test what replicas share, not the fall-back to local state when Redis is slow (replicas.test.ts
  // does): a Redis command slower than the default 250 ms under a loaded machine must not send a replica off alone.
  const shared = demoSharedState(url, { org, logger, timeoutMs: 10_000 });
  const officernd = demoClient(simulator, { maxRequestsPerMinute: 1_000_000, tokenStore: shared.tokenStore });
  const sizes = createCollectionSizes();
  const learner = createSizeLearner({
    officernd,
    sizes,
    pauseMs: 0,
    maxItems: MAX_WALK_ITEMS,
    shared: shared.sizes,
    pollMs: 20,
  });
  return { logger, shared, officernd, sizes, learner };
}
