import { describe, expect, it } from 'vitest';
import { createSimulator, type FaultOptions, type Simulator } from '../../src/simulator/index.ts';
import { apiCaller, DEMO_FORM, FORM, manualClock, requestToken, smallDataset, token } from './support.ts';

const simulator = (faults: FaultOptions = {}, clock = manualClock()): Simulator =>
  createSimulator({ dataset: smallDataset(), faults, clock: clock.now });

async function statuses(sim: Simulator, n: number): Promise<number[]> {
  const api = apiCaller(sim);
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) out.push((await api('/offices')).status);
  return out;
}

describe('fault injection', () => {
  it('adds latency that shows in the logged duration', async () => {
    const sim = simulator({ latencyMs: 40, jitterMs: 10 });
    await apiCaller(sim)('/offices');
    const [tokenEntry, apiEntry] = sim.log.entries();
    expect(tokenEntry?.durationMs).toBeGreaterThanOrEqual(40);
    expect(apiEntry?.durationMs).toBeGreaterThanOrEqual(40);
  });

  it('answers a seeded, reproducible share of API requests with the configured error statuses', async () => {
    const faults = { errorRate: 0.5, errorStatuses: [502, 503], seed: 11 };
    const first = await statuses(simulator(faults), 40);
    const second = await statuses(simulator(faults), 40);
    expect(first).toEqual(second);
    expect(new Set(first)).toEqual(new Set([200, 502, 503]));
    const errors = first.filter((s) => s !== 200).length;
    expect(errors).toBeGreaterThan(8);
    expect(errors).toBeLessThan(32);
    const other = await statuses(simulator({ ...faults, seed: 12 }), 40);
    expect(other).not.toEqual(first);
  });

  it('never applies the error rate to the token endpoint', async () => {
    const sim = simulator({ errorRate: 1 });
    expect((await requestToken(sim)).status).toBe(200);
    const api = apiCaller(sim);
    const failed = await api('/offices');
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await failed.json()).toEqual({ message: expect.any(String) });
  });

  it('answers 429 with Retry-After beyond the API rate limit, with x-ratelimit headers, until the window resets', async () => {
    const clock = manualClock();
    const sim = simulator({ rateLimit: { requests: 3, windowMs: 60_000 } }, clock);
    const api = apiCaller(sim);
    const responses = [];
    for (let i = 0; i < 4; i += 1) responses.push(await api('/offices'));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(responses.map((r) => r.headers.get('x-ratelimit-remaining-read-minute'))).toEqual(['2', '1', '0', '0']);
    expect(responses[0]?.headers.get('x-ratelimit-limit-read-minute')).toBe('3');
    expect(responses[0]?.headers.get('x-ratelimit-reset-read-minute')).toBe('60');
    expect(responses[3]?.headers.get('retry-after')).toBe('60');
    expect(await responses[3]?.json()).toEqual({ message: 'Too Many Requests' });
    clock.advance(45_000);
    const later = await api('/offices');
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe('15');
    clock.advance(15_000);
    expect((await api('/offices')).status).toBe(200);
    // The token endpoint has its own limit and never counted against the API budget.
    expect(sim.log.count({ kind: 'token' })).toBe(1);
  });

  it('uses a configured Retry-After', async () => {
    const sim = simulator({ rateLimit: { requests: 0, windowMs: 1_000, retryAfterSeconds: 7 } });
    const limited = await apiCaller(sim)('/offices');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
  });

  it('limits the token endpoint to 5 requests a minute by default (§1)', async () => {
    const clock = manualClock();
    const sim = simulator({}, clock);
    const codes = [];
    for (let i = 0; i < 6; i += 1) codes.push((await requestToken(sim)).status);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    clock.advance(30_000);
    const limited = await requestToken(sim);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    clock.advance(30_000);
    expect((await requestToken(sim)).status).toBe(200);
    expect(sim.tokensIssued).toBe(6);
    const unlimited = simulator({ tokenRateLimitPerMinute: Infinity });
    for (let i = 0; i < 8; i += 1) expect((await requestToken(unlimited)).status).toBe(200);
  });

  it('drops connections: the in-process fetch rejects like a network failure', async () => {
    const sim = simulator();
    const api = apiCaller(sim);
    expect((await api('/offices')).status).toBe(200);
    sim.setFaults({ dropRate: 1 });
    await expect(api('/offices')).rejects.toThrow(new TypeError('fetch failed'));
    await expect(requestToken(sim)).rejects.toBeInstanceOf(TypeError);
    expect(sim.log.count({ status: 0 })).toBe(2);
  });

  it('drops connections over HTTP without a response', async () => {
    const sim = simulator({ dropRate: 1 });
    const server = await sim.listen();
    try {
      await expect(fetch(server.tokenUrl, { method: 'POST', headers: FORM, body: DEMO_FORM })).rejects.toThrow(
        'fetch failed',
      );
      expect(sim.log.entries()).toMatchObject([{ kind: 'token', status: 0 }]);
    } finally {
      await server.close();
    }
  });

  it('rejects an in-process fetch when its signal aborts during injected latency', async () => {
    const sim = simulator({ latencyMs: 200 });
    const controller = new AbortController();
    const aborted = sim.fetch(sim.tokenUrl, {
      method: 'POST',
      headers: FORM,
      body: DEMO_FORM,
      signal: controller.signal,
    });
    controller.abort(new Error('gave up'));
    await expect(aborted).rejects.toThrow('gave up');
  });

  it('refuses nonsensical fault settings', () => {
    expect(() => simulator({ errorRate: 2 })).toThrow(RangeError);
    expect(() => simulator().setFaults({ dropRate: -1 })).toThrow(RangeError);
  });
});

