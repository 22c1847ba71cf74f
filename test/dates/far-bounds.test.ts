import { describe, expect, it } from 'vitest';
import { emptyReach, farCostsOf, foldReach, mergeReach, spreadOfDays } from '../../src/core/series-reach.ts';
import { expectedRows } from '../../src/core/sub-windows.ts';
import {
  chooseFarBounds,
  dateFilter,
  NO_REACH,
  REPORT_DATES,
  type FarCosts,
  type FarRow,
  type SeriesReach,
} from '../../src/dates/report-dates.ts';
import { resolveDateSelection } from '../../src/dates/selection.ts';
import type { WireBooking } from '../../src/officernd/types.ts';

// Issue 21's follow-up: a dated bookings read picks, per read, the cheaper of reading its far rows by id (one GET
// each on v1, 50 ids a call on v2) and widening its seriesStart bounds over them (the pages the widened range holds),
// or both: the nearest covered by widening, the truly far ones by id. These are the choice's own tests.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const V1: Omit<FarCosts, 'rowsIn'> = { pageLimit: 100, idsPerCall: 1 };
const V2: Omit<FarCosts, 'rowsIn'> = { pageLimit: 50, idsPerCall: 50 };
/** An organization of `perDay` bookings a day, evenly: rows with seriesStart in [lower, upper). */
const even =
  (perDay: number) =>
  (lower: number, upper: number): number =>
    (Math.max(0, upper - lower) / DAY) * perDay;

const LOWER = Date.parse('2026-10-05T00:00:00.000Z');
const UPPER = Date.parse('2026-10-15T00:00:00.000Z');

describe('chooseFarBounds', () => {
  it('without an estimate of the rows, or without costs, reads every far row by id', () => {
    const outside = [LOWER - HOUR, LOWER - 2 * HOUR, UPPER + HOUR];
    expect(chooseFarBounds(LOWER, UPPER, outside, undefined, V1)).toEqual({
      lower: LOWER,
      upper: UPPER,
      calls: 3,
    });
    expect(chooseFarBounds(LOWER, UPPER, outside, even(1), undefined)).toEqual({
      lower: LOWER,
      upper: UPPER,
      calls: 3,
    });
  });

  it('on v1, many far rows close below the window are cheaper as the pages a widened lower bound adds', () => {
    // 15 rows within a day and a half below the window; 100 bookings a day: 150 rows, 2 pages instead of 15 GETs.
    const outside = Array.from({ length: 15 }, (_, i) => LOWER - (i + 1) * 2 * HOUR - HOUR);
    const bounds = chooseFarBounds(LOWER, UPPER, outside, even(100), V1);
    expect(bounds).toEqual({ lower: Math.min(...outside), upper: UPPER, calls: 2 });
  });

  it('a few very far rows stay read by id: widening over months of bookings costs more pages than their GETs', () => {
    const outside = [LOWER - 120 * DAY, LOWER - 200 * DAY, UPPER + 90 * DAY];
    expect(chooseFarBounds(LOWER, UPPER, outside, even(20), V1)).toEqual({
      lower: LOWER,
      upper: UPPER,
      calls: 3,
    });
  });

  it('mixes: widens over the near-ish ones on each side and leaves the truly far ones to be read by id', () => {
    const below = Array.from({ length: 8 }, (_, i) => LOWER - (i + 1) * HOUR);
    const above = Array.from({ length: 6 }, (_, i) => UPPER + (i + 1) * HOUR);
    const far = [LOWER - 300 * DAY, UPPER + 300 * DAY];
    const bounds = chooseFarBounds(LOWER, UPPER, [...far, ...below, ...above], even(100), V1);
    // 8 h below and 6 h above hold about 58 rows: one page, and the two far rows by id.
    expect(bounds).toEqual({ lower: LOWER - 8 * HOUR, upper: UPPER + 6 * HOUR, calls: 3 });
  });

  it('of equal costs, keeps the narrower read', () => {
    // One far row an hour below: one GET, or one page of the 4 rows that hour holds.
    expect(chooseFarBounds(LOWER, UPPER, [LOWER - HOUR], even(100), V1)).toEqual({
      lower: LOWER,
      upper: UPPER,
      calls: 1,
    });
  });

  it('on v2, 50 far rows are one `_id[$in]` call: widening over them pays only when it is free', () => {
    const outside = Array.from({ length: 30 }, (_, i) => LOWER - (i + 1) * HOUR);
    expect(chooseFarBounds(LOWER, UPPER, outside, even(100), V2)).toEqual({
      lower: LOWER,
      upper: UPPER,
      calls: 1,
    });
    // 60 rows: two batches, or a page of the 10 nearest (a row a minute) and one batch: no fewer calls.
    const many = Array.from({ length: 60 }, (_, i) => LOWER - (i + 1) * 60_000);
    const mixed = chooseFarBounds(LOWER, UPPER, many, even(1_440), V2);
    expect(mixed.calls).toBe(2);
    expect(mixed.lower).toBe(LOWER);
  });

  it('with one side open, the other still widens (the rows beyond an open side are read anyway)', () => {
    expect(chooseFarBounds(LOWER, null, [LOWER - HOUR, LOWER - 2 * HOUR], even(1), V1)).toEqual({
      lower: LOWER - 2 * HOUR,
      upper: null,
      calls: 1,
    });
  });
});

