/**
 * v1 cursor paging (shared/officernd-api.md §3): `$limit` (default and max 100), `$next` / `$prev`
 * sent back from the `rnd-cursor-next` / `rnd-cursor-prev` response headers.
 * Cursors are opaque to clients: base64url JSON of the page boundary and a hash of the query
 * they belong to, so a cursor replayed against another filter set is refused.
 */

import { createHash } from 'node:crypto';
import { badRequest } from './http.ts';
import { V1_PAGE_LIMIT } from './model.ts';

export type CursorDirection = 'next' | 'prev';

export interface PageRequest {
  limit: number;
  /** Where the page starts (`next`) or ends (`prev`, exclusive); null on the first page. */
  cursor: { direction: CursorDirection; offset: number } | null;
}

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

interface CursorPayload {
  d: 'n' | 'p';
  o: number;
  q: string;
}

export const NEXT_HEADER = 'rnd-cursor-next';
export const PREV_HEADER = 'rnd-cursor-prev';

/** A short stable hash of the query a cursor is bound to (collection + canonical filters). */
export function queryHash(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 16);
}

const encodeCursor = (payload: CursorPayload): string => Buffer.from(JSON.stringify(payload)).toString('base64url');

function decodeCursor(token: string, param: string, hash: string): CursorPayload {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest(`Invalid cursor in ${param}`);
  }
  if (
    typeof payload !== 'object' ||
    payload === null ||
    !('d' in payload && 'o' in payload && 'q' in payload) ||
    (payload.d !== 'n' && payload.d !== 'p') ||
    typeof payload.o !== 'number' ||
    !Number.isSafeInteger(payload.o) ||
    payload.o < 0 ||
    typeof payload.q !== 'string'
  ) {
    throw badRequest(`Invalid cursor in ${param}`);
  }
  if ((payload.d === 'n') !== (param === '$next')) throw badRequest(`Cursor in ${param} is not a ${param} cursor`);
  if (payload.q !== hash) throw badRequest(`Cursor in ${param} was issued for a different query`);
  return { d: payload.d, o: payload.o, q: payload.q };
}

/**
 * Reads `$limit`, `$next`, `$prev`. §3: default 100 and "cannot be exceeded" — larger values are
 * clamped (the doc's "assume clamp"); non-numeric, zero or negative values are refused.
 */
export function parsePaging(params: URLSearchParams, hash: string, limitRequired = false): PageRequest {
  const rawLimit = params.get('$limit');
  let limit = V1_PAGE_LIMIT;
  if (rawLimit === null) {
    if (limitRequired) throw badRequest('Missing required parameter: $limit');
  } else {
    if (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1) throw badRequest('$limit must be a positive integer');
    limit = Math.min(Number(rawLimit), V1_PAGE_LIMIT);
  }
  const next = params.get('$next');
  const prev = params.get('$prev');
  if (next !== null && prev !== null) throw badRequest('$next and $prev cannot be combined');
  if (next !== null) return { limit, cursor: { direction: 'next', offset: decodeCursor(next, '$next', hash).o } };
  if (prev !== null) return { limit, cursor: { direction: 'prev', offset: decodeCursor(prev, '$prev', hash).o } };
  return { limit, cursor: null };
}

/** Cuts one page out of the (filtered, ordered) items and sets the cursor headers (§3). */
export function pageOf<T>(items: readonly T[], request: PageRequest, hash: string): Page<T> {
  const { limit, cursor } = request;
  if (cursor && cursor.offset > items.length) throw badRequest('Cursor is out of range');
  // A `prev` cursor marks where the following page started, so the previous page ends there.
  const start = cursor?.direction === 'prev' ? Math.max(0, cursor.offset - limit) : (cursor?.offset ?? 0);
  const end = Math.min(items.length, cursor?.direction === 'prev' ? cursor.offset : start + limit);
  const headers: Record<string, string> = {};
  // §3: the next cursor is absent on the last page; the prev cursor appears from page 2 on.
  if (end < items.length) headers[NEXT_HEADER] = encodeCursor({ d: 'n', o: end, q: hash });
  if (start > 0) headers[PREV_HEADER] = encodeCursor({ d: 'p', o: start, q: hash });
  return { items: items.slice(start, end), headers };
}
