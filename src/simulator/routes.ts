/**
 * Route matching for the v1 API under `/api/v1/organizations/{org}/…` (shared/officernd-api.md §2),
 * over the collections of the simulator's model (model.ts, §6) and the by-id routes of §8.
 */

import { CREDIT_STATS_PATH, OCCURRENCES_PATH, V1_BY_ID, V1_COLLECTIONS, type V1Collection } from './model.ts';
import type { V2Route } from './v2.ts';
import { V2_BY_ID, V2_COIN_STATS_PATH, V2_LISTS, V2_OCCURRENCES_PATH, type V2List } from './v2-model.ts';

type ListCollection = V1Collection;

export const API_ROOT = '/api/v1';
export const ORG_PREFIX = `${API_ROOT}/organizations/`;
export const TOKEN_PATH = '/oauth/token';
/** §2: the Flex API (v2) root. */
export const API_V2_ROOT = '/api/v2';
export const V2_ORG_PREFIX = `${API_V2_ROOT}/organizations/`;

export type ApiRoute =
  | { kind: 'list'; collection: ListCollection }
  | { kind: 'by-id'; collection: ListCollection; id: string }
  | { kind: 'occurrences' }
  | { kind: 'credit-stats' };

export interface ApiPath {
  org: string;
  /** null when no route matches (the API answers `404 Cannot GET …`). */
  route: ApiRoute | null;
}

const isListCollection = (segment: string): segment is ListCollection =>
  (V1_COLLECTIONS as readonly string[]).includes(segment);

function matchRoute(segments: readonly string[]): ApiRoute | null {
  const [first, second, ...rest] = segments;
  if (first === undefined || rest.length > 0) return null;
  const joined = second === undefined ? first : `${first}/${second}`;
  if (joined === OCCURRENCES_PATH) return { kind: 'occurrences' };
  if (joined === CREDIT_STATS_PATH) return { kind: 'credit-stats' };
  if (!isListCollection(first)) return null;
  if (second === undefined) return { kind: 'list', collection: first };
  // §8: v1 serves GET /{collection}/{id} only for some collections.
  return V1_BY_ID.has(first) ? { kind: 'by-id', collection: first, id: second } : null;
}

/** Splits an API path into org slug and route; null when the path is not under `/api/v1/organizations/`. */
export function parseApiPath(pathname: string): ApiPath | null {
  if (!pathname.startsWith(ORG_PREFIX)) return null;
  let segments: string[];
  try {
    segments = pathname.slice(ORG_PREFIX.length).split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
  // Tolerate one trailing slash, as Express's default (non-strict) routing does.
  if (segments.length > 1 && segments.at(-1) === '') segments.pop();
  const [org, ...rest] = segments;
  if (!org) return null;
  return { org, route: matchRoute(rest) };
}

/** The log's `collection` of a route: the v1 path below the org (`members`, `bookings/occurrences`). */
export function routeCollection(route: ApiRoute | null): string | null {
  if (route === null) return null;
  if (route.kind === 'occurrences') return OCCURRENCES_PATH;
  if (route.kind === 'credit-stats') return CREDIT_STATS_PATH;
  return route.collection;
}

function matchV2Route(segments: readonly string[]): V2Route | null {
  const [first, second, ...rest] = segments;
  if (first === undefined || rest.length > 0) return null;
  const joined = second === undefined ? first : `${first}/${second}`;
  if (joined === V2_OCCURRENCES_PATH) return { kind: 'occurrences' };
  if (joined === V2_COIN_STATS_PATH) return { kind: 'coin-stats' };
  if (!Object.hasOwn(V2_LISTS, first)) return null;
  const path = first as V2List;
  if (second === undefined) return { kind: 'list', path };
  // §8: v2 serves GET by id only for some collections.
  return V2_BY_ID.has(path) ? { kind: 'by-id', path, id: second } : null;
}

export interface V2ApiPath {
  org: string;
  route: V2Route | null;
}

/** Splits a v2 API path into org slug and route; null when the path is not under `/api/v2/organizations/`. */
export function parseV2ApiPath(pathname: string): V2ApiPath | null {
  if (!pathname.startsWith(V2_ORG_PREFIX)) return null;
  let segments: string[];
  try {
    segments = pathname.slice(V2_ORG_PREFIX.length).split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
  if (segments.length > 1 && segments.at(-1) === '') segments.pop();
  const [org, ...rest] = segments;
  if (!org) return null;
  return { org, route: matchV2Route(rest) };
}

/** The log's `collection` of a v2 route: the v2 path below the org (`locations`, `coins/stats`). */
export function v2RouteCollection(route: V2Route | null): string | null {
  if (route === null) return null;
  if (route.kind === 'occurrences') return V2_OCCURRENCES_PATH;
  if (route.kind === 'coin-stats') return V2_COIN_STATS_PATH;
  return route.path;
}
