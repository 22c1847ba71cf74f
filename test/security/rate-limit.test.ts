import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/index.ts';
import { createOpsStack, type OpsStack } from '../ops/stack.ts';

// The per-caller rate limit (MAX_REQUESTS_PER_MINUTE_PER_CALLER) over a real HTTP server: a caller is its API key, or
// its socket's address without one; over the limit it is refused before anything parses its request.

const SPINNER = 'spinning-client-key-0123456789';
const HONEST = 'honest-client-key-0123456789';
const TYPENAME = JSON.stringify({ query: '{ __typename }' });

/** The sum of a metric's samples (over every label set) in a Prometheus text exposition. */
function total(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) sum += Number(match[3]);
  }
  return sum;
}

interface Served {
  stack: OpsStack;
  url: string;
  scrape(): Promise<string>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(env: Record<string, string>): Promise<Served> {
  const stack = createOpsStack({ env, ops: { metrics: createMetrics({ defaultMetrics: false }) }, logLevel: 'info' });
  const server = createServer(stack.gateway);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = env.GATEWAY_API_KEYS?.split(',')[0];
  return {
    stack,
    url,
    // In-process, without a socket: not counted against anyone.
    scrape: async () =>
      (await stack.fetch('/metrics', key ? { headers: { 'x-api-key': key } } : {})).text() as Promise<string>,
  };
}

const post = (url: string, headers: Record<string, string> = {}, body = TYPENAME): Promise<Response> =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

interface ErrorBody {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  error?: Record<string, unknown>;
}

describe('per-caller rate limit (MAX_REQUESTS_PER_MINUTE_PER_CALLER)', () => {
  it('refuses a spinning key with RATE_LIMITED and retryAfter before parsing, while another key is served', async () => {
    const { stack, url, scrape } = await serve({
      GATEWAY_API_KEYS: `${SPINNER},${HONEST}`,
      MAX_REQUESTS_PER_MINUTE_PER_CALLER: '5',
    });
    for (let i = 0; i < 5; i++) expect((await post(url, { 'x-api-key': SPINNER })).status).toBe(200);
    const before = await scrape();
    const parsedBefore = total(before, 'graphql_envelop_phase_parse_count');
    expect(parsedBefore).toBeGreaterThanOrEqual(5);

    // A client that ignores retryAfter: every one of its next requests is refused at once.
    const refusals = [];
    for (let i = 0; i < 40; i++) refusals.push(await post(url, { authorization: `Bearer ${SPINNER}` }));
    for (const response of refusals) {
      expect(response.status).toBe(429);
      const body = (await response.json()) as ErrorBody;
      const error = body.errors?.[0];
      expect(error?.extensions?.code).toBe('RATE_LIMITED');
      const retryAfter = error?.extensions?.retryAfter as number;
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(response.headers.get('retry-after')).toBe(String(retryAfter));
      expect(error?.extensions?.setting).toBe('MAX_REQUESTS_PER_MINUTE_PER_CALLER');
      // The refusal has its request id, in the body and in the header.
      expect(error?.extensions?.requestId).toBe(response.headers.get('x-request-id'));
      expect(error?.message).not.toContain(SPINNER);
    }
    // Exports are counted too, and refused in their own error shape.
    const exported = await fetch(`${url}/reports/members.csv?columns=_id`, { headers: { 'x-api-key': SPINNER } });
    expect(exported.status).toBe(429);
    expect(exported.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await exported.json()) as ErrorBody).error?.code).toBe('RATE_LIMITED');

    // The other key has its own count.
    for (let i = 0; i < 5; i++) {
      const answer = await post(url, { 'x-api-key': HONEST });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    }

    // Refused before parsing: not one of the 41 refusals reached the parser (a count, not a time).
    const after = await scrape();
    expect(total(after, 'graphql_envelop_phase_parse_count')).toBe(parsedBefore + 5);
    expect(total(after, 'officernd_gateway_requests_refused_total', { reason: 'rate_limit' })).toBe(41);
    expect(total(after, 'officernd_gateway_operations_total', { outcome: 'rejected' })).toBe(41);

    // One warning line for the spinning caller in this window, not one per refusal; no operation line for them.
    const logs = stack.logs();
    const refusedLines = logs.filter((line) => line.msg.startsWith('rate limit'));
    expect(refusedLines).toHaveLength(1);
    expect(refusedLines[0]).toMatchObject({ level: 'warn', limit: 5, refused: 1 });
    expect(String(refusedLines[0]?.caller)).toMatch(/^key:[0-9a-f]{16}$/);
    expect(stack.lines.join('\n')).not.toContain(SPINNER);
    expect(logs.filter((line) => line.msg === 'graphql operation')).toHaveLength(10);
  });

