import { describe, expect, it } from 'vitest';
import { createSecureStack } from './stack.ts';

// Issue 14, the by-id client's UPSTREAM_TIMEOUT in the fairness run: a request's deadline (REQUEST_BUDGET_MS) that
// runs out while its next call waits behind others' calls for a slot of the OfficeRnD budget is the budget, not
// OfficeRnD being slow: UPSTREAM_BUDGET_EXCEEDED with `retryAfter`. One that runs out while OfficeRnD answers
// slowly stays UPSTREAM_TIMEOUT. One call in flight at a time, 4 a minute, 1 s per request.

const TWO_PAGES = '{ bookings(first: 200) { nodes { id } } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stack(bookingsDelayMs: number) {
  return createSecureStack({
    env: { UPSTREAM_MAX_REQUESTS_PER_MINUTE: '4', REQUEST_BUDGET_MS: '1000', UPSTREAM_MAX_CONCURRENCY: '1' },
    client: { maxRequestsPerMinute: 4, maxConcurrency: 1 },
    wrapFetch: (inner) => async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.endsWith('/bookings')) await sleep(bookingsDelayMs);
      return inner(input, init);
    },
  });
}

describe('a deadline spent waiting for the budget', () => {
  it('is UPSTREAM_BUDGET_EXCEEDED with retryAfter, when the wait was for rate slots taken by others', async () => {
    const s = stack(300);
    // A walk of two pages, admitted while the minute is empty; its first page takes 300 ms.
    const walk = s.query(TWO_PAGES);
    await sleep(50);
    // Meanwhile four exports (no deadline of their own) queue: three take the rest of the minute, the fourth holds
    // the one call slot until the next minute, and the walk's second page waits behind it.
    const stop = new AbortController();
    const exports = Array.from({ length: 4 }, () =>
      s.request('/reports/offices.json', { signal: stop.signal }).catch(() => undefined),
    );
    const answer = await walk;
    stop.abort();
    await Promise.all(exports);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(answer.errors?.[0]?.message).toMatch(/REQUEST_BUDGET_MS.*waited for the OfficeRnD budget/);
    // The next slot is a minute after the first call.
    expect(answer.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(30);
    expect(answer.errors?.[0]?.extensions?.retryAfter).toBeLessThanOrEqual(60);
    expect(s.simulator.log.count({ kind: 'api', collection: 'bookings' })).toBe(1);
  });

  it('stays UPSTREAM_TIMEOUT when OfficeRnD itself is too slow', async () => {
    const s = stack(1500);
    const answer = await s.query(TWO_PAGES);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    expect(answer.errors?.[0]?.extensions?.retryAfter).toBeUndefined();
  });
});
