import { describe, expect, it } from 'vitest';
import { MAX_BUFFERED_PAGES, subWindowCount } from '../../src/core/sub-windows.ts';
import { DEFAULT_MAX_CONCURRENCY } from '../../src/officernd/client.ts';
import type { OfficeRnDClientOptions } from '../../src/officernd/index.ts';
import type { WireBooking } from '../../src/officernd/types.ts';
import type { Dataset } from '../../src/simulator/generate.ts';
import type { V1FilterMode } from '../../src/simulator/model.ts';
import { versionClient } from '../versions/support.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';
import { type CountedStack, countedExportStack } from './support.ts';

// Issue 21: a whole-collection export is read in createdAt sub-windows, several at once (UPSTREAM_MAX_CONCURRENCY),
// once the size learner has read the collection's createdAt spread. Counts only: the rows are exactly the
// simulator's, in sub-window order (ascending createdAt ranges, OfficeRnD's order within each), the calls at most the
// pages plus one partial page per sub-window, calls overlap, and the stream reads a bounded number of pages ahead.

// The default (UPSTREAM_MAX_CONCURRENCY): the bounds on calls in flight and pages read ahead hold with it.
const CONCURRENCY = DEFAULT_MAX_CONCURRENCY;

type Stack = CountedStack;

/** Simulator → client → gateway, counting calls in flight (`drop`: parameters an OfficeRnD ignoring them never gets). */
function stackOf(
  mode: V1FilterMode,
  drop: readonly string[] = [],
  client: Partial<OfficeRnDClientOptions> = {},
  dataset: Dataset = testDataset(1, 42),
): Stack {
  return countedExportStack({
    dataset,
    v1Filters: mode,
    // A v1 server that ignores `$populate`: joined columns are read the planned way these tests count (populated
    // reads are counted in populate-export.test.ts).
    v1Populate: 'ignored',
    rewrite: (url) => {
      for (const name of drop) url.searchParams.delete(name);
    },
    client: { maxConcurrency: CONCURRENCY, ...client },
    learnItems: 50_000,
  });
}

async function exportIds(stack: Stack, report: string, query = ''): Promise<string[]> {
  const response = await stack.gateway.fetch(`http://gateway.test/reports/${report}.csv?columns=_id${query}`);
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text).not.toContain('#ERROR');
  return text.split('\r\n').slice(1, -1);
}

/** The first page of each sub-window (a list read without a cursor) and all list pages of a collection. */
function reads(stack: Stack, collection: string): { first: number; pages: number } {
  const lists = stack.simulator.log
    .entries()
    .filter((e) => e.kind === 'api' && e.collection === collection && e.id === null);
  const resumed = (query: Record<string, string>) => query.$next !== undefined || query.$cursorNext !== undefined;
  return { first: lists.filter((e) => !resumed(e.query)).length, pages: lists.length };
}

