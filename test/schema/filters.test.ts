import { describe, expect, it } from 'vitest';
import { enumValueName } from '../../src/officernd/enums.ts';
import {
  COLLECTIONS,
  CREDIT_STATS_FILTERS,
  LIST_COLLECTIONS,
  OCCURRENCE_FILTERS,
  type FilterSpec,
  type ListCollection,
} from '../../src/officernd/collections.ts';
import { createTestStack, testDataset, type TestStack } from '../helpers.ts';

// Filters are declared once (officernd/collections.ts) and both front ends read the declaration: this walks every
// collection's filters and asserts that the GraphQL list and the export accept each one (and each export alias),
// and that both answer the same rows as the dataset holds, whether OfficeRnD applies, ignores or refuses the filters
// it never documented (shared/officernd-api.md §4): the gateway checks every filter itself (issue 13).

const data = testDataset();
const MODES = ['documented', 'strict', 'all'] as const;
/**
 * One stack per simulator mode (SIMULATOR_V1_FILTERS, the simulator's own model of v1): `documented` silently ignores
 * every filter without public evidence and leaves false flags out of half of the bookings, `strict` answers 400 to
 * such filters, `all` applies everything. The answers must be the same in all three.
 */
const stacks: Record<(typeof MODES)[number], TestStack> = {
  documented: createTestStack({ simulator: { v1Filters: 'documented' } }),
  strict: createTestStack({ simulator: { v1Filters: 'strict' } }),
  all: createTestStack({ simulator: { v1Filters: 'all' } }),
};
const stack = stacks.documented;

const rootField = (collection: ListCollection): string =>
  collection.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** A value of the filter that some row has, so the filter keeps a non-trivial subset. */
function sampleValue(spec: FilterSpec, rows: readonly Record<string, unknown>[]): string | boolean | null {
  if (spec.kind === 'boolean') return true;
  for (const row of rows) {
    const raw = row[spec.field];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value !== 'string' || value === '') continue;
    if (spec.op === 'swi') return value.slice(0, 2).toUpperCase();
    if (spec.op === 'csi') return value.slice(1, 4).toLowerCase();
    return value;
  }
  return null;
}

/** The rows the filter keeps, by this test's own reading of the filter. */
function expected(spec: FilterSpec, rows: readonly Record<string, unknown>[], value: string | boolean): string[] {
  return rows
    .filter((row) => {
      const actual = row[spec.field];
      if (spec.kind === 'boolean') return (actual === true) === value;
      if (Array.isArray(actual)) return actual.includes(value);
      if (typeof actual !== 'string' || typeof value !== 'string') return false;
      if (spec.op === 'swi') return actual.toLowerCase().startsWith(value.toLowerCase());
      if (spec.op === 'csi') return actual.toLowerCase().includes(value.toLowerCase());
      return actual === value;
    })
    .map((row) => String(row._id ?? row.id)); // §6.18: v1 resource types are keyed by `id`
}

