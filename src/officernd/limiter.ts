/**
 * Request pacing: a concurrency cap plus a sliding-window request budget, slowed further when
 * the upstream's `x-ratelimit-*-read-minute` headers (shared/officernd-api.md §5) say the
 * minute's budget is nearly spent, and held altogether after a 429 until its `Retry-After`.
 * Fairness between callers ("lanes", one per API key): one lane may start at most `laneShare` of the
 * minute's budget, so the rest is there for the others when they come, and free concurrency slots go to
 * the waiting lanes in turn. A call with a deadline is refused at once
 * (BudgetWaitError) rather than wait for a start later than its deadline.
 * A call queued for a concurrency slot cannot know when one frees (calls in flight end when OfficeRnD answers): it
 * waits until its caller's signal ends it, which for a gateway request is its deadline (security/budget.ts, whose
 * one timer then names the error by where the request's calls are: waiting here is UPSTREAM_BUDGET_EXCEEDED, with
 * `slotDelay` to estimate `retryAfter`).
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
  /** The start time the next reservation would get (the `ahead`-th next one; default 1), without reserving it. */
  peek(ahead?: number): number;
  /** Holds every later reservation until `at` (clock ms). */
  pauseUntil(at: number): void;
  /** Gives back a reservation that was not used (its start `at`), so that it no longer counts. */
  cancel(at: number): void;
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

  const next = (): number => {
    const now = options.clock();
    prune(now);
    let at = Math.max(now, pausedUntil);
    const last = starts.at(-1);
    if (last !== undefined) at = Math.max(at, last + minIntervalMs);
    const oldest = starts.length >= limit ? starts[starts.length - limit] : undefined;
    if (oldest !== undefined) at = Math.max(at, oldest + options.windowMs);
    return at;
  };

  /** The `ahead`-th next start, on a copy of the log (nothing is reserved). */
  const nextAfter = (ahead: number): number => {
    if (ahead <= 1) return next();
    const now = options.clock();
    prune(now);
    const log = starts.slice(-limit);
    let at = now;
    for (let i = 0; i < ahead; i++) {
      at = Math.max(now, pausedUntil);
      const last = log.at(-1);
      if (last !== undefined) at = Math.max(at, last + minIntervalMs);
      const oldest = log.length >= limit ? log[log.length - limit] : undefined;
      if (oldest !== undefined) at = Math.max(at, oldest + options.windowMs);
      log.push(at);
    }
    return at;
  };

  return {
    peek: (ahead = 1) => nextAfter(ahead),
    reserve() {
      const at = next();
      starts.push(at);
      if (starts.length > limit) starts.splice(0, starts.length - limit);
      return at;
    },
    pauseUntil(at) {
      pausedUntil = Math.max(pausedUntil, at);
    },
    cancel(at) {
      const index = starts.lastIndexOf(at);
      if (index >= 0) starts.splice(index, 1);
    },
  };
}

export interface LimiterOptions {
  maxConcurrency: number;
  maxRequestsPerMinute: number;
  clock: () => number;
  /** Share of the minute's budget one lane may start; default 1 (no lane has a cap of its own). */
  laneShare?: number;
}

/** Who a call is for (an API key's lane) and until when its caller can wait (clock ms). */
export interface Lane {
  key: string;
  deadline?: number;
}

/** A call would have to wait past its lane's deadline for a rate slot: refused at once, with when to come back. */
export class BudgetWaitError extends Error {
  constructor(
    /** ms from now until the slot the call would have had. */
    readonly retryAfterMs: number,
    /** Which budget was spent: the lane's share, or the whole client's. */
    readonly scope: 'lane' | 'client',
  ) {
    super(`the next OfficeRnD call slot is ${retryAfterMs} ms away, after this request's deadline`);
    this.name = 'BudgetWaitError';
  }
}

