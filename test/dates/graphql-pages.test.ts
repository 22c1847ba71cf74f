import { beforeAll, describe, expect, it } from 'vitest';
import { createHandOver, type HandOverStore } from '../../src/core/hand-over.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createCollectionSizes, type CollectionSizes } from '../../src/loaders/collection-sizes.ts';
import { createLogger } from '../../src/logger.ts';
import type { Dataset } from '../../src/simulator/generate.ts';
import { createSimulator, type Simulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW } from '../helpers.ts';
import { createLargeOrg, FROM, inWindow, TO } from './large-org.ts';

// Issue 21: a GraphQL page of a dated list (or of `report(...)`) answers `first` matching nodes (or all that remain),
// never an empty or short page while rows remain, on an organization of a real size (scale 3.2 × 2 years ≈ 51,200
// bookings); paged to the end, it reads each OfficeRnD page once (the page a GraphQL page ends in is handed to the
// request resuming there, core/hand-over.ts), so the calls stay within 1.2 × the window's pages + 5. In every v1
// filter mode.

const DAY = 86_400_000;
type Mode = 'all' | 'documented' | 'strict';

let dataset: Dataset;

beforeAll(() => {
  dataset = createLargeOrg().simulator.dataset;
}, 120_000);

interface Stack {
  simulator: Simulator;
  gateway: Gateway;
  sizes: CollectionSizes;
  /** Another gateway over the same OfficeRnD and learnt sizes (another replica): its own hand-over. */
  replica(handOver?: HandOverStore): Gateway;
}

function stackOf(mode: Mode, handOver?: HandOverStore): Stack {
  const simulator = createSimulator({ dataset, now: TEST_NOW, v1Filters: mode });
  const logger = createLogger({ level: 'error', secrets: ['demo-secret'], write: () => undefined });
  const officernd = demoClient(simulator, { logger, maxRequestsPerMinute: 1_000_000 });
  const sizes = createCollectionSizes();
  const replica = (store?: HandOverStore) =>
    createGateway({ officernd, logger, sizes, clock: () => TEST_NOW, ...(store ? { handOver: store } : {}) });
  return { simulator, gateway: replica(handOver), sizes, replica };
}

interface PageAnswer {
  ids: string[];
  hasNextPage: boolean;
  endCursor: string | null;
}

interface Window {
  from: string;
  to: string;
}

async function post(gateway: Gateway, query: string, variables: Record<string, unknown>) {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  expect(body.errors).toBeUndefined();
  return body.data ?? {};
}

