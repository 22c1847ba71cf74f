import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/officernd/limiter.ts';

// startDelay reads the clock more than once (its own reading and the rate window's). A clock that moves on between
// readings, as a real one does when a millisecond passes or the process is paused under load, must not turn a free
// slot into a delay: admission (security/budget.ts) reads any delay as "the budget is spent", and a request whose time
// ended while it waited for something else was told UPSTREAM_BUDGET_EXCEEDED with retryAfter 1 instead of
// UPSTREAM_TIMEOUT (test/loaders/first-load.test.ts, once in about 20 runs three at a time).

/** A clock that moves 1 ms every time it is read. */
function tickingClock(start = Date.parse('2026-11-16T00:00:00.000Z')): () => number {
  let now = start;
  return () => now++;
}

describe('limiter start delay', () => {
  it('is 0 with free slots and no hold, however the clock moves between its readings', () => {
    const limiter = createLimiter({ maxConcurrency: 4, maxRequestsPerMinute: 300, clock: tickingClock() });
    expect(limiter.startDelay(1)).toBe(0);
    expect(limiter.startDelay(10)).toBe(0);
    expect(limiter.startDelay(1, 'some-key')).toBe(0);

    const lanes = createLimiter({
      maxConcurrency: 4,
      maxRequestsPerMinute: 300,
      clock: tickingClock(),
      laneShare: 0.5,
    });
    expect(lanes.startDelay(1)).toBe(0);
    expect(lanes.startDelay(1, 'some-key')).toBe(0);
  });

  it('still counts a spent minute and a hold (the same ticking clock)', async () => {
    const clock = tickingClock();
    const limiter = createLimiter({ maxConcurrency: 4, maxRequestsPerMinute: 2, clock });
    await limiter.run(async () => undefined);
    await limiter.run(async () => undefined);
    // The third start is a minute after the first, less the few ms the clock has ticked since.
    expect(limiter.startDelay(1)).toBeGreaterThan(59_000);
    expect(limiter.startDelay(1)).toBeLessThanOrEqual(60_000);

    const held = createLimiter({ maxConcurrency: 4, maxRequestsPerMinute: 300, clock });
    const at = clock();
    held.hold(at + 5_000);
    expect(held.startDelay(1)).toBeGreaterThan(4_900);
    expect(held.startDelay(1, 'some-key')).toBeGreaterThan(4_900);
  });
});
