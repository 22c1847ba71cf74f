import { describe, expect, it } from 'vitest';
import { subWindowCount } from '../../src/core/sub-windows.ts';
import {
  MAX_OCCURRENCE_SUB_WINDOWS_PER_SLOT,
  occurrenceSubWindows,
  type OccurrenceSubWindow,
} from '../../src/core/occurrence-split.ts';
import type { OccurrenceWindow } from '../../src/dates/report-dates.ts';
import { OCCURRENCE_WINDOW_MS } from '../../src/officernd/collections.ts';
import type { WireBookingOccurrence } from '../../src/officernd/types.ts';

// Where an occurrence export is cut (core/occurrence-split.ts): the probe page's rows per ms times the selection's
// length, cut into equal lengths, never across a year window, whole minutes, covering the selection exactly once.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

const windowsOf = (start: number, end: number): OccurrenceWindow[] => {
  const windows: OccurrenceWindow[] = [];
  for (let from = start; from < end; from += OCCURRENCE_WINDOW_MS)
    windows.push({
      start: new Date(from),
      end: new Date(Math.min(end, from + OCCURRENCE_WINDOW_MS)),
      askStart: new Date(from - 1),
      keep: () => true,
    });
  return windows;
};

/** A page of `count` occurrences starting every `everyMs` from `from`. */
const pageOf = (from: number, count: number, everyMs: number): WireBookingOccurrence[] =>
  Array.from({ length: count }, (_, i) => ({
    _id: `b${i}`,
    start: { dateTime: new Date(from + i * everyMs).toISOString(), date: null },
  })) as WireBookingOccurrence[];

const dateOf = (o: WireBookingOccurrence) => Date.parse(o.start?.dateTime ?? '');

/** The sub-windows cover [start, end) once, in order, each inside one year window. */
function expectCover(subs: readonly OccurrenceSubWindow[], windows: readonly OccurrenceWindow[]) {
  expect(subs[0]?.lower).toBe(windows[0]?.start.getTime());
  expect(subs.at(-1)?.upper).toBe(windows.at(-1)?.end.getTime());
  subs.forEach((sub, j) => {
    if (j > 0) expect(sub.lower).toBe(subs[j - 1]?.upper);
    expect(sub.upper).toBeGreaterThan(sub.lower);
    const window = windows[sub.window] as OccurrenceWindow;
    expect(sub.lower).toBeGreaterThanOrEqual(window.start.getTime());
    expect(sub.upper).toBeLessThanOrEqual(window.end.getTime());
  });
}

describe('occurrenceSubWindows', () => {
  it('does not split a selection whose one window is one page, or a read of a few pages', () => {
    const windows = windowsOf(T0, T0 + 90 * DAY);
    expect(occurrenceSubWindows(windows, { items: pageOf(T0, 80, HOUR), next: null }, dateOf, 100, 8)).toBeNull();
    // 100 rows in 20 days: 450 rows in 90 days, 4.5 pages: fewer than two sub-windows of MIN_SUB_WINDOW_PAGES each.
    expect(
      occurrenceSubWindows(windows, { items: pageOf(T0, 100, 4.8 * HOUR), next: 'c' }, dateOf, 100, 16),
    ).toBeNull();
    expect(occurrenceSubWindows(windows, { items: pageOf(T0, 100, 60_000), next: 'c' }, dateOf, 100, 1)).toBeNull();
  });

  it('cuts by the probe’s rows per ms into equal lengths of whole minutes', () => {
    const windows = windowsOf(T0, T0 + 90 * DAY);
    // 100 rows in the first 12.4 hours: about 17,400 rows in 90 days, 174 pages.
    const plan = occurrenceSubWindows(windows, { items: pageOf(T0, 100, 7.5 * 60_000), next: 'c' }, dateOf, 100, 8);
    expect(plan).not.toBeNull();
    const subs = plan?.subWindows ?? [];
    const rows = (100 / (99 * 7.5 * 60_000)) * 90 * DAY;
    expect(subs.length).toBe(subWindowCount(rows / 100, 8));
    expectCover(subs, windows);
    for (const sub of subs) expect(sub.lower % 60_000).toBe(0);
    expect(plan?.rowsPerWindow).toBeCloseTo(rows / subs.length, 0);
  });

  it('never crosses a year window, and stays bounded however dense the probe', () => {
    const windows = windowsOf(T0, T0 + 800 * DAY);
    expect(windows).toHaveLength(3);
    // 100 rows within the same minute: the estimate is huge, the count is capped.
    const plan = occurrenceSubWindows(windows, { items: pageOf(T0, 100, 0), next: 'c' }, dateOf, 100, 4);
    const subs = plan?.subWindows ?? [];
    expect(subs.length).toBeLessThanOrEqual(4 * MAX_OCCURRENCE_SUB_WINDOWS_PER_SLOT + windows.length);
    expect(subs.length).toBeGreaterThan(4);
    expectCover(subs, windows);
    for (const window of windows.slice(1)) expect(subs.some((sub) => sub.lower === window.start.getTime())).toBe(true);
  });

  it('takes a known floor of rows over a quiet probe', () => {
    const windows = windowsOf(T0, T0 + 30 * DAY);
    // 100 rows over a quiet 2.5 days: 1,200 rows, 12 pages, 2 sub-windows (of at least 5 pages); at least 5,000
    // rows known: 8.
    const probe = { items: pageOf(T0, 100, 0.6 * HOUR), next: 'c' };
    expect(occurrenceSubWindows(windows, probe, dateOf, 100, 8)?.subWindows).toHaveLength(2);
    expect(occurrenceSubWindows(windows, probe, dateOf, 100, 8, 5_000)?.subWindows).toHaveLength(8);
  });

  it('learns nothing from a first page of occurrences under way at the start', () => {
    const windows = windowsOf(T0, T0 + 90 * DAY);
    // 100 long occurrences begun before the window: no rate; one walk, unless a floor is known.
    const probe = { items: pageOf(T0 - 100 * HOUR, 100, HOUR), next: 'c' };
    expect(occurrenceSubWindows(windows, probe, dateOf, 100, 8)).toBeNull();
    expect(occurrenceSubWindows(windows, probe, dateOf, 100, 8, 20_000)?.subWindows).toHaveLength(32);
  });

  it('counts only the probe’s rows from the window’s start (not those under way there)', () => {
    const windows = windowsOf(T0, T0 + 90 * DAY);
    // 60 rows started before the window (under way at its start), 40 in its first 8 days: 443 rows, no split (all
    // 100 counted would be 1,108 rows, 11 pages: two sub-windows).
    const items = [...pageOf(T0 - 60 * HOUR, 60, HOUR), ...pageOf(T0, 40, 5 * HOUR)];
    expect(occurrenceSubWindows(windows, { items, next: 'c' }, dateOf, 100, 16)).toBeNull();
  });
});
