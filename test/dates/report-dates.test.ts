import { describe, expect, it } from 'vitest';
import {
  dateFilter,
  dateFieldOf,
  inRange,
  MAX_OCCURRENCE_WINDOWS,
  needsSeriesReach,
  NO_REACH,
  occurrenceWindows,
  REPORT_DATES,
  reportDatesOf,
  widenReach,
  type SeriesReach,
} from '../../src/dates/report-dates.ts';
import { DateSelectionError, resolveDateSelection, type DateSelectionInput } from '../../src/dates/selection.ts';
import { COLLECTIONS, LIST_COLLECTIONS, OCCURRENCE_WINDOW_MS } from '../../src/officernd/collections.ts';
import type { WireBooking, WireCharge, WirePayment } from '../../src/officernd/types.ts';

const NOW = new Date('2026-11-16T00:00:00.000Z');
const range = (input: DateSelectionInput, timeZone = 'UTC') =>
  resolveDateSelection(input, { timeZone, weekStartsOn: 'MONDAY' }, NOW);
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
const filtersOf = (filters: { field: string; op: string; value: unknown }[]) =>
  filters.map((f) => [f.field, f.op, iso(f.value)]);

const booking = (start: string, end: string, seriesStart: string | null = start): WireBooking => ({
  _id: 'b',
  start: { dateTime: start, date: null },
  end: { dateTime: end, date: null },
  seriesStart,
});

