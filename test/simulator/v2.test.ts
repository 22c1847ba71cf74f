import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, DEFAULT_CLIENT, type Simulator } from '../../src/simulator/index.ts';
import { FLEX_READ_SCOPES } from '../../src/simulator/v2-model.ts';
import { FORM, manualClock, NOW, smallDataset } from './support.ts';

type Item = Record<string, unknown> & { _id: string };
interface Envelope<T = Item> {
  rangeStart: number;
  rangeEnd: number;
  cursorNext?: string;
  cursorPrev?: string;
  results: T[];
}
interface V2Error {
  statusCode: number;
  message: string | string[];
  error: string;
}

const ALL_SCOPES = `officernd.api.read ${FLEX_READ_SCOPES.join(' ')}`;

async function tokenFor(
  sim: Simulator,
  scope = FLEX_READ_SCOPES.join(' '),
  client = DEFAULT_CLIENT,
): Promise<Response> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    scope,
  });
  return sim.fetch(sim.tokenUrl, { method: 'POST', headers: FORM, body: body.toString() });
}

/** GETs `/api/v2/organizations/{org}{path}` with a token of the given scopes. */
function v2Caller(sim: Simulator, scope?: string) {
  let token: Promise<string> | undefined;
  return async <T = Envelope>(path: string): Promise<{ status: number; body: T; headers: Headers }> => {
    token ??= tokenFor(sim, scope).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
    const response = await sim.fetch(`${sim.apiV2Url}/organizations/${sim.org}${path}`, {
      headers: { authorization: `Bearer ${await token}` },
    });
    return { status: response.status, body: (await response.json()) as T, headers: response.headers };
  };
}

let sim: Simulator;
let get: ReturnType<typeof v2Caller>;
const data = () => smallDataset().collections;

/** Follows cursorNext from `path` to the end. */
async function walkV2(path: string): Promise<Envelope[]> {
  const pages: Envelope[] = [];
  let next: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url = next === undefined ? path : `${path}${sep}$cursorNext=${encodeURIComponent(next)}`;
    const { status, body } = await get<Envelope>(url);
    if (status !== 200) throw new Error(`${url}: ${status} ${JSON.stringify(body)}`);
    pages.push(body);
    next = body.cursorNext;
  } while (next !== undefined && pages.length < 1000);
  return pages;
}

beforeAll(() => {
  sim = createSimulator({ dataset: smallDataset() });
  get = v2Caller(sim);
});

describe('v2 paths and shapes (§2)', () => {
  it('serves offices at /locations, teams at /companies, rates at /resource-rates, issues at /tickets', async () => {
    for (const [path, collection] of [
      ['/locations', 'offices'],
      ['/companies', 'teams'],
      ['/resource-rates', 'rates'],
      ['/tickets', 'issues'],
    ] as const) {
      const items = (await walkV2(path)).flatMap((p) => p.results);
      expect(
        items.map((i) => i._id),
        path,
      ).toEqual(data()[collection].map((i) => i._id));
      expect(
        items.every((i) => !('organization' in i) && !('office' in i) && !('team' in i)),
        path,
      ).toBe(true);
    }
    for (const old of ['/offices', '/teams', '/rates', '/issues', '/credit-accounts/stats']) {
      const { status, body } = await get<V2Error>(old);
      expect(status, old).toBe(404);
      expect(body).toEqual({
        statusCode: 404,
        message: `Cannot GET /api/v2/organizations/${sim.org}${old}`,
        error: 'Not Found',
      });
    }
  });

  it('renames booking fields, writes start/end as ISO strings and leaves false flags out', async () => {
    const v1 = data().bookings;
    const { results } = (await get<Envelope>('/bookings')).body;
    for (const [i, b] of results.entries()) {
      const source = v1[i];
      expect(b._id).toBe(source?._id);
      expect(b).toMatchObject({
        start: source?.start.dateTime,
        end: source?.end.dateTime,
        resource: source?.resourceId,
        title: source?.summary,
      });
      expect(b.location).toBe(source?.office);
      expect(b.company ?? null).toBe(source?.team ?? null);
      expect(b.rate ?? null).toBe(source?.plan ?? null);
      expect('isCancelled' in b).toBe(source?.canceled === true);
      for (const gone of [
        'resourceId',
        'summary',
        'canceled',
        'tentative',
        'free',
        'plan',
        'office',
        'organization',
        'accountedUntil',
      ])
        expect(gone in b).toBe(false);
    }
  });

  it('renames fees, payments, passes, members, resources and resource types', async () => {
    const fee = (await get('/fees?$limit=1')).body.results[0];
    expect(fee).toHaveProperty('issueDate', data().fees[0]?.date);
    expect(fee).not.toHaveProperty('date');
    const payment = (await get('/payments?$limit=1')).body.results[0] as Item & { lines: Item[] };
    expect(payment.lines).toHaveLength(data().payments[0]?.invoiceLines?.length ?? -1);
    expect(payment).toHaveProperty('taxAmounts');
    expect(payment).not.toHaveProperty('invoiceLines');
    expect(payment.lines.every((l) => !('office' in l))).toBe(true);
    expect((await get('/passes?$limit=1')).body.results[0]).toHaveProperty('usedCount', data().passes[0]?.used);
    expect((await get('/members?$limit=1')).body.results[0]).toHaveProperty('isContactPerson');
    const resource = (await get('/resources?$limit=1')).body.results[0];
    expect(resource).toHaveProperty('floor', data().resources[0]?.room);
    expect(Array.isArray(resource?.availability)).toBe(false);
    const types = (await get('/resource-types')).body.results;
    expect(types.map((t) => t._id)).toEqual(data()['resource-types'].map((t) => t.id));
  });
});

