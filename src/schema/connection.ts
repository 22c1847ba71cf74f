import type { ObjectRef } from '@pothos/core';
import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import { V1_PAGE_LIMIT, type ListCollection } from '../officernd/collections.ts';
import type { ListQuery, Page } from '../officernd/index.ts';
import type { WireMap } from '../officernd/types.ts';
import {
  CursorError,
  cursorScope,
  decodeCursor,
  encodeCursor,
  type CursorPosition,
  type SplitPosition,
} from '../core/cursor.ts';
import type { PageHandOver } from '../core/hand-over.ts';
import { ScanLimitError } from '../core/filters.ts';
import { DEFAULT_FIRST, MAX_FIRST, MAX_WALK_ITEMS } from '../core/limits.ts';
import {
  takePage,
  type PageHandOff,
  type PageSource,
  type PageStart,
  type SourcePage,
  type TakenPage,
} from '../core/paging.ts';
import { NoSplit, planSplit, splitFieldsFor, splitPages, subWindowRows, type SplitPage } from '../core/sub-windows.ts';
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
  /** A function when working it out may take upstream calls (the look for one more matching item). */
  pageInfo: PageInfoShape | (() => Promise<PageInfoShape>);
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
        resolve: (c) => (typeof c.pageInfo === 'function' ? c.pageInfo() : c.pageInfo),
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

/** A position in a list: segment 0 is the upstream list, segment 1 its far rows read by id (`far`). */
type Position = Omit<CursorPosition, 'segment'> & { segment?: number };

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
  const { segment, ...position } = readAfter(cursor, print);
  return segment === 0 ? position : { segment, ...position };
};

interface UpstreamConnectionOptions<T> {
  /**
   * The date check: kept items, applied on our side after the upstream filters. A page still answers `first` items
   * or all that remain (core/paging.ts), bounded by the request's upstream share and MAX_WALK_ITEMS scanned.
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
  /**
   * Ids of rows the upstream query leaves out but the list holds (a dated bookings read's far rows, issue 21): read
   * by id after the list's last page, and checked like every row.
   */
  far?: readonly string[];
  /** Cut the page from the list's match set (the caller asked for `totalCount`, which reads it anyway). */
  shared?: boolean;
  /**
   * Whether the caller asked for `pageInfo` (default: it may have). When not, a page that fills up at the end of an
   * OfficeRnD page never looks for one more row (core/paging.ts `more`): its read is ended before the page is
   * answered, so that a split read's pages read ahead are handed over for the page resuming at its last edge's cursor.
   */
  pageInfo?: boolean;
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

const positionKey = (upstream: string | null, optional: boolean | undefined, segment = 0): string =>
  JSON.stringify([upstream, optional ?? null, ...(segment === 0 ? [] : [segment])]);

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
  options: Pick<UpstreamConnectionOptions<WireMap[C]>, 'keep' | 'check' | 'scope' | 'far'> = {},
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
  { keep, check, far }: Pick<UpstreamConnectionOptions<WireMap[C]>, 'keep' | 'check' | 'far'>,
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
    if (page.next === null) {
      if (far && far.length > 0) {
        const rows = await farRows(ctx, collection, far);
        set.pages.set(positionKey(null, undefined, 1), pageNo + 1);
        rows.forEach((item, index) => {
          if ((keep && !keep(item)) || (check && !check(item))) return;
          set.items.push({
            node: item,
            page: pageNo + 1,
            index,
            after: { segment: 1, upstream: null, offset: index + 1 },
          });
        });
      }
      return set;
    }
    if (scanned >= MAX_WALK_ITEMS) throw new MatchSetLimitError(collection, MAX_WALK_ITEMS);
    upstream = page.next;
  }
}

/** Where a cursor of the upstream path resumes in a match set; null when its page is not one the match set read. */
function locate<T>(set: MatchSet<T>, after: Position): number | null {
  const page = set.pages.get(positionKey(after.upstream, after.optional, after.segment));
  if (page === undefined) return null;
  const at = set.items.findIndex((m) => m.page > page || (m.page === page && m.index >= after.offset));
  return at === -1 ? set.items.length : at;
}

