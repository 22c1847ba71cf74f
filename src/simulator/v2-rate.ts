/**
 * The v2 read budget (shared/officernd-api.md §5): every v2 response carries
 * `x-ratelimit-{limit,remaining,reset}-read-{minute,day}` (observed on staging, S6), and a request
 * over either budget is a 429 with `Retry-After` (an assumption, §5). Fixed windows on the simulator clock.
 */

export interface V2RateLimit {
  /** Reads a minute; default 10,000 (the docs' figure is ≈400, S11: set it to test pacing). */
  perMinute?: number;
  /** Reads a day; default 1,000,000. */
  perDay?: number;
}

export interface V2RateDecision {
  /** Seconds until the exhausted window resets; null when the request may proceed. */
  retryAfterSeconds: number | null;
  headers: Record<string, string>;
}

export const DEFAULT_V2_RATE_LIMIT = { perMinute: 10_000, perDay: 1_000_000 } as const;

/** Creates the read budget; `take()` counts one request and says whether it is within both windows. */
export function createV2RateLimiter(limit: V2RateLimit, clock: () => number): { take(): V2RateDecision } {
  const windows = [
    {
      name: 'minute',
      size: 60_000,
      max: limit.perMinute ?? DEFAULT_V2_RATE_LIMIT.perMinute,
      start: Number.NEGATIVE_INFINITY,
      count: 0,
    },
    {
      name: 'day',
      size: 86_400_000,
      max: limit.perDay ?? DEFAULT_V2_RATE_LIMIT.perDay,
      start: Number.NEGATIVE_INFINITY,
      count: 0,
    },
  ];
  for (const w of windows)
    if (!(w.max >= 0)) throw new RangeError(`v2RateLimit.per${w.name === 'minute' ? 'Minute' : 'Day'} must be >= 0`);
  return {
    take() {
      const now = clock();
      for (const w of windows) {
        if (now >= w.start + w.size) {
          w.start = now;
          w.count = 0;
        }
      }
      const over = windows.find((w) => w.count >= w.max);
      if (!over) for (const w of windows) w.count += 1;
      const headers: Record<string, string> = {};
      for (const w of windows) {
        const reset = Math.max(1, Math.ceil((w.start + w.size - now) / 1000));
        headers[`x-ratelimit-limit-read-${w.name}`] = String(w.max);
        headers[`x-ratelimit-remaining-read-${w.name}`] = String(Math.max(0, w.max - w.count));
        headers[`x-ratelimit-reset-read-${w.name}`] = String(reset);
      }
      const retryAfterSeconds = over ? Math.max(1, Math.ceil((over.start + over.size - now) / 1000)) : null;
      return { retryAfterSeconds, headers };
    },
  };
}
