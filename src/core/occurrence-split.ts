/**
 * Booking-occurrence exports in parallel (issue 21): a reader that never resumes (an export) reads a long occurrence
 * selection in date sub-windows of its upstream windows (§6.2: `start`/`end` are documented), several at once through
 * the ordered parallel read of core/sub-windows.ts; a short one is one walk (dates/occurrence-pages.ts).
 *
 * Where the cuts go. §6.2 answers the occurrences OVERLAPPING a window, so an occurrence under way at a cut comes back
 * from both sub-windows (each writes only those that start in it: the rows stay exact, the repeat costs calls). The
 * first page of the first window (the probe) shows, for every minute it covers, how many occurrences are under way
 * there (it holds those under way at the selection's start, then every one starting up to its last row, in start
 * order: exact up to that row). A selection starts at midnight in its time zone, so the probe usually covers the
 * night, when little is booked. Each equal-length cut moves, within half a sub-window of it, to a minute of day
 * (counted from the selection's start, a day being 1,440 minutes) with the fewest under way on the probe; of those
 * the deepest in its quiet stretch (the middle of the night, not a lull between meetings that a weekend probe shows
 * as just as empty), then the nearest. Cuts stay whole minutes, strictly increasing, inside the selection and off
 * the year windows' edges (those are cuts already). A minute the probe does not cover is never chosen, and a probe
 * of part of a day (a busy space, or a selection whose midnight is another office's morning: its rows per ms are
 * that busy hour's, an estimate of far too many rows) cuts no finer than the rest of the day, so that every cut
 * reaches a minute it shows (on the bench's busy space, 30 days from 07:00 UTC: 28 sub-windows and 181 calls for
 * 167 pages, where cutting as finely as the estimate asked, 256 at hours it did not show, made 547). A selection
 * across a DST change keeps the probe's UTC offset (the quiet hours are wider than the hour it moves).
 * On the bench's busy month (16,670 occurrences, 32 sub-windows) the cuts' repeats fall from 2,801 to 40 occurrences
 * and its calls from 213 to 183 (one walk: 168 pages; test/reports/occurrence-cuts.test.ts).
 *
 * Long occurrences (all day, several days) are under way at every cut they span, quiet or not: no cut avoids them and
 * OfficeRnD has no filter on an occurrence's start alone. The probe says how many there are at the quietest minute;
 * while that is at most half a page, the repeats fit in the half page a sub-window's partial last page leaves free
 * on average (the promise: at most one partial page more per sub-window). Beyond it every cut costs more than that,
 * so the read takes no more sub-windows than it reads at once (UPSTREAM_MAX_CONCURRENCY): still one round of
 * parallel reads, the fewest cuts.
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
const DAY_MINUTES = 1_440;
/** Days of the probe folded into its minute-of-day profile at most (a probe of a whole quiet window may span more). */
const PROFILE_DAYS = 7;

const readStart = dateFieldOf(REPORT_DATES.occurrences, 'START').read;
const readEnd = dateFieldOf(REPORT_DATES.occurrences, 'END').read;
const msOf = (value: string | null | undefined): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

/** One sub-window of an occurrence read: the rows it keeps, `[lower, upper)` of their date, in year window `window`. */
export interface OccurrenceSubWindow {
  window: number;
  lower: number;
  upper: number;
}

/**
 * How many of the probe's occurrences are under way (started before, not yet ended: a sub-window starting there
 * answers them again) at each minute of day counted from `start`, the mean over the probe's days: index `m` is the
 * minutes `start + m + 1,440 k`, for every whole minute from `start` to `coveredUntil` (at most PROFILE_DAYS days).
 * NaN where the probe covers no such minute. An occurrence without a readable end counts as lasting no time.
 */
export function underWayByMinute(
  items: readonly WireBookingOccurrence[],
  start: number,
  coveredUntil: number,
): Float64Array {
  const minutes = Math.min(Math.floor((coveredUntil - start) / MINUTE), PROFILE_DAYS * DAY_MINUTES - 1);
  const profile = new Float64Array(DAY_MINUTES).fill(Number.NaN);
  if (minutes < 0) return profile;
  // Under way at minute m (the instant start + m minutes): began before it and ends at it or later.
  const steps = new Int32Array(minutes + 2);
  for (const item of items) {
    const began = msOf(readStart(item));
    if (Number.isNaN(began)) continue;
    const ended = msOf(readEnd(item));
    const from = began < start ? 0 : Math.floor((began - start) / MINUTE) + 1;
    const to = Math.min(minutes, Math.floor(((Number.isNaN(ended) ? began : ended) - start) / MINUTE));
    if (from > to) continue;
    steps[from] = (steps[from] as number) + 1;
    steps[to + 1] = (steps[to + 1] as number) - 1;
  }
  const sums = new Float64Array(DAY_MINUTES);
  const days = new Float64Array(DAY_MINUTES);
  for (let m = 0, under = 0; m <= minutes; m += 1) {
    under += steps[m] as number;
    const minute = m % DAY_MINUTES;
    sums[minute] = (sums[minute] as number) + under;
    days[minute] = (days[minute] as number) + 1;
  }
  for (let m = 0; m < DAY_MINUTES; m += 1)
    if ((days[m] as number) > 0) profile[m] = (sums[m] as number) / (days[m] as number);
  return profile;
}

