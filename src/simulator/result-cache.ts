/**
 * A small LRU of filtered (or expanded) result lists, keyed by collection + canonical query, so
 * walking a filtered list page by page filters the collection once instead of once per page.
 * Bounded twice: by lists (a read in many sub-windows walks as many filtered lists at once) and by
 * the items they hold together (a whole collection's list is large), so memory stays flat.
 */

export interface ResultCache {
  /** The cached list for `key`, computing and storing it on a miss. */
  get<T>(key: string, compute: () => readonly T[]): readonly T[];
  /** Lists and items held now. */
  readonly size: { entries: number; items: number };
}

/** Lists kept: more than a large export's sub-windows (up to 16 per call slot × 16 slots would be 256). */
export const RESULT_CACHE_ENTRIES = 256;

/** Items the kept lists hold together (references, about 8 bytes each). */
export const RESULT_CACHE_ITEMS = 1_000_000;

/** Creates an LRU cache holding at most `maxEntries` result lists and `maxItems` items in all. */
export function createResultCache(maxEntries = RESULT_CACHE_ENTRIES, maxItems = RESULT_CACHE_ITEMS): ResultCache {
  const entries = new Map<string, readonly unknown[]>();
  let items = 0;
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
      items += value.length;
      // Evict the least recently used until within both bounds; the list just computed is kept (it is being read).
      for (const [oldest, list] of entries) {
        if (entries.size <= maxEntries && items <= maxItems) break;
        if (oldest === key) break;
        entries.delete(oldest);
        items -= list.length;
      }
      return value;
    },
    get size() {
      return { entries: entries.size, items };
    },
  };
}
