/**
 * Fault injection: dropped connections, latency, rate limiting and random error statuses, all
 * driven by a seeded PRNG so a faulty run can be replayed. Applied in this order per request:
 * drop, latency, rate limit, error status; the error rate only touches API requests.
 */

export interface FaultOptions {
  /** Added to every response, token endpoint included. */
  latencyMs?: number;
  /** Uniform extra delay in [0, jitterMs). */
  jitterMs?: number;
  /** Fraction of API requests answered with one of `errorStatuses`. */
  errorRate?: number;
  /** Default [500, 502, 503]. */
  errorStatuses?: number[];
  /** API requests per fixed window; beyond it: 429 + Retry-After. */
  rateLimit?: { requests: number; windowMs: number; retryAfterSeconds?: number };
  /** Token requests per sliding minute, default 5 (§1, §5); `Infinity` disables the limit. */
  tokenRateLimitPerMinute?: number;
  /** Fraction of requests whose connection is dropped without a response. */
  dropRate?: number;
  /** Fault PRNG seed; defaults to the simulator's seed. */
  seed?: number;
}

export type RequestKind = 'token' | 'api';

export interface FaultPlan {
  drop: boolean;
  delayMs: number;
  /** Set when the request is over a rate limit: seconds for the Retry-After header. */
  retryAfterSeconds: number | null;
  errorStatus: number | null;
  /** `x-ratelimit-*-read-minute` headers (§5 names) when an API rate limit is configured. */
  headers: Record<string, string>;
}

export interface FaultEngine {
  /** Decides the faults of one request; synchronous, so concurrent requests draw in arrival order. */
  plan(kind: RequestKind): FaultPlan;
}

const TOKEN_WINDOW_MS = 60_000;
const DEFAULT_TOKEN_LIMIT = 5;
const DEFAULT_ERROR_STATUSES = [500, 502, 503];

/** mulberry32: a tiny seeded PRNG with good enough spread for fault rolls. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Checks the fault options; a bad value is a programming error, so it throws. */
export function validateFaults(faults: FaultOptions): void {
  const fraction = (name: string, v: number | undefined): void => {
    if (v !== undefined && !(v >= 0 && v <= 1)) throw new RangeError(`faults.${name} must be between 0 and 1`);
  };
  const nonNegative = (name: string, v: number | undefined): void => {
    if (v !== undefined && !(v >= 0)) throw new RangeError(`faults.${name} must be >= 0`);
  };
  fraction('errorRate', faults.errorRate);
  fraction('dropRate', faults.dropRate);
  nonNegative('latencyMs', faults.latencyMs);
  nonNegative('jitterMs', faults.jitterMs);
  nonNegative('tokenRateLimitPerMinute', faults.tokenRateLimitPerMinute);
  if (faults.errorStatuses?.length === 0) throw new RangeError('faults.errorStatuses must not be empty');
  const limit = faults.rateLimit;
  if (limit && !(limit.requests >= 0 && limit.windowMs > 0)) {
    throw new RangeError('faults.rateLimit needs requests >= 0 and windowMs > 0');
  }
}

/** Creates a fault engine with fresh windows and a freshly seeded PRNG. */
export function createFaultEngine(faults: FaultOptions, defaultSeed: number, clock: () => number): FaultEngine {
  validateFaults(faults);
  const random = createRandom(faults.seed ?? defaultSeed);
  const statuses = faults.errorStatuses ?? DEFAULT_ERROR_STATUSES;
  const tokenLimit = faults.tokenRateLimitPerMinute ?? DEFAULT_TOKEN_LIMIT;
  const tokenTimes: number[] = [];
  const apiWindow = { start: Number.NEGATIVE_INFINITY, count: 0 };

  // Sliding minute for the token endpoint (§1: "5 requests per minute").
  const tokenRetryAfter = (now: number): number | null => {
    while (tokenTimes.length > 0 && (tokenTimes[0] ?? 0) <= now - TOKEN_WINDOW_MS) tokenTimes.shift();
    if (tokenTimes.length >= tokenLimit) {
      return Math.max(1, Math.ceil(((tokenTimes[0] ?? now) + TOKEN_WINDOW_MS - now) / 1000));
    }
    tokenTimes.push(now);
    return null;
  };

  // Fixed window for the API; the headers mirror the v2 names observed on staging (§5).
  const apiLimit = (now: number): { retryAfterSeconds: number | null; headers: Record<string, string> } => {
    const limit = faults.rateLimit;
    if (!limit) return { retryAfterSeconds: null, headers: {} };
    if (now >= apiWindow.start + limit.windowMs) {
      apiWindow.start = now;
      apiWindow.count = 0;
    }
    const over = apiWindow.count >= limit.requests;
    if (!over) apiWindow.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((apiWindow.start + limit.windowMs - now) / 1000));
    const headers = {
      'x-ratelimit-limit-read-minute': String(limit.requests),
      'x-ratelimit-remaining-read-minute': String(limit.requests - apiWindow.count),
      'x-ratelimit-reset-read-minute': String(resetSeconds),
    };
    return { retryAfterSeconds: over ? (limit.retryAfterSeconds ?? resetSeconds) : null, headers };
  };

  return {
    plan(kind) {
      // Rolls are drawn only for configured faults, so enabling one fault does not reshuffle another.
      const drop = (faults.dropRate ?? 0) > 0 && random() < (faults.dropRate ?? 0);
      if (drop) return { drop, delayMs: 0, retryAfterSeconds: null, errorStatus: null, headers: {} };
      const jitter = (faults.jitterMs ?? 0) > 0 ? random() * (faults.jitterMs ?? 0) : 0;
      const delayMs = (faults.latencyMs ?? 0) + jitter;
      const now = clock();
      const limited = kind === 'token' ? { retryAfterSeconds: tokenRetryAfter(now), headers: {} } : apiLimit(now);
      let errorStatus: number | null = null;
      if (kind === 'api' && limited.retryAfterSeconds === null && (faults.errorRate ?? 0) > 0) {
        if (random() < (faults.errorRate ?? 0)) errorStatus = statuses[Math.floor(random() * statuses.length)] ?? 500;
      }
      return { drop, delayMs, retryAfterSeconds: limited.retryAfterSeconds, errorStatus, headers: limited.headers };
    },
  };
}