/** Items in sub-window order: ascending createdAt, OfficeRnD's (the simulator's) order among equal values. */
const inCreatedOrder = (items: readonly { _id: string; createdAt?: string | null }[]): string[] =>
  items
    .map((item, index) => ({ id: item._id, at: Date.parse(item.createdAt ?? ''), index }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((item) => item.id);

describe.each(['all', 'documented', 'strict'] as const)('a whole export in sub-windows, v1 filters %s', (mode) => {
  it('returns every booking once, in sub-window order, with calls overlapping and near the pages', async () => {
    const stack = stackOf(mode);
    await stack.learn(['bookings']);
    stack.reset();
    const ids = await exportIds(stack, 'bookings');
    const bookings = stack.simulator.dataset.collections.bookings;
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(bookings.map((b) => b._id).sort());
    // A whole read is split on createdAt only (every booking has one), never on seriesStart: so they come in
    // createdAt order, OfficeRnD's (the simulator's) order.
    expect(ids).toEqual(inCreatedOrder(bookings));
    expect(stack.simulator.log.entries().some((e) => e.query['createdAt.$gte'] !== undefined)).toBe(true);
    expect(stack.simulator.log.entries().some((e) => e.query['seriesStart.$gte'] !== undefined)).toBe(false);
    const pages = Math.ceil(bookings.length / 100);
    const { first, pages: read } = reads(stack, 'bookings');
    // Split into sub-windows of about equal rows (a multiple of the concurrency), each adding at most a partial page.
    expect(first).toBeGreaterThanOrEqual(subWindowCount(pages, CONCURRENCY) - 2);
    expect(read).toBeLessThanOrEqual(pages + first);
    // Read concurrently, never more at once than the client's cap.
    expect(stack.maxInFlight()).toBeGreaterThan(1);
    expect(stack.maxInFlight()).toBeLessThanOrEqual(CONCURRENCY);
  }, 60_000);

  it('reads a dated CREATED_AT window in sub-windows of that window, exactly', async () => {
    const stack = stackOf(mode);
    await stack.learn(['bookings']);
    stack.reset();
    const ids = await exportIds(stack, 'bookings', '&dateField=CREATED_AT&from=2026-03-01&to=2026-10-31');
    const bookings = stack.simulator.dataset.collections.bookings;
    const chosen = bookings.filter((b) => {
      const day = (b.createdAt ?? '').slice(0, 10);
      return day >= '2026-03-01' && day <= '2026-10-31';
    });
    expect(chosen.length).toBeGreaterThan(3_000);
    expect(ids).toEqual(inCreatedOrder(chosen));
    const { first, pages: read } = reads(stack, 'bookings');
    expect(first).toBeGreaterThan(1);
    expect(read).toBeLessThanOrEqual(Math.ceil(chosen.length / 100) + first);
    expect(stack.maxInFlight()).toBeGreaterThan(1);
  }, 60_000);
});

/** The dataset with its older half of bookings imported at once: they share the one createdAt of the import. */
function importedAtOnce(dataset: Dataset): Dataset {
  const bookings = dataset.collections.bookings;
  const importedAt = bookings[Math.floor(bookings.length / 2)]?.createdAt ?? null;
  const moved = bookings.map((b, i) => (i < bookings.length / 2 ? { ...b, createdAt: importedAt } : b));
  // The simulator's paging order: createdAt, then _id.
  moved.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a._id.localeCompare(b._id));
  return { ...dataset, collections: { ...dataset.collections, bookings: moved } };
}

describe('a booking without seriesStart, added after the spread was learnt', () => {
  it.each([
    ['as generated', testDataset(1, 42)],
    // Many bookings share one createdAt: seriesStart would cut them into more sub-windows, and lose the booking.
    ['half of them imported at once', importedAtOnce(testDataset(1, 42))],
  ])(
    'is in the whole bookings export exactly once (bookings %s)',
    async (_, dataset) => {
      const stack = stackOf('all', [], {}, dataset);
      await stack.learn(['bookings']);
      const { seriesStart: _start, seriesEnd: _end, ...template } = dataset.collections.bookings[0] as WireBooking;
      const added = '6a0c2d9e0000000000000001';
      const createdAt = new Date(TEST_NOW.getTime() - 3_600_000).toISOString();
      await stack.simulator.create('bookings', { ...template, _id: added, createdAt, modifiedAt: createdAt });
      stack.reset();
      const ids = await exportIds(stack, 'bookings');
      expect(ids.filter((id) => id === added)).toHaveLength(1);
      expect(ids).toHaveLength(dataset.collections.bookings.length + 1);
      expect(new Set(ids).size).toBe(ids.length);
      // Read in createdAt sub-windows all the same.
      expect(reads(stack, 'bookings').first).toBeGreaterThan(1);
      expect(stack.simulator.log.entries().some((e) => e.query['seriesStart.$gte'] !== undefined)).toBe(false);
    },
    60_000,
  );
});

describe('over OfficeRnD v2 (50 a page)', () => {
  it('reads the whole export in sub-windows, every member once', async () => {
    const stack = stackOf('all', [], versionClient('v2'));
    await stack.learn(['members']);
    stack.reset();
    const ids = await exportIds(stack, 'members');
    const members = stack.simulator.dataset.collections.members;
    expect(ids).toEqual(inCreatedOrder(members));
    const { first, pages } = reads(stack, 'members');
    expect(first).toBeGreaterThan(1);
    expect(first).toBeLessThan(pages / 4);
    expect(pages).toBeLessThanOrEqual(Math.ceil(members.length / 50) + first);
    expect(stack.maxInFlight()).toBeGreaterThan(1);
  }, 60_000);
});

describe('a limit', () => {
  it('opens only the sub-windows its rows need', async () => {
    const stack = stackOf('all');
    await stack.learn(['bookings']);
    stack.reset();
    const ids = await exportIds(stack, 'bookings', '&dateField=CREATED_AT&from=2026-03-01&to=2026-10-31&limit=150');
    const chosen = stack.simulator.dataset.collections.bookings.filter((b) => {
      const day = (b.createdAt ?? '').slice(0, 10);
      return day >= '2026-03-01' && day <= '2026-10-31';
    });
    expect(ids).toEqual(inCreatedOrder(chosen).slice(0, 150));
    // Two pages of the first sub-window (a sub-window holds far more than 150 rows): no other is read.
    expect(reads(stack, 'bookings')).toEqual({ first: 1, pages: 2 });
  }, 60_000);
});

describe('a limit with a date check that drops rows', () => {
  it('gives the first rows of the whole export, however many the check drops', async () => {
    const stack = stackOf('all');
    await stack.learn(['bookings']);
    const dates = '&from=2026-06-01&to=2026-09-30&timeZone=UTC';
    const all = await exportIds(stack, 'bookings', dates);
    expect(all.length).toBeGreaterThan(1_800);
    for (const limit of [150, 999, all.length - 1]) {
      expect(await exportIds(stack, 'bookings', `${dates}&limit=${limit}`)).toEqual(all.slice(0, limit));
    }
  }, 60_000);
});

describe('a joined collection read whole', () => {
  it('is walked in createdAt sub-windows too: member.name of a dated export, exact, no lookups by id', async () => {
    const stack = stackOf('all');
    await stack.learn(['bookings', 'members']);
    stack.reset();
    const response = await stack.gateway.fetch(
      'http://gateway.test/reports/bookings.ndjson?columns=_id,member.name&dateField=CREATED_AT&from=2026-06-01&to=2026-07-31',
    );
    expect(response.status).toBe(200);
    const rows = (await response.text())
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { _id: string; 'member.name': string | null });
    const { bookings, members } = stack.simulator.dataset.collections;
    const names = new Map(members.map((m) => [m._id, m.name]));
    const chosen = bookings.filter((b) => {
      const day = (b.createdAt ?? '').slice(0, 10);
      return day >= '2026-06-01' && day <= '2026-07-31';
    });
    expect(rows.length).toBeGreaterThan(500);
    expect(rows).toEqual(
      inCreatedOrder(chosen).map((id) => {
        const member = bookings.find((b) => b._id === id)?.member;
        return { _id: id, 'member.name': (member && names.get(member)) ?? null };
      }),
    );
    const { first, pages } = reads(stack, 'members');
    expect(first).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(Math.ceil(members.length / 100) + first);
    expect(stack.simulator.log.count({ kind: 'api', collection: 'members', id: true })).toBe(0);
  }, 60_000);
});

