import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_NAMES } from '../../src/reports/registry.ts';
import { createTestStack, type TestStack } from '../helpers.ts';
import { parseExport } from './support.ts';

// The catalogue (`GET /reports`) types and describes every column, and what the exports write matches the types it
// gives: read every report back and check every non-empty cell against its column's declared type.

interface CatalogueColumn {
  name: string;
  type: string;
  description: string;
}
interface CatalogueReport {
  name: string;
  columns: CatalogueColumn[];
  customProperties?: CatalogueColumn[];
  expandable: Record<string, { description: string; columns: CatalogueColumn[] }>;
}

let stack: TestStack;
let reports: CatalogueReport[];
let types: Record<string, string>;

beforeAll(async () => {
  stack = createTestStack();
  const response = await stack.gateway.fetch('http://gateway.test/reports');
  expect(response.status).toBe(200);
  const body = (await response.json()) as { reports: CatalogueReport[]; columnTypes: Record<string, string> };
  reports = body.reports;
  types = body.columnTypes;
});

const CHECKS: Record<string, (value: unknown) => boolean> = {
  id: (value) => typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value),
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number',
  boolean: (value) => typeof value === 'boolean',
  date: (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value),
  datetime: (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value),
  json: (value) => typeof value === 'object' && value !== null,
};

/** Parameters the reports that need them get (a window of occurrences; a team's credit accounts). */
function queryOf(report: string): string {
  if (report === 'booking-occurrences') return 'from=2026-11-01&to=2026-11-30&';
  if (report === 'credit-accounts') {
    const team = stack.simulator.dataset.creditAccounts.find((account) => typeof account.team === 'string')?.team;
    return `team=${team}&from=2026-09-01&to=2026-10-31&`;
  }
  return '';
}

describe('the catalogue', () => {
  it('explains every column type and gives every column of every report a known type and a description', () => {
    expect(Object.keys(types).sort()).toEqual(Object.keys(CHECKS).sort());
    expect(reports.map((r) => r.name)).toEqual([...REPORT_NAMES]);
    for (const report of reports) {
      const all = [
        ...report.columns,
        ...Object.values(report.expandable).flatMap((e) => e.columns),
        ...(report.customProperties ?? []),
      ];
      expect(report.columns.length).toBeGreaterThan(0);
      for (const column of all) {
        expect(Object.keys(CHECKS), `${report.name} ${column.name}`).toContain(column.type);
        expect(column.description, `${report.name} ${column.name}`).not.toBe('');
      }
    }
    const members = reports.find((r) => r.name === 'members')!;
    expect(members.columns.find((c) => c.name === 'startDate')).toMatchObject({ type: 'date' });
    expect(members.columns.find((c) => c.name === 'createdAt')).toMatchObject({ type: 'datetime' });
    expect(members.columns.find((c) => c.name === 'tags')).toMatchObject({ type: 'json' });
    expect(members.customProperties?.[0]?.name).toBe('properties.<key>');
    const bookings = reports.find((r) => r.name === 'bookings')!;
    expect(bookings.expandable.fees?.columns.map((c) => [c.name, c.type])).toContainEqual(['fees.date', 'date']);
  });

  it.each([...REPORT_NAMES])('%s: every cell written has the type the catalogue gives its column', async (name) => {
    const report = reports.find((r) => r.name === name)!;
    const response = await stack.gateway.fetch(`http://gateway.test/reports/${name}.ndjson?${queryOf(name)}limit=300`);
    expect(response.status).toBe(200);
    const table = parseExport('ndjson', await response.text());
    expect(table.rows.length).toBeGreaterThan(0);
    expect(table.columns).toEqual(report.columns.map((c) => c.name));
    let checked = 0;
    for (const row of table.rows) {
      report.columns.forEach((column, index) => {
        const value = row[index];
        if (value === null) return;
        expect(CHECKS[column.type]?.(value), `${name} ${column.name} (${column.type}): ${JSON.stringify(value)}`).toBe(
          true,
        );
        checked += 1;
      });
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('types the element columns of an expanded field as written', async () => {
    const report = reports.find((r) => r.name === 'payments')!;
    const columns = report.expandable.invoiceLines!.columns;
    const response = await stack.gateway.fetch(
      'http://gateway.test/reports/payments.ndjson?expand=invoiceLines&limit=200',
    );
    const table = parseExport('ndjson', await response.text());
    let checked = 0;
    for (const row of table.rows) {
      for (const column of columns) {
        const value = row[table.columns.indexOf(column.name)];
        if (value === null || value === undefined) continue;
        expect(CHECKS[column.type]?.(value), `${column.name}: ${JSON.stringify(value)}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
