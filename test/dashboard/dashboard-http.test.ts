import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/simulator/index.ts';
import { createOpsStack } from '../ops/stack.ts';

// The dashboard over plain HTTP: the page revalidated on every load, its hashed assets kept for a year; and the
// subscription it listens to, over server-sent events, fed by verified webhooks.

const SECRET = 'whsec-dashboard-test-0123456789';
const KEY = 'dashboard-http-key-0123456789';

describe('GET /dashboard', () => {
  const stack = createOpsStack({ env: { GATEWAY_API_KEYS: KEY }, scale: 0.1 });

  it('serves the page without an API key, always revalidated, naming its assets by hash', async () => {
    const response = await stack.fetch('/dashboard');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await response.text();
    const config = JSON.parse(/<script id="dashboard-config" type="application\/json">(.*?)<\/script>/.exec(html)![1]!);
    expect(config).toMatchObject({ graphqlEndpoint: '/graphql', apiKeys: true, live: false });
    expect(html).not.toContain(KEY);
    const script = /src="(\/dashboard\/assets\/[A-Z0-9]+\.js)"/.exec(html)?.[1];
    const style = /href="(\/dashboard\/assets\/[A-Z0-9]+\.css)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(style).toBeDefined();

    for (const [path, type] of [
      [script!, 'text/javascript; charset=utf-8'],
      [style!, 'text/css; charset=utf-8'],
    ] as const) {
      const asset = await stack.fetch(path);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('content-type')).toBe(type);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = await asset.text();
      expect(body.length).toBeGreaterThan(type.includes('css') ? 500 : 50_000);
    }
    // The bundle holds Chart.js and the panel operations; nothing points at another origin.
    const bundle = await (await stack.fetch(script!)).text();
    expect(bundle).toContain('query DashboardOccupancy');
    expect(bundle).not.toMatch(/https?:\/\/(?:fonts\.|cdn\.|unpkg|jsdelivr)/);
  });

  it('answers an unknown asset with 404 (an old page after a new build) and other methods with 405', async () => {
    const missing = await stack.fetch('/dashboard/assets/NOTAHASH.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect((await stack.fetch('/dashboard', { method: 'POST' })).status).toBe(405);
  });
});

interface SseEvent {
  event: string;
  data: string;
}

/** Reads server-sent events from a response body until `count` `next` events arrived. */
async function nextEvents(response: Response, count: number): Promise<SseEvent[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const found: SseEvent[] = [];
  let buffer = '';
  while (found.length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
      const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
      if (event === 'next') found.push({ event, data });
    }
  }
  await reader.cancel();
  return found;
}

describe('subscription { officerndChanged } over server-sent events', () => {
  const stack = createOpsStack({ env: { GATEWAY_API_KEYS: KEY, OFFICERND_WEBHOOK_SECRET: SECRET }, scale: 0.1 });

  const deliver = (secret: string, eventType: string, id: string): Promise<Response> => {
    const body = JSON.stringify({ eventType, data: { object: { _id: id } } });
    return stack.fetch('/webhooks/officernd', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'officernd-signature': signWebhook(secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
    });
  };

  it('streams a verified webhook as an event of the collections asked for; a forged one never arrives', async () => {
    const stream = await stack.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({
        query:
          'subscription ($c: [OfficeRnDCollection!]) { officerndChanged(collections: $c) { collection id eventType action time } }',
        variables: { c: ['BOOKINGS', 'ISSUES'] },
      }),
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = nextEvents(stream, 2);
    // Let the subscription reach the bus before the first delivery.
    await new Promise((done) => setTimeout(done, 50));

    expect((await deliver('whsec-forged-0123456789', 'booking.created', 'f'.repeat(24))).status).toBe(401);
    expect((await deliver(SECRET, 'member.updated', 'a'.repeat(24))).status).toBe(200);
    expect((await deliver(SECRET, 'booking.created', 'b'.repeat(24))).status).toBe(200);
    expect((await deliver(SECRET, 'ticket.updated', 'c'.repeat(24))).status).toBe(200);

    const received = (await events).map((e) => JSON.parse(e.data).data.officerndChanged);
    expect(received).toEqual([
      {
        collection: 'BOOKINGS',
        id: 'b'.repeat(24),
        eventType: 'booking.created',
        action: 'created',
        time: expect.any(String),
      },
      {
        collection: 'ISSUES',
        id: 'c'.repeat(24),
        eventType: 'ticket.updated',
        action: 'updated',
        time: expect.any(String),
      },
    ]);
  });

  it('needs an API key like any other operation', async () => {
    const response = await stack.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { officerndChanged { eventType } }' }),
    });
    expect(response.status).toBe(401);
  });
});

describe("the dashboard's operations", () => {
  const dir = resolve(import.meta.dirname, '../../dashboard/operations');
  const queries = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(resolve(dir, file), 'utf8'))
    .filter((text) => /^query /m.test(text));

  it('run over GET as the page sends them, and are allowed with TRUSTED_DOCUMENTS_ONLY when listed', async () => {
    const stack = createOpsStack({
      env: { TRUSTED_DOCUMENTS: dir, TRUSTED_DOCUMENTS_ONLY: 'true' },
      scale: 0.1,
    });
    expect(queries.length).toBeGreaterThanOrEqual(8);
    const variables = { dates: { period: 'LAST_MONTH' }, office: null };
    for (const query of queries) {
      const name = /^query (\w+)/m.exec(query)![1]!;
      const uses = (v: string) => query.includes(`$${v}:`);
      const own = Object.fromEntries(Object.entries(variables).filter(([k]) => uses(k)));
      const params = new URLSearchParams({ operationName: name, query, variables: JSON.stringify(own) });
      const response = await stack.fetch(`/graphql?${params}`, { headers: { accept: 'application/json' } });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
      expect(body.errors, name).toBeUndefined();
      expect(response.status, name).toBe(200);
      expect(
        Object.values(body.data ?? {}).every((value) => value !== null),
        name,
      ).toBe(true);
    }
    // Anything else is still refused.
    const other = await stack.post({ query: '{ offices(first: 1) { nodes { id } } }' });
    expect(other.status).toBe(403);
  });
});
