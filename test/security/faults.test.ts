import { describe, expect, it } from 'vitest';
import type { FaultOptions, RequestLogEntry, Simulator } from '../../src/simulator/index.ts';
import { onFakeTime } from '../fake-time.ts';
import { failWhen, upstreamError, urlOf } from './faulty-fetch.ts';
import { createSecureStack } from './stack.ts';

// The fault suite: paging through 2,000 bookings with their links while OfficeRnD fails the way SaaS APIs do —
// 10 % 5xx, dropped connections, 429 bursts with Retry-After, latency spikes past the call timeout, and every
// token revoked mid-query — returns every row exactly once and no error, and never exceeds the client's request
// budget (300 a minute, the default), read from the simulator's own log.
//
// Time: the paging runs on fake timers (test/fake-time.ts). The client, the simulator and every wait (rate slots,
// Retry-After, backoff, latency, call timeouts) read that one clock, so fifteen minutes of rate budget pass in
// seconds, and a call goes at its slot to the ms whatever the machine's load: the budget is checked on what the
// client sent, with no slack.

const MINUTE = 60_000;
const BUDGET_PER_MINUTE = 300;
const BASE: FaultOptions = {
  errorRate: 0.1,
  errorStatuses: [500, 502, 503, 504],
  dropRate: 0.02,
  latencyMs: 1,
  jitterMs: 3,
  // The documented ≈400 reads a minute (§5), with its x-ratelimit-* headers on every answer.
  rateLimit: { requests: 400, windowMs: MINUTE },
};

/** What OfficeRnD does around the n-th API request: bursts of 429s, a latency spike, revoked tokens. */
function phaseAt(n: number): { name: string; faults: FaultOptions } {
  if ((n >= 300 && n < 316) || (n >= 1500 && n < 1516)) {
    // Everything over the limit: 429 with Retry-After: 1 (a second of real time).
    return {
      name: '429 burst',
      faults: { ...BASE, errorRate: 0, rateLimit: { requests: 0, windowMs: MINUTE, retryAfterSeconds: 1 } },
    };
  }
  if (n >= 800 && n < 820) return { name: 'latency spike', faults: { ...BASE, latencyMs: 400 } };
  return { name: 'normal', faults: BASE };
}

/** Most requests in any sliding minute of the shared clock. */
function busiestMinute(entries: RequestLogEntry[]): number {
  const times = entries
    .filter((e) => e.kind === 'api')
    .map((e) => e.at)
    .sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= MINUTE) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