describe('dateFilter with the far rows priced', () => {
  const range = resolveDateSelection(
    { from: '2026-10-05', to: '2026-10-14' },
    { timeZone: 'UTC', weekStartsOn: 'MONDAY' },
    new Date('2026-11-16T00:00:00.000Z'),
  );
  const start = (range.start as Date).getTime();
  const end = (range.end as Date).getTime();
  /** A booking starting in the window whose series was anchored `offset` before its start. */
  const moved = (id: string, at: number, offset: number): FarRow => ({
    id,
    seriesStart: at - offset,
    start: at,
    end: at + HOUR,
  });
  // 20 rows starting in the window's first day, anchored 4 to 23 hours before it; one anchored 200 days before.
  const far: FarRow[] = [
    ...Array.from({ length: 20 }, (_, i) => moved(`near${i}`, start + i * HOUR, 2 * (i + 2) * HOUR)),
    moved('truly', start + 3 * DAY, 200 * DAY),
  ];
  // 40 bookings a day over a year and a half, as the walk of every booking would learn it.
  const days = new Map<number, number>();
  for (let day = Math.floor(start / DAY) - 400; day < Math.floor(start / DAY) + 100; day += 1) days.set(day, 40);
  const reach: SeriesReach = { ...NO_REACH, far, spread: spreadOfDays(days) };
  const v1 = farCostsOf({ pageLimit: 100, batchesById: false });

  it('without costs (or spread), the rows the bounds leave out are all read by id, as before', () => {
    const plain = dateFilter(REPORT_DATES.bookings, 'START', range, reach);
    expect(plain.far.sort()).toEqual(
      far
        .filter((row) => row.seriesStart < start)
        .map((row) => row.id)
        .sort(),
    );
    expect(plain.farCalls).toBe(plain.far.length);
    const unknown = dateFilter(REPORT_DATES.bookings, 'START', range, { ...reach, spread: undefined }, v1);
    expect(unknown.far).toHaveLength(plain.far.length);
  });

  it('on v1, the lower bound widens over the near ones (a page or two) and the truly far one is read by id', () => {
    const chosen = dateFilter(REPORT_DATES.bookings, 'START', range, reach, v1);
    expect(chosen.far).toEqual(['truly']);
    const lower = chosen.filters.find((f) => f.op === 'gte')?.value as Date;
    expect(lower.getTime()).toBe(Math.min(...far.filter((r) => r.id !== 'truly').map((r) => r.seriesStart)));
    expect(chosen.filters.find((f) => f.op === 'lte')?.value).toEqual(new Date(end));
    // Exact either way: every far row the selection picks is read by id or its anchor lies in the bounds sent.
    for (const row of far) {
      const bounded = row.seriesStart >= lower.getTime() && row.seriesStart <= end;
      expect(bounded || chosen.far.includes(row.id)).toBe(true);
    }
    expect(chosen.farCalls).toBeLessThan(dateFilter(REPORT_DATES.bookings, 'START', range, reach).farCalls);
  });

  it('on v2, one `_id[$in]` call for them all is cheaper: nothing widens', () => {
    const v2 = farCostsOf({ pageLimit: 50, batchesById: true });
    const chosen = dateFilter(REPORT_DATES.bookings, 'START', range, reach, v2);
    expect(chosen.far).toHaveLength(far.length);
    expect(chosen.filters.find((f) => f.op === 'gte')?.value).toEqual(new Date(start));
    expect(chosen.farCalls).toBe(1);
  });

  it('exact for any far rows: each picked row is read by id or inside the bounds sent, never both', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let widened = 0;
    for (let round = 0; round < 50; round += 1) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, i) =>
        // Whole ms, as read from the wire.
        moved(`r${i}`, start - DAY + Math.round(random() * 12 * DAY), Math.round((random() - 0.5) * 60 * DAY)),
      );
      const chosen = dateFilter(REPORT_DATES.bookings, 'START', range, { ...reach, far: rows }, v1);
      const plain = dateFilter(REPORT_DATES.bookings, 'START', range, { ...reach, far: rows });
      const lower = (chosen.filters.find((f) => f.op === 'gte')?.value as Date).getTime();
      const upper = (chosen.filters.find((f) => f.op === 'lte')?.value as Date).getTime();
      for (const id of plain.far) {
        const row = rows.find((r) => r.id === id) as FarRow;
        const bounded = row.seriesStart >= lower && row.seriesStart <= upper;
        expect(bounded !== chosen.far.includes(id)).toBe(true);
      }
      expect(chosen.far.every((id) => plain.far.includes(id))).toBe(true);
      expect(chosen.farCalls).toBeLessThanOrEqual(plain.farCalls);
      if (chosen.far.length < plain.far.length) widened += 1;
    }
    // The rounds exercise both ways.
    expect(widened).toBeGreaterThan(5);
    expect(widened).toBeLessThan(50);
  });
});

