import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_SETTINGS } from '../../src/config.ts';
import { createGateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';
import type { WireBooking } from '../../src/officernd/types.ts';
import type { Dataset } from '../../src/simulator/generate.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';
import {
  BookingsPerOfficeDayDocument,
  MembershipsByPlanDocument,
  RevenueByMonthDocument,
  type BookingsPerOfficeDayQuery,
  type MembershipsByPlanQuery,
  type RevenueByMonthQuery,
} from '../generated/graphql.ts';
import { createTestStack, plannedLookups, TEST_NOW, testDataset, type TestStack } from '../helpers.ts';

// Aggregates (issue 18) against the simulator over HTTP: every count, sum and group is worked out here again from
// the simulator's dataset for the same selection, independently of src/core/aggregate.ts.

const data = testDataset();
const bookings = data.collections.bookings;

const startOf = (b: WireBooking): string => (b.start.dateTime ?? b.start.date) as string;
const endOf = (b: WireBooking): string => (b.end.dateTime ?? b.end.date) as string;
const minutes = (b: WireBooking): number => (Date.parse(endOf(b)) - Date.parse(startOf(b))) / 60_000;

/** October 2026 (LAST_MONTH at TEST_NOW), UTC: the bookings starting in it. */
const lastMonth = bookings.filter((b) => startOf(b) >= '2026-10-01T00:00:00.000Z' && startOf(b) < '2026-11-01');

/** The local day of an instant, spelled out by hand from the zone's parts. */
function localDay(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

interface Expected {
  count: number;
  duration: number;
}

/** Groups bookings by a key function, with count and summed duration. */
function expectedGroups(rows: readonly WireBooking[], key: (b: WireBooking) => string): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const b of rows) {
    const k = key(b);
    const e = out.get(k) ?? { count: 0, duration: 0 };
    e.count += 1;
    e.duration += minutes(b);
    out.set(k, e);
  }
  return out;
}

interface GroupOut {
  keys: Record<string, { id: string; name?: string; title?: string } | string | null>;
  count: number;
  sum: { duration: number | null };
  avg: { duration: number | null };
}

interface AggregateOut {
  count: number;
  sum: { duration: number | null };
  avg: { duration: number | null };
  min?: { duration: number | null };
  max?: { duration: number | null };
  groupBy: GroupOut[];
}

