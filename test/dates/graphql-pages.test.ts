import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_SETTINGS } from '../../src/config.ts';
import { decodeCursor } from '../../src/core/cursor.ts';
import { createHandOver, type HandOverStore } from '../../src/core/hand-over.ts';
import { QUANTILES } from '../../src/core/sub-windows.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createCollectionSizes, createSizeLearner, type CollectionSizes } from '../../src/loaders/collection-sizes.ts';
import { createLogger } from '../../src/logger.ts';
import type { Dataset } from '../../src/simulator/generate.ts';
import { createSimulator, type Simulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW } from '../helpers.ts';
import { inFlightFetch } from '../reports/support.ts';
import { createLargeOrg, FROM, inWindow, TO } from './large-org.ts';

// Issue 21: a GraphQL page of a dated list (or of `report(...)`) answers `first` matching nodes (or all that remain),
// never an empty or short page while rows remain, on an organization of a real size (scale 3.2 × 2 years ≈ 51,200
// bookings); paged to the end, it reads each OfficeRnD page once (the page a GraphQL page ends in is handed to the
// request resuming there, core/hand-over.ts), so the calls stay within 1.2 × the window's pages + 5. In every v1
// filter mode. A dated list with a plan of sub-windows (core/sub-windows.ts) reads them in parallel, and its cursors
// carry the sub-window position with the cut points: another replica, or a gateway whose learnt spread changed,
// resumes them exactly, and a cursor of one walk (from before sub-windows) still resumes its walk.

const DAY = 86_400_000;
type Mode = 'all' | 'documented' | 'strict';

let dataset: Dataset;

beforeAll(() => {
  dataset = createLargeOrg().simulator.dataset;
}, 120_000);

interface Stack {
  simulator: Simulator;
  /** Set `on` to answer window reads with a `$select` by bare ids. */
  bare: { on: boolean };
  gateway: Gateway;
  sizes: CollectionSizes;
  /** The most OfficeRnD calls in flight at once since the last reset. */
  inFlight: ReturnType<typeof inFlightFetch>;
  /**
   * Another gateway over the same OfficeRnD and learnt sizes (another replica): its own hand-over. `upstream`
   * settings: `maxConcurrency: 1` never reads sub-windows (as the gateway did before them).
   */
  replica(handOver?: HandOverStore, upstream?: Partial<typeof DEFAULT_GATEWAY_SETTINGS.upstream>): Gateway;
}

/**
 * A gateway over the large simulator. `learnt`: the bookings' seriesStart spread is learnt first (the size learner's
 * walk, as a running gateway does in the background), so a dated read of many pages is split into sub-windows.
 */
async function stackOf(mode: Mode, { handOver, learnt }: { handOver?: HandOverStore; learnt?: boolean } = {}) {
  const simulator = createSimulator({ dataset, now: TEST_NOW, v1Filters: mode });
  const logger = createLogger({ level: 'error', secrets: ['demo-secret'], write: () => undefined });
  const inFlight = inFlightFetch(simulator);
  // While `bare.on`, a window read with a `$select` is answered with bare ids, as OfficeRnD answers a selection it
  // does not know (§4).
  const bare = { on: false };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const answer = await inFlight.fetch(input, init);
    const url = decodeURIComponent(String(input instanceof Request ? input.url : input));
    if (!bare.on || !url.includes('$select=') || !url.includes('seriesStart.$gte')) return answer;
    const items = (await answer.json()) as { _id: string }[];
    const headers = new Headers(answer.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(items.map((item) => ({ _id: item._id }))), { status: answer.status, headers });
  };
  const officernd = demoClient(simulator, { logger, maxRequestsPerMinute: 1_000_000, fetch });
  const sizes = createCollectionSizes();
  if (learnt) {
    await createSizeLearner({ officernd, sizes, pauseMs: 0, maxItems: 100_000 }).learn(['bookings'], undefined, {
      whole: true,
    });
  }
  const replica = (store?: HandOverStore, upstream?: Partial<typeof DEFAULT_GATEWAY_SETTINGS.upstream>) =>
    createGateway({
      officernd,
      logger,
      sizes,
      clock: () => TEST_NOW,
      ...(store ? { handOver: store } : {}),
      ...(upstream ? { settings: { upstream: { ...DEFAULT_GATEWAY_SETTINGS.upstream, ...upstream } } } : {}),
    });
  const stack: Stack = { simulator, gateway: replica(handOver), sizes, inFlight, replica, bare };
  return stack;
}

