/**
 * Which dates each report can be selected by (the connector's "Date Selection Criteria"), how each is read from
 * the wire object, and which comparisons may be pushed upstream. Pure logic: no GraphQL, no I/O.
 *
 * Semantics (issue 4): a record matches when its chosen date falls in the selected days. Instants are compared
 * against `[start, end)` of the local days; date-only values (stored at T00:00:00.000Z, §4 Timezones) are compared
 * as calendar days against `[firstDay, lastDay]`, with no zone shift. The exact check always runs on our side;
 * upstream comparisons only narrow what is read.
 */

import { OCCURRENCE_WINDOW_MS, type ListCollection } from '../officernd/collections.ts';
import type { Filter } from '../officernd/query.ts';
import type {
  WireBooking,
  WireBookingOccurrence,
  WireCreditStat,
  WireDateTimeSlot,
  WireMap,
} from '../officernd/types.ts';
import { addDays, DateSelectionError, requireBounded, type DayRange } from './selection.ts';

/** Which bounds of a selection may go upstream as `field.$gte` (lower) and `field.$lt` (upper). */
interface DatePushdown {
  /** Upstream field that accepts comparisons (collections.ts `dateFields`). */
  field: string;
  lower: boolean;
  upper: boolean;
  /**
   * A booking row date bounded through `seriesStart` (§6.1): both bounds are sent, widened by how far the
   * organization's rows have been seen to lie from their `seriesStart` (`SeriesReach`); without a reach, none.
   */
  series?: 'start' | 'end';
}

/** How far (ms) a booking row's `start` or `end` lies at most before and after its `seriesStart`. */
export interface Reach {
  before: number;
  after: number;
}

/**
 * What the gateway has learnt of the organization's bookings (core/series-reach.ts): the largest distance of each
 * row's start and end from its `seriesStart`, in whole days. A one-off's start is its seriesStart; a series whose
 * first instances were excluded starts later, one whose anchor was moved may start earlier.
 */
export interface SeriesReach {
  start: Reach;
  end: Reach;
  /**
   * Rows the reach above does not cover (a series whose first weeks were excluded, core/series-reach.ts chooses
   * which): when given, `start`/`end` are the reach of the other rows only, and a read selects these by the date
   * it reads and reads them by id (issue 21: a handful of awkward series must not widen every window).
   */
  far?: readonly FarRow[];
  /**
   * How the bookings' seriesStart values spread, as the reach's walk of every booking learnt it; absent while
   * unknown. With it a read may widen its bounds over nearby far rows instead of reading them by id, whichever costs
   * fewer calls (`chooseFarBounds`). Plain data, so a cursor naming the reach names it too.
   */
  spread?: SeriesSpread;
}

/** Quantiles of the bookings' seriesStart (ms epoch), as core/sub-windows.ts keeps a learnt field's spread. */
export interface SeriesSpread {
  /** Bookings counted. */
  count: number;
  /** Bookings without a readable value. */
  missing: number;
  /** Ascending values at evenly spaced ranks, the minimum first and the maximum last. */
  quantiles: number[];
}

/** What a dated bookings read pays for its far rows each way, on the version read (core/series-reach.ts `farCostsOf`). */
export interface FarCosts {
  /** Rows one upstream page holds (§3: 100 on v1, 50 on v2). */
  pageLimit: number;
  /** Rows one by-id call reads: 1 on v1 (`GET /bookings/{id}`, §8), up to 50 on v2 (`_id[$in]`, §8). */
  idsPerCall: number;
  /** Rows of a spread whose value lies in `[lower, upper)` (core/sub-windows.ts `expectedRows`). */
  rowsIn(spread: SeriesSpread, lower: number, upper: number): number;
}

