import type { ObjectRef } from '@pothos/core';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import { V1_PAGE_LIMIT, type ListCollection } from '../officernd/collections.ts';
import type { ListQuery, Page } from '../officernd/index.ts';
import type { WireMap } from '../officernd/types.ts';
import { CursorError, cursorScope, decodeCursor, encodeCursor, type CursorPosition } from '../core/cursor.ts';
import { ScanLimitError } from '../core/filters.ts';
import { DEFAULT_FIRST, MAX_FIRST, MAX_WALK_ITEMS, scanPagesFor } from '../core/limits.ts';
import { badInput } from './errors.ts';
import type { AggregateSource } from './aggregate.ts';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfoShape;
  /** The number of items matching the list's filters and dates (read once per request, see `matchSetConnection`). */
  totalCount: () => Promise<number> | number;
  /** What `aggregate` reads (schema/aggregate.ts): set by root lists, whose match set it is. */
  aggregateSource?: AggregateSource<T>;
}

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

export const PageInfo = builder.objectRef<PageInfoShape>('PageInfo').implement({
  description: 'Where a page of a connection starts and ends, and whether items precede or follow it.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', {
      nullable: false,
      description: 'True when another page may follow: pass `endCursor` as `after` to read it. False for `first: 0`.',
    }),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage', {
      nullable: false,
      description: 'True when matching items precede this page (it was read with an `after` cursor that follows some).',
    }),
    startCursor: t.exposeString('startCursor', {
      description:
        'The cursor of the first item of this page; null when the page is empty or its rows carry no cursors (report rows).',
    }),
    endCursor: t.exposeString('endCursor', {
      description: 'The cursor after the last item of this page; null when the page is empty.',
    }),
  }),
});

/** Page info of a page of `edges` read after `after`: the start cursor is the first edge's. */
export const SortDirection = builder.enumType('SortDirection', {
  description: 'The direction of a sort key.',
  values: {
    ASC: { value: 'ASC', description: 'Smallest (earliest, A first) first; missing values last.' },
    DESC: { value: 'DESC', description: 'Largest (latest, Z first) first; missing values last.' },
  },
});

