/**
 * The report engine shared by the HTTP exports and the GraphQL `report` field: checks a report request
 * (everything is refused before any upstream call), then reads upstream page by page and turns each page into
 * rows (date check, Field To Expand, joined columns). One page is in memory at a time; nothing accumulates.
 */

import type { CreditStatsKey, Loaders } from '../loaders/index.ts';
import { refusesSelection } from '../core/failure.ts';
import { multiValued, pushDown, resolveLinks, rowCheck, watchedCheck, type GivenFilter } from '../core/filters.ts';
import { MAX_CREDIT_MONTHS } from '../core/limits.ts';
import { COLLECTIONS, filterNamed, OBJECT_ID, type FilterSpec, type ListCollection } from '../officernd/collections.ts';
import { enumValueName, enumWireValue } from '../officernd/enums.ts';
import { isBareIdAnswer, OfficeRnDQueryError, toQueryParams } from '../officernd/index.ts';
import type { Filter, ListQuery, OfficeRnDClient } from '../officernd/index.ts';
import type { WireBookingOccurrence, WireMap } from '../officernd/types.ts';
import { occurrenceFilters, occurrencePagesAcross, type OccurrenceFilters } from '../dates/occurrence-pages.ts';
import { OCCURRENCE_BOUND, occurrencePagesParallel } from '../core/occurrence-split.ts';
import {
  dateFieldOf,
  dateFilter,
  needsSeriesReach,
  occurrenceWindows,
  type OccurrenceWindow,
  REPORT_DATES,
  reportDatesOf,
  type ReportDateSpec,
  type FarCosts,
  type SeriesReach,
} from '../dates/report-dates.ts';
import { farCostsOf, seriesReach, type ReachMode } from '../core/series-reach.ts';
import type { SplitPosition } from '../core/cursor.ts';
import {
  expectedRows,
  NoSplit,
  planSplit,
  splitFieldsFor,
  splitPages,
  subWindowRows,
  type SplitPage,
} from '../core/sub-windows.ts';
import {
  DateSelectionError,
  monthsOf,
  resolveDateSelection,
  type DateSelectionDefaults,
  type DateSelectionInput,
  type DayRange,
} from '../dates/selection.ts';
import { planColumns, type ColumnPlan } from './columns.ts';
import { populatingReader, populationOf, type Population } from './joins.ts';
import { ReportInputError } from './errors.ts';
import { expandFieldOf, expandRows, type Row } from './expand.ts';
import type { Cell } from './paths.ts';
import { isReportName, joinedCollections, REPORTS, type ReportName, type ReportSpec } from './registry.ts';

/** What one report asks for, format-independent. */
export interface ReportRequest {
  report: ReportName;
  /** The array field to expand (Field To Expand); none by default. */
  expand?: string | null;
  /** Columns in order; default: all of the object's. */
  columns?: readonly string[] | null;
  /** Report filters by name (`office`, `team` …): ids and text as strings, flags as booleans or 'true'/'false'. */
  filters?: Readonly<Record<string, unknown>> | null;
  /** Which date `dates` applies to (`START`; `start`, `createdAt` are read as START, CREATED_AT). */
  dateField?: string | null;
  dates?: DateSelectionInput | null;
}

/** Request-lived services the engine reads with. */
export interface ReportEnv {
  officernd: OfficeRnDClient;
  loaders: Loaders;
  /** Aborted when the caller goes away: upstream work stops with it. */
  signal: AbortSignal;
  /** How a dated bookings read gets the learnt reach (core/series-reach.ts), or the one to use; default `refresh`. */
  reach?: ReachMode | { fixed: SeriesReach | null };
  /**
   * Sub-windows read at once (UPSTREAM_MAX_CONCURRENCY): a large list read from its start is split
   * (core/sub-windows.ts), rows in sub-window order, and a read resumed at a split position reads its sub-windows.
   * Absent: one walk, OfficeRnD's order (a split position is then read one sub-window at a time).
   */
  parallel?: number;
  /**
   * The reader resumes from the pages' positions (GraphQL pages): only dated lists are read in parallel then (their
   * sub-window pages carry positions), as GraphQL lists are; an occurrence read stays one walk (its parallel pages
   * have none).
   */
  resumable?: boolean;
}

/** Where to resume: which upstream segment (occurrence window, credit month) and the upstream cursor within it. */
export interface Position {
  segment: number;
  cursor: string | null;
  /**
   * Set when the segment's list is read in sub-windows (core/sub-windows.ts): which one, with the cut points;
   * `cursor` is then that sub-window's upstream cursor (null: its first page).
   */
  split?: SplitPosition;
}

