import { readFileSync, readdirSync } from 'node:fs';
import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { V1_ONLY_FIELDS } from '../../src/officernd/v2.ts';
import { REPORT_NAMES, REPORTS, type ReportName } from '../../src/reports/registry.ts';
import { schema } from '../../src/schema/index.ts';
import type { TestStack } from '../helpers.ts';
import { parseCsv } from '../reports/support.ts';
import { apiCalls, createVersionStack, VERSIONS } from './support.ts';

// Issue 15: the same seeded organization read over v1 and over the Flex API (v2) gives the same GraphQL answers and
// the same export rows: the client maps v2 at its boundary (src/officernd/v2.ts) and the simulator serves each
// version from its own model. v1's answers are the reference; every case runs over both versions.

const stacks = new Map<string, TestStack>();
const stackOf = (version: string): TestStack => {
  let stack = stacks.get(version);
  if (!stack) stacks.set(version, (stack = createVersionStack(version as 'v1' | 'v2')));
  return stack;
};

interface Case {
  name: string;
  query: string;
  variables?: (stack: TestStack) => Record<string, unknown>;
}

const examples: Case[] = readdirSync('examples')
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => ({
    name: `examples/${file}`,
    query: readFileSync(`examples/${file}`, 'utf8'),
    variables: (stack: TestStack) => {
      const { teams, memberships } = stack.simulator.dataset.collections;
      const team = teams.find((t) => memberships.some((m) => m.team === t._id && m.member));
      return { first: 120, id: team?._id };
    },
  }))
  // Each example declares only its own variables: keep those.
  .map((c) => ({
    ...c,
    variables: (stack: TestStack) =>
      Object.fromEntries(
        Object.entries(c.variables(stack)).filter(([name]) => new RegExp(`\\$${name}\\b`).test(c.query)),
      ),
  }));

/**
 * GraphQL fields over the v1 fields v2 does not carry (V1_ONLY_FIELDS, §2): null over v2, so left out of the
 * comparison and checked apart.
 */
const V1_ONLY_GRAPHQL: Readonly<Record<string, readonly string[]>> = {
  Booking: ['googleCalendarEventId', 'recurrenceText', 'accountedUntil', 'parent'],
  BookingOccurrence: ['googleCalendarEventId', 'recurrenceText', 'accountedUntil', 'parent'],
  Charge: ['office', 'sourcePayment'],
};

/**
 * Scalar and enum fields of a type without arguments; objects as `{ id }` (a by-id link), lists of values deeper;
 * lists of links are left out (their cost is another test's subject).
 */
function selection(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.length > 0 || V1_ONLY_GRAPHQL[type.name]?.includes(field.name)) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 0) {
      const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
      const link = 'id' in named.getFields();
      if (list && link) continue;
      const inner = link ? 'id' : selection(named, depth - 1);
      if (inner !== '') parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

/** Every list root field (a connection with nodes) with every field of its nodes: the whole mapped model. */
const lists: Case[] = Object.values(schema.getQueryType()!.getFields())
  .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)) && field.args.some((a) => a.name === 'first'))
  .filter((field) => field.name !== 'bookingOccurrences' && field.name !== 'creditAccounts')
  .map((field) => {
    const connection = getNamedType(field.type) as GraphQLObjectType;
    const node = getNamedType(connection.getFields().nodes!.type) as GraphQLObjectType;
    return {
      name: `${field.name} (every field)`,
      query: `{ ${field.name}(first: 120) { nodes { ${selection(node, 2)} } } }`,
    };
  });

