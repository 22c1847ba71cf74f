/**
 * The OfficeRnD v1 simulator: token endpoint, read API, faults and request log behind one
 * `handle(request)`, usable in-process (`sim.fetch`) or over HTTP (`sim.listen()`).
 * Behaviour follows shared/officernd-api.md, strictly where the doc is sure (§10).
 */

import { createApi } from './api.ts';
import { createFaultEngine, type FaultOptions, type FaultPlan } from './faults.ts';
import { generateDataset, type Dataset } from './generate.ts';
import {
  errorResponse,
  fromFetchRequest,
  HttpError,
  jsonResponse,
  reasonPhrase,
  toFetchResponse,
  type SimRequest,
  type SimResponse,
} from './http.ts';
import { listen, type Listening } from './listen.ts';
import { V1_FILTER_MODES, type V1FilterMode } from './model.ts';
import { createRequestLog, type RequestLog, type RequestLogEntry } from './request-log.ts';
import { API_ROOT, parseApiPath, routeCollection, TOKEN_PATH, type ApiPath } from './routes.ts';
import { withSparseFlags } from './sparse-flags.ts';
import { createTokenStore, type SimulatorClient } from './tokens.ts';

export interface SimulatorOptions {
  /** Org slug served under `/api/v1/organizations/{org}`; default 'demo' (or the given dataset's slug). */
  org?: string;
  /** Data seed; default 42. */
  seed?: number;
  /** Data scale; default 1. */
  scale?: number;
  /** Years of booking history (generateDataset `years`); default 1. `{ scale: 3.2, years: 2 }` ≈ 51,200 bookings. */
  years?: number;
  /** Data anchor passed to generateDataset; default start of the current UTC day. */
  now?: Date;
  /** Serve this dataset instead of generating one (tests share one generated dataset). */
  dataset?: Dataset;
  /** Default: demo-client / demo-secret with `officernd.api.read`. */
  clients?: SimulatorClient[];
  /** Default 3600; `expires_in` answers ttl - 1 (§1). */
  tokenTtlSeconds?: number;
  /** ms epoch for token expiry and rate windows; default Date.now. */
  clock?: () => number;
  faults?: FaultOptions;
  /** Called after each request with its log entry (the CLI prints them). */
  onRequest?: (entry: RequestLogEntry) => void;
  /** How many log entries are kept; default 100 000. */
  requestLogLimit?: number;
  /**
   * v1 list filters without public evidence (shared/officernd-api.md §4): `all` applies them (default),
   * `documented` ignores them silently and serves about half of the bookings without their false
   * `canceled`/`tentative`/`free` flags, `strict` answers 400 `{message}` to them.
   */
  v1Filters?: V1FilterMode;
}

export interface Simulator {
  readonly org: string;
  /** The data as served (in `documented` mode, bookings without the omitted false flags). */
  readonly dataset: Dataset;
  readonly v1Filters: V1FilterMode;
  /** 'http://officernd.simulator' for the in-process fetch. */
  readonly origin: string;
  readonly apiUrl: string;
  readonly tokenUrl: string;
  /** In-process fetch; a dropped connection rejects with TypeError('fetch failed'). */
  fetch: typeof fetch;
  handle(request: Request): Promise<Response>;
  listen(port?: number, host?: string): Promise<Listening>;
  readonly log: RequestLog;
  /** Replaces the current fault set (rate windows and the fault PRNG start afresh). */
  setFaults(faults: FaultOptions): void;
  /** Every issued token becomes invalid (401). */
  expireTokens(): void;
  readonly tokensIssued: number;
}

export const SIMULATOR_ORIGIN = 'http://officernd.simulator';
/** The demo credentials: public test data, printed by the CLI. */
export const DEFAULT_CLIENT: Readonly<SimulatorClient> = Object.freeze({
  clientId: 'demo-client',
  clientSecret: 'demo-secret',
  scopes: Object.freeze(['officernd.api.read']),
});

const startOfUtcDay = (ms: number): Date => new Date(Math.floor(ms / 86_400_000) * 86_400_000);

/** Waits at least `ms` of monotonic time (timers may fire a little early). */
async function sleep(ms: number): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) {
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
  }
}

const fetchFailed = (): TypeError => new TypeError('fetch failed', { cause: new Error('socket hang up') });

