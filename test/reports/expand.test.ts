import { beforeAll, describe, expect, it } from 'vitest';
import { expandRows } from '../../src/reports/expand.ts';
import { REPORTS } from '../../src/reports/registry.ts';
import type { WireBooking, WireOffice, WirePayment, WireTeam } from '../../src/officernd/types.ts';
import { createTestStack, type TestStack } from '../helpers.ts';
import { createStackWith, parseExport } from './support.ts';

// Field To Expand: each element of the chosen array is its own row carrying the object's columns; an object whose
// array is empty (or absent) keeps one row with the element columns empty.

let stack: TestStack;
beforeAll(() => {
  stack = createTestStack();
});

async function ndjson(path: string) {
  const response = await stack.gateway.fetch(`http://gateway.test${path}`);
  expect(response.status).toBe(200);
  const table = parseExport('ndjson', await response.text());
  return { ...table, records: table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i]]))) };
}

describe('expandRows', () => {
  it('gives one row per element, one empty row for an empty or absent array, and reads a lone object as one element', () => {
    const items = [{ a: [1, 2] }, { a: [] }, {}, { a: { x: 1 } }, { a: null }];
    expect(expandRows(items, 'a')).toEqual([
      { item: items[0], element: 1 },
      { item: items[0], element: 2 },
      { item: items[1] },
      { item: items[2] },
      { item: items[3], element: { x: 1 } },
      { item: items[4] },
    ]);
    expect(expandRows(items, null)).toEqual(items.map((item) => ({ item })));
  });
});

describe('expand over HTTP', () => {
  it('expands booking fees: element columns replace `fees` in place, bookings without fees keep one empty row', async () => {
    const bookings = stack.simulator.dataset.collections.bookings as WireBooking[];
    const withoutFees = bookings.filter((b) => (b.fees ?? []).length === 0);
    expect(withoutFees.length).toBeGreaterThan(0);
    const table = await ndjson('/reports/bookings.ndjson?expand=fees');
    const base = [...REPORTS.bookings.columns];
    const at = base.indexOf('fees');
    expect(table.columns).toEqual([
      ...base.slice(0, at),
      'fees.date',
      'fees.fee',
      'fees.extraFees',
      'fees.credits',
      'fees.valueCredits',
      ...base.slice(at + 1),
    ]);
    expect(table.records).toHaveLength(bookings.reduce((n, b) => n + Math.max(1, (b.fees ?? []).length), 0));
    let row = 0;
    for (const booking of bookings) {
      const fees = booking.fees ?? [];
      for (const fee of fees.length === 0 ? [undefined] : fees) {
        const record = table.records[row++]!;
        expect(record._id).toBe(booking._id);
        expect(record['start.dateTime']).toBe(booking.start.dateTime);
        expect(record['fees.fee']).toBe(fee?.fee ?? null);
        // A date-only field: written as its day (§4 Timezones).
        expect(record['fees.date']).toBe(fee?.date ? fee.date.slice(0, 10) : null);
        // An array cell is a JSON value in NDJSON.
        expect(record['fees.extraFees']).toEqual(fee ? (fee.extraFees ?? []) : null);
      }
    }
  });

  it('expands a list of ids (booking attendees) into one row each, joinable as members.name', async () => {
    const bookings = (stack.simulator.dataset.collections.bookings as WireBooking[]).slice(0, 100);
    const members = new Map(
      (stack.simulator.dataset.collections.members as { _id: string; name: string }[]).map((m) => [m._id, m.name]),
    );
    expect(bookings.some((b) => (b.members ?? []).length > 1)).toBe(true);
    const table = await ndjson(
      '/reports/bookings.ndjson?expand=members&columns=_id,members,members.name&limit=' +
        bookings.reduce((n, b) => n + Math.max(1, (b.members ?? []).length), 0),
    );
    const expected = bookings.flatMap<Record<string, unknown>>((b) =>
      (b.members ?? []).length === 0
        ? [{ _id: b._id, members: null, 'members.name': null }]
        : (b.members ?? []).map((id) => ({ _id: b._id, members: id, 'members.name': members.get(id) ?? null })),
    );
    expect(table.records).toEqual(expected);
  });

  it('expands into one row per element even when no column reads the expanded field', async () => {
    const bookings = (stack.simulator.dataset.collections.bookings as WireBooking[]).slice(0, 100);
    const rows = bookings.reduce((n, b) => n + Math.max(1, (b.members ?? []).length), 0);
    expect(rows).toBeGreaterThan(bookings.length);
    // Named columns select their fields upstream (`$select=start`): the expanded field must come back too.
    const table = await ndjson(`/reports/bookings.ndjson?expand=members&columns=_id,start.dateTime&limit=${rows}`);
    expect(table.records).toEqual(
      bookings.flatMap((b) =>
        Array.from({ length: Math.max(1, (b.members ?? []).length) }, () => ({
          _id: b._id,
          'start.dateTime': b.start.dateTime,
        })),
      ),
    );
  });

  it('expands invoice lines with several lines per invoice, in order', async () => {
    const payments = stack.simulator.dataset.collections.payments as WirePayment[];
    expect(payments.some((p) => (p.invoiceLines ?? []).length > 1)).toBe(true);
    const table = await ndjson(
      '/reports/payments.ndjson?expand=invoiceLines&columns=number,invoiceLines.description,invoiceLines.total',
    );
    const expected = payments.flatMap<Record<string, unknown>>((p) =>
      (p.invoiceLines ?? []).length === 0
        ? [{ number: p.number, 'invoiceLines.description': null, 'invoiceLines.total': null }]
        : (p.invoiceLines ?? []).map((line) => ({
            number: p.number,
            'invoiceLines.description': line.description,
            'invoiceLines.total': line.total,
          })),
    );
    expect(table.records).toEqual(expected);
  });

  it('reads a lone object as one element and an absent field as one empty row (office revenue targets)', async () => {
    const offices = stack.simulator.dataset.collections.offices as WireOffice[];
    expect(offices.some((o) => o.targetRevenuePerPeriod === undefined)).toBe(true);
    const table = await ndjson(
      '/reports/offices.ndjson?expand=targetRevenuePerPeriod&columns=name,targetRevenuePerPeriod.target',
    );
    expect(table.records).toEqual(
      offices.map((o) => ({
        name: o.name,
        'targetRevenuePerPeriod.target': Array.isArray(o.targetRevenuePerPeriod)
          ? null
          : (o.targetRevenuePerPeriod?.target ?? null),
      })),
    );
  });

  it('writes empty element columns as empty CSV fields', async () => {
    const first = (stack.simulator.dataset.collections.bookings as WireBooking[]).find(
      (b) => (b.fees ?? []).length === 0,
    )!;
    const response = await stack.gateway.fetch(
      `http://gateway.test/reports/bookings.csv?expand=fees&columns=_id,fees.fee,fees.date&reference=${first.reference}`,
    );
    expect(await response.text()).toBe(`_id,fees.fee,fees.date\r\n${first._id},,\r\n`);
  });
});

