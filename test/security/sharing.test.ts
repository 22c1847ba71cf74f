import { describe, expect, it } from 'vitest';
import { createSecureStack } from './stack.ts';

// Identical concurrent queries share one execution (issue 14): same document, operation name and variables from the
// same API key (or none) while the first runs. Upstream latency keeps the first running while the others arrive.

const QUERY = 'query Rows($first: Int) { bookings(first: $first) { nodes { id title } } }';
const ASK = { 'x-upstream-calls': 'true' };
const body = (answer: { text: string }) => JSON.parse(answer.text) as { data?: unknown; extensions?: unknown };

describe('shared execution of identical concurrent queries', () => {
  it('answers 10 identical requests with the upstream calls of one, each saying what it spent', async () => {
    const stack = createSecureStack({ simulator: { faults: { latencyMs: 30 } } });
    const answers = await Promise.all(Array.from({ length: 10 }, () => stack.query(QUERY, { first: 200 }, ASK)));
    // 200 bookings: two pages, read once.
    expect(stack.apiCalls()).toBe(2);
    const first = body(answers[0]!);
    expect((first.data as { bookings: { nodes: unknown[] } }).bookings.nodes).toHaveLength(200);
    expect(first.extensions).toEqual({ upstreamCalls: 2 });
    for (const answer of answers.slice(1)) {
      expect(answer.status).toBe(200);
      expect(body(answer).data).toEqual(first.data);
      expect(body(answer).extensions).toEqual({ upstreamCalls: 0, sharedExecution: true });
    }
    // Once answered, the next identical request runs again.
    await stack.query(QUERY, { first: 200 });
    expect(stack.apiCalls()).toBe(4);
  });

  it('does not share across different variables or different API keys', async () => {
    const keys = ['sharing-key-aaaaaaaaaaaaaa', 'sharing-key-bbbbbbbbbbbbbb'];
    const stack = createSecureStack({
      env: { GATEWAY_API_KEYS: keys.join(',') },
      simulator: { faults: { latencyMs: 30 } },
    });
    const [a, b] = keys.map((key) => ({ 'x-api-key': key }));
    const answers = await Promise.all([
      stack.query(QUERY, { first: 200 }, a),
      stack.query(QUERY, { first: 300 }, a),
      stack.query(QUERY, { first: 200 }, b),
    ]);
    // 2 + 3 + 2 pages: nothing shared.
    expect(stack.apiCalls()).toBe(7);
    for (const answer of answers) expect(body(answer).extensions).toBeUndefined();
  });

  it('shares errors too', async () => {
    let failing = true;
    const stack = createSecureStack({
      simulator: { faults: { latencyMs: 20 } },
      client: { retry: { attempts: 1 } },
      wrapFetch: (inner) => async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (failing && url.pathname.endsWith('/bookings')) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return new Response(JSON.stringify({ message: 'down' }), { status: 503 });
        }
        return inner(input, init);
      },
    });
    const before = stack.officernd.stats.requests;
    const answers = await Promise.all(Array.from({ length: 5 }, () => stack.query(QUERY, { first: 50 })));
    // One execution: its one call (no retries), whatever the number of callers.
    expect(stack.officernd.stats.requests - before).toBe(1);
    // Masked as every answer's errors are: the public code, and each request's own id.
    for (const answer of answers) expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(new Set(answers.map((a) => a.errors?.[0]?.extensions?.requestId)).size).toBe(5);
    expect(answers.filter((a) => body(a).extensions !== undefined)).toHaveLength(4);
    failing = false;
    expect((await stack.query(QUERY, { first: 50 })).errors).toBeUndefined();
  });

  it('answers a batch that holds the same query twice (the second shares the first)', async () => {
    const stack = createSecureStack({ simulator: { faults: { latencyMs: 20 } } });
    const answer = await stack.post([
      { query: QUERY, variables: { first: 100 } },
      { query: QUERY, variables: { first: 100 } },
    ]);
    const [one, two] = JSON.parse(answer.text) as { data: unknown; extensions?: unknown }[];
    expect(two?.data).toEqual(one?.data);
    expect(two?.extensions).toEqual({ sharedExecution: true });
    expect(stack.apiCalls()).toBe(1);
  });
});
