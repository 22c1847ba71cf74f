import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCacheStack, type CacheStack } from './support.ts';

const KEY_A = 'cache-test-key-aaaaaaaaaaaa';
const KEY_B = 'cache-test-key-bbbbbbbbbbbb';
const SECRET = 'whsec-cache-0123456789abcdef';
const ENV = { RESPONSE_CACHE: 'true', GATEWAY_API_KEYS: `${KEY_A},${KEY_B}`, OFFICERND_WEBHOOK_SECRET: SECRET };

const OFFICES = '{ offices(first: 5) { nodes { id name } } }';
const MEMBERS = '{ members(first: 5) { nodes { id name } } }';
const MIXED = '{ offices(first: 2) { nodes { id } } bookings(first: 2) { nodes { id } } }';

async function post(stack: CacheStack, query: string, key = KEY_A, headers: Record<string, string> = {}) {
  const calls = stack.apiCalls();
  const response = await stack.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { response, text, body: text ? JSON.parse(text) : null, calls: stack.apiCalls() - calls };
}

async function webhook(stack: CacheStack, eventType: string): Promise<number> {
  const body = JSON.stringify({ eventType, data: { object: { _id: '5f0c1a2b3c4d5e6f70819203' } } });
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', SECRET).update(`${body}.${t}`).digest('hex');
  const response = await stack.request('/webhooks/officernd', {
    method: 'POST',
    headers: { 'officernd-signature': `t=${t},v1=${v1}` },
    body,
  });
  return response.status;
}

const maxAge = (response: Response): number =>
  Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1]);

describe('GraphQL response cache', () => {
  it('answers a repeated query from the cache: no upstream call, same data, long TTL for offices', async () => {
    const stack = createCacheStack(ENV);
    const first = await post(stack, OFFICES);
    expect(first.calls).toBeGreaterThan(0);
    expect(first.response.headers.get('cache-control')).toBe('private, max-age=600');
    expect(first.response.headers.get('etag')).toBeTruthy();
    const second = await post(stack, OFFICES);
    expect(second.calls).toBe(0);
    expect(second.body).toEqual(first.body);
    expect(second.response.headers.get('etag')).toBe(first.response.headers.get('etag'));
    expect(maxAge(second.response)).toBeGreaterThan(590);
    expect(maxAge(second.response)).toBeLessThanOrEqual(600);
  });

  it('takes the shortest TTL of the types in the answer', async () => {
    const stack = createCacheStack(ENV);
    const answer = await post(stack, MIXED);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.response.headers.get('cache-control')).toBe('private, max-age=30');
    const members = await post(stack, MEMBERS);
    expect(members.response.headers.get('cache-control')).toBe('private, max-age=120');
  });

  it('reads the TTLs from the settings', async () => {
    const stack = createCacheStack({ ...ENV, RESPONSE_CACHE_TTL_LONG: '900', RESPONSE_CACHE_TTL_SHORT: '0' });
    expect((await post(stack, OFFICES)).response.headers.get('cache-control')).toBe('private, max-age=900');
    // A TTL of 0 is "never cached".
    const mixed = await post(stack, MIXED);
    expect(mixed.response.headers.get('cache-control')).toBe('no-store');
    expect((await post(stack, MIXED)).calls).toBeGreaterThan(0);
  });

  it('keeps each API key to its own cached answers', async () => {
    const stack = createCacheStack(ENV);
    await post(stack, OFFICES, KEY_A);
    const other = await post(stack, OFFICES, KEY_B);
    expect(other.calls).toBeGreaterThan(0);
    expect((await post(stack, OFFICES, KEY_B)).calls).toBe(0);
  });

  it('answers 304 to If-None-Match with the ETag, without an upstream call', async () => {
    const stack = createCacheStack(ENV);
    const first = await post(stack, OFFICES);
    const etag = first.response.headers.get('etag')!;
    const again = await post(stack, OFFICES, KEY_A, { 'if-none-match': etag });
    expect(again.response.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.calls).toBe(0);
  });

  it("answers 304 only to this query's own ETag for this key: another query's or another key's gets the full answer", async () => {
    const stack = createCacheStack(ENV);
    const offices = await post(stack, OFFICES);
    const officesTag = offices.response.headers.get('etag')!;
    const members = await post(stack, MEMBERS, KEY_A, { 'if-none-match': officesTag });
    expect(members.response.status).toBe(200);
    expect(members.body.data.members.nodes.length).toBeGreaterThan(0);
    const otherKey = await post(stack, OFFICES, KEY_B, { 'if-none-match': officesTag });
    expect(otherKey.response.status).toBe(200);
    expect(otherKey.body).toEqual(offices.body);
    // A weak or listed ETag of its own still matches (RFC 9110 13.1.2).
    const listed = await post(stack, OFFICES, KEY_A, { 'if-none-match': `"other", W/${officesTag}` });
    expect(listed.response.status).toBe(304);
    const star = await post(stack, MEMBERS, KEY_A, { 'if-none-match': '*' });
    expect(star.response.status).toBe(200);
  });

  it('bypasses the cache for Cache-Control: no-cache and says no-store', async () => {
    const stack = createCacheStack(ENV);
    const cached = await post(stack, OFFICES);
    const fresh = await post(stack, OFFICES, KEY_A, { 'cache-control': 'no-cache' });
    expect(fresh.calls).toBeGreaterThan(0);
    expect(fresh.response.headers.get('cache-control')).toBe('no-store');
    expect(fresh.body).toEqual(cached.body);
  });

  it('never caches an answer with errors', async () => {
    const stack = createCacheStack(ENV);
    const query = '{ member(id: "5f0c1a2b3c4d5e6f708192zz") { id } }';
    const first = await post(stack, query);
    expect(first.body.errors).toBeDefined();
    expect(first.response.headers.get('cache-control')).toBe('no-store');
    expect(first.response.headers.get('etag')).toBeNull();
  });

  it('drops cached answers holding the type a verified webhook names, and keeps the others', async () => {
    const stack = createCacheStack(ENV);
    await post(stack, OFFICES);
    await post(stack, MEMBERS);
    expect((await post(stack, MEMBERS)).calls).toBe(0);
    expect(await webhook(stack, 'member.updated')).toBe(200);
    expect((await post(stack, MEMBERS)).calls).toBeGreaterThan(0);
    expect((await post(stack, OFFICES)).calls).toBe(0);
    // v2 name of offices (§2): location.
    expect(await webhook(stack, 'location.updated')).toBe(200);
    expect((await post(stack, OFFICES)).calls).toBeGreaterThan(0);
  });

  it('a badly signed webhook invalidates nothing', async () => {
    const stack = createCacheStack(ENV);
    await post(stack, MEMBERS);
    const body = JSON.stringify({ eventType: 'member.updated', data: { object: { _id: 'x' } } });
    const t = Math.floor(Date.now() / 1000);
    const response = await stack.request('/webhooks/officernd', {
      method: 'POST',
      headers: { 'officernd-signature': `t=${t},v1=${'0'.repeat(64)}` },
      body,
    });
    expect(response.status).toBe(401);
    expect((await post(stack, MEMBERS)).calls).toBe(0);
  });

  it('lets shared HTTP caches keep answers of an open gateway (public), never those of a key (private)', async () => {
    const open = createCacheStack({ RESPONSE_CACHE: 'true' });
    const response = await open.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: OFFICES }),
    });
    expect(response.headers.get('cache-control')).toBe('public, max-age=600');
    const csv = await open.request('/reports/offices.csv');
    await csv.text();
    expect(csv.headers.get('cache-control')).toBe('public, max-age=600');
  });

  it('is off by default', async () => {
    const stack = createCacheStack({ GATEWAY_API_KEYS: KEY_A });
    await post(stack, OFFICES);
    const again = await post(stack, OFFICES);
    expect(again.calls).toBeGreaterThan(0);
    expect(again.response.headers.get('etag')).toBeNull();
  });
});

