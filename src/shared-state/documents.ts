/**
 * Persisted documents in Redis: APQ registrations made on one replica are found by the others, and the trusted
 * documents each replica reads at start-up are written to one allow-list in Redis that every replica checks too,
 * so documents deployed with one replica are trusted by all (while Redis is away, each has its own files).
 */

import type { APQStore } from '@graphql-yoga/plugin-apq';
import type { RedisLink } from './redis.ts';

/** Registered hashes are kept a day in Redis, like the local store. */
const DOCUMENT_TTL_MS = 24 * 3_600_000;

/** Redis first, then `local`; registrations go to both. */
export function createSharedDocumentStore(link: RedisLink, local: APQStore): APQStore {
  const key = (hash: string): string => `${link.prefix}:document:${hash}`;
  return {
    async get(hash) {
      const shared = await link.attempt(
        'document get',
        (redis) => redis.get(key(hash)),
        () => null,
      );
      return shared ?? local.get(hash);
    },
    async set(hash, query) {
      await local.set(hash, query);
      await link.attempt(
        'document set',
        async (redis) => void (await redis.set(key(hash), query, 'PX', DOCUMENT_TTL_MS)),
        () => undefined,
      );
    },
  };
}

const trustedKey = (link: RedisLink): string => `${link.prefix}:trusted-documents`;

/** Looks a document hash up in the cluster's allow-list; null when absent or when Redis is away. */
export function sharedTrustedLookup(link: RedisLink): (hash: string) => Promise<string | null> {
  return (hash) =>
    link.attempt(
      'trusted document',
      (redis) => redis.hget(trustedKey(link), hash),
      () => null,
    );
}

/** Adds this replica's trusted documents (hash → text) to the cluster's allow-list, again after each reconnection. */
export async function publishTrustedDocuments(link: RedisLink, byHash: ReadonlyMap<string, string>): Promise<void> {
  if (byHash.size === 0) return;
  // Again whenever Redis (re)connects: it may have restarted empty.
  link.redis.on('ready', () => void write());
  const write = () =>
    link.attempt(
      'trusted documents',
      async (redis) => {
        const multi = redis.multi();
        for (const [hash, text] of byHash) multi.hset(trustedKey(link), hash, text);
        await multi.exec();
      },
      () => undefined,
    );
  await write();
}
