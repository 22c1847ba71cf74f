import { refusesSelection } from '../core/failure.ts';
import {
  emptyReach,
  foldReach,
  mergeReach,
  REACH_SELECT,
  type LearntReach,
  type ReachFold,
  type ReachLearning,
} from '../core/series-reach.ts';
import { dateMs, distributionOf, splitFieldsOf, type FieldDistribution } from '../core/sub-windows.ts';
import type { ListCollection } from '../officernd/collections.ts';
import { isBareIdAnswer, type OfficeRnDClient } from '../officernd/index.ts';
import type { WireBooking } from '../officernd/types.ts';

/**
 * What the gateway has learnt about collections, kept across requests: exact sizes from complete walks, lower bounds
 * from walks that stopped early, and filters OfficeRnD was seen to ignore (rows came back they should have
 * excluded). It only steers plans (per-id calls or one walk, one filtered call per parent or one walk grouped by
 * parent); answers never come from it.
 */
export interface CollectionSizes {
  /** The exact size, when a complete walk has been seen. */
  get(collection: ListCollection): number | undefined;
  set(collection: ListCollection, size: number): void;
  /** The most items a walk has read without reaching the end (0 when none did). */
  atLeast(collection: ListCollection): number;
  setAtLeast(collection: ListCollection, size: number): void;
  /**
   * Whether OfficeRnD was seen to ignore the filter on this wire field: it does not narrow, plans do not count on it.
   * `$populate` facts are kept here too, under `$populate` (refused on the collection) and `$populate.<reference>`
   * (ignored for one reference): reports/joins.ts `populates`.
   */
  ignoresFilter(collection: ListCollection, field: string): boolean;
  /** Records that OfficeRnD ignored the filter; true the first time (so it is logged once). */
  noteIgnoredFilter(collection: ListCollection, field: string): boolean;
  /** How far booking rows lie from their `seriesStart`, once a walk of the bookings has shown it (core/series-reach.ts). */
  seriesReach(): LearntReach | undefined;
  setSeriesReach(learnt: LearntReach): void;
  /** The walk learning the reach, while one runs (one per gateway at a time). */
  seriesLearning(): ReachLearning | undefined;
  setSeriesLearning(walk: ReachLearning | undefined): void;
  /** Starts the size learner's walk of bookings, which learns the reach too (core/series-reach.ts); set by the learner. */
  startSeriesLearning(): ReachLearning | undefined;
  setSeriesWalker(start: () => ReachLearning | undefined): void;
  /** How a date field's values spread over a collection, once a complete walk has read them (core/sub-windows.ts). */
  distribution(collection: ListCollection, field: string): FieldDistribution | undefined;
  setDistribution(collection: ListCollection, field: string, distribution: FieldDistribution): void;
}

/** An in-memory size table (one per gateway). */
export function createCollectionSizes(): CollectionSizes {
  const sizes = new Map<ListCollection, number>();
  const lowerBounds = new Map<ListCollection, number>();
  const ignored = new Set<string>();
  let reach: LearntReach | undefined;
  let learning: ReachLearning | undefined;
  let walker: (() => ReachLearning | undefined) | undefined;
  const distributions = new Map<string, FieldDistribution>();
  return {
    distribution: (collection, field) => distributions.get(`${collection}.${field}`),
    setDistribution: (collection, field, distribution) =>
      void distributions.set(`${collection}.${field}`, distribution),
    seriesLearning: () => learning,
    setSeriesLearning: (walk) => {
      learning = walk;
    },
    startSeriesLearning: () => walker?.(),
    setSeriesWalker: (start) => {
      walker = start;
    },
    seriesReach: () => reach,
    setSeriesReach: (learnt) => {
      reach = learnt;
    },
    ignoresFilter: (collection, field) => ignored.has(`${collection}.${field}`),
    noteIgnoredFilter: (collection, field) => {
      const key = `${collection}.${field}`;
      if (ignored.has(key)) return false;
      ignored.add(key);
      return true;
    },
    get: (collection) => sizes.get(collection),
    set: (collection, size) => void sizes.set(collection, size),
    atLeast: (collection) => sizes.get(collection) ?? lowerBounds.get(collection) ?? 0,
    setAtLeast: (collection, size) =>
      void lowerBounds.set(collection, Math.max(size, lowerBounds.get(collection) ?? 0)),
  };
}

