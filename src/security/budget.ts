/**
 * The per-request time budget toward OfficeRnD (REQUEST_BUDGET_MS): one signal per request that aborts when the
 * caller goes away or when the budget runs out. It is the context's signal, so it reaches every upstream call of
 * the request, retries and waits included. Admission by cost: a query whose calls could not all start before its
 * deadline, behind what is already queued, is refused before it runs, with when to come back.
 */

import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import {
  linkSignal,
  OfficeRnDError,
  type LinkedSignal,
  type OfficeRnDClient,
  type RequestShare,
} from '../officernd/index.ts';
import type { Logger } from '../logger.ts';
import { presentedKey } from './api-keys.ts';
import { createRefusalNotes } from './refusal-notes.ts';

/**
 * The budget ran out while the request waited for the gateway's OfficeRnD capacity (not for OfficeRnD): a slot of the
 * minute's budget (`rate`) or one of the calls in flight at once (`slot`). The caller sees UPSTREAM_BUDGET_EXCEEDED
 * with `retryAfter` (mapped in core/failure.ts), like a call refused before its deadline.
 */
export class BudgetDeadlineError extends OfficeRnDError {
  constructor(budgetMs: number, retryAfterMs: number, waitedFor: 'rate' | 'slot' = 'rate') {
    super({ code: 'UPSTREAM_BUDGET_EXCEEDED', method: 'GET', path: '', retryAfterMs });
    this.name = 'BudgetDeadlineError';
    this.message =
      `Not answered within this request's time budget of ${budgetMs} ms (REQUEST_BUDGET_MS): its OfficeRnD calls ` +
      (waitedFor === 'rate'
        ? "waited for the OfficeRnD budget (UPSTREAM_MAX_REQUESTS_PER_MINUTE, or this API key's share of it), taken by " +
          'the calls queued ahead of them'
        : 'waited for the OfficeRnD budget of calls in flight at once (UPSTREAM_MAX_CONCURRENCY), held by the calls ' +
          'ahead of them; none of them was sent');
  }
}

/** The budget ran out while OfficeRnD was answering: the caller sees UPSTREAM_TIMEOUT (mapped in schema/errors.ts). */
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
  /**
   * Admission by cost: admits the request's `cost` (the cost rule's estimate of its calls, at most
   * MAX_UPSTREAM_CALLS_PER_REQUEST) when that many calls could start before its deadline behind everything ahead of
   * it: in the minute's budget, the calls waiting in the client's limiter and the calls the requests admitted before
   * it have yet to make (their cost less the calls they made, until their answer is out); in the concurrency slots,
   * the calls in flight and those waiting for a slot (with an API key, those served before its own in turn), each
   * holding one for as long as calls take lately (Limiter.slotDelay: 0 while its calls would find a slot free). Else
   * it is refused: nothing is counted, and the refusal says how long until it could be served if nothing else came
   * meanwhile. Always admits without an upstream share.
   */
  admit(request: Request, cost: number): Refusal | undefined;
}

/** Why a request was not admitted, and when it could be. */
export interface Refusal {
  /** ms from now until its calls would fit before its deadline. */
  retryAfterMs: number;
  /**
   * Which budget is spent: the API key's share of the minute's calls, the whole client's, or the calls in flight at
   * once (UPSTREAM_MAX_CONCURRENCY), every one held by calls that will not end in time.
   */
  scope: 'lane' | 'client' | 'slot';
  /** The calls it was refused for. */
  calls: number;
}

/** The upstream side of each request's budget: its share of OfficeRnD calls, and whose lane they use. */
export interface UpstreamShares {
  officernd: Pick<OfficeRnDClient, 'openShare' | 'startDelay' | 'slotDelay'>;
  /** MAX_UPSTREAM_CALLS_PER_REQUEST. */
  maxCalls: number;
  /** True when API keys are set: each key's requests use their own lane of the budget (client keyShare). */
  keyed: boolean;
}

/** The lane of a request: a digest of its API key (never the key), or '' when keys are not in use. */
export function laneOf(request: Request, keyed: boolean): string {
  if (!keyed) return '';
  const key = presentedKey(request.headers);
  return key === null ? '' : createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
}

/**
 * Creates the budget keeper of one gateway: REQUEST_BUDGET_MS as a signal and, with `upstream`, a share of the
 * OfficeRnD calls per request (MAX_UPSTREAM_CALLS_PER_REQUEST, a deadline for rate slots, the key's lane).
 */
