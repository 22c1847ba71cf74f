import { beforeEach, describe, expect, it } from 'vitest';
import { createTestStack, plannedLookups, type TestStack } from '../helpers.ts';

// The request log of the simulator is the proof that the gateway batches: every assertion below is an exact count
// of upstream calls, computed from the dataset the simulator serves.

const DASHBOARD = /* GraphQL */ `
  query Dashboard($first: Int) {
    bookings(first: $first) {
      nodes {
        id
        member { id name team { id name office { id name } } }
        resource { id name floor { id name } office { id name } }
        rate { id name }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface Wire {
  _id: string;
  [key: string]: unknown;
}

describe('batching', () => {
  // A fresh stack per test: the gateway learns collection sizes, which changes later plans.
  let stack: TestStack;
  beforeEach(() => {
    stack = createTestStack();
  });

  /** Root pages + the planned lookups of each large collection + one walk per catalogue. */
  function expectedDashboardCalls(count: number, on: TestStack = stack): number {
    const data = on.simulator.dataset.collections;
    const bookings = (data.bookings as unknown as Wire[]).slice(0, count);
    const members = new Set(bookings.map((b) => b.member).filter((id): id is string => typeof id === 'string'));
    const memberById = new Map((data.members as unknown as Wire[]).map((m) => [m._id, m]));
    const teams = new Set(
      [...members].map((id) => memberById.get(id)?.team).filter((id): id is string => typeof id === 'string'),
    );
    const resources = new Set(bookings.map((b) => b.resourceId).filter((id): id is string => typeof id === 'string'));
    const rootPages = Math.ceil(count / 100);
    const catalogues = 3; // offices, floors, rates: one walk each
    const all = (c: 'members' | 'teams' | 'resources') => data[c] as unknown as Wire[];
    return (
      rootPages +
      plannedLookups(all('members'), [...members]).calls +
      plannedLookups(all('teams'), [...teams]).calls +
      plannedLookups(all('resources'), [...resources]).calls +
      catalogues
    );
  }

  it('answers 200 bookings with member { team { office } } resource { floor office } rate at the lower bound', async () => {
    stack.simulator.log.reset();
    const result = await stack.query<{ bookings: { nodes: Wire[] } }>(DASHBOARD, { first: 200 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.bookings.nodes).toHaveLength(200);
    expect(stack.apiCalls()).toBe(expectedDashboardCalls(200));
    // Never the same object twice.
    const byIds = stack.simulator.log.entries().filter((e) => e.kind === 'api' && e.id !== null);
    const keys = byIds.map((e) => `${e.collection}/${e.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers the README dashboard on a scale-1 organization within the default upstream budget', async () => {
    // Default client settings: 300 requests a minute, 8 at a time (the test stack lifts the budget otherwise).
    const big = createTestStack({ scale: 1, client: { maxRequestsPerMinute: 300 } });
    const result = await big.query<{ bookings: { nodes: Wire[] } }>(DASHBOARD, { first: 200 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.bookings.nodes).toHaveLength(200);
    expect(big.apiCalls()).toBe(expectedDashboardCalls(200, big));
    // Hundreds of references, a few dozen calls: well inside one minute's budget, so nothing waits.
    expect(big.apiCalls()).toBeLessThan(60);
  });

  it('costs nothing more when the same query is asked twice in one request', async () => {
    const twice = /* GraphQL */ `
      query Twice {
        a: bookings(first: 200) { nodes { id member { team { office { name } } } resource { floor { name } office { name } } rate { name } } }
        b: bookings(first: 200) { nodes { id member { team { office { name } } } resource { floor { name } office { name } } rate { name } } }
      }
    `;
    stack.simulator.log.reset();
    const result = await stack.query<{ a: { nodes: Wire[] }; b: { nodes: Wire[] } }>(twice);
    expect(result.errors).toBeUndefined();
    expect(result.data?.a.nodes.map((n) => n.id)).toEqual(result.data?.b.nodes.map((n) => n.id));
    // The two root lists each read their pages; every linked object is fetched once for both.
    expect(stack.apiCalls()).toBe(expectedDashboardCalls(200) + 2);
  });

  it('resolves a reference to an object already listed in the same request without a call', async () => {
    const query = /* GraphQL */ `
      query {
        teams(first: 20) { nodes { id members(first: 3) { nodes { id team { id name } } } } }
      }
    `;
    stack.simulator.log.reset();
    const result = await stack.query<{
      teams: { nodes: { id: string; members: { nodes: { team: { id: string } }[] } }[] };
    }>(query);
    expect(result.errors).toBeUndefined();
    for (const team of result.data!.teams.nodes) {
      for (const member of team.members.nodes) expect(member.team.id).toBe(team.id);
    }
    expect(stack.apiCalls({ collection: 'teams', id: true })).toBe(0);
  });
});
