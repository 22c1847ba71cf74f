import { describe, expect, it } from 'vitest';
import { LIST_COLLECTIONS } from '../../src/officernd/collections.ts';
import { testDataset } from '../helpers.ts';
import { createSecureStack, type SecureStack } from '../security/stack.ts';

// Issue 21 with issue 14: the bookings' series reach is learnt at start-up, by the size learner's walk of bookings
// (one walk, two facts: `$select=_id,end,modifiedAt,seriesStart,start`), so a fresh gateway's first dated bookings
// read makes only its window's calls. A read that needs the reach before then joins (or starts) that same walk.

const bookingsCount = testDataset().collections.bookings.length;
const bookingPages = Math.ceil(bookingsCount / 100);
const WINDOW = '/reports/bookings.ndjson?columns=_id&from=2026-11-02&to=2026-11-08&timeZone=UTC';

/**
 * A learning walk's selection: the ids first, with the date fields exports split on (core/sub-windows.ts), and for
 * the bookings' walk while their reach is unknown the reach's fields too.
 */
const REACH_FIELDS = ['end', 'modifiedAt', 'seriesStart', 'start'];
const readsReach = (select: string | undefined): boolean =>
  select?.split(',')[0] === '_id' && REACH_FIELDS.every((field) => select.split(',').includes(field));

/** List calls on bookings since the last reset, by kind: the learning walk, the look for changes, window pages. */
function bookingCalls(stack: SecureStack) {
  const lists = stack.simulator.log
    .entries()
    .filter((e) => e.kind === 'api' && e.collection === 'bookings' && e.id === null);
  return {
    learning: lists.filter((e) => readsReach(e.query.$select)),
    idsOnly: lists.filter((e) => e.query.$select?.split(',')[0] === '_id' && !readsReach(e.query.$select)),
    changes: lists.filter((e) => e.query['modifiedAt.$gte'] !== undefined),
    window: lists.filter((e) => e.query['seriesStart.$gte'] !== undefined && e.query['seriesStart.$lte'] !== undefined),
    unbounded: lists.filter((e) => e.query.$select === undefined && e.query['seriesStart.$gte'] === undefined),
  };
}

async function exportRows(stack: SecureStack): Promise<string[]> {
  const answer = await stack.request(WINDOW);
  expect(answer.status).toBe(200);
  return answer.text.split('\n').filter((line) => line !== '');
}

/** Every other collection's size, so that the start-up pass goes straight to bookings. */
function knowAllButBookings(stack: SecureStack): void {
  const collections = testDataset().collections as unknown as Record<string, readonly unknown[]>;
  for (const collection of LIST_COLLECTIONS)
    if (collection !== 'bookings') stack.sizes.set(collection, collections[collection]?.length ?? 0);
}