async function aggregate(stack: TestStack, query: string, variables: Record<string, unknown> = {}) {
  const result = await stack.query<{ bookings: { totalCount?: number; aggregate: AggregateOut } }>(query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.bookings as { totalCount?: number; aggregate: AggregateOut; nodes?: { id: string }[] };
}

describe('bookings aggregate', () => {
  it('counts, sums and averages every booking of last month, per office and day, as the dataset has them', async () => {
    const stack = createTestStack();
    const out = await aggregate(
      stack,
      `{ bookings(dates: { period: LAST_MONTH }, first: 1) {
        totalCount
        aggregate {
          count sum { duration } avg { duration } min { duration } max { duration }
          groupBy(by: [OFFICE, DAY]) { keys { office { id name } day } count sum { duration } avg { duration } }
        }
      } }`,
    );
    expect(lastMonth.length).toBeGreaterThan(50);
    const total = lastMonth.reduce((s, b) => s + minutes(b), 0);
    expect(out.aggregate.count).toBe(lastMonth.length);
    expect(out.totalCount).toBe(lastMonth.length);
    expect(out.aggregate.sum.duration).toBeCloseTo(total, 6);
    expect(out.aggregate.avg.duration).toBeCloseTo(total / lastMonth.length, 6);
    expect(out.aggregate.min?.duration).toBe(Math.min(...lastMonth.map(minutes)));
    expect(out.aggregate.max?.duration).toBe(Math.max(...lastMonth.map(minutes)));

    const offices = new Map(data.collections.offices.map((o) => [o._id, o.name]));
    const expected = expectedGroups(lastMonth, (b) => `${b.office}|${startOf(b).slice(0, 10)}`);
    expect(out.aggregate.groupBy).toHaveLength(expected.size);
    for (const group of out.aggregate.groupBy) {
      const office = group.keys.office as { id: string; name: string };
      expect(office.name).toBe(offices.get(office.id));
      const want = expected.get(`${office.id}|${group.keys.day}`);
      expect(want, `${office.id} ${group.keys.day}`).toBeDefined();
      expect(group.count).toBe(want?.count);
      expect(group.sum.duration).toBeCloseTo(want?.duration ?? Number.NaN, 6);
      expect(group.avg.duration).toBeCloseTo((want?.duration ?? 0) / (want?.count ?? 1), 6);
    }
    // Default order: keys ascending (office id, then day).
    const order = out.aggregate.groupBy.map((g) => `${(g.keys.office as { id: string }).id}|${g.keys.day}`);
    expect(order).toEqual([...order].sort());
  });

  it('applies the list filters to the aggregate, and groups by team, member, resource and resource type', async () => {
    const stack = createTestStack();
    const office = lastMonth[0]?.office as string;
    const rows = lastMonth.filter((b) => b.office === office);
    const out = await aggregate(
      stack,
      `query($office: ID) { bookings(office: $office, dates: { period: LAST_MONTH }, first: 0) {
        aggregate {
          count
          groupBy(by: [RESOURCE_TYPE, TEAM, MEMBER, RESOURCE], orderBy: { count: DESC }) {
            keys { resourceType { title } team { id } member { id } resource { id } office { id } day }
            count
          }
        }
      } }`,
      { office },
    );
    expect(out.aggregate.count).toBe(rows.length);
    const resources = new Map(data.collections.resources.map((r) => [r._id, r]));
    const titles = new Map(data.collections['resource-types'].map((t) => [t.type, t.title]));
    const expected = expectedGroups(rows, (b) => {
      const type = resources.get(b.resourceId ?? '')?.type ?? null;
      return [type ? titles.get(type) : null, b.team ?? null, b.member ?? null, b.resourceId ?? null].join('|');
    });
    expect(out.aggregate.groupBy).toHaveLength(expected.size);
    for (const g of out.aggregate.groupBy) {
      // Keys not asked for are null.
      expect(g.keys.office).toBeNull();
      expect(g.keys.day).toBeNull();
      const id = (k: unknown) => (k as { id: string } | null)?.id ?? null;
      const key = [
        (g.keys.resourceType as { title: string } | null)?.title ?? null,
        id(g.keys.team),
        id(g.keys.member),
        id(g.keys.resource),
      ].join('|');
      expect(g.count, key).toBe(expected.get(key)?.count);
    }
    const counts = out.aggregate.groupBy.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Some bookings have no team: their group has a null team.
    expect(rows.some((b) => !b.team)).toBe(out.aggregate.groupBy.some((g) => g.keys.team === null));
  });

  it('buckets days, weeks and months in the time zone asked for, else the list dates’ zone', async () => {
    const stack = createTestStack();
    const zones = ['Pacific/Auckland', 'America/Los_Angeles'];
    for (const timeZone of zones) {
      const out = await aggregate(
        stack,
        `query($tz: String) { bookings(dates: { period: LAST_MONTH }, first: 0) {
          aggregate {
            days: groupBy(by: [DAY], timeZone: $tz) { keys { day } count }
            weeks: groupBy(by: [WEEK], timeZone: $tz, weekStartsOn: SUNDAY) { keys { week } count }
            months: groupBy(by: [MONTH], timeZone: $tz, orderBy: { key: DESC }) { keys { month } count }
          }
        } }`,
        { tz: timeZone },
      );
      const agg = out.aggregate as unknown as Record<'days' | 'weeks' | 'months', GroupOut[]>;
      const days = expectedGroups(lastMonth, (b) => localDay(startOf(b), timeZone));
      expect(Object.fromEntries(agg.days.map((g) => [g.keys.day, g.count]))).toEqual(
        Object.fromEntries([...days].map(([k, v]) => [k, v.count])),
      );
      // Weeks named by their Sunday.
      const sundayOf = (day: string) => {
        const d = new Date(`${day}T00:00:00Z`);
        return new Date(d.getTime() - d.getUTCDay() * 86_400_000).toISOString().slice(0, 10);
      };
      const weeks = expectedGroups(lastMonth, (b) => sundayOf(localDay(startOf(b), timeZone)));
      expect(Object.fromEntries(agg.weeks.map((g) => [g.keys.week, g.count]))).toEqual(
        Object.fromEntries([...weeks].map(([k, v]) => [k, v.count])),
      );
      for (const g of agg.weeks) expect(new Date(`${g.keys.week}T00:00:00Z`).getUTCDay()).toBe(0);
      const months = expectedGroups(lastMonth, (b) => localDay(startOf(b), timeZone).slice(0, 7));
      expect(agg.months.map((g) => [g.keys.month, g.count])).toEqual(
        [...months].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([k, v]) => [k, v.count]),
      );
    }
    // Without `timeZone`, the list's `dates.timeZone` names the days (and selects them).
    const tz = 'Asia/Tokyo';
    const out = await aggregate(
      stack,
      `{ bookings(dates: { period: LAST_MONTH, timeZone: "${tz}" }, first: 0) { aggregate { groupBy(by: [DAY]) { keys { day } count } } } }`,
    );
    const inTokyo = bookings.filter((b) => localDay(startOf(b), tz).slice(0, 7) === '2026-10');
    const days = expectedGroups(inTokyo, (b) => localDay(startOf(b), tz));
    expect(out.aggregate.groupBy.map((g) => [g.keys.day, g.count])).toEqual(
      [...days].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => [k, v.count]),
    );
  });

  it('answers an empty match set with zero, null sums and no groups', async () => {
    const stack = createTestStack();
    const out = await aggregate(
      stack,
      `{ bookings(dates: { from: "2099-01-01", to: "2099-01-31" }) {
        totalCount nodes { id }
        aggregate { count sum { duration } avg { duration } min { duration } groupBy(by: [OFFICE]) { count } }
      } }`,
    );
    expect(out.totalCount).toBe(0);
    expect(out.nodes).toEqual([]);
    expect(out.aggregate).toEqual({
      count: 0,
      sum: { duration: null },
      avg: { duration: null },
      min: { duration: null },
      groupBy: [],
    });
  });

  it('limits and orders groups with `first` and `orderBy`, and refuses bad arguments before any call', async () => {
    const stack = createTestStack();
    const out = await aggregate(
      stack,
      `{ bookings(dates: { period: LAST_MONTH }, first: 0) {
        aggregate { groupBy(by: [DAY], first: 3, orderBy: { count: DESC }) { keys { day } count } }
      } }`,
    );
    const days = [...expectedGroups(lastMonth, (b) => startOf(b).slice(0, 10))].sort(
      (a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1),
    );
    expect(out.aggregate.groupBy.map((g) => [g.keys.day, g.count])).toEqual(
      days.slice(0, 3).map(([k, v]) => [k, v.count]),
    );
    for (const [args, argument] of [
      ['timeZone: "Mars/Olympus"', 'timeZone'],
      ['first: -1', 'first'],
      ['first: 1000000', 'first'],
    ] as const) {
      stack.simulator.log.reset();
      const result = await stack.query(
        `{ bookings(first: 0) { aggregate { groupBy(by: [DAY], ${args}) { count } } } }`,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(stack.apiCalls()).toBe(0);
    }
  });

  it('reads the match set once, shared with totalCount and nodes, and batches the keys’ objects', async () => {
    const stack = createTestStack();
    const office = lastMonth[0]?.office as string;
    const inOffice = bookings.filter((b) => b.office === office);
    stack.simulator.log.reset();
    const out = await aggregate(
      stack,
      `query($office: ID) { bookings(office: $office, first: 3) {
        totalCount nodes { id }
        aggregate {
          count
          byTeam: groupBy(by: [TEAM]) { keys { team { name } } count }
          byMember: groupBy(by: [MEMBER, OFFICE]) { keys { member { name } office { name } } count }
        }
      } }`,
      { office },
    );
    expect(out.aggregate.count).toBe(inOffice.length);
    expect(out.nodes?.map((n) => n.id)).toEqual(inOffice.slice(0, 3).map((b) => b._id));
    // office is a documented filter (§4): one walk of the office's pages for the count, the page and the aggregate.
    expect(stack.apiCalls({ collection: 'bookings' })).toBe(Math.max(1, Math.ceil(inOffice.length / 100)));
    // The keys' objects: one batch per collection, as the loaders plan it.
    const teams = plannedLookups(
      data.collections.teams,
      inOffice.map((b) => b.team),
    );
    const members = plannedLookups(
      data.collections.members,
      inOffice.map((b) => b.member),
    );
    expect(stack.apiCalls({ collection: 'teams' })).toBe(teams.calls);
    expect(stack.apiCalls({ collection: 'members' })).toBe(members.calls);
    expect(stack.apiCalls({ collection: 'offices' })).toBe(1);
  });

  it('costs like totalCount: the whole match set, at least the calls it makes', async () => {
    const stack = createTestStack({ logLevel: 'info' });
    stack.simulator.log.reset();
    await aggregate(
      stack,
      `{ bookings(dates: { period: LAST_MONTH }, first: 0) {
        aggregate { groupBy(by: [RESOURCE_TYPE, TEAM]) { keys { resourceType { title } team { name } } count } }
      } }`,
    );
    const line = stack.logs.findLast((l) => l.includes('"graphql operation"'));
    const cost = (JSON.parse(line ?? '{}') as { cost?: number }).cost ?? 0;
    expect(stack.apiCalls()).toBeGreaterThan(0);
    expect(cost).toBeGreaterThanOrEqual(stack.apiCalls());
    // The same list without the aggregate costs its one page.
    const plain = createTestStack({ logLevel: 'info' });
    await plain.query('{ bookings(dates: { period: LAST_MONTH }, first: 1) { nodes { id } } }');
    const plainLine = plain.logs.findLast((l) => l.includes('"graphql operation"'));
    expect((JSON.parse(plainLine ?? '{}') as { cost?: number }).cost).toBeLessThan(cost);
  });
});

