import { describe, expect, it } from 'vitest';
import { V1_FILTER_MODES, type V1FilterMode } from '../../src/simulator/index.ts';
import { createTestStack, testDataset, type TestStack } from '../helpers.ts';
import { createSecureStack } from '../security/stack.ts';

// Lists a dashboard can use as they are (issue 18): totalCount, PageInfo's start, and the same answers whatever
// OfficeRnD does with the filters (every simulator filter mode). Expected numbers come from the simulator's dataset.

const data = testDataset();
const bookings = data.collections.bookings;
const members = data.collections.members;

/** The office with the most bookings: a filter that keeps a real subset. */
const office = (() => {
  const counts = new Map<string, number>();
  for (const b of bookings) counts.set(b.office ?? '', (counts.get(b.office ?? '') ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
})();
const inOffice = bookings.filter((b) => b.office === office);

interface Page {
  totalCount?: number;
  nodes: { id: string }[];
  edges?: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const stacks = new Map<string, TestStack>();
const stackFor = (mode: V1FilterMode): TestStack => {
  let stack = stacks.get(mode);
  if (!stack) stacks.set(mode, (stack = createTestStack({ simulator: { v1Filters: mode } })));
  return stack;
};

async function page(stack: TestStack, query: string, variables: Record<string, unknown> = {}): Promise<Page> {
  const result = await stack.query<Record<string, Page>>(query, variables);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data ?? {})[0] as Page;
}

describe('totalCount', () => {
  it.each(V1_FILTER_MODES)('counts what matches the filters, the same in every filter mode (%s)', async (mode) => {
    const stack = stackFor(mode);
    const query = `query($office: ID, $first: Int) { bookings(office: $office, first: $first) { totalCount nodes { id } } }`;
    expect((await page(stack, query, { office, first: 5 })).totalCount).toBe(inOffice.length);
    expect((await page(stack, query, { first: 5 })).totalCount).toBe(bookings.length);
    const cancelled = bookings.filter((b) => b.canceled === true).length;
    expect(cancelled).toBeGreaterThan(0);
    const flagged = await page(stack, '{ bookings(isCancelled: true, first: 1) { totalCount nodes { id } } }');
    expect(flagged.totalCount).toBe(cancelled);
    expect(
      (await page(stack, '{ bookings(isCancelled: false, first: 1) { totalCount nodes { id } } }')).totalCount,
    ).toBe(bookings.length - cancelled);
  });

  it('reads the match set once per request and cuts the page from it', async () => {
    const stack = createTestStack();
    stack.simulator.log.reset();
    const result = await stack.query(
      `query($office: ID) {
      a: bookings(office: $office, first: 3) { totalCount nodes { id } }
      b: bookings(office: $office, first: 3) { totalCount }
    }`,
      { office },
    );
    expect(result.errors).toBeUndefined();
    const a = (result.data as { a: Page }).a;
    expect(a.nodes.map((n) => n.id)).toEqual(inOffice.slice(0, 3).map((b) => b._id));
    // office is a documented filter (§4): the simulator narrows, so the walk is the office's pages, read once.
    expect(stack.apiCalls({ collection: 'bookings' })).toBe(Math.max(1, Math.ceil(inOffice.length / 100)));
  });

  it('pages exactly with cursors that also work without it', async () => {
    const stack = createTestStack();
    const withCount = `query($after: String) { members(first: 7, after: $after) { totalCount nodes { id } edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const without = `query($after: String) { members(first: 7, after: $after) { nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 200; round += 1) {
      // Alternate: a cursor issued by one form resumes in the other.
      const p = await page(stack, round % 2 === 0 ? withCount : without, { after });
      if (round % 2 === 0) {
        expect(p.totalCount).toBe(members.length);
        expect(p.pageInfo.startCursor).toBe(p.edges?.[0]?.cursor ?? null);
      }
      expect(p.pageInfo.hasPreviousPage).toBe(round > 0);
      ids.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(ids).toEqual(members.map((m) => m._id));
  });

  it('answers first: 0 without claiming a next page, and counts reverse links', async () => {
    const stack = createTestStack();
    const zero = await page(
      stack,
      '{ bookings(first: 0) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor } } }',
    );
    expect(zero).toEqual({
      totalCount: bookings.length,
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null },
    });
    const member = bookings.find((b) => b.member)?.member ?? '';
    const result = await stack.query<{ member: { bookings: Page } }>(
      `query($id: ID!) { member(id: $id) { bookings(first: 1) { totalCount pageInfo { hasNextPage } } } }`,
      { id: member },
    );
    const own = bookings.filter((b) => b.member === member).length;
    expect(result.data?.member.bookings.totalCount).toBe(own);
    expect(result.data?.member.bookings.pageInfo.hasNextPage).toBe(own > 1);
  });

  it('is costed as the walk of the whole match set (its collection, once its size is learnt)', async () => {
    const stack = createSecureStack({ env: { MAX_COST: '10' } });
    const plain = await stack.query('{ bookings(first: 10) { nodes { id } } }');
    expect(plain.errors).toBeUndefined();
    const counted = await stack.query('{ bookings(first: 10) { totalCount } }');
    expect(counted.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    // The gateway learnt the size of the bookings (MAX_WALK_ITEMS / 100 = 500 pages while unknown): 16 pages of 100.
    expect(counted.errors?.[0]?.extensions?.cost).toBe(Math.ceil(bookings.length / 100));
  });
});

/** The two offices with the most bookings: a multi-value filter that keeps a real, but not complete, subset. */
const offices = (() => {
  const counts = new Map<string, number>();
  for (const b of bookings) counts.set(b.office ?? '', (counts.get(b.office ?? '') ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([id]) => id);
})();

describe('multi-value filters', () => {
  const inOffices = bookings.filter((b) => offices.includes(b.office ?? ''));

  it.each(V1_FILTER_MODES)('keep items matching any value, the same in every filter mode (%s)', async (mode) => {
    const stack = stackFor(mode);
    expect(inOffices.length).toBeLessThan(bookings.length);
    const p = await page(
      stack,
      'query($o: [ID!]) { bookings(officeIn: $o, first: 1000) { totalCount nodes { id } } }',
      { o: offices },
    );
    expect(p.nodes.map((n) => n.id)).toEqual(inOffices.slice(0, 1000).map((b) => b._id));
    expect(p.totalCount).toBe(inOffices.length);
    // A single value in the list, and the single-value argument beside it (both apply).
    const one = await page(stack, 'query($o: [ID!]) { bookings(officeIn: $o, first: 1000) { nodes { id } } }', {
      o: [office],
    });
    expect(one.nodes.map((n) => n.id)).toEqual(inOffice.slice(0, 1000).map((b) => b._id));
    const both = await page(
      stack,
      `query($o: [ID!], $one: ID) { bookings(officeIn: $o, office: $one, first: 1000) { nodes { id } } }`,
      {
        o: offices,
        one: offices[1],
      },
    );
    expect(both.nodes.map((n) => n.id)).toEqual(
      bookings
        .filter((b) => b.office === offices[1])
        .slice(0, 1000)
        .map((b) => b._id),
    );
    const statuses = ['active', 'drop-in'];
    const members = await page(
      stack,
      '{ members(statusIn: [ACTIVE, DROP_IN], first: 1000) { totalCount nodes { id } } }',
    );
    const expected = data.collections.members.filter((m) => statuses.includes(m.status ?? ''));
    expect(expected.length).toBeGreaterThan(0);
    expect(members.nodes.map((n) => n.id)).toEqual(expected.slice(0, 1000).map((m) => m._id));
    expect(members.totalCount).toBe(expected.length);
  });

  it('sends several values nowhere upstream (v1 has no $in) and one value as today', async () => {
    const stack = createTestStack();
    stack.simulator.log.reset();
    await page(stack, 'query($o: [ID!]) { bookings(officeIn: $o, first: 5) { nodes { id } } }', { o: offices });
    const sent = stack.simulator.log.entries().filter((e) => e.collection === 'bookings');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((e) => !Object.keys(e.query).some((key) => key.startsWith('office')))).toBe(true);
    stack.simulator.log.reset();
    await page(stack, 'query($o: [ID!]) { bookings(officeIn: $o, first: 5) { nodes { id } } }', { o: [office] });
    // One value of a documented filter (§4) is relied on: one page of 5.
    expect(
      stack.simulator.log
        .entries()
        .filter((e) => e.collection === 'bookings')
        .map((e) => e.query.office),
    ).toEqual([office]);
  });

  it('refuses an empty list and a bad id, naming the argument', async () => {
    const stack = createTestStack();
    const empty = await stack.query('{ bookings(officeIn: []) { nodes { id } } }');
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(empty.errors?.[0]?.message).toMatch(/officeIn/);
    const bad = await stack.query('{ bookings(officeIn: ["nope"]) { nodes { id } } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('are taken by the exports repeated or comma-separated', async () => {
    const stack = createTestStack({ simulator: { v1Filters: 'documented' } });
    const ids = async (query: string): Promise<string[]> => {
      const response = await stack.gateway.fetch(`http://gateway.test/reports/bookings.csv?columns=_id&${query}`);
      expect(response.status).toBe(200);
      return (await response.text())
        .split('\r\n')
        .slice(1)
        .filter((line) => line !== '');
    };
    const expected = inOffices.map((b) => b._id);
    expect(await ids(`office=${offices.join(',')}`)).toEqual(expected);
    expect(await ids(offices.map((o) => `office=${o}`).join('&'))).toEqual(expected);
    const bad = await stack.gateway.fetch(`http://gateway.test/reports/bookings.csv?office=${office},`);
    expect(bad.status).toBe(400);
  });
});

describe('orderBy', () => {
  const payments = data.collections.payments;
  /** Independent statement of the order: total descending, missing last, ties in upstream order. */
  const byTotalDesc = payments
    .map((p, i) => ({ id: p._id, total: typeof p.totalAmount === 'number' ? p.totalAmount : null, i }))
    .sort((a, b) =>
      a.total === b.total ? a.i - b.i : a.total === null ? 1 : b.total === null ? -1 : b.total - a.total || a.i - b.i,
    )
    .map((p) => p.id);

  it.each(V1_FILTER_MODES)('sorts the whole match set, pages exactly under the sort (%s)', async (mode) => {
    const stack = stackFor(mode);
    const query = `query($after: String) { payments(orderBy: [{ field: TOTAL, direction: DESC }], first: 37, after: $after) {
      totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 100; round += 1) {
      const p = await page(stack, query, { after });
      expect(p.totalCount).toBe(payments.length);
      expect(p.pageInfo.hasPreviousPage).toBe(round > 0);
      ids.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(ids).toEqual(byTotalDesc);
  });

  it('reads the match set once, and a cursor remembers its sort', async () => {
    const stack = createTestStack();
    stack.simulator.log.reset();
    const first = await page(
      stack,
      '{ members(orderBy: [{ field: NAME }], first: 5) { nodes { id } pageInfo { endCursor } } }',
    );
    expect(stack.apiCalls({ collection: 'members' })).toBe(Math.ceil(members.length / 100));
    const names = members
      .map((m, i) => ({ id: m._id, name: (m.name ?? '').toLowerCase(), i }))
      .sort((a, b) => (a.name === b.name ? a.i - b.i : a.name < b.name ? -1 : 1));
    expect(first.nodes.map((n) => n.id)).toEqual(names.slice(0, 5).map((m) => m.id));
    const other = await stack.query(
      `query($after: String) { members(orderBy: [{ field: NAME, direction: DESC }], first: 5, after: $after) { nodes { id } } }`,
      {
        after: first.pageInfo.endCursor,
      },
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is costed like totalCount', async () => {
    const stack = createSecureStack({ env: { MAX_COST: '10' } });
    const sorted = await stack.query('{ bookings(orderBy: [{ field: START }], first: 10) { nodes { id } } }');
    expect(sorted.errors?.[0]?.extensions?.cost).toBe(Math.ceil(bookings.length / 100));
  });
});
