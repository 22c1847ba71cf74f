import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { WalkTooLargeError } from '../../src/loaders/index.ts';
import { CursorLoopError, OfficeRnDError, OfficeRnDQueryError } from '../../src/officernd/index.ts';
import { maskError } from '../../src/schema/errors.ts';
import { createRequestBudgets, RequestBudgetError } from '../../src/security/index.ts';
import { failWhen, hang, upstreamError, urlOf } from './faulty-fetch.ts';
import { createSecureStack, type GraphQLErrorJson } from './stack.ts';

// Partial results: a failing link is null plus an error at its path with a stable code; a list is complete or an
// error; the time budget and the caller's disconnect end upstream work.

const teamsDown = (answer: () => Response | Promise<Response>) => (inner: typeof fetch) =>
  failWhen(inner, (url) => /\/teams(\/|$)/.test(url.pathname), answer);

const MEMBERS_WITH_TEAMS = '{ members(first: 30) { nodes { id name team { name } } } }';

interface MemberNode {
  id: string;
  name: string | null;
  team: { name: string } | null;
}

function teamErrors(errors: GraphQLErrorJson[] | undefined): GraphQLErrorJson[] {
  return (errors ?? []).filter((e) => e.path?.at(-1) === 'team');
}

describe('partial results', () => {
  it.each([
    ['503', 'UPSTREAM_UNAVAILABLE', () => upstreamError(503)],
    ['429 with Retry-After', 'UPSTREAM_RATE_LIMITED', () => upstreamError(429, { 'retry-after': '1' })],
    ['a dropped connection', 'UPSTREAM_UNAVAILABLE', () => Promise.reject(new TypeError('fetch failed'))],
  ] as const)(
    'a link whose upstream answers %s is null with %s at its path; the rest is answered',
    async (_what, code, answer) => {
      const stack = createSecureStack({ wrapFetch: teamsDown(answer) });
      const result = await stack.query(MEMBERS_WITH_TEAMS);
      const nodes = (result.data?.members as { nodes: MemberNode[] }).nodes;
      const dataset = stack.simulator.dataset.collections.members.slice(0, 30);
      expect(nodes.map((n) => n.id)).toEqual(dataset.map((m) => m._id));
      expect(nodes.every((n) => typeof n.name === 'string' && n.team === null)).toBe(true);
      const withTeam = dataset.map((m, i) => [m, i] as const).filter(([m]) => typeof m.team === 'string');
      expect(withTeam.length).toBeGreaterThan(0);
      const errors = teamErrors(result.errors);
      expect(errors.map((e) => e.path)).toEqual(withTeam.map(([, i]) => ['members', 'nodes', i, 'team']));
      for (const error of errors) {
        expect(error.extensions?.code).toBe(code);
        // Method and path, never an origin or a token.
        expect(error.message).toMatch(/^\[GET\] "\/organizations\/demo\/teams\/[0-9a-f]{24}"/);
        expect(error.message).not.toMatch(/https?:|Bearer/);
      }
      expect(result.errors).toHaveLength(errors.length);
    },
  );

  it('a link whose upstream hangs is null with UPSTREAM_TIMEOUT', async () => {
    const stack = createSecureStack({
      wrapFetch: (inner) =>
        failWhen(
          inner,
          (url) => /\/teams\//.test(url.pathname),
          (init) => hang(init),
        ),
      client: { timeoutMs: 50, retry: { attempts: 2, baseDelayMs: 1 } },
    });
    const result = await stack.query(MEMBERS_WITH_TEAMS);
    const errors = teamErrors(result.errors);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.extensions?.code === 'UPSTREAM_TIMEOUT')).toBe(true);
  });

  it('a failing reverse link (a connection) is null at its path while the rest of the answer stands', async () => {
    const stack = createSecureStack({
      wrapFetch: (inner) =>
        failWhen(
          inner,
          (url) => url.pathname.endsWith('/bookings'),
          () => upstreamError(503),
        ),
    });
    const result = await stack.query(
      '{ offices(first: 2) { nodes { name } } members(first: 3) { nodes { id bookings(first: 2) { nodes { id } } } } }',
    );
    const data = result.data as {
      offices: { nodes: unknown[] };
      members: { nodes: { id: string; bookings: unknown }[] };
    };
    expect(data.offices.nodes).toHaveLength(2);
    expect(data.members.nodes).toHaveLength(3);
    for (const member of data.members.nodes) expect(member.bookings).toBeNull();
    expect(result.errors?.length).toBe(3);
    expect(result.errors?.[0]).toMatchObject({
      path: ['members', 'nodes', 0, 'bookings'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
  });

  it('a failed walk that was only an optimisation falls back to single GETs: every link still resolves', async () => {
    // Listing members fails; fetching one member by id works. 200 bookings reference many members, so the loaders
    // first try a bounded walk of the members, which fails.
    // MAX_COST above the cost with the members' size unknown: their size cannot be learnt (the list fails).
    const stack = createSecureStack({
      env: { MAX_COST: '5000' },
      client: { retry: { attempts: 1 } },
      wrapFetch: (inner) =>
        failWhen(
          inner,
          (url) => url.pathname.endsWith('/members'),
          () => upstreamError(503),
        ),
    });
    const result = await stack.query('{ bookings(first: 200) { nodes { member { id } } } }');
    expect(result.errors).toBeUndefined();
    const wire = stack.simulator.dataset.collections.bookings.slice(0, 200);
    const nodes = (result.data as { bookings: { nodes: { member: { id: string } | null }[] } }).bookings.nodes;
    expect(nodes.map((n) => n.member?.id ?? null)).toEqual(wire.map((b) => b.member ?? null));
    expect(stack.simulator.log.count({ kind: 'api', collection: 'members', id: true })).toBe(
      new Set(wire.map((b) => b.member).filter(Boolean)).size,
    );
  });

  it('a link whose catalogue is missing upstream (404) is null with NOT_FOUND', async () => {
    // Plans have no by-id endpoint in v1, so the catalogue read is the only way to them.
    const stack = createSecureStack({
      wrapFetch: (inner) =>
        failWhen(
          inner,
          (url) => url.pathname.endsWith('/plans'),
          () => upstreamError(404),
        ),
    });
    const result = await stack.query('{ memberships(first: 3) { nodes { name plan { name } } } }');
    const nodes = (result.data?.memberships as { nodes: { name: string; plan: unknown }[] }).nodes;
    expect(nodes).toHaveLength(3);
    expect(nodes.every((n) => n.plan === null)).toBe(true);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
  });

  it('a catalogue that has by-id endpoints falls back to them when its list fails', async () => {
    const stack = createSecureStack({
      wrapFetch: (inner) =>
        failWhen(
          inner,
          (url) => url.pathname.endsWith('/offices'),
          () => upstreamError(404),
        ),
    });
    const result = await stack.query('{ resources(first: 3) { nodes { name office { name } } } }');
    expect(result.errors).toBeUndefined();
    const nodes = (result.data?.resources as { nodes: { office: { name: string } | null }[] }).nodes;
    expect(nodes.every((n) => typeof n.office?.name === 'string')).toBe(true);
  });

  it('a list whose later page fails is an error, never a short list', async () => {
    let pages = 0;
    const stack = createSecureStack({
      wrapFetch: (inner) =>
        failWhen(
          inner,
          (url) => url.pathname.endsWith('/bookings') && ++pages >= 3,
          () => upstreamError(502),
        ),
    });
    const result = await stack.query('{ bookings(first: 500) { nodes { id } pageInfo { hasNextPage } } }');
    // The list is null (never a short list) and only it: the rest of a response would stand.
    expect(result.data).toEqual({ bookings: null });
    expect(result.errors?.[0]).toMatchObject({
      path: ['bookings'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 502 },
    });
  });

  it('a link read through a whole-collection walk that fails midway is an error at each link, never a miss', async () => {
    let pages = 0;
    const stack = createSecureStack({
      wrapFetch: (inner) =>
        failWhen(
          inner,
          (url) => url.pathname.endsWith('/payments') && ++pages >= 2,
          () => upstreamError(503),
        ),
    });
    const fees = stack.simulator.dataset.collections.fees.slice(0, 10);
    const invoiced = fees.map((f, i) => [f, i] as const).filter(([f]) => typeof f.invoice?._id === 'string');
    expect(invoiced.length).toBeGreaterThan(0);
    const result = await stack.query('{ fees(first: 10) { nodes { id payment { number } } } }');
    const nodes = (result.data?.fees as { nodes: { payment: unknown }[] }).nodes;
    expect(nodes.every((n) => n.payment === null)).toBe(true);
    expect(result.errors?.map((e) => e.path)).toEqual(invoiced.map(([, i]) => ['fees', 'nodes', i, 'payment']));
    expect(result.errors?.every((e) => e.extensions?.code === 'UPSTREAM_UNAVAILABLE')).toBe(true);
  });
});

describe('the request time budget', () => {
  it('answers UPSTREAM_AUTH_UNAVAILABLE within the budget when OfficeRnD is down, however long retries would wait', async () => {
    // Every connection dropped, the token endpoint's too; retries would wait up to 100 × 10 s. Only the 300 ms
    // budget lets this test end.
    const stack = createSecureStack({
      env: { REQUEST_BUDGET_MS: '300' },
      simulator: { faults: { dropRate: 1 } },
      client: { retry: { attempts: 100, baseDelayMs: 10_000, maxDelayMs: 10_000 } },
    });
    const result = await stack.query('{ offices { nodes { id } } members(first: 5) { nodes { id } } }');
    expect(result.data).toEqual({ offices: null, members: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_AUTH_UNAVAILABLE');
    expect(result.errors?.[0]?.message).toMatch(/network error/);
    // Far fewer attempts than the retry policy allows: the budget, not the policy, ended them.
    expect(stack.simulator.log.count()).toBeLessThan(10);
  });

  it('answers UPSTREAM_TIMEOUT naming the budget when OfficeRnD never answers', async () => {
    const stack = createSecureStack({
      env: { REQUEST_BUDGET_MS: '200' },
      wrapFetch: () => (_input, init) => hang(init),
      client: { timeoutMs: 600_000 },
    });
    const result = await stack.query('{ members(first: 5) { nodes { id } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    expect(result.errors?.[0]?.message).toMatch(/time budget of 200 ms \(REQUEST_BUDGET_MS\)/);
  });
});

describe('request budgets', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('abort with RequestBudgetError when the budget runs out, with the caller reason when the caller leaves', async () => {
    const budgets = createRequestBudgets(30);
    const expiring = budgets.signalFor(new Request('http://gateway.test/graphql'));
    const caller = new AbortController();
    const leaving = budgets.signalFor(new Request('http://gateway.test/graphql', { signal: caller.signal }));
    caller.abort(new Error('caller left'));
    expect((leaving.reason as Error).message).toBe('caller left');
    await wait(60);
    expect(expiring.reason).toBeInstanceOf(RequestBudgetError);
  });

  it('stop the clock of a request whose answer is out, and still follow its caller', async () => {
    const budgets = createRequestBudgets(30);
    const caller = new AbortController();
    const request = new Request('http://gateway.test/graphql', { signal: caller.signal });
    const signal = budgets.signalFor(request);
    budgets.release(request);
    await wait(60);
    expect(signal.aborted).toBe(false);
    caller.abort();
    expect(signal.aborted).toBe(true);
  });
});

describe('caller disconnect', () => {
  it('cancels the upstream work of a request whose caller went away', async () => {
    const aborted: string[] = [];
    let calls = 0;
    let onFirstCall: () => void = () => undefined;
    const firstCall = new Promise<void>((resolve) => (onFirstCall = resolve));
    // MAX_COST above the query's cost with sizes unknown: no learning walk before it runs.
    const stack = createSecureStack({
      env: { MAX_COST: '5000' },
      simulator: { faults: { latencyMs: 30 } },
      wrapFetch: (inner) => (input, init) => {
        if (urlOf(input).pathname.includes('/api/')) {
          calls += 1;
          onFirstCall();
          init?.signal?.addEventListener('abort', () => aborted.push(urlOf(input).pathname), { once: true });
        }
        return inner(input, init);
      },
    });
    const server = createServer(stack.gateway);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      // Ten pages one after the other, then a member per booking: seconds of upstream work.
      const body = JSON.stringify({ query: '{ bookings(first: 1000) { nodes { id member { name } } } }' });
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      req.on('error', () => undefined);
      req.end(body);
      await firstCall;
      req.destroy();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const settled = calls;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(calls).toBe(settled);
      expect(calls).toBeLessThanOrEqual(2);
      // The call in flight when the caller left was aborted, not waited for.
      expect(aborted.length).toBeGreaterThanOrEqual(1);
    } finally {
      server.close();
    }
  });
});

describe('maskError', () => {
  const at = (original: Error) => new GraphQLError(original.message, { path: ['x'], originalError: original });

  it.each([
    [
      'an upstream 503',
      'UPSTREAM_UNAVAILABLE',
      new OfficeRnDError({
        code: 'UPSTREAM_UNAVAILABLE',
        method: 'GET',
        path: '/organizations/demo/teams',
        status: 503,
      }),
    ],
    [
      'an upstream 429',
      'UPSTREAM_RATE_LIMITED',
      new OfficeRnDError({
        code: 'UPSTREAM_RATE_LIMITED',
        method: 'GET',
        path: '/organizations/demo/teams',
        status: 429,
      }),
    ],
    [
      'an upstream timeout',
      'UPSTREAM_TIMEOUT',
      new OfficeRnDError({ code: 'UPSTREAM_TIMEOUT', method: 'GET', path: '/organizations/demo/teams' }),
    ],
    [
      'an upstream 404 on a list',
      'NOT_FOUND',
      new OfficeRnDError({ code: 'NOT_FOUND', method: 'GET', path: '/organizations/demo/teams', status: 404 }),
    ],
    ['the request budget', 'UPSTREAM_TIMEOUT', new RequestBudgetError(1000)],
    ['a whole-collection walk over its bound', 'RESULT_TOO_LARGE', new WalkTooLargeError('fees', 50_000)],
    ['a repeated upstream cursor', 'UPSTREAM_INVALID_DATA', new CursorLoopError('abc', '/organizations/demo/teams')],
    [
      'a query the client will not send',
      'BAD_USER_INPUT',
      new OfficeRnDQueryError('The occurrence window is longer than a year'),
    ],
  ] as const)('maps %s to %s at the same path', (_what, code, original) => {
    const masked = maskError(at(original), 'Unexpected error.') as GraphQLError;
    expect(masked.extensions.code).toBe(code);
    expect(masked.path).toEqual(['x']);
    expect(masked.message).toBe(original.message);
  });

  it('masks anything else, message and all', () => {
    const masked = maskError(
      at(new Error('connect ECONNREFUSED 10.0.0.7 with secret s3cr3t')),
      'Unexpected error.',
    ) as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(masked.toJSON())).not.toMatch(/s3cr3t|ECONNREFUSED|stack/);
  });
});