/** The seriesStart bounds a read sends and what its far rows cost it (`chooseFarBounds`). */
export interface FarBounds {
  /** The lower bound (`seriesStart.$gte`, ms), widened or not; null: none. */
  lower: number | null;
  /** The upper bound (`seriesStart.$lte`, ms), widened or not; null: none. */
  upper: number | null;
  /** Calls the far rows cost this way: the by-id calls for those left outside plus the pages the widening adds. */
  calls: number;
}

/** Calls `rows` far rows read by id take: one each on v1, one per `idsPerCall` on v2. */
const byIdCalls = (rows: number, costs: Pick<FarCosts, 'idsPerCall'>): number =>
  Math.ceil(rows / Math.max(1, costs.idsPerCall));

/**
 * Where a read's seriesStart bounds go, given the far rows its selection picks that the bounds leave out (their
 * seriesStart, `outside`): each is read by id (one call each on v1), or a bound is widened to its seriesStart so the
 * window's own pages bring it, at the cost of the pages the widened range holds (`rowsBetween`, the learnt spread).
 * The cheaper in calls wins, and both mix: the bounds widen to cover the nearest far rows on each side while the
 * few truly far ones are still read by id. Without an estimate (or costs) nothing widens. Of equal costs, the
 * narrower read. Exactness does not depend on it: every row is checked, and a far row is read by id unless the
 * bounds returned cover its seriesStart.
 */
export function chooseFarBounds(
  lower: number | null,
  upper: number | null,
  outside: readonly number[],
  rowsBetween: ((lower: number, upper: number) => number) | undefined,
  costs: Pick<FarCosts, 'pageLimit' | 'idsPerCall'> | undefined,
): FarBounds {
  const asIs: FarBounds = { lower, upper, calls: costs ? byIdCalls(outside.length, costs) : outside.length };
  if (!rowsBetween || !costs || outside.length === 0) return asIs;
  // The nearest first on each side: widening to cover the k-th covers the k-1 before it too.
  const below = lower === null ? [] : outside.filter((s) => s < lower).sort((a, b) => b - a);
  const above = upper === null ? [] : outside.filter((s) => s > upper).sort((a, b) => a - b);
  const rowsBelow = [0, ...below.map((s) => Math.max(0, rowsBetween(s, lower as number)))];
  // The upper bound is inclusive (`$lte`): rows in (upper, s].
  const rowsAbove = [0, ...above.map((s) => Math.max(0, rowsBetween((upper as number) + 1, s + 1)))];
  let best = { low: 0, high: 0, calls: asIs.calls };
  for (let low = 0; low < rowsBelow.length; low += 1) {
    for (let high = 0; high < rowsAbove.length; high += 1) {
      const widened = (rowsBelow[low] as number) + (rowsAbove[high] as number);
      const calls =
        (widened > 0 ? Math.ceil(widened / costs.pageLimit) : 0) + byIdCalls(outside.length - low - high, costs);
      if (calls < best.calls || (calls === best.calls && low + high < best.low + best.high))
        best = { low, high, calls };
    }
  }
  return {
    lower: best.low > 0 ? (below[best.low - 1] as number) : lower,
    upper: best.high > 0 ? (above[best.high - 1] as number) : upper,
    calls: best.calls,
  };
}

/** A booking row whose start or end lies far from its `seriesStart`, as last seen (ms epoch). */
export interface FarRow {
  id: string;
  seriesStart: number;
  start: number | null;
  end: number | null;
}

/**
 * A row's start and end and its anchor, for the reach: null when it has no readable seriesStart but has a date (it
 * cannot be bounded), or 'dateless' when it has neither start nor end.
 */
export function rowDates(row: WireBooking): Omit<FarRow, 'id'> | null | 'dateless' {
  const start = instantMs(slot(row.start));
  const end = instantMs(slot(row.end));
  if (start === null && end === null) return 'dateless';
  const seriesStart = instantMs(row.seriesStart);
  return seriesStart === null ? null : { seriesStart, start, end };
}