export function createRequestBudgets(budgetMs: number, upstream?: UpstreamShares): RequestBudgets {
  const open = new WeakMap<Request, OpenBudget>();
  /** Requests admitted and not answered yet: what they may still call counts ahead of later requests. */
  const admitted = new Set<OpenBudget>();
  const ahead = (lane?: string): number => {
    let calls = 0;
    for (const budget of admitted)
      if (lane === undefined || budget.lane === lane) calls += Math.max(0, budget.cost - (budget.share?.calls ?? 0));
    return calls;
  };
  const close = (budget: OpenBudget | undefined): void => {
    if (budget) admitted.delete(budget);
  };
  const leftOf = (budget: OpenBudget, now: number): number => budgetMs - (now - budget.openedAt);
  /** The least time left to the admitted requests that still have calls to make (of a lane), and to `budget`. */
  const earliest = (budget: OpenBudget, now: number, lane?: string): number => {
    let left = leftOf(budget, now);
    for (const other of admitted)
      if ((lane === undefined || other.lane === lane) && other.cost > (other.share?.calls ?? 0))
        left = Math.min(left, leftOf(other, now));
    return left;
  };
  /**
   * Limiter.slotDelay for a request's calls, in its lane's turn: free slots go to the waiting lanes' calls in turn, so
   * another lane's deep queue (another API key's, or the size learner's `#sizes` walks) is ahead of it by one call a
   * round, not all of it. Requests without API keys share the lane `''`: each other's calls are all ahead.
   */
  const slotDelayOf = (calls: number, lane: string): number =>
    upstream ? upstream.officernd.slotDelay(calls, lane) : 0;
  /**
   * Why a request's time ran out, decided when its signal's timer fires (the one timer of its deadline: the share's
   * deadline for rate slots is the same instant, and a call queued for a concurrency slot leaves the queue by this
   * signal), from where its own calls are at that instant (the client's RequestShare):
   * - one of them is at OfficeRnD (sent, not answered): OfficeRnD was too slow, RequestBudgetError (UPSTREAM_TIMEOUT);
   * - else one of them is waiting in the limiter, not sent (for a concurrency slot, a rate slot, a hold): what it
   *   waited for was the gateway's own OfficeRnD capacity, BudgetDeadlineError (UPSTREAM_BUDGET_EXCEEDED);
   * - else (it waited for a read made for it by another, e.g. the series reach's walk): the budget when no call could
   *   start at once (the minute's calls, or its key's share, are taken), else OfficeRnD was too slow.
   * `retryAfter` estimates when its calls could all start if it came back: behind the calls waiting and those the
   * admitted requests have yet to make, in the minute's budget and in the concurrency slots (Limiter.slotDelay).
   */
  const timeoutOf = (budget: OpenBudget): Error => {
    const share = budget.share;
    if (!upstream || !share || share.inFlight > 0) return new RequestBudgetError(budgetMs);
    const next = Math.max(upstream.officernd.startDelay(1), upstream.officernd.startDelay(1, budget.lane));
    if (share.waiting === 0 && next <= 0) return new RequestBudgetError(budgetMs);
    admitted.delete(budget);
    const again = Math.max(1, budget.cost);
    const rate = Math.max(
      next,
      upstream.officernd.startDelay(ahead() + again) - budgetMs,
      upstream.officernd.startDelay(ahead(budget.lane) + again, budget.lane) - budgetMs,
    );
    // Its own queued calls leave the queue with this abort: they are not ahead of it when it comes back.
    const slot = slotDelayOf(again - share.waiting, budget.lane);
    return new BudgetDeadlineError(budgetMs, Math.max(rate, slot), rate > 0 ? 'rate' : 'slot');
  };
  return {
    signalFor(request) {
      let budget: OpenBudget | undefined;
      const link = linkSignal(request.signal, {
        timeoutMs: budgetMs,
        timeoutReason: () => (budget ? timeoutOf(budget) : new RequestBudgetError(budgetMs)),
      });
      const lane = laneOf(request, upstream?.keyed ?? false);
      const share = upstream?.officernd.openShare({
        signal: link.signal,
        key: lane,
        maxCalls: upstream.maxCalls,
        deadlineMs: budgetMs,
      });
      const opened: OpenBudget = { link, lane, openedAt: performance.now(), cost: 0, ...(share ? { share } : {}) };
      budget = opened;
      close(open.get(request));
      open.set(request, opened);
      // A request that ends without an answer (the caller left, the budget ran out) no longer counts ahead.
      link.signal.addEventListener('abort', () => close(opened), { once: true });
      return link.signal;
    },
    release(request) {
      const budget = open.get(request);
      budget?.link.stopTimer();
      close(budget);
    },
    callsOf(request) {
      return open.get(request)?.share?.calls;
    },
    shareExport(request, signal) {
      upstream?.officernd.openShare({ signal, key: laneOf(request, upstream.keyed) });
    },
    admit(request, cost) {
      const budget = open.get(request);
      if (!upstream || !budget?.share || budget.link.signal.aborted || cost <= 0) return undefined;
      // A request never makes more calls than its share allows, whatever its worst case.
      const calls = Math.min(cost, upstream.maxCalls - budget.cost);
      if (calls <= 0) return undefined;
      // Its calls queue behind what is ahead, and may go before the later calls of requests admitted earlier (a walk
      // calls page after page): all of them must be able to start before the earliest of those deadlines.
      const now = performance.now();
      const client = upstream.officernd.startDelay(ahead() + calls) - earliest(budget, now);
      const lane =
        upstream.officernd.startDelay(ahead(budget.lane) + calls, budget.lane) - earliest(budget, now, budget.lane);
      // The slots: only its calls beyond the free ones wait, behind those queued (with an API key, those served
      // before its own in turn), a round of calls per UPSTREAM_MAX_CONCURRENCY of them. Slow calls ahead (an export's
      // pages at real latency) hold them longer.
      const slot = slotDelayOf(calls, budget.lane) - leftOf(budget, now);
      if (client > 0 || lane > 0 || slot > 0) {
        const retryAfterMs = Math.max(client, lane, slot);
        const scope = retryAfterMs === slot ? 'slot' : lane > client ? 'lane' : 'client';
        return { retryAfterMs, scope, calls };
      }
      budget.cost += calls;
      admitted.add(budget);
      return undefined;
    },
  };
}