async function graphqlIds(
  stack: TestStack,
  collection: ListCollection,
  name: string,
  spec: FilterSpec,
  value: string | boolean,
): Promise<string[]> {
  const literal = spec.kind === 'enum' ? enumValueName(String(value)) : JSON.stringify(value);
  type Page = { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result: { data?: { list: Page }; errors?: unknown } = await stack.query<{ list: Page }>(
      `query($after: String) { list: ${rootField(collection)}(${name}: ${literal}, first: 1000, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    expect(result.errors, `${collection}(${name}: ${literal})`).toBeUndefined();
    const list: Page | undefined = result.data?.list;
    out.push(...(list?.nodes ?? []).map((n: { id: string }) => n.id));
    if (!list?.pageInfo.hasNextPage) return out;
    after = list.pageInfo.endCursor;
  }
}

async function exportIds(
  stack: TestStack,
  report: string,
  query: string,
): Promise<{ status: number; ids: string[]; body: string }> {
  const response = await stack.gateway.fetch(`http://gateway.test/reports/${report}.ndjson?${query}`);
  const body = await response.text();
  if (response.status !== 200) return { status: response.status, ids: [], body };
  const ids = body
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => String((JSON.parse(line) as { _id: unknown })._id));
  return { status: response.status, ids, body };
}

const cases = LIST_COLLECTIONS.flatMap((collection) =>
  Object.entries(COLLECTIONS[collection].filters).map(([name, spec]) => ({ collection, name, spec })),
);

describe.each(MODES)('every declared filter, in both front ends, with v1Filters=%s', (mode) => {
  const stack = stacks[mode];
  it.each(cases)('$collection($name)', async ({ collection, name, spec }) => {
    const rows = data.collections[collection] as unknown as Record<string, unknown>[];
    const values = spec.kind === 'boolean' ? [true, false] : [sampleValue(spec, rows)];
    for (const value of values) {
      expect(value, `a sample value for ${collection}.${name}`).not.toBeNull();
      const want = expected(spec, rows, value as string | boolean);
      expect(await graphqlIds(stack, collection, name, spec, value as string | boolean)).toEqual(want);
      for (const key of [name, ...(spec.aliases ?? [])]) {
        const given = spec.kind === 'enum' ? [String(value), enumValueName(String(value))] : [String(value)];
        for (const text of given) {
          const answer = await exportIds(stack, collection, `${key}=${encodeURIComponent(text)}&columns=_id`);
          expect(answer.status, `${collection}.ndjson?${key}=${text}: ${answer.body.slice(0, 200)}`).toBe(200);
          expect(answer.ids).toEqual(want);
        }
      }
    }
  });

  it('declares the occurrence and credit-account filters for both front ends too', async () => {
    const resource = (data.collections.bookings as { resourceId?: string }[]).find((b) => b.resourceId)
      ?.resourceId as string;
    const dates = 'from: "2026-11-01", to: "2026-11-30"';
    for (const [name, spec] of Object.entries(OCCURRENCE_FILTERS)) {
      const value =
        spec.kind === 'enum'
          ? 'meeting_room'
          : spec.field === 'resourceId'
            ? resource
            : (
                data.collections.bookings.find(
                  (b) => (b as unknown as Record<string, unknown>)[spec.field],
                ) as unknown as Record<string, string>
              )[spec.field];
      const literal = spec.kind === 'enum' ? enumValueName(String(value)) : JSON.stringify(value);
      const result = await stack.query(
        `{ bookingOccurrences(dates: { ${dates} }, ${name}: ${literal}, first: 5) { nodes { id } } }`,
      );
      expect(result.errors, `bookingOccurrences(${name})`).toBeUndefined();
      for (const key of [name, ...(spec.aliases ?? [])]) {
        const answer = await exportIds(
          stack,
          'booking-occurrences',
          `from=2026-11-01&to=2026-11-30&${key}=${encodeURIComponent(String(value))}&limit=5`,
        );
        expect(answer.status, `booking-occurrences?${key}: ${answer.body.slice(0, 200)}`).toBe(200);
      }
    }
    const team = (data.collections.teams[0] as { _id: string })._id;
    for (const name of Object.keys(CREDIT_STATS_FILTERS)) {
      const result = await stack.query(`{ creditAccounts(month: "2026-11", ${name}: "${team}") { nodes { month } } }`);
      expect(result.errors, `creditAccounts(${name})`).toBeUndefined();
      const response = await stack.gateway.fetch(
        `http://gateway.test/reports/credit-accounts.csv?period=THIS_MONTH&${name}=${team}`,
      );
      expect(response.status).toBe(200);
    }
  });
});

describe('exports validate filters from the declaration', () => {
  it('accepts an enum in the wire and the GraphQL spelling, and lists the values otherwise', async () => {
    const wire = await exportIds(stack, 'members', 'status=active&columns=_id');
    const graphql = await exportIds(stack, 'members', 'status=ACTIVE&columns=_id');
    expect(wire.ids.length).toBeGreaterThan(0);
    expect(graphql.ids).toEqual(wire.ids);
    const drop = await exportIds(stack, 'members', 'calculatedStatus=DROP_IN&columns=_id');
    expect(drop.status).toBe(200);
    const bad = await stack.gateway.fetch('http://gateway.test/reports/members.csv?status=bogus');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string; parameter?: string } };
    expect(body.error.code).toBe('BAD_USER_INPUT');
    expect(body.error.message).toContain('active');
    expect(body.error.message).toContain('DROP_IN');
  });

  it('names expandable fields for the data it reads: payments expand=lines reads v1 invoiceLines', async () => {
    const response = await stack.gateway.fetch('http://gateway.test/reports/payments.ndjson?expand=lines&limit=20');
    expect(response.status).toBe(200);
    const rows = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(20);
    expect(rows.every((row) => row['invoiceLines.total'] !== null && row['invoiceLines.total'] !== undefined)).toBe(
      true,
    );
  });
});

