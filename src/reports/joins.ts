/**
 * Loading what joined columns point at, one level of references at a time for a batch of rows: every join of a
 * level is asked for in the same tick, so the per-request loaders batch them, and an object already loaded in the
 * request costs nothing.
 */

import { refusesPopulate, refusesSelection } from '../core/failure.ts';
import { NoSplit, planSplit, splitPages } from '../core/sub-windows.ts';
import { MAX_WALK_ITEMS } from '../core/limits.ts';
import type { Loaders } from '../loaders/index.ts';
import { readCostsOf, tallyLookups, walkPagesOf, walkPays, type LookupTally } from '../loaders/plan.ts';
import { COLLECTIONS, OBJECT_ID, type ListCollection } from '../officernd/collections.ts';
import { isBareIdAnswer, type ListQuery, type OfficeRnDClient } from '../officernd/index.ts';
import { POPULATE_PARAM, POPULATES } from '../officernd/query.ts';
import { pathReader, refKey, type PathReader } from './paths.ts';
import type { JoinSpec } from './registry.ts';

/**
 * A report projected to need more lookup calls into a collection (one GET per id on v1, one `_id[$in]` per 50 ids
 * on v2, §8) than its walk costs reads it once instead: the one walk planner decides (loaders/plan.ts).
 */
export { WALK_AFTER_IDS } from '../loaders/plan.ts';

/** The most objects a report reads of one joined collection in a walk (the one walk cap, core/limits.ts). */
const MAX_JOIN_WALK_ITEMS = MAX_WALK_ITEMS;

/** What joins read with: the request's loaders and client, and the caller's signal. */
export interface JoinEnv {
  loaders: Loaders;
  officernd: OfficeRnDClient;
  signal: AbortSignal;
  /** Sub-windows a walk of a joined collection reads at once (exports: UPSTREAM_MAX_CONCURRENCY); absent: one walk. */
  parallel?: number;
  /** What the report's own pages brought populated (`$populate`, Population.taken): no call for those rows. */
  populated?: Population['taken'];
}

/** Loaded join targets: join key (`member`, `member.team`) → reference → object. */
export type Joined = Map<string, Map<string, object>>;

/** A join a column needs, with the joins its target's columns need in turn. */
export interface JoinNode {
  /** Full key, e.g. `member` or `member.team`. */
  key: string;
  join: JoinSpec;
  /** The reference is read from the expanded element rather than the object. */
  fromElement: boolean;
  /** Reads the reference (`join.path`) of an object or element. */
  read: PathReader;
  children: Map<string, JoinNode>;
  /** Top-level fields the columns (and deeper joins) read of the joined object. */
  fields: Set<string>;
}

/** What one report has read by id so far, to switch a heavily joined collection to one walk. */
interface ReadPlan {
  /** Ids asked for so far and the lookup calls they took, per collection not yet read whole. */
  seen: Map<ListCollection, LookupTally>;
  /**
   * Collections read whole (catalogues, and collections walked after WALK_AFTER_IDS ids), by id: later pages look
   * their references up here directly rather than through a loader call per reference (a long export makes
   * hundreds of thousands). null: the collection is too large to hold (or a catalogue read failed), so per-id
   * loading stays the way; a failed walk fails the report.
   */
  indexes: Map<ListCollection, Promise<Map<string, object> | null>>;
  /** The same indexes once read: a join with no deeper joins then hands its whole index to the columns. */
  ready: Map<ListCollection, Map<string, object>>;
  /** Catalogues keyed by another field than the id (`type` of resource types), by collection list and field. */
  keyed: Map<string, Promise<Map<string, object>>>;
  /**
   * The fields the report reads of each joined collection: a walk keeps only these of each object, so joining a
   * 50,000-member organisation holds names, not whole member documents, for the length of an export.
   */
  fields: Map<ListCollection, Set<string>>;
  /** Rows joined so far, this page's included. */
  rows: number;
  /** Rows the report is expected to deliver after this page. */
  ahead: number;
}

/** A fresh read plan for one report. */
export function createReadPlan(): ReadPlan {
  return {
    seen: new Map(),
    indexes: new Map(),
    ready: new Map(),
    keyed: new Map(),
    fields: new Map(),
    rows: 0,
    ahead: 0,
  };
}

