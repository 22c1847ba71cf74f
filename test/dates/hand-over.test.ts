import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createHandOver } from '../../src/core/hand-over.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createCollectionSizes } from '../../src/loaders/collection-sizes.ts';
import { createLogger } from '../../src/logger.ts';
import { createEventBus } from '../../src/webhooks/events.ts';
import { createTestStack, TEST_NOW, type TestStack } from '../helpers.ts';
import { createVersionStack, VERSIONS } from '../versions/support.ts';

// The hand-over of OfficeRnD pages between GraphQL pages (core/hand-over.ts) as a gateway wires it: a caller
// resuming its own cursor starts from the page its previous page ended in; another API key with the same cursor,
// or the same caller after a webhook reported a change, reads that page again, and every answer is the same page.

const KEYS = ['hand-over-key-a-0123456789', 'hand-over-key-b-0123456789'];
const WINDOW = { from: '2026-10-01', to: '2026-11-15' };

let stack: TestStack;
let gateway: Gateway;
const events = createEventBus();

beforeAll(async () => {
  stack = createTestStack();
  const defaults = loadConfig({});
  gateway = createGateway({
    officernd: stack.officernd,
    logger: createLogger({ level: 'error', write: () => undefined }),
    settings: { ...defaults, security: { ...defaults.security, apiKeys: KEYS } },
    clock: () => TEST_NOW,
    sizes: createCollectionSizes(),
    events,
  });
  // The first dated bookings read learns the bookings' reach; the pages below are counted after it.
  await page(KEYS[0] as string, null);
}, 60_000);

interface Page {
  ids: string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

async function page(key: string, after: string | null): Promise<Page> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({
      query: `query ($after: String) {
        bookings(dates: { from: "${WINDOW.from}", to: "${WINDOW.to}", timeZone: "UTC" }, first: 30, after: $after) {
          nodes { id } pageInfo { hasNextPage endCursor }
        }
      }`,
      variables: { after },
    }),
  });
  const body = (await response.json()) as {
    data?: { bookings: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    errors?: unknown[];
  };
  expect(body.errors).toBeUndefined();
  const bookings = body.data?.bookings;
  if (!bookings) throw new Error('no bookings');
  return { ids: bookings.nodes.map((n) => n.id), ...bookings.pageInfo };
}

/** The second page resumed with `key` from a first page read with KEYS[0], and the bookings calls it made. */
async function resume(key: string, between?: () => void): Promise<{ page: Page; calls: number }> {
  const first = await page(KEYS[0] as string, null);
  expect(first.hasNextPage).toBe(true);
  between?.();
  stack.simulator.log.reset();
  const next = await page(key, first.endCursor);
  return { page: next, calls: stack.apiCalls({ collection: 'bookings' }) };
}

describe('the hand-over between GraphQL pages, through a gateway with API keys', () => {
  it('serves the caller its own page, and another key or a page after a webhook reads it again, the same', async () => {
    const own = await resume(KEYS[0] as string);
    const other = await resume(KEYS[1] as string);
    const changed = await resume(KEYS[0] as string, () =>
      events.publish({
        eventType: 'booking.updated',
        object: 'booking',
        action: 'updated',
        collection: 'bookings',
        id: null,
        data: {},
        origin: 'local',
      }),
    );
    expect(own.page.ids).toHaveLength(30);
    expect(other.page).toEqual(own.page);
    expect(changed.page).toEqual(own.page);
    expect(other.calls).toBe(own.calls + 1);
    expect(changed.calls).toBe(own.calls + 1);
  });
});

