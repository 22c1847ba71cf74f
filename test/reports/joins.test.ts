import { describe, expect, it } from 'vitest';
import type { WireBooking, WireMember, WirePayment, WireResource } from '../../src/officernd/types.ts';
import { WALK_AFTER_IDS } from '../../src/reports/joins.ts';
import { PROBE_AFTER_IDS } from '../../src/loaders/index.ts';
import { createTestStack } from '../helpers.ts';
import { parseExport } from './support.ts';

// Joined columns are read through the request's loaders once per page: the simulator's request log must show one
// call per distinct object of a large collection (one walk once a report needs many of them), one walk per catalogue,
// never a call per row.

/**
 * A v1 server that ignores `$populate` (§4): every reference is joined the planned way these tests count. What the
 * rows' own pages bring populated is tested in populate-export.test.ts.
 */
const PLANNED = { simulator: { v1Populate: 'ignored' } } as const;

const COLUMNS = ['_id', 'member.name', 'member.team.name', 'office.name', 'resource.name', 'plan.name'];

function distinct(values: readonly unknown[]): Set<string> {
  return new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''));
}

/**
 * Calls made for references read 100 rows at a time, as README "Batching rules" 4 and the exports section state
 * them: per page, a report whose distinct ids so far, extrapolated over the rows still ahead (one more page while
 * more follow, none after the last), outnumber the pages a walk is taken to cost (WALK_AFTER_IDS while the size is
 * unknown, or more once a walk has shown the collection to be longer) reads the collection once; otherwise the
 * loaders fetch the ids not known yet: one GET each under PROBE_AFTER_IDS ids, else a walk of at most half as many
 * pages as ids (everything it reads becomes known), then GETs for the rest.
 */
function callsFor(refs: readonly unknown[], all: readonly { _id: string }[]): number {
  const pagesOf = (n: number) => Math.max(1, Math.ceil(n / 100));
  const known = new Set<string>();
  const asked = new Set<string>();
  let lowerBound = 0;
  let calls = 0;
  let rows = 0;
  for (let start = 0; start < refs.length; start += 100) {
    const slice = refs.slice(start, start + 100);
    rows += slice.length;
    const ahead = start + 100 < refs.length ? slice.length : 0;
    const page = distinct(slice);
    for (const id of page) asked.add(id);
    const walkPages = Math.max(WALK_AFTER_IDS, pagesOf(lowerBound + 1));
    if (asked.size * (1 + ahead / rows) > walkPages) return calls + pagesOf(all.length);
    const fresh = [...page].filter((id) => !known.has(id));
    const bound = Math.ceil(fresh.length / 2);
    if (fresh.length >= PROBE_AFTER_IDS && pagesOf(lowerBound + 1) <= bound) {
      if (pagesOf(all.length) <= bound) return calls + pagesOf(all.length);
      calls += bound;
      lowerBound = bound * 100;
      for (const item of all.slice(0, lowerBound)) known.add(item._id);
    }
    for (const id of fresh) {
      if (known.has(id)) continue;
      known.add(id);
      calls += 1;
    }
  }
  return calls;
}

