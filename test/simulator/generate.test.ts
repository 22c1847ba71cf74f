import { tzOffset } from '@date-fns/tz';
import rrulePackage from 'rrule';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  OBJECT_ID,
  V1_COLLECTIONS as LIST_COLLECTIONS,
  type V1Collection as ListCollection,
} from '../../src/simulator/model.ts';
import type { WireBooking } from '../../src/officernd/types.ts';
import { creditStatsFor, generateDataset, type Dataset } from '../../src/simulator/generate.ts';

// rrule ships CommonJS for Node: its named exports are only reachable through the default export.
const { rrulestr } = rrulePackage;

const NOW = new Date('2026-03-15T00:00:00.000Z');
const DAY = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MIDNIGHT = /T00:00:00\.000Z$/;

type Item = Record<string, unknown>;

/** Values at a path: `a.b` descends objects, `a[]` spreads arrays (e.g. `invoiceLines[].fee`). */
function valuesAt(item: unknown, path: string): unknown[] {
  let current: unknown[] = [item];
  for (const segment of path.split('.')) {
    const spread = segment.endsWith('[]');
    const key = spread ? segment.slice(0, -2) : segment;
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') continue;
      const child = (value as Item)[key];
      if (spread) {
        if (Array.isArray(child)) next.push(...child);
      } else {
        next.push(child);
      }
    }
    current = next;
  }
  return current;
}

const idOf = (item: Item): string => String(item._id ?? item.id);

/** Every reference field of the dataset and the collections it may point into (api doc §7). */
const REFERENCES: readonly [ListCollection | 'creditAccounts', string, readonly ListCollection[]][] = [
  ['bookings', 'resourceId', ['resources']],
  ['bookings', 'office', ['offices']],
  ['bookings', 'team', ['teams']],
  ['bookings', 'member', ['members']],
  ['bookings', 'members[]', ['members']],
  ['bookings', 'plan', ['rates']],
  ['bookings', 'fees[].fee', ['fees']],
  ['charges', 'payment', ['payments']],
  ['charges', 'office', ['offices']],
  ['checkins', 'member', ['members']],
  ['checkins', 'team', ['teams']],
  ['checkins', 'office', ['offices']],
  ['contracts', 'team', ['teams']],
  ['contracts', 'member', ['members']],
  ['contracts', 'office', ['offices']],
  ['contracts', 'plans[].id', ['plans']],
  ['contracts', 'oneOffPlans[].id', ['plans']],
  ['contracts', 'resources[].id', ['resources']],
  ['contracts', 'renewedContract', ['contracts']],
  ['contracts', 'renewalContract', ['contracts']],
  ['fees', 'team', ['teams']],
  ['fees', 'member', ['members']],
  ['fees', 'office', ['offices']],
  ['fees', 'plan', ['plans', 'rates']],
  ['fees', 'invoice._id', ['payments']],
  ['fees', 'invoice.creditNote', ['payments']],
  ['floors', 'office', ['offices']],
  ['issues', 'member', ['members']],
  ['issues', 'team', ['teams']],
  ['issues', 'office', ['offices']],
  ['members', 'office', ['offices']],
  ['members', 'team', ['teams']],
  ['memberships', 'member', ['members']],
  ['memberships', 'team', ['teams']],
  ['memberships', 'office', ['offices']],
  ['memberships', 'plan', ['plans']],
  ['memberships', 'contract', ['contracts']],
  ['passes', 'member', ['members']],
  ['passes', 'team', ['teams']],
  ['passes', 'membership', ['memberships']],
  ['passes', 'fee', ['fees']],
  ['payments', 'team', ['teams']],
  ['payments', 'member', ['members']],
  ['payments', 'office', ['offices']],
  ['payments', 'invoiceLines[].plan', ['plans', 'rates']],
  ['payments', 'invoiceLines[].fee', ['fees']],
  ['payments', 'invoiceLines[].membership', ['memberships']],
  ['payments', 'invoiceLines[].office', ['offices']],
  ['payments', 'allocations[].target', ['payments']],
  ['plans', 'locations[]', ['offices']],
  ['plans', 'setupFees[]', ['plans']],
  ['plans', 'credits[].rates[]', ['rates']],
  ['plans', 'credits[].resourceTypes[]', ['resource-types']],
  ['rates', 'locations[]', ['offices']],
  ['resources', 'office', ['offices']],
  ['resources', 'room', ['floors']],
  ['resources', 'rate', ['rates']],
  ['resources', 'targetPlan', ['plans']],
  ['resources', 'parents[]', ['resources']],
  ['resources', 'parent', ['resources']],
  ['teams', 'office', ['offices']],
  ['visits', 'member', ['members']],
  ['visits', 'team', ['teams']],
  ['visits', 'office', ['offices']],
  ['visits', 'booking', ['bookings']],
  ['creditAccounts', 'team', ['teams']],
  ['creditAccounts', 'member', ['members']],
  ['creditAccounts', 'resourceRates[]', ['rates']],
  ['creditAccounts', 'resourceTypes[]', ['resource-types']],
];

