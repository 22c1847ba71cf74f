import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { parse, print } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { DashboardDocument } from '../generated/graphql.ts';
import { createCacheStack, type CacheStack } from '../cache/support.ts';

const KEY = 'persisted-test-key-0123456789';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const OFFICES = 'query Offices { offices(first: 3) { nodes { id name } } }';

/** An Apollo Client over the gateway's in-process fetch, recording what it sends. */
function apollo(stack: CacheStack, sent: { method: string; url: string; body: string | null }[]) {
  const link = new HttpLink({
    uri: 'http://gateway.test/graphql',
    headers: { authorization: `Bearer ${KEY}` },
    fetch: async (input, init) => {
      const request = new Request(input as string, init as RequestInit);
      const body = request.method === 'POST' ? await request.clone().text() : null;
      sent.push({ method: request.method, url: request.url, body });
      return stack.gateway.fetch(request);
    },
  });
  const persisted = new PersistedQueryLink({ sha256, useGETForHashedQueries: true });
  return new ApolloClient({ link: ApolloLink.from([persisted, link]), cache: new InMemoryCache() });
}

async function post(stack: CacheStack, body: unknown) {
  const response = await stack.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

async function getHash(stack: CacheStack, hash: string, operationName?: string) {
  const params = new URLSearchParams({
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
  });
  if (operationName) params.set('operationName', operationName);
  const response = await stack.request(`/graphql?${params}`, {
    headers: { accept: 'application/json', authorization: `Bearer ${KEY}` },
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

describe('automatic persisted queries', () => {
  it('a hash-only request for an unknown hash answers PersistedQueryNotFound (not "Must provide query string")', async () => {
    const stack = createCacheStack({ GATEWAY_API_KEYS: KEY });
    const answer = await post(stack, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(OFFICES) } } });
    expect(answer.body.errors?.[0]).toMatchObject({
      message: 'PersistedQueryNotFound',
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
    expect(stack.apiCalls()).toBe(0);
  });

  it('registers a query sent with its hash, then runs it from the hash alone over GET', async () => {
    const stack = createCacheStack({ GATEWAY_API_KEYS: KEY });
    const registered = await post(stack, {
      query: OFFICES,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(OFFICES) } },
    });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await getHash(stack, sha256(OFFICES), 'Offices');
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(registered.body);
  });

  it('refuses a query whose hash does not match', async () => {
    const stack = createCacheStack({ GATEWAY_API_KEYS: KEY });
    const answer = await post(stack, {
      query: OFFICES,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ organization }') } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_MISMATCH');
  });

  it("works with Apollo's PersistedQueryLink over GET: hash first, the query once, then hashes only", async () => {
    const stack = createCacheStack({ GATEWAY_API_KEYS: KEY });
    const sent: { method: string; url: string; body: string | null }[] = [];
    const query = gql(OFFICES);
    const first = await apollo(stack, sent).query({ query, fetchPolicy: 'no-cache' });
    expect(first.error).toBeUndefined();
    expect((first.data as { offices: { nodes: unknown[] } }).offices.nodes).toHaveLength(3);
    // GET with the hash → PersistedQueryNotFound → POST with the query and the hash.
    expect(sent.map((s) => s.method)).toEqual(['GET', 'POST']);
    expect(sent[0]!.url).toContain('sha256Hash');
    expect(sent[0]!.url).not.toContain('query=');
    expect(JSON.parse(sent[1]!.body!).query).toContain('offices');
    sent.length = 0;
    // A second client (another dashboard screen): the hash alone, over GET.
    const second = await apollo(stack, sent).query({ query, fetchPolicy: 'no-cache' });
    expect(second.data).toEqual(first.data);
    expect(sent.map((s) => s.method)).toEqual(['GET']);
  });

  it('with the response cache on, hash-only requests are cached by their query text', async () => {
    const stack = createCacheStack({ GATEWAY_API_KEYS: KEY, RESPONSE_CACHE: 'true' });
    const other = '{ floors(first: 2) { nodes { id } } }';
    await post(stack, { query: OFFICES, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(OFFICES) } } });
    await post(stack, { query: other, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } });
    const calls = stack.apiCalls();
    const offices = await getHash(stack, sha256(OFFICES));
    const floors = await getHash(stack, sha256(other));
    expect(stack.apiCalls()).toBe(calls);
    expect(offices.body).toHaveProperty('data.offices');
    expect(floors.body).toHaveProperty('data.floors');
  });
});

describe('trusted documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trusted-'));
  writeFileSync(
    join(dir, 'lobby.graphql'),
    '# the lobby screen\nquery Lobby {\n  offices(first: 2) { nodes { name } }\n}\n',
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { GATEWAY_API_KEYS: KEY, TRUSTED_DOCUMENTS: dir, TRUSTED_DOCUMENTS_ONLY: 'true' };

  it('refuses any other operation with TRUSTED_DOCUMENT_REQUIRED, before any upstream call', async () => {
    const stack = createCacheStack(env);
    const answer = await post(stack, { query: OFFICES });
    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect(stack.apiCalls()).toBe(0);
  });

  it('runs the examples/ operations, sent as text (any layout) or by the hash of their canonical print', async () => {
    const stack = createCacheStack(env);
    const text = print(DashboardDocument);
    const asText = await post(stack, { query: text, variables: { first: 2 } });
    expect(asText.body.errors).toBeUndefined();
    const params = new URLSearchParams({
      variables: JSON.stringify({ first: 2 }),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(print(parse(text))) } }),
    });
    const byHash = await stack.request(`/graphql?${params}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${KEY}` },
    });
    expect(await byHash.json()).toEqual(asText.body);
  });

  it('runs the operations of the TRUSTED_DOCUMENTS folder, whitespace and comments aside', async () => {
    const stack = createCacheStack(env);
    const answer = await post(stack, { query: 'query Lobby { offices(first: 2) { nodes { name } } }' });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toHaveProperty('offices.nodes');
  });

  it('does not let APQ register a new operation', async () => {
    const stack = createCacheStack(env);
    const register = await post(stack, {
      query: OFFICES,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(OFFICES) } },
    });
    expect(register.body.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    const byHash = await getHash(stack, sha256(OFFICES));
    expect(byHash.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('accepts anything without TRUSTED_DOCUMENTS_ONLY', async () => {
    const stack = createCacheStack({ GATEWAY_API_KEYS: KEY, TRUSTED_DOCUMENTS: dir });
    expect((await post(stack, { query: OFFICES })).body.errors).toBeUndefined();
  });

  it('a TRUSTED_DOCUMENTS path that does not exist stops the gateway with a clear message', () => {
    expect(() => createCacheStack({ TRUSTED_DOCUMENTS: join(dir, 'missing') })).toThrow(
      /TRUSTED_DOCUMENTS: no file or folder at/,
    );
  });
});
