import { describe, expect, it } from 'vitest';
import type { CursorPosition } from '../../src/core/cursor.ts';
import { createHandOver } from '../../src/core/hand-over.ts';
import { takePage, type PageHandOff, type PageSource, type SourcePage, type TakenPage } from '../../src/core/paging.ts';
import { numbers } from './numbered-pages.ts';

// The hand-over of upstream pages between GraphQL pages (core/hand-over.ts): bounded in pages, items and time, one
// caller's pages never seen by another, and, through the paging loop, each upstream page read once when a read is
// paged to the end, with the same items a re-read gives.

const page = (upstream: string | null, size: number, next: string | null = 'n'): SourcePage<number> => ({
  items: Array.from({ length: size }, (_, i) => i),
  at: { segment: 0, upstream },
  next: next === null ? null : { segment: 0, upstream: next },
});

describe('the hand-over store', () => {
  it('gives a page back once, to the same caller and query, at the same start', () => {
    const store = createHandOver();
    const alice = store.forCaller('alice');
    alice.put('q1', page('c1', 3));
    expect(store.forCaller('bob').take('q1', { segment: 0, upstream: 'c1' })).toBeUndefined();
    expect(alice.take('q2', { segment: 0, upstream: 'c1' })).toBeUndefined();
    expect(alice.take('q1', { segment: 0, upstream: 'c1', optional: false })).toBeUndefined();
    expect(alice.take('q1', { segment: 1, upstream: 'c1' })).toBeUndefined();
    expect(alice.take<number>('q1', { segment: 0, upstream: 'c1' })?.items).toEqual([0, 1, 2]);
    expect(alice.take('q1', { segment: 0, upstream: 'c1' })).toBeUndefined();
    expect(store.size()).toEqual({ pages: 0, items: 0 });
  });

  it('keys a page of a split read by its sub-window and cut points too', () => {
    const caller = createHandOver().forCaller('');
    const split = { field: 'seriesStart', points: [10, 20], sub: 1, before: 100 };
    caller.put('q', { ...page('c1', 3), at: { segment: 0, upstream: 'c1', split } });
    expect(caller.take('q', { segment: 0, upstream: 'c1' })).toBeUndefined();
    expect(caller.take('q', { segment: 0, upstream: 'c1', split: { ...split, sub: 2 } })).toBeUndefined();
    expect(caller.take('q', { segment: 0, upstream: 'c1', split: { ...split, points: [10, 21] } })).toBeUndefined();
    // The rows before it are not part of where it starts.
    expect(caller.take('q', { segment: 0, upstream: 'c1', split: { ...split, before: 0 } })).toBeDefined();
  });

  it('stays within its pages and items, dropping the least recently left first', () => {
    const store = createHandOver({ maxPages: 3, maxItems: 250 });
    const caller = store.forCaller('');
    for (let n = 0; n < 10; n += 1) caller.put('q', page(`c${n}`, 10));
    expect(store.size()).toEqual({ pages: 3, items: 30 });
    expect(caller.take('q', { segment: 0, upstream: 'c6' })).toBeUndefined();
    expect(caller.take('q', { segment: 0, upstream: 'c7' })).toBeDefined();
    for (let n = 0; n < 3; n += 1) caller.put('q', page(`big${n}`, 100));
    expect(store.size().items).toBeLessThanOrEqual(250);
    expect(store.size()).toEqual({ pages: 2, items: 200 });
    // A page larger than the whole bound is not kept.
    caller.put('q', page('huge', 251));
    expect(caller.take('q', { segment: 0, upstream: 'huge' })).toBeUndefined();
    store.clear();
    expect(store.size()).toEqual({ pages: 0, items: 0 });
  });

  it('forgets a page after its time', () => {
    let now = 0;
    const store = createHandOver({ ttlMs: 60_000, now: () => now });
    const caller = store.forCaller('');
    caller.put('q', page('a', 5));
    caller.put('q', page('b', 5));
    now = 59_999;
    expect(caller.take('q', { segment: 0, upstream: 'a' })).toBeDefined();
    now = 60_000;
    expect(caller.take('q', { segment: 0, upstream: 'b' })).toBeUndefined();
    // Expired pages go when the next one is left, so they do not hold memory.
    caller.put('q', page('c', 5));
    now = 200_000;
    caller.put('q', page('d', 5));
    expect(store.size()).toEqual({ pages: 1, items: 5 });
  });
});

