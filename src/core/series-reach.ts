import {
  covers,
  dateFilter,
  needsSeriesReach,
  NO_REACH,
  REPORT_DATES,
  rowDates,
  rowReach,
  widenReach,
  type FarCosts,
  type FarRow,
  type Reach,
  type SeriesReach,
} from '../dates/report-dates.ts';
import type { DayRange } from '../dates/selection.ts';
import { isBareIdAnswer, type ListQuery, type OfficeRnDClient } from '../officernd/index.ts';
import type { WireBooking } from '../officernd/types.ts';
import { refusesSelection } from './failure.ts';
import { expectedRows, QUANTILES, type FieldDistribution } from './sub-windows.ts';

/**
 * Most far rows kept per date (start, end): the rows furthest from their seriesStart, read by id when selected; past
 * it, the near reach widens to cover the nearest of them (memory flat: at most twice this many rows).
 */
export const MAX_FAR_ROWS = 500;

/** The bookings' learnt reach and the latest `modifiedAt` it has seen. */
export interface LearntReach {
  /** Null when a row could not be bounded through `seriesStart`: booking dates are then not sent upstream. */
  reach: SeriesReach | null;
  /** The reach of the rows that are not far (0 when they all lie at their seriesStart). */
  near?: SeriesReach;
  /**
   * The rows `near` does not cover on a date, by id: at most MAX_FAR_ROWS per date, those furthest from their
   * seriesStart. Null in a reach stored by an earlier version whose far rows overflowed: then `reach` is used.
   */
  far?: Map<string, FarRow> | null;
  /** Ids of far rows a look for changes found no longer far (not stored): a merge does not keep them. */
  left?: ReadonlySet<string>;
  /** The latest `modifiedAt` read; the next read asks only for bookings changed since (`modifiedAt.$gte`). */
  seen: string | null;
  /**
   * How the bookings' seriesStart values spread (quantiles), from the last walk of every booking: what a read's
   * widening over far rows would cost (`chooseFarBounds`). Absent while unknown: far rows are then read by id.
   */
  spread?: FieldDistribution;
}

/** A walk learning the reach, while it runs. */
export interface ReachLearning {
  /** Settles when the walk ends (learnt or not); never rejects. */
  done: Promise<unknown>;
  /** Lifts the walk's pacing: a read is waiting for it. */
  hurry(): void;
}

/** Where a gateway keeps what it learnt (loaders/collection-sizes.ts: shared by its requests). */
export interface ReachStore {
  seriesReach(): LearntReach | undefined;
  setSeriesReach(learnt: LearntReach): void;
  seriesLearning(): ReachLearning | undefined;
  setSeriesLearning(walk: ReachLearning | undefined): void;
  /**
   * Starts the walk that learns the reach through the gateway's size learner (one walk of bookings learns their
   * size and the reach); undefined when there is none, or it cannot (then this module walks on its own).
   */
  startSeriesLearning?(): ReachLearning | undefined;
}

/** What the learning walk reads of each booking (§4 `$select`): the row dates, the anchor and the change stamp. */
export const REACH_SELECT: readonly string[] = ['end', 'modifiedAt', 'seriesStart', 'start'];

/** What is known before any booking was read. */
export const emptyReach = (): LearntReach => ({ reach: NO_REACH, near: NO_REACH, far: new Map(), seen: null });

/**
 * How a read gets the reach: `wait` learns it first if it is not known (exports: long reads, no per-request call
 * cap); `refresh` starts learning in the background if it is not known (null meanwhile: nothing is sent) and
 * otherwise brings it up to date; `known` only reads what is known (a GraphQL page resuming from a cursor keeps the
 * reach its first page used, so the cursor still belongs to its query).
 */
export type ReachMode = 'wait' | 'refresh' | 'known';

/**
 * How far the organization's booking rows lie from their `seriesStart` (issue 21), so a dated bookings read can send
 * both bounds on `seriesStart` (§6.1) and stay exact for recurring series whose first instance is not at
 * seriesStart. Learnt by one walk of every booking (four fields each, memory flat: the reach and at most
 * MAX_FAR_ROWS far rows a date are kept), outside any one request's share of calls: the size learner's walk of bookings
 * (loaders/collection-sizes.ts, from start-up), which a read that needs the reach hurries or starts, or without a
 * learner a walk of this module's; brought up to date by reading the
 * bookings changed since the latest `modifiedAt` seen (`modifiedAt.$gte`, §4), usually one page. The answer is the
 * near reach with the far rows beside it (a read widens its window by the first and reads the few of the second its
 * selection picks by id; the cut is the data's, `farRows`), or the whole reach for a reach stored without far rows.
 * Null when unknown or when some row could not be bounded: then nothing is sent.
 */