/** The fields of a cursor (core/cursor.ts: [version, scope, segment, upstream, offset, variant, split]). */
const fieldsOf = (cursor: string | null): unknown[] =>
  JSON.parse(Buffer.from(cursor ?? '', 'base64url').toString('utf8')) as unknown[];

/** The sub-window position a cursor carries, if any, read as the gateway reads it (its scope is the second field). */
function splitOf(cursor: string | null): { sub: number; points: readonly number[] } | null {
  const split = decodeCursor(cursor ?? '', fieldsOf(cursor)[1] as string).split;
  return split ? { sub: split.sub, points: split.points } : null;
}

/** Sub-windows the bookings list reads since the last reset: distinct `seriesStart` lower bounds sent. */
function subWindowsRead(simulator: Simulator): number {
  const lowers = new Set<string>();
  for (const entry of simulator.log.entries()) {
    if (entry.kind !== 'api' || entry.collection !== 'bookings' || entry.id !== null) continue;
    const lower = entry.query['seriesStart.$gte'];
    if (lower !== undefined) lowers.add(String(lower));
  }
  return lowers.size;
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

/**
 * One page of `bookings(dates: …)` asked for its edges only (no `pageInfo`, or `pageInfo` left out by
 * `@include(if: false)` when `hidden`): ids with their cursors.
 */
async function edgesPage(gateway: Gateway, after: string | null, window: Window, first: number, hidden = false) {
  const data = await post(
    gateway,
    `query ($after: String, $from: Date!, $to: Date!, $first: Int${hidden ? ', $info: Boolean!' : ''}) {
      bookings(dates: { from: $from, to: $to, timeZone: "UTC" }, first: $first, after: $after) {
        edges { cursor node { id } }
        ${hidden ? 'pageInfo @include(if: $info) { hasNextPage }' : ''}
      }
    }`,
    { after, ...window, first, ...(hidden ? { info: false } : {}) },
  );
  const { edges } = data.bookings as { edges: { cursor: string; node: { id: string } }[] };
  return edges.map((edge) => ({ id: edge.node.id, cursor: edge.cursor }));
}

/** A reader of `report(name: BOOKINGS, <args>, dates, first, after)` pages: each row's first cell, `check`ed first. */
function reportReader(args = 'columns: ["_id"]', check?: (rows: string[][]) => void) {
  return async (gateway: Gateway, after: string | null, window: Window, first: number): Promise<PageAnswer> => {
    const data = await post(
      gateway,
      `query ($after: String, $dates: DateSelection, $first: Int) {
        report(name: BOOKINGS, ${args}, dates: $dates, first: $first, after: $after) {
          rows pageInfo { hasNextPage endCursor }
        }
      }`,
      { after, dates: { ...window, timeZone: 'UTC' }, first },
    );
    const { rows, pageInfo } = data.report as {
      rows: string[][];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    check?.(rows);
    return { ids: rows.map((row) => row[0] as string), ...pageInfo };
  };
}

const reportPage = reportReader();

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

/**
 * Paged to the end: each expected row once (order aside: rows far from their seriesStart come after the window's
 * pages), no OfficeRnD page read twice (the page a GraphQL page ended in was handed to the next one), and bookings
 * calls within the window's pages (widened by a day at most) and the look for changes: 1.2 × pages + 5.
 */
function expectReadOnce(simulator: Simulator, ids: readonly string[], expected: readonly string[]): void {
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual([...expected].sort());
  expect(repeatedReads(simulator)).toEqual([]);
  const windowPages = Math.ceil(expected.length / 100);
  expect(simulator.log.count({ kind: 'api', collection: 'bookings' })).toBeLessThanOrEqual(1.2 * windowPages + 5);
}

describe.each(['all', 'documented', 'strict'] as const)('a 10-day window through GraphQL, v1 filters %s', (mode) => {
  let stack: Stack;
  let expected: string[];
  beforeAll(async () => {
    stack = await stackOf(mode, { learnt: true });
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
      stack.inFlight.reset();
      const pages = await pageToEnd(reader, stack.gateway, { from: FROM, to: TO }, 500);
      const ids = pages.flat();
      expect(pages.slice(0, -1).every((page) => page.length === 500)).toBe(true);
      expect(pages.at(-1)?.length).toBe(expected.length - 500 * (pages.length - 1));
      expectReadOnce(stack.simulator, ids, expected);
      // The list and the report read the window in sub-windows.
      expect(subWindowsRead(stack.simulator)).toBeGreaterThan(2);
      // A page that needs more rows than a sub-window holds (here about 500) reads several at once, exactly.
      stack.inFlight.reset();
      stack.simulator.log.reset();
      const large = await pageToEnd(reader, stack.gateway, { from: FROM, to: TO }, 1000);
      expect(stack.inFlight.most()).toBeGreaterThan(1);
      expect(large.slice(0, -1).every((page) => page.length === 1000)).toBe(true);
      expect([...large.flat()].sort()).toEqual([...expected].sort());
      expect(repeatedReads(stack.simulator)).toEqual([]);
    },
    120_000,
  );
});

describe('a split dated list resumed elsewhere, v1 filters all', () => {
  let stack: Stack;
  let expected: string[];
  const window = { from: FROM, to: TO };
  beforeAll(async () => {
    stack = await stackOf('all', { learnt: true });
    expected = stack.simulator.dataset.collections.bookings.filter((b) => inWindow(startOf(b))).map((b) => b._id);
    await listPage(stack.gateway, null, window, 1);
  }, 120_000);

  /** Pages from `after` to the end on `gateway`: every id after the cursor. */
  async function rest(gateway: Gateway, after: string | null, first: number, reader = listPage): Promise<string[][]> {
    const pages: string[][] = [];
    for (let n = 0; n < 200; n += 1) {
      const answer = await reader(gateway, after, window, first);
      pages.push(answer.ids);
      if (!answer.hasNextPage) return pages;
      after = answer.endCursor;
    }
    throw new Error('no last page after 200');
  }

  function expectExact(first: string[], pages: string[][], size: number) {
    const ids = [...first, ...pages.flat()];
    expect(pages.slice(0, -1).every((page) => page.length === size)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
  }

  it('a replica without the pages read ahead resumes a sub-window cursor exactly', async () => {
    const first = await listPage(stack.gateway, null, window, 700);
    // The cursor names a sub-window past the first (700 rows are more than the first holds) and the cut points.
    const split = splitOf(first.endCursor);
    expect(split?.sub).toBeGreaterThan(0);
    expect(split?.points.length).toBeGreaterThan(1);
    stack.simulator.log.reset();
    const pages = await rest(stack.replica(), first.endCursor, 700);
    expectExact(first.ids, pages, 700);
    // A miss reads the sub-window again from its cursor: within the budget still.
    const windowPages = Math.ceil(expected.length / 100);
    expect(stack.simulator.log.count({ kind: 'api', collection: 'bookings' })).toBeLessThanOrEqual(
      1.2 * windowPages + 5,
    );
  }, 120_000);

  it.each([
    ['without pageInfo', false],
    ['with pageInfo left out by @include(if: false)', true],
  ])(
    'pages read %s, resumed from their last edge, read each OfficeRnD page once',
    async (_name, hidden) => {
      // A page that fills up at the end of an OfficeRnD page leaves the look for one more row to `pageInfo`; asked for
      // edges only, its sub-windows' pages read ahead are handed over all the same, for the page resuming there.
      stack.simulator.log.reset();
      const pages: string[][] = [];
      let after: string | null = null;
      for (let n = 0; n < 200; n += 1) {
        const edges = await edgesPage(stack.gateway, after, window, 500, hidden);
        pages.push(edges.map((edge) => edge.id));
        if (edges.length < 500) break;
        after = edges.at(-1)?.cursor ?? null;
      }
      expectReadOnce(stack.simulator, pages.flat(), expected);
    },
    120_000,
  );

  it('a sub-window cursor written as before (its cut points as ms numbers) resumes exactly', async () => {
    const first = await listPage(stack.gateway, null, window, 700);
    const split = splitOf(first.endCursor);
    expect(split?.points.length).toBeGreaterThan(1);
    const fields = fieldsOf(first.endCursor);
    const [field, sub, before] = fields[6] as [string, number, number];
    fields[6] = [field, sub, before, ...(split?.points ?? [])];
    const old = Buffer.from(JSON.stringify(fields)).toString('base64url');
    expect(old.length).toBeGreaterThan((first.endCursor ?? '').length);
    expectExact(first.ids, await rest(stack.replica(), old, 700), 700);
  }, 120_000);

  it('a report(...) cursor in a sub-window resumes exactly on a replica; one of a walk, on a gateway that splits', async () => {
    const first = await reportPage(stack.gateway, null, window, 700);
    expect(splitOf(first.endCursor)?.sub).toBeGreaterThan(0);
    stack.simulator.log.reset();
    expectExact(first.ids, await rest(stack.replica(), first.endCursor, 700, reportPage), 700);
    const windowPages = Math.ceil(expected.length / 100);
    expect(stack.simulator.log.count({ kind: 'api', collection: 'bookings' })).toBeLessThanOrEqual(
      1.2 * windowPages + 5,
    );
    const walked = await reportPage(stack.replica(undefined, { maxConcurrency: 1 }), null, window, 500);
    expect(splitOf(walked.endCursor)).toBeNull();
    expectExact(walked.ids, await rest(stack.gateway, walked.endCursor, 500, reportPage), 500);
  }, 120_000);

  /** Pages `reader` to the end by `first`: full pages, exactly `rows`, over sub-windows, each OfficeRnD page once. */
  async function pagesSplitExactly(reader: Reader, first: number, rows: readonly string[]): Promise<void> {
    stack.simulator.log.reset();
    const pages = await pageToEnd(reader, stack.gateway, window, first);
    expect(pages.slice(0, -1).every((page) => page.length === first)).toBe(true);
    expect(pages.flat().sort()).toEqual([...rows].sort());
    expect(subWindowsRead(stack.simulator)).toBeGreaterThan(2);
    expect(repeatedReads(stack.simulator)).toEqual([]);
  }

  it('report(...) with a field expanded pages its sub-windows exactly: every row once, each OfficeRnD page once', async () => {
    // Rows are not objects here (a booking gives a row per attendee): cursors count rows within a page.
    const bookings = stack.simulator.dataset.collections.bookings.filter((b) => inWindow(startOf(b)));
    const rows = bookings.flatMap((b) => Array.from({ length: Math.max(1, b.members?.length ?? 0) }, () => b._id));
    expect(rows.length).toBeGreaterThan(bookings.length);
    await pagesSplitExactly(reportReader('expand: "members", columns: ["_id", "members"]'), 333, rows);
  }, 120_000);

  it('report(...) with a joined column pages its sub-windows with the right joined values', async () => {
    // v1 brings members populated on the rows' own pages (`$populate`): a page read ahead carries them to the next.
    const names = new Map(stack.simulator.dataset.collections.members.map((m) => [m._id, m.name]));
    const memberOf = new Map(stack.simulator.dataset.collections.bookings.map((b) => [b._id, b.member]));
    const joined = reportReader('columns: ["_id", "member.name"]', (rows) => {
      for (const [id, name] of rows) expect(name).toBe(names.get(memberOf.get(id ?? '') ?? '') ?? null);
    });
    await pagesSplitExactly(joined, 400, expected);
  }, 120_000);

  it('an undated report(...) stays one walk in OfficeRnD order, as an undated list does', async () => {
    const query = '{ report(name: BOOKINGS, columns: ["_id"], first: 1000) { rows } }';
    expect(stack.sizes.distribution('bookings', 'createdAt')).toBeDefined();
    const walked = (await post(stack.replica(undefined, { maxConcurrency: 1 }), query, {})).report as {
      rows: string[][];
    };
    stack.simulator.log.reset();
    const paged = (await post(stack.gateway, query, {})).report as { rows: string[][] };
    expect(paged.rows).toEqual(walked.rows);
    const bounded = stack.simulator.log.entries().filter((e) => e.kind === 'api' && 'createdAt.$gte' in e.query);
    expect(bounded).toEqual([]);
  }, 120_000);

  it('a report(...) page resumed in a sub-window whose selection comes back as bare ids reads it again whole', async () => {
    const first = await reportPage(stack.gateway, null, window, 700);
    expect(splitOf(first.endCursor)?.sub).toBeGreaterThan(0);
    stack.simulator.log.reset();
    stack.bare.on = true;
    try {
      const pages = await rest(stack.replica(), first.endCursor, 700, reportPage);
      expectExact(first.ids, pages, 700);
    } finally {
      stack.bare.on = false;
    }
    // The resumed sub-windows' first pages were asked with the selection, then everything without it.
    const reads = stack.simulator.log
      .entries()
      .filter((e) => e.kind === 'api' && e.collection === 'bookings' && e.query['seriesStart.$gte'] !== undefined);
    expect(reads.some((e) => e.query.$select !== undefined)).toBe(true);
    expect(reads.at(-1)?.query.$select).toBeUndefined();
  }, 120_000);

  it.each([
    [
      'bookings(dates: …)',
      listPage,
      `bookings(dates: { from: "${FROM}", to: "${TO}", timeZone: "UTC" }, first: 500, after: $after) { nodes { id } }`,
    ],
    [
      'report(name: BOOKINGS, dates: …)',
      reportPage,
      `report(name: BOOKINGS, columns: ["_id"], first: 500, after: $after,
        dates: { from: "${FROM}", to: "${TO}", timeZone: "UTC" }) { rows }`,
    ],
  ] as const)(
    '%s refuses a cursor whose sub-windows are cut on a field its read is not split on',
    async (_name, reader, field) => {
      const first = await reader(stack.gateway, null, window, 500);
      const fields = fieldsOf(first.endCursor);
      (fields[6] as unknown[])[0] = 'modifiedAt';
      const forged = Buffer.from(JSON.stringify(fields)).toString('base64url');
      const response = await stack.gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query ($after: String) { ${field} }`, variables: { after: forged } }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string; argument?: string } }[] };
      expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([
        ['BAD_USER_INPUT', 'after'],
      ]);
    },
    120_000,
  );

  it('a cursor of one walk (a gateway without sub-windows, as before them) resumes its walk exactly', async () => {
    const walk = stack.replica(undefined, { maxConcurrency: 1 });
    const first = await listPage(walk, null, window, 500);
    expect(splitOf(first.endCursor)).toBeNull();
    const pages = await rest(stack.gateway, first.endCursor, 500);
    expectExact(first.ids, pages, 500);
  }, 120_000);

  it('a page whose sub-windows need more calls than the request may make is a coded error, never short', async () => {
    const gateway = stack.replica(undefined, { maxCallsPerRequest: 3 });
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ bookings(dates: { from: "${FROM}", to: "${TO}", timeZone: "UTC" }, first: 500) {
          nodes { id } pageInfo { hasNextPage endCursor } } }`,
      }),
    });
    const body = (await response.json()) as {
      data?: { bookings: unknown } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_BUDGET_EXCEEDED']);
    expect(body.data?.bookings ?? null).toBeNull();
  }, 120_000);

  it('a cursor resumes in its own sub-windows after the learnt spread changed', async () => {
    const gateway = stack.replica();
    const first = await listPage(gateway, null, window, 500);
    const before = splitOf(first.endCursor);
    expect(before).not.toBeNull();
    const learnt = stack.sizes.distribution('bookings', 'seriesStart');
    if (!learnt) throw new Error('the bookings seriesStart spread was not learnt');
    try {
      // A spread learnt again, bunched differently: a plan made now cuts the window elsewhere.
      const [lowest, highest] = [learnt.quantiles[0] as number, learnt.quantiles.at(-1) as number];
      const quantiles = Array.from({ length: QUANTILES + 1 }, (_, i) =>
        Math.round(lowest + (highest - lowest) * (i / QUANTILES) ** 0.5),
      );
      stack.sizes.setDistribution('bookings', 'seriesStart', { ...learnt, quantiles });
      const fresh = await listPage(stack.replica(), null, window, 500);
      expect(splitOf(fresh.endCursor)?.points).not.toEqual(before?.points);
      // The same gateway (its pages read ahead in hand) and another one (none) both resume exactly.
      expectExact(first.ids, await rest(gateway, first.endCursor, 500), 500);
      expectExact(first.ids, await rest(stack.replica(), first.endCursor, 500), 500);
    } finally {
      stack.sizes.setDistribution('bookings', 'seriesStart', learnt);
    }
  }, 120_000);
});

describe('GraphQL pages on about 51,000 bookings, v1 filters all, one walk (no spread learnt)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await stackOf('all');
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
