import { describe, expect, it } from 'vitest';
import { MAX_BUFFERED_PAGES } from '../../src/core/sub-windows.ts';
import { DEFAULT_GATEWAY_SETTINGS } from '../../src/config.ts';
import { DEFAULT_MAX_CONCURRENCY } from '../../src/officernd/client.ts';
import type { OfficeRnDClientOptions } from '../../src/officernd/index.ts';
import type { WireBooking } from '../../src/officernd/types.ts';
import type { V1FilterMode } from '../../src/simulator/model.ts';
import { createOccurrenceIndex, type OccurrenceIndex } from '../../src/simulator/occurrences.ts';
import { largeOrgDataset } from '../dates/large-org.ts';
import { TEST_NOW } from '../helpers.ts';
import { type CountedStack, countedExportStack } from './support.ts';
import { versionClient } from '../versions/support.ts';

// Issue 21: a booking-occurrence export of a long window is read in date sub-windows of that window, several at once
// (UPSTREAM_MAX_CONCURRENCY), on the large organization (scale 3.2 × 2 years ≈ 51,200 bookings). Counts only: the rows
// are exactly the occurrences the simulator's own model gives for the window, each once, ordered by start (the
// report's documented order); calls at most the pages the rows need plus one per sub-window (the first page read to
// plan the split counts as one); calls overlap; the stream reads a bounded number of pages ahead.

const DAY = 86_400_000;
// The default (UPSTREAM_MAX_CONCURRENCY), which the gateway reads sub-windows with and the client is given.
const CONCURRENCY = DEFAULT_MAX_CONCURRENCY;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** 90 days ending yesterday. */
const FROM = day(TEST_NOW.getTime() - 90 * DAY);
const TO = day(TEST_NOW.getTime() - DAY);
const DATES = `&from=${FROM}&to=${TO}&timeZone=UTC`;
const START = Date.parse(`${FROM}T00:00:00.000Z`);
const END = Date.parse(`${TO}T00:00:00.000Z`) + DAY;

const dataset = largeOrgDataset();
let model: OccurrenceIndex | undefined;
/** The simulator's own occurrence model of the dataset (what each window is answered), built once. */
const modelOf = (): OccurrenceIndex => {
  model ??= createOccurrenceIndex(dataset().collections.bookings);
  return model;
};

type Stack = CountedStack;

/** Simulator → client → gateway, counting calls in flight (and may rewrite an occurrence window). */
function stackOf(
  mode: V1FilterMode,
  client: Partial<OfficeRnDClientOptions> = {},
  rewrite: (url: URL) => void = () => undefined,
): Stack {
  // Sub-windows open at once (the gateway's UPSTREAM_MAX_CONCURRENCY) as many as the client's calls in flight.
  const upstream = { ...DEFAULT_GATEWAY_SETTINGS.upstream, maxConcurrency: client.maxConcurrency ?? CONCURRENCY };
  return countedExportStack({
    dataset: dataset(),
    v1Filters: mode,
    rewrite,
    client: { maxConcurrency: CONCURRENCY, ...client },
    learnItems: 100_000,
    settings: { upstream },
  });
}

/** The occurrences of [start, end) by the simulator's own model: how many it answers for the window, the rows kept. */
function expected(predicate: ((booking: WireBooking) => boolean) | null = null, start = START, end = END) {
  const answered = modelOf().expand({
    windowStart: start,
    windowEnd: end,
    predicate: predicate as never,
    key: '',
  });
  const kept = answered.filter((o) => Date.parse(o.start?.dateTime ?? '') >= start);
  return { answered: answered.length, rows: kept.map((o) => `${o._id},${o.start?.dateTime}`) };
}

async function exportRows(stack: Stack, query: string): Promise<string[]> {
  const response = await stack.gateway.fetch(
    `http://gateway.test/reports/booking-occurrences.csv?columns=_id,start.dateTime${query}`,
  );
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text).not.toContain('#ERROR');
  return text.split('\r\n').slice(1, -1);
}

/** Occurrence calls: all, and first pages (a walk's start: the plan's first page and each sub-window's). */
function reads(stack: Stack): { first: number; pages: number; starts: string[] } {
  const calls = stack.simulator.log
    .entries()
    .filter((e) => e.kind === 'api' && e.collection === 'bookings/occurrences');
  const resumed = (query: Record<string, string>) => query.$next !== undefined || query.$cursorNext !== undefined;
  const firsts = calls.filter((e) => !resumed(e.query));
  return { first: firsts.length, pages: calls.length, starts: firsts.map((e) => e.query.start ?? '') };
}

