import { describe, expect, it } from 'vitest';
import type { WireBooking, WireMember, WirePayment, WireResource } from '../../src/officernd/types.ts';
import { WALK_AFTER_IDS } from '../../src/reports/joins.ts';
import { createTestStack } from '../helpers.ts';
import { parseExport } from './support.ts';

// Joined columns are read through the request's loaders once per page: the simulator's request log must show one
// call per distinct object of a large collection (one walk once a report needs many of them), one walk per catalogue,
// never a call per row.

const COLUMNS = ['_id', 'member.name', 'member.team.name', 'office.name', 'resource.name', 'plan.name'];

function distinct(values: readonly unknown[]): Set<string> {
  return new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''));
}

/** Calls the loaders make for references read 100 rows at a time: GETs until WALK_AFTER_IDS ids, then one walk. */
function callsFor(refs: readonly unknown[], collectionSize: number): number {
  const fetched = new Set<string>();
  for (let start = 0; start < refs.length; start += 100) {
    const page = distinct(refs.slice(start, start + 100));
    const fresh = [...page].filter((id) => !fetched.has(id));
    if (fetched.size + fresh.length > WALK_AFTER_IDS) return fetched.size + Math.ceil(collectionSize / 100);
    for (const id of fresh) fetched.add(id);
  }
  return fetched.size;
}

describe('joined columns', () => {
  it('joins member, team, office, resource and rate of every booking: a call per distinct object, or one walk once many are needed', async () => {
    const stack = createTestStack();
    const data = stack.simulator.dataset.collections;
    const bookings = data.bookings as WireBooking[];
    const members = new Map((data.members as WireMember[]).map((m) => [m._id, m]));
    const byId = <T extends { _id: string }>(items: T[]) => new Map(items.map((i) => [i._id, i]));
    const teams = byId(data.teams as { _id: string; name: string }[]);
    const offices = byId(data.offices as { _id: string; name: string }[]);
    const resources = byId(data.resources as WireResource[]);
    const rates = byId(data.rates as { _id: string; name: string }[]);

    stack.simulator.log.reset();
    const response = await stack.gateway.fetch(`http://gateway.test/reports/bookings.ndjson?columns=${COLUMNS.join(',')}`);
    const table = parseExport('ndjson', await response.text());
    expect(table.columns).toEqual(COLUMNS);
    expect(table.rows).toEqual(
      bookings.map((b) => {
        const member = b.member ? members.get(b.member) : undefined;
        return [
          b._id,
          member?.name ?? null,
          (member?.team ? teams.get(member.team)?.name : null) ?? null,
          (b.office ? offices.get(b.office)?.name : null) ?? null,
          (b.resourceId ? resources.get(b.resourceId)?.name : null) ?? null,
          (b.plan ? rates.get(b.plan)?.name : null) ?? null,
        ];
      }),
    );

    // Per page of 100 bookings, the loaders fetch the members not yet known, one GET each (v1 has no multi-id
    // filter, §8), until the report has asked for more than WALK_AFTER_IDS members: then one walk of the members.
    const memberCalls = callsFor(bookings.map((b) => b.member), data.members.length);
    const memberIds = distinct(bookings.map((b) => b.member));
    const teamIds = distinct([...memberIds].map((id) => members.get(id)?.team));
    const resourceIds = distinct(bookings.map((b) => b.resourceId));
    expect(memberIds.size).toBeGreaterThan(WALK_AFTER_IDS);
    expect(teamIds.size).toBeLessThanOrEqual(WALK_AFTER_IDS);
    expect(resourceIds.size).toBeLessThanOrEqual(WALK_AFTER_IDS);
    const pages = Math.ceil(bookings.length / 100);
    expect(stack.apiCalls({ collection: 'bookings' })).toBe(pages);
    expect(stack.apiCalls({ collection: 'members' })).toBe(memberCalls);
    // Teams and resources stay below the threshold: one GET per distinct object; offices and rates: one walk each.
    expect(stack.apiCalls({ collection: 'teams', id: true })).toBe(teamIds.size);
    expect(stack.apiCalls({ collection: 'resources', id: true })).toBe(resourceIds.size);
    expect(stack.apiCalls({ collection: 'offices' })).toBe(1);
    expect(stack.apiCalls({ collection: 'rates' })).toBe(1);
    expect(stack.apiCalls()).toBe(pages + memberCalls + teamIds.size + resourceIds.size + 2);
    // Far below one call per row and reference.
    expect(stack.apiCalls()).toBeLessThan(bookings.length / 5);
  });

  it('joins only the rows delivered: a limit costs the references of those rows', async () => {
    const stack = createTestStack();
    const bookings = (stack.simulator.dataset.collections.bookings as WireBooking[]).slice(0, 10);
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch('http://gateway.test/reports/bookings.csv?columns=_id,member.name&limit=10');
    expect(response.status).toBe(200);
    expect(parseExport('csv', await response.text()).rows).toHaveLength(10);
    const pageRequests = stack.simulator.log.entries().filter((e) => e.collection === 'bookings');
    expect(pageRequests.map((e) => e.query.$limit)).toEqual(['10']);
    expect(stack.apiCalls({ collection: 'members', id: true })).toBe(distinct(bookings.map((b) => b.member)).size);
  });

  it('joins through expanded elements (a line plan is a plan or a rate §6.7) with one walk per catalogue', async () => {
    const stack = createTestStack();
    const data = stack.simulator.dataset.collections;
    const payments = data.payments as WirePayment[];
    const named = [...(data.plans as { _id: string; name: string }[]), ...(data.rates as { _id: string; name: string }[])];
    const plans = new Map(named.map((p) => [p._id, p.name]));
    const ratesReferenced = payments.some((p) => (p.invoiceLines ?? []).some((l) => (data.rates as { _id: string }[]).some((r) => r._id === l.plan)));
    expect(ratesReferenced).toBe(true);
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch('http://gateway.test/reports/payments.ndjson?expand=invoiceLines&columns=number,invoiceLines.plan.name');
    const table = parseExport('ndjson', await response.text());
    expect(table.rows).toEqual(
      payments.flatMap((p) =>
        (p.invoiceLines ?? []).length === 0
          ? [[p.number, null]]
          : (p.invoiceLines ?? []).map((line) => [p.number, (line.plan ? plans.get(line.plan) : null) ?? null]),
      ),
    );
    expect(stack.apiCalls({ collection: 'plans' })).toBe(1);
    expect(stack.apiCalls({ collection: 'rates' })).toBe(1);
    expect(stack.apiCalls()).toBe(Math.ceil(payments.length / 100) + 2);
  });

  it('joins resource types by their type key (§6.18) with one walk', async () => {
    const stack = createTestStack();
    const data = stack.simulator.dataset.collections;
    const titles = new Map((data['resource-types'] as { type: string; title: string }[]).map((t) => [t.type, t.title]));
    stack.simulator.log.reset();
    const table = parseExport('ndjson', await (await stack.gateway.fetch('http://gateway.test/reports/resources.ndjson?columns=name,resourceType.title,floor.name')).text());
    const floors = new Map((data.floors as { _id: string; name: string }[]).map((f) => [f._id, f.name]));
    expect(table.rows).toEqual(
      (data.resources as WireResource[]).map((r) => [r.name, titles.get(r.type ?? '') ?? null, (r.room ? floors.get(r.room) : null) ?? null]),
    );
    expect(stack.apiCalls({ collection: 'resource-types' })).toBe(1);
    expect(stack.apiCalls({ collection: 'floors' })).toBe(1);
  });
});
