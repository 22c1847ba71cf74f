import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIRST, MAX_FIRST } from '../../src/core/limits.ts';
import { LIST_COLLECTIONS } from '../../src/officernd/collections.ts';
import { schema } from '../../src/schema/index.ts';
import { queryCost } from '../../src/security/index.ts';
import { testDataset } from '../helpers.ts';
import { createSecureStack, type SecureStack } from './stack.ts';

// Issue 14: collection sizes are learnt at start-up (or for the query that needs them), so that the cost of a query
// is close to its calls from the first requests on, and MAX_COST can be what the budget serves (300, not 5,000).

const DASHBOARD = readFileSync(new URL('../../examples/dashboard.graphql', import.meta.url), 'utf8');
const MODEL = { defaultFirst: DEFAULT_FIRST, maxFirst: MAX_FIRST, listSize: 10 };
const dataset = testDataset().collections as unknown as Record<string, readonly unknown[]>;
const pagesOf = (collection: string) => Math.max(1, Math.ceil((dataset[collection]?.length ?? 0) / 100));

/** The cost the gateway worked out for its last operation (its log line). */
function loggedCost(stack: SecureStack): number {
  const line = stack.logs.findLast((l) => l.includes('"graphql operation"'));
  const cost = line ? (JSON.parse(line) as { cost?: number }).cost : undefined;
  if (typeof cost !== 'number') throw new Error('no cost logged');
  return cost;
}

/** Collections the simulator saw read for learning (ids, `$select=_id`; bookings with their series reach's fields too). */
const learningReads = (stack: SecureStack) =>
  stack.simulator.log.entries().filter((e) => e.kind === 'api' && e.query.$select?.split(',')[0] === '_id');

describe('collection sizes learnt from the start (issue 14)', () => {
  it('learns every size at start-up with one walk of ids each; the dashboard is then costed near its calls', async () => {
    // On a fresh gateway the dashboard costs far more than MAX_COST: every link as if no size were known.
    const cold = queryCost(schema, parse(DASHBOARD), undefined, {}, MODEL);
    expect(cold).toBeGreaterThan(800);
    const stack = createSecureStack({ logLevel: 'info' });
    await stack.learner.start();
    for (const collection of LIST_COLLECTIONS) expect(stack.sizes.get(collection)).toBe(dataset[collection]?.length);
    // One page of 100 ids per call, each collection once.
    const expected = LIST_COLLECTIONS.reduce((sum, c) => sum + pagesOf(c), 0);
    expect(stack.apiCalls()).toBe(expected);
    expect(learningReads(stack)).toHaveLength(expected);
    // Learning again learns nothing.
    await stack.learner.start();
    expect(stack.apiCalls()).toBe(expected);

    stack.simulator.log.reset();
    const answer = await stack.query(DASHBOARD);
    expect(answer.errors).toBeUndefined();
    const calls = stack.apiCalls();
    const cost = loggedCost(stack);
    expect(cost).toBeGreaterThanOrEqual(calls);
    expect(cost).toBeLessThanOrEqual(calls + 10);
    expect(cost).toBeLessThanOrEqual(stack.config.security.maxCost);
  });

  it('refuses a query over MAX_COST with QUERY_TOO_COSTLY before any upstream call once sizes are known', async () => {
    const stack = createSecureStack();
    await stack.learner.start();
    stack.simulator.log.reset();
    // Each of 30 aliases sorts the whole match set of bookings (16 pages once the size is known): 480.
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `b${i}: bookings(first: 1, orderBy: [{ field: START, direction: ASC }]) { nodes { id } }`,
    );
    const answer = await stack.query(`{ ${aliases.join(' ')} }`);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      cost: 30 * pagesOf('bookings'),
      limit: 300,
      setting: 'MAX_COST',
    });
    expect(stack.simulator.log.count()).toBe(0);
  });

  it('learns on demand the sizes a query over MAX_COST reads, then serves it (fresh gateway, no start-up walk)', async () => {
    const stack = createSecureStack({ logLevel: 'info' });
    const answer = await stack.query(DASHBOARD);
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.bookings as { nodes: unknown[] }).nodes).toHaveLength(200);
    // Only the collections the dashboard's cost read were learnt, each with one walk of ids.
    const learnt = new Set(learningReads(stack).map((e) => e.collection));
    expect(learnt.size).toBeGreaterThan(0);
    expect([...learnt].every((c) => ['members', 'teams', 'resources', 'offices', 'floors', 'rates'].includes(c!))).toBe(
      true,
    );
    for (const collection of learnt) expect(stack.sizes.get(collection as never)).toBe(dataset[collection!]?.length);
    const sizeOf = (collection: (typeof LIST_COLLECTIONS)[number]) => stack.sizes.get(collection);
    const learntCost = queryCost(schema, parse(DASHBOARD), undefined, {}, { ...MODEL, sizeOf });
    expect(learntCost).toBeLessThanOrEqual(stack.config.security.maxCost);
    expect(learntCost).toBeGreaterThanOrEqual(stack.apiCalls() - learningReads(stack).length);
  });

  it('refuses at once, without learning, a query that sizes could not bring under MAX_COST', async () => {
    const stack = createSecureStack({ env: { MAX_COST: '20' } });
    // One credit-stats call per team (30), whatever the sizes: over 20 even with every size at its least.
    const answer = await stack.query(
      '{ teams(first: 30) { nodes { creditAccounts(month: "2026-10") { month } members(first: 5) { nodes { id } } } } }',
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 20 });
    expect(stack.simulator.log.count()).toBe(0);
  });
});
