import { describe, expect, it } from 'vitest';
import { fromV2Item, toV2Query, V2_BY_ID, V2_PAGE_LIMIT, v2Field, v2Path } from '../../src/officernd/v2.ts';

// The v2 wire adapter against the facts of shared/officernd-api.md (§2 renames, §3 paging, §4 operators and strict
// validation, §8 by-id endpoints). No v2 simulator exists yet: these pin the translation itself.

const query = (entries: Record<string, string>) => new URLSearchParams(entries);

describe('v2 paths (§2)', () => {
  it.each([
    ['offices', '/locations'],
    ['/teams', '/companies'],
    ['rates', '/resource-rates'],
    ['issues', '/tickets'],
    ['credit-accounts/stats', '/coins/stats'],
    ['teams/0123456789abcdef01234567', '/companies/0123456789abcdef01234567'],
    ['members', '/members'],
    ['bookings/occurrences', '/bookings/occurrences'],
  ])('%s → %s', (v1, v2) => expect(v2Path(v1)).toBe(v2));

  it('knows the v2 by-id endpoints, which v1 lacks for payments and fees but v2 has (§8)', () => {
    expect(V2_BY_ID.has('payments')).toBe(true);
    expect(V2_BY_ID.has('fees')).toBe(true);
    expect(V2_BY_ID.has('resource-types')).toBe(false);
    expect(V2_BY_ID.has('charges')).toBe(false);
  });
});

describe('v2 query parameters (§3, §4)', () => {
  it('pages with $cursorNext and at most 50 a page', () => {
    const { params, dropped } = toV2Query('members', query({ $limit: '100', $next: 'abc' }));
    expect(params.toString()).toBe(`%24limit=${V2_PAGE_LIMIT}&%24cursorNext=abc`);
    expect(dropped).toEqual([]);
  });

  it('writes comparisons with brackets and renames fields', () => {
    const { params } = toV2Query(
      'bookings',
      query({ office: 'o1', resourceId: 'r1', canceled: 'false', 'seriesStart.$gte': '2026-01-01T00:00:00.000Z' }),
    );
    expect([...params]).toEqual([
      ['location', 'o1'],
      ['resource', 'r1'],
      ['isCancelled', 'false'],
      ['seriesStart[$gte]', '2026-01-01T00:00:00.000Z'],
    ]);
  });

  it('sends a list only the parameters it documents; the rest is dropped and named', () => {
    const { params, dropped } = toV2Query(
      'memberships',
      query({ team: 't1', 'modifiedAt.$gte': '2026-01-01T00:00:00.000Z', 'name.$swi': 'desk', $limit: '20' }),
    );
    expect(params.toString()).toBe('company=t1&%24limit=20');
    expect(dropped).toEqual(['modifiedAt.$gte', 'name.$swi']);
  });

  it('renames the fields of $select', () => {
    const { params } = toV2Query('payments', query({ $select: 'number,invoiceLines.total,team,office' }));
    expect(params.get('$select')).toBe('number,lines.total,company,location');
  });

  it('keeps credit-stat parameters under their v2 names', () => {
    const { params } = toV2Query('credit-accounts/stats', query({ team: 't1', month: '2026-11' }));
    expect(params.toString()).toBe('company=t1&month=2026-11');
  });
});

describe('v2 objects in their v1 shape (§2)', () => {
  it('renames a booking back, with its times as {dateTime}', () => {
    const v2 = {
      _id: 'b1',
      resource: 'r1',
      location: 'o1',
      company: 't1',
      title: 'Stand-up',
      isCancelled: true,
      rate: 'p1',
      start: '2026-11-03T09:00:00.000Z',
      end: '2026-11-03T10:00:00.000Z',
    };
    expect(fromV2Item('bookings', v2)).toEqual({
      _id: 'b1',
      resourceId: 'r1',
      office: 'o1',
      team: 't1',
      summary: 'Stand-up',
      canceled: true,
      plan: 'p1',
      start: { dateTime: '2026-11-03T09:00:00.000Z', date: null },
      end: { dateTime: '2026-11-03T10:00:00.000Z', date: null },
    });
  });

  it('renames payments, fees and passes; keeps fields only v2 has', () => {
    expect(fromV2Item('payments', { lines: [{ location: 'o2' }], taxAmounts: [], company: 't1', chargeMethod: 'card' })).toEqual({
      invoiceLines: [{ location: 'o2' }],
      vatAmounts: [],
      team: 't1',
      chargeMethod: 'card',
    });
    expect(fromV2Item('fees', { issueDate: '2026-11-01T00:00:00.000Z', payment: { _id: 'p1' } })).toEqual({
      date: '2026-11-01T00:00:00.000Z',
      invoice: { _id: 'p1' },
    });
    expect(fromV2Item('passes', { usedCount: 3 })).toEqual({ used: 3 });
    expect(v2Field('resources', 'room')).toBe('floor');
  });
});
