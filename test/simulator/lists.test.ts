import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.ts';
import { apiCaller, ids, smallDataset, walk, type ApiCaller } from './support.ts';

let sim: Simulator;
let api: ApiCaller;

beforeAll(() => {
  sim = createSimulator({ dataset: smallDataset() });
  api = apiCaller(sim);
});

type Item = Record<string, unknown> & { _id: string };

describe('list paging (§3)', () => {
  it('answers a bare array of 100 items by default, with a next cursor and no prev cursor', async () => {
    const { status, body, headers } = await api.json<Item[]>('/members');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Array.isArray(body)).toBe(true);
    expect(ids(body)).toEqual(ids(sim.dataset.collections.members.slice(0, 100)));
    expect(headers.get('rnd-cursor-next')).toBeTruthy();
    expect(headers.get('rnd-cursor-prev')).toBeNull();
  });

  it('clamps $limit above 100 to 100 and honours smaller limits', async () => {
    expect((await api.json<Item[]>('/members?$limit=500')).body).toHaveLength(100);
    expect((await api.json<Item[]>('/members?$limit=7')).body).toHaveLength(7);
  });

  it.each(['abc', '0', '-1', '1.5', ''])('rejects $limit=%s with 400', async (limit) => {
    const { status, body } = await api.json<{ message: string }>(`/members?$limit=${limit}`);
    expect(status).toBe(400);
    expect(body.message).toContain('$limit');
  });

  it('walks rnd-cursor-next through every item exactly once, in dataset order, and stops', async () => {
    const all = sim.dataset.collections.members;
    const pages = await walk<Item>(api, '/members?$limit=100');
    expect(pages).toHaveLength(Math.ceil(all.length / 100));
    expect(pages.slice(0, -1).every((p) => p.length === 100)).toBe(true);
    expect(ids(pages.flat())).toEqual(ids(all));
    expect(new Set(ids(pages.flat())).size).toBe(all.length);
  });

  it('omits rnd-cursor-next on the last page and returns the previous page for rnd-cursor-prev', async () => {
    const first = await api('/members?$limit=40');
    const second = await api(`/members?$limit=40&$next=${first.headers.get('rnd-cursor-next')}`);
    const third = await api(`/members?$limit=40&$next=${second.headers.get('rnd-cursor-next')}`);
    const secondBody = (await second.json()) as Item[];
    expect(third.headers.get('rnd-cursor-prev')).toBeTruthy();
    const back = await api.json<Item[]>(`/members?$limit=40&$prev=${third.headers.get('rnd-cursor-prev')}`);
    expect(ids(back.body)).toEqual(ids(secondBody));
    const backToFirst = await api.json<Item[]>(`/members?$limit=40&$prev=${back.headers.get('rnd-cursor-prev')}`);
    expect(ids(backToFirst.body)).toEqual(ids(sim.dataset.collections.members.slice(0, 40)));
    expect(backToFirst.headers.get('rnd-cursor-prev')).toBeNull();

    const offices = await api('/offices');
    expect(offices.headers.get('rnd-cursor-next')).toBeNull();
  });

  it('rejects cursors that do not decode, belong to another query, or run the wrong way', async () => {
    const filtered = await api(`/bookings?$limit=5&canceled=false`);
    const cursor = filtered.headers.get('rnd-cursor-next') ?? '';
    expect((await api(`/bookings?$limit=5&canceled=false&$next=${cursor}`)).status).toBe(200);
    for (const bad of [
      '/bookings?$next=not-a-cursor',
      `/bookings?$limit=5&canceled=true&$next=${cursor}`,
      `/members?$limit=5&$next=${cursor}`,
      `/bookings?$limit=5&canceled=false&$prev=${cursor}`,
      `/bookings?canceled=false&$next=${cursor}&$prev=${cursor}`,
    ]) {
      const { status, body } = await api.json<{ message: string }>(bad);
      expect({ bad, status }).toEqual({ bad, status: 400 });
      expect(typeof body.message).toBe('string');
    }
  });
});

