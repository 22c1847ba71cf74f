import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIRST, MAX_FIRST, MIN_SUB_WINDOW_PAGES, scanPagesFor } from '../../src/core/limits.ts';
import { MAX_CREDIT_MONTHS } from '../../src/core/limits.ts';
import { schema } from '../../src/schema/index.ts';
import { createApiKeyCheck, queryCost } from '../../src/security/index.ts';
import { loadConfig } from '../../src/config.ts';
import { testDataset } from '../helpers.ts';
import { createSecureStack } from './stack.ts';

// Protecting the gateway: cost, depth and alias limits, introspection, CORS, API keys and the body limit, each
// through real requests to the gateway (the cost model also directly, with exact figures).

const MODEL = { defaultFirst: DEFAULT_FIRST, maxFirst: MAX_FIRST, listSize: 10 };
const cost = (query: string, variables?: Record<string, unknown>): number =>
  queryCost(schema, parse(query), undefined, variables, MODEL);

const examplesDir = new URL('../../examples/', import.meta.url);
const EXAMPLES = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => [f, readFileSync(new URL(f, examplesDir), 'utf8')] as const);

describe('query cost', () => {
  it('counts the upstream calls a query can cause: pages, then one call per link per item', () => {
    // 2 pages of 100; per booking one member GET and one team GET, and (sizes unknown) a probe of up to half as many
    // pages for each of the two batches (loaders/index.ts).
    expect(cost('{ bookings(first: 200) { nodes { id member { name team { name } } } } }')).toBe(2 + 2 * (200 + 100));
    // Without `first`: the default page of 50.
    expect(cost('{ members { nodes { team { name } } } }')).toBe(1 + DEFAULT_FIRST * 1.5);
    // `edges { node }` costs what `nodes` costs; pageInfo nothing.
    expect(cost('{ members(first: 10) { edges { cursor node { team { name } } } pageInfo { hasNextPage } } }')).toBe(
      1 + 10,
    );
  });

  it('costs nothing for what @skip or @include leaves out, by literal or variable', () => {
    const linked = '{ bookings(first: 10) { nodes { id member { name } } } }';
    const plain = '{ bookings(first: 10) { nodes { id } } }';
    expect(cost(linked)).toBeGreaterThan(cost(plain));
    expect(cost('{ bookings(first: 10) { nodes { id member @skip(if: true) { name } } } }')).toBe(cost(plain));
    expect(cost('{ bookings(first: 10) { nodes { id member @include(if: true) { name } } } }')).toBe(cost(linked));
    const byVariable =
      'query ($on: Boolean!) { bookings(first: 10) { nodes { id ... @include(if: $on) { member { name } } } } }';
    expect(cost(byVariable, { on: false })).toBe(cost(plain));
    expect(cost(byVariable, { on: true })).toBe(cost(linked));
    // A skipped count walks nothing: the page's cost alone.
    expect(cost('{ bookings(first: 10) { totalCount @skip(if: true) nodes { id } } }')).toBe(cost(plain));
    expect(cost('{ bookings(first: 10) { totalCount nodes { id } } }')).toBeGreaterThan(cost(plain));
  });

  it('costs a date selection as the pages a page may scan, and credit accounts per month', () => {
    // The gateway checks dates itself where OfficeRnD cannot: a page may scan up to scanPagesFor(first) pages.
    expect(cost('{ bookings(first: 1, dateField: END, dates: { from: "2099-01-01" }) { nodes { id } } }')).toBe(
      scanPagesFor(1),
    );
    // A large page may cross sub-windows (at least MIN_SUB_WINDOW_PAGES pages each), a partial page each: 1,000 rows
    // fill 10 pages and cross at most 3 sub-windows.
    expect(cost('{ bookings(first: 1000, dates: { from: "2099-01-01" }) { nodes { id } } }')).toBe(
      10 + Math.ceil(1000 / (MIN_SUB_WINDOW_PAGES * 100)) + 1,
    );
    expect(scanPagesFor(500)).toBe(10);
    expect(cost('{ bookings(first: 1) { nodes { id } } }')).toBe(1);
    // Resuming from a cursor may start mid-page: one more page.
    expect(cost('{ bookings(first: 100, after: "x") { nodes { id } } }')).toBe(2);
    // One credit-stats call per team and month: one month, or up to MAX_CREDIT_MONTHS for a selection.
    expect(cost('{ teams(first: 10) { nodes { creditAccounts(month: "2026-11") { month } } } }')).toBe(1 + 10);
    expect(cost('{ teams(first: 10) { nodes { creditAccounts(dates: { period: THIS_YEAR }) { month } } } }')).toBe(
      1 + 10 * MAX_CREDIT_MONTHS,
    );
  });

  it('never answers a short page for a gateway-side date check: the walk ends, or the request budget does with its code', async () => {
    const stack = createSecureStack();
    const all = stack.simulator.dataset.collections.members.length;
    // No member logs in in 2099 and OfficeRnD cannot filter LAST_LOGIN: every page is scanned and nothing kept. The
    // answer is one empty page that says no more follow (issue 21: never an empty page with hasNextPage: true).
    const query = `{ members(first: 1, dateField: LAST_LOGIN, dates: { from: "2099-01-01" }) {
      nodes { id } pageInfo { hasNextPage endCursor } } }`;
    // The scan may read every page, and is costed so: the members' size, learnt here first (issue 14).
    await stack.learner.learn(['members']);
    stack.simulator.log.reset();
    const result = await stack.query(query);
    expect(result.errors).toBeUndefined();
    expect((result.data as { members: unknown }).members).toMatchObject({
      nodes: [],
      pageInfo: { hasNextPage: false },
    });
    expect(stack.simulator.log.count({ kind: 'api', collection: 'members' })).toBe(Math.ceil(all / 100));
    // With fewer calls allowed than the scan needs, the request budget ends it with its code, not with a short page.
    const tight = createSecureStack({ env: { MAX_UPSTREAM_CALLS_PER_REQUEST: '2' } });
    const refused = await tight.query(query);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
  });

  it('counts a catalogue (offices, floors, plans, rates, resource types) once, whatever the number of links', () => {
    expect(
      cost('{ bookings(first: 300) { nodes { resource { name office { name } floor { name } } rate { name } } } }'),
    ).toBe(3 + 300 * 1.5 + 3);
  });

  it('multiplies nested lists by their `first`, read from literals, variables and variable defaults', () => {
    const nested = 'query($n: Int = 20) { teams(first: $n) { nodes { members(first: $n) { nodes { id } } } } }';
    // Reverse links, sizes unknown: a filtered read per parent, a probe of a page per parent, and the pages of a
    // whole walk (a parent's filtered read returns all its children; 100 pages while its size is unknown).
    const walk = 100;
    expect(cost(nested)).toBe(1 + 20 * 1 + 20 + walk);
    expect(cost(nested, { n: 500 })).toBe(5 + 500 * 5 + 500 + walk);
    // A `first` the field refuses anyway (over the maximum, negative) is costed at the bound, not beyond.
    expect(cost('{ members(first: 1000000) { nodes { id } } }')).toBe(MAX_FIRST / 100);
    expect(cost('{ members(first: -5) { nodes { id } } }')).toBe(0);
  });

  it('costs fragments like the fields they hold, each fragment once', () => {
    const viaFragment =
      'query { bookings(first: 100) { nodes { ...B } } } fragment B on Booking { member { team { name } } }';
    expect(cost(viaFragment)).toBe(cost('{ bookings(first: 100) { nodes { member { team { name } } } } }'));
    // Spread many times: the cost adds up, the work does not explode.
    const spreads = Array.from({ length: 20 }, () => '...M').join(' ');
    expect(cost(`{ members(first: 10) { nodes { ${spreads} } } } fragment M on Member { team { name } }`)).toBe(
      1 + 10 * 20,
    );
  });

  it.each(EXAMPLES)(
    'lets the README example %s through with the default limits once sizes are learnt',
    (_file, document) => {
      const dataset = testDataset().collections as unknown as Record<string, readonly unknown[]>;
      const sizeOf = (collection: string) => dataset[collection]?.length ?? 0;
      expect(queryCost(schema, parse(document), undefined, {}, { ...MODEL, sizeOf })).toBeLessThanOrEqual(
        loadConfig({}).security.maxCost,
      );
    },
  );

  it('runs the dashboard example (200 bookings with five links) under the default limits', async () => {
    const stack = createSecureStack();
    const dashboard = EXAMPLES.find(([f]) => f.startsWith('dashboard'))?.[1] ?? '';
    const answer = await stack.query(dashboard);
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.bookings as { nodes: unknown[] }).nodes).toHaveLength(200);
  });

  it('rejects an amplification attack before any upstream call, naming cost and limit', async () => {
    const stack = createSecureStack();
    // One credit-stats call per team and month (§6.6): no plan makes it cheaper, whatever the sizes.
    const answer = await stack.query(
      '{ teams(first: 1000) { nodes { creditAccounts(dates: { fromDaysBack: 700, toDaysBack: 0 }) { month } } } }',
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      cost: 10 + 1000 * MAX_CREDIT_MONTHS,
      limit: 300,
      setting: 'MAX_COST',
    });
    expect(answer.errors?.[0]?.message).toMatch(/exceeds the limit of 300 \(MAX_COST\)/);
    expect(answer.data).toBeUndefined();
    expect(stack.simulator.log.count()).toBe(0);
  });

  it('takes MAX_COST from the configuration', async () => {
    const stack = createSecureStack({ env: { MAX_COST: '100' } });
    const answer = await stack.query('{ bookings(first: 200) { nodes { id } } }');
    expect(answer.errors).toBeUndefined();
    const refused = await stack.query('{ teams(first: 200) { nodes { creditAccounts(month: "2026-10") { month } } } }');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost: 2 + 200, limit: 100 });
  });

  it('defaults MAX_COST to the calls the budget can start within one request deadline', () => {
    expect(loadConfig({}).security.maxCost).toBe(300);
    expect(loadConfig({ UPSTREAM_MAX_REQUESTS_PER_MINUTE: '120', REQUEST_BUDGET_MS: '30000' }).security.maxCost).toBe(
      60,
    );
    expect(loadConfig({ MAX_COST: '900' }).security.maxCost).toBe(900);
  });
});

