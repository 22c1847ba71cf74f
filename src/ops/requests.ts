/**
 * What the operating parts (logs, metrics, traces) know about a request while it runs: its id, its operations, the
 * upstream calls made for it and how it ended. One tracker per gateway; state lives in weak maps keyed by the
 * request and by the signal its upstream calls carry, so nothing outlives the request.
 */

import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept when it is a plain token (no spaces or quotes, so it cannot forge log lines or headers). */
const CALLER_ID = /^[\w.:@/+=-]{1,128}$/;

/** The request id: the caller's `x-request-id` when it is usable, else a new UUID. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER)?.trim();
  return given && CALLER_ID.test(given) ? given : randomUUID();
}

/** How a request ended, for logs and metrics. */
export type Outcome = 'success' | 'partial' | 'error' | 'rejected';

export interface RequestState {
  id: string;
  /** `performance.now()` at arrival. */
  startedAt: number;
  /** Endpoint kind: a GraphQL request, a report export, or another path (health, metrics, GraphiQL). */
  kind: 'graphql' | 'export' | 'other';
  /** Names of the operations executed (a batch has several); `anonymous` for unnamed ones. */
  operations: string[];
  /** `query`, `mutation` … of the first operation. */
  operationType?: string;
  /** Query cost of the operations (MAX_COST's measure), summed over a batch. */
  cost: number;
  /** Error codes of the answer, in order. */
  errorCodes: string[];
  /** The first error's message (the warning line of a caller mistake says what was wrong). */
  firstError?: string;
  /** Whether an answer with data was produced (for `partial`). */
  hasData: boolean;
  /** Whether Yoga produced a GraphQL result (errors then carry the request id already). */
  processed: boolean;
  /**
   * The gateway limit that refused it before it ran, when one did after parsing (`admission`: admission by cost,
   * UPSTREAM_BUDGET_EXCEEDED): the caller's doing, so `rejected`; the limit writes its own warning once per caller
   * and minute, and the operation line goes to debug.
   */
  refused?: string;
  upstream: { calls: number; failed: number; retries: number; heldMs: number };
}

export interface RequestTracker {
  start(request: Request, kind: RequestState['kind']): RequestState;
  get(request: Request): RequestState | undefined;
  /** Ties a signal (the context's, carried by every upstream call) to a request. */
  bind(signal: AbortSignal, state: RequestState): void;
  bySignal(signal: AbortSignal | undefined): RequestState | undefined;
}

/** Creates the request tracker of one gateway. */
export function createRequestTracker(): RequestTracker {
  const requests = new WeakMap<Request, RequestState>();
  const signals = new WeakMap<AbortSignal, RequestState>();
  return {
    start(request, kind) {
      const state: RequestState = {
        id: requestIdFrom(request.headers),
        startedAt: performance.now(),
        kind,
        operations: [],
        cost: 0,
        errorCodes: [],
        hasData: false,
        processed: false,
        upstream: { calls: 0, failed: 0, retries: 0, heldMs: 0 },
      };
      requests.set(request, state);
      return state;
    },
    get: (request) => requests.get(request),
    bind(signal, state) {
      signals.set(signal, state);
    },
    bySignal: (signal) => (signal ? signals.get(signal) : undefined),
  };
}

/**
 * Codes of caller mistakes: the request was wrong, nothing failed on our side (one warning line, `rejected`).
 * Everything else that carries a code is a failure to answer (`error` or `partial`).
 */
export const CALLER_MISTAKES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'UNAUTHENTICATED',
  'UNSUPPORTED_MEDIA_TYPE',
  'REQUEST_ENTITY_TOO_LARGE',
  'METHOD_NOT_ALLOWED',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'RATE_LIMITED',
]);

/** The outcome of a finished request from its status and error codes. */
export function outcomeOf(state: RequestState, status: number): Outcome {
  if (state.refused !== undefined) return 'rejected';
  if (state.errorCodes.length === 0) {
    if (status < 400) return 'success';
    return status < 500 ? 'rejected' : 'error';
  }
  if (state.errorCodes.every((code) => CALLER_MISTAKES.has(code))) return 'rejected';
  return state.hasData ? 'partial' : 'error';
}