/** The reach (whole days) one row needs on one of its dates; null when it has no such date. */
export function rowReach(dates: Omit<FarRow, 'id'>, side: 'start' | 'end'): Reach | null {
  const at = dates[side];
  return at === null ? null : { before: wholeDays(dates.seriesStart - at), after: wholeDays(at - dates.seriesStart) };
}

/** Whether `reach` covers a row on one of its dates: a window widened by it finds the row through its seriesStart. */
export function covers(reach: Reach, dates: Omit<FarRow, 'id'>, side: 'start' | 'end'): boolean {
  const needs = rowReach(dates, side);
  return needs === null || (needs.before <= reach.before && needs.after <= reach.after);
}

const DAY_MS = 86_400_000;
const wholeDays = (ms: number): number => Math.ceil(Math.max(0, ms) / DAY_MS) * DAY_MS;

/** No distance seen yet. */
export const NO_REACH: SeriesReach = { start: { before: 0, after: 0 }, end: { before: 0, after: 0 } };

/**
 * The reach widened by one booking row; null when the row cannot be bounded through `seriesStart` (a row with a
 * start or end but no readable seriesStart): then no bound may be sent.
 */
export function widenReach(reach: SeriesReach, row: WireBooking): SeriesReach | null {
  const start = instantMs(slot(row.start));
  const end = instantMs(slot(row.end));
  if (start === null && end === null) return reach;
  const anchor = instantMs(row.seriesStart);
  if (anchor === null) return null;
  const side = (current: Reach, at: number | null): Reach =>
    at === null
      ? current
      : {
          before: Math.max(current.before, wholeDays(anchor - at)),
          after: Math.max(current.after, wholeDays(at - anchor)),
        };
  const next = { start: side(reach.start, start), end: side(reach.end, end) };
  const same = (a: Reach, b: Reach) => a.before === b.before && a.after === b.after;
  return same(next.start, reach.start) && same(next.end, reach.end) ? reach : next;
}

function instantMs(value: string | null | undefined): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(DAY_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  return Number.isNaN(ms) ? null : ms;
}

interface DateFieldSpec<T> {
  /** GraphQL enum value, e.g. START. */
  name: string;
  description: string;
  /** The wire value: an ISO instant, or a date-only value. */
  read(item: T): string | null | undefined;
  /** The top-level wire field `read` looks at (what a `$select` must keep for the date check). */
  wire: string;
  kind: 'instant' | 'date';
  pushdown?: DatePushdown;
}

export interface ReportDateSpec<T> {
  fields: DateFieldSpec<T>[];
  /** Name of the field used when no `dateField` is given. */
  default: string;
}

type Stamped = { createdAt?: string | null; modifiedAt?: string | null };

const both = (field: string): DatePushdown => ({ field, lower: true, upper: true });

const createdAt = <T extends Stamped>(what: string, pushdown = true): DateFieldSpec<T> => ({
  name: 'CREATED_AT',
  description: `When the ${what} was created (\`createdAt\`).`,
  read: (item) => item.createdAt,
  wire: 'createdAt',
  kind: 'instant',
  ...(pushdown ? { pushdown: both('createdAt') } : {}),
});

const modifiedAt = <T extends Stamped>(what: string, pushdown = true): DateFieldSpec<T> => ({
  name: 'MODIFIED_AT',
  description: `When the ${what} last changed (\`modifiedAt\`).`,
  read: (item) => item.modifiedAt,
  wire: 'modifiedAt',
  kind: 'instant',
  ...(pushdown ? { pushdown: both('modifiedAt') } : {}),
});

/** The instant of a v1 start/end slot (§6.1: `dateTime`, or `date` for all-day); v2 sends a plain ISO string. */
const slot = (value: WireDateTimeSlot | string | null | undefined): string | null | undefined =>
  typeof value === 'string' ? value : (value?.dateTime ?? value?.date);