describe('names are own properties only (issue 14.6)', () => {
  const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  it('refuses an inherited name as the field to expand, with the expandable fields, before any upstream call', async () => {
    stack.simulator.log.reset();
    for (const format of ['csv', 'ndjson', 'json']) {
      for (const field of INHERITED) {
        const response = await stack.gateway.fetch(`http://gateway.test/reports/payments.${format}?expand=${field}`);
        expect(response.status, `${format} ${field}`).toBe(400);
        const body = (await response.json()) as {
          error: { code: string; parameter: string; message: string; expandable: string[] };
        };
        expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'expand' });
        expect(body.error.message).toContain(`"${field}"`);
        expect(body.error.expandable).toEqual(['invoiceLines', 'allocations', 'vatAmounts', 'charges']);
      }
    }
    // A report without expandable fields refuses them too.
    expect((await stack.gateway.fetch('http://gateway.test/reports/fees.csv?expand=constructor')).status).toBe(400);
    expect(stack.apiCalls()).toBe(0);
  });

  it('refuses them in GraphQL report(...) with BAD_USER_INPUT', async () => {
    for (const field of INHERITED) {
      const result = await stack.query(
        `{ report(name: PAYMENTS, expand: ${JSON.stringify(field)}, first: 1) { columns } }`,
      );
      expect(result.errors?.[0]?.extensions?.code, field).toBe('BAD_USER_INPUT');
    }
  });

  it('reads properties.<key> as an own key of the custom properties only', async () => {
    const { gateway, simulator } = createStackWith((dataset) => {
      const teams = dataset.collections.teams as WireTeam[];
      teams[0]!.properties = { constructor: 'own value', industry: 'x' };
      teams[1]!.properties = { industry: 'y' };
    });
    const teams = (simulator.dataset.collections.teams as WireTeam[]).slice(0, 2);
    const response = await gateway.fetch(
      'http://gateway.test/reports/teams.ndjson?columns=_id,properties.constructor,properties.__proto__,properties.toString&limit=2',
    );
    const table = parseExport('ndjson', await response.text());
    expect(table.rows).toEqual([
      [teams[0]!._id, 'own value', null, null],
      [teams[1]!._id, null, null, null],
    ]);
  });
});