/** Loads one level of joins for these objects (all joins of the level in the same tick, so loaders batch them). */
export async function resolveLevel(
  nodes: Map<string, JoinNode>,
  items: readonly unknown[],
  elements: readonly unknown[],
  env: JoinEnv,
  joined: Joined,
  reads: ReadPlan,
): Promise<void> {
  await Promise.all(
    [...nodes.values()].map(async (node) => {
      // A collection already read whole answers every reference of the page as it is: no per-page lookups (a long
      // export joins hundreds of thousands of rows). Deeper joins still need this page's own targets.
      const [only, ...others] = node.join.collections;
      const whole =
        node.children.size === 0 && node.join.key === undefined && only && others.length === 0
          ? reads.ready.get(only)
          : undefined;
      if (whole) {
        joined.set(node.key, whole);
        return;
      }
      const refs = new Set<string>();
      // Targets the rows' own page brought (`$populate`): only the rows without one are joined as before.
      const taken = node.fromElement ? undefined : env.populated?.get(node.key);
      const brought = new Map<string, object>();
      for (const source of node.fromElement ? elements : items) {
        if (source === undefined) continue;
        const ref = refKey(node.read(source));
        if (ref === null) continue;
        const target = taken?.get(source as object);
        // Never a populated object for another reference than the row's own.
        if (target !== undefined && idOf(target) === ref) brought.set(ref, target);
        else refs.add(ref);
      }
      for (const ref of brought.keys()) refs.delete(ref);
      const found = await loadTargets(node.join, [...refs], env, reads);
      for (const [ref, target] of brought) found.set(ref, target);
      joined.set(node.key, found);
      if (node.children.size > 0) await resolveLevel(node.children, [...found.values()], [], env, joined, reads);
    }),
  );
}

/**
 * The whole collection by id, once it is read whole: catalogues at once, other collections once the report is
 * projected to need more of their ids than a walk costs (walkPays; before that: null, and the loaders answer per
 * id). A collection too large to hold (or a catalogue that could not be read) is left to per-id loading for the rest
 * of the report; any other failed walk fails the report, never a silently empty column.
 */
async function wholeIndex(
  collection: ListCollection,
  refs: readonly string[],
  env: JoinEnv,
  reads: ReadPlan,
): Promise<Map<string, object> | null> {
  const known = reads.indexes.get(collection);
  if (known) return known;
  if (!COLLECTIONS[collection].catalog) {
    const costs = readCostsOf(env.officernd);
    let tally = reads.seen.get(collection);
    if (!tally) reads.seen.set(collection, (tally = { seen: new Set(), calls: 0 }));
    tallyLookups(tally, refs, costs);
    const walkPages = walkPagesOf(collection, env.loaders.sizes, costs, MAX_JOIN_WALK_ITEMS);
    if (!walkPays(tally.calls, reads.rows, reads.ahead, walkPages)) return null;
    reads.seen.delete(collection);
  }
  const pending = COLLECTIONS[collection].catalog
    ? env.loaders.all(collection).then(
        (items) => new Map(items.map((item) => [idOf(item), item as object])),
        // A failed catalogue read: per-id loading decides (and reports a real failure).
        () => null,
      )
    : keptOf(collection, reads.fields.get(collection) ?? new Set(), env);
  reads.indexes.set(collection, pending);
  pending.then(
    (index) => void (index && reads.ready.set(collection, index)),
    // The failure is the caller's to see, through `pending`.
    () => undefined,
  );
  return pending;
}

// The client gives every listed object an `_id` (resource types are keyed by `id` in v1, §6.18).
const idOf = (item: unknown): string => (item as { _id: string })._id;

/** Only `fields` (and `_id`) of an object. */
function keptFields(item: Record<string, unknown>, fields: readonly string[]): object {
  const kept: Record<string, unknown> = { _id: idOf(item) };
  for (const field of fields) if (field in item) kept[field] = item[field];
  return kept;
}

/** The whole collection with only `fields` kept: from the request's own walk if it made one, else from a new walk. */
async function keptOf(
  collection: ListCollection,
  fields: ReadonlySet<string>,
  env: JoinEnv,
): Promise<Map<string, object> | null> {
  const keep = [...fields].filter((field) => field !== '_id');
  const read = await env.loaders.allIfRead(collection)?.catch(() => null);
  if (read) return new Map(read.map((item) => [idOf(item), keptFields(item as Record<string, unknown>, keep)]));
  const walked = await walkKeeping(collection, keep, env);
  // What the walk learnt steers later reports (and the loaders) of this gateway.
  if (walked) env.loaders.sizes.set(collection, walked.size);
  else env.loaders.sizes.setAtLeast(collection, MAX_JOIN_WALK_ITEMS + 1);
  return walked;
}

