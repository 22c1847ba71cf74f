import { describe, expect, it } from 'vitest';
import type { V1PopulateMode } from '../../src/simulator/index.ts';
import { createSecureStack, type SecureStack } from './stack.ts';

// A `report(...)` whose one-level joined column rides on its own pages (v1 `$populate`, shared/officernd-api.md §2,
// §4) is priced without the join's calls. Once OfficeRnD refuses `$populate` (simulator mode `refused`: a 400, as for
// an unknown parameter) or ignores it (`ignored`: a page of bare ids), the gateway remembers it and joins by calls:
// the same query text must then be priced with them (the cost rule remembers a price per document), and the
// operator is told once: per collection for a refusal, per reference for one ignored. A reference ignored alone
// (simulator `v1Unpopulated`) is priced with its join, the others still without.

const QUERY = '{ report(name: BOOKINGS, first: 50, columns: ["_id", "member.name"]) { rows } }';
const WARNING = {
  refused: 'officernd refused $populate; joined columns of this collection are read by extra calls from now on',
  ignored: 'officernd ignored $populate of a reference; joined columns through it are read by extra calls from now on',
};
const WARNINGS = Object.values(WARNING);

interface LogLine {
  level: string;
  msg: string;
  [key: string]: unknown;
}

function stackOf(v1Populate: V1PopulateMode, v1Unpopulated: string[] = []): SecureStack {
  const stack = createSecureStack({ simulator: { v1Populate, v1Unpopulated }, logLevel: 'info' });
  // Sizes known, as after the start-up walk: a price that reads no unknown size is remembered for the document.
  const { bookings, members, teams } = stack.simulator.dataset.collections;
  stack.sizes.set('bookings', bookings.length);
  stack.sizes.set('members', members.length);
  stack.sizes.set('teams', teams.length);
  return stack;
}

const lines = (stack: SecureStack): LogLine[] => stack.logs.map((line) => JSON.parse(line) as LogLine);

/** The query's price (the operation log line's cost) and the calls it made. */
async function run(stack: SecureStack, text = QUERY): Promise<{ cost: number; calls: number }> {
  const before = stack.apiCalls();
  const answer = await stack.query(text);
  expect(answer.errors).toBeUndefined();
  const line = lines(stack)
    .filter((l) => l.msg === 'graphql operation')
    .at(-1);
  return { cost: Number(line?.cost), calls: stack.apiCalls() - before };
}

describe('report(...) prices and a refused $populate', () => {
  it('keeps the populated price while OfficeRnD honours $populate, and logs nothing about it', async () => {
    const stack = stackOf('honoured');
    const first = await run(stack);
    const second = await run(stack);
    // One bookings page carries the members' names: no call for the join.
    expect(first).toEqual({ cost: 1, calls: 1 });
    expect(second).toEqual(first);
    expect(lines(stack).filter((l) => WARNINGS.includes(l.msg))).toEqual([]);
  });

  it.each(['refused', 'ignored'] as const)(
    'prices the same text with the join once `%s` is learnt, never below the calls it makes',
    async (mode) => {
      const stack = stackOf(mode);
      // Priced before anything is learnt: the join rides on the page. Run, it learns the refusal (the page is refused,
      // read again without `$populate`) or that it was ignored (bare ids came back), and joins by calls.
      const first = await run(stack);
      expect(first.cost).toBe(1);
      expect(first.calls).toBeGreaterThan(2);
      const second = await run(stack);
      // The bookings page, then the members the 50 rows reference (per id, or the walk, whichever the plan picks).
      const members = Math.ceil(stack.simulator.dataset.collections.members.length / 100);
      expect(second.cost).toBe(1 + Math.min(50, members) + members);
      expect(second.calls).toBeLessThanOrEqual(second.cost);
      expect(second.calls).toBeGreaterThan(1);
      // Remembered again at the new price.
      expect(await run(stack)).toEqual(second);
    },
  );

  it.each(['refused', 'ignored'] as const)(
    'warns once per collection when `%s`, whatever reads it next (GraphQL or export), without any secret',
    async (mode) => {
      const stack = stackOf(mode);
      await run(stack);
      await run(stack);
      const exported = await stack.request('/reports/bookings.ndjson?columns=_id,member.name&limit=20');
      expect(exported.status).toBe(200);
      const warnings = lines(stack).filter((l) => WARNINGS.includes(l.msg));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({
        level: 'warn',
        msg: WARNING[mode],
        collection: 'bookings',
        populate: 'member.name',
        ...(mode === 'ignored' ? { reference: 'member' } : {}),
      });
      expect(stack.logs.join('\n')).not.toContain('demo-secret');
    },
  );

  it('prices a reference OfficeRnD ignored alone with its join, and the one it still populates without', async () => {
    const stack = stackOf('honoured', ['team']);
    const text = '{ report(name: BOOKINGS, first: 50, columns: ["_id", "member.name", "team.name"]) { rows } }';
    // Priced before anything is learnt: both ride on the page. Run, it learns that `team` came back bare.
    const first = await run(stack, text);
    expect(first.cost).toBe(1);
    expect(first.calls).toBeGreaterThan(1);
    const before = stack.simulator.log.count({ kind: 'api', collection: 'members' });
    const second = await run(stack, text);
    // The bookings page, then the teams the 50 rows reference (per id, or the walk); the members' names still ride.
    const teams = Math.ceil(stack.simulator.dataset.collections.teams.length / 100);
    expect(second.cost).toBe(1 + Math.min(50, teams) + teams);
    expect(second.calls).toBeLessThanOrEqual(second.cost);
    expect(second.calls).toBeGreaterThan(1);
    expect(stack.simulator.log.count({ kind: 'api', collection: 'members' })).toBe(before);
    expect(await run(stack, text)).toEqual(second);
    // The member.name query alone is still priced as riding on the page, and makes one call.
    expect(await run(stack)).toEqual({ cost: 1, calls: 1 });
    const warnings = lines(stack).filter((l) => WARNINGS.includes(l.msg));
    expect(warnings).toEqual([
      expect.objectContaining({
        msg: WARNING.ignored,
        collection: 'bookings',
        reference: 'team',
        populate: 'team.name',
      }),
    ]);
  });
});