describe.each(['all', 'documented', 'strict'] as const)('a 90-day occurrence export, v1 filters %s', (mode) => {
  it('is read in parallel date sub-windows: the simulator’s occurrences once each, by start, calls near the pages', async () => {
    const stack = stackOf(mode);
    stack.reset();
    const rows = await exportRows(stack, DATES);
    const want = expected();
    expect(want.rows.length).toBeGreaterThan(10_000);
    // Exactly the simulator's occurrences, each once, in the report's order (by start, then OfficeRnD's order).
    expect(rows).toEqual(want.rows);
    const { first, pages, starts } = reads(stack);
    // The plan's first page, then sub-windows that ask ascending, overlapping-free windows.
    expect(first).toBeGreaterThan(CONCURRENCY);
    expect(starts.slice(1)).toEqual([...starts.slice(1)].sort());
    // One walk would read ceil(answered / 100) pages: each sub-window adds at most one partial page (the plan's first
    // page included). The occurrences under way at a cut are answered by both sub-windows: cut at the quiet minute of
    // the day, fewer than one a cut (at equal lengths these 90 days repeated 451).
    expect(pages).toBeLessThanOrEqual(Math.ceil(want.answered / 100) + first);
    const cuts = starts.slice(2).map((start) => Date.parse(start) + 1);
    expect(cuts).toHaveLength(first - 2);
    expect(cuts.map((at) => expected(null, at - 1, at).answered).reduce((a, b) => a + b, 0)).toBeLessThan(cuts.length);
    expect(stack.maxInFlight()).toBeGreaterThan(1);
    expect(stack.maxInFlight()).toBeLessThanOrEqual(CONCURRENCY);
  }, 120_000);
});

describe('a window that starts on a quiet weekend', () => {
  it('is still cut for its busy weeks once the bookings’ spread is learnt', async () => {
    // 30 days from a Saturday: the first page spans the weekend and Monday morning, a third of the month's rate.
    const from = Date.parse('2026-10-17T00:00:00.000Z');
    const dates = '&from=2026-10-17&to=2026-11-15&timeZone=UTC';
    const want = expected(null, from, END);
    const walk = Math.ceil(want.answered / 100);
    const probeOnly = stackOf('all');
    probeOnly.reset();
    expect(await exportRows(probeOnly, dates)).toEqual(want.rows);
    const guessed = reads(probeOnly).first - 1;
    const learnt = stackOf('all');
    await learnt.learn();
    learnt.reset();
    expect(await exportRows(learnt, dates)).toEqual(want.rows);
    const { first, pages } = reads(learnt);
    // The probe alone guessed a read of few sub-windows; the learnt spread (bookings in the month) cuts it finer.
    expect(guessed).toBeLessThan(CONCURRENCY);
    expect(first - 1).toBeGreaterThan(3 * guessed);
    expect(pages).toBeLessThanOrEqual(walk + first);
  }, 120_000);
});

describe('filters on a parallel occurrence export', () => {
  it('are sent per sub-window and checked on every row', async () => {
    const stack = stackOf('documented');
    const office = dataset().collections.offices[0]?._id as string;
    stack.reset();
    const rows = await exportRows(stack, `${DATES}&office=${office}`);
    const want = expected((booking) => booking.office === office);
    expect(rows.length).toBeGreaterThan(1_000);
    expect(rows).toEqual(want.rows);
    const calls = stack.simulator.log.entries().filter((e) => e.collection === 'bookings/occurrences');
    expect(calls.every((e) => e.query.office === office)).toBe(true);
    expect(reads(stack).first).toBeGreaterThan(2);
  }, 120_000);
});

describe('over OfficeRnD v2 (50 a page)', () => {
  it('reads the window in sub-windows, exactly, calls near its pages', async () => {
    const stack = stackOf('all', versionClient('v2'));
    stack.reset();
    const rows = await exportRows(stack, DATES);
    const want = expected();
    expect(rows).toEqual(want.rows);
    const { first, pages } = reads(stack);
    expect(first).toBeGreaterThan(CONCURRENCY);
    expect(pages).toBeLessThanOrEqual(Math.ceil(want.answered / 50) + first);
    expect(stack.maxInFlight()).toBeGreaterThan(1);
  }, 120_000);
});

