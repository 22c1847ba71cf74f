import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/gateway.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { createLargeOrg, FROM, inWindow, TO } from './large-org.ts';

// Issue 21: a GraphQL page of a dated list answers `first` matching nodes (or all that remain), never an empty or
// short page while rows remain, on an organization of a real size (scale 3.2 × 2 years ≈ 51,200 bookings).

const DAY = 86_400_000;

let simulator: Simulator;
let gateway: Gateway;

beforeAll(() => {
  ({ simulator, gateway } = createLargeOrg());
}, 120_000);

interface Answer {
  data?: {
    bookings: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null;
  };
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function page(after: string | null, window = { from: FROM, to: TO }, first = 500): Promise<Answer> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `query ($after: String, $from: Date!, $to: Date!, $first: Int) {
        bookings(dates: { from: $from, to: $to, timeZone: "UTC" }, first: $first, after: $after) {
          nodes { id } pageInfo { hasNextPage endCursor }
        }
      }`,
      variables: { after, ...window, first },
    }),
  });
  return (await response.json()) as Answer;
}

describe('GraphQL pages of a 10-day window on about 51,000 bookings', () => {
  it('are full until the last, whose end says no more, and read about the window’s pages', async () => {
    const expected = simulator.dataset.collections.bookings
      .filter((b) => inWindow(b.start?.dateTime ?? b.start?.date))
      .map((b) => b._id);
    expect(expected.length).toBeGreaterThan(1000);
    // The first dated bookings read waits for the gateway to learn the bookings' reach (one walk of every booking,
    // four fields each, outside the request's share); what is counted is the paging that follows.
    expect((await page(null)).errors).toBeUndefined();
    simulator.log.reset();
    const sizes: number[] = [];
    const ids: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 100; n += 1) {
      const answer = await page(after);
      expect(answer.errors).toBeUndefined();
      const bookings = answer.data?.bookings;
      if (!bookings) throw new Error('no bookings');
      sizes.push(bookings.nodes.length);
      ids.push(...bookings.nodes.map((node) => node.id));
      if (!bookings.pageInfo.hasNextPage) break;
      after = bookings.pageInfo.endCursor;
    }
    expect(sizes.slice(0, -1).every((size) => size === 500)).toBe(true);
    expect(sizes.at(-1)).toBe(expected.length - 500 * (sizes.length - 1));
    // Each row once; rows far from their seriesStart would come after the window's pages, so order aside.
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
    const windowPages = Math.ceil(expected.length / 100);
    // The window's pages (widened by a day at most), one look per GraphQL page for bookings changed since the
    // reach was learnt, and the page each resumed cursor re-reads: within the target.
    expect(simulator.log.count({ kind: 'api', collection: 'bookings' })).toBeLessThanOrEqual(1.2 * windowPages + 5);
  }, 300_000);

  it('page across the far rows read by id (a series whose first week was excluded), each row once', async () => {
    const far = simulator.dataset.collections.bookings.find((b) => {
      const start = Date.parse(b.start?.dateTime ?? '');
      return b.recurrence?.rrule && start - Date.parse(b.seriesStart ?? '') > DAY;
    });
    if (!far) throw new Error('the simulator lost its series whose first week was excluded');
    const on = (far.start?.dateTime ?? '').slice(0, 10);
    const expected = simulator.dataset.collections.bookings
      .filter((b) => (b.start?.dateTime ?? b.start?.date ?? '').slice(0, 10) === on)
      .map((b) => b._id);
    const ids: string[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    for (let n = 0; n < 200; n += 1) {
      const answer = await page(after, { from: on, to: on }, 7);
      expect(answer.errors).toBeUndefined();
      const bookings = answer.data?.bookings;
      if (!bookings) throw new Error('no bookings');
      sizes.push(bookings.nodes.length);
      ids.push(...bookings.nodes.map((node) => node.id));
      if (!bookings.pageInfo.hasNextPage) break;
      after = bookings.pageInfo.endCursor;
    }
    expect(ids).toContain(far._id);
    expect(sizes.slice(0, -1).every((size) => size === 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
    // The far row comes after the window's own rows.
    expect(ids.at(-1)).toBe(far._id);
  }, 120_000);
});
