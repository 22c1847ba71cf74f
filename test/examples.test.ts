import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DashboardDocument, InvoicesDocument, TeamOverviewDocument } from './generated/graphql.ts';
import type { DashboardQuery, InvoicesQuery, TeamOverviewQuery } from './generated/graphql.ts';
import { createTestStack, type TestStack } from './helpers.ts';

// The README's example queries (examples/*.graphql), executed with their generated types.

describe('README examples', () => {
  let stack: TestStack;
  beforeAll(() => {
    stack = createTestStack();
  });

  it('Dashboard joins bookings to members, teams, offices, resources, floors and rates', async () => {
    const result = await stack.query<DashboardQuery>(print(DashboardDocument), { first: 120 });
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.bookings!.nodes;
    expect(nodes).toHaveLength(120);
    const wire = stack.simulator.dataset.collections.bookings.slice(0, 120);
    expect(nodes.map((n) => n.id)).toEqual(wire.map((b) => b._id));
    const withTeamOffice = nodes.filter((n) => n.member?.team?.office?.name);
    expect(withTeamOffice.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.resource?.office?.timeZone)).toBe(true);
    expect(result.data!.bookings!.pageInfo.hasNextPage).toBe(true);
  });

  it('TeamOverview walks a team to its members, memberships and plans', async () => {
    const { teams, memberships } = stack.simulator.dataset.collections;
    const team = teams.find((t) => memberships.some((m) => m.team === t._id && m.member))!;
    const result = await stack.query<TeamOverviewQuery>(print(TeamOverviewDocument), { id: team._id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.team!.name).toBe(team.name);
    const members = result.data!.team!.members!.nodes;
    expect(members.length).toBeGreaterThan(0);
    const plans = members.flatMap((m) => m.memberships!.nodes.map((ms) => ms.plan?.name)).filter(Boolean);
    expect(plans.length).toBeGreaterThan(0);
  });

  it('Invoices pages through payments with their lines', async () => {
    const first = await stack.query<InvoicesQuery>(print(InvoicesDocument), { first: 30 });
    expect(first.errors).toBeUndefined();
    const after = first.data!.payments!.pageInfo.endCursor;
    const second = await stack.query<InvoicesQuery>(print(InvoicesDocument), { first: 30, after });
    const numbers = [...first.data!.payments!.nodes, ...second.data!.payments!.nodes].map((p) => p.number);
    const wire = stack.simulator.dataset.collections.payments.slice(0, 60).map((p) => p.number);
    expect(numbers).toEqual(wire);
    expect(first.data!.payments!.nodes.some((p) => p.lines.some((l) => l.fee?.name || l.plan?.name))).toBe(true);
  });
});
