import { describe, expect, it } from 'vitest';
import { apiCalls, createVersionStack, distinct } from './support.ts';

// Issue 15 / §8: over v2 the loaders read objects by id with `_id[$in]`, at most 50 ids a call, instead of one GET
// per id or a walk; over v1 the plans are unchanged. Counted in the simulator's request log.

const BOOKINGS_WITH_LINKS = `{
  bookings(first: 120) { nodes { id member { name } team { name } office { name } } }
}`;

describe('lookups by id over v2 (§8: _id[$in], at most 50 ids a call)', () => {
  it('120 bookings with their member, team and office: ⌈distinct ids / 50⌉ calls per linked collection', async () => {
    const stack = createVersionStack('v2');
    stack.simulator.log.reset();
    const result = await stack.query<{ bookings: { nodes: { member: { name: string } | null }[] } }>(
      BOOKINGS_WITH_LINKS,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.bookings.nodes).toHaveLength(120);
    const { bookings, offices } = stack.simulator.dataset.collections;
    const rows = bookings.slice(0, 120);
    const members = distinct(rows.map((b) => b.member));
    const teams = distinct(rows.map((b) => b.team));
    expect(members.size).toBeGreaterThan(50);
    const calls = apiCalls(stack);
    const to = (path: string) => calls.filter((c) => c.path === path);
    // Bookings: pages of 50 (§3).
    expect(to('/bookings')).toHaveLength(3);
    expect(to('/bookings').every((c) => Number(c.query.$limit) <= 50)).toBe(true);
    // Members and companies: one `_id[$in]` call per 50 distinct ids, each id asked for once.
    for (const [path, ids] of [
      ['/members', members],
      ['/companies', teams],
    ] as const) {
      const made = to(path);
      expect(made).toHaveLength(Math.ceil(ids.size / 50));
      const asked = made.flatMap((c) => (c.query['_id[$in]'] ?? '').split(','));
      expect(asked.length).toBe(ids.size);
      expect(new Set(asked)).toEqual(ids);
    }
    // Offices are a catalogue: read whole, 50 a page.
    expect(to('/locations')).toHaveLength(Math.ceil(offices.length / 50));
    expect(calls.some((c) => /^\/(members|companies)\/[0-9a-f]{24}$/.test(c.path))).toBe(false);
    expect(calls).toHaveLength(
      3 + Math.ceil(members.size / 50) + Math.ceil(teams.size / 50) + Math.ceil(offices.length / 50),
    );
  });

  it('memberships and payments by id, which v1 can only walk, are one _id[$in] call on v2', async () => {
    const v2 = createVersionStack('v2');
    const v1 = createVersionStack('v1');
    const { memberships, payments } = v2.simulator.dataset.collections;
    const query = `query($m: ID!, $p: ID!) { membership(id: $m) { name } payment(id: $p) { number } }`;
    const variables = { m: memberships[40]!._id, p: payments[70]!._id };
    v2.simulator.log.reset();
    v1.simulator.log.reset();
    const over2 = await v2.query(query, variables);
    const over1 = await v1.query(query, variables);
    expect(over2.errors).toBeUndefined();
    expect(over2.data).toEqual(over1.data);
    expect(over2.data).toEqual({
      membership: { name: memberships[40]!.name },
      payment: { number: payments[70]!.number },
    });
    const calls2 = apiCalls(v2);
    expect(calls2.map((c) => [c.path, c.query['_id[$in]']]).sort()).toEqual([
      ['/memberships', variables.m],
      ['/payments', variables.p],
    ]);
    // v1 walks both (no GET by id for them, §8): every page.
    expect(apiCalls(v1).length).toBe(Math.ceil(memberships.length / 100) + Math.ceil(payments.length / 100));
  });

  it('keeps the v1 plan: one GET per id under 20 ids', async () => {
    const stack = createVersionStack('v1');
    const members = stack.simulator.dataset.collections.members.slice(0, 5);
    stack.simulator.log.reset();
    const fields = members.map((m, i) => `m${i}: member(id: "${m._id}") { name }`).join(' ');
    const result = await stack.query(`{ ${fields} }`);
    expect(result.errors).toBeUndefined();
    const calls = apiCalls(stack);
    expect(calls.map((c) => c.path).sort()).toEqual(members.map((m) => `/members/${m._id}`).sort());
  });
});