/** Items of a collection (or the credit-account records) as plain records. */
const itemsOf = (dataset: Dataset, name: ListCollection | 'creditAccounts'): Item[] =>
  (name === 'creditAccounts' ? dataset.creditAccounts : dataset.collections[name]) as unknown as Item[];

const sizes = (dataset: Dataset): Record<ListCollection, number> =>
  Object.fromEntries(LIST_COLLECTIONS.map((c) => [c, dataset.collections[c].length])) as Record<ListCollection, number>;

/** Wall-clock minutes past local midnight of an instant in a zone. */
const localMinutes = (ms: number, zone: string): number => {
  const wall = ms + tzOffset(zone, new Date(ms)) * 60_000;
  return Math.floor((wall % DAY) / 60_000);
};

describe('generateDataset', () => {
  let full: Dataset;
  beforeAll(() => {
    full = generateDataset({ seed: 42, scale: 1, now: NOW, org: 'demo-org' });
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateDataset({ seed: 7, scale: 0.1, now: NOW });
    const b = generateDataset({ seed: 7, scale: 0.1, now: NOW });
    const c = generateDataset({ seed: 8, scale: 0.1, now: NOW });
    expect(b).toEqual(a);
    expect(c.collections.members.map((m) => m.name)).not.toEqual(a.collections.members.map((m) => m.name));
    expect(c.collections.bookings[0]?._id).not.toBe(a.collections.bookings[0]?._id);
  });

  it('names the organisation after the slug', () => {
    expect(full.org).toMatchObject({ slug: 'demo-org', name: 'Demo Org' });
    expect(full.org._id).toMatch(OBJECT_ID);
  });

  it('gives scale 1 many 100-item pages in the big reports', () => {
    const n = sizes(full);
    expect(n.members).toBeGreaterThan(1000);
    expect(n.bookings).toBeGreaterThan(1000);
    for (const c of [
      'fees',
      'payments',
      'charges',
      'checkins',
      'memberships',
      'teams',
      'visits',
      'passes',
      'issues',
      'contracts',
      'resources',
    ] as const) {
      expect(n[c], c).toBeGreaterThan(250);
    }
    expect(n.offices).toBeGreaterThanOrEqual(4);
    expect(n['resource-types']).toBe(8);
    const zones = new Set(full.collections.offices.map((o) => o.timezone));
    expect(zones).toContain('Europe/London');
    expect(zones).toContain('America/Vancouver');
  });

  it('grows activity linearly with scale and catalogues slowly', () => {
    const small = sizes(generateDataset({ seed: 42, scale: 0.1, now: NOW }));
    const big = sizes(full);
    for (const c of [
      'members',
      'teams',
      'bookings',
      'fees',
      'payments',
      'checkins',
      'memberships',
      'visits',
      'issues',
    ] as const) {
      expect(big[c] / small[c], c).toBeGreaterThan(8);
      expect(big[c] / small[c], c).toBeLessThan(12);
    }
    for (const c of ['offices', 'plans', 'rates', 'resource-types'] as const) {
      expect(big[c] / small[c], c).toBeLessThan(3);
    }
  });

  it('resolves every reference, including nested ones', () => {
    const ids = new Map(LIST_COLLECTIONS.map((c) => [c, new Set(itemsOf(full, c).map(idOf))]));
    for (const [collection, path, targets] of REFERENCES) {
      const refs = itemsOf(full, collection)
        .flatMap((item) => valuesAt(item, path))
        .filter((v) => v !== null && v !== undefined);
      expect(refs.length, `${collection}.${path} is never set`).toBeGreaterThan(0);
      const dangling = refs.filter((ref) => typeof ref !== 'string' || !targets.some((t) => ids.get(t)?.has(ref)));
      expect(dangling, `${collection}.${path} → ${targets.join('|')}`).toEqual([]);
    }
  });

  it('uses unique 24-hex ids per collection (resource types keyed by `id`)', () => {
    for (const c of LIST_COLLECTIONS) {
      const keys = itemsOf(full, c).map((item) => (c === 'resource-types' ? item.id : item._id));
      expect(
        keys.every((k) => typeof k === 'string' && OBJECT_ID.test(k)),
        c,
      ).toBe(true);
      expect(new Set(keys).size, c).toBe(keys.length);
    }
    expect(full.collections['resource-types'].every((t) => t._id === undefined)).toBe(true);
  });

  it('writes every date as an ISO timestamp with milliseconds and date-only values at midnight', () => {
    const dateLike = /^\d{4}-\d{2}-\d{2}/;
    const bad: string[] = [];
    const walk = (value: unknown, where: string): void => {
      if (typeof value === 'string') {
        if (dateLike.test(value) && !ISO.test(value)) bad.push(`${where}=${value}`);
      } else if (Array.isArray(value)) {
        value.forEach((v) => walk(v, where));
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
      }
    };
    for (const c of LIST_COLLECTIONS) walk(full.collections[c], c);
    expect(bad).toEqual([]);
    const dateOnly: [ListCollection, string][] = [
      ['members', 'startDate'],
      ['teams', 'startDate'],
      ['memberships', 'startDate'],
      ['memberships', 'endDate'],
      ['fees', 'date'],
      ['payments', 'date'],
      ['payments', 'dueDate'],
      ['contracts', 'startDate'],
      ['passes', 'startDate'],
    ];
    for (const [c, field] of dateOnly) {
      const values = itemsOf(full, c)
        .map((i) => i[field])
        .filter((v): v is string => typeof v === 'string');
      expect(values.length, `${c}.${field}`).toBeGreaterThan(0);
      expect(
        values.filter((v) => !MIDNIGHT.test(v)),
        `${c}.${field}`,
      ).toEqual([]);
    }
  });

  it('stamps createdAt <= modifiedAt < now and sorts every collection by createdAt then _id', () => {
    for (const c of LIST_COLLECTIONS) {
      const items = itemsOf(full, c);
      for (const item of items) {
        if (typeof item.createdAt !== 'string') continue;
        expect(Date.parse(item.createdAt), `${c} ${idOf(item)}`).toBeLessThan(NOW.getTime());
        if (typeof item.modifiedAt === 'string') {
          expect(item.modifiedAt >= item.createdAt, `${c} ${idOf(item)}`).toBe(true);
          expect(Date.parse(item.modifiedAt)).toBeLessThan(NOW.getTime());
        }
      }
      const keys = items.map((i) => `${String(i.createdAt ?? '')}|${idOf(i)}`);
      expect(keys, c).toEqual([...keys].sort());
    }
    expect(full.collections.visits.every((v) => v.createdAt === undefined)).toBe(true);
  });

  it('books in the resource office time zone, during office hours, from 12 months back to 3 ahead', () => {
    const offices = new Map(full.collections.offices.map((o) => [o._id, o]));
    const resources = new Map(full.collections.resources.map((r) => [r._id, r]));
    for (const b of full.collections.bookings) {
      const resource = resources.get(b.resourceId ?? '');
      expect(resource?.office).toBe(b.office);
      expect(b.timezone).toBe(offices.get(b.office ?? '')?.timezone);
      expect(b.start.date).toBeNull();
      const start = Date.parse(b.start.dateTime ?? '');
      const end = Date.parse(b.end.dateTime ?? '');
      expect(end).toBeGreaterThan(start);
      expect(start).toBeGreaterThanOrEqual(NOW.getTime() - 366 * DAY);
      expect(start).toBeLessThanOrEqual(NOW.getTime() + 92 * DAY);
      const minutes = localMinutes(start, b.timezone ?? 'UTC');
      expect(minutes, `${b._id} ${b.start.dateTime} ${b.timezone}`).toBeGreaterThanOrEqual(7 * 60);
      expect(minutes).toBeLessThanOrEqual(19 * 60);
      expect(b.member ?? b.team).toBeTruthy();
      if (!b.recurrence?.rrule) {
        expect(b.seriesStart).toBe(b.start.dateTime);
        expect(b.seriesEnd).toBe(b.end.dateTime);
      }
    }
    const withFees = full.collections.bookings.filter((b) => (b.fees ?? []).length > 0);
    expect(withFees.length).toBeGreaterThan(100);
    expect(withFees[0]?.fees?.[0]).toEqual({
      date: expect.stringMatching(MIDNIGHT),
      fee: expect.stringMatching(OBJECT_ID),
      extraFees: [],
      credits: [],
      valueCredits: [],
    });
  });

  it('makes every booking before it starts and before now, bookings far ahead at spread instants (issue 21)', () => {
    const members = new Map(full.collections.members.map((m) => [m._id, m]));
    const ahead: number[] = [];
    for (const b of full.collections.bookings) {
      const created = Date.parse(b.createdAt ?? '');
      const start = Date.parse(b.seriesStart ?? '');
      expect(created, b._id).toBeLessThan(NOW.getTime());
      // Before its series starts, unless its booker joined later that day (the booking is then a minute after).
      const joined = Date.parse(members.get(b.member ?? '')?.createdAt ?? '') || 0;
      expect(created, b._id).toBeLessThanOrEqual(Math.max(start - 1, joined + 60_000));
      if (start > NOW.getTime() + 30 * DAY) ahead.push(created);
    }
    // Bookings further ahead than the longest lead time (30 days) were made within the last four weeks, each at its
    // own instant: before, they all had createdAt = now, which no createdAt range of a split read can cut apart.
    expect(ahead.length).toBeGreaterThan(500);
    for (const created of ahead) expect(created).toBeGreaterThanOrEqual(NOW.getTime() - 28 * DAY);
    expect(new Set(ahead).size).toBeGreaterThan(ahead.length * 0.99);
    const counts = new Map<string, number>();
    for (const b of full.collections.bookings) counts.set(b.createdAt ?? '', (counts.get(b.createdAt ?? '') ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThan(10);
  });

  it('writes recurring bookings (~10%) whose rrule expands, in local time, to exactly the series window', () => {
    const recurring = full.collections.bookings.filter(
      (b): b is WireBooking & { recurrence: { rrule: string } } => typeof b.recurrence?.rrule === 'string',
    );
    const share = recurring.length / full.collections.bookings.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.15);
    let withExdates = 0;
    const cases = { firstExcluded: 0, anchorMoved: 0, openEnded: 0 };
    for (const b of recurring) {
      const zone = b.timezone ?? 'UTC';
      const start = Date.parse(b.start.dateTime ?? '');
      const anchor = Date.parse(b.seriesStart ?? '');
      const duration = Date.parse(b.end.dateTime ?? '') - start;
      const toWall = (ms: number): number => ms + tzOffset(zone, new Date(ms)) * 60_000;
      // Expand as RFC 5545 local time from DTSTART = seriesStart: feed rrule wall-clock instants, compare wall clocks back.
      const rule = rrulestr(b.recurrence.rrule, { dtstart: new Date(toWall(anchor)) });
      const walls = rule.all((_, i) => i < 500).map((d) => d.getTime());
      expect(walls.length, b.recurrence.rrule).toBeGreaterThan(1);
      expect(walls[0]).toBe(toWall(anchor));
      const exdates = b.recurrence.exdates ?? [];
      if (b.seriesEnd === null) {
        // Open-ended: no COUNT or UNTIL, no seriesEnd.
        cases.openEnded += 1;
        expect(b.recurrence.rrule).not.toMatch(/COUNT|UNTIL/);
      } else {
        const lastEnd = Date.parse(b.seriesEnd ?? '');
        expect(toWall(lastEnd - duration), `${b._id} ${b.recurrence.rrule}`).toBe(walls[walls.length - 1]);
      }
      if (exdates.includes(b.seriesStart ?? '')) {
        // First instance excluded: the row starts at the first instance left.
        cases.firstExcluded += 1;
        expect(toWall(start)).toBe(walls.find((w) => !exdates.some((ex) => toWall(Date.parse(ex)) === w)));
      } else if (start !== anchor) {
        // Anchor moved a day earlier: the row starts before seriesStart.
        cases.anchorMoved += 1;
        expect(anchor - start).toBe(DAY);
      }
      if (exdates.length > 0) withExdates += 1;
      for (const ex of exdates) expect(walls).toContain(toWall(Date.parse(ex)));
    }
    expect(withExdates).toBeGreaterThan(0);
    expect(cases).toEqual({ firstExcluded: 1, anchorMoved: 1, openEnded: 1 });
  });

  it('links resources to floors via room and rate, and rates are plan-shaped with isRate', () => {
    const floors = new Map(full.collections.floors.map((f) => [f._id, f]));
    const types = new Set(full.collections['resource-types'].map((t) => t.type));
    for (const r of full.collections.resources) {
      expect(floors.get(r.room ?? '')?.office).toBe(r.office);
      expect(types.has(r.type ?? '')).toBe(true);
    }
    expect(full.collections.rates.every((r) => r.isRate === true && typeof r.price === 'number')).toBe(true);
    expect(full.collections.plans.every((p) => p.isRate === false && (p.locations ?? []).length > 0)).toBe(true);
  });

  it('keeps billing arithmetic consistent across lines, invoices, credit notes, charges and fees', () => {
    const payments = new Map(full.collections.payments.map((p) => [p._id, p]));
    const cents = (n: number | undefined): number => Math.round((n ?? 0) * 100);
    let creditNotes = 0;
    for (const p of full.collections.payments) {
      const lines = p.invoiceLines ?? [];
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) {
        expect(cents(l.subtotal) + cents(l.vatAmount)).toBe(cents(l.total));
        expect(cents(l.price) - cents(l.discountAmount)).toBe(cents(l.subtotal));
      }
      expect(lines.reduce((s, l) => s + cents(l.total), 0)).toBe(cents(p.amount));
      if (p.documentType === 'creditNote') {
        creditNotes += 1;
        expect(p.number).toMatch(/^CN-\d+$/);
        const [allocation] = p.allocations ?? [];
        const target = payments.get(allocation?.target ?? '');
        expect(target?.documentType).toBe('invoice');
        expect(cents(allocation?.amount)).toBe(cents(p.amount));
        expect(target?.allocations?.some((a) => a.target === p._id)).toBe(true);
      } else {
        expect(p.number).toMatch(/^INV-\d+$/);
        if (p.status !== 'voided')
          expect(cents(p.paidAmount) + cents(p.allocatedAmount) + cents(p.payableAmount)).toBe(cents(p.amount));
      }
    }
    expect(creditNotes).toBeGreaterThan(50);
    const paidByCharges = new Map<string, number>();
    for (const c of full.collections.charges) {
      if (c.status === 'success')
        paidByCharges.set(c.payment ?? '', (paidByCharges.get(c.payment ?? '') ?? 0) + cents(c.amount));
    }
    for (const [id, paid] of paidByCharges) expect(paid).toBe(cents(payments.get(id)?.paidAmount));
    for (const f of full.collections.fees) {
      if (!f.invoice?._id) continue;
      const invoice = payments.get(f.invoice._id);
      expect(invoice?.status).toBe(f.invoice.status);
      expect(invoice?.invoiceLines?.some((l) => l.fee === f._id)).toBe(true);
    }
  });

  it('answers credit stats per team and month with monthly and once totals', () => {
    const account = full.creditAccounts.find((a) => a.team !== null && Object.keys(a.months).length > 3);
    expect(account).toBeDefined();
    const month = Object.keys(account?.months ?? {})[0] ?? '';
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    const stats = creditStatsFor(full, { month, team: account?.team ?? '' });
    expect(stats).toHaveLength(1);
    const [stat] = stats;
    expect(stat).toMatchObject({ creditAccount: account?.creditAccount, team: account?.team, member: null });
    expect((stat?.monthly.total ?? 0) - (stat?.monthly.used ?? 0)).toBe(stat?.monthly.remaining);
    expect(stat?.monthly.total).toBeGreaterThan(0);
    expect(stat?.once).toEqual({ total: expect.any(Number), used: expect.any(Number), remaining: expect.any(Number) });
    expect(creditStatsFor(full, { month: '1999-01', team: account?.team ?? '' })).toEqual([]);
    expect(creditStatsFor(full, { month, team: '0'.repeat(24) })).toEqual([]);
    const used = full.creditAccounts.flatMap((a) => Object.values(a.months)).filter((m) => m.monthly.used > 0);
    expect(used.length).toBeGreaterThan(0);
    const personal = full.creditAccounts.find((a) => a.member !== null);
    expect(personal).toBeDefined();
    expect(
      creditStatsFor(full, { month: Object.keys(personal?.months ?? {})[0] ?? '', member: personal?.member ?? '' }),
    ).toHaveLength(1);
  });

  it('keeps memberships, passes and checkins consistent with now', () => {
    const now = NOW.getTime();
    for (const m of full.collections.memberships) {
      const start = Date.parse(m.startDate ?? '');
      const end = m.endDate ? Date.parse(m.endDate) : null;
      const expected =
        m.status === 'not_approved'
          ? 'not_approved'
          : start > now
            ? 'not_started'
            : end !== null && end < now
              ? 'expired'
              : 'active';
      if (end === null || Math.abs(end - now) > DAY) expect(m.calculatedStatus, m._id).toBe(expected);
      expect(m.member ?? m.team).toBeTruthy();
    }
    const statuses = new Set(full.collections.members.map((m) => m.status));
    for (const s of ['active', 'former', 'drop-in', 'contact']) expect(statuses).toContain(s);
    for (const c of full.collections.checkins) {
      expect(Date.parse(c.start)).toBeLessThan(now);
      if (c.end) expect(Date.parse(c.end)).toBeGreaterThan(Date.parse(c.start));
    }
    expect(full.collections.passes.some((p) => p.membership) && full.collections.passes.some((p) => p.fee)).toBe(true);
  });

  it('rejects a non-positive scale', () => {
    expect(() => generateDataset({ scale: 0, now: NOW })).toThrow(/scale/);
  });
});