describe('a limit', () => {
  it('gives the first rows of the whole export, opening only the sub-windows they need', async () => {
    const stack = stackOf('all');
    const want = expected();
    stack.reset();
    expect(await exportRows(stack, `${DATES}&limit=150`)).toEqual(want.rows.slice(0, 150));
    // The plan's first page, then two pages of the first sub-window (it holds far more than 150 rows).
    expect(reads(stack)).toMatchObject({ first: 2, pages: 3 });
    expect(await exportRows(stack, `${DATES}&limit=2500`)).toEqual(want.rows.slice(0, 2500));
    // A limit the first page fills: that page is the answer.
    stack.reset();
    expect(await exportRows(stack, `${DATES}&limit=40`)).toEqual(want.rows.slice(0, 40));
    expect(reads(stack)).toMatchObject({ first: 1, pages: 1 });
  }, 120_000);
});

describe('a short window', () => {
  it('is one walk, the plan’s first page its first page', async () => {
    const stack = stackOf('all');
    stack.reset();
    // Three days: a few pages, fewer than two sub-windows' worth.
    const rows = await exportRows(stack, `&from=${day(END - 3 * DAY)}&to=${TO}&timeZone=UTC`);
    const want = expected(null, END - 3 * DAY, END);
    expect(rows).toEqual(want.rows);
    expect(want.answered).toBeGreaterThan(100);
    expect(reads(stack)).toMatchObject({ first: 1, pages: Math.ceil(want.answered / 100) });
  }, 120_000);
});

describe('a window OfficeRnD ignores', () => {
  it('falls back to one walk before any row (exact), notes it, and no longer splits', async () => {
    const outer = new Date(START).toISOString();
    // OfficeRnD answering every sub-window from the selection's start: the later ones' first pages show it.
    const stack = stackOf('all', {}, (url) => {
      if (url.pathname.endsWith('/bookings/occurrences') && (url.searchParams.get('start') ?? '') > outer)
        url.searchParams.set('start', outer);
    });
    const want = expected();
    stack.reset();
    expect(await exportRows(stack, DATES)).toEqual(want.rows);
    const walk = Math.ceil(want.answered / 100);
    const { first, pages } = reads(stack);
    // The plan's first page, the first wave of sub-windows (at most the concurrency), then one walk.
    expect(first).toBeLessThanOrEqual(CONCURRENCY + 2);
    expect(pages).toBeLessThanOrEqual(walk + 2 * CONCURRENCY + 1);
    expect(stack.logs.some((line) => line.includes('ignored a filter') && line.includes('occurrences'))).toBe(true);
    stack.reset();
    expect(await exportRows(stack, DATES)).toEqual(want.rows);
    expect(reads(stack)).toMatchObject({ first: 1, pages: walk });
  }, 120_000);
});

describe('bounded memory', () => {
  it('stops every sub-window when the reader cancels', async () => {
    const stack = stackOf('all');
    // Calls take a while, so that sub-windows are still reading when the reader goes.
    stack.simulator.setFaults({ latencyMs: 20 });
    stack.reset();
    const response = await stack.gateway.fetch(
      `http://gateway.test/reports/booking-occurrences.ndjson?columns=_id,start.dateTime${DATES}`,
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.read();
    const atCancel = reads(stack).pages;
    await reader.cancel();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
    await settle();
    const after = reads(stack).pages;
    await settle();
    expect(reads(stack).pages).toBe(after);
    // At most the calls already in flight were answered: no sub-window read on.
    expect(after).toBeLessThanOrEqual(atCancel + CONCURRENCY);
    expect(after).toBeLessThan(Math.ceil(expected().answered / 100));
  }, 120_000);

  it('reads a bounded number of pages ahead of a slow reader, in parallel', async () => {
    const stack = stackOf('all');
    stack.reset();
    const response = await stack.gateway.fetch(
      `http://gateway.test/reports/booking-occurrences.ndjson?columns=_id,start.dateTime${DATES}`,
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let chunks = 0;
    let most = 0;
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      chunks += 1;
      // Let every read that can start start before counting.
      for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      // Pages asked for beyond those written: at most the open sub-windows' read-ahead (and the plan's first page).
      most = Math.max(most, reads(stack).pages - chunks);
    }
    expect(chunks).toBeGreaterThan(40);
    expect(most).toBeLessThanOrEqual(CONCURRENCY * MAX_BUFFERED_PAGES + 2);
    expect(most).toBeGreaterThan(2);
  }, 120_000);
});