/**
 * Pages of a split read kept between the GraphQL pages of a report (core/hand-over.ts): the request resuming at a
 * page read ahead takes it instead of reading it again.
 */
export interface ReadHandOver {
  /** The objects of the page left at `at` (removed), and where the page after it starts; undefined on a miss. */
  take(at: Position): { items: object[]; next: Position | null } | undefined;
  /** A whole page read ahead and not delivered when the read stopped. */
  put(page: SourcePage): void;
}

/** One upstream page as rows. */
interface RowPage {
  /** The rows asked for from this page (after `skip`, at most what `take` leaves). */
  rows: Cell[][];
  /** Rows skipped at the start of this page (`skip` on the first page, else 0). */
  skipped: number;
  /** How many rows the whole page has (so a caller knows whether some were left). */
  total: number;
  /** Where this page starts. */
  at: Position;
  /** Where the next page starts; null after the last page. */
  next: Position | null;
}

interface ReadOptions {
  /** Start here (default: the beginning). */
  from?: Position;
  /** Rows of the first page already delivered (a cursor's offset). */
  skip?: number;
  /** Stop after this many rows: fewer items are read upstream and only delivered rows are joined. */
  take?: number | null;
  /**
   * Rows a split read is expected to deliver from the start of the sub-window `from` lies in (a GraphQL page: those
   * before `from`, `first` and the one more looked for): no sub-window is opened past them. Default: `take`.
   */
  wanted?: number;
  /** Where a split read leaves the pages it read ahead, and takes those left for it (a GraphQL page of a report). */
  handOver?: ReadHandOver;
}

type Keep = (item: object) => boolean;

const both = (a: Keep | null, b: Keep | null): Keep | null => (a && b ? (item) => a(item) && b(item) : (a ?? b));

type Segment =
  | {
      kind: 'list';
      collection: ListCollection;
      query: ListQuery;
      keep: Keep | null;
      filters: readonly GivenFilter[];
      /**
       * Booking row dates: the `seriesStart` bounds for the learnt reach (core/series-reach.ts), added when read, widened
       * over far rows where that costs fewer calls than reading them by id on the version read (`costs`).
       */
      series: ((reach: SeriesReach | null, costs: FarCosts) => Filter[]) | null;
    }
  | {
      /**
       * The far rows of the learnt reach a booking date selection picks and its bounds were not widened over (issue
       * 21): read by id after the window.
       */
      kind: 'far';
      ids: (reach: SeriesReach | null, costs: FarCosts) => string[];
      keep: Keep;
      filters: readonly GivenFilter[];
    }
  | {
      kind: 'occurrences';
      filters: OccurrenceFilters;
      windows: readonly OccurrenceWindow[];
      /** The filters checked on every occurrence (with `windows[i].keep`) once their links are resolved. */
      given: readonly GivenFilter[];
      /**
       * The date the windows select by, when an export may read them in parallel sub-windows of it: START only, so
       * that the rows stay ordered by start (sub-windows of END could order an occurrence across a cut after a
       * later-starting one); null otherwise.
       */
      splitBy: ((item: WireBookingOccurrence) => number | null) | null;
    }
  | { kind: 'credit'; key: CreditStatsKey };

export interface PreparedReport {
  spec: ReportSpec;
  expand: string | null;
  plan: ColumnPlan;
  /** Canonical text of everything that decides the rows; cursors are bound to it. */
  fingerprint: string;
  segments: readonly Segment[];
  /** One-level joined columns the list's own pages can carry (`$populate`, v1: joins.ts); null: none. */
  population: Population | null;
}

/** The fields of a date selection: query parameters of an export, keys of the GraphQL `dates` argument. */
export const DATE_PARAMS = [
  'on',
  'daysBack',
  'from',
  'to',
  'fromDaysBack',
  'toDaysBack',
  'period',
  'weekStartsOn',
  'timeZone',
] as const;

/** `start`, `createdAt`, `created-at` and `CREATED_AT` all name CREATED_AT-style enum values. */
export function normaliseDateField(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toUpperCase();
}

