/**
 * The response and export caches in Redis, shared by every replica, each backed by this process's own cache for the
 * times Redis is away. Keys carry the gateway's prefix; an answer is indexed by the GraphQL types it holds (a set per
 * type, expiring with the longest answer in it), which is what webhook invalidation drops.
 */

import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import type { CachedExport, Caches, ExportCache } from '../cache/index.ts';
import type { ListCollection } from '../officernd/collections.ts';
import type { RedisLink } from './redis.ts';

type Entity = { typename: string; id?: number | string };

/** The GraphQL response cache: Redis first, then `local`; writes and invalidations go to both. */
export function createSharedResponseCache(link: RedisLink, local: Cache): Cache {
  const answerKey = (id: string): string => `${link.prefix}:answer:${id}`;
  const typeKey = (typename: string): string => `${link.prefix}:type:${typename}`;
  return {
    async set(id, data, entities, ttl) {
      // Envelop hands an iterator: read it once for both caches.
      const all: Entity[] = [...entities];
      await local.set(id, data, all, ttl);
      if (!Number.isFinite(ttl) || ttl <= 0) return;
      const typenames = [...new Set(all.map((e) => e.typename))];
      await link.attempt(
        'cache set',
        async (redis) => {
          const multi = redis.multi().set(answerKey(id), JSON.stringify(data), 'PX', Math.ceil(ttl));
          for (const typename of typenames) {
            multi.sadd(typeKey(typename), id);
            // The index lives as long as the longest answer it names (GT: never shortened).
            multi.pexpire(typeKey(typename), Math.ceil(ttl), 'GT');
            multi.pexpire(typeKey(typename), Math.ceil(ttl), 'NX');
          }
          await multi.exec();
        },
        () => undefined,
      );
    },
    async get(id) {
      return link.attempt(
        'cache get',
        async (redis) => {
          const text = await redis.get(answerKey(id));
          return text === null ? null : (JSON.parse(text) as ExecutionResult);
        },
        () => local.get(id),
      );
    },
    async invalidate(entities) {
      const typenames = [...new Set([...entities].map((e) => e.typename))];
      await local.invalidate(typenames.map((typename) => ({ typename })));
      await link.attempt(
        'cache invalidate',
        async (redis) => {
          for (const typename of typenames) {
            const ids = await redis.smembers(typeKey(typename));
            await redis.del(typeKey(typename), ...ids.map(answerKey));
          }
        },
        () => undefined,
      );
    },
  };
}

interface StoredMeta {
  contentType: string;
  disposition: string | null;
  etag: string;
  expiresAt: number;
  collections: ListCollection[];
}

/** The export cache: Redis first, then `local`; writes and invalidations go to both. */
export function createSharedExportCache(
  link: RedisLink,
  local: ExportCache,
  clock: () => number = Date.now,
): ExportCache {
  const bodyKey = (key: string): string => `${link.prefix}:export:${key}:body`;
  const metaKey = (key: string): string => `${link.prefix}:export:${key}:meta`;
  const collectionKey = (c: ListCollection): string => `${link.prefix}:export-collection:${c}`;
  return {
    async get(key) {
      return link.attempt(
        'export get',
        async (redis) => {
          const [meta, body] = await Promise.all([redis.get(metaKey(key)), redis.getBuffer(bodyKey(key))]);
          if (meta === null || body === null) return null;
          const parsed = JSON.parse(meta) as StoredMeta;
          if (parsed.expiresAt <= clock()) return null;
          return { ...parsed, body: new Uint8Array(body) } satisfies CachedExport;
        },
        () => local.get(key),
      );
    },
    async set(key, entry) {
      await local.set(key, entry);
      const ttl = Math.ceil(entry.expiresAt - clock());
      if (ttl <= 0) return;
      const { body, ...meta } = entry;
      await link.attempt(
        'export set',
        async (redis) => {
          const multi = redis
            .multi()
            .set(bodyKey(key), Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'PX', ttl)
            .set(metaKey(key), JSON.stringify(meta), 'PX', ttl);
          for (const c of entry.collections) {
            multi.sadd(collectionKey(c), key);
            multi.pexpire(collectionKey(c), ttl, 'GT');
            multi.pexpire(collectionKey(c), ttl, 'NX');
          }
          await multi.exec();
        },
        () => undefined,
      );
    },
    async invalidate(collections) {
      await local.invalidate(collections);
      await link.attempt(
        'export invalidate',
        async (redis) => {
          for (const c of collections) {
            const keys = await redis.smembers(collectionKey(c));
            await redis.del(collectionKey(c), ...keys.flatMap((k) => [bodyKey(k), metaKey(k)]));
          }
        },
        () => undefined,
      );
    },
  };
}

/** Both caches in Redis over the process's own. */
export function createSharedCaches(link: RedisLink, local: Caches): Caches {
  return {
    graphql: createSharedResponseCache(link, local.graphql),
    exports: createSharedExportCache(link, local.exports),
  };
}
