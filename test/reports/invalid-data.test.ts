import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/gateway.ts';
import type { WireFee, WireMember } from '../../src/officernd/types.ts';
import { createStackWith, parseCsv } from './support.ts';

// Issue 14.7 in exports: a date OfficeRnD sends that is not a date is not a silent empty cell. The row stays, the
// cell is empty, and the export ends with a warning naming the record and the column (CSV: a last `#WARNING:` line;
// NDJSON: a last `{"warning":…}` line; JSON: a last `{"warning":…}` element).

let gateway: Gateway;
let members: WireMember[];
let fee: WireFee;

beforeAll(() => {
  const stack = createStackWith((dataset) => {
    const all = dataset.collections.members as WireMember[];
    all[0]!.startDate = 'not a date';
    all[2]!.createdAt = '31/12/2025 10:00';
    all[3]!.name = '#WARNING: looks like a marker';
    // A fee of member 0, for the joined column.
    const fees = dataset.collections.fees as WireFee[];
    const index = fees.findIndex((f) => f.member === all[0]!._id);
    fees.unshift(...fees.splice(index, 1));
  });
  gateway = stack.gateway;
  members = (stack.simulator.dataset.collections.members as WireMember[]).slice(0, 5);
  fee = (stack.simulator.dataset.collections.fees as WireFee[])[0]!;
});

const get = async (path: string) => {
  const response = await gateway.fetch(`http://gateway.test${path}`);
  expect(response.status).toBe(200);
  return response.text();
};

const QUERY = 'columns=_id,startDate,createdAt&limit=5';

describe('unreadable upstream dates in exports', () => {
  it('NDJSON keeps every row with the cell empty and ends with a warning line naming record and column', async () => {
    const lines = (await get(`/reports/members.ndjson?${QUERY}`))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(6);
    expect(lines.slice(0, 5).map((row) => row._id)).toEqual(members.map((m) => m._id));
    expect(lines[0]).toMatchObject({ startDate: null });
    expect(lines[1].startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(lines[2]).toMatchObject({ createdAt: null });
    expect(lines[5]).toEqual({
      warning: {
        code: 'UPSTREAM_INVALID_DATA',
        message: expect.stringContaining(`${members[0]!._id} startDate "not a date"`),
        count: 2,
        cells: [
          { id: members[0]!._id, column: 'startDate', value: 'not a date' },
          { id: members[2]!._id, column: 'createdAt', value: '31/12/2025 10:00' },
        ],
      },
    });
  });

  it('CSV keeps every row and ends with a #WARNING line; a data line never starts with # unquoted', async () => {
    const text = await get(`/reports/members.csv?${QUERY}`);
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    const warning = lines.at(-2)!;
    expect(warning).toMatch(/^#WARNING: UPSTREAM_INVALID_DATA 2 cells were left empty/);
    expect(warning).toContain(`${members[0]!._id} startDate "not a date"`);
    expect(warning).toContain(`${members[2]!._id} createdAt "31/12/2025 10:00"`);
    const [header, ...rows] = parseCsv(`${lines.slice(0, -2).join('\r\n')}\r\n`);
    expect(header).toEqual(['_id', 'startDate', 'createdAt']);
    expect(rows.map((row) => row[0])).toEqual(members.map((m) => m._id));
    expect(rows[0]?.[1]).toBe('');
    expect(rows[2]?.[2]).toBe('');
    // A first cell starting with # is quoted, so only the gateway's own marker lines start with #.
    const names = await get('/reports/members.csv?columns=name&limit=5');
    expect(names.split('\r\n')[4]).toBe('"#WARNING: looks like a marker"');
    expect(parseCsv(names)[4]).toEqual(['#WARNING: looks like a marker']);
    expect(names).not.toMatch(/\r\n#/);
  });

  it('JSON stays a valid array whose last element is the warning', async () => {
    const body = JSON.parse(await get(`/reports/members.json?${QUERY}`)) as Record<string, unknown>[];
    expect(body).toHaveLength(6);
    expect(body[5]).toMatchObject({ warning: { code: 'UPSTREAM_INVALID_DATA', count: 2 } });
  });

  it('names the joined record and the column as asked for', async () => {
    const lines = (await get('/reports/fees.ndjson?columns=_id,member.startDate&limit=1'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ _id: fee._id, 'member.startDate': null });
    expect(lines[1].warning.cells).toEqual([{ id: members[0]!._id, column: 'member.startDate', value: 'not a date' }]);
  });

  it('adds nothing when every value is readable', async () => {
    const text = await get('/reports/teams.ndjson?columns=_id,startDate,createdAt&limit=50');
    expect(text).not.toContain('warning');
    expect(text.trimEnd().split('\n')).toHaveLength(50);
    expect((await get('/reports/members.csv?columns=_id,createdAt&limit=2')).split('\r\n')).toHaveLength(4);
  });
});

describe('unreadable upstream dates in GraphQL', () => {
  const query = async (text: string) => {
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: text }),
    });
    return (await response.json()) as {
      data?: { members: { nodes: { id: string; startDate: string | null; createdAt: string | null }[] } };
      errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
    };
  };

  it('is null with an UPSTREAM_INVALID_DATA error naming the record id and the field; the rest stands', async () => {
    const result = await query('{ members(first: 5) { nodes { id startDate createdAt } } }');
    const nodes = result.data?.members.nodes ?? [];
    expect(nodes.map((n) => n.id)).toEqual(members.map((m) => m._id));
    expect(nodes[0]?.startDate).toBeNull();
    expect(nodes[0]?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(nodes[1]?.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(nodes[2]?.createdAt).toBeNull();
    expect(result.errors).toHaveLength(2);
    const [first, second] = result.errors ?? [];
    expect(first).toMatchObject({
      path: ['members', 'nodes', 0, 'startDate'],
      extensions: { code: 'UPSTREAM_INVALID_DATA', record: members[0]!._id, field: 'startDate' },
    });
    expect(first?.message).toContain(members[0]!._id);
    expect(first?.message).toContain('"startDate"');
    expect(second).toMatchObject({
      path: ['members', 'nodes', 2, 'createdAt'],
      extensions: { code: 'UPSTREAM_INVALID_DATA', record: members[2]!._id, field: 'createdAt' },
    });
  });

  it('still gives every readable date', async () => {
    const result = await query('{ members(first: 5) { nodes { id createdAt } } }');
    expect(result.errors).toHaveLength(1);
    expect(result.data?.members.nodes.filter((n) => n.createdAt !== null)).toHaveLength(4);
  });
});