describe('the series reach learnt at start-up (issues 21, 14)', () => {
  it('the start-up pass walks bookings once, learning their size and the reach; the first dated read reads its window', async () => {
    const stack = createSecureStack();
    await stack.learner.start();
    const learnt = bookingCalls(stack);
    expect(learnt.learning).toHaveLength(bookingPages);
    expect(learnt.idsOnly).toHaveLength(0);
    expect(stack.sizes.get('bookings')).toBe(bookingsCount);
    expect(stack.sizes.seriesReach()?.reach).not.toBeNull();

    // The first dated read: one look for changes, then the window's pages, bounded on both sides.
    stack.simulator.log.reset();
    const rows = await exportRows(stack);
    const read = bookingCalls(stack);
    expect(read.learning).toHaveLength(0);
    expect(read.unbounded).toHaveLength(0);
    expect(read.changes).toHaveLength(1);
    expect(read.window.length).toBeGreaterThan(0);
    expect(read.window.length).toBeLessThan(bookingPages / 2);

    // The same read on a gateway that learnt the reach on demand (its first read) answers the same rows with the
    // same window calls.
    const other = createSecureStack();
    expect(await exportRows(other)).toEqual(rows);
    other.simulator.log.reset();
    await exportRows(other);
    expect(bookingCalls(other).window).toHaveLength(read.window.length);
  });

  it('a dated read before the start-up pass starts its walk of bookings: one walk, and the pass then skips bookings', async () => {
    const stack = createSecureStack();
    await exportRows(stack);
    expect(bookingCalls(stack).learning).toHaveLength(bookingPages);
    expect(stack.sizes.get('bookings')).toBe(bookingsCount);
    stack.simulator.log.reset();
    await stack.learner.start();
    const calls = bookingCalls(stack);
    expect(calls.learning).toHaveLength(0);
    expect(calls.idsOnly).toHaveLength(0);
  });

  it('a dated read during the paced start-up walk of bookings hurries that walk and waits for it: no second walk', async () => {
    // A minute between two pages: only a hurried walk ends within the test.
    const stack = createSecureStack({ learningPauseMs: 60_000 });
    knowAllButBookings(stack);
    const pass = stack.learner.start();
    // The pass has read its first page of bookings and is pausing.
    for (let i = 0; i < 100 && bookingCalls(stack).learning.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(bookingCalls(stack).learning).toHaveLength(1);
    const rows = await exportRows(stack);
    expect(rows.length).toBeGreaterThan(0);
    const calls = bookingCalls(stack);
    expect(calls.learning).toHaveLength(bookingPages);
    expect(calls.idsOnly).toHaveLength(0);
    expect(calls.unbounded).toHaveLength(0);
    await pass;
    expect(stack.sizes.get('bookings')).toBe(bookingsCount);
    stack.learner.stop();
  });

  it('GraphQL during the start-up walk: the dated list waits for the same walk, then reads the window', async () => {
    const stack = createSecureStack({ learningPauseMs: 60_000 });
    knowAllButBookings(stack);
    void stack.learner.start();
    const answer = await stack.query(
      '{ bookings(dates: { from: "2026-11-02", to: "2026-11-08", timeZone: "UTC" }, first: 5) { nodes { id } } }',
    );
    expect(answer.errors).toBeUndefined();
    const calls = bookingCalls(stack);
    expect(calls.learning).toHaveLength(bookingPages);
    expect(calls.unbounded).toHaveLength(0);
    stack.learner.stop();
  });

  it('the start-up pass walks bookings right after the small catalogues, before the other histories', async () => {
    const stack = createSecureStack();
    await stack.learner.start();
    const order: string[] = [];
    for (const e of stack.simulator.log.entries())
      if (e.kind === 'api' && e.collection && !order.includes(e.collection)) order.push(e.collection);
    expect(order.slice(0, 8)).toEqual([
      'offices',
      'floors',
      'resource-types',
      'rates',
      'plans',
      'teams',
      'resources',
      'bookings',
    ]);
    expect(order).toHaveLength(LIST_COLLECTIONS.length);
  });

  it('a read whose time budget ends while it waits for the walk fails then; the walk goes on for the next read', async () => {
    // 40 ms a call: the walk of bookings takes longer than the read's 300 ms.
    const stack = createSecureStack({
      env: { REQUEST_BUDGET_MS: '300', MAX_COST: '300' },
      simulator: { faults: { latencyMs: 40 } },
    });
    knowAllButBookings(stack);
    const answer = await stack.query(
      '{ bookings(dates: { from: "2026-11-02", to: "2026-11-08", timeZone: "UTC" }, first: 5) { nodes { id } } }',
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    expect(bookingCalls(stack).learning.length).toBeLessThan(bookingPages);
    for (let i = 0; i < 400 && stack.sizes.seriesReach() === undefined; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(bookingCalls(stack).learning).toHaveLength(bookingPages);
    stack.simulator.log.reset();
    const again = await stack.query(
      '{ bookings(dates: { from: "2026-11-02", to: "2026-11-03", timeZone: "UTC" }, first: 5) { nodes { id } } }',
    );
    expect(again.errors).toBeUndefined();
    expect(bookingCalls(stack).learning).toHaveLength(0);
    stack.learner.stop();
  });

  it('an OfficeRnD that refuses the reach fields in `$select`: sizes from a walk of ids, the reach from one walk of whole bookings', async () => {
    // §4: a `$select` OfficeRnD does not take may be refused (400); here every one naming modifiedAt is (the split
    // fields the walk of ids also reads, core/sub-windows.ts, are taken).
    const stack = createSecureStack({
      wrapFetch: (inner) => async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname.endsWith('/bookings') && (url.searchParams.get('$select') ?? '').includes('modifiedAt'))
          return new Response(JSON.stringify({ message: '$select: unknown field' }), {
            status: 400,
            headers: { 'content-type': 'application/json' },
          });
        return inner(input, init);
      },
    });
    knowAllButBookings(stack);
    await stack.learner.start();
    expect(stack.sizes.get('bookings')).toBe(bookingsCount);
    expect(stack.sizes.seriesReach()).toBeUndefined();
    expect(bookingCalls(stack).idsOnly).toHaveLength(bookingPages);

    stack.simulator.log.reset();
    const rows = await exportRows(stack);
    const calls = bookingCalls(stack);
    // One walk of whole bookings learnt the reach (no second walk of ids), then the window was read bounded.
    expect(calls.unbounded).toHaveLength(bookingPages);
    expect(calls.idsOnly).toHaveLength(0);
    expect(calls.window.length).toBeGreaterThan(0);
    expect(stack.sizes.seriesReach()?.reach).not.toBeNull();
    const plain = createSecureStack();
    expect(rows).toEqual(await exportRows(plain));
  });

  it('an OfficeRnD that refuses the split fields in `$select` (members createdAt): the size is learnt from a walk of ids', async () => {
    const stack = createSecureStack({
      wrapFetch: (inner) => async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname.endsWith('/members') && (url.searchParams.get('$select') ?? '').includes('createdAt'))
          return new Response(JSON.stringify({ message: '$select: unknown field' }), {
            status: 400,
            headers: { 'content-type': 'application/json' },
          });
        return inner(input, init);
      },
    });
    await stack.learner.learn(['members'], undefined, { whole: true });
    expect(stack.sizes.get('members')).toBe(stack.simulator.dataset.collections.members.length);
    expect(stack.sizes.distribution('members', 'createdAt')).toBeUndefined();
    const walks = stack.simulator.log
      .entries()
      .filter((e) => e.kind === 'api' && e.collection === 'members' && e.query.$select === '_id');
    expect(walks).toHaveLength(Math.ceil(stack.simulator.dataset.collections.members.length / 100));
  });
});