/**
 * Sizes learnt by one replica, for the others (REDIS_URL: shared-state/sizes.ts): each collection is walked once for
 * the cluster, not once per replica. Every method answers from nothing (empty, false) while the store is away.
 */
export interface SharedSizes {
  read(): Promise<Partial<Record<ListCollection, number>>>;
  write(collection: ListCollection, size: number): Promise<void>;
  /** Whether this replica may walk the collection now (no other replica is walking it). */
  claim(collection: ListCollection): Promise<boolean>;
  /** The bookings' series reach learnt by a replica's walk of bookings (undefined: none yet). */
  readReach(): Promise<LearntReach | undefined>;
  writeReach(learnt: LearntReach): Promise<void>;
}

export interface SizeLearnerOptions {
  officernd: Pick<OfficeRnDClient, 'pages' | 'openShare'>;
  sizes: CollectionSizes;
  /**
   * Pause between two pages of a background walk, so that learning takes a small part of the upstream budget
   * (learningPauseMs); a walk a request waits for is not paused.
   */
  pauseMs: number;
  /** Most objects one learning walk reads (then the size stays a lower bound). */
  maxItems: number;
  shared?: SharedSizes;
  logger?: { info(message: string, fields?: object): void; warn(message: string, fields?: object): void };
  /** Between two looks at the shared store while another replica walks a collection; default 2 s. */
  pollMs?: number;
}

export interface SizeLearner {
  /**
   * Learns the sizes of these collections now: each walk (a running one is joined) reads its next URGENT_ITEMS
   * objects unpaced. Resolves when they are known, or could not be learnt, or their walks have read that many (then
   * they stay unknown until the walks, paced again, end); never rejects. `whole`: unpaced to the end of each walk
   * (a bench or a test that wants the sizes known, as on a gateway that has run a while).
   */
  learn(collections: Iterable<ListCollection>, signal?: AbortSignal, options?: { whole?: boolean }): Promise<void>;
  /** Learns every collection in the background, paced; resolves when done. Started once, by the server. */
  start(): Promise<void>;
  /** Stops learning (at shutdown). */
  stop(): void;
}

/**
 * The order of the background walk: the small catalogues and link targets first (a few calls), then bookings, whose
 * walk learns the series reach (a dated bookings read that comes before it waits for a walk of every booking, while
 * one that needs another unknown size waits for 20 pages at most), then the others, the large histories last.
 */
const LEARNING_ORDER: readonly ListCollection[] = [
  'offices',
  'floors',
  'resource-types',
  'rates',
  'plans',
  'teams',
  'resources',
  'bookings',
  'members',
  'memberships',
  'contracts',
  'payments',
  'fees',
  'charges',
  'passes',
  'issues',
  'visits',
  'checkins',
];

/**
 * Objects a walk reads unpaced for a request that waits for it (20 pages); past them the request stops waiting (it
 * is costed with what is known, its own share of calls bounding it) and the walk goes on at the background pace. So
 * a fresh gateway's first requests do not spend the minute's budget learning sizes: at scale 1 the dashboard's eight
 * panels needed 276 calls of learning (memberships, checkins, payments, fees, bookings whole) and then waited a
 * minute for the budget (README "Security and limits").
 */
const URGENT_ITEMS = 2_000;

