import { beforeAll, describe, expect, it } from 'vitest';
import { columnInfo } from '../../src/reports/column-types.ts';
import { REPORT_NAMES, REPORTS, type ReportName } from '../../src/reports/registry.ts';
import { LIST_COLLECTIONS, type ListCollection } from '../../src/officernd/collections.ts';
import { creditStatsFor } from '../../src/simulator/index.ts';
import { createTestStack, type TestStack } from '../helpers.ts';
import { asWritten, expectedCell, FORMATS, parseExport, type Format } from './support.ts';

// Every report in every format, against the simulator's dataset: the header is the report's column list, and every
// row is the dataset object (in upstream order) read at those dotted paths.

const CONTENT_TYPE: Record<Format, RegExp> = {
  csv: /^text\/csv/,
  ndjson: /^application\/x-ndjson/,
  json: /^application\/json/,
};

let stack: TestStack;
/** The objects each report should list, in order. */
const expected = new Map<ReportName, { query: string; items: object[] }>();

const OCCURRENCE_START = Date.parse('2026-11-01T00:00:00.000Z');
const OCCURRENCE_END = Date.parse('2026-12-01T00:00:00.000Z');

beforeAll(async () => {
  stack = createTestStack();
  const data = stack.simulator.dataset;
  for (const collection of LIST_COLLECTIONS) {
    // v1 resource types carry `id`; the client gives them `_id` too (§6.18).
    const items = (data.collections[collection] as object[]).map((item) => {
      const id = (item as { _id?: string; id?: string })._id ?? (item as { id?: string }).id;
      return { _id: id, ...item };
    });
    expected.set(collection as ListCollection, { query: '', items });
  }
  // Booking occurrences of November 2026 (UTC), straight from the upstream's occurrences endpoint.
  const occurrences: object[] = [];
  for await (const page of stack.officernd.occurrencePages({
    start: new Date(OCCURRENCE_START),
    end: new Date(OCCURRENCE_END),
  })) {
    for (const item of page.items) {
      const start = Date.parse(item.start.dateTime ?? item.start.date ?? '');
      if (start >= OCCURRENCE_START && start < OCCURRENCE_END) occurrences.push(item);
    }
  }
  expected.set('booking-occurrences', { query: 'from=2026-11-01&to=2026-11-30', items: occurrences });
  // Credit accounts of a team with accounts, for September and October 2026.
  const team = data.creditAccounts.find((account) => typeof account.team === 'string')?.team as string;
  const months = ['2026-09', '2026-10'];
  const stats = months.flatMap((month) => creditStatsFor(data, { month, team }).map((stat) => ({ month, ...stat })));
  expected.set('credit-accounts', { query: `team=${team}&from=2026-09-01&to=2026-10-31`, items: stats });
});

describe('every report in every format', () => {
  const cases = REPORT_NAMES.flatMap((report) => FORMATS.map((format) => ({ report, format })));

  it('covers the 20 reports × 3 formats', () => {
    expect(cases).toHaveLength(60);
  });

  it.each(cases)('$report.$format', async ({ report, format }) => {
    const { query, items } = expected.get(report)!;
    expect(items.length).toBeGreaterThan(0);
    const response = await stack.gateway.fetch(`http://gateway.test/reports/${report}.${format}?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(CONTENT_TYPE[format]);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${report}.${format}"`);
    const table = parseExport(format, await response.text());
    const columns = [...REPORTS[report].columns];
    expect(table.columns).toEqual(columns);
    expect(table.rows).toHaveLength(items.length);
    table.rows.forEach((row, index) => {
      expect(row).toEqual(
        columns.map((column) =>
          asWritten(format, expectedCell(items[index], column, columnInfo(REPORTS[report], column, null)?.type)),
        ),
      );
    });
  });
});
