import { beforeAll, describe, expect, it } from 'vitest';
import type { WireBooking, WireCheckin, WirePayment } from '../../src/officernd/types.ts';
import { createTestStack, type TestStack } from '../helpers.ts';
import { parseExport } from './support.ts';

// Date selection in exports: the same semantics as the graph (src/dates/), pushed down where safe (visible in
// the simulator's request log) and checked exactly on our side. The gateway's clock is TEST_NOW (2026-11-16T00:00Z).

let stack: TestStack;
beforeAll(() => {
  stack = createTestStack();
});

async function rows(path: string): Promise<unknown[][]> {
  const response = await stack.gateway.fetch(`http://gateway.test${path}`);
  expect(response.status).toBe(200);
  return parseExport('ndjson', await response.text()).rows;
}

describe('date selection in exports', () => {
  it('pushes a date-only range down as $gte/$lt on the chosen field and keeps exactly the selected days', async () => {
    const payments = stack.simulator.dataset.collections.payments as WirePayment[];
    stack.simulator.log.reset();
    const got = await rows(
      '/reports/payments.ndjson?dateField=dueDate&from=2026-10-01&to=2026-10-31&columns=_id,dueDate',
    );
    const expected = payments
      .filter((p) => (p.dueDate ?? '') >= '2026-10-01' && (p.dueDate ?? '') < '2026-11-01')
      .map((p) => [p._id, p.dueDate?.slice(0, 10)]);
    expect(expected.length).toBeGreaterThan(0);
    expect(got).toEqual(expected);
    const queries = stack.simulator.log
      .entries()
      .filter((e) => e.kind === 'api')
      .map((e) => e.query);
    expect(queries[0]).toMatchObject({
      'dueDate.$gte': '2026-10-01T00:00:00.000Z',
      'dueDate.$lt': '2026-11-01T00:00:00.000Z',
    });
    // Fewer pages than the whole collection.
    expect(queries.length).toBeLessThan(Math.ceil(payments.length / 100));
  });

  it('counts relative days in the given time zone (yesterday in Vancouver, clock at 2026-11-15 16:00 local)', async () => {
    const checkins = stack.simulator.dataset.collections.checkins as WireCheckin[];
    // 2026-11-14 in America/Vancouver (PST, UTC-8) is [08:00Z on the 14th, 08:00Z on the 15th).
    const from = Date.parse('2026-11-14T08:00:00.000Z');
    const to = Date.parse('2026-11-15T08:00:00.000Z');
    const expected = checkins
      .filter((c) => Date.parse(c.start) >= from && Date.parse(c.start) < to)
      .map((c) => [c._id]);
    expect(expected.length).toBeGreaterThan(0);
    expect(await rows('/reports/checkins.ndjson?daysBack=1&timeZone=America/Vancouver&columns=_id')).toEqual(expected);
  });

  it('takes period and weekStartsOn case-insensitively (last week starting Sunday)', async () => {
    const bookings = stack.simulator.dataset.collections.bookings as WireBooking[];
    // Today 2026-11-16 (a Monday, UTC): the week starting Sunday 15th; the previous one is 8th–14th.
    const from = Date.parse('2026-11-08T00:00:00.000Z');
    const to = Date.parse('2026-11-15T00:00:00.000Z');
    const expected = bookings
      .filter((b) => {
        const start = Date.parse(b.start.dateTime ?? b.start.date ?? '');
        return start >= from && start < to;
      })
      .map((b) => [b._id]);
    expect(expected.length).toBeGreaterThan(0);
    expect(await rows('/reports/bookings.ndjson?period=last_week&weekStartsOn=sunday&columns=_id')).toEqual(expected);
  });

  it('reads booking occurrences over more than a year in windows of at most a year, merged in order without duplicates', async () => {
    stack.simulator.log.reset();
    const got = await rows(
      '/reports/booking-occurrences.ndjson?from=2025-11-01&to=2027-01-31&columns=_id,start.dateTime',
    );
    const windows = stack.simulator.log.entries().filter((e) => e.collection === 'bookings/occurrences');
    const starts = [...new Set(windows.map((e) => e.query.start))];
    // The year windows (an export may cut them further into parallel sub-windows, none across a year's edge).
    // Year windows of 365 days, each asked from 1 ms before its start (§6.2 answers occurrences overlapping the
    // window), within the longest year.
    const first = Date.parse('2025-11-01T00:00:00.000Z');
    const edge = first + 365 * 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(starts).toEqual(expect.arrayContaining([iso(first - 1), iso(edge - 1)]));
    for (const { query } of windows) {
      const [start, end] = [Date.parse(query.start ?? ''), Date.parse(query.end ?? '')];
      expect(end - start).toBeLessThanOrEqual(365 * 86_400_000 + 1);
      expect(start < edge - 1 && end > edge).toBe(false);
    }
    const keys = got.map(([id, start]) => `${String(id)}@${String(start)}`);
    expect(new Set(keys).size).toBe(keys.length);
    const times = got.map(([, start]) => Date.parse(String(start)));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse('2025-11-01T00:00:00.000Z'));
    expect(times.at(-1)).toBeLessThan(Date.parse('2027-02-01T00:00:00.000Z'));

    // The graph's bookingOccurrences (its own paging over the same selection) lists the same occurrences.
    const viaGraph: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const result: {
        data?: {
          bookingOccurrences: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        };
      } = await stack.query(
        `query($after: String) { bookingOccurrences(dates: {from: "2025-11-01", to: "2027-01-31"}, first: 1000, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      viaGraph.push(...result.data!.bookingOccurrences.nodes.map((n) => n.id));
      if (!result.data!.bookingOccurrences.pageInfo.hasNextPage) break;
      after = result.data!.bookingOccurrences.pageInfo.endCursor;
    }
    expect(got.map(([id, start]) => `${String(id)}:${String(start)}`)).toEqual(viaGraph);
  });
});

describe('an occurrence that ends right where the selection starts', () => {
  it('is in an END selection of that day (OfficeRnD is asked from 1 ms before, as it answers overlaps only)', async () => {
    const bookings = stack.simulator.dataset.collections.bookings as WireBooking[];
    const template = bookings.find((b) => !b.recurrence && b.start?.dateTime) as WireBooking;
    const id = '6a0c2d9e00000000000000e1';
    const at = '2026-10-01T00:00:00.000Z';
    await stack.simulator.create('bookings', {
      ...template,
      _id: id,
      start: { dateTime: '2026-09-30T23:00:00.000Z', date: null },
      end: { dateTime: at, date: null },
    });
    const got = await rows(
      '/reports/booking-occurrences.ndjson?dateField=END&from=2026-10-01&to=2026-10-01&timeZone=UTC&columns=_id,end.dateTime',
    );
    expect(got).toContainEqual([id, at]);
    expect(got.every(([, end]) => String(end).startsWith('2026-10-01'))).toBe(true);
  });
});
