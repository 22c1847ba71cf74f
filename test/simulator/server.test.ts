import { beforeAll, describe, expect, it } from 'vitest';
import { creditStatsFor, generateDataset } from '../../src/simulator/generate.ts';
import { createSimulator, type Simulator } from '../../src/simulator/index.ts';
import { FLEX_READ_SCOPES } from '../../src/simulator/v2-model.ts';
import {
  apiCaller,
  DEMO_FORM,
  FORM,
  manualClock,
  NOW,
  requestToken,
  smallDataset,
  token,
  type ApiCaller,
} from './support.ts';

let sim: Simulator;
let api: ApiCaller;

beforeAll(() => {
  sim = createSimulator({ dataset: smallDataset(), faults: { tokenRateLimitPerMinute: Infinity } });
  api = apiCaller(sim);
});

describe('token endpoint (§1)', () => {
  it('issues a bearer token for form-encoded client credentials', async () => {
    const response = await requestToken(sim);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3599,
      scope: 'officernd.api.read',
    });
    const again = (await (await requestToken(sim)).json()) as Record<string, unknown>;
    expect(again.access_token).not.toBe(body.access_token);
  });

  it('grants the client scopes when scope is omitted and refuses ungranted ones', async () => {
    const omitted = await requestToken(
      sim,
      'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret',
    );
    // The demo client is granted v1's read scope and every flex read scope (§1).
    expect(((await omitted.json()) as { scope: string }).scope.split(' ')).toEqual([
      'officernd.api.read',
      ...FLEX_READ_SCOPES,
    ]);
    const refused = await requestToken(sim, `${DEMO_FORM}%20officernd.api.write`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it('refuses JSON bodies, bad credentials and other grants without echoing the secret', async () => {
    const json = await sim.fetch(sim.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: 'demo-client',
        client_secret: 'demo-secret',
      }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });

    const wrongSecret = await requestToken(sim, DEMO_FORM.replace('demo-secret', 'guessed-secret'));
    expect(wrongSecret.status).toBe(401);
    const wrongText = await wrongSecret.text();
    expect(JSON.parse(wrongText)).toMatchObject({ error: 'invalid_client', error_description: expect.any(String) });
    expect(wrongText).not.toContain('guessed-secret');

    const unknown = await requestToken(sim, DEMO_FORM.replace('demo-client', 'someone-else'));
    expect(unknown.status).toBe(401);

    const password = await requestToken(sim, DEMO_FORM.replace('client_credentials', 'password'));
    expect(password.status).toBe(400);
    expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('expires tokens after the configured ttl and on expireTokens()', async () => {
    const clock = manualClock();
    const local = createSimulator({ dataset: smallDataset(), tokenTtlSeconds: 120, clock: clock.now });
    const issued = (await (await requestToken(local)).json()) as { access_token: string; expires_in: number };
    expect(issued.expires_in).toBe(119);
    const call = (): Promise<Response> =>
      local.fetch(`${local.apiUrl}/organizations/demo/offices`, {
        headers: { authorization: `Bearer ${issued.access_token}` },
      });
    expect((await call()).status).toBe(200);
    clock.advance(119_000);
    expect((await call()).status).toBe(200);
    clock.advance(1_000);
    const expired = await call();
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ message: 'Unauthorized' });

    const fresh = await token(local);
    local.expireTokens();
    const revoked = await local.fetch(`${local.apiUrl}/organizations/demo/offices`, {
      headers: { authorization: `Bearer ${fresh}` },
    });
    expect(revoked.status).toBe(401);
    expect(local.tokensIssued).toBe(2);
  });
});

describe('API routing, auth and errors (§8, §9)', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    const bare = await sim.fetch(`${sim.apiUrl}/organizations/demo/members`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({ message: 'Unauthorized' });
    const forged = await sim.fetch(`${sim.apiUrl}/organizations/demo/members`, {
      headers: { authorization: 'Bearer forged' },
    });
    expect(forged.status).toBe(401);
  });

  it('answers 500 "Organization not found" for an unknown org slug', async () => {
    const response = await sim.fetch(`${sim.apiUrl}/organizations/nope/members`, {
      headers: { authorization: `Bearer ${await token(sim)}` },
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Organization not found' });
  });

  it('answers 404 "Cannot GET" for unknown routes and non-GET methods', async () => {
    expect(await api.json('/widgets')).toMatchObject({
      status: 404,
      body: { message: 'Cannot GET /api/v1/organizations/demo/widgets' },
    });
    const post = await api('/members', { method: 'POST', body: '{}' });
    expect(post.status).toBe(404);
    expect(await post.json()).toEqual({ message: 'Cannot POST /api/v1/organizations/demo/members' });
    expect((await sim.fetch(`${sim.origin}/elsewhere`)).status).toBe(404);
  });

  it('serves by-id where §8 lists it and 404s otherwise', async () => {
    const member = sim.dataset.collections.members[3];
    const got = await api.json(`/members/${member?._id}`);
    expect(got).toMatchObject({ status: 200, body: member });
    const selected = await api.json(`/members/${member?._id}?$select=email`);
    expect(selected.body).toEqual({ _id: member?._id, email: member?.email });
    for (const collection of ['bookings', 'floors', 'offices', 'resources', 'teams'] as const) {
      const item = sim.dataset.collections[collection][0];
      expect((await api.json(`/${collection}/${item?._id}`)).body).toEqual(item);
    }
    expect(await api.json('/members/0123456789abcdef01234567')).toMatchObject({
      status: 404,
      body: { message: 'Item with Id (0123456789abcdef01234567) not found' },
    });
    expect(await api.json('/teams/not-an-id')).toMatchObject({
      status: 404,
      body: { message: 'Item with Id (not-an-id) not found' },
    });
    const payment = sim.dataset.collections.payments[0]?._id;
    expect(await api.json(`/payments/${payment}`)).toMatchObject({
      status: 404,
      body: { message: `Cannot GET /api/v1/organizations/demo/payments/${payment}` },
    });
  });
});