/**
 * Maps `first`/`after` onto upstream pages through the one paging loop (core/paging.ts): a page answers `first`
 * matching items or all that remain, reads only the pages it needs, primes the loaders with what it read, and returns
 * cursors that resume exactly after each item. With `shared`, the page is cut from the list's match set instead (it
 * is read anyway for `totalCount`), with the same cursors.
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
  const position: Position = args.after ? readCursor(args.after, print) : { upstream: null, offset: 0 };
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
  // Without a local check, ask for exactly what is still needed; with one, whole pages.
  const whole = Boolean(keep || (check && !options.narrowed));
  const far = options.far ?? [];
  const source: PageSource<WireMap[C]> = async function* (from, wanted) {
    if (from.segment === 1) {
      yield { items: await farRows(ctx, collection, far), at: from, next: null };
      return;
    }
    let at = from;
    let offset = from.upstream === position.upstream ? position.offset : 0;
    for (;;) {
      const page = await ctx.officernd.listPage(collection, query, {
        cursor: at.upstream,
        limit: whole ? V1_PAGE_LIMIT : Math.max(1, Math.min(V1_PAGE_LIMIT, offset + wanted())),
        signal: ctx.signal,
        ...(at.optional === undefined ? {} : { optional: at.optional }),
      });
      // Every position from here on belongs to the variant this page was read with.
      const variant = (upstream: string | null): PageStart =>
        page.optionalSent === undefined
          ? { segment: 0, upstream }
          : { segment: 0, upstream, optional: page.optionalSent };
      ctx.loaders.prime(collection, page.items);
      // After the list's last page come its far rows, if it has any.
      const after = far.length > 0 ? { segment: 1, upstream: null } : null;
      yield { items: page.items, at: variant(at.upstream), next: page.next === null ? after : variant(page.next) };
      if (page.next === null) {
        if (after) yield { items: await farRows(ctx, collection, far), at: after, next: null };
        return;
      }
      at = variant(page.next);
      offset = 0;
    }
  };
  // A dated list read from its start by a plan of sub-windows, or resumed from a cursor of one, reads them in
  // parallel; a cursor from a read without one (or from before sub-windows) resumes its one walk.
  const planned =
    keep && !args.after
      ? planSplit(ctx.loaders.sizes, ctx.officernd, collection, query, ctx.settings.upstream.maxConcurrency)
      : null;
  // A split cursor names the field its read was cut on: one this read may be split on, or not a cursor of ours.
  if (position.split && !splitFieldsFor(collection, query).includes(position.split.field)) {
    throw badInput('"after" is not a cursor this gateway issued', 'after');
  }
  const cut = position.split ?? (planned ? { field: planned.field, points: planned.points, sub: 0, before: 0 } : null);
  // The rows a sub-window is expected to hold: the plan's, or those of the cursor's cut points.
  const rowsPerWindow = position.split
    ? subWindowRows(ctx.loaders.sizes, collection, query, position.split.field, position.split.points)
    : planned?.rowsPerWindow;
  const taken = await takePage(
    cut
      ? splitSource(ctx, collection, query, cut, rowsPerWindow, source, position, print, args, far.length > 0)
      : source,
    {
      from: { segment: 0, ...position },
      first,
      keep: keep || check ? (item) => (!keep || keep(item)) && (!check || check(item)) : null,
      trustNext: !whole,
      idOf: (item) => (item as { _id?: string })._id,
      maxScanned: MAX_WALK_ITEMS,
      tooMany: () => new ScanLimitError(collection, MAX_WALK_ITEMS),
      handOver: handOffOf(ctx.handOver, print, args, (page) => ctx.loaders.prime(collection, page.items)),
    },
  );
  if (options.pageInfo === false) await taken.close?.();
  for (const item of taken.items) edges.push({ node: item.node, cursor: writeCursor(item.after, print) });
  return { edges, pageInfo: takenPageInfo(taken, edges, args, print), totalCount };
}

/**
 * The pages of a dated list read in sub-windows (core/sub-windows.ts), from a position of that split (`cut`): the
 * sub-windows a page needs are read in parallel (up to UPSTREAM_MAX_CONCURRENCY, only as many as `first` + 1 rows are
 * expected to need), in sub-window order, and every position names its sub-window, that sub-window's upstream cursor
 * and the cut points, so a cursor resumes in the same sub-windows whatever the plan says by then. The pages read
 * ahead of the page's end are left in the hand-over, each at its own position; the request resuming there takes
 * them in turn and reads only what is missing (a miss reads that sub-window again from its cursor: exact, a page
 * more). A read from the start whose bound turns out not to narrow is given back as one walk (`plain`); the list's
 * far rows follow the last sub-window, as they follow the one walk. `rowsPerWindow`: what a sub-window is expected to
 * hold (core/sub-windows.ts subWindowRows), which decides how many the page opens at once.
 */
