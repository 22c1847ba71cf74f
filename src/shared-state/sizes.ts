/**
 * Collection sizes learnt by one replica, for all (issue 14: sizes known from the start): a hash of sizes, and one
 * short claim per collection so that two replicas starting together do not walk the same collection. While Redis is
 * away every replica learns on its own.
 */

import { randomUUID } from 'node:crypto';
import type { SharedSizes } from '../loaders/collection-sizes.ts';
import type { ListCollection } from '../officernd/collections.ts';
import type { RedisLink } from './redis.ts';

export interface SharedSizesOptions {
  /** How long learnt sizes are kept (then the next replica to start learns them again); default 6 h. */
  keepMs?: number;
  /** How long one replica's claim on a collection lasts: its walk's time at the background pace; default 10 min. */
  claimMs?: number;
}

export function createSharedSizes(link: RedisLink, options: SharedSizesOptions = {}): SharedSizes {
  const key = `${link.prefix}:sizes`;
  const keepMs = options.keepMs ?? 6 * 3_600_000;
  const claimMs = options.claimMs ?? 600_000;
  const owner = randomUUID();
  return {
    read: () =>
      link.attempt(
        'sizes read',
        async (redis) => {
          const stored = await redis.hgetall(key);
          const sizes: Partial<Record<ListCollection, number>> = {};
          for (const [collection, value] of Object.entries(stored)) {
            const size = Number(value);
            if (Number.isInteger(size) && size >= 0) sizes[collection as ListCollection] = size;
          }
          return sizes;
        },
        () => ({}),
      ),
    write: (collection, size) =>
      link.attempt(
        'sizes write',
        async (redis) => {
          await redis.multi().hset(key, collection, String(size)).pexpire(key, keepMs).exec();
        },
        () => undefined,
      ),
    // Redis away: every replica walks for itself (true).
    claim: (collection) =>
      link.attempt(
        'sizes claim',
        async (redis) => (await redis.set(`${key}-claim:${collection}`, owner, 'PX', claimMs, 'NX')) === 'OK',
        () => true,
      ),
  };
}
