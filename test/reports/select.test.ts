import { describe, expect, it } from 'vitest';
import { REPORT_DATES } from '../../src/dates/report-dates.ts';
import type { WireBooking, WireMember } from '../../src/officernd/types.ts';
import { createTestStack, testDataset } from '../helpers.ts';
import { parseExport } from './support.ts';

// Exports with named columns ask OfficeRnD for only the fields they read (`$select`, §4), and never write a short
// row when OfficeRnD answers a selection with bare ids.

const selects = (stack: ReturnType<typeof createTestStack>, collection: string): (string | undefined)[] =>
  stack.simulator.log
    .entries()
    .filter((e) => e.kind === 'api' && e.collection === collection && e.id === null)
    .map((e) => e.query.$select);

describe('export field selection ($select)', () => {
  it('asks for the fields of the named columns, expanded arrays, join references and the date check, no more', async () => {
    const stack = createTestStack();
    const columns = ['_id', 'canceled', 'start.dateTime', 'member.name', 'fees.date', 'properties.note'];
    const url = `http://gateway.test/reports/bookings.ndjson?expand=fees&columns=${columns.join(',')}&dateField=END&from=2025-01-01&to=2026-12-31`;
    const response = await stack.gateway.fetch(url);
    expect(response.status).toBe(200);
    const table = parseExport('ndjson', await response.text());
    expect(table.rows.length).toBeGreaterThan(100);
    // The first dated bookings read also learns how far rows lie from seriesStart (four fields a booking, issue 21).
    const sent = selects(stack, 'bookings').filter((select) => select !== 'end,modifiedAt,seriesStart,start');
    expect(sent.length).toBeGreaterThan(1);
    // end: the date check; fees: the expanded array; member: the join; properties: the custom property map.
    for (const select of sent) expect(select).toBe('canceled,end,fees,member,properties,start');
  });

  it('gives the same table as whole objects would', async () => {
    const stack = createTestStack();
    const bookings = stack.simulator.dataset.collections.bookings as WireBooking[];
    const response = await stack.gateway.fetch(
      'http://gateway.test/reports/bookings.csv?columns=_id,start.dateTime,end.dateTime,canceled,resourceId',
    );
    const table = parseExport('csv', await response.text());
    expect(table.rows).toEqual(
      bookings.map((b) => [
        b._id,
        b.start?.dateTime ?? null,
        b.end?.dateTime ?? null,
        b.canceled === undefined ? null : String(b.canceled),
        b.resourceId ?? null,
      ]),
    );
    expect(selects(stack, 'bookings').every((s) => s === 'canceled,end,resourceId,start')).toBe(true);
  });

  it('does not select for the default columns, nor for catalogues', async () => {
    const stack = createTestStack();
    await (await stack.gateway.fetch('http://gateway.test/reports/members.csv?limit=150')).text();
    await (await stack.gateway.fetch('http://gateway.test/reports/offices.csv?columns=name')).text();
    expect(selects(stack, 'members').every((s) => s === undefined)).toBe(true);
    expect(selects(stack, 'offices').every((s) => s === undefined)).toBe(true);
  });

  it('reads a page again without the selection when OfficeRnD answers it with bare ids, and the rest too', async () => {
    const bareIds: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const answer = await stack.simulator.fetch(input, init);
      if (!url.includes('%24select=') && !url.includes('$select=')) return answer;
      const items = (await answer.json()) as { _id: string }[];
      const headers = new Headers(answer.headers);
      headers.delete('content-length');
      return new Response(JSON.stringify(items.map((item) => ({ _id: item._id }))), { status: answer.status, headers });
    };
    const stack = createTestStack({ client: { fetch: bareIds } });
    const bookings = stack.simulator.dataset.collections.bookings as WireBooking[];
    const response = await stack.gateway.fetch(
      'http://gateway.test/reports/bookings.ndjson?columns=_id,member,canceled',
    );
    const table = parseExport('ndjson', await response.text());
    expect(table.rows).toEqual(bookings.map((b) => [b._id, b.member ?? null, b.canceled ?? null]));
    // The first page once with the selection, then every page without it.
    const sent = selects(stack, 'bookings');
    expect(sent[0]).toBe('canceled,member');
    expect(sent.slice(1).every((s) => s === undefined)).toBe(true);
    expect(sent.length).toBe(Math.ceil(bookings.length / 100) + 1);
  });

  it.each([400, 500])(
    'reads without the selection when OfficeRnD refuses it with a %i, and the rest too',
    async (status) => {
      const refusing: typeof fetch = async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (url.includes('%24select=') || url.includes('$select=')) {
          // Counted in the simulator's log like any call, then refused.
          await stack.simulator.fetch(input, init);
          return new Response(JSON.stringify({ message: 'unknown field' }), {
            status,
            headers: { 'content-type': 'application/json' },
          });
        }
        return stack.simulator.fetch(input, init);
      };
      const stack = createTestStack({
        client: { fetch: refusing, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } },
      });
      const bookings = stack.simulator.dataset.collections.bookings as WireBooking[];
      const response = await stack.gateway.fetch(
        'http://gateway.test/reports/bookings.ndjson?columns=_id,member,canceled',
      );
      expect(response.status).toBe(200);
      const table = parseExport('ndjson', await response.text());
      expect(table.rows).toEqual(bookings.map((b) => [b._id, b.member ?? null, b.canceled ?? null]));
      const sent = selects(stack, 'bookings');
      expect(sent.filter((s) => s === undefined)).toHaveLength(Math.ceil(bookings.length / 100));
    },
  );
});