const NOVEMBER = '{ from: "2026-11-01", to: "2026-11-30" }';
const representative: Case[] = [
  {
    name: 'members of a team, by name prefix, with links',
    query: `query($team: ID!) { members(team: $team, first: 50) { nodes { id name email team { name } office { name } } }
      a: members(nameStartsWith: "a", first: 50) { nodes { id name calculatedStatus } } }`,
    variables: (s) => ({ team: s.simulator.dataset.collections.members.find((m) => m.team)!.team }),
  },
  {
    name: 'bookings in November, not cancelled, with resource, floor and rate',
    query: `{ bookings(dates: ${NOVEMBER}, isCancelled: false, first: 200) {
      pageInfo { hasNextPage }
      nodes { id title start end isCancelled isTentative resource { name floor { name } office { name } } rate { name } attendees { name } } } }`,
  },
  {
    name: 'bookings of an office ordered, with a title filter',
    query: `query($office: ID!) { bookings(office: $office, titleContains: "e", first: 80) { nodes { id title member { name } } } }`,
    variables: (s) => ({ office: s.simulator.dataset.collections.offices[0]!._id }),
  },
  {
    name: 'booking occurrences in November',
    query: `{ bookingOccurrences(dates: ${NOVEMBER}, first: 300) { nodes { start end booking { id title } member { name } resource { name } } } }`,
  },
  {
    name: 'memberships by status with plan, member and contract',
    query: `{ memberships(calculatedStatus: ACTIVE, first: 150) { nodes { id name startDate endDate isLocked plan { name } member { name } team { name } contract { id } } } }`,
  },
  {
    name: 'payments of a team, with lines and their fee and plan',
    query: `query($team: ID!) { payments(team: $team, first: 50) { nodes { number date dueDate status lines { description total office { name } fee { name } plan { name } membership { name } } vatAmounts { total percent } } } }`,
    variables: (s) => ({ team: s.simulator.dataset.collections.payments.find((p) => p.team)!.team }),
  },
  {
    name: 'fees created this year with their plan and invoice',
    query: `{ fees(dates: { from: "2026-01-01", to: "2026-12-31" }, dateField: DATE, first: 150) { nodes { id name issueDate price isRefundable team { name } plan { name } payment { number } } } }`,
  },
  {
    name: 'one of each by id',
    query: `query($m: ID!, $p: ID!, $f: ID!, $ms: ID!, $t: ID!, $r: ID!) {
      member(id: $m) { name team { name } } payment(id: $p) { number team { name } } fee(id: $f) { name }
      membership(id: $ms) { name plan { name } } team(id: $t) { name office { name } } resource(id: $r) { name floor { name } } }`,
    variables: (s) => {
      const c = s.simulator.dataset.collections;
      return {
        m: c.members[9]!._id,
        p: c.payments[11]!._id,
        f: c.fees[13]!._id,
        ms: c.memberships[17]!._id,
        t: c.teams[2]!._id,
        r: c.resources[4]!._id,
      };
    },
  },
  {
    name: 'credit accounts of a team over two months',
    query: `query($team: ID!) { creditAccounts(team: $team, dates: { from: "2026-09-01", to: "2026-10-31" }) { nodes { month creditAccountId validFor monthly { total used remaining } rates { name } } } }`,
    variables: (s) => ({ team: s.simulator.dataset.creditAccounts.find((a) => a.team)!.team }),
  },
  {
    name: 'team with its members and their memberships (reverse links)',
    query: `query($t: ID!) { team(id: $t) { name members(first: 30) { nodes { name memberships(first: 10) { nodes { name } } } } } }`,
    variables: (s) => ({ t: s.simulator.dataset.collections.memberships.find((m) => m.team && m.member)!.team }),
  },
];

const CASES: Case[] = [...examples, ...lists, ...representative];

/** An answer without its cursors (opaque, and made from each version's own upstream cursors). */
function answerOf(body: { data?: unknown; errors?: unknown }): unknown {
  return JSON.parse(JSON.stringify(body), (key, value) =>
    key === 'endCursor' || key === 'startCursor' ? undefined : value,
  );
}

const reference = new Map<string, Promise<unknown>>();
const answer = async (version: string, c: Case): Promise<unknown> => {
  if (version === 'v1') return v1Answer(c);
  const stack = stackOf(version);
  return answerOf(await stack.query(c.query, c.variables?.(stack)));
};
const v1Answer = (c: Case): Promise<unknown> => {
  let known = reference.get(c.name);
  if (!known) {
    const stack = stackOf('v1');
    reference.set(c.name, (known = stack.query(c.query, c.variables?.(stack)).then(answerOf)));
  }
  return known;
};

/** The query string of each report's export: its date selection where it needs one. */
const exportQuery = (stack: TestStack, report: ReportName): string => {
  if (report === 'booking-occurrences') return 'from=2026-11-01&to=2026-11-30';
  if (report === 'credit-accounts') {
    const team = stack.simulator.dataset.creditAccounts.find((a) => a.team)!.team as string;
    return `team=${team}&from=2026-09-01&to=2026-10-31`;
  }
  return '';
};