/** A field read straight from a top-level wire property. */
const field = <T>(
  name: string,
  wire: keyof T & string,
  kind: 'instant' | 'date',
  description: string,
  pushdown: boolean,
): DateFieldSpec<T> => ({
  name,
  description,
  read: (item) => (item as Record<string, unknown>)[wire] as string | null | undefined,
  wire,
  kind,
  ...(pushdown ? { pushdown: both(wire) } : {}),
});

const stamps = <T extends Stamped>(what: string, pushdown = true): DateFieldSpec<T>[] => [
  createdAt<T>(what, pushdown),
  modifiedAt<T>(what, pushdown),
];

// Booking rows (§6.1): `start`/`end` are objects upstream and cannot be compared there, but `seriesStart` can
// (real v1 traffic sends `seriesStart.$gte` and `$lte`). A row's start is the first instance of its series, which
// is not always at seriesStart: after excluded instances it is later, after a moved anchor earlier. So both bounds
// are widened by the organization's learnt reach (`SeriesReach`): a row with start in [S, E) has seriesStart in
// [S - reach.after, E + reach.before]. seriesEnd may be null for an open series, so it is never used to narrow.
const bookingStart: DateFieldSpec<WireBooking> = {
  name: 'START',
  description: 'When the booking starts (for a recurring series, its first occurrence).',
  read: (b) => slot(b.start),
  wire: 'start',
  kind: 'instant',
  pushdown: { field: 'seriesStart', lower: true, upper: true, series: 'start' },
};
const bookingEnd: DateFieldSpec<WireBooking> = {
  name: 'END',
  description: 'When the booking ends (for a recurring series, its first occurrence).',
  read: (b) => slot(b.end),
  wire: 'end',
  kind: 'instant',
  pushdown: { field: 'seriesStart', lower: true, upper: true, series: 'end' },
};

/** Date specs of every report that has dates; resource types have none. */
interface ReportDates {
  bookings: ReportDateSpec<WireMap['bookings']>;
  charges: ReportDateSpec<WireMap['charges']>;
  checkins: ReportDateSpec<WireMap['checkins']>;
  contracts: ReportDateSpec<WireMap['contracts']>;
  fees: ReportDateSpec<WireMap['fees']>;
  floors: ReportDateSpec<WireMap['floors']>;
  issues: ReportDateSpec<WireMap['issues']>;
  members: ReportDateSpec<WireMap['members']>;
  memberships: ReportDateSpec<WireMap['memberships']>;
  offices: ReportDateSpec<WireMap['offices']>;
  passes: ReportDateSpec<WireMap['passes']>;
  payments: ReportDateSpec<WireMap['payments']>;
  plans: ReportDateSpec<WireMap['plans']>;
  rates: ReportDateSpec<WireMap['rates']>;
  resources: ReportDateSpec<WireMap['resources']>;
  'resource-types'?: undefined;
  teams: ReportDateSpec<WireMap['teams']>;
  visits: ReportDateSpec<WireMap['visits']>;
  /** Booking occurrences: selected by their own window (§6.2), split per year (`occurrenceWindows`). */
  occurrences: ReportDateSpec<WireBookingOccurrence>;
  /** Credit accounts are selected by month (`monthsOf` in selection.ts), not by a date field. */
  creditAccounts?: ReportDateSpec<WireCreditStat & { month: string }>;
}

