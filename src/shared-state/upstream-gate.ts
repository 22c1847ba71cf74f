/**
 * The upstream budget of the whole cluster (UPSTREAM_MAX_REQUESTS_PER_MINUTE is then for all replicas together),
 * counted in Redis by rate-limiter-flexible, and OfficeRnD's 429 holds shared by all. The minute is cut into
 * 1-second windows of floor(budget / 61) calls, so no sliding minute (it spans at most 61 windows) can exceed the
 * budget. While Redis is away, each replica spends a local share: the budget divided by the replicas last seen.
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
  clock?: () => number;
  /** Between heartbeats; default 5 s (a replica counts for three of them). */
  heartbeatMs?: number;
}

/** Calls per 1-second window so that 61 windows stay within the minute's budget. */
export function callsPerSecond(maxRequestsPerMinute: number): number {
  return Math.max(1, Math.floor(maxRequestsPerMinute / 61));
}

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
      const until = await link.attempt('hold read', async (redis) => Number((await redis.get(holdKey)) ?? 0), () => 0);
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
          return;
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          await sleep(Math.max(1, rejection.msBeforeNext), signal);
        }
      }
    },
    hold(untilMs) {
      localHold = Math.max(localHold, untilMs);
      const ms = Math.ceil(untilMs - clock());
      if (ms <= 0) return;
      void link.attempt('hold write', (redis) => redis.set(holdKey, String(untilMs), 'PX', ms), () => undefined);
    },
    async close() {
      clearInterval(timer);
      await link.attempt('heartbeat end', (redis) => redis.zrem(replicasKey, id), () => undefined);
    },
  };
}
