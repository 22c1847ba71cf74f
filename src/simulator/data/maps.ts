/** Small collection helpers for the data generator. */

/** Appends `value` to the list stored under `key`, creating it on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Picks by relative weight in O(log n) from a prebuilt cumulative table. */
export interface WeightedTable<T> {
  pick(roll: number): T;
}

/** Builds a cumulative-weight table; `roll` passed to pick() is uniform in [0, 1). */
export function createWeightedTable<T>(items: readonly T[], weight: (item: T) => number): WeightedTable<T> {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    total += Math.max(0, weight(item));
    cumulative.push(total);
  }
  return {
    pick: (roll) => {
      if (items.length === 0) throw new Error('pick() from an empty weighted table');
      const target = roll * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > target) hi = mid;
        else lo = mid + 1;
      }
      return items[lo] as T;
    },
  };
}

/** Rounds a money amount to cents. */
export function money(value: number): number {
  return Math.round(value * 100) / 100;
}
