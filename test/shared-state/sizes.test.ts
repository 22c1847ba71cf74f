import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_COLLECTIONS } from '../../src/officernd/collections.ts';
import type { SharedState } from '../../src/shared-state/index.ts';
import { createSimulator, type Simulator } from '../../src/simulator/index.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';
import { demoReplica, redisSuiteName, skipRedis, startRedis, type RedisServer } from './redis-server.ts';

// Issue 14 with REDIS_URL: collection sizes are learnt once for the cluster, not once per replica.

const dataset = testDataset(0.2).collections as unknown as Record<string, readonly unknown[]>;
const pages = LIST_COLLECTIONS.reduce((sum, c) => sum + Math.max(1, Math.ceil((dataset[c]?.length ?? 0) / 100)), 0);

describe.skipIf(skipRedis)(redisSuiteName('collection sizes shared through Redis'), () => {
  let redis: RedisServer;
  const states: SharedState[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);

  afterAll(async () => {
    for (const state of states) await state.close();
    await redis?.stop();
  });

  /** A replica's learner, with its own Redis connections, client and size table. */
  function replica(simulator: Simulator, org: string) {
    const { shared, sizes, learner } = demoReplica(simulator, redis.url, org);
    states.push(shared);
    return { shared, sizes, learner };
  }

  it('a replica starting after another takes every size from Redis without a call', async () => {
    const simulator = createSimulator({ dataset: testDataset(0.2), now: TEST_NOW });
    const first = replica(simulator, 'after');
    const second = replica(simulator, 'after');
    await Promise.all([first.shared.whenUp(5_000), second.shared.whenUp(5_000)]);
    await first.learner.start();
    expect(simulator.log.count({ kind: 'api' })).toBe(pages);
    simulator.log.reset();
    await second.learner.start();
    expect(simulator.log.count({ kind: 'api' })).toBe(0);
    for (const collection of LIST_COLLECTIONS) expect(second.sizes.get(collection)).toBe(dataset[collection]?.length);
  });

  it('replicas starting together walk each collection once between them', async () => {
    const simulator = createSimulator({ dataset: testDataset(0.2), now: TEST_NOW });
    const all = [replica(simulator, 'together'), replica(simulator, 'together'), replica(simulator, 'together')];
    await Promise.all(all.map((r) => r.shared.whenUp(5_000)));
    await Promise.all(all.map((r) => r.learner.start()));
    expect(simulator.log.count({ kind: 'api' })).toBe(pages);
    for (const r of all)
      for (const collection of LIST_COLLECTIONS) expect(r.sizes.get(collection)).toBe(dataset[collection]?.length);
  });
});
