import { beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';
import type { OfficeRnDApiVersion } from '../../src/officernd/v2.ts';
import type { Dataset } from '../../src/simulator/generate.ts';
import { createSimulator, type Simulator, type V1PopulateMode } from '../../src/simulator/index.ts';
import { FROM, inWindow, largeOrg, TO } from '../dates/large-org.ts';
import { demoClient } from '../demo-client.ts';
import { createTestStack, TEST_NOW, type TestStack } from '../helpers.ts';
import { versionClient } from '../versions/support.ts';
import { ndjsonRecords } from './support.ts';

// Issue 21, proof (a): a 10-day export with a linked column costs its window's pages. On v1 the window's own pages
// carry `member.name` (`$populate`, shared/officernd-api.md §2, §4), so the join costs no call; a server that ignores
// or refuses it, a dangling reference (§6) and v2 (no `$populate`) still give the exact rows through today's join.
// Organization of a real size: scale 3.2 × 2 years ≈ 51,200 bookings, generated once for every simulator here.

let dataset: Dataset;

beforeAll(() => {
  dataset = largeOrg();
}, 120_000);

interface Org {
  simulator: Simulator;
  gateway: Gateway;
}

function orgOf(v1Populate: V1PopulateMode, version: OfficeRnDApiVersion = 'v1'): Org {
  const simulator = createSimulator({ dataset, now: TEST_NOW, seed: 21, v1Populate });
  const logger = createLogger({ level: 'error', secrets: ['demo-secret'], write: () => undefined });
  const officernd = demoClient(simulator, { logger, maxRequestsPerMinute: 1_000_000, ...versionClient(version) });
  return { simulator, gateway: createGateway({ officernd, logger, clock: () => TEST_NOW }) };
}

type Row = { _id: string; 'member.name': string | null };

async function exportWindow(org: Org): Promise<Row[]> {
  const response = await org.gateway.fetch(
    `http://gateway.test/reports/bookings.ndjson?columns=_id,member.name&from=${FROM}&to=${TO}&timeZone=UTC`,
  );
  return ndjsonRecords<Row>(response);
}

/** The window's rows as the simulator holds them: every booking starting in it, with its member's name. */
function expectedRows(simulator: Simulator): Row[] {
  const { bookings, members } = simulator.dataset.collections;
  const names = new Map(members.map((m) => [m._id, m.name ?? null]));
  return bookings
    .filter((b) => inWindow(b.start?.dateTime ?? b.start?.date))
    .map((b) => ({ _id: b._id, 'member.name': (b.member ? names.get(b.member) : null) ?? null }));
}

const byId = (rows: readonly Row[]): Row[] => [...rows].sort((a, b) => (a._id < b._id ? -1 : 1));
const pagesOf = (rows: number, limit = 100) => Math.max(1, Math.ceil(rows / limit));
const calls = (org: Org, filter: { collection?: string } = {}) => org.simulator.log.count({ kind: 'api', ...filter });
/** API calls that sent `$populate`. */
const populated = (org: Org) =>
  org.simulator.log.entries().filter((e) => e.kind === 'api' && e.query.$populate !== undefined);

/** Learns the bookings' reach once (a dated export's first run walks every booking), then starts a clean log. */
async function warm(org: Org): Promise<void> {
  const response = await org.gateway.fetch(
    `http://gateway.test/reports/bookings.csv?columns=_id&from=${FROM}&to=${TO}&timeZone=UTC`,
  );
  await response.text();
  org.simulator.log.reset();
}

describe('a 10-day export with member.name on about 51,000 bookings', () => {
  it("v1 $populate: the window's pages carry the names; calls <= 1.2 x the window's pages + 5, none for members", async () => {
    const org = orgOf('honoured');
    await warm(org);
    const rows = await exportWindow(org);
    const expected = expectedRows(org.simulator);
    expect(rows.length).toBeGreaterThan(1000);
    expect(byId(rows)).toEqual(byId(expected));
    expect(rows.filter((row) => row['member.name'] !== null).length).toBeGreaterThan(rows.length / 2);
    expect(calls(org)).toBeLessThanOrEqual(1.2 * pagesOf(rows.length) + 5);
    expect(calls(org, { collection: 'members' })).toBe(0);
    // Every page of the window's rows asked for the names (the reach's own look for changed bookings reads no rows).
    const lists = org.simulator.log
      .entries()
      .filter((e) => e.kind === 'api' && e.collection === 'bookings' && !e.id && e.query.$select?.includes('member'));
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((e) => e.query.$populate === 'member.name')).toBe(true);
  }, 120_000);

  it('populate ignored (bare ids come back): exact through the join of today', async () => {
    const org = orgOf('ignored');
    await warm(org);
    const rows = await exportWindow(org);
    expect(byId(rows)).toEqual(byId(expectedRows(org.simulator)));
    expect(populated(org).length).toBeGreaterThan(0);
    expect(calls(org, { collection: 'members' })).toBeGreaterThan(0);
  }, 120_000);

  it('populate refused (400): exact without it, and remembered: the next export does not send it', async () => {
    const org = orgOf('refused');
    await warm(org);
    const first = await exportWindow(org);
    const expected = byId(expectedRows(org.simulator));
    expect(byId(first)).toEqual(expected);
    const refusals = org.simulator.log.entries().filter((e) => e.kind === 'api' && e.status === 400);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((e) => e.query.$populate === 'member.name')).toBe(true);
    org.simulator.log.reset();
    const second = await exportWindow(org);
    expect(byId(second)).toEqual(expected);
    expect(populated(org)).toEqual([]);
    expect(org.simulator.log.entries().filter((e) => e.status === 400)).toEqual([]);
  }, 120_000);

  it('a dangling member reference (§6) is an empty cell, as without $populate; the others still cost nothing', async () => {
    const org = orgOf('honoured');
    const ghost = 'f'.repeat(24);
    const inside = org.simulator.dataset.collections.bookings.filter(
      (b) => b.member && inWindow(b.start?.dateTime ?? b.start?.date),
    );
    for (const booking of inside.slice(0, 3)) await org.simulator.update('bookings', booking._id, { member: ghost });
    await warm(org);
    const rows = await exportWindow(org);
    expect(byId(rows)).toEqual(byId(expectedRows(org.simulator)));
    const ghosts = rows.filter((row) => inside.slice(0, 3).some((b) => b._id === row._id));
    expect(ghosts).toHaveLength(3);
    expect(ghosts.every((row) => row['member.name'] === null)).toBe(true);
    // Only the dangling id is looked up (a 404 each, §8), once.
    expect(calls(org, { collection: 'members' })).toBe(1);
    expect(calls(org)).toBeLessThanOrEqual(1.2 * pagesOf(rows.length) + 5 + 1);
  }, 120_000);

  it('over v2: no $populate is sent, and the rows are exact through the join', async () => {
    const org = orgOf('honoured', 'v2');
    await warm(org);
    const rows = await exportWindow(org);
    expect(byId(rows)).toEqual(byId(expectedRows(org.simulator)));
    expect(populated(org)).toEqual([]);
    expect(org.simulator.log.entries().filter((e) => e.status >= 400)).toEqual([]);
  }, 120_000);
});