function splitSource<C extends ListCollection>(
  ctx: Context,
  collection: C,
  query: ListQuery,
  cut: SplitPosition,
  rowsPerWindow: number | undefined,
  plain: PageSource<WireMap[C]>,
  position: Position,
  print: string,
  args: ConnectionArgs,
  afterLast: boolean,
): PageSource<WireMap[C]> {
  const { field, points } = cut;
  const last = points.length;
  const startOf = (sub: number, upstream: string | null, before: number): PageStart => ({
    segment: 0,
    upstream,
    split: { field, points, sub, before },
  });
  const handOver = ctx.handOver;
  return async function* (from, wanted) {
    const far: PageStart = { segment: 1, upstream: null };
    if (from.segment === 1) {
      yield* plain(from, wanted);
      return;
    }
    // Where the page after a sub-window's page starts: its next page, or the next sub-window's first.
    const nextOf = (sub: number, next: string | null, before: number): PageStart | null =>
      next !== null ? startOf(sub, next, before) : sub < last ? startOf(sub + 1, null, 0) : afterLast ? far : null;
    const sourcePageOf = (page: SplitPage<WireMap[C]>): SourcePage<WireMap[C]> => {
      const before = page.before ?? 0;
      return {
        items: page.items,
        at: startOf(page.sub, page.cursor ?? null, before),
        next: nextOf(page.sub, page.next ?? null, before + page.items.length),
      };
    };
    const sub = from.split?.sub ?? 0;
    const before = from.split?.before ?? 0;
    const skipped = from.upstream === position.upstream && sub === position.split?.sub ? position.offset : 0;
    let delivered = false;
    try {
      for await (const page of splitPages<WireMap[C]>({
        officernd: ctx.officernd,
        collection,
        query,
        field,
        points,
        concurrency: ctx.settings.upstream.maxConcurrency,
        signal: ctx.signal,
        // The rows the page still needs and the one more looked for, counted from the resumed sub-window's start (so
        // the sub-windows after it open as they would from there).
        wanted: wanted() + 1 + skipped + before,
        ...(rowsPerWindow === undefined ? {} : { rowsPerWindow }),
        pageLimit: ctx.officernd.pageLimit,
        onIgnored: (c, f) => ctx.loaders.noteIgnoredFilter(c, f),
        ...(from.split ? { from: { sub, cursor: from.upstream, before } } : {}),
        ...(handOver && args.after
          ? {
              // A first page always reads afresh (as core/paging.ts's own hand-over).
              handed: (j: number, cursor: string | null) => {
                const page = handOver.take<WireMap[C]>(print, startOf(j, cursor, 0));
                if (!page) return undefined;
                return { items: [...page.items], next: page.next?.split?.sub === j ? page.next.upstream : null };
              },
            }
          : {}),
        ...(handOver ? { leftover: (page: SplitPage<WireMap[C]>) => handOver.put(print, sourcePageOf(page)) } : {}),
      })) {
        delivered = true;
        ctx.loaders.prime(collection, page.items);
        yield sourcePageOf(page);
      }
    } catch (error) {
      // Given back before any row (only a read from the start is): one walk from the start.
      if (!(error instanceof NoSplit) || delivered) throw error;
      yield* plain({ segment: 0, upstream: null }, wanted);
      return;
    }
    if (afterLast) yield* plain(far, wanted);
  };
}

