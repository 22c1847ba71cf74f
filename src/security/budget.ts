/**
 * The per-request time budget toward OfficeRnD (REQUEST_BUDGET_MS): one signal per request that aborts when the
 * caller goes away or when the budget runs out. It is the context's signal, so it reaches every upstream call of
 * the request, retries and waits included.
 */

import type { Plugin } from 'graphql-yoga';
import { linkSignal, type LinkedSignal } from '../officernd/index.ts';

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
}

/** Creates the budget keeper of one gateway. */
export function createRequestBudgets(budgetMs: number): RequestBudgets {
  const links = new WeakMap<Request, LinkedSignal>();
  return {
    signalFor(request) {
      const link = linkSignal(request.signal, { timeoutMs: budgetMs, timeoutReason: () => new RequestBudgetError(budgetMs) });
      links.set(request, link);
      return link.signal;
    },
    release(request) {
      links.get(request)?.stopTimer();
      links.delete(request);
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
    onResultProcess({ request }) {
      budgets.release(request);
    },
  };
}
