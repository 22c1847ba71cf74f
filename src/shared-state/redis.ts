/**
 * The Redis connection of the shared state (REDIS_URL), built so that nothing waits on Redis: commands are never
 * queued while it is away (they fail at once), every call has a timeout, and ioredis reconnects on its own. Callers
 * go through `attempt`, which answers from their local fallback whenever Redis is down, slow or failing.
 */

import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

export interface RedisLink {
  /** The command connection. */
  readonly redis: Redis;
  /** A second connection for SUBSCRIBE (a subscribed connection takes no other commands). */
  readonly subscriber: Redis;
  /** Key prefix of this gateway's keys (one organization, one set of credentials). */
  readonly prefix: string;
  /** True while the command connection is ready. */
  readonly up: boolean;
  /**
   * True while it is ready and no call has failed or timed out for SLOW_HOLD_MS: a slow Redis is answered from
   * local state, so the replica is then on its local fallback even though connected.
   */
  readonly healthy: boolean;
  /** Runs `op` against Redis within the timeout; on any failure (or while down) returns `fallback()`. */
  attempt<T>(what: string, op: (redis: Redis) => Promise<T>, fallback: () => T | Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface RedisLinkOptions {
  url: string;
  timeoutMs: number;
  prefix: string;
  logger: Logger;
}

const connectionOptions = (timeoutMs: number) => ({
  // Fail at once while disconnected instead of queueing: the caller's local fallback answers.
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  commandTimeout: timeoutMs,
  connectTimeout: Math.max(timeoutMs, 1_000),
  // Keep trying to come back, at most every 2 s; shared state resumes as soon as Redis answers again.
  retryStrategy: (times: number) => Math.min(100 * times, 2_000),
  lazyConnect: false,
});

/** How long after a failed or timed-out call the link counts as not healthy (on the local fallback). */
const SLOW_HOLD_MS = 5_000;

/** Connects (in the background: the gateway serves from local state until Redis is ready). */
export function createRedisLink(options: RedisLinkOptions): RedisLink {
  const { logger, timeoutMs } = options;
  const redis = new Redis(options.url, connectionOptions(timeoutMs));
  // ioredis re-subscribes on reconnect; a queue is harmless here (SUBSCRIBE only).
  const subscriber = new Redis(options.url, {
    ...connectionOptions(timeoutMs),
    enableOfflineQueue: true,
    commandTimeout: undefined,
  });
  let up = false;
  let failedAt = Number.NEGATIVE_INFINITY;
  // Transitions only: a Redis outage is one warning, not one per request.
  redis.on('ready', () => {
    if (!up) logger.info('redis: connected, using shared state');
    up = true;
  });
  const down = (error?: Error): void => {
    if (up) logger.warn('redis: unavailable, serving with local state', error ? { error: error.message } : {});
    up = false;
  };
  redis.on('close', () => down());
  redis.on('error', (error: Error) => down(error));
  subscriber.on('error', () => undefined);

  return {
    redis,
    subscriber,
    prefix: options.prefix,
    get up() {
      return up && redis.status === 'ready';
    },
    get healthy() {
      return up && redis.status === 'ready' && Date.now() - failedAt > SLOW_HOLD_MS;
    },
    async attempt(what, op, fallback) {
      if (!up || redis.status !== 'ready') return fallback();
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          op(redis),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`redis ${what} timed out after ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
      } catch (error) {
        failedAt = Date.now();
        logger.debug('redis call failed; local state answers', {
          what,
          error: error instanceof Error ? error.message : String(error),
        });
        return fallback();
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}