describe('credit stats (§6.6)', () => {
  /** A team and month with stats, found through the generator's own creditStatsFor (the oracle). */
  const withStats = (): { month: string; team: string } => {
    for (const month of ['2026-10', '2026-09', '2026-11', '2026-06']) {
      for (const { _id: team } of sim.dataset.collections.teams) {
        if (creditStatsFor(sim.dataset, { month, team }).length > 0) return { month, team };
      }
    }
    throw new Error('dataset has no team credit stats');
  };

  it('answers the month stats of a team as a bare array, for YYYY-MM or an ISO datetime', async () => {
    const { month, team } = withStats();
    const expected = creditStatsFor(sim.dataset, { month, team });
    const byMonth = await api.json(`/credit-accounts/stats?month=${month}&team=${team}`);
    expect(byMonth).toMatchObject({ status: 200, body: expected });
    expect(expected.length).toBeGreaterThan(0);
    const byDate = await api.json(`/credit-accounts/stats?team=${team}&month=${month}-15T00:00:00.000Z`);
    expect(byDate.body).toEqual(expected);
  });

  it('answers member stats and an empty array for an account without stats', async () => {
    const member = sim.dataset.collections.members.find(
      (m) => creditStatsFor(sim.dataset, { month: '2026-10', member: m._id }).length > 0,
    );
    const expected = creditStatsFor(sim.dataset, { month: '2026-10', member: member?._id ?? '' });
    expect((await api.json(`/credit-accounts/stats?month=2026-10&member=${member?._id}`)).body).toEqual(expected);
    expect(await api.json('/credit-accounts/stats?month=2026-10&team=0123456789abcdef01234567')).toMatchObject({
      status: 200,
      body: [],
    });
  });

  it.each([
    ['/credit-accounts/stats?team=0123456789abcdef01234567', 'month'],
    ['/credit-accounts/stats?month=2026-10', 'team or member'],
    ['/credit-accounts/stats?month=October&team=0123456789abcdef01234567', 'month'],
    ['/credit-accounts/stats?month=2026-10&team=0123456789abcdef01234567&$limit=5', 'Unsupported'],
  ])('rejects %s with 400', async (path, message) => {
    const { status, body } = await api.json<{ message: string }>(path);
    expect(status).toBe(400);
    expect(body.message).toContain(message);
  });
});

describe('determinism and HTTP', () => {
  it('gives byte-identical answers from two simulators with the same seed', async () => {
    const make = (): Simulator =>
      createSimulator({ dataset: generateDataset({ seed: 3, scale: 0.05, now: NOW, org: 'demo' }) });
    const bodies = await Promise.all(
      [make(), make()].map(async (s) => {
        const call = apiCaller(s);
        const members = await call('/members?$limit=50&$select=name,email');
        const next = await call(`/members?$limit=50&$next=${members.headers.get('rnd-cursor-next')}`);
        const occurrences = await call('/bookings/occurrences?start=2026-10-01&end=2026-12-01&$limit=100');
        return [
          await members.text(),
          members.headers.get('rnd-cursor-next'),
          await next.text(),
          await occurrences.text(),
        ];
      }),
    );
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[0]?.[0]?.length).toBeGreaterThan(100);
  });

  it('behaves the same over a loopback port as in-process', async () => {
    const server = await sim.listen();
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const tokenResponse = await fetch(server.tokenUrl, { method: 'POST', headers: FORM, body: DEMO_FORM });
      const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };
      const headers = { authorization: `Bearer ${accessToken}` };
      const overHttp = await fetch(`${server.apiUrl}/organizations/demo/members?$limit=30`, { headers });
      const inProcess = await api('/members?$limit=30');
      expect(overHttp.status).toBe(200);
      expect(overHttp.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(overHttp.headers.get('rnd-cursor-next')).toBe(inProcess.headers.get('rnd-cursor-next'));
      expect(await overHttp.text()).toBe(await inProcess.text());
      const missing = await fetch(`${server.apiUrl}/organizations/demo/members/0123456789abcdef01234567`, { headers });
      expect(missing.status).toBe(404);
      expect(sim.log.entries().at(-1)).toMatchObject({ id: '0123456789abcdef01234567', status: 404 });
    } finally {
      await server.close();
    }
  });
});
