/**
 * Request pacing: a concurrency cap plus a sliding-window request budget, slowed further when
 * the upstream's `x-ratelimit-*-read-minute` headers (shared/officernd-api.md §5) say the
 * minute's budget is nearly spent, and held altogether after a 429 until its `Retry-After`.
 */

import { parseRetryAfter, waitUntil } from './retry.ts';
import { linkSignal } from './signal.ts';

export interface RateWindowOptions {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  /** Minimum spacing between two requests (0 = none). */
  minIntervalMs?: number;
  clock: () => number;
}

export interface RateWindow {
  /** Reserves the next free start time (clock ms); wait for it with `waitUntil`. */
  reserve(): number;
  /** Holds every later reservation until `at` (clock ms). */
  pauseUntil(at: number): void;
}

/**
 * Sliding log of reserved start times. A start is granted when the `limit`-th most recent one
 * has left the window; reservations are made up front, so waiters need not re-check the clock.
 */
export function createRateWindow(options: RateWindowOptions): RateWindow {
  const limit = Math.max(1, Math.floor(options.limit));
  const minIntervalMs = options.minIntervalMs ?? 0;
  const starts: number[] = [];
  let pausedUntil = 0;

  /**
   * Forgets starts that have left the window (they no longer limit anything), so memory follows the traffic of the
   * last window, not the size of the budget. In bulk, once half the log is stale: constant cost per reservation.
   */
  const prune = (now: number): void => {
    const cutoff = now - options.windowMs;
    if (starts.length < 64 || (starts[starts.length >> 1] ?? Infinity) > cutoff) return;
    let stale = starts.length >> 1;
    while (stale < starts.length && (starts[stale] ?? Infinity) <= cutoff) stale++;
    starts.splice(0, stale);
  };

  return {
    reserve() {
      const now = options.clock();
      prune(now);
      let at = Math.max(now, pausedUntil);
      const last = starts.at(-1);
      if (last !== undefined) at = Math.max(at, last + minIntervalMs);
      const oldest = starts.length >= limit ? starts[starts.length - limit] : undefined;
      if (oldest !== undefined) at = Math.max(at, oldest + options.windowMs);
      starts.push(at);
      if (starts.length > limit) starts.splice(0, starts.length - limit);
      return at;
    },
    pauseUntil(at) {
      pausedUntil = Math.max(pausedUntil, at);
    },
  };
}

export interface LimiterOptions {
  maxConcurrency: number;
  maxRequestsPerMinute: number;
  clock: () => number;
}

export interface Limiter {
  /**
   * Runs `task` once a concurrency slot and a rate slot are free and no hold is on; aborts the wait with
   * `signal` (with a `RateLimitHoldError` when the signal ends it during a hold).
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Reads the upstream's rate-limit headers and pauses new requests when the budget is nearly spent. */
  observe(headers: Headers): void;
  /** Holds every request not yet sent, queued or reserved ones included, until `at` (clock ms): a 429's Retry-After. */
  hold(at: number): void;
}

/** A caller's signal ended its wait while the upstream had asked everyone to wait (a 429's Retry-After). */
export class RateLimitHoldError extends Error {
  /** How much of the hold was left when the wait ended. */
  readonly remainingMs: number;

  constructor(remainingMs: number) {
    super(`held back by the upstream's rate limit for another ${remainingMs} ms`);
    this.name = 'RateLimitHoldError';
    this.remainingMs = remainingMs;
  }
}

const MINUTE_MS = 60_000;

/** Builds the client's limiter: `maxConcurrency` in flight, `maxRequestsPerMinute` started per minute. */
export function createLimiter(options: LimiterOptions): Limiter {
  const maxConcurrency = Math.max(1, Math.floor(options.maxConcurrency));
  const window = createRateWindow({ limit: options.maxRequestsPerMinute, windowMs: MINUTE_MS, clock: options.clock });
  const waiting: { grant: () => void }[] = [];
  let active = 0;
  let heldUntil = 0;

  /** Waits out the current hold, and any hold set meanwhile. */
  const waitForHold = async (signal?: AbortSignal): Promise<void> => {
    for (let at = heldUntil; at > options.clock(); at = heldUntil) await waitUntil(at, options.clock, signal);
  };

  /**
   * A wait the caller's time ran out on while a hold is on: the hold is the reason it could not be sent. A caller
   * that went away (a plain abort) keeps its own reason: it was not rate-limited, it left.
   */
  const duringHold = (error: unknown, signal?: AbortSignal): unknown => {
    const remainingMs = heldUntil - options.clock();
    const left = (signal?.reason as { name?: unknown } | undefined)?.name === 'AbortError';
    return signal?.aborted && !left && remainingMs > 0 ? new RateLimitHoldError(remainingMs) : error;
  };

  const acquire = (signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (active < maxConcurrency) {
      active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          link?.done();
          resolve();
        },
      };
      // Leaving the queue when the caller's signal aborts.
      const link = signal
        ? linkSignal(signal, {
            onAbort: (reason) => {
              const index = waiting.indexOf(entry);
              if (index >= 0) waiting.splice(index, 1);
              reject(reason);
            },
          })
        : undefined;
      waiting.push(entry);
    });
  };

  const release = (): void => {
    const next = waiting.shift();
    if (next) next.grant();
    else active--;
  };

  return {
    async run(task, signal) {
      await acquire(signal).catch((error: unknown) => {
        throw duringHold(error, signal);
      });
      try {
        try {
          await waitForHold(signal);
          await waitUntil(window.reserve(), options.clock, signal);
          // A 429 may have arrived while this start waited for its slot: it holds this one too.
          await waitForHold(signal);
        } catch (error) {
          throw duringHold(error, signal);
        }
        return await task();
      } finally {
        release();
      }
    },
    observe(headers) {
      const remaining = Number(headers.get('x-ratelimit-remaining-read-minute') ?? Number.NaN);
      // Requests already in flight may each spend one more: pause before the budget hits zero.
      if (!Number.isFinite(remaining) || remaining >= maxConcurrency) return;
      const now = options.clock();
      const resetMs = resetDelayMs(headers.get('x-ratelimit-reset-read-minute'), now);
      window.pauseUntil(now + Math.min(resetMs ?? MINUTE_MS, MINUTE_MS));
    },
    hold(at) {
      heldUntil = Math.max(heldUntil, at);
    },
  };
}

/**
 * The reset header's meaning is not documented (§5, §11.2): accept delta seconds, epoch seconds,
 * epoch ms or an HTTP date.
 */
function resetDelayMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const n = Number(value.trim());
  if (value.trim() !== '' && Number.isFinite(n)) {
    if (n > 1e12) return Math.max(0, n - now);
    if (n > 1e9) return Math.max(0, n * 1000 - now);
    return Math.max(0, n * 1000);
  }
  return parseRetryAfter(value, now);
}
