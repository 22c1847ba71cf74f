import { describe, expect, it } from 'vitest';
import { LEARNING_LANE } from '../../src/loaders/collection-sizes.ts';
import { until } from '../wait.ts';
import { createSecureStack } from './stack.ts';

// A request's deadline (REQUEST_BUDGET_MS) that comes while its call waits for a concurrency slot
// (UPSTREAM_MAX_CONCURRENCY) held by other requests' slow calls is the gateway's own capacity, not OfficeRnD being
// slow: UPSTREAM_BUDGET_EXCEEDED with `retryAfter`, and the call is never sent. A request whose own call is at
// OfficeRnD when its time runs out is UPSTREAM_TIMEOUT. Once the limiter has seen how long calls take, admission by
// cost refuses at once a query whose calls could not hold a slot before its deadline. One call in flight at a time
// (unless said), the minute's budget lifted (the rate window always has room), 1 s per request; the simulator's
// latency is per collection.

const MEMBERS = '{ members(first: 5) { nodes { id } } }';
const OFFICES = '{ offices(first: 5) { nodes { id } } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A slow collection's call: well past the 1 s deadline, so a slow machine cannot change which calls are where. */
const SLOW_MS = 2500;

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
const latencyOf = (ms: number, signal?: AbortSignal | null): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });

/** A stack whose OfficeRnD answers a collection's calls after `latency[collection]` ms (0 when absent). */
function stack(latency: Record<string, number>, env: Record<string, string> = {}, slots = 1) {
  return createSecureStack({
    env: { REQUEST_BUDGET_MS: '1000', UPSTREAM_MAX_CONCURRENCY: String(slots), ...env },
    client: { maxConcurrency: slots, ...(env.GATEWAY_API_KEYS ? { keyShare: 0.5 } : {}) },
    wrapFetch: (inner) => async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const collection = url.pathname.split('/').at(-1) ?? '';
      // Logged by the simulator when sent; answered after the latency, unless the call is aborted (as fetch does).
      const response = await inner(input, init);
      await latencyOf(latency[collection] ?? 0, init?.signal ?? (input instanceof Request ? input.signal : undefined));
      return response;
    },
  });
}

/** Starts an export (no deadline of its own); resolves once its first call is at OfficeRnD, with its end. */
async function startExport(
  s: ReturnType<typeof stack>,
  path: string,
  stop: AbortSignal,
  headers: Record<string, string> = {},
): Promise<{ done: Promise<unknown> }> {
  const before = s.officernd.stats.requests;
  const done = s.request(path, { signal: stop, headers }).then(
    (answer) => answer.text,
    () => undefined,
  );
  while (s.officernd.stats.requests === before) await sleep(5);
  return { done };
}

/**
 * One slot, 4 s per request; offices calls take 300 ms and, once `hold()` is called, are not answered until `open()`:
 * the call in flight stays there and nothing leaves the queue until the test says so. `queued()` is how many calls
 * wait for the slot, read from the slot estimate (with one slot every waiting call adds a round).
 */
function heldOffices(env: Record<string, string> = {}, client: { keyShare?: number } = {}) {
  let open: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    open = resolve;
  });
  let holding = false;
  const s = createSecureStack({
    env: { REQUEST_BUDGET_MS: '4000', UPSTREAM_MAX_CONCURRENCY: '1', ...env },
    client: { maxConcurrency: 1, ...client },
    wrapFetch: (inner) => async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const response = await inner(input, init);
      if (url.pathname.endsWith('/offices')) {
        if (holding) await held;
        await latencyOf(300, init?.signal);
      }
      return response;
    },
  });
  const queued = (): number => {
    const round = s.officernd.slotDelay(1) - s.officernd.slotDelay(0);
    return round > 0 ? Math.round(s.officernd.slotDelay(0) / round) : 0;
  };
  return {
    s,
    queued,
    hold: () => {
      holding = true;
    },
    open: () => open(),
  };
}