describe('a bound OfficeRnD ignores', () => {
  it('falls back to one walk (exact), notes it, and no longer splits', async () => {
    const stack = stackOf('all', ['createdAt.$gte', 'createdAt.$lt']);
    await stack.learn(['members']);
    const members = stack.simulator.dataset.collections.members;
    const pages = Math.ceil(members.length / 100);
    stack.reset();
    expect(await exportIds(stack, 'members')).toEqual(members.map((m) => m._id));
    const { first, pages: read } = reads(stack, 'members');
    // The first page of each sub-window opened (at most the concurrency), then one walk: never a walk per sub-window.
    // Calls of the first wave already asked for when the split is given up are answered, not aborted (they go with
    // the request's signal, in its API key's lane): at most one more per sub-window.
    expect(first).toBeLessThanOrEqual(CONCURRENCY + 1);
    expect(read).toBeLessThanOrEqual(pages + 2 * CONCURRENCY);
    expect(stack.logs.some((line) => line.includes('ignored a filter') && line.includes('createdAt'))).toBe(true);
    stack.reset();
    expect(await exportIds(stack, 'members')).toEqual(members.map((m) => m._id));
    expect(reads(stack, 'members').pages).toBe(pages);
  }, 60_000);
});

describe('a seriesStart bound OfficeRnD ignores', () => {
  it('reads the dated bookings export as one walk, exact, and no longer splits on it', async () => {
    const stack = stackOf('all', ['seriesStart.$gte', 'seriesStart.$lt', 'seriesStart.$lte']);
    await stack.learn(['bookings']);
    const dates = '&from=2026-06-01&to=2026-09-30&timeZone=UTC';
    const bookings = stack.simulator.dataset.collections.bookings;
    const expected = bookings
      .filter((b) => {
        const day = (b.start?.dateTime ?? b.start?.date ?? '').slice(0, 10);
        return day >= '2026-06-01' && day <= '2026-09-30';
      })
      .map((b) => b._id)
      .sort();
    expect(expected.length).toBeGreaterThan(1_800);
    const first = await exportIds(stack, 'bookings', dates);
    expect([...first].sort()).toEqual(expected);
    expect(stack.logs.some((line) => line.includes('ignored a filter') && line.includes('seriesStart'))).toBe(true);
    stack.reset();
    const again = await exportIds(stack, 'bookings', dates);
    expect([...again].sort()).toEqual(expected);
    // One walk (every page, as OfficeRnD ignores the window) and the look for changed bookings: no sub-windows.
    expect(reads(stack, 'bookings').first).toBe(2);
  }, 60_000);
});

