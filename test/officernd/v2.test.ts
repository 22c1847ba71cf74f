import { describe, expect, it } from 'vitest';
import {
  fromV2Item,
  toV2Query,
  V2_BY_ID,
  V2_DEFAULT_SCOPE,
  V2_PAGE_LIMIT,
  v2Field,
  v2Path,
} from '../../src/officernd/v2.ts';
import { createSimulator, generateDataset } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';

// The v2 wire adapter against the facts of shared/officernd-api.md (§2 renames, §3 paging, §4 operators and strict
// validation, §8 by-id endpoints), then the client over the simulator's v2.

const query = (entries: Record<string, string>) => new URLSearchParams(entries);

describe('v2 paths (§2)', () => {
  it.each([
    ['offices', '/locations'],
    ['/teams', '/companies'],
    ['rates', '/resource-rates'],
    ['issues', '/tickets'],
    ['credit-accounts/stats', '/coins/stats'],
    ['teams/0123456789abcdef01234567', '/companies/0123456789abcdef01234567'],
    ['members', '/members'],
    ['bookings/occurrences', '/bookings/occurrences'],
  ])('%s → %s', (v1, v2) => expect(v2Path(v1)).toBe(v2));

  it('knows the v2 by-id endpoints, which v1 lacks for payments and fees but v2 has (§8)', () => {
    expect(V2_BY_ID.has('payments')).toBe(true);
    expect(V2_BY_ID.has('fees')).toBe(true);
    expect(V2_BY_ID.has('resource-types')).toBe(false);
    expect(V2_BY_ID.has('charges')).toBe(false);
  });
});

describe('v2 query parameters (§3, §4)', () => {
  it('pages with $cursorNext and at most 50 a page', () => {
    const { params, dropped } = toV2Query('members', query({ $limit: '100', $next: 'abc' }));
    expect(params.toString()).toBe(`%24limit=${V2_PAGE_LIMIT}&%24cursorNext=abc`);
    expect(dropped).toEqual([]);
  });

  it('writes comparisons with brackets and renames fields', () => {
    const { params } = toV2Query(
      'bookings',
      query({ office: 'o1', resourceId: 'r1', canceled: 'false', 'seriesStart.$gte': '2026-01-01T00:00:00.000Z' }),
    );
    expect([...params]).toEqual([
      ['location', 'o1'],
      ['resource', 'r1'],
      ['isCancelled', 'false'],
      ['seriesStart[$gte]', '2026-01-01T00:00:00.000Z'],
    ]);
  });

  it('sends a list only the parameters it documents; the rest is dropped and named', () => {
    const { params, dropped } = toV2Query(
      'memberships',
      query({ team: 't1', 'modifiedAt.$gte': '2026-01-01T00:00:00.000Z', 'name.$swi': 'desk', $limit: '20' }),
    );
    expect(params.toString()).toBe('company=t1&%24limit=20');
    expect(dropped).toEqual(['modifiedAt.$gte', 'name.$swi']);
  });

  it('renames the fields of $select', () => {
    const { params } = toV2Query('payments', query({ $select: 'number,invoiceLines.total,team,office' }));
    expect(params.get('$select')).toBe('number,lines.total,company,location');
  });

  it('keeps credit-stat parameters under their v2 names', () => {
    const { params } = toV2Query('credit-accounts/stats', query({ team: 't1', month: '2026-11' }));
    expect(params.toString()).toBe('company=t1&month=2026-11');
  });
});

