/**
 * Reading list pages and walking cursors. Tolerant of both documented readings
 * (shared/officernd-api.md §3): a v1 bare array with the cursor in the `rnd-cursor-next`
 * header, or a v2 envelope `{results, cursorNext}`; a missing, null or empty cursor ends the walk.
 */

import { V1_PAGE_LIMIT } from './collections.ts';
import { OfficeRnDError } from './errors.ts';

export interface Page<T> {
  items: T[];
  /** Cursor of the next page, null on the last page. */
  next: string | null;
  /** Cursor of the previous page, null on the first page. */
  prev: string | null;
  /** Whether the query's optional filters were sent for this page (ListQuery.optional); absent when it had none. */
  optionalSent?: boolean;
}

type WireObject = Record<string, unknown>;

/** Reads one list response into a page; null when the body is neither an array nor an envelope. */
export function readPage(body: unknown, headers: Headers): Page<WireObject> | null {
  let items: unknown;
  let bodyNext: unknown;
  let bodyPrev: unknown;
  if (Array.isArray(body)) {
    items = body;
  } else if (isObject(body) && Array.isArray(body.results)) {
    items = body.results;
    bodyNext = body.cursorNext;
    bodyPrev = body.cursorPrev;
  } else {
    return null;
  }
  if (!Array.isArray(items) || !items.every(isObject)) return null;
  // Headers.get is case-insensitive, so any casing of `rnd-cursor-next` is found (§11.3).
  return {
    items,
    next: cursorOf(headers.get('rnd-cursor-next')) ?? cursorOf(bodyNext),
    prev: cursorOf(headers.get('rnd-cursor-prev')) ?? cursorOf(bodyPrev),
  };
}

/** Gives items keyed only by `id` (v1 resource types, §6.18) an `_id` too; others are left as they came. */
export function withIds(items: WireObject[]): WireObject[] {
  return items.map((item) => {
    if (typeof item._id === 'string') return item;
    const id = item.id;
    return typeof id === 'string' || typeof id === 'number' ? { _id: String(id), ...item } : item;
  });
}

export interface WalkOptions {
  /** Stop once this many items were read (the last request asks only for what is missing). */
  max?: number;
  /** Start from this cursor instead of the first page. */
  cursor?: string | null;
  pageSize?: number;
  /** The list's path (`/organizations/{org}/{collection}`), named by a CursorLoopError. */
  path?: string;
}

/**
 * Thrown when the upstream hands back a cursor it already gave (or the one the walk started from): walking on would
 * never end, or read pages twice. The list cannot be read completely: UPSTREAM_INVALID_DATA.
 */
export class CursorLoopError extends OfficeRnDError {
  constructor(
    readonly cursor: string,
    path = '',
  ) {
    super({
      code: 'UPSTREAM_INVALID_DATA',
      method: 'GET',
      path,
      status: 200,
      detail: 'with a page cursor OfficeRnD had already returned; stopped to avoid an endless or repeated page walk',
    });
    this.name = 'CursorLoopError';
  }
}

/**
 * Follows `next` cursors from the first page (or `cursor`) until the last page or `max` items.
 * `fetchPage(cursor, limit)` does one request; `limit` is ≤ the v1 page size (§3).
 */
export async function* walkPages<T>(
  fetchPage: (cursor: string | null, limit: number) => Promise<Page<T>>,
  options: WalkOptions = {},
): AsyncGenerator<Page<T>, void, undefined> {
  const pageSize = Math.min(options.pageSize ?? V1_PAGE_LIMIT, V1_PAGE_LIMIT);
  let cursor = options.cursor ?? null;
  const seenCursors = new Set<string>(cursor === null ? [] : [cursor]);
  let read = 0;
  for (;;) {
    const wanted = options.max === undefined ? pageSize : Math.min(pageSize, options.max - read);
    if (wanted <= 0) return;
    const page = await fetchPage(cursor, wanted);
    read += page.items.length;
    yield page;
    if (page.next === null) return;
    if (seenCursors.has(page.next)) throw new CursorLoopError(page.next, options.path);
    seenCursors.add(page.next);
    cursor = page.next;
  }
}

/** Collects a walk into at most `max` items; `complete` is false whenever more may exist upstream. */
export async function collect<T>(
  pages: AsyncIterable<Page<T>>,
  max: number,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let complete = false;
  for await (const page of pages) {
    items.push(...page.items);
    complete = page.next === null;
  }
  if (items.length > max) return { items: items.slice(0, max), complete: false };
  return { items, complete };
}

function cursorOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function isObject(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
