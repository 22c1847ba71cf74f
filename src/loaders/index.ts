import DataLoader from 'dataloader';
import { pushDown } from '../core/filters.ts';
import { MAX_WALK_ITEMS } from '../core/limits.ts';
import { COLLECTIONS, filterMatches, type FilterSpec, type ListCollection } from '../officernd/collections.ts';
import type { OfficeRnDClient } from '../officernd/index.ts';
import type { WireCreditStat, WireMap } from '../officernd/types.ts';
import type { CollectionSizes } from './collection-sizes.ts';
import {
  PROBE_AFTER_IDS,
  planById,
  probePagesFor,
  readCostsOf,
  walkIsCheaper as walkCheaper,
  worthProbing as probeWorth,
} from './plan.ts';

export { PROBE_AFTER_IDS } from './plan.ts';

export interface LoaderOptions {
  officernd: OfficeRnDClient;
  sizes: CollectionSizes;
  /** Told once per collection and field when OfficeRnD is seen to ignore a filter. */
  logger?: { warn(message: string, fields?: Record<string, unknown>): void };
  signal?: AbortSignal;
  /** Most items a whole-collection walk may read before it fails (it never returns a short list). */
  maxWalkItems?: number;
  /** With no size known yet, up to this many parents are served by one filtered call each. */
  perParentCallsWhenUnknown?: number;
  /** Fewer distinct ids than this in a batch are always single GETs (default PROBE_AFTER_IDS). */
  probeAfterIds?: number;
  /** Told the size of every batch a loader runs (metrics: src/ops/metrics.ts). */
  onBatch?: (loader: string, keys: number) => void;
}

type ById<C extends ListCollection> = DataLoader<string, WireMap[C] | null>;
type ChildrenOf<C extends ListCollection> = DataLoader<string, WireMap[C][]>;

export interface CreditStatsKey {
  month: string;
  team?: string | null;
  member?: string | null;
}

/** Per-request loaders: every upstream object is fetched at most once per request. */
export interface Loaders {
  /** Objects by id; a miss is `null`. */
  byId<C extends ListCollection>(collection: C): ById<C>;
  /** Children whose reference `field` points at the key (reverse links), in upstream order. */
  children<C extends ListCollection>(collection: C, field: string): ChildrenOf<C>;
  /** The whole collection, read once per request (catalogues, and large collections without by-id). */
  all<C extends ListCollection>(collection: C): Promise<WireMap[C][]>;
  /** The whole collection if this request has already read it (or is reading it), without starting a read. */
  allIfRead<C extends ListCollection>(collection: C): Promise<WireMap[C][]> | null;
  /** Makes listed objects known, so later references to them cost nothing. */
  prime<C extends ListCollection>(collection: C, items: readonly WireMap[C][]): void;
  /** Credit stats of a team or member in a month ('YYYY-MM'). */
  creditStats: DataLoader<CreditStatsKey, WireCreditStat[], string>;
  /** What the gateway has learnt of collection sizes (shared by its requests), for callers that plan their own reads. */
  sizes: CollectionSizes;
  /**
   * Records that rows came back a filter sent upstream should have excluded (the local check removed them): logged
   * once per collection and field, and from then on plans treat the filter as not narrowing.
   */
  noteIgnoredFilter(collection: ListCollection, field: string): void;
  /** Where what the gateway learns of OfficeRnD is told, once per fact (LoaderOptions.logger). */
  logger?: LoaderOptions['logger'];
}

export class WalkTooLargeError extends Error {
  readonly code = 'RESULT_TOO_LARGE';
  constructor(collection: string, max: number) {
    super(`The ${collection} collection has more than ${max} items; narrow the query with a filter`);
    this.name = 'WalkTooLargeError';
  }
}

interface WalkResult {
  items: unknown[];
  index: Map<string, unknown>;
  /** False when the walk stopped at its page bound before the end of the collection. */
  complete: boolean;
}

/** The declared id filter on a reference field of a collection (reverse links filter by it); undefined if none. */
function linkFilter(collection: ListCollection, field: string): FilterSpec | undefined {
  return Object.values(COLLECTIONS[collection].filters).find((f) => f.kind === 'id' && f.field === field);
}

