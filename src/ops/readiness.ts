/**
 * Readiness (`/ready`): the gateway can answer only when a token can be had and OfficeRnD answers. One cheap call
 * (one office: a token plus one list request, §1 and §3) decides; its result is kept a few seconds and never more
 * than one check is in flight, so a probe every second costs OfficeRnD at most one call per `cacheMs`.
 * `/health` stays liveness only (the process answers HTTP).
 */

import type { Plugin } from 'graphql-yoga';
import type { OfficeRnDClient } from '../officernd/index.ts';

export const READY_ENDPOINT = '/ready';
/** How long one check's answer is kept. */
export const READY_CACHE_MS = 5_000;
/** A check that takes longer than this is a failure: OfficeRnD is too slow to serve requests. */
const CHECK_TIMEOUT_MS = 10_000;

export interface ReadyAnswer {
  ready: boolean;
  /** Why not, as a stable code and a sentence that names no configuration (no URL, organization or id). */
  reason?: { code: string; message: string };
  /** With REDIS_URL: which state the replica serves with now (it stays ready on its local fallback). */
  details?: SharedStateDetails;
}

/** What `/ready` says of the shared state (REDIS_URL), read at each probe, never cached. */
export interface SharedStateDetails {
  /** `shared`: Redis answers; `local`: Redis is down or slow and the replica serves with its own state. */
  sharedState: 'shared' | 'local';
  /** Replicas seen in the last heartbeats (this one included). */
  replicas: number;
}

export interface Readiness {
  check(): Promise<ReadyAnswer>;
  /** From now on not ready (shutting down): load balancers stop sending requests. */
  drain(): void;
}

const REASONS: Record<string, string> = {
  UPSTREAM_AUTH: 'OfficeRnD refused the client credentials or the token',
  UPSTREAM_AUTH_FAILED: 'OfficeRnD refused the client credentials or the token',
  UPSTREAM_AUTH_UNAVAILABLE: 'the OfficeRnD token endpoint did not answer',
  UPSTREAM_UNAVAILABLE: 'OfficeRnD is unreachable or answering with server errors',
  UPSTREAM_TIMEOUT: 'OfficeRnD did not answer in time',
  UPSTREAM_RATE_LIMITED: 'OfficeRnD is rate limiting the gateway',
  UPSTREAM_BAD_REQUEST: 'OfficeRnD refused the request (check the organization setting)',
};

export interface ReadinessOptions {
  officernd: Pick<OfficeRnDClient, 'listPage'>;
  /** The shared state (REDIS_URL), whose state the answer details; it never makes the replica unready. */
  shared?: { status(): { redis: 'up' | 'down'; replicas: number } };
  cacheMs?: number;
  /** ms epoch; injectable for tests. */
  clock?: () => number;
}

/** The readiness check of one gateway: cached, single-flight. */
export function createReadiness(options: ReadinessOptions): Readiness {
  const cacheMs = options.cacheMs ?? READY_CACHE_MS;
  const clock = options.clock ?? Date.now;
  let last: { answer: ReadyAnswer; at: number } | null = null;
  let pending: Promise<ReadyAnswer> | null = null;
  let draining = false;

  const probe = async (): Promise<ReadyAnswer> => {
    try {
      await options.officernd.listPage('offices', undefined, {
        limit: 1,
        signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
      });
      return { ready: true };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const known = typeof code === 'string' && code in REASONS ? code : 'UPSTREAM_UNAVAILABLE';
      return { ready: false, reason: { code: known, message: REASONS[known]! } };
    }
  };

  const detailed = (answer: ReadyAnswer): ReadyAnswer => {
    if (!options.shared) return answer;
    const { redis, replicas } = options.shared.status();
    return { ...answer, details: { sharedState: redis === 'up' ? 'shared' : 'local', replicas } };
  };

  return {
    async check() {
      if (draining)
        return detailed({
          ready: false,
          reason: { code: 'SHUTTING_DOWN', message: 'the gateway is shutting down' },
        });
      if (last && clock() - last.at < cacheMs) return detailed(last.answer);
      pending ??= probe().then((answer) => {
        last = { answer, at: clock() };
        pending = null;
        return answer;
      });
      return detailed(await pending);
    },
    drain() {
      draining = true;
    },
  };
}

/**
 * Serves GET/HEAD `/ready`: 200 `{"status":"ready"}` or 503 `{"status":"unavailable","reason":{code,message}}`,
 * with `details` (`{"sharedState":"shared"|"local","replicas":n}`) when the replica has shared state.
 */
/** The header of `/health` that names the OfficeRnD API version read (`v1` or `v2`). */
export const API_VERSION_HEADER = 'x-officernd-api-version';

export function useReadiness(readiness: Readiness, health?: { path: string; apiVersion: string }): Plugin {
  return {
    // `/health` (Yoga's liveness answer) names the OfficeRnD API version the gateway reads, in a header: the one
    // fact of the configuration a probe or an operator checking a deployment needs, and nothing else.
    onResponse({ request, response }) {
      if (health && new URL(request.url).pathname === health.path)
        response.headers.set(API_VERSION_HEADER, health.apiVersion);
    },
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== READY_ENDPOINT) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const answer = await readiness.check();
      const body = {
        ...(answer.ready ? { status: 'ready' } : { status: 'unavailable', reason: answer.reason }),
        ...(answer.details ? { details: answer.details } : {}),
      };
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : JSON.stringify(body), {
          status: answer.ready ? 200 : 503,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