/** Checks a report request and plans how to read it; throws ReportInputError before any upstream call. */
export function prepareReport(request: ReportRequest, defaults: DateSelectionDefaults, now: Date): PreparedReport {
  const spec = REPORTS[request.report];
  const expand = request.expand == null ? null : expandFieldOf(spec, request.expand);
  if (request.columns && request.columns.length === 0)
    throw new ReportInputError('"columns" must name at least one column', 'columns');
  const plan = planColumns(spec, expand, request.columns ?? null);
  const filters = checkFilters(spec, request.filters ?? {});
  const dateField =
    request.dateField === null || request.dateField === undefined ? null : normaliseDateField(request.dateField);
  const range = selectDays(spec, dateField, request.dates ?? null, defaults, now);
  // Named columns select their fields upstream; the default (every column) asks for whole objects.
  const segments = segmentsOf(spec, filters, dateField, range, request.columns ? plan.fields : new Set());
  const fingerprint = JSON.stringify([
    spec.name,
    expand,
    plan.columns,
    [...filters].map(([name, f]) => [name, f.value]),
    dateField,
    range ? [range.firstDay, range.lastDay, range.timeZone] : null,
  ]);
  const population = spec.source.kind === 'list' ? populationOf(plan.joins) : null;
  return { spec, expand, plan, fingerprint, segments, population };
}

/**
 * The collections a `report(...)` of these columns makes calls into, for the cost rule: the registry's
 * (joinedCollections) less those only one-level joins reach whose values ride on the report's own pages (`$populate`,
 * joins.ts) where `populates` says its collection's list takes it for that reference (v1, not refused, not ignored
 * for the reference). Columns the report would refuse are left to the registry's answer.
 */
export function costedJoins(
  name: string,
  columns: readonly string[] | null,
  populates: (collection: ListCollection, reference?: string) => boolean,
): ListCollection[] {
  const all = joinedCollections(name, columns);
  const report = name.toLowerCase().replaceAll('_', '-');
  if (all.length === 0 || !isReportName(report)) return all;
  const spec = REPORTS[report];
  if (spec.source.kind !== 'list' || !populates(spec.source.collection)) return all;
  let plan: ColumnPlan;
  try {
    plan = planColumns(spec, null, columns);
  } catch {
    return all;
  }
  const source = spec.source.collection;
  const covered =
    populationOf(plan.joins)
      ?.joins.filter((join) => populates(source, join.path))
      .map((join) => `${join.key}.`) ?? [];
  if (covered.length === 0) return all;
  return joinedCollections(
    name,
    plan.columns.filter((column) => !covered.some((prefix) => column.startsWith(prefix))),
  );
}

/** Whether a prepared report bounds booking row dates through the learnt reach (core/series-reach.ts). */
export function usesSeriesReach(prepared: PreparedReport): boolean {
  return prepared.segments.some((segment) => segment.kind === 'list' && segment.series !== null);
}

/** One upstream page as the rows it delivers, before their joined columns are loaded. */
export interface SourcePage {
  /** The rows asked for from this page (after `skip`, at most what `take` leaves), not yet joined. */
  rows: Row[];
  skipped: number;
  total: number;
  at: Position;
  next: Position | null;
  /**
   * Rows still wanted after this page: what `take` leaves, 0 after the last page, null when more pages follow and
   * no `take` bounds them. It steers the choice between per-id reads and one walk of a joined collection.
   */
  ahead: number | null;
}

/**
 * The delivered rows of a prepared report, one upstream page at a time, without their joins: a caller can answer
 * as soon as a page has arrived and read the next page while this one is joined (see `joinPage`).
 */
