import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAR_ROWS } from '../../src/core/series-reach.ts';
import { addDays, startOfLocalDay } from '../../src/dates/selection.ts';
import { createGateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';
import type { WireBooking } from '../../src/officernd/types.ts';
import { creditStatsFor } from '../../src/simulator/index.ts';
import { createOccurrenceIndex } from '../../src/simulator/occurrences.ts';
import { createTestStack, TEST_NOW, type TestStack } from '../helpers.ts';

// Date selection through the whole stack (issue 4): every mode against the simulator's data with the fixed test
// clock (TEST_NOW, Monday 2026-11-16 00:00Z), push-down visible in the simulator's request log, the exact check on
// our side, booking-occurrence window splitting, credit-account months, and every bad input refused before any call.

const DAY = 86_400_000;
const YEAR_WINDOW = 365 * DAY;

let stack: TestStack;
beforeAll(() => {
  stack = createTestStack({ client: { maxRequestsPerMinute: 1_000_000 } });
});

const data = () => stack.simulator.dataset.collections;
type Conn<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
type GraphQLErrors = { message: string; extensions?: Record<string, unknown> }[] | undefined;

async function ok<T>(query: string, variables?: Record<string, unknown>, on: TestStack = stack): Promise<T> {
  const result = await on.query<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/** Upstream list queries of one collection since the last log reset. */
const upstream = (collection: string) =>
  stack.simulator.log
    .entries()
    .filter((e) => e.kind === 'api' && e.collection === collection && e.id === null)
    .map((e) => e.query);

const day = (value: string | null | undefined) => (value ? value.slice(0, 10) : null);
const between = (value: string | null | undefined, first: string | null, last: string | null) =>
  value !== null && value !== undefined && (first === null || value >= first) && (last === null || value <= last);
const instantIn = (value: string | null | undefined, start: string, end: string) => {
  if (!value) return false;
  const ms = Date.parse(value);
  return ms >= Date.parse(start) && ms < Date.parse(end);
};

describe('date selection on lists', () => {
  const PAYMENTS = `query ($dates: DateSelection, $dateField: PaymentDateField, $first: Int, $after: String) {
    payments(dates: $dates, dateField: $dateField, first: $first, after: $after) {
      nodes { id date dueDate } pageInfo { hasNextPage endCursor } } }`;

  // TEST_NOW is Monday 2026-11-16; the gateway's default zone is UTC.
  it.each<[string, Record<string, unknown>, string | null, string | null]>([
    ['on: a specific date', { on: '2026-10-01' }, '2026-10-01', '2026-10-01'],
    ['daysBack: 46 days ago', { daysBack: 46 }, '2026-10-01', '2026-10-01'],
    ['from/to: a specific range', { from: '2026-09-15', to: '2026-10-14' }, '2026-09-15', '2026-10-14'],
    [
      'fromDaysBack/toDaysBack: 76 days ago until 46 days ago',
      { fromDaysBack: 76, toDaysBack: 46 },
      '2026-09-01',
      '2026-10-01',
    ],
    ['period: LAST_QUARTER', { period: 'LAST_QUARTER' }, '2026-07-01', '2026-09-30'],
    ['period: MONTH_TO_DATE', { period: 'MONTH_TO_DATE' }, '2026-11-01', '2026-11-16'],
    ['from only: an open end', { from: '2026-09-01' }, '2026-09-01', null],
    ['to only: an open start', { to: '2025-12-31' }, null, '2025-12-31'],
  ])('%s selects exactly those payments and pushes the days upstream', async (_name, dates, first, last) => {
    const expected = data()
      .payments.filter((p) => between(day(p.date), first, last))
      .map((p) => p._id);
    expect(expected.length).toBeGreaterThan(0);
    stack.simulator.log.reset();
    const result = await ok<{ payments: Conn<{ id: string; date: string }> }>(PAYMENTS, { dates, first: 1000 });
    expect(result.payments.nodes.map((n) => n.id)).toEqual(expected);
    const sent = upstream('payments');
    expect(sent[0]?.['date.$gte']).toBe(first === null ? undefined : `${first}T00:00:00.000Z`);
    expect(sent[0]?.['date.$lt']).toBe(last === null ? undefined : `${addDays(last, 1)}T00:00:00.000Z`);
    // Push-down: only the pages of the selected payments are read, not the 10 pages of all of them.
    expect(sent.length).toBe(Math.max(1, Math.ceil(expected.length / 100)));
    expect(sent.length).toBeLessThan(Math.ceil(data().payments.length / 100));
  });

  it('counts instants in the time zone, across a DST change (Europe/Berlin, October 2026)', async () => {
    const [start, end] = ['2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z'];
    const expected = data()
      .charges.filter((c) => instantIn(c.date, start, end))
      .map((c) => c._id);
    stack.simulator.log.reset();
    const result = await ok<{ charges: Conn<{ id: string }> }>(
      '{ charges(dates: { period: LAST_MONTH, timeZone: "Europe/Berlin" }, first: 1000) { nodes { id } } }',
    );
    expect(result.charges.nodes.map((n) => n.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(upstream('charges')[0]).toMatchObject({ 'date.$gte': start, 'date.$lt': end });
  });

  it('bookings by START: a week from Sunday in New York, seriesStart bounded on both sides by the learnt reach, exact rows', async () => {
    // TEST_NOW is still Sunday 15 November in New York: last week (from Sunday) is 8–14 November there.
    const [start, end] = ['2026-11-08T05:00:00.000Z', '2026-11-15T05:00:00.000Z'];
    const expected = data()
      .bookings.filter((b) => instantIn(b.start.dateTime, start, end))
      .map((b) => b._id);
    expect(expected.length).toBeGreaterThan(0);
    // An export waits for the gateway to learn the bookings' reach; GraphQL reads are unbounded until it is known.
    expect(
      (await stack.gateway.fetch('http://gateway.test/reports/bookings.csv?columns=_id&on=2026-11-02')).status,
    ).toBe(200);
    stack.simulator.log.reset();
    // Follow the cursors, as a client does: every row comes exactly once.
    const ids: string[] = [];
    let after: string | null = null;
    for (let call = 0; call < 50; call += 1) {
      const result: {
        bookings: Conn<{ id: string; start: string }> & {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await ok(
        `query($after: String) { bookings(dates: { period: LAST_WEEK, weekStartsOn: SUNDAY, timeZone: "America/New_York" }, first: 1000, after: $after) {
             nodes { id start } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      ids.push(...result.bookings.nodes.map((n) => n.id));
      if (!result.bookings.pageInfo.hasNextPage) break;
      after = result.bookings.pageInfo.endCursor;
    }
    expect(ids).toEqual(expected);
    const sent = upstream('bookings');
    // Learning the reach (once per gateway, four fields a booking) and bringing it up to date (modifiedAt.$gte).
    const learning = sent.filter((q) => q.$select !== undefined || q['modifiedAt.$gte'] !== undefined);
    const window = sent.filter((q) => !learning.includes(q));
    // Every booking row starts at its seriesStart but the dataset's awkward series (an anchor moved a day earlier, a
    // first instance excluded a week after seriesStart): fewer than MAX_FAR_ROWS, they are far rows read by id when
    // selected, and the window is bounded by the selection itself, not widened.
    const offAnchor = data().bookings.filter((b) => b.start.dateTime !== b.seriesStart);
    expect(offAnchor.length).toBeGreaterThan(0);
    expect(offAnchor.length).toBeLessThan(MAX_FAR_ROWS);
    const [lower, upper] = [start, end];
    for (const query of window) {
      expect(query['seriesStart.$gte']).toBe(lower);
      expect(query['seriesStart.$lte']).toBe(upper);
    }
    const inBounds = data().bookings.filter(
      (b) => (b.seriesStart ?? '') >= lower && (b.seriesStart ?? '') <= upper,
    ).length;
    expect(window.length).toBe(Math.max(1, Math.ceil(inBounds / 100)));
    expect(window.length * 4).toBeLessThan(Math.ceil(data().bookings.length / 100));
  });

  it('applies the chosen dateField, and ignores dateField without dates', async () => {
    const expected = data()
      .payments.filter((p) => between(day(p.dueDate), '2026-11-01', '2026-11-30'))
      .map((p) => p._id);
    stack.simulator.log.reset();
    const due = await ok<{ payments: Conn<{ id: string }> }>(PAYMENTS, {
      dates: { period: 'THIS_MONTH' },
      dateField: 'DUE_DATE',
      first: 1000,
    });
    expect(due.payments.nodes.map((n) => n.id)).toEqual(expected);
    expect(upstream('payments')[0]).toMatchObject({
      'dueDate.$gte': '2026-11-01T00:00:00.000Z',
      'dueDate.$lt': '2026-12-01T00:00:00.000Z',
    });
    const plain = await ok<{ payments: Conn<{ id: string }> }>(PAYMENTS, { dateField: 'DUE_DATE', first: 7 });
    expect(plain.payments.nodes.map((n) => n.id)).toEqual(
      data()
        .payments.slice(0, 7)
        .map((p) => p._id),
    );
  });

  it('checks dates without upstream comparisons on our side only (members by LAST_LOGIN)', async () => {
    const [start, end] = ['2026-10-17T00:00:00.000Z', '2026-11-17T00:00:00.000Z'];
    const expected = data()
      .members.filter((m) => instantIn(m.lastLogin, start, end))
      .map((m) => m._id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(data().members.length);
    stack.simulator.log.reset();
    const result = await ok<{ members: Conn<{ id: string }> }>(
      '{ members(dateField: LAST_LOGIN, dates: { fromDaysBack: 30, toDaysBack: 0 }, first: 1000) { nodes { id } } }',
    );
    expect(result.members.nodes.map((n) => n.id)).toEqual(expected);
    const sent = upstream('members');
    expect(sent.every((q) => Object.keys(q).every((k) => !k.startsWith('lastLogin')))).toBe(true);
    expect(sent.length).toBe(Math.ceil(data().members.length / 100));
  });

  it('pages through a date selection with first/after, every row exactly once', async () => {
    const expected = data()
      .bookings.filter((b) => between(day(b.start.dateTime), '2026-07-01', '2026-09-30'))
      .map((b) => b._id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard += 1) {
      const page: { bookings: Conn<{ id: string }> } = await ok(
        'query ($after: String) { bookings(dates: { period: LAST_QUARTER }, first: 37, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...page.bookings.nodes.map((n) => n.id));
      if (!page.bookings.pageInfo.hasNextPage) break;
      after = page.bookings.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(expected.length).toBeGreaterThan(37);
  });

  it('uses the injected clock and the configured defaults (New York, weeks from Sunday, DST in the week)', async () => {
    const logger = createLogger({ level: 'error', secrets: [], write: () => undefined });
    const gateway = createGateway({
      officernd: stack.officernd,
      logger,
      clock: () => new Date('2026-11-04T15:00:00.000Z'),
      settings: { dates: { timeZone: 'America/New_York', weekStartsOn: 'SUNDAY' } },
    });
    stack.simulator.log.reset();
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ charges(dates: { period: THIS_WEEK }, first: 1) { nodes { id } } }' }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    // Sunday 1 November 00:00 EDT (UTC-4) to Sunday 8 November 00:00 EST (UTC-5).
    expect(upstream('charges')[0]).toMatchObject({
      'date.$gte': '2026-11-01T04:00:00.000Z',
      'date.$lt': '2026-11-08T05:00:00.000Z',
    });
  });
});

describe('bad input', () => {
  const PAYMENTS = 'query ($dates: DateSelection) { payments(dates: $dates) { nodes { id } } }';

  async function refused(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Record<string, unknown> | undefined> {
    stack.simulator.log.reset();
    const result = await stack.query(query, variables);
    const errors = result.errors as GraphQLErrors;
    expect(errors?.length).toBeGreaterThan(0);
    expect(stack.apiCalls()).toBe(0);
    return errors?.[0]?.extensions;
  }

  it.each<[string, Record<string, unknown>, string]>([
    ['mixed modes', { on: '2026-01-01', daysBack: 1 }, 'dates.daysBack'],
    ['a range mixed with a period', { from: '2026-01-01', period: 'TODAY' }, 'dates.period'],
    ['from after to', { from: '2026-03-02', to: '2026-03-01' }, 'dates.from'],
    ['negative days back', { daysBack: -2 }, 'dates.daysBack'],
    ['a negative relative range end', { fromDaysBack: 5, toDaysBack: -1 }, 'dates.toDaysBack'],
    ['a relative range the wrong way round', { fromDaysBack: 5, toDaysBack: 10 }, 'dates.fromDaysBack'],
    ['an unknown time zone', { period: 'TODAY', timeZone: 'Europe/Atlantis' }, 'dates.timeZone'],
    ['no mode at all', { weekStartsOn: 'SUNDAY' }, 'dates'],
  ])('refuses %s with BAD_USER_INPUT naming the argument, before any upstream call', async (_name, dates, argument) => {
    const extensions = await refused(PAYMENTS, { dates });
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('refuses a day that does not exist and a date field of another report by schema', async () => {
    expect(await refused(PAYMENTS, { dates: { on: '2026-02-30' } })).toBeDefined();
    const wrongField = await refused('{ payments(dateField: START, dates: { daysBack: 0 }) { nodes { id } } }', {});
    expect(wrongField?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Resource types have no dates: the arguments do not exist there.
    const noDates = await refused('{ resourceTypes(dates: { daysBack: 0 }) { nodes { id } } }', {});
    expect(noDates?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['occurrences without a window', '{ bookingOccurrences { nodes { id } } }', {}, 'dates'],
    [
      'occurrences with an open end',
      '{ bookingOccurrences(dates: { from: "2026-01-01" }) { nodes { id } } }',
      {},
      'dates.to',
    ],
    [
      'occurrences over more than ten years',
      '{ bookingOccurrences(dates: { from: "2015-01-01", to: "2026-12-31" }) { nodes { id } } }',
      {},
      'dates',
    ],
    [
      'credit accounts with month and dates',
      '{ creditAccounts(team: "ffffffffffffffffffffffff", month: "2026-11", dates: { daysBack: 0 }) { nodes { month } } }',
      {},
      'dates',
    ],
    [
      'credit accounts with neither month nor dates',
      '{ creditAccounts(team: "ffffffffffffffffffffffff") { nodes { month } } }',
      {},
      'month',
    ],
    [
      'credit accounts over more than 24 months',
      '{ creditAccounts(team: "ffffffffffffffffffffffff", dates: { from: "2024-01-01", to: "2026-01-31" }) { nodes { month } } }',
      {},
      'dates',
    ],
    [
      'credit accounts with an open start',
      '{ creditAccounts(team: "ffffffffffffffffffffffff", dates: { to: "2026-01-31" }) { nodes { month } } }',
      {},
      'dates.from',
    ],
  ])('refuses %s, naming the argument, before any upstream call', async (_name, query, variables, argument) => {
    expect(await refused(query, variables)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

describe('booking occurrences by date selection', () => {
  type Occurrence = { id: string; start: string; end: string };
  const QUERY = `query ($dates: DateSelection!, $dateField: BookingOccurrenceDateField, $after: String) {
    bookingOccurrences(dates: $dates, dateField: $dateField, first: 1000, after: $after) {
      nodes { id start end } pageInfo { hasNextPage endCursor } } }`;

  const simulatorOccurrences = (start: number, end: number) =>
    createOccurrenceIndex(data().bookings).expand({ windowStart: start, windowEnd: end, predicate: null, key: '' });
  const idOf = (o: WireBooking) => `${o._id}:${o.start.dateTime}`;

  async function all(variables: Record<string, unknown>): Promise<Occurrence[]> {
    const out: Occurrence[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const page: { bookingOccurrences: Conn<Occurrence> } = await ok(QUERY, { ...variables, after });
      out.push(...page.bookingOccurrences.nodes);
      if (!page.bookingOccurrences.pageInfo.hasNextPage) return out;
      after = page.bookingOccurrences.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  it('selects occurrences by START in one window of at most a year', async () => {
    // Midnight in Tokyo is 15:00 UTC, office hours in London and New York: some occurrences run over it.
    const start = Date.parse('2026-11-02T15:00:00.000Z');
    const end = Date.parse('2026-11-30T15:00:00.000Z');
    const overlapping = simulatorOccurrences(start, end);
    const expected = overlapping.filter((o) => Date.parse(o.start.dateTime ?? '') >= start).map(idOf);
    // Those that began before the window overlap it but are not in it by START.
    expect(expected.length).toBeLessThan(overlapping.length);
    stack.simulator.log.reset();
    const got = await all({ dates: { from: '2026-11-03', to: '2026-11-30', timeZone: 'Asia/Tokyo' } });
    expect(got.map((o) => o.id)).toEqual(expected);
    const windows = new Set(upstream('bookings/occurrences').map((q) => `${q.start}/${q.end}`));
    // Asked from 1 ms before the window (§6.2 answers occurrences overlapping it: one ending right at its start too).
    expect([...windows]).toEqual(['2026-11-02T14:59:59.999Z/2026-11-30T15:00:00.000Z']);
  });

  it('splits a window over a year into upstream windows of at most a year, merged in order without duplicates', async () => {
    // Pick an occurrence that runs over 15:00 UTC, which is midnight in Tokyo (UTC+9, no DST), and start the
    // selection 365 days before that midnight: the boundary between the two upstream windows cuts through it.
    const candidates = simulatorOccurrences(
      Date.parse('2026-03-01T00:00:00.000Z'),
      Date.parse('2026-07-01T00:00:00.000Z'),
    );
    const cut = candidates.find((o) => {
      const s = o.start.dateTime ?? '';
      const e = o.end.dateTime ?? '';
      return s.slice(0, 10) === e.slice(0, 10) && s.slice(11) < '15:00' && e.slice(11) > '15:00';
    });
    expect(cut).toBeDefined();
    const midnight = addDays((cut?.start.dateTime ?? '').slice(0, 10), 1);
    const firstDay = addDays(midnight, -365);
    const lastDay = '2027-02-10';
    const start = startOfLocalDay(firstDay, 'Asia/Tokyo').getTime();
    const end = startOfLocalDay(addDays(lastDay, 1), 'Asia/Tokyo').getTime();
    expect(end - start).toBeGreaterThan(YEAR_WINDOW);
    const expected = simulatorOccurrences(start, end)
      .filter((o) => Date.parse(o.start.dateTime ?? '') >= start)
      .map(idOf);

    stack.simulator.log.reset();
    const got = await all({ dates: { from: firstDay, to: lastDay, timeZone: 'Asia/Tokyo' } });
    const ids = got.map((o) => o.id);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === idOf(cut as WireBooking))).toHaveLength(1);
    const starts = got.map((o) => o.start);
    expect(starts).toEqual([...starts].sort());

    // Two upstream windows, back to back, each a year at most (asked from 1 ms before it); the first ends at that
    // Tokyo midnight.
    const windows = [...new Set(upstream('bookings/occurrences').map((q) => `${q.start}/${q.end}`))];
    expect(windows).toEqual([
      `${new Date(start - 1).toISOString()}/${new Date(start + YEAR_WINDOW).toISOString()}`,
      `${new Date(start + YEAR_WINDOW - 1).toISOString()}/${new Date(end).toISOString()}`,
    ]);
    expect(new Date(start + YEAR_WINDOW).toISOString()).toBe(
      `${(cut?.start.dateTime ?? '').slice(0, 10)}T15:00:00.000Z`,
    );
  });

  it('selects by END when asked, so an occurrence running into the window counts', async () => {
    const [from, to] = ['2026-11-02T15:00:00.000Z', '2026-11-09T15:00:00.000Z'];
    const expected = simulatorOccurrences(Date.parse(from), Date.parse(to))
      .filter((o) => Date.parse(o.end.dateTime ?? '') < Date.parse(to))
      .map(idOf);
    const got = await all({
      dates: { from: '2026-11-03', to: '2026-11-09', timeZone: 'Asia/Tokyo' },
      dateField: 'END',
    });
    expect(got.map((o) => o.id)).toEqual(expected);
    expect(got.every((o) => instantIn(o.end, from, to))).toBe(true);
    expect(got.some((o) => o.start < from)).toBe(true);
  });
});

describe('credit accounts by date selection', () => {
  const monthParam = (month: string) => `${month}-01T00:00:00.000Z`;

  it('Team.creditAccounts: every month of the selection, in order, one batched call per team and month', async () => {
    const teams = data().teams.slice(0, 5);
    const months = ['2026-07', '2026-08', '2026-09'];
    stack.simulator.log.reset();
    const result = await ok<{
      teams: Conn<{ id: string; creditAccounts: { month: string; creditAccountId: string }[] }>;
    }>(
      '{ teams(first: 5) { nodes { id creditAccounts(dates: { period: LAST_QUARTER }) { month creditAccountId } } } }',
    );
    expect(stack.apiCalls({ collection: 'credit-accounts/stats' })).toBe(teams.length * months.length);
    expect(new Set(upstream('credit-accounts/stats').map((q) => q.month))).toEqual(new Set(months.map(monthParam)));
    for (const node of result.teams.nodes) {
      const expected = months.flatMap((month) =>
        creditStatsFor(stack.simulator.dataset, { month, team: node.id }).map((s) => ({
          month,
          creditAccountId: s.creditAccount,
        })),
      );
      expect(node.creditAccounts).toEqual(expected);
    }
    expect(result.teams.nodes.some((n) => n.creditAccounts.length > 0)).toBe(true);
  });

  it('root creditAccounts is a connection over the months a range touches', async () => {
    const member = data().members.find((m) =>
      ['2026-10', '2026-11'].every(
        (month) => creditStatsFor(stack.simulator.dataset, { month, member: m._id }).length > 0,
      ),
    );
    expect(member).toBeDefined();
    const expected = ['2026-10', '2026-11'].flatMap((month) =>
      creditStatsFor(stack.simulator.dataset, { month, member: member?._id }).map((s) => `${month}/${s.creditAccount}`),
    );
    stack.simulator.log.reset();
    const query = `query ($member: ID, $after: String) {
      creditAccounts(member: $member, dates: { from: "2026-10-20", to: "2026-11-03" }, first: 1, after: $after) {
        nodes { month creditAccountId } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const page: { creditAccounts: Conn<{ month: string; creditAccountId: string }> } = await ok(query, {
        member: member?._id,
        after,
      });
      seen.push(...page.creditAccounts.nodes.map((n) => `${n.month}/${n.creditAccountId}`));
      if (!page.creditAccounts.pageInfo.hasNextPage) break;
      after = page.creditAccounts.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(upstream('credit-accounts/stats').map((q) => q.month)).toContain(monthParam('2026-10'));
  });

  it('still takes a single month', async () => {
    const team = data().teams[0];
    const result = await ok<{ team: { creditAccounts: { month: string }[] } }>(
      'query ($id: ID!) { team(id: $id) { creditAccounts(month: "2026-11") { month } } }',
      { id: team?._id },
    );
    expect(result.team.creditAccounts.every((a) => a.month === '2026-11')).toBe(true);
    expect(result.team.creditAccounts).toHaveLength(
      creditStatsFor(stack.simulator.dataset, { month: '2026-11', team: team?._id }).length,
    );
  });
});

// The fixed clock is what the assertions above count from.
it('runs against the fixed test clock', () => {
  expect(TEST_NOW.toISOString()).toBe('2026-11-16T00:00:00.000Z');
});
