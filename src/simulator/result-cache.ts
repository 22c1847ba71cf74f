/**
 * A small LRU of filtered (or expanded) result lists, keyed by collection + canonical query, so
 * walking a filtered list page by page filters the collection once instead of once per page.
 */

export interface ResultCache {
  /** The cached list for `key`, computing and storing it on a miss. */
  get<T>(key: string, compute: () => readonly T[]): readonly T[];
}

/** Creates an LRU cache holding at most `maxEntries` result lists. */
export function createResultCache(maxEntries = 64): ResultCache {
  const entries = new Map<string, readonly unknown[]>();
  return {
    get<T>(key: string, compute: () => readonly T[]): readonly T[] {
      const hit = entries.get(key);
      if (hit !== undefined) {
        // Re-insert to mark as most recently used.
        entries.delete(key);
        entries.set(key, hit);
        return hit as readonly T[];
      }
      const value = compute();
      entries.set(key, value);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      return value;
    },
  };
}