describe('depth and alias limits', () => {
  it('refuses a query deeper than MAX_DEPTH and says so', async () => {
    const stack = createSecureStack({ env: { MAX_DEPTH: '4' } });
    expect((await stack.query('{ members(first: 1) { nodes { team { id } } } }')).errors).toBeUndefined();
    stack.simulator.log.reset();
    const answer = await stack.query('{ members(first: 1) { nodes { team { office { id } } } } }');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 4, setting: 'MAX_DEPTH' });
    expect(answer.errors?.[0]?.message).toMatch(/depth limit of 4 exceeded, found 5/);
    expect(stack.simulator.log.count()).toBe(0);
  });

  it('counts depth through fragments', async () => {
    const stack = createSecureStack({ env: { MAX_DEPTH: '4' } });
    const answer = await stack.query(
      '{ members(first: 1) { nodes { ...T } } } fragment T on Member { team { office { id } } }',
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses more aliases than MAX_ALIASES, counted across fragments', async () => {
    const stack = createSecureStack({ env: { MAX_ALIASES: '3' } });
    expect(
      (await stack.query('{ a: offices { nodes { id } } b: floors { nodes { id } } c: plans { nodes { id } } }'))
        .errors,
    ).toBeUndefined();
    const answer = await stack.query(
      '{ a: offices { nodes { id } } ...F } fragment F on Query { b: floors { nodes { id } } c: plans { nodes { x: id } } }',
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_ALIASES',
      limit: 3,
      setting: 'MAX_ALIASES',
    });
  });
});

