import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createRequestBudgets, RequestBudgetError, useRequestBudget } from '../../src/security/index.ts';
import { onFakeTime } from '../fake-time.ts';
import { createSecureStack } from './stack.ts';

// useRequestBudget in a Yoga server: a GraphQL request's budget clock stops once its result is out; a response
// ended before GraphQL (what the report exports do) keeps its clock running. The context is built as the gateway's.

const BUDGET_MS = 30;
type Ctx = Record<string, unknown> & { signal: AbortSignal };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function server(release: boolean) {
  const budgets = createRequestBudgets(BUDGET_MS);
  const seen: AbortSignal[] = [];
  const streamed: Plugin = {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/export') return;
      seen.push(budgets.signalFor(request));
      endResponse(new Response('streaming…'));
    },
  };
  const yoga = createYoga<Record<string, unknown>, Ctx>({
    schema: createSchema<Ctx>({
      typeDefs: 'type Query { ping: String! }',
      resolvers: {
        Query: {
          ping: (_parent, _args, ctx) => {
            seen.push(ctx.signal);
            return 'pong';
          },
        },
      },
    }),
    context: ({ request }) => ({ signal: budgets.signalFor(request) }),
    plugins: [streamed, ...(release ? [useRequestBudget(budgets)] : [])],
    logging: false,
  });
  return { yoga, seen };
}

