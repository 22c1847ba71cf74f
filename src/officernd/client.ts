/**
 * The OfficeRnD REST client (v1, or the Flex API v2 through v2.ts): GETs under `/organizations/{org}` through
 * ofetch (transport.ts: over a fetch on undici's dispatcher API and a keep-alive Agent, or over an injected fetch), a bearer token from
 * the single-flight cache (one fresh token and one retry after a 401), pacing by the limiter, bounded retries, and
 * cursor paging.
 * Read-only: every call is a GET.
 */

import {
  COLLECTIONS,
  CREDIT_STATS_PATH,
  OBJECT_ID,
  OCCURRENCES_PATH,
  V1_PAGE_LIMIT,
  DEFAULT_MAX_UPSTREAM_RESPONSE_BYTES,
} from './collections.ts';
import type { ListCollection } from './collections.ts';
import {
  OfficeRnDError,
  OfficeRnDQueryError,
  codeForStatus,
  isUnknownOrganization,
  redact,
  upstreamMessageOf,
} from './errors.ts';
import { BudgetWaitError, createLimiter, RateLimitHoldError } from './limiter.ts';
import { collect, readPage, walkPages, withIds } from './paginate.ts';
import type { Page } from './paginate.ts';
import { toCreditStatsParams, toOccurrenceParams, toQueryParams, toQueryString } from './query.ts';
import type { CreditStatsParams, Filter, ListQuery, OccurrenceParams } from './query.ts';
import { DEFAULT_RETRY, parseRetryAfter, withRetry } from './retry.ts';
import { linkSignal } from './signal.ts';
import { createTokenCache, type TokenStore } from './token.ts';
import { createTransport, networkDetail, tooLargeIn } from './transport.ts';
import {
  apiVersionOf,
  fromV2Item,
  readerOf,
  toV2Query,
  V2_BY_ID,
  V2_PAGE_LIMIT,
  v2Documents,
  v2Path,
  v2ScopeOf,
} from './v2.ts';
import type { OfficeRnDApiVersion } from './v2.ts';
import type { TransportResponse } from './transport.ts';
import type { WireBookingOccurrence, WireCreditStat, WireMap } from './types.ts';

export type { CreditStatsParams, Filter, FilterOp, ListQuery, OccurrenceParams } from './query.ts';
export type { Page } from './paginate.ts';

export interface OfficeRnDLogger {
  debug(msg: string, meta?: Record<string, unknown>): void;
  warn(msg: string, meta?: Record<string, unknown>): void;
}

/**
 * OfficeRnD calls in flight at once by default (UPSTREAM_MAX_CONCURRENCY). OfficeRnD documents no limit on calls in
 * flight, only a rate of reads a minute (§5: ≈400 on v2), which the rate budget enforces (300 a minute by default):
 * this only shapes bursts. 16 halves a large export's wall (sub-windows read this many pages at once: at 150 ms a
 * page, 640 pages take 640 / 16 × 0.15 s = 6 s, where 8 could not do better than 12 s) while a burst of 16 is about
 * 5 % of the minute's budget, and an export holds at most this many open sub-windows of bounded pages in memory.
 * More would shorten little (the budget paces any read over a few hundred pages) and make bursts a larger share.
 */
export const DEFAULT_MAX_CONCURRENCY = 16;

/**
 * The budget several gateway processes share toward OfficeRnD (src/shared-state/upstream-gate.ts, over Redis), on
 * top of this process's own limiter: `take` resolves when one more call may go (the cluster's rate, its calls in
 * flight and any 429 hold) with the function to call once the answer is in; `hold` tells the others OfficeRnD asked
 * to wait until then.
 */
export interface UpstreamGate {
  take(signal?: AbortSignal): Promise<() => void>;
  hold(untilMs: number): void;
}

