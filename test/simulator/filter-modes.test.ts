import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { parseCliArgs } from '../../src/simulator/cli.ts';
import { createSimulator, omitsFalseFlags, type Simulator } from '../../src/simulator/index.ts';
import { apiCaller, ids, smallDataset, walk, type ApiCaller } from './support.ts';

type Item = Record<string, unknown> & { _id: string };

const modes = ['all', 'documented', 'strict'] as const;
const sims = {} as Record<(typeof modes)[number], { sim: Simulator; api: ApiCaller }>;

beforeAll(() => {
  for (const mode of modes) {
    const sim = createSimulator({ dataset: smallDataset(), seed: 7, v1Filters: mode });
    sims[mode] = { sim, api: apiCaller(sim) };
  }
});

const all = async (mode: (typeof modes)[number], path: string): Promise<Item[]> =>
  (await walk<Item>(sims[mode].api, path)).flat();
const WINDOW = 'start=2026-10-01T00:00:00.000Z&end=2026-11-01T00:00:00.000Z&$limit=100';

describe('SIMULATOR_V1_FILTERS (shared/officernd-api.md §4)', () => {
  it('defaults to all, and refuses an unknown mode', () => {
    expect(createSimulator({ dataset: smallDataset() }).v1Filters).toBe('all');
    // @ts-expect-error: not a mode
    expect(() => createSimulator({ dataset: smallDataset(), v1Filters: 'lenient' })).toThrow(/v1Filters/);
  });

  it('applies a filter with public v1 evidence in every mode', async () => {
    const members = smallDataset().collections.members;
    const team = members.find((m) => m.team)?.team ?? '';
    const name = (members[3]?.name ?? '').slice(0, 2).toLowerCase();
    const stamp = members[20]?.createdAt ?? '';
    const bookings = smallDataset().collections.bookings;
    const office = bookings[0]?.office ?? '';
    for (const mode of modes) {
      expect(ids(await all(mode, `/members?team=${team}`)), mode).toEqual(ids(members.filter((m) => m.team === team)));
      expect(ids(await all(mode, `/members?name.$swi=${name}`)), mode).toEqual(
        ids(members.filter((m) => (m.name ?? '').toLowerCase().startsWith(name))),
      );
      expect(ids(await all(mode, `/members?createdAt.$gte=${stamp}`)), mode).toEqual(
        ids(members.filter((m) => (m.createdAt ?? '') >= stamp)),
      );
      expect(
        ids(await all(mode, `/bookings?office=${office}&seriesStart.$gte=2026-10-01T00:00:00.000Z`)),
        mode,
      ).toEqual(
        ids(bookings.filter((b) => b.office === office && (b.seriesStart ?? '') >= '2026-10-01T00:00:00.000Z')),
      );
    }
  });

  it('all: applies undocumented filters too', async () => {
    const members = smallDataset().collections.members;
    const active = await all('all', '/members?status=active');
    expect(ids(active)).toEqual(ids(members.filter((m) => m.status === 'active')));
    expect(active.length).toBeLessThan(members.length);
    const canceled = await all('all', '/bookings?canceled=true');
    expect(ids(canceled)).toEqual(ids(smallDataset().collections.bookings.filter((b) => b.canceled === true)));
  });

  it('documented: ignores undocumented filters silently (200, rows unfiltered)', async () => {
    const members = sims.documented.sim.dataset.collections.members;
    expect(ids(await all('documented', '/members?status=active'))).toEqual(ids(members));
    expect(ids(await all('documented', '/members?nickname=x&status.$ne=y'))).toEqual(ids(members));
    const bookings = sims.documented.sim.dataset.collections.bookings;
    expect(ids(await all('documented', '/bookings?canceled=false'))).toEqual(ids(bookings));
    // An undocumented filter beside a documented one: only the documented one narrows.
    const member = bookings.find((b) => b.member)?.member ?? '';
    expect(ids(await all('documented', `/bookings?member=${member}&resourceId=${bookings[1]?.resourceId}`))).toEqual(
      ids(bookings.filter((b) => b.member === member)),
    );
    // Occurrence and credit-stat parameters outside §6.2/§6.6 are ignored too.
    const { api } = sims.documented;
    const plain = await api.json<Item[]>(`/bookings/occurrences?${WINDOW}`);
    const extra = await api.json<Item[]>(`/bookings/occurrences?${WINDOW}&canceled=true`);
    expect(extra.status).toBe(200);
    expect(ids(extra.body)).toEqual(ids(plain.body));
  });

  it('documented: serves about half of the bookings without their false flags, the same half for a seed', () => {
    const original = smallDataset().collections.bookings;
    const served = sims.documented.sim.dataset.collections.bookings;
    expect(ids(served)).toEqual(ids(original));
    let sparse = 0;
    for (const [i, booking] of served.entries()) {
      const source = original[i] as unknown as Record<string, unknown>;
      const item = booking as unknown as Record<string, unknown>;
      const omits = omitsFalseFlags(7, booking._id);
      if (omits) sparse += 1;
      for (const flag of ['canceled', 'tentative', 'free']) {
        // A true flag is always served; a false one only when the booking is not one of the sparse half.
        if (source[flag] === true) expect(item[flag]).toBe(true);
        else expect(flag in item).toBe(!omits);
      }
    }
    expect(sparse / served.length).toBeGreaterThan(0.4);
    expect(sparse / served.length).toBeLessThan(0.6);
    const again = createSimulator({ dataset: smallDataset(), seed: 7, v1Filters: 'documented' }).dataset.collections
      .bookings;
    expect(again.map((b) => 'canceled' in b)).toEqual(served.map((b) => 'canceled' in b));
    const otherSeed = createSimulator({ dataset: smallDataset(), seed: 8, v1Filters: 'documented' }).dataset.collections
      .bookings;
    expect(otherSeed.map((b) => 'canceled' in b)).not.toEqual(served.map((b) => 'canceled' in b));
    expect(sims.all.sim.dataset.collections.bookings.every((b) => typeof b.canceled === 'boolean')).toBe(true);
  });

  it('documented: occurrences carry the served (sparse) booking shape', async () => {
    const { api, sim } = sims.documented;
    const served = new Map(sim.dataset.collections.bookings.map((b) => [b._id, b]));
    const occurrences = (await walk<Item>(api, `/bookings/occurrences?${WINDOW}`)).flat();
    expect(occurrences.length).toBeGreaterThan(0);
    for (const o of occurrences) expect('canceled' in o).toBe('canceled' in (served.get(o._id) ?? {}));
  });

  it.each([
    ['/members?status=active'],
    ['/members?name=Ann&calculatedStatus=active'],
    ['/bookings?canceled=false'],
    ['/bookings?resourceId=0123456789abcdef01234567'],
    ['/bookings?seriesEnd.$lt=2026-01-01'],
    ['/payments?status=paid'],
    ['/floors?name=x'],
    ['/members?nickname=x'],
    [`/bookings/occurrences?${WINDOW}&canceled=true`],
    ['/credit-accounts/stats?month=2026-10&team=0123456789abcdef01234567&office=0123456789abcdef01234567'],
  ])('strict: answers 400 {message} to %s', async (path) => {
    const { status, body } = await sims.strict.api.json<Record<string, unknown>>(path);
    expect(status).toBe(400);
    expect(Object.keys(body)).toEqual(['message']);
    expect(typeof body.message).toBe('string');
  });

  it.each([
    ['/members?email=nobody@example.com'],
    ['/members?office=0123456789abcdef01234567&name=Ann'],
    ['/resources?type=meeting_room&name.$cs=Room&availableFrom=2026-01-01&availableTo=2026-02-01'],
    ['/floors?office=0123456789abcdef01234567'],
    ['/bookings?team=0123456789abcdef01234567&seriesStart.$gte=2026-01-01&seriesStart.$lte=2026-02-01'],
    ['/payments?modifiedAt.$gt=2026-01-01&createdAt[$lt]=2026-02-01'],
  ])('strict: accepts the documented %s', async (path) => {
    expect((await sims.strict.api(path)).status).toBe(200);
  });

  it('applies the resource availability window (§4 availableFrom/availableTo)', async () => {
    const resources = smallDataset().collections.resources;
    const all = await sims.documented.api.json<Item[]>('/resources?$limit=100');
    const later = await sims.documented.api.json<Item[]>('/resources?$limit=100&availableTo=1990-01-01');
    expect(all.body.length).toBeGreaterThan(0);
    expect(later.body).toEqual([]);
    const created = resources.map((r) => (Array.isArray(r.availability) ? r.availability[0]?.startDate : null)).sort();
    const cut = created[Math.floor(created.length / 2)] ?? '';
    const open = (await walk<Item>(sims.strict.api, `/resources?availableTo=${cut}`)).flat();
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(resources.length);
  });
});

describe('settings', () => {
  it('reads SIMULATOR_V1_FILTERS (default all) and refuses other values', () => {
    expect(loadConfig({}).simulator.v1Filters).toBe('all');
    expect(loadConfig({ SIMULATOR_V1_FILTERS: 'Strict' }).simulator.v1Filters).toBe('strict');
    expect(() => loadConfig({ SIMULATOR_V1_FILTERS: 'lenient' })).toThrow(
      /SIMULATOR_V1_FILTERS must be one of documented, all, strict/,
    );
  });

  it('takes --v1-filters on the CLI', () => {
    expect(parseCliArgs([])).toMatchObject({ simulator: { v1Filters: 'all' } });
    expect(parseCliArgs(['--v1-filters', 'documented'])).toMatchObject({ simulator: { v1Filters: 'documented' } });
    expect(() => parseCliArgs(['--v1-filters', 'x'])).toThrow(/--v1-filters/);
    expect(parseCliArgs(['--v2-rate-limit', '400'])).toMatchObject({ simulator: { v2RateLimit: { perMinute: 400 } } });
    expect(() => parseCliArgs(['--v2-rate-limit', '0'])).toThrow(/--v2-rate-limit/);
  });
});