export async function seriesReach(
  officernd: OfficeRnDClient,
  sizes: ReachStore,
  signal: AbortSignal | undefined,
  mode: ReachMode,
): Promise<SeriesReach | null> {
  const known = sizes.seriesReach();
  if (known === undefined) {
    // One walk at a time: the start-up learning's walk of bookings (collection-sizes.ts) when it runs, hurried, as
    // a walk started here is unpaced.
    const learning = sizes.seriesLearning() ?? sizes.startSeriesLearning?.() ?? startLearning(officernd, sizes);
    learning.hurry();
    if (mode !== 'wait') return null;
    await within(learning.done, signal);
    return usable(sizes.seriesReach());
  }
  if (known.reach === null || mode === 'known') return usable(known);
  const since: ListQuery = known.seen
    ? { filters: [{ field: 'modifiedAt', op: 'gte', value: new Date(known.seen) }] }
    : {};
  const learnt = await readReach(officernd, since, known, signal);
  sizes.setSeriesReach(mergeReach(sizes.seriesReach(), learnt));
  return usable(learnt);
}

/**
 * Waits for the learning walk as long as the read may wait: a read whose time ends first (REQUEST_BUDGET_MS, or its
 * caller leaving) fails with its signal's reason, while the walk goes on for the reads after it.
 */
