import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createOfficeRnDClient, OfficeRnDError } from '../../src/officernd/index.ts';
import type { OfficeRnDClientOptions, UpstreamEvent } from '../../src/officernd/index.ts';
import { backoffDelay, parseRetryAfter } from '../../src/officernd/retry.ts';
import { createSimulator, generateDataset } from '../../src/simulator/index.ts';
import type { Simulator } from '../../src/simulator/index.ts';

const NOW = new Date('2025-06-15T00:00:00.000Z');
const dataset = generateDataset({ seed: 5, scale: 0.1, now: NOW, org: 'demo' });
const SECRET = 'demo-secret';

interface LogLine {
  level: 'debug' | 'warn';
  msg: string;
  meta: Record<string, unknown> | undefined;
}

const setup = (extra: Partial<OfficeRnDClientOptions> = {}, sim: Simulator = createSimulator({ dataset })) => {
  const lines: LogLine[] = [];
  const client = createOfficeRnDClient({
    apiUrl: sim.apiUrl,
    tokenUrl: sim.tokenUrl,
    org: sim.org,
    clientId: 'demo-client',
    clientSecret: SECRET,
    scope: 'officernd.api.read',
    fetch: sim.fetch,
    retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 300 },
    logger: {
      debug: (msg, meta) => lines.push({ level: 'debug', msg, meta }),
      warn: (msg, meta) => lines.push({ level: 'warn', msg, meta }),
    },
    ...extra,
  });
  return { sim, client, lines };
};

/** The simulator's fetch, clearing the faults after the first answer with `status` (a one-off outage). */
const healAfter =
  (sim: Simulator, status: number): typeof fetch =>
  async (input, init) => {
    const response = await sim.fetch(input, init);
    if (response.status === status) sim.setFaults({});
    return response;
  };

describe('retries', () => {
  it('retries a 503 and succeeds on the second attempt', async () => {
    const sim = createSimulator({ dataset });
    sim.setFaults({ errorRate: 1, errorStatuses: [503] });
    const { client } = setup({ fetch: healAfter(sim, 503) }, sim);
    const page = await client.listPage('offices');
    expect(page.items.length).toBe(dataset.collections.offices.length);
    expect(sim.log.count({ kind: 'api', status: 503 })).toBe(1);
    expect(sim.log.count({ kind: 'api', status: 200 })).toBe(1);
    expect(client.stats.retries).toBe(1);
  });

  it('honours Retry-After on a 429, capped by maxDelayMs', async () => {
    const sim = createSimulator({ dataset });
    const { client, lines } = setup({ fetch: healAfter(sim, 429) }, sim);
    sim.setFaults({ rateLimit: { requests: 0, windowMs: 500, retryAfterSeconds: 1 } });
    await client.listPage('floors');
    expect(sim.log.count({ kind: 'api', status: 429 })).toBe(1);
    expect(sim.log.count({ kind: 'api', collection: 'floors', status: 200 })).toBe(1);
    const retry = lines.find((l) => l.msg === 'officernd retry');
    // Retry-After: 1 s, capped at maxDelayMs 300 (a jittered backoff from 1 ms could not be 300).
    expect(retry?.meta).toMatchObject({ status: 429, code: 'UPSTREAM_RATE_LIMITED', delayMs: 300, retry: 1 });
    // No observer logs this client's calls: its own retry line is the warning.
    expect(retry?.level).toBe('warn');
  });

  it('gives up after the configured attempts with the last error', async () => {
    const { sim, client } = setup({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 50 } });
    sim.setFaults({ rateLimit: { requests: 0, windowMs: 100, retryAfterSeconds: 7 } });
    const error = await client.listPage('offices').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeRnDError);
    expect(error).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', status: 429, retryAfterMs: 7000 });
    expect(sim.log.count({ kind: 'api', status: 429 })).toBe(3);
    expect(client.stats).toMatchObject({ requests: 3, retries: 2 });
  });

  it.each([
    [400, 'UPSTREAM_BAD_REQUEST'],
    [404, 'NOT_FOUND'],
    [403, 'UPSTREAM_AUTH_FAILED'],
  ])('does not retry a %i', async (status, code) => {
    const { sim, client } = setup();
    sim.setFaults({ errorRate: 1, errorStatuses: [status] });
    await expect(client.listPage('offices')).rejects.toMatchObject({ code, status });
    expect(sim.log.count({ kind: 'api' })).toBe(1);
  });

  it('a real 400 from the simulator carries its message and is not retried', async () => {
    const { sim, client } = setup();
    const first = await client.listPage('members', undefined, { limit: 10 });
    // A cursor bound to another query is refused upstream (400).
    const error = await client
      .listPage('members', { filters: [{ field: 'status', op: 'eq', value: 'active' }] }, { cursor: first.next })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_BAD_REQUEST', status: 400, upstreamMessage: expect.any(String) });
    expect((error as Error).message).toMatch(
      /^\[GET\] "\/organizations\/demo\/members\?status=active&\$limit=100&\$next=.+": 400 Bad Request /,
    );
    expect(sim.log.count({ kind: 'api', status: 400 })).toBe(1);
  });

  it('retries dropped connections', async () => {
    const sim = createSimulator({ dataset });
    const { client } = setup({}, sim);
    await client.listPage('offices');
    sim.setFaults({ dropRate: 1 });
    let dropped = 0;
    const flaky: typeof fetch = async (input, init) => {
      try {
        return await sim.fetch(input, init);
      } catch (error) {
        if (++dropped === 2) sim.setFaults({});
        throw error;
      }
    };
    const { client: second } = setup({ fetch: flaky }, sim);
    const page = await second.listPage('floors');
    expect(page.items.length).toBe(dataset.collections.floors.length);
    expect(dropped).toBe(2);
  });

  it('a timeout is UPSTREAM_TIMEOUT and is retried', async () => {
    const { sim, client } = setup({ timeoutMs: 40, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    await client.listPage('offices');
    sim.setFaults({ latencyMs: 200 });
    const error = await client.listPage('floors').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      method: 'GET',
      path: '/organizations/demo/floors?$limit=100',
    });
    expect((error as OfficeRnDError).status).toBeUndefined();
    expect(client.stats).toEqual({ requests: 3, tokenRequests: 1, retries: 1 });
  });

  it('stops at once when the caller aborts: the abort reason, no retry', async () => {
    const { sim, client } = setup();
    await client.listPage('offices');
    sim.setFaults({ latencyMs: 500 });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const pending = client.listPage('floors', undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
    expect(client.stats).toMatchObject({ requests: 2, retries: 0 });
    await expect(client.listPage('floors', undefined, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(client.stats.requests).toBe(2);
  });
});

describe('one event per failed call, saying whether it is retried', () => {
  it('tells the observer each failed call once, with its retry and delay, and logs its own retry line at debug', async () => {
    const sim = createSimulator({ dataset });
    // Two 503s, then the faults heal: two failed calls retried, one answered.
    let failures = 0;
    const flaky: typeof fetch = async (input, init) => {
      const response = await sim.fetch(input, init);
      if (response.status === 503 && ++failures === 2) sim.setFaults({});
      return response;
    };
    sim.setFaults({ errorRate: 1, errorStatuses: [503] });
    const events: UpstreamEvent[] = [];
    const { client, lines } = setup({ fetch: flaky, observe: (event) => events.push(event) }, sim);
    await client.listPage('offices');
    const calls = events.filter((e) => e.type === 'call');
    expect(calls.map((e) => e.status)).toEqual([503, 503, 200]);
    expect(calls.map((e) => e.retry)).toEqual([1, 2, undefined]);
    expect(calls.slice(0, 2).every((e) => typeof e.retryInMs === 'number')).toBe(true);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
    const retryLines = lines.filter((l) => l.msg === 'officernd retry');
    expect(retryLines.map((l) => l.level)).toEqual(['debug', 'debug']);
    expect(retryLines.map((l) => l.meta?.delayMs)).toEqual(calls.slice(0, 2).map((e) => e.retryInMs));
  });

  it('tells the last failed call without a retry when the attempts run out', async () => {
    const sim = createSimulator({ dataset });
    sim.setFaults({ errorRate: 1, errorStatuses: [503] });
    const events: UpstreamEvent[] = [];
    const { client } = setup(
      { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 }, observe: (event) => events.push(event) },
      sim,
    );
    const error = await client.listPage('offices').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 });
    const calls = events.filter((e) => e.type === 'call');
    expect(calls.map((e) => [e.status, e.retry])).toEqual([
      [503, 1],
      [503, undefined],
    ]);
  });
});

