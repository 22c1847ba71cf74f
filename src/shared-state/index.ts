/**
 * Shared state of several gateway replicas in Redis (REDIS_URL, issue 17): one OfficeRnD token per cluster, one
 * upstream budget with shared 429 holds, the response and export caches, persisted documents, and webhook events
 * reaching every replica. Every part falls back to the replica's own state while Redis is away, and returns to
 * the shared one when it is back.
 */

import { createHash } from 'node:crypto';
import type { APQStore } from '@graphql-yoga/plugin-apq';
import type { Caches } from '../cache/index.ts';
import type { SharedSizes } from '../loaders/collection-sizes.ts';
import type { Logger } from '../logger.ts';
import type { TokenStore } from '../officernd/token.ts';
import type { EventBus } from '../webhooks/events.ts';
import { createSharedCaches } from './caches.ts';
import { createSharedDocumentStore, publishTrustedDocuments, sharedTrustedLookup } from './documents.ts';
import { bridgeEvents } from './events.ts';
import { createRedisLink, type RedisLink } from './redis.ts';
import { createSharedSizes } from './sizes.ts';
import { createRedisTokenStore } from './token-store.ts';
import { createSharedUpstreamGate, type SharedUpstreamGate } from './upstream-gate.ts';

export { registerSharedStateMetrics } from './metrics.ts';
export { callsPerSecond } from './upstream-gate.ts';

export interface SharedStateOptions {
  url: string;
  timeoutMs: number;
  /** Organization and client id: replicas share state only when they serve the same ones. */
  org: string;
  clientId: string;
  maxRequestsPerMinute: number;
  /** Calls in flight toward OfficeRnD for the whole cluster. */
  maxConcurrency: number;
  /** How long one OfficeRnD request may take (the token lock lives that long and a second; a call's lease 5 s more). */
  tokenTimeoutMs: number;
  logger: Logger;
  /** Between replica heartbeats; default 5 s. */
  heartbeatMs?: number;
}

export interface SharedState {
  readonly link: RedisLink;
  readonly tokenStore: TokenStore;
  readonly upstreamGate: SharedUpstreamGate;
  /** Collection sizes learnt by any replica (each collection walked once for the cluster). */
  readonly sizes: SharedSizes;
  /** Shared caches over the given local ones. */
  caches(local: Caches): Caches;
  /** The shared APQ store over the given local one. */
  documents(local: APQStore): APQStore;
  /** Adds this replica's trusted documents to the cluster's allow-list; returns the lookup of that list. */
  trusted(byHash: ReadonlyMap<string, string>): (hash: string) => Promise<string | null>;
  /** Carries this replica's webhook events to the others, and theirs to this bus. */
  bridge(bus: EventBus): void;
  /** Resolves once Redis is connected, or after `timeoutMs` (then the replica goes on with local state). */
  whenUp(timeoutMs: number): Promise<void>;
  /** For readiness and metrics: whether the shared state is in use now (down: Redis away, or a call failed or timed out in the last 5 s). */
  status(): { redis: 'up' | 'down'; replicas: number };
  close(): Promise<void>;
}

/** The password of a redis://user:password@host URL, for the logger to redact. */
export function redisSecrets(url: string | null): string[] {
  if (url === null) return [];
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? [password] : [];
  } catch {
    return [];
  }
}

/** Connects to Redis (in the background) and builds the shared parts. */
export function createSharedState(options: SharedStateOptions): SharedState {
  // The client id is not a secret, but it need not be readable in Redis either.
  const scope = createHash('sha256').update(`${options.org}\n${options.clientId}`).digest('hex').slice(0, 16);
  const link = createRedisLink({
    url: options.url,
    timeoutMs: options.timeoutMs,
    prefix: `officernd-graphql:${scope}`,
    logger: options.logger,
  });
  const upstreamGate = createSharedUpstreamGate(link, {
    maxRequestsPerMinute: options.maxRequestsPerMinute,
    maxConcurrency: options.maxConcurrency,
    leaseMs: options.tokenTimeoutMs + 5_000,
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
  });
  const stops: (() => void)[] = [];
  return {
    link,
    tokenStore: createRedisTokenStore(link, { lockMs: options.tokenTimeoutMs + 1_000 }),
    upstreamGate,
    sizes: createSharedSizes(link),
    caches: (local) => createSharedCaches(link, local),
    documents: (local) => createSharedDocumentStore(link, local),
    trusted(byHash) {
      void publishTrustedDocuments(link, byHash);
      return sharedTrustedLookup(link);
    },
    bridge: (bus) => void stops.push(bridgeEvents(link, bus, options.logger)),
    async whenUp(timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (!link.up && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    status: () => ({ redis: link.healthy ? 'up' : 'down', replicas: upstreamGate.replicas }),
    async close() {
      for (const stop of stops) stop();
      await upstreamGate.close();
      await link.close();
    },
  };
}