/**
 * Reads a whole collection page by page, keeping only `fields` (and `_id`) of each object: the report's own walk,
 * not the loaders' (which keep whole objects for the request). It asks for only those fields (`$select`, §4), so a
 * walk of the members for their names reads a fraction of each document; a selection answered with bare ids is
 * walked again without it. Null when it is longer than MAX_JOIN_WALK_ITEMS: per-id loading goes on for what is left.
 */
async function walkKeeping(
  collection: ListCollection,
  keep: readonly string[],
  env: JoinEnv,
): Promise<Map<string, object> | null> {
  let query: ListQuery = keep.length > 0 ? { select: [...keep].sort() } : {};
  // A large collection, for an export: createdAt sub-windows read in parallel (core/sub-windows.ts).
  const split = planSplit(env.loaders.sizes, env.officernd, collection, query, env.parallel);
  if (split) {
    const index = new Map<string, object>();
    try {
      for await (const page of splitPages<Record<string, unknown>>({
        officernd: env.officernd,
        collection,
        query,
        field: split.field,
        points: split.points,
        concurrency: env.parallel ?? 1,
        signal: env.signal,
        onIgnored: (c, field) => env.loaders.noteIgnoredFilter(c, field),
      })) {
        for (const item of page.items) index.set(idOf(item), keptFields(item, keep));
        if (index.size > MAX_JOIN_WALK_ITEMS) return null;
      }
      return index;
    } catch (error) {
      // The bound did not narrow, or the selection was not answered: one walk, as below.
      if (!(error instanceof NoSplit)) throw error;
    }
  }
  for (;;) {
    const index = new Map<string, object>();
    let unselected = false;
    try {
      for await (const page of env.officernd.pages(collection, query, {
        signal: env.signal,
        max: MAX_JOIN_WALK_ITEMS + 1,
      })) {
        const items = page.items as Record<string, unknown>[];
        if (query.select && isBareIdAnswer(items)) {
          unselected = true;
          break;
        }
        for (const item of items) index.set(idOf(item), keptFields(item, keep));
        if (index.size > MAX_JOIN_WALK_ITEMS) return null;
      }
    } catch (error) {
      // A selection refused (a 400, or a 500 past the retries): walked again without it, as for bare ids.
      if (!query.select || !refusesSelection(error)) throw error;
      unselected = true;
    }
    if (!unselected) return index;
    query = {};
  }
}

/** A catalogue keyed by `field` instead of the id (first object wins), read once per report. */
function keyedIndex(join: JoinSpec, field: string, loaders: Loaders, reads: ReadPlan): Promise<Map<string, object>> {
  const cacheKey = `${join.collections.join(',')}|${field}`;
  const known = reads.keyed.get(cacheKey);
  if (known) return known;
  const read = pathReader(field);
  const pending = (async () => {
    const index = new Map<string, object>();
    for (const collection of join.collections) {
      for (const item of await loaders.all(collection)) {
        const ref = refKey(read(item));
        if (ref !== null && !index.has(ref)) index.set(ref, item);
      }
    }
    return index;
  })();
  // A failed read may be tried again by a later page.
  pending.catch(() => reads.keyed.delete(cacheKey));
  reads.keyed.set(cacheKey, pending);
  return pending;
}

/** The objects some references point at: from a whole-collection index, by id through `loaders.byId`, or by key. */
async function loadTargets(
  join: JoinSpec,
  refs: readonly string[],
  env: JoinEnv,
  reads: ReadPlan,
): Promise<Map<string, object>> {
  const found = new Map<string, object>();
  if (refs.length === 0) return found;
  if (join.key !== undefined) {
    const index = await keyedIndex(join, join.key, env.loaders, reads);
    for (const ref of refs) {
      const item = index.get(ref);
      if (item !== undefined) found.set(ref, item);
    }
    return found;
  }
  let missing = refs;
  for (const collection of join.collections) {
    if (missing.length === 0) break;
    const index = await wholeIndex(collection, missing, env, reads);
    if (index) {
      // A complete read: an id it does not hold does not exist (as the loaders answer after the same walk).
      for (const ref of missing) {
        const item = index.get(ref);
        if (item !== undefined) found.set(ref, item);
      }
    } else {
      const results = await env.loaders.byId(collection).loadMany(missing);
      results.forEach((result, index) => {
        // A failed lookup fails the page: a joined column is never silently left empty.
        if (result instanceof Error) throw result;
        const ref = missing[index];
        if (result && ref !== undefined) found.set(ref, result);
      });
    }
    missing = missing.filter((ref) => !found.has(ref));
  }
  return found;
}

