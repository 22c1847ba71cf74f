import { describe, expect, it } from 'vitest';
import {
  distributionOf,
  MIN_SUB_WINDOW_PAGES,
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
