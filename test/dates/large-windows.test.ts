import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/gateway.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { createLargeOrg, FROM, inWindow, TO } from './large-org.ts';

// Issue 21 on an organization of a real size (scale 3.2 × 2 years ≈ 51,200 bookings): a 10-day window reads the
// window's pages, not the history. Call counts only (never times): at most 1.2 × the window's pages + 5.

let simulator: Simulator;
let gateway: Gateway;

beforeAll(() => {
  ({ simulator, gateway } = createLargeOrg());
}, 120_000);

async function exportRows(report: string, query: string): Promise<string[]> {
  const response = await gateway.fetch(
    `http://gateway.test/reports/${report}.csv?columns=_id&from=${FROM}&to=${TO}&timeZone=UTC${query}`,
  );
  expect(response.status).toBe(200);
  return (await response.text()).split('\r\n').slice(1, -1);
}

const calls = (collection: string) => simulator.log.count({ kind: 'api', collection });
const pagesOf = (rows: number) => Math.max(1, Math.ceil(rows / 100));

describe('a 10-day window on about 51,000 bookings', () => {
  it('has the size of a real organization', () => {
    expect(simulator.dataset.collections.bookings.length).toBeGreaterThanOrEqual(50_000);
  });

  it("reads bookings by START in about the window's pages once the reach is learnt", async () => {
    // The first dated bookings export learns the reach: one walk of every booking (four fields each).
    await exportRows('bookings', '');
    simulator.log.reset();
    const rows = await exportRows('bookings', '');
    const expected = simulator.dataset.collections.bookings.filter((b) => inWindow(b.start?.dateTime ?? b.start?.date));
    expect(rows).toEqual(expected.map((b) => b._id));
    expect(rows.length).toBeGreaterThan(1000);
    // The window is widened by the near reach (0 here: every row but the few awkward series lies at its
    // seriesStart), and those few, the far rows, are read by id when selected. Its pages, the look for bookings
    // changed since the reach was learnt, and those by-id reads.
    const bookings = simulator.dataset.collections.bookings;
    expect(calls('bookings')).toBeLessThanOrEqual(1.2 * pagesOf(rows.length) + 5);
    expect(calls('bookings')).toBeLessThan(pagesOf(bookings.length) / 10);
  }, 120_000);

  it.each([
    ['payments', 'CREATED_AT', 'createdAt'],
    ['members', 'CREATED_AT', 'createdAt'],
    ['fees', 'MODIFIED_AT', 'modifiedAt'],
  ] as const)(
    "reads %s by %s in about the window's pages",
    async (report, dateField, wire) => {
      simulator.log.reset();
      const rows = await exportRows(report, `&dateField=${dateField}`);
      const all = simulator.dataset.collections[report] as unknown as readonly ({ _id: string } & Record<
        string,
        unknown
      >)[];
      expect(rows).toEqual(all.filter((item) => inWindow(item[wire] as string | undefined)).map((item) => item._id));
      expect(calls(report)).toBeLessThanOrEqual(1.2 * pagesOf(rows.length) + 5);
      // The whole collection would have cost more.
      expect(calls(report)).toBeLessThan(pagesOf(all.length));
    },
    60_000,
  );
});
