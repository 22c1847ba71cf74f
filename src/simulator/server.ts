/**
 * The OfficeRnD simulator: token endpoint, v1 and v2 (Flex) read APIs, faults and request log behind
 * one `handle(request)`, usable in-process (`sim.fetch`) or over HTTP (`sim.listen()`).
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
  v2ErrorResponse,
  type SimRequest,
  type SimResponse,
} from './http.ts';
import { listen, type Listening } from './listen.ts';
import {
  V1_FILTER_MODES,
  V1_POPULATE_MODES,
  type V1Collection,
  type V1FilterMode,
  type V1PopulateMode,
} from './model.ts';
import { createWebhookSender, WEBHOOK_OBJECTS, type WebhookDelivery, type WebhookOptions } from './webhooks.ts';
import { createRequestLog, type RequestLog, type RequestLogEntry } from './request-log.ts';
import {
  API_ROOT,
  API_V2_ROOT,
  parseApiPath,
  parseV2ApiPath,
  routeCollection,
  TOKEN_PATH,
  v2RouteCollection,
  type ApiPath,
  type V2ApiPath,
} from './routes.ts';
import { createV2Api, toV2Item } from './v2.ts';
import { FLEX_READ_SCOPES, V2_READ_SCOPES } from './v2-model.ts';
import { createV2RateLimiter, type V2RateLimit } from './v2-rate.ts';
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
  /** Bookings per member as a multiple of the default (generateDataset `bookingDensity`); default 1. */
  bookingDensity?: number;
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
  /**
   * v1 `$populate` (§4, populate.ts): `honoured` (default) populates the named references, `ignored` answers bare ids,
   * `refused` answers 400. v2 lists refuse it whatever this says (§2: removed; strict validation, §4).
   */
  v1Populate?: V1PopulateMode;
  /**
   * References `$populate` leaves bare ids while the others are populated (`honoured` mode, populate.ts): e.g.
   * `['office']`, a reference this OfficeRnD does not populate. Default none.
   */
  v1Unpopulated?: readonly string[];
  /** v2 read budget behind the `x-ratelimit-*-read-minute/day` headers and 429s (§5); default 10,000/min, 1,000,000/day. */
  v2RateLimit?: V2RateLimit;
  /** Send a signed webhook (§8a) to this URL on every `create`/`update`/`remove`; default none. */
  webhooks?: WebhookOptions;
}