// Push-down follows collections.ts `dateFields` (what the simulator accepts): a field without comparisons there
// is checked on our side only.
export const REPORT_DATES: ReportDates = {
  bookings: { default: 'START', fields: [bookingStart, bookingEnd, ...stamps<WireBooking>('booking')] },
  occurrences: {
    default: 'START',
    fields: [
      {
        name: 'START',
        description: 'When the occurrence starts.',
        read: (o) => slot(o.start),
        wire: 'start',
        kind: 'instant',
      },
      { name: 'END', description: 'When the occurrence ends.', read: (o) => slot(o.end), wire: 'end', kind: 'instant' },
    ],
  },
  charges: {
    default: 'DATE',
    fields: [field('DATE', 'date', 'instant', 'When the money moved (`date`).', true), ...stamps('charge')],
  },
  checkins: {
    default: 'START',
    fields: [
      field('START', 'start', 'instant', 'When the member checked in.', true),
      field('END', 'end', 'instant', 'When the member checked out.', true),
      createdAt('check-in'),
    ],
  },
  contracts: {
    default: 'START_DATE',
    fields: [
      field('START_DATE', 'startDate', 'date', 'First day of the term.', true),
      field('END_DATE', 'endDate', 'date', 'Last day of the term.', true),
      field('SIGN_DATE', 'signDate', 'date', 'The day it was signed.', true),
      ...stamps('contract'),
    ],
  },
  fees: {
    default: 'DATE',
    fields: [field('DATE', 'date', 'date', 'The issue date of the fee (`date`).', true), ...stamps('fee')],
  },
  floors: { default: 'CREATED_AT', fields: stamps('floor') },
  issues: {
    default: 'CREATED_AT',
    fields: [
      ...stamps('issue'),
      field('RESOLVED_AT', 'resolvedDate', 'instant', 'When it was resolved (`resolvedDate`).', true),
    ],
  },
  members: {
    default: 'START_DATE',
    fields: [
      field('START_DATE', 'startDate', 'date', 'The day the member started.', true),
      ...stamps('member'),
      field(
        'LAST_LOGIN',
        'lastLogin',
        'instant',
        'Last login to the member portal or app (checked on our side only).',
        false,
      ),
    ],
  },
  memberships: {
    default: 'START_DATE',
    fields: [
      field('START_DATE', 'startDate', 'date', 'First day of the membership.', true),
      field('END_DATE', 'endDate', 'date', 'Last day of the membership (open-ended memberships have none).', true),
      ...stamps('membership'),
    ],
  },
  offices: { default: 'CREATED_AT', fields: stamps('office') },
  passes: {
    default: 'START_DATE',
    fields: [
      field('START_DATE', 'startDate', 'date', 'First day of the set.', true),
      field('END_DATE', 'endDate', 'date', 'Last day of the set.', true),
      field(
        'VALID_FROM',
        'validFrom',
        'instant',
        'From when the passes can be used (checked on our side only).',
        false,
      ),
      field('VALID_TO', 'validTo', 'instant', 'Until when the passes can be used (checked on our side only).', false),
      ...stamps('pass set'),
    ],
  },
  payments: {
    default: 'DATE',
    fields: [
      field('DATE', 'date', 'date', 'The issue date of the document.', true),
      field('DUE_DATE', 'dueDate', 'date', 'The day payment is due.', true),
      ...stamps('document'),
    ],
  },
  plans: { default: 'CREATED_AT', fields: stamps('plan') },
  rates: { default: 'CREATED_AT', fields: stamps('rate') },
  resources: { default: 'CREATED_AT', fields: stamps('resource') },
  teams: {
    default: 'START_DATE',
    fields: [
      field('START_DATE', 'startDate', 'date', 'The day the company became a customer.', true),
      ...stamps('team'),
    ],
  },
  visits: {
    default: 'START',
    fields: [
      field('START', 'start', 'instant', 'When the visit starts.', true),
      field('END', 'end', 'instant', 'When the visit ends.', true),
      // §6.20: visits have no timestamps in v2 and no documented comparison filters on them.
      ...stamps('visit', false),
    ],
  },
};

/** The date spec of a list collection; undefined for collections without dates (resource types). */
export function reportDatesOf<C extends ListCollection>(collection: C): ReportDateSpec<WireMap[C]> | undefined {
  return (REPORT_DATES as unknown as Record<string, ReportDateSpec<WireMap[C]> | undefined>)[collection];
}

