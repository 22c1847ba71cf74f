import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAR_ROWS } from '../../src/core/series-reach.ts';
import { covers, type SeriesReach } from '../../src/dates/report-dates.ts';
import { createGateway } from '../../src/gateway.ts';
import { createCollectionSizes, type CollectionSizes } from '../../src/loaders/collection-sizes.ts';
import { createLogger } from '../../src/logger.ts';
import type { WireBooking } from '../../src/officernd/types.ts';
import { demoClient } from '../demo-client.ts';
import { ndjsonRecords } from '../reports/support.ts';
import { TEST_NOW, type TestStack } from '../helpers.ts';
import { createVersionStack, versionClient } from '../versions/support.ts';

// Issue 21: an organization with more bookings off their seriesStart than MAX_FAR_ROWS. The furthest 500 a date are
// far rows (read by id when selected), the near reach widens to cover the rest, and dated reads stay exact: after a
// look for changes brings hundreds of moved series in, and for a gateway learning the reach from scratch. On v1 in
// every filter mode, and on v2 (far rows read 50 ids a call). Far rows close to a window are widened over when
// that costs fewer calls than their GETs (dates/report-dates.ts chooseFarBounds).

const HOUR = 3_600_000;
const DAY = 86_400_000;
const MOVED = MAX_FAR_ROWS + 150;

const startOf = (b: WireBooking): string => b.start?.dateTime ?? b.start?.date ?? '';
const endOf = (b: WireBooking): string => b.end?.dateTime ?? b.end?.date ?? '';

/** The moved bookings' offsets: a few hours to six days, before and after their row. */
const offsetOf = (i: number): number => (i % 2 === 0 ? 1 : -1) * (2 + ((i * 7) % 142)) * HOUR;

async function exportIds(gateway: TestStack['gateway'], query: string): Promise<string[]> {
  const response = await gateway.fetch(`http://gateway.test/reports/bookings.ndjson?columns=_id${query}`);
  return (await ndjsonRecords<{ _id: string }>(response)).map((row) => row._id).sort();
}