describe('the scan cap', () => {
  it('is a RESULT_TOO_LARGE error, never a partial aggregate', async () => {
    // More bookings than one match set may hold (MAX_WALK_ITEMS, 50,000): copies of the test bookings.
    const base = testDataset();
    const many: WireBooking[] = [];
    for (let i = 0; many.length <= 50_100; i += 1)
      for (const b of base.collections.bookings)
        many.push({ ...b, _id: (i * 100_000 + many.length).toString(16).padStart(24, 'a') });
    const dataset: Dataset = { ...base, collections: { ...base.collections, bookings: many } };
    const simulator = createSimulator({ dataset, now: TEST_NOW });
    const logger = createLogger({ level: 'error', secrets: ['demo-secret'], write: () => undefined });
    const officernd = demoClient(simulator, { logger, maxRequestsPerMinute: 1_000_000 });
    // A budget that lets the walk reach the cap (the default, 150 calls a request, stops it sooner).
    const upstream = { ...DEFAULT_GATEWAY_SETTINGS.upstream, maxCallsPerRequest: 1_000 };
    const gateway = createGateway({ officernd, logger, clock: () => TEST_NOW, settings: { upstream } });
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ bookings(first: 1) { aggregate { count } } }' }),
    });
    const result = (await response.json()) as {
      data?: { bookings: unknown };
      errors?: { extensions?: { code?: string } }[];
    };
    expect(result.errors?.[0]?.extensions?.code).toBe('RESULT_TOO_LARGE');
    expect(result.data?.bookings ?? null).toBeNull();
    // It stopped at the cap: 500 pages, not the 501 the whole set has.
    expect(simulator.log.count({ kind: 'api', collection: 'bookings' })).toBe(500);
  }, 60_000);
});

