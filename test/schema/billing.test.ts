import { beforeAll, describe, expect, it } from 'vitest';
import type { WireCharge, WireFee, WirePayment, WirePaymentLine } from '../../src/officernd/types.ts';
import { createGateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { createTestStack, TEST_NOW, testDataset, type TestStack } from '../helpers.ts';
import { demoClient } from '../demo-client.ts';

// Billing reports (payments, fees, charges) against the simulator: data, paging, filters, by-id, links and what
// each link costs upstream. v1 has no by-id endpoint for any of the three (§8), so links to them walk the list.

const UNKNOWN_ID = 'ffffffffffffffffffffffff';
const PAGE = 100;

let stack: TestStack;
let payments: WirePayment[];
let fees: WireFee[];
let charges: WireCharge[];

const pages = (n: number): number => Math.max(1, Math.ceil(n / PAGE));
const byId = <T extends { _id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((i) => [i._id, i]));
const day = (iso: string | null | undefined): string | null => (iso ? iso.slice(0, 10) : null);
// v1 sends `invoiceLines`, some documents `lines` (§6.14); the alternative shape has a subset of the fields.
const linesOf = (p: WirePayment): WirePaymentLine[] =>
  p.invoiceLines && p.invoiceLines.length > 0 ? p.invoiceLines : (p.lines ?? p.invoiceLines ?? []);

interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await stack.query<T>(query, variables);
  expect(result.errors).toBeUndefined();
  expect(result.data).toBeDefined();
  return result.data as T;
}

/** The upstream list calls made since the last reset, by collection. */
function listCalls(collection: string) {
  return stack.simulator.log.entries().filter((e) => e.kind === 'api' && e.collection === collection);
}

beforeAll(() => {
  // The client paces itself to 300 calls a minute by default; this file makes more (walks, by-id GETs) on purpose.
  stack = createTestStack({ client: { maxRequestsPerMinute: 100_000 } });
  ({ payments, fees, charges } = stack.simulator.dataset.collections);
});