describe('v2 objects in their v1 shape (§2)', () => {
  it('renames a booking back, with its times as {dateTime}', () => {
    const v2 = {
      _id: 'b1',
      resource: 'r1',
      location: 'o1',
      company: 't1',
      title: 'Stand-up',
      isCancelled: true,
      rate: 'p1',
      start: '2026-11-03T09:00:00.000Z',
      end: '2026-11-03T10:00:00.000Z',
    };
    expect(fromV2Item('bookings', v2)).toEqual({
      _id: 'b1',
      resourceId: 'r1',
      office: 'o1',
      team: 't1',
      summary: 'Stand-up',
      canceled: true,
      plan: 'p1',
      // §6.1: v2 flags are sparse; absent means false.
      tentative: false,
      free: false,
      accounted: false,
      start: { dateTime: '2026-11-03T09:00:00.000Z', date: null },
      end: { dateTime: '2026-11-03T10:00:00.000Z', date: null },
    });
  });

  it('renames payments, fees and passes; keeps fields only v2 has', () => {
    expect(
      fromV2Item('payments', { lines: [{ location: 'o2' }], taxAmounts: [], company: 't1', chargeMethod: 'card' }),
    ).toEqual({
      invoiceLines: [{ office: 'o2' }],
      vatAmounts: [],
      team: 't1',
      chargeMethod: 'card',
    });
    expect(fromV2Item('fees', { issueDate: '2026-11-01T00:00:00.000Z', payment: { _id: 'p1' } })).toEqual({
      date: '2026-11-01T00:00:00.000Z',
      invoice: { _id: 'p1' },
    });
    expect(fromV2Item('passes', { usedCount: 3 })).toEqual({ used: 3 });
    expect(v2Field('resources', 'room')).toBe('floor');
  });
});

// The client speaking v2 to the simulator's Flex API (its own model of v2, src/simulator/v2*.ts): the same objects
// as over v1, in the v1 shape, with v2's paging and call counts.

const NOW = new Date('2026-11-16T00:00:00.000Z');
const dataset = generateDataset({ seed: 4, scale: 0.1, now: NOW, org: 'demo' });

/** What v2 does not carry of a v1 object (§2): the organization, `__v`, and booking flags that are false. */
function comparable(collection: string, item: Record<string, unknown>): Record<string, unknown> {
  const { organization: _org, __v: _v, ...rest } = item;
  if (collection === 'bookings') {
    for (const flag of ['canceled', 'tentative', 'free', 'accounted']) if (rest[flag] === false) delete rest[flag];
    for (const gone of ['accountedUntil', 'gcalId', 'humanizedRecurrence', 'parent']) delete rest[gone];
    for (const slot of ['start', 'end'] as const) {
      const value = rest[slot] as { dateTime?: string } | undefined;
      if (value?.dateTime) rest[slot] = { dateTime: value.dateTime, date: null };
    }
  }
  if (collection === 'payments') delete rest.lines;
  if (collection === 'charges') {
    delete rest.office;
    delete rest.sourcePaymentId;
  }
  if (collection === 'resources' && Array.isArray(rest.availability)) rest.availability = rest.availability.slice(0, 1);
  return rest;
}