/**
 * Objects a walk a read waits for (the series reach) reads unpaced: 100 calls, a third of the default minute's
 * budget, so a reach of a few thousand bookings is learnt at once. Past them the walk goes on at twice the
 * background pace (two fifths of the budget), leaving the rest to the other requests: at 51,200 bookings the 412
 * calls left would otherwise take the budget for more than a minute and starve every other request.
 */
const HURRIED_ITEMS = 10_000;

/** A walk in progress. */
interface WalkState {
  /** Objects read so far. */
  count: number;
  /** Read unpaced until this many objects (requests waiting for the walk: URGENT_ITEMS each). */
  until: number;
  /** A read waits for the series reach this walk learns: no pause at all. */
  hurried: boolean;
  done: Promise<void>;
  /** Ends the current pause (set while the walk pauses). */
  now?: () => void;
  /** Requests waiting for the walk to reach `at` objects. */
  waiters: { at: number; resolve: () => void }[];
}

/** The lane of learning walks in the upstream budget (a request's lanes are API-key digests: hex, never this). */
export const LEARNING_LANE = '#sizes';

/**
 * Learns collection sizes by walking each collection once, reading ids only (`$select=_id`, §4) and the fields its
 * reads are split on (`createdAt`, bookings' `seriesStart`: core/sub-windows.ts), whose quantiles it keeps: one page
 * of 100 per call (§3), so a collection of n objects costs ceil(n / 100) calls, once per gateway, or once per cluster
 * with `shared` (the quantiles stay with the replica that walked). What it learns only steers plans, splits and the
 * cost (security/cost.ts); answers never come from it.
 */
