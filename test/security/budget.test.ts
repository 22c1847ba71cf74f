import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createRequestBudgets, RequestBudgetError, useRequestBudget } from '../../src/security/index.ts';

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
  it('stops the clock of a GraphQL request once its answer is out', async () => {
    const { yoga, seen } = server(true);
    const response = await yoga.fetch('http://gateway.test/graphql?query=%7Bping%7D');
    expect(await response.json()).toEqual({ data: { ping: 'pong' } });
    await wait(BUDGET_MS * 3);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.aborted).toBe(false);
  });

  it('keeps the clock of a response ended before GraphQL, and of every request without the plugin', async () => {
    const withPlugin = server(true);
    expect(await (await withPlugin.yoga.fetch('http://gateway.test/export')).text()).toBe('streaming…');
    const without = server(false);
    await (await without.yoga.fetch('http://gateway.test/graphql?query=%7Bping%7D')).json();
    await wait(BUDGET_MS * 3);
    expect(withPlugin.seen[0]?.reason).toBeInstanceOf(RequestBudgetError);
    expect(without.seen[0]?.reason).toBeInstanceOf(RequestBudgetError);
  });
});
