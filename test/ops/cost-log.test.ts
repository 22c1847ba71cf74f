import { describe, expect, it } from 'vitest';
import { createOpsStack } from './stack.ts';

// Issue 14: the operation log line carries the cost decided for that request. A document without variables whose
// cost read a size the gateway had not learnt yet is costed again once the size is known; the line follows.

describe('cost in the operation log line', () => {
  it('is the cost of this request, after the walk that learnt the size, not the first one remembered', async () => {
    const stack = createOpsStack();
    const id = stack.simulator.dataset.collections.payments[0]!._id;
    // Payments have no GET by id (v1, §8): a lookup walks them, 100 pages while their size is unknown.
    const query = `{ payment(id: "${id}") { number } }`;
    for (let i = 0; i < 2; i++) {
      const response = await stack.post({ query }, { 'x-request-id': `lookup-${i}` });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    }
    const pages = Math.ceil(stack.simulator.dataset.collections.payments.length / 100);
    const costs = stack
      .logs()
      .filter((l) => l.msg === 'graphql operation')
      .map((l) => [l.requestId, l.cost, l.upstreamCalls]);
    expect(pages).toBeLessThan(100);
    expect(costs).toEqual([
      ['lookup-0', 100, pages],
      ['lookup-1', pages, pages],
    ]);
  });

  it('is the cost of a refused query too', async () => {
    const stack = createOpsStack({ env: { MAX_COST: '10' } });
    const response = await stack.post({
      query: '{ members(first: 1000) { nodes { id } } bookings(first: 1000) { nodes { id } } }',
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(stack.logs().find((l) => l.msg === 'graphql operation')).toMatchObject({ cost: 20, upstreamCalls: 0 });
  });
});