export async function* sourcePages(
  prepared: PreparedReport,
  env: ReportEnv,
  options: ReadOptions = {},
): AsyncGenerator<SourcePage, void, undefined> {
  const { segments, expand } = prepared;
  // The learnt reach is read once for the whole walk: the window's bounds and its far rows come from the same one.
  if (usesSeriesReach(prepared) && typeof env.reach !== 'object') {
    env = {
      ...env,
      reach: { fixed: await seriesReach(env.officernd, env.loaders.sizes, env.signal, env.reach ?? 'refresh') },
    };
  }
  const from = options.from ?? { segment: 0, cursor: null };
  let skip = options.skip ?? 0;
  let left = options.take ?? Number.POSITIVE_INFINITY;
  for (let index = from.segment; index < segments.length && left > 0; index += 1) {
    const segment = segments[index];
    if (!segment) break;
    const resumed = index === from.segment;
    const startCursor = resumed ? from.cursor : null;
    // Every object gives at least one row, so `skip + left` objects always cover the rows still wanted.
    const maxItems = Number.isFinite(left) ? skip + left : null;
    const positionOf = (cursor: string | null, split: SplitPosition | null | undefined): Position =>
      split ? { segment: index, cursor, split } : { segment: index, cursor };
    const nextOf = (page: SegmentPage): Position | null =>
      (page.split ? page.split.next !== null : page.next !== null)
        ? positionOf(page.next, page.split?.next)
        : index + 1 < segments.length
          ? { segment: index + 1, cursor: null }
          : null;
    const { handOver } = options;
    const split: SplitRead = {
      ...(resumed && from.split ? { from: from.split } : {}),
      wanted: resumed && options.wanted !== undefined ? options.wanted : maxItems,
      ...(handOver
        ? {
            handed: (at, cursor) => {
              const page = handOver.take(positionOf(cursor, at));
              if (!page) return undefined;
              const { next } = page;
              return {
                items: page.items,
                next: next?.segment === index && next.split?.sub === at.sub ? next.cursor : null,
              };
            },
            leftover: (page) => {
              const rows = expandRows(page.items, expand);
              const at = positionOf(page.at, page.split?.at);
              handOver.put({ rows, skipped: 0, total: rows.length, at, next: nextOf(page), ahead: null });
            },
          }
        : {}),
    };
    for await (const page of segmentPages(segment, env, startCursor, maxItems, prepared.population, split)) {
      const all = expandRows(page.items, expand);
      const wanted = all.slice(skip, skip + Math.min(left, all.length));
      const next = nextOf(page);
      left -= wanted.length;
      const ahead = next === null || left <= 0 ? 0 : Number.isFinite(left) ? left : null;
      const at = positionOf(page.at, page.split?.at);
      yield { rows: wanted, skipped: skip, total: all.length, at, next, ahead };
      skip = 0;
      if (left <= 0) return;
    }
  }
}

/** Loads the joined columns of one source page and turns its rows into cells. */
export async function joinPage(prepared: PreparedReport, page: SourcePage, env: ReportEnv): Promise<RowPage> {
  const { plan } = prepared;
  // Only delivered rows are joined: a small `limit` or `first` costs only the references it shows. What the rows'
  // own pages brought populated is joined without a call.
  const population = prepared.population;
  const joined = await plan.resolve(page.rows, population ? { ...env, populated: population.taken } : env, page.ahead);
  return {
    rows: page.rows.map((row) => plan.cells(row, joined)),
    skipped: page.skipped,
    total: page.total,
    at: page.at,
    next: page.next,
  };
}

/** The rows of a prepared report, one upstream page at a time. */
export async function* reportPages(
  prepared: PreparedReport,
  env: ReportEnv,
  options: ReadOptions = {},
): AsyncGenerator<RowPage, void, undefined> {
  for await (const page of sourcePages(prepared, env, options)) yield await joinPage(prepared, page, env);
}

interface SegmentPage {
  items: object[];
  at: string | null;
  next: string | null;
  /**
   * A page of a sub-window: its position in the split and the next page's (null after the last sub-window's last
   * page); `at` and `next` are then that sub-window's upstream cursors.
   */
  split?: { at: SplitPosition; next: SplitPosition | null };
}

/** How a list segment's read in sub-windows resumes, and what it does with the pages it read ahead. */
interface SplitRead {
  /** The split position to resume at (its `cursor` is the segment's): that split's sub-windows are read. */
  from?: SplitPosition;
  /** Rows expected from the resumed sub-window's start (or the read's): no sub-window is opened past them. */
  wanted?: number | null;
  /** A page in hand at sub-window `at.sub`'s cursor: its objects and that sub-window's next cursor (null: none). */
  handed?: (at: SplitPosition, cursor: string | null) => { items: object[]; next: string | null } | undefined;
  /** A page read ahead and not delivered when the read stopped (its kept objects). */
  leftover?: (page: SegmentPage) => void;
}

