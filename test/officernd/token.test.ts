import { describe, expect, it } from 'vitest';
import { createTokenCache, OfficeRnDError } from '../../src/officernd/index.ts';
import type { OfficeRnDClientOptions } from '../../src/officernd/index.ts';
import { createTransport } from '../../src/officernd/transport.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';

const NOW = new Date('2025-06-15T00:00:00.000Z');

const clientFor = (sim: Simulator, extra: Partial<OfficeRnDClientOptions> = {}) =>
  demoClient(sim, { retry: { baseDelayMs: 1, maxDelayMs: 20 }, ...extra });

/** A hand-driven clock shared by the simulator and the client. */
const manualClock = (start: number) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
};

describe('token cache (§1)', () => {
  it('50 concurrent calls share exactly one token request', async () => {
    const sim = createSimulator({ scale: 0.1, now: NOW });
    const client = clientFor(sim);
    const pages = await Promise.all(Array.from({ length: 50 }, () => client.listPage('offices')));
    expect(pages.every((p) => p.items.length > 0)).toBe(true);
    expect(sim.log.count({ kind: 'token' })).toBe(1);
    expect(sim.log.count({ kind: 'api', status: 200 })).toBe(50);
    expect(client.stats).toEqual({ requests: 50, tokenRequests: 1, retries: 0 });
  });

  it('after expireTokens a call renews with exactly one more token request', async () => {
    const sim = createSimulator({ scale: 0.1, now: NOW });
    const client = clientFor(sim);
    await client.listPage('floors');
    sim.expireTokens();
    const again = await Promise.all(Array.from({ length: 20 }, () => client.listPage('floors')));
    expect(again).toHaveLength(20);
    expect(sim.log.count({ kind: 'token' })).toBe(2);
    // Every parallel call saw one 401, and all of them shared the one refresh.
    expect(sim.log.count({ kind: 'api', status: 401 })).toBe(20);
    expect(sim.log.count({ kind: 'api', status: 200 })).toBe(21);
  });

  it('renews shortly before expiry, driven by the injected clock', async () => {
    const clock = manualClock(NOW.getTime());
    const sim = createSimulator({ scale: 0.1, now: NOW, tokenTtlSeconds: 300, clock: clock.now });
    const client = clientFor(sim, { clock: clock.now });
    await client.listPage('offices');
    clock.advance(200_000); // 100 s before expiry: the token is still used
    await client.listPage('offices');
    expect(sim.log.count({ kind: 'token' })).toBe(1);
    clock.advance(50_000); // 50 s before expiry: inside the 60 s renewal margin
    await client.listPage('offices');
    await client.listPage('offices');
    expect(sim.log.count({ kind: 'token' })).toBe(2);
    expect(sim.log.count({ kind: 'api', status: 401 })).toBe(0);
  });

  it('a token expiring between pages costs one refresh and one re-sent page', async () => {
    const sim = createSimulator({ scale: 0.1, now: NOW });
    const client = clientFor(sim);
    const ids: string[] = [];
    let pageNo = 0;
    for await (const page of client.pages('members', undefined, { max: 250 })) {
      ids.push(...page.items.map((m) => m._id));
      if (++pageNo === 1) sim.expireTokens();
    }
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(sim.log.count({ kind: 'token' })).toBe(2);
    expect(sim.log.count({ kind: 'api', status: 401 })).toBe(1);
    expect(sim.log.count({ kind: 'api', status: 200 })).toBe(3);
    expect(client.stats.retries).toBe(1);
  });

  it('a token that is refused twice ends in an UPSTREAM_AUTH_FAILED error', async () => {
    const sim = createSimulator({ scale: 0.1, now: NOW });
    // Every token the simulator issues is expired again before the API call uses it.
    const fetchExpiring: typeof fetch = async (input, init) => {
      const response = await sim.fetch(input, init);
      if (String(input instanceof Request ? input.url : input).endsWith('/oauth/token')) sim.expireTokens();
      return response;
    };
    const client = clientFor(sim, { fetch: fetchExpiring });
    const error = await client.listPage('offices').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeRnDError);
    expect(error).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED', status: 401 });
    expect(sim.log.count({ kind: 'token' })).toBe(2);
    expect(sim.log.count({ kind: 'api' })).toBe(2);
  });

  it('bad credentials give UPSTREAM_AUTH_FAILED without the secret, and are not retried', async () => {
    const sim = createSimulator({ scale: 0.1, now: NOW });
    const client = clientFor(sim, { clientSecret: 'wrong-secret-value' });
    const error = await client.listPage('offices').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED', status: 401, method: 'POST', path: '/oauth/token' });
    expect(String(error)).not.toContain('wrong-secret-value');
    expect(JSON.stringify(error)).not.toContain('wrong-secret-value');
    expect(sim.log.count({ kind: 'token' })).toBe(1);
    expect(sim.log.count({ kind: 'api' })).toBe(0);
  });

  it('sends a form-encoded client_credentials request and never more than 5 a minute', async () => {
    const clock = manualClock(NOW.getTime());
    const sim = createSimulator({ scale: 0.1, now: NOW, clock: clock.now });
    const seen: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      seen.push(`${headers.get('content-type')} ${String(init?.body)}`);
      return sim.fetch(input, init);
    };
    const cache = createTokenCache({
      tokenUrl: sim.tokenUrl,
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      scope: 'officernd.api.read',
      send: createTransport({ fetch: recording, maxResponseBytes: 1_000_000 }).send,
      clock: clock.now,
    });
    for (let i = 0; i < 5; i++) cache.invalidate(await cache.get());
    expect(cache.requests).toBe(5);
    expect(seen[0]).toBe(
      'application/x-www-form-urlencoded grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret&scope=officernd.api.read',
    );
    // The sixth request must wait for the minute to roll over: it is not sent yet.
    let sixth: string | null = null;
    const pending = cache.get().then((t) => (sixth = t));
    await new Promise((r) => setTimeout(r, 300));
    expect(sixth).toBeNull();
    expect(cache.requests).toBe(5);
    clock.advance(60_000);
    await pending;
    expect(sixth).toEqual(expect.any(String));
    expect(cache.requests).toBe(6);
    expect(sim.log.count({ kind: 'token', status: 200 })).toBe(6);
    expect(sim.log.count({ kind: 'token', status: 429 })).toBe(0);
  });
});
