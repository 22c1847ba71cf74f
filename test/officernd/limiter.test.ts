import { describe, expect, it, vi } from 'vitest';
import { createSimulator, generateDataset } from '../../src/simulator/index.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';

const NOW = new Date('2025-06-15T00:00:00.000Z');
const dataset = generateDataset({ seed: 3, scale: 0.1, now: NOW, org: 'demo' });

const clientFor = demoClient;

const isApi = (input: RequestInfo | URL): boolean =>
  String(input instanceof Request ? input.url : input).includes('/organizations/');

describe('limiter', () => {
  it('never has more than maxConcurrency API calls in flight', async () => {
    const sim = createSimulator({ dataset, faults: { latencyMs: 20 } });
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (input, init) => {
      if (!isApi(input)) return sim.fetch(input, init);
      peak = Math.max(peak, ++inFlight);
      try {
        return await sim.fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const client = clientFor(sim, { fetch: counting, maxConcurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, () => client.listPage('offices')));
    expect(sim.log.count({ kind: 'api', status: 200 })).toBe(12);
    expect(peak).toBe(3);
  });

  it('keeps to maxRequestsPerMinute: later calls wait for the window (injected clock)', async () => {
    const sim = createSimulator({ dataset });
    let now = NOW.getTime();
    const client = clientFor(sim, { maxRequestsPerMinute: 4, clock: () => now });
    let done = 0;
    const all = Promise.all(Array.from({ length: 6 }, () => client.listPage('floors').then(() => done++)));
    await vi.waitFor(() => expect(done).toBe(4));
    await new Promise((r) => setTimeout(r, 300));
    // The clock has not moved: the other two are still waiting for the window.
    expect(sim.log.count({ kind: 'api' })).toBe(4);
    now += 60_000;
    await all;
    expect(sim.log.count({ kind: 'api' })).toBe(6);
  });

  it('slows down when x-ratelimit-remaining-read-minute runs low, so no 429 is seen', async () => {
    const sim = createSimulator({ dataset, faults: { rateLimit: { requests: 4, windowMs: 300 } } });
    const client = clientFor(sim, { maxConcurrency: 2 });
    for (let i = 0; i < 8; i++) await client.listPage('offices');
    expect(sim.log.count({ kind: 'api', status: 200 })).toBe(8);
    expect(sim.log.count({ kind: 'api', status: 429 })).toBe(0);
  });
});