/** The kept objects of one segment, page by page, from an upstream cursor. */
async function* segmentPages(
  segment: Segment,
  env: ReportEnv,
  cursor: string | null,
  maxItems: number | null,
  population: Population | null = null,
  splitRead: SplitRead = {},
): AsyncGenerator<SegmentPage, void, undefined> {
  const { officernd, signal } = env;
  if (segment.kind === 'credit') {
    // §6.6: one answer per owner and month, not paged; read through the request's loader (batched, cached).
    const stats = await env.loaders.creditStats.load(segment.key);
    yield { items: stats.map((stat) => ({ month: segment.key.month, ...stat })), at: null, next: null };
    return;
  }
  let at = cursor;
  if (segment.kind === 'far') {
    const reach = typeof env.reach === 'object' ? env.reach.fixed : null;
    const ids = segment.ids(reach, farCostsOf(officernd));
    const check = watchedCheck(segment.filters, (field) => env.loaders.noteIgnoredFilter('bookings', field));
    const found = ids.length === 0 ? [] : await env.loaders.byId('bookings').loadMany(ids);
    const items = found.filter(
      (item): item is WireMap['bookings'] =>
        item !== null && !(item instanceof Error) && segment.keep(item) && (!check || check(item)),
    );
    const failed = found.find((item) => item instanceof Error);
    if (failed) throw failed;
    yield { items, at: null, next: null };
    return;
  }
  if (segment.kind === 'occurrences') {
    // The one occurrence walker (dates/occurrence-pages.ts), as `bookingOccurrences` reads it: windows of at most a
    // year in order, each keeping the occurrences its own window and the row check select. `type` is checked through
    // the occurrence's resource: the resources are read once per request (core/filters.ts `resolveLinks`).
    const check = rowCheck(await resolveLinks(segment.given, (c) => env.loaders.all(c)));
    const windows = segment.windows.map((window) =>
      check ? { ...window, keep: (o: WireBookingOccurrence) => window.keep(o) && check(o) } : window,
    );
    if (cursor === null && segment.splitBy && (env.parallel ?? 1) > 1 && !env.resumable) {
      // An export of a long window: date sub-windows read in parallel (core/occurrence-split.ts), in start order.
      const sizes = env.loaders.sizes;
      // Without filters, every booking whose seriesStart the learnt spread puts in the selection is an occurrence
      // there (save the few far ones): a floor for the estimate (a filter would make it over-count).
      const spread = segment.given.length === 0 ? sizes.distribution('bookings', 'seriesStart') : undefined;
      const first = windows[0];
      const last = windows.at(-1);
      const atLeast =
        spread && first && last ? expectedRows(spread, first.start.getTime(), last.end.getTime()) : undefined;
      for await (const page of occurrencePagesParallel(officernd, segment.filters, windows, {
        concurrency: env.parallel ?? 1,
        dateOf: segment.splitBy,
        signal,
        ignored: sizes.ignoresFilter('bookings', OCCURRENCE_BOUND),
        onIgnored: () => env.loaders.noteIgnoredFilter('bookings', OCCURRENCE_BOUND),
        wanted: maxItems,
        ...(atLeast === undefined ? {} : { atLeast }),
      })) {
        // Sub-window pages have no upstream cursor to resume from: `next` only says whether more follow.
        yield { items: page.items, at: null, next: page.more ? '~occurrences' : null };
      }
      return;
    }
    for await (const page of occurrencePagesAcross(officernd, segment.filters, windows, { cursor, signal })) {
      yield { items: page.items, at, next: page.next };
      at = page.next;
    }
    return;
  }
  // The filters are checked on every row, noticing a filter OfficeRnD ignored (core/filters.ts).
  const check = watchedCheck(segment.filters, (field) => env.loaders.noteIgnoredFilter(segment.collection, field));
  const keep = both(segment.keep, check);
  let query = segment.query;
  if (segment.series) {
    // Booking row dates are bounded through seriesStart by how far rows lie from it (§6.1, issue 21).
    const given = env.reach;
    const reach =
      typeof given === 'object'
        ? given.fixed
        : await seriesReach(officernd, env.loaders.sizes, signal, given ?? 'refresh');
    const bounds = segment.series(reach, farCostsOf(officernd));
    query = { ...query, optional: [...(query.optional ?? []), ...bounds] };
  }
  // One-level joined columns ride on the list's own pages where the version has `$populate` (joins.ts).
  const reader = population
    ? populatingReader(officernd, population, env.loaders.sizes, env.loaders.logger)
    : officernd;
  // A large read from its start: sub-windows in parallel (core/sub-windows.ts); a read resumed at a split position
  // (a report cursor) reads the sub-windows the cursor names, whatever a plan made now would cut.
  const resumed = splitRead.from;
  if (resumed && !splitFieldsFor(segment.collection, query).includes(resumed.field))
    throw new ReportInputError('"after" is not a cursor this gateway issued', 'after');
  const split = resumed
    ? {
        field: resumed.field,
        points: resumed.points,
        rowsPerWindow: subWindowRows(env.loaders.sizes, segment.collection, query, resumed.field, resumed.points),
      }
    : // Paged (resumable) reads split only a dated read, as GraphQL lists do: an undated one keeps OfficeRnD's order.
      cursor === null && (segment.keep !== null || !env.resumable)
      ? planSplit(env.loaders.sizes, officernd, segment.collection, query, env.parallel)
      : null;
  if (split) {
    const { field, points, rowsPerWindow } = split;
    const positionOf = (sub: number, before: number): SplitPosition => ({ field, points, sub, before });
    // A sub-window page's kept objects, where it starts and where the page after it does (the next sub-window's
    // first page after its last).
    const pageOf = (page: SplitPage<object>): SegmentPage => {
      const before = page.before ?? 0;
      const next = page.next ?? null;
      return {
        items: keep ? page.items.filter(keep) : page.items,
        at: page.cursor ?? null,
        next,
        split: {
          at: positionOf(page.sub, before),
          next:
            next !== null
              ? positionOf(page.sub, before + page.items.length)
              : page.sub < points.length
                ? positionOf(page.sub + 1, 0)
                : null,
        },
      };
    };
    const { handed, leftover } = splitRead;
    // A resumed read whose selection is not answered (§4: bare ids, or refused) reads its sub-windows again without it.
    for (let selected = query; ; ) {
      try {
        for await (const page of splitPages<object>({
          officernd: reader,
          collection: segment.collection,
          query: selected,
          field,
          points,
          concurrency: env.parallel ?? 1,
          signal,
          // A limit: no sub-window is opened past the rows wanted (those the check drops only open them later).
          wanted: splitRead.wanted === undefined ? maxItems : splitRead.wanted,
          ...(rowsPerWindow === undefined ? {} : { rowsPerWindow }),
          pageLimit: officernd.pageLimit,
          onIgnored: (collection, f) => env.loaders.noteIgnoredFilter(collection, f),
          ...(resumed ? { from: { sub: resumed.sub, cursor, before: resumed.before } } : {}),
          ...(handed ? { handed: (sub: number, at: string | null) => handed(positionOf(sub, 0), at) } : {}),
          ...(leftover ? { leftover: (page: SplitPage<object>) => leftover(pageOf(page)) } : {}),
        })) {
          yield pageOf(page);
        }
        return;
      } catch (error) {
        // The bound did not narrow, or the selection was not answered: nothing was delivered, read it as one walk. A
        // resumed read is never given back (its rows so far came from sub-windows); it is only ever told the
        // selection was not answered (a bound seen not to narrow is noted, its rows still checked).
        if (!(error instanceof NoSplit)) throw error;
        if (!resumed) break;
        if (error.reason !== 'unselected' || !selected.select) throw error;
        const { select: _dropped, ...rest } = selected;
        selected = rest;
      }
    }
  }
  let read = 0;
  for (;;) {
    const pages = reader.pages(segment.collection, query, {
      signal,
      cursor: at,
      // Without a date check every item read is a row: read only as many as are wanted.
      ...(maxItems !== null && keep === null ? { max: maxItems - read } : {}),
    });
    let unselected = false;
    try {
      for await (const page of pages) {
        if (query.select && isBareIdAnswer(page.items as object[])) {
          // §4: OfficeRnD answers a `$select` it does not know with bare `_id`s. Never a short row: read this page
          // again without the selection, and the rest of the report too.
          unselected = true;
          break;
        }
        read += page.items.length;
        const items = keep ? (page.items as object[]).filter(keep) : (page.items as object[]);
        yield { items, at, next: page.next };
        at = page.next;
      }
    } catch (error) {
      // A selection refused with a 400, or a 500 that outlived the client's retries: read without it, as above.
      if (!query.select || !refusesSelection(error)) throw error;
      unselected = true;
    }
    if (!unselected) return;
    const { select: _dropped, ...rest } = query;
    query = rest;
  }
}