describe('v2 paging (§3)', () => {
  it('answers the envelope: 50 a page, 1-based ranges, cursorNext until the last page, no cursor keys when absent', async () => {
    const members = data().members;
    const first = (await get('/members')).body;
    expect(Object.keys(first)).toEqual(['rangeStart', 'rangeEnd', 'cursorNext', 'results']);
    expect([first.rangeStart, first.rangeEnd, first.results.length]).toEqual([1, 50, 50]);
    const pages = await walkV2('/members');
    expect(pages.flatMap((p) => p.results).map((m) => m._id)).toEqual(members.map((m) => m._id));
    const last = pages.at(-1);
    expect(last && 'cursorNext' in last).toBe(false);
    expect(last?.rangeEnd).toBe(members.length);
    expect(pages[1]?.rangeStart).toBe(51);
  });

  it('returns the previous page for cursorPrev', async () => {
    const first = (await get('/members?$limit=20')).body;
    const second = (await get(`/members?$limit=20&$cursorNext=${encodeURIComponent(first.cursorNext ?? '')}`)).body;
    expect(second.cursorPrev).toBeTruthy();
    const back = (await get(`/members?$limit=20&$cursorPrev=${encodeURIComponent(second.cursorPrev ?? '')}`)).body;
    expect(back).toEqual(first);
  });

  it('answers an empty result as 0/0 without cursors', async () => {
    const { body } = await get('/members?email=nobody@example.invalid');
    expect(body).toEqual({ rangeStart: 0, rangeEnd: 0, results: [] });
  });

  it.each([
    ['51', '$limit must not be greater than 50'],
    ['abc', '$limit must be a number conforming to the specified constraints'],
  ])('refuses $limit=%s with a v2 400', async (limit, message) => {
    const { status, body } = await get<V2Error>(`/members?$limit=${limit}`);
    expect(status).toBe(400);
    expect(body).toEqual({ statusCode: 400, message, error: 'Bad Request' });
  });

  it('answers $limit=0 with 20 items, both cursors with 504 and a tampered cursor with 500 (staging, S6)', async () => {
    expect((await get('/members?$limit=0')).body.results).toHaveLength(20);
    const { cursorNext } = (await get('/members')).body;
    expect((await get(`/members?$cursorNext=${cursorNext}&$cursorPrev=${cursorNext}`)).status).toBe(504);
    expect((await get('/members?$cursorNext=bm90LWpzb24')).status).toBe(500);
    expect((await get(`/companies?$cursorNext=${cursorNext}`)).status).toBe(400);
  });
});