describe('request budget plugin', () => {
  // On fake timers (test/fake-time.ts): the 30 ms budget runs out when the test waits, never while a loaded machine
  // is slow to answer.
  it('stops the clock of a GraphQL request once its answer is out', async () => {
    const { seen } = await onFakeTime(async () => {
      const stack = server(true);
      const response = await stack.yoga.fetch('http://gateway.test/graphql?query=%7Bping%7D');
      expect(await response.json()).toEqual({ data: { ping: 'pong' } });
      await wait(BUDGET_MS * 3);
      return stack;
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.aborted).toBe(false);
  });

  it('keeps the clock of a response ended before GraphQL, and of every request without the plugin', async () => {
    const { withPlugin, without } = await onFakeTime(async () => {
      const withPlugin = server(true);
      expect(await (await withPlugin.yoga.fetch('http://gateway.test/export')).text()).toBe('streaming…');
      const without = server(false);
      await (await without.yoga.fetch('http://gateway.test/graphql?query=%7Bping%7D')).json();
      expect(withPlugin.seen[0]?.aborted).toBe(false);
      expect(without.seen[0]?.aborted).toBe(false);
      await wait(BUDGET_MS * 3);
      return { withPlugin, without };
    });
    expect(withPlugin.seen[0]?.reason).toBeInstanceOf(RequestBudgetError);
    expect(without.seen[0]?.reason).toBeInstanceOf(RequestBudgetError);
  });
});

// Each GraphQL request's share of the OfficeRnD budget (MAX_UPSTREAM_CALLS_PER_REQUEST, a deadline for rate slots,
// one lane per API key), through the whole stack. Time: where the minute's budget matters, client, simulator and
// gateway read the fake clock of test/fake-time.ts, so a minute of rate budget passes at once and the bounds on it
// below are exact.

const KEY_A = 'heavy-key-aaaaaaaaaaaaaaaa';
const KEY_B = 'light-key-bbbbbbbbbbbbbbbb';

describe('upstream share of a request', () => {
  it('stops a request at MAX_UPSTREAM_CALLS_PER_REQUEST with UPSTREAM_BUDGET_EXCEEDED, and reports its calls', async () => {
    const stack = createSecureStack({ env: { MAX_UPSTREAM_CALLS_PER_REQUEST: '4' } });
    // 1,000 bookings are 10 pages of 100: more than the request may read.
    const asking = { 'x-upstream-calls': 'true' };
    const heavy = await stack.query('{ bookings(first: 1000) { nodes { id } } }', undefined, asking);
    expect(heavy.data?.bookings).toBeNull();
    expect(heavy.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
    expect(heavy.errors?.[0]?.message).toMatch(/made its 4 OfficeRnD calls \(MAX_UPSTREAM_CALLS_PER_REQUEST\)/);
    expect(stack.simulator.log.count({ kind: 'api' })).toBe(4);
    expect((heavy as { extensions?: Record<string, unknown> }).extensions).toEqual({ upstreamCalls: 4 });
    // The next request has a share of its own.
    stack.simulator.log.reset();
    const small = await stack.query('{ bookings(first: 300) { nodes { id } } }', undefined, asking);
    expect(small.errors).toBeUndefined();
    expect(stack.simulator.log.count({ kind: 'api' })).toBe(3);
    expect(JSON.parse(small.text).extensions).toEqual({ upstreamCalls: 3 });
    // Only when asked: other answers are as before.
    expect(JSON.parse((await stack.query('{ offices { nodes { id } } }')).text).extensions).toBeUndefined();
  });

  it('lets a browser on an allowed origin ask for the upstream calls (CORS preflight)', async () => {
    const stack = createSecureStack({ env: { CORS_ORIGINS: 'https://dash.example.com' } });
    const preflight = await stack.request('/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://dash.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-upstream-calls',
      },
    });
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-upstream-calls/);
  });

  it("one key's concurrent heavy requests cannot starve another key's small request", async () => {
    // Read when called: the fake Date.now while the requests run (below).
    const clock = (): number => Date.now();
    const stack = createSecureStack({
      env: {
        GATEWAY_API_KEYS: `${KEY_A},${KEY_B}`,
        UPSTREAM_MAX_REQUESTS_PER_MINUTE: '60',
        REQUEST_BUDGET_MS: '30000',
      },
      simulator: { clock },
      // As server.ts builds it from the configuration: two keys, so each may start half the minute's 60 calls.
      client: { clock, maxRequestsPerMinute: 60, keyShare: 0.5 },
    });
    expect(stack.config.upstream.keyShare).toBe(0.5);
    const asA = { authorization: `Bearer ${KEY_A}` };
    const { started, small, heavyAnswers, ended } = await onFakeTime(async () => {
      const started = clock();
      // Key A: eight requests of 10 pages each (80 calls) at once, more than the whole minute's budget (each its own
      // document: identical ones would share one execution).
      const heavy = Array.from({ length: 8 }, (_, i) =>
        stack.query(`{ heavy${i}: bookings(first: 1000) { nodes { id } } }`, undefined, asA),
      );
      // Key B comes while they run, with one call to make.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const small = await stack.query('{ offices { nodes { name } } }', undefined, {
        'x-api-key': KEY_B,
        'x-upstream-calls': 'true',
      });
      const heavyAnswers = await Promise.all(heavy);
      return { started, small, heavyAnswers, ended: clock() };
    });

    expect(small.errors).toBeUndefined();
    expect(JSON.parse(small.text).extensions).toEqual({ upstreamCalls: 1 });
    const entries = stack.simulator.log.entries().filter((e) => e.kind === 'api');
    const offices = entries.filter((e) => e.collection === 'offices');
    expect(offices).toHaveLength(1);
    // Served at once (generous bound in clock time: a third of the minute key A would otherwise have filled).
    expect((offices[0]?.at ?? Number.POSITIVE_INFINITY) - started).toBeLessThan(20_000);
    // Key A started at most its half of the minute: 30 calls; its other requests were told when to come back
    // instead of waiting past their 30 s deadline for the next minute.
    const bookings = entries.filter((e) => e.collection === 'bookings');
    expect(bookings.length).toBeLessThanOrEqual(30);
    expect(bookings.length).toBeGreaterThanOrEqual(20);
    const refused = heavyAnswers
      .flatMap((a) => a.errors ?? [])
      .filter((e) => e.extensions?.code === 'UPSTREAM_BUDGET_EXCEEDED');
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect(error.message).toMatch(/this API key has used its share of the OfficeRnD budget/);
      expect(error.extensions?.retryAfter).toEqual(expect.any(Number));
      expect(error.extensions?.retryAfter).toBeGreaterThan(0);
      expect(error.extensions?.retryAfter).toBeLessThanOrEqual(60);
    }
    // Nothing waited for a slot past the deadline: all answers came within it (clock time).
    expect(ended - started).toBeLessThan(30_000);
  });
});