const tooMany = () => new Error('scan limit');

/** Pages a read to the end (`first` at a time, the look ahead taken), as a GraphQL client would. */
async function pageToEnd(
  source: PageSource<number>,
  first: number,
  keep: (n: number) => boolean,
  handOver: (resumed: boolean) => PageHandOff<number> | null,
): Promise<{ sizes: number[]; seen: number[] }> {
  const sizes: number[] = [];
  const seen: number[] = [];
  let from: CursorPosition | null = null;
  for (let call = 0; call < 100; call += 1) {
    const taken: TakenPage<number> = await takePage(source, {
      from: from ?? { segment: 0, upstream: null, offset: 0 },
      first,
      keep,
      maxScanned: 10_000,
      tooMany,
      handOver: handOver(from !== null),
    });
    const more = taken.more ? await taken.more() : { hasNextPage: taken.hasNextPage, end: taken.end };
    sizes.push(taken.items.length);
    seen.push(...taken.items.map((i) => i.node));
    if (!more.hasNextPage) break;
    from = more.end;
  }
  return { sizes, seen };
}

describe('the paging loop with a hand-over', () => {
  const everyThird = (n: number) => n % 3 === 0;
  const expected = Array.from({ length: 334 }, (_, i) => i * 3);

  it.each([
    ['ends inside an upstream page', 40],
    ['fills up at the end of an upstream page (the look ahead)', 100],
    ['is smaller than a tenth of a page', 7],
  ])('reads each upstream page once when a page %s', async (_case, first) => {
    // 334 multiples of 3 below 1,000, over 10 pages of 100; with `first` = 100 on every item, pages fill at their end.
    const keep = first === 100 ? () => true : everyThird;
    const { source, reads } = numbers(1_000, 100);
    const caller = createHandOver().forCaller('');
    const handOver = (resumed: boolean): PageHandOff<number> => ({
      take: (at) => (resumed ? caller.take<number>('q', at) : undefined),
      put: (page) => caller.put('q', page),
    });
    const { sizes, seen } = await pageToEnd(source, first, keep, handOver);
    const all = first === 100 ? Array.from({ length: 1_000 }, (_, i) => i) : expected;
    expect(seen).toEqual(all);
    expect(sizes.slice(0, -1).every((size) => size === first)).toBe(true);
    expect(reads()).toBe(10);
    // Without it, every page after the first reads again the upstream page the previous one ended in.
    const bare = numbers(1_000, 100);
    expect((await pageToEnd(bare.source, first, keep, () => null)).seen).toEqual(all);
    expect(bare.reads()).toBe(10 + sizes.length - 1);
  });

  it('never hands over a page the source cut short, and a miss reads it again', async () => {
    const { source, reads } = numbers(1_000, 100);
    // The source delivers only the first half of each page, saying so.
    const halves: PageSource<number> = async function* (from, wanted) {
      for await (const p of source(from, wanted)) yield { ...p, items: p.items.slice(0, 50), complete: false };
    };
    const caller = createHandOver().forCaller('');
    const handOver = (resumed: boolean): PageHandOff<number> => ({
      take: (at) => (resumed ? caller.take<number>('q', at) : undefined),
      put: (page) => caller.put('q', page),
    });
    const { seen } = await pageToEnd(halves, 40, () => true, handOver);
    expect(seen).toEqual(
      Array.from({ length: 10 }, (_, p) => Array.from({ length: 50 }, (_, i) => p * 100 + i)).flat(),
    );
    // 500 items in pages of 40: 12 more pages resume inside an upstream page, each read again.
    expect(reads()).toBe(10 + 12);
  });
});
