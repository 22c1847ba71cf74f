import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  WireCheckin,
  WireContract,
  WireIssue,
  WireMembership,
  WirePass,
  WireTeam,
  WireVisit,
} from '../../src/officernd/types.ts';
import { creditStatsFor } from '../../src/simulator/index.ts';
import { createTestStack, plannedLookups, type TestStack } from '../helpers.ts';

// Teams, memberships, contracts, credit accounts, passes, issues, check-ins and visits, through the whole stack:
// data as the simulator serves it, links, filters pushed upstream, and exact upstream call counts.

const UNKNOWN_ID = 'ffffffffffffffffffffffff';
const MONTH = '2026-11';

type Node = { id: string; [key: string]: unknown };
type Ref = { id: string } | null;
type Nodes<K extends string> = Record<K, { nodes: Node[] }>;

const isId = (value: unknown): value is string => typeof value === 'string' && value !== '';
/** Calls a complete walk of `size` items costs (v1 pages of 100, §3). */
const pages = (size: number): number => Math.max(1, Math.ceil(size / 100));
const dateOf = (value: string | null | undefined): string | null => (value ? value.slice(0, 10) : null);
const idOf = (ref: unknown): string | null => (ref as Ref)?.id ?? null;

describe('community reports', () => {
  let stack: TestStack;
  beforeAll(() => {
    // The client paces itself at 300 requests a minute by default; these tests make more than that on purpose.
    stack = createTestStack({ client: { maxRequestsPerMinute: 100_000 } });
  });

  const data = () => stack.simulator.dataset.collections;

  async function ok<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await stack.query<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }

  /** The upstream list queries sent to a collection since the last reset. */
  const upstreamQueries = (collection: string) =>
    stack.simulator.log
      .entries()
      .filter((e) => e.kind === 'api' && e.collection === collection && e.id === null)
      .map((e) => e.query);

  async function errorCode(query: string, variables?: Record<string, unknown>): Promise<unknown> {
    const result = await stack.query(query, variables);
    expect(result.errors?.length).toBeGreaterThan(0);
    return result.errors?.[0]?.extensions?.code;
  }

  // Call counts on a fresh stack each: what the gateway learns about sizes steers its plans.
  describe('upstream calls per link group', () => {
    beforeEach(() => {
      stack = createTestStack({ client: { maxRequestsPerMinute: 100_000 } });
    });
    /** Calls and single GETs the loaders plan for these ids of a large collection (fresh sizes). */
    const lookups = (collection: 'members' | 'teams' | 'resources' | 'bookings', ids: readonly unknown[]) =>
      plannedLookups(data()[collection], ids);

    it('Team.office: a page of teams with their office costs one teams page and one offices walk', async () => {
      const teams = data().teams.slice(0, 100);
      stack.simulator.log.reset();
      const result = await ok<Nodes<'teams'>>(`{ teams(first: 100) { nodes { id office { id } } } }`);
      expect(result.teams.nodes.map((n) => idOf(n.office))).toEqual(teams.map((t) => t.office ?? null));
      expect(stack.apiCalls({ collection: 'teams' })).toBe(1);
      expect(stack.apiCalls({ collection: 'offices' })).toBe(pages(data().offices.length));
      expect(stack.apiCalls()).toBe(1 + pages(data().offices.length));
    });

    it('Membership links: one page, one GET per distinct member and team, one walk per catalogue', async () => {
      const memberships = data().memberships.slice(0, 100);
      stack.simulator.log.reset();
      const result = await ok<Nodes<'memberships'>>(
        `{ memberships(first: 100) { nodes { id member { id } team { id } plan { id } office { id } contract { id } } } }`,
      );
      const nodes = result.memberships.nodes;
      expect(nodes.map((n) => idOf(n.member))).toEqual(memberships.map((m) => m.member ?? null));
      expect(nodes.map((n) => idOf(n.team))).toEqual(memberships.map((m) => m.team ?? null));
      expect(nodes.map((n) => idOf(n.plan))).toEqual(memberships.map((m) => m.plan ?? null));
      expect(nodes.map((n) => idOf(n.office))).toEqual(memberships.map((m) => m.office ?? null));
      expect(nodes.map((n) => idOf(n.contract))).toEqual(memberships.map((m) => m.contract ?? null));
      const contractWalk = memberships.some((m) => isId(m.contract)) ? pages(data().contracts.length) : 0;
      expect(stack.apiCalls({ collection: 'members', id: true })).toBe(
        lookups(
          'members',
          memberships.map((m) => m.member),
        ).gets,
      );
      expect(stack.apiCalls({ collection: 'teams', id: true })).toBe(
        lookups(
          'teams',
          memberships.map((m) => m.team),
        ).gets,
      );
      expect(stack.apiCalls()).toBe(
        1 +
          lookups(
            'members',
            memberships.map((m) => m.member),
          ).calls +
          lookups(
            'teams',
            memberships.map((m) => m.team),
          ).calls +
          pages(data().plans.length) +
          pages(data().offices.length) +
          contractWalk,
      );
    });

    it('Contract links: lines, renewals and parties cost one GET per distinct object and one walk per catalogue', async () => {
      const contracts = data().contracts.slice(0, 100);
      const listed = new Set(contracts.map((c) => c._id));
      stack.simulator.log.reset();
      const result = await ok<Nodes<'contracts'>>(`{
        contracts(first: 100) { nodes {
          id member { id } team { id } office { id }
          plans { plan { id } } oneOffPlans { plan { id } } resources { resource { id } }
          renewedContract { id } renewalContract { id }
        } }
      }`);
      const nodes = result.contracts.nodes;
      expect(nodes.map((n) => idOf(n.member))).toEqual(contracts.map((c) => c.member ?? null));
      expect(nodes.map((n) => idOf(n.team))).toEqual(contracts.map((c) => c.team ?? null));
      expect(nodes.map((n) => idOf(n.office))).toEqual(contracts.map((c) => c.office ?? null));
      expect(nodes.map((n) => (n.oneOffPlans as { plan: Ref }[]).map((l) => idOf(l.plan)))).toEqual(
        contracts.map((c) => (c.oneOffPlans ?? []).map((l) => l.id)),
      );
      expect(nodes.map((n) => idOf(n.renewedContract))).toEqual(contracts.map((c) => c.renewedContract ?? null));
      expect(nodes.map((n) => idOf(n.renewalContract))).toEqual(contracts.map((c) => c.renewalContract ?? null));
      expect(nodes.map((n) => (n.plans as { plan: Ref }[]).map((l) => idOf(l.plan)))).toEqual(
        contracts.map((c) => (c.plans ?? []).map((l) => l.id)),
      );
      expect(nodes.map((n) => (n.resources as { resource: Ref }[]).map((l) => idOf(l.resource)))).toEqual(
        contracts.map((c) => (c.resources ?? []).map((l) => l.id)),
      );
      const renewals = contracts.flatMap((c) => [c.renewedContract, c.renewalContract]).filter(isId);
      // Contracts of the page are primed: only a renewal outside it needs the (by-id-less, §8) collection walked.
      const contractWalk = renewals.some((id) => !listed.has(id)) ? pages(data().contracts.length) : 0;
      const resources = contracts.flatMap((c) => (c.resources ?? []).map((l) => l.id));
      expect(stack.apiCalls({ collection: 'resources', id: true })).toBe(lookups('resources', resources).gets);
      expect(stack.apiCalls()).toBe(
        1 +
          lookups(
            'members',
            contracts.map((c) => c.member),
          ).calls +
          lookups(
            'teams',
            contracts.map((c) => c.team),
          ).calls +
          pages(data().offices.length) +
          pages(data().plans.length) +
          lookups('resources', resources).calls +
          contractWalk,
      );
    });

    it('Pass links: members and teams by GET, memberships and fees (no v1 by-id) by one walk each', async () => {
      const passes = data().passes.slice(0, 100);
      stack.simulator.log.reset();
      const result = await ok<Nodes<'passes'>>(
        `{ passes(first: 100) { nodes { id member { id } team { id } membership { id } fee { id } } } }`,
      );
      const nodes = result.passes.nodes;
      expect(nodes.map((n) => idOf(n.member))).toEqual(passes.map((p) => p.member ?? null));
      expect(nodes.map((n) => idOf(n.team))).toEqual(passes.map((p) => p.team ?? null));
      expect(nodes.map((n) => idOf(n.membership))).toEqual(passes.map((p) => p.membership ?? null));
      expect(nodes.map((n) => idOf(n.fee))).toEqual(passes.map((p) => p.fee ?? null));
      const walk = (refs: unknown[], size: number) => (refs.some(isId) ? pages(size) : 0);
      expect(stack.apiCalls()).toBe(
        1 +
          lookups(
            'members',
            passes.map((p) => p.member),
          ).calls +
          lookups(
            'teams',
            passes.map((p) => p.team),
          ).calls +
          walk(
            passes.map((p) => p.membership),
            data().memberships.length,
          ) +
          walk(
            passes.map((p) => p.fee),
            data().fees.length,
          ),
      );
    });

    it.each(['issues', 'checkins', 'visits'] as const)(
      '%s links: member, team and office (and booking) cost one GET per distinct object',
      async (field) => {
        const items = (data()[field] as (WireIssue | WireCheckin | WireVisit)[]).slice(0, 100);
        const withBooking = field === 'visits';
        stack.simulator.log.reset();
        const result = await ok<Nodes<typeof field>>(
          `{ ${field}(first: 100) { nodes { id member { id } team { id } office { id } ${withBooking ? 'booking { id }' : ''} } } }`,
        );
        const nodes = result[field].nodes;
        expect(nodes.map((n) => n.id)).toEqual(items.map((i) => i._id));
        expect(nodes.map((n) => idOf(n.member))).toEqual(items.map((i) => i.member ?? null));
        expect(nodes.map((n) => idOf(n.team))).toEqual(items.map((i) => i.team ?? null));
        expect(nodes.map((n) => idOf(n.office))).toEqual(items.map((i) => i.office ?? null));
        const bookings = withBooking ? (items as WireVisit[]).map((v) => v.booking) : [];
        if (withBooking) expect(nodes.map((n) => idOf(n.booking))).toEqual(bookings.map((b) => b ?? null));
        expect(stack.apiCalls()).toBe(
          1 +
            lookups(
              'members',
              items.map((i) => i.member),
            ).calls +
            lookups(
              'teams',
              items.map((i) => i.team),
            ).calls +
            pages(data().offices.length) +
            lookups('bookings', bookings).calls,
        );
      },
    );

    it('Team.creditAccounts: one credit-stats call per team', async () => {
      stack.simulator.log.reset();
      const result = await ok<Nodes<'teams'>>(
        `{ teams(first: 5) { nodes { id creditAccounts(month: "${MONTH}") { creditAccountId } } } }`,
      );
      expect(result.teams.nodes).toHaveLength(5);
      for (const node of result.teams.nodes) {
        expect((node.creditAccounts as { creditAccountId: string }[]).map((a) => a.creditAccountId)).toEqual(
          creditStatsFor(stack.simulator.dataset, { month: MONTH, team: node.id }).map((s) => s.creditAccount),
        );
      }
      expect(stack.apiCalls({ collection: 'credit-accounts/stats' })).toBe(5);
      expect(stack.apiCalls()).toBe(1 + 5);
    });

    it('Team reverse links: many teams cost one walk of each child collection, not one call per team', async () => {
      const teams = data().teams.slice(0, 100);
      stack.simulator.log.reset();
      const result = await ok<Nodes<'teams'>>(`{
        teams(first: 100) { nodes { id
          members(first: 1000) { nodes { id } }
          memberships(first: 1000) { nodes { id } }
          contracts(first: 1000) { nodes { id } }
          bookings(first: 1000) { nodes { id } }
        } }
      }`);
      const children = (collection: 'members' | 'memberships' | 'contracts' | 'bookings', team: WireTeam) =>
        (data()[collection] as { _id: string; team?: string | null }[])
          .filter((c) => c.team === team._id)
          .map((c) => c._id);
      for (const [i, node] of result.teams.nodes.entries()) {
        const team = teams[i] as WireTeam;
        expect(node.id).toBe(team._id);
        for (const collection of ['members', 'memberships', 'contracts', 'bookings'] as const) {
          expect((node[collection] as { nodes: Node[] }).nodes.map((n) => n.id)).toEqual(children(collection, team));
        }
      }
      expect(stack.apiCalls()).toBe(
        1 +
          pages(data().members.length) +
          pages(data().memberships.length) +
          pages(data().contracts.length) +
          pages(data().bookings.length),
      );
    });
  });

  describe('teams', () => {
    it('lists the teams the simulator serves, mapped', async () => {
      const wire = data().teams.slice(0, 50);
      const result = await ok<Nodes<'teams'>>(
        `{ teams(first: 50) { nodes { id name email calculatedStatus startDate tags isTeam createdAt billingDetails { legalName currency } address { street city } } } }`,
      );
      expect(result.teams.nodes.map((n) => n.id)).toEqual(wire.map((t) => t._id));
      for (const [i, node] of result.teams.nodes.entries()) {
        const team = wire[i] as WireTeam;
        expect(node.name).toBe(team.name);
        expect(node.email).toBe(team.email);
        expect(node.calculatedStatus).toBe(String(team.calculatedStatus).replace('-', '_').toUpperCase());
        expect(node.startDate).toBe(dateOf(team.startDate));
        expect(node.createdAt).toBe(team.createdAt);
        expect(node.billingDetails).toEqual(
          team.details ? { legalName: team.details.name ?? null, currency: team.details.currency ?? null } : null,
        );
        expect(node.address).toEqual(
          team.address ? { street: team.address.address ?? null, city: team.address.city ?? null } : null,
        );
      }
    });

    it('pushes the office, status and name filters upstream', async () => {
      const sample = data().teams.find((t) => t.calculatedStatus === 'active') as WireTeam;
      const office = sample.office as string;
      const expected = data()
        .teams.filter((t) => t.office === office && t.calculatedStatus === 'active')
        .map((t) => t._id);
      stack.simulator.log.reset();
      const result = await ok<Nodes<'teams'>>(
        `query ($office: ID) { teams(office: $office, calculatedStatus: ACTIVE, first: 1000) { nodes { id } } }`,
        {
          office,
        },
      );
      expect(result.teams.nodes.map((n) => n.id)).toEqual(expected);
      expect(upstreamQueries('teams')[0]).toMatchObject({ office, calculatedStatus: 'active' });

      const prefix = (sample.name as string).slice(0, 3).toLowerCase();
      stack.simulator.log.reset();
      const byName = await ok<Nodes<'teams'>>(
        `query ($p: String) { teams(nameStartsWith: $p, first: 1000) { nodes { id name } } }`,
        { p: prefix },
      );
      expect(byName.teams.nodes.map((n) => n.id)).toEqual(
        data()
          .teams.filter((t) => (t.name ?? '').toLowerCase().startsWith(prefix))
          .map((t) => t._id),
      );
      expect(upstreamQueries('teams')[0]).toMatchObject({ 'name.$swi': prefix });
    });
  });

  describe('memberships', () => {
    it('pages with first/after over more than 100 items, every item exactly once', async () => {
      const all = data().memberships;
      expect(all.length).toBeGreaterThan(100);
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 50; guard += 1) {
        const page: { memberships: { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
          await ok(
            `query ($after: String) { memberships(first: 70, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
            { after },
          );
        seen.push(...page.memberships.nodes.map((n) => n.id));
        if (!page.memberships.pageInfo.hasNextPage) break;
        after = page.memberships.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.map((m) => m._id));
    });

    it('maps the wire fields', async () => {
      const wire = data().memberships.slice(0, 100);
      const result = await ok<Nodes<'memberships'>>(
        `{ memberships(first: 100) { nodes { id name startDate endDate price discountedPrice intervalLength intervalCount type status calculatedStatus isPersonal isLocked } } }`,
      );
      for (const [i, node] of result.memberships.nodes.entries()) {
        const m = wire[i] as WireMembership;
        expect(node).toEqual({
          id: m._id,
          name: m.name,
          startDate: dateOf(m.startDate),
          endDate: dateOf(m.endDate),
          price: m.price,
          discountedPrice: m.discountedPrice,
          intervalLength: String(m.intervalLength).toUpperCase(),
          intervalCount: m.intervalCount,
          type: String(m.type).toUpperCase(),
          status: String(m.status).toUpperCase(),
          calculatedStatus: String(m.calculatedStatus).toUpperCase(),
          isPersonal: m.isPersonal,
          isLocked: m.locked,
        });
      }
    });

    it('pushes team, calculatedStatus and plan filters upstream', async () => {
      const sample = data().memberships.find((m) => isId(m.team) && m.calculatedStatus === 'active') as WireMembership;
      stack.simulator.log.reset();
      const result = await ok<Nodes<'memberships'>>(
        `query ($team: ID, $plan: ID) { memberships(team: $team, plan: $plan, calculatedStatus: ACTIVE, first: 1000) { nodes { id team { id } } } }`,
        { team: sample.team, plan: sample.plan },
      );
      const expected = data().memberships.filter(
        (m) => m.team === sample.team && m.plan === sample.plan && m.calculatedStatus === 'active',
      );
      expect(result.memberships.nodes.map((n) => n.id)).toEqual(expected.map((m) => m._id));
      expect(upstreamQueries('memberships')[0]).toMatchObject({
        team: sample.team,
        plan: sample.plan,
        calculatedStatus: 'active',
      });
    });
  });

  describe('contracts', () => {
    it('maps contracts with their typed lines and steps', async () => {
      const wire = data().contracts.slice(0, 100);
      const result = await ok<Nodes<'contracts'>>(`{
        contracts(first: 100) { nodes {
          id number startDate endDate status stage type signatureStatus isRolling noticeMonths total signDate
          plans { count price steps { price startDate endDate } }
          termination { date reason }
        } }
      }`);
      for (const [i, node] of result.contracts.nodes.entries()) {
        const c = wire[i] as WireContract;
        expect(node.id).toBe(c._id);
        expect(node.number).toBe(c.number);
        expect(node.startDate).toBe(dateOf(c.startDate));
        expect(node.endDate).toBe(dateOf(c.endDate));
        expect(node.status).toBe(c.status ? c.status.toUpperCase() : null);
        expect(node.stage).toBe(c.stage ? c.stage.toUpperCase() : null);
        expect(node.type).toBe(c.type ? c.type.toUpperCase() : null);
        expect(node.signatureStatus).toBe(c.signatureStatus ? c.signatureStatus.toUpperCase() : null);
        expect(node.noticeMonths).toBe(c.notice?.months ?? null);
        expect(node.total).toBe(c.total);
        expect(node.signDate).toBe(dateOf(c.signDate));
        expect(node.plans).toEqual(
          (c.plans ?? []).map((p) => ({
            count: p.count,
            price: p.price,
            steps: (p.steps ?? []).map((s) => ({
              price: s.price,
              startDate: dateOf(s.startDate),
              endDate: dateOf(s.endDate),
            })),
          })),
        );
        expect(node.termination).toEqual(
          c.termination ? { date: dateOf(c.termination.date), reason: c.termination.reasonKey } : null,
        );
      }
    });

    it('pushes team and status filters upstream', async () => {
      const sample = data().contracts.find((c) => c.status === 'signed' && isId(c.team)) as WireContract;
      stack.simulator.log.reset();
      const result = await ok<Nodes<'contracts'>>(
        `query ($team: ID) { contracts(team: $team, status: SIGNED) { nodes { id } } }`,
        {
          team: sample.team,
        },
      );
      expect(result.contracts.nodes.map((n) => n.id)).toEqual(
        data()
          .contracts.filter((c) => c.team === sample.team && c.status === 'signed')
          .map((c) => c._id),
      );
      expect(upstreamQueries('contracts')[0]).toMatchObject({ team: sample.team, status: 'signed' });
    });

    it('links a contract to the memberships made from it', async () => {
      const withMemberships = data()
        .contracts.filter((c) => data().memberships.some((m) => m.contract === c._id))
        .slice(0, 5);
      expect(withMemberships.length).toBeGreaterThan(0);
      for (const c of withMemberships) {
        const result = await ok<{ contract: { memberships: { nodes: Node[] } } }>(
          `query ($id: ID!) { contract(id: $id) { memberships { nodes { id } } } }`,
          { id: c._id },
        );
        expect(result.contract.memberships.nodes.map((n) => n.id)).toEqual(
          data()
            .memberships.filter((m) => m.contract === c._id)
            .map((m) => m._id),
        );
      }
    });
  });

  describe('credit accounts', () => {
    const QUERY = `query ($month: String!, $team: ID, $member: ID) {
      creditAccounts(month: $month, team: $team, member: $member) {
        nodes {
          month creditAccountId validFor monthly { total used remaining } once { total used remaining }
          team { id } member { id } rates { id } plans { id } resourceTypes { typeKey }
        }
      }
    }`;

    it('answers the credit stats of a team or a member in a month, linked', async () => {
      const dataset = stack.simulator.dataset;
      const statsOf = (owner: { team?: string; member?: string }) =>
        creditStatsFor(dataset, { month: MONTH, ...owner });
      // A team whose credits are for resource types, a team whose credits are for rates, and a member with credits.
      const byTypes = data().teams.find((t) =>
        statsOf({ team: t._id }).some((s) => (s.resourceTypes ?? []).length > 0),
      );
      const byRates = data().teams.find((t) =>
        statsOf({ team: t._id }).some((s) => (s.resourceRates ?? []).length > 0),
      );
      const member = data().members.find((m) => statsOf({ member: m._id }).length > 0);
      const owners = [{ team: byTypes?._id }, { team: byRates?._id }, { member: member?._id }];
      const typeKeys = new Map(data()['resource-types'].map((t) => [t._id ?? t.id, t.type]));
      for (const owner of owners) {
        expect(Object.values(owner)[0]).toBeDefined();
        const expected = statsOf(owner as { team?: string; member?: string });
        stack.simulator.log.reset();
        const result = await ok<{ creditAccounts: { nodes: Record<string, unknown>[] } }>(QUERY, {
          month: MONTH,
          ...owner,
        });
        expect(stack.apiCalls({ collection: 'credit-accounts/stats' })).toBe(1);
        expect(upstreamQueries('credit-accounts/stats')[0]).toMatchObject({
          month: `${MONTH}-01T00:00:00.000Z`,
          ...owner,
        });
        expect(result.creditAccounts.nodes.map((a) => a.creditAccountId)).toEqual(expected.map((s) => s.creditAccount));
        for (const [i, account] of result.creditAccounts.nodes.entries()) {
          const stat = expected[i] as (typeof expected)[number];
          expect(account.month).toBe(MONTH);
          expect(account.monthly).toEqual(stat.monthly);
          expect(account.once).toEqual(stat.once ?? null);
          expect(account.validFor).toBe(
            stat.validFor ? stat.validFor.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() : null,
          );
          expect(idOf(account.team)).toBe(stat.team ?? null);
          expect(idOf(account.member)).toBe(stat.member ?? null);
          expect((account.rates as Node[]).map((r) => r.id)).toEqual(stat.resourceRates ?? []);
          expect((account.plans as Node[]).map((r) => r.id)).toEqual(stat.oneOffPlans ?? []);
          expect((account.resourceTypes as { typeKey: string }[]).map((r) => r.typeKey)).toEqual(
            (stat.resourceTypes ?? []).map((id) => typeKeys.get(id)),
          );
        }
      }
    });

    it('serves the same accounts from Team.creditAccounts and Member.creditAccounts', async () => {
      const dataset = stack.simulator.dataset;
      const member = data().members.find((m) => creditStatsFor(dataset, { month: MONTH, member: m._id }).length > 0);
      expect(member).toBeDefined();
      const result = await ok<{ member: { creditAccounts: { creditAccountId: string }[] } }>(
        `query ($id: ID!) { member(id: $id) { creditAccounts(month: "${MONTH}") { creditAccountId } } }`,
        { id: member?._id },
      );
      expect(result.member.creditAccounts.map((a) => a.creditAccountId)).toEqual(
        creditStatsFor(dataset, { month: MONTH, member: member?._id }).map((s) => s.creditAccount),
      );
    });

    it.each([
      ['a month that is not YYYY-MM', { month: '2026-13', team: UNKNOWN_ID }],
      ['a date instead of a month', { month: '2026-11-01', team: UNKNOWN_ID }],
      ['both team and member', { month: MONTH, team: UNKNOWN_ID, member: UNKNOWN_ID }],
      ['neither team nor member', { month: MONTH }],
      ['a team that is not an id', { month: MONTH, team: 'acme' }],
    ])('rejects %s with BAD_USER_INPUT and no upstream call', async (_name, variables) => {
      stack.simulator.log.reset();
      expect(await errorCode(QUERY, variables)).toBe('BAD_USER_INPUT');
      expect(stack.apiCalls()).toBe(0);
    });
  });

  describe('passes, issues, check-ins and visits', () => {
    it('maps passes and pushes member and status filters upstream', async () => {
      const wire = data().passes.slice(0, 100);
      const result = await ok<Nodes<'passes'>>(
        `{ passes(first: 100) { nodes { id count usedCount remainingCount status intervalLength startDate isPersonal } } }`,
      );
      for (const [i, node] of result.passes.nodes.entries()) {
        const p = wire[i] as WirePass;
        expect(node).toEqual({
          id: p._id,
          count: p.count ?? null,
          usedCount: p.used ?? null,
          remainingCount: typeof p.count === 'number' ? Math.max(0, p.count - (p.used ?? 0)) : null,
          status: p.status ? p.status.toUpperCase() : null,
          intervalLength: p.intervalLength ? p.intervalLength.toUpperCase() : null,
          startDate: dateOf(p.startDate),
          isPersonal: p.isPersonal ?? null,
        });
      }
      const sample = data().passes.find((p) => isId(p.member)) as WirePass;
      stack.simulator.log.reset();
      const filtered = await ok<Nodes<'passes'>>(
        `query ($m: ID, $s: PassStatus) { passes(member: $m, status: $s) { nodes { id } } }`,
        {
          m: sample.member,
          s: String(sample.status).toUpperCase(),
        },
      );
      expect(filtered.passes.nodes.map((n) => n.id)).toEqual(
        data()
          .passes.filter((p) => p.member === sample.member && p.status === sample.status)
          .map((p) => p._id),
      );
      expect(upstreamQueries('passes')[0]).toMatchObject({ member: sample.member, status: sample.status });
    });

    it('maps issues and pushes status, office and subject filters upstream', async () => {
      const wire = data().issues.slice(0, 100);
      const result = await ok<Nodes<'issues'>>(
        `{ issues(first: 100) { nodes { id subject status resolvedAt assignedToId attachments createdAt } } }`,
      );
      for (const [i, node] of result.issues.nodes.entries()) {
        const issue = wire[i] as WireIssue;
        expect(node).toEqual({
          id: issue._id,
          subject: issue.subject,
          status: String(issue.status).toUpperCase(),
          resolvedAt: issue.resolvedDate ?? null,
          assignedToId: issue.assignedTo ?? null,
          attachments: issue.attachments ?? [],
          createdAt: issue.createdAt,
        });
      }
      const sample = data().issues.find((i) => i.status === 'resolved') as WireIssue;
      stack.simulator.log.reset();
      const filtered = await ok<Nodes<'issues'>>(
        `query ($o: ID) { issues(office: $o, status: RESOLVED, first: 1000) { nodes { id } } }`,
        {
          o: sample.office,
        },
      );
      expect(filtered.issues.nodes.map((n) => n.id)).toEqual(
        data()
          .issues.filter((i) => i.office === sample.office && i.status === 'resolved')
          .map((i) => i._id),
      );
      expect(upstreamQueries('issues')[0]).toMatchObject({ office: sample.office, status: 'resolved' });
      const word = (sample.subject as string).split(' ').at(-1)?.toLowerCase() as string;
      stack.simulator.log.reset();
      const bySubject = await ok<Nodes<'issues'>>(
        `query ($w: String) { issues(subjectContains: $w, first: 1000) { nodes { id } } }`,
        { w: word },
      );
      expect(bySubject.issues.nodes.map((n) => n.id)).toEqual(
        data()
          .issues.filter((i) => (i.subject ?? '').toLowerCase().includes(word))
          .map((i) => i._id),
      );
      expect(upstreamQueries('issues')[0]).toMatchObject({ 'subject.$csi': word });
    });

    it('maps check-ins and visits and pushes their reference filters upstream', async () => {
      const checkin = data().checkins[0] as WireCheckin;
      stack.simulator.log.reset();
      const checkins = await ok<Nodes<'checkins'>>(
        `query ($m: ID) { checkins(member: $m, first: 1000) { nodes { id start end } } }`,
        {
          m: checkin.member,
        },
      );
      const expectedCheckins = data().checkins.filter((c) => c.member === checkin.member);
      expect(checkins.checkins.nodes).toEqual(
        expectedCheckins.map((c) => ({ id: c._id, start: c.start, end: c.end ?? null })),
      );
      expect(upstreamQueries('checkins')[0]).toMatchObject({ member: checkin.member });

      const visit = data().visits.find((v) => isId(v.booking)) as WireVisit;
      stack.simulator.log.reset();
      const visits = await ok<Nodes<'visits'>>(
        `query ($b: ID) { visits(booking: $b) { nodes { id visitorId start end booking { id } } } }`,
        {
          b: visit.booking,
        },
      );
      expect(visits.visits.nodes).toEqual(
        data()
          .visits.filter((v) => v.booking === visit.booking)
          .map((v) => ({
            id: v._id,
            visitorId: v.visitor ?? null,
            start: v.start ?? null,
            end: v.end ?? null,
            booking: { id: visit.booking },
          })),
      );
      expect(upstreamQueries('visits')[0]).toMatchObject({ booking: visit.booking });
    });
  });

  describe('by id', () => {
    const cases = [
      ['team', 'teams'],
      ['membership', 'memberships'],
      ['contract', 'contracts'],
      ['pass', 'passes'],
      ['issue', 'issues'],
      ['checkin', 'checkins'],
      ['visit', 'visits'],
    ] as const;

    it.each(cases)(
      '%s(id:) returns the object, null for an unknown id, BAD_USER_INPUT for a malformed one',
      async (field, collection) => {
        const items = data()[collection] as { _id: string }[];
        const wire = items[Math.floor(items.length / 2)] as { _id: string };
        const found = await ok<Record<string, Node | null>>(`query ($id: ID!) { x: ${field}(id: $id) { id } }`, {
          id: wire._id,
        });
        expect(found.x).toEqual({ id: wire._id });
        const missing = await ok<Record<string, Node | null>>(`query ($id: ID!) { x: ${field}(id: $id) { id } }`, {
          id: UNKNOWN_ID,
        });
        expect(missing.x).toBeNull();
        expect(await errorCode(`query ($id: ID!) { x: ${field}(id: $id) { id } }`, { id: 'not-an-id' })).toBe(
          'BAD_USER_INPUT',
        );
      },
    );

    it('rejects a malformed reference filter with BAD_USER_INPUT', async () => {
      expect(await errorCode(`{ memberships(team: "nope") { nodes { id } } }`)).toBe('BAD_USER_INPUT');
    });
  });

  it('maps an enum value OfficeRnD adds later to OTHER instead of failing', async () => {
    const team = data().teams[0] as WireTeam;
    const before = team.calculatedStatus;
    team.calculatedStatus = 'archived';
    try {
      const result = await ok<{ team: { calculatedStatus: string } }>(
        `query ($id: ID!) { team(id: $id) { calculatedStatus } }`,
        { id: team._id },
      );
      expect(result.team.calculatedStatus).toBe('OTHER');
    } finally {
      team.calculatedStatus = before;
    }
  });
});