describe('a deadline that comes while a call waits for a concurrency slot', () => {
  it('is UPSTREAM_BUDGET_EXCEEDED with retryAfter, and the waiting call is never sent', async () => {
    const s = stack({ offices: SLOW_MS, floors: SLOW_MS });
    // Two exports: one at OfficeRnD, one queued for the slot; then the query queues behind both. No call has been
    // answered yet: the limiter takes a call to last as long as the one in flight so far, which lets the query in.
    const stop = new AbortController();
    const first = await startExport(s, '/reports/offices.json', stop.signal);
    const second = s.request('/reports/floors.json', { signal: stop.signal }).catch(() => undefined);
    // Queued: a call more than the slot is waiting for it.
    while (s.officernd.slotDelay(0) === 0) await sleep(5);
    const answer = await s.query(MEMBERS);
    stop.abort();
    await Promise.all([first.done, second]);

    const error = answer.errors?.[0];
    expect(error?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(error?.message).toMatch(/REQUEST_BUDGET_MS.*UPSTREAM_MAX_CONCURRENCY.*none of them was sent/);
    // Behind the call in flight and the one queued, each taken to last what the first has lasted by then: more than
    // the query's 1 s.
    expect(error?.extensions?.retryAfter).toBeGreaterThanOrEqual(2);
    expect(s.simulator.log.count({ kind: 'api', collection: 'members' })).toBe(0);
  });

  it("is UPSTREAM_BUDGET_EXCEEDED too when the slot is held by another API key's calls", async () => {
    const keyA = 'deadline-key-aaaaaaaaaaaaaaaa';
    const keyB = 'deadline-key-bbbbbbbbbbbbbbbb';
    const s = stack({ offices: SLOW_MS }, { GATEWAY_API_KEYS: `${keyA},${keyB}` });
    const stop = new AbortController();
    const other = await startExport(s, '/reports/offices.json', stop.signal, { authorization: `Bearer ${keyA}` });
    // Key B's own lane of the minute is untouched: only the call slot is taken.
    const answer = await s.query(MEMBERS, undefined, { authorization: `Bearer ${keyB}` });
    stop.abort();
    await other.done;
    expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(answer.errors?.[0]?.extensions?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(s.simulator.log.count({ kind: 'api', collection: 'members' })).toBe(0);
  });

  it('is UPSTREAM_TIMEOUT when its own call is at OfficeRnD by then, though it waited for the slot first', async () => {
    const s = stack({ offices: SLOW_MS, members: 400 });
    // A members export holds the slot for 400 ms; the query's own call then takes SLOW_MS at OfficeRnD.
    const stop = new AbortController();
    const other = await startExport(s, '/reports/members.json', stop.signal);
    const answer = await s.query(OFFICES);
    stop.abort();
    await other.done;
    expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    expect(answer.errors?.[0]?.extensions?.retryAfter).toBeUndefined();
    expect(s.simulator.log.count({ kind: 'api', collection: 'offices' })).toBe(1);
  });
});

describe('admission by cost, counting the concurrency slots', () => {
  it('refuses at once, before any call of its own, a query whose call could not hold a slot before its deadline', async () => {
    const s = stack({ offices: SLOW_MS });
    // One slow call answered first: the limiter learns how long a call holds a slot.
    await (await startExport(s, '/reports/offices.json', new AbortController().signal)).done;

    const stop = new AbortController();
    let exportDone = false;
    const holding = await startExport(s, '/reports/offices.json', stop.signal);
    void holding.done.then(() => (exportDone = true));
    const answer = await s.query(MEMBERS);
    // Answered while the slot is still held: the query did not wait for its deadline.
    expect(exportDone).toBe(false);
    stop.abort();
    await holding.done;

    expect(answer.status).toBe(429);
    expect(answer.data).toBeUndefined();
    const error = answer.errors?.[0];
    expect(error?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    // Refused before it ran (not the deadline's error, which comes after waiting in the queue).
    expect(error?.message).toMatch(/^Not run: .*UPSTREAM_MAX_CONCURRENCY.*REQUEST_BUDGET_MS/);
    // The slot frees SLOW_MS after that call started (as the limiter estimates it), past the query's 1 s.
    expect(error?.extensions?.retryAfter).toBeGreaterThan(0);
    expect(Number(answer.headers.get('retry-after'))).toBe(error?.extensions?.retryAfter);
    expect(s.simulator.log.count({ kind: 'api', collection: 'members' })).toBe(0);

    // The slot free again: the same query is admitted and served.
    const served = await s.query(MEMBERS);
    expect(served.errors).toBeUndefined();
    expect(s.simulator.log.count({ kind: 'api', collection: 'members' })).toBe(1);
  });

  it('admits a query whose call finds a slot free, however slow the calls holding the others', async () => {
    const s = stack({ offices: SLOW_MS }, {}, 2);
    await (await startExport(s, '/reports/offices.json', new AbortController().signal)).done;
    const stop = new AbortController();
    const holding = await startExport(s, '/reports/offices.json', stop.signal);
    const answer = await s.query(MEMBERS);
    stop.abort();
    await holding.done;
    expect(answer.errors).toBeUndefined();
    expect(s.simulator.log.count({ kind: 'api', collection: 'members' })).toBe(1);
  });

  it('admits a query behind a busy slot that frees in time (calls lately short)', async () => {
    const s = stack({ offices: 300 }, { REQUEST_BUDGET_MS: '5000' });
    // Calls take 300 ms lately: a query behind the one in flight waits about that long.
    await (await startExport(s, '/reports/offices.json', new AbortController().signal)).done;
    const stop = new AbortController();
    const holding = await startExport(s, '/reports/offices.json', stop.signal);
    expect(s.officernd.slotDelay(1)).toBeGreaterThan(0);
    const answer = await s.query(MEMBERS);
    stop.abort();
    await holding.done;
    expect(answer.errors).toBeUndefined();
    expect(s.simulator.log.count({ kind: 'api', collection: 'members' })).toBe(1);
  });
});

describe('admission by cost, counting the concurrency slots in its API key turn', () => {
  it("admits a small query from key B behind key A's deep queue, and refuses the same query from key A", async () => {
    const keyA = 'turn-key-aaaaaaaaaaaaaaaaaaaa';
    const keyB = 'turn-key-bbbbbbbbbbbbbbbbbbbb';
    const asA = { authorization: `Bearer ${keyA}` };
    const asB = { authorization: `Bearer ${keyB}` };
    const { s, queued, hold, open } = heldOffices({ GATEWAY_API_KEYS: `${keyA},${keyB}` }, { keyShare: 0.5 });
    // One call answered first: the limiter learns that a call holds the slot at least 300 ms.
    await (await startExport(s, '/reports/offices.json', new AbortController().signal, asA)).done;

    // Key A: one export call in flight (held) and QUEUED more queued for the slot: 26 rounds of at least 300 ms
    // before a call of its own, past its 4 s. Key B's call is served in its turn: after the call in flight and one of
    // A's, 2 rounds (within 4 s unless a call took 2 s).
    const QUEUED = 25;
    hold();
    const stop = new AbortController();
    const exports = [await startExport(s, '/reports/offices.json', stop.signal, asA)];
    for (let i = 0; i < QUEUED; i++)
      exports.push({ done: s.request('/reports/offices.json', { signal: stop.signal, headers: asA }).catch(() => 0) });
    await until(`${QUEUED} export calls of key A to queue`, () => queued() === QUEUED);

    // Key A's own query is behind all of its queue: refused at once, before any call.
    const fromA = await s.query(MEMBERS, undefined, asA);
    expect(fromA.status).toBe(429);
    expect(fromA.data).toBeUndefined();
    expect(fromA.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(fromA.errors?.[0]?.message).toMatch(/^Not run: .*UPSTREAM_MAX_CONCURRENCY/);
    expect(fromA.errors?.[0]?.extensions?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(Number(fromA.headers.get('retry-after'))).toBe(fromA.errors?.[0]?.extensions?.retryAfter);
    expect(s.simulator.log.count({ kind: 'api', collection: 'members' })).toBe(0);

    // Key B's is admitted: its call joins the queue (counted behind every key's calls it could not start in time,
    // what admission estimated before). Then the held call is answered, and B's is served in its turn.
    expect(queued()).toBe(QUEUED);
    expect(s.officernd.slotDelay(1)).toBeGreaterThan(4000);
    let answered = false;
    const pending = s.query(MEMBERS, undefined, asB).finally(() => (answered = true));
    await until("key B's call to queue (or its answer)", () => queued() === QUEUED + 1 || answered);
    expect(answered).toBe(false);
    open();
    const fromB = await pending;
    const officesSent = s.simulator.log.count({ kind: 'api', collection: 'offices' });
    stop.abort();
    await Promise.all(exports.map((e) => e.done));
    expect(fromB.errors).toBeUndefined();
    expect((fromB.data?.members as { nodes: unknown[] }).nodes).toHaveLength(5);
    expect(s.simulator.log.count({ kind: 'api', collection: 'members' })).toBe(1);
    // Served before A's queue: the learning call, the held one and at most a few more of A's were sent by then.
    expect(officesSent).toBeLessThan(2 + QUEUED);
  });
});

describe('admission by cost without API keys, beside the size learner', () => {
  it("admits a small query behind a deep queue of the size learner's calls: they are another lane's turn", async () => {
    // The call in flight keeps the one slot, and the learner's lane (what a walk of collection sizes uses, outside any
    // request's share) queues 25 calls behind it: 26 rounds would be past the 4 s deadline, 2 are not.
    const { s, queued, hold, open } = heldOffices();
    await s.officernd.listPage('offices');
    const QUEUED = 25;
    hold();
    const stop = new AbortController();
    s.officernd.openShare({ signal: stop.signal, key: LEARNING_LANE });
    const learning = Array.from({ length: QUEUED + 1 }, () =>
      s.officernd.listPage('offices', {}, { signal: stop.signal }).catch(() => undefined),
    );
    await until(`${QUEUED} learning calls to queue`, () => queued() === QUEUED);
    // Behind every call waiting, the query could not start within its 4 s; in its own lane's turn it can.
    expect(s.officernd.slotDelay(1)).toBeGreaterThan(4000);
    expect(s.officernd.slotDelay(1, '')).toBeLessThan(4000);
    let answered = false;
    const pending = s.query(MEMBERS).finally(() => (answered = true));
    await until('the query to queue (or its answer)', () => queued() >= QUEUED + 1 || answered);
    expect(answered).toBe(false);
    open();
    const answer = await pending;
    const officesSent = s.simulator.log.count({ kind: 'api', collection: 'offices' });
    stop.abort();
    await Promise.all(learning);
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.members as { nodes: unknown[] }).nodes).toHaveLength(5);
    // Served in its turn, before the learner's queue: the first call, the held one and at most a few more were sent.
    expect(officesSent).toBeLessThan(2 + QUEUED);
  });
});
