import type { LearntReach } from '../core/series-reach.ts';
import { dateMs, distributionOf, splitFieldsOf, type FieldDistribution } from '../core/sub-windows.ts';
import type { ListCollection } from '../officernd/collections.ts';
import type { OfficeRnDClient } from '../officernd/index.ts';

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
  /** Whether OfficeRnD was seen to ignore the filter on this wire field: it does not narrow, plans do not count on it. */
  ignoresFilter(collection: ListCollection, field: string): boolean;
  /** Records that OfficeRnD ignored the filter; true the first time (so it is logged once). */
  noteIgnoredFilter(collection: ListCollection, field: string): boolean;
  /** How far booking rows lie from their `seriesStart`, once a walk of the bookings has shown it (core/series-reach.ts). */
  seriesReach(): LearntReach | undefined;
  setSeriesReach(learnt: LearntReach): void;
  /** The walk learning the reach, while one runs (one per gateway at a time). */
  seriesLearning(): Promise<unknown> | undefined;
  setSeriesLearning(walk: Promise<unknown> | undefined): void;
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
  let learning: Promise<unknown> | undefined;
  const distributions = new Map<string, FieldDistribution>();
  return {
    distribution: (collection, field) => distributions.get(`${collection}.${field}`),
    setDistribution: (collection, field, distribution) =>
      void distributions.set(`${collection}.${field}`, distribution),
    seriesLearning: () => learning,
    setSeriesLearning: (walk) => {
      learning = walk;
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
   * Learns the sizes of these collections now (unpaced; a walk already running is joined and no longer paused).
   * Resolves when they are known or could not be learnt (then they stay unknown); never rejects.
   */
  learn(collections: Iterable<ListCollection>, signal?: AbortSignal): Promise<void>;
  /** Learns every collection in the background, paced; resolves when done. Started once, by the server. */
  start(): Promise<void>;
  /** Stops learning (at shutdown). */
  stop(): void;
}

/** The order of the background walk: what links and by-id lookups read most first, the large histories last. */
const LEARNING_ORDER: readonly ListCollection[] = [
  'offices',
  'floors',
  'resource-types',
  'rates',
  'plans',
  'teams',
  'resources',
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
  'bookings',
];

/**
 * Objects a walk a request waits for reads unpaced (100 pages, what the cost assumes of an unknown collection); past
 * them it goes on at the background pace, so that one request's learning cannot take the minute's budget.
 */
const URGENT_ITEMS = 10_000;

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
  const walking = new Map<ListCollection, { done: Promise<void>; urgent: boolean }>();
  const pollMs = options.pollMs ?? 2_000;

  const adopt = async (): Promise<void> => {
    if (!shared) return;
    for (const [collection, size] of Object.entries(await shared.read()) as [ListCollection, number][])
      if (sizes.get(collection) === undefined) sizes.set(collection, size);
  };

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      stop.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });

  const walk = (collection: ListCollection, urgent: boolean): Promise<void> => {
    const running = walking.get(collection);
    if (running) {
      running.urgent ||= urgent;
      return running.done;
    }
    const state = { urgent, done: Promise.resolve() };
    state.done = (async () => {
      let count = 0;
      let complete = false;
      // The fields reads of this collection are split on are read with the ids: their spread decides the split.
      const fields = splitFieldsOf(collection);
      const values = fields.map(() => ({ read: new Float64Array(1024), size: 0, missing: 0 }));
      try {
        for await (const page of officernd.pages(
          collection,
          { select: ['_id', ...fields] },
          { signal: stop.signal, max: options.maxItems },
        )) {
          count += page.items.length;
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
          if (!complete && options.pauseMs > 0 && (!state.urgent || count >= URGENT_ITEMS))
            await pause(options.pauseMs);
          if (stop.signal.aborted) return;
        }
      } catch (error) {
        if (!stop.signal.aborted)
          logger?.warn('collection size not learnt', {
            collection,
            error: error instanceof Error ? error.message : String(error),
          });
        return;
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
    })().finally(() => walking.delete(collection));
    walking.set(collection, state);
    return state.done;
  };

  const settled = (promise: Promise<void>, signal?: AbortSignal): Promise<void> =>
    signal
      ? new Promise((resolve) => {
          if (signal.aborted) return resolve();
          signal.addEventListener('abort', () => resolve(), { once: true });
          void promise.then(resolve);
        })
      : promise;

  return {
    async learn(collections, signal) {
      const wanted = [...new Set(collections)].filter((c) => sizes.get(c) === undefined);
      if (wanted.length === 0) return;
      await adopt().catch(() => undefined);
      const missing = wanted.filter((c) => sizes.get(c) === undefined);
      await settled(
        Promise.all(missing.map((c) => walk(c, true))).then(() => undefined),
        signal,
      );
    },

    async start() {
      await adopt().catch(() => undefined);
      let waiting: ListCollection[] = LEARNING_ORDER.filter((c) => sizes.get(c) === undefined);
      // Another replica may be walking some: learn the others, then take theirs from the store (or walk them, once
      // their claim has lapsed without a size).
      while (waiting.length > 0 && !stop.signal.aborted) {
        const later: ListCollection[] = [];
        for (const collection of waiting) {
          if (stop.signal.aborted) return;
          if (sizes.get(collection) !== undefined) continue;
          if (shared && !(await shared.claim(collection).catch(() => true))) {
            later.push(collection);
            continue;
          }
          await walk(collection, false);
        }
        if (later.length === 0) break;
        await pause(pollMs);
        await adopt().catch(() => undefined);
        waiting = later.filter((c) => sizes.get(c) === undefined);
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
