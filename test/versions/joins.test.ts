import { describe, expect, it } from 'vitest';
import type { WireBooking, WireMember } from '../../src/officernd/types.ts';
import { WALK_AFTER_IDS } from '../../src/reports/joins.ts';
import { parseExport } from '../reports/support.ts';
import { apiCalls, createVersionStack, distinct } from './support.ts';

// The exports' joins over v2 (issue 15, §8): the references of each page of 50 rows that were not asked for before
// are read by `_id[$in]`, 50 ids a call, until the report is projected to make more such calls than a walk of the
// collection costs (WALK_AFTER_IDS pages while its size is unknown): then one walk.

/** Independent statement of the plan over v2 (README "Batching rules" 4 and "OfficeRnD v1 and v2"). */
function callsFor(refs: readonly unknown[], all: readonly { _id: string }[]): number {
  const pagesOf = (n: number) => Math.max(1, Math.ceil(n / 50));
  const asked = new Set<string>();
  let calls = 0;
  let rows = 0;
  for (let start = 0; start < refs.length; start += 50) {
    const slice = refs.slice(start, start + 50);
    rows += slice.length;
    const ahead = start + 50 < refs.length ? slice.length : 0;
    const fresh = [...distinct(slice)].filter((id) => !asked.has(id));
    for (const id of fresh) asked.add(id);
    const batches = Math.ceil(fresh.length / 50);
    if ((calls + batches) * (1 + ahead / rows) > WALK_AFTER_IDS) return calls + pagesOf(all.length);
    calls += batches;
  }
  return calls;
}

describe('joined columns over v2', () => {
  it('bookings with member and office names: one _id[$in] call per page of new members, offices walked once', async () => {
    const stack = createVersionStack('v2');
    const data = stack.simulator.dataset.collections;
    const bookings = data.bookings as WireBooking[];
    const members = new Map((data.members as WireMember[]).map((m) => [m._id, m]));
    const offices = new Map(data.offices.map((o) => [o._id, o]));
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch(
      'http://gateway.test/reports/bookings.ndjson?columns=_id,member.name,office.name',
    );
    expect(response.status).toBe(200);
    const table = parseExport('ndjson', await response.text());
    expect(table.rows).toEqual(
      bookings.map((b) => [
        b._id,
        (b.member ? members.get(b.member)?.name : null) ?? null,
        (b.office ? offices.get(b.office)?.name : null) ?? null,
      ]),
    );
    const calls = apiCalls(stack);
    const to = (path: string) => calls.filter((c) => c.path === path);
    expect(to('/bookings')).toHaveLength(Math.ceil(bookings.length / 50));
    expect(to('/members')).toHaveLength(
      callsFor(
        bookings.map((b) => b.member),
        data.members,
      ),
    );
    expect(to('/members').every((c) => (c.query['_id[$in]'] ?? '').split(',').length <= 50)).toBe(true);
    expect(calls.some((c) => /^\/members\/[0-9a-f]{24}$/.test(c.path))).toBe(false);
    expect(to('/locations')).toHaveLength(Math.ceil(data.offices.length / 50));
    expect(calls).toHaveLength(to('/bookings').length + to('/members').length + to('/locations').length);
  });
});
