/**
 * GraphQL answers cached by Yoga's response-cache plugin (Envelop's underneath): per API key, for the shortest TTL
 * of the types in the answer (policy.ts), with ETag/Last-Modified and 304 to `If-None-Match`, skipped for a request
 * with `Cache-Control: no-cache`, and a `Cache-Control` header on every GraphQL answer saying what the client may keep.
 */

import { defaultBuildResponseCacheKey } from '@envelop/response-cache';
import { useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { CacheSettings } from '../config.ts';
import { bypassesCache, cacheControlFor, sessionOf } from './keys.ts';
import { ttlPerSchemaCoordinate } from './policy.ts';

/** The exact expiry (ms) kept with a cached answer, turned into `max-age` and never sent. */
const EXPIRES_AT = 'x-officernd-graphql-expires-at';

export interface GraphQLCacheOptions {
  settings: CacheSettings;
  cache: Cache;
  graphqlEndpoint: string;
  clock?: () => number;
}

/** The response cache and the headers that go with it. */
export function graphqlCachePlugins(options: GraphQLCacheOptions): Plugin[] {
  const { settings, cache, graphqlEndpoint } = options;
  const clock = options.clock ?? Date.now;
  // The TTL Envelop settles on reaches shouldCacheResult only through the cache key of the same request.
  const keyOfContext = new WeakMap<object, string>();
  const ttlOfKey = new Map<string, number>();
  return [
    useResponseCache({
      cache,
      session: (request) => sessionOf(request),
      enabled: (request) => !bypassesCache(request),
      ttl: settings.ttlDefaultS * 1000,
      ttlPerSchemaCoordinate: ttlPerSchemaCoordinate(settings),
      // Read-only schema: nothing to invalidate by mutation; webhooks invalidate (index.ts).
      invalidateViaMutation: false,
      includeExtensionMetadata: false,
      buildResponseCacheKey: async (params) => {
        const key = await defaultBuildResponseCacheKey(params);
        keyOfContext.set(params.context as object, key);
        return key;
      },
      onTtl: ({ ttl, context }) => {
        const key = keyOfContext.get(context as object);
        // Read back by shouldCacheResult at once; bounded in case an answer never gets there.
        if (ttlOfKey.size >= 10_000) ttlOfKey.clear();
        if (key !== undefined) ttlOfKey.set(key, ttl);
        return ttl;
      },
      shouldCacheResult: ({ cacheKey, result }) => {
        const ttl = ttlOfKey.get(cacheKey);
        ttlOfKey.delete(cacheKey);
        if (result.errors?.length || ttl === undefined || ttl <= 0 || !Number.isFinite(ttl)) return false;
        // Kept with the answer, so a hit can say how long it still has.
        const extensions = (result.extensions ??= {}) as { http?: { headers?: Record<string, string> } };
        const headers = ((extensions.http ??= {}).headers ??= {});
        const expiresAt = clock() + ttl;
        headers.Expires = new Date(expiresAt).toUTCString();
        headers[EXPIRES_AT] = String(expiresAt);
        return true;
      },
    }),
    {
      onResponse({ request, response }) {
        if (new URL(request.url).pathname !== graphqlEndpoint) return;
        if (response.status === 304) return;
        const expiresAt = Number(response.headers.get(EXPIRES_AT) ?? Number.NaN);
        response.headers.delete(EXPIRES_AT);
        // Not cached (errors, bypass, a TTL of 0): nobody should keep it.
        if (!response.headers.has('etag') || !Number.isFinite(expiresAt)) {
          if ((response.headers.get('content-type') ?? '').includes('json'))
            response.headers.set('cache-control', 'no-store');
          return;
        }
        response.headers.set('cache-control', cacheControlFor(request, (expiresAt - clock()) / 1000));
      },
    },
  ];
}
