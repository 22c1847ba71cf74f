/**
 * The one walk planner of the gateway (issue 12): how a set of objects of a collection is read, for the loaders of
 * the graph (loaders/index.ts) and the joins of the exports (reports/joins.ts) alike. Three ways exist:
 * - a walk of the whole collection (its pages, 100 a page on v1, 50 on v2, §3);
 * - lookups by id: one GET per id on v1 (§8: no multi-id filter), one `_id[$in]` call per 50 ids on v2 (§8);
 * - for a collection whose size is not known yet, a probe: a walk bounded to a number of pages.
 * These functions only decide; the callers read. The cost rule (security/cost.ts) can price a plan with the same
 * functions (`lookupCalls`, `walkPagesOf`).
 */

import { MAX_WALK_ITEMS } from '../core/limits.ts';
import { COLLECTIONS, type ListCollection } from '../officernd/collections.ts';
import type { CollectionSizes } from './collection-sizes.ts';

/** What the version being read offers the plans: its page size, and whether it batches lookups by id. */
export interface ReadCosts {
  /** Most items one upstream page holds (§3: 100 on v1, 50 on v2). */
  pageLimit: number;
  /** v2's `_id[$in]` (§8): up to `pageLimit` ids a call. */
  batchesById: boolean;
}

/** The client's read costs (OfficeRnDClient carries both). */
export const readCostsOf = (client: { pageLimit: number; batchesById: boolean }): ReadCosts => ({
  pageLimit: client.pageLimit,
  batchesById: client.batchesById,
});

/** Below this many ids of one collection in a batch, single GETs are always the v1 plan (no probe). */
export const PROBE_AFTER_IDS = 20;

/**
 * What a walk of a collection is taken to cost, in pages, while its size is unknown (and no walk has shown it to be
 * larger): the exports' assumption, 100 pages.
 */
export const WALK_AFTER_IDS = 100;

/** Pages of `items` objects (at least one: an empty list is still a call). */
export const pagesOf = (items: number, costs: ReadCosts): number => Math.max(1, Math.ceil(items / costs.pageLimit));

/** Calls that `ids` distinct lookups by id take: one each on v1, one per `pageLimit` ids on v2 (§8). */
export const lookupCalls = (ids: number, costs: ReadCosts): number =>
  costs.batchesById ? Math.ceil(ids / costs.pageLimit) : ids;

/** How the loaders read a batch of ids of one collection. */
export type ByIdPlan =
  /** The whole collection, read once for the request. */
  | 'walk'
  /** v2: `_id[$in]`, at most `pageLimit` ids a call. */
  | 'batch'
  /** v1, size unknown: a walk of at most `probePages` pages, then single GETs for what it did not reach. */
  | 'probe'
  /** v1: one GET per id. */
  | 'get';

export interface ByIdQuestion {
  collection: ListCollection;
  /** Distinct ids in the batch. */
  ids: number;
  /** This request has read the collection whole already (or is reading it). */
  walked: boolean;
  /** This request has a probe of the collection already. */
  probed: boolean;
  sizes: CollectionSizes;
  costs: ReadCosts;
  /** Fewer ids than this are never worth a probe (PROBE_AFTER_IDS). */
  probeAfterIds: number;
}

/**
 * The loaders' plan for a batch of ids: a catalogue or a walked collection is walked; v2 batches by id (never dearer
 * than a walk: the ids it asks for are at most the collection's size); v1 walks a collection without by-id, walks
 * one whose known pages are fewer than the GETs, probes an unknown one for many ids, and GETs the rest.
 */
export function planById(q: ByIdQuestion): ByIdPlan {
  const spec = COLLECTIONS[q.collection];
  if (spec.catalog || q.walked) return 'walk';
  if (q.costs.batchesById) return 'batch';
  if (!spec.byId || walkIsCheaper(q.collection, q.ids, q.sizes, q.costs)) return 'walk';
  if (q.probed || worthProbing(q.collection, q.ids, probePagesFor(q.ids), q.sizes, q.costs, q.probeAfterIds))
    return 'probe';
  return 'get';
}

/** Pages a by-id probe may read: half as many as there are ids (so it never costs more than the GETs it saves). */
export const probePagesFor = (ids: number): number => Math.ceil(ids / 2);

/** One walk is cheaper than `calls` other calls once the collection's page count is known and smaller. */
export function walkIsCheaper(
  collection: ListCollection,
  calls: number,
  sizes: CollectionSizes,
  costs: ReadCosts,
): boolean {
  if (COLLECTIONS[collection].catalog) return true;
  const size = sizes.get(collection);
  return size !== undefined && pagesOf(size, costs) < calls;
}

/** Worth probing: the size is unknown and not known to be too large for the calls a walk would replace. */
export function worthProbing(
  collection: ListCollection,
  calls: number,
  maxPages: number,
  sizes: CollectionSizes,
  costs: ReadCosts,
  minCalls: number,
): boolean {
  return (
    calls >= minCalls &&
    sizes.get(collection) === undefined &&
    pagesOf(sizes.atLeast(collection) + 1, costs) <= maxPages
  );
}

/**
 * Pages a walk of the collection is expected to take for a report: exact once a walk has shown its size, else
 * WALK_AFTER_IDS or what an unfinished walk has shown it to exceed; Infinity when it is longer than `maxItems`.
 */
export function walkPagesOf(
  collection: ListCollection,
  sizes: CollectionSizes,
  costs: ReadCosts,
  maxItems = MAX_WALK_ITEMS,
): number {
  const size = sizes.get(collection);
  if (size !== undefined) return size > maxItems ? Number.POSITIVE_INFINITY : pagesOf(size, costs);
  const atLeast = sizes.atLeast(collection);
  if (atLeast > maxItems) return Number.POSITIVE_INFINITY;
  return Math.max(WALK_AFTER_IDS, pagesOf(atLeast + 1, costs));
}

/**
 * The per-request cumulative count of a report's lookups by id into one collection: the calls made so far (one per
 * new id on v1, one per `pageLimit` new ids of a level on v2), projected over the rows still ahead.
 */
export interface LookupTally {
  /** Distinct ids asked for so far. */
  seen: Set<string>;
  /** Lookup calls those ids took (lookupCalls of each level's new ids). */
  calls: number;
}

/** Counts a level's references into the tally: only ids not asked for before cost a call. */
export function tallyLookups(tally: LookupTally, refs: readonly string[], costs: ReadCosts): void {
  let fresh = 0;
  for (const ref of refs) {
    if (tally.seen.has(ref)) continue;
    tally.seen.add(ref);
    fresh++;
  }
  tally.calls += lookupCalls(fresh, costs);
}

/**
 * Whether one walk costs fewer calls than the lookups the whole report is projected to make: `calls` made for
 * `rows` rows, extrapolated over the rows still ahead (an over-estimate when ids repeat, never an under-estimate of
 * a report that goes on as it began).
 */
export function walkPays(calls: number, rows: number, ahead: number, walkPages: number): boolean {
  return calls * (1 + ahead / Math.max(1, rows)) > walkPages;
}