describe('joined columns', () => {
  it('joins member, team, office, resource and rate of every booking: a call per distinct object, or one walk once many are needed', async () => {
    const stack = createTestStack(PLANNED);
    const data = stack.simulator.dataset.collections;
    const bookings = data.bookings as WireBooking[];
    const members = new Map((data.members as WireMember[]).map((m) => [m._id, m]));
    const byId = <T extends { _id: string }>(items: T[]) => new Map(items.map((i) => [i._id, i]));
    const teams = byId(data.teams as { _id: string; name: string }[]);
    const offices = byId(data.offices as { _id: string; name: string }[]);
    const resources = byId(data.resources as WireResource[]);
    const rates = byId(data.rates as { _id: string; name: string }[]);

    stack.simulator.log.reset();
    const response = await stack.gateway.fetch(
      `http://gateway.test/reports/bookings.ndjson?columns=${COLUMNS.join(',')}`,
    );
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
    // filter, §8), until the report is projected to need more members than a walk costs: then one walk of them.
    const memberCalls = callsFor(
      bookings.map((b) => b.member),
      data.members,
    );
    const memberIds = distinct(bookings.map((b) => b.member));
    const teamIds = distinct([...memberIds].map((id) => members.get(id)?.team));
    const resourceIds = distinct(bookings.map((b) => b.resourceId));
    expect(memberIds.size).toBeGreaterThan(WALK_AFTER_IDS);
    expect(teamIds.size).toBeLessThanOrEqual(WALK_AFTER_IDS);
    expect(resourceIds.size).toBeLessThanOrEqual(WALK_AFTER_IDS);
    const pages = Math.ceil(bookings.length / 100);
    expect(stack.apiCalls({ collection: 'bookings' })).toBe(pages);
    expect(stack.apiCalls({ collection: 'members' })).toBe(memberCalls);
    // Offices and rates: one walk each.
    const teamCalls = callsFor(
      bookings.map((b) => (b.member ? members.get(b.member)?.team : null)),
      data.teams,
    );
    const resourceCalls = callsFor(
      bookings.map((b) => b.resourceId),
      data.resources,
    );
    expect(stack.apiCalls({ collection: 'teams' })).toBe(teamCalls);
    expect(stack.apiCalls({ collection: 'resources' })).toBe(resourceCalls);
    expect(stack.apiCalls({ collection: 'offices' })).toBe(1);
    expect(stack.apiCalls({ collection: 'rates' })).toBe(1);
    expect(stack.apiCalls()).toBe(pages + memberCalls + teamCalls + resourceCalls + 2);
    // Far below one call per row and reference.
    expect(stack.apiCalls()).toBeLessThan(bookings.length / 5);
  });

  it('walks a joined collection as soon as the rows ahead make a walk cheaper, with only the fields read, and later reports plan with the size it showed', async () => {
    // Scale 2: 5,000 members, 50 pages, longer than the loaders would probe for one page's ids.
    const stack = createTestStack({ scale: 2, ...PLANNED });
    const data = stack.simulator.dataset.collections;
    const bookings = data.bookings as WireBooking[];
    const names = new Map((data.members as WireMember[]).map((m) => [m._id, m.name]));
    const memberPages = Math.ceil(names.size / 100);
    expect(memberPages).toBe(50);
    const memberCalls = (byId: boolean) => stack.apiCalls({ collection: 'members', id: byId });
    const memberSelects = () =>
      stack.simulator.log
        .entries()
        .filter((e) => e.kind === 'api' && e.collection === 'members' && e.id === null)
        .map((e) => e.query.$select);
    const exportRows = async (limit: number) => {
      stack.simulator.log.reset();
      const response = await stack.gateway.fetch(
        `http://gateway.test/reports/bookings.ndjson?columns=_id,member.name&limit=${limit}`,
      );
      expect(response.status).toBe(200);
      const rows = parseExport('ndjson', await response.text()).rows;
      expect(rows).toEqual(
        bookings.slice(0, limit).map((b) => [b._id, (b.member ? names.get(b.member) : null) ?? null]),
      );
    };
    const distinctIn = (limit: number) => distinct(bookings.slice(0, limit).map((b) => b.member)).size;

    // 1,000 rows: the first page's members, over the 900 rows ahead, outnumber any walk the size could allow
    // (unknown yet): one walk from the first page, asking for names only; no GET by id, no probe.
    await exportRows(1000);
    expect(memberCalls(false)).toBe(memberPages);
    expect(memberCalls(true)).toBe(0);
    expect(new Set(memberSelects())).toEqual(new Set(['name']));

    // The walk showed 50 pages. A report needing fewer distinct members than that reads them by id...
    let few = 1;
    while (distinctIn(few + 1) < memberPages) few += 1;
    await exportRows(few);
    expect(memberCalls(true)).toBe(distinctIn(few));
    expect(memberCalls(false)).toBe(0);

    // ...and one needing more (a single page: nothing ahead) walks them.
    const more = few + 5;
    expect(distinctIn(more)).toBeGreaterThan(memberPages);
    expect(more).toBeLessThanOrEqual(100);
    await exportRows(more);
    expect(memberCalls(true)).toBe(0);
    expect(memberCalls(false)).toBe(memberPages);
    expect(new Set(memberSelects())).toEqual(new Set(['name']));
  });

  it('joins only the rows delivered: a limit costs the references of those rows', async () => {
    const stack = createTestStack(PLANNED);
    const bookings = (stack.simulator.dataset.collections.bookings as WireBooking[]).slice(0, 10);
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch(
      'http://gateway.test/reports/bookings.csv?columns=_id,member.name&limit=10',
    );
    expect(response.status).toBe(200);
    expect(parseExport('csv', await response.text()).rows).toHaveLength(10);
    const pageRequests = stack.simulator.log.entries().filter((e) => e.collection === 'bookings');
    expect(pageRequests.map((e) => e.query.$limit)).toEqual(['10']);
    expect(stack.apiCalls({ collection: 'members', id: true })).toBe(distinct(bookings.map((b) => b.member)).size);
  });

  it('joins through expanded elements (a line plan is a plan or a rate §6.7) with one walk per catalogue', async () => {
    const stack = createTestStack(PLANNED);
    const data = stack.simulator.dataset.collections;
    const payments = data.payments as WirePayment[];
    const named = [
      ...(data.plans as { _id: string; name: string }[]),
      ...(data.rates as { _id: string; name: string }[]),
    ];
    const plans = new Map(named.map((p) => [p._id, p.name]));
    const ratesReferenced = payments.some((p) =>
      (p.invoiceLines ?? []).some((l) => (data.rates as { _id: string }[]).some((r) => r._id === l.plan)),
    );
    expect(ratesReferenced).toBe(true);
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch(
      'http://gateway.test/reports/payments.ndjson?expand=invoiceLines&columns=number,invoiceLines.plan.name',
    );
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

  it('a walked collection still answers nested paths, custom properties and deeper joins of its objects', async () => {
    // Scale 0.5: more than WALK_AFTER_IDS distinct teams among the members, so the teams are read whole.
    const stack = createTestStack({ scale: 0.5, ...PLANNED });
    const data = stack.simulator.dataset.collections;
    type Team = {
      _id: string;
      name: string;
      office?: string;
      properties?: Record<string, unknown>;
      address?: { city?: string | null };
    };
    const members = data.members as WireMember[];
    const teams = new Map((data.teams as Team[]).map((t) => [t._id, t]));
    const offices = new Map((data.offices as { _id: string; name: string }[]).map((o) => [o._id, o.name]));
    expect(distinct(members.map((m) => m.team)).size).toBeGreaterThan(WALK_AFTER_IDS);
    const columns = ['name', 'team.name', 'team.properties.industry', 'team.address.city', 'team.office.name'];
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch(
      `http://gateway.test/reports/members.ndjson?columns=${columns.join(',')}`,
    );
    const table = parseExport('ndjson', await response.text());
    expect(table.rows).toEqual(
      members.map((m) => {
        const team = m.team ? teams.get(m.team) : undefined;
        return [
          m.name,
          team?.name ?? null,
          team?.properties?.industry ?? null,
          team?.address?.city ?? null,
          (team?.office ? offices.get(team.office) : null) ?? null,
        ];
      }),
    );
    // Every column has values, and the teams were read whole (list calls) once they were many.
    for (let column = 1; column < columns.length; column++)
      expect(table.rows.some((row) => row[column] !== null)).toBe(true);
    expect(stack.apiCalls({ collection: 'teams', id: false })).toBe(Math.ceil(teams.size / 100));
  });

  it('joins resource types by their type key (§6.18) with one walk', async () => {
    const stack = createTestStack(PLANNED);
    const data = stack.simulator.dataset.collections;
    const titles = new Map((data['resource-types'] as { type: string; title: string }[]).map((t) => [t.type, t.title]));
    stack.simulator.log.reset();
    const table = parseExport(
      'ndjson',
      await (
        await stack.gateway.fetch(
          'http://gateway.test/reports/resources.ndjson?columns=name,resourceType.title,floor.name',
        )
      ).text(),
    );
    const floors = new Map((data.floors as { _id: string; name: string }[]).map((f) => [f._id, f.name]));
    expect(table.rows).toEqual(
      (data.resources as WireResource[]).map((r) => [
        r.name,
        titles.get(r.type ?? '') ?? null,
        (r.room ? floors.get(r.room) : null) ?? null,
      ]),
    );
    expect(stack.apiCalls({ collection: 'resource-types' })).toBe(1);
    expect(stack.apiCalls({ collection: 'floors' })).toBe(1);
  });
});