describe('request log', () => {
  it('records one entry per request with route, id, query and status, never secrets', async () => {
    const sim = simulator();
    const accessToken = await token(sim);
    const headers = { authorization: `Bearer ${accessToken}` };
    const org = `${sim.apiUrl}/organizations/demo`;
    const member = sim.dataset.collections.members[0]?._id;
    await sim.fetch(`${org}/members?$limit=5&name.$swi=a`, { headers });
    await sim.fetch(`${org}/members/${member}`, { headers });
    await sim.fetch(`${org}/bookings/occurrences?start=2026-01-01&end=2026-02-01&$limit=5`, { headers });
    await sim.fetch(`${org}/members`);
    await sim.fetch(`${org}/nothing-here`, { headers });

    const entries = sim.log.entries();
    expect(entries).toHaveLength(6);
    expect(entries[0]).toMatchObject({
      kind: 'token',
      method: 'POST',
      path: '/oauth/token',
      collection: null,
      query: {},
      status: 200,
    });
    expect(entries[1]).toMatchObject({
      kind: 'api',
      method: 'GET',
      path: '/api/v1/organizations/demo/members',
      collection: 'members',
      id: null,
      query: { $limit: '5', 'name.$swi': 'a' },
      status: 200,
      at: expect.any(Number),
      durationMs: expect.any(Number),
    });
    expect(entries[2]).toMatchObject({ collection: 'members', id: member, status: 200 });
    expect(entries[3]).toMatchObject({ collection: 'bookings/occurrences', status: 200 });
    expect(entries[4]).toMatchObject({ collection: 'members', status: 401 });
    expect(entries[5]).toMatchObject({ collection: null, status: 404 });
    const text = JSON.stringify(entries);
    expect(text).not.toContain('demo-secret');
    expect(text).not.toContain(accessToken);

    expect(sim.log.count()).toBe(6);
    expect(sim.log.count({ kind: 'api' })).toBe(5);
    expect(sim.log.count({ collection: 'members' })).toBe(3);
    expect(sim.log.count({ collection: 'members', id: true })).toBe(1);
    expect(sim.log.count({ collection: 'members', id: false, status: 200 })).toBe(1);
    expect(sim.log.count({ method: 'post' })).toBe(1);
    sim.log.reset();
    expect(sim.log.entries()).toEqual([]);
    expect(sim.log.count()).toBe(0);
  });

  it('keeps only the newest entries beyond its limit and feeds onRequest', async () => {
    const seen: string[] = [];
    const sim = createSimulator({ dataset: smallDataset(), requestLogLimit: 3, onRequest: (e) => seen.push(e.path) });
    for (const path of ['/a', '/b', '/c', '/d', '/e']) await sim.fetch(`${sim.origin}${path}`);
    expect(sim.log.entries().map((e) => e.path)).toEqual(['/c', '/d', '/e']);
    expect(sim.log.count()).toBe(3);
    expect(seen).toEqual(['/a', '/b', '/c', '/d', '/e']);
  });
});
