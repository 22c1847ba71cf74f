import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';
import { Registry } from 'prom-client';
import { registerSharedStateMetrics, type SharedState } from '../../src/shared-state/index.ts';
import { createSimulator, type Simulator } from '../../src/simulator/index.ts';
import { createEventBus, type OfficeRnDEvent } from '../../src/webhooks/events.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';
import { demoSharedState, redisSuiteName, skipRedis, startRedis, type RedisServer } from './redis-server.ts';
import { until } from '../wait.ts';

// Three gateway replicas in one process, each with its own Redis connections, clients and caches, against one
// simulator and one real redis-server: what they share goes through Redis only.

const KEY = 'replica-test-key-0123456789';
const SECRET = 'whsec-replicas-0123456789';
const MEMBERS = '{ members(first: 300) { nodes { id name } } }';

interface Replica {
  gateway: Gateway;
  shared: SharedState;
  heard: OfficeRnDEvent[];
  logs: string[];
}

/**
 * The rate is read from the simulator's arrival times. A call may arrive up to ~150 ms after the gate let it go
 * (loaded machine), so spans of 850 ms are counted: calls let go within one span of 1 s, which meets at most two
 * of the gate's 1-second windows.
 */
const SPAN_MS = 850;

describe.skipIf(skipRedis)(redisSuiteName('replicas sharing state through Redis'), () => {
  let redis: RedisServer;
  let admin: Redis;
  let simulator: Simulator;
  let callTimes: number[] = [];
  let firstCallAt: number | null = null;
  /** Each API call's time at the simulator: [arrival, answer]. */
  let intervals: [number, number][] = [];
  let replicas: Replica[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    admin.on('error', () => undefined);
    await admin.connect();
  });
  afterEach(async () => {
    await Promise.all(replicas.map((r) => r.shared.close()));
    replicas = [];
  });
  afterAll(async () => {
    admin.disconnect();
    await redis.stop();
  });

  async function cluster(
    count: number,
    env: Record<string, string> = {},
    only: (i: number) => Record<string, string> = () => ({}),
    faults: { latencyMs?: number } = {},
  ): Promise<Replica[]> {
    return clusterOf(count, env, only, faults);
  }

  async function clusterOf(
    count: number,
    env: Record<string, string>,
    only: (i: number) => Record<string, string>,
    faults: { latencyMs?: number },
  ): Promise<Replica[]> {
    await admin.flushall().catch(() => undefined);
    callTimes = [];
    intervals = [];
    firstCallAt = null;
    simulator = createSimulator({
      dataset: testDataset(0.2),
      now: TEST_NOW,
      faults,
      onRequest: (entry) => {
        if (entry.kind !== 'api') return;
        const end = performance.now();
        callTimes.push(end);
        intervals.push([end - entry.durationMs, end]);
        firstCallAt ??= Date.now();
      },
    });
    for (let i = 0; i < count; i++) {
      const config = loadConfig({
        RESPONSE_CACHE: 'true',
        GATEWAY_API_KEYS: KEY,
        OFFICERND_WEBHOOK_SECRET: SECRET,
        UPSTREAM_MAX_REQUESTS_PER_MINUTE: '6100',
        REDIS_URL: redis.url,
        // What replicas share, not the fall-back when Redis is slow (tested below with its own timeout): a command
        // slower than the default 250 ms on a loaded machine must not send a replica off on local state.
        REDIS_TIMEOUT_MS: '10000',
        ...env,
        ...only(i),
      });
      const logs: string[] = [];
      const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
      const shared = demoSharedState(config.redis.url!, {
        timeoutMs: config.redis.timeoutMs,
        maxRequestsPerMinute: config.upstream.maxRequestsPerMinute,
        maxConcurrency: config.upstream.maxConcurrency,
        logger,
        heartbeatMs: 100,
      });
      const officernd = demoClient(simulator, {
        logger,
        maxRequestsPerMinute: 1_000_000,
        retry: { baseDelayMs: 1, maxDelayMs: 20 },
        tokenStore: shared.tokenStore,
        upstreamGate: shared.upstreamGate,
      });
      const events = createEventBus();
      const heard: OfficeRnDEvent[] = [];
      events.subscribe((event) => heard.push(event));
      const gateway = createGateway({ officernd, logger, settings: config, events, shared, clock: () => TEST_NOW });
      replicas.push({ gateway, shared, heard, logs });
    }
    await until('redis connections', () => replicas.every((r) => r.shared.status().redis === 'up'));
    await until('heartbeats', () => replicas.every((r) => r.shared.status().replicas === count));
    return replicas;
  }

  /** The shared-state gauges as /metrics shows them. */
  async function scrape(replica: Replica): Promise<string> {
    const registry = new Registry();
    registerSharedStateMetrics(registry, replica.shared);
    return registry.metrics();
  }

  const apiCalls = (): number => simulator.log.count({ kind: 'api' });

  async function query(replica: Replica, text: string, headers: Record<string, string> = {}) {
    const calls = apiCalls();
    const response = await replica.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, ...headers },
      body: JSON.stringify({ query: text }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    return { status: response.status, body, calls: apiCalls() - calls };
  }

  async function webhook(replica: Replica, eventType: string): Promise<number> {
    const body = JSON.stringify({ eventType, data: { object: { _id: '5f0c1a2b3c4d5e6f70819203' } } });
    const t = Math.floor(Date.now() / 1000);
    const v1 = createHmac('sha256', SECRET).update(`${body}.${t}`).digest('hex');
    const response = await replica.gateway.fetch('http://gateway.test/webhooks/officernd', {
      method: 'POST',
      headers: { 'officernd-signature': `t=${t},v1=${v1}` },
      body,
    });
    return response.status;
  }

  it('fetches one token for the whole cluster', async () => {
    const [a, b, c] = await cluster(3);
    const answers = await Promise.all(
      [a!, b!, c!, a!, b!, c!].map((r, i) => query(r, `{ members(first: ${i + 1}) { nodes { id } } }`)),
    );
    expect(answers.every((x) => x.body.errors === undefined)).toBe(true);
    expect(simulator.log.count({ kind: 'token' })).toBe(1);
  });

  it('trusts the documents any replica was deployed with, by text and by hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trusted-'));
    try {
      writeFileSync(join(dir, 'lobby.graphql'), 'query Lobby { offices(first: 2) { nodes { name } } }\n');
      const [a, b] = await cluster(
        2,
        { TRUSTED_DOCUMENTS_ONLY: 'true' },
        (i): Record<string, string> => (i === 0 ? { TRUSTED_DOCUMENTS: dir } : {}),
      );
      const lobby = 'query Lobby {\n  offices(first: 2) {\n    nodes {\n      name\n    }\n  }\n}';
      const hash = createHash('sha256').update(lobby).digest('hex');
      for (let i = 0; i < 100 && !(await admin.hexists(`${a!.shared.link.prefix}:trusted-documents`, hash)); i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      // b has no TRUSTED_DOCUMENTS of its own: the cluster's allow-list trusts Lobby.
      expect((await query(b!, 'query Lobby { offices(first: 2) { nodes { name } } }')).body.errors).toBeUndefined();
      const byHash = await b!.gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      });
      expect(await byHash.json()).toHaveProperty('data.offices.nodes');
      const refused = await query(b!, '{ members(first: 1) { nodes { id } } }');
      expect(refused.status).toBe(403);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renews a refused token once for the cluster', async () => {
    const [a, b, c] = await cluster(3);
    for (const r of [a!, b!, c!])
      await query(r, '{ floors(first: 1) { nodes { id } } }', { 'cache-control': 'no-cache' });
    expect(simulator.log.count({ kind: 'token' })).toBe(1);
    simulator.expireTokens();
    // a meets the 401 first and fetches the new token; b and c meet it with the old one and read the new one.
    for (const r of [a!, b!, c!]) {
      const answer = await query(r, '{ floors(first: 1) { nodes { id } } }', { 'cache-control': 'no-cache' });
      expect(answer.body.errors).toBeUndefined();
    }
    expect(simulator.log.count({ kind: 'token' })).toBe(2);
  });

  it('serves an answer cached by one replica from another, and a webhook to one invalidates all three', async () => {
    const [a, b, c] = await cluster(3);
    const first = await query(a!, MEMBERS);
    expect(first.calls).toBeGreaterThan(0);
    const fromB = await query(b!, MEMBERS);
    expect(fromB.calls).toBe(0);
    expect(fromB.body).toEqual(first.body);
    expect((await query(c!, MEMBERS)).calls).toBe(0);

    expect(await webhook(a!, 'member.updated')).toBe(200);
    await until('the event on every replica', () =>
      [b!, c!].every((r) => r.heard.some((e) => e.eventType === 'member.updated' && e.origin === 'remote')),
    );
    expect(a!.heard.map((e) => e.origin)).toEqual(['local']);
    expect((await query(c!, MEMBERS)).calls).toBeGreaterThan(0);
    // c refreshed the shared copy: the others read it.
    expect((await query(a!, MEMBERS)).calls).toBe(0);
    expect((await query(b!, MEMBERS)).calls).toBe(0);
  });

  it('keeps the combined upstream rate within the cluster budget', async () => {
    // 183 a minute: 3 calls per 1-second window for all replicas together.
    const [a, b, c] = await cluster(3, { UPSTREAM_MAX_REQUESTS_PER_MINUTE: '183' });
    await query(a!, '{ organization }');
    callTimes = [];
    const answers = await Promise.all([a!, b!, c!].map((r) => query(r, MEMBERS, { 'cache-control': 'no-cache' })));
    expect(answers.every((x) => x.body.errors === undefined)).toBe(true);
    // Three walks of the members list: without the shared budget they would all go out at once.
    expect(callTimes.length).toBeGreaterThanOrEqual(9);
    const sorted = [...callTimes].sort((x, y) => x - y);
    const busiest = Math.max(...sorted.map((t) => sorted.filter((u) => u >= t && u < t + SPAN_MS).length));
    // At most two windows' worth in any span.
    expect(busiest).toBeLessThanOrEqual(6);
  }, 20_000);

  it('keeps the calls in flight of the whole cluster within UPSTREAM_MAX_CONCURRENCY', async () => {
    const [a, b, c] = await cluster(3, { UPSTREAM_MAX_CONCURRENCY: '2' }, () => ({}), { latencyMs: 15 });
    await query(a!, '{ organization }');
    intervals = [];
    // Six walks at once, two per replica: each replica alone would run both, so six calls in flight.
    const load = [a!, b!, c!].flatMap((r, i) =>
      [0, 1].map((j) =>
        query(r, `{ members(first: ${200 + i * 2 + j}) { nodes { id } } }`, { 'cache-control': 'no-cache' }),
      ),
    );
    const answers = await Promise.all(load);
    expect(answers.every((x) => x.body.errors === undefined)).toBe(true);
    expect(intervals.length).toBeGreaterThanOrEqual(12);
    const most = Math.max(...intervals.map(([start]) => intervals.filter(([s, e]) => s <= start && start < e).length));
    expect(most).toBeLessThanOrEqual(2);
  }, 20_000);

  it('shares a 429 hold: a replica that never saw the 429 waits too', async () => {
    const [a, b] = await cluster(2);
    const holdUntil = Date.now() + 500;
    a!.shared.upstreamGate.hold(holdUntil);
    for (let i = 0; i < 100 && (await admin.keys('*upstream-hold')).length === 0; i++)
      await new Promise((r) => setTimeout(r, 5));
    firstCallAt = null;
    const answer = await query(b!, '{ offices(first: 1) { nodes { id } } }', { 'cache-control': 'no-cache' });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.calls).toBeGreaterThan(0);
    // b's call went out only once the hold a set had passed (b never saw a 429 itself).
    expect(firstCallAt).toBeGreaterThanOrEqual(holdUntil);
  });

  it('does not hang on a Redis that stops answering: every call times out to local state', async () => {
    const [a, b] = await cluster(2, { REDIS_TIMEOUT_MS: '100' });
    await query(a!, MEMBERS);
    expect((await query(b!, MEMBERS)).calls).toBe(0);
    redis.pause();
    try {
      // Cache reads, the budget and the token all go to Redis first; each gives up after 100 ms.
      const fresh = await query(b!, '{ teams(first: 3) { nodes { id } } }');
      expect(fresh.body.errors).toBeUndefined();
      expect(fresh.calls).toBeGreaterThan(0);
      expect(await webhook(a!, 'team.updated')).toBe(200);
    } finally {
      redis.resume();
    }
    expect(b!.logs.some((line) => line.includes('redis call failed') && line.includes('timed out'))).toBe(true);
  }, 20_000);

  it('keeps serving when Redis dies mid-run, and returns to the shared state when it is back', async () => {
    const [a, b, c] = await cluster(3);
    await query(a!, MEMBERS);
    let stopped = false;
    const running = (async () => {
      const outcomes: { status: number; errors: unknown }[] = [];
      let after = 0;
      for (let round = 0; after < 3; round++) {
        if (stopped) after++;
        const answers = await Promise.all(
          [a!, b!, c!].map((r, i) => query(r, `{ members(first: ${20 + round * 3 + i}) { nodes { id } } }`)),
        );
        outcomes.push(...answers.map((x) => ({ status: x.status, errors: x.body.errors })));
      }
      return outcomes;
    })();
    await redis.stop(true);
    stopped = true;
    const outcomes = await running;
    expect(outcomes.every((o) => o.status === 200 && o.errors === undefined)).toBe(true);
    await until('every replica noticing', () => replicas.every((r) => r.shared.status().redis === 'down'));
    expect(await scrape(a!)).toMatch(/^officernd_gateway_shared_state_up 0$/m);
    // Down: each replica caches for itself.
    await query(a!, MEMBERS);
    expect((await query(a!, MEMBERS)).calls).toBe(0);

    await redis.restart();
    await until('reconnection', () => replicas.every((r) => r.shared.status().redis === 'up'), 1_000);
    expect(await scrape(a!)).toMatch(/^officernd_gateway_shared_state_up 1$/m);
    // The heartbeats after the restart count every replica again.
    await until('heartbeats after the restart', () => a!.shared.status().replicas === 3);
    expect(await scrape(a!)).toMatch(/^officernd_gateway_replicas 3$/m);
    const other = '{ offices(first: 2) { nodes { id name } } }';
    expect((await query(b!, other)).calls).toBeGreaterThan(0);
    expect((await query(c!, other)).calls).toBe(0);
    expect(a!.logs.some((line) => line.includes('redis: unavailable, serving with local state'))).toBe(true);
    expect(a!.logs.some((line) => line.includes('redis: connected, using shared state'))).toBe(true);
  }, 30_000);
});