const PAGE = `query Page($after: String) {
  bookings(first: 500, after: $after) {
    nodes { id member { id name } resource { id name office { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface BookingRow {
  id: string;
  member: { id: string; name: string } | null;
  resource: { id: string; name: string; office: { name: string } | null } | null;
}

describe('under upstream faults', () => {
  it('pages through 2,000 bookings with links: every row exactly once, no error, request budget kept', async () => {
    // Read when called: the fake Date.now while the pages are read (below).
    const clock = (): number => Date.now();
    let simulator: Simulator | undefined;
    let apiRequests = 0;
    let phase = 'normal';
    const onRequest = (entry: RequestLogEntry): void => {
      if (entry.kind !== 'api' || !simulator) return;
      apiRequests += 1;
      // A token that expires mid-query: every issued token stops working at once.
      if (apiRequests === 1100) simulator.expireTokens();
      const next = phaseAt(apiRequests);
      if (next.name !== phase) {
        phase = next.name;
        simulator.setFaults(next.faults);
      }
    };
    // When each API call left the client (after its limiter let it start), on the shared clock: the budget is kept
    // when no sliding minute holds more.
    const sent: number[] = [];
    const stack = createSecureStack({
      wrapFetch: (inner) => (input, init) => {
        if (!urlOf(input).pathname.includes('/oauth')) sent.push(clock());
        return inner(input, init);
      },
      scale: 0.25,
      // Thousands of calls per GraphQL page (by design, below), waiting minutes of the shared clock for the budget:
      // no per-request share of calls, and a deadline (client clock) of an hour.
      env: { MAX_UPSTREAM_CALLS_PER_REQUEST: '1000000', REQUEST_BUDGET_MS: '3600000' },
      // Every link by single GETs (no walks), so that thousands of requests meet the faults below.
      loaderOptions: { probeAfterIds: Number.POSITIVE_INFINITY },
      simulator: { clock, faults: BASE, onRequest, tokenTtlSeconds: 3600 },
      client: {
        clock,
        maxRequestsPerMinute: BUDGET_PER_MINUTE,
        timeoutMs: 200,
        // Default backoff (200 ms base, 10 s cap); two attempts more than the default 6, so that a run of eight
        // failures in a row, not six, is what it takes to lose a read at a 12 % fault rate.
        retry: { attempts: 8, baseDelayMs: 200, maxDelayMs: 10_000 },
      },
    });
    simulator = stack.simulator;
    const expected = stack.simulator.dataset.collections.bookings;
    expect(expected).toHaveLength(2000);
    const members = new Map(stack.simulator.dataset.collections.members.map((m) => [m._id, m]));

    const rows: BookingRow[] = [];
    await onFakeTime(async () => {
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const answer = await stack.query(PAGE, { after });
        expect(answer.errors).toBeUndefined();
        const bookings = answer.data?.bookings as {
          nodes: BookingRow[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
        rows.push(...bookings.nodes);
        if (!bookings.pageInfo.hasNextPage) break;
        after = bookings.pageInfo.endCursor;
      }
    });

    // Every row exactly once, in upstream order, with its links.
    expect(rows.map((r) => r.id)).toEqual(expected.map((b) => b._id));
    rows.forEach((row, i) => {
      const booking = expected[i];
      const member = typeof booking?.member === 'string' ? members.get(booking.member) : undefined;
      expect(row.member?.name ?? null).toBe(member?.name ?? null);
      expect(row.resource?.id ?? null).toBe(booking?.resourceId ?? null);
      if (row.resource) expect(row.resource.office?.name).toEqual(expect.any(String));
    });

    // The faults happened ...
    const log = stack.simulator.log;
    expect(log.count({ kind: 'api', status: 429 })).toBeGreaterThanOrEqual(10);
    expect(log.count({ kind: 'api', status: 0 })).toBeGreaterThan(10);
    expect(
      log.count({ kind: 'api', status: 500 }) +
        log.count({ kind: 'api', status: 502 }) +
        log.count({ kind: 'api', status: 503 }),
    ).toBeGreaterThan(100);
    expect(log.count({ kind: 'api', status: 401 })).toBeGreaterThanOrEqual(1);
    expect(log.entries().filter((e) => e.durationMs >= 400).length).toBeGreaterThan(0);
    expect(stack.simulator.tokensIssued).toBeGreaterThanOrEqual(2);
    expect(stack.officernd.stats.retries).toBeGreaterThan(100);
    // ... and the client kept to its request budget: no sliding minute of what it sent holds more (every call the
    // simulator saw was among them).
    expect(sent.length).toBeGreaterThanOrEqual(log.count({ kind: 'api' }));
    expect(busiestMinute(sent.map((at) => ({ kind: 'api', at }) as RequestLogEntry))).toBeLessThanOrEqual(
      BUDGET_PER_MINUTE,
    );
    // The token endpoint was asked at most 5 times a minute (§1).
    const tokenTimes = log.entries().filter((e) => e.kind === 'token');
    expect(busiestMinute(tokenTimes.map((e) => ({ ...e, kind: 'api' as const })))).toBeLessThanOrEqual(5);
  });
});

describe('a faulty upstream', () => {
  it('repeating a page cursor ends the list with UPSTREAM_INVALID_DATA, never a page read twice', async () => {
    let firstCursor: string | null = null;
    const stack = createSecureStack({
      // OfficeRnD's paging goes wrong after the first page: every later page points back at the second.
      wrapFetch: (inner) => async (input, init) => {
        const response = await inner(input, init);
        const next = response.headers.get('rnd-cursor-next');
        if (next === null || !urlOf(input).pathname.endsWith('/payments')) return response;
        firstCursor ??= next;
        const headers = new Headers(response.headers);
        headers.set('rnd-cursor-next', firstCursor);
        return new Response(await response.text(), { status: response.status, headers });
      },
    });
    // v1 has no GET /payments/{id}: a lookup walks the collection (pages()), here beyond its second page.
    const last = stack.simulator.dataset.collections.payments.at(-1)?._id;
    const answer = await stack.query(`{ payment(id: "${last}") { id } }`);
    expect(answer.data?.payment).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_INVALID_DATA');
    expect(answer.errors?.[0]?.message).toMatch(
      /^\[GET\] "\/organizations\/demo\/payments": 200 OK with a page cursor OfficeRnD had already returned/,
    );
    // The first page, then the second (its cursor); the second again is refused before it is asked for.
    expect(stack.simulator.log.count({ kind: 'api', collection: 'payments' })).toBe(2);
  });

  it.each([
    ['answering 503', () => upstreamError(503)],
    ['dropping the connection', () => Promise.reject(new TypeError('fetch failed'))],
  ])(
    'a token endpoint %s is UPSTREAM_AUTH_UNAVAILABLE, retried; a refused secret is UPSTREAM_AUTH_FAILED, not retried',
    async (_what, fail) => {
      let tokenCalls = 0;
      const down = createSecureStack({
        wrapFetch: (inner) => failWhen(inner, (url) => url.pathname.endsWith('/oauth/token') && ++tokenCalls > 0, fail),
        client: { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } },
      });
      const unavailable = await down.query('{ offices { nodes { id } } }');
      expect(unavailable.errors?.[0]?.extensions?.code).toBe('UPSTREAM_AUTH_UNAVAILABLE');
      expect(unavailable.errors?.[0]?.message).toMatch(/^\[POST\] "\/oauth\/token"/);
      expect(tokenCalls).toBe(3);
      expect(down.apiCalls()).toBe(0);

      const refused = createSecureStack({
        client: { clientSecret: 'not-the-secret', retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } },
      });
      const failed = await refused.query('{ offices { nodes { id } } }');
      expect(failed.errors?.[0]?.extensions?.code).toBe('UPSTREAM_AUTH_FAILED');
      expect(refused.simulator.log.count({ kind: 'token' })).toBe(1);
      expect(failed.text).not.toContain('not-the-secret');
    },
  );
});
