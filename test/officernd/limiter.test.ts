import { describe, expect, it, vi } from 'vitest';
import { createSimulator, generateDataset } from '../../src/simulator/index.ts';
import { BudgetWaitError, createLimiter } from '../../src/officernd/limiter.ts';
import { demoClient } from '../demo-client.ts';

const NOW = new Date('2025-06-15T00:00:00.000Z');
const dataset = generateDataset({ seed: 3, scale: 0.1, now: NOW, org: 'demo' });

const clientFor = demoClient;

const isApi = (input: RequestInfo | URL): boolean =>
  String(input instanceof Request ? input.url : input).includes('/organizations/');

describe('limiter', () => {
  it('never has more than maxConcurrency API calls in flight', async () => {
    const sim = createSimulator({ dataset, faults: { latencyMs: 20 } });
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (input, init) => {
      if (!isApi(input)) return sim.fetch(input, init);
      peak = Math.max(peak, ++inFlight);
      try {
        return await sim.fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const client = clientFor(sim, { fetch: counting, maxConcurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, () => client.listPage('offices')));
    expect(sim.log.count({ kind: 'api', status: 200 })).toBe(12);
    expect(peak).toBe(3);
  });

  it('keeps to maxRequestsPerMinute: later calls wait for the window (injected clock)', async () => {
    const sim = createSimulator({ dataset });
    let now = NOW.getTime();
    const client = clientFor(sim, { maxRequestsPerMinute: 4, clock: () => now });
    let done = 0;
    const all = Promise.all(Array.from({ length: 6 }, () => client.listPage('floors').then(() => done++)));
    await vi.waitFor(() => expect(done).toBe(4));
    await new Promise((r) => setTimeout(r, 300));
    // The clock has not moved: the other two are still waiting for the window.
    expect(sim.log.count({ kind: 'api' })).toBe(4);
    now += 60_000;
    await all;
    expect(sim.log.count({ kind: 'api' })).toBe(6);
  });

  it('counts a call held by a 429 from when it goes, not from the slot it had reserved (injected clock)', async () => {
    let now = NOW.getTime();
    const limiter = createLimiter({ maxConcurrency: 4, maxRequestsPerMinute: 4, clock: () => now });
    const starts: number[] = [];
    const call = (): Promise<void> => limiter.run(async () => void starts.push(now));
    await Promise.all(Array.from({ length: 4 }, call));
    // Four more reserve the next minute's slots; then a 429 holds everything until 90 s.
    const held = Promise.all(Array.from({ length: 4 }, call));
    await new Promise((resolve) => setTimeout(resolve, 10));
    limiter.hold(NOW.getTime() + 90_000);
    now += 60_000;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(starts).toHaveLength(4);
    now += 30_000;
    await held;
    expect(starts).toHaveLength(8);
    // They went at 90 s: the next four may go a minute after that, at 150 s, not at 120 s.
    const later = Promise.all(Array.from({ length: 4 }, call));
    now += 30_000;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(starts).toHaveLength(8);
    now += 30_000;
    await later;
    expect(starts.map((at) => (at - NOW.getTime()) / 1000)).toEqual([0, 0, 0, 0, 90, 90, 90, 90, 150, 150, 150, 150]);
  });

  it('gives back the rate slot of a call whose caller left before it was sent (injected clock)', async () => {
    let now = NOW.getTime();
    const limiter = createLimiter({ maxConcurrency: 8, maxRequestsPerMinute: 4, clock: () => now });
    const starts: number[] = [];
    const call = (signal?: AbortSignal): Promise<void> => limiter.run(async () => void starts.push(now), signal);
    await Promise.all(Array.from({ length: 4 }, () => call()));
    // Four more wait for the next minute's slots; their callers leave.
    const leaving = new AbortController();
    const left = Promise.allSettled(Array.from({ length: 4 }, () => call(leaving.signal)));
    await new Promise((resolve) => setTimeout(resolve, 10));
    leaving.abort();
    expect((await left).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    // The next four have those slots, a minute after the first four, not two.
    const next = Promise.all(Array.from({ length: 4 }, () => call()));
    now += 60_000;
    await vi.waitFor(() => expect(starts).toHaveLength(8), { timeout: 2_000 });
    await next;
    expect(starts.map((at) => (at - NOW.getTime()) / 1000)).toEqual([0, 0, 0, 0, 60, 60, 60, 60]);
  });

  it('slows down when x-ratelimit-remaining-read-minute runs low, so no 429 is seen', async () => {
    const sim = createSimulator({ dataset, faults: { rateLimit: { requests: 4, windowMs: 300 } } });
    const client = clientFor(sim, { maxConcurrency: 2 });
    for (let i = 0; i < 8; i++) await client.listPage('offices');
    expect(sim.log.count({ kind: 'api', status: 200 })).toBe(8);
    expect(sim.log.count({ kind: 'api', status: 429 })).toBe(0);
  });
});

describe('limiter lanes (one per API key)', () => {
  const gate = () => {
    let open: () => void = () => {};
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    return { opened, open };
  };

  it('gives a free slot to the lane that has waited longest for a turn, not to the longest queue', async () => {
    const limiter = createLimiter({ maxConcurrency: 1, maxRequestsPerMinute: 1_000, clock: Date.now });
    const order: string[] = [];
    const first = gate();
    const running = limiter.run(
      async () => {
        order.push('a0');
        await first.opened;
      },
      undefined,
      { key: 'a' },
    );
    // Lane a queues five more, then lane b one: b is served next, before a's queue.
    const queued = [
      ...Array.from({ length: 5 }, (_, i) =>
        limiter.run(async () => void order.push(`a${i + 1}`), undefined, { key: 'a' }),
      ),
      limiter.run(async () => void order.push('b0'), undefined, { key: 'b' }),
    ];
    first.open();
    await Promise.all([running, ...queued]);
    expect(order).toEqual(['a0', 'a1', 'b0', 'a2', 'a3', 'a4', 'a5']);
  });

  it('estimates the wait for a concurrency slot from the calls queued and how long calls hold a slot', async () => {
    let now = NOW.getTime();
    const limiter = createLimiter({ maxConcurrency: 2, maxRequestsPerMinute: 1_000, clock: () => now });
    expect(limiter.slotDelay(2)).toBe(0);
    const gates = Array.from({ length: 5 }, gate);
    const calls = gates.map((g) => limiter.run(() => g.opened));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Two in flight for 250 ms, three queued, none answered yet: the longest a call has run stands for a call's length.
    now += 250;
    expect(limiter.slotDelay(0)).toBe(2 * 250);
    expect(limiter.slotDelay(1)).toBe(2 * 250);
    expect(limiter.slotDelay(2)).toBe(3 * 250);
    // The first answered after 400 ms: the mean says so; the queue is one shorter.
    now += 150;
    gates[0]!.open();
    await calls[0];
    expect(limiter.slotDelay(0)).toBe(400);
    expect(limiter.slotDelay(-2)).toBe(0);
    for (const g of gates) g.open();
    await Promise.all(calls);
    expect(limiter.slotDelay(2)).toBe(0);
  });

  it("estimates a lane's wait for a slot by its turn: one call of each other waiting lane a round", async () => {
    let now = NOW.getTime();
    const limiter = createLimiter({ maxConcurrency: 1, maxRequestsPerMinute: 1_000, clock: () => now });
    // One call answered after 200 ms: a call holds the slot that long.
    const learned = gate();
    const learning = limiter.run(() => learned.opened);
    await new Promise((resolve) => setTimeout(resolve, 0));
    now += 200;
    learned.open();
    await learning;
    // Lane a: one in flight and six queued; lane b: one queued, after a's in the turn order.
    const gates = Array.from({ length: 8 }, gate);
    const calls = gates.map((g, i) => limiter.run(() => g.opened, undefined, { key: i < 7 ? 'a' : 'b' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Every lane together: the 1 in flight and the 7 queued go before a new call, 8 rounds.
    expect(limiter.slotDelay(1)).toBe(8 * 200);
    // A new lane c joins the turn last: a round for the call in flight, one for a's next and one for b's; its second
    // call comes after its first and a's second.
    expect(limiter.slotDelay(1, 'c')).toBe(3 * 200);
    expect(limiter.slotDelay(2, 'c')).toBe(5 * 200);
    // Lane b's next call after its queued one, its 2nd turn: behind the call in flight, a's first, b's own and a's
    // second (a is before b in the turn).
    expect(limiter.slotDelay(1, 'b')).toBe(4 * 200);
    // Lane a's next call is behind its own six and b's one: the same as every lane together.
    expect(limiter.slotDelay(1, 'a')).toBe(8 * 200);
    // Its own calls leaving the queue (a negative count) are not ahead of it: a alone with nothing more waits for none.
    expect(limiter.slotDelay(-6, 'a')).toBe(0);
    // The order the estimate assumes is the order the limiter serves: the c call goes third (after a's, then b's).
    const order: string[] = [];
    const third = limiter.run(async () => void order.push('c'), undefined, { key: 'c' });
    for (const [i, g] of gates.entries()) {
      void calls[i]!.then(() => order.push(i < 7 ? 'a' : 'b'));
      g.open();
    }
    await Promise.all([...calls, third]);
    expect(order.slice(0, 4)).toEqual(['a', 'a', 'b', 'c']);
  });

  it("keeps a lane to its share of the minute and refuses a start after the lane's deadline", async () => {
    let now = NOW.getTime();
    const limiter = createLimiter({ maxConcurrency: 8, maxRequestsPerMinute: 10, clock: () => now, laneShare: 0.5 });
    const deadline = now + 30_000;
    for (let i = 0; i < 5; i++) await limiter.run(async () => {}, undefined, { key: 'a', deadline });
    // Lane a has started its 5 of 10: the 6th would start a minute later, after its deadline.
    const refused = await limiter.run(async () => {}, undefined, { key: 'a', deadline }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BudgetWaitError);
    expect(refused).toMatchObject({ scope: 'lane', retryAfterMs: 60_000 });
    // Lane b still has its half, at once.
    for (let i = 0; i < 5; i++) await limiter.run(async () => {}, undefined, { key: 'b', deadline });
    now += 60_000;
    await limiter.run(async () => {}, undefined, { key: 'a', deadline: now + 1 });
  });
});