export function createSizeLearner(options: SizeLearnerOptions): SizeLearner {
  const { officernd, sizes, shared, logger } = options;
  const stop = new AbortController();
  // Learning is one caller of its own: its calls use their own lane, never a request's share.
  officernd.openShare({ signal: stop.signal, key: LEARNING_LANE });
  const walking = new Map<ListCollection, WalkState>();
  const pollMs = options.pollMs ?? 2_000;

  const adopt = async (): Promise<void> => {
    if (!shared) return;
    // The reach first: it is stored before the bookings' size, so a replica that sees the size sees the reach too.
    if (sizes.seriesReach() === undefined) {
      const reach = await shared.readReach();
      if (reach !== undefined && sizes.seriesReach() === undefined) sizes.setSeriesReach(reach);
    }
    for (const [collection, size] of Object.entries(await shared.read()) as [ListCollection, number][])
      if (sizes.get(collection) === undefined) sizes.set(collection, size);
  };

  /** Waits `ms`, or less when learning stops or `wake` is called (a hurried walk goes on at once). */
  const pause = (ms: number, wake?: { now?: () => void }): Promise<void> =>
    new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        stop.signal.removeEventListener('abort', end);
        if (wake) wake.now = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      if (wake) wake.now = end;
      stop.signal.addEventListener('abort', end, { once: true });
    });

  // One background pace for all walks: walks left paced by the requests that stopped waiting for them take turns,
  // so that learning as a whole stays at one page per pauseMs.
  let lastTurn = 0;
  /** How long a paced walk waits before its next page: its turn after the turn last given out. */
  const pacedTurn = (): number => {
    const now = Date.now();
    lastTurn = Math.max(now, lastTurn) + options.pauseMs;
    return lastTurn - now;
  };

  // Whether OfficeRnD answered the reach's `$select` with bare ids or refused it (§4): the reach is then learnt by
  // core/series-reach.ts on its own, reading whole bookings.
  let reachUnselected = false;
  // Collections whose split fields (core/sub-windows.ts) OfficeRnD refused in `$select`: walked by ids alone, so the
  // size is still learnt (their reads are then not split: no spread is known).
  const splitUnselected = new Set<ListCollection>();
  /** Whether a walk of this collection is still worth making: its size, or for bookings the reach, is unknown. */
  const needed = (collection: ListCollection): boolean =>
    sizes.get(collection) === undefined ||
    (collection === 'bookings' && sizes.seriesReach() === undefined && !reachUnselected);

  /**
   * A request waits for this walk: it reads its next URGENT_ITEMS objects unpaced; resolves once it has (or has
   * ended), and the walk then goes on at the background pace, its size still unknown if it has not ended.
   */
  const grant = (state: WalkState, items = URGENT_ITEMS): Promise<void> => {
    const at = state.count + items;
    state.until = Math.max(state.until, at);
    state.now?.();
    return new Promise((resolve) => state.waiters.push({ at, resolve }));
  };

  /** The walk of a collection: the one running, or a new one (paced until a request grants it urgency). */
  const walk = (collection: ListCollection): WalkState => {
    const running = walking.get(collection);
    if (running) return running;
    // Bookings while their reach is unknown: the same walk reads the four fields the reach needs (one walk, two
    // facts), reads them all (a reach from part of them would miss rows), and is the reach's learning walk for the
    // reads that need it meanwhile (they hurry it: no pause at all, as series-reach.ts's own walk).
    const fold: ReachFold | null =
      collection === 'bookings' && sizes.seriesReach() === undefined && !reachUnselected
        ? foldReach(emptyReach())
        : null;
    const state: WalkState = { until: 0, count: 0, hurried: false, done: Promise.resolve(), waiters: [] };
    const reached = () => {
      const ready = state.waiters.filter((w) => w.at <= state.count);
      state.waiters = state.waiters.filter((w) => w.at > state.count);
      for (const waiter of ready) waiter.resolve();
    };
    state.done = (async () => {
      let count = 0;
      let complete = false;
      // The fields reads of this collection are split on are read with the ids: their spread decides the split.
      const fields = splitUnselected.has(collection) ? [] : splitFieldsOf(collection);
      const values = fields.map(() => ({ read: new Float64Array(1024), size: 0, missing: 0 }));
      let folding = fold;
      try {
        for await (const page of officernd.pages(
          collection,
          { select: [...new Set(['_id', ...fields, ...(folding ? REACH_SELECT : [])])] },
          { signal: stop.signal, ...(folding ? {} : { max: options.maxItems }) },
        )) {
          count += page.items.length;
          state.count = count;
          reached();
          fields.forEach((field, i) => {
            const kept = values[i] as (typeof values)[number];
            for (const item of page.items as Record<string, unknown>[]) {
              const at = dateMs(item[field]);
              if (at === null) {
                kept.missing += 1;
                continue;
              }
              if (kept.size === kept.read.length) {
                const grown = new Float64Array(kept.read.length * 2);
                grown.set(kept.read);
                kept.read = grown;
              }
              kept.read[kept.size++] = at;
            }
          });
          complete = page.next === null;
          if (folding && isBareIdAnswer(page.items as object[])) {
            reachUnselected = true;
            folding = null;
          }
          folding?.add(page.items as WireBooking[]);
          if (!complete && options.pauseMs > 0 && count >= state.until) {
            // Hurried: the first HURRIED_ITEMS unpaced, then at twice the background pace (its own, not a turn).
            if (!state.hurried) await pause(pacedTurn(), state);
            else if (count >= HURRIED_ITEMS) await pause(options.pauseMs / 2, state);
          }
          if (stop.signal.aborted) return;
        }
      } catch (error) {
        if ((folding || fields.length > 0) && refusesSelection(error) && !stop.signal.aborted) {
          // Refused: sizes from a walk of ids alone, the reach from series-reach.ts's walk of whole bookings.
          if (folding) reachUnselected = true;
          splitUnselected.add(collection);
          walking.delete(collection);
          const again = walk(collection);
          again.hurried = state.hurried;
          again.until = state.until;
          return again.done;
        }
        if (!stop.signal.aborted)
          logger?.warn('collection size not learnt', {
            collection,
            error: error instanceof Error ? error.message : String(error),
          });
        return;
      }
      if (folding && complete) {
        const learnt = mergeReach(sizes.seriesReach(), folding.result());
        sizes.setSeriesReach(learnt);
        await shared?.writeReach(learnt);
      }
      if (complete && count <= options.maxItems) {
        sizes.set(collection, count);
        fields.forEach((field, i) => {
          const kept = values[i] as (typeof values)[number];
          sizes.setDistribution(collection, field, distributionOf(kept.read.subarray(0, kept.size), kept.missing));
        });
        await shared?.write(collection, count);
      } else {
        sizes.setAtLeast(collection, count);
      }
    })().finally(() => {
      for (const waiter of state.waiters) waiter.resolve();
      state.waiters = [];
      if (walking.get(collection) === state) walking.delete(collection);
      if (fold && sizes.seriesLearning() === learning) sizes.setSeriesLearning(undefined);
    });
    const learning: ReachLearning = {
      done: state.done,
      hurry: () => {
        state.hurried = true;
        state.now?.();
      },
    };
    if (fold) sizes.setSeriesLearning(learning);
    walking.set(collection, state);
    return state;
  };

  // A read that needs the reach before the start-up walk of bookings has come to them starts that walk now (unpaced).
  // With `shared`, another replica may have learnt it already: adopted from the store first, else walked here.
  sizes.setSeriesWalker(() => {
    if (!needed('bookings') || reachUnselected || stop.signal.aborted) return undefined;
    if (!shared) {
      walk('bookings');
      return sizes.seriesLearning();
    }
    const learning: ReachLearning = {
      done: (async () => {
        await adopt().catch(() => undefined);
        if (!needed('bookings')) return;
        const { done } = walk('bookings');
        sizes.seriesLearning()?.hurry();
        await done;
      })().finally(() => {
        if (sizes.seriesLearning() === learning) sizes.setSeriesLearning(undefined);
      }),
      hurry: () => undefined,
    };
    sizes.setSeriesLearning(learning);
    return learning;
  });

  const settled = (promise: Promise<void>, signal?: AbortSignal): Promise<void> =>
    signal
      ? new Promise((resolve) => {
          if (signal.aborted) return resolve();
          signal.addEventListener('abort', () => resolve(), { once: true });
          void promise.then(resolve);
        })
      : promise;

  return {
    async learn(collections, signal, learnOptions) {
      const wanted = [...new Set(collections)].filter((c) => sizes.get(c) === undefined);
      if (wanted.length === 0) return;
      await adopt().catch(() => undefined);
      const missing = wanted.filter((c) => sizes.get(c) === undefined);
      await settled(
        Promise.all(
          missing.map((c) => grant(walk(c), learnOptions?.whole ? Number.POSITIVE_INFINITY : URGENT_ITEMS)),
        ).then(() => undefined),
        signal,
      );
    },

    async start() {
      await adopt().catch(() => undefined);
      let waiting: ListCollection[] = LEARNING_ORDER.filter(needed);
      // Another replica may be walking some: learn the others, then take theirs from the store (or walk them, once
      // their claim has lapsed without a size).
      while (waiting.length > 0 && !stop.signal.aborted) {
        const later: ListCollection[] = [];
        for (const collection of waiting) {
          if (stop.signal.aborted) return;
          if (!needed(collection)) continue;
          if (shared && !(await shared.claim(collection).catch(() => true))) {
            later.push(collection);
            continue;
          }
          await walk(collection).done;
        }
        if (later.length === 0) break;
        await pause(pollMs);
        await adopt().catch(() => undefined);
        waiting = later.filter(needed);
      }
      if (!stop.signal.aborted)
        logger?.info('collection sizes learnt', {
          known: LEARNING_ORDER.filter((c) => sizes.get(c) !== undefined).length,
          of: LEARNING_ORDER.length,
        });
    },

    stop: () => stop.abort(),
  };
}
