import DataLoader from 'dataloader';
import { COLLECTIONS, V1_PAGE_LIMIT, type ListCollection } from '../officernd/collections.ts';
import type { OfficeRnDClient } from '../officernd/index.ts';
import type { WireCreditStat, WireMap } from '../officernd/types.ts';
import type { CollectionSizes } from './collection-sizes.ts';

export interface LoaderOptions {
  officernd: OfficeRnDClient;
  sizes: CollectionSizes;
  signal?: AbortSignal;
  /** Most items a whole-collection walk may read before it fails (it never returns a short list). */
  maxWalkItems?: number;
  /** With no size known yet, up to this many parents are served by one filtered call each. */
  perParentCallsWhenUnknown?: number;
}

export type ById<C extends ListCollection> = DataLoader<string, WireMap[C] | null>;
export type ChildrenOf<C extends ListCollection> = DataLoader<string, WireMap[C][]>;

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
  /** Makes listed objects known, so later references to them cost nothing. */
  prime<C extends ListCollection>(collection: C, items: readonly WireMap[C][]): void;
  /** Credit stats of a team or member in a month ('YYYY-MM'). */
  creditStats: DataLoader<CreditStatsKey, WireCreditStat[], string>;
}

export class WalkTooLargeError extends Error {
  readonly code = 'RESULT_TOO_LARGE';
  constructor(collection: string, max: number) {
    super(`The ${collection} collection has more than ${max} items; narrow the query with a filter`);
    this.name = 'WalkTooLargeError';
  }
}

const pages = (size: number): number => Math.max(1, Math.ceil(size / V1_PAGE_LIMIT));

/** Builds the loaders of one request. */
export function createLoaders(options: LoaderOptions): Loaders {
  const { officernd, sizes, signal } = options;
  const maxWalkItems = options.maxWalkItems ?? 50_000;
  const perParentWhenUnknown = options.perParentCallsWhenUnknown ?? 10;

  const byIdLoaders = new Map<ListCollection, DataLoader<string, unknown>>();
  const childLoaders = new Map<string, DataLoader<string, unknown[]>>();
  const walks = new Map<ListCollection, Promise<{ items: unknown[]; index: Map<string, unknown> }>>();

  const idOf = (item: unknown): string => (item as { _id: string })._id;

  const walk = <C extends ListCollection>(collection: C) => {
    type Walk = Promise<{ items: WireMap[C][]; index: Map<string, WireMap[C]> }>;
    const existing = walks.get(collection);
    if (existing) return existing as Walk;
    const pending = officernd.list(collection, {}, { max: maxWalkItems, signal }).then(({ items, complete }) => {
      if (!complete) throw new WalkTooLargeError(collection, maxWalkItems);
      sizes.set(collection, items.length);
      const index = new Map<string, unknown>();
      for (const item of items) index.set(idOf(item), item);
      const loader = byIdLoaders.get(collection);
      if (loader) for (const [id, item] of index) loader.prime(id, item);
      return { items: items as unknown[], index };
    });
    // A failed walk may be retried by a later resolver of the same request.
    pending.catch(() => walks.delete(collection));
    walks.set(collection, pending);
    return pending as Walk;
  };

  /** One walk is cheaper than `calls` single requests once the collection's page count is known and smaller. */
  const walkIsCheaper = (collection: ListCollection, calls: number): boolean => {
    const spec = COLLECTIONS[collection];
    if (spec.catalog || walks.has(collection)) return true;
    const size = sizes.get(collection);
    return size !== undefined && pages(size) < calls;
  };

  const byId = <C extends ListCollection>(collection: C): ById<C> => {
    let loader = byIdLoaders.get(collection);
    if (!loader) {
      const spec = COLLECTIONS[collection];
      loader = new DataLoader<string, unknown>(
        async (ids) => {
          if (!spec.byId || walkIsCheaper(collection, ids.length)) {
            const { index } = await walk(collection);
            return ids.map((id) => index.get(id) ?? null);
          }
          // v1 has no multi-id filter (§8): one GET per id, run concurrently under the client's cap.
          return Promise.all(
            ids.map((id) =>
              officernd.getById(collection, id, { signal }).catch((error: unknown) => error as Error),
            ),
          );
        },
        { name: `${collection}ById`, maxBatchSize: V1_PAGE_LIMIT },
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
        async (parents) => {
          const known = sizes.get(collection) !== undefined;
          const filterable = COLLECTIONS[collection].refFilters.includes(field);
          if (
            !filterable ||
            walkIsCheaper(collection, parents.length) ||
            (!known && parents.length > perParentWhenUnknown)
          ) {
            const { items } = await walk(collection);
            const groups = new Map<string, unknown[]>();
            for (const item of items) {
              const ref = (item as Record<string, unknown>)[field];
              const refs = Array.isArray(ref) ? ref : [ref];
              for (const r of refs) {
                if (typeof r !== 'string') continue;
                let group = groups.get(r);
                if (!group) groups.set(r, (group = []));
                group.push(item);
              }
            }
            return parents.map((p) => groups.get(p) ?? []);
          }
          return Promise.all(
            parents.map((parent) =>
              officernd
                .list(collection, { filters: [{ field, op: 'eq', value: parent }] }, { max: maxWalkItems, signal })
                .then(({ items, complete }) => {
                  if (!complete) throw new WalkTooLargeError(`${collection} of ${parent}`, maxWalkItems);
                  prime(collection, items);
                  return items as unknown[];
                })
                .catch((error: unknown) => error as Error),
            ),
          );
        },
        { name: `${collection}By${field[0]?.toUpperCase()}${field.slice(1)}`, maxBatchSize: 1000 },
      );
      childLoaders.set(key, loader);
    }
    return loader as ChildrenOf<C>;
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
            .creditStats(
              { month: key.month, team: key.team ?? undefined, member: key.member ?? undefined },
              { signal },
            )
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
    prime,
    creditStats,
  };
}