export interface OfficeRnDClientOptions {
  apiUrl: string;
  tokenUrl: string;
  org: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /**
   * Injectable (the simulator's in-process fetch in tests): ofetch then calls this fetch. Without it, ofetch calls
   * a fetch on undici's dispatcher API over a keep-alive Agent. Token and API requests alike.
   */
  fetch?: typeof fetch;
  /** Per upstream call; default 30 000. */
  timeoutMs?: number;
  /** Largest upstream answer, compressed and decompressed (MAX_UPSTREAM_RESPONSE_BYTES); default 16 MiB. */
  maxResponseBytes?: number;
  /** Concurrent upstream calls; default DEFAULT_MAX_CONCURRENCY (16). */
  maxConcurrency?: number;
  /** Request-rate budget; default 300 (below the ≈400/min of §5). */
  maxRequestsPerMinute?: number;
  /** Default 6 attempts, 200 ms base, 10 s cap (retry.ts DEFAULT_RETRY). */
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  logger?: OfficeRnDLogger;
  /** One token for several gateway processes; default: this process fetches its own. */
  tokenStore?: TokenStore;
  /** The upstream budget shared with other gateway processes; default: this process's limiter alone. */
  upstreamGate?: UpstreamGate;
  /** ms epoch; drives token expiry and the rate windows (tests share one with the simulator). */
  clock?: () => number;
  /**
   * Share of `maxRequestsPerMinute` one caller (an API key's requests: RequestShare.key) may start; the rest of the
   * minute stays free for the others. Default 1: one budget for all.
   */
  keyShare?: number;
  /** Told of every API call sent, retry and 429 hold (metrics, logs, traces: src/ops); must not throw. */
  observe?: (event: UpstreamEvent) => void;
  /**
   * Which OfficeRnD API `apiUrl` serves: v1, or the Flex API v2 (v2.ts translates paths, paging, filters and field
   * names into the v1-shaped model). Default: v2 when the URL's path ends in /v2, else v1.
   */
  apiVersion?: OfficeRnDApiVersion;
}

export type { OfficeRnDApiVersion } from './v2.ts';

/** What one gateway request may spend upstream: calls made with its signal count here (openShare). */
export interface RequestShareOptions {
  /** The request's signal: every call made with it counts against this share. */
  signal: AbortSignal;
  /** Whose budget lane the calls use (an API key's digest; '' for one shared lane). */
  key: string;
  /** Most calls the request may start, retries included (MAX_UPSTREAM_CALLS_PER_REQUEST); none when absent. */
  maxCalls?: number;
  /** ms from now after which a call that would wait for a rate slot is refused instead (REQUEST_BUDGET_MS). */
  deadlineMs?: number;
}

export interface RequestShare {
  readonly key: string;
  /** Upstream calls started for the request so far (each retry and re-send counts). */
  readonly calls: number;
  /** Its calls waiting now in the limiter (for a concurrency slot, a rate slot or a 429's hold): not sent yet. */
  readonly waiting: number;
  /** Its calls sent and not answered yet: at OfficeRnD now. */
  readonly inFlight: number;
}

/** A request's share ran out: too many calls, or no rate slot before its deadline (retryAfterMs then says when). */
class UpstreamBudgetError extends OfficeRnDError {
  constructor(init: { path: string; detail: string; retryAfterMs?: number }) {
    super({ code: 'UPSTREAM_BUDGET_EXCEEDED', method: 'GET', ...init });
    this.name = 'UpstreamBudgetError';
  }
}

/** What `observe` is told. `path` is relative to the organization, without the query string. */
export type UpstreamEvent =
  | {
      type: 'call';
      method: 'GET';
      path: string;
      /** Absent when no answer came (network error, timeout: see `code`). */
      status?: number;
      code?: string;
      /** ms epoch (the client's clock) when the call was sent. */
      startedAt: number;
      durationMs: number;
      /** The caller's signal: which request the call was made for. */
      signal?: AbortSignal;
      /**
       * A failed call that will be sent again: which retry that is (1 for the first) and in how many ms. A failed
       * call's event is told once that is decided, so that one line can say both (src/ops logs it).
       */
      retry?: number;
      retryInMs?: number;
    }
  | { type: 'retry'; path: string; signal?: AbortSignal }
  | { type: 'hold'; ms: number };

export interface CallOptions {
  signal?: AbortSignal;
}

export interface OfficeRnDClientStats {
  /** API requests sent (each retry and each post-401 re-send counts). */
  requests: number;
  /** Token requests sent. */
  tokenRequests: number;
  /** Requests re-sent: transient-failure retries plus re-sends after a 401. */
  retries: number;
}

