import type { ListCollection } from '../officernd/collections.ts';

/**
 * What the gateway has learnt about collection sizes from complete walks, kept across requests. It only
 * steers the choice between per-id calls and one walk of the collection; answers never come from it.
 */
export interface CollectionSizes {
  get(collection: ListCollection): number | undefined;
  set(collection: ListCollection, size: number): void;
}

/** An in-memory size table (one per gateway). */
export function createCollectionSizes(): CollectionSizes {
  const sizes = new Map<ListCollection, number>();
  return {
    get: (collection) => sizes.get(collection),
    set: (collection, size) => void sizes.set(collection, size),
  };
}