describe('payments', () => {
  it("lists the simulator's payments in order with their fields mapped", async () => {
    const result = await data<{ payments: Connection<Record<string, unknown>> }>(`{
      payments(first: 100) {
        nodes { id number documentType status date dueDate amount totalAmount paidAmount currency isPaid
                lines { description quantity unitPrice total startDate endDate }
                vatAmounts { percent total }
                allocations { id amount } }
        pageInfo { hasNextPage }
      }
    }`);
    const expected = payments.slice(0, 100);
    expect(result.payments.nodes.map((n) => n.id)).toEqual(expected.map((p) => p._id));
    expect(result.payments.pageInfo.hasNextPage).toBe(payments.length > 100);
    result.payments.nodes.forEach((node, i) => {
      const wire = expected[i] as WirePayment;
      expect(node.number).toBe(wire.number ?? null);
      expect(node.date).toBe(day(wire.date));
      expect(node.dueDate).toBe(day(wire.dueDate));
      expect(node.amount).toBe(wire.amount ?? null);
      expect(node.isPaid).toBe(wire.isPaid ?? null);
      const lines = node.lines as Record<string, unknown>[];
      expect(lines.map((l) => l.total)).toEqual(linesOf(wire).map((l) => l.total ?? null));
      expect(lines.map((l) => l.startDate)).toEqual(linesOf(wire).map((l) => day(l.startDate)));
      expect((node.vatAmounts as unknown[]).length).toBe(wire.vatAmounts?.length ?? 0);
      expect((node.allocations as unknown[]).length).toBe(wire.allocations?.length ?? 0);
    });
  });

  it('maps documentType and status to enum values, absent documentType meaning INVOICE', async () => {
    const creditNote = payments.find((p) => p.documentType === 'creditNote');
    const paid = payments.find((p) => p.status === 'paid');
    expect(creditNote).toBeDefined();
    expect(paid).toBeDefined();
    const result = await data<Record<string, { documentType: string; status: string }>>(
      `query ($a: ID!, $b: ID!) { a: payment(id: $a) { documentType status } b: payment(id: $b) { documentType status } }`,
      { a: creditNote?._id, b: paid?._id },
    );
    expect(result.a?.documentType).toBe('CREDIT_NOTE');
    expect(result.b?.status).toBe('PAID');
    expect(result.b?.documentType).toBe(paid?.documentType === 'creditNote' ? 'CREDIT_NOTE' : 'INVOICE');
  });

  it('pages with first/after over every payment exactly once', async () => {
    expect(payments.length).toBeGreaterThan(PAGE);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard += 1) {
      const page: { payments: Connection<{ id: string }> } = await data(
        `query ($after: String) { payments(first: 73, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...page.payments.nodes.map((n) => n.id));
      if (!page.payments.pageInfo.hasNextPage) break;
      after = page.payments.pageInfo.endCursor;
    }
    expect(seen).toEqual(payments.map((p) => p._id));
  });

  it('filters by office, status and documentType upstream', async () => {
    const sample = payments.find((p) => p.office && p.status);
    expect(sample).toBeDefined();
    const office = sample?.office as string;
    const status = sample?.status as string;
    const expected = payments.filter((p) => p.office === office && p.status === status && p.documentType === 'invoice');
    stack.simulator.log.reset();
    const result = await data<{ payments: Connection<{ id: string; office: { id: string } }> }>(
      `query ($office: ID, $status: PaymentStatus) {
        payments(office: $office, status: $status, documentType: INVOICE, first: 1000) { nodes { id office { id } } }
      }`,
      { office, status: status.toUpperCase() },
    );
    expect(result.payments.nodes.map((n) => n.id)).toEqual(expected.map((p) => p._id));
    expect(result.payments.nodes.every((n) => n.office.id === office)).toBe(true);
    const calls = listCalls('payments');
    expect(calls.length).toBe(pages(expected.length));
    expect(calls[0]?.query).toMatchObject({ office, status, documentType: 'invoice' });
  });

  it('filters by member and team upstream', async () => {
    const withTeam = payments.find((p) => p.team);
    const withMember = payments.find((p) => p.member);
    stack.simulator.log.reset();
    const result = await data<Record<string, Connection<{ id: string }>>>(
      `query ($team: ID, $member: ID) {
        t: payments(team: $team, first: 1000) { nodes { id } }
        m: payments(member: $member, first: 1000) { nodes { id } }
      }`,
      { team: withTeam?.team, member: withMember?.member },
    );
    expect(result.t?.nodes.map((n) => n.id)).toEqual(
      payments.filter((p) => p.team === withTeam?.team).map((p) => p._id),
    );
    expect(result.m?.nodes.map((n) => n.id)).toEqual(
      payments.filter((p) => p.member === withMember?.member).map((p) => p._id),
    );
    const queries = listCalls('payments').map((e) => e.query);
    expect(queries).toContainEqual(expect.objectContaining({ team: withTeam?.team }));
    expect(queries).toContainEqual(expect.objectContaining({ member: withMember?.member }));
  });

  it('returns one payment by id, null for an unknown id, BAD_USER_INPUT for a malformed one', async () => {
    const target = payments[payments.length - 1] as WirePayment;
    const result = await data<Record<string, { id: string; number: string } | null>>(
      `query ($id: ID!, $unknown: ID!) { p: payment(id: $id) { id number } u: payment(id: $unknown) { id } }`,
      { id: target._id, unknown: UNKNOWN_ID },
    );
    expect(result.p).toEqual({ id: target._id, number: target.number });
    expect(result.u).toBeNull();
    const bad = await stack.query(`{ payment(id: "nope") { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('links member, team and office, each through one read', async () => {
    const { members, teams, offices } = stack.simulator.dataset.collections;
    stack.simulator.log.reset();
    const result = await data<{
      payments: Connection<{
        id: string;
        member: { id: string; name: string } | null;
        team: { id: string; name: string } | null;
        office: { id: string; name: string } | null;
      }>;
    }>(`{ payments(first: 100) { nodes { id member { id name } team { id name } office { id name } } } }`);
    const memberMap = byId(members);
    const teamMap = byId(teams);
    const officeMap = byId(offices);
    result.payments.nodes.forEach((node, i) => {
      const wire = payments[i] as WirePayment;
      expect(node.member?.name ?? null).toBe(wire.member ? (memberMap.get(wire.member)?.name ?? null) : null);
      expect(node.team?.name ?? null).toBe(wire.team ? (teamMap.get(wire.team)?.name ?? null) : null);
      expect(node.office?.name ?? null).toBe(wire.office ? (officeMap.get(wire.office)?.name ?? null) : null);
    });
    expect(listCalls('payments').length).toBe(1);
    // Offices are a catalogue: one walk, whatever the number of payments.
    expect(listCalls('offices').length).toBe(pages(offices.length));
  });

  it('links lines to their plan, rate, fee, membership and office', async () => {
    const { memberships, plans, rates, offices } = stack.simulator.dataset.collections;
    const sample = payments.slice(0, 100);
    stack.simulator.log.reset();
    const result = await data<{
      payments: Connection<{
        id: string;
        lines: {
          plan: { id: string } | null;
          rate: { id: string } | null;
          fee: { id: string } | null;
          membership: { id: string } | null;
          office: { id: string } | null;
        }[];
      }>;
    }>(`{ payments(first: 100) { nodes { id lines {
          plan { id } rate { id } fee { id name } membership { id } office { id } } } } }`);
    const feeIds = new Set(fees.map((f) => f._id));
    const membershipIds = new Set(memberships.map((m) => m._id));
    const planIds = new Set(plans.filter((p) => p.isRate !== true).map((p) => p._id));
    const rateIds = new Set(rates.map((r) => r._id));
    const officeIds = new Set(offices.map((o) => o._id));
    const resolved = (id: string | null | undefined, known: Set<string>) => (id && known.has(id) ? id : null);
    let linked = 0;
    result.payments.nodes.forEach((node, i) => {
      const wire = linesOf(sample[i] as WirePayment);
      expect(node.lines.length).toBe(wire.length);
      node.lines.forEach((line, j) => {
        const w = wire[j];
        expect(line.fee?.id ?? null).toBe(resolved(w?.fee, feeIds));
        expect(line.membership?.id ?? null).toBe(resolved(w?.membership, membershipIds));
        expect(line.plan?.id ?? null).toBe(resolved(w?.plan, planIds));
        expect(line.rate?.id ?? null).toBe(resolved(w?.plan, rateIds));
        expect(line.office?.id ?? null).toBe(resolved(w?.office, officeIds));
        if (line.fee || line.membership) linked += 1;
      });
    });
    expect(linked).toBeGreaterThan(0);
    // Fees and memberships have no by-id in v1 (§8): each is one walk, plans and rates one catalogue read each.
    expect(listCalls('payments').length).toBe(1);
    expect(listCalls('fees').length).toBe(pages(fees.length));
    expect(listCalls('memberships').length).toBe(pages(memberships.length));
    expect(listCalls('plans').length).toBe(pages(plans.length));
    expect(listCalls('rates').length).toBe(pages(rates.length));
    expect(stack.apiCalls({ id: true })).toBe(0);
  });

  it('links allocations to their target document, and embedded or linked charges', async () => {
    const withAllocations = payments.filter((p) => (p.allocations?.length ?? 0) > 0).slice(0, 20);
    expect(withAllocations.length).toBeGreaterThan(0);
    const paymentMap = byId(payments);
    const chargesOf = (p: WirePayment) =>
      p.charges && p.charges.length > 0
        ? p.charges.map((c) => c._id)
        : charges.filter((c) => c.payment === p._id).map((c) => c._id);
    const result = await data<
      Record<
        string,
        {
          allocations: { amount: number; target: { id: string; number: string } | null }[];
          charges: Connection<{ id: string }>;
        }
      >
    >(
      `query (${withAllocations.map((_, i) => `$p${i}: ID!`).join(', ')}) {
        ${withAllocations.map((_, i) => `p${i}: payment(id: $p${i}) { allocations { amount target { id number } } charges(first: 1000) { nodes { id } } }`).join('\n')}
      }`,
      Object.fromEntries(withAllocations.map((p, i) => [`p${i}`, p._id])),
    );
    withAllocations.forEach((wire, i) => {
      const node = result[`p${i}`];
      expect(node?.allocations.map((a) => a.target?.id ?? null)).toEqual(
        (wire.allocations ?? []).map((a) => (a.target && paymentMap.has(a.target) ? a.target : null)),
      );
      expect(node?.allocations.map((a) => a.target?.number ?? null)).toEqual(
        (wire.allocations ?? []).map((a) => (a.target ? (paymentMap.get(a.target)?.number ?? null) : null)),
      );
      expect(node?.charges.nodes.map((c) => c.id)).toEqual(chargesOf(wire));
    });
  });

  it('reads the charges of 100 payments with one charges walk, not one call per payment', async () => {
    stack.simulator.log.reset();
    const result = await data<{
      payments: Connection<{ id: string; charges: Connection<{ id: string; amount: number }> }>;
    }>(`{ payments(first: 100) { nodes { id charges(first: 1000) { nodes { id amount } } } } }`);
    const sample = payments.slice(0, 100);
    const embedded = sample.every((p) => (p.charges?.length ?? 0) > 0);
    result.payments.nodes.forEach((node, i) => {
      const wire = sample[i] as WirePayment;
      const expected =
        wire.charges && wire.charges.length > 0 ? wire.charges : charges.filter((c) => c.payment === wire._id);
      expect(node.charges.nodes.map((c) => c.id)).toEqual(expected.map((c) => c._id));
    });
    expect(listCalls('payments').length).toBe(1);
    expect(listCalls('charges').length).toBe(embedded ? 0 : pages(charges.length));
    expect(stack.apiCalls()).toBe(1 + (embedded ? 0 : pages(charges.length)));
  });
});

describe('fees', () => {
  it("lists the simulator's fees with their fields mapped", async () => {
    const result = await data<{ fees: Connection<Record<string, unknown>> }>(
      `{ fees(first: 100) { nodes { id name price quantity issueDate status isRefundable shouldBillInAdvance paymentStatus } } }`,
    );
    const expected = fees.slice(0, 100);
    expect(result.fees.nodes.map((n) => n.id)).toEqual(expected.map((f) => f._id));
    result.fees.nodes.forEach((node, i) => {
      const wire = expected[i] as WireFee;
      expect(node.name).toBe(wire.name ?? null);
      expect(node.price).toBe(wire.price ?? null);
      expect(node.quantity).toBe(wire.quantity ?? null);
      expect(node.issueDate).toBe(day(wire.date));
      expect(node.isRefundable).toBe(wire.refundable ?? null);
      expect(node.shouldBillInAdvance).toBe(wire.billInAdvance ?? null);
      expect(node.status).toBe(wire.status ? wire.status.toUpperCase() : null);
      expect(node.paymentStatus).toBe(wire.invoice?.status ? wire.invoice.status.toUpperCase() : null);
    });
  });

  it('pages 1000 at a time over every fee exactly once', async () => {
    expect(fees.length).toBeGreaterThan(PAGE);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page: { fees: Connection<{ id: string }> } = await data(
        `query ($after: String) { fees(first: 1000, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...page.fees.nodes.map((n) => n.id));
      if (!page.fees.pageInfo.hasNextPage) break;
      after = page.fees.pageInfo.endCursor;
    }
    expect(seen).toEqual(fees.map((f) => f._id));
  });

  it('filters by member, plan and name prefix upstream', async () => {
    const withMember = fees.find((f) => f.member) as WireFee;
    const withPlan = fees.find((f) => f.plan) as WireFee;
    const prefix = (fees.find((f) => f.name)?.name ?? '').slice(0, 3);
    stack.simulator.log.reset();
    const result = await data<Record<string, Connection<{ id: string }>>>(
      `query ($member: ID, $plan: ID, $prefix: String) {
        m: fees(member: $member, first: 1000) { nodes { id } }
        p: fees(plan: $plan, first: 1000) { nodes { id } }
        n: fees(nameStartsWith: $prefix, first: 1000) { nodes { id } }
      }`,
      { member: withMember.member, plan: withPlan.plan, prefix },
    );
    expect(result.m?.nodes.map((n) => n.id)).toEqual(
      fees.filter((f) => f.member === withMember.member).map((f) => f._id),
    );
    expect(result.p?.nodes.map((n) => n.id)).toEqual(fees.filter((f) => f.plan === withPlan.plan).map((f) => f._id));
    expect(result.n?.nodes.map((n) => n.id)).toEqual(
      fees.filter((f) => (f.name ?? '').toLowerCase().startsWith(prefix.toLowerCase())).map((f) => f._id),
    );
    const queries = listCalls('fees').map((e) => e.query);
    expect(queries).toContainEqual(expect.objectContaining({ member: withMember.member }));
    expect(queries).toContainEqual(expect.objectContaining({ plan: withPlan.plan }));
    expect(queries).toContainEqual(expect.objectContaining({ 'name.$swi': prefix }));
  });

  it('filters by status upstream and rejects a malformed reference filter', async () => {
    const awaiting = fees.filter((f) => f.status === 'awaiting_approval');
    stack.simulator.log.reset();
    const result = await data<{ fees: Connection<{ id: string; status: string }> }>(
      `{ fees(status: AWAITING_APPROVAL, first: 1000) { nodes { id status } } }`,
    );
    expect(result.fees.nodes.map((n) => n.id)).toEqual(awaiting.map((f) => f._id));
    expect(listCalls('fees')[0]?.query).toMatchObject({ status: 'awaiting_approval' });
    const bad = await stack.query(`{ fees(team: "12") { nodes { id } } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('returns one fee by id, null for an unknown id, BAD_USER_INPUT for a malformed one', async () => {
    const target = fees[Math.floor(fees.length / 2)] as WireFee;
    const result = await data<Record<string, { id: string; name: string } | null>>(
      `query ($id: ID!, $unknown: ID!) { f: fee(id: $id) { id name } u: fee(id: $unknown) { id } }`,
      { id: target._id, unknown: UNKNOWN_ID },
    );
    expect(result.f).toEqual({ id: target._id, name: target.name ?? null });
    expect(result.u).toBeNull();
    const bad = await stack.query(`{ fee(id: "abc") { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('links member, team, office, plan or rate, payment and credit note to the right objects', async () => {
    const { members, teams, offices, plans, rates } = stack.simulator.dataset.collections;
    const memberMap = byId(members);
    const teamMap = byId(teams);
    const officeMap = byId(offices);
    const planMap = byId(plans.filter((p) => p.isRate !== true));
    const rateMap = byId(rates);
    const paymentMap = byId(payments);
    const result = await data<{
      fees: Connection<{
        member: { name: string } | null;
        team: { name: string } | null;
        office: { name: string } | null;
        plan: { id: string; name: string } | null;
        rate: { id: string; name: string } | null;
        payment: { id: string; number: string } | null;
        creditNote: { id: string; documentType: string } | null;
      }>;
    }>(`{ fees(first: 300) { nodes {
          member { name } team { name } office { name } plan { id name } rate { id name }
          payment { id number } creditNote { id documentType } } } }`);
    const sample = fees.slice(0, 300);
    let plansSeen = 0;
    let paymentsSeen = 0;
    result.fees.nodes.forEach((node, i) => {
      const wire = sample[i] as WireFee;
      expect(node.member?.name ?? null).toBe(wire.member ? (memberMap.get(wire.member)?.name ?? null) : null);
      expect(node.team?.name ?? null).toBe(wire.team ? (teamMap.get(wire.team)?.name ?? null) : null);
      expect(node.office?.name ?? null).toBe(wire.office ? (officeMap.get(wire.office)?.name ?? null) : null);
      expect(node.plan?.id ?? null).toBe(wire.plan && planMap.has(wire.plan) ? wire.plan : null);
      expect(node.rate?.id ?? null).toBe(wire.plan && rateMap.has(wire.plan) ? wire.plan : null);
      // A plan id names either a plan or a rate, never both.
      expect(node.plan !== null && node.rate !== null).toBe(false);
      const invoice = wire.invoice?._id;
      expect(node.payment?.number ?? null).toBe(invoice ? (paymentMap.get(invoice)?.number ?? null) : null);
      const creditNote = wire.invoice?.creditNote;
      expect(node.creditNote?.id ?? null).toBe(creditNote && paymentMap.has(creditNote) ? creditNote : null);
      if (node.plan || node.rate) plansSeen += 1;
      if (node.payment) paymentsSeen += 1;
    });
    expect(plansSeen).toBeGreaterThan(0);
    expect(paymentsSeen).toBeGreaterThan(0);
  });

  it('costs 1 fees page + one payments walk for 100 fees with payment { number }, asked twice', async () => {
    stack.simulator.log.reset();
    await data(`{
      a: fees(first: 100) { nodes { id payment { number } creditNote { number } } }
      b: fees(first: 100) { nodes { id payment { number status } } }
    }`);
    expect(listCalls('fees').length).toBe(2);
    expect(listCalls('payments').length).toBe(pages(payments.length));
    expect(stack.apiCalls()).toBe(2 + pages(payments.length));
  });

  it('costs one catalogue read each for the plan and rate of 100 fees', async () => {
    const { plans, rates } = stack.simulator.dataset.collections;
    stack.simulator.log.reset();
    await data(`{ fees(first: 100) { nodes { id plan { name } rate { name } } } }`);
    expect(listCalls('fees').length).toBe(1);
    expect(listCalls('plans').length).toBe(pages(plans.length));
    expect(listCalls('rates').length).toBe(pages(rates.length));
    expect(stack.apiCalls()).toBe(1 + pages(plans.length) + pages(rates.length));
  });
});

describe('charges', () => {
  it("lists the simulator's charges with their fields mapped", async () => {
    const result = await data<{ charges: Connection<Record<string, unknown>> }>(
      `{ charges(first: 100) { nodes { id amount date status account reference currency } pageInfo { hasNextPage } } }`,
    );
    const expected = charges.slice(0, 100);
    expect(result.charges.nodes.map((n) => n.id)).toEqual(expected.map((c) => c._id));
    result.charges.nodes.forEach((node, i) => {
      const wire = expected[i] as WireCharge;
      expect(node.amount).toBe(wire.amount);
      expect(node.date).toBe(wire.date ? new Date(wire.date).toISOString() : null);
      expect(node.status).toBe(wire.status ? wire.status.toUpperCase() : null);
      expect(node.account).toBe(wire.account ?? null);
      expect(node.reference).toBe(wire.reference ?? null);
    });
  });

  it('pages over every charge exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard += 1) {
      const page: { charges: Connection<{ id: string }> } = await data(
        `query ($after: String) { charges(first: 150, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...page.charges.nodes.map((n) => n.id));
      if (!page.charges.pageInfo.hasNextPage) break;
      after = page.charges.pageInfo.endCursor;
    }
    expect(seen).toEqual(charges.map((c) => c._id));
  });

  it('filters by payment and status upstream', async () => {
    const sample = charges.find((c) => c.payment) as WireCharge;
    const status = charges.find((c) => c.status && c.status !== 'success')?.status ?? 'success';
    stack.simulator.log.reset();
    const result = await data<Record<string, Connection<{ id: string; payment: { id: string } | null }>>>(
      `query ($payment: ID, $status: ChargeStatus) {
        p: charges(payment: $payment, first: 1000) { nodes { id payment { id } } }
        s: charges(status: $status, first: 1000) { nodes { id payment { id } } }
      }`,
      { payment: sample.payment, status: status.toUpperCase() },
    );
    expect(result.p?.nodes.map((n) => n.id)).toEqual(
      charges.filter((c) => c.payment === sample.payment).map((c) => c._id),
    );
    expect(result.p?.nodes.every((n) => n.payment?.id === sample.payment)).toBe(true);
    expect(result.s?.nodes.map((n) => n.id)).toEqual(charges.filter((c) => c.status === status).map((c) => c._id));
    const queries = listCalls('charges').map((e) => e.query);
    expect(queries).toContainEqual(expect.objectContaining({ payment: sample.payment }));
    expect(queries).toContainEqual(expect.objectContaining({ status }));
  });

  it('returns one charge by id, null for an unknown id, BAD_USER_INPUT for a malformed one', async () => {
    const target = charges[3] as WireCharge;
    const result = await data<Record<string, { id: string; amount: number } | null>>(
      `query ($id: ID!, $unknown: ID!) { c: charge(id: $id) { id amount } u: charge(id: $unknown) { id } }`,
      { id: target._id, unknown: UNKNOWN_ID },
    );
    expect(result.c).toEqual({ id: target._id, amount: target.amount });
    expect(result.u).toBeNull();
    const bad = await stack.query(`{ charge(id: "${'g'.repeat(24)}") { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('links payment and office; 100 charges cost 1 page + one payments walk + one offices read', async () => {
    const { offices } = stack.simulator.dataset.collections;
    const paymentMap = byId(payments);
    const officeMap = byId(offices);
    stack.simulator.log.reset();
    const result = await data<{
      charges: Connection<{ payment: { id: string; number: string } | null; office: { name: string } | null }>;
    }>(`{ charges(first: 100) { nodes { payment { id number } office { name } } } }`);
    result.charges.nodes.forEach((node, i) => {
      const wire = charges[i] as WireCharge;
      expect(node.payment?.number ?? null).toBe(wire.payment ? (paymentMap.get(wire.payment)?.number ?? null) : null);
      expect(node.office?.name ?? null).toBe(wire.office ? (officeMap.get(wire.office)?.name ?? null) : null);
    });
    expect(result.charges.nodes.some((n) => n.payment !== null)).toBe(true);
    expect(listCalls('charges').length).toBe(1);
    expect(listCalls('payments').length).toBe(pages(payments.length));
    expect(listCalls('offices').length).toBe(pages(offices.length));
    expect(stack.apiCalls()).toBe(1 + pages(payments.length) + pages(offices.length));
  });
});

describe('payments as other v1 payloads spell them (§6.14)', () => {
  it('reads `lines` when there are no `invoiceLines`, and serves embedded charges without a charges call', async () => {
    // A copy of the test data where one document uses the alternative spellings: the client side is tolerant.
    const dataset = structuredClone(testDataset());
    const document = dataset.collections.payments.find((p) => (p.invoiceLines?.length ?? 0) > 0) as WirePayment;
    const embedded = dataset.collections.charges.slice(0, 2).map((c) => ({ ...c, payment: document._id }));
    const lines = (document.invoiceLines ?? []).map((l) => ({ ...l, unitDiscount: 1.5 }));
    delete document.invoiceLines;
    document.lines = lines;
    document.charges = embedded;
    const simulator = createSimulator({ dataset, now: TEST_NOW });
    const logger = createLogger({ level: 'error', secrets: ['demo-secret'], write: () => undefined });
    const officernd = demoClient(simulator, { logger });
    const gateway = createGateway({ officernd, logger });
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query ($number: String) { payments(number: $number) { nodes {
          id lines { total unitDiscount membership { id } } charges(first: 1) { nodes { id amount } pageInfo { hasNextPage } } } } }`,
        variables: { number: document.number },
      }),
    });
    const body = (await response.json()) as {
      errors?: unknown;
      data: {
        payments: Connection<{
          id: string;
          lines: { total: number; unitDiscount: number; membership: { id: string } | null }[];
          charges: Connection<{ id: string; amount: number }>;
        }>;
      };
    };
    expect(body.errors).toBeUndefined();
    const node = body.data.payments.nodes[0];
    expect(node?.id).toBe(document._id);
    expect(node?.lines.map((l) => l.total)).toEqual(lines.map((l) => l.total));
    expect(node?.lines.every((l) => l.unitDiscount === 1.5)).toBe(true);
    expect(node?.lines.map((l) => l.membership?.id ?? null)).toEqual(lines.map((l) => l.membership ?? null));
    expect(node?.charges.nodes).toEqual([{ id: embedded[0]?._id, amount: embedded[0]?.amount }]);
    expect(node?.charges.pageInfo.hasNextPage).toBe(true);
    expect(simulator.log.count({ kind: 'api', collection: 'charges' })).toBe(0);
  });
});
