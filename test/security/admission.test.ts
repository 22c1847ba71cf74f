import { describe, expect, it } from 'vitest';
import { createSecureStack } from './stack.ts';

// Admission by cost (issue 14): a query whose calls (its cost) cannot all start before its deadline, behind the
// calls already spent this minute, queued, or still to come from the requests admitted before it, is refused before
// it makes any call, with UPSTREAM_BUDGET_EXCEEDED and `retryAfter`; one that fits is served. Budget: 20 calls a
// minute; REQUEST_BUDGET_MS 10 s, so no slot that frees in the next minute comes before a request's deadline.

const TEN_PAGES = '{ bookings(first: 1000) { nodes { id } } }';
const FIVE_PAGES = '{ bookings(first: 500) { nodes { id } } }';
const ONE_PAGE = '{ offices { nodes { name } } }';
const COST = { 'x-upstream-calls': 'true' };

function stack(latencyMs = 0) {
  return createSecureStack({
    env: { UPSTREAM_MAX_REQUESTS_PER_MINUTE: '20', REQUEST_BUDGET_MS: '10000' },
    client: { maxRequestsPerMinute: 20 },
    ...(latencyMs > 0 ? { simulator: { faults: { latencyMs } } } : {}),
  });
}

describe('admission by cost', () => {
  it('refuses a query costing more than the minute has left, before any call, and serves a cheap one', async () => {
    const s = stack();
    expect((await s.query(TEN_PAGES)).errors).toBeUndefined();
    expect((await s.query(FIVE_PAGES)).errors).toBeUndefined();
    expect(s.apiCalls()).toBe(15);

    const refused = await s.query(TEN_PAGES, undefined, COST);
    expect(refused.status).toBe(429);
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toHaveLength(1);
    const error = refused.errors![0]!;
    expect(error.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(error.extensions?.calls).toBe(10);
    // The first of this minute's slots frees 60 s after it was taken: 50 s after this request's 10 s deadline.
    expect(error.extensions?.retryAfter).toBeGreaterThan(45);
    expect(error.extensions?.retryAfter).toBeLessThanOrEqual(50);
    expect(Number(refused.headers.get('retry-after'))).toBe(error.extensions?.retryAfter);
    expect(error.message).toMatch(/REQUEST_BUDGET_MS/);
    expect(JSON.parse(refused.text).extensions).toEqual({ upstreamCalls: 0 });
    expect(s.apiCalls()).toBe(15);

    const cheap = await s.query(ONE_PAGE);
    expect(cheap.errors).toBeUndefined();
    expect(s.apiCalls()).toBe(16);
  });

  it('counts what requests admitted before it have yet to call: the third of three concurrent ones is refused', async () => {
    const s = stack(20);
    // Three different documents (identical ones would share one execution).
    const answers = await Promise.all(
      ['a', 'b', 'c'].map((alias) => s.query(TEN_PAGES.replace('{ bookings', `{ ${alias}: bookings`))),
    );
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'ok');
    expect(codes).toEqual(['ok', 'ok', 'UPSTREAM_BUDGET_EXCEEDED']);
    expect(answers[2]?.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    // Only the two admitted ones called OfficeRnD.
    expect(s.apiCalls()).toBe(20);
  });

  it('never refuses an answer from the response cache, which makes no call', async () => {
    const s = createSecureStack({
      env: { UPSTREAM_MAX_REQUESTS_PER_MINUTE: '20', REQUEST_BUDGET_MS: '10000', RESPONSE_CACHE: 'true' },
      client: { maxRequestsPerMinute: 20 },
    });
    expect((await s.query(TEN_PAGES)).errors).toBeUndefined();
    expect((await s.query(FIVE_PAGES)).errors).toBeUndefined();
    expect(s.apiCalls()).toBe(15);
    const cached = await s.query(TEN_PAGES);
    expect(cached.errors).toBeUndefined();
    expect(s.apiCalls()).toBe(15);
    // The same cost, not in the cache: refused.
    const uncached = await s.query(TEN_PAGES.replace('{ bookings', '{ again: bookings'));
    expect(uncached.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
  });

  it('refuses a key that has used its share of the minute, not the other key', async () => {
    const keyA = 'admission-key-aaaaaaaaaaaa';
    const keyB = 'admission-key-bbbbbbbbbbbb';
    const s = createSecureStack({
      env: { UPSTREAM_MAX_REQUESTS_PER_MINUTE: '20', REQUEST_BUDGET_MS: '10000', GATEWAY_API_KEYS: `${keyA},${keyB}` },
      // As server.ts builds it: with two keys, each may start half the minute's calls.
      client: { maxRequestsPerMinute: 20, keyShare: 0.5 },
    });
    const asA = { 'x-api-key': keyA };
    const asB = { 'x-api-key': keyB };
    expect((await s.query(TEN_PAGES, undefined, asA)).errors).toBeUndefined();
    const refused = await s.query(ONE_PAGE, undefined, asA);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(refused.errors?.[0]?.message).toMatch(/this API key has used its share/);
    expect(s.apiCalls()).toBe(10);
    expect((await s.query(TEN_PAGES, undefined, asB)).errors).toBeUndefined();
    expect(s.apiCalls()).toBe(20);
  });
});