describe('list filters (§4)', () => {
  it('filters by reference equality', async () => {
    const team = sim.dataset.collections.members.find((m) => m.team)?.team ?? '';
    const expected = sim.dataset.collections.members.filter((m) => m.team === team);
    const { body } = await api.json<Item[]>(`/members?team=${team}`);
    expect(ids(body)).toEqual(ids(expected));
    expect(expected.length).toBeGreaterThan(0);
  });

  it('filters booleans as true/false, an absent flag counting as false', async () => {
    const bookings = sim.dataset.collections.bookings;
    const canceled = (await walk<Item>(api, '/bookings?canceled=true')).flat();
    const kept = (await walk<Item>(api, '/bookings?canceled=false')).flat();
    expect(ids(canceled)).toEqual(ids(bookings.filter((b) => b.canceled === true)));
    expect(canceled.length + kept.length).toBe(bookings.length);
  });

  it('reads an absent boolean flag as false (§6.1 sparse booleans)', async () => {
    const base = smallDataset();
    const [first, ...rest] = base.collections.floors;
    const { isOpen: _dropped, ...withoutFlag } = first ?? { _id: 'x' };
    const floors = [withoutFlag, ...rest.map((f) => ({ ...f, isOpen: true }))];
    const local = createSimulator({ dataset: { ...base, collections: { ...base.collections, floors } } });
    const call = apiCaller(local);
    expect(ids((await call.json<Item[]>('/floors?isOpen=false')).body)).toEqual([first?._id]);
    expect((await call.json<Item[]>('/floors?isOpen=true')).body).toHaveLength(rest.length);
  });

  it('compares dates with dotted and bracket operators, ANDed, on ISO values with offsets', async () => {
    const bookings = sim.dataset.collections.bookings;
    const from = Date.parse('2026-06-01');
    const to = Date.parse('2026-09-01T00:00:00+02:00');
    const expected = bookings.filter((b) => {
      const t = Date.parse(b.seriesStart ?? '');
      return t >= from && t < to;
    });
    const path = `/bookings?seriesStart.$gte=2026-06-01&seriesStart[$lt]=${encodeURIComponent('2026-09-01T00:00:00+02:00')}&$limit=100`;
    const got = (await walk<Item>(api, path)).flat();
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(got)).toEqual(ids(expected));
    const strict = (await walk<Item>(api, `/bookings?createdAt.$gt=${bookings[10]?.createdAt}`)).flat();
    expect(strict.every((b) => String(b.createdAt) > String(bookings[10]?.createdAt))).toBe(true);
  });

  it('applies the string operators, case-sensitive or not', async () => {
    const members = sim.dataset.collections.members;
    const name = members[0]?.name ?? '';
    const prefix = name.slice(0, 2);
    const swi = (await api.json<Item[]>(`/members?name.$swi=${prefix.toLowerCase()}&$limit=100`)).body;
    expect(ids(swi)).toEqual(
      ids(members.filter((m) => m.name?.toLowerCase().startsWith(prefix.toLowerCase())).slice(0, 100)),
    );
    const sw = (await api.json<Item[]>(`/members?name.$sw=${prefix.toLowerCase()}`)).body;
    expect(sw.filter((m) => !String(m.name).startsWith(prefix.toLowerCase()))).toEqual([]);
    const suffix = name.slice(-3);
    const ew = (await api.json<Item[]>(`/members?name[$ew]=${encodeURIComponent(suffix)}`)).body;
    expect(ew.length).toBeGreaterThan(0);
    expect(ew.every((m) => String(m.name).endsWith(suffix))).toBe(true);
    const csi = (await walk<Item>(api, '/members?email.$csi=ICLOUD')).flat();
    expect(ids(csi)).toEqual(ids(members.filter((m) => m.email?.toLowerCase().includes('icloud'))));
    const cs = (await api.json<Item[]>('/members?email.$cs=ICLOUD')).body;
    expect(cs).toEqual([]);
  });

  it('walks a filtered list with small pages and finds every match once', async () => {
    const office = sim.dataset.collections.offices[0]?._id ?? '';
    const expected = sim.dataset.collections.members.filter((m) => m.office === office);
    const pages = await walk<Item>(api, `/members?office=${office}&$limit=9`);
    expect(ids(pages.flat())).toEqual(ids(expected));
    expect(pages.length).toBe(Math.ceil(expected.length / 9));
  });

  it('projects with $select, always keeping the key', async () => {
    const { body } = await api.json<Item[]>('/members?$select=name,%20email&$limit=5');
    expect(body).toEqual(
      sim.dataset.collections.members.slice(0, 5).map((m) => ({ _id: m._id, name: m.name, email: m.email })),
    );
    const types = (await api.json<Record<string, unknown>[]>('/resource-types?$select=title')).body;
    expect(types.every((t) => 'id' in t || '_id' in t)).toBe(true);
    expect(types.every((t) => Object.keys(t).every((k) => ['_id', 'id', 'title'].includes(k)))).toBe(true);
  });

  it.each([
    ['/members?team[$in]=a,b', 'Unsupported operator $in'],
    ['/members?status.$ne=active', 'Unsupported operator $ne'],
    ['/members?name.$regex=^A', 'Unsupported operator $regex'],
    ['/members?nickname=x', 'Unknown filter field'],
    ['/members?$populate=office', '$populate entries'],
    ['/members?$sort=name', 'Unsupported query parameter'],
    ['/members?$select=', '$select'],
    ['/members?name.$gt=2024-01-01', 'Unsupported operator $gt'],
    ['/members?createdAt.$sw=2024', 'Unsupported operator $sw'],
    ['/members?createdAt=2024-01-01T00:00:00.000Z', 'only supports'],
    ['/members?createdAt.$gte=yesterday', 'ISO 8601'],
    ['/members?team=not-an-id', '24-hex'],
  ])('rejects %s with 400', async (path, message) => {
    const { status, body } = await api.json<{ message: string }>(path);
    expect(status).toBe(400);
    expect(body.message).toContain(message);
  });
});