describe("client over v2 (the simulator's Flex API)", () => {
  const sim = createSimulator({ dataset, now: NOW });
  const v1 = demoClient(sim);
  const v2 = demoClient(sim, { apiUrl: sim.apiV2Url, scope: V2_DEFAULT_SCOPE });

  it.each(['members', 'teams', 'offices', 'payments', 'fees', 'bookings', 'resources', 'charges'] as const)(
    'reads every %s as over v1, 50 a page, following cursorNext',
    async (collection) => {
      sim.log.reset();
      const over2 = await v2.list(collection, undefined, { max: 100_000 });
      const calls = sim.log.entries().filter((e) => e.kind === 'api');
      const over1 = await v1.list(collection, undefined, { max: 100_000 });
      expect(over2.complete).toBe(true);
      expect(over2.items.length).toBe(over1.items.length);
      expect(over2.items.map((i) => comparable(collection, i as never))).toEqual(
        over1.items.map((i) => comparable(collection, i as never)),
      );
      expect(calls).toHaveLength(Math.max(1, Math.ceil(over1.items.length / V2_PAGE_LIMIT)));
      expect(calls.every((e) => e.path.includes('/api/v2/') && e.status === 200)).toBe(true);
    },
  );

  it('sends filters as v2 spells them, and GETs by id where v2 has it (payments: not in v1)', async () => {
    const team = dataset.collections.teams[0]?._id ?? '';
    sim.log.reset();
    const members = await v2.list('members', { filters: [{ field: 'team', op: 'eq', value: team }] }, { max: 1000 });
    expect(members.items.length).toBeGreaterThan(0);
    expect(members.items.every((m) => m.team === team)).toBe(true);
    expect(sim.log.entries().find((e) => e.kind === 'api')?.query).toMatchObject({ company: team, $limit: '50' });
    const payment = dataset.collections.payments[3];
    const byId = await v2.getById('payments', payment?._id ?? '');
    expect(byId?._id).toBe(payment?._id);
    expect(byId?.number).toBe(payment?.number);
  });

  it('leaves out a filter v2 does not document (a 400 otherwise), relied-on or optional; says which it sends', async () => {
    sim.log.reset();
    const swi = { field: 'name', op: 'swi', value: 'a' } as const;
    const page = await v2.listPage('members', { filters: [swi] });
    // Not narrowed upstream: the gateway checks the rows (test/versions/parity.test.ts shows the answers agree).
    expect(page.items.length).toBe(V2_PAGE_LIMIT);
    expect(sim.log.entries().find((e) => e.kind === 'api')?.query).toEqual({ $limit: '50' });
    expect(v2.sendsFilter('members', 'name', 'swi')).toBe(false);
    expect(v2.sendsFilter('members', 'team')).toBe(true);
    expect(v1.sendsFilter('members', 'name', 'swi')).toBe(true);
    // A pushed-down date selection is optional (the gateway checks it): sent when v2 documents it, else left out.
    sim.log.reset();
    const since = { field: 'createdAt', op: 'gte', value: '2020-01-01T00:00:00.000Z' } as const;
    const memberships = await v2.listPage('memberships', { optional: [since] });
    expect(memberships.items.length).toBeGreaterThan(0);
    expect(sim.log.entries().find((e) => e.kind === 'api')?.query).toEqual({ $limit: '50' });
  });

  it('names the missing scope when v2 refuses a fresh token for an endpoint', async () => {
    const narrow = demoClient(sim, { apiUrl: sim.apiV2Url, scope: 'flex.community.members.read' });
    expect((await narrow.listPage('members')).items.length).toBeGreaterThan(0);
    const error = await narrow.listPage('payments').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED', status: 401 });
    expect((error as Error).message).toContain('the token lacks scope flex.billing.payments.read, needed by Payments');
  });
});

describe('batched loads by id over v2 (§8)', () => {
  it('reads 120 payments by _id[$in] in 3 calls of at most 50 ids; unknown ids are absent; v1 cannot', async () => {
    const sim = createSimulator({ dataset, now: NOW });
    const v2 = demoClient(sim, { apiUrl: sim.apiV2Url, scope: V2_DEFAULT_SCOPE });
    const wanted = dataset.collections.payments.slice(7, 127).map((p) => p._id);
    const unknown = '0123456789abcdef01234567';
    const found = await v2.getByIds('payments', [...wanted, unknown, wanted[0] ?? '', 'not-an-id']);
    expect([...found.keys()].sort()).toEqual([...wanted].sort());
    expect(found.get(wanted[5] ?? '')?.number).toBe(dataset.collections.payments[12]?.number);
    const calls = sim.log.entries().filter((e) => e.kind === 'api');
    expect(calls).toHaveLength(3);
    expect(calls.map((e) => (e.query['_id[$in]'] ?? '').split(',').length).sort()).toEqual([21, 50, 50]);
    expect(v2.batchesById).toBe(true);
    const v1 = demoClient(sim);
    expect(v1.batchesById).toBe(false);
    await expect(v1.getByIds('payments', wanted)).rejects.toThrow(/v1 has no multi-id filter/);
  });
});