describe('bounded memory', () => {
  it('stops every sub-window when the reader cancels', async () => {
    const stack = stackOf('all');
    await stack.learn(['bookings']);
    // Calls take a while, so that sub-windows are still reading when the reader goes.
    stack.simulator.setFaults({ latencyMs: 20 });
    stack.reset();
    const response = await stack.gateway.fetch('http://gateway.test/reports/bookings.ndjson');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.read();
    const atCancel = reads(stack, 'bookings').pages;
    await reader.cancel();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
    await settle();
    const after = reads(stack, 'bookings').pages;
    await settle();
    expect(reads(stack, 'bookings').pages).toBe(after);
    // At most the calls already in flight were answered: no sub-window read on.
    expect(after).toBeLessThanOrEqual(atCancel + CONCURRENCY);
  }, 60_000);

  it('reads a bounded number of pages ahead of a slow reader', async () => {
    const stack = stackOf('all');
    await stack.learn(['bookings']);
    stack.reset();
    const response = await stack.gateway.fetch('http://gateway.test/reports/bookings.ndjson');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let chunks = 0;
    let most = 0;
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      chunks += 1;
      // Let every read that can start start before counting.
      for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      // Pages asked for beyond those written: at most the open sub-windows' read-ahead.
      most = Math.max(most, reads(stack, 'bookings').pages - chunks);
    }
    expect(chunks).toBeGreaterThan(40);
    expect(most).toBeLessThanOrEqual(CONCURRENCY * MAX_BUFFERED_PAGES + 1);
    // And it did read ahead in parallel (not a page at a time).
    expect(most).toBeGreaterThan(2);
  }, 60_000);
});