export function pageInfoOf(
  edges: readonly { cursor: string }[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  endCursor: string | null,
): PageInfoShape {
  return { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor };
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function connectionOf<T>(node: ObjectRef<Types, T>, name: string): ObjectRef<Types, Connection<T>> {
  const edge = builder.objectRef<Edge<T>>(`${name}Edge`).implement({
    description: `One ${name} of a connection, with the cursor that points just after it.`,
    fields: (t) => ({
      cursor: t.exposeString('cursor', {
        nullable: false,
        description: 'Opaque cursor: pass it as `after` to continue right after this item.',
      }),
      node: t.field({ type: node, nullable: false, description: `The ${name}.`, resolve: (e) => e.node as never }),
    }),
  });
  return builder.objectRef<Connection<T>>(`${name}Connection`).implement({
    description: `A page of ${name} items. Page with \`first\` and \`after\`; every item appears exactly once.`,
    fields: (t) => ({
      edges: t.field({
        type: [edge],
        nullable: false,
        description: 'The items of this page with their cursors.',
        resolve: (c) => c.edges,
      }),
      nodes: t.field({
        type: [node],
        nullable: false,
        description: 'The items of this page, without cursors.',
        resolve: (c) => c.edges.map((e) => e.node),
      }),
      pageInfo: t.field({
        type: PageInfo,
        nullable: false,
        description: 'Where this page ends and whether more follow.',
        resolve: (c) => c.pageInfo,
      }),
      totalCount: t.int({
        nullable: false,
        description:
          "How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set " +
          "(OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's " +
          'items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count.',
        resolve: (c) => c.totalCount(),
      }),
    }),
  });
}

/** Reads and checks `first`. */
export function firstOf(args: ConnectionArgs): number {
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST) {
    throw badInput(`"first" must be a whole number from 0 to ${MAX_FIRST}, got ${first}`, 'first');
  }
  return first;
}

type Position = Omit<CursorPosition, 'segment'>;

/** Reads `after` (core/cursor.ts), as a BAD_USER_INPUT naming the argument when it is not a cursor of this query. */
export function readAfter(after: string, scope: string, what = 'query'): CursorPosition {
  try {
    return decodeCursor(after, scope);
  } catch (error) {
    if (!(error instanceof CursorError)) throw error;
    if (error.reason === 'foreign') throw badInput('"after" is not a cursor this gateway issued', 'after');
    throw badInput(
      `"after" belongs to a different ${what} (other filters or another list): start again without it`,
      'after',
    );
  }
}

const fingerprint = cursorScope;
const writeCursor = (position: Position, print: string): string => encodeCursor({ segment: 0, ...position }, print);
const readCursor = (cursor: string, print: string): Position => {
  const { segment: _segment, ...position } = readAfter(cursor, print);
  return position;
};

interface UpstreamConnectionOptions<T> {
  /**
   * The date check: kept items, applied on our side after the upstream filters. A page scans at most
   * `scanPagesFor(first)` upstream pages and may end short with `hasNextPage: true`.
   */
  keep?: (item: T) => boolean;
  /**
   * The filter check (core/filters.ts): every item must pass it, whatever OfficeRnD did with the filters. Pages are
   * read until `first` items pass or MAX_WALK_ITEMS were scanned, which is a RESULT_TOO_LARGE error (never a short
   * page), so `first` and `hasNextPage` stay exact.
   */
  check?: (item: T) => boolean;
  /** Whether OfficeRnD is relied on to apply every filter `check` checks (then pages ask for just what is needed). */
  narrowed?: boolean;
  /** Distinguishes cursors of lists that share collection and upstream query but not `keep`. */
  scope?: string;
  /** Cut the page from the list's match set (the caller asked for `totalCount`, which reads it anyway). */
  shared?: boolean;
  /**
   * A sort the gateway applies to the whole match set (`orderBy`): `key` names it, so cursors remember their sort;
   * pages are offsets in the sorted set.
   */
  sort?: { key: string; compare: (a: T, b: T) => number };
}

/** One item of a match set, with where it sits upstream (page number, index in that page) and the cursor after it. */
interface Match<T> {
  node: T;
  page: number;
  index: number;
  after: Position;
}

/** Every item of a list that matches its filters and dates, in upstream order, with the pages it was read from. */
interface MatchSet<T> {
  items: Match<T>[];
  /** Where each upstream page starts (`positionKey`), by page number. */
  pages: Map<string, number>;
}

const positionKey = (upstream: string | null, optional: boolean | undefined): string =>
  JSON.stringify([upstream, optional ?? null]);

/** Match sets read in this request, by the request's loaders (request-lived) and the list's fingerprint. */
const matchSets = new WeakMap<object, Map<string, Promise<MatchSet<unknown>>>>();

/**
 * A list that read every upstream row it may (MAX_WALK_ITEMS) and still had pages left: a count or a sort over it
 * would be wrong, so it is an error rather than a short answer.
 */
export class MatchSetLimitError extends Error {
  readonly code = 'RESULT_TOO_LARGE';
  constructor(what: string, maxItems: number) {
    super(
      `${what}: counting, sorting or aggregating needs every matching item, and more than ${maxItems} were scanned; ` +
        'narrow the list with a filter OfficeRnD applies (office, team, member) or a shorter date selection',
    );
    this.name = 'MatchSetLimitError';
  }
}

/**
 * Reads the whole match set of a list once per request (totalCount, orderBy and aggregates share it): whole pages,
 * every row checked by `keep` and `check`, the loaders primed. Bounded by MAX_WALK_ITEMS scanned rows.
 */
export function readMatchSet<C extends ListCollection>(
  ctx: Context,
  collection: C,
  query: ListQuery,
  options: Pick<UpstreamConnectionOptions<WireMap[C]>, 'keep' | 'check' | 'scope'> = {},
): Promise<MatchSet<WireMap[C]>> {
  const print = fingerprint(JSON.stringify([collection, query, options.scope ?? '']));
  let sets = matchSets.get(ctx.loaders);
  if (!sets) matchSets.set(ctx.loaders, (sets = new Map()));
  let read = sets.get(print) as Promise<MatchSet<WireMap[C]>> | undefined;
  if (!read) {
    read = walkMatchSet(ctx, collection, query, options);
    sets.set(print, read as Promise<MatchSet<unknown>>);
  }
  return read;
}

async function walkMatchSet<C extends ListCollection>(
  ctx: Context,
  collection: C,
  query: ListQuery,
  { keep, check }: Pick<UpstreamConnectionOptions<WireMap[C]>, 'keep' | 'check'>,
): Promise<MatchSet<WireMap[C]>> {
  const set: MatchSet<WireMap[C]> = { items: [], pages: new Map() };
  let upstream: string | null = null;
  let optional: boolean | undefined;
  let scanned = 0;
  for (let pageNo = 0; ; pageNo += 1) {
    const page: Page<WireMap[C]> = await ctx.officernd.listPage(collection, query, {
      cursor: upstream,
      limit: V1_PAGE_LIMIT,
      signal: ctx.signal,
      ...(optional === undefined ? {} : { optional }),
    });
    // Every page after the first is read in the variant the first was (cursors belong to it).
    optional = page.optionalSent;
    set.pages.set(positionKey(upstream, optional), pageNo);
    const at = (cursor: string | null, offset: number): Position =>
      optional === undefined ? { upstream: cursor, offset } : { upstream: cursor, offset, optional };
    ctx.loaders.prime(collection, page.items);
    page.items.forEach((item, index) => {
      if ((keep && !keep(item)) || (check && !check(item))) return;
      const atPageEnd = index + 1 === page.items.length && page.next !== null;
      set.items.push({
        node: item,
        page: pageNo,
        index,
        after: atPageEnd ? at(page.next, 0) : at(upstream, index + 1),
      });
    });
    scanned += page.items.length;
    if (page.next === null) return set;
    if (scanned >= MAX_WALK_ITEMS) throw new MatchSetLimitError(collection, MAX_WALK_ITEMS);
    upstream = page.next;
  }
}

/** Where a cursor of the upstream path resumes in a match set; null when its page is not one the match set read. */
function locate<T>(set: MatchSet<T>, after: Position): number | null {
  const page = set.pages.get(positionKey(after.upstream, after.optional));
  if (page === undefined) return null;
  const at = set.items.findIndex((m) => m.page > page || (m.page === page && m.index >= after.offset));
  return at === -1 ? set.items.length : at;
}

/**
 * Maps `first`/`after` onto upstream pages: reads only as many pages as the page needs, primes the loaders
 * with what it read, and returns cursors that resume exactly after each item. With `shared`, the page is cut from
 * the list's match set instead (it is read anyway for `totalCount`), with the same cursors.
 */
export async function upstreamConnection<C extends ListCollection>(
  ctx: Context,
  collection: C,
  query: ListQuery,
  args: ConnectionArgs,
  options: UpstreamConnectionOptions<WireMap[C]> = {},
): Promise<Connection<WireMap[C]>> {
  const first = firstOf(args);
  if (options.sort) return sortedConnection(ctx, collection, query, args, options, options.sort);
  const print = fingerprint(JSON.stringify([collection, query, options.scope ?? '']));
  let position: Position = args.after ? readCursor(args.after, print) : { upstream: null, offset: 0 };
  const hasPreviousPage = Boolean(args.after);
  const totalCount = async () => (await readMatchSet(ctx, collection, query, options)).items.length;
  const edges: Edge<WireMap[C]>[] = [];
  if (first === 0) {
    return { edges, pageInfo: pageInfoOf(edges, false, hasPreviousPage, args.after ?? null), totalCount };
  }
  if (options.shared) {
    const set = await readMatchSet(ctx, collection, query, options);
    const start = args.after ? locate(set, position) : 0;
    // A cursor from a page read with a smaller limit is not on the match set's pages: read its page as usual.
    if (start !== null) {
      for (const match of set.items.slice(start, start + first))
        edges.push({ node: match.node, cursor: writeCursor(match.after, print) });
      const more = start + first < set.items.length;
      return {
        edges,
        pageInfo: pageInfoOf(edges, more, start > 0, edges.at(-1)?.cursor ?? args.after ?? null),
        totalCount,
      };
    }
  }
  const { keep, check } = options;
  const seen = new Set<string>();
  const maxPages = keep ? scanPagesFor(first) : Number.POSITIVE_INFINITY;
  const done = (hasNextPage: boolean, endCursor: string | null): Connection<WireMap[C]> => ({
    edges,
    pageInfo: pageInfoOf(edges, hasNextPage, hasPreviousPage, endCursor),
    totalCount,
  });
  let scanned = 0;
  for (let pagesRead = 1; ; pagesRead += 1) {
    const wanted = first - edges.length;
    // Without a local filter, ask for exactly what is still needed; with one, whole pages.
    const limit =
      keep || (check && !options.narrowed) ? V1_PAGE_LIMIT : Math.min(V1_PAGE_LIMIT, position.offset + wanted);
    const page = await ctx.officernd.listPage(collection, query, {
      cursor: position.upstream,
      limit,
      signal: ctx.signal,
      ...(position.optional === undefined ? {} : { optional: position.optional }),
    });
    // Every position from here on belongs to the variant this page was read with.
    const optional = page.optionalSent;
    const at = (upstream: string | null, offset: number): Position =>
      optional === undefined ? { upstream, offset } : { upstream, offset, optional };
    ctx.loaders.prime(collection, page.items);
    let index = position.offset;
    for (; index < page.items.length && edges.length < first; index += 1) {
      const item = page.items[index] as WireMap[C];
      if ((keep && !keep(item)) || (check && !check(item))) continue;
      // Never the same object twice in one list, should OfficeRnD's pages overlap.
      const id = (item as { _id?: string })._id;
      if (id !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      const atPageEnd = index + 1 === page.items.length && page.next !== null;
      const after: Position = atPageEnd ? at(page.next, 0) : at(position.upstream, index + 1);
      edges.push({ node: item, cursor: writeCursor(after, print) });
    }
    if (index < page.items.length) return done(true, writeCursor(at(position.upstream, index), print));
    if (page.next === null) return done(false, edges.at(-1)?.cursor ?? args.after ?? null);
    position = at(page.next, 0);
    scanned += page.items.length;
    if (check && !keep && edges.length < first && scanned >= MAX_WALK_ITEMS)
      throw new ScanLimitError(collection, MAX_WALK_ITEMS);
    if (edges.length >= first || pagesRead >= maxPages) return done(true, writeCursor(position, print));
  }
}

/** A page of a list sorted by the gateway: the sorted match set cut at offsets; cursors carry the sort's key. */
async function sortedConnection<C extends ListCollection>(
  ctx: Context,
  collection: C,
  query: ListQuery,
  args: ConnectionArgs,
  options: UpstreamConnectionOptions<WireMap[C]>,
  sort: { key: string; compare: (a: WireMap[C], b: WireMap[C]) => number },
): Promise<Connection<WireMap[C]>> {
  const first = firstOf(args);
  const print = fingerprint(JSON.stringify([collection, query, options.scope ?? '', sort.key]));
  const start = args.after ? readCursor(args.after, print).offset : 0;
  const set = await readMatchSet(ctx, collection, query, options);
  const sorted = set.items.map((m) => m.node).sort(sort.compare);
  const slice = sorted.slice(start, start + first);
  const edges = slice.map((node, i) => ({
    node,
    cursor: writeCursor({ upstream: null, offset: start + i + 1 }, print),
  }));
  const hasNextPage = first > 0 && start + slice.length < sorted.length;
  return {
    edges,
    pageInfo: pageInfoOf(edges, hasNextPage, start > 0, edges.at(-1)?.cursor ?? args.after ?? null),
    totalCount: () => sorted.length,
  };
}

/** Whether the field being resolved selects `name` on its result (through fragments too): `totalCount`, say. */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return inSet(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return inSet(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
}

/** A connection over a list already in hand (reverse links, catalogue views), with offset cursors. */
export function arrayConnection<T>(items: readonly T[], args: ConnectionArgs, scope: string): Connection<T> {
  const first = firstOf(args);
  const print = fingerprint(scope);
  const start = args.after ? readCursor(args.after, print).offset : 0;
  const slice = items.slice(start, start + first);
  const edges = slice.map((node, i) => ({
    node,
    cursor: writeCursor({ upstream: null, offset: start + i + 1 }, print),
  }));
  const end = start + slice.length;
  const hasNextPage = first > 0 && end < items.length;
  return {
    edges,
    pageInfo: pageInfoOf(edges, hasNextPage, start > 0, edges.at(-1)?.cursor ?? args.after ?? null),
    totalCount: () => items.length,
  };
}

/**
 * Like `upstreamConnection`, over a page source that is not a plain list (booking occurrences, §6.2):
 * `pagesFrom(cursor)` walks upstream pages from that cursor (null: the first page). Reads only the pages
 * `first` needs; cursors resume exactly after each item. `scope` names the query the cursors belong to.
 */
export async function upstreamPagesConnection<T>(
  pagesFrom: (cursor: string | null) => AsyncIterable<Page<T>>,
  scope: string,
  args: ConnectionArgs,
  idOf?: (item: T) => string,
): Promise<Connection<T>> {
  const seen = new Set<string>();
  const first = firstOf(args);
  const print = fingerprint(scope);
  let position: Position = args.after ? readCursor(args.after, print) : { upstream: null, offset: 0 };
  const edges: Edge<T>[] = [];
  let counted: Promise<number> | undefined;
  // Every page from the start, counted; a source that stops before its last page would give a short count.
  const count = async (): Promise<number> => {
    let total = 0;
    let next: string | null = null;
    for await (const page of pagesFrom(null)) {
      total += page.items.length;
      next = page.next;
      if (next !== null && total >= MAX_WALK_ITEMS) break;
    }
    if (next !== null) throw new MatchSetLimitError(scope.split('"')[1] ?? 'list', MAX_WALK_ITEMS);
    return total;
  };
  const totalCount = () => (counted ??= count());
  const hasPreviousPage = Boolean(args.after);
  const done = (hasNextPage: boolean, endCursor: string | null): Connection<T> => ({
    edges,
    pageInfo: pageInfoOf(edges, hasNextPage, hasPreviousPage, endCursor),
    totalCount,
  });
  if (first === 0) return done(false, args.after ?? null);
  let pagesRead = 0;
  for await (const page of pagesFrom(position.upstream)) {
    pagesRead += 1;
    let index = position.offset;
    for (; index < page.items.length && edges.length < first; index += 1) {
      const node = page.items[index] as T;
      // Never the same item twice in one list, should OfficeRnD's pages overlap.
      if (idOf) {
        const id = idOf(node);
        if (seen.has(id)) continue;
        seen.add(id);
      }
      const atPageEnd = index + 1 === page.items.length && page.next !== null;
      const after: Position = atPageEnd
        ? { upstream: page.next, offset: 0 }
        : { upstream: position.upstream, offset: index + 1 };
      edges.push({ node, cursor: writeCursor(after, print) });
    }
    if (index < page.items.length) {
      return done(true, writeCursor({ upstream: position.upstream, offset: index }, print));
    }
    if (page.next === null) {
      return done(false, edges.at(-1)?.cursor ?? args.after ?? null);
    }
    position = { upstream: page.next, offset: 0 };
    if (edges.length >= first) break;
  }
  if (pagesRead === 0) return done(false, args.after ?? null);
  // Enough items, or the source stopped before its last page (a bound was reached): more follow from `position`.
  return done(true, writeCursor(position, print));
}
