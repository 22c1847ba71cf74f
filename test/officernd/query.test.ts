import { afterAll, describe, expect, it } from 'vitest';
import { OfficeRnDQueryError, toQueryParams } from '../../src/officernd/index.ts';
import type { OfficeRnDClient } from '../../src/officernd/index.ts';
import { toQueryString } from '../../src/officernd/query.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';

const NOW = new Date('2025-06-15T00:00:00.000Z');
const sim = createSimulator({ scale: 0.1, now: NOW, seed: 7 });
const client: OfficeRnDClient = demoClient(sim);

afterAll(() => sim.log.reset());

const build = (...args: Parameters<typeof toQueryParams>): string => toQueryString(toQueryParams(...args));

describe('toQueryParams (v1 syntax, §4)', () => {
  it('writes equality, dotted comparisons with ISO dates, string operators and $select', () => {
    const query = build(
      {
        filters: [
          { field: 'office', op: 'eq', value: '0123456789abcdef01234567' },
          { field: 'createdAt', op: 'gte', value: new Date(Date.UTC(2025, 0, 1)) },
          { field: 'createdAt', op: 'lt', value: '2025-02-01' },
          { field: 'name', op: 'swi', value: 'Jo & Co' },
          { field: 'status', op: 'eq', value: 'active' },
        ],
        select: ['name', 'email', 'name'],
      },
      'members',
    );
    expect(query).toBe(
      'office=0123456789abcdef01234567&createdAt.$gte=2025-01-01T00%3A00%3A00.000Z' +
        '&createdAt.$lt=2025-02-01T00%3A00%3A00.000Z&name.$swi=Jo%20%26%20Co&status=active&$select=name%2Cemail',
    );
  });

  it('writes booleans and numbers as text', () => {
    expect(build({ filters: [{ field: 'canceled', op: 'eq', value: false }] }, 'bookings')).toBe('canceled=false');
    expect(build({ filters: [{ field: 'isOpen', op: 'eq', value: true }] }, 'offices')).toBe('isOpen=true');
  });

  it('sends nothing for an empty query or an empty $select', () => {
    expect(build(undefined, 'members')).toBe('');
    expect(build({ select: [] }, 'members')).toBe('');
  });

  it.each([
    ['an unknown field', { field: 'password', op: 'eq', value: 'x' }],
    ['$in, which v1 has no evidence for', { field: 'status', op: 'in', value: 'a,b' }],
    ['$ne', { field: 'status', op: 'ne', value: 'former' }],
    ['a comparison on a text field', { field: 'name', op: 'gt', value: 'a' }],
    ['a string operator on a date field', { field: 'createdAt', op: 'sw', value: '2025' }],
    ['equality on a date field', { field: 'createdAt', op: 'eq', value: '2025-01-01' }],
    ['a reference that is not a 24-hex id', { field: 'team', op: 'eq', value: 'acme' }],
    ['a date that does not parse', { field: 'startDate', op: 'gte', value: 'yesterday' }],
    ['an empty string operand', { field: 'email', op: 'cs', value: '' }],
  ])('refuses %s', (_label, filter) => {
    expect(() => toQueryParams({ filters: [filter as never] }, 'members')).toThrow(OfficeRnDQueryError);
  });

  it('refuses the same filter twice and bad $select names', () => {
    const twice = { field: 'status', op: 'eq', value: 'active' } as const;
    expect(() => toQueryParams({ filters: [twice, twice] }, 'members')).toThrow(/given twice/);
    expect(() => toQueryParams({ select: ['name,email'] }, 'members')).toThrow(OfficeRnDQueryError);
  });
});

describe('filters against the simulator', () => {
  it('an equality filter returns exactly the matching members', async () => {
    const all = await client.list('members', undefined, { max: 10_000 });
    expect(all.complete).toBe(true);
    const team = all.items.find((m) => typeof m.team === 'string')?.team;
    expect(team).toBeTruthy();
    const filtered = await client.list(
      'members',
      { filters: [{ field: 'team', op: 'eq', value: team as string }] },
      { max: 10_000 },
    );
    const expected = all.items.filter((m) => m.team === team).map((m) => m._id);
    expect(filtered.items.map((m) => m._id)).toEqual(expected);
  });

  it('date comparisons bound createdAt on both sides', async () => {
    const all = await client.list('bookings', undefined, { max: 100_000 });
    const stamps = all.items.map((b) => b.createdAt as string).sort();
    const from = stamps[Math.floor(stamps.length / 3)] as string;
    const to = stamps[Math.floor((2 * stamps.length) / 3)] as string;
    const filtered = await client.list(
      'bookings',
      {
        filters: [
          { field: 'createdAt', op: 'gte', value: new Date(from) },
          { field: 'createdAt', op: 'lt', value: to },
        ],
      },
      { max: 100_000 },
    );
    const expected = all.items.filter((b) => (b.createdAt as string) >= from && (b.createdAt as string) < to);
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.map((b) => b._id)).toEqual(expected.map((b) => b._id));
  });

  it('a case-insensitive prefix filter and $select shape the answer', async () => {
    const all = await client.list('members', undefined, { max: 10_000 });
    const name = all.items.find((m) => typeof m.name === 'string' && m.name.length > 2)?.name as string;
    const prefix = name.slice(0, 2).toLowerCase();
    const page = await client.listPage(
      'members',
      { filters: [{ field: 'name', op: 'swi', value: prefix }], select: ['name'] },
      { limit: 100 },
    );
    expect(page.items.length).toBeGreaterThan(0);
    for (const m of page.items) {
      expect(m.name?.toLowerCase().startsWith(prefix)).toBe(true);
      expect(Object.keys(m).sort()).toEqual(['_id', 'name']);
    }
  });

  it('refuses bad filters before any request is sent', async () => {
    const before = sim.log.count({ kind: 'api' });
    await expect(
      client.listPage('members', { filters: [{ field: 'status', op: 'in' as never, value: 'active' }] }),
    ).rejects.toBeInstanceOf(OfficeRnDQueryError);
    expect(() => client.pages('fees', { filters: [{ field: 'nope', op: 'eq', value: 'x' }] })).toThrow(
      OfficeRnDQueryError,
    );
    expect(sim.log.count({ kind: 'api' })).toBe(before);
  });

  it('says what to do in refusals a caller can meet, without citing sections of the API notes', async () => {
    // These reach GraphQL callers as BAD_USER_INPUT: "§6.2" means nothing to them.
    const refusals = [
      await client.getById('payments', '0123456789abcdef01234567').catch((e: unknown) => e),
      (() => {
        try {
          client.occurrencePages({ start: '2024-01-01', end: '2025-06-01' });
        } catch (error) {
          return error;
        }
        return null;
      })(),
    ];
    expect(refusals.map((e) => (e as Error).message)).toEqual([
      'OfficeRnD v1 has no GET /payments/{id}; list payments instead',
      'occurrences window must not exceed one year; split it',
    ]);
    for (const error of refusals) expect(error).toBeInstanceOf(OfficeRnDQueryError);
  });
});
