import type { PageSource } from '../../src/core/paging.ts';

/**
 * An upstream of numbered pages for the paging loop's tests: pages of `size` numbers 0..total-1, each page's cursor
 * the index it starts at (null for the first); `reads()` counts the pages read.
 */
export function numbers(total: number, size: number): { source: PageSource<number>; reads: () => number } {
  let reads = 0;
  const source: PageSource<number> = async function* (from) {
    for (let at = Number(from.upstream ?? 0); at < total; at += size) {
      reads += 1;
      const items = Array.from({ length: Math.min(size, total - at) }, (_, i) => at + i);
      const next = at + size < total ? { segment: 0, upstream: String(at + size) } : null;
      yield { items, at: { segment: 0, upstream: at === 0 ? null : String(at) }, next };
    }
  };
  return { source, reads: () => reads };
}
