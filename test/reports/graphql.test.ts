import { beforeAll, describe, expect, it } from 'vitest';
import type { WireBooking } from '../../src/officernd/types.ts';
import { REPORT_NAMES } from '../../src/reports/registry.ts';
import { createTestStack, type TestStack } from '../helpers.ts';
import { parseExport } from './support.ts';

// `report(...)` serves the same tables as the HTTP exports, paged with first/after: reading every page gives
// exactly the export's rows, whatever the page size, across upstream pages, expansion and occurrence windows.

interface TablePage {
  columns: string[];
  rows: (string | null)[][];
  records: Record<string, unknown>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const REPORT = /* GraphQL */ `
  query Report($name: ReportName!, $expand: String, $columns: [String!], $filters: JSON, $dates: DateSelection, $dateField: String, $first: Int, $after: String) {
    report(name: $name, expand: $expand, columns: $columns, filters: $filters, dates: $dates, dateField: $dateField, first: $first, after: $after) {
      columns rows records pageInfo { hasNextPage endCursor }
    }
  }
`;

let stack: TestStack;
beforeAll(() => {
  stack = createTestStack();
});

async function allPages(
  variables: Record<string, unknown>,
): Promise<{ columns: string[]; records: Record<string, unknown>[]; rows: (string | null)[][]; pages: number }> {
  const records: Record<string, unknown>[] = [];
  const rows: (string | null)[][] = [];
  let columns: string[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= 200; pages += 1) {
    const result: { data?: { report: TablePage }; errors?: unknown[] } = await stack.query<{ report: TablePage }>(
      REPORT,
      { ...variables, after },
    );
    expect(result.errors).toBeUndefined();
    const page: TablePage = result.data!.report;
    columns = page.columns;
    records.push(...page.records);
    rows.push(...page.rows);
    if (!page.pageInfo.hasNextPage) return { columns, records, rows, pages };
    after = page.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

async function exported(path: string): Promise<Record<string, unknown>[]> {
  const response = await stack.gateway.fetch(`http://gateway.test${path}`);
  expect(response.status).toBe(200);
  const table = parseExport('ndjson', await response.text());
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i]])));
}