describe.each(MODES)('reverse links with v1Filters=%s', (mode) => {
  const stack = stacks[mode];
  it('resource { bookings }, member { fees } and payments(status:) keep only their own rows', async () => {
    const bookings = data.collections.bookings as unknown as { _id: string; resourceId?: string }[];
    const resource = bookings.find((b) => b.resourceId)?.resourceId as string;
    const fees = data.collections.fees as unknown as { _id: string; member?: string }[];
    const member = fees.find((f) => f.member)?.member as string;
    const result = await stack.query<{
      resource: { bookings: { nodes: { id: string }[] } };
      member: { fees: { nodes: { id: string }[] } };
    }>(
      'query($r: ID!, $m: ID!) { resource(id: $r) { bookings(first: 1000) { nodes { id } } } member(id: $m) { fees(first: 1000) { nodes { id } } } }',
      { r: resource, m: member },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.resource.bookings.nodes.map((n) => n.id)).toEqual(
      bookings.filter((b) => b.resourceId === resource).map((b) => b._id),
    );
    expect(result.data?.member.fees.nodes.map((n) => n.id)).toEqual(
      fees.filter((f) => f.member === member).map((f) => f._id),
    );
  });
});

describe.each(MODES)('report(...) with v1Filters=%s', (mode) => {
  const stack = stacks[mode];
  it('pages exactly: `first` matching rows, then the rest from the cursor, none twice', async () => {
    const payments = data.collections.payments as unknown as { _id: string; status?: string }[];
    const status = payments.find((p) => p.status)?.status as string;
    const want = payments.filter((p) => p.status === status).map((p) => p._id);
    expect(want.length).toBeGreaterThan(10);
    const got: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      type Table = { rows: (string | null)[][]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      const result: { data?: { report: Table }; errors?: unknown } = await stack.query<{ report: Table }>(
        'query($after: String, $filters: JSON) { report(name: PAYMENTS, columns: ["_id", "status"], filters: $filters, first: 10, after: $after) { rows pageInfo { hasNextPage endCursor } } }',
        { after, filters: { status } },
      );
      expect(result.errors).toBeUndefined();
      const table = result.data?.report as Table;
      if (table.pageInfo.hasNextPage) expect(table.rows).toHaveLength(10);
      for (const row of table.rows) expect(row[1]).toBe(status);
      got.push(...table.rows.map((row) => String(row[0])));
      if (!table.pageInfo.hasNextPage) break;
      after = table.pageInfo.endCursor;
    }
    expect(got).toEqual(want);
  });
});

describe('a filter OfficeRnD was seen to ignore', () => {
  it('is logged once and no longer counted on: later reverse links walk the collection once, grouped by parent', async () => {
    const fresh = createTestStack({ simulator: { v1Filters: 'documented' } });
    const fees = data.collections.fees as unknown as { _id: string; member?: string }[];
    const members = [...new Set(fees.map((f) => f.member).filter((m): m is string => typeof m === 'string'))].slice(
      0,
      3,
    );
    const query = `{ ${members.map((m, i) => `m${i}: member(id: "${m}") { fees(first: 1000) { nodes { id } } }`).join(' ')} }`;
    const pages = Math.ceil(fees.length / 100);
    const first = await fresh.query<Record<string, { fees: { nodes: { id: string }[] } }>>(query);
    expect(first.errors).toBeUndefined();
    members.forEach((m, i) =>
      expect(first.data?.[`m${i}`]?.fees.nodes.map((n) => n.id)).toEqual(
        fees.filter((f) => f.member === m).map((f) => f._id),
      ),
    );
    // One filtered call per parent, each answered with every fee.
    expect(fresh.apiCalls({ collection: 'fees' })).toBe(members.length * pages);
    fresh.simulator.log.reset();
    const second = await fresh.query(query);
    expect(second.data).toEqual(first.data);
    expect(fresh.apiCalls({ collection: 'fees' })).toBe(pages);
    const warnings = fresh.logs.filter((line) => line.includes('ignored a filter'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0] as string)).toMatchObject({ level: 'warn', collection: 'fees', field: 'member' });
  });
});
