import { describe, expect, it } from 'vitest';
import { createTestStack, testDataset, type TestStack } from '../helpers.ts';
import { failWhen, upstreamError } from '../security/faulty-fetch.ts';
import { FORMATS, parseExport, type Format } from './support.ts';

// `?groupBy=` on exports (issue 18): the aggregate table, one row per group, with the same numbers as the GraphQL
// `aggregate` for the same selection.

const data = testDataset();

async function exported(stack: TestStack, path: string) {
  const response = await stack.gateway.fetch(`http://gateway.test${path}`);
  return { status: response.status, text: await response.text() };
}

/** The rows of an export as objects keyed by column (CSV cells are text; empty cells null). */
function records(format: Format, text: string): Record<string, unknown>[] {
  const table = parseExport(format, text);
  return table.rows.map((cells) =>
    Object.fromEntries(table.columns.map((c, i) => [c, format === 'csv' && cells[i] === '' ? null : cells[i]])),
  );
}

const num = (value: unknown): number | null => (value === null ? null : Number(value));

interface GqlGroup {
  keys: Record<string, unknown>;
  count: number;
  sum: Record<string, number | null>;
  avg: Record<string, number | null>;
  min: Record<string, number | null>;
  max: Record<string, number | null>;
}

async function gqlGroups(stack: TestStack, query: string): Promise<GqlGroup[]> {
  const result = await stack.query<Record<string, { aggregate: { groupBy: GqlGroup[] } }>>(query);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return Object.values(result.data ?? {})[0]?.aggregate.groupBy ?? [];
}