/**
 * How far each minute of the profile lies from the nearest minute with more than `fewest` under way or not covered
 * (minutes, around the day; Infinity when there is none): the middle of a long quiet stretch (the night) beats a
 * short lull between bookings that a quiet probe day (a weekend) shows as just as empty.
 */
function quietDepth(profile: Float64Array, fewest: number): Float64Array {
  const depth = new Float64Array(DAY_MINUTES).fill(Number.POSITIVE_INFINITY);
  const busy = (m: number) => {
    const under = profile[m] as number;
    return Number.isNaN(under) || under > fewest;
  };
  // Two laps each way around the day: every minute sees its nearest busy minute on both sides.
  for (const step of [1, -1]) {
    let since = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 2 * DAY_MINUTES; k += 1) {
      const m = (((step * k) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
      since = busy(m) ? 0 : since + 1;
      depth[m] = Math.min(depth[m] as number, since);
    }
  }
  return depth;
}

/**
 * The cut for `at` among the whole minutes of `[lowest, highest]`: one with the fewest occurrences under way on the
 * profile (the minute of day counted from `start`), of those the deepest in its quiet stretch (quietDepth), of those
 * the nearest `at`; `at` itself when the profile covers none of them. A range longer than a day holds every minute
 * of day within half a day of `at`: only those are looked at.
 */
function quietCut(at: number, lowest: number, highest: number, start: number, profile: Float64Array): number {
  const from = Math.max(lowest, at - (DAY_MINUTES / 2) * MINUTE);
  const to = Math.min(highest, at + (DAY_MINUTES / 2) * MINUTE);
  const minuteOf = (cut: number) => ((Math.floor((cut - start) / MINUTE) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  let fewest = Number.POSITIVE_INFINITY;
  for (let cut = from; cut <= to; cut += MINUTE) {
    const under = profile[minuteOf(cut)] as number;
    if (under < fewest) fewest = under;
  }
  if (fewest === Number.POSITIVE_INFINITY) return at;
  const depth = quietDepth(profile, fewest);
  let best = at;
  let deepest = -1;
  for (let cut = from; cut <= to; cut += MINUTE) {
    const minute = minuteOf(cut);
    if (profile[minute] !== fewest) continue;
    const deep = depth[minute] as number;
    if (deep > deepest || (deep === deepest && Math.abs(cut - at) < Math.abs(best - at))) {
      deepest = deep;
      best = cut;
    }
  }
  return best;
}

/**
 * Where to cut an occurrence selection, from the first upstream page of its first window (the probe): its rows
 * per ms (the dates of its rows from the window's start to its last one; exact when the window has one page) times
 * the selection's length is the expected rows, or `atLeast` when more (the bookings the learnt spread puts in the
 * selection: a probe of a quiet weekend must not make a busy month one walk), cut by subWindowCount into
 * sub-windows of equal length, each cut then moved to the quietest minute of day the probe shows within half a
 * sub-window of it (see the module comment; no more sub-windows than `concurrency` when even that minute has more
 * than half a page under way). The year windows' edges are cuts too, so no sub-window crosses one. Cut points are
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
  const covered = probe.next === null ? first.end.getTime() : Math.max(start, ...dates);
  const span = covered - start;
  const rate = dates.length / Math.max(MINUTE, span);
  const expected = Math.max(atLeast, rate * (end - start));
  const profile = underWayByMinute(probe.items, start, covered);
  const quietest = Math.min(...Array.from(profile).filter((under) => !Number.isNaN(under)));
  let count = Math.min(
    subWindowCount(expected / pageLimit, concurrency),
    concurrency * MAX_OCCURRENCE_SUB_WINDOWS_PER_SLOT,
  );
  // Long occurrences under way even at the quietest minute, more than half a page: each cut costs more than the
  // partial page it is allowed; one round of reads at once, the fewest cuts.
  if (Number.isFinite(quietest) && quietest > pageLimit / 2) count = Math.min(count, concurrency);
  // A probe of part of a day shows the quiet minutes of that part only: no sub-window shorter than the rest of the
  // day, so that every cut can reach a minute it shows (a cut at an hour it does not show may be a busy one).
  const shown = profile.reduce((n, under) => (Number.isNaN(under) ? n : n + 1), 0);
  if (shown < DAY_MINUTES) count = Math.min(count, Math.floor((end - start) / ((DAY_MINUTES - shown + 1) * MINUTE)));
  if (count < 2) return null;
  const edges = [start, ...windows.slice(1).map((w) => w.start.getTime()), end];
  const cuts = new Set<number>(edges.slice(1, -1));
  // Each cut moves at most half a sub-window either way (whole minutes), so that cuts stay in order.
  const reach = Math.floor((end - start) / count / 2 / MINUTE) * MINUTE;
  for (let j = 1; j < count; j += 1) {
    const at = Math.round((start + ((end - start) * j) / count) / MINUTE) * MINUTE;
    const after = edges.findLastIndex((edge) => edge < at);
    const below = edges[after] as number;
    const above = edges[after + 1] as number;
    // A cut on a year window's edge is that edge; others stay strictly between the edges around them.
    if (at >= above) continue;
    const lowest = Math.max(at - reach, Math.floor(below / MINUTE) * MINUTE + MINUTE);
    const highest = Math.min(at + reach - MINUTE, Math.ceil(above / MINUTE) * MINUTE - MINUTE);
    cuts.add(lowest > highest ? at : quietCut(at, lowest, highest, start, profile));
  }
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