describe('report query', () => {
  it('bounds a bookings END selection on both sides through seriesStart: a year without rows costs one window call', async () => {
    // No booking ends in 2099: seriesStart is bounded from below too (issue 21), so the window is one empty page.
    const variables = { name: 'BOOKINGS', columns: ['_id'], dateField: 'END', dates: { from: '2099-01-01' }, first: 1 };
    // An export waits for the gateway to learn the bookings' reach; GraphQL reads are unbounded until it is known.
    await exported('/reports/bookings.ndjson?columns=_id&on=2026-11-02');
    stack.simulator.log.reset();
    const first = await stack.query<{ report: TablePage }>(REPORT, { ...variables, after: null });
    expect(first.errors).toBeUndefined();
    expect(first.data!.report.rows).toEqual([]);
    expect(first.data!.report.pageInfo.hasNextPage).toBe(false);
    const window = stack.simulator.log
      .entries()
      .filter((e) => e.kind === 'api' && e.collection === 'bookings' && e.query['seriesStart.$gte'] !== undefined);
    expect(window.length).toBe(1);
  });

  it('pages through the same rows as the export (expanded, joined, date-selected), 37 rows at a time', async () => {
    const columns = ['_id', 'fees.fee', 'fees.fee.name', 'member.name', 'start.dateTime', 'canceled'];
    const got = await allPages({
      name: 'BOOKINGS',
      expand: 'fees',
      columns,
      dates: { from: '2026-01-01', to: '2026-03-31' },
      first: 37,
    });
    const expected = await exported(
      `/reports/bookings.ndjson?expand=fees&columns=${columns.join(',')}&from=2026-01-01&to=2026-03-31`,
    );
    expect(expected.length).toBeGreaterThan(150);
    expect(got.columns).toEqual(columns);
    expect(got.records).toEqual(expected);
    expect(got.pages).toBe(Math.ceil(expected.length / 37));
    // `rows` are the same cells as text.
    expect(got.rows).toEqual(expected.map((r) => columns.map((c) => (r[c] === null ? null : String(r[c])))));
  });

  it('pages booking occurrences across the yearly windows', async () => {
    const got = await allPages({
      name: 'BOOKING_OCCURRENCES',
      columns: ['_id', 'start.dateTime'],
      dates: { from: '2025-11-01', to: '2027-01-31' },
      first: 400,
    });
    const expected = await exported(
      '/reports/booking-occurrences.ndjson?columns=_id,start.dateTime&from=2025-11-01&to=2027-01-31',
    );
    expect(got.records).toEqual(expected);
  });

  it('reads credit accounts for every month of the selection', async () => {
    const team = stack.simulator.dataset.creditAccounts.find((a) => typeof a.team === 'string')!.team as string;
    const got = await allPages({
      name: 'CREDIT_ACCOUNTS',
      filters: { team },
      dates: { from: '2026-08-15', to: '2026-10-01' },
      first: 2,
    });
    expect([...new Set(got.records.map((r) => r.month))]).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(got.records).toEqual(
      await exported(`/reports/credit-accounts.ndjson?team=${team}&from=2026-08-15&to=2026-10-01`),
    );
  });

  it('costs one upstream page plus the distinct references of the rows asked for', async () => {
    const bookings = (stack.simulator.dataset.collections.bookings as WireBooking[]).slice(0, 20);
    // A v1 server that ignores `$populate` (§4): the references are joined (populated reads: populate-export.test.ts).
    const fresh = createTestStack({ simulator: { v1Populate: 'ignored' } });
    fresh.simulator.log.reset();
    const result = await fresh.query<{ report: TablePage }>(REPORT, {
      name: 'BOOKINGS',
      columns: ['_id', 'member.name'],
      first: 20,
    });
    expect(result.data!.report.rows).toHaveLength(20);
    expect(fresh.apiCalls({ collection: 'bookings' })).toBe(1);
    expect(fresh.apiCalls({ collection: 'members', id: true })).toBe(
      new Set(bookings.map((b) => b.member).filter(Boolean)).size,
    );
  });

  it('describes every report', async () => {
    const result = await stack.query<{
      reportDefinitions: {
        name: string;
        path: string;
        expandable: { field: string; columns: string[]; joins: string[] }[];
        dateFields: string[];
      }[];
    }>('{ reportDefinitions { name path expandable { field columns joins } dateFields } }');
    const definitions = result.data!.reportDefinitions;
    expect(definitions.map((d) => d.path)).toEqual(REPORT_NAMES.map((n) => `/reports/${n}`));
    const bookings = definitions.find((d) => d.name === 'BOOKINGS')!;
    expect(bookings.expandable.find((e) => e.field === 'fees')).toEqual({
      field: 'fees',
      columns: ['fees.date', 'fees.fee', 'fees.extraFees', 'fees.credits', 'fees.valueCredits'],
      joins: ['fees.fee.* (fees)'],
    });
    expect(bookings.dateFields).toEqual(['START', 'END', 'CREATED_AT', 'MODIFIED_AT']);
  });

  it.each([
    [{ name: 'BOOKINGS', expand: 'attendees' }, 'expand'],
    [{ name: 'BOOKINGS', columns: ['nope'] }, 'columns'],
    [{ name: 'BOOKINGS', filters: { office: 'london' } }, 'filters.office'],
    [{ name: 'BOOKINGS', filters: { nope: 1 } }, 'filters.nope'],
    [{ name: 'BOOKINGS', filters: ['office'] }, 'filters'],
    [{ name: 'BOOKINGS', dates: { from: '2026-02-01', to: '2026-01-01' } }, 'dates.from'],
    [{ name: 'BOOKINGS', dates: { daysBack: 1, timeZone: 'Nowhere/City' } }, 'dates.timeZone'],
    [{ name: 'BOOKINGS', dates: { daysBack: 1 }, dateField: 'DUE_DATE' }, 'dateField'],
    [{ name: 'BOOKING_OCCURRENCES' }, 'dates'],
    [{ name: 'CREDIT_ACCOUNTS', dates: { period: 'LAST_MONTH' } }, 'filters.team'],
    [{ name: 'RESOURCE_TYPES', dates: { daysBack: 1 } }, 'dates.daysBack'],
    [{ name: 'BOOKINGS', first: 5000 }, 'first'],
    [{ name: 'BOOKINGS', after: 'bm90IGEgY3Vyc29y' }, 'after'],
  ])('refuses %j naming %s, before any upstream call', async (variables, argument) => {
    stack.simulator.log.reset();
    const result = await stack.query(REPORT, variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(stack.apiCalls()).toBe(0);
  });

  it('refuses a cursor of another report request', async () => {
    const first = await stack.query<{ report: TablePage }>(REPORT, { name: 'TEAMS', first: 2 });
    const cursor = first.data!.report.pageInfo.endCursor;
    const other = await stack.query(REPORT, { name: 'TEAMS', first: 2, columns: ['name'], after: cursor });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});
