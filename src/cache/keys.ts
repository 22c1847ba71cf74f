/** Who a cached answer belongs to, and whether a request may be answered from the cache. */

import { createHash } from 'node:crypto';
import { presentedKey } from '../security/api-keys.ts';

/**
 * The cache scope of a request: a digest of its API key (never the key itself: cache keys reach Redis and logs),
 * or null when it presents none (an open gateway: one shared scope).
 */
export function sessionOf(request: Request): string | null {
  const key = presentedKey(request.headers);
  return key === null ? null : createHash('sha256').update(`officernd-graphql:${key}`).digest('hex').slice(0, 32);
}

/** `Cache-Control: no-cache` (or `no-store`, or `Pragma: no-cache`): answer from OfficeRnD, not from the cache. */
export function bypassesCache(request: Request): boolean {
  const control = request.headers.get('cache-control')?.toLowerCase() ?? '';
  if (/(?:^|,)\s*no-(?:cache|store)\b/.test(control)) return true;
  return (request.headers.get('pragma') ?? '').toLowerCase().includes('no-cache');
}

/**
 * `private, max-age=N` for an answer scoped to an API key (only the caller's own cache may keep it); `public` on an
 * open gateway, where every caller gets the same answer and a shared HTTP cache in front may keep it too.
 */
export function cacheControlFor(request: Request, seconds: number): string {
  const scope = sessionOf(request) === null ? 'public' : 'private';
  return `${scope}, max-age=${Math.max(0, Math.ceil(seconds))}`;
}