/** One page of `bookings(dates: …)`. */
async function listPage(gateway: Gateway, after: string | null, window: Window, first: number): Promise<PageAnswer> {
  const data = await post(
    gateway,
    `query ($after: String, $from: Date!, $to: Date!, $first: Int) {
      bookings(dates: { from: $from, to: $to, timeZone: "UTC" }, first: $first, after: $after) {
        nodes { id } pageInfo { hasNextPage endCursor }
      }
    }`,
    { after, ...window, first },
  );
  const { nodes, pageInfo } = data.bookings as {
    nodes: { id: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  return { ids: nodes.map((n) => n.id), ...pageInfo };
}

/** One page of `report(name: BOOKINGS, columns: ["_id"], dates: …)`. */
async function reportPage(gateway: Gateway, after: string | null, window: Window, first: number): Promise<PageAnswer> {
  const data = await post(
    gateway,
    `query ($after: String, $dates: DateSelection, $first: Int) {
      report(name: BOOKINGS, columns: ["_id"], dates: $dates, first: $first, after: $after) {
        rows pageInfo { hasNextPage endCursor }
      }
    }`,
    { after, dates: { ...window, timeZone: 'UTC' }, first },
  );
  const { rows, pageInfo } = data.report as {
    rows: string[][];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  return { ids: rows.map((row) => row[0] as string), ...pageInfo };
}

type Reader = typeof listPage;

/** Pages a read to the end: every page's ids, in order. */
async function pageToEnd(reader: Reader, gateway: Gateway, window: Window, first: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  for (let n = 0; n < 200; n += 1) {
    const answer = await reader(gateway, after, window, first);
    pages.push(answer.ids);
    if (!answer.hasNextPage) return pages;
    after = answer.endCursor;
  }
  throw new Error('no last page after 200');
}

const startOf = (b: { start?: { dateTime?: string | null; date?: string | null } | null }) =>
  b.start?.dateTime ?? b.start?.date;

/** Bookings list reads (not by id, not the look for changed bookings) made more than once, by their query. */
function repeatedReads(simulator: Simulator): string[] {
  const seen = new Map<string, number>();
  for (const entry of simulator.log.entries()) {
    if (entry.kind !== 'api' || entry.collection !== 'bookings' || entry.id !== null || entry.status !== 200) continue;
    if (entry.query['modifiedAt.$gte'] !== undefined) continue;
    const key = JSON.stringify(entry.query);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([query]) => query);
}

describe.each(['all', 'documented', 'strict'] as const)('a 10-day window through GraphQL, v1 filters %s', (mode) => {
  let stack: Stack;
  let expected: string[];
  beforeAll(async () => {
    stack = stackOf(mode);
    expected = stack.simulator.dataset.collections.bookings.filter((b) => inWindow(startOf(b))).map((b) => b._id);
    // The first dated bookings read waits for the gateway to learn the bookings' reach (one walk of every booking,
    // four fields each, outside the request's share); what is counted is the paging that follows.
    await listPage(stack.gateway, null, { from: FROM, to: TO }, 1);
  }, 120_000);

  it.each([
    ['bookings(dates: …)', listPage],
    ['report(name: BOOKINGS, dates: …)', reportPage],
  ] as const)(
    '%s, first: 500 to the end: full pages, every row once, each OfficeRnD page read once',
    async (_name, reader) => {
      expect(expected.length).toBeGreaterThan(1000);
      stack.simulator.log.reset();
      const pages = await pageToEnd(reader, stack.gateway, { from: FROM, to: TO }, 500);
      const ids = pages.flat();
      expect(pages.slice(0, -1).every((page) => page.length === 500)).toBe(true);
      expect(pages.at(-1)?.length).toBe(expected.length - 500 * (pages.length - 1));
      // Each row once; rows far from their seriesStart would come after the window's pages, so order aside.
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...expected].sort());
      // No OfficeRnD page twice: the page a GraphQL page ended in was handed to the next one.
      expect(repeatedReads(stack.simulator)).toEqual([]);
      // The window's pages (widened by a day at most) and the look for bookings changed since the reach was learnt.
      const windowPages = Math.ceil(expected.length / 100);
      expect(stack.simulator.log.count({ kind: 'api', collection: 'bookings' })).toBeLessThanOrEqual(
        1.2 * windowPages + 5,
      );
    },
    120_000,
  );
});

describe('GraphQL pages on about 51,000 bookings, v1 filters all', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = stackOf('all');
    await listPage(stack.gateway, null, { from: FROM, to: TO }, 1);
  }, 120_000);

  it('page across the far rows read by id (a series whose first week was excluded), each row once', async () => {
    const far = stack.simulator.dataset.collections.bookings.find((b) => {
      const start = Date.parse(b.start?.dateTime ?? '');
      return b.recurrence?.rrule && start - Date.parse(b.seriesStart ?? '') > DAY;
    });
    if (!far) throw new Error('the simulator lost its series whose first week was excluded');
    const on = (far.start?.dateTime ?? '').slice(0, 10);
    const expected = stack.simulator.dataset.collections.bookings
      .filter((b) => (startOf(b) ?? '').slice(0, 10) === on)
      .map((b) => b._id);
    const pages = await pageToEnd(listPage, stack.gateway, { from: on, to: on }, 7);
    const ids = pages.flat();
    expect(ids).toContain(far._id);
    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
    // The far row comes after the window's own rows.
    expect(ids.at(-1)).toBe(far._id);
  }, 120_000);

  it.each([
    ['bookings(dates: …)', listPage],
    ['report(name: BOOKINGS, dates: …)', reportPage],
  ] as const)(
    '%s: a replica without the handed page reads it again and answers the same page',
    async (_name, reader) => {
      const window = { from: FROM, to: TO };
      const first = await reader(stack.gateway, null, window, 300);
      expect(first.hasNextPage).toBe(true);
      const replica = stack.replica();
      stack.simulator.log.reset();
      const missed = await reader(replica, first.endCursor, window, 300);
      const missCalls = stack.simulator.log.count({ kind: 'api', collection: 'bookings' });
      stack.simulator.log.reset();
      const handed = await reader(stack.gateway, first.endCursor, window, 300);
      const handedCalls = stack.simulator.log.count({ kind: 'api', collection: 'bookings' });
      expect(handed).toEqual(missed);
      expect(missed.ids).toHaveLength(300);
      expect(missed.ids.some((id) => first.ids.includes(id))).toBe(false);
      // The miss costs exactly the page read again.
      expect(missCalls).toBe(handedCalls + 1);
    },
    120_000,
  );

  it('stays within its bound with many readers at once, each still paging exactly', async () => {
    const store = createHandOver({ maxPages: 2 });
    const gateway = stack.replica(store);
    // Four one-day windows paged 40 at a time, one page of each in turn: more readers than pages the store keeps.
    const days = [2, 3, 4, 5].map((back) => new Date(TEST_NOW.getTime() - back * DAY).toISOString().slice(0, 10));
    const expected = days.map((day) =>
      stack.simulator.dataset.collections.bookings
        .filter((b) => (startOf(b) ?? '').slice(0, 10) === day)
        .map((b) => b._id)
        .sort(),
    );
    const got: string[][] = days.map(() => []);
    const cursors: (string | null | undefined)[] = days.map(() => null);
    while (cursors.some((cursor) => cursor !== undefined)) {
      for (const [i, day] of days.entries()) {
        const after = cursors[i];
        if (after === undefined) continue;
        const page = await listPage(gateway, after, { from: day, to: day }, 40);
        got[i]?.push(...page.ids);
        cursors[i] = page.hasNextPage ? page.endCursor : undefined;
        expect(store.size().pages).toBeLessThanOrEqual(2);
      }
    }
    for (const [i, ids] of got.entries()) {
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(expected[i]);
    }
  }, 120_000);
});
