import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_TYPES, columnInfo } from '../../src/reports/column-types.ts';
import { wireDay, wireInstant } from '../../src/dates/wire-dates.ts';
import { defaultColumns } from '../../src/reports/columns.ts';
import { REPORT_NAMES, REPORTS } from '../../src/reports/registry.ts';
import { REPORT_DATES, reportDatesOf } from '../../src/dates/report-dates.ts';
import type { ListCollection } from '../../src/officernd/collections.ts';
import { createTestStack, type TestStack } from '../helpers.ts';
import { parseExport } from './support.ts';

// What the cells hold: date-only fields as their day, exactly as the graph's `Date` fields give them; timestamps
// as ISO instants; and a declared type and description for every column.

let stack: TestStack;
beforeAll(() => {
  stack = createTestStack();
});

async function records(path: string): Promise<Record<string, unknown>[]> {
  const response = await stack.gateway.fetch(`http://gateway.test${path}`);
  expect(response.status).toBe(200);
  const table = parseExport('ndjson', await response.text());
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, index) => [column, row[index]])));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Date-only columns of a report beside the graph's `Date` fields for the same records. */
const PAIRS = [
  { report: 'memberships', list: 'memberships', fields: { startDate: 'startDate', endDate: 'endDate' } },
  { report: 'members', list: 'members', fields: { startDate: 'startDate' } },
  { report: 'fees', list: 'fees', fields: { date: 'issueDate' } },
  { report: 'payments', list: 'payments', fields: { date: 'date', dueDate: 'dueDate', periodStart: 'periodStart' } },
  {
    report: 'contracts',
    list: 'contracts',
    fields: { startDate: 'startDate', endDate: 'endDate', signDate: 'signDate' },
  },
  { report: 'passes', list: 'passes', fields: { startDate: 'startDate', endDate: 'endDate', renewDate: 'renewDate' } },
  { report: 'teams', list: 'teams', fields: { startDate: 'startDate' } },
] as const;

