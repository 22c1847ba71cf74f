import { beforeAll, describe, expect, it } from 'vitest';
import { csvField, csvLine } from '../../src/reports/writers.ts';
import type { WireBooking, WireOffice, WireTeam } from '../../src/officernd/types.ts';
import { createTestStack, type TestStack } from '../helpers.ts';
import { createStackWith, parseCsv, parseExport } from './support.ts';

let stack: TestStack;
beforeAll(() => {
  stack = createTestStack();
});

const get = (path: string) => stack.gateway.fetch(`http://gateway.test${path}`);

describe('columns', () => {
  it('writes the chosen columns in the chosen order', async () => {
    const bookings = (stack.simulator.dataset.collections.bookings as WireBooking[]).slice(0, 30);
    const response = await get('/reports/bookings.csv?columns=member,_id,start.dateTime,serviceSlots.after&limit=30');
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(['member', '_id', 'start.dateTime', 'serviceSlots.after']);
    expect(rows).toEqual(
      bookings.map((b) => [
        b.member ?? '',
        b._id,
        b.start.dateTime ?? '',
        b.serviceSlots?.after === undefined ? '' : String(b.serviceSlots.after),
      ]),
    );
  });

  it('writes arrays and objects that are not expanded as JSON values in NDJSON and JSON, as JSON text in CSV', async () => {
    const booking = (stack.simulator.dataset.collections.bookings as WireBooking[]).find(
      (b) => (b.fees?.length ?? 0) > 0 && (b.members?.length ?? 0) > 0,
    )!;
    expect(booking).toBeDefined();
    const query = `columns=_id,members,fees,serviceSlots.after&reference=${booking.reference}`;
    const ndjson = JSON.parse(await (await get(`/reports/bookings.ndjson?${query}`)).text());
    expect(ndjson).toEqual({
      _id: booking._id,
      members: booking.members,
      fees: booking.fees,
      'serviceSlots.after': booking.serviceSlots?.after ?? null,
    });
    expect(Array.isArray(ndjson.fees)).toBe(true);
    const json = JSON.parse(await (await get(`/reports/bookings.json?${query}`)).text());
    expect(json).toEqual([ndjson]);
    const [, row] = parseCsv(await (await get(`/reports/bookings.csv?${query}`)).text());
    expect(row).toEqual([
      booking._id,
      JSON.stringify(booking.members),
      JSON.stringify(booking.fees),
      String(booking.serviceSlots?.after ?? ''),
    ]);
  });

  it('reads custom properties as properties.<key>', async () => {
    const teams = stack.simulator.dataset.collections.teams as WireTeam[];
    expect(teams.some((t) => t.properties?.industry)).toBe(true);
    const table = parseExport(
      'ndjson',
      await (await get('/reports/teams.ndjson?columns=_id,properties.industry')).text(),
    );
    expect(table.rows).toEqual(teams.map((t) => [t._id, t.properties?.industry ?? null]));
  });

  it('refuses an unknown column with the list of columns and joins, before any upstream call', async () => {
    stack.simulator.log.reset();
    const response = await get('/reports/members.csv?columns=_id,nmae');
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; parameter: string; message: string; columns: string[]; joins: Record<string, string> };
    };
    expect(body.error.code).toBe('BAD_USER_INPUT');
    expect(body.error.parameter).toBe('columns');
    expect(body.error.message).toContain('"nmae"');
    expect(body.error.columns).toContain('address.city');
    expect(body.error.joins).toEqual({ 'office.*': 'offices', 'team.*': 'teams' });
    expect(stack.apiCalls()).toBe(0);
  });

  it('refuses element columns without expand, joins deeper than three references, and a column twice', async () => {
    stack.simulator.log.reset();
    for (const columns of ['fees.fee', 'resource.parent.floor.office.name', '_id,_id', 'member.nope', 'properties.']) {
      const response = await get(`/reports/bookings.csv?columns=${columns}`);
      expect(response.status, columns).toBe(400);
      expect(((await response.json()) as { error: { parameter: string } }).error.parameter).toBe('columns');
    }
    // Three references deep is the limit: this one is allowed.
    expect((await get('/reports/bookings.csv?columns=member.team.office.name&limit=1')).status).toBe(200);
  });
});

describe('CSV quoting (RFC 4180)', () => {
  it('quotes fields with a quote, comma, CR or LF, doubles quotes, and leaves the rest bare', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(false)).toBe('false');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvLine(['a', null, 'b,c'])).toBe('a,,"b,c"\r\n');
  });

  it('round-trips commas in data and quotes in JSON text through the export', async () => {
    const offices = stack.simulator.dataset.collections.offices as WireOffice[];
    expect(offices.some((o) => o.address?.includes(','))).toBe(true);
    const text = await (await get('/reports/offices.csv?columns=_id,address')).text();
    const office = offices.find((o) => o.address?.includes(','))!;
    expect(text).toContain(`\r\n${office._id},"${office.address}"\r\n`);
    expect(parseCsv(text).slice(1)).toEqual(offices.map((o) => [o._id, o.address ?? '']));
    const bookings = await (await get('/reports/bookings.csv?columns=members&limit=1')).text();
    const members = (stack.simulator.dataset.collections.bookings as WireBooking[])[0]!.members!;
    expect(bookings).toBe(`members\r\n"[${members.map((id) => `""${id}""`).join(',')}]"\r\n`);
  });

  it('round-trips quotes, commas and line breaks inside values', async () => {
    const tricky = 'Acme, "Quoted"\r\nSecond line\nthird';
    const custom = createStackWith((dataset) => {
      const team = dataset.collections.teams[0]!;
      team.name = tricky;
    });
    const text = await (
      await custom.gateway.fetch('http://gateway.test/reports/teams.csv?columns=name,_id&limit=1')
    ).text();
    expect(text).toBe(
      `name,_id\r\n"Acme, ""Quoted""\r\nSecond line\nthird",${custom.simulator.dataset.collections.teams[0]!._id}\r\n`,
    );
    expect(parseCsv(text)[1]?.[0]).toBe(tricky);
    const json = await (
      await custom.gateway.fetch('http://gateway.test/reports/teams.json?columns=name&limit=1')
    ).text();
    expect(JSON.parse(json)).toEqual([{ name: tricky }]);
  });
});
