/**
 * Large reads in parallel (issue 21). OfficeRnD's cursors (§3) make one walk sequential: a page per round trip. A
 * read expected to take many pages is cut into sub-windows on a date field OfficeRnD compares (`createdAt` for a
 * whole collection, `seriesStart` for a dated bookings read, the selection's own field otherwise: §4, §6.1), each a
 * half-open range `[lower, upper)` sent as optional filters (`field.$gte`, `field.$lt`) and walked with its own
 * cursor, several at once through the one client (its concurrency cap, rate budget and the request's share).
 *
 * - Split points come from a learnt distribution of the field (loaders/collection-sizes.ts: the size learner's walk
 *   reads the field with the ids and keeps its quantiles), so each sub-window holds about as many rows, between
 *   MIN_SUB_WINDOW_PAGES and SUB_WINDOW_PAGES pages: at most one partial page more per sub-window than the rows need.
 * - Order: sub-window by sub-window (ascending field ranges), OfficeRnD's order within each.
 * - Calls and memory: at most `concurrency` sub-windows read at a time; one that has read its last page frees its
 *   call for the next one while its pages wait for the consumer. Pages read and asked for but not yet taken by the
 *   consumer are at most heldPagesBound(concurrency) (`concurrency` × MAX_BUFFERED_PAGES): MAX_BUFFERED_PAGES of the
 *   consumer's sub-window, the rest shared by the ones after it (of which at most WINDOWS_AHEAD_PER_CALL ×
 *   `concurrency` are open, finished ones included). With a limit (`wanted`, a GraphQL page), a sub-window after the
 *   consumer's reads ahead only the rows still wanted once those before it give what they are expected to: a page
 *   does not pay for pages of its last sub-window it will not reach.
 * - Exactness: every row is checked against its sub-window's range (a row can match one sub-window only, so none is
 *   delivered twice); the caller still checks every filter and date itself.
 * - A bound that does not narrow (a first page holds rows outside its sub-window, or the optional filters were not
 *   sent) is noted, and the read is given back to the caller as one walk (`NoSplit`) before any row was delivered.
 */

import { COLLECTIONS, type ListCollection } from '../officernd/collections.ts';
import { isBareIdAnswer, type Filter, type ListQuery, type OfficeRnDClient } from '../officernd/index.ts';
import { refusesSelection } from './failure.ts';
import { MIN_SUB_WINDOW_PAGES } from './limits.ts';

/** Most pages one sub-window is cut to hold (a large read: many sub-windows, `concurrency` of them read at once). */
export const SUB_WINDOW_PAGES = 8;

/**
 * Fewest pages one sub-window is cut to hold (core/limits.ts, where the cost rule reads it too): its partial last page
 * costs at most a fifth more calls, so a split read stays within the 1.2 × its pages (plus a few calls of its own)
 * that issue 21 allows a dated read.
 */
export { MIN_SUB_WINDOW_PAGES };

/** Pages an open sub-window may read ahead of the consumer before it waits. */
export const MAX_BUFFERED_PAGES = SUB_WINDOW_PAGES + 2;

/**
 * Sub-windows open at once from the consumer's on (reading, or finished with pages not yet taken), per call in flight:
 * while the consumer waits on a slow sub-window, finished ones after it give their calls to the next ones, this far.
 */
export const WINDOWS_AHEAD_PER_CALL = 2;

/**
 * Most pages a read in sub-windows holds at once, read or asked for but not yet taken by the consumer: its memory
 * bound, whatever the size of the read. The consumer's sub-window may hold MAX_BUFFERED_PAGES of them, the ones after
 * it share the rest.
 */
export function heldPagesBound(concurrency: number): number {
  return concurrency * MAX_BUFFERED_PAGES;
}

/** Quantiles kept of a learnt field (129 values: the minimum, 127 inner ones, the maximum). */
export const QUANTILES = 128;

/** The learnt distribution of one date field of a collection (ms epoch values). */
export interface FieldDistribution {
  /** Objects read. */
  count: number;
  /** Objects without a readable value: a whole-collection split would never read them, so there is none. */
  missing: number;
  /** Ascending values at ranks 0, 1/QUANTILES … 1; empty when no object has a value. */
  quantiles: number[];
}