export interface Limiter {
  /**
   * Runs `task` once a concurrency slot and a rate slot are free and no hold is on; aborts the wait with
   * `signal` (with a `RateLimitHoldError` when the signal ends it during a hold).
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal, lane?: Lane): Promise<T>;
  /** Reads the upstream's rate-limit headers and pauses new requests when the budget is nearly spent. */
  observe(headers: Headers): void;
  /** Holds every request not yet sent, queued or reserved ones included, until `at` (clock ms): a 429's Retry-After. */
  hold(at: number): void;
  /**
   * Read-only (admission by cost, security/budget.ts): ms from now until the `calls`-th call after every call already
   * waiting could start. With `key`, in that lane's own window (0 when lanes have none); without, in the client's
   * window, behind the calls of every lane that wait for a concurrency slot. Nothing is reserved.
   */
  startDelay(calls: number, key?: string): number;
  /**
   * Read-only estimate (security/budget.ts, a deadline that came while calls waited for a concurrency slot): ms from
   * now until the `calls`-th call after every call waiting for a concurrency slot could hold one. The calls ahead
   * share UPSTREAM_MAX_CONCURRENCY slots, each for as long as a call lasts: the mean of the calls answered lately, or,
   * before any was, the longest a call in flight has run so far. 0 while a slot would be free. `calls` may be less
   * than the caller's own calls waiting (they leave the queue): it is added to the count of those waiting.
   * With `key`, the calls ahead are those free slots go to before that lane's `calls`-th next one: slots go to the
   * waiting lanes in turn (one call per lane a round), so of every other lane's queue only as many calls as that lane
   * has rounds before this one's, not the whole queue.
   */
  slotDelay(calls: number, key?: string): number;
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
  const laneShare = options.laneShare ?? 1;
  const laneLimit = Math.max(1, Math.floor(options.maxRequestsPerMinute * laneShare));
  /** Each lane's own window, made when the lane is first seen. */
  const lanes = new Map<string, RateWindow>();
  /** Queued calls by lane, in the order lanes are served (round robin). */
  const waiting = new Map<string, { grant: () => void }[]>();
  let active = 0;
  let heldUntil = 0;
  /** Start times (clock ms) of the tasks running now, and the moving mean of how long the last ones took. */
  const running = new Set<{ startedAt: number }>();
  let meanCallMs: number | undefined;
  /** Weight of the latest call in the moving mean: about the last ten calls count. */
  const MEAN_WEIGHT = 0.2;

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

