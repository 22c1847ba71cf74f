import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import type { SizeLearner } from '../../src/loaders/collection-sizes.ts';
import type { WireBooking } from '../../src/officernd/types.ts';
import type { SharedState } from '../../src/shared-state/index.ts';
import { createSimulator, type Simulator } from '../../src/simulator/index.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';
import { demoReplica, redisSuiteName, skipRedis, startRedis, type RedisServer } from './redis-server.ts';

// Issue 21 with REDIS_URL: the bookings' series reach is learnt by one replica's walk of bookings (the walk that
// learns their size) and adopted by the others from Redis; each keeps it up to date with `modifiedAt.$gte`.

const DAY = 86_400_000;
const bookingPages = Math.ceil(testDataset().collections.bookings.length / 100);
/** The learning walk of bookings selects the ids first, the reach's fields and the fields exports split on. */
const REACH_FIELDS = ['end', 'modifiedAt', 'seriesStart', 'start'];
const isLearning = (select: string | undefined): boolean =>
  select?.split(',')[0] === '_id' && REACH_FIELDS.every((field) => select.split(',').includes(field));
const WINDOW = (on: string) => `/reports/bookings.ndjson?columns=_id&on=${on}&timeZone=UTC`;
const startOf = (b: WireBooking): string => b.start?.dateTime ?? b.start?.date ?? '';

interface Replica {
  gateway: Gateway;
  shared: SharedState;
  learner: SizeLearner;
}

describe.skipIf(skipRedis)(redisSuiteName('series reach shared through Redis'), () => {
  let redis: RedisServer;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);
  afterEach(async () => {
    for (const r of replicas) {
      r.learner.stop();
      await r.shared.close();
    }
    replicas = [];
  });
  afterAll(async () => {
    await redis?.stop();
  });

  /** A gateway replica with its own client, size table, learner and Redis connections (org keys the Redis prefix). */
  async function replica(simulator: Simulator, org: string): Promise<Replica> {
    const config = loadConfig({ REDIS_URL: redis.url });
    const { logger, shared, officernd, sizes, learner } = demoReplica(simulator, redis.url, org);
    const gateway = createGateway({
      officernd,
      logger,
      sizes,
      learner,
      settings: config,
      shared,
      clock: () => TEST_NOW,
    });
    const made = { gateway, shared, learner };
    replicas.push(made);
    await shared.whenUp(5_000);
    return made;
  }

  const learningWalks = (simulator: Simulator) =>
    simulator.log
      .entries()
      .filter((e) => e.kind === 'api' && e.collection === 'bookings' && isLearning(e.query.$select));
  const wholeHistoryReads = (simulator: Simulator) =>
    simulator.log
      .entries()
      .filter(
        (e) =>
          e.kind === 'api' &&
          e.collection === 'bookings' &&
          e.id === null &&
          !isLearning(e.query.$select) &&
          e.query['seriesStart.$gte'] === undefined &&
          e.query['modifiedAt.$gte'] === undefined,
      );

  async function exportIds(r: Replica, on: string): Promise<string[]> {
    const response = await r.gateway.fetch(`http://gateway.test${WINDOW(on)}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => (JSON.parse(line) as { _id: string })._id)
      .sort();
  }

  const expected = (simulator: Simulator, on: string) =>
    simulator.dataset.collections.bookings
      .filter((b) => startOf(b).slice(0, 10) === on)
      .map((b) => b._id)
      .sort();

  it('two replicas starting together walk bookings once; both read dated windows without a walk of their own', async () => {
    const simulator = createSimulator({ dataset: testDataset(), now: TEST_NOW });
    const [a, b] = [await replica(simulator, 'reach-together'), await replica(simulator, 'reach-together')] as const;
    await Promise.all([a.learner.start(), b.learner.start()]);
    expect(learningWalks(simulator)).toHaveLength(bookingPages);
    simulator.log.reset();
    for (const r of [a, b]) expect(await exportIds(r, '2026-11-03')).toEqual(expected(simulator, '2026-11-03'));
    expect(learningWalks(simulator)).toHaveLength(0);
    expect(wholeHistoryReads(simulator)).toHaveLength(0);
  });

  it('a replica whose first dated read comes before its start-up pass adopts the reach another learnt', async () => {
    const simulator = createSimulator({ dataset: testDataset(), now: TEST_NOW });
    const a = await replica(simulator, 'reach-adopt');
    await a.learner.start();
    const b = await replica(simulator, 'reach-adopt');
    simulator.log.reset();
    expect(await exportIds(b, '2026-11-03')).toEqual(expected(simulator, '2026-11-03'));
    expect(learningWalks(simulator)).toHaveLength(0);
    expect(wholeHistoryReads(simulator)).toHaveLength(0);

    // Kept up to date on each replica: a booking whose series now starts 90 days before its row is still found by
    // the replica that only adopted the reach (its look for changes since the stored `modifiedAt` sees it).
    const target = simulator.dataset.collections.bookings.find(
      (x) => !x.recurrence?.rrule && startOf(x).slice(0, 10) === '2026-11-04',
    ) as WireBooking;
    const seriesStart = new Date(Date.parse(startOf(target)) - 90 * DAY).toISOString();
    await simulator.update('bookings', target._id, {
      seriesStart,
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=14', exdates: [seriesStart] },
    });
    simulator.log.reset();
    const ids = await exportIds(b, '2026-11-04');
    expect(ids).toContain(target._id);
    expect(ids).toEqual(expected(simulator, '2026-11-04'));
    expect(learningWalks(simulator)).toHaveLength(0);
  });
});
