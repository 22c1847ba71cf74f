import { COLLECTIONS, V1_PAGE_LIMIT, type ListCollection } from '../src/officernd/collections.ts';
import type { Dataset } from '../src/simulator/generate.ts';

// The references every figure is compared with, computed from the dataset the simulator serves: the lower bound
// of upstream calls, the naive one-call-per-reference count, and the sequential depth of the plan (the floor).

export type Wire = { _id: string } & Record<string, unknown>;

/** One link a query follows: a reference field (`refs`) or a reverse link (`via`: children pointing at the parent). */
export interface LinkSpec {
  /** GraphQL field, for display. */
  name: string;
  collection: ListCollection;
  /** Ids the parent references (reference links). */
  refs?: (parent: Wire) => readonly unknown[];
  /** Wire field of the child that holds the parent id (reverse links). */
  via?: string;
  links?: readonly LinkSpec[];
}

/** A canonical query: the GraphQL document and the same join described as links over the dataset. */
export interface QuerySpec {
  name: string;
  title: string;
  document: string;
  /** The root list: its first items in upstream order, narrowed by equality filters on wire fields (`params`). */
  root: { collection: ListCollection; first: number; params?: Readonly<Record<string, string>> };
  links: readonly LinkSpec[];
}

/** A way to answer a query: its upstream calls and its sequential depth in round trips. */
export interface Plan {
  calls: number;
  /** Round trips on the critical path, with unlimited concurrency (walks are sequential pages). */
  depth: number;
  byCollection: Record<string, number>;
}

export interface References {
  /** Root items the query returns. */
  rows: number;
  rootPages: number;
  /**
   * The fewest calls: root pages, one walk per catalogue and by-id-less collection, and for by-id collections one GET
   * per distinct object not already listed, or one walk when the collection has fewer pages than that.
   */
  lowerBound: number;
  /** What a resolver making one call per reference (and per parent for reverse links) costs. */
  naive: number;
  /** Round trips on the critical path of the lower-bound plan, with unlimited concurrency. */
  depth: number;
  /** Lower-bound calls per collection. */
  byCollection: Record<string, number>;
  /** The plan of the first definition: always one GET per distinct object of a by-id collection (shallow, more calls). */
  perId: Plan;
}

/** How many v1 pages (§3: 100 items) hold `n` items; an empty list is still one request. */
export const pagesOf = (n: number): number => Math.max(1, Math.ceil(n / V1_PAGE_LIMIT));

const isId = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Looks objects up by id and children up by reference, over one dataset. */
export interface DataIndex {
  items(c: ListCollection): readonly Wire[];
  get(c: ListCollection, id: string): Wire | undefined;
  children(c: ListCollection, via: string, parent: string): readonly Wire[];
}

/** Indexes a dataset lazily (by id, and by reference field for reverse links). */
export function indexDataset(dataset: Dataset): DataIndex {
  const byId = new Map<ListCollection, Map<string, Wire>>();
  const byRef = new Map<string, Map<string, Wire[]>>();
  const items = (c: ListCollection): readonly Wire[] => dataset.collections[c] as unknown as Wire[];
  return {
    items,
    get(c, id) {
      let index = byId.get(c);
      if (!index) byId.set(c, (index = new Map(items(c).map((item) => [item._id, item]))));
      return index.get(id);
    },
    children(c, via, parent) {
      const key = `${c}.${via}`;
      let index = byRef.get(key);
      if (!index) {
        index = new Map();
        for (const item of items(c)) {
          const ref = item[via];
          for (const id of Array.isArray(ref) ? ref : [ref]) {
            if (!isId(id)) continue;
            let group = index.get(id);
            if (!group) index.set(id, (group = []));
            group.push(item);
          }
        }
        byRef.set(key, index);
      }
      return index.get(parent) ?? [];
    },
  };
}

/** The root items of a query: the first `first` items of its collection that match its filters. */
export function rootsOf(spec: QuerySpec, data: DataIndex): Wire[] {
  const params = Object.entries(spec.root.params ?? {});
  return data
    .items(spec.root.collection)
    .filter((item) => params.every(([field, value]) => item[field] === value))
    .slice(0, spec.root.first);
}

/** Whether the gateway must read a collection as a whole: catalogues, and collections without v1 by-id (§8). */
const walked = (c: ListCollection): boolean => COLLECTIONS[c].catalog || !COLLECTIONS[c].byId;

