import type { LearntReach } from '../core/series-reach.ts';
import type { ListCollection } from '../officernd/collections.ts';

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
}

/** An in-memory size table (one per gateway). */
export function createCollectionSizes(): CollectionSizes {
  const sizes = new Map<ListCollection, number>();
  const lowerBounds = new Map<ListCollection, number>();
  const ignored = new Set<string>();
  let reach: LearntReach | undefined;
  let learning: Promise<unknown> | undefined;
  return {
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