describe('GET /reports/{report}.{format}?groupBy=', () => {
  const stack = createTestStack();

  it.each(FORMATS)('bookings per office per day last month equal the GraphQL aggregate (%s)', async (format) => {
    const { status, text } = await exported(stack, `/reports/bookings.${format}?groupBy=office,day&period=last_month`);
    expect(status).toBe(200);
    const table = parseExport(format, text);
    if (format === 'csv')
      expect(table.columns).toEqual([
        'office',
        'office.name',
        'day',
        'count',
        'sum_duration',
        'avg_duration',
        'min_duration',
        'max_duration',
      ]);
    const rows = records(format, text);
    const groups = await gqlGroups(
      stack,
      `{ bookings(dates: { period: LAST_MONTH }, first: 0) { aggregate { groupBy(by: [OFFICE, DAY]) {
        keys { office { id name } day } count sum { duration } avg { duration } min { duration } max { duration }
      } } } }`,
    );
    expect(groups.length).toBeGreaterThan(10);
    expect(
      rows.map((r) => [
        r.office,
        r['office.name'],
        r.day,
        num(r.count),
        num(r.sum_duration),
        num(r.avg_duration)?.toFixed(6),
        num(r.min_duration),
        num(r.max_duration),
      ]),
    ).toEqual(
      groups.map((g) => {
        const office = g.keys.office as { id: string; name: string };
        return [
          office.id,
          office.name,
          g.keys.day,
          g.count,
          g.sum.duration,
          g.avg.duration?.toFixed(6),
          g.min.duration,
          g.max.duration,
        ];
      }),
    );
  });

  it('payments by month and status, with every numeric field summed, equal the GraphQL aggregate', async () => {
    const { status, text } = await exported(stack, '/reports/payments.ndjson?groupBy=month,status');
    expect(status).toBe(200);
    const rows = records('ndjson', text);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'month',
      'status',
      'count',
      'sum_totalAmount',
      'sum_amount',
      'sum_subtotal',
      'sum_paidAmount',
      'sum_payableAmount',
      'avg_totalAmount',
      'avg_amount',
      'avg_subtotal',
      'avg_paidAmount',
      'avg_payableAmount',
      'min_totalAmount',
      'min_amount',
      'min_subtotal',
      'min_paidAmount',
      'min_payableAmount',
      'max_totalAmount',
      'max_amount',
      'max_subtotal',
      'max_paidAmount',
      'max_payableAmount',
    ]);
    const groups = await gqlGroups(
      stack,
      '{ payments(first: 0) { aggregate { groupBy(by: [MONTH, STATUS]) { keys { month status } count sum { totalAmount } } } } }',
    );
    expect(rows.map((r) => [r.month, String(r.status).toUpperCase(), r.count, r.sum_totalAmount])).toEqual(
      groups.map((g) => [g.keys.month, g.keys.status, g.count, g.sum.totalAmount]),
    );
    expect(rows.reduce((n, r) => n + Number(r.count), 0)).toBe(data.collections.payments.length);
  });

  it('names resource types by their title, buckets weeks in the selection’s zone, and keeps filters', async () => {
    const office = data.collections.offices[0]?._id as string;
    const path =
      `/reports/bookings.json?groupBy=resourceType,week&office=${office}&from=2026-09-01&to=2026-10-31` +
      '&timeZone=America/New_York&weekStartsOn=sunday';
    const { status, text } = await exported(stack, path);
    expect(status).toBe(200);
    const rows = records('json', text);
    const groups = await gqlGroups(
      stack,
      `{ bookings(office: "${office}", dates: { from: "2026-09-01", to: "2026-10-31", timeZone: "America/New_York",
        weekStartsOn: SUNDAY }, first: 0) { aggregate { groupBy(by: [RESOURCE_TYPE, WEEK]) {
        keys { resourceType { title } week } count
      } } } }`,
    );
    expect(groups.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r['resourceType.title'], r.week, r.count])).toEqual(
      groups.map((g) => [(g.keys.resourceType as { title: string } | null)?.title ?? null, g.keys.week, g.count]),
    );
    for (const r of rows) expect(new Date(`${r.week}T00:00:00Z`).getUTCDay()).toBe(0);
  });

  it('answers an empty selection with the header only', async () => {
    const { status, text } = await exported(stack, '/reports/fees.csv?groupBy=plan&from=2099-01-01&to=2099-01-31');
    expect(status).toBe(200);
    expect(parseExport('csv', text)).toEqual({
      columns: [
        'plan',
        'plan.name',
        'count',
        'sum_price',
        'sum_quantity',
        'sum_discountedPrice',
        'avg_price',
        'avg_quantity',
        'avg_discountedPrice',
        'min_price',
        'min_quantity',
        'min_discountedPrice',
        'max_price',
        'max_quantity',
        'max_discountedPrice',
      ],
      rows: [],
    });
  });

  it('refuses a bad groupBy with a 400 listing the allowed keys, before any upstream call', async () => {
    const cases: [string, string][] = [
      ['/reports/bookings.csv?groupBy=office,colour', 'groupBy'],
      ['/reports/bookings.csv?groupBy=', 'groupBy'],
      ['/reports/offices.csv?groupBy=office', 'groupBy'],
      ['/reports/bookings.csv?groupBy=office&columns=_id', 'columns'],
      ['/reports/bookings.csv?groupBy=office&limit=5', 'limit'],
    ];
    for (const [path, parameter] of cases) {
      stack.simulator.log.reset();
      const { status, text } = await exported(stack, path);
      expect(status, path).toBe(400);
      const body = JSON.parse(text) as { error: { code: string; parameter: string; allowed?: string[] } };
      expect(body.error.code).toBe('BAD_USER_INPUT');
      expect(body.error.parameter, path).toBe(parameter);
      if (path.includes('colour'))
        expect(body.error.allowed).toEqual([
          'office',
          'resource',
          'resourceType',
          'team',
          'member',
          'day',
          'week',
          'month',
        ]);
      expect(stack.apiCalls()).toBe(0);
    }
  });

  it('is listed in the catalogue with its keys', async () => {
    const response = await stack.gateway.fetch('http://gateway.test/reports');
    const body = (await response.json()) as {
      reports: { name: string; parameters: string[]; groupBy?: { keys: Record<string, string> } }[];
    };
    const bookings = body.reports.find((r) => r.name === 'bookings');
    expect(bookings?.parameters).toContain('groupBy');
    expect(Object.keys(bookings?.groupBy?.keys ?? {})).toContain('resourceType');
    const offices = body.reports.find((r) => r.name === 'offices');
    expect(offices?.groupBy).toBeUndefined();
    expect(offices?.parameters).not.toContain('groupBy');
  });

  it('answers an upstream failure on a later page with an error status, never a cut table', async () => {
    let bookingReads = 0;
    const failing = createTestStack({
      client: {
        // The second page of bookings fails (a 404 is not retried): the first page was read and grouped already.
        fetch: failWhen(
          (input, init) => failing.simulator.fetch(input, init),
          (url) => url.pathname.endsWith('/bookings') && ++bookingReads === 2,
          () => upstreamError(404),
        ),
      },
    });
    const { status, text } = await exported(failing, '/reports/bookings.csv?groupBy=office');
    expect(bookingReads).toBeGreaterThanOrEqual(2);
    expect(status).toBeGreaterThanOrEqual(400);
    const body = JSON.parse(text) as { error: { code: string } };
    // The upstream failure as the exports name it (a 404 here), instead of a table missing the later pages.
    expect(body.error.code).toBe('NOT_FOUND');
    expect(text).not.toContain('office,office.name');
  });
});