/**
 * Checks the filters of a report request against the declaration (officernd/collections.ts): names or their
 * aliases, ids as 24-hex, flags as true/false, enum values in the wire (`drop-in`) or GraphQL (`DROP_IN`) spelling.
 * Returns them keyed by public name, in declaration order.
 */
function checkFilters(spec: ReportSpec, given: Readonly<Record<string, unknown>>): Map<string, GivenFilter> {
  const byName = new Map<string, GivenFilter>();
  const names = Object.keys(spec.filters);
  for (const [key, raw] of Object.entries(given)) {
    const found = filterNamed(spec.filters, key);
    if (!found) {
      throw new ReportInputError(
        names.length === 0
          ? `Report ${spec.name} has no filters; "${key}" is not one`
          : `Unknown filter "${key}" for report ${spec.name}: use ${names.join(', ')}`,
        key,
        { filters: names },
      );
    }
    if (raw === null || raw === undefined) continue;
    const { name, spec: filter } = found;
    if (byName.has(name)) throw new ReportInputError(`Filter "${name}" is given twice (as "${key}" too)`, key);
    if (filter.kind === 'boolean') {
      if (raw === true || raw === 'true') byName.set(name, { spec: filter, value: true });
      else if (raw === false || raw === 'false') byName.set(name, { spec: filter, value: false });
      else throw new ReportInputError(`"${key}" must be true or false, got ${JSON.stringify(raw)}`, key);
      continue;
    }
    // Ids and enums take several values (a list, or a comma-separated text from an export): any of them matches.
    const several = multiValued(filter) && (Array.isArray(raw) || (typeof raw === 'string' && raw.includes(',')));
    const raws: unknown[] = several
      ? Array.isArray(raw)
        ? raw
        : (raw as string).split(',').map((part) => part.trim())
      : [raw];
    if (raws.length === 0) throw new ReportInputError(`"${key}" must list at least one value`, key);
    const checked = raws.map((one) => checkFilterValue(filter, key, one));
    const values = [...new Set(checked)];
    byName.set(name, { spec: filter, value: values.length === 1 ? (values[0] as string) : values });
  }
  return new Map(names.filter((name) => byName.has(name)).map((name) => [name, byName.get(name) as GivenFilter]));
}

