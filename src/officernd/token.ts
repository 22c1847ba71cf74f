/**
 * OAuth2 client-credentials token cache (shared/officernd-api.md §1): one token per client,
 * fetched once for all concurrent callers, renewed shortly before it expires, and never
 * requested more often than the token endpoint allows (5 a minute).
 */

import { OfficeRnDError, redact, upstreamMessageOf } from './errors.ts';
import type { OfficeRnDErrorInit } from './errors.ts';
import { createRateWindow } from './limiter.ts';
import { parseRetryAfter, waitUntil } from './retry.ts';
import { linkSignal } from './signal.ts';
import { networkDetail, tooLargeIn } from './transport.ts';
import type { Transport, TransportResponse } from './transport.ts';

/** A token and when it expires (ms epoch). */
export interface SharedToken {
  token: string;
  expiresAt: number;
}

/**
 * Shares one token between processes (src/shared-state/token-store.ts, over Redis); without one, each process
 * fetches its own. `share` answers a stored token still valid after `needUntil`, or else the one `fetchToken` gets
 * while the store holds its lock (and then keeps it for the others); it falls back to `fetchToken` on its own failure.
 */
export interface TokenStore {
  share(fetchToken: () => Promise<SharedToken>, needUntil: number): Promise<SharedToken>;
  /** OfficeRnD refused this token (401): forget it everywhere. */
  drop(token: string): void;
}

export interface TokenCacheOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** The client's transport (transport.ts): the token request goes through the same ofetch as API calls. */
  send: Transport;
  clock: () => number;
  /** Minimum spacing between two token requests; default 0 (the per-minute budget still applies). */
  minIntervalMs?: number;
  /** Token requests allowed per minute; default 5 (§1, §5). Beyond it we wait rather than ask. */
  maxPerMinute?: number;
  /** Per token request; default 30 s. */
  timeoutMs?: number;
  /** One token for several processes; default: this process fetches its own. */
  store?: TokenStore;
}

export interface TokenCache {
  /** A valid access token, fetching or renewing it if needed (single flight). */
  get(signal?: AbortSignal): Promise<string>;
  /** Drops `token` after a 401, only if it is still the current one. */
  invalidate(token: string): void;
  /** Tokens currently known (for redaction). */
  known(): readonly string[];
  /** Token requests sent so far. */
  readonly requests: number;
}

interface HeldToken {
  token: string;
  expiresAt: number;
  renewAt: number;
}

/** §1: "all tokens are valid for 3600 seconds"; used when `expires_in` is missing. */
const DEFAULT_LIFETIME_S = 3600;
/** Renew ~60 s before expiry, or halfway through very short lifetimes. */
const RENEW_MARGIN_MS = 60_000;

