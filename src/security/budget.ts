/**
 * The per-request time budget toward OfficeRnD (REQUEST_BUDGET_MS): one signal per request that aborts when the
 * caller goes away or when the budget runs out. It is the context's signal, so it reaches every upstream call of
 * the request, retries and waits included.
 */

import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { linkSignal, type LinkedSignal, type OfficeRnDClient, type RequestShare } from '../officernd/index.ts';
import { presentedKey } from './api-keys.ts';

/** The budget ran out: the caller sees UPSTREAM_TIMEOUT (mapped in schema/errors.ts). */
export class RequestBudgetError extends Error {
  readonly code = 'UPSTREAM_TIMEOUT' as const;

  constructor(readonly budgetMs: number) {
    super(`OfficeRnD did not answer within this request's time budget of ${budgetMs} ms (REQUEST_BUDGET_MS)`);
    this.name = 'RequestBudgetError';
  }
}

export interface RequestBudgets {
  /** The request's signal: aborts with the caller's reason, or with a RequestBudgetError after the budget. */
  signalFor(request: Request): AbortSignal;
  /** Stops the request's budget clock (its answer is complete); the signal still follows the caller. */
  release(request: Request): void;
  /** Upstream calls the request has started so far (undefined without an upstream share). */
  callsOf(request: Request): number | undefined;
  /**
   * Puts an export's upstream calls (made with `signal`) in its API key's lane, like a GraphQL request's: one key's
   * exports cannot take another key's share of the minute. No call cap and no deadline: an export is a long read
   * that waits for its lane's slots.
   */
  shareExport(request: Request, signal: AbortSignal): void;
}

/** The upstream side of each request's budget: its share of OfficeRnD calls, and whose lane they use. */
export interface UpstreamShares {
  officernd: Pick<OfficeRnDClient, 'openShare'>;
  /** MAX_UPSTREAM_CALLS_PER_REQUEST. */
  maxCalls: number;
  /** True when API keys are set: each key's requests use their own lane of the budget (client keyShare). */
  keyed: boolean;
}

/** The lane of a request: a digest of its API key (never the key), or '' when keys are not in use. */
function laneOf(request: Request, keyed: boolean): string {
  if (!keyed) return '';
  const key = presentedKey(request.headers);
  return key === null ? '' : createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
}

/**
 * Creates the budget keeper of one gateway: REQUEST_BUDGET_MS as a signal and, with `upstream`, a share of the
 * OfficeRnD calls per request (MAX_UPSTREAM_CALLS_PER_REQUEST, a deadline for rate slots, the key's lane).
 */
export function createRequestBudgets(budgetMs: number, upstream?: UpstreamShares): RequestBudgets {
  const open = new WeakMap<Request, { link: LinkedSignal; share?: RequestShare }>();
  return {
    signalFor(request) {
      const link = linkSignal(request.signal, {
        timeoutMs: budgetMs,
        timeoutReason: () => new RequestBudgetError(budgetMs),
      });
      const share = upstream?.officernd.openShare({
        signal: link.signal,
        key: laneOf(request, upstream.keyed),
        maxCalls: upstream.maxCalls,
        deadlineMs: budgetMs,
      });
      open.set(request, share ? { link, share } : { link });
      return link.signal;
    },
    release(request) {
      open.get(request)?.link.stopTimer();
    },
    callsOf(request) {
      return open.get(request)?.share?.calls;
    },
    shareExport(request, signal) {
      upstream?.officernd.openShare({ signal, key: laneOf(request, upstream.keyed) });
    },
  };
}

/**
 * Releases a GraphQL request's budget once its answer is out: a GraphQL answer is complete when it is sent, so its
 * timer need not stay armed for the rest of the budget. Yoga processes a result only for GraphQL requests, so other
 * responses (streamed exports) keep theirs running; and it tells apart those requests without parsing each URL.
 */
export function useRequestBudget(budgets: RequestBudgets): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      // Asked for with `x-upstream-calls: true`: the answer says what it cost upstream (`extensions.upstreamCalls`),
      // a cached answer included (0). Opt-in, so that answers stay byte-identical for caches and clients.
      if (request.headers.get(UPSTREAM_CALLS_HEADER) === 'true' && isSingleResult(result)) {
        setResult({ ...result, extensions: { ...result.extensions, upstreamCalls: budgets.callsOf(request) ?? 0 } });
      }
      budgets.release(request);
    },
  };
}

/** The request header that asks for `extensions.upstreamCalls`. */
const UPSTREAM_CALLS_HEADER = 'x-upstream-calls';

const isSingleResult = (result: unknown): result is { extensions?: Record<string, unknown> } =>
  typeof result === 'object' && result !== null && !Array.isArray(result) && !(Symbol.asyncIterator in result);