function within(walk: Promise<unknown>, signal: AbortSignal | undefined): Promise<unknown> {
  if (!signal) return walk;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    walk.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/**
 * What a read bounds its window with: the near reach and the far rows (with the spread that prices widening over
 * them), or the whole reach without far rows. The cost rule reads the same (security/cost.ts, through the gateway).
 */
export function usable(learnt: LearntReach | undefined): SeriesReach | null {
  if (!learnt || learnt.reach === null) return null;
  if (!learnt.near || !learnt.far) return learnt.reach;
  return { ...learnt.near, far: [...learnt.far.values()], ...(learnt.spread ? { spread: learnt.spread } : {}) };
}

/**
 * What a dated bookings read's far rows cost now, for the cost rule (security/cost.ts through the gateway): the
 * calls of the read's own choice (`dateFilter`, `chooseFarBounds`) with the reach known now; 0 while it is unknown or
 * for a date not bounded through seriesStart.
 */
export function knownFarCalls(
  sizes: Pick<ReachStore, 'seriesReach'>,
  officernd: Pick<OfficeRnDClient, 'pageLimit' | 'batchesById'>,
  dateField: string | undefined,
  range: DayRange,
): number {
  const reach = usable(sizes.seriesReach());
  if (reach === null || !needsSeriesReach(REPORT_DATES.bookings, dateField)) return 0;
  return dateFilter(REPORT_DATES.bookings, dateField, range, reach, farCostsOf(officernd)).farCalls;
}

/**
 * What far rows cost the version `officernd` reads: pages of 100 (v1) or 50 (v2), and by id one GET each on v1
 * (§8) or 50 ids a call on v2 (`_id[$in]`, the loaders' plan, loaders/plan.ts). Fixed per version, so the choice it
 * prices never changes under a cursor: if a v2 list later refuses `_id[$in]`, far rows read by id cost more calls
 * than priced, and no row is lost.
 */
export function farCostsOf(officernd: Pick<OfficeRnDClient, 'pageLimit' | 'batchesById'>): FarCosts {
  return {
    pageLimit: officernd.pageLimit,
    idsPerCall: officernd.batchesById ? officernd.pageLimit : 1,
    rowsIn: expectedRows,
  };
}

/** The learning walk, detached from the request that needed it (it serves every later one); a failure is retried by the next read. */
function startLearning(officernd: OfficeRnDClient, sizes: ReachStore): ReachLearning {
  const done = readReach(officernd, {}, emptyReach(), undefined)
    .then((learnt) => sizes.setSeriesReach(mergeReach(sizes.seriesReach(), learnt)))
    .catch(() => undefined)
    .finally(() => sizes.setSeriesLearning(undefined));
  // Unpaced already.
  const learning = { done, hurry: () => undefined };
  sizes.setSeriesLearning(learning);
  return learning;
}

/** Reads the reach from the bookings `query` selects, with `$select` of four fields and, if OfficeRnD does not take it, without. */
async function readReach(
  officernd: OfficeRnDClient,
  query: ListQuery,
  from: LearntReach,
  signal: AbortSignal | undefined,
): Promise<LearntReach> {
  let learnt: LearntReach | 'unselected';
  try {
    learnt = await walkReach(officernd, { ...query, select: [...REACH_SELECT] }, from, signal);
  } catch (error) {
    if (!refusesSelection(error)) throw error;
    learnt = 'unselected';
  }
  // §4: a `$select` OfficeRnD does not know comes back as bare ids, or is refused: read whole bookings instead.
  return learnt === 'unselected' ? (walkReach(officernd, query, from, signal) as Promise<LearntReach>) : learnt;
}

async function walkReach(
  officernd: OfficeRnDClient,
  query: ListQuery,
  from: LearntReach,
  signal: AbortSignal | undefined,
): Promise<LearntReach | 'unselected'> {
  const fold = foldReach(from);
  for await (const page of officernd.pages('bookings', query, signal ? { signal } : {})) {
    if (query.select && isBareIdAnswer(page.items as object[])) return 'unselected';
    fold.add(page.items);
  }
  return fold.result();
}

/** Booking rows folded into a learnt reach, page by page (memory flat: the reach and at most MAX_FAR_ROWS rows a date). */
export interface ReachFold {
  add(rows: readonly WireBooking[]): void;
  result(): LearntReach;
}

/** Limits of a fold (tests: a small cap). */
export interface FoldOptions {
  /** Most far rows per date (start, end); default MAX_FAR_ROWS. */
  maxFar?: number;
}

const SIDES = ['start', 'end'] as const;
type Side = (typeof SIDES)[number];

/**
 * Far rows and the near reach, kept so that every row seen is covered by the near reach or among the far rows on
 * each of its dates. A row the near reach covers is not kept; past `maxFar` rows uncovered on one date, the nearest
 * of them is covered instead: the near reach widens (whole days; it only grows) to exactly that row's distance, and
 * the far rows it now covers on both dates leave. A row lies before or after its seriesStart on a date, so the rows
 * uncovered on a date wait in two lists by distance (before, after), and the one to cover is at the head of one.
 */
function farRows(near: SeriesReach, from: ReadonlyMap<string, FarRow>, maxFar: number) {
  let reach = near;
  const far = new Map<string, FarRow>();
  type Waiting = { id: string; distance: number }[];
  const lists: Record<Side, Record<keyof Reach, Waiting>> = {
    start: { before: [], after: [] },
    end: { before: [], after: [] },
  };
  const insert = (list: Waiting, id: string, distance: number) => {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((list[mid] as Waiting[number]).distance <= distance) low = mid + 1;
      else high = mid;
    }
    list.splice(low, 0, { id, distance });
  };
  const coverOne = (side: Side) => {
    const { before, after } = lists[side];
    const gain = (list: Waiting, dir: keyof Reach) => (list[0] ? list[0].distance - reach[side][dir] : Infinity);
    // The smaller widening; of two alike, the one covering more rows.
    const [b, a] = [gain(before, 'before'), gain(after, 'after')];
    const dir: keyof Reach = b < a || (b === a && before.length >= after.length) ? 'before' : 'after';
    const list = lists[side][dir];
    const distance = (list[0] as Waiting[number]).distance;
    reach = { ...reach, [side]: { ...reach[side], [dir]: distance } };
    while (list[0] && list[0].distance <= distance) {
      const { id } = list.shift() as Waiting[number];
      const row = far.get(id);
      if (row && SIDES.every((other) => covers(reach[other], row, other))) far.delete(id);
    }
  };
  const remove = (id: string) => {
    if (!far.delete(id)) return;
    for (const side of SIDES) {
      for (const dir of ['before', 'after'] as const) {
        const at = lists[side][dir].findIndex((waiting) => waiting.id === id);
        if (at >= 0) lists[side][dir].splice(at, 1);
      }
    }
  };
  const put = (row: FarRow) => {
    remove(row.id);
    for (const side of SIDES) {
      const needs = rowReach(row, side);
      if (needs === null) continue;
      for (const dir of ['before', 'after'] as const) {
        if (needs[dir] <= reach[side][dir]) continue;
        far.set(row.id, row);
        insert(lists[side][dir], row.id, needs[dir]);
      }
    }
    for (const side of SIDES) while (lists[side].before.length + lists[side].after.length > maxFar) coverOne(side);
  };
  for (const row of from.values()) put(row);
  return { put, remove, near: () => reach, far: () => far };
}

const DAY_MS = 86_400_000;

