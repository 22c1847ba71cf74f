import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createGateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';
import type { SharedState } from '../../src/shared-state/index.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';
import { demoSharedState, redisSuiteName, skipRedis, startRedis, type RedisServer } from './redis-server.ts';
import { until } from '../wait.ts';

// The per-caller rate limit (MAX_REQUESTS_PER_MINUTE_PER_CALLER) of two replicas behind real HTTP servers, sharing
// one real redis-server: the count is the cluster's; with Redis gone each replica counts on its own.

const KEY = 'rate-limit-replica-key-0123456789';
const LIMIT = 6;

interface Replica {
  url: string;
  shared: SharedState;
  logs: string[];
}

const ask = async (replica: Replica): Promise<number> => {
  const response = await fetch(`${replica.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  await response.arrayBuffer();
  return response.status;
};

describe.skipIf(skipRedis)(redisSuiteName('per-caller rate limit shared by replicas through Redis'), () => {
  let redis: RedisServer;
  const servers: Server[] = [];
  let replicas: Replica[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await Promise.all(replicas.map((r) => r.shared.close()));
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
    replicas = [];
  });
  afterAll(async () => {
    await redis.stop();
  });

  /**
   * One replica of the gateway of `org` (replicas of one organization and client share their Redis keys). Redis calls
   * wait up to `timeoutMs`: by default 10 s, so that a slow command on a loaded machine does not send a replica off on
   * local counts where the cluster's count is under test.
   */
  async function replica(org: string, timeoutMs = 10_000): Promise<Replica> {
    const config = loadConfig({
      GATEWAY_API_KEYS: KEY,
      REDIS_URL: redis.url,
      MAX_REQUESTS_PER_MINUTE_PER_CALLER: String(LIMIT),
    });
    const logs: string[] = [];
    const logger = createLogger({ level: 'info', write: (line) => logs.push(line) });
    const shared = demoSharedState(redis.url, { logger, org, timeoutMs });
    const simulator = createSimulator({ dataset: testDataset(0.05), now: TEST_NOW });
    const gateway = createGateway({
      officernd: demoClient(simulator, { logger }),
      logger,
      settings: config,
      shared,
      clock: () => TEST_NOW,
    });
    const server = createServer(gateway);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await shared.whenUp(5_000);
    const created = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, shared, logs };
    replicas.push(created);
    return created;
  }

  it('counts a caller once for the cluster, and on each replica while Redis is down', async () => {
    const a = await replica('rate-limit');
    const b = await replica('rate-limit');
    expect(a.shared.link.healthy && b.shared.link.healthy).toBe(true);

    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push(await ask(i % 2 === 0 ? a : b));
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    // The cluster's count is spent: both replicas refuse the key now.
    expect(await ask(a)).toBe(429);
    expect(await ask(b)).toBe(429);

    // Redis goes away: each replica counts on its own, the same limit each (neither refuses everything nor lets
    // everything through).
    await redis.stop();
    await until('both replicas on local state', () => !a.shared.link.up && !b.shared.link.up);
    const local: number[] = [];
    for (let i = 0; i < LIMIT + 3; i++) local.push(await ask(a));
    expect(local).toEqual([...Array(LIMIT).fill(200), 429, 429, 429]);
    expect(await ask(b)).toBe(200);
    expect(a.logs.some((line) => line.includes('redis: unavailable'))).toBe(true);
    await redis.restart();
  });

  it('counts locally while Redis hangs (its calls time out): never everyone refused, never everyone let in', async () => {
    const a = await replica('rate-limit-frozen', 250);
    redis.pause();
    try {
      const local: number[] = [];
      for (let i = 0; i < LIMIT + 2; i++) local.push(await ask(a));
      expect(local).toEqual([...Array(LIMIT).fill(200), 429, 429]);
    } finally {
      redis.resume();
    }
  });
});
