import { describe, expect, it } from 'vitest';
import { OfficeRnDQueryError } from '../../src/officernd/index.ts';
import { createSimulator, creditStatsFor, generateDataset } from '../../src/simulator/index.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';

const NOW = new Date('2025-06-15T00:00:00.000Z');
const dataset = generateDataset({ seed: 11, scale: 0.2, now: NOW, org: 'demo' });

const clientFor = demoClient;

const limits = (sim: Simulator): string[] =>
  sim.log
    .entries()
    .filter((e) => e.kind === 'api')
    .map((e) => e.query.$limit ?? '-');

describe('paging (§3)', () => {
  it('max 250 over a larger collection: 3 requests (100, 100, 50), no item twice, complete=false', async () => {
    expect(dataset.collections.members.length).toBeGreaterThan(250);
    const sim = createSimulator({ dataset });
    const client = clientFor(sim);
    const result = await client.list('members', undefined, { max: 250 });
    expect(result.complete).toBe(false);
    expect(result.items.map((m) => m._id)).toEqual(dataset.collections.members.slice(0, 250).map((m) => m._id));
    expect(sim.log.count({ kind: 'api' })).toBe(3);
    expect(limits(sim)).toEqual(['100', '100', '50']);
    const cursors = sim.log
      .entries()
      .filter((e) => e.kind === 'api')
      .map((e) => e.query.$next ?? null);
    expect(cursors[0]).toBeNull();
    expect(new Set(cursors).size).toBe(3);
  });

  it('a collection of exactly 250 comes back complete in 3 requests', async () => {
    const exact = {
      ...dataset,
      collections: { ...dataset.collections, members: dataset.collections.members.slice(0, 250) },
    };
    const sim = createSimulator({ dataset: exact });
    const client = clientFor(sim);
    const result = await client.list('members', undefined, { max: 1000 });
    expect(result.complete).toBe(true);
    expect(result.items).toHaveLength(250);
    expect(new Set(result.items.map((m) => m._id)).size).toBe(250);
    expect(sim.log.count({ kind: 'api' })).toBe(3);
  });

  it('max stops early and says so; a max at the exact size is complete', async () => {
    const sim = createSimulator({ dataset });
    const client = clientFor(sim);
    const offices = dataset.collections.offices.length;
    const early = await client.list('offices', undefined, { max: offices - 1 });
    expect(early).toMatchObject({ complete: false });
    expect(early.items).toHaveLength(offices - 1);
    const whole = await client.list('offices', undefined, { max: offices });
    expect(whole.complete).toBe(true);
    expect(whole.items).toHaveLength(offices);
    await expect(client.list('offices', undefined, { max: 0 })).rejects.toBeInstanceOf(OfficeRnDQueryError);
  });

  it('pages() yields the upstream pages and resumes from a cursor', async () => {
    const sim = createSimulator({ dataset });
    const client = clientFor(sim);
    const first = await client.listPage('members', undefined, { limit: 40 });
    expect(first.items).toHaveLength(40);
    expect(first.prev).toBeNull();
    expect(first.next).toEqual(expect.any(String));
    const rest: string[] = [];
    for await (const page of client.pages('members', undefined, { cursor: first.next, max: 60 })) {
      rest.push(...page.items.map((m) => m._id));
      expect(page.prev).toEqual(expect.any(String));
    }
    expect([...first.items.map((m) => m._id), ...rest]).toEqual(
      dataset.collections.members.slice(0, 100).map((m) => m._id),
    );
  });

  it('walks to the last page when no max is given', async () => {
    const sim = createSimulator({ dataset });
    const client = clientFor(sim);
    const seen: string[] = [];
    let last = null as string | null | undefined;
    for await (const page of client.pages('members')) {
      seen.push(...page.items.map((m) => m._id));
      last = page.next;
    }
    expect(last).toBeNull();
    expect(seen).toEqual(dataset.collections.members.map((m) => m._id));
    expect(sim.log.count({ kind: 'api' })).toBe(Math.ceil(dataset.collections.members.length / 100));
  });

  it('resource types always carry _id, even when v1 keys them by id (§6.18)', async () => {
    const sim = createSimulator({ dataset });
    const client = clientFor(sim);
    const { items } = await client.list('resource-types', undefined, { max: 1000 });
    expect(items.length).toBe(dataset.collections['resource-types'].length);
    for (const [i, item] of items.entries()) {
      const wire = dataset.collections['resource-types'][i];
      expect(item._id).toBe(wire?._id ?? wire?.id);
      expect(item._id).toMatch(/^[0-9a-f]{24}$/);
    }
  });
});

describe('by id (§8)', () => {
  it('returns the object, null for an unknown id, and refuses collections without by-id', async () => {
    const sim = createSimulator({ dataset });
    const client = clientFor(sim);
    const member = dataset.collections.members[3];
    expect(await client.getById('members', member?._id as string)).toEqual(member);
    expect(await client.getById('teams', 'ffffffffffffffffffffffff')).toBeNull();
    expect(sim.log.count({ kind: 'api', status: 404, id: true })).toBe(1);
    // Not an ObjectId: upstream can only answer 404 (§8), so no request is made.
    expect(await client.getById('members', '../offices')).toBeNull();
    await expect(client.getById('payments', dataset.collections.payments[0]?._id as string)).rejects.toThrow(
      /no GET \/payments/,
    );
    expect(sim.log.count({ kind: 'api' })).toBe(2);
  });
});