describe('Export cache', () => {
  const get = async (stack: CacheStack, path: string, key = KEY_A, headers: Record<string, string> = {}) => {
    const calls = stack.apiCalls();
    const response = await stack.request(path, { headers: { 'x-api-key': key, ...headers } });
    const text = await response.text();
    return { response, text, calls: stack.apiCalls() - calls };
  };

  it('serves a repeated export from the cache, byte for byte, per key, with ETag and 304', async () => {
    const stack = createCacheStack(ENV);
    const first = await get(stack, '/reports/floors.csv?columns=_id,name,office.name');
    expect(first.response.status).toBe(200);
    expect(first.calls).toBeGreaterThan(0);
    expect(first.response.headers.get('x-cache')).toBe('MISS');
    // floors joined to offices: both long.
    expect(first.response.headers.get('cache-control')).toBe('private, max-age=600');
    const second = await get(stack, '/reports/floors.csv?columns=_id,name,office.name');
    expect(second.calls).toBe(0);
    expect(second.text).toBe(first.text);
    expect(second.response.headers.get('x-cache')).toBe('HIT');
    expect(second.response.headers.get('content-type')).toBe(first.response.headers.get('content-type'));
    expect(second.response.headers.get('content-disposition')).toBe('attachment; filename="floors.csv"');
    const etag = second.response.headers.get('etag')!;
    const notModified = await get(stack, '/reports/floors.csv?columns=_id,name,office.name', KEY_A, {
      'if-none-match': etag,
    });
    expect(notModified.response.status).toBe(304);
    expect(notModified.calls).toBe(0);
    // Another URL, another key: misses.
    expect((await get(stack, '/reports/floors.csv?columns=_id,name')).calls).toBeGreaterThan(0);
    expect((await get(stack, '/reports/floors.csv?columns=_id,name,office.name', KEY_B)).calls).toBeGreaterThan(0);
  });

  it('drops exports that read the collection a webhook names (joins included)', async () => {
    const stack = createCacheStack(ENV);
    const path = '/reports/floors.ndjson?columns=_id,office.name';
    await get(stack, path);
    await get(stack, '/reports/resource-types.csv');
    expect(await webhook(stack, 'office.updated')).toBe(200);
    expect((await get(stack, path)).calls).toBeGreaterThan(0);
    expect((await get(stack, '/reports/resource-types.csv')).calls).toBe(0);
  });

  it('takes the shortest TTL of what an export reads and bypasses on no-cache', async () => {
    const stack = createCacheStack(ENV);
    const bookings = await get(stack, '/reports/bookings.csv?limit=20');
    expect(bookings.response.headers.get('cache-control')).toBe('private, max-age=30');
    const bypass = await get(stack, '/reports/bookings.csv?limit=20', KEY_A, { 'cache-control': 'no-cache' });
    expect(bypass.calls).toBeGreaterThan(0);
    expect(bypass.response.headers.get('cache-control')).toBe('no-store');
  });

  it('does not keep an export larger than RESPONSE_CACHE_EXPORT_MAX_BYTES, and streams it whole', async () => {
    const stack = createCacheStack({ ...ENV, RESPONSE_CACHE_EXPORT_MAX_BYTES: '1000' });
    const first = await get(stack, '/reports/members.csv');
    expect(first.text.length).toBeGreaterThan(1000);
    const second = await get(stack, '/reports/members.csv');
    expect(second.calls).toBeGreaterThan(0);
    expect(second.text).toBe(first.text);
  });
});
