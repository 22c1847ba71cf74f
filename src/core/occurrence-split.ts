/**
 * Booking-occurrence exports in parallel (issue 21): a reader that never resumes (an export) reads a long occurrence
 * selection in date sub-windows of its upstream windows (§6.2: `start`/`end` are documented), several at once through
 * the ordered parallel read of core/sub-windows.ts; a short one is one walk (dates/occurrence-pages.ts).
 */

import { dateFieldOf, type OccurrenceWindow, REPORT_DATES } from '../dates/report-dates.ts';
import { occurrencePagesAcross, type OccurrenceFilters, windowStartCursor } from '../dates/occurrence-pages.ts';
import type { OfficeRnDClient } from '../officernd/index.ts';
import type { WireBookingOccurrence } from '../officernd/types.ts';
import { NoSplit, orderedPages, subWindowCount } from './sub-windows.ts';

/** Most sub-windows one occurrence read is cut into, per sub-window read at once: an estimate far too high stays cheap. */
export const MAX_OCCURRENCE_SUB_WINDOWS_PER_SLOT = 16;

/** The key under which OfficeRnD is noted to ignore an occurrence window's `start`/`end` (CollectionSizes). */
export const OCCURRENCE_BOUND = 'occurrences.start';

const MINUTE = 60_000;

/** One sub-window of an occurrence read: the rows it keeps, `[lower, upper)` of their date, in year window `window`. */
export interface OccurrenceSubWindow {
  window: number;
  lower: number;
  upper: number;
}

/**
 * Where to cut an occurrence selection, from the first upstream page of its first window (the probe): its rows
 * per ms (the dates of its rows from the window's start to its last one; exact when the window has one page) times
 * the selection's length is the expected rows, or `atLeast` when more (the bookings the learnt spread puts in the
 * selection: a probe of a quiet weekend must not make a busy month one walk), cut by subWindowCount into
 * sub-windows of equal length (the year windows' edges are cuts too, so no sub-window crosses one). Cut points are
 * whole minutes; none when the selection is expected to take fewer than two sub-windows' pages. An estimate that is
 * wrong costs calls (a partial page per sub-window at most), never rows.
 */
export function occurrenceSubWindows(
  windows: readonly OccurrenceWindow[],
  probe: { items: readonly WireBookingOccurrence[]; next: string | null },
  dateOf: (item: WireBookingOccurrence) => number | null,
  pageLimit: number,
  concurrency: number,
  atLeast = 0,
): { subWindows: OccurrenceSubWindow[]; rowsPerWindow: number } | null {
  const first = windows[0];
  const last = windows.at(-1);
  if (!first || !last || concurrency < 2) return null;
  if (probe.next === null && windows.length === 1) return null;
  const start = first.start.getTime();
  const end = last.end.getTime();
  const dates = probe.items.map(dateOf).filter((ms): ms is number => ms !== null && ms >= start);
  // A first window of one page holds all of its rows; a full first page holds its rows up to its last date (none
  // when it is all occurrences under way at the start, long ones: it says nothing of the rest, only `atLeast` does).
  const span = probe.next === null ? first.end.getTime() - start : Math.max(start, ...dates) - start;
  const rate = dates.length / Math.max(MINUTE, span);
  const expected = Math.max(atLeast, rate * (end - start));
  const count = Math.min(
    subWindowCount(expected / pageLimit, concurrency),
    concurrency * MAX_OCCURRENCE_SUB_WINDOWS_PER_SLOT,
  );
  if (count < 2) return null;
  const cuts = new Set<number>(windows.slice(1).map((w) => w.start.getTime()));
  for (let j = 1; j < count; j += 1) cuts.add(Math.round((start + ((end - start) * j) / count) / MINUTE) * MINUTE);
  const points = [...cuts].filter((at) => at > start && at < end).sort((a, b) => a - b);
  const bounds = [start, ...points, end];
  const subWindows: OccurrenceSubWindow[] = [];
  for (let j = 0; j + 1 < bounds.length; j += 1) {
    const lower = bounds[j] as number;
    const window = windows.findIndex((w) => w.start.getTime() <= lower && lower < w.end.getTime());
    subWindows.push({ window, lower, upper: bounds[j + 1] as number });
  }
  return { subWindows, rowsPerWindow: expected / subWindows.length };
}

export interface OccurrenceParallelOptions {
  /** Sub-windows read at once (UPSTREAM_MAX_CONCURRENCY); below 2: one walk. */
  concurrency: number;
  /** The date the windows keep an occurrence by (ms epoch): sub-windows cut the same date. */
  dateOf: (item: WireBookingOccurrence) => number | null;
  /** The request's signal: every call is made with it (the client's concurrency cap, budget and the request's share). */
  signal?: AbortSignal;
  /** OfficeRnD was seen answering occurrences outside a sub-window's `start`/`end`: read as one walk. */
  ignored?: boolean;
  /** Told when OfficeRnD answered occurrences outside a sub-window's `start`/`end` (the read then is one walk). */
  onIgnored?: () => void;
  /** Rows still wanted (a limit); null or absent: all. */
  wanted?: number | null;
  /** Rows the selection is known to hold at least (occurrenceSubWindows `atLeast`). */
  atLeast?: number;
}