describe('introspection and GraphiQL', () => {
  const INTROSPECTION = '{ __schema { queryType { name } } }';

  it('are on outside production', async () => {
    const stack = createSecureStack();
    expect((await stack.query(INTROSPECTION)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = await stack.request('/graphql', { headers: { accept: 'text/html' } });
    expect(page.text).toMatch(/<html/i);
  });

  it('are off with NODE_ENV=production: no schema, no field suggestions, no GraphiQL page', async () => {
    const stack = createSecureStack({ env: { NODE_ENV: 'production' } });
    const answer = await stack.query(INTROSPECTION);
    expect(answer.errors?.[0]?.message).toMatch(/introspection has been disabled/);
    expect(answer.data).toBeUndefined();
    const typo = await stack.query('{ offices { nodes { nam } } }');
    expect(typo.errors?.[0]?.message).toBe('Cannot query field "nam" on type "Office".');
    const page = await stack.request('/graphql', { headers: { accept: 'text/html' } });
    expect(page.text).not.toMatch(/<html/i);
    // __typename is not introspection: clients rely on it.
    expect((await stack.query('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('follow INTROSPECTION and GRAPHIQL over the production default', async () => {
    const stack = createSecureStack({ env: { NODE_ENV: 'production', INTROSPECTION: 'true', GRAPHIQL: 'true' } });
    expect((await stack.query(INTROSPECTION)).errors).toBeUndefined();
    expect((await stack.request('/graphql', { headers: { accept: 'text/html' } })).text).toMatch(/<html/i);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) => ({
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-api-key',
    },
  });
  const fromOrigin = (origin: string) => ({
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

  it('is off by default: no Access-Control-Allow-Origin for anyone', async () => {
    const stack = createSecureStack();
    const answer = await stack.request('/graphql', fromOrigin('https://app.example.com'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the listed origins, preflight included, and no credentials', async () => {
    const stack = createSecureStack({
      env: { CORS_ORIGINS: 'https://app.example.com, https://admin.example.com', GATEWAY_API_KEYS: 'k'.repeat(16) },
    });
    const allowed = await stack.request('/graphql', preflight('https://admin.example.com'));
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await stack.request('/graphql', preflight('https://evil.example.net'));
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const call = await stack.request('/graphql', fromOrigin('https://evil.example.net'));
    expect(call.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows any origin with *', async () => {
    const stack = createSecureStack({ env: { CORS_ORIGINS: '*' } });
    const answer = await stack.request('/graphql', fromOrigin('https://anywhere.example.org'));
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://anywhere.example.org');
  });
});

describe('API keys', () => {
  const KEYS = ['first-key-0123456789', 'second-key-with-another-length-0123456789'];
  const env = { GATEWAY_API_KEYS: KEYS.join(',') };

  it('accept any configured key as a Bearer token or in x-api-key', async () => {
    const stack = createSecureStack({ env });
    const ways: Record<string, string>[] = [
      { authorization: `Bearer ${KEYS[0]}` },
      { authorization: `bearer ${KEYS[1]}` },
      { 'x-api-key': KEYS[1] ?? '' },
    ];
    for (const headers of ways) {
      const answer = await stack.query('{ __typename }', undefined, headers);
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({ __typename: 'Query' });
    }
  });

  it('refuse everything else with 401 and a challenge, without calling OfficeRnD or echoing the key', async () => {
    const stack = createSecureStack({ env });
    const wrong = `${KEYS[0]}-but-longer`;
    const answer = await stack.query('{ offices { nodes { id } } }', undefined, { authorization: `Bearer ${wrong}` });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.text).not.toContain(wrong);
    // Report exports and unknown paths are behind the key as well.
    expect((await stack.request('/reports/members.csv')).status).toBe(401);
    expect(stack.simulator.log.count()).toBe(0);
  });

  it('leave the health check, CORS preflights and the GraphiQL page open', async () => {
    const stack = createSecureStack({ env: { ...env, CORS_ORIGINS: '*' } });
    expect((await stack.request('/health')).status).toBe(200);
    const preflight = await stack.request('/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect((await stack.request('/graphql', { headers: { accept: 'text/html' } })).text).toMatch(/<html/i);
  });

  it('compare whole keys, whatever their length', () => {
    const check = createApiKeyCheck(KEYS);
    const headers = (key: string) => new Headers({ 'x-api-key': key });
    expect(check.allows(headers(KEYS[0] ?? ''))).toBe(true);
    expect(check.allows(headers(KEYS[1] ?? ''))).toBe(true);
    expect(check.allows(headers((KEYS[0] ?? '').slice(0, -1)))).toBe(false);
    expect(check.allows(headers(`${KEYS[0]}x`))).toBe(false);
    expect(check.allows(headers(''))).toBe(false);
    expect(check.allows(new Headers())).toBe(false);
    expect(createApiKeyCheck([]).allows(new Headers())).toBe(true);
  });

  it('warn at start-up when the gateway is open and not bound to localhost', () => {
    const warnings = (extra: Record<string, string>) => {
      const stack = createSecureStack({ env: extra, logLevel: 'warn' });
      return stack.logs.filter((l) => /GATEWAY_API_KEYS is not set/.test(l));
    };
    expect(warnings({ HOST: '0.0.0.0' })).toHaveLength(1);
    expect(warnings({ HOST: 'localhost' })).toHaveLength(0);
    expect(warnings({ HOST: '0.0.0.0', ...env })).toHaveLength(0);
  });
});

describe('request body limit', () => {
  const big = (bytes: number) => JSON.stringify({ query: `{ __typename } # ${'x'.repeat(bytes)}` });

  it('refuses a body over MAX_BODY_BYTES with 413, by Content-Length or while streaming', async () => {
    const stack = createSecureStack({ env: { MAX_BODY_BYTES: '2000' } });
    expect((await stack.post(big(1_500))).status).toBe(200);
    const declared = await stack.post(big(3_000));
    expect(declared.status).toBe(413);
    expect(declared.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    // No Content-Length (chunked upload): the limit applies as the bytes arrive.
    const bytes = new TextEncoder().encode(big(3_000));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 500) controller.enqueue(bytes.slice(i, i + 500));
        controller.close();
      },
    });
    const streamed = await stack.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});