describe('joined collections read whole ($select)', () => {
  it('asks for only the fields the joined columns read when it walks a collection for them', async () => {
    // Scale 1: enough bookings that the members are walked for the report.
    const stack = createTestStack({ scale: 1 });
    const data = stack.simulator.dataset.collections;
    const teams = new Map((data.teams as { _id: string; name: string }[]).map((t) => [t._id, t.name]));
    const members = new Map((data.members as WireMember[]).map((m) => [m._id, m]));
    const bookings = data.bookings as WireBooking[];
    const response = await stack.gateway.fetch(
      'http://gateway.test/reports/bookings.ndjson?columns=_id,member.name,member.team.name',
    );
    const table = parseExport('ndjson', await response.text());
    expect(table.rows).toEqual(
      bookings.map((b) => {
        const member = b.member ? members.get(b.member) : undefined;
        return [b._id, member?.name ?? null, (member?.team ? teams.get(member.team) : null) ?? null];
      }),
    );
    // The members were walked for the report: names and team references only.
    expect(selects(stack, 'members').length).toBe(Math.ceil(members.size / 100));
    expect(new Set(selects(stack, 'members'))).toEqual(new Set(['name,team']));
    // The first page's teams were few enough for the loaders, whose probe read them whole (4 pages, whole objects):
    // the report uses that walk rather than walking again.
    expect(selects(stack, 'teams')).toEqual(Array(Math.ceil(teams.size / 100)).fill(undefined));
  });

  it('walks again without the selection when OfficeRnD answers it with bare ids', async () => {
    const bareMembers: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const answer = await stack.simulator.fetch(input, init);
      if (!url.includes('/members?') || !(url.includes('%24select=') || url.includes('$select='))) return answer;
      const items = (await answer.json()) as { _id: string }[];
      const headers = new Headers(answer.headers);
      headers.delete('content-length');
      return new Response(JSON.stringify(items.map((item) => ({ _id: item._id }))), { status: answer.status, headers });
    };
    // Ignoring `$populate` (§4), the server has the members joined (and walked), as this test needs.
    const stack = createTestStack({ client: { fetch: bareMembers }, simulator: { v1Populate: 'ignored' } });
    const data = stack.simulator.dataset.collections;
    const names = new Map((data.members as WireMember[]).map((m) => [m._id, m.name]));
    const bookings = data.bookings as WireBooking[];
    const table = parseExport(
      'ndjson',
      await (await stack.gateway.fetch('http://gateway.test/reports/bookings.ndjson?columns=_id,member.name')).text(),
    );
    expect(table.rows).toEqual(bookings.map((b) => [b._id, (b.member ? names.get(b.member) : null) ?? null]));
    // One page asked with the selection, then the whole walk without it.
    const sent = selects(stack, 'members');
    expect(sent[0]).toBe('name');
    expect(sent.slice(1).every((s) => s === undefined)).toBe(true);
    expect(sent.length).toBe(Math.ceil(names.size / 100) + 1);
  });
});

describe('date fields name the wire field they read', () => {
  it('reading a date from an object holding only that field gives the same value, for every report and date field', () => {
    const { collections } = testDataset();
    let checked = 0;
    for (const [report, spec] of Object.entries(REPORT_DATES)) {
      if (!spec || report === 'occurrences' || report === 'creditAccounts') continue;
      const items = (collections as unknown as Record<string, Record<string, unknown>[]>)[report] ?? [];
      expect(items.length, report).toBeGreaterThan(0);
      for (const field of spec.fields) {
        for (const item of items.slice(0, 50)) {
          const read = field.read as (item: unknown) => unknown;
          expect(read({ [field.wire]: item[field.wire] }), `${report}.${field.name}`).toEqual(read(item));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