describe('occurrences and credit stats', () => {
  it('walks occurrences in a window, capped by max', async () => {
    const sim = createSimulator({ dataset });
    const client = clientFor(sim);
    const params = { start: new Date('2025-05-01T00:00:00.000Z'), end: '2025-07-01T00:00:00Z' };
    const all = [];
    for await (const page of client.occurrencePages(params)) all.push(...page.items);
    expect(all.length).toBeGreaterThan(100);
    for (const occ of all) {
      const start = occ.start?.dateTime ?? occ.start?.date ?? '';
      const end = occ.end?.dateTime ?? occ.end?.date ?? '';
      expect(end > '2025-05-01T00:00:00.000Z' && start < '2025-07-01T00:00:00.000Z').toBe(true);
    }
    const first = sim.log.entries().find((e) => e.kind === 'api');
    expect(first?.query).toMatchObject({
      start: '2025-05-01T00:00:00.000Z',
      end: '2025-07-01T00:00:00.000Z',
      $limit: '100',
    });
    sim.log.reset();
    const capped = [];
    for await (const page of client.occurrencePages(params, { max: 120 })) capped.push(...page.items);
    expect(capped).toEqual(all.slice(0, 120));
    expect(limits(sim)).toEqual(['100', '20']);
  });

  it('checks required occurrence params before any request', () => {
    const sim = createSimulator({ dataset });
    const client = clientFor(sim);
    const bad = [
      { start: '', end: '2025-02-01' },
      { start: '2025-01-01', end: undefined as unknown as string },
      { start: 'soon', end: '2025-02-01' },
      { start: '2025-02-01', end: '2025-01-01' },
      { start: '2024-01-01', end: '2025-06-01' },
      { start: '2025-01-01', end: '2025-02-01', member: 'alice' },
    ];
    for (const params of bad) expect(() => client.occurrencePages(params)).toThrow(OfficeRnDQueryError);
    expect(sim.log.count()).toBe(0);
  });

  it('credit stats send month and team, and check them before any request', async () => {
    const sim = createSimulator({ dataset });
    const client = clientFor(sim);
    const team = dataset.collections.teams[0]?._id as string;
    const stats = await client.creditStats({ month: '2025-05', team });
    expect(stats.length).toBeGreaterThan(0);
    expect(stats).toEqual(creditStatsFor(dataset, { month: '2025-05', team }));
    expect(sim.log.entries()[1]?.query).toEqual({ month: '2025-05-01T00:00:00.000Z', team });
    await expect(client.creditStats({ month: '2025-5', team })).rejects.toBeInstanceOf(OfficeRnDQueryError);
    await expect(client.creditStats({ month: '2025-05' })).rejects.toThrow(/team or a member/);
    await expect(client.creditStats({ month: '2025-13', member: team })).rejects.toBeInstanceOf(OfficeRnDQueryError);
    expect(sim.log.count({ kind: 'api' })).toBe(1);
  });
});

describe('tolerance (§3, §6: the client accepts both readings)', () => {
  /** Re-serves the simulator's v1 answers in another reading; `reshape` gets body + next cursor. */
  const reshaping =
    (
      sim: Simulator,
      reshape: (
        items: Record<string, unknown>[],
        next: string | null,
      ) => { body: unknown; headers?: Record<string, string> },
    ): typeof fetch =>
    async (input, init) => {
      const response = await sim.fetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('/organizations/') || response.status !== 200) return response;
      const { body, headers } = reshape(
        (await response.json()) as Record<string, unknown>[],
        response.headers.get('rnd-cursor-next'),
      );
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json', ...headers },
      });
    };

  it('walks a v2 envelope {results, cursorNext} with null or absent cursors at the end', async () => {
    for (const last of [null, undefined, '']) {
      const sim = createSimulator({ dataset });
      const client = clientFor(sim, {
        fetch: reshaping(sim, (items, next) => ({
          body: {
            rangeStart: 1,
            rangeEnd: items.length,
            results: items,
            ...(next ? { cursorNext: next } : last === undefined ? {} : { cursorNext: last }),
          },
        })),
      });
      const result = await client.list('members', undefined, { max: 10_000 });
      expect(result.complete).toBe(true);
      expect(result.items.map((m) => m._id)).toEqual(dataset.collections.members.map((m) => m._id));
    }
  });

  it('reads the cursor header in any case, treats an empty one as the end, and adds _id to id-keyed items', async () => {
    const sim = createSimulator({ dataset });
    const client = clientFor(sim, {
      fetch: reshaping(sim, (items, next) => ({
        body: items.map(({ _id, ...rest }) => ({ id: _id, ...rest })),
        headers: { 'RND-Cursor-Next': next ?? '' },
      })),
    });
    const result = await client.list('teams', undefined, { max: 10_000 });
    expect(result.complete).toBe(true);
    expect(result.items.map((t) => t._id)).toEqual(dataset.collections.teams.map((t) => t._id));
    expect(result.items[0]).toMatchObject({ id: dataset.collections.teams[0]?._id });
  });

  it('a body that is neither an array nor an envelope is an upstream error', async () => {
    const sim = createSimulator({ dataset });
    const client = clientFor(sim, { fetch: reshaping(sim, () => ({ body: { data: [] } })) });
    await expect(client.listPage('teams')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 200 });
  });

  it('a body cut short under a JSON content type is an upstream error, not a crash', async () => {
    const sim = createSimulator({ dataset });
    const cut: typeof fetch = async (input, init) => {
      const response = await sim.fetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('/organizations/')) return response;
      const text = await response.text();
      return new Response(text.slice(0, 40), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = clientFor(sim, { fetch: cut });
    await expect(client.listPage('teams')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 200 });
    await expect(client.getById('members', dataset.collections.members[0]?._id ?? '')).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      status: 200,
    });
  });
});