describe('v2 filters (§4, §8)', () => {
  it('applies bracket comparisons and [$in]', async () => {
    const members = data().members;
    const stamp = members[30]?.createdAt ?? '';
    const since = (await walkV2(`/members?createdAt[$gte]=${stamp}`)).flatMap((p) => p.results);
    expect(since.map((m) => m._id)).toEqual(members.filter((m) => (m.createdAt ?? '') >= stamp).map((m) => m._id));
    const statuses = (await walkV2('/members?status[$in]=active,former')).flatMap((p) => p.results);
    expect(statuses.map((m) => m._id)).toEqual(
      members.filter((m) => m.status === 'active' || m.status === 'former').map((m) => m._id),
    );
    const from = '2026-10-01T00:00:00.000Z';
    const bookings = (await walkV2(`/bookings?seriesStart[$gte]=${from}&isCancelled=false`)).flatMap((p) => p.results);
    expect(bookings.map((b) => b._id)).toEqual(
      data()
        .bookings.filter((b) => (b.seriesStart ?? '') >= from && b.canceled !== true)
        .map((b) => b._id),
    );
  });

  it('loads up to 50 ids with _id[$in], in list order, and refuses more or a plain list', async () => {
    const ids = data()
      .payments.slice(0, 60)
      .map((p) => p._id);
    const picked = [ids[40], ids[3], ids[17]].join(',');
    expect((await get(`/payments?_id[$in]=${picked}`)).body.results.map((p) => p._id)).toEqual([
      ids[3],
      ids[17],
      ids[40],
    ]);
    expect((await get(`/payments?_id[$in]=${ids.slice(0, 50).join(',')}`)).body.results).toHaveLength(50);
    const tooMany = await get<V2Error>(`/payments?_id[$in]=${ids.slice(0, 51).join(',')}`);
    expect([tooMany.status, tooMany.body.message]).toEqual([400, '_id[$in] must contain no more than 50 elements']);
    expect((await get<V2Error>(`/payments?_id=${ids[0]},${ids[1]}`)).body).toEqual({
      statusCode: 400,
      message: '_id must be a mongodb id',
      error: 'Bad Request',
    });
    expect((await get(`/payments?_id=${ids[0]}`)).body.results.map((p) => p._id)).toEqual([ids[0]]);
  });

  it('answers 400 "property X should not exist" to undocumented parameters, all of them at once', async () => {
    const one = await get<V2Error>('/memberships?modifiedAt[$gte]=2026-01-01');
    expect(one).toMatchObject({
      status: 400,
      body: { statusCode: 400, message: 'property modifiedAt[$gte] should not exist', error: 'Bad Request' },
    });
    const several = await get<V2Error>(
      '/bookings?start=2026-01-01&createdAt.$gte=2026-01-01&office=0123456789abcdef01234567',
    );
    expect(several.body.message).toEqual([
      'property start should not exist',
      'property createdAt.$gte should not exist',
      'property office should not exist',
    ]);
    expect((await get<V2Error>('/tickets?status=open')).status).toBe(400);
    expect((await get<V2Error>('/members?$populate=company')).status).toBe(400);
    expect((await get('/members?$sort=name&properties[floor]=2')).status).toBe(200);
  });
});