type BookingPage = { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** A window through GraphQL, `first: 500` to the end. */
async function graphIds(stack: TestStack, from: string, to: string, field: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let call = 0; call < 20; call += 1) {
    const result: { data?: { bookings: BookingPage }; errors?: unknown[] } = await stack.query(
      `query($from: Date!, $to: Date!, $field: BookingDateField, $after: String) {
        bookings(dates: { from: $from, to: $to, timeZone: "UTC" }, dateField: $field, first: 500, after: $after) {
          nodes { id } pageInfo { hasNextPage endCursor } } }`,
      { from, to, field, after },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data?.bookings;
    ids.push(...(page?.nodes ?? []).map((n) => n.id));
    if (!page?.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return ids.sort();
}

const WINDOWS = [
  ['2026-10-20', '2026-10-20', 'START'],
  ['2026-10-20', '2026-10-20', 'END'],
  ['2026-10-05', '2026-10-14', 'START'],
  ['2026-11-01', '2026-11-10', 'END'],
] as const;

describe.each([
  ['v1', 'all'],
  ['v1', 'documented'],
  ['v1', 'strict'],
  ['v2', 'all'],
] as const)('more off-anchor rows than MAX_FAR_ROWS, %s, filters %s', (version, mode) => {
  const sizes = createCollectionSizes();
  const stack = createVersionStack(version, { sizes, simulator: { v1Filters: mode } });
  const bookings = () => stack.simulator.dataset.collections.bookings;
  const expected = (from: string, to: string, field: 'START' | 'END') =>
    bookings()
      .filter((b) => {
        const day = (field === 'START' ? startOf(b) : endOf(b)).slice(0, 10);
        return day >= from && day <= to;
      })
      .map((b) => b._id)
      .sort();
  const query = (from: string, to: string, field: string) => `&from=${from}&to=${to}&timeZone=UTC&dateField=${field}`;

  beforeAll(async () => {
    // The reach is learnt first (one walk of every booking), then hundreds of series are moved: a look for changes.
    await exportIds(stack.gateway, query('2026-11-02', '2026-11-02', 'START'));
    const oneOffs = bookings().filter(
      (b) => !b.recurrence?.rrule && startOf(b) >= '2026-04-01' && startOf(b) < '2026-11-15',
    );
    expect(oneOffs.length).toBeGreaterThan(MOVED);
    for (const [i, b] of oneOffs.slice(0, MOVED).entries()) {
      const seriesStart = new Date(Date.parse(startOf(b)) - offsetOf(i)).toISOString();
      await stack.simulator.update('bookings', b._id, { seriesStart });
    }
  }, 60_000);

  it('by START and END, in a day and in ten days, exported and through GraphQL: exact, the far rows capped and the near reach widened', async () => {
    for (const [from, to, field] of WINDOWS) {
      stack.simulator.log.reset();
      expect(await exportIds(stack.gateway, query(from, to, field))).toEqual(expected(from, to, field));
      expect(await graphIds(stack, from, to, field)).toEqual(expected(from, to, field));
      // Far rows are read 50 ids a call on v2 (§8), one GET each on v1.
      const byId = stack.simulator.log.entries().filter((e) => e.kind === 'api' && e.collection === 'bookings');
      if (version === 'v2') {
        const batches = byId.filter((e) => e.query['_id[$in]'] !== undefined || e.query['_id.$in'] !== undefined);
        expect(batches.length).toBeLessThanOrEqual(1 + Math.ceil(MAX_FAR_ROWS / 50 / 10));
      }
    }
    const learnt = sizes.seriesReach();
    const near = learnt?.near as SeriesReach;
    expect(learnt?.far).toBeInstanceOf(Map);
    for (const side of ['start', 'end'] as const) {
      const far = [...(learnt?.far?.values() ?? [])].filter((row) => !covers(near[side], row, side));
      expect(far.length).toBeLessThanOrEqual(MAX_FAR_ROWS);
    }
    // More than MAX_FAR_ROWS moved on start: the nearest are covered by widening, by no more than the moves.
    expect(near.start.before + near.start.after).toBeGreaterThan(0);
    expect(Math.max(near.start.before, near.start.after)).toBeLessThanOrEqual(6 * DAY);
  }, 60_000);

  it('a window with many far rows close to it pays the cheaper of their GETs and the widening over them', async () => {
    // The window where one GET per far row cost 15 calls on v1 (about 2 pages would do). A second gateway knows the
    // same reach but not the bookings' spread: it cannot price the widening, so it reads every far row by id.
    const [from, to, field] = ['2026-10-05', '2026-10-14', 'START'] as const;
    const logger = createLogger({ level: 'error', secrets: ['demo-secret'], write: () => undefined });
    const learnt = sizes.seriesReach();
    expect(learnt?.spread?.count).toBe(bookings().length);
    const { spread: _unknown, ...withoutSpread } = learnt as NonNullable<typeof learnt>;
    const blind = createCollectionSizes();
    blind.setSeriesReach(withoutSpread);
    const byIdOnly = createGateway({ officernd: stack.officernd, logger, sizes: blind, clock: () => TEST_NOW });
    const calls = async (read: () => Promise<string[]>) => {
      stack.simulator.log.reset();
      expect(await read()).toEqual(expected(from, to, field));
      const made = stack.simulator.log.entries().filter((e) => e.kind === 'api' && e.collection === 'bookings');
      return { all: made.length, gets: made.filter((e) => e.id !== null).length };
    };
    const before = await calls(() => exportIds(byIdOnly, query(from, to, field)));
    const now = await calls(() => exportIds(stack.gateway, query(from, to, field)));
    const graph = await calls(() => graphIds(stack, from, to, field));
    if (version === 'v1') {
      // One GET per far row before: this window's 15 (the seed's), 17 calls with its page and the look for changes;
      // now the lower bound widens over them all at the price of one more page: 3 calls.
      expect(before).toEqual({ all: 17, gets: 15 });
      expect(now.gets).toBe(0);
      expect(now.all).toBeLessThanOrEqual(4);
      expect(graph.all).toBeLessThanOrEqual(4);
    } else {
      // v2 reads 50 far rows a call (§8): a widening costs a page of 50 at least, so it rarely pays; never more calls.
      expect(now.all).toBeLessThanOrEqual(before.all);
      expect(graph.all).toBeLessThanOrEqual(before.all);
    }
  }, 60_000);

  it('a gateway learning the reach from scratch over the moved series is exact too', async () => {
    const logger = createLogger({ level: 'error', secrets: ['demo-secret'], write: () => undefined });
    const officernd = demoClient(stack.simulator, {
      logger,
      maxRequestsPerMinute: 1_000_000,
      ...versionClient(version),
    });
    const fresh: CollectionSizes = createCollectionSizes();
    const gateway = createGateway({ officernd, logger, sizes: fresh, clock: () => TEST_NOW });
    for (const [from, to, field] of WINDOWS) {
      expect(await exportIds(gateway, query(from, to, field))).toEqual(expected(from, to, field));
    }
    expect(fresh.seriesReach()?.near?.start).toEqual(sizes.seriesReach()?.near?.start);
  }, 60_000);
});
