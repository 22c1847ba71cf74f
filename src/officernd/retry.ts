/**
 * Retry policy for upstream reads: bounded attempts, exponential backoff with full jitter,
 * `Retry-After` honoured (capped), and an immediate stop when the caller aborts.
 * Every call the client makes is a GET, so every call is safe to repeat.
 */

import { OfficeRnDError } from './errors.ts';
import { linkSignal } from './signal.ts';

export interface RetryPolicy {
  /** Total attempts including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Default policy: 6 attempts, 200 ms base, 10 s cap. Six, so that a read survives a run of transient faults
 * (at 10 % failures, one read in a million fails for good); the request's time budget bounds the total wait.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 200, maxDelayMs: 10_000 };

/** Statuses worth another try: timeouts, too-early, rate limits and gateway/server failures. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

/** True for an error a later attempt may not hit: retryable status, network error or timeout. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof OfficeRnDError)) return false;
  // A request the upstream will never accept, whatever its status (e.g. §9's unknown organization, a 500).
  if (error.code === 'UPSTREAM_BAD_REQUEST') return false;
  if (error.code === 'UPSTREAM_AUTH_UNAVAILABLE')
    return error.status === undefined || RETRYABLE_STATUSES.has(error.status);
  if (error.status === undefined) return error.code === 'UPSTREAM_UNAVAILABLE' || error.code === 'UPSTREAM_TIMEOUT';
  return RETRYABLE_STATUSES.has(error.status);
}

/** Full-jitter backoff for the given retry number (0-based): random in [0, min(max, base·2^n)]. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Parses `Retry-After` (delta seconds or HTTP date, RFC 9110 §10.2.3) into ms from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = linkSignal(signal, {
      timeoutMs: ms,
      // The sleep is the work (a retry's backoff, a rate slot's wait): it holds the process until it ends.
      keepAlive: true,
      onAbort: (reason) => (link.timedOut ? resolve() : reject(reason)),
    });
  });
}

/** Longest single sleep while waiting for a clock time, so an injected clock is re-read often. */
const CLOCK_POLL_MS = 250;

/** Resolves once `clock()` reaches `at`; rejects with the signal's reason if it aborts first. */
export async function waitUntil(at: number, clock: () => number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  for (let left = at - clock(); left > 0; left = at - clock()) {
    await sleep(Math.min(left, CLOCK_POLL_MS), signal);
  }
}

export interface RetryHooks {
  signal?: AbortSignal;
  /** Called before each wait; `delayMs` is what will be waited. */
  onRetry?: (info: { error: unknown; retry: number; delayMs: number }) => void;
  random?: () => number;
}

/** Runs `attempt` until it succeeds, fails for good, runs out of attempts or the caller aborts. */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  const attempts = Math.max(1, Math.floor(policy.attempts));
  for (let n = 0; ; n++) {
    hooks.signal?.throwIfAborted();
    try {
      return await attempt(n);
    } catch (error) {
      // A wait for the upstream's rate limit that the caller ended says more than the abort itself.
      if (hooks.signal?.aborted) throw isRateLimited(error) ? error : hooks.signal.reason;
      if (n + 1 >= attempts || !isRetryable(error)) throw error;
      const delayMs = retryDelay(error, n, policy, hooks.random);
      hooks.onRetry?.({ error, retry: n + 1, delayMs });
      try {
        await sleep(delayMs, hooks.signal);
      } catch {
        // The request's time budget (or the caller) ended the wait: what the upstream said last is the clearer
        // answer (UPSTREAM_UNAVAILABLE, UPSTREAM_RATE_LIMITED …) than "the time ran out".
        throw error;
      }
    }
  }
}

const isRateLimited = (error: unknown): boolean =>
  error instanceof OfficeRnDError && error.code === 'UPSTREAM_RATE_LIMITED';

/** `Retry-After` wins when the upstream sent one (capped by maxDelayMs); else jittered backoff. */
function retryDelay(error: unknown, retry: number, policy: RetryPolicy, random?: () => number): number {
  if (error instanceof OfficeRnDError && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, policy.maxDelayMs);
  }
  return backoffDelay(retry, policy, random);
}