/** One value of an id, enum or text filter, checked: ids as 24-hex, enums to their wire value. */
function checkFilterValue(filter: FilterSpec, key: string, raw: unknown): string {
  const text = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : null;
  if (text === null || text === '')
    throw new ReportInputError(`"${key}" must be a non-empty text, got ${JSON.stringify(raw)}`, key);
  // §6 conventions: references are 24-hex ObjectIds.
  if (filter.kind === 'id' && !OBJECT_ID.test(text)) {
    throw new ReportInputError(`"${key}" must be an OfficeRnD id (24 hex characters), got "${text}"`, key);
  }
  if (filter.kind === 'enum' && filter.enum) {
    const wire = enumWireValue(filter.enum, text);
    if (wire === undefined) {
      const allowed = Object.keys(filter.enum.values);
      throw new ReportInputError(
        `"${key}" must be one of ${allowed.join(', ')} (or ${allowed.map(enumValueName).join(', ')}), got "${text}"`,
        key,
        { values: allowed },
      );
    }
    return wire;
  }
  return text;
}

/** The selected days, or null without a selection; checks `dateField` even without one. */
function selectDays(
  spec: ReportSpec,
  dateField: string | null,
  dates: DateSelectionInput | null,
  defaults: DateSelectionDefaults,
  now: Date,
): DayRange | null {
  const given = dates === null ? [] : DATE_PARAMS.filter((name) => dates[name] !== undefined && dates[name] !== null);
  const dateSpec = dateSpecOf(spec);
  if (dateSpec === null) {
    if (spec.source.kind === 'credit-accounts') {
      if (dateField !== null) {
        throw new ReportInputError('Credit accounts are selected by month: "dateField" does not apply', 'dateField');
      }
    } else if (dateField !== null || given.length > 0) {
      throw new ReportInputError(
        `Report ${spec.name} has no dates to select by`,
        dateField !== null ? 'dateField' : (given[0] ?? 'dates'),
      );
    }
  }
  try {
    if (dateSpec !== null && dateField !== null) dateFieldOf(dateSpec, dateField);
    if (dates === null || given.length === 0) return null;
    return resolveDateSelection(dates, defaults, now);
  } catch (error) {
    throw asInputError(error);
  }
}

/** The date fields of a report; null when it has none (resource types) or is selected by month (credit accounts). */
export function dateSpecOf(spec: ReportSpec) {
  const source = spec.source;
  if (source.kind === 'occurrences') return REPORT_DATES.occurrences;
  if (source.kind === 'credit-accounts') return null;
  return reportDatesOf(source.collection) ?? null;
}

/**
 * `$select` (§4) for a report's pages: only the fields its columns and date check read, so pages carry a fraction of
 * each object (bookings: 40 % of the bytes in the bench export, and less to parse). Not for catalogues (small, and
 * v1 keys resource types by `id`, which a selection could drop). `_id` always comes back.
 */