/** Where a gateway keeps the learnt distributions and the filters seen ignored (loaders/collection-sizes.ts). */
export interface SplitStore {
  distribution(collection: ListCollection, field: string): FieldDistribution | undefined;
  ignoresFilter(collection: ListCollection, field: string): boolean;
}

/**
 * The one field a whole-collection read is split on: `createdAt`, which OfficeRnD sets on every object (§6
 * conventions), so that every object, one added after the spread was learnt too, falls in exactly one sub-window.
 * Never bookings' `seriesStart`, even where it would cut more evenly: a booking without one would be in none (a lost
 * row), while a dated bookings read bounds `seriesStart` on both sides already (§6.1) and is split on it.
 */
export const WHOLE_READ_SPLIT_FIELD = 'createdAt';

/**
 * The fields reads of a collection are split on, which the size learner reads with the ids: `createdAt` (whole
 * collections and CREATED_AT selections) and bookings' `seriesStart` (dated bookings reads, §6.1), where the
 * collection declares OfficeRnD compares them (collections.ts `dateFields`); none for catalogues (a page or two).
 */
export function splitFieldsOf(collection: ListCollection): string[] {
  const spec = COLLECTIONS[collection];
  if (spec.catalog) return [];
  return [WHOLE_READ_SPLIT_FIELD, 'seriesStart'].filter((field) => spec.dateFields.includes(field));
}

/** Cut points fall on whole seconds. */
const CUT_UNIT_MS = 1_000;

