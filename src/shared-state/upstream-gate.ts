/**
 * The upstream budget of the whole cluster (UPSTREAM_MAX_REQUESTS_PER_MINUTE is then for all replicas together),
 * counted in Redis by rate-limiter-flexible, and OfficeRnD's 429 holds shared by all. The minute is cut into
 * 1-second windows of floor(budget / 61) calls, so no sliding minute (it spans at most 61 windows) can exceed the
 * budget. Calls in flight are bounded for the cluster too (UPSTREAM_MAX_CONCURRENCY), by leases in a sorted set
 * that expire on their own if a replica dies holding them. While Redis is away, each replica spends a local share
 * of the rate (the budget divided by the replicas last seen) and its own limiter bounds its calls in flight.
 */

import { randomUUID } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { UpstreamGate } from '../officernd/client.ts';
import type { RedisLink } from './redis.ts';

export interface SharedUpstreamGate extends UpstreamGate {
  /** Replicas seen in the last heartbeats (this one included). */
  readonly replicas: number;
  close(): Promise<void>;
}

export interface UpstreamGateOptions {
  maxRequestsPerMinute: number;
  /** Calls in flight for the whole cluster. */
  maxConcurrency: number;
  /** How long a lease lives if its call never releases it (a replica that died): the call timeout and a margin. */
  leaseMs: number;
  clock?: () => number;
  /** Between heartbeats; default 5 s (a replica counts for three of them). */
  heartbeatMs?: number;
}

/** Calls per 1-second window so that 61 windows stay within the minute's budget. */
export function callsPerSecond(maxRequestsPerMinute: number): number {
  return Math.max(1, Math.floor(maxRequestsPerMinute / 61));
}

/**
 * Takes a lease when fewer than ARGV[1] are held (expired ones dropped first), on Redis's own clock so replicas'
 * clocks need not agree. KEYS[1]: the leases; ARGV: limit, lease ms, lease id. 1 = taken.
 */
const ACQUIRE = `
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('zremrangebyscore', KEYS[1], '-inf', now)
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('zadd', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('pexpire', KEYS[1], tonumber(ARGV[2]))
  return 1
end
return 0`;

/** Between two tries for a lease while the cluster's calls in flight are at the limit. */
const LEASE_POLL_MS = 10;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createSharedUpstreamGate(link: RedisLink, options: UpstreamGateOptions): SharedUpstreamGate {
  const clock = options.clock ?? Date.now;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const points = callsPerSecond(options.maxRequestsPerMinute);
  const id = randomUUID();
  const holdKey = `${link.prefix}:upstream-hold`;
  const replicasKey = `${link.prefix}:replicas`;
  const leasesKey = `${link.prefix}:upstream-leases`;
  let replicas = 1;
  const insurance = new RateLimiterMemory({ points, duration: 1 });
  const limiter = new RateLimiterRedis({
    storeClient: link.redis,
    keyPrefix: `${link.prefix}:upstream-rate`,
    points,
    duration: 1,
    rejectIfRedisNotReady: true,
    insuranceLimiter: insurance,
  });
  let localHold = 0;
  let sharedHold = { until: 0, readAt: Number.NEGATIVE_INFINITY };

  const heartbeat = async (): Promise<void> => {
    const now = clock();
    const seen = await link.attempt(
      'heartbeat',
      async (redis) => {
        const [, , [, count]] = (await redis
          .multi()
          .zadd(replicasKey, now, id)
          .zremrangebyscore(replicasKey, '-inf', now - 3 * heartbeatMs)
          .zcard(replicasKey)
          .pexpire(replicasKey, 3 * heartbeatMs)
          .exec()) as [unknown, unknown, [unknown, number]];
        return count;
      },
      () => null,
    );
    if (seen !== null && seen > 0) {
      replicas = seen;
      insurance.points = Math.max(1, Math.floor(points / replicas));
    }
  };
  void heartbeat();
  link.redis.on('ready', () => void heartbeat());
  const timer = setInterval(() => void heartbeat(), heartbeatMs);
  timer.unref();

  /** The cluster's hold, read at most every 100 ms. */
  const heldUntil = async (): Promise<number> => {
    const now = clock();
    if (now - sharedHold.readAt >= 100) {
      const until = await link.attempt(
        'hold read',
        async (redis) => Number((await redis.get(holdKey)) ?? 0),
        () => 0,
      );
      sharedHold = { until, readAt: now };
    }
    return Math.max(localHold, sharedHold.until);
  };

  return {
    get replicas() {
      return replicas;
    },
    async take(signal) {
      for (;;) {
        const until = await heldUntil();
        const now = clock();
        if (until > now) {
          await sleep(until - now, signal);
          continue;
        }
        try {
          await limiter.consume('calls', 1);
          break;
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          await sleep(Math.max(1, rejection.msBeforeNext), signal);
        }
      }
      // A lease for the call; none needed (the local limiter alone) while Redis is away.
      const lease = randomUUID();
      for (;;) {
        const taken = await link.attempt(
          'lease',
          async (redis) =>
            Number(await redis.eval(ACQUIRE, 1, leasesKey, options.maxConcurrency, options.leaseMs, lease)),
          () => -1,
        );
        if (taken === -1) return () => undefined;
        if (taken === 1) break;
        await sleep(LEASE_POLL_MS, signal);
      }
      return () =>
        void link.attempt(
          'lease release',
          (redis) => redis.zrem(leasesKey, lease),
          () => undefined,
        );
    },
    hold(untilMs) {
      localHold = Math.max(localHold, untilMs);
      const ms = Math.ceil(untilMs - clock());
      if (ms <= 0) return;
      void link.attempt(
        'hold write',
        (redis) => redis.set(holdKey, String(untilMs), 'PX', ms),
        () => undefined,
      );
    },
    async close() {
      clearInterval(timer);
      await link.attempt(
        'heartbeat end',
        (redis) => redis.zrem(replicasKey, id),
        () => undefined,
      );
    },
  };
}