/**
 * What a report asks OfficeRnD to populate on its own pages (`$populate`, §2, §4: v1 lists), so one-level joined
 * columns (`member.name`, `office.name`, `resourceId.name` as the `resource` join) cost no call of their own, and
 * what came back populated.
 */
export interface Population {
  /** `$populate` entries, `<reference>.<field>`. */
  fields: string[];
  /** The joins it covers: join key, the reference's field in the row, the fields of the target the columns read. */
  joins: readonly { key: string; path: string; fields: readonly string[] }[];
  /**
   * Populated targets taken out of the rows, per join key, keyed by the row's object (so they live as long as the
   * row): only `_id` and the fields the columns read.
   */
  taken: Map<string, WeakMap<object, object>>;
}

/**
 * The population of a report's joins: every top-level join that reads one collection by id, from the object (not an
 * expanded element), with no deeper joins of its own. Deeper columns (`member.team.name`) and keyed joins keep the
 * join of today. Null when none qualifies.
 */
export function populationOf(roots: ReadonlyMap<string, JoinNode>): Population | null {
  const joins: { key: string; path: string; fields: string[] }[] = [];
  for (const node of roots.values()) {
    const { join } = node;
    if (node.fromElement || node.children.size > 0 || join.key !== undefined || join.collections.length !== 1) continue;
    // `$populate` names a top-level reference (§4: `office.name`).
    if (join.path === '' || join.path.includes('.')) continue;
    const fields = [...node.fields].filter((field) => field !== '_id').sort();
    if (fields.length === 0) continue;
    joins.push({ key: node.key, path: join.path, fields });
  }
  if (joins.length === 0) return null;
  return {
    fields: joins.flatMap((join) => join.fields.map((field) => `${join.path}.${field}`)),
    joins,
    taken: new Map(joins.map((join) => [join.key, new WeakMap<object, object>()])),
  };
}

/**
 * A page's objects with their populated references taken out: the reference becomes the populated object's `_id`
 * again (so filters, checks and columns read the id as without `$populate`) and the object goes to
 * `population.taken`. A reference that came back a bare id (dangling, §6, or `$populate` ignored) is left to the
 * join. Null when a populated value cannot be trusted (no 24-hex `_id`): the caller reads the page without it.
 */
export function takePopulated(items: readonly object[], population: Population): object[] | null {
  const out: object[] = [];
  for (const item of items) {
    let copy: Record<string, unknown> | null = null;
    for (const join of population.joins) {
      const value = (item as Record<string, unknown>)[join.path];
      if (typeof value !== 'object' || value === null) continue;
      const id = (value as { _id?: unknown })._id;
      if (Array.isArray(value) || typeof id !== 'string' || !OBJECT_ID.test(id)) return null;
      copy ??= { ...(item as Record<string, unknown>) };
      copy[join.path] = id;
      population.taken.get(join.key)?.set(copy, keptFields(value as Record<string, unknown>, join.fields));
    }
    out.push(copy ?? item);
  }
  return out;
}

/**
 * Values of one reference a walk must have read, every one a bare id and none populated, for `$populate` of that
 * reference to be taken as ignored: a dangling reference stays a bare id (§6: normal), but that many of them with
 * none populated is not what a server that honours it sends. Counted over the walk's pages, so a reference most rows
 * leave empty (a booking's `team`) is learnt too, a few pages later.
 */
const IGNORED_AFTER_BARE = 10;

/** Per reference of a walk: bare ids read so far, or -1 once one came back populated (it is honoured). */
type BareTally = Map<string, number>;

/**
 * The references of `joins` the walk's pages so far (this one added to `tally`) brought back as if they had not been
 * asked: IGNORED_AFTER_BARE or more bare ids, none populated. Each reference on its own: OfficeRnD may populate one
 * and not another.
 */
function ignoredReferences(items: readonly object[], joins: Population['joins'], tally: BareTally): string[] {
  const ignored: string[] = [];
  for (const { path } of joins) {
    let bare = tally.get(path) ?? 0;
    for (const item of items) {
      if (bare < 0) break;
      const value = (item as Record<string, unknown>)[path];
      if (typeof value === 'object' && value !== null) bare = -1;
      else if (typeof value === 'string' && value !== '') bare++;
    }
    tally.set(path, bare);
    if (bare >= IGNORED_AFTER_BARE) ignored.push(path);
  }
  return ignored;
}

/**
 * What remembers, for the gateway, that OfficeRnD refused `$populate` on a collection, or ignored it for one reference
 * (CollectionSizes, under populateMemoryField).
 */