function selectFor(
  collection: ListCollection,
  fields: ReadonlySet<string>,
  dateWire: string | undefined,
  given: readonly GivenFilter[],
): { select?: string[] } {
  if (COLLECTIONS[collection].catalog || fields.size === 0) return {};
  // The row check reads the filtered fields, so they are selected too.
  const checked = given.map((f) => f.spec.field);
  const select = [...new Set([...fields, ...checked, ...(dateWire === undefined ? [] : [dateWire])])]
    .filter((field) => field !== '_id')
    .sort();
  return select.length === 0 ? {} : { select };
}

function asInputError(error: unknown): unknown {
  if (error instanceof DateSelectionError)
    return new ReportInputError(error.message, error.argument, {}, error.problem);
  return error;
}

function segmentsOf(
  spec: ReportSpec,
  filters: ReadonlyMap<string, GivenFilter>,
  dateField: string | null,
  range: DayRange | null,
  fields: ReadonlySet<string>,
): Segment[] {
  const source = spec.source;
  const given = [...filters.values()];
  // Every filter is checked on every row (segmentPages); what goes upstream only saves pages (core/filters.ts).
  try {
    switch (source.kind) {
      case 'list': {
        const dateSpec = reportDatesOf(source.collection);
        const selection = dateSpec && range ? dateFilter(dateSpec, dateField, range) : null;
        const series =
          dateSpec && range && needsSeriesReach(dateSpec, dateField)
            ? (reach: SeriesReach | null, costs: FarCosts) =>
                dateFilter(dateSpec, dateField, range, reach, costs).filters
            : null;
        const far: Segment[] =
          series && selection
            ? [
                {
                  kind: 'far',
                  // The same choice as the window's bounds (`series`): a far row is read by id or in the window.
                  ids: (reach, costs) =>
                    dateFilter(dateSpec as ReportDateSpec<object>, dateField, range as DayRange, reach, costs).far,
                  keep: selection.keep as Keep,
                  filters: given,
                },
              ]
            : [];
        const upstream = pushDown(given);
        // The selection's upstream comparisons are optional: `keep` checks every row exactly anyway.
        const query: ListQuery = {
          filters: upstream.filters,
          optional: [...upstream.optional, ...(selection?.filters ?? [])],
          ...selectFor(source.collection, fields, selection?.wire, given),
        };
        // Refused here rather than on the first page (the client would throw the same before any request).
        toQueryParams(query, source.collection);
        return [
          {
            kind: 'list',
            collection: source.collection,
            query,
            keep: selection ? (selection.keep as Keep) : null,
            filters: given,
            series,
          },
          ...far,
        ];
      }
      case 'occurrences': {
        if (range === null) {
          throw new ReportInputError(
            'Booking occurrences need a date selection (OfficeRnD reads them in a bounded window): e.g. period=THIS_MONTH, or from=2026-11-01&to=2026-11-30',
            'dates',
          );
        }
        const windows = occurrenceWindows(dateField, range);
        const chosen = dateFieldOf(REPORT_DATES.occurrences, dateField);
        const splitBy =
          chosen.name === 'START'
            ? (item: WireBookingOccurrence) => {
                const value = chosen.read(item);
                const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
                return Number.isNaN(ms) ? null : ms;
              }
            : null;
        return [{ kind: 'occurrences', filters: occurrenceFilters(given), windows, given, splitBy }];
      }
      case 'credit-accounts': {
        for (const owner of ['team', 'member']) {
          if (typeof filters.get(owner)?.value === 'object') {
            throw new ReportInputError(`Credit accounts are read per owner: give one "${owner}", not several`, owner);
          }
        }
        const team = typeof filters.get('team')?.value === 'string' ? (filters.get('team')?.value as string) : null;
        const member =
          typeof filters.get('member')?.value === 'string' ? (filters.get('member')?.value as string) : null;
        if (team === null && member === null) {
          throw new ReportInputError(
            'Credit accounts are read per owner: give "team" or "member" (one of the two)',
            'team',
          );
        }
        if (range === null) {
          throw new ReportInputError(
            'Credit accounts are read per month: give a date selection, e.g. period=THIS_MONTH or from=2026-01-01&to=2026-03-31 (every month it touches)',
            'dates',
          );
        }
        return monthsOf(range, MAX_CREDIT_MONTHS).map((month) => ({ kind: 'credit', key: { month, team, member } }));
      }
    }
  } catch (error) {
    if (error instanceof OfficeRnDQueryError) throw new ReportInputError(error.message, 'filters');
    throw asInputError(error);
  }
}