describe.each(VERSIONS)('a dated list paged to the end over OfficeRnD %s', (version) => {
  it('reads each OfficeRnD page once and every row once', async () => {
    const v = createVersionStack(version);
    const read = async (after: string | null) =>
      v.query<{ bookings: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
        `query ($after: String) {
          bookings(dates: { from: "${WINDOW.from}", to: "${WINDOW.to}", timeZone: "UTC" }, first: 30, after: $after) {
            nodes { id } pageInfo { hasNextPage endCursor }
          }
        }`,
        { after },
      );
    // The first dated read learns the bookings' reach; counted is the paging after it.
    expect((await read(null)).errors).toBeUndefined();
    v.simulator.log.reset();
    const ids: string[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    for (let n = 0; n < 100; n += 1) {
      const answer = await read(after);
      expect(answer.errors).toBeUndefined();
      const bookings = answer.data?.bookings;
      if (!bookings) throw new Error('no bookings');
      ids.push(...bookings.nodes.map((node) => node.id));
      sizes.push(bookings.nodes.length);
      if (!bookings.pageInfo.hasNextPage) break;
      after = bookings.pageInfo.endCursor;
    }
    const inWindow = (b: { start?: { dateTime?: string | null; date?: string | null } | null }) => {
      const day = (b.start?.dateTime ?? b.start?.date ?? '').slice(0, 10);
      return day >= WINDOW.from && day <= WINDOW.to;
    };
    const expected = v.simulator.dataset.collections.bookings.filter(inWindow).map((b) => b._id);
    expect(sizes.length).toBeGreaterThan(3);
    expect(sizes.slice(0, -1).every((size) => size === 30)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
    const lists = v.simulator.log
      .entries()
      .filter((e) => e.kind === 'api' && e.id === null && e.status === 200 && e.path.endsWith('/bookings'))
      .filter((e) => e.query['modifiedAt.$gte'] === undefined && e.query['modifiedAt[$gte]'] === undefined)
      .map((e) => JSON.stringify(e.query));
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.length).toBe(new Set(lists).size);
  });
});

describe('report(...) with a joined column OfficeRnD populates (v1 $populate), paged to the end', () => {
  it('joins the rows of a handed page from what their page brought: no call for the members', async () => {
    const v = createTestStack();
    const read = async (after: string | null) =>
      v.query<{ report: { rows: (string | null)[][]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
        `query ($after: String) {
          report(name: BOOKINGS, columns: ["_id", "member.name"], first: 30, after: $after,
            dates: { from: "${WINDOW.from}", to: "${WINDOW.to}", timeZone: "UTC" }) {
            rows pageInfo { hasNextPage endCursor }
          }
        }`,
        { after },
      );
    expect((await read(null)).errors).toBeUndefined();
    v.simulator.log.reset();
    const rows: (string | null)[][] = [];
    let after: string | null = null;
    for (let n = 0; n < 100; n += 1) {
      const answer = await read(after);
      expect(answer.errors).toBeUndefined();
      const report = answer.data?.report;
      if (!report) throw new Error('no report');
      rows.push(...report.rows);
      if (!report.pageInfo.hasNextPage) break;
      after = report.pageInfo.endCursor;
    }
    const { bookings, members } = v.simulator.dataset.collections;
    const names = new Map(members.map((m) => [m._id, m.name]));
    const expected = bookings
      .filter((b) => {
        const day = (b.start?.dateTime ?? b.start?.date ?? '').slice(0, 10);
        return day >= WINDOW.from && day <= WINDOW.to;
      })
      .map((b) => [b._id, (b.member && names.get(b.member)) ?? null]);
    expect(rows.length).toBeGreaterThan(90);
    expect([...rows].sort()).toEqual([...expected].sort());
    expect(v.apiCalls({ collection: 'members' })).toBe(0);
  });
});

describe('bookingOccurrences paged to the end', () => {
  it('reads each OfficeRnD occurrences page once, with the rows a read without the hand-over gives', async () => {
    const v = createTestStack();
    const logger = createLogger({ level: 'error', write: () => undefined });
    const gateways = {
      handed: createGateway({ officernd: v.officernd, logger, clock: () => TEST_NOW }),
      without: createGateway({
        officernd: v.officernd,
        logger,
        clock: () => TEST_NOW,
        handOver: createHandOver({ maxPages: 0 }),
      }),
    };
    const pageThrough = async (gateway: Gateway) => {
      v.simulator.log.reset();
      const pages: string[][] = [];
      let after: string | null = null;
      for (let n = 0; n < 200; n += 1) {
        const response = await gateway.fetch('http://gateway.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: `query ($after: String) {
              bookingOccurrences(dates: { from: "${WINDOW.from}", to: "${WINDOW.to}" }, first: 40, after: $after) {
                nodes { id } pageInfo { hasNextPage endCursor }
              }
            }`,
            variables: { after },
          }),
        });
        const body = (await response.json()) as {
          data?: {
            bookingOccurrences: {
              nodes: { id: string }[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          };
          errors?: unknown[];
        };
        expect(body.errors).toBeUndefined();
        const list = body.data?.bookingOccurrences;
        if (!list) throw new Error('no occurrences');
        pages.push(list.nodes.map((node) => node.id));
        if (!list.pageInfo.hasNextPage) break;
        after = list.pageInfo.endCursor;
      }
      const reads = v.simulator.log
        .entries()
        .filter((e) => e.kind === 'api' && e.collection === 'bookings/occurrences')
        .map((e) => JSON.stringify(e.query));
      return { pages, reads };
    };
    const handed = await pageThrough(gateways.handed);
    const without = await pageThrough(gateways.without);
    expect(handed.pages.length).toBeGreaterThan(3);
    expect(handed.pages.slice(0, -1).every((page) => page.length === 40)).toBe(true);
    expect(handed.pages).toEqual(without.pages);
    expect(new Set(handed.reads).size).toBe(handed.reads.length);
    expect(without.reads.length).toBeGreaterThan(handed.reads.length);
  });
});