export interface Simulator {
  readonly org: string;
  /** The data as served (in `documented` mode, bookings without the omitted false flags), changes included. */
  readonly dataset: Dataset;
  /**
   * Changes the data as OfficeRnD would (tests and demos): the next reads, v1 and v2, see the change, and
   * when `webhooks` is set a signed `<object>.created|updated|removed` event is POSTed; resolves with its
   * delivery (null without webhooks). `update` stamps `modifiedAt` unless the changes set it.
   */
  create(collection: V1Collection, item: { _id: string } & Record<string, unknown>): Promise<WebhookDelivery | null>;
  update(collection: V1Collection, id: string, changes: Record<string, unknown>): Promise<WebhookDelivery | null>;
  remove(collection: V1Collection, id: string): Promise<WebhookDelivery | null>;
  readonly v1Filters: V1FilterMode;
  readonly v1Populate: V1PopulateMode;
  /** 'http://officernd.simulator' for the in-process fetch. */
  readonly origin: string;
  readonly apiUrl: string;
  /** `{origin}/api/v2`: the Flex API served from the same data (append `/organizations/{org}`). */
  readonly apiV2Url: string;
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
/** The demo credentials: public test data, printed by the CLI. Granted v1's read scope and every flex read scope (§1). */
export const DEFAULT_CLIENT: Readonly<SimulatorClient> = Object.freeze({
  clientId: 'demo-client',
  clientSecret: 'demo-secret',
  scopes: Object.freeze(['officernd.api.read', ...FLEX_READ_SCOPES]),
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
  if (!V1_FILTER_MODES.includes(v1Filters))
    throw new RangeError(`v1Filters must be one of ${V1_FILTER_MODES.join(', ')}, got ${String(v1Filters)}`);
  const v1Populate = options.v1Populate ?? 'honoured';
  if (!V1_POPULATE_MODES.includes(v1Populate))
    throw new RangeError(`v1Populate must be one of ${V1_POPULATE_MODES.join(', ')}, got ${String(v1Populate)}`);
  const v1Unpopulated = [...(options.v1Unpopulated ?? [])];
  const generated =
    options.dataset ??
    generateDataset({
      seed,
      scale: options.scale ?? 1,
      years: options.years ?? 1,
      ...(options.bookingDensity === undefined ? {} : { bookingDensity: options.bookingDensity }),
      now: options.now ?? startOfUtcDay(Date.now()),
      org,
    });
  let dataset = v1Filters === 'documented' ? withSparseFlags(generated, seed) : generated;
  let api = createApi(dataset, v1Filters, v1Populate, v1Unpopulated);
  let v2 = createV2Api(dataset);
  const sendWebhook = options.webhooks ? createWebhookSender(options.webhooks, clock) : null;

  const keyOf = (item: object): unknown =>
    (item as { _id?: unknown; id?: unknown })._id ?? (item as { id?: unknown }).id;
  /** Replaces one collection and rebuilds the endpoints (their indexes and caches are lazy, so this is cheap). */
  const change = async (
    collection: V1Collection,
    items: object[],
    action: 'created' | 'updated' | 'removed',
    object: object,
    previous: Record<string, unknown> | null,
  ): Promise<WebhookDelivery | null> => {
    dataset = { ...dataset, collections: { ...dataset.collections, [collection]: items } };
    api = createApi(dataset, v1Filters, v1Populate, v1Unpopulated);
    v2 = createV2Api(dataset);
    if (!sendWebhook) return null;
    // §8a: the object after the change and the changed fields' old values (v2 names, like the event names).
    const data: Record<string, unknown> = { object: toV2Item(collection, object) };
    if (previous) data.previousAttributes = toV2Item(collection, previous, true);
    return sendWebhook(`${WEBHOOK_OBJECTS[collection]}.${action}`, data);
  };
  const position = (collection: V1Collection, id: string): number => {
    const index = (dataset.collections[collection] as readonly object[]).findIndex((item) => keyOf(item) === id);
    if (index < 0) throw new RangeError(`${collection} has no item ${id}`);
    return index;
  };
  const v2Rate = createV2RateLimiter(options.v2RateLimit ?? {}, clock);
  const tokens = createTokenStore({
    clients: options.clients ?? [DEFAULT_CLIENT],
    ttlSeconds: options.tokenTtlSeconds ?? 3600,
    clock,
  });
  const log = createRequestLog(options.requestLogLimit, options.onRequest);
  let faults = createFaultEngine(options.faults ?? {}, seed, clock);

  const answerToken = (request: SimRequest, url: URL): Promise<SimResponse> | SimResponse =>
    request.method === 'POST'
      ? tokens.handleTokenRequest(request)
      : errorResponse(404, `Cannot ${request.method} ${url.pathname}`);

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

  /** §9 v2: NestJS bodies; 401 for a bad token and for a missing scope alike (staging, S6). */
  const answerV2 = (request: SimRequest, url: URL, apiPath: V2ApiPath | null): SimResponse => {
    const route = apiPath?.route ?? null;
    if (!apiPath || !route || request.method !== 'GET')
      return v2ErrorResponse(404, `Cannot ${request.method} ${url.pathname}`);
    // §5: every v2 answer carries the read budget; over it, 429 with Retry-After (an assumption, §5).
    const rate = v2Rate.take();
    const withRate = (response: SimResponse): SimResponse => ({
      ...response,
      headers: { ...response.headers, ...rate.headers },
    });
    if (rate.retryAfterSeconds !== null) {
      return withRate(
        v2ErrorResponse(429, 'ThrottlerException: Too Many Requests', {
          'retry-after': String(rate.retryAfterSeconds),
        }),
      );
    }
    const match = /^Bearer\s+(\S+)$/i.exec(request.header('authorization') ?? '');
    const scopes = match?.[1] ? tokens.scopesOf(match[1]) : null;
    const scope =
      V2_READ_SCOPES[
        route.kind === 'occurrences' ? 'bookings/occurrences' : route.kind === 'coin-stats' ? 'coins/stats' : route.path
      ];
    if (!scopes?.has(scope)) return withRate(v2ErrorResponse(401, 'Unauthorized access'));
    if (apiPath.org !== org) return withRate(v2ErrorResponse(500, 'Organization not found'));
    try {
      return withRate(v2.answer(route, url.searchParams));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return withRate(v2ErrorResponse(error.status, error.messages ?? error.message, error.headers));
    }
  };

  const faultResponse = (
    plan: FaultPlan,
    kind: RequestLogEntry['kind'],
    version: RequestLogEntry['version'],
  ): SimResponse | null => {
    // §9: an injected failure speaks the error shape of the API version it hits.
    const failure = version === 'v2' ? v2ErrorResponse : errorResponse;
    if (plan.retryAfterSeconds !== null) {
      const headers = { 'retry-after': String(plan.retryAfterSeconds) };
      return kind === 'token'
        ? jsonResponse(429, { error: 'rate_limited', error_description: 'Too many token requests' }, headers)
        : failure(429, 'Too Many Requests', headers);
    }
    if (plan.errorStatus !== null) return failure(plan.errorStatus, reasonPhrase(plan.errorStatus));
    return null;
  };

  /** Answers one request; null means the connection is dropped. */
  const respond = async (request: SimRequest): Promise<SimResponse | null> => {
    const started = performance.now();
    const at = clock();
    const url = new URL(request.url);
    const kind: RequestLogEntry['kind'] = url.pathname === TOKEN_PATH ? 'token' : 'api';
    const version = url.pathname.startsWith(`${API_V2_ROOT}/`)
      ? 'v2'
      : url.pathname.startsWith(`${API_ROOT}/`)
        ? 'v1'
        : null;
    const apiPath = kind === 'api' && version !== 'v2' ? parseApiPath(url.pathname) : null;
    const v2Path = version === 'v2' ? parseV2ApiPath(url.pathname) : null;
    const route = apiPath?.route ?? null;
    const v2Route = v2Path?.route ?? null;
    const record = (status: number): void =>
      log.add({
        at,
        method: request.method,
        path: url.pathname,
        collection: version === 'v2' ? v2RouteCollection(v2Route) : routeCollection(route),
        id: route?.kind === 'by-id' ? route.id : v2Route?.kind === 'by-id' ? v2Route.id : null,
        query: Object.fromEntries(url.searchParams),
        status,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        kind,
        version: kind === 'api' ? version : null,
      });

    const plan = faults.plan(kind);
    if (plan.drop) {
      record(0);
      return null;
    }
    if (plan.delayMs > 0) await sleep(plan.delayMs);
    let response: SimResponse;
    try {
      response =
        faultResponse(plan, kind, version) ??
        (kind === 'token'
          ? await answerToken(request, url)
          : version === 'v2'
            ? answerV2(request, url, v2Path)
            : answerApi(request, url, apiPath));
    } catch (error) {
      const failure = version === 'v2' ? v2ErrorResponse : errorResponse;
      response =
        error instanceof HttpError
          ? failure(error.status, error.message, error.headers)
          : failure(500, `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`);
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
    get dataset() {
      return dataset;
    },
    v1Filters,
    v1Populate,
    create: (collection, item) => {
      if (
        typeof item._id !== 'string' ||
        (dataset.collections[collection] as readonly object[]).some((i) => keyOf(i) === item._id)
      ) {
        throw new RangeError(`create needs a new _id in ${collection}`);
      }
      return change(
        collection,
        [...(dataset.collections[collection] as readonly object[]), item],
        'created',
        item,
        null,
      );
    },
    update: (collection, id, changes) => {
      const items = [...(dataset.collections[collection] as readonly object[])];
      const index = position(collection, id);
      const before = items[index] as Record<string, unknown>;
      const after: Record<string, unknown> = { ...before, ...changes };
      if (!('modifiedAt' in changes) && 'modifiedAt' in before) after.modifiedAt = new Date(clock()).toISOString();
      const previous: Record<string, unknown> = {};
      for (const key of Object.keys(after)) if (after[key] !== before[key]) previous[key] = before[key] ?? null;
      items[index] = after;
      return change(collection, items, 'updated', after, previous);
    },
    remove: (collection, id) => {
      const items = [...(dataset.collections[collection] as readonly object[])];
      const [removed] = items.splice(position(collection, id), 1);
      return change(collection, items, 'removed', removed ?? {}, null);
    },
    origin: SIMULATOR_ORIGIN,
    apiUrl: `${SIMULATOR_ORIGIN}${API_ROOT}`,
    apiV2Url: `${SIMULATOR_ORIGIN}${API_V2_ROOT}`,
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
