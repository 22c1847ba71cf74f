import { describe, expect, it } from 'vitest';
import {
  distributionOf,
  MIN_SUB_WINDOW_PAGES,
  orderedPages,
  planSplit,
  SUB_WINDOW_PAGES,
  splitFieldsFor,
  splitFieldsOf,
  splitPoints,
  subWindowCount,
  subWindowRows,
} from '../../src/core/sub-windows.ts';

// Where a large read is cut (issue 21): sub-windows of about equal rows by the learnt quantiles, a multiple of the
// concurrency with at most SUB_WINDOW_PAGES pages each, none for a read of a few pages.

const DAY = 86_400_000;

/** n values over `days` days, denser in the second half (a growing organization). */
function values(n: number, days: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 1) out[i] = Math.round(Math.sqrt(i / n) * days * DAY);
  return out;
}

describe('sub-window counts', () => {
  it('keeps every read in flight busy: a multiple of the concurrency, at most SUB_WINDOW_PAGES pages each', () => {
    expect(subWindowCount(512, 8)).toBe(64);
    expect(subWindowCount(80, 8)).toBe(16);
    expect(subWindowCount(51, 8)).toBe(8);
    for (const pages of [40, 80, 300, 512, 5_000]) expect(pages / subWindowCount(pages, 8)).toBeLessThanOrEqual(8);
  });

  it('cuts a short read into fewer sub-windows of at least MIN_SUB_WINDOW_PAGES pages, or none', () => {
    expect(subWindowCount(15, 8)).toBe(3);
    expect(subWindowCount(2 * MIN_SUB_WINDOW_PAGES - 1, 8)).toBe(1);
    expect(subWindowCount(31, 8) * MIN_SUB_WINDOW_PAGES).toBeLessThanOrEqual(31);
  });
});

