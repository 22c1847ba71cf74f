import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../bench/export.ts';
import { createTestStack } from '../helpers.ts';
import { parseExport } from '../reports/support.ts';

// Figure 4 of `npm run bench` times an export; its upstream calls are a count, and can be asserted: every bookings
// page once, its one-level joined columns populated on those pages (v1 `$populate`); where OfficeRnD ignores that,
// each joined collection read whole once (the export needs far more of their objects than their pages), the
// catalogues once, and no GET by id — the walk bound, at a scale small enough for the test suite.

describe('bench figure 4: upstream calls of the export', () => {
  it('the bench export (expand=fees, 5 joined columns) costs its bookings pages, or exactly the walk bound without $populate', async () => {
    const stack = createTestStack({ scale: 2 });
    const data = stack.simulator.dataset.collections;
    const pages = (collection: keyof typeof data): number => Math.ceil(data[collection].length / 100);
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch(
      `http://gateway.test/reports/bookings.csv?expand=fees&columns=${EXPORT_COLUMNS.join(',')}`,
    );
    expect(response.status).toBe(200);
    const table = parseExport('csv', await response.text());
    expect(table.columns).toEqual(EXPORT_COLUMNS);
    expect(table.rows.length).toBeGreaterThanOrEqual(data.bookings.length);
    const calls = (collection: string, byId: boolean) => stack.apiCalls({ collection, id: byId });
    // v1 `$populate` (README Batching rules 4): the five joined columns come on the bookings pages themselves.
    expect({
      bookings: calls('bookings', false),
      members: calls('members', false),
      teams: calls('teams', false),
      resources: calls('resources', false),
      offices: calls('offices', false),
      rates: calls('rates', false),
    }).toEqual({
      bookings: pages('bookings'),
      members: 0,
      teams: 0,
      resources: 0,
      offices: 0,
      rates: 0,
    });
    expect(stack.apiCalls()).toBe(pages('bookings'));
    // A server that ignores `$populate`: the walk bound of each joined collection read whole once.
    const planned = createTestStack({ scale: 2, simulator: { v1Populate: 'ignored' } });
    planned.simulator.log.reset();
    const again = await planned.gateway.fetch(
      `http://gateway.test/reports/bookings.csv?expand=fees&columns=${EXPORT_COLUMNS.join(',')}`,
    );
    expect(parseExport('csv', await again.text())).toEqual(table);
    const walked = (collection: string, byId: boolean) => planned.apiCalls({ collection, id: byId });
    expect({
      bookings: walked('bookings', false),
      members: walked('members', false),
      teams: walked('teams', false),
      resources: walked('resources', false),
      offices: walked('offices', false),
      rates: walked('rates', false),
    }).toEqual({
      bookings: pages('bookings'),
      members: pages('members'),
      teams: pages('teams'),
      resources: pages('resources'),
      offices: 1,
      rates: 1,
    });
    expect(planned.apiCalls()).toBe(pages('bookings') + pages('members') + pages('teams') + pages('resources') + 2);
  });
});
