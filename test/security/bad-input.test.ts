import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecureStack, type SecureStack } from './stack.ts';

// Bad input, table-driven: every row is one request with the HTTP status and `extensions.code` it must get.
// The gateway runs with API keys and production limits; after the whole table it must still answer normally.

const KEY = 'test-key-0123456789abcdef';
const AUTH = { authorization: `Bearer ${KEY}` };
const JSON_TYPE = { 'content-type': 'application/json' };

export interface BadInputCase {
  name: string;
  /** Path on the gateway; default /graphql. */
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Sent without the API key. */
  anonymous?: boolean;
  status: number;
  code: string;
}

const gql = (
  name: string,
  query: string,
  status: number,
  code: string,
  variables?: Record<string, unknown>,
  operationName?: string,
): BadInputCase => ({
  name,
  body: { query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) },
  status,
  code,
});

const nested = (depth: number): string =>
  `{ members(first: 1) { nodes { ${'team { office { '.repeat(depth)}id${' } }'.repeat(depth)} } } }`;
const aliases = (n: number): string =>
  `{ ${Array.from({ length: n }, (_, i) => `o${i}: offices(first: 1) { nodes { id } }`).join(' ')} }`;
// One credit-stats call per team and month (§6.6): no plan makes it cheaper, whatever the collections' sizes. (Nested
// lists of links are not amplifications once sizes are known: the loaders walk each collection once.)
const AMPLIFIED =
  '{ teams(first: 1000) { nodes { creditAccounts(dates: { fromDaysBack: 700, toDaysBack: 0 }) { month } } } }';
const MEGABYTE_QUERY = `{ offices { nodes { id } } } # ${'x'.repeat(1_048_576)}`;