/** Reads a date value as ms epoch; null when absent or unreadable. */
export function dateMs(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** The distribution of some values (consumed: sorted in place). */
export function distributionOf(values: Float64Array, missing: number): FieldDistribution {
  values.sort();
  const quantiles: number[] = [];
  if (values.length > 0) {
    for (let i = 0; i <= QUANTILES; i += 1) {
      quantiles.push(values[Math.round((i / QUANTILES) * (values.length - 1))] as number);
    }
  }
  return { count: values.length + missing, missing, quantiles };
}

/** The share of values below `at` (piecewise linear between quantiles). */
function rankOf(d: FieldDistribution, at: number | null, open: 0 | 1): number {
  const q = d.quantiles;
  if (at === null) return open;
  if (q.length === 0) return 0;
  if (at <= (q[0] as number)) return 0;
  if (at > (q[q.length - 1] as number)) return 1;
  let i = 1;
  while (i < q.length - 1 && at > (q[i] as number)) i += 1;
  const lo = q[i - 1] as number;
  const hi = q[i] as number;
  const within = hi > lo ? (at - lo) / (hi - lo) : 1;
  return (i - 1 + within) / (q.length - 1);
}

/** The value at a share of the values (the inverse of rankOf). */
function valueAt(d: FieldDistribution, rank: number): number {
  const q = d.quantiles;
  const position = Math.min(1, Math.max(0, rank)) * (q.length - 1);
  const i = Math.min(q.length - 2, Math.floor(position));
  const lo = q[i] as number;
  const hi = q[i + 1] as number;
  return Math.round(lo + (hi - lo) * (position - i));
}

/** Rows of `[lower, upper)` (null: open) by the distribution. */
export function expectedRows(d: FieldDistribution, lower: number | null, upper: number | null): number {
  return (d.count - d.missing) * Math.max(0, rankOf(d, upper, 1) - rankOf(d, lower, 0));
}

/**
 * How many sub-windows a read of `pages` pages is cut into: a multiple of `concurrency` with at most
 * SUB_WINDOW_PAGES pages each, so that every round of reads keeps all of them busy; a read shorter than
 * `concurrency` × MIN_SUB_WINDOW_PAGES pages into sub-windows of MIN_SUB_WINDOW_PAGES pages (1: one walk).
 */
export function subWindowCount(pages: number, concurrency: number): number {
  if (pages >= concurrency * MIN_SUB_WINDOW_PAGES)
    return concurrency * Math.ceil(pages / (concurrency * SUB_WINDOW_PAGES));
  return Math.max(1, Math.floor(pages / MIN_SUB_WINDOW_PAGES));
}

/**
 * Where to cut a read of `[lower, upper)` (null: open) on a field with this distribution into subWindowCount
 * sub-windows of about equal rows: the cut points, ascending, strictly inside the range; none when the read is
 * expected to take fewer than two sub-windows' pages (or the distribution cannot say).
 */
export function splitPoints(
  d: FieldDistribution | undefined,
  lower: number | null,
  upper: number | null,
  pageLimit: number,
  concurrency: number,
): number[] {
  if (!d || d.quantiles.length < 2) return [];
  // A whole-collection read never sends a bound its objects without the field would fail: all must have one.
  if (lower === null && upper === null && d.missing > 0) return [];
  const from = rankOf(d, lower, 0);
  const to = rankOf(d, upper, 1);
  const rows = expectedRows(d, lower, upper);
  const count = subWindowCount(rows / pageLimit, concurrency);
  if (count < 2) return [];
  const points: number[] = [];
  for (let j = 1; j < count; j += 1) {
    // At a whole second: any cut is exact (each row is checked against its sub-window), and a cursor carrying the
    // points writes them shorter (core/cursor.ts packPoints).
    const at = Math.round(valueAt(d, from + ((to - from) * j) / count) / CUT_UNIT_MS) * CUT_UNIT_MS;
    const last = points.at(-1) ?? lower ?? Number.NEGATIVE_INFINITY;
    if (at > last && (upper === null || at < upper)) points.push(at);
  }
  return points;
}

/** The lower and upper bounds a query sends on a field (ms epoch; null when it sends none). */
export function boundsOf(query: ListQuery, field: string): { lower: number | null; upper: number | null } {
  let lower: number | null = null;
  let upper: number | null = null;
  for (const filter of [...(query.filters ?? []), ...(query.optional ?? [])]) {
    if (filter.field !== field) continue;
    const ms = filter.value instanceof Date ? filter.value.getTime() : dateMs(filter.value);
    if (ms === null) continue;
    if (filter.op === 'gte' || filter.op === 'gt') lower = lower === null ? ms : Math.max(lower, ms);
    if (filter.op === 'lt' || filter.op === 'lte') upper = upper === null ? ms : Math.min(upper, ms);
  }
  return { lower, upper };
}

/**
 * The field a read can be split on: the one its optional filters bound (a date selection pushed down), or, for a
 * read with no upstream filter at all, WHOLE_READ_SPLIT_FIELD where the collection's reads are split on it
 * (splitFieldsOf); none when anything else narrows it upstream (another filter would make the learnt distribution
 * over-count its rows, and every sub-window cost a partial page for few rows).
 */
export function splitFieldsFor(collection: ListCollection, query: ListQuery): string[] {
  if ((query.filters ?? []).length > 0) return [];
  const fields = new Set((query.optional ?? []).map((filter) => filter.field));
  if (fields.size === 0) return splitFieldsOf(collection).filter((field) => field === WHOLE_READ_SPLIT_FIELD);
  return fields.size === 1 ? [...fields] : [];
}

/**
 * Rows each sub-window of a read cut at `points` on `field` is expected to hold: the read's rows by the learnt
 * distribution, shared equally (splitPoints cuts at equal shares); undefined when nothing was learnt. A plan
 * (planSplit) and a read resumed at a cursor's cut points (schema/connection.ts) both say it here.
 */
export function subWindowRows(
  store: Pick<SplitStore, 'distribution'>,
  collection: ListCollection,
  query: ListQuery,
  field: string,
  points: readonly number[],
): number | undefined {
  const distribution = store.distribution(collection, field);
  if (!distribution) return undefined;
  const { lower, upper } = boundsOf(query, field);
  return expectedRows(distribution, lower, upper) / (points.length + 1);
}

/**
 * How a read is split, or null for one walk: it needs two sub-windows or more by the learnt distribution of its
 * field (splitFieldsFor), a bound OfficeRnD was not seen to ignore and the client sends (v2 leaves out what its list
 * does not document, §4), and `concurrency` above one. Objects sharing one value (e.g. bookings imported at once,
 * one `createdAt`) cannot be cut apart: such a read has fewer, larger sub-windows, still exact.
 */
export function planSplit(
  store: SplitStore,
  officernd: Pick<OfficeRnDClient, 'pageLimit' | 'sendsFilter'>,
  collection: ListCollection,
  query: ListQuery,
  concurrency: number | undefined,
): { field: string; points: number[]; rowsPerWindow: number } | null {
  if (concurrency === undefined || concurrency < 2) return null;
  let best: { field: string; points: number[]; rowsPerWindow: number } | null = null;
  for (const field of splitFieldsFor(collection, query)) {
    if (store.ignoresFilter(collection, field)) continue;
    if (!officernd.sendsFilter(collection, field, 'gte') || !officernd.sendsFilter(collection, field, 'lt')) continue;
    const { lower, upper } = boundsOf(query, field);
    const points = splitPoints(store.distribution(collection, field), lower, upper, officernd.pageLimit, concurrency);
    const rowsPerWindow = subWindowRows(store, collection, query, field, points);
    if (rowsPerWindow === undefined || points.length <= (best?.points.length ?? 0)) continue;
    best = { field, points, rowsPerWindow };
  }
  return best;
}

/** The read could not be split after all; nothing was delivered: read it as one walk. */
export class NoSplit extends Error {
  constructor(readonly reason: 'ignored' | 'unselected') {
    super(`sub-window read given up: ${reason}`);
    this.name = 'NoSplit';
  }
}

export interface SplitReadOptions<T = object> {
  officernd: Pick<OfficeRnDClient, 'pages'>;
  collection: ListCollection;
  /** The read as one walk: its bounds on `field` are the outer ends of the first and last sub-windows. */
  query: ListQuery;
  field: string;
  /** Cut points, ascending (splitPoints): n points make n + 1 sub-windows. */
  points: readonly number[];
  /** Sub-windows open at once (UPSTREAM_MAX_CONCURRENCY). */
  concurrency: number;
  signal?: AbortSignal;
  /** Rows still wanted (a limit): no sub-window is opened that the rows of the open ones are expected to cover. */
  wanted?: number | null;
  /** Rows one sub-window is expected to hold (with `wanted`; planSplit says); default SUB_WINDOW_PAGES pages of 100. */
  rowsPerWindow?: number;
  /** Items one page holds (with `wanted`: a sub-window reads no more pages ahead than the rows still wanted fill). */
  pageLimit?: number;
  /** Told when a bound did not narrow (CollectionSizes.noteIgnoredFilter through the loaders: logged once). */
  onIgnored?: (collection: ListCollection, field: string) => void;
  /**
   * Resume at sub-window `sub` from its upstream cursor (a GraphQL cursor's split position, core/cursor.ts): the
   * sub-windows before it are not read. A resumed read is never given back as one walk (its rows so far came from
   * sub-windows): a bound seen not to narrow is noted, and every row is still checked against its sub-window.
   */
  from?: { sub: number; cursor: string | null; before?: number };
  /** A page already in hand (the hand-over): sub-window `sub`'s page read at `cursor`, taken instead of read. */
  handed?: (sub: number, cursor: string | null) => { items: T[]; next: string | null } | undefined;
  /**
   * Told of every page read but not delivered when the reader stops (pages read ahead), once the reads in flight
   * have settled, so that none of them is read again by the request resuming there (core/hand-over.ts).
   */
  leftover?: (page: SplitPage<T>) => void;
}

/** One page of a sub-window, its rows checked against the sub-window's range. */
export interface SplitPage<T> {
  items: T[];
  /** Which sub-window (0 …). */
  sub: number;
  /** Whether more pages follow (of this sub-window or the next ones). */
  more: boolean;
  /** splitPages: the upstream cursor this page was read at in its sub-window (null: the sub-window's first page). */
  cursor?: string | null;
  /** splitPages: the sub-window's cursor of its next page; null after its last page. */
  next?: string | null;
  /** splitPages: rows of the sub-window in its pages before this one (counted from `from.before` when resumed). */
  before?: number;
}

interface SubWindow<T> {
  pages: T[][];
  done: boolean;
  failure: unknown;
  /** Pages read so far (the first one decides whether the bound narrows). */
  read: number;
  /** Rows those pages kept. */
  rows: number;
  /** A page asked for and not yet answered: it counts in the pages held. */
  asking: boolean;
  /** Waiting for room to ask for its next page: woken (asking) when there is. */
  room: (() => void) | null;
  /** The consumer waits for this sub-window's next page: read it whatever the limit says. */
  demanded: boolean;
}

/** One upstream page of a sub-window, as `OrderedPagesOptions.pagesOf` reads it. */
export interface SubWindowPage<T> {
  items: T[];
  /** Null on the sub-window's last page (its walk ends without another call): it frees its call at once. */
  next?: string | null;
  /** False when the client did not send the sub-window's bounds (optional filters refused before). */
  optionalSent?: boolean;
}

/**
 * Sub-windows of any read, for `orderedPages`: how to walk each, which rows each keeps, and what its first page says
 * about the split. splitPages builds them for a list read; dates/occurrence-pages.ts for booking occurrences.
 */
export interface OrderedPagesOptions<T> {
  /** Sub-windows, in delivery order. */
  count: number;
  /** The pages of sub-window `j`, its own cursor walk; `stop` ends it when the read is done or given up. */
  pagesOf(j: number, stop: AbortSignal): AsyncIterable<SubWindowPage<T>>;
  /** The rows sub-window `j` delivers (a row matches one sub-window only, so none is delivered twice). */
  keep(j: number): (item: T) => boolean;
  /** What the first page of sub-window `j` says: its bound did not narrow, the selection was not answered, or null. */
  judge(j: number, page: SubWindowPage<T>): 'ignored' | 'unselected' | null;
  /** Whether a first page's failure means the selection was not answered (the read is given back as one walk). */
  unselectedBy?(failure: unknown): boolean;
  /** Sub-windows open at once (UPSTREAM_MAX_CONCURRENCY). */
  concurrency: number;
  signal?: AbortSignal;
  /** Rows still wanted (a limit): no sub-window is opened that the rows of the open ones are expected to cover. */
  wanted?: number | null;
  /** Rows one sub-window is expected to hold (with `wanted`); default SUB_WINDOW_PAGES pages of 100. */
  rowsPerWindow?: number;
  /** Items one page holds (with `wanted`: a sub-window reads no more pages ahead than the rows still wanted fill). */
  pageLimit?: number;
  /** Told when a bound did not narrow, once: before NoSplit, or after the read when only later pages showed it. */
  onIgnored?: () => void;
}

/**
 * Reads the sub-windows of a list read concurrently and yields their pages in sub-window order. Throws NoSplit
 * (before anything is yielded) when the first pages show the bound does not narrow or the selection is not answered.
 */
export async function* splitPages<T extends object>(options: SplitReadOptions<T>): AsyncGenerator<SplitPage<T>> {
  const { officernd, collection, query, field, points } = options;
  const count = points.length + 1;
  // A resumed read starts at sub-window `base`: orderedPages' sub-window k is sub-window base + k.
  const base = options.from?.sub ?? 0;
  const others = (query.optional ?? []).filter((f) => f.field !== field);
  const outer = [...(query.filters ?? []), ...(query.optional ?? [])].filter((f) => f.field === field);
  const outerLower = outer.filter((f) => f.op === 'gte' || f.op === 'gt');
  const outerUpper = outer.filter((f) => f.op === 'lt' || f.op === 'lte');
  const required = (query.filters ?? []).filter((f) => f.field !== field);
  // The field is read to check each row's sub-window.
  const select = query.select && !query.select.includes(field) ? [...query.select, field].sort() : query.select;
  const inside = (j: number) => {
    const lower = j > 0 ? (points[j - 1] as number) : null;
    const upper = j < count - 1 ? (points[j] as number) : null;
    return (item: object): boolean => {
      if (lower === null && upper === null) return true;
      const at = dateMs((item as Record<string, unknown>)[field]);
      return at !== null && (lower === null || at >= lower) && (upper === null || at < upper);
    };
  };
  const queryOf = (j: number): ListQuery => {
    const bounds: Filter[] = [
      ...(j === 0 ? outerLower : [{ field, op: 'gte' as const, value: new Date(points[j - 1] as number) }]),
      ...(j === count - 1 ? outerUpper : [{ field, op: 'lt' as const, value: new Date(points[j] as number) }]),
    ];
    return { filters: required, optional: [...others, ...bounds], ...(select ? { select } : {}) };
  };
  // Pages read and not yet delivered, by sub-window in read order (orderedPages delivers each sub-window's pages in
  // that order), with where each was read: a stopped reader's are its leftovers.
  const unread = new Map<number, SplitPage<T>[]>();
  const walking: Promise<void>[] = [];
  async function* pagesOf(j: number, stop: AbortSignal): AsyncGenerator<SubWindowPage<T>> {
    let settled: () => void = () => undefined;
    walking.push(new Promise<void>((resolve) => (settled = resolve)));
    const queue: SplitPage<T>[] = [];
    unread.set(j, queue);
    const keep = inside(j);
    let cursor = j === base ? (options.from?.cursor ?? null) : null;
    let before = j === base ? (options.from?.before ?? 0) : 0;
    try {
      for (let page = options.handed?.(j, cursor); page; page = options.handed?.(j, cursor)) {
        queue.push({ items: page.items, sub: j, more: true, cursor, next: page.next, before });
        yield { items: page.items, next: page.next };
        if (page.next === null) return;
        cursor = page.next;
        before += page.items.length;
      }
      // The caller's signal, not `stop`: the client counts a call in the request's share (its API key's lane) by it.
      // Without one, `stop` ends the calls in flight, unless they are to be handed back (`leftover`): then they end.
      const signal = options.signal ?? (options.leftover ? undefined : stop);
      const pages = officernd.pages(collection, queryOf(j), {
        ...(signal ? { signal } : {}),
        ...(cursor === null ? {} : { cursor }),
      }) as AsyncIterable<SubWindowPage<T> & { next: string | null }>;
      for await (const page of pages) {
        const items = page.items.filter(keep);
        queue.push({ items, sub: j, more: true, cursor, next: page.next, before });
        yield page;
        cursor = page.next;
        before += items.length;
      }
    } finally {
      settled();
    }
  }
  let failed = false;
  try {
    for await (const page of orderedPages<T>({
      count: count - base,
      pagesOf: (k, stop) => pagesOf(base + k, stop),
      keep: (k) => inside(base + k),
      judge: (k, page) => {
        if (select && isBareIdAnswer(page.items)) return 'unselected';
        // The sub-window's bounds were not sent (refused before), or rows outside them came back: not narrowing.
        if (page.optionalSent !== false && page.items.every(inside(base + k))) return null;
        if (!options.from) return 'ignored';
        options.onIgnored?.(collection, field);
        return null;
      },
      unselectedBy: (failure) => query.select !== undefined && refusesSelection(failure),
      concurrency: options.concurrency,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.wanted !== undefined ? { wanted: options.wanted } : {}),
      ...(options.rowsPerWindow !== undefined ? { rowsPerWindow: options.rowsPerWindow } : {}),
      ...(options.pageLimit !== undefined ? { pageLimit: options.pageLimit } : {}),
      onIgnored: () => options.onIgnored?.(collection, field),
    })) {
      const sub = base + page.sub;
      const read = unread.get(sub)?.shift();
      yield { ...page, sub, cursor: read?.cursor ?? null, next: read?.next ?? null, before: read?.before ?? 0 };
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (options.leftover && !failed) {
      // Each open sub-window ends after the page it is reading, if any (orderedPages stopped them).
      await Promise.all(walking);
      for (const queue of unread.values()) for (const page of queue) options.leftover(page);
    }
  }
}

/**
 * Reads sub-windows concurrently and yields their kept rows page by page in sub-window order. At most `concurrency`
 * of them read at a time; one that has read its last page frees its call for the next, while its pages wait for the
 * consumer. Pages held (read or asked for, not yet yielded) stay within heldPagesBound(concurrency): the consumer's
 * sub-window up to MAX_BUFFERED_PAGES, the ones after it the rest; at most WINDOWS_AHEAD_PER_CALL × `concurrency`
 * sub-windows are open from the consumer's on. Throws NoSplit (before anything is yielded) when a first page of the
 * first wave shows the bound does not narrow or the selection is not answered.
 */
export async function* orderedPages<T>(options: OrderedPagesOptions<T>): AsyncGenerator<SplitPage<T>> {
  const { count, concurrency } = options;
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const windows: SubWindow<T>[] = [];
  let wake: (() => void) | null = null;
  const notify = () => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };
  let ignored = false;
  let unselected = false;
  let delivered = 0;
  /** The sub-window the consumer takes pages from: those before it are done and taken. */
  let consumer = 0;
  let opened = 0;
  /** The first wave's verdict is in: sub-windows past the first wave may open. */
  let decided = false;
  const wanted = options.wanted ?? null;
  /** Pages a sub-window may hold unread: MAX_BUFFERED_PAGES, or fewer when a limit needs fewer. */
  const capacity = (): number =>
    wanted === null
      ? MAX_BUFFERED_PAGES
      : Math.max(0, Math.min(MAX_BUFFERED_PAGES, Math.ceil((wanted - delivered) / (options.pageLimit ?? 100))));
  /** Pages the sub-windows after the consumer's may hold together (read, or asked for). */
  const aheadBound = heldPagesBound(concurrency) - MAX_BUFFERED_PAGES;
  const heldAhead = (): number => {
    let held = 0;
    for (let k = consumer + 1; k < opened; k += 1) {
      const state = windows[k] as SubWindow<T>;
      held += state.pages.length + (state.asking ? 1 : 0);
    }
    return held;
  };
  /** Sub-windows still reading (or waiting for room to read on): each holds one of the `concurrency` calls. */
  const reading = (): number => {
    let active = 0;
    for (let k = consumer; k < opened; k += 1) if (!(windows[k] as SubWindow<T>).done) active += 1;
    return active;
  };
  const perWindow = (windows: number) => windows * (options.rowsPerWindow ?? SUB_WINDOW_PAGES * 100);
  /** Rows sub-window `j` is expected to deliver still: those it holds, and while it reads, what it is expected to add. */
  const expectedLeft = (j: number): number => {
    const state = windows[j] as SubWindow<T>;
    const held = state.pages.reduce((n, page) => n + page.length, 0);
    return held + (state.done ? 0 : Math.max(0, perWindow(1) - state.rows));
  };
  /**
   * Pages sub-window `k` after the consumer's may hold unread: with a limit, those the rows still wanted need once the
   * sub-windows before it delivered what they are expected to (so a page does not read the far end of a sub-window
   * it may not reach); else MAX_BUFFERED_PAGES.
   */
  const capacityAhead = (k: number): number => {
    if (wanted === null) return MAX_BUFFERED_PAGES;
    let before = 0;
    for (let j = consumer; j < k; j += 1) before += expectedLeft(j);
    const rows = wanted - delivered - before;
    return Math.max(0, Math.min(MAX_BUFFERED_PAGES, Math.ceil(rows / (options.pageLimit ?? 100))));
  };
  /** Whether sub-window `k` may ask for its next page now. */
  const mayAsk = (k: number): boolean => {
    const state = windows[k] as SubWindow<T>;
    if (k === consumer) return state.demanded || state.pages.length < capacity();
    return state.pages.length < capacityAhead(k) && heldAhead() < aheadBound;
  };

  /**
   * Gives room: wakes the waiting sub-windows that may read on (nearest the consumer first), then opens the next ones
   * while calls, memory and a limit allow. Synchronous, so what it grants is counted before anything else asks.
   */
  const pump = (): void => {
    if (stop.signal.aborted) return;
    for (let k = consumer; k < opened; k += 1) {
      const state = windows[k] as SubWindow<T>;
      if (state.room && mayAsk(k)) {
        const room = state.room;
        state.room = null;
        state.asking = true;
        room();
      }
    }
    while (
      opened < count &&
      (decided || opened < concurrency) &&
      opened < consumer + WINDOWS_AHEAD_PER_CALL * concurrency &&
      reading() < concurrency &&
      (opened === consumer || heldAhead() < aheadBound)
    ) {
      // A limit: the open sub-windows are expected to hold the rows still wanted.
      if (wanted !== null && opened > consumer && perWindow(opened - consumer) >= wanted - delivered) break;
      open(opened);
      opened += 1;
    }
  };

  const open = (j: number): void => {
    const state: SubWindow<T> = {
      pages: [],
      done: false,
      failure: null,
      read: 0,
      rows: 0,
      asking: true,
      room: null,
      demanded: false,
    };
    windows[j] = state;
    const keep = options.keep(j);
    void (async () => {
      try {
        for await (const page of options.pagesOf(j, stop.signal)) {
          state.asking = false;
          if (state.read === 0) {
            const verdict = options.judge(j, page);
            if (verdict === 'unselected') unselected = true;
            else if (verdict === 'ignored') ignored = true;
          }
          state.read += 1;
          state.demanded = false;
          const kept = page.items.filter(keep);
          state.rows += kept.length;
          state.pages.push(kept);
          notify();
          if (stop.signal.aborted) return;
          // Its last page: the walk ends without a call, so the sub-window is done (its call freed) at once.
          if (page.next === null) continue;
          // The first page is always read (it decides whether the bound narrows); later ones as room and demand say.
          if (mayAsk(j)) state.asking = true;
          else await new Promise<void>((resolve) => (state.room = resolve));
          // Done or given up while waiting: no further page (a walk need not call with the stop signal).
          if (stop.signal.aborted) return;
        }
      } catch (error) {
        if (!stop.signal.aborted) state.failure = error;
      } finally {
        state.asking = false;
        state.done = true;
        notify();
        pump();
      }
    })();
  };

  const waitFor = async (ready: () => boolean): Promise<void> => {
    while (!ready()) {
      if (options.signal?.aborted) throw options.signal.reason;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  try {
    pump();
    // The first wave decides: every open sub-window's first page (or its end) before anything is delivered.
    const first = windows.slice(0, opened);
    await waitFor(() => first.every((w) => w.read > 0 || w.done));
    const failed = first.find((w) => w.failure !== null && w.read === 0);
    if (failed && options.unselectedBy?.(failed.failure)) unselected = true;
    if (unselected || ignored) {
      stop.abort();
      if (ignored) options.onIgnored?.();
      throw new NoSplit(unselected ? 'unselected' : 'ignored');
    }
    decided = true;
    for (let j = 0; j < count; j += 1) {
      // Its pages no longer count against the ones ahead: room for them, and for the next sub-windows.
      consumer = j;
      pump();
      const state = windows[j] as SubWindow<T>;
      for (;;) {
        if (state.pages.length === 0 && !state.done) {
          // More is wanted from this sub-window than the limit expected (the caller's check dropped rows): read on.
          state.demanded = true;
          pump();
        }
        await waitFor(() => state.pages.length > 0 || state.done);
        const failure = windows.find((w) => w?.failure)?.failure;
        if (failure) throw failure;
        const items = state.pages.shift();
        if (items === undefined) break;
        delivered += items.length;
        pump();
        yield { items, sub: j, more: !(j === count - 1 && state.done && state.pages.length === 0) };
      }
    }
    // A bound seen not to narrow past the first wave still read exact rows (each sub-window keeps its own): noted.
    if (ignored) options.onIgnored?.();
  } finally {
    stop.abort();
    options.signal?.removeEventListener('abort', onAbort);
    for (const state of windows) state?.room?.();
  }
}
