import { beforeAll, describe, expect, it } from 'vitest';
import type { WireBooking } from '../../src/officernd/types.ts';
import { type CountedStack, countedExportStack } from '../reports/support.ts';
import { FROM, inSubWindowOrder, inWindow, largeOrgDataset, TO } from './large-org.ts';

// Issue 21 on the large organization (scale 3.2 × 2 years ≈ 51,200 bookings), once the size learner has read the
// bookings' createdAt and seriesStart spread: a dated bookings export is read in seriesStart sub-windows of its
// window, the whole export in sub-windows of the field that cuts it best, several at once. In every v1 filter mode: exactly the
// simulator's rows, each once, in the documented order, and calls at most the pages plus one per sub-window (plus,
// for the dated read, the look for changed bookings and the far rows read by id).

const largeOrg = largeOrgDataset();

type Stack = CountedStack;

/** Simulator → client → gateway over the large organization, once the bookings' size and spread are learnt. */
async function stackOf(mode: 'all' | 'documented' | 'strict'): Promise<Stack> {
  const stack = countedExportStack({ dataset: largeOrg(), v1Filters: mode, learnItems: 100_000 });
  await stack.learn(['bookings']);
  return stack;
}

async function exportIds(stack: Stack, query: string): Promise<string[]> {
  const response = await stack.gateway.fetch(`http://gateway.test/reports/bookings.csv?columns=_id${query}`);
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text).not.toContain('#ERROR');
  return text.split('\r\n').slice(1, -1);
}

/** List reads of bookings (not by id, not the reach's `$select` walks): all pages, and first pages (sub-windows). */
function windowReads(stack: Stack): { first: number; pages: number } {
  const lists = stack.simulator.log
    .entries()
    .filter((e) => e.kind === 'api' && e.collection === 'bookings' && e.id === null)
    .filter((e) => e.query['modifiedAt.$gte'] === undefined);
  return { first: lists.filter((e) => e.query.$next === undefined).length, pages: lists.length };
}

const startOf = (b: WireBooking): string | undefined => b.start?.dateTime ?? b.start?.date ?? undefined;

describe.each(['all', 'documented', 'strict'] as const)('large reads in sub-windows, v1 filters %s', (mode) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await stackOf(mode);
  }, 120_000);

  it('a 10-day export: the window in seriesStart sub-windows, then the far rows', async () => {
    // The first dated export learns the bookings' reach (one walk of every booking): counted is the one after it.
    await exportIds(stack, `&from=${FROM}&to=${TO}&timeZone=UTC`);
    stack.simulator.log.reset();
    const ids = await exportIds(stack, `&from=${FROM}&to=${TO}&timeZone=UTC`);
    const bookings = stack.simulator.dataset.collections.bookings;
    const expected = bookings.filter((b) => inWindow(startOf(b)));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(expected.map((b) => b._id).sort());
    // Rows off their seriesStart (the awkward series, fewer than MAX_FAR_ROWS) come last, read by id; the others in
    // sub-window order.
    const byId = new Map(bookings.map((b) => [b._id, b]));
    const far = (id: string) => {
      const b = byId.get(id) as WireBooking;
      return Date.parse(startOf(b) ?? '') !== Date.parse(b.seriesStart ?? '');
    };
    const near = ids.filter((id) => !far(id));
    expect(ids.slice(0, near.length)).toEqual(near);
    const order = new Map(bookings.map((b, i) => [b._id, i]));
    expect(inSubWindowOrder(near, order, (id) => Date.parse(byId.get(id)?.seriesStart ?? ''))).toBe(true);
    const { first, pages } = windowReads(stack);
    const windowPages = Math.ceil(ids.length / 100);
    expect(first).toBeGreaterThan(1);
    // The window's pages (not widened: every row but the far ones is at its seriesStart), one partial page per
    // sub-window, the look for changes.
    expect(pages).toBeLessThanOrEqual(windowPages + first + 1);
    expect(stack.simulator.log.count({ kind: 'api', collection: 'bookings' })).toBeLessThanOrEqual(
      1.2 * windowPages + 5,
    );
  }, 120_000);

  it('a 10-day export with a linked column (member.name): every call of it within 1.2 x the pages + 5', async () => {
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch(
      `http://gateway.test/reports/bookings.ndjson?columns=_id,member.name&from=${FROM}&to=${TO}&timeZone=UTC`,
    );
    expect(response.status).toBe(200);
    const rows = (await response.text())
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const bookings = stack.simulator.dataset.collections.bookings;
    const names = new Map(stack.simulator.dataset.collections.members.map((m) => [m._id, m.name]));
    const expected = bookings.filter((b) => inWindow(startOf(b)));
    const byId = new Map(expected.map((b) => [b._id, b]));
    expect(rows.map((row) => row._id).sort()).toEqual(expected.map((b) => b._id).sort());
    for (const row of rows) {
      const member = byId.get(row._id as string)?.member;
      expect(row['member.name'] ?? null).toBe(member ? (names.get(member) ?? null) : null);
    }
    // Bookings and members alike (v1 carries member.name on the window's pages through $populate where it can).
    const windowPages = Math.ceil(rows.length / 100);
    expect(stack.simulator.log.count({ kind: 'api' })).toBeLessThanOrEqual(1.2 * windowPages + 5);
  }, 120_000);

  it('the whole export: every booking once, in sub-windows, at most a partial page more each', async () => {
    stack.simulator.log.reset();
    const ids = await exportIds(stack, '');
    const bookings = stack.simulator.dataset.collections.bookings;
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(bookings.map((b) => b._id).sort());
    // Split on seriesStart: the simulator's future bookings share one createdAt, which no range can cut.
    const byId = new Map(bookings.map((b) => [b._id, b]));
    const order = new Map(bookings.map((b, i) => [b._id, i]));
    expect(inSubWindowOrder(ids, order, (id) => Date.parse(byId.get(id)?.seriesStart ?? ''))).toBe(true);
    const { first, pages } = windowReads(stack);
    expect(first).toBeGreaterThan(8);
    expect(pages).toBeLessThanOrEqual(Math.ceil(bookings.length / 100) + first);
  }, 120_000);
});