describe('the spread a walk of every booking learns', () => {
  const booking = (id: string, seriesStart: string, modifiedAt = '2026-01-01T00:00:00.000Z'): WireBooking => ({
    _id: id,
    seriesStart,
    start: { dateTime: seriesStart, date: null },
    end: { dateTime: seriesStart, date: null },
    modifiedAt,
  });

  it('counts bookings per day of seriesStart: a day range holds its bookings', () => {
    const days = new Map([
      [Math.floor(Date.parse('2026-03-01') / DAY), 300],
      [Math.floor(Date.parse('2026-03-02') / DAY), 100],
      [Math.floor(Date.parse('2026-03-10') / DAY), 600],
    ]);
    const spread = spreadOfDays(days);
    expect(spread.count).toBe(1_000);
    expect(spread.quantiles).toHaveLength(129);
    expect(spread.quantiles).toEqual([...spread.quantiles].sort((a, b) => a - b));
    const rows = (from: string, to: string) => expectedRows(spread, Date.parse(from), Date.parse(to));
    expect(Math.abs(rows('2026-03-01', '2026-03-02') - 300)).toBeLessThan(15);
    expect(Math.abs(rows('2026-03-02', '2026-03-09') - 100)).toBeLessThan(10);
    expect(rows('2026-03-03', '2026-03-09')).toBeLessThan(10);
    expect(spreadOfDays(new Map())).toEqual({ count: 0, missing: 0, quantiles: [] });
  });

  it('is learnt by a fold from nothing seen, kept by a look for changes and by a merge', () => {
    const whole = foldReach(emptyReach());
    whole.add([booking('a', '2026-03-01T10:00:00.000Z'), booking('b', '2026-03-05T10:00:00.000Z')]);
    const learnt = whole.result();
    expect(learnt.spread?.count).toBe(2);
    const changes = foldReach(learnt);
    changes.add([booking('c', '2026-04-01T10:00:00.000Z', '2026-02-01T00:00:00.000Z')]);
    const later = changes.result();
    expect(later.spread).toEqual(learnt.spread);
    expect(mergeReach(learnt, { ...later, spread: undefined }).spread).toEqual(learnt.spread);
  });
});
