/**
 * The per-request time budget toward OfficeRnD (REQUEST_BUDGET_MS): one signal per request that aborts when the
 * caller goes away or when the budget runs out. It is the context's signal, so it reaches every upstream call of
 * the request, retries and waits included.
 */

import type { Plugin } from 'graphql-yoga';

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
  const timers = new WeakMap<Request, ReturnType<typeof setTimeout>>();
  return {
    signalFor(request) {
      const caller = request.signal;
      const controller = new AbortController();
      const onCallerAbort = (): void => {
        clearTimeout(timers.get(request));
        controller.abort(caller.reason);
      };
      const timer = setTimeout(() => {
        caller.removeEventListener('abort', onCallerAbort);
        controller.abort(new RequestBudgetError(budgetMs));
      }, budgetMs);
      // A pending budget must not keep the process alive.
      timer.unref?.();
      timers.set(request, timer);
      if (caller.aborted) onCallerAbort();
      else caller.addEventListener('abort', onCallerAbort, { once: true });
      return controller.signal;
    },
    release(request) {
      clearTimeout(timers.get(request));
      timers.delete(request);
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