describe('split points', () => {
  const spread = values(51_200, 730);
  const rows = [...spread];
  const d = distributionOf(new Float64Array(spread), 0);

  it('gives sub-windows of about equal rows over the whole collection', () => {
    const points = splitPoints(d, null, null, 100, 8);
    expect(points.length + 1).toBe(subWindowCount(512, 8));
    const edges = [Number.NEGATIVE_INFINITY, ...points, Number.POSITIVE_INFINITY];
    const counts = edges
      .slice(1)
      .map((upper, j) => rows.filter((at) => at >= (edges[j] as number) && at < upper).length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(rows.length);
    for (const count of counts) expect(Math.abs(count - 800)).toBeLessThan(80);
  });

  it('cuts a bounded window strictly inside its bounds, ascending', () => {
    const lower = 600 * DAY;
    const upper = 700 * DAY;
    const points = splitPoints(d, lower, upper, 100, 8);
    expect(points.length).toBeGreaterThan(1);
    expect(points.every((at, i) => at > lower && at < upper && (i === 0 || at > (points[i - 1] as number)))).toBe(true);
    const inside = rows.filter((at) => at >= lower && at < upper).length;
    expect(points.length + 1).toBe(subWindowCount(inside / 100, 8));
  });

  it('does not cut a read of a few pages, an unknown spread, or a whole read of objects without the field', () => {
    expect(splitPoints(d, 700 * DAY, 701 * DAY, 100, 8)).toEqual([]);
    expect(splitPoints(undefined, null, null, 100, 8)).toEqual([]);
    expect(splitPoints(distributionOf(new Float64Array(spread), 3), null, null, 100, 8)).toEqual([]);
    // A bounded read of objects some of which lack the field is still cut: the bound excludes them anyway.
    expect(splitPoints(distributionOf(new Float64Array(spread), 3), 0, 730 * DAY, 100, 8).length).toBeGreaterThan(1);
    expect(SUB_WINDOW_PAGES).toBeGreaterThan(MIN_SUB_WINDOW_PAGES);
  });
});

describe('rows per sub-window', () => {
  const spread = values(51_200, 730);
  const d = distributionOf(new Float64Array(spread), 0);
  const store = { distribution: () => d, ignoresFilter: () => false };
  const officernd = { pageLimit: 100, sendsFilter: () => true };
  const lower = 600 * DAY;
  const upper = 700 * DAY;
  const query = {
    optional: [
      { field: 'createdAt', op: 'gte' as const, value: new Date(lower) },
      { field: 'createdAt', op: 'lt' as const, value: new Date(upper) },
    ],
  };
  const inside = [...spread].filter((at) => at >= lower && at < upper).length;

  it("are the plan's, and what the same rule says of a cursor's own cut points", () => {
    const plan = planSplit(store, officernd, 'members', query, 8);
    if (!plan) throw new Error('a window of many pages was not split');
    expect(plan.rowsPerWindow).toBe(subWindowRows(store, 'members', query, plan.field, plan.points));
    expect(Math.abs(plan.rowsPerWindow * (plan.points.length + 1) - inside)).toBeLessThan(inside * 0.05);
    // A cursor issued with fewer cut points: the same rows over fewer sub-windows.
    const few = plan.points.filter((_, i) => i % 2 === 1);
    const perFew = subWindowRows(store, 'members', query, 'createdAt', few) ?? 0;
    expect(Math.abs(perFew * (few.length + 1) - inside)).toBeLessThan(inside * 0.05);
    expect(subWindowRows({ distribution: () => undefined }, 'members', query, 'createdAt', few)).toBeUndefined();
  });
});

describe('the field a read is split on', () => {
  const window = (field: string) => ({
    optional: [
      { field, op: 'gte' as const, value: new Date(600 * DAY) },
      { field, op: 'lt' as const, value: new Date(700 * DAY) },
    ],
  });

  it('is createdAt for a whole read, never seriesStart, which a booking may lack', () => {
    // Both are learnt for bookings (dated reads are split on seriesStart) ...
    expect(splitFieldsOf('bookings')).toEqual(['createdAt', 'seriesStart']);
    // ... but a whole read, which bounds nothing, only on createdAt, which OfficeRnD sets on every object (§6).
    expect(splitFieldsFor('bookings', {})).toEqual(['createdAt']);
    expect(splitFieldsFor('members', {})).toEqual(['createdAt']);
  });

  it('is the field a dated read bounds; none for a read narrowed upstream by anything else', () => {
    expect(splitFieldsFor('bookings', window('seriesStart'))).toEqual(['seriesStart']);
    expect(splitFieldsFor('bookings', window('createdAt'))).toEqual(['createdAt']);
    expect(splitFieldsFor('bookings', { filters: [{ field: 'office', op: 'eq', value: 'x' }] })).toEqual([]);
    expect(splitFieldsFor('offices', {})).toEqual([]);
  });
});

describe('reading ahead under a limit', () => {
  it('a later sub-window reads only what the rows still wanted need once the earlier ones give what they hold', async () => {
    // Three sub-windows of 5 pages of 100 rows, 500 rows expected each; 701 rows wanted (a page of 700 and the one
    // more looked for). Sub-window 0 is slow: while it answers nothing, sub-window 1 may read ahead, but only the
    // 201 rows the page needs after sub-window 0's 500, 3 pages, not all 5 (calls for nothing).
    const asked = [0, 0, 0];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const pagesOf = (j: number) =>
      (async function* () {
        for (let p = 0; p < 5; p += 1) {
          asked[j] = (asked[j] ?? 0) + 1;
          if (j === 0) await gate;
          yield { items: Array.from({ length: 100 }, (_, i) => ({ j, p, i })), next: p < 4 ? `c${p + 1}` : null };
        }
      })();
    const pages = orderedPages({
      count: 3,
      pagesOf,
      keep: () => () => true,
      judge: () => null,
      concurrency: 4,
      wanted: 701,
      rowsPerWindow: 500,
      pageLimit: 100,
    })[Symbol.asyncIterator]();
    const first = pages.next();
    // Every turn the reads can take without sub-window 0 (no timer: the event loop only).
    for (let turn = 0; turn < 50; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual([1, 3, 0]);
    release();
    let rows = 0;
    for (let step = await first; !step.done; step = await pages.next()) {
      rows += step.value.items.length;
      if (rows >= 701) break;
    }
    await pages.return?.(undefined);
    expect(rows).toBe(800);
    // Every page read was delivered: 5 of sub-window 0, 3 of sub-window 1; sub-window 2 was never opened.
    expect(asked).toEqual([5, 3, 0]);
  });
});
