import { describe, expect, it } from 'vitest';
import { createResultCache } from '../../src/simulator/result-cache.ts';

const list = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('the simulator result cache', () => {
  it('computes a list once while it is kept, and evicts the least recently used past the list bound', () => {
    const cache = createResultCache(2, 1_000);
    let computed = 0;
    const get = (key: string) =>
      cache.get(key, () => {
        computed += 1;
        return list(10);
      });
    get('a');
    get('b');
    get('a');
    expect(computed).toBe(2);
    get('c'); // evicts b, the least recently used
    expect(cache.size).toEqual({ entries: 2, items: 20 });
    get('a');
    expect(computed).toBe(3);
    get('b');
    expect(computed).toBe(4);
  });

  it('keeps the items of all lists within the item bound, and always the list just computed', () => {
    const cache = createResultCache(100, 25);
    cache.get('a', () => list(10));
    cache.get('b', () => list(10));
    expect(cache.size).toEqual({ entries: 2, items: 20 });
    cache.get('c', () => list(10));
    expect(cache.size).toEqual({ entries: 2, items: 20 });
    const big = cache.get('d', () => list(40));
    expect(big).toHaveLength(40);
    expect(cache.size).toEqual({ entries: 1, items: 40 });
  });
});
