import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../bench/export.ts';
import { createTestStack } from '../helpers.ts';
import { parseExport } from '../reports/support.ts';

// Figure 4 of `npm run bench` times an export; its upstream calls are a count, and can be asserted: every bookings
// page once, each joined collection read whole once (the export needs far more of their objects than their pages),
// the catalogues once, and no GET by id — the walk bound, at a scale small enough for the test suite.

describe('bench figure 4: upstream calls of the export', () => {
  it('the bench export (expand=fees, 5 joined columns) costs exactly the walk bound', async () => {
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
    expect({
      bookings: calls('bookings', false),
      members: calls('members', false),
      teams: calls('teams', false),
      resources: calls('resources', false),
      offices: calls('offices', false),
      rates: calls('rates', false),
    }).toEqual({
      bookings: pages('bookings'),
      members: pages('members'),
      teams: pages('teams'),
      resources: pages('resources'),
      offices: 1,
      rates: 1,
    });
    expect(stack.apiCalls()).toBe(pages('bookings') + pages('members') + pages('teams') + pages('resources') + 2);
  });
});