/** The spec of one date field; `undefined` picks the default; an unknown name is a DateSelectionError on `dateField`. */
export function dateFieldOf<T>(spec: ReportDateSpec<T>, dateField: string | null | undefined): DateFieldSpec<T> {
  const name = dateField ?? spec.default;
  const found = spec.fields.find((f) => f.name === name);
  if (!found) {
    throw new DateSelectionError(
      'dateField',
      `must be one of ${spec.fields.map((f) => f.name).join(', ')}, got "${name}"`,
    );
  }
  return found;
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The UTC calendar day of a wire value ('YYYY-MM-DD'), or null when it is not a date. */
function utcDayOf(value: string): string | null {
  if (DAY_ONLY.test(value)) return value;
  if (CANONICAL.test(value)) return value.slice(0, 10);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** Whether a wire date value falls in the range: instants against [start, end), dates against [firstDay, lastDay]. */
export function inRange(value: string | null | undefined, kind: 'instant' | 'date', range: DayRange): boolean {
  if (typeof value !== 'string' || value === '') return false;
  // A bare day is a calendar date whatever the field's kind (all-day booking slots carry one, §6.1).
  if (kind === 'date' || DAY_ONLY.test(value)) {
    const day = utcDayOf(value);
    return (
      day !== null &&
      (range.firstDay === null || day >= range.firstDay) &&
      (range.lastDay === null || day <= range.lastDay)
    );
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return false;
  return (range.start === null || ms >= range.start.getTime()) && (range.end === null || ms < range.end.getTime());
}

/** Whether a selection on this date field is bounded upstream through the learnt `SeriesReach` (booking rows). */
export function needsSeriesReach<T>(spec: ReportDateSpec<T>, dateField: string | null | undefined): boolean {
  return dateFieldOf(spec, dateField).pushdown?.series !== undefined;
}

/**
 * The upstream filters and the exact local check for a selection on one report. `keep` must always be applied:
 * the filters only narrow what is read where that is safe for the field. A booking row date is bounded only with
 * the organization's `reach` (null: nothing is sent); its far rows the selection picks come back in `far` (read by
 * id), save those the bounds were widened over because that costs fewer calls on the version read (`costs`;
 * without, none), and `farCalls` is what they cost either way.
 */
export function dateFilter<T>(
  spec: ReportDateSpec<T>,
  dateField: string | null | undefined,
  range: DayRange,
  reach: SeriesReach | null = null,
  costs?: FarCosts,
): { filters: Filter[]; keep(item: T): boolean; wire: string; far: string[]; farCalls: number } {
  const chosen = dateFieldOf(spec, dateField);
  const filters: Filter[] = [];
  const far: string[] = [];
  let farCalls = 0;
  const push = chosen.pushdown;
  if (push?.series) {
    const field = push.series;
    const side = reach?.[field];
    const spread = reach?.spread;
    const near = {
      lower: side && range.start ? range.start.getTime() - side.after : null,
      upper: side && range.end ? range.end.getTime() + side.before : null,
    };
    const bounded = (row: FarRow, bounds: { lower: number | null; upper: number | null }) =>
      (bounds.lower === null || row.seriesStart >= bounds.lower) &&
      (bounds.upper === null || row.seriesStart <= bounds.upper);
    // The far rows whose date was last seen in the selection (a day either side: all-day slots are calendar days)
    // and whose anchor the near bounds leave out. A row the reach covers on this date (it is far on the other) is
    // found by the bounds whenever its date is selected.
    const outside = (side ? (reach?.far ?? []) : []).filter((row) => {
      if (side && covers(side, row, field)) return false;
      const at = row[field];
      const selected =
        at !== null &&
        (range.start === null || at >= range.start.getTime() - DAY_MS) &&
        (range.end === null || at < range.end.getTime() + DAY_MS);
      return selected && !bounded(row, near);
    });
    // Each is read by id, or the bounds widen over it: whichever costs fewer calls. Either way it is checked like
    // every row, and read by id unless the bounds sent cover its anchor.
    const bounds = chooseFarBounds(
      near.lower,
      near.upper,
      outside.map((row) => row.seriesStart),
      spread && costs ? (from, to) => costs.rowsIn(spread, from, to) : undefined,
      costs,
    );
    if (bounds.lower !== null) filters.push({ field: push.field, op: 'gte', value: new Date(bounds.lower) });
    if (bounds.upper !== null) filters.push({ field: push.field, op: 'lte', value: new Date(bounds.upper) });
    for (const row of outside) if (!bounded(row, bounds)) far.push(row.id);
    farCalls = bounds.calls;
  } else if (push) {
    // Date-only values sit at T00:00:00.000Z (§4), so whole UTC days bound them; instants use the local midnights.
    const lower = chosen.kind === 'date' ? dayStart(range.firstDay) : range.start;
    const upper =
      chosen.kind === 'date' ? dayStart(range.lastDay === null ? null : addDays(range.lastDay, 1)) : range.end;
    if (push.lower && lower) filters.push({ field: push.field, op: 'gte', value: lower });
    if (push.upper && upper) filters.push({ field: push.field, op: 'lt', value: upper });
  }
  return {
    filters,
    keep: (item) => inRange(chosen.read(item), chosen.kind, range),
    wire: chosen.wire,
    far,
    farCalls,
  };
}

const dayStart = (day: string | null): Date | null => (day === null ? null : new Date(`${day}T00:00:00.000Z`));

/** Occurrence selections may span at most this many windows, so no walk is unbounded. */
export const MAX_OCCURRENCE_WINDOWS = 10;

export interface OccurrenceWindow {
  start: Date;
  end: Date;
  /**
   * Where OfficeRnD is asked to start: 1 ms before `start`. §6.2 answers the occurrences overlapping its window, so
   * one that ends right at `start` (an END selection keeps it) or lasts no time there would not come back otherwise.
   * A window of 365 days is asked for 365 days and 1 ms, within the longest year (OCCURRENCE_PERIOD_MAX_MS).
   */
  askStart: Date;
  /** The exact check for this window: the chosen date is in the selection and in [start, end) of this window. */
  keep(item: WireBookingOccurrence): boolean;
}

/**
 * The upstream windows of an occurrence selection, in order: the selection cut into windows of at most a year
 * (§6.2). Upstream returns every occurrence overlapping a window, so one occurrence can come back from two
 * windows; each window keeps only the occurrences whose chosen date falls inside it, which removes duplicates
 * and keeps the order of the windows.
 */
export function occurrenceWindows(dateField: string | null | undefined, range: DayRange): OccurrenceWindow[] {
  // §6.2: the occurrences endpoint needs both ends of its window.
  const bounded = requireBounded(range, 'booking occurrences are read in a bounded window');
  const chosen = dateFieldOf(REPORT_DATES.occurrences, dateField);
  const startMs = bounded.start.getTime();
  const endMs = bounded.end.getTime();
  const count = Math.ceil((endMs - startMs) / OCCURRENCE_WINDOW_MS);
  if (count > MAX_OCCURRENCE_WINDOWS) {
    throw new DateSelectionError(
      'dates',
      `spans more than ${MAX_OCCURRENCE_WINDOWS} years of booking occurrences; select fewer days`,
    );
  }
  const windows: OccurrenceWindow[] = [];
  for (let from = startMs; from < endMs; from += OCCURRENCE_WINDOW_MS) {
    const to = Math.min(endMs, from + OCCURRENCE_WINDOW_MS);
    windows.push({
      start: new Date(from),
      end: new Date(to),
      askStart: new Date(from - 1),
      keep: (item) => {
        const value = chosen.read(item);
        const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
        return ms >= from && ms < to && inRange(value, chosen.kind, bounded);
      },
    });
  }
  return windows;
}