/** Counts and sums of `field` per key, from the dataset. */
function tally<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => number | null | undefined) {
  const out = new Map<string, { count: number; sum: number }>();
  for (const row of rows) {
    const k = key(row);
    const e = out.get(k) ?? { count: 0, sum: 0 };
    e.count += 1;
    e.sum += value(row) ?? 0;
    out.set(k, e);
  }
  return out;
}

type Row = { keys: Record<string, unknown>; count: number; sum: Record<string, number | null> };

async function groups(stack: TestStack, query: string): Promise<{ count: number; groupBy: Row[] }> {
  const result = await stack.query<Record<string, { aggregate: { count: number; groupBy: Row[] } }>>(query);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return Object.values(result.data ?? {})[0]?.aggregate as { count: number; groupBy: Row[] };
}

function expectGroups(
  rows: Row[],
  key: (row: Row) => string,
  field: string,
  expected: Map<string, { count: number; sum: number }>,
) {
  expect(rows).toHaveLength(expected.size);
  for (const row of rows) {
    const want = expected.get(key(row));
    expect(want, key(row)).toBeDefined();
    expect(row.count, key(row)).toBe(want?.count);
    expect(row.sum[field] ?? 0, key(row)).toBeCloseTo(want?.sum ?? Number.NaN, 6);
  }
}

