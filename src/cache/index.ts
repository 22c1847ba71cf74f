/**
 * Caching (issue 17): GraphQL answers and exports, per API key, each for the TTL of the data it holds, and
 * dropped when an OfficeRnD webhook says that data changed. Off unless RESPONSE_CACHE=true.
 */

import { createInMemoryCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { CacheSettings } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { EventBus } from '../webhooks/events.ts';
import { createMemoryExportCache, useExportCache, type ExportCache } from './export-cache.ts';
import { typenamesOfCollection } from './policy.ts';
import { graphqlCachePlugins } from './response-cache.ts';

export { createMemoryExportCache, type CachedExport, type ExportCache } from './export-cache.ts';

export interface Caches {
  graphql: Cache;
  exports: ExportCache;
}

/** The caches of one process (the default when REDIS_URL is unset). */
export function createMemoryCaches(settings: CacheSettings): Caches {
  return {
    graphql: createInMemoryCache({ max: settings.maxEntries }),
    exports: createMemoryExportCache({ maxEntries: settings.maxEntries, maxBytes: settings.exportMaxBytes * 4 }),
  };
}

export interface CachingOptions {
  settings: CacheSettings;
  caches: Caches;
  events: EventBus;
  logger: Logger;
  graphqlEndpoint: string;
  clock?: () => number;
}

/**
 * Subscribes the caches to the event bus: a change to an object drops every cached answer that holds an object of
 * its type (the object itself, lists of its collection, anything joined to one) and every export that reads its
 * collection. Returns the unsubscribe function.
 */
export function invalidateOnEvents(options: Pick<CachingOptions, 'caches' | 'events' | 'logger'>): () => void {
  const { caches, logger } = options;
  return options.events.subscribe((event) => {
    if (event.collection === null) return;
    const collection = event.collection;
    const entities = typenamesOfCollection(collection).map((typename) => ({ typename }));
    Promise.all([caches.graphql.invalidate(entities), caches.exports.invalidate([collection])]).catch(
      (error: unknown) => logger.warn('cache invalidation failed', { collection, error }),
    );
  });
}

/** The Yoga plugins of the GraphQL cache (put after the access checks). */
export function useGraphQLCache(options: CachingOptions): Plugin[] {
  return graphqlCachePlugins({
    settings: options.settings,
    cache: options.caches.graphql,
    graphqlEndpoint: options.graphqlEndpoint,
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

/** The export cache: `serve` just before `useReportExports`, `capture` before the compression plugin. */
export function useExportCaching(options: CachingOptions): { serve: Plugin; capture: Plugin } {
  return useExportCache({
    settings: options.settings,
    store: options.caches.exports,
    ...(options.clock ? { clock: options.clock } : {}),
  });
}