export interface OfficeRnDClient {
  readonly org: string;
  listPage<C extends ListCollection>(
    c: C,
    query?: ListQuery,
    opts?: CallOptions & {
      cursor?: string | null;
      limit?: number;
      /** Send the optional filters (true) or not (false), as the page a cursor came from did; default: as known. */
      optional?: boolean;
    },
  ): Promise<Page<WireMap[C]>>;
  pages<C extends ListCollection>(
    c: C,
    query?: ListQuery,
    opts?: CallOptions & { max?: number; cursor?: string | null },
  ): AsyncIterable<Page<WireMap[C]>>;
  list<C extends ListCollection>(
    c: C,
    query?: ListQuery,
    opts?: CallOptions & { max: number },
  ): Promise<{ items: WireMap[C][]; complete: boolean }>;
  getById<C extends ListCollection>(c: C, id: string, opts?: CallOptions): Promise<WireMap[C] | null>;
  /** True when `getByIds` can batch (v2's `_id[$in]`, §8); v1 has no multi-id filter. */
  readonly batchesById: boolean;
  /**
   * Whether `getByIds` batches this collection: on v2 until its list refuses `_id[$in]` with a 400 (§8 documents it
   * for charges only, §11.5): from then on this client reads that collection the v1 way.
   */
  batches(c: ListCollection): boolean;
  /** Whether this version has `GET /{c}/{id}` (§8: six collections in v1, fifteen in v2). */
  getsById(c: ListCollection): boolean;
  /** Most items one upstream page holds: 100 on v1, 50 on v2 (§3); also the most ids of one `getByIds` call. */
  readonly pageLimit: number;
  /** The OfficeRnD API version this client speaks. */
  readonly apiVersion: OfficeRnDApiVersion;
  /**
   * Whether a filter on this wire field (v1 name) and operator is sent upstream: always on v1; on v2 only where the
   * list documents it (§4, §6), the rest being left out and checked by the gateway alone.
   */
  sendsFilter(c: ListCollection, field: string, op?: string): boolean;
  /**
   * v2 only: the objects with these ids, read by `_id[$in]` at most 50 ids a call (§8), keyed by id; an id
   * OfficeRnD does not know is absent.
   */
  getByIds<C extends ListCollection>(
    c: C,
    ids: readonly string[],
    opts?: CallOptions,
  ): Promise<Map<string, WireMap[C]>>;
  occurrencePages(
    params: OccurrenceParams,
    opts?: CallOptions & { max?: number; cursor?: string | null },
  ): AsyncIterable<Page<WireBookingOccurrence>>;
  creditStats(params: CreditStatsParams, opts?: CallOptions): Promise<WireCreditStat[]>;
  readonly stats: OfficeRnDClientStats;
  /** Opens a request's share of the upstream budget; calls made with `options.signal` count against it. */
  openShare(options: RequestShareOptions): RequestShare;
  /**
   * Read-only: ms from now until `calls` more calls, after those already waiting, could start: in the client's budget,
   * or with `key` in that lane's share (Limiter.startDelay). Admission by cost reads it (security/budget.ts).
   */
  startDelay(calls: number, key?: string): number;
  /**
   * Read-only: ms from now until `calls` more calls, after those waiting, could hold a concurrency slot; with `key`,
   * after those that go before that lane's in turn (Limiter.slotDelay).
   */
  slotDelay(calls: number, key?: string): number;
  /** Closes the upstream connections once the calls in flight are answered (at shutdown); later calls fail. */
  close(): Promise<void>;
}

type RawResponse = TransportResponse;

type CallEvent = Extract<UpstreamEvent, { type: 'call' }>;

/** A request's share as the client keeps it (openShare); also the limiter's lane of its calls. */
interface OpenShare {
  key: string;
  calls: number;
  maxCalls: number;
  deadline?: number;
  waiting: number;
  inFlight: number;
}