describe('the same pattern on payments, fees, memberships, check-ins and charges', () => {
  const stack = createTestStack();
  const c = data.collections;
  const id = (k: unknown) => (k as { id: string } | null)?.id ?? 'none';

  it('payments: revenue by month, status and team (date-only dates never shift with the time zone)', async () => {
    const out = await groups(
      stack,
      `{ payments(first: 0) { aggregate { count groupBy(by: [MONTH, STATUS, TEAM], timeZone: "Pacific/Auckland") {
        keys { month status team { id } teamId } count sum { totalAmount }
      } } } }`,
    );
    expect(out.count).toBe(c.payments.length);
    const expected = tally(
      c.payments,
      (p) => [p.date?.slice(0, 7), p.status?.toUpperCase(), p.team ?? 'none'].join('|'),
      (p) => p.totalAmount,
    );
    expectGroups(out.groupBy, (r) => [r.keys.month, r.keys.status, id(r.keys.team)].join('|'), 'totalAmount', expected);
    for (const r of out.groupBy) expect(r.keys.teamId ?? 'none').toBe(id(r.keys.team));
  });

  it('fees: price by plan and month within a date selection', async () => {
    const out = await groups(
      stack,
      `{ fees(first: 0, dates: { from: "2026-01-01", to: "2026-06-30" }) { aggregate { count groupBy(by: [PLAN, MONTH]) {
        keys { planId month } count sum { price }
      } } } }`,
    );
    const rows = c.fees.filter((f) => (f.date ?? '') >= '2026-01-01' && (f.date ?? '') < '2026-07-01');
    expect(out.count).toBe(rows.length);
    const expected = tally(
      rows,
      (f) => [f.plan ?? null, f.date?.slice(0, 7)].join('|'),
      (f) => f.price,
    );
    expectGroups(out.groupBy, (r) => [r.keys.planId, r.keys.month].join('|'), 'price', expected);
  });

  it('memberships: count and price by plan, with the plan objects', async () => {
    const out = await groups(
      stack,
      `{ memberships(first: 0) { aggregate { groupBy(by: [PLAN], orderBy: { count: DESC }) {
        keys { plan { id name } } count sum { price }
      } } } }`,
    );
    const names = new Map(c.plans.map((p) => [p._id, p.name]));
    const expected = tally(
      c.memberships,
      (m) => m.plan ?? 'none',
      (m) => m.price,
    );
    expectGroups(out.groupBy, (r) => id(r.keys.plan), 'price', expected);
    for (const r of out.groupBy) expect((r.keys.plan as { name: string }).name).toBe(names.get(id(r.keys.plan)));
  });

  it('check-ins: by office and day, with minutes checked in (open check-ins have none)', async () => {
    const out = await groups(
      stack,
      `{ checkins(first: 0, dates: { period: LAST_MONTH }) { aggregate { count groupBy(by: [OFFICE, DAY]) {
        keys { officeId day } count sum { duration }
      } } } }`,
    );
    const rows = c.checkins.filter((x) => x.start >= '2026-10-01' && x.start < '2026-11-01');
    expect(out.count).toBe(rows.length);
    const expected = tally(
      rows,
      (x) => [x.office, x.start.slice(0, 10)].join('|'),
      (x) => (x.end ? (Date.parse(x.end) - Date.parse(x.start)) / 60_000 : null),
    );
    expectGroups(out.groupBy, (r) => [r.keys.officeId, r.keys.day].join('|'), 'duration', expected);
  });

  it('charges: amount by status', async () => {
    const out = await groups(
      stack,
      '{ charges(first: 0) { aggregate { groupBy(by: [STATUS]) { keys { status } count sum { amount } } } } }',
    );
    const expected = tally(
      c.charges,
      (x) => (x.status ?? '').toUpperCase(),
      (x) => x.amount,
    );
    expectGroups(out.groupBy, (r) => String(r.keys.status), 'amount', expected);
  });

  it('reverse links aggregate their children', async () => {
    const team = c.bookings.find((b) => b.team)?.team as string;
    const result = await stack.query<{ team: { bookings: { aggregate: { count: number } } } }>(
      'query($id: ID!) { team(id: $id) { bookings(first: 1) { aggregate { count } } } }',
      { id: team },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.team.bookings.aggregate.count).toBe(c.bookings.filter((b) => b.team === team).length);
  });
});

