import { describe, expect, it } from 'vitest';
import type { CursorPosition } from '../../src/core/cursor.ts';
import { takePage } from '../../src/core/paging.ts';
import { numbers } from './numbered-pages.ts';

// The one paging loop (core/paging.ts) over an upstream of numbered pages: pages are full until the last, the look
// ahead makes hasNextPage exact, cursors resume exactly, and the scan bound is an error, never a short page.

const start: CursorPosition = { segment: 0, upstream: null, offset: 0 };
const tooMany = () => new Error('scan limit');

describe('takePage', () => {
  it('answers full pages of matching items until the last, each item once', async () => {
    // Multiples of 7 below 1,000: 143 of them, over 10 pages of 100.
    const { source } = numbers(1_000, 100);
    const keep = (n: number) => n % 7 === 0;
    const seen: number[] = [];
    let from = start;
    const sizes: number[] = [];
    for (let call = 0; call < 20; call += 1) {
      const page = await takePage(source, { from, first: 40, keep, maxScanned: 10_000, tooMany });
      const more = page.more ? await page.more() : { hasNextPage: page.hasNextPage, end: page.end };
      sizes.push(page.items.length);
      seen.push(...page.items.map((i) => i.node));
      if (!more.hasNextPage) break;
      from = more.end;
    }
    expect(sizes).toEqual([40, 40, 40, 23]);
    expect(seen).toEqual(Array.from({ length: 143 }, (_, i) => i * 7));
  });

  it('says no next page when nothing matches after a full page, reading on only when asked', async () => {
    // 100 matching items, all on the first page; nine pages follow with none.
    const { source, reads } = numbers(1_000, 100);
    const page = await takePage(source, { from: start, first: 100, keep: (n) => n < 100, maxScanned: 10_000, tooMany });
    expect(page.items).toHaveLength(100);
    expect(reads()).toBe(1);
    expect(page.more).toBeDefined();
    expect(await page.more?.()).toMatchObject({ hasNextPage: false });
    expect(reads()).toBe(10);
  });

  it('closes its source without the look when the page will not say hasNextPage (close, beside more)', async () => {
    const { source, reads } = numbers(1_000, 100);
    let closed = false;
    const watched: typeof source = async function* (from, wanted) {
      try {
        yield* source(from, wanted);
      } finally {
        closed = true;
      }
    };
    const page = await takePage(watched, {
      from: start,
      first: 100,
      keep: (n) => n < 100,
      maxScanned: 10_000,
      tooMany,
    });
    expect(closed).toBe(false);
    await page.close?.();
    // The source's own end ran (a split read hands over what it read ahead there), and no page more was read.
    expect(closed).toBe(true);
    expect(reads()).toBe(1);
  });

  it('trusts the next cursor without a check', async () => {
    const { source, reads } = numbers(1_000, 100);
    const page = await takePage(source, { from: start, first: 100, maxScanned: 10_000, tooMany });
    expect(page).toMatchObject({ hasNextPage: true, end: { upstream: '100', offset: 0 } });
    expect(page.more).toBeUndefined();
    expect(reads()).toBe(1);
  });

  it('resumes mid-page from an item cursor', async () => {
    const { source } = numbers(300, 100);
    const first = await takePage(source, { from: start, first: 150, maxScanned: 10_000, tooMany });
    const rest = await takePage(source, { from: first.end, first: 1_000, maxScanned: 10_000, tooMany });
    expect([...first.items, ...rest.items].map((i) => i.node)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(rest.hasNextPage).toBe(false);
  });

  it('is an error past the scan bound, not a short page', async () => {
    const { source } = numbers(1_000, 100);
    await expect(
      takePage(source, { from: start, first: 1, keep: () => false, maxScanned: 500, tooMany }),
    ).rejects.toThrow('scan limit');
  });
});