const readStart = dateFieldOf(REPORT_DATES.occurrences, 'START').read;
const readEnd = dateFieldOf(REPORT_DATES.occurrences, 'END').read;
const msOf = (value: string | null | undefined): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

/**
 * The occurrences of `windows` for a reader that never resumes (an export): pages in order with `more` (whether
 * pages follow). The first page of the first window is read; if it shows a read of several sub-windows' pages
 * (occurrenceSubWindows), the selection is read in date sub-windows, `concurrency` at once with a bounded read-ahead
 * each (core/sub-windows.ts `orderedPages`), in sub-window order and OfficeRnD's order within each; else the read
 * goes on as one walk from that page. A sub-window asks OfficeRnD for `[lower − 1 ms, upper)` (§6.2 answers the
 * occurrences overlapping a window: one starting or ending right at `lower` comes back) and keeps only the rows
 * whose date is in `[lower, upper)` and its window keeps, so none is delivered twice. A first page holding an
 * occurrence outside its sub-window's window means OfficeRnD ignored it: the read is one walk (noted, before any row).
 */
export async function* occurrencePagesParallel(
  officernd: Pick<OfficeRnDClient, 'occurrencePages' | 'pageLimit'>,
  filters: OccurrenceFilters,
  windows: readonly OccurrenceWindow[],
  options: OccurrenceParallelOptions,
): AsyncGenerator<{ items: WireBookingOccurrence[]; more: boolean }, void, undefined> {
  const signal = options.signal ? { signal: options.signal } : {};
  async function* walk(cursor: string | null) {
    for await (const page of occurrencePagesAcross(officernd, filters, windows, {
      cursor,
      ...signal,
    }))
      yield { items: page.items, more: page.next !== null };
  }
  const first = windows[0];
  if (!first || options.concurrency < 2 || options.ignored) {
    yield* walk(null);
    return;
  }
  const probe = officernd
    .occurrencePages({ ...filters, start: first.askStart, end: first.end }, signal)
    [Symbol.asyncIterator]();
  const head = await probe.next();
  const page = head.done ? { items: [], next: null } : head.value;
  const plan = occurrenceSubWindows(
    windows,
    page,
    options.dateOf,
    officernd.pageLimit,
    options.concurrency,
    options.atLeast,
  );
  const kept = page.items.filter((item) => first.keep(item));
  if (plan === null || (options.wanted != null && kept.length >= options.wanted)) {
    // A few pages, or a limit the first page fills: one walk, the probe its first page.
    const later = windows.length > 1;
    yield { items: kept, more: page.next !== null || later };
    for (let next = head.done ? head : await probe.next(); !next.done; next = await probe.next())
      yield { items: next.value.items.filter((item) => first.keep(item)), more: next.value.next !== null || later };
    if (later) yield* walk(windowStartCursor(1));
    return;
  }
  await probe.return?.();
  const { subWindows, rowsPerWindow } = plan;
  const asked = (j: number) => {
    const sub = subWindows[j] as OccurrenceSubWindow;
    const window = windows[sub.window] as OccurrenceWindow;
    // 1 ms before its lower bound, as its year window is asked (report-dates.ts `askStart`).
    const lower = sub.lower - 1;
    return { sub, window, lower, upper: sub.upper };
  };
  try {
    for await (const part of orderedPages<WireBookingOccurrence>({
      count: subWindows.length,
      pagesOf: (j) => {
        const { lower, upper } = asked(j);
        return officernd.occurrencePages({ ...filters, start: new Date(lower), end: new Date(upper) }, signal);
      },
      keep: (j) => {
        const { sub, window } = asked(j);
        return (item) => {
          const at = options.dateOf(item);
          return at !== null && at >= sub.lower && at < sub.upper && window.keep(item);
        };
      },
      judge: (j, page) => {
        const { lower, upper } = asked(j);
        // Occurrences whose start and end are readable and that do not meet [lower, upper): the window was ignored.
        const outside = page.items.some((item) => {
          const start = msOf(readStart(item));
          const end = msOf(readEnd(item));
          return start >= upper || end < lower;
        });
        return outside ? 'ignored' : null;
      },
      concurrency: options.concurrency,
      ...signal,
      wanted: options.wanted ?? null,
      rowsPerWindow,
      pageLimit: officernd.pageLimit,
      ...(options.onIgnored ? { onIgnored: options.onIgnored } : {}),
    }))
      yield { items: part.items, more: part.more };
    return;
  } catch (error) {
    if (!(error instanceof NoSplit)) throw error;
  }
  yield* walk(null);
}
