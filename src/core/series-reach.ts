import { isFar, NO_REACH, rowDates, widenReach, type FarRow, type SeriesReach } from '../dates/report-dates.ts';
import { isBareIdAnswer, type ListQuery, type OfficeRnDClient } from '../officernd/index.ts';
import type { WireBooking } from '../officernd/types.ts';
import { refusesSelection } from './failure.ts';

/** Most far rows kept (a few awkward series); past it, the whole reach widens every window instead. */
export const MAX_FAR_ROWS = 500;

/** The bookings' learnt reach and the latest `modifiedAt` it has seen. */
export interface LearntReach {
  /** Null when a row could not be bounded through `seriesStart`: booking dates are then not sent upstream. */
  reach: SeriesReach | null;
  /** The reach of the rows within NEAR_REACH_MS of their seriesStart. */
  near?: SeriesReach;
  /** The other rows by id; null when there were more than MAX_FAR_ROWS (then `reach` is used). */
  far?: Map<string, FarRow> | null;
  /** The latest `modifiedAt` read; the next read asks only for bookings changed since (`modifiedAt.$gte`). */
  seen: string | null;
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
 * MAX_FAR_ROWS far rows are kept), outside any one request's share of calls: the size learner's walk of bookings
 * (loaders/collection-sizes.ts, from start-up), which a read that needs the reach hurries or starts, or without a
 * learner a walk of this module's; brought up to date by reading the
 * bookings changed since the latest `modifiedAt` seen (`modifiedAt.$gte`, §4), usually one page. The answer is the
 * reach of the rows within NEAR_REACH_MS of their seriesStart with the far rows beside it (a read widens its window
 * by the first and reads the few of the second its selection picks by id), or the whole reach when the far rows
 * overflowed. Null when unknown or when some row could not be bounded: then nothing is sent.
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

/** What a read bounds its window with: the near reach and the far rows, or the whole reach when they overflowed. */
function usable(learnt: LearntReach | undefined): SeriesReach | null {
  if (!learnt || learnt.reach === null) return null;
  if (!learnt.near || !learnt.far) return learnt.reach;
  return { ...learnt.near, far: [...learnt.far.values()] };
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

/** Booking rows folded into a learnt reach, page by page (memory flat: the reach and at most MAX_FAR_ROWS rows). */
export interface ReachFold {
  add(rows: readonly WireBooking[]): void;
  result(): LearntReach;
}

/** Folds rows into `from`: the learning walk (here, or the size learner's walk of bookings) and the look for changes. */
export function foldReach(from: LearntReach): ReachFold {
  let { reach, seen } = from;
  let near = from.near;
  // A copy: a row read again (changed since) that is no longer far leaves it.
  let far = from.far ? new Map(from.far) : null;
  return {
    add(rows) {
      for (const row of rows) {
        if (reach !== null) reach = widenReach(reach, row);
        const dates = rowDates(row);
        if (far && near && dates !== null && dates !== 'dateless') {
          if (isFar(dates)) far.set(row._id, { id: row._id, ...dates });
          else {
            far.delete(row._id);
            near = widenReach(near, row) ?? near;
          }
          if (far.size > MAX_FAR_ROWS) far = null;
        }
        const stamp = row.modifiedAt;
        if (typeof stamp === 'string' && (seen === null || stamp > seen)) seen = stamp;
      }
    },
    result: () => ({ reach, seen, ...(near ? { near } : {}), far }),
  };
}

/** Two learnt reaches as one: the reach only grows, the latest stamp wins. */
export function mergeReach(current: LearntReach | undefined, learnt: LearntReach): LearntReach {
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
  // The far rows of the latest read win: it started from the current ones and saw the changes since.
  const near = current.near && learnt.near ? both(current.near, learnt.near) : undefined;
  const far = near && current.far !== null && learnt.far ? learnt.far : null;
  return { reach: both(current.reach, learnt.reach), seen, ...(near ? { near, far } : {}) };
}
