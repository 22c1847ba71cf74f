import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_SETTINGS } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { DEFAULT_MAX_CONCURRENCY } from '../../src/officernd/client.ts';
import { generateDataset } from '../../src/simulator/generate.ts';
import { createOccurrenceIndex, type OccurrenceIndex } from '../../src/simulator/occurrences.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW } from '../helpers.ts';
import { type CountedStack, countedExportStack } from './support.ts';

// Issue 21: where a parallel occurrence export cuts its window (core/occurrence-split.ts). §6.2 answers the
// occurrences OVERLAPPING a window, so one under way at a cut comes back from the sub-windows on both sides (written
// once): cuts moved to the quietest minute of day the first page shows keep those repeats few. On the bench's busy
// space (64,000 bookings: 8,000 members, about 5,000 bookings every 10 days, bench/windows.ts), 30 days ending
// yesterday (from a Saturday), the bookings' spread learnt as at start-up: the rows are exactly one walk's, in its
// order; calls at most one walk's pages, plus one per sub-window, plus the plan's first page. Counts only.

const DAY = 86_400_000;
const FROM = '2026-10-17';
const TO = '2026-11-15';
const START = Date.parse(`${FROM}T00:00:00.000Z`);
const END = Date.parse(`${TO}T00:00:00.000Z`) + DAY;

let stack: CountedStack;
let model: OccurrenceIndex;

beforeAll(async () => {
  const dataset = generateDataset({ scale: 3.2, years: 0.1, bookingDensity: 25, seed: 42, now: TEST_NOW, org: 'demo' });
  model = createOccurrenceIndex(dataset.collections.bookings);
  const upstream = { ...DEFAULT_GATEWAY_SETTINGS.upstream, maxConcurrency: DEFAULT_MAX_CONCURRENCY };
  stack = countedExportStack({ dataset, v1Filters: 'all', learnItems: 100_000, settings: { upstream } });
  await stack.learn();
}, 120_000);

const occurrenceCalls = () =>
  stack.simulator.log.entries().filter((e) => e.kind === 'api' && e.collection === 'bookings/occurrences');

/** The occurrences under way at `at` by the simulator's own model: a window from there answers them (§6.2). */
const underWayAt = (at: number): number =>
  model.expand({ windowStart: at - 1, windowEnd: at, predicate: null, key: '' }).length;

describe('a busy month’s occurrence export', () => {
  it('cuts where little is under way: calls within one walk’s pages + one per sub-window + 1, rows exact', async () => {
    // One walk of the window, as OfficeRnD is asked for it (from 1 ms before its start): its pages and rows.
    const logger = createLogger({ level: 'error', secrets: ['demo-secret'], write: () => undefined });
    const officernd = demoClient(stack.simulator, { logger, maxRequestsPerMinute: 1_000_000 });
    stack.reset();
    const walked: string[] = [];
    for await (const page of officernd.occurrencePages({ start: new Date(START - 1), end: new Date(END) }))
      for (const o of page.items)
        if (Date.parse(o.start?.dateTime ?? '') >= START) walked.push(`${o._id},${o.start?.dateTime}`);
    const walkPages = occurrenceCalls().length;
    expect(walked.length).toBeGreaterThan(15_000);

    stack.reset();
    const response = await stack.gateway.fetch(
      `http://gateway.test/reports/booking-occurrences.csv?columns=_id,start.dateTime&from=${FROM}&to=${TO}&timeZone=UTC`,
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('#ERROR');
    // The walk's rows, once each, in its order (by start).
    expect(text.split('\r\n').slice(1, -1)).toEqual(walked);

    const calls = occurrenceCalls();
    const firsts = calls.filter((e) => e.query.$next === undefined && e.query.$cursorNext === undefined);
    // The plan's first page, then the sub-windows' first pages.
    const subWindows = firsts.length - 1;
    expect(subWindows).toBeGreaterThanOrEqual(DEFAULT_MAX_CONCURRENCY);
    expect(calls.length).toBeLessThanOrEqual(walkPages + subWindows + 1);

    // Each cut (a sub-window's start but the first's: asked 1 ms before it) repeats what is under way there. Cut at
    // equal lengths, this month repeated 2,801 occurrences (13 calls over the bound); at the quiet minute, a few.
    const cuts = firsts.slice(2).map((e) => Date.parse(e.query.start ?? '') + 1);
    expect(cuts).toHaveLength(subWindows - 1);
    const repeats = cuts.map(underWayAt);
    expect(Math.max(...repeats)).toBeLessThanOrEqual(10);
    expect(repeats.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2 * cuts.length);
  }, 180_000);
});
