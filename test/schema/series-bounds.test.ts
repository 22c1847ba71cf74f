import { beforeAll, describe, expect, it } from 'vitest';
import type { WireBooking } from '../../src/officernd/types.ts';
import { createTestStack, type TestStack } from '../helpers.ts';

// Issue 21: a dated bookings read sends both bounds on seriesStart (§6.1), widened by how far the organization's rows
// lie from their seriesStart, and stays exact for the simulator's awkward series (first instance excluded, anchor
// moved a day earlier, open-ended) in every v1 filter mode, through the graph and the exports alike. A booking that
// changes after the reach was learnt (a series whose first weeks are excluded) is still found. Rows further than a
// day from their seriesStart are read by id after the window's pages (README "Date selection"), so rows are compared
// in any order, each exactly once.

const sorted = (ids: readonly string[]): string[] => [...ids].sort();

const DAY = 86_400_000;

const startOf = (b: WireBooking): string => b.start?.dateTime ?? b.start?.date ?? '';
const endOf = (b: WireBooking): string => b.end?.dateTime ?? b.end?.date ?? '';
const dayOf = (iso: string): string => iso.slice(0, 10);

/** The dataset's awkward series, found from their data (not from the generator's order). */
function awkwardSeries(
  bookings: readonly WireBooking[],
): Record<'firstExcluded' | 'anchorMoved' | 'openEnded', WireBooking> {
  const recurring = bookings.filter((b) => b.recurrence?.rrule);
  const firstExcluded = recurring.find((b) => (b.recurrence?.exdates ?? []).includes(b.seriesStart ?? ''));
  const anchorMoved = recurring.find((b) => startOf(b) < (b.seriesStart ?? ''));
  const openEnded = recurring.find((b) => b.seriesEnd === null);
  if (!firstExcluded || !anchorMoved || !openEnded) throw new Error('the simulator lost its awkward series');
  return { firstExcluded, anchorMoved, openEnded };
}

type BookingPage = { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

async function graphIds(stack: TestStack, on: string, dateField: 'START' | 'END'): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let call = 0; call < 20; call += 1) {
    const result: Awaited<ReturnType<typeof stack.query<{ bookings: BookingPage }>>> = await stack.query<{
      bookings: BookingPage;
    }>(
      `query($on: Date!, $field: BookingDateField, $after: String) {
        bookings(dates: { on: $on }, dateField: $field, first: 500, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
      { on, field: dateField, after },
    );
    expect(result.errors).toBeUndefined();
    const page: BookingPage | undefined = result.data?.bookings;
    ids.push(...(page?.nodes ?? []).map((n) => n.id));
    if (!page?.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return ids;
}

async function exportIds(stack: TestStack, on: string, dateField: 'START' | 'END'): Promise<string[]> {
  const response = await stack.gateway.fetch(
    `http://gateway.test/reports/bookings.ndjson?columns=_id&on=${on}&dateField=${dateField}`,
  );
  expect(response.status).toBe(200);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { _id: string })._id);
}

/** Window reads (not the reach's own reads) of bookings since the last log reset. */
const windowQueries = (stack: TestStack) =>
  stack.simulator.log
    .entries()
    .filter((e) => e.kind === 'api' && e.collection === 'bookings' && e.id === null)
    .map((e) => e.query)
    .filter((q) => q.$select === undefined && q['modifiedAt.$gte'] === undefined);

describe.each(['all', 'documented', 'strict'] as const)('seriesStart bounds with v1 filters %s', (mode) => {
  const stack = createTestStack({ simulator: { v1Filters: mode } });
  const bookings = () => stack.simulator.dataset.collections.bookings;
  const expected = (on: string, read: (b: WireBooking) => string) =>
    bookings()
      .filter((b) => dayOf(read(b)) === on)
      .map((b) => b._id);
  // An export waits for the reach to be learnt (a GraphQL read starts learning it and reads unbounded meanwhile).
  beforeAll(async () => {
    await exportIds(stack, '2026-11-02', 'START');
  });

  it.each(['firstExcluded', 'anchorMoved', 'openEnded'] as const)(
    'finds the %s series on the day of its row, by START and END',
    async (name) => {
      const series = awkwardSeries(bookings())[name];
      for (const [field, read] of [
        ['START', startOf],
        ['END', endOf],
      ] as const) {
        const on = dayOf(read(series));
        const want = expected(on, read);
        expect(want).toContain(series._id);
        stack.simulator.log.reset();
        expect(sorted(await graphIds(stack, on, field))).toEqual(sorted(want));
        expect(sorted(await exportIds(stack, on, field))).toEqual(sorted(want));
        // Both bounds went upstream, and they narrowed: a day's window reads a few pages, not the history.
        const sent = windowQueries(stack);
        expect(sent.length).toBeGreaterThan(0);
        for (const query of sent) {
          expect(query['seriesStart.$gte']).toBeDefined();
          expect(query['seriesStart.$lte']).toBeDefined();
        }
        expect(sent.length).toBeLessThan(Math.ceil(bookings().length / 100));
      }
    },
  );

  it('still finds a booking whose first weeks were excluded after the reach was learnt', async () => {
    await graphIds(stack, '2026-11-02', 'START');
    const target = bookings().find((b) => !b.recurrence?.rrule && dayOf(startOf(b)) === '2026-11-03');
    expect(target).toBeDefined();
    const id = (target as WireBooking)._id;
    // Its series now begins 90 days before its row: further than any row the gateway has seen.
    const seriesStart = new Date(Date.parse(startOf(target as WireBooking)) - 90 * DAY).toISOString();
    await stack.simulator.update('bookings', id, {
      seriesStart,
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=14', exdates: [seriesStart] },
    });
    stack.simulator.log.reset();
    const ids = await graphIds(stack, '2026-11-03', 'START');
    expect(ids).toContain(id);
    expect(sorted(ids)).toEqual(sorted(expected('2026-11-03', startOf)));
    // The window is not widened by 90 days for it: the look for changed bookings saw it, and it is read by id.
    for (const query of windowQueries(stack)) expect((query['seriesStart.$gte'] ?? '') > seriesStart).toBe(true);
    expect(stack.simulator.log.entries().some((e) => e.kind === 'api' && e.id === id)).toBe(true);
    expect(sorted(await exportIds(stack, '2026-11-03', 'START'))).toEqual(sorted(expected('2026-11-03', startOf)));
  });
});
