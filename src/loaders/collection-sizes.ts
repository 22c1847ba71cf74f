import type { ListCollection } from '../officernd/collections.ts';

/**
 * What the gateway has learnt about collection sizes, kept across requests: exact sizes from complete walks, and
 * lower bounds from walks that stopped early. It only steers the choice between per-id calls and one walk of the
 * collection; answers never come from it.
 */
export interface CollectionSizes {
  /** The exact size, when a complete walk has been seen. */
  get(collection: ListCollection): number | undefined;
  set(collection: ListCollection, size: number): void;
  /** The most items a walk has read without reaching the end (0 when none did). */
  atLeast(collection: ListCollection): number;
  setAtLeast(collection: ListCollection, size: number): void;
}

/** An in-memory size table (one per gateway). */
export function createCollectionSizes(): CollectionSizes {
  const sizes = new Map<ListCollection, number>();
  const lowerBounds = new Map<ListCollection, number>();
  return {
    get: (collection) => sizes.get(collection),
    set: (collection, size) => void sizes.set(collection, size),
    atLeast: (collection) => sizes.get(collection) ?? lowerBounds.get(collection) ?? 0,
    setAtLeast: (collection, size) => void lowerBounds.set(collection, Math.max(size, lowerBounds.get(collection) ?? 0)),
  };
}
