import { describe, expect, it } from 'vitest';
import { testDataset } from '../helpers.ts';
import { until } from '../wait.ts';
import { createSecureStack } from './stack.ts';

// Issue 14: exports use their API key's lane of the upstream budget, like GraphQL requests. The clock of client and
// simulator stands still, so a lane that is spent stays spent for the whole test: nothing here depends on time.

const KEY_A = 'export-key-aaaaaaaaaaaaaaaa';
const KEY_B = 'export-key-bbbbbbbbbbbbbbbb';
/** 40 calls a minute, two keys: each key's lane may start 20. */
const PER_MINUTE = 40;
const LANE = PER_MINUTE / 2;

describe('exports in their API key lane (issue 14)', () => {
  it("one key's back-to-back exports spend its own lane, not another key's", async () => {
    const now = Date.now();
    const clock = () => now;
    const stack = createSecureStack({
      env: {
        GATEWAY_API_KEYS: `${KEY_A},${KEY_B}`,
        UPSTREAM_MAX_REQUESTS_PER_MINUTE: String(PER_MINUTE),
        REQUEST_BUDGET_MS: '30000',
      },
      simulator: { clock },
      client: { clock, maxRequestsPerMinute: PER_MINUTE, keyShare: 0.5 },
    });
    const asA = { authorization: `Bearer ${KEY_A}` };
    const asB = { authorization: `Bearer ${KEY_B}` };
    const bookingCalls = () => stack.simulator.log.count({ kind: 'api', collection: 'bookings' });
    const bookingPages = Math.ceil(testDataset().collections.bookings.length / 100);
    expect(bookingPages).toBeLessThan(LANE);

    // Key A: a whole bookings export, then another at once; the second stops where A's lane is spent.
    const first = await stack.request('/reports/bookings.ndjson', { headers: asA });
    expect(first.status).toBe(200);
    expect(bookingCalls()).toBe(bookingPages);
    const stopSecond = new AbortController();
    const second = stack.request('/reports/bookings.ndjson', { headers: asA, signal: stopSecond.signal });
    second.catch(() => undefined);
    await until('key A to spend its lane', () => bookingCalls() >= LANE);

    // Key B's export and query are served from B's lane.
    const offices = await stack.request('/reports/offices.json', { headers: asB });
    expect(offices.status).toBe(200);
    expect(JSON.parse(offices.text).rows ?? JSON.parse(offices.text)).toBeTruthy();
    expect(stack.simulator.log.count({ kind: 'api', collection: 'offices' })).toBe(1);
    const fromB = await stack.query('{ teams(first: 5) { nodes { name } } }', undefined, asB);
    expect(fromB.errors).toBeUndefined();

    // Key A's own small query finds A's lane spent by its exports: refused at once, with when to come back.
    const fromA = await stack.query('{ plans(first: 5) { nodes { name } } }', undefined, asA);
    expect(fromA.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(fromA.errors?.[0]?.message).toMatch(/this API key has used its share/);
    expect(fromA.errors?.[0]?.extensions?.retryAfter).toEqual(expect.any(Number));
    // A's exports never went past its lane.
    expect(bookingCalls()).toBe(LANE);
    expect(stack.simulator.log.count({ kind: 'api', collection: 'plans' })).toBe(0);
    stopSecond.abort();
  });
});