describe('REPORT_DATES', () => {
  it('covers every list collection with dates, and only pushes comparisons upstream on fields that accept them', () => {
    for (const collection of LIST_COLLECTIONS) {
      const spec = reportDatesOf(collection);
      if (collection === 'resource-types') {
        expect(spec).toBeUndefined();
        continue;
      }
      expect(spec, collection).toBeDefined();
      const names = spec?.fields.map((f) => f.name) ?? [];
      expect(new Set(names).size, collection).toBe(names.length);
      expect(names, collection).toContain(spec?.default);
      for (const field of spec?.fields ?? []) {
        expect(field.name).toMatch(/^[A-Z][A-Z_]*$/);
        if (field.pushdown)
          expect(COLLECTIONS[collection].dateFields, `${collection}.${field.name}`).toContain(field.pushdown.field);
      }
    }
  });

  it('offers the date fields of the connector on bookings and payments', () => {
    expect(REPORT_DATES.bookings.fields.map((f) => f.name)).toEqual(['START', 'END', 'CREATED_AT', 'MODIFIED_AT']);
    expect(REPORT_DATES.payments.fields.map((f) => f.name)).toEqual(['DATE', 'DUE_DATE', 'CREATED_AT', 'MODIFIED_AT']);
    expect(REPORT_DATES.occurrences.fields.map((f) => f.name)).toEqual(['START', 'END']);
  });

  it('refuses a date field the report does not have, naming dateField', () => {
    expect(() => dateFieldOf(REPORT_DATES.payments, 'START')).toThrow(DateSelectionError);
    let caught: unknown;
    try {
      dateFilter(REPORT_DATES.floors, 'DUE_DATE', range({ daysBack: 0 }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DateSelectionError);
    expect((caught as DateSelectionError).argument).toBe('dateField');
    expect((caught as Error).message).toContain('CREATED_AT, MODIFIED_AT');
    expect(dateFieldOf(REPORT_DATES.payments, undefined).name).toBe('DATE');
  });
});

describe('inRange', () => {
  const berlinDay = range({ on: '2026-11-16' }, 'Europe/Berlin');

  it('compares instants against [start, end) of the local days', () => {
    expect(inRange('2026-11-15T23:00:00.000Z', 'instant', berlinDay)).toBe(true);
    expect(inRange('2026-11-15T22:59:59.999Z', 'instant', berlinDay)).toBe(false);
    expect(inRange('2026-11-16T22:59:59.999Z', 'instant', berlinDay)).toBe(true);
    expect(inRange('2026-11-16T23:00:00.000Z', 'instant', berlinDay)).toBe(false);
    expect(inRange('2026-11-16T00:30:00+01:00', 'instant', berlinDay)).toBe(true);
  });

  it('compares date-only values as calendar days, with no zone shift', () => {
    // 00:00Z on the 16th is still the 15th in New York, but a date-only value means the 16th (§4).
    const nyDay = range({ on: '2026-11-16' }, 'America/New_York');
    expect(inRange('2026-11-16T00:00:00.000Z', 'date', nyDay)).toBe(true);
    expect(inRange('2026-11-16T00:00:00.000Z', 'instant', nyDay)).toBe(false);
    expect(inRange('2026-11-17T00:00:00.000Z', 'date', nyDay)).toBe(false);
    // A bare day is a calendar day whatever the field's kind (all-day slots).
    expect(inRange('2026-11-16', 'instant', nyDay)).toBe(true);
  });

  it('treats open ends as unbounded and missing or broken values as no match', () => {
    const since = range({ from: '2026-11-01' });
    expect(inRange('2099-01-01T00:00:00.000Z', 'instant', since)).toBe(true);
    expect(inRange('2026-10-31T23:59:59.999Z', 'instant', since)).toBe(false);
    expect(inRange('2026-10-31T00:00:00.000Z', 'date', since)).toBe(false);
    expect(inRange(null, 'instant', since)).toBe(false);
    expect(inRange(undefined, 'date', since)).toBe(false);
    expect(inRange('not a date', 'instant', since)).toBe(false);
  });
});

describe('dateFilter', () => {
  it('pushes date-only fields down as whole UTC days, and keeps the exact check', () => {
    const { filters, keep } = dateFilter(
      REPORT_DATES.payments,
      'DUE_DATE',
      range({ period: 'LAST_MONTH' }, 'America/Vancouver'),
    );
    expect(filtersOf(filters)).toEqual([
      ['dueDate', 'gte', '2026-10-01T00:00:00.000Z'],
      ['dueDate', 'lt', '2026-11-01T00:00:00.000Z'],
    ]);
    const payment = (dueDate: string): WirePayment => ({ _id: 'p', dueDate });
    expect(keep(payment('2026-10-31T00:00:00.000Z'))).toBe(true);
    expect(keep(payment('2026-11-01T00:00:00.000Z'))).toBe(false);
    expect(keep({ _id: 'p' })).toBe(false);
  });

  it('pushes instants down as the local midnights', () => {
    const { filters, keep } = dateFilter(
      REPORT_DATES.charges,
      undefined,
      range({ period: 'LAST_MONTH' }, 'Europe/Berlin'),
    );
    expect(filtersOf(filters)).toEqual([
      ['date', 'gte', '2026-09-30T22:00:00.000Z'],
      ['date', 'lt', '2026-10-31T23:00:00.000Z'],
    ]);
    const charge = (date: string): WireCharge => ({ _id: 'c', amount: 1, date });
    expect(keep(charge('2026-09-30T22:00:00.000Z'))).toBe(true);
    expect(keep(charge('2026-10-31T23:00:00.000Z'))).toBe(false);
  });

  it('bounds booking rows through seriesStart on both sides, widened by the learnt reach, and not at all without one', () => {
    const selection = range({ from: '2026-11-01', to: '2026-11-07' });
    const none = dateFilter(REPORT_DATES.bookings, 'START', selection);
    expect(none.filters).toEqual([]);
    // A series that began before the range but whose row starts inside it is still kept.
    expect(none.keep(booking('2026-11-02T09:00:00.000Z', '2026-11-02T10:00:00.000Z', '2026-10-05T09:00:00.000Z'))).toBe(
      true,
    );
    expect(none.keep(booking('2026-10-31T09:00:00.000Z', '2026-10-31T10:00:00.000Z'))).toBe(false);
    const day = 86_400_000;
    const reach: SeriesReach = { start: { before: day, after: 28 * day }, end: { before: 0, after: 29 * day } };
    const { filters } = dateFilter(REPORT_DATES.bookings, 'START', selection, reach);
    // A row starting on 1 November may belong to a series anchored 28 days earlier, or 1 day later (moved anchor).
    expect(filtersOf(filters)).toEqual([
      ['seriesStart', 'gte', '2026-10-04T00:00:00.000Z'],
      ['seriesStart', 'lte', '2026-11-09T00:00:00.000Z'],
    ]);
    const end = dateFilter(REPORT_DATES.bookings, 'END', selection, reach);
    expect(filtersOf(end.filters)).toEqual([
      ['seriesStart', 'gte', '2026-10-03T00:00:00.000Z'],
      ['seriesStart', 'lte', '2026-11-08T00:00:00.000Z'],
    ]);
    expect(end.keep(booking('2026-10-31T23:30:00.000Z', '2026-11-01T00:30:00.000Z'))).toBe(true);
    expect(needsSeriesReach(REPORT_DATES.bookings, 'START')).toBe(true);
    expect(needsSeriesReach(REPORT_DATES.bookings, 'CREATED_AT')).toBe(false);
  });

  it('learns the reach from rows in whole days: later and earlier than seriesStart, and unbounded without one', () => {
    const day = 86_400_000;
    const oneOff = widenReach(
      NO_REACH,
      booking('2026-11-02T09:00:00.000Z', '2026-11-02T10:00:00.000Z', '2026-11-02T09:00:00.000Z'),
    );
    expect(oneOff).toEqual({ start: { before: 0, after: 0 }, end: { before: 0, after: day } });
    const excluded = widenReach(
      oneOff as SeriesReach,
      booking('2026-11-09T09:00:00.000Z', '2026-11-09T10:00:00.000Z', '2026-11-02T09:00:00.000Z'),
    );
    expect(excluded?.start).toEqual({ before: 0, after: 7 * day });
    const moved = widenReach(
      excluded as SeriesReach,
      booking('2026-11-01T09:00:00.000Z', '2026-11-01T10:00:00.000Z', '2026-11-02T09:00:00.000Z'),
    );
    expect(moved?.start).toEqual({ before: day, after: 7 * day });
    expect(widenReach(NO_REACH, booking('2026-11-01T09:00:00.000Z', '2026-11-01T10:00:00.000Z', null))).toBeNull();
  });

  it('sends nothing for fields without upstream comparisons, and only the given end of an open range', () => {
    expect(dateFilter(REPORT_DATES.members, 'LAST_LOGIN', range({ daysBack: 1 })).filters).toEqual([]);
    expect(dateFilter(REPORT_DATES.visits, 'CREATED_AT', range({ daysBack: 1 })).filters).toEqual([]);
    expect(filtersOf(dateFilter(REPORT_DATES.members, 'CREATED_AT', range({ from: '2026-01-01' })).filters)).toEqual([
      ['createdAt', 'gte', '2026-01-01T00:00:00.000Z'],
    ]);
    expect(filtersOf(dateFilter(REPORT_DATES.teams, undefined, range({ to: '2026-01-31' })).filters)).toEqual([
      ['startDate', 'lt', '2026-02-01T00:00:00.000Z'],
    ]);
  });
});

describe('occurrenceWindows', () => {
  it('cuts a two-year selection into consecutive windows of at most a year', () => {
    const selection = range({ from: '2025-01-01', to: '2026-12-31' }, 'Asia/Tokyo');
    const windows = occurrenceWindows(undefined, selection);
    expect(windows).toHaveLength(2);
    expect(windows[0]?.start.toISOString()).toBe('2024-12-31T15:00:00.000Z');
    expect(windows[1]?.start.getTime()).toBe(windows[0]?.end.getTime());
    expect(windows[1]?.end.toISOString()).toBe('2026-12-31T15:00:00.000Z');
    for (const w of windows) expect(w.end.getTime() - w.start.getTime()).toBeLessThanOrEqual(OCCURRENCE_WINDOW_MS);
    expect(occurrenceWindows(undefined, range({ period: 'THIS_YEAR' }))).toHaveLength(1);
  });

  it('keeps an occurrence that spans a window boundary in one window only', () => {
    const windows = occurrenceWindows('START', range({ from: '2025-01-01', to: '2026-12-31' }));
    const boundary = windows[0]?.end.getTime() as number;
    const spanning = booking(
      new Date(boundary - 1_800_000).toISOString(),
      new Date(boundary + 1_800_000).toISOString(),
    );
    expect(windows.map((w) => w.keep(spanning))).toEqual([true, false]);
    const byEnd = occurrenceWindows('END', range({ from: '2025-01-01', to: '2026-12-31' }));
    expect(byEnd.map((w) => w.keep(spanning))).toEqual([false, true]);
  });

  it('refuses open or overly long selections', () => {
    expect(() => occurrenceWindows(undefined, range({ from: '2026-01-01' }))).toThrow(/"to" is needed/);
    const years = MAX_OCCURRENCE_WINDOWS + 1;
    expect(() => occurrenceWindows(undefined, range({ from: '2000-01-01', to: `${2000 + years}-01-01` }))).toThrow(
      DateSelectionError,
    );
    expect(() => occurrenceWindows('CREATED_AT', range({ daysBack: 0 }))).toThrow(/dateField/);
  });
});
