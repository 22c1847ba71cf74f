import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';
import { createReadiness } from '../../src/ops/index.ts';
import type { SharedState } from '../../src/shared-state/index.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';
import { until } from '../wait.ts';
import {
  demoSharedState,
  redisSuiteName,
  skipRedis,
  startRedis,
  type RedisServer,
} from '../shared-state/redis-server.ts';

// Issue 17: with REDIS_URL, /ready says whether the replica serves with the shared state or with its local fallback
// (Redis down or slow), and stays ready either way: the replica keeps serving. A real redis-server, killed mid-run.

const KEY = 'ready-redis-key-0123456789';

describe.skipIf(skipRedis)(redisSuiteName('/ready with shared state'), () => {
  let redis: RedisServer;
  let shared: SharedState;
  let gateway: Gateway;

  beforeAll(async () => {
    redis = await startRedis();
    const config = loadConfig({ GATEWAY_API_KEYS: KEY, REDIS_URL: redis.url, REDIS_TIMEOUT_MS: '100' });
    const logger = createLogger({ level: 'error', write: () => undefined });
    shared = demoSharedState(redis.url, {
      timeoutMs: config.redis.timeoutMs,
      maxRequestsPerMinute: config.upstream.maxRequestsPerMinute,
      maxConcurrency: config.upstream.maxConcurrency,
      logger,
      heartbeatMs: 100,
    });
    const simulator = createSimulator({ dataset: testDataset(0.1), now: TEST_NOW });
    const officernd = demoClient(simulator, {
      maxRequestsPerMinute: 1_000_000,
      tokenStore: shared.tokenStore,
      upstreamGate: shared.upstreamGate,
    });
    // Probes are answered from a fresh check each time (cacheMs 0): the details must follow Redis, not a cache.
    const readiness = createReadiness({ officernd, shared, cacheMs: 0 });
    gateway = createGateway({ officernd, logger, settings: config, shared, readiness, clock: () => TEST_NOW });
    await shared.whenUp(5_000);
  }, 30_000);

  afterAll(async () => {
    await shared?.close();
    await redis?.stop();
  });

  const ready = async () => {
    const response = await gateway.fetch('http://gateway.test/ready');
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const query = async () => {
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body: JSON.stringify({ query: '{ offices { nodes { name } } }' }),
    });
    return (await response.json()) as { data?: unknown; errors?: unknown[] };
  };

  it('says shared, then local fallback while Redis is slow or killed, staying ready and serving; shared again after', async () => {
    expect(await ready()).toEqual({
      status: 200,
      body: { status: 'ready', details: { sharedState: 'shared', replicas: 1 } },
    });

    // Slow: the process is frozen, connections stay open, calls time out and local state answers.
    redis.pause();
    try {
      expect((await query()).errors).toBeUndefined();
      const slow = await ready();
      expect(slow.status).toBe(200);
      expect(slow.body).toMatchObject({ status: 'ready', details: { sharedState: 'local' } });
    } finally {
      redis.resume();
    }

    // Killed mid-run: still ready, still serving, on local state.
    await redis.stop(true);
    await until(
      'the replica noticing',
      async () => ((await ready()).body.details as { sharedState: string }).sharedState === 'local',
    );
    const down = await ready();
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('ready');
    expect((await query()).errors).toBeUndefined();

    // Back: shared again once Redis answers (and no call has failed for a few seconds).
    await redis.restart();
    await until(
      'the shared state again',
      async () => ((await ready()).body.details as { sharedState: string }).sharedState === 'shared',
      1_000,
    );
  }, 30_000);
});