export interface PopulateMemory {
  ignoresFilter(collection: ListCollection, field: string): boolean;
  noteIgnoredFilter(collection: ListCollection, field: string): boolean;
}

/**
 * The field the memory keeps a `$populate` fact under: `$populate` for a refusal of the parameter (a 400 names no
 * entry, so the whole collection), `$populate.<reference>` for one reference OfficeRnD left a bare id.
 */
const populateMemoryField = (reference?: string): string =>
  reference === undefined ? POPULATE_PARAM : `${POPULATE_PARAM}.${reference}`;

/**
 * Whether a read of `collection` asks for `$populate` (of `reference`, when given): on a version that has it, unless
 * OfficeRnD refused it on the collection (or ignored it for that reference).
 */
export function populates(
  officernd: Pick<OfficeRnDClient, 'apiVersion'>,
  collection: ListCollection,
  memory: PopulateMemory,
  reference?: string,
): boolean {
  return (
    POPULATES[officernd.apiVersion] &&
    !memory.ignoresFilter(collection, populateMemoryField()) &&
    (reference === undefined || !memory.ignoresFilter(collection, populateMemoryField(reference)))
  );
}

/**
 * A reader of a report's pages that asks for `population` and hands the pages back with it taken out
 * (takePopulated), for the one walk and the sub-windows alike. It asks only for the references OfficeRnD has not
 * been seen to ignore. A 400 to the first page is read as OfficeRnD refusing `$populate` (like a refused `$select`):
 * the walk is read again without it, and once that succeeds the refusal is remembered for the collection
 * (`memory`), so later reports join as before and never send it. A reference the walk's pages brought back as if
 * it had not been asked (ignoredReferences) is remembered on its own: later reads leave only it out and join it by
 * calls, the other references still ride on the pages. `logger` is told once per collection for a refusal and once per
 * reference for an ignored one (the first time the memory takes it), since from then on those columns cost calls.
 * A page with a populated value that cannot be trusted is read again without it, from its own cursor.
 */
export function populatingReader(
  officernd: Pick<OfficeRnDClient, 'pages' | 'apiVersion'>,
  population: Population,
  memory: PopulateMemory,
  logger?: { warn(message: string, fields?: Record<string, unknown>): void },
): Pick<OfficeRnDClient, 'pages'> {
  return {
    pages: (collection, query, opts = {}) =>
      (async function* () {
        // The references asked for in this walk: those not remembered as ignored when it starts.
        const joins = population.joins.filter((join) => populates(officernd, collection, memory, join.path));
        const fields = joins.flatMap((join) => join.fields.map((field) => `${join.path}.${field}`));
        const refusedBy = (): void => {
          if (!memory.noteIgnoredFilter(collection, populateMemoryField())) return;
          logger?.warn(
            'officernd refused $populate; joined columns of this collection are read by extra calls from now on',
            { collection, populate: fields.join(',') },
          );
        };
        const ignoredFor = (reference: string): void => {
          if (!memory.noteIgnoredFilter(collection, populateMemoryField(reference))) return;
          logger?.warn(
            'officernd ignored $populate of a reference; joined columns through it are read by extra calls from now on',
            {
              collection,
              reference,
              populate: fields.filter((field) => field.startsWith(`${reference}.`)).join(','),
            },
          );
        };
        const tally: BareTally = new Map();
        let populate = fields.length > 0;
        let cursor = opts.cursor ?? null;
        let read = 0;
        let handed = false;
        let refused = false;
        for (;;) {
          const sent: ListQuery = populate ? { ...query, populate: fields } : (query ?? {});
          const max = opts.max === undefined ? undefined : opts.max - read;
          if (max !== undefined && max <= 0) return;
          let again = false;
          try {
            for await (const page of officernd.pages(collection, sent, {
              ...opts,
              cursor,
              ...(max === undefined ? {} : { max }),
            })) {
              if (refused) {
                // The read without it succeeds: it was `$populate` that was refused.
                refused = false;
                refusedBy();
              } else if (populate) {
                for (const reference of ignoredReferences(page.items, joins, tally)) ignoredFor(reference);
              }
              const items = populate ? takePopulated(page.items, population) : page.items;
              if (items === null) {
                populate = false;
                again = true;
                break;
              }
              read += page.items.length;
              cursor = page.next;
              handed = true;
              yield { ...page, items: items as typeof page.items };
            }
          } catch (error) {
            // Only a refusal of the walk's first page: pages already handed out were read with it.
            if (!populate || handed || !refusesPopulate(error)) throw error;
            populate = false;
            refused = true;
            again = true;
          }
          if (!again) return;
        }
      })(),
  };
}
