import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOfficeRnDClient, OfficeRnDError } from '../../src/officernd/index.ts';
import type { OfficeRnDClient } from '../../src/officernd/index.ts';
import { createSimulator, generateDataset } from '../../src/simulator/index.ts';
import type { Simulator } from '../../src/simulator/index.ts';

const NOW = new Date('2025-06-15T00:00:00.000Z');
const dataset = generateDataset({ seed: 9, scale: 0.15, now: NOW, org: 'demo' });

const clientAt = (urls: { apiUrl: string; tokenUrl: string }, fetchImpl?: typeof fetch): OfficeRnDClient =>
  createOfficeRnDClient({
    ...urls,
    org: 'demo',
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    scope: 'officernd.api.read',
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });

/** The same scenario, run against an in-process and a listening simulator. */
async function scenario(sim: Simulator, client: OfficeRnDClient) {
  const concurrent = await Promise.all(Array.from({ length: 50 }, () => client.listPage('offices')));
  const tokensAfterBurst = sim.log.count({ kind: 'token' });
  const members = await client.list('members', undefined, { max: 250 });
  sim.expireTokens();
  const member = await client.getById('members', members.items[10]?._id as string);
  const missing = await client.getById('members', '0123456789abcdef01234567');
  const error = await client
    .listPage('members', undefined, { cursor: 'bm90LWEtY3Vyc29y' })
    .catch((e: unknown) => (e instanceof OfficeRnDError ? { code: e.code, status: e.status, message: e.message } : e));
  return {
    offices: concurrent.map((p) => p.items.length),
    tokensAfterBurst,
    members: members.items.map((m) => m._id),
    complete: members.complete,
    member,
    missing,
    error,
    tokens: sim.log.count({ kind: 'token' }),
    api: sim.log.count({ kind: 'api' }),
    unauthorized: sim.log.count({ kind: 'api', status: 401 }),
  };
}

describe('client over a loopback port', () => {
  const local = createSimulator({ dataset });
  const remote = createSimulator({ dataset });
  let server: Awaited<ReturnType<Simulator['listen']>>;

  beforeAll(async () => {
    server = await remote.listen(0);
  });
  afterAll(async () => {
    await server.close();
  });

  it('behaves exactly as in-process', async () => {
    expect(server.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    const inProcess = await scenario(local, clientAt(local, local.fetch));
    // No fetch injected: token and API calls alike go through ofetch over undici's fetch and keep-alive Agent
    // (transport.ts), never through the global fetch.
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      fetched.push(String(input));
      return realFetch(input, init);
    });
    const overHttpClient = clientAt(server);
    const overHttp = await scenario(remote, overHttpClient).finally(() => fetchSpy.mockRestore());
    expect(fetched).toEqual([]);
    await overHttpClient.close();
    expect(overHttp).toEqual(inProcess);
    expect(overHttp).toMatchObject({
      tokensAfterBurst: 1,
      complete: false,
      missing: null,
      tokens: 2,
      unauthorized: 1,
      error: { code: 'UPSTREAM_BAD_REQUEST', status: 400 },
    });
    expect(overHttp.members).toHaveLength(250);
    expect(overHttp.member).toEqual(dataset.collections.members[10]);
    expect(overHttp.api).toBe(50 + 3 + 1 + 1 + 1 + 1);
  });

  it('a token endpoint refusing connections is UPSTREAM_AUTH_UNAVAILABLE, retried, and names no secret', async () => {
    const probe = createSimulator({ dataset });
    const closed = await probe.listen(0);
    await closed.close();
    const client = createOfficeRnDClient({
      apiUrl: closed.apiUrl,
      tokenUrl: closed.tokenUrl,
      org: 'demo',
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      scope: 'officernd.api.read',
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const error = await client.listPage('offices').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_AUTH_UNAVAILABLE', method: 'POST', path: '/oauth/token' });
    expect((error as Error).message).toContain('token request failed (network error (ECONNREFUSED))');
    expect(String(error)).not.toContain('demo-secret');
    expect(client.stats.tokenRequests).toBe(2);
  });
});
