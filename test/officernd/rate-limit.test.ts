import { describe, expect, it, vi } from 'vitest';
import { OfficeRnDError } from '../../src/officernd/index.ts';
import type { OfficeRnDClientOptions } from '../../src/officernd/index.ts';
import { createSimulator, generateDataset } from '../../src/simulator/index.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';

// A 429 holds the whole client until its Retry-After: concurrent callers stop too, instead of each spending a
// request to learn the same thing. v1 documents no x-ratelimit-* headers (§5), so these tests strip the
// simulator's: the Retry-After of the 429 is all the client has to go on.

const NOW = new Date('2025-06-15T00:00:00.000Z');
const dataset = generateDataset({ seed: 11, scale: 0.1, now: NOW, org: 'demo' });

const isApi = (input: RequestInfo | URL): boolean =>
  String(input instanceof Request ? input.url : input).includes('/organizations/');

/** The simulator's fetch without the v2 rate-limit headers, Retry-After optionally rewritten. */
const bareRateLimit =
  (sim: Simulator, retryAfter: (value: string) => string = (v) => v): typeof fetch =>
  async (input, init) => {
    const response = await sim.fetch(input, init);
    if (!isApi(input)) return response;
    const headers = new Headers();
    response.headers.forEach((value, name) => {
      if (name === 'retry-after') headers.set(name, retryAfter(value));
      else if (!name.startsWith('x-ratelimit-')) headers.set(name, value);
    });
    return new Response(await response.text(), { status: response.status, headers });
  };

const setup = (sim: Simulator, extra: Partial<OfficeRnDClientOptions> = {}) => {
  const retries: Record<string, unknown>[] = [];
  const client = demoClient(sim, {
    fetch: bareRateLimit(sim),
    retry: { attempts: 6, baseDelayMs: 1, maxDelayMs: 5_000 },
    logger: {
      debug: () => undefined,
      warn: (msg, meta) => {
        if (msg === 'officernd retry') retries.push(meta ?? {});
      },
    },
    ...extra,
  });
  return { client, retries };
};

describe('a 429 holds every caller until its Retry-After', () => {
  it.each([
    ['delta seconds', (v: string) => v],
    // An HTTP date has whole seconds: two seconds ahead is at least the one the simulator asked for.
    ['an HTTP date', () => new Date(Date.now() + 2_000).toUTCString()],
  ])('Retry-After as %s: one burst of 429s, not one per concurrent call', async (_form, retryAfter) => {
    const sim = createSimulator({ dataset });
    // Six requests per one-second window: twelve calls need two windows.
    sim.setFaults({ rateLimit: { requests: 6, windowMs: 1_000, retryAfterSeconds: 1 } });
    const { client } = setup(sim, { maxConcurrency: 3, fetch: bareRateLimit(sim, retryAfter) });
    const pages = await Promise.all(Array.from({ length: 12 }, () => client.listPage('floors')));
    expect(pages.every((page) => page.items.length === dataset.collections.floors.length)).toBe(true);
    expect(sim.log.count({ kind: 'api', status: 200 })).toBe(12);
    const limited = sim.log.count({ kind: 'api', status: 429 });
    // Only the calls already in flight when the first 429 came back can see one (at most maxConcurrency);
    // without the hold, every call of the first window's overflow (six) gets its own.
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThanOrEqual(3);
  });

  it('a caller whose signal ends during the hold fails with UPSTREAM_RATE_LIMITED without sending anything', async () => {
    const sim = createSimulator({ dataset });
    sim.setFaults({ rateLimit: { requests: 0, windowMs: 60_000, retryAfterSeconds: 30 } });
    const { client, retries } = setup(sim, { retry: { attempts: 6, baseDelayMs: 1, maxDelayMs: 60_000 } });
    const first = new AbortController();
    const firstCall = client.listPage('offices', {}, { signal: first.signal }).catch((e: unknown) => e);
    // The first call has its 429 and now waits 30 s to retry.
    await vi.waitFor(() => expect(retries).toHaveLength(1));
    expect(retries[0]).toMatchObject({ status: 429, delayMs: 30_000 });

    const second = new AbortController();
    const secondCall = client.listPage('floors', {}, { signal: second.signal }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Held by the first call's Retry-After: the second call has not been sent.
    expect(sim.log.count({ kind: 'api' })).toBe(1);

    second.abort(new Error('request budget spent'));
    const secondError = await secondCall;
    expect(secondError).toBeInstanceOf(OfficeRnDError);
    expect(secondError).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', path: expect.stringContaining('/floors') });
    expect((secondError as OfficeRnDError).retryAfterMs).toBeGreaterThan(0);

    first.abort(new Error('request budget spent'));
    expect(await firstCall).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', status: 429 });
    expect(sim.log.count({ kind: 'api' })).toBe(1);
    expect(client.stats.requests).toBe(1);
  });

  it('a caller that goes away during the hold gets its own abort, not a rate-limit error', async () => {
    const sim = createSimulator({ dataset });
    sim.setFaults({ rateLimit: { requests: 0, windowMs: 60_000, retryAfterSeconds: 30 } });
    const { client, retries } = setup(sim, { retry: { attempts: 6, baseDelayMs: 1, maxDelayMs: 60_000 } });
    const first = new AbortController();
    const firstCall = client.listPage('offices', {}, { signal: first.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(retries).toHaveLength(1));
    const second = new AbortController();
    const secondCall = client.listPage('floors', {}, { signal: second.signal }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    second.abort(); // a plain abort: the caller disconnected
    const secondError = await secondCall;
    expect(secondError).not.toBeInstanceOf(OfficeRnDError);
    expect((secondError as { name?: string }).name).toBe('AbortError');
    first.abort(new Error('request budget spent'));
    await firstCall;
    expect(sim.log.count({ kind: 'api' })).toBe(1);
  });

  it('a caller that comes during the hold is sent once the clock passes the Retry-After (injected clock)', async () => {
    let now = NOW.getTime();
    const clock = () => now;
    const sim = createSimulator({ dataset, clock });
    sim.setFaults({ rateLimit: { requests: 0, windowMs: 60_000, retryAfterSeconds: 1 } });
    const { client, retries } = setup(sim, { clock });
    const firstCall = client.listPage('offices');
    await vi.waitFor(() => expect(retries).toHaveLength(1));
    // The upstream is open again from here on; only the hold keeps calls back.
    sim.setFaults({});
    const secondCall = client.listPage('floors');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    // The first call's retry wait (1 s) is over too, but the clock has not reached the Retry-After.
    expect(sim.log.count({ kind: 'api' })).toBe(1);
    now += 1_000;
    await Promise.all([firstCall, secondCall]);
    expect(sim.log.count({ kind: 'api', status: 429 })).toBe(1);
    expect(sim.log.count({ kind: 'api', status: 200 })).toBe(2);
  });
});