/** Resolves with the promise, or rejects with the signal's reason once it aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Creates a simulator: a generated (or given) dataset behind the v1 wire format. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 42;
  const clock = options.clock ?? Date.now;
  const org = options.org ?? options.dataset?.org.slug ?? 'demo';
  const v1Filters = options.v1Filters ?? 'all';
  if (!V1_FILTER_MODES.includes(v1Filters)) throw new RangeError(`v1Filters must be one of ${V1_FILTER_MODES.join(', ')}, got ${String(v1Filters)}`);
  const generated =
    options.dataset ??
    generateDataset({ seed, scale: options.scale ?? 1, years: options.years ?? 1, now: options.now ?? startOfUtcDay(Date.now()), org });
  const dataset = v1Filters === 'documented' ? withSparseFlags(generated, seed) : generated;
  const api = createApi(dataset, v1Filters);
  const tokens = createTokenStore({
    clients: options.clients ?? [DEFAULT_CLIENT],
    ttlSeconds: options.tokenTtlSeconds ?? 3600,
    clock,
  });
  const log = createRequestLog(options.requestLogLimit, options.onRequest);
  let faults = createFaultEngine(options.faults ?? {}, seed, clock);

  const answerToken = (request: SimRequest, url: URL): Promise<SimResponse> | SimResponse =>
    request.method === 'POST' ? tokens.handleTokenRequest(request) : errorResponse(404, `Cannot ${request.method} ${url.pathname}`);

  const answerApi = (request: SimRequest, url: URL, apiPath: ApiPath | null): SimResponse => {
    const notFound = (): SimResponse => errorResponse(404, `Cannot ${request.method} ${url.pathname}`);
    if (!apiPath) return notFound();
    // §1: bearer token on every API call; §9: v1 errors carry `message`.
    const auth = request.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match?.[1] || !tokens.isValid(match[1])) {
      return errorResponse(401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
    }
    // §9: an unknown org slug is a 500 upstream (a bug, but the real behaviour).
    if (apiPath.org !== org) return errorResponse(500, 'Organization not found');
    // Read-only simulator: other methods have no route, so they get Express's 404 like unknown paths.
    if (request.method !== 'GET' || !apiPath.route) return notFound();
    return api.answer(apiPath.route, url.searchParams);
  };

  const faultResponse = (plan: FaultPlan, kind: RequestLogEntry['kind']): SimResponse | null => {
    if (plan.retryAfterSeconds !== null) {
      const headers = { 'retry-after': String(plan.retryAfterSeconds) };
      return kind === 'token'
        ? jsonResponse(429, { error: 'rate_limited', error_description: 'Too many token requests' }, headers)
        : errorResponse(429, 'Too Many Requests', headers);
    }
    if (plan.errorStatus !== null) return errorResponse(plan.errorStatus, reasonPhrase(plan.errorStatus));
    return null;
  };

  /** Answers one request; null means the connection is dropped. */
  const respond = async (request: SimRequest): Promise<SimResponse | null> => {
    const started = performance.now();
    const at = clock();
    const url = new URL(request.url);
    const kind: RequestLogEntry['kind'] = url.pathname === TOKEN_PATH ? 'token' : 'api';
    const apiPath = kind === 'api' ? parseApiPath(url.pathname) : null;
    const route = apiPath?.route ?? null;
    const record = (status: number): void =>
      log.add({
        at,
        method: request.method,
        path: url.pathname,
        collection: routeCollection(route),
        id: route?.kind === 'by-id' ? route.id : null,
        query: Object.fromEntries(url.searchParams),
        status,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        kind,
      });

    const plan = faults.plan(kind);
    if (plan.drop) {
      record(0);
      return null;
    }
    if (plan.delayMs > 0) await sleep(plan.delayMs);
    let response: SimResponse;
    try {
      response = faultResponse(plan, kind) ?? (kind === 'token' ? await answerToken(request, url) : answerApi(request, url, apiPath));
    } catch (error) {
      response =
        error instanceof HttpError
          ? errorResponse(error.status, error.message, error.headers)
          : errorResponse(500, `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const [name, value] of Object.entries(plan.headers)) response.headers[name] = value;
    record(response.status);
    return response;
  };

  const handle = async (request: Request): Promise<Response> => {
    const response = await respond(fromFetchRequest(request));
    if (!response) throw fetchFailed();
    return toFetchResponse(response);
  };

  return {
    org,
    dataset,
    v1Filters,
    origin: SIMULATOR_ORIGIN,
    apiUrl: `${SIMULATOR_ORIGIN}${API_ROOT}`,
    tokenUrl: `${SIMULATOR_ORIGIN}${TOKEN_PATH}`,
    fetch: (input, init) => {
      const request = new Request(input, init);
      return raceAbort(handle(request), request.signal);
    },
    handle,
    listen: (port, host) => listen(respond, port, host),
    log,
    setFaults: (next) => {
      faults = createFaultEngine(next, seed, clock);
    },
    expireTokens: () => tokens.expireAll(),
    get tokensIssued() {
      return tokens.issued;
    },
  };
}