describe('v2 by id, occurrences, coin stats (§6.2, §6.6, §8)', () => {
  it('serves GET by id for the §8 v2 list only, as a bare object, 404 with the NestJS body otherwise', async () => {
    const office = data().offices[0];
    const { status, body } = await get<Item>(`/locations/${office?._id}?$select=name`);
    expect(status).toBe(200);
    expect(body._id).toBe(office?._id);
    expect(body).toHaveProperty('timezone');
    expect(await get(`/members/0123456789abcdef01234567`)).toMatchObject({
      status: 404,
      body: { statusCode: 404, message: 'Item with Id (0123456789abcdef01234567) not found', error: 'Not Found' },
    });
    for (const path of [
      `/bookings/${data().bookings[0]?._id}`,
      `/charges/${data().charges[0]?._id}`,
      '/resource-types/x',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('expands occurrences with start/end required, as v2 bookings', async () => {
    expect((await get<V2Error>('/bookings/occurrences?start=2026-10-01')).status).toBe(400);
    expect((await get<V2Error>('/bookings/occurrences?start=2025-01-01&end=2026-06-01')).status).toBe(400);
    const office = data().offices[0]?._id;
    const pages = await walkV2(
      `/bookings/occurrences?start=2026-10-01T00:00:00.000Z&end=2026-11-01T00:00:00.000Z&location=${office}`,
    );
    const occurrences = pages.flatMap((p) => p.results);
    expect(occurrences.length).toBeGreaterThan(0);
    expect(occurrences.every((o) => o.location === office && typeof o.start === 'string')).toBe(true);
  });

  it('serves /coins/stats with month as YYYY-MM and company for team', async () => {
    const bad = await get<V2Error>('/coins/stats?month=2026-10-15T00:00:00.000Z');
    expect(bad.status).toBe(400);
    const { status, body } = await get('/coins/stats?month=2026-10');
    expect(status).toBe(200);
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((s) => 'company' in s && !('team' in s) && 'monthly' in s)).toBe(true);
  });
});

describe('v2 scopes and rate limits (§1, §5)', () => {
  it('needs the endpoint’s flex scope: a token without it gets 401 like staging; ungranted scopes fail the token call', async () => {
    const members = v2Caller(sim, 'flex.community.members.read');
    expect((await members('/members')).status).toBe(200);
    const refused = await members<V2Error>('/bookings');
    expect(refused).toMatchObject({
      status: 401,
      body: { statusCode: 401, message: 'Unauthorized access', error: 'Unauthorized' },
    });
    const legacy = v2Caller(sim, 'officernd.api.read');
    expect((await legacy('/members')).status).toBe(401);
    const narrow = createSimulator({
      dataset: smallDataset(),
      clients: [{ ...DEFAULT_CLIENT, scopes: ['flex.community.members.read'] }],
    });
    const response = await tokenFor(narrow, 'flex.community.members.read flex.space.bookings.read');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_scope' });
    expect((await tokenFor(sim, ALL_SCOPES)).status).toBe(200);
    const anonymous = await sim.fetch(`${sim.apiV2Url}/organizations/${sim.org}/members`);
    expect(anonymous.status).toBe(401);
  });

  it('sends x-ratelimit-*-read-minute/day on every v2 answer and 429 with Retry-After over the budget', async () => {
    const clock = manualClock(NOW.getTime());
    const limited = createSimulator({
      dataset: smallDataset(),
      clock: clock.now,
      v2RateLimit: { perMinute: 2, perDay: 100 },
    });
    const call = v2Caller(limited);
    const first = await call('/locations');
    expect(Object.fromEntries([...first.headers].filter(([k]) => k.startsWith('x-ratelimit')))).toEqual({
      'x-ratelimit-limit-read-minute': '2',
      'x-ratelimit-remaining-read-minute': '1',
      'x-ratelimit-reset-read-minute': '60',
      'x-ratelimit-limit-read-day': '100',
      'x-ratelimit-remaining-read-day': '99',
      'x-ratelimit-reset-read-day': '86400',
    });
    expect((await call('/locations')).status).toBe(200);
    clock.advance(15_000);
    const over = await call<V2Error>('/locations');
    expect(over.status).toBe(429);
    expect(over.body.statusCode).toBe(429);
    expect(over.headers.get('retry-after')).toBe('45');
    expect(over.headers.get('x-ratelimit-remaining-read-minute')).toBe('0');
    clock.advance(45_000);
    expect((await call('/locations')).status).toBe(200);
    expect(limited.log.count({ version: 'v2', collection: 'locations' })).toBe(4);
    expect(limited.log.count({ version: 'v1' })).toBe(0);
  });

  it('serves v2 over HTTP next to v1', async () => {
    const server = await sim.listen();
    try {
      expect(server.apiV2Url).toBe(`${server.origin}/api/v2`);
      const token = ((await (await tokenFor(sim)).json()) as { access_token: string }).access_token;
      const response = await fetch(`${server.apiV2Url}/organizations/${sim.org}/companies?$limit=3`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as Envelope).results).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});
