import { vi } from 'vitest';

/** What runs on the fake clock: timers and the clocks they are read against. setImmediate stays real (below). */
const FAKED = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] as const;

/**
 * Runs `work` on vitest's fake timers: whenever everything but timers has run (a real turn of the event loop: the
 * simulator's in-process fetch, streams, promises), the clock moves to the next timer. Minutes of rate budget, backoff
 * and deadlines pass in moments, and every wait ends at its time to the ms, whatever the machine's load: what a test
 * asserts on the clock is exact. Real timers again when `work` settles.
 */
export async function onFakeTime<T>(work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: [...FAKED] });
  try {
    let settled = false;
    const running = work().finally(() => {
      settled = true;
    });
    running.catch(() => undefined);
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!settled) await vi.advanceTimersToNextTimerAsync();
    }
    return await running;
  } finally {
    vi.useRealTimers();
  }
}
