import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { OfficeRnDError } from '../../src/officernd/index.ts';
import type { OfficeRnDClientOptions } from '../../src/officernd/index.ts';
import { createSimulator, generateDataset } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';

// The signal each upstream call hands to fetch: the caller's signal plus the call's own timeout (signal.ts linkSignal).

const NOW = new Date('2025-06-15T00:00:00.000Z');
const dataset = generateDataset({ seed: 11, scale: 0.1, now: NOW, org: 'demo' });
const memberId = dataset.collections.members[0]?._id ?? '';

function setup(extra: Partial<OfficeRnDClientOptions> = {}) {
  const sim = createSimulator({ dataset });
  /** The signal of every API request fetch was given (token requests left out). */
  const signals: AbortSignal[] = [];
  const fetchSpy: typeof fetch = (input, init) => {
    if (init?.signal && !String(input instanceof Request ? input.url : input).includes('/oauth'))
      signals.push(init.signal);
    return sim.fetch(input, init);
  };
  const client = demoClient(sim, { fetch: fetchSpy, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 5 }, ...extra });
  return { sim, client, signals };
}

describe('upstream call signal', () => {
  it("aborts the request in flight with the caller's reason", async () => {
    const { sim, client, signals } = setup();
    await client.getById('members', memberId);
    sim.setFaults({ latencyMs: 1_000 });
    const caller = new AbortController();
    const reason = new Error('caller left');
    const pending = client.getById('members', memberId, { signal: caller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    caller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(signals.at(-1)?.aborted).toBe(true);
    expect(signals.at(-1)?.reason).toBe(reason);
  });

  it('aborts the request in flight with a TimeoutError after the timeout: UPSTREAM_TIMEOUT', async () => {
    const { sim, client, signals } = setup({ timeoutMs: 30 });
    await client.getById('members', memberId);
    sim.setFaults({ latencyMs: 1_000 });
    const error = await client
      .getById('members', memberId, { signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeRnDError);
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect((signals.at(-1)?.reason as Error | undefined)?.name).toBe('TimeoutError');
  });

  it("stops listening to the caller's signal once a call is answered", async () => {
    const { client, signals } = setup();
    const caller = new AbortController();
    for (let i = 0; i < 20; i += 1)
      expect((await client.getById('members', memberId, { signal: caller.signal }))?._id).toBe(memberId);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    // An answered call's signal no longer follows the caller.
    caller.abort(new Error('later'));
    expect(signals).toHaveLength(20);
    expect(signals.every((s) => !s.aborted)).toBe(true);
  });
});