/** The GraphQL endpoint's bad input. */
const GRAPHQL_CASES: BadInputCase[] = [
  // The HTTP envelope
  { name: 'invalid JSON', body: '{"query": ', status: 400, code: 'BAD_REQUEST' },
  { name: 'empty body', body: '', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON that is not an object', body: '"{ offices { nodes { id } } }"', status: 400, code: 'BAD_REQUEST' },
  { name: 'no query', body: {}, status: 400, code: 'BAD_REQUEST' },
  { name: 'query that is not a string', body: { query: 42 }, status: 400, code: 'BAD_REQUEST' },
  {
    name: 'variables that are not an object',
    body: { query: '{ __typename }', variables: [1] },
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'more than 10 batched operations',
    body: Array.from({ length: 11 }, () => ({ query: '{ __typename }' })),
    status: 413,
    code: 'BAD_REQUEST',
  },
  {
    name: 'wrong content type (text/plain)',
    headers: { 'content-type': 'text/plain' },
    body: '{ __typename }',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'form post',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'query=%7B__typename%7D',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'multipart post',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    body: '--x--',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  { name: 'PUT', method: 'PUT', body: { query: '{ __typename }' }, status: 405, code: 'BAD_REQUEST' },
  { name: 'a 1 MB query', body: { query: MEGABYTE_QUERY }, status: 413, code: 'REQUEST_ENTITY_TOO_LARGE' },
  // The document
  gql('syntax error', '{ offices { nodes { id } ', 400, 'GRAPHQL_PARSE_FAILED'),
  gql('unknown field', '{ offices { nodes { floorCount } } }', 400, 'GRAPHQL_VALIDATION_FAILED'),
  gql('unknown argument', '{ offices(limit: 5) { nodes { id } } }', 400, 'GRAPHQL_VALIDATION_FAILED'),
  gql('argument of the wrong type', '{ offices(first: "ten") { nodes { id } } }', 400, 'GRAPHQL_VALIDATION_FAILED'),
  gql('a mutation (the gateway is read-only)', 'mutation { deleteEverything }', 400, 'BAD_USER_INPUT'),
  gql('unknown operation name', 'query A { __typename }', 400, 'OPERATION_RESOLUTION_FAILURE', undefined, 'B'),
  gql(
    'two operations and no name',
    'query A { __typename } query B { __typename }',
    400,
    'OPERATION_RESOLUTION_FAILURE',
  ),
  gql('deep nesting', nested(8), 400, 'QUERY_TOO_DEEP'),
  gql('alias bomb', aliases(100), 400, 'TOO_MANY_ALIASES'),
  gql('token flood', `{ ${'__typename '.repeat(6_000)}}`, 400, 'TOO_MANY_TOKENS'),
  gql('amplification (cost)', AMPLIFIED, 400, 'QUERY_TOO_COSTLY'),
  gql(
    'amplification through variables',
    'query($n: Int) { teams(first: $n) { nodes { creditAccounts(month: "2026-10") { month } } } }',
    400,
    'QUERY_TOO_COSTLY',
    { n: 1000 },
  ),
  // Values
  gql('variable of the wrong type', 'query($n: Int) { offices(first: $n) { nodes { id } } }', 400, 'BAD_USER_INPUT', {
    n: 'ten',
  }),
  gql('missing required variable', 'query($id: ID!) { member(id: $id) { id } }', 400, 'BAD_USER_INPUT', {}),
  gql('invalid id', '{ member(id: "not-an-id") { id } }', 200, 'BAD_USER_INPUT'),
  gql('invalid id in a filter', '{ members(team: "42") { nodes { id } } }', 200, 'BAD_USER_INPUT'),
  gql('negative first', '{ members(first: -1) { nodes { id } } }', 200, 'BAD_USER_INPUT'),
  gql('huge first', '{ members(first: 1000000) { nodes { id } } }', 200, 'BAD_USER_INPUT'),
  gql(
    'huge first through a variable',
    'query($n: Int) { members(first: $n) { nodes { id } } }',
    200,
    'BAD_USER_INPUT',
    { n: 5_000_000 },
  ),
  gql(
    'cursor this gateway never issued',
    '{ members(after: "bm90IGEgY3Vyc29y") { nodes { id } } }',
    200,
    'BAD_USER_INPUT',
  ),
  gql('bad date', '{ bookings(dates: { from: "yesterday" }) { nodes { id } } }', 400, 'GRAPHQL_VALIDATION_FAILED'),
  gql(
    'impossible date',
    '{ bookings(dates: { on: "2026-02-30" }) { nodes { id } } }',
    400,
    'GRAPHQL_VALIDATION_FAILED',
  ),
  gql('unknown period', '{ bookings(dates: { period: FOREVER }) { nodes { id } } }', 400, 'GRAPHQL_VALIDATION_FAILED'),
  gql(
    'two date modes at once',
    '{ bookings(dates: { on: "2026-01-05", period: THIS_WEEK }) { nodes { id } } }',
    200,
    'BAD_USER_INPUT',
  ),
  gql(
    'unknown time zone',
    '{ bookings(dates: { period: TODAY, timeZone: "Mars/Olympus_Mons" }) { nodes { id } } }',
    200,
    'BAD_USER_INPUT',
  ),
  gql(
    'range that ends before it starts',
    '{ bookings(dates: { from: "2026-03-01", to: "2026-02-01" }) { nodes { id } } }',
    200,
    'BAD_USER_INPUT',
  ),
  gql(
    'month that is not YYYY-MM',
    '{ creditAccounts(month: "2026-13", team: "5f1c2a9e8b3d4c0012345678") { nodes { month } } }',
    200,
    'BAD_USER_INPUT',
  ),
  // Who is asking
  { name: 'no API key', anonymous: true, body: { query: '{ __typename }' }, status: 401, code: 'UNAUTHENTICATED' },
  {
    name: 'wrong API key',
    anonymous: true,
    headers: { authorization: 'Bearer wrong-key-0123456789abcdef' },
    body: { query: '{ __typename }' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'wrong x-api-key',
    anonymous: true,
    headers: { 'x-api-key': `${KEY}x` },
    body: { query: '{ __typename }' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'API key in a Basic header',
    anonymous: true,
    headers: { authorization: `Basic ${KEY}` },
    body: { query: '{ __typename }' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'API key in the query string',
    anonymous: true,
    method: 'GET',
    path: `/graphql?query=%7B__typename%7D&api_key=${KEY}`,
    status: 401,
    code: 'UNAUTHENTICATED',
  },
];

/**
 * Bad input of the export endpoint (GET /reports/{report}.{csv|ndjson|json}): bad report names and parameters.
 * Rows are added here with the exports (same shape; `path` names the export URL, `method` defaults to POST).
 */
const EXPORT_CASES: BadInputCase[] = [];

const CASES = [...GRAPHQL_CASES, ...EXPORT_CASES];

describe('bad input', () => {
  let stack: SecureStack;
  const HEALTHY = '{ offices(first: 2) { nodes { id name } } }';

  beforeAll(() => {
    stack = createSecureStack({ env: { GATEWAY_API_KEYS: KEY, NODE_ENV: 'production' } });
  });

  afterAll(async () => {
    // Healthy afterwards: the health check and a normal query still answer.
    expect((await stack.request('/health')).status).toBe(200);
    const after = await stack.query(HEALTHY, undefined, AUTH);
    expect(after.errors).toBeUndefined();
    expect((after.data?.offices as { nodes: unknown[] }).nodes).toHaveLength(2);
  });

  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = stack.apiCalls();
    const method = c.method ?? 'POST';
    const headers = { ...(method === 'GET' ? {} : JSON_TYPE), ...(c.anonymous ? {} : AUTH), ...c.headers };
    const body =
      method === 'GET' || c.body === undefined
        ? undefined
        : typeof c.body === 'string'
          ? c.body
          : JSON.stringify(c.body);
    const answer = await stack.request(c.path ?? '/graphql', {
      method,
      // The GraphQL-over-HTTP media type: request errors are 4xx, not 200.
      headers: { accept: 'application/graphql-response+json', ...headers },
      ...(body === undefined ? {} : { body }),
    });
    expect({ status: answer.status, code: answer.errors?.[0]?.extensions?.code }).toEqual({
      status: c.status,
      code: c.code,
    });
    expect(answer.errors?.[0]?.message).toEqual(expect.any(String));
    // Nothing leaks: no stack, no internals.
    expect(answer.text).not.toMatch(/\bat .+\.(ts|js):\d+|originalError|stacktrace/);
    // Refused input costs OfficeRnD nothing, except the lookups that legitimately run beside a bad argument.
    if (c.status !== 200) expect(stack.apiCalls()).toBe(before);
  });
});
