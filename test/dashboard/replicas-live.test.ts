import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';
import type { SharedState } from '../../src/shared-state/index.ts';
import { createSimulator, signWebhook } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';
import {
  demoSharedState,
  redisSuiteName,
  skipRedis,
  startRedis,
  type RedisServer,
} from '../shared-state/redis-server.ts';

// Two replicas behind a load balancer: the webhook reaches one, the dashboard's subscription is open on the other.
// With REDIS_URL the event crosses over Redis pub/sub, so every dashboard hears every change.

const SECRET = 'whsec-replicas-live-0123456789';

describe.skipIf(skipRedis)(redisSuiteName('live changes across replicas (REDIS_URL)'), () => {
  let redis: RedisServer;
  const replicas: { gateway: Gateway; shared: SharedState }[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const simulator = createSimulator({ dataset: testDataset(0.1), now: TEST_NOW });
    for (let i = 0; i < 2; i++) {
      // A Redis command slower than the default 250 ms on a loaded machine would leave a replica on local state, and
      // the event unpublished: this tests the crossing, not the fall-back (test/shared-state/replicas.test.ts).
      const config = loadConfig({ OFFICERND_WEBHOOK_SECRET: SECRET, REDIS_URL: redis.url, REDIS_TIMEOUT_MS: '10000' });
      const logger = createLogger({ level: 'error', write: () => undefined });
      const shared = demoSharedState(redis.url, {
        timeoutMs: config.redis.timeoutMs,
        maxRequestsPerMinute: config.upstream.maxRequestsPerMinute,
        maxConcurrency: config.upstream.maxConcurrency,
        logger,
      });
      const officernd = demoClient(simulator, {
        logger,
        tokenStore: shared.tokenStore,
        upstreamGate: shared.upstreamGate,
      });
      replicas.push({ gateway: createGateway({ officernd, logger, settings: config, shared }), shared });
    }
    for (let i = 0; i < 400 && !replicas.every((r) => r.shared.status().redis === 'up'); i++)
      await new Promise((done) => setTimeout(done, 10));
  });

  afterAll(async () => {
    await Promise.allSettled(replicas.map((r) => r.shared.close()));
    await redis.stop();
  });

  it('a webhook verified by one replica is streamed to a subscriber of the other', async () => {
    const [first, second] = replicas as [(typeof replicas)[number], (typeof replicas)[number]];
    const stream = await second.gateway.fetch('http://replica.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { officerndChanged { collection id eventType } }' }),
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    const received = (async () => {
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return null;
        text += decoder.decode(value, { stream: true });
        const data = /event: next\ndata: (.*)\n/.exec(text)?.[1];
        if (data) return JSON.parse(data).data.officerndChanged;
      }
    })();
    await new Promise((done) => setTimeout(done, 50));

    const body = JSON.stringify({ eventType: 'booking.updated', data: { object: { _id: 'e'.repeat(24) } } });
    const delivery = await first.gateway.fetch('http://replica.test/webhooks/officernd', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'officernd-signature': signWebhook(SECRET, body, Math.floor(Date.now() / 1000)),
      },
      body,
    });
    expect(delivery.status).toBe(200);
    expect(await received).toEqual({ collection: 'BOOKINGS', id: 'e'.repeat(24), eventType: 'booking.updated' });
    await reader.cancel();
  });
});