  it('counts a caller without a key by its socket address, whatever headers it sends', async () => {
    const { stack, url } = await serve({ MAX_REQUESTS_PER_MINUTE_PER_CALLER: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await post(url, { 'x-forwarded-for': `10.0.0.${i}`, 'x-real-ip': `10.0.1.${i}`, 'x-api-key': `k${i}` }))
          .status,
      );
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    // GET is counted like POST.
    expect((await fetch(`${url}/graphql?query=${encodeURIComponent('{ __typename }')}`)).status).toBe(429);
    const line = stack.logs().find((l) => l.msg.startsWith('rate limit'));
    expect(line?.caller).toBe('address:127.0.0.1');
    // The embedding code's own in-process requests (no socket, no key) are not counted.
    for (let i = 0; i < 5; i++) expect((await stack.post({ query: '{ __typename }' })).status).toBe(200);
  });

  it('believes X-Forwarded-For only from TRUSTED_PROXIES, and counts an IPv6 caller by its /64', async () => {
    const { stack, url } = await serve({ MAX_REQUESTS_PER_MINUTE_PER_CALLER: '2', TRUSTED_PROXIES: '127.0.0.0/8' });
    const from = async (forwarded: string): Promise<number> =>
      (await post(url, { 'x-forwarded-for': forwarded })).status;
    expect(await from('203.0.113.5')).toBe(200);
    // A client's own (forged) entries are left of what the trusted proxy appended: the rightmost untrusted one counts.
    expect(await from('198.51.100.1, 203.0.113.5')).toBe(200);
    expect(await from('198.51.100.2, 203.0.113.5, 127.0.0.1')).toBe(429);
    // Another client behind the same proxy has its own count.
    expect(await from('203.0.113.6')).toBe(200);
    // Two addresses of one IPv6 /64 are one caller; another /64 is another.
    expect(await from('2001:db8:0:1::1')).toBe(200);
    expect(await from('2001:db8:0:1:ffff::2')).toBe(200);
    expect(await from('2001:db8:0:1::3')).toBe(429);
    expect(await from('2001:db8:0:2::1')).toBe(200);
    const callers = stack.logs().flatMap((line) => (line.msg.startsWith('rate limit') ? [line.caller] : []));
    expect(callers).toEqual(['address:203.0.113.5', 'address:2001:db8:0:1::/64']);
  });

  it('never counts probes, metrics, the GraphiQL page, the dashboard or CORS preflights', async () => {
    const { url } = await serve({ MAX_REQUESTS_PER_MINUTE_PER_CALLER: '2' });
    const exempt = [
      () => fetch(`${url}/health`),
      () => fetch(`${url}/ready`),
      () => fetch(`${url}/metrics`),
      () => fetch(`${url}/graphql`, { headers: { accept: 'text/html' } }),
      () => fetch(`${url}/dashboard`),
      () => fetch(`${url}/dashboard/assets/missing.js`),
      () => fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://a.example.com' } }),
    ];
    for (let round = 0; round < 5; round++)
      for (const probe of exempt) {
        const response = await probe();
        await response.arrayBuffer();
        expect(response.status).not.toBe(429);
      }
    expect((await post(url)).status).toBe(200);
    expect((await post(url)).status).toBe(200);
    expect((await post(url)).status).toBe(429);
    // Still not counted once the caller is over the limit.
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('is off with 0', async () => {
    const { url } = await serve({ MAX_REQUESTS_PER_MINUTE_PER_CALLER: '0' });
    for (let i = 0; i < 30; i++) expect((await post(url)).status).toBe(200);
  });
});