/** A large page crosses the Internet compressed; the transport decodes all three (transport.ts). */
const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Creates a client for one organization and one set of client credentials. */
export function createOfficeRnDClient(options: OfficeRnDClientOptions): OfficeRnDClient {
  const clock = options.clock ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const logger = options.logger;
  const retryPolicy = { ...DEFAULT_RETRY, ...definedOnly(options.retry ?? {}) };
  const basePath = `/organizations/${encodeURIComponent(options.org)}`;
  const v2 = (options.apiVersion ?? apiVersionOf(options.apiUrl)) === 'v2';
  const baseUrl = `${options.apiUrl.replace(/\/+$/, '')}${basePath}`;
  // Our own retry (retry.ts) and status handling are the transport's callers.
  const transport = createTransport({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_UPSTREAM_RESPONSE_BYTES,
  });
  const tokens = createTokenCache({
    tokenUrl: options.tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    scope: options.scope,
    send: transport.send,
    clock,
    timeoutMs,
    ...(options.tokenStore ? { store: options.tokenStore } : {}),
  });
  const limiter = createLimiter({
    maxConcurrency: options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
    maxRequestsPerMinute: options.maxRequestsPerMinute ?? 300,
    clock,
    ...(options.keyShare === undefined ? {} : { laneShare: options.keyShare }),
  });
  const counters = { requests: 0, retries: 0 };
  const observe = options.observe;
  /** Open shares by request signal; a share ends with its request (nothing else holds the signal). */
  const shares = new WeakMap<AbortSignal, OpenShare>();

  /** Counts a call against its request's share, refusing it once the share is spent. */
  const spend = (signal: AbortSignal | undefined, errorPath: string): OpenShare | undefined => {
    const share = signal ? shares.get(signal) : undefined;
    if (!share) return undefined;
    if (share.calls >= share.maxCalls) {
      throw new UpstreamBudgetError({
        path: errorPath,
        detail: `not sent: this request has made its ${share.maxCalls} OfficeRnD calls (MAX_UPSTREAM_CALLS_PER_REQUEST); ask for fewer rows or links`,
      });
    }
    share.calls++;
    return share;
  };

  const secrets = (...extra: string[]): string[] => [options.clientSecret, ...tokens.known(), ...extra];

  /**
   * One HTTP GET with one token, paced by the limiter and bounded by the timeout; its call event goes to `report`
   * (get holds a failed call's event until it knows whether the call is retried).
   */
  const send = (
    relative: string,
    errorPath: string,
    token: string,
    signal: AbortSignal | undefined,
    report: (event: CallEvent) => void,
  ): Promise<RawResponse> => {
    const lane = spend(signal, errorPath);
    // Where the call is when its request's deadline comes (security/budget.ts tells the two apart): waiting in the
    // limiter or the shared gate, not sent yet; then at OfficeRnD until it is answered.
    let waiting = lane !== undefined;
    if (lane) lane.waiting++;
    const sent = (): void => {
      if (!lane || !waiting) return;
      waiting = false;
      lane.waiting--;
      lane.inFlight++;
    };
    return limiter
      .run(
        async () => {
          const release = await options.upstreamGate?.take(signal);
          sent();
          const call = linkSignal(signal, { timeoutMs });
          counters.requests++;
          const startedAt = clock();
          const path = relative.split('?', 1)[0]!;
          try {
            const response = await transport.send(
              `${baseUrl}${relative}`,
              {
                method: 'GET',
                headers: {
                  authorization: `Bearer ${token}`,
                  accept: 'application/json',
                  'accept-encoding': ACCEPT_ENCODING,
                },
              },
              call.signal,
            );
            limiter.observe(response.headers);
            if (response.status === 429) holdFor(response.headers);
            const ms = clock() - startedAt;
            logger?.debug('officernd request', { method: 'GET', path: errorPath, status: response.status, ms });
            report({
              type: 'call',
              method: 'GET',
              path,
              status: response.status,
              startedAt,
              durationMs: ms,
              signal,
            });
            return response;
          } catch (error) {
            // ofetch's FetchError exposes the request options (with the bearer header), and undici's errors name the
            // socket: never rethrow or wrap them; networkDetail reads their error code alone.
            const code = signal?.aborted ? 'CANCELLED' : call.timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE';
            report({ type: 'call', method: 'GET', path, code, startedAt, durationMs: clock() - startedAt, signal });
            if (signal?.aborted) throw signal.reason;
            const tooLarge = tooLargeIn(error);
            const failure = call.timedOut
              ? { code: 'UPSTREAM_TIMEOUT' as const, detail: `no answer within ${timeoutMs} ms` }
              : tooLarge
                ? { code: 'UPSTREAM_RESPONSE_TOO_LARGE' as const, detail: tooLarge.message }
                : { code: 'UPSTREAM_UNAVAILABLE' as const, detail: networkDetail(error) };
            throw new OfficeRnDError({ ...failure, method: 'GET', path: errorPath });
          } finally {
            call.done();
            release?.();
            if (lane) lane.inFlight--;
          }
        },
        signal,
        lane,
      )
      .catch((error: unknown) => {
        // Never sent (refused, or its wait ended): it waits no more.
        if (lane && waiting) {
          waiting = false;
          lane.waiting--;
        }
        // No rate slot before the request's deadline: say when there will be one, rather than wait past it.
        if (error instanceof BudgetWaitError) {
          throw new UpstreamBudgetError({
            path: errorPath,
            retryAfterMs: error.retryAfterMs,
            detail:
              error.scope === 'lane'
                ? `not sent: this API key has used its share of the OfficeRnD budget for the minute; the next call slot is after this request's deadline (REQUEST_BUDGET_MS)`
                : `not sent: the OfficeRnD budget (UPSTREAM_MAX_REQUESTS_PER_MINUTE) is spent; the next call slot is after this request's deadline (REQUEST_BUDGET_MS)`,
          });
        }
        // The caller's time ran out while OfficeRnD had asked everyone to wait: say so, rather than "aborted".
        if (error instanceof RateLimitHoldError) {
          throw new OfficeRnDError({
            code: 'UPSTREAM_RATE_LIMITED',
            method: 'GET',
            path: errorPath,
            retryAfterMs: error.remainingMs,
            detail: 'not sent: OfficeRnD asked to wait (Retry-After) longer than this request had left',
          });
        }
        throw error;
      });
  };

  /**
   * A 429 asks the client, not one call, to slow down: every call not yet sent waits for its Retry-After (seconds or
   * HTTP date), capped like a retry's wait (retry.ts maxDelayMs) so a huge value cannot stall the gateway.
   */
  const holdFor = (headers: Headers): void => {
    const now = clock();
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
    if (retryAfterMs === undefined) return;
    const ms = Math.min(retryAfterMs, retryPolicy.maxDelayMs);
    limiter.hold(now + ms);
    options.upstreamGate?.hold(now + ms);
    observe?.({ type: 'hold', ms });
  };

  /** GET with token handling (§1: one fresh token and one re-send after a 401) and retries. */
  const get = (
    path: string,
    params: URLSearchParams,
    signal: AbortSignal | undefined,
    allowNotFound = false,
    optionalKeys?: ReadonlySet<string>,
  ) => {
    // v2: its own path, paging and filter spelling, and only the parameters the list documents (v2.ts).
    const v2Query = v2 ? toV2Query(path, params) : undefined;
    // A filter v2 does not document is left out (a 400 otherwise, §4): the gateway checks every filter on the rows it
    // reads (core/filters.ts), so the answer stays exact; only more pages are read.
    if (v2Query && v2Query.dropped.length > 0) {
      const relied = v2Query.dropped.filter((key) => !optionalKeys?.has(key));
      if (relied.length > 0)
        logger?.debug('officernd v2 does not document these filters; checked in the gateway', {
          path: v2Path(path),
          filters: relied.join(','),
        });
    }
    const query = toQueryString(v2Query ? v2Query.params : params);
    const wirePath = v2 ? v2Path(path) : path;
    const relative = query === '' ? wirePath : `${wirePath}?${query}`;
    const errorPath = `${basePath}${relative}`;
    // A failed call's event waits for the retry decision (withRetry's onRetry, or the end of the read), so that it
    // says whether and when the call is sent again: one event, and one log line, per failed call.
    let failed: CallEvent | undefined;
    const tell = (retry?: { retry: number; retryInMs: number }): void => {
      if (!failed) return;
      const event = failed;
      failed = undefined;
      observe?.(retry ? { ...event, ...retry } : event);
    };
    const report = (event: CallEvent): void => {
      tell();
      if (event.code !== undefined || (event.status ?? 0) >= 400) failed = event;
      else observe?.(event);
    };
    return withRetry(
      async () => {
        let token = await tokens.get(signal);
        let response = await send(relative, errorPath, token, signal, report);
        if (response.status === 401) {
          tokens.invalidate(token);
          counters.retries++;
          tell();
          observe?.({ type: 'retry', path: path, signal });
          token = await tokens.get(signal);
          response = await send(relative, errorPath, token, signal, report);
        }
        if (response.status >= 200 && response.status < 300) return response;
        if (response.status === 404 && allowNotFound) return response;
        throw upstreamError(response, errorPath, secrets(token), path);
      },
      retryPolicy,
      {
        ...(signal ? { signal } : {}),
        onRetry: ({ error, retry, delayMs }) => {
          counters.retries++;
          tell({ retry, retryInMs: delayMs });
          observe?.({ type: 'retry', path, signal });
          const status = error instanceof OfficeRnDError ? error.status : undefined;
          const code = error instanceof OfficeRnDError ? error.code : undefined;
          // With an observer (src/ops), the failed call's own warn line says it is retried (retry, retryInMs): this
          // one is detail. A client without one (a script, a test) keeps its warning.
          const meta = { method: 'GET', path: errorPath, status, code, retry, delayMs };
          if (observe) logger?.debug('officernd retry', meta);
          else logger?.warn('officernd retry', meta);
        },
      },
    )
      .then((response) => ({ response, errorPath }))
      .finally(() => tell());
  };

  const upstreamError = (response: RawResponse, errorPath: string, hidden: string[], path: string): OfficeRnDError => {
    const message = upstreamMessageOf(response.body);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock());
    // §9: an unknown organization slug comes back as a 500; it is our configuration, and no retry will fix it.
    if (isUnknownOrganization(message)) {
      return new OfficeRnDError({
        code: 'UPSTREAM_BAD_REQUEST',
        status: response.status,
        method: 'GET',
        path: errorPath,
        ...(message === undefined ? {} : { upstreamMessage: redact(message, hidden) }),
        detail: `(OfficeRnD does not know the organization slug ${JSON.stringify(options.org)}: check OFFICERND_ORG)`,
      });
    }
    // §9 (S6): v2 answers 401 (staging; 403 would mean the same) to a fresh token that lacks the endpoint's scope:
    // name the scope to grant and what it is needed for.
    const scope = v2 && (response.status === 401 || response.status === 403) ? v2ScopeOf(path) : undefined;
    return new OfficeRnDError({
      code: codeForStatus(response.status),
      status: response.status,
      method: 'GET',
      path: errorPath,
      ...(message === undefined ? {} : { upstreamMessage: redact(message, hidden) }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ...(scope === undefined
        ? {}
        : {
            detail: `(${response.status === 401 ? 'a fresh token was refused too: ' : ''}the token lacks scope ${scope}, needed by ${readerOf(path)}; grant it to the API application and list it in OFFICERND_SCOPE)`,
          }),
    });
  };

  const badBody = (errorPath: string, status: number): OfficeRnDError =>
    new OfficeRnDError({
      code: 'UPSTREAM_UNAVAILABLE',
      method: 'GET',
      path: errorPath,
      status,
      detail: 'unexpected response body',
    });

  /** One list request; items are the wire objects as sent (typed by the caller's collection). */
  const fetchPage = async <T>(
    path: string,
    params: URLSearchParams,
    cursor: string | null | undefined,
    limit: number | undefined,
    signal: AbortSignal | undefined,
    normalise: boolean,
    optionalKeys?: ReadonlySet<string>,
  ): Promise<Page<T>> => {
    const paged = new URLSearchParams(params);
    paged.set('$limit', String(Math.min(clampLimit(limit), v2 ? V2_PAGE_LIMIT : V1_PAGE_LIMIT)));
    // §3: v1 sends the next-page cursor back as `$next` (v2.ts spells it `$cursorNext`).
    if (cursor) paged.set('$next', cursor);
    const { response, errorPath } = await get(path, paged, signal, false, optionalKeys);
    const page = readPage(response.body, response.headers);
    if (page === null) throw badBody(errorPath, response.status);
    const wire = v2 ? page.items.map((item) => fromV2Item(path, item)) : page.items;
    const items = normalise ? withIds(wire) : wire;
    return { ...page, items: items as unknown as T[] };
  };

  /** Collections whose v2 list refused `_id[$in]` (a 400): read by id the v1 way from then on. */
  const unbatched = new Set<string>();

  /** Optional filters OfficeRnD has refused, by collection and `field.$op`: never sent again by this client. */
  const refused = new Set<string>();
  const optionalKey = (c: ListCollection, f: { field: string; op: string }) => `${c}|${f.field}.${f.op}`;
  /** The query as sent: its filters plus the optional ones OfficeRnD has not refused. */
  const effective = (c: ListCollection, query: ListQuery | undefined): { sent: ListQuery; optional: Filter[] } => {
    const optional = (query?.optional ?? []).filter((f) => !refused.has(optionalKey(c, f)));
    return { sent: { ...query, filters: [...(query?.filters ?? []), ...optional], optional: [] }, optional };
  };

  /**
   * Reads one page. A 400 to a query with optional filters is answered by reading again with the other variant
   * (without them, or — for a cursor made before they were refused elsewhere — with them): a cursor belongs to the
   * query it was issued for. The filters are remembered as refused only when the read without them succeeds on a
   * first page, so an unrelated 400 does not turn push-down off.
   */
  const fetchListPage = async <C extends ListCollection>(
    c: C,
    query: ListQuery | undefined,
    cursor: string | null | undefined,
    limit: number | undefined,
    signal: AbortSignal | undefined,
    force?: boolean,
  ): Promise<Page<WireMap[C]>> => {
    const all = query?.optional ?? [];
    const optionalKeys = new Set(all.map((f) => (f.op === 'eq' ? f.field : `${f.field}.$${f.op}`)));
    const variant = (withOptional: boolean): ListQuery => ({
      ...query,
      filters: [...(query?.filters ?? []), ...(withOptional ? all : [])],
      optional: [],
    });
    const read = async (withOptional: boolean): Promise<Page<WireMap[C]>> => {
      const page = await fetchPage<WireMap[C]>(
        `/${c}`,
        toQueryParams(variant(withOptional), collectionSpec(c).path),
        cursor,
        limit,
        signal,
        true,
        optionalKeys,
      );
      return all.length > 0 ? { ...page, optionalSent: withOptional } : page;
    };
    // A resumed page keeps the variant its cursor (or offset) was made with.
    if (force !== undefined && all.length > 0) return read(force);
    const { optional } = effective(c, query);
    const withOptional = optional.length > 0;
    try {
      return await read(withOptional);
    } catch (error) {
      if (all.length === 0 || !(error instanceof OfficeRnDError) || error.code !== 'UPSTREAM_BAD_REQUEST') throw error;
      // First page: try without them. Cursor page: try the variant the cursor may have been made for.
      if (!cursor && !withOptional) throw error;
      const page = await read(!withOptional);
      if (!cursor && withOptional) {
        for (const f of optional) refused.add(optionalKey(c, f));
        logger?.warn('officernd refused optional filters; reading without them', {
          collection: c,
          filters: optional.map((f) => `${f.field}.$${f.op}`).join(','),
        });
      }
      return page;
    }
  };

  const client: OfficeRnDClient = {
    org: options.org,

    async listPage(c, query, opts = {}) {
      // fetchListPage builds (and so validates) the query before any request.
      return fetchListPage(c, query, opts.cursor, opts.limit, opts.signal, opts.optional);
    },

    pages(c, query, opts = {}) {
      // Validated now, so a bad query throws before any request.
      toQueryParams(query, collectionSpec(c).path);
      const max = checkMax(opts.max);
      return walkPages((cursor, limit) => fetchListPage(c, query, cursor, limit, opts.signal), {
        ...(max === undefined ? {} : { max }),
        cursor: opts.cursor ?? null,
        path: `${basePath}/${c}`,
      });
    },

    async list(c, query, opts) {
      const max = checkMax(opts?.max);
      if (max === undefined) throw new OfficeRnDQueryError('list() needs a positive integer max (no unbounded reads)');
      return collect(client.pages(c, query, { ...opts, max }), max);
    },

    async getById(c, id, opts = {}) {
      if (v2 ? !V2_BY_ID.has(c) : !collectionSpec(c).byId) {
        // §8: each version has by-id endpoints for some collections only.
        throw new OfficeRnDQueryError(`OfficeRnD ${v2 ? 'v2' : 'v1'} has no GET /${c}/{id}; list ${c} instead`);
      }
      // §6: ids are 24-hex; upstream answers 404 for anything else (§8), so skip the request.
      if (!OBJECT_ID.test(id)) return null;
      const { response, errorPath } = await get(`/${c}/${id}`, new URLSearchParams(), opts.signal, true);
      if (response.status === 404) return null;
      const body = response.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badBody(errorPath, response.status);
      const [item] = withIds([
        v2 ? fromV2Item(`/${c}`, body as Record<string, unknown>) : (body as Record<string, unknown>),
      ]);
      return (item ?? null) as WireMap[typeof c] | null;
    },

    batchesById: v2,
    batches: (c) => v2 && !unbatched.has(c),
    getsById: (c) => (v2 ? V2_BY_ID.has(c) : collectionSpec(c).byId),
    pageLimit: v2 ? V2_PAGE_LIMIT : V1_PAGE_LIMIT,
    apiVersion: v2 ? 'v2' : 'v1',
    sendsFilter: (c, field, op = 'eq') => !v2 || v2Documents(c, field, op),

    async getByIds(c, ids, opts = {}) {
      if (!v2) throw new OfficeRnDQueryError(`OfficeRnD v1 has no multi-id filter; use getById or list ${c}`);
      if (unbatched.has(c))
        throw new OfficeRnDQueryError(`OfficeRnD v2 refused _id[$in] on /${c}; use getById or list it`);
      collectionSpec(c);
      // §6: ids are 24-hex; anything else cannot match (§8), so it is not sent.
      const wanted = [...new Set(ids)].filter((id) => OBJECT_ID.test(id));
      const chunks: string[][] = [];
      for (let at = 0; at < wanted.length; at += V2_PAGE_LIMIT) chunks.push(wanted.slice(at, at + V2_PAGE_LIMIT));
      const found = new Map<string, WireMap[typeof c]>();
      const refused = (error: unknown): never => {
        if (error instanceof OfficeRnDError && error.code === 'UPSTREAM_BAD_REQUEST' && !unbatched.has(c)) {
          unbatched.add(c);
          logger?.warn('officernd v2 refused _id[$in]; reading this collection by id the v1 way', { collection: c });
        }
        throw error;
      };
      await Promise.all(
        chunks.map(async (chunk) => {
          const params = new URLSearchParams({ '_id.$in': chunk.join(',') });
          const walk = walkPages(
            (cursor, limit) => fetchPage<WireMap[typeof c]>(`/${c}`, params, cursor, limit, opts.signal, true),
            {
              max: chunk.length,
              cursor: null,
              path: `${basePath}/${c}`,
            },
          );
          for await (const page of walk) for (const item of page.items) found.set((item as { _id: string })._id, item);
        }),
      ).catch(refused);
      return found;
    },

    occurrencePages(params, opts = {}) {
      const query = toOccurrenceParams(params);
      const max = checkMax(opts.max);
      return walkPages(
        (cursor, limit) =>
          fetchPage<WireBookingOccurrence>(`/${OCCURRENCES_PATH}`, query, cursor, limit, opts.signal, false),
        { ...(max === undefined ? {} : { max }), cursor: opts.cursor ?? null, path: `${basePath}/${OCCURRENCES_PATH}` },
      );
    },

    async creditStats(params, opts = {}) {
      const query = toCreditStatsParams(params);
      const { response, errorPath } = await get(`/${CREDIT_STATS_PATH}`, query, opts.signal);
      const page = readPage(response.body, response.headers);
      if (page === null) throw badBody(errorPath, response.status);
      const items = v2 ? page.items.map((item) => fromV2Item(`/${CREDIT_STATS_PATH}`, item)) : page.items;
      return items as unknown as WireCreditStat[];
    },

    get stats() {
      return { requests: counters.requests, tokenRequests: tokens.requests, retries: counters.retries };
    },

    openShare(share) {
      const open: OpenShare = {
        key: share.key,
        calls: 0,
        waiting: 0,
        inFlight: 0,
        maxCalls: share.maxCalls ?? Number.POSITIVE_INFINITY,
        ...(share.deadlineMs === undefined ? {} : { deadline: clock() + share.deadlineMs }),
      };
      shares.set(share.signal, open);
      return {
        key: open.key,
        get calls() {
          return open.calls;
        },
        get waiting() {
          return open.waiting;
        },
        get inFlight() {
          return open.inFlight;
        },
      };
    },

    startDelay: (calls, key) => limiter.startDelay(calls, key),
    slotDelay: (calls, key) => limiter.slotDelay(calls, key),

    close: () => transport.close(),
  };
  return client;
}

function collectionSpec(c: string) {
  const spec = (COLLECTIONS as Record<string, (typeof COLLECTIONS)[ListCollection] | undefined>)[c];
  if (!spec) throw new OfficeRnDQueryError(`Unknown OfficeRnD collection ${JSON.stringify(c)}`);
  return spec;
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return V1_PAGE_LIMIT;
  return Math.max(1, Math.min(V1_PAGE_LIMIT, Math.floor(limit)));
}

function checkMax(max: number | undefined): number | undefined {
  if (max === undefined) return undefined;
  if (!Number.isInteger(max) || max < 1) throw new OfficeRnDQueryError(`max must be a positive integer, got ${max}`);
  return max;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