describe('populated references on a small organization', () => {
  it('report(...) takes member.name and office.name from the page it reads: one call for 20 rows', async () => {
    const stack = createTestStack();
    const { bookings, members, offices } = stack.simulator.dataset.collections;
    const names = new Map([...members, ...offices].map((o) => [o._id, o.name ?? null]));
    stack.simulator.log.reset();
    const result = await stack.query<{ report: { rows: unknown[][] } }>(
      `{ report(name: BOOKINGS, columns: ["_id", "member.name", "office.name"], first: 20) { rows } }`,
    );
    expect(result.data?.report.rows).toEqual(
      bookings
        .slice(0, 20)
        .map((b) => [b._id, (b.member && names.get(b.member)) ?? null, (b.office && names.get(b.office)) ?? null]),
    );
    expect(stack.apiCalls()).toBe(1);
    const [call] = stack.simulator.log.entries().filter((e) => e.kind === 'api');
    expect(call?.query.$populate).toBe('member.name,office.name');
  });

  it('a populated value without its _id is not trusted: that page is read again without $populate, exact', async () => {
    let tampered = 0;
    // OfficeRnD answering one page with a populated member that has lost its `_id`.
    const untrusted: typeof fetch = async (input, init) => {
      const answer = await stack.simulator.fetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('populate') || tampered > 0) return answer;
      tampered += 1;
      const items = (await answer.json()) as Record<string, unknown>[];
      const broken = items.map((item) =>
        typeof item.member === 'object' && item.member !== null ? { ...item, member: { name: 'Mallory' } } : item,
      );
      const headers = new Headers(answer.headers);
      headers.delete('content-length');
      return new Response(JSON.stringify(broken), { status: answer.status, headers });
    };
    const stack = createTestStack({ client: { fetch: untrusted } });
    const { bookings, members } = stack.simulator.dataset.collections;
    const names = new Map(members.map((m) => [m._id, m.name ?? null]));
    const response = await stack.gateway.fetch('http://gateway.test/reports/bookings.ndjson?columns=_id,member.name');
    const rows = (await response.text())
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Row);
    expect(tampered).toBe(1);
    expect(rows).toEqual(
      bookings.map((b) => ({ _id: b._id, 'member.name': (b.member && names.get(b.member)) ?? null })),
    );
    expect(rows.some((row) => row['member.name'] === 'Mallory')).toBe(false);
  });

  it("the cost rule counts no join call for populated columns, and today's once OfficeRnD has refused $populate", async () => {
    const REPORT = (columns: string, first: number) =>
      `{ report(name: BOOKINGS, first: ${first}, columns: [${columns}]) { rows } }`;
    const costOf = async (stack: TestStack, columns: string, first = 150) => {
      stack.simulator.log.reset();
      const result = await stack.query(REPORT(columns, first));
      expect(result.errors).toBeUndefined();
      const line = stack.logs.findLast((l) => l.includes('"graphql operation"'));
      return { cost: (JSON.parse(line ?? '{}') as { cost: number }).cost, calls: stack.apiCalls() };
    };
    const honoured = createTestStack({ logLevel: 'info' });
    const bare = await costOf(honoured, '"_id"');
    const named = await costOf(honoured, '"_id", "member.name"');
    expect(named.calls).toBe(bare.calls);
    expect(named.cost).toBe(bare.cost);
    expect(named.cost).toBeGreaterThanOrEqual(named.calls);
    const refused = createTestStack({ logLevel: 'info', simulator: { v1Populate: 'refused' } });
    // The first read learns the refusal; from then on the members are joined, and the cost of an operation priced
    // after it says so.
    await costOf(refused, '"_id", "member.name"');
    const joined = await costOf(refused, '"_id", "member.name"', 149);
    expect(joined.calls).toBeGreaterThan(bare.calls);
    expect(joined.cost).toBeGreaterThan(bare.cost);
    expect(joined.cost).toBeGreaterThanOrEqual(joined.calls);
  });

  it('a deeper column keeps the join of today; its one-level neighbour is still populated', async () => {
    const stack = createTestStack();
    const { bookings, members, teams, offices } = stack.simulator.dataset.collections;
    const memberOf = new Map(members.map((m) => [m._id, m]));
    const names = new Map([...teams, ...offices].map((o) => [o._id, o.name ?? null]));
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch(
      'http://gateway.test/reports/bookings.ndjson?columns=_id,member.team.name,office.name&limit=100',
    );
    const rows = (await response.text())
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toEqual(
      bookings.slice(0, 100).map((b) => {
        const team = b.member ? memberOf.get(b.member)?.team : undefined;
        return {
          _id: b._id,
          'member.team.name': (team && names.get(team)) ?? null,
          'office.name': (b.office && names.get(b.office)) ?? null,
        };
      }),
    );
    const lists = stack.simulator.log.entries().filter((e) => e.kind === 'api' && e.collection === 'bookings');
    expect(lists.map((e) => e.query.$populate)).toEqual(['office.name']);
    expect(stack.apiCalls({ collection: 'members' })).toBeGreaterThan(0);
    expect(stack.apiCalls({ collection: 'offices' })).toBe(0);
  });
});
