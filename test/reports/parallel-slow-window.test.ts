import { beforeAll, describe, expect, it } from 'vitest';
import {
  heldPagesBound,
  MAX_BUFFERED_PAGES,
  subWindowCount,
  WINDOWS_AHEAD_PER_CALL,
} from '../../src/core/sub-windows.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createCollectionSizes, createSizeLearner } from '../../src/loaders/collection-sizes.ts';
import { createLogger } from '../../src/logger.ts';
import { DEFAULT_MAX_CONCURRENCY } from '../../src/officernd/client.ts';
import type { Dataset } from '../../src/simulator/generate.ts';
import { createSimulator, NEXT_HEADER } from '../../src/simulator/index.ts';
import { createLargeOrg } from '../dates/large-org.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW } from '../helpers.ts';

// Issue 21: a whole export read in createdAt sub-windows keeps every call busy while the writer waits on a slow
// sub-window. One that has read its last page frees its call for the next sub-window (its pages wait for the writer),
// within a bound on the pages held (heldPagesBound) and on the sub-windows open ahead. Counts only: the first
// sub-window's pages after its first are held back by the fetch until the test lets them go, never by time.

const CONCURRENCY = DEFAULT_MAX_CONCURRENCY;

let dataset: Dataset;

beforeAll(() => {
  dataset = createLargeOrg().simulator.dataset;
}, 120_000);

/** What the fetch in front of the simulator saw of the bookings sub-windows. */
interface Seen {
  inFlight: number;
  /** Most calls in flight at once once a sub-window had read its last page. */
  mostAfterOneDone: number;
  /** Sub-windows (after the first) that have read their last page. */
  done: number;
  /** Pages of the sub-windows after the first: answered, and asked for (answered or in flight). */
  answeredAhead: number;
  askedAhead: number;
  /** Sub-windows begun: first pages asked for (no cursor). */
  begun: number;
}

interface Stack {
  gateway: Gateway;
  seen: Seen;
  /** Lets the first sub-window's held pages (and later ones) through. */
  release(): void;
}

/**
 * Simulator → a fetch that holds back the first sub-window's later pages (createdAt below its upper bound, no lower
 * bound, a cursor)
 * and counts the others → client (UPSTREAM_MAX_CONCURRENCY calls at once) → gateway, with the bookings' spread learnt.
 */
async function stackOf(): Promise<Stack> {
  const simulator = createSimulator({ dataset, now: TEST_NOW, v1Populate: 'ignored' });
  const seen: Seen = { inFlight: 0, mostAfterOneDone: 0, done: 0, answeredAhead: 0, askedAhead: 0, begun: 0 };
  let holding = false;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const counted: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const params = url.searchParams;
    const first = url.pathname.endsWith('/bookings') && params.has('createdAt.$lt') && !params.has('createdAt.$gte');
    const ahead = url.pathname.endsWith('/bookings') && params.has('createdAt.$gte');
    seen.inFlight += 1;
    if (seen.done > 0) seen.mostAfterOneDone = Math.max(seen.mostAfterOneDone, seen.inFlight);
    if (ahead) seen.askedAhead += 1;
    if ((first || ahead) && !params.has('$next')) seen.begun += 1;
    try {
      // Its first page comes (the first wave's verdict needs it), the next ones wait.
      if (first && holding && params.has('$next')) await held;
      const response = await simulator.fetch(url.href, init);
      if (ahead) {
        seen.answeredAhead += 1;
        if (!response.headers.get(NEXT_HEADER)) seen.done += 1;
      }
      return response;
    } finally {
      seen.inFlight -= 1;
    }
  };
  const logger = createLogger({ level: 'error', secrets: ['demo-secret'], write: () => undefined });
  const officernd = demoClient(simulator, {
    logger,
    fetch: counted,
    maxRequestsPerMinute: 1_000_000,
    maxConcurrency: CONCURRENCY,
  });
  const sizes = createCollectionSizes();
  await createSizeLearner({ officernd, sizes, pauseMs: 0, maxItems: 100_000 }).learn(['bookings'], undefined, {
    whole: true,
  });
  holding = true;
  return { gateway: createGateway({ officernd, logger, sizes, clock: () => TEST_NOW }), seen, release };
}

/** Waits (a bounded number of short polls, asserting nothing about time) until the reads ahead have stopped. */
async function untilStill(seen: Seen): Promise<void> {
  let last = -1;
  let still = 0;
  for (let i = 0; i < 2_000 && still < 5; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    still = seen.inFlight === 1 && seen.askedAhead === last ? still + 1 : 0;
    last = seen.askedAhead;
  }
  if (still < 5) throw new Error('the reads ahead did not stop');
}

/** Items in sub-window order: ascending createdAt, OfficeRnD's (the simulator's) order among equal values. */
const inCreatedOrder = (items: readonly { _id: string; createdAt?: string | null }[]): string[] =>
  items
    .map((item, index) => ({ id: item._id, at: Date.parse(item.createdAt ?? ''), index }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((item) => item.id);

describe('a slow first sub-window', () => {
  it('does not idle the calls: finished sub-windows give theirs to the next, within the bound on pages held', async () => {
    const stack = await stackOf();
    const bookings = dataset.collections.bookings;
    const pages = Math.ceil(bookings.length / 100);
    // Enough sub-windows that more than one wave of them is read.
    expect(subWindowCount(pages, CONCURRENCY)).toBeGreaterThan(2 * CONCURRENCY);
    const response = stack.gateway.fetch('http://gateway.test/reports/bookings.csv?columns=_id');

    // The writer waits on the first sub-window, whose second page is held back; the others read on.
    await untilStill(stack.seen);
    const { seen } = stack;
    // Calls were all busy after sub-windows had finished: finished ones do not keep their calls idle ...
    expect(seen.done).toBeGreaterThan(0);
    expect(seen.mostAfterOneDone).toBe(CONCURRENCY);
    // ... so more sub-windows were begun than the first wave, but no more than the bound on those open ahead.
    expect(seen.begun).toBeGreaterThan(CONCURRENCY);
    expect(seen.begun).toBeLessThanOrEqual(WINDOWS_AHEAD_PER_CALL * CONCURRENCY);
    // Nothing was written yet, so every page read ahead is held: within the bound (the first sub-window's share of
    // it kept for its own pages), and the reads ahead stopped at it, not before.
    const aheadBound = heldPagesBound(CONCURRENCY) - MAX_BUFFERED_PAGES;
    expect(seen.answeredAhead).toBe(seen.askedAhead);
    expect(seen.askedAhead).toBeLessThanOrEqual(aheadBound);
    expect(seen.askedAhead).toBeGreaterThan(aheadBound - MAX_BUFFERED_PAGES);

    // Let the first sub-window through: every booking once, in sub-window order, calls near the pages.
    stack.release();
    const text = await (await response).text();
    expect(text).not.toContain('#ERROR');
    const ids = text.split('\r\n').slice(1, -1);
    expect(ids).toEqual(inCreatedOrder(bookings));
    expect(seen.askedAhead).toBeLessThanOrEqual(pages + subWindowCount(pages, CONCURRENCY));
  }, 120_000);
});
