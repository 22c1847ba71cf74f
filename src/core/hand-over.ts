/**
 * The hand-over of upstream pages between the GraphQL pages of one paged read (issue 21). A GraphQL page that ends
 * inside an OfficeRnD page, or whose look for one more matching item (core/paging.ts `more`) read the next one,
 * leaves that page here; the request that resumes in it (with the page's `endCursor`) starts from it instead of
 * reading it again, since OfficeRnD's cursors only resume at a page boundary (§3). Without it, paging a
 * window to the end reads one OfficeRnD page twice per GraphQL page.
 *
 * Per gateway instance, in memory; keyed by the API key's identity, the cursor's query scope and the page's start
 * (with its sub-window and cut points when the read is split: the pages a split page read ahead wait here too, a
 * list's items or a `report(...)`'s rows).
 * A miss (another replica, expired, evicted, taken by another request) only means the page is read from OfficeRnD,
 * as without the hand-over: nothing the answer says depends on it. Bounded: at most HAND_OVER_MAX_PAGES pages and
 * HAND_OVER_MAX_ITEMS items together (least recently left go first), each for HAND_OVER_TTL_MS at most, taken once,
 * and all dropped when a webhook tells of a change.
 */

import type { PageStart, SourcePage } from './paging.ts';

/** Most pages kept (every GraphQL reader paging at once holds one). */
export const HAND_OVER_MAX_PAGES = 100;
/** Most items (or report rows) kept across those pages: about 50 OfficeRnD pages of 100. */
export const HAND_OVER_MAX_ITEMS = 5_000;
/** How long a page waits for the request that resumes at it. */
export const HAND_OVER_TTL_MS = 60_000;

/** Where pages wait, per gateway. */
export interface HandOverStore {
  /** A view for one caller (the API key's identity, '' for an open gateway): it only sees its own pages. */
  forCaller(identity: string): PageHandOver;
  /** Pages and items held now. */
  size(): { pages: number; items: number };
  /** Drops every page (a verified OfficeRnD change: the next pages are read afresh). */
  clear(): void;
}

/** What a request sees of the store: pages of its own caller, by the query's cursor scope and the page's start. */
export interface PageHandOver {
  /** The page left at `at` for the query with cursor scope `scope`, removed from the store; undefined on a miss. */
  take<T>(scope: string, at: PageStart): SourcePage<T> | undefined;
  /** Leaves a whole upstream page for the request that resumes at its start. */
  put<T>(scope: string, page: SourcePage<T>): void;
}

export interface HandOverOptions {
  maxPages?: number;
  maxItems?: number;
  ttlMs?: number;
  /** Milliseconds now (tests pin it); default Date.now. */
  now?: () => number;
}

interface Held {
  page: SourcePage<unknown>;
  items: number;
  until: number;
}

// A page of a split read (core/sub-windows.ts) is also keyed by its sub-window and the split it belongs to (not by
// `before`, which the position of a page read at the same place always says alike).
const keyOf = (identity: string, scope: string, at: PageStart): string =>
  JSON.stringify([
    identity,
    scope,
    at.segment,
    at.upstream,
    at.optional ?? null,
    ...(at.split ? [at.split.field, at.split.sub, at.split.points] : []),
  ]);

/** Creates one gateway's hand-over store (bounded LRU with a TTL). */
export function createHandOver(options: HandOverOptions = {}): HandOverStore {
  const maxPages = options.maxPages ?? HAND_OVER_MAX_PAGES;
  const maxItems = options.maxItems ?? HAND_OVER_MAX_ITEMS;
  const ttlMs = options.ttlMs ?? HAND_OVER_TTL_MS;
  const now = options.now ?? Date.now;
  // Insertion order is the eviction order: a page put again moves to the end.
  const held = new Map<string, Held>();
  let items = 0;
  const drop = (key: string, entry: Held) => {
    held.delete(key);
    items -= entry.items;
  };
  const put = (key: string, page: SourcePage<unknown>) => {
    const old = held.get(key);
    if (old) drop(key, old);
    const count = page.items.length;
    if (count > maxItems || maxPages === 0) return;
    const time = now();
    held.set(key, { page, items: count, until: time + ttlMs });
    items += count;
    for (const [oldest, entry] of held) {
      if (held.size <= maxPages && items <= maxItems && entry.until > time) break;
      drop(oldest, entry);
    }
  };
  const take = (key: string): SourcePage<unknown> | undefined => {
    const entry = held.get(key);
    if (!entry) return undefined;
    drop(key, entry);
    return entry.until > now() ? entry.page : undefined;
  };
  return {
    forCaller: (identity) => ({
      take: <T>(scope: string, at: PageStart) => take(keyOf(identity, scope, at)) as SourcePage<T> | undefined,
      put: <T>(scope: string, page: SourcePage<T>) => put(keyOf(identity, scope, page.at), page),
    }),
    size: () => ({ pages: held.size, items }),
    clear: () => {
      held.clear();
      items = 0;
    },
  };
}