describe('retry policy helpers', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-06-15T12:00:00.000Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sun, 15 Jun 2025 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 15 Jun 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter under the cap', () => {
    const policy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 1000 };
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([199, 399, 799, 999]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });
});

describe('secrets never leak', () => {
  it('errors and log lines hold neither the client secret nor a token', async () => {
    const sim = createSimulator({ dataset });
    const tokens: string[] = [];
    const spying: typeof fetch = async (input, init) => {
      const response = await sim.fetch(input, init);
      if (String(input instanceof Request ? input.url : input).endsWith('/oauth/token')) {
        tokens.push(((await response.clone().json()) as { access_token: string }).access_token);
      }
      return response;
    };
    const { client, lines } = setup({ fetch: spying, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }, sim);
    const errors: unknown[] = [];
    sim.setFaults({ errorRate: 1, errorStatuses: [500] });
    errors.push(await client.listPage('offices').catch((e: unknown) => e));
    sim.setFaults({ dropRate: 1 });
    errors.push(await client.getById('members', 'aaaaaaaaaaaaaaaaaaaaaaaa').catch((e: unknown) => e));
    sim.setFaults({});
    errors.push(await client.listPage('members', undefined, { cursor: 'not-a-cursor' }).catch((e: unknown) => e));
    const denied = setup({ clientSecret: 'another-secret-123' }, sim).client;
    errors.push(await denied.listPage('offices').catch((e: unknown) => e));

    expect(tokens.length).toBeGreaterThan(0);
    expect(errors.every((e) => e instanceof OfficeRnDError)).toBe(true);
    const dump = [
      ...errors.flatMap((e) => [
        String(e),
        JSON.stringify(e),
        inspect(e, { depth: 10, showHidden: true }),
        (e as Error).stack,
      ]),
      ...lines.map((l) => `${l.msg} ${JSON.stringify(l.meta)}`),
    ].join('\n');
    for (const secret of [SECRET, 'another-secret-123', ...tokens]) expect(dump).not.toContain(secret);
    expect(dump).toContain('[GET] "/organizations/demo/offices?$limit=100": 500 Internal Server Error');
  });
});
