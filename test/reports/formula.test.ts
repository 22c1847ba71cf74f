import { beforeAll, describe, expect, it } from 'vitest';
import type { WireFee, WireMember } from '../../src/officernd/types.ts';
import { csvField } from '../../src/reports/writers.ts';
import type { Gateway } from '../../src/gateway.ts';
import { createStackWith, parseCsv, parseExport } from './support.ts';

// CSV formula injection (issue 14.4): a text cell that starts with =, +, -, @, tab or CR is written with a leading
// ' (OWASP), so a spreadsheet shows it as text; `formulaEscape=false` writes raw values; NDJSON and JSON are raw;
// numbers are values, never escaped.

const HOSTILE = ['=HYPERLINK("http://evil.test","x")', '+1 555 0100', '-2+3', '@SUM(A1:A2)', '\tTabbed', '\rReturned'];

let gateway: Gateway;
let members: WireMember[];
let fee: WireFee;

beforeAll(() => {
  const stack = createStackWith((dataset) => {
    const all = dataset.collections.members as WireMember[];
    HOSTILE.forEach((name, index) => {
      const member = all[index];
      if (member) member.name = name;
    });
    const first = (dataset.collections.fees as WireFee[])[0];
    if (first) first.price = -12.5;
  });
  gateway = stack.gateway;
  members = (stack.simulator.dataset.collections.members as WireMember[]).slice(0, HOSTILE.length);
  fee = (stack.simulator.dataset.collections.fees as WireFee[])[0]!;
});

const get = (path: string) => gateway.fetch(`http://gateway.test${path}`);

describe('CSV formula escaping', () => {
  it('prefixes text cells that start like a formula with a quote, by default', async () => {
    const response = await get(`/reports/members.csv?columns=_id,name&limit=${HOSTILE.length}`);
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(['_id', 'name']);
    expect(rows).toEqual(members.map((m, index) => [m._id, `'${HOSTILE[index]}`]));
  });

  it('escapes phone numbers (most start with +) and leaves other cells alone', async () => {
    const text = await (await get('/reports/members.csv?columns=name,phone,email&limit=200')).text();
    const [, ...rows] = parseCsv(text);
    const phones = rows.map((row) => row[1] ?? '').filter((phone) => phone !== '');
    expect(phones.length).toBeGreaterThan(20);
    for (const phone of phones) expect(phone).toMatch(/^'\+\d/);
    for (const row of rows.slice(HOSTILE.length)) expect(row[0]?.startsWith("'")).toBe(false);
  });

  it('writes numbers as numbers: a negative amount stays -12.5', async () => {
    const [, row] = parseCsv(await (await get(`/reports/fees.csv?columns=_id,price&limit=1`)).text());
    expect(row).toEqual([fee._id, '-12.5']);
  });

  it('writes raw values with formulaEscape=false (for BI tools that want them)', async () => {
    const response = await get(`/reports/members.csv?columns=_id,name&limit=${HOSTILE.length}&formulaEscape=false`);
    expect(response.status).toBe(200);
    const [, ...rows] = parseCsv(await response.text());
    expect(rows).toEqual(members.map((m, index) => [m._id, HOSTILE[index]]));
    const escaped = await get(`/reports/members.csv?columns=name&limit=1&formulaEscape=true`);
    expect(parseCsv(await escaped.text())[1]).toEqual([`'${HOSTILE[0]}`]);
  });

  it('leaves NDJSON and JSON raw', async () => {
    for (const format of ['ndjson', 'json'] as const) {
      const table = parseExport(
        format,
        await (await get(`/reports/members.${format}?columns=name&limit=${HOSTILE.length}`)).text(),
      );
      expect(table.rows.map((row) => row[0])).toEqual(HOSTILE);
    }
  });

  it('refuses formulaEscape on NDJSON and JSON, a value other than true or false, and a repeated one', async () => {
    for (const query of [
      'members.ndjson?formulaEscape=false',
      'members.json?formulaEscape=true',
      'members.csv?formulaEscape=no',
      'members.csv?formulaEscape=false&formulaEscape=true',
    ]) {
      const response = await get(`/reports/${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; parameter: string } };
      expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'formulaEscape' });
    }
  });

  it('names formulaEscape in the catalogue', async () => {
    const body = (await (await get('/reports')).json()) as { formatParameters: Record<string, string[]> };
    expect(body.formatParameters).toEqual({ csv: ['formulaEscape'], ndjson: [], json: [] });
  });

  it('quotes what it escapes, so the quote is inside one field', () => {
    expect(csvField('=1+2')).toBe(`"'=1+2"`);
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvField('=1+2', false)).toBe('=1+2');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(['=x'])).toBe('"[""=x""]"');
  });
});
