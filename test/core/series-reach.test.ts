import { describe, expect, it } from 'vitest';
import { emptyReach, foldReach, MAX_FAR_ROWS, mergeReach, type LearntReach } from '../../src/core/series-reach.ts';
import { covers, dateFilter, REPORT_DATES, rowDates, type SeriesReach } from '../../src/dates/report-dates.ts';
import { resolveDateSelection } from '../../src/dates/selection.ts';
import type { WireBooking } from '../../src/officernd/types.ts';

// Issue 21: the near/far cut of the bookings' learnt reach is chosen from the data. The rows furthest from their
// seriesStart are kept as far rows (read by id when selected), at most MAX_FAR_ROWS per date; the near reach covers
// the others, so it stays 0 while every off-anchor row fits and widens to exactly the distance of a row that does
// not. Whatever the cut, every row seen is covered by the near reach or among the far rows, on both its dates.

const HOUR = 3_600_000;
const DAY = 86_400_000;
const ANCHOR = Date.parse('2026-06-01T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A booking of an hour whose row starts `offset` ms after its seriesStart (negative: before). */
const row = (id: string, offset: number, anchor = ANCHOR, lasts = HOUR): WireBooking => ({
  _id: id,
  seriesStart: iso(anchor),
  start: { dateTime: iso(anchor + offset), date: null },
  end: { dateTime: iso(anchor + offset + lasts), date: null },
});

const fold = (rows: readonly WireBooking[], maxFar?: number, from: LearntReach = emptyReach()): LearntReach => {
  const folding = foldReach(from, maxFar === undefined ? {} : { maxFar });
  folding.add(rows);
  return folding.result();
};

/** Every row is covered by the near reach or kept far, on each of its dates (what keeps dated reads exact). */
function expectExact(learnt: LearntReach, rows: readonly WireBooking[]) {
  const near = learnt.near as SeriesReach;
  for (const booking of rows) {
    const dates = rowDates(booking);
    if (dates === null || dates === 'dateless') continue;
    for (const side of ['start', 'end'] as const) {
      expect(covers(near[side], dates, side) || learnt.far?.has(booking._id)).toBe(true);
    }
  }
}

/** Far rows not covered on `side` (what a read on that date may read by id). */
const farOn = (learnt: LearntReach, side: 'start' | 'end') =>
  [...(learnt.far?.values() ?? [])].filter((r) => !covers((learnt.near as SeriesReach)[side], r, side));

describe('the near/far cut of the series reach', () => {
  it('keeps a near reach of 0 on start while every off-anchor row fits among the far rows', () => {
    const rows = [row('a', 0), row('b', 0), row('moved', -DAY), row('excluded', 7 * DAY), row('late', 2 * HOUR)];
    const learnt = fold(rows);
    expect(learnt.near?.start).toEqual({ before: 0, after: 0 });
    expect(
      farOn(learnt, 'start')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['excluded', 'late', 'moved']);
    // The whole reach is still learnt beside it (a stored reach without far rows falls back to it).
    expect(learnt.reach?.start).toEqual({ before: DAY, after: 7 * DAY });
    expectExact(learnt, rows);
  });

  it('widens the near reach to exactly the nearest far row when they do not fit, keeping the furthest', () => {
    const rows = [row('a', 0), row('h2', 2 * HOUR), row('d3', 3 * DAY), row('d10', 10 * DAY), row('b', 0)];
    const learnt = fold(rows, 2);
    // Three rows start after their seriesStart, two may be far: the 2-hour one is covered instead (a whole day).
    expect(learnt.near?.start).toEqual({ before: 0, after: DAY });
    expect(
      farOn(learnt, 'start')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['d10', 'd3']);
    expectExact(learnt, rows);

    // One more: the nearest far row (3 days) is covered, and the near reach is its distance, not the new row's.
    const more = fold([row('d5', 5 * DAY)], 2, learnt);
    expect(more.near?.start).toEqual({ before: 0, after: 3 * DAY });
    expect(
      farOn(more, 'start')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['d10', 'd5']);
    expectExact(more, [...rows, row('d5', 5 * DAY)]);
  });

  it('keeps at most MAX_FAR_ROWS far rows per date, the furthest, on a walk of many', () => {
    const rows = Array.from({ length: 3 * MAX_FAR_ROWS }, (_, i) => row(`r${i}`, (i + 1) * DAY, ANCHOR + i * HOUR));
    const learnt = fold(rows);
    expect(farOn(learnt, 'start')).toHaveLength(MAX_FAR_ROWS);
    expect(farOn(learnt, 'end').length).toBeLessThanOrEqual(MAX_FAR_ROWS);
    expect(learnt.far?.size).toBeLessThanOrEqual(2 * MAX_FAR_ROWS);
    // The nearest 1,000 are covered: the near reach is the 1,000th row's distance, no more.
    expect(learnt.near?.start).toEqual({ before: 0, after: 2 * MAX_FAR_ROWS * DAY });
    expect(Math.min(...farOn(learnt, 'start').map((r) => (r.start as number) - r.seriesStart))).toBe(
      (2 * MAX_FAR_ROWS + 1) * DAY,
    );
    expectExact(learnt, rows);
  });

  it('covers the end of every booking by its length rather than keeping them all far', () => {
    // Every booking ends after its seriesStart: its length is a day of end reach, not a far row.
    const rows = Array.from({ length: MAX_FAR_ROWS + 50 }, (_, i) =>
      row(`r${i}`, 0, ANCHOR + i * HOUR, (i % 9) * HOUR + HOUR),
    );
    const learnt = fold([...rows, row('moved', -DAY)]);
    expect(learnt.near).toEqual({ start: { before: 0, after: 0 }, end: { before: 0, after: DAY } });
    expect([...(learnt.far?.keys() ?? [])]).toEqual(['moved']);
    expectExact(learnt, [...rows, row('moved', -DAY)]);
  });

  it('a far row read again at its seriesStart leaves the far rows, and a merge does not bring it back', () => {
    const first = fold([row('a', 0, ANCHOR, 0), row('excluded', 7 * DAY), row('moved', -2 * DAY)]);
    // Another read meanwhile saw a new far row.
    const other = fold([row('late', 3 * DAY)], undefined, first);
    const current = mergeReach(first, other);
    // This read saw `excluded` change: its series now starts at its row.
    const changed = fold([row('excluded', 0, ANCHOR + 7 * DAY, 0)], undefined, first);
    expect(changed.far?.has('excluded')).toBe(false);
    const merged = mergeReach(current, changed);
    expect([...(merged.far?.keys() ?? [])].sort()).toEqual(['late', 'moved']);
    expect(merged.near?.start).toEqual({ before: 0, after: 0 });
  });

  it('a merge keeps the cap: far rows from both reads past it widen the near reach', () => {
    const one = fold([row('d2', 2 * DAY), row('d9', 9 * DAY)], 2);
    const two = fold([row('d4', 4 * DAY), row('d7', 7 * DAY)], 2);
    const merged = mergeReach(one, two, { maxFar: 2 });
    expect(merged.near?.start).toEqual({ before: 0, after: 4 * DAY });
    expect(
      farOn(merged, 'start')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['d7', 'd9']);
    expectExact(merged, [row('d2', 2 * DAY), row('d9', 9 * DAY), row('d4', 4 * DAY), row('d7', 7 * DAY)]);
  });

  it('a reach stored before (far rows a day away, near 1 day) is read on as it is', () => {
    const stored: LearntReach = {
      reach: { start: { before: DAY, after: 7 * DAY }, end: { before: DAY, after: 7 * DAY } },
      near: { start: { before: DAY, after: 0 }, end: { before: DAY, after: DAY } },
      far: new Map([['excluded', { id: 'excluded', seriesStart: ANCHOR, start: ANCHOR + 7 * DAY, end: null }]]),
      seen: '2026-06-01T00:00:00.000Z',
    };
    const learnt = fold([row('late', 3 * DAY)], undefined, stored);
    // The near reach only grows: the day it had stays, and the new row is far.
    expect(learnt.near?.start).toEqual({ before: DAY, after: 0 });
    expect([...(learnt.far?.keys() ?? [])].sort()).toEqual(['excluded', 'late']);
  });
});

describe('far rows a dated read takes by id', () => {
  const range = resolveDateSelection(
    { from: '2026-06-08', to: '2026-06-08' },
    { timeZone: 'UTC', weekStartsOn: 'MONDAY' },
    new Date('2026-06-20T00:00:00.000Z'),
  );
  const learnt = fold([row('excluded', 7 * DAY), row('long', 0, ANCHOR + 7 * DAY - HOUR, 3 * DAY), row('a', 0)]);
  const reach = { ...(learnt.near as SeriesReach), far: [...(learnt.far?.values() ?? [])] };

  it('reads by START only the rows far on their start, and bounds the window without widening it', () => {
    const start = dateFilter(REPORT_DATES.bookings, 'START', range, reach);
    expect(start.far).toEqual(['excluded']);
    expect(start.filters.map((f) => (f.value as Date).toISOString())).toEqual([
      '2026-06-08T00:00:00.000Z',
      '2026-06-09T00:00:00.000Z',
    ]);
    const end = dateFilter(REPORT_DATES.bookings, 'END', range, reach);
    expect(end.far.sort()).toEqual(['excluded']);
  });
});
