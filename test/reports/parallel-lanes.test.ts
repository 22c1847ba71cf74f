import { describe, expect, it } from 'vitest';
import { createSizeLearner } from '../../src/loaders/collection-sizes.ts';
import { demoClient } from '../demo-client.ts';
import { createSecureStack } from '../security/stack.ts';
import { until } from '../wait.ts';

// Issue 21 with issue 14: an export read in parallel sub-windows makes every call in its API key's lane of the
// upstream budget, as a walk does, so one key's large export never spends another key's share. The clock of client
// and simulator stands still: a lane that is spent stays spent (nothing here depends on time).

const KEY_A = 'export-key-aaaaaaaaaaaaaaaa';
const KEY_B = 'export-key-bbbbbbbbbbbbbbbb';
/** 40 calls a minute, two keys: each key's lane may start 20. */
const PER_MINUTE = 40;
const LANE = PER_MINUTE / 2;

function stackOf() {
  const now = Date.now();
  const clock = () => now;
  return createSecureStack({
    scale: 1,
    env: {
      GATEWAY_API_KEYS: `${KEY_A},${KEY_B}`,
      UPSTREAM_MAX_REQUESTS_PER_MINUTE: String(PER_MINUTE),
      UPSTREAM_MAX_CONCURRENCY: '8',
      REQUEST_BUDGET_MS: '30000',
    },
    simulator: { clock },
    client: { clock, maxRequestsPerMinute: PER_MINUTE, keyShare: 0.5, maxConcurrency: 8 },
  });
}

const asA = { authorization: `Bearer ${KEY_A}` };
const asB = { authorization: `Bearer ${KEY_B}` };

describe('parallel exports in their API key lane', () => {
  it.each([
    [
      'booking occurrences',
      'bookings/occurrences',
      '/reports/booking-occurrences.ndjson?from=2026-03-01&to=2026-10-31',
    ],
    ['bookings, whole', 'bookings', '/reports/bookings.ndjson?columns=_id'],
  ])(
    '%s: sub-windows spend key A’s lane only',
    async (_name, collection, path) => {
      const stack = stackOf();
      // The bookings' spread, learnt by a client of its own (outside the budget), splits the bookings export.
      const fast = demoClient(stack.simulator, { maxRequestsPerMinute: 1_000_000 });
      await createSizeLearner({ officernd: fast, sizes: stack.sizes, pauseMs: 0, maxItems: 100_000 }).learn(
        ['bookings'],
        undefined,
        { whole: true },
      );
      stack.simulator.log.reset();
      const calls = () => stack.simulator.log.count({ kind: 'api', collection });
      const starts = () =>
        stack.simulator.log
          .entries()
          .filter((e) => e.kind === 'api' && e.collection === collection && e.query.$next === undefined).length;
      const stop = new AbortController();
      const running = stack.request(path, { headers: asA, signal: stop.signal });
      running.catch(() => undefined);
      await until('key A to spend its lane', () => calls() >= LANE);
      // Read in sub-windows, several walks begun.
      expect(starts()).toBeGreaterThan(2);
      // Key B is served from its own lane.
      const fromB = await stack.query('{ teams(first: 5) { nodes { name } } }', undefined, asB);
      expect(fromB.errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 100));
      // A's export never went past its lane, and it was A's lane it spent: A's own small query is refused.
      expect(calls()).toBe(LANE);
      const fromA = await stack.query('{ plans(first: 5) { nodes { name } } }', undefined, asA);
      expect(fromA.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BUDGET_EXCEEDED');
      stop.abort();
    },
    60_000,
  );
});
