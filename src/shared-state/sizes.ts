/**
 * Collection sizes learnt by one replica, for all (issue 14: sizes known from the start): a hash of sizes, and one
 * short claim per collection so that two replicas starting together do not walk the same collection. The bookings'
 * series reach (core/series-reach.ts, issue 21) is learnt by the same walk of bookings and kept beside the sizes, so
 * the replica that walks bookings learns it for all. While Redis is away every replica learns on its own.
 */

import { randomUUID } from 'node:crypto';
import type { LearntReach } from '../core/series-reach.ts';
import type { FieldDistribution } from '../core/sub-windows.ts';
import type { FarRow, Reach, SeriesReach } from '../dates/report-dates.ts';
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
  const reachKey = `${link.prefix}:series-reach`;
  return {
    readReach: () =>
      link.attempt(
        'series reach read',
        async (redis) => {
          const stored = await redis.get(reachKey);
          return stored === null ? undefined : parseReach(stored);
        },
        () => undefined,
      ),
    writeReach: (learnt) =>
      link.attempt(
        'series reach write',
        async (redis) => {
          await redis.set(reachKey, JSON.stringify(storedReach(learnt)), 'PX', keepMs);
        },
        () => undefined,
      ),
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

/** A learnt reach as stored: its far rows as a list. */
interface StoredReach {
  reach: SeriesReach | null;
  near?: SeriesReach;
  far?: FarRow[] | null;
  seen: string | null;
  spread?: FieldDistribution;
}

function storedReach(learnt: LearntReach): StoredReach {
  return {
    reach: learnt.reach,
    seen: learnt.seen,
    ...(learnt.near ? { near: learnt.near } : {}),
    ...(learnt.far === undefined ? {} : { far: learnt.far === null ? null : [...learnt.far.values()] }),
    ...(learnt.spread ? { spread: learnt.spread } : {}),
  };
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isReach = (value: unknown): value is Reach =>
  typeof value === 'object' && value !== null && isNumber((value as Reach).before) && isNumber((value as Reach).after);
const isSeriesReach = (value: unknown): value is SeriesReach =>
  typeof value === 'object' &&
  value !== null &&
  isReach((value as SeriesReach).start) &&
  isReach((value as SeriesReach).end);
const isFarRow = (value: unknown): value is FarRow =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FarRow).id === 'string' &&
  isNumber((value as FarRow).seriesStart) &&
  ((value as FarRow).start === null || isNumber((value as FarRow).start)) &&
  ((value as FarRow).end === null || isNumber((value as FarRow).end));
const isSpread = (value: unknown): value is FieldDistribution =>
  typeof value === 'object' &&
  value !== null &&
  isNumber((value as FieldDistribution).count) &&
  isNumber((value as FieldDistribution).missing) &&
  Array.isArray((value as FieldDistribution).quantiles) &&
  (value as FieldDistribution).quantiles.every(isNumber);

/** A stored reach, or undefined when it is not one (then this replica learns its own). */
function parseReach(text: string): LearntReach | undefined {
  let value: Partial<StoredReach>;
  try {
    value = JSON.parse(text) as Partial<StoredReach>;
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { reach, near, far, seen, spread } = value;
  if (!(reach === null || isSeriesReach(reach)) || !(seen === null || typeof seen === 'string')) return undefined;
  if (near !== undefined && !isSeriesReach(near)) return undefined;
  if (far !== undefined && far !== null && !(Array.isArray(far) && far.every(isFarRow))) return undefined;
  return {
    reach,
    seen,
    ...(near ? { near } : {}),
    ...(far === undefined ? {} : { far: far === null ? null : new Map(far.map((row) => [row.id, row])) }),
    // A spread that is not one is left out: far rows are then read by id.
    ...(isSpread(spread) ? { spread } : {}),
  };
}