/** Creates the single-flight token cache for one set of client credentials. */
export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const budget = createRateWindow({
    limit: options.maxPerMinute ?? 5,
    windowMs: 60_000,
    minIntervalMs: options.minIntervalMs ?? 0,
    clock: options.clock,
  });
  const path = new URL(options.tokenUrl).pathname;
  let held: HeldToken | null = null;
  let inflight: Promise<string> | null = null;
  let requests = 0;

  const fail = (init: Omit<OfficeRnDErrorInit, 'method' | 'path'>): OfficeRnDError =>
    new OfficeRnDError({ ...init, method: 'POST', path });

  const request = async (): Promise<SharedToken> => {
    await waitUntil(budget.reserve(), options.clock);
    requests++;
    const startedAt = options.clock();
    // §1: form-encoded body; the secret travels only here, never in a URL or message.
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
      scope: options.scope,
    });
    // No caller signal: the request is shared by every waiter, so it is bounded by its own timeout alone.
    const call = linkSignal(undefined, { timeoutMs });
    let response: TransportResponse;
    try {
      response = await options.send(
        options.tokenUrl,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: body.toString(),
        },
        call.signal,
      );
    } catch (error) {
      // The endpoint is down or unreachable: not a verdict on the credentials (UPSTREAM_AUTH_UNAVAILABLE, retried).
      const tooLarge = tooLargeIn(error);
      throw fail({
        code: 'UPSTREAM_AUTH_UNAVAILABLE',
        detail: call.timedOut
          ? `token request timed out after ${timeoutMs} ms`
          : tooLarge
            ? `token ${tooLarge.message}`
            : `token request failed (${networkDetail(error)})`,
      });
    } finally {
      call.done();
    }
    const parsed = response.body;
    if (response.status < 200 || response.status >= 300) {
      const message = upstreamMessageOf(parsed);
      const status = response.status;
      // §1: a refused grant (bad client, scope or grant type) is a credentials problem, not a bad query; the
      // endpoint failing (5xx, 408) says nothing about them.
      const code =
        status === 429
          ? 'UPSTREAM_RATE_LIMITED'
          : status >= 400 && status < 500 && status !== 408
            ? 'UPSTREAM_AUTH_FAILED'
            : 'UPSTREAM_AUTH_UNAVAILABLE';
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), options.clock());
      // The endpoint asked us to slow down: later token requests wait for it too.
      if (status === 429 && retryAfterMs !== undefined) budget.pauseUntil(options.clock() + retryAfterMs);
      // §1: asking for one scope the application was not granted fails the whole token request.
      const badScope = (parsed as { error?: unknown } | null)?.error === 'invalid_scope';
      throw fail({
        code,
        status,
        ...(badScope
          ? {
              detail: `(the API application is not granted every scope asked for: "${options.scope}"; grant them, or set OFFICERND_SCOPE to the granted ones)`,
            }
          : {}),
        ...(message === undefined ? {} : { upstreamMessage: redact(message, [options.clientSecret]) }),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    const token = readToken(parsed);
    if (token === null) {
      throw fail({
        code: 'UPSTREAM_AUTH_UNAVAILABLE',
        status: response.status,
        detail: 'token response has no access_token',
      });
    }
    return { token: token.accessToken, expiresAt: startedAt + token.expiresIn * 1000 };
  };

  /** This process's token, or the cluster's through the store; renewed ~60 s early (sooner for short lifetimes). */
  const obtain = async (): Promise<string> => {
    const now = options.clock();
    const got = options.store ? await options.store.share(request, now + RENEW_MARGIN_MS) : await request();
    const lifetimeMs = Math.max(0, got.expiresAt - now);
    held = {
      token: got.token,
      expiresAt: got.expiresAt,
      renewAt: got.expiresAt - Math.min(RENEW_MARGIN_MS, lifetimeMs / 2),
    };
    return got.token;
  };

  return {
    get(signal) {
      if (held && options.clock() < held.renewAt) return Promise.resolve(held.token);
      if (!inflight) {
        const started = obtain().finally(() => {
          inflight = null;
        });
        // Waiters may all have aborted; the shared request must not become an unhandled rejection.
        started.catch(() => undefined);
        inflight = started;
      }
      return abortable(inflight, signal);
    },
    invalidate(token) {
      if (held?.token === token) held = null;
      options.store?.drop(token);
    },
    known() {
      return held ? [held.token] : [];
    },
    get requests() {
      return requests;
    },
  };
}

/** §1 response: `{access_token, token_type: "Bearer", expires_in, scope}`; expires_in may be a string. */
function readToken(body: unknown): { accessToken: string; expiresIn: number } | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const accessToken = record.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') return null;
  const expiresIn = Number(record.expires_in ?? DEFAULT_LIFETIME_S);
  return { accessToken, expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_S };
}

/** The shared promise, or the caller's abort reason if the caller gives up first. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const link = linkSignal(signal, { onAbort: reject });
    promise.then(
      (value) => {
        link.done();
        resolve(value);
      },
      (error: unknown) => {
        link.done();
        reject(error);
      },
    );
  });
}
