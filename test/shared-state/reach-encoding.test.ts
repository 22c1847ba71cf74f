import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyReach, foldReach, type LearntReach } from '../../src/core/series-reach.ts';
import { createLogger } from '../../src/logger.ts';
import type { SharedState } from '../../src/shared-state/index.ts';
import { demoSharedState, redisSuiteName, skipRedis, startRedis, type RedisServer } from './redis-server.ts';

// Issue 21 with REDIS_URL: the bookings' learnt reach as replicas share it. Its near/far cut is chosen from the data
// (far rows on either date, at most MAX_FAR_ROWS a date); it is stored as before, so a value an earlier version
// stored (near reach of a day, far rows over a day away, or none when they overflowed) is still read, and a value
// that is not a reach is dropped (the replica learns its own).

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ANCHOR = Date.parse('2026-06-01T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe.skipIf(skipRedis)(redisSuiteName('the series reach stored in Redis'), () => {
  let redis: RedisServer;
  let shared: SharedState;
  let raw: Redis;

  beforeAll(async () => {
    redis = await startRedis();
    shared = demoSharedState(redis.url, {
      org: 'reach-encoding',
      logger: createLogger({ level: 'error', write: () => undefined }),
    });
    await shared.whenUp(5_000);
    raw = new Redis(redis.url);
  }, 30_000);
  afterAll(async () => {
    raw?.disconnect();
    await shared?.close();
    await redis?.stop();
  });

  const reachKey = async () => {
    const keys = await raw.keys('*:series-reach');
    expect(keys).toHaveLength(1);
    return keys[0] as string;
  };

  it('a learnt reach comes back as it was: near reach, far rows on either date, the stamp; not what left', async () => {
    const fold = foldReach(emptyReach());
    fold.add([
      {
        _id: 'at',
        seriesStart: iso(ANCHOR),
        start: { dateTime: iso(ANCHOR), date: null },
        end: { dateTime: iso(ANCHOR), date: null },
      },
      {
        _id: 'excluded',
        seriesStart: iso(ANCHOR),
        start: { dateTime: iso(ANCHOR + 7 * DAY), date: null },
        end: { dateTime: iso(ANCHOR + 7 * DAY + HOUR), date: null },
        modifiedAt: '2026-06-02T00:00:00.000Z',
      },
      {
        _id: 'long',
        seriesStart: iso(ANCHOR),
        start: { dateTime: iso(ANCHOR), date: null },
        end: { dateTime: iso(ANCHOR + 3 * DAY), date: null },
      },
    ]);
    const learnt: LearntReach = { ...fold.result(), left: new Set(['gone']) };
    await shared.sizes.writeReach(learnt);
    const read = await shared.sizes.readReach();
    expect(read).toEqual({
      reach: learnt.reach,
      near: learnt.near,
      far: learnt.far,
      seen: learnt.seen,
      spread: learnt.spread,
    });
    // The seriesStart spread that prices widening over far rows (dates/report-dates.ts chooseFarBounds) comes too.
    expect(read?.spread?.count).toBe(3);
    expect([...(read?.far?.keys() ?? [])].sort()).toEqual(['excluded', 'long']);
    expect(read?.near).toEqual({ start: { before: 0, after: 0 }, end: { before: 0, after: 0 } });
  });

  it('a reach an earlier version stored is read, and one that is not a reach is dropped', async () => {
    const key = await reachKey();
    const earlier = {
      reach: { start: { before: DAY, after: 7 * DAY }, end: { before: DAY, after: 8 * DAY } },
      near: { start: { before: DAY, after: 0 }, end: { before: DAY, after: DAY } },
      far: [{ id: 'excluded', seriesStart: ANCHOR, start: ANCHOR + 7 * DAY, end: ANCHOR + 7 * DAY + HOUR }],
      seen: '2026-06-02T00:00:00.000Z',
    };
    await raw.set(key, JSON.stringify(earlier));
    const read = await shared.sizes.readReach();
    expect(read?.near).toEqual(earlier.near);
    expect([...(read?.far?.values() ?? [])]).toEqual(earlier.far);
    // Its far rows overflowed: the whole reach is used.
    await raw.set(key, JSON.stringify({ ...earlier, far: null }));
    expect((await shared.sizes.readReach())?.far).toBeNull();
    await raw.set(key, JSON.stringify({ ...earlier, far: [{ id: 'excluded', start: 'soon' }] }));
    expect(await shared.sizes.readReach()).toBeUndefined();
  });
});
