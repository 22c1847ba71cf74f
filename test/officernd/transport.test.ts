import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeRnDClient, OfficeRnDError } from '../../src/officernd/index.ts';
import type { OfficeRnDClient, OfficeRnDClientOptions } from '../../src/officernd/index.ts';
import { createSimulator, generateDataset } from '../../src/simulator/index.ts';
import type { FaultOptions, Listening, RequestLogEntry, Simulator } from '../../src/simulator/index.ts';

// The production transport (transport.ts: ofetch over undici's fetch and keep-alive Agent), used whenever no fetch
// is injected: a client of a simulator listening on a loopback port, under the faults OfficeRnD shows
// (simulator/faults.ts).

const NOW = new Date('2025-06-15T00:00:00.000Z');
const SECRET = 'transport-test-secret';
const dataset = generateDataset({ seed: 5, scale: 0.25, now: NOW, org: 'demo' });
const memberId = dataset.collections.members[0]?._id ?? '';

const open: { client: OfficeRnDClient; server: Listening }[] = [];
afterEach(async () => {
  for (const { client, server } of open.splice(0)) {
    await client.close();
    await server.close();
  }
});

/** A listening simulator and a client of it with no fetch injected; `onRequest` sees each logged request. */
async function start(
  extra: Partial<OfficeRnDClientOptions> = {},
  onRequest?: (entry: RequestLogEntry, sim: Simulator) => void,
) {
  let sim: Simulator | undefined;
  sim = createSimulator({
    dataset,
    clients: [{ clientId: 'transport-test', clientSecret: SECRET, scopes: ['officernd.api.read'] }],
    ...(onRequest ? { onRequest: (entry: RequestLogEntry) => sim && onRequest(entry, sim) } : {}),
  });
  const server = await sim.listen(0);
  const client = createOfficeRnDClient({
    apiUrl: server.apiUrl,
    tokenUrl: server.tokenUrl,
    org: 'demo',
    clientId: 'transport-test',
    clientSecret: SECRET,
    scope: 'officernd.api.read',
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });
  open.push({ client, server });
  return { sim, client, server };
}

/** A client that already holds its token, so that faults set next meet API calls only. */
async function warm(extra: Partial<OfficeRnDClientOptions> = {}, faults: FaultOptions = {}) {
  const setup = await start(extra);
  expect((await setup.client.getById('members', memberId))?._id).toBe(memberId);
  setup.sim.setFaults(faults);
  return setup;
}

const apiStatuses = (sim: Simulator): number[] =>
  sim.log
    .entries()
    .filter((e) => e.kind === 'api')
    .map((e) => e.status);