/**
 * The spread of seriesStart values counted per UTC day (`days`: day number → bookings), as quantiles: the values of
 * one day are taken as evenly spread over it. Memory is a count per day with bookings, whatever their number.
 */
export function spreadOfDays(days: ReadonlyMap<number, number>): FieldDistribution {
  const sorted = [...days.entries()].sort((a, b) => a[0] - b[0]);
  const count = sorted.reduce((sum, [, n]) => sum + n, 0);
  const quantiles: number[] = [];
  if (count > 0) {
    let at = 0;
    let before = 0;
    for (let i = 0; i <= QUANTILES; i += 1) {
      const rank = (i / QUANTILES) * (count - 1);
      while (at < sorted.length - 1 && before + (sorted[at] as [number, number])[1] <= rank) {
        before += (sorted[at] as [number, number])[1];
        at += 1;
      }
      const [day, n] = sorted[at] as [number, number];
      quantiles.push(Math.round((day + (rank - before + 0.5) / n) * DAY_MS));
    }
  }
  return { count, missing: 0, quantiles };
}

/** Folds rows into `from`: the learning walk (here, or the size learner's walk of bookings) and the look for changes. */
export function foldReach(from: LearntReach, options: FoldOptions = {}): ReachFold {
  let { reach, seen } = from;
  // Rows read again (changed since) are placed anew: one no longer far leaves the far rows.
  const kept = from.near && from.far ? farRows(from.near, from.far, options.maxFar ?? MAX_FAR_ROWS) : null;
  const left = new Set<string>();
  // A fold from nothing seen is a walk of every booking: it learns their spread too (a look for changes keeps it).
  const days = seen === null ? new Map<number, number>() : null;
  return {
    add(rows) {
      for (const row of rows) {
        if (reach !== null) reach = widenReach(reach, row);
        const dates = rowDates(row);
        if (days && dates !== null && dates !== 'dateless') {
          const day = Math.floor(dates.seriesStart / DAY_MS);
          days.set(day, (days.get(day) ?? 0) + 1);
        }
        if (kept && dates !== null && dates !== 'dateless') {
          kept.put({ id: row._id, ...dates });
          // Only rows that were far can leave (the set stays within the far rows' count).
          if (from.far?.has(row._id)) {
            if (kept.far().has(row._id)) left.delete(row._id);
            else left.add(row._id);
          }
        }
        const stamp = row.modifiedAt;
        if (typeof stamp === 'string' && (seen === null || stamp > seen)) seen = stamp;
      }
    },
    result: () => {
      const spread = days ? spreadOfDays(days) : from.spread;
      const learnt: LearntReach = kept
        ? { reach, seen, near: kept.near(), far: new Map(kept.far()), left: new Set(left) }
        : { reach, seen, ...(from.near ? { near: from.near } : {}), ...(from.far === null ? { far: null } : {}) };
      return spread ? { ...learnt, spread } : learnt;
    },
  };
}

/**
 * Two learnt reaches as one: the reach only grows, the latest stamp wins, and the far rows are both's (the later
 * read's version of a row it read again; those it found no longer far stay out), within the cap.
 */
export function mergeReach(
  current: LearntReach | undefined,
  learnt: LearntReach,
  options: FoldOptions = {},
): LearntReach {
  if (current === undefined) return learnt;
  const seen =
    current.seen !== null && (learnt.seen === null || current.seen > learnt.seen) ? current.seen : learnt.seen;
  if (current.reach === null || learnt.reach === null) return { reach: null, seen };
  const most = (x: { before: number; after: number }, y: { before: number; after: number }) => ({
    before: Math.max(x.before, y.before),
    after: Math.max(x.after, y.after),
  });
  const both = (x: SeriesReach, y: SeriesReach): SeriesReach => ({
    start: most(x.start, y.start),
    end: most(x.end, y.end),
  });
  const reach = both(current.reach, learnt.reach);
  // The spread of the later walk of every booking, else the one known.
  const spread = learnt.spread ?? current.spread;
  const withSpread = (merged: LearntReach): LearntReach => (spread ? { ...merged, spread } : merged);
  if (!current.near || !learnt.near || !current.far || !learnt.far) return withSpread({ reach, seen });
  // Far rows another read added meanwhile are kept; those this read saw leave (changed since) stay out.
  const kept = farRows(both(current.near, learnt.near), current.far, options.maxFar ?? MAX_FAR_ROWS);
  for (const id of learnt.left ?? []) kept.remove(id);
  for (const row of learnt.far.values()) kept.put(row);
  return withSpread({ reach, seen, near: kept.near(), far: new Map(kept.far()) });
}