describe('date cells', () => {
  it.each(PAIRS)('$report: date-only columns are the days the graph gives', async ({ report, list, fields }) => {
    const columns = Object.keys(fields);
    const rows = await records(`/reports/${report}.ndjson?columns=_id,${columns.join(',')}&limit=60`);
    const result = await stack.query<Record<string, { nodes: Record<string, unknown>[] }>>(
      `{ ${list}(first: 60) { nodes { id ${Object.values(fields).join(' ')} } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.[list]?.nodes ?? [];
    expect(nodes).toHaveLength(rows.length);
    let days = 0;
    rows.forEach((row, index) => {
      const node = nodes[index] ?? {};
      expect(row._id).toBe(node.id);
      for (const [column, field] of Object.entries(fields)) {
        expect(row[column], `${report} ${row._id} ${column}`).toBe(node[field] ?? null);
        if (row[column] !== null) {
          expect(row[column]).toMatch(DAY);
          days += 1;
        }
      }
    });
    expect(days).toBeGreaterThan(0);
  });

  it('writes a date-only cell as the day in CSV too, and keeps timestamps as ISO instants', async () => {
    const response = await stack.gateway.fetch(
      'http://gateway.test/reports/memberships.csv?columns=startDate,createdAt&limit=5',
    );
    const [header, ...rows] = (await response.text()).trimEnd().split('\r\n');
    expect(header).toBe('startDate,createdAt');
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const [start, created] = row.split(',');
      expect(start).toMatch(DAY);
      expect(created).toMatch(INSTANT);
    }
  });

  it('writes the day of a joined date-only column and of an expanded element', async () => {
    const rows = await records('/reports/fees.ndjson?columns=_id,member.startDate,payment.dueDate&limit=40');
    expect(rows.some((row) => typeof row['member.startDate'] === 'string')).toBe(true);
    for (const row of rows) {
      for (const column of ['member.startDate', 'payment.dueDate'])
        if (row[column] !== null) expect(row[column]).toMatch(DAY);
    }
    const lines = await records(
      '/reports/payments.ndjson?expand=invoiceLines&columns=_id,invoiceLines.startDate&limit=40',
    );
    expect(lines.some((row) => row['invoiceLines.startDate'] !== null)).toBe(true);
    for (const row of lines)
      if (row['invoiceLines.startDate'] !== null) expect(row['invoiceLines.startDate']).toMatch(DAY);
  });
});

describe('wire dates', () => {
  it('reads ISO values, keeps canonical ones as they are, and refuses what is not a date', () => {
    expect(wireInstant('2026-11-03T09:30:00.000Z')).toBe('2026-11-03T09:30:00.000Z');
    expect(wireInstant('2024-02-29T10:00:00.000Z')).toBe('2024-02-29T10:00:00.000Z');
    expect(wireInstant('2025-12-01T10:00:00+02:00')).toBe('2025-12-01T08:00:00.000Z');
    expect(wireInstant('2025-12-01')).toBe('2025-12-01T00:00:00.000Z');
    expect(wireDay('2025-12-01T00:00:00.000Z')).toBe('2025-12-01');
    for (const bad of [
      '2026-02-30T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-11-03T25:00:00.000Z',
      '31/12/2025',
      'not a date',
      '1',
      'Dec 1 2025',
    ]) {
      expect(wireInstant(bad), bad).toBeUndefined();
      expect(wireDay(bad), bad).toBeUndefined();
    }
  });
});

describe('JSON cells', () => {
  it('gives arrays as JSON values in GraphQL `records` (as NDJSON does) and as JSON text in `rows`', async () => {
    const result = await stack.query<{ report: { rows: (string | null)[][]; records: Record<string, unknown>[] } }>(
      '{ report(name: BOOKINGS, columns: ["_id", "members"], first: 20) { rows records } }',
    );
    expect(result.errors).toBeUndefined();
    const { rows, records } = result.data!.report;
    const withMembers = records.findIndex((record) => Array.isArray(record.members) && record.members.length > 0);
    expect(withMembers).toBeGreaterThanOrEqual(0);
    expect(rows[withMembers]?.[1]).toBe(JSON.stringify(records[withMembers]?.members));
  });
});

describe('column declarations', () => {
  it('declares a type and a description for every column and element column of every report', () => {
    for (const name of REPORT_NAMES) {
      const spec = REPORTS[name];
      for (const expand of [null, ...Object.keys(spec.expand)]) {
        for (const column of defaultColumns(spec, expand)) {
          const info = columnInfo(spec, column, expand);
          expect(info, `${name} ${expand ?? ''} ${column}`).toBeDefined();
          expect(COLUMN_TYPES).toContain(info?.type);
          expect(info?.description.length, `${name} ${column}`).toBeGreaterThan(3);
        }
      }
    }
  });

  it('agrees with the date selection: its date-only fields are `date` columns, its instants `datetime`', () => {
    let checked = 0;
    for (const name of REPORT_NAMES) {
      const spec = REPORTS[name];
      const source = spec.source;
      const dates =
        source.kind === 'list'
          ? reportDatesOf(source.collection as ListCollection)
          : source.kind === 'occurrences'
            ? REPORT_DATES.occurrences
            : undefined;
      for (const field of dates?.fields ?? []) {
        // Booking start/end are objects: their instant is `start.dateTime`.
        const column = spec.columns.includes(field.wire) ? field.wire : `${field.wire}.dateTime`;
        if (!spec.columns.includes(column)) continue;
        expect(columnInfo(spec, column, null)?.type, `${name} ${column}`).toBe(
          field.kind === 'date' ? 'date' : 'datetime',
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('does not read inherited names as columns', () => {
    for (const column of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(columnInfo(REPORTS.members, column, null)).toBeUndefined();
      expect(columnInfo(REPORTS.bookings, `fees.${column}`, 'fees')).toBeUndefined();
    }
  });
});
