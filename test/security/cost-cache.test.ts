import { describe, expect, it } from 'vitest';
import { createSecureStack, type GatewayAnswer } from './stack.ts';

// The cost limit remembers the cost of a document whose cost reads no variable (security/cost.ts useCostLimit).
// Through the gateway, the same text parses to the same cached document: each check below sends a text again after
// another answer was remembered, so a cache keyed too loosely would hand back the wrong cost.

const costOf = (answer: GatewayAnswer): unknown => answer.errors?.[0]?.extensions?.cost;
const refused = (answer: GatewayAnswer): boolean => answer.errors?.[0]?.extensions?.code === 'QUERY_TOO_COSTLY';

describe('cost limit over repeated documents', () => {
  it('costs two documents apart, however often each is sent', async () => {
    const stack = createSecureStack({ env: { MAX_COST: '100' } });
    const cheap = '{ members(first: 10) { nodes { id } } }';
    const costly = '{ teams(first: 200) { nodes { id creditAccounts(month: "2026-10") { month } } } }';
    for (let round = 0; round < 2; round += 1) {
      expect(refused(await stack.query(cheap))).toBe(false);
      const answer = await stack.query(costly);
      expect(refused(answer)).toBe(true);
      // 2 pages of teams, then one credit-stats call per team (§6.6): no size read, so the cost is remembered.
      expect(costOf(answer)).toBe(2 + 200);
    }
  });

  it('costs a document with a variable `first` for the variables of each request', async () => {
    const stack = createSecureStack({ env: { MAX_COST: '100' } });
    const query =
      'query($n: Int = 10) { teams(first: $n) { nodes { id creditAccounts(month: "2026-10") { month } } } }';
    const small = await stack.query(query, { n: 5 });
    expect(refused(small)).toBe(false);
    expect((small.data as { teams: { nodes: unknown[] } }).teams.nodes).toHaveLength(5);
    const large = await stack.query(query, { n: 200 });
    expect(costOf(large)).toBe(2 + 200);
    // The default (10: 1 + 10) and a small value again, after a refusal of the same text.
    expect(refused(await stack.query(query))).toBe(false);
    expect(refused(await stack.query(query, { n: 5 }))).toBe(false);
    expect(costOf(await stack.query(query, { n: 100 }))).toBe(1 + 100);
  });

  it('costs each operation of one document on its own', async () => {
    const stack = createSecureStack({ env: { MAX_COST: '100' } });
    const query = `
      query Cheap { members(first: 10) { nodes { id } } }
      query Costly { teams(first: 200) { nodes { id creditAccounts(month: "2026-10") { month } } } }`;
    for (const order of [
      ['Cheap', 'Costly'],
      ['Costly', 'Cheap'],
      ['Cheap', 'Costly'],
    ]) {
      for (const operationName of order) {
        const answer = await stack.post({ query, operationName });
        expect(refused(answer)).toBe(operationName === 'Costly');
      }
    }
  });
});