/**
 * The request's hand-over of upstream pages for the query with cursor scope `print` (core/hand-over.ts): a page
 * resuming from a cursor takes the page the previous one left there; a first page always reads afresh.
 */
function handOffOf<T>(
  handOver: PageHandOver | undefined,
  print: string,
  args: ConnectionArgs,
  onTaken?: (page: SourcePage<T>) => void,
): PageHandOff<T> | null {
  if (!handOver) return null;
  return {
    take: (at) => {
      if (!args.after) return undefined;
      const page = handOver.take<T>(print, at);
      if (page) onTaken?.(page);
      return page;
    },
    put: (page) => handOver.put(print, page),
  };
}

/** The page info of a page cut by the paging loop; worked out when asked for if it needs the look ahead. */
function takenPageInfo<T>(
  taken: TakenPage<T>,
  edges: readonly { cursor: string }[],
  args: ConnectionArgs,
  print: string,
): Connection<T>['pageInfo'] {
  const info = (hasNextPage: boolean, end: CursorPosition) =>
    pageInfoOf(
      edges,
      hasNextPage,
      Boolean(args.after),
      hasNextPage ? writeCursor(end, print) : (edges.at(-1)?.cursor ?? args.after ?? null),
    );
  const { more } = taken;
  if (!more) return info(taken.hasNextPage, taken.end);
  let worked: Promise<PageInfoShape> | undefined;
  return () => (worked ??= more().then((found) => info(found.hasNextPage, found.end)));
}

/** Rows of a list read by id (far rows), in the order given; ids without a row are left out. */
async function farRows<C extends ListCollection>(
  ctx: Context,
  collection: C,
  ids: readonly string[],
): Promise<WireMap[C][]> {
  if (ids.length === 0) return [];
  const found = await ctx.loaders.byId(collection).loadMany(ids);
  const failed = found.find((item) => item instanceof Error);
  if (failed) throw failed;
  return found.filter((item): item is WireMap[C] => item !== null && !(item instanceof Error));
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
  // A selection left out by `@skip(if: true)` or `@include(if: false)` is not asked for (as graphql-js executes it).
  const included = (s: SelectionNode): boolean =>
    getDirectiveValues(GraphQLSkipDirective, s, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, s, info.variableValues)?.if !== false;
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) => {
      if (!included(s)) return false;
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
 * `first` needs (core/paging.ts); cursors resume exactly after each item. `scope` names the query the cursors belong to.
 * With `handOver` (the request's, core/hand-over.ts), a page resuming from a cursor starts from the upstream page the
 * previous one ended in.
 */
export async function upstreamPagesConnection<T>(
  pagesFrom: (cursor: string | null) => AsyncIterable<Page<T>>,
  scope: string,
  args: ConnectionArgs,
  idOf?: (item: T) => string,
  handOver?: PageHandOver,
): Promise<Connection<T>> {
  const first = firstOf(args);
  const print = fingerprint(scope);
  const position: Position = args.after ? readCursor(args.after, print) : { upstream: null, offset: 0 };
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
  const source: PageSource<T> = async function* (from) {
    for await (const page of pagesFrom(from.upstream)) {
      yield { items: page.items, at: from, next: page.next === null ? null : { segment: 0, upstream: page.next } };
      if (page.next === null) return;
      from = { segment: 0, upstream: page.next };
    }
  };
  const taken = await takePage(source, {
    from: { segment: 0, ...position },
    first,
    idOf: idOf ?? null,
    // The source's pages hold only the items their window keeps: an empty page may follow a full one.
    trustNext: false,
    maxScanned: MAX_WALK_ITEMS,
    tooMany: () => new ScanLimitError(scope.split('"')[1] ?? 'list', MAX_WALK_ITEMS),
    handOver: handOffOf(handOver, print, args),
  });
  const edges = taken.items.map((item) => ({ node: item.node, cursor: writeCursor(item.after, print) }));
  return { edges, pageInfo: takenPageInfo(taken, edges, args, print), totalCount };
}