/** Builds the loaders of one request. */
export function createLoaders(options: LoaderOptions): Loaders {
  const { officernd, sizes, signal } = options;
  const maxWalkItems = options.maxWalkItems ?? MAX_WALK_ITEMS;
  const perParentWhenUnknown = options.perParentCallsWhenUnknown ?? 10;
  const probeAfterIds = options.probeAfterIds ?? PROBE_AFTER_IDS;
  const onBatch = options.onBatch;
  const costs = readCostsOf(officernd);
  const observed = <K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>) =>
    onBatch
      ? (keys: readonly K[]) => {
          onBatch(name, keys.length);
          return batch(keys);
        }
      : batch;

  const byIdLoaders = new Map<ListCollection, DataLoader<string, unknown>>();
  const childLoaders = new Map<string, DataLoader<string, unknown[]>>();
  /** Complete walks, by collection. */
  const walks = new Map<ListCollection, Promise<WalkResult>>();
  /** Walks bounded to a number of pages, made while the collection's size is unknown. */
  const probes = new Map<ListCollection, Promise<WalkResult>>();

  const idOf = (item: unknown): string => (item as { _id: string })._id;

  const read = (collection: ListCollection, maxItems: number): Promise<WalkResult> =>
    officernd.list(collection, {}, { max: maxItems, signal }).then(({ items, complete }) => {
      if (complete) sizes.set(collection, items.length);
      else sizes.setAtLeast(collection, items.length);
      const index = new Map<string, unknown>();
      for (const item of items) index.set(idOf(item), item);
      const loader = byIdLoaders.get(collection);
      if (loader) for (const [id, item] of index) loader.prime(id, item);
      return { items: items as unknown[], index, complete };
    });

  const remember = (
    memo: Map<ListCollection, Promise<WalkResult>>,
    collection: ListCollection,
    pending: Promise<WalkResult>,
  ) => {
    // A failed walk may be tried again by a later resolver of the same request.
    pending.catch(() => memo.delete(collection));
    memo.set(collection, pending);
    return pending;
  };

  const walk = <C extends ListCollection>(collection: C) => {
    type Walk = Promise<{ items: WireMap[C][]; index: Map<string, WireMap[C]> }>;
    const existing = walks.get(collection);
    if (existing) return existing as unknown as Walk;
    const pending = read(collection, maxWalkItems).then((result) => {
      if (!result.complete) throw new WalkTooLargeError(collection, maxWalkItems);
      return result;
    });
    return remember(walks, collection, pending) as unknown as Walk;
  };

  /**
   * With the size unknown, reads at most `maxPages` pages: when the collection ends within them, that was cheaper
   * than the per-id calls it replaces (and becomes this request's complete walk); otherwise the caller falls back
   * to per-id calls for what it did not see, having spent at most `maxPages` extra calls, and the gateway has
   * learnt a lower bound that steers later requests straight to per-id calls.
   */
  const probe = (collection: ListCollection, maxPages: number): Promise<WalkResult> => {
    const existing = probes.get(collection);
    if (existing) return existing;
    const pending = read(collection, Math.min(maxPages * costs.pageLimit, maxWalkItems)).then((result) => {
      if (result.complete && !walks.has(collection)) walks.set(collection, Promise.resolve(result));
      return result;
    });
    return remember(probes, collection, pending);
  };

  /** One walk is cheaper than `calls` other requests (plan.ts), or this request has made it already. */
  const walkIsCheaper = (collection: ListCollection, calls: number): boolean =>
    walks.has(collection) || walkCheaper(collection, calls, sizes, costs);

  /** Worth probing (plan.ts): the size is unknown and not known to be too large for the calls a walk would replace. */
  const worthProbing = (collection: ListCollection, calls: number, maxPages: number, minCalls: number): boolean =>
    probeWorth(collection, calls, maxPages, sizes, costs, minCalls);

  const getEach = (collection: ListCollection, ids: readonly string[]) =>
    // v1 has no multi-id filter (§8): one GET per id, run concurrently under the client's cap.
    Promise.all(
      ids.map((id) => officernd.getById(collection, id, { signal }).catch((error: unknown) => error as Error)),
    );

  const byId = <C extends ListCollection>(collection: C): ById<C> => {
    let loader = byIdLoaders.get(collection);
    if (!loader) {
      loader = new DataLoader<string, unknown>(
        observed(`${collection}ById`, async (ids: readonly string[]) => {
          const decide = () =>
            planById({
              collection,
              ids: ids.length,
              walked: walks.has(collection),
              probed: probes.has(collection),
              sizes,
              costs,
              probeAfterIds,
            });
          let plan = decide();
          if (plan === 'batch') {
            // §8: v2 reads up to 50 ids a call with `_id[$in]`; an id it does not answer does not exist.
            const found = await officernd
              .getByIds(collection, ids, { signal })
              .catch((error: unknown) => error as Error);
            if (!(found instanceof Error)) return ids.map((id) => found.get(id) ?? null);
            // A list that refused `_id[$in]` (§11.5) is read the v1 way from now on; any other failure is the answer.
            if (officernd.batches(collection)) return ids.map(() => found);
            plan = decide();
          }
          if (plan === 'walk') {
            // A walk is the plan, not the only way: where by-id exists, its failure falls back to single GETs.
            const walked = await walk(collection).catch((error: unknown) => {
              if (!officernd.getsById(collection)) throw error;
              return null;
            });
            if (walked) return ids.map((id) => walked.index.get(id) ?? null);
            return getEach(collection, ids);
          }
          const probed = plan === 'probe' ? await probe(collection, probePagesFor(ids.length)).catch(() => null) : null;
          if (probed) {
            const { index, complete } = probed;
            if (complete) return ids.map((id) => index.get(id) ?? null);
            const missing = ids.filter((id) => !index.has(id));
            const fetched = new Map(missing.map((id, i) => [id, i]));
            const results = await getEach(collection, missing);
            return ids.map((id) => (index.has(id) ? index.get(id) : results[fetched.get(id)!]));
          }
          return getEach(collection, ids);
        }),
        // The batch size bounds one plan decision, not a request: per-id GETs stay under the client's cap.
        { name: `${collection}ById`, maxBatchSize: 1000 },
      );
      byIdLoaders.set(collection, loader);
    }
    return loader as ById<C>;
  };

  const children = <C extends ListCollection>(collection: C, field: string): ChildrenOf<C> => {
    const key = `${collection}.${field}`;
    let loader = childLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, unknown[]>(
        observed(`${collection}By${field[0]?.toUpperCase()}${field.slice(1)}`, async (parents: readonly string[]) => {
          const group = (items: readonly unknown[]): unknown[][] => {
            const groups = new Map<string, unknown[]>();
            for (const item of items) {
              const ref = (item as Record<string, unknown>)[field];
              for (const r of Array.isArray(ref) ? ref : [ref]) {
                if (typeof r !== 'string') continue;
                let members = groups.get(r);
                if (!members) groups.set(r, (members = []));
                // An item listing the parent twice (attendees) is still one child.
                if (members.at(-1) !== item) members.push(item);
              }
            }
            return parents.map((p) => groups.get(p) ?? []);
          };
          const link = linkFilter(collection, field);
          // A filter OfficeRnD ignores would make every per-parent call read the whole collection: walk it once.
          // v2 leaves out a filter its list does not document (§4): such a filter narrows nothing either.
          const narrows =
            link !== undefined && !sizes.ignoresFilter(collection, field) && officernd.sendsFilter(collection, field);
          if (!link || !narrows || walkIsCheaper(collection, parents.length))
            return group((await walk(collection)).items);
          // Unknown size and many parents: a walk of at most as many pages as there are parents is never dearer
          // than one filtered call per parent; if the collection is longer, fall back to those calls.
          if (
            probes.has(collection) ||
            worthProbing(collection, parents.length, parents.length, perParentWhenUnknown + 1)
          ) {
            // An optimisation only: if it fails, the filtered calls below still answer.
            const probed = await probe(collection, parents.length).catch(() => null);
            if (probed?.complete) return group(probed.items);
          }
          return Promise.all(
            parents.map((parent) =>
              officernd
                .list(collection, pushDown([{ spec: link, value: parent }]), { max: maxWalkItems, signal })
                .then(({ items, complete }) => {
                  if (!complete) throw new WalkTooLargeError(`${collection} of ${parent}`, maxWalkItems);
                  prime(collection, items);
                  // OfficeRnD may ignore the filter (§4) and answer every row.
                  // Grouped by the gateway's own check, each object once (should OfficeRnD's pages overlap).
                  const ids = new Set<string>();
                  let ignored = false;
                  const own = (items as object[]).filter((item) => {
                    if (!filterMatches(link, item, parent)) {
                      ignored = true;
                      return false;
                    }
                    if (ids.has(idOf(item))) return false;
                    ids.add(idOf(item));
                    return true;
                  });
                  if (ignored) noteIgnoredFilter(collection, field);
                  return own as unknown[];
                })
                .catch((error: unknown) => error as Error),
            ),
          );
        }),
        { name: `${collection}By${field[0]?.toUpperCase()}${field.slice(1)}`, maxBatchSize: 1000 },
      );
      childLoaders.set(key, loader);
    }
    return loader as ChildrenOf<C>;
  };

  const noteIgnoredFilter = (collection: ListCollection, field: string): void => {
    // A filter the client left out (v2 documents it nowhere) was not ignored: plans stop counting on it, unlogged.
    const sent = officernd.sendsFilter(collection, field);
    if (sizes.noteIgnoredFilter(collection, field) && sent) {
      options.logger?.warn(
        'officernd ignored a filter (rows came back it should have excluded); checking it in the gateway only',
        {
          collection,
          field,
        },
      );
    }
  };

  const prime = <C extends ListCollection>(collection: C, items: readonly WireMap[C][]): void => {
    const loader = byId(collection);
    for (const item of items) loader.prime(idOf(item), item);
  };

  const creditStats = new DataLoader<CreditStatsKey, WireCreditStat[], string>(
    (keys) =>
      Promise.all(
        keys.map((key) =>
          officernd
            .creditStats({ month: key.month, team: key.team ?? undefined, member: key.member ?? undefined }, { signal })
            .catch((error: unknown) => error as Error),
        ),
      ),
    {
      name: 'creditStatsByOwnerMonth',
      cacheKeyFn: (key) => `${key.month}|${key.team ?? ''}|${key.member ?? ''}`,
    },
  );

  return {
    byId,
    children,
    all: async (collection) => (await walk(collection)).items,
    allIfRead: (collection) => (walks.has(collection) ? walk(collection).then(({ items }) => items) : null),
    prime,
    creditStats,
    sizes,
    noteIgnoredFilter,
    ...(options.logger ? { logger: options.logger } : {}),
  };
}
