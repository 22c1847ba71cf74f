import { describe, expect, it } from 'vitest';
import { subWindowCount } from '../../src/core/sub-windows.ts';
import {
  MAX_OCCURRENCE_SUB_WINDOWS_PER_SLOT,
  occurrenceSubWindows,
  type OccurrenceSubWindow,
  underWayByMinute,
} from '../../src/core/occurrence-split.ts';
import type { OccurrenceWindow } from '../../src/dates/report-dates.ts';
import { OCCURRENCE_WINDOW_MS } from '../../src/officernd/collections.ts';
import type { WireBookingOccurrence } from '../../src/officernd/types.ts';

// Where an occurrence export is cut (core/occurrence-split.ts): the probe page's rows per ms times the selection's
// length, cut into equal lengths, each cut moved to the quietest minute of day the probe shows (the fewest
// occurrences under way), never across a year window, whole minutes, covering the selection exactly once.

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

const MINUTE = 60_000;

/** An occurrence from `from` for `minutes`. */
const occurrence = (id: string, from: number, minutes: number): WireBookingOccurrence =>
  ({
    _id: id,
    start: { dateTime: new Date(from).toISOString(), date: null },
    end: { dateTime: new Date(from + minutes * MINUTE).toISOString(), date: null },
  }) as WireBookingOccurrence;

/**
 * A busy office's days from `from` (a midnight, UTC): an hour's meeting at every hour from 08:00 to 17:00, so that
 * one is under way from 08:01 to 18:00 and none from 18:01 to 08:00 (one ending at a minute is under way there: a
 * window starting then answers it).
 */
const officeDays = (from: number, days: number): WireBookingOccurrence[] =>
  Array.from({ length: days * 10 }, (_, i) =>
    occurrence(`m${i}`, from + Math.floor(i / 10) * DAY + (8 + (i % 10)) * HOUR, 60),
  );