describe('production transport over a loopback port', () => {
  it('a call slower than timeoutMs is UPSTREAM_TIMEOUT, retried, and the client works on afterwards', async () => {
    const { sim, client } = await warm({ timeoutMs: 150 }, { latencyMs: 1_500 });
    // Counted from here: on a busy machine the warm-up call itself may need a retry within its 150 ms.
    const before = client.stats.requests;
    const error = await client.getById('members', memberId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeRnDError);
    expect(error).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      method: 'GET',
      path: `/organizations/demo/members/${memberId}`,
    });
    expect(client.stats.requests - before).toBe(3);
    sim.setFaults({});
    expect((await client.getById('members', memberId))?._id).toBe(memberId);
  });

  it("a caller's abort mid-call rejects with the caller's reason and frees the call's slot", async () => {
    const { sim, client } = await warm({ maxConcurrency: 1 }, { latencyMs: 2_000 });
    const caller = new AbortController();
    const reason = new Error('caller left');
    const pending = client.listPage('bookings', undefined, { signal: caller.signal });
    setTimeout(() => caller.abort(reason), 30);
    await expect(pending).rejects.toBe(reason);
    expect(client.stats.requests).toBe(2);
    // One concurrent call allowed: the next one is sent at once, on a connection that is not the aborted one.
    sim.setFaults({});
    const page = await client.listPage('bookings');
    expect(page.items.map((b) => b._id)).toEqual(dataset.collections.bookings.slice(0, 100).map((b) => b._id));
  });

  it('dropped connections are UPSTREAM_UNAVAILABLE after every retry, naming no secret', async () => {
    const { sim, client } = await warm({}, { dropRate: 1 });
    const error = await client.listPage('members').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeRnDError);
    expect(error).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      method: 'GET',
      path: '/organizations/demo/members?$limit=100',
    });
    expect((error as Error).message).toContain('network error (UND_ERR_SOCKET: connection closed before the answer)');
    expect(apiStatuses(sim).slice(1)).toEqual([0, 0, 0]);
    const shown = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toMatch(/bearer|authorization/i);
  });

  it('a 5xx is retried and the answer that follows is read', async () => {
    let apiCalls = 0;
    const { sim, client } = await start({}, (entry, s) => {
      if (entry.kind === 'api' && ++apiCalls === 2) s.setFaults({});
    });
    sim.setFaults({ errorRate: 1, errorStatuses: [503] });
    const member = await client.getById('members', memberId);
    expect(member).toEqual(dataset.collections.members[0]);
    expect(apiStatuses(sim)).toEqual([503, 503, 200]);
    expect(client.stats.retries).toBe(2);
  });

  it('a 429 holds the client for its Retry-After, then the call is answered', async () => {
    const retry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2_000 };
    const { sim, client } = await warm(
      { retry },
      { rateLimit: { requests: 0, windowMs: 1_000, retryAfterSeconds: 1 } },
    );
    const pending = client.listPage('offices');
    while (!apiStatuses(sim).includes(429)) await new Promise((resolve) => setTimeout(resolve, 5));
    // OfficeRnD would answer now, but asked for a second: nothing is sent while the hold lasts.
    sim.setFaults({});
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(apiStatuses(sim)).toEqual([200, 429]);
    const page = await pending;
    expect(page.items.map((o) => o._id)).toEqual(dataset.collections.offices.map((o) => o._id));
    expect(apiStatuses(sim)).toEqual([200, 429, 200]);
  });

  it('reads more than 1 MB over a multi-page walk: every item once, cursors from the response headers', async () => {
    const { sim, client } = await start({ maxConcurrency: 2 });
    const expected = dataset.collections.payments;
    const { items, complete } = await client.list('payments', undefined, { max: 5_000 });
    expect(complete).toBe(true);
    expect(items).toEqual(expected);
    expect(JSON.stringify(items).length).toBeGreaterThan(1_000_000);
    // §3: one request per page of 100, each after the first carrying the `$next` cursor of the page before.
    const api = sim.log.entries().filter((e) => e.kind === 'api');
    expect(api).toHaveLength(Math.ceil(expected.length / 100));
    expect(api.slice(1).every((e) => typeof e.query.$next === 'string')).toBe(true);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('asks for compressed bodies, as fetch does, and reads a %s one', async (coding, compress) => {
    const { sim, server } = await start();
    const target = new URL(server.origin);
    const codings: (string | undefined)[] = [];
    // A proxy in front of the simulator that compresses every API answer (the token request goes straight to it).
    const proxy = createServer((req, res) => {
      codings.push(req.headers['accept-encoding']);
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, headers: req.headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const { 'content-length': _length, ...headers } = answer.headers;
            res.writeHead(answer.statusCode ?? 500, { ...headers, 'content-encoding': coding });
            res.end(compress(Buffer.concat(chunks)));
          });
        },
      );
      upstream.end();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxied = createOfficeRnDClient({
      apiUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/v1`,
      tokenUrl: server.tokenUrl,
      org: 'demo',
      clientId: 'transport-test',
      clientSecret: SECRET,
      scope: 'officernd.api.read',
    });
    try {
      const walk = await proxied.list('bookings', undefined, { max: 250 });
      expect(walk.items).toEqual(dataset.collections.bookings.slice(0, 250));
      expect(codings).toEqual(['gzip, deflate, br', 'gzip, deflate, br', 'gzip, deflate, br']);
      expect(sim.log.count({ kind: 'api' })).toBe(3);
    } finally {
      await proxied.close();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
