import { beforeAll, describe, expect, it } from 'vitest';
import { createCollectionSizes } from '../../src/loaders/collection-sizes.ts';
import type { WireBooking } from '../../src/officernd/types.ts';
import { ndjsonRecords } from '../reports/support.ts';
import { createVersionStack } from '../versions/support.ts';

// Issue 21's follow-up: a dated bookings read chooses per read between reading its far rows by id and widening its
// seriesStart bounds over them (dates/report-dates.ts chooseFarBounds). A few series anchored months before their
// first instance are far from every window: widening over months of bookings costs far more pages than their GETs,
// so they are still read by id and the window's bounds are sent as selected.

const DAY = 86_400_000;
const FROM = '2026-10-05';
const TO = '2026-10-14';
const startOf = (b: WireBooking): string => b.start?.dateTime ?? b.start?.date ?? '';

describe.each([
  ['v1', 'all'],
  ['v1', 'documented'],
  ['v1', 'strict'],
  ['v2', 'all'],
] as const)('a few very far rows, %s, filters %s', (version, mode) => {
  const sizes = createCollectionSizes();
  const stack = createVersionStack(version, { sizes, simulator: { v1Filters: mode }, logLevel: 'info' });
  const bookings = () => stack.simulator.dataset.collections.bookings;
  const expected = () =>
    bookings()
      .filter((b) => startOf(b).slice(0, 10) >= FROM && startOf(b).slice(0, 10) <= TO)
      .map((b) => b._id)
      .sort();
  const exportIds = async () => {
    const response = await stack.gateway.fetch(
      `http://gateway.test/reports/bookings.ndjson?columns=_id&from=${FROM}&to=${TO}&timeZone=UTC&dateField=START`,
    );
    return (await ndjsonRecords<{ _id: string }>(response)).map((row) => row._id).sort();
  };
  let moved: string[] = [];
  const page = `{ bookings(first: 100, dates: { from: "${FROM}", to: "${TO}", timeZone: "UTC" }) { nodes { id } } }`;
  /** The GraphQL page's calls and the cost the gateway worked out for it (its log line). */
  const costed = async () => {
    stack.simulator.log.reset();
    const result = await stack.query(page);
    expect(result.errors).toBeUndefined();
    const line = stack.logs.findLast((l) => l.includes('"graphql operation"'));
    return { calls: stack.apiCalls(), cost: (JSON.parse(line ?? '{}') as { cost?: number }).cost ?? 0 };
  };
  let before = { calls: 0, cost: 0 };

  beforeAll(async () => {
    // The reach is learnt first, then three one-offs of the window are re-anchored 200 days before their start.
    await exportIds();
    before = await costed();
    const inWindow = bookings().filter(
      (b) => !b.recurrence?.rrule && startOf(b).slice(0, 10) >= FROM && startOf(b).slice(0, 10) <= TO,
    );
    moved = inWindow.slice(0, 3).map((b) => b._id);
    for (const b of inWindow.slice(0, 3)) {
      await stack.simulator.update('bookings', b._id, {
        seriesStart: new Date(Date.parse(startOf(b)) - 200 * DAY).toISOString(),
      });
    }
  }, 60_000);

  it('are read by id (three GETs on v1, one `_id[$in]` call on v2) and the bounds stay those of the window', async () => {
    stack.simulator.log.reset();
    expect(await exportIds()).toEqual(expected());
    const calls = stack.simulator.log.entries().filter((e) => e.kind === 'api' && e.collection === 'bookings');
    if (version === 'v1') {
      expect(
        calls
          .filter((e) => e.id !== null)
          .map((e) => e.id)
          .sort(),
      ).toEqual([...moved].sort());
    } else {
      const batches = calls.filter((e) => e.query['_id[$in]'] !== undefined);
      expect(batches).toHaveLength(1);
      expect(batches[0]?.query['_id[$in]']?.split(',').sort()).toEqual([...moved].sort());
    }
    // No bound moved towards the far anchors: the lower bound is the window's first day (a near reach of 0).
    const lower = calls.map((e) => e.query['seriesStart.$gte'] ?? e.query['seriesStart[$gte]']).filter(Boolean);
    expect(lower.length).toBeGreaterThan(0);
    expect(new Set(lower)).toEqual(new Set([`${FROM}T00:00:00.000Z`]));
    // The learnt reach keeps them as far rows; none widened the near reach.
    expect(sizes.seriesReach()?.near?.start).toEqual({ before: 0, after: 0 });
  }, 60_000);

  it('the cost rule counts what they cost: the same page costs their reads by id more, and at least its calls', async () => {
    const after = await costed();
    // v1: the look for changes, the window's page and three GETs; v2: the look, two pages of 50 and one batch.
    expect(after.calls).toBe(version === 'v1' ? 5 : 4);
    expect(after.calls - before.calls).toBe(version === 'v1' ? 3 : 1);
    expect(after.cost - before.cost).toBe(after.calls - before.calls);
    expect(after.cost).toBeGreaterThanOrEqual(after.calls);
  }, 60_000);
});