/** Computes the references of one query over the dataset. */
export function referencesOf(spec: QuerySpec, data: DataIndex): References {
  const roots = rootsOf(spec, data);
  const rootPages = pagesOf(roots.length);

  // What the query reaches: collections that can only be walked, ids wanted by id, objects that arrive primed.
  const mustWalk = new Set<ListCollection>();
  const wanted = new Map<ListCollection, Set<string>>();
  const primed = new Map<ListCollection, Set<string>>([[spec.root.collection, new Set(roots.map((r) => r._id))]]);
  const reverse: { link: LinkSpec; parents: Wire[] }[] = [];
  const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V): void => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  };

  const visit = (parents: readonly Wire[], links: readonly LinkSpec[]): void => {
    for (const link of links) {
      const found = new Map<string, Wire>();
      if (link.via) {
        reverse.push({ link, parents: [...parents] });
        for (const parent of parents) {
          for (const child of data.children(link.collection, link.via, parent._id)) {
            found.set(child._id, child);
            add(primed, link.collection, child._id);
          }
        }
      } else {
        if (walked(link.collection)) mustWalk.add(link.collection);
        for (const parent of parents) {
          for (const id of link.refs?.(parent) ?? []) {
            if (!isId(id)) continue;
            add(wanted, link.collection, id);
            const target = data.get(link.collection, id);
            if (target) found.set(id, target);
          }
        }
      }
      visit([...found.values()], link.links ?? []);
    }
  };
  visit(roots, spec.links);

  // A plan: which collections are walked (whole lists, sequential pages) and what the rest costs one call each.
  const planOf = (walkByIdWhenCheaper: boolean): Plan => {
    const walks = new Set(mustWalk);
    const size = (c: ListCollection): number => pagesOf(data.items(c).length);
    // A reverse link costs one filtered list per parent, or one walk when that is cheaper (v1 has no `$in`, §8).
    const filteredCalls = ({ link, parents }: (typeof reverse)[number]): number =>
      parents.reduce((sum, p) => sum + pagesOf(data.children(link.collection, link.via ?? '', p._id).length), 0);
    for (const entry of reverse) {
      const c = entry.link.collection;
      if (!walks.has(c) && size(c) <= filteredCalls(entry)) walks.add(c);
    }
    const getsOf = (c: ListCollection): number =>
      [...(wanted.get(c) ?? [])].filter((id) => !primed.get(c)?.has(id)).length;
    // By-id collections: one GET per object not already at hand, or one walk when it has fewer pages than that.
    if (walkByIdWhenCheaper) for (const c of wanted.keys()) if (!walks.has(c) && getsOf(c) > size(c)) walks.add(c);
    const byCollection: Record<string, number> = { [`${spec.root.collection} (root)`]: rootPages };
    for (const c of walks) byCollection[`${c} (walk)`] = size(c);
    for (const entry of reverse) {
      if (!walks.has(entry.link.collection))
        byCollection[`${entry.link.collection} (by ${entry.link.via})`] = filteredCalls(entry);
    }
    for (const c of wanted.keys()) if (!walks.has(c) && getsOf(c) > 0) byCollection[`${c} (by id)`] = getsOf(c);
    return {
      calls: Object.values(byCollection).reduce((a, b) => a + b, 0),
      depth: depthOf(spec, roots, rootPages, walks, data),
      byCollection,
    };
  };
  const minimal = planOf(true);
  const perId = planOf(false);
  return {
    rows: roots.length,
    rootPages,
    lowerBound: minimal.calls,
    naive: rootPages + naiveCalls(roots, spec.links, data),
    depth: minimal.depth,
    byCollection: minimal.byCollection,
    perId,
  };
}

/** One call per reference followed and per parent of a reverse link, on every path, nothing shared. */
function naiveCalls(parents: readonly Wire[], links: readonly LinkSpec[], data: DataIndex): number {
  let calls = 0;
  for (const link of links) {
    for (const parent of parents) {
      if (link.via) {
        const children = data.children(link.collection, link.via, parent._id);
        calls += pagesOf(children.length) + naiveCalls(children, link.links ?? [], data);
        continue;
      }
      for (const id of link.refs?.(parent) ?? []) {
        if (!isId(id)) continue;
        calls += 1;
        const target = data.get(link.collection, id);
        if (target) calls += naiveCalls([target], link.links ?? [], data);
      }
    }
  }
  return calls;
}

/**
 * The critical path of the lower-bound plan in round trips: root pages, then per link level one round trip for
 * a batch of GETs or filtered lists (unlimited concurrency), or the page count of a walk, which starts the first
 * time any path needs it and is shared by all.
 */
function depthOf(
  spec: QuerySpec,
  roots: readonly Wire[],
  rootPages: number,
  walks: ReadonlySet<ListCollection>,
  data: DataIndex,
): number {
  const walkStart = new Map<ListCollection, number>();
  const pass = (): number => {
    let deepest = rootPages;
    const fetched = new Set<string>(roots.map((r) => `${spec.root.collection}/${r._id}`));
    const visit = (parents: readonly Wire[], links: readonly LinkSpec[], at: number): void => {
      for (const link of links) {
        const found = new Map<string, Wire>();
        let cost = 0;
        let ready = at;
        if (link.via) {
          for (const parent of parents) {
            const children = data.children(link.collection, link.via, parent._id);
            cost = Math.max(cost, pagesOf(children.length));
            for (const child of children) found.set(child._id, child);
          }
        } else {
          for (const parent of parents) {
            for (const id of link.refs?.(parent) ?? []) {
              if (!isId(id)) continue;
              const target = data.get(link.collection, id);
              if (target) found.set(id, target);
              if (!fetched.has(`${link.collection}/${id}`)) cost = 1;
            }
          }
        }
        if (walks.has(link.collection)) {
          const start = Math.min(walkStart.get(link.collection) ?? Number.POSITIVE_INFINITY, at);
          walkStart.set(link.collection, start);
          ready = Math.max(at, start + pagesOf(data.items(link.collection).length));
        } else {
          ready = at + cost;
        }
        for (const child of found.values()) fetched.add(`${link.collection}/${child._id}`);
        deepest = Math.max(deepest, ready);
        visit([...found.values()], link.links ?? [], ready);
      }
    };
    visit(roots, spec.links, rootPages);
    return deepest;
  };
  // Walk start times depend on the depth of the paths that need them: settle them by repeating the pass.
  let depth = pass();
  for (let i = 0; i < 8; i++) {
    const next = pass();
    if (next === depth) break;
    depth = next;
  }
  return depth;
}