/** Minute of the UTC day of `ms`. */
const minuteOfDay = (ms: number) => Math.round((ms % DAY) / MINUTE);
/** Whether no meeting of officeDays is under way at `ms`: 18:01 to 08:00. */
const quietInOffice = (ms: number) => minuteOfDay(ms) > 18 * 60 || minuteOfDay(ms) <= 8 * 60;

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

  it('counts sub-windows by the probe’s rows per ms, cut at whole minutes', () => {
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

  it('moves every cut to the middle of the night the probe shows', () => {
    // 40 days of a busy office, a probe of its first 10 days (10 meetings a day): 32 sub-windows of 30 hours, each
    // cut free to move 15 hours either way, so each finds the night's middle (01:00, deepest in 18:01 to 08:00).
    const windows = windowsOf(T0, T0 + 40 * DAY);
    const plan = occurrenceSubWindows(windows, { items: officeDays(T0, 10), next: 'c' }, dateOf, 100, 8, 20_000);
    const subs = plan?.subWindows ?? [];
    expect(subs).toHaveLength(32);
    expectCover(subs, windows);
    for (const sub of subs.slice(1)) expect([60, 61]).toContain(minuteOfDay(sub.lower));
  });

  it('keeps cuts strictly inside the selection, in order, and on its side of a year window’s edge', () => {
    // 729.5 days in two year windows, 64 sub-windows: the 32nd equal cut falls 6 hours before the edge, the night's
    // middle an hour after it: the cut takes the quietest minute before the edge instead.
    const end = T0 + 729.5 * DAY;
    const windows = windowsOf(T0, end);
    expect(windows).toHaveLength(2);
    const plan = occurrenceSubWindows(windows, { items: officeDays(T0, 10), next: 'c' }, dateOf, 100, 4, 1_000_000);
    const subs = plan?.subWindows ?? [];
    // 64 equal cuts but one, and the edge.
    expect(subs).toHaveLength(4 * MAX_OCCURRENCE_SUB_WINDOWS_PER_SLOT + 1);
    expectCover(subs, windows);
    const edge = windows[1]?.start.getTime() as number;
    expect(subs.some((sub) => sub.lower === edge)).toBe(true);
    for (const sub of subs.slice(1)) {
      expect(sub.lower).toBeGreaterThan(T0);
      expect(sub.lower).toBeLessThan(end);
      expect(sub.lower % MINUTE).toBe(0);
      if (sub.lower !== edge) expect(quietInOffice(sub.lower)).toBe(true);
    }
    const before = subs.findIndex((sub) => sub.lower === edge) - 1;
    expect(minuteOfDay(subs[before]?.lower as number)).toBe(23 * 60 + 59);
  });

  it('finds the quietest minute within reach when sub-windows are shorter than a day', () => {
    // 20 days in 32 sub-windows of 15 hours: each cut moves at most 7.5 hours, to a minute with nothing under way when
    // its reach holds one (every reach does: the quiet stretch is 14 hours long).
    const windows = windowsOf(T0, T0 + 20 * DAY);
    const plan = occurrenceSubWindows(windows, { items: officeDays(T0, 10), next: 'c' }, dateOf, 100, 8, 20_000);
    const subs = plan?.subWindows ?? [];
    expect(subs.length).toBeGreaterThan(20);
    expectCover(subs, windows);
    for (const sub of subs.slice(1)) expect(quietInOffice(sub.lower)).toBe(true);
  });

  it('cuts no finer than the probe’s part of the day lets every cut reach a minute it shows', () => {
    // 100 half-hour meetings starting every minute from the selection's midnight: the probe shows 00:00 to 01:39 only.
    // Its rate makes 43,600 rows (64 sub-windows at 16 at once); sub-windows of at least the 22 h 21 min it does not
    // show: 32, each cut at a minute it shows.
    const windows = windowsOf(T0, T0 + 30 * DAY);
    const items = Array.from({ length: 100 }, (_, i) => occurrence(`m${i}`, T0 + i * MINUTE, 30));
    const subs = occurrenceSubWindows(windows, { items, next: 'c' }, dateOf, 100, 16)?.subWindows ?? [];
    expect(subs).toHaveLength(Math.floor((30 * DAY) / ((24 * 60 - 100 + 1) * MINUTE)));
    expectCover(subs, windows);
    for (const sub of subs.slice(1)) expect(minuteOfDay(sub.lower)).toBeLessThan(100);
  });

  it('takes no more sub-windows than are read at once when long occurrences are under way at every minute', () => {
    const windows = windowsOf(T0, T0 + 40 * DAY);
    // Multi-day bookings begun before the selection, under way all through the probe's days.
    const long = (n: number) => Array.from({ length: n }, (_, i) => occurrence(`l${i}`, T0 - DAY, 60 * 24 * 60));
    const probe = (n: number) => ({ items: [...long(n), ...officeDays(T0, 10)].slice(0, 100), next: 'c' });
    // 40 under way at the quietest minute: within half a page; 60: more.
    expect(occurrenceSubWindows(windows, probe(40), dateOf, 100, 8, 20_000)?.subWindows).toHaveLength(32);
    expect(occurrenceSubWindows(windows, probe(60), dateOf, 100, 8, 20_000)?.subWindows).toHaveLength(8);
  });
});

describe('underWayByMinute', () => {
  it('counts the occurrences under way at each minute of day the probe covers, the mean over its days', () => {
    const items = [
      occurrence('before', T0 - HOUR, 90),
      occurrence('a', T0 + 9 * HOUR, 60),
      occurrence('b', T0 + DAY + 9 * HOUR, 30),
      occurrence('instant', T0 + DAY + 12 * HOUR, 0),
    ];
    const profile = underWayByMinute(items, T0, T0 + DAY + 12 * HOUR);
    // Begun an hour before the start, 90 minutes long: under way from the start to 00:30 (day 1 only).
    expect(profile[0]).toBe(0.5);
    expect(profile[30]).toBe(0.5);
    expect(profile[31]).toBe(0);
    // 09:00 to 10:00 on day 1, 09:00 to 09:30 on day 2: not at 09:00 (it starts then), at 09:01 to its end.
    expect(profile[9 * 60]).toBe(0);
    expect(profile[9 * 60 + 1]).toBe(1);
    expect(profile[9 * 60 + 30]).toBe(1);
    expect(profile[9 * 60 + 31]).toBe(0.5);
    expect(profile[10 * 60]).toBe(0.5);
    expect(profile[10 * 60 + 1]).toBe(0);
    // An occurrence lasting no time is under way nowhere; past 12:00 the probe covers day 1 only.
    expect(profile[12 * 60]).toBe(0);
    expect(profile[12 * 60 + 1]).toBe(0);
    expect(profile.every((under) => !Number.isNaN(under))).toBe(true);
    // A probe covering 6 hours says nothing of the rest of the day.
    const short = underWayByMinute(items, T0, T0 + 6 * HOUR);
    expect(short[6 * 60]).toBe(0);
    expect(Number.isNaN(short[6 * 60 + 1] as number)).toBe(true);
  });
});