/** A CSV cell holding an array or object as JSON, read back (its keys' order is the wire's, not a fact). */
const cellValue = (cell: string): unknown => (/^[[{]/.test(cell) ? JSON.parse(cell) : cell);

const exportRows = async (version: string, report: ReportName): Promise<unknown[][]> => {
  const stack = stackOf(version);
  const response = await stack.gateway.fetch(`http://gateway.test/reports/${report}.csv?${exportQuery(stack, report)}`);
  expect(response.status).toBe(200);
  return parseCsv(await response.text()).map((row) => row.map(cellValue));
};
const v1Rows = new Map<ReportName, Promise<unknown[][]>>();

beforeAll(async () => {
  // A dated bookings read first learns how far rows lie from their series start (core/series-reach.ts): until then a
  // page may end early after a bounded scan of upstream pages, which hold 100 rows on v1 and 50 on v2. Learnt
  // first on both, the answers are whole.
  for (const version of VERSIONS)
    await stackOf(version).query(`{ bookings(dates: ${NOVEMBER}, first: 1) { nodes { id } } }`);
});

describe.each(VERSIONS)('over %s', (version) => {
  it.each(CASES.map((c) => [c.name, c] as const))('GraphQL: %s', async (_name, c) => {
    const got = (await answer(version, c)) as { errors?: unknown; data?: unknown };
    expect(got.errors).toBeUndefined();
    expect(got).toEqual(await v1Answer(c));
  });

  it.each(REPORT_NAMES)('export rows: %s.csv', async (report) => {
    let expected = v1Rows.get(report);
    if (!expected) v1Rows.set(report, (expected = exportRows('v1', report)));
    const rows = await exportRows(version, report);
    expect(rows.length).toBeGreaterThan(1);
    // Columns of fields v2 does not carry (§2) are empty over v2; every other cell is the same.
    const source = REPORTS[report].source;
    const path = source.kind === 'list' ? source.collection : report === 'booking-occurrences' ? 'bookings' : '';
    const gone = new Set([...(V1_ONLY_FIELDS['*'] ?? []), ...(V1_ONLY_FIELDS[path] ?? [])]);
    const header = rows[0] as string[];
    const v1Only = header.flatMap((column, at) => (gone.has(column.split('.')[0] ?? '') ? [at] : []));
    const blank = (table: unknown[][]) =>
      table.map((row, i) => (i === 0 ? row : row.map((cell, at) => (v1Only.includes(at) ? '' : cell))));
    if (version === 'v2') expect(rows.slice(1).every((row) => v1Only.every((at) => row[at] === ''))).toBe(true);
    expect(blank(rows)).toEqual(blank(await expected));
  });
});

describe('fields only v1 carries (§2)', () => {
  it('are null over v2, and set over v1', async () => {
    const query =
      '{ bookings(first: 200) { nodes { googleCalendarEventId recurrenceText } } charges(first: 20) { nodes { office { id } } } }';
    const [v1, v2] = await Promise.all(VERSIONS.map((version) => stackOf(version).query(query)));
    type Answer = { bookings: { nodes: Record<string, unknown>[] }; charges: { nodes: Record<string, unknown>[] } };
    const [a, b] = [v1!.data as Answer, v2!.data as Answer];
    expect(a.bookings.nodes.some((n) => n.googleCalendarEventId !== null)).toBe(true);
    expect(a.bookings.nodes.some((n) => n.recurrenceText !== null)).toBe(true);
    expect(a.charges.nodes.some((n) => n.office !== null)).toBe(true);
    expect(b.bookings.nodes.every((n) => n.googleCalendarEventId === null && n.recurrenceText === null)).toBe(true);
    expect(b.charges.nodes.every((n) => n.office === null)).toBe(true);
  });
});

describe('v2 call counts', () => {
  it('reads a list 50 a page and follows cursorNext to the end', async () => {
    const stack = stackOf('v2');
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch('http://gateway.test/reports/members.csv');
    expect(response.status).toBe(200);
    const rows = parseCsv(await response.text());
    const members = stack.simulator.dataset.collections.members.length;
    expect(rows).toHaveLength(members + 1);
    const calls = apiCalls(stack);
    expect(calls.every((c) => c.path === '/members' && Number(c.query.$limit) <= 50)).toBe(true);
    expect(calls).toHaveLength(Math.ceil(members / 50));
    expect(calls.filter((c) => c.query.$cursorNext !== undefined)).toHaveLength(calls.length - 1);
  });
});
