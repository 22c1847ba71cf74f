/**
 * Exports (`GET /reports/{report}.{format}`) cached by URL and API key. A hit is answered before any upstream call,
 * with ETag/304; a miss streams exactly as before (page by page, under backpressure) while a copy of the bytes is
 * kept, and stored only when the export ended complete and within RESPONSE_CACHE_EXPORT_MAX_BYTES.
 */

import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { CacheSettings } from '../config.ts';
import type { ListCollection } from '../officernd/collections.ts';
import { REPORTS_PATH } from '../reports/http.ts';
import { isReportName, type ReportName } from '../reports/registry.ts';
import { bypassesCache, cacheControlFor, sessionOf } from './keys.ts';
import { reportCollections, reportTtlSeconds } from './policy.ts';

export interface CachedExport {
  body: Uint8Array;
  contentType: string;
  disposition: string | null;
  etag: string;
  /** ms epoch. */
  expiresAt: number;
  collections: readonly ListCollection[];
}

/** Where exports are kept: this process (createMemoryExportCache) or Redis (shared-state/). */
export interface ExportCache {
  get(key: string): Promise<CachedExport | null>;
  set(key: string, entry: CachedExport): Promise<void>;
  /** Drops every export that reads one of these collections. */
  invalidate(collections: readonly ListCollection[]): Promise<void>;
}

/** Exports kept in this process: at most `maxEntries`, at most `maxBytes` in all; the oldest go first. */
export function createMemoryExportCache(options: {
  maxEntries: number;
  maxBytes: number;
  clock?: () => number;
}): ExportCache {
  const clock = options.clock ?? Date.now;
  const entries = new Map<string, CachedExport>();
  let bytes = 0;
  const drop = (key: string): void => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.byteLength;
  };
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= clock()) {
        drop(key);
        return null;
      }
      // Most recently used last: Map order is the eviction order.
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    async set(key, entry) {
      drop(key);
      if (entry.body.byteLength > options.maxBytes) return;
      entries.set(key, entry);
      bytes += entry.body.byteLength;
      for (const oldest of entries.keys()) {
        if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
        drop(oldest);
      }
    },
    async invalidate(collections) {
      for (const [key, entry] of entries) {
        if (entry.collections.some((c) => collections.includes(c))) drop(key);
      }
    },
  };
}

const EXPORT_PATH = /^\/reports\/([^/]+)\.([A-Za-z0-9]+)$/;

/** The cache key of an export request: scope, then the URL's path and query exactly as sent. */
export function exportKey(request: Request, url: URL): string {
  return createHash('sha256')
    .update(`${sessionOf(request) ?? 'open'}\n${url.pathname}${url.search}`)
    .digest('hex');
}

interface Pending {
  key: string;
  name: ReportName;
  ttlS: number;
  /** The transfer was cut short (a failure mid-stream). */
  cut: boolean;
  /** Whether the response's socket has ended before its body did (Node's server only). */
  ended?: () => boolean;
}

export interface ExportCacheOptions {
  settings: CacheSettings;
  store: ExportCache;
  clock?: () => number;
}

/**
 * Two Yoga plugins over one state: `serve` answers hits (put it after the access checks, just before
 * `useReportExports`); `capture` copies a miss while it streams, so it must see the body before any plugin that
 * re-encodes it (before the compression plugin: Yoga runs `onResponse` hooks in plugin order).
 */
export function useExportCache(options: ExportCacheOptions): { serve: Plugin; capture: Plugin } {
  const { settings, store } = options;
  const clock = options.clock ?? Date.now;
  const pending = new WeakMap<Request, Pending>();
  const serve: Plugin = {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' || !url.pathname.startsWith(`${REPORTS_PATH}/`)) return;
      const name = EXPORT_PATH.exec(url.pathname)?.[1];
      if (name === undefined || !isReportName(name)) return;
      const ttlS = reportTtlSeconds(settings, name);
      if (ttlS <= 0 || bypassesCache(request)) return;
      const key = exportKey(request, url);
      const hit = await store.get(key);
      if (hit === null) {
        pending.set(request, { key, name, ttlS, cut: false });
        return;
      }
      const headers: Record<string, string> = {
        etag: hit.etag,
        'cache-control': cacheControlFor(request, (hit.expiresAt - clock()) / 1000),
        'x-content-type-options': 'nosniff',
        'x-cache': 'HIT',
      };
      if (request.headers.get('if-none-match') === hit.etag) {
        endResponse(new Response(null, { status: 304, headers }));
        return;
      }
      headers['content-type'] = hit.contentType;
      if (hit.disposition) headers['content-disposition'] = hit.disposition;
      endResponse(new Response(hit.body as Uint8Array<ArrayBuffer>, { status: 200, headers }));
    },
    onResponse({ request, serverContext }) {
      const miss = pending.get(request);
      if (miss) watchForCut(serverContext, miss);
    },
  };
  const capture: Plugin = {
    onResponse({ request, response, setResponse }) {
      const miss = pending.get(request);
      if (!miss || response.status !== 200 || !response.body || response.headers.has('content-encoding')) return;
      const headers = new Headers(response.headers);
      headers.set('cache-control', cacheControlFor(request, miss.ttlS));
      headers.set('x-cache', 'MISS');
      const startedAt = clock();
      const chunks: Uint8Array[] = [];
      let size = 0;
      let keep = settings.exportMaxBytes > 0;
      const copy = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          controller.enqueue(chunk);
          if (!keep) return;
          size += chunk.byteLength;
          if (size > settings.exportMaxBytes) {
            keep = false;
            chunks.length = 0;
          } else {
            chunks.push(chunk);
          }
        },
        async flush() {
          pending.delete(request);
          // A failure mid-stream ends the transfer early (reports/http.ts `truncate`): never keep that copy.
          if (!keep || miss.cut || miss.ended?.()) return;
          const body = Buffer.concat(chunks);
          chunks.length = 0;
          await store
            .set(miss.key, {
              body,
              contentType: response.headers.get('content-type') ?? 'application/octet-stream',
              disposition: response.headers.get('content-disposition'),
              etag: `"${createHash('sha256').update(body).digest('base64url')}"`,
              expiresAt: startedAt + miss.ttlS * 1000,
              collections: reportCollections(miss.name),
            })
            .catch(() => undefined);
        },
      });
      setResponse(new Response(response.body.pipeThrough(copy), { status: 200, headers }));
    },
  };
  return { serve, capture };
}

/**
 * On Node's HTTP server an export cut short after an upstream failure ends its socket with `destroySoon`
 * (reports/http.ts), then closes its body stream as if complete: the call is noted, and the socket reads as ended
 * (also when the compression plugin defers the real call), so the copy is dropped. Elsewhere (in-process fetch) the
 * body stream errors instead, and the copy is never stored.
 */
function watchForCut(serverContext: unknown, miss: Pending): void {
  type Socket = { destroySoon?: () => void; writableEnded?: boolean; destroyed?: boolean };
  const socket = (serverContext as { res?: { socket?: Socket | null } } | null)?.res?.socket;
  if (!socket || typeof socket.destroySoon !== 'function') return;
  const inner = socket.destroySoon;
  socket.destroySoon = function (this: unknown) {
    miss.cut = true;
    return inner.call(this);
  };
  miss.ended = () => socket.writableEnded === true || socket.destroyed === true;
}