  const acquire = (key: string, signal?: AbortSignal): Promise<void> => {
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
      let queue = waiting.get(key);
      if (!queue) {
        queue = [];
        waiting.set(key, queue);
      }
      queue.push(entry);
      // Leaving the queue when the caller's signal aborts.
      const link = signal
        ? linkSignal(signal, {
            onAbort: (reason) => {
              const mine = waiting.get(key) ?? [];
              const index = mine.indexOf(entry);
              if (index >= 0) mine.splice(index, 1);
              if (mine.length === 0) waiting.delete(key);
              reject(reason);
            },
          })
        : undefined;
    });
  };

  /** A freed slot goes to the lane that has waited longest for a turn, which then goes to the back. */
  const release = (): void => {
    for (const [key, queue] of waiting) {
      const next = queue.shift();
      waiting.delete(key);
      if (queue.length > 0) waiting.set(key, queue);
      if (next) {
        next.grant();
        return;
      }
    }
    active--;
  };

  /**
   * The lane's own window (none when a lane may use the whole budget): waited for before a concurrency slot is
   * taken, so that a lane over its share holds no slot the others need. It exists before any other lane comes,
   * which is what keeps the rest of the minute free for them.
   */
  const laneWindow = (key: string): RateWindow | undefined => {
    if (laneShare >= 1) return undefined;
    let own = lanes.get(key);
    if (!own) {
      own = createRateWindow({ limit: laneLimit, windowMs: MINUTE_MS, clock: options.clock });
      lanes.set(key, own);
    }
    return own;
  };

  /** Every call waiting for a slot, plus `calls` more behind them. */
  const queuedAhead = (calls: number): number => {
    let queued = calls;
    for (const queue of waiting.values()) queued += queue.length;
    return queued;
  };

  /**
   * The calls a slot goes to up to lane `key`'s `calls`-th next one (after its own queued calls), that one included,
   * as `release` hands them out: the `n`-th call of the lane comes in its `n`-th round, and each round serves one call
   * of every lane still waiting, the lanes before it in the turn order first. A lane not waiting joins the turn last.
   */
  const laneQueuedAhead = (calls: number, key: string): number => {
    const n = (waiting.get(key)?.length ?? 0) + calls;
    if (n <= 0) return 0;
    let queued = n;
    let before = true;
    for (const [other, queue] of waiting) {
      if (other === key) before = false;
      else queued += Math.min(queue.length, before ? n : n - 1);
    }
    return queued;
  };

  /** Refuses a start later than the lane's deadline, before anything is reserved. */
  const checkDeadline = (at: number, lane: Lane | undefined, scope: 'lane' | 'client'): void => {
    if (lane?.deadline !== undefined && at > lane.deadline)
      throw new BudgetWaitError(Math.max(0, at - options.clock()), scope);
  };

  return {
    async run(task, signal, lane) {
      const key = lane?.key ?? '';
      const own = laneWindow(key);
      if (own) {
        checkDeadline(own.peek(), lane, 'lane');
        const at = own.reserve();
        await waitUntil(at, options.clock, signal).catch((error: unknown) => {
          own.cancel(at);
          throw error;
        });
      }
      await acquire(key, signal).catch((error: unknown) => {
        throw duringHold(error, signal);
      });
      try {
        try {
          for (;;) {
            await waitForHold(signal);
            checkDeadline(window.peek(), lane, 'client');
            const at = window.reserve();
            // A caller that leaves before its slot gives the slot back: nothing was sent, so nothing is spent.
            await waitUntil(at, options.clock, signal).catch((error: unknown) => {
              window.cancel(at);
              throw error;
            });
            if (heldUntil <= options.clock()) break;
            // A 429 arrived while this start waited for its slot: it holds this one too, so the call goes later than
            // the start the window has logged. Given back and taken again after the hold, so that the log says when
            // calls really go: otherwise the calls held with it all go at the hold's end on top of a full minute.
            window.cancel(at);
          }
        } catch (error) {
          throw duringHold(error, signal);
        }
        const started = { startedAt: options.clock() };
        running.add(started);
        try {
          return await task();
        } finally {
          running.delete(started);
          const ms = Math.max(0, options.clock() - started.startedAt);
          meanCallMs = meanCallMs === undefined ? ms : meanCallMs + MEAN_WEIGHT * (ms - meanCallMs);
        }
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
    startDelay(calls, key) {
      let at: number;
      if (key === undefined) {
        let queued = 0;
        for (const queue of waiting.values()) queued += queue.length;
        at = window.peek(queued + calls);
      } else {
        // A lane's queued calls have reserved their lane slots already.
        at = laneShare >= 1 ? Number.NEGATIVE_INFINITY : laneWindow(key)!.peek(calls);
      }
      // Read after peek read it: a free slot is `now` as peek saw it, so a clock that moved on between two readings
      // (a millisecond passing, a pause under load) is not a delay.
      const now = options.clock();
      return Math.max(0, Math.max(at, heldUntil) - now);
    },
    slotDelay(calls, key) {
      const queued = key === undefined ? queuedAhead(calls) : laneQueuedAhead(calls, key);
      const beyond = active + queued - maxConcurrency;
      if (beyond <= 0) return 0;
      const now = options.clock();
      let callMs = meanCallMs;
      if (callMs === undefined) for (const call of running) callMs = Math.max(callMs ?? 0, now - call.startedAt);
      // Every slot frees once per call length: the `beyond`-th call after the slots are full starts that many rounds on.
      return Math.ceil(beyond / maxConcurrency) * (callMs ?? 0);
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