describe('the aggregate examples (examples/aggregate-*.graphql), under the default limits', () => {
  const stack = createTestStack();
  const c = data.collections;

  it('BookingsPerOfficeDay counts last month’s bookings per office and London day', async () => {
    const result = await stack.query<BookingsPerOfficeDayQuery>(print(BookingsPerOfficeDayDocument));
    expect(result.errors).toBeUndefined();
    const aggregate = result.data?.bookings?.aggregate;
    const rows = bookings.filter((b) => localDay(startOf(b), 'Europe/London').slice(0, 7) === '2026-10');
    expect(aggregate?.count).toBe(rows.length);
    const expected = expectedGroups(rows, (b) => `${b.office}|${localDay(startOf(b), 'Europe/London')}`);
    expect(aggregate?.groupBy.map((g) => [`${g.keys.office?.id}|${g.keys.day}`, g.count])).toEqual(
      [...expected].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => [k, v.count]),
    );
  });

  it('RevenueByMonth sums this year’s payments by month and status, and ranks teams', async () => {
    const result = await stack.query<RevenueByMonthQuery>(print(RevenueByMonthDocument));
    expect(result.errors).toBeUndefined();
    const aggregate = result.data?.payments?.aggregate;
    const rows = c.payments.filter((p) => (p.date ?? '') >= '2026-01-01' && (p.date ?? '') < '2026-11-17');
    expect(aggregate?.count).toBe(rows.length);
    expect(aggregate?.sum.totalAmount).toBeCloseTo(
      rows.reduce((s, p) => s + (p.totalAmount ?? 0), 0),
      6,
    );
    expect(aggregate?.byMonth.reduce((n, g) => n + g.count, 0)).toBe(rows.length);
    expect(aggregate?.topTeams).toHaveLength(10);
    const counts = aggregate?.topTeams.map((g) => g.count) ?? [];
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const perTeam = tally(
      rows,
      (p) => p.team ?? 'none',
      () => 0,
    );
    expect(counts[0]).toBe(Math.max(...[...perTeam.values()].map((v) => v.count)));
  });

  it('MembershipsByPlan counts memberships per plan, most sold first', async () => {
    const result = await stack.query<MembershipsByPlanQuery>(print(MembershipsByPlanDocument));
    expect(result.errors).toBeUndefined();
    const memberships = result.data?.memberships;
    expect(memberships?.totalCount).toBe(c.memberships.length);
    const groups = memberships?.aggregate.groupBy ?? [];
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(c.memberships.length);
    const plans = new Map(c.plans.map((p) => [p._id, p.name]));
    const perPlan = tally(
      c.memberships,
      (m) => plans.get(m.plan ?? '') ?? 'none',
      (m) => m.price,
    );
    for (const g of groups) expect(g.count).toBe(perPlan.get(g.keys.plan?.name ?? 'none')?.count);
  });
});
