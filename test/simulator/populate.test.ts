import { beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/simulator/cli.ts';
import { createSimulator, V2_READ_SCOPES, type Simulator } from '../../src/simulator/index.ts';
import { apiCaller, requestToken, smallDataset, walk, type ApiCaller } from './support.ts';

type Item = Record<string, unknown> & { _id: string };

const modes = ['honoured', 'ignored', 'refused'] as const;
const sims = {} as Record<(typeof modes)[number], { sim: Simulator; api: ApiCaller }>;

beforeAll(() => {
  for (const mode of modes) {
    const sim = createSimulator({ dataset: smallDataset(), seed: 7, v1Populate: mode });
    sims[mode] = { sim, api: apiCaller(sim) };
  }
});

const byId = <T extends { _id: string }>(items: readonly T[]) => new Map(items.map((item) => [item._id, item]));

describe('v1 $populate (shared/officernd-api.md §2, §4)', () => {
  it('defaults to honoured, and refuses an unknown mode', () => {
    expect(createSimulator({ dataset: smallDataset() }).v1Populate).toBe('honoured');
    // @ts-expect-error: not a mode
    expect(() => createSimulator({ dataset: smallDataset(), v1Populate: 'sometimes' })).toThrow(/v1Populate/);
    const cli = parseCliArgs(['--v1-populate', 'refused']);
    expect(cli !== 'help' && cli.simulator.v1Populate).toBe('refused');
    expect(() => parseCliArgs(['--v1-populate', 'maybe'])).toThrow(/--v1-populate/);
  });

  it('honoured: each named reference becomes {_id, fields} of what it points at, merged per reference', async () => {
    const { bookings, members, offices } = smallDataset().collections;
    const memberOf = byId(members);
    const officeOf = byId(offices);
    const pages = await walk<Item>(
      sims.honoured.api,
      '/bookings?$populate=member.name,member.email,office.name&$limit=100',
    );
    const got = pages.flat();
    expect(got.map((b) => b._id)).toEqual(bookings.map((b) => b._id));
    let populated = 0;
    for (const [index, booking] of got.entries()) {
      const source = bookings[index] as unknown as Item;
      const member = typeof source.member === 'string' ? memberOf.get(source.member) : undefined;
      if (member) {
        populated += 1;
        const expected: Record<string, unknown> = { _id: member._id };
        if (member.name !== undefined) expected.name = member.name;
        if (member.email !== undefined) expected.email = member.email;
        expect(booking.member).toEqual(expected);
      } else {
        expect(booking.member).toEqual(source.member);
      }
      const office = typeof source.office === 'string' ? officeOf.get(source.office) : undefined;
      expect(booking.office).toEqual(office ? { _id: office._id, name: office.name } : source.office);
      // Other references and fields are as they were.
      expect(booking.team).toEqual(source.team);
      expect(booking.summary).toEqual(source.summary);
    }
    expect(populated).toBeGreaterThan(0);
  });

  it('honoured: $select applies first, and a dangling reference stays a bare id (§6)', async () => {
    const sim = createSimulator({ dataset: smallDataset(), seed: 7 });
    const api = apiCaller(sim);
    const first = smallDataset().collections.bookings[0] as unknown as Item;
    const ghost = 'f'.repeat(24);
    await sim.update('bookings', first._id, { member: ghost });
    const { status, body } = await api.json<Item[]>('/bookings?$select=member&$populate=member.name,office.name');
    expect(status).toBe(200);
    expect(body[0]).toEqual({ _id: first._id, member: ghost });
    // `office` was not selected: it is not added back.
    expect(body.every((b) => !('office' in b))).toBe(true);
    expect(body.some((b) => typeof b.member === 'object')).toBe(true);
  });

  it('honoured: leaves a field that is not a reference alone, and refuses an entry that is not <ref>.<field>', async () => {
    const plain = await sims.honoured.api.json<Item[]>('/members?$populate=name.first&$limit=5');
    expect(plain.status).toBe(200);
    expect(plain.body.map((m) => m.name)).toEqual(
      smallDataset()
        .collections.members.slice(0, 5)
        .map((m) => m.name),
    );
    for (const bad of ['member', 'member.', 'a.b.c']) {
      const { status } = await sims.honoured.api.json(`/bookings?$populate=${bad}`);
      expect(status, bad).toBe(400);
    }
  });

  it('honoured with an unpopulated reference: that one stays a bare id, the others are populated', async () => {
    const sim = createSimulator({ dataset: smallDataset(), seed: 7, v1Unpopulated: ['office'] });
    const api = apiCaller(sim);
    const { status, body } = await api.json<Item[]>('/bookings?$populate=member.name,office.name&$limit=100');
    expect(status).toBe(200);
    const sources = byId(smallDataset().collections.bookings as unknown as Item[]);
    const memberOf = byId(smallDataset().collections.members);
    for (const booking of body) {
      const source = sources.get(booking._id);
      expect(booking.office).toEqual(source?.office);
      const member = typeof source?.member === 'string' ? memberOf.get(source.member) : undefined;
      if (member) expect(booking.member).toEqual({ _id: member._id, name: member.name });
    }
    expect(body.filter((b) => typeof b.office === 'string').length).toBeGreaterThan(10);
    expect(body.filter((b) => typeof b.member === 'object' && b.member !== null).length).toBeGreaterThan(10);
  });

  it('ignored: bare ids, the same answer as without $populate', async () => {
    const withIt = await sims.ignored.api.json<Item[]>('/bookings?$populate=member.name&$limit=50');
    const without = await sims.ignored.api.json<Item[]>('/bookings?$limit=50');
    expect(withIt.status).toBe(200);
    expect(withIt.body).toEqual(without.body);
  });

  it('refused: a 400 with the v1 error body, as for an unknown parameter', async () => {
    const response = await sims.refused.api('/bookings?$populate=member.name');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Unsupported query parameter: $populate' });
    expect((await sims.refused.api('/bookings?$limit=1')).status).toBe(200);
  });

  it('v2 lists refuse it like any undeclared parameter (§2: removed; §4: strict validation)', async () => {
    const { sim } = sims.honoured;
    const form = `grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret&scope=${V2_READ_SCOPES.bookings}`;
    const granted = (await (await requestToken(sim, form)).json()) as { access_token: string };
    const response = await sim.fetch(`${sim.apiV2Url}/organizations/${sim.org}/bookings?$populate=member.name`, {
      headers: { authorization: `Bearer ${granted.access_token}` },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('property $populate should not exist');
  });
});
