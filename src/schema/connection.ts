import type { ObjectRef } from '@pothos/core';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import { V1_PAGE_LIMIT, type ListCollection } from '../officernd/collections.ts';
import type { ListQuery, Page } from '../officernd/index.ts';
import type { WireMap } from '../officernd/types.ts';
import { CursorError, cursorScope, decodeCursor, encodeCursor, type CursorPosition } from '../core/cursor.ts';
import { ScanLimitError } from '../core/filters.ts';
import { DEFAULT_FIRST, MAX_FIRST, MAX_WALK_ITEMS, scanPagesFor } from '../core/limits.ts';
import { badInput } from './errors.ts';


export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
}

export const PageInfo = builder
  .objectRef<Connection<unknown>['pageInfo']>('PageInfo')
  .implement({
    description: 'Where a page of a connection ends, and whether more items follow.',
    fields: (t) => ({
      hasNextPage: t.exposeBoolean('hasNextPage', {
        nullable: false,
        description: 'True when another page may follow: pass `endCursor` as `after` to read it.',
      }),
      endCursor: t.exposeString('endCursor', {
        description: 'The cursor after the last item of this page; null when the page is empty.',
      }),
    }),
  });

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
    throw badInput(`"after" belongs to a different ${what} (other filters or another list): start again without it`, 'after');
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
}

/**
 * Maps `first`/`after` onto upstream pages: reads only as many pages as the page needs, primes the loaders
 * with what it read, and returns cursors that resume exactly after each item.
 */
export async function upstreamConnection<C extends ListCollection>(
  ctx: Context,
  collection: C,
  query: ListQuery,
  args: ConnectionArgs,
  options: UpstreamConnectionOptions<WireMap[C]> = {},
): Promise<Connection<WireMap[C]>> {
  const first = firstOf(args);
  const print = fingerprint(JSON.stringify([collection, query, options.scope ?? '']));
  let position: Position = args.after ? readCursor(args.after, print) : { upstream: null, offset: 0 };
  const edges: Edge<WireMap[C]>[] = [];
  if (first === 0) {
    return { edges, pageInfo: { hasNextPage: true, endCursor: args.after ?? null } };
  }
  const { keep, check } = options;
  const seen = new Set<string>();
  const maxPages = keep ? scanPagesFor(first) : Number.POSITIVE_INFINITY;
  let scanned = 0;
  for (let pagesRead = 1; ; pagesRead += 1) {
    const wanted = first - edges.length;
    // Without a local filter, ask for exactly what is still needed; with one, whole pages.
    const limit = keep || (check && !options.narrowed) ? V1_PAGE_LIMIT : Math.min(V1_PAGE_LIMIT, position.offset + wanted);
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
    if (index < page.items.length) {
      return { edges, pageInfo: { hasNextPage: true, endCursor: writeCursor(at(position.upstream, index), print) } };
    }
    if (page.next === null) {
      return { edges, pageInfo: { hasNextPage: false, endCursor: edges.at(-1)?.cursor ?? args.after ?? null } };
    }
    position = at(page.next, 0);
    scanned += page.items.length;
    if (check && !keep && edges.length < first && scanned >= MAX_WALK_ITEMS) throw new ScanLimitError(collection, MAX_WALK_ITEMS);
    if (edges.length >= first || pagesRead >= maxPages) {
      return { edges, pageInfo: { hasNextPage: true, endCursor: writeCursor(position, print) } };
    }
  }
}

/** A connection over a list already in hand (reverse links, catalogue views), with offset cursors. */
export function arrayConnection<T>(items: readonly T[], args: ConnectionArgs, scope: string): Connection<T> {
  const first = firstOf(args);
  const print = fingerprint(scope);
  const start = args.after ? readCursor(args.after, print).offset : 0;
  const slice = items.slice(start, start + first);
  const edges = slice.map((node, i) => ({ node, cursor: writeCursor({ upstream: null, offset: start + i + 1 }, print) }));
  const end = start + slice.length;
  return {
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      endCursor: edges.at(-1)?.cursor ?? args.after ?? null,
    },
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
  if (first === 0) {
    return { edges, pageInfo: { hasNextPage: true, endCursor: args.after ?? null } };
  }
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
      const after: Position = atPageEnd ? { upstream: page.next, offset: 0 } : { upstream: position.upstream, offset: index + 1 };
      edges.push({ node, cursor: writeCursor(after, print) });
    }
    if (index < page.items.length) {
      return { edges, pageInfo: { hasNextPage: true, endCursor: writeCursor({ upstream: position.upstream, offset: index }, print) } };
    }
    if (page.next === null) {
      return { edges, pageInfo: { hasNextPage: false, endCursor: edges.at(-1)?.cursor ?? args.after ?? null } };
    }
    position = { upstream: page.next, offset: 0 };
    if (edges.length >= first) break;
  }
  if (pagesRead === 0) return { edges, pageInfo: { hasNextPage: false, endCursor: args.after ?? null } };
  // Enough items, or the source stopped before its last page (a bound was reached): more follow from `position`.
  return { edges, pageInfo: { hasNextPage: true, endCursor: writeCursor(position, print) } };
}