interface OpenBudget {
  link: LinkedSignal;
  lane: string;
  /** `performance.now()` when the budget started. */
  openedAt: number;
  /** The calls it was admitted for (0 until then). */
  cost: number;
  share?: RequestShare;
}

/** The answer to a query that was not admitted: UPSTREAM_BUDGET_EXCEEDED with `retryAfter` (s), HTTP 429. */
export function refusalError(refusal: Refusal): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(refusal.retryAfterMs / 1000));
  const spent =
    refusal.scope === 'lane'
      ? 'this API key has used its share of the OfficeRnD budget for now'
      : refusal.scope === 'slot'
        ? 'the OfficeRnD calls in flight at once (UPSTREAM_MAX_CONCURRENCY) are all taken by slower calls for now'
        : 'the OfficeRnD budget (UPSTREAM_MAX_REQUESTS_PER_MINUTE) is spent for now';
  const behind =
    refusal.scope === 'slot'
      ? 'behind the calls in flight and those waiting for a slot'
      : 'behind the calls made, queued or expected this minute';
  const calls = refusal.calls === 1 ? '1 OfficeRnD call' : `${refusal.calls} OfficeRnD calls`;
  return new GraphQLError(
    `Not run: ${spent}. Its ${calls} (the query's cost) could not all start before this request's deadline ` +
      `(REQUEST_BUDGET_MS), ${behind}. Retry in ${retryAfter} s, or ask for less.`,
    {
      extensions: {
        code: 'UPSTREAM_BUDGET_EXCEEDED',
        retryAfter,
        calls: refusal.calls,
        http: { status: 429, headers: { 'retry-after': String(retryAfter) } },
      },
    },
  );
}

export interface RequestBudgetOptions {
  /** The cost the cost rule gave the operation of this context (MAX_COST's measure), when it has one. */
  costOf?: (context: object) => number | undefined;
  /** Where refusals are told: one warning per caller and minute. */
  logger?: Pick<Logger, 'warn'>;
  /**
   * Who a request counts for (security/rate-limit.ts callerOf: its API key, else its address), given the request and
   * the context (which carries the server's `req`); null when unknown. Default: everyone is one caller.
   */
  callerOf?: (request: Request, serverContext: unknown) => string | null;
}

/** The window of the refusal warnings: one line per caller in it. */
const REFUSAL_LOG_WINDOW_MS = 60_000;

/**
 * Admits each query by its cost (RequestBudgets.admit), or answers it at once with the refusal (HTTP 429,
 * `retryAfter`). A client that ignores `retryAfter` can be refused many times a second, so a refusal writes one
 * warning per caller and minute (with the refusals since its previous one), not one line each: the operation log
 * writes its per-request line at debug (ops/index.ts), and the metrics count each as `rejected`.
 * Releases a GraphQL request's budget once its answer is out: a GraphQL answer is complete when it is sent, so its
 * timer need not stay armed for the rest of the budget. Yoga processes a result only for GraphQL requests, so other
 * responses (streamed exports) keep theirs running; and it tells apart those requests without parsing each URL.
 */
export function useRequestBudget(budgets: RequestBudgets, options: RequestBudgetOptions = {}): Plugin {
  const noted = createRefusalNotes();
  const note = (request: Request, context: object, refusal: Refusal): void => {
    const { logger } = options;
    if (!logger) return;
    const who = options.callerOf?.(request, context) ?? 'unknown';
    const refused = noted(who, Date.now() + REFUSAL_LOG_WINDOW_MS);
    if (refused === undefined) return;
    logger.warn('admission by cost: refusing queries the OfficeRnD budget cannot serve before their deadline', {
      caller: who,
      scope: refusal.scope,
      calls: refusal.calls,
      retryAfter: Math.max(1, Math.ceil(refusal.retryAfterMs / 1000)),
      // Refused since this caller's previous line (this one included); the metrics count every refusal.
      refused,
    });
  };
  return {
    // Admission, after the caches and the sharing of identical queries: an answer that makes no call is never refused.
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { request?: Request } | undefined;
      const cost = context && options.costOf?.(context);
      if (!context?.request || !cost) return;
      const refusal = budgets.admit(context.request, cost);
      if (!refusal) return;
      note(context.request, context, refusal);
      // No `data` at all: an answer refused before execution (the operation log reads it so: ops/operations.ts).
      setResultAndStopExecution({ errors: [refusalError(refusal)] });
    },
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
