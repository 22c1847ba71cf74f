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
    ownEtagsOnly(graphqlEndpoint),
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

/** The entity tags an If-None-Match lists, without weak prefixes and quotes (RFC 9110 §13.1.2 compares weakly). */
function listedTags(header: string): string[] {
  return header
    .split(',')
    .map((tag) =>
      tag
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    )
    .filter((tag) => tag !== '');
}

/** The operation a GraphQL request carries (GET parameters or a JSON body), or null when it cannot be read here. */
async function operationOf(
  request: Request,
): Promise<{ query: string; variables: Record<string, unknown> | null; operationName?: string } | null> {
  try {
    if (request.method === 'GET') {
      const params = new URL(request.url).searchParams;
      const variables = params.get('variables');
      return {
        query: params.get('query') ?? '',
        variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : null,
        ...(params.get('operationName') ? { operationName: params.get('operationName') ?? '' } : {}),
      };
    }
    if (!(request.headers.get('content-type') ?? '').includes('json')) return null;
    const body = (await request.clone().json()) as Record<string, unknown>;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
    return {
      query: typeof body.query === 'string' ? body.query : '',
      variables: (body.variables as Record<string, unknown> | null | undefined) ?? null,
      ...(typeof body.operationName === 'string' ? { operationName: body.operationName } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * Yoga's response cache answers 304 to any If-None-Match that names a cached answer, whichever query or API key it
 * belongs to (its ETag is the cache key, looked up before the request is read). This runs first and keeps the
 * header only when it lists the key of this very request (its operation, variables and API key), so another
 * query's or another key's tag gets the full answer.
 */
function ownEtagsOnly(graphqlEndpoint: string): Plugin {
  return {
    async onRequest({ request, url }) {
      const header = request.headers.get('if-none-match');
      if (header === null || url.pathname !== graphqlEndpoint) return;
      const operation = await operationOf(request);
      const own =
        operation &&
        (await defaultBuildResponseCacheKey({
          documentString: operation.query,
          variableValues: operation.variables ?? {},
          ...(operation.operationName ? { operationName: operation.operationName } : {}),
          sessionId: sessionOf(request),
        } as Parameters<typeof defaultBuildResponseCacheKey>[0]));
      if (own && listedTags(header).includes(own)) request.headers.set('if-none-match', own);
      else request.headers.delete('if-none-match');
    },
  };
}
