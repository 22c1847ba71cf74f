import type { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { DEFAULT_GATEWAY_SETTINGS, type GatewaySettings } from './config.ts';
import { createContext, type Context, type ContextDeps } from './context.ts';
import { createCollectionSizes, type CollectionSizes, type SizeLearner } from './loaders/collection-sizes.ts';
import { DEFAULT_FIRST, MAX_FIRST } from './core/limits.ts';
import { createHandOver, type HandOverStore } from './core/hand-over.ts';
import { knownFarCalls } from './core/series-reach.ts';
import { createGraphiQLRenderer, graphiqlOptions } from './ops/graphiql.ts';
import { yogaLogger } from './ops/yoga-logger.ts';
import {
  createOps,
  createReadiness,
  useCompression,
  useMetricsEndpoint,
  useOperations,
  useReadiness,
  type Ops,
  type Readiness,
} from './ops/index.ts';
import { useReportExports } from './reports/http.ts';
import { filterLinkedCollections } from './reports/registry.ts';
import { populates } from './reports/joins.ts';
import { costedJoins, normaliseDateField } from './reports/run.ts';
import type { ListCollection } from './officernd/collections.ts';
import { maskError } from './schema/errors.ts';
import { schema } from './schema/index.ts';
import {
  callerOf,
  corsOption,
  createRequestBudgets,
  laneOf,
  useBodyLimit,
  openAccessWarning,
  securityPlugins,
  useRequestBudget,
  useCallerRateLimit,
  useSharedExecution,
} from './security/index.ts';
import {
  createMemoryCaches,
  invalidateOnEvents,
  useExportCaching,
  useGraphQLCache,
  type Caches,
} from './cache/index.ts';
import {
  createMemoryDocumentStore,
  defaultTrustedPaths,
  loadTrustedDocuments,
  persistedOperationPlugins,
} from './persisted/index.ts';
import type { APQStore } from '@graphql-yoga/plugin-apq';
import type { SharedState } from './shared-state/index.ts';
import { createEventBus, type EventBus } from './webhooks/events.ts';
import { useOfficeRnDWebhooks } from './webhooks/endpoint.ts';
import { useDashboard } from './dashboard/serve.ts';
import { useChangeFeed } from './schema/subscription.ts';
import { reportDatesOf } from './dates/report-dates.ts';
import { resolveDateSelection } from './dates/selection.ts';
import { dateSelectionInput, type DateSelectionArg } from './schema/dates.ts';

export type { GatewaySettings } from './config.ts';

export interface GatewayOptions extends Omit<ContextDeps, 'sizes' | 'settings' | 'handOver'> {
  /** What the gateway knows of collection sizes when it starts (default: nothing; it learns them from its walks). */
  sizes?: CollectionSizes;
  /**
   * Learns collection sizes over `sizes` (the server starts its background walk); a query over MAX_COST while sizes
   * it reads are unknown waits for them. Default: none (such a query runs if it could fit, as the cost rule says).
   */
  learner?: SizeLearner;
  /**
   * Defaults: DEFAULT_GATEWAY_SETTINGS (config.ts), what an empty environment gives (development settings, open, GraphiQL on). `host` (where the server
   * listens) only decides the start-up warning for an open gateway.
   */
  settings?: Partial<GatewaySettings> & { host?: string };
  /**
   * Request ids, operation log, metrics and traces (src/ops). `server.ts` builds it before the client, which reports
   * its upstream calls to it; default: one without metrics or traces, whose log lines then count no upstream calls.
   */
  ops?: Ops;
  /** `/ready`'s check; `server.ts` keeps it to report "not ready" while shutting down. Default: one of `officernd`. */
  readiness?: Readiness;
  /** Serve `/metrics` (when `ops` has metrics) on the gateway's port, behind the API keys; false with METRICS_PORT. */
  serveMetrics?: boolean;
  /** Verified OfficeRnD changes (webhooks); default: a bus of the gateway's own. */
  events?: EventBus;
  /** Where answers are cached when `settings.cache.enabled`; default: in this process. */
  caches?: Caches;
  /** Where APQ hashes registered by clients live; default: in this process (or Redis with `shared`). */
  documents?: APQStore;
  /** State shared with other replicas (REDIS_URL): caches, documents and webhook events go through it. */
  shared?: SharedState;
  /** Ends the open subscriptions (server.ts aborts it on shutdown, so that streams do not hold the server open). */
  closing?: AbortSignal;
  /** Where upstream pages wait between GraphQL pages (core/hand-over.ts); default: a bounded one of this gateway's. */
  handOver?: HandOverStore;
}

const GRAPHQL_ENDPOINT = '/graphql';
const HEALTH_ENDPOINT = '/health';
const REPORTS_PREFIX = '/reports';
/** How often the dashboard polls (with ETags) when no webhook events reach the gateway. */
const DASHBOARD_POLL_SECONDS = 30;
/** Most operations in one batched request; each still has its own cost limit, all share the request's budget. */
export const BATCH_LIMIT = 10;
/** Reference lists without `first` (attendees, plan offices…): items assumed per parent when costing a query. */
const ASSUMED_LIST_SIZE = 10;

export type Gateway = YogaServerInstance<Record<string, unknown>, Context>;

/** Builds the gateway as a fetch-style handler; `server.ts` is the only place that listens. */
export function createGateway(options: GatewayOptions): Gateway {
  const defaults = DEFAULT_GATEWAY_SETTINGS;
  const settings: GatewaySettings = {
    security: options.settings?.security ?? defaults.security,
    dates: options.settings?.dates ?? defaults.dates,
    upstream: options.settings?.upstream ?? defaults.upstream,
    webhooks: options.settings?.webhooks ?? defaults.webhooks,
    cache: options.settings?.cache ?? defaults.cache,
    persisted: options.settings?.persisted ?? defaults.persisted,
  };
  const trusted = loadTrustedDocuments([
    ...defaultTrustedPaths(),
    ...(settings.persisted.trustedDocuments ? [settings.persisted.trustedDocuments] : []),
  ]);
  const events = options.events ?? createEventBus((error) => options.logger.error('event listener failed', { error }));
  const { shared } = options;
  if (shared) shared.bridge(events);
  const warning = openAccessWarning(settings.security.apiKeys, options.settings?.host);
  if (warning) options.logger.warn(warning);
  const caching = settings.cache.enabled
    ? {
        settings: settings.cache,
        caches:
          options.caches ??
          (shared ? shared.caches(createMemoryCaches(settings.cache)) : createMemoryCaches(settings.cache)),
        events,
        logger: options.logger,
        graphqlEndpoint: GRAPHQL_ENDPOINT,
      }
    : null;
  if (caching) invalidateOnEvents(caching);
  const exportCache = caching ? useExportCaching(caching) : null;
  const budgets = createRequestBudgets(settings.upstream.requestBudgetMs, {
    officernd: options.officernd,
    maxCalls: settings.upstream.maxCallsPerRequest,
    keyed: settings.security.apiKeys.length > 0,
  });
  const ops = options.ops ?? createOps({ logger: options.logger });
  const readiness = options.readiness ?? createReadiness({ officernd: options.officernd });
  let graphiqlPage: ReturnType<typeof graphiqlOptions> | undefined;
  const metrics = ops.metrics;
  metrics?.watchClient(() => options.officernd.stats);
  const loaderOptions = metrics ? { ...options.loaderOptions, onBatch: metrics.loaderBatch } : options.loaderOptions;
  // Pages handed from one GraphQL page to the next of the same caller (core/hand-over.ts): bounded, per gateway.
  const handOver = options.handOver ?? createHandOver();
  events.subscribe(() => handOver.clear());
  const deps: ContextDeps = {
    officernd: options.officernd,
    logger: options.logger,
    sizes: options.sizes ?? createCollectionSizes(),
    settings,
    handOver: (request) => handOver.forCaller(laneOf(request, settings.security.apiKeys.length > 0)),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(loaderOptions ? { loaderOptions } : {}),
    ...(metrics ? { onExportEnd: metrics.exportEnd } : {}),
    shareExport: (request, signal) => budgets.shareExport(request, signal),
  };
  const { learner } = options;
  // Each operation's cost as the cost limit decided it for that request (by its context): the operation log line
  // and admission read it.
  const costs = new WeakMap<object, number>();
  // The days a `dates` value selects, as the lists resolve it with the gateway's clock; undefined when invalid (the
  // field itself then refuses it, so the cost does not count it).
  const selectedRange = (dates: unknown) => {
    try {
      const now = options.clock ? options.clock() : new Date();
      return resolveDateSelection(dateSelectionInput(dates as DateSelectionArg), settings.dates, now);
    } catch {
      return undefined;
    }
  };
  // The cost reads the sizes the loaders plan with, and the joins a report's columns make (issue 14).
  const costModel = {
    defaultFirst: DEFAULT_FIRST,
    maxFirst: MAX_FIRST,
    listSize: ASSUMED_LIST_SIZE,
    sizeOf: (collection: ListCollection) => deps.sizes.get(collection),
    atLeast: (collection: ListCollection) => deps.sizes.atLeast(collection),
    // One-level joins that ride on the report's own pages (v1 `$populate`, reports/joins.ts) cost no call.
    reportJoins: (name: string, columns: readonly string[] | null) =>
      costedJoins(name, columns, (collection, reference) =>
        populates(options.officernd, collection, deps.sizes, reference),
      ),
    reportFilterReads: filterLinkedCollections,
    seriesReachKnown: () => deps.sizes.seriesReach() !== undefined,
    datesScan: (collection: ListCollection, dateField: string | undefined) => {
      const spec = reportDatesOf(collection);
      return (
        spec !== undefined && spec.fields.find((f) => f.name === (dateField ?? spec.default))?.pushdown === undefined
      );
    },
    // v2 pages hold 50 items, v1's 100: the same read is twice the calls on v2.
    pageLimit: options.officernd.pageLimit,
    // A dated bookings read's far rows: read by id or widened over, as the read itself will choose.
    seriesFarCalls: (dates: unknown, dateField: string | undefined) => {
      const range = selectedRange(dates);
      if (!range) return 0;
      // `report(...)` takes its date field in any case (`start`), as its reads do; a field the report does not have
      // is refused by the read itself, before any call.
      const field = dateField === undefined ? undefined : normaliseDateField(dateField);
      try {
        return knownFarCalls(deps.sizes, options.officernd, field, range);
      } catch {
        return 0;
      }
    },
    // The days a `dates` value selects, as the lists resolve it (an occurrence window bounds what it reads).
    windowDays: (dates: unknown) => {
      const range = selectedRange(dates);
      return range?.start && range.end ? (range.end.getTime() - range.start.getTime()) / 86_400_000 : undefined;
    },
  };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: HEALTH_ENDPOINT,
    landingPage: false,
    // Served from the installed package with the examples as tabs (src/ops/graphiql.ts): no CDN needed.
    graphiql: settings.security.graphiql
      ? () => (graphiqlPage ??= graphiqlOptions({ apiKeys: settings.security.apiKeys.length > 0 }))
      : false,
    renderGraphiQL: createGraphiQLRenderer(),
    cors: corsOption(settings.security.corsOrigins),
    // MAX_BODY_BYTES is enforced by useBodyLimit (security/body-limit.ts): Yoga's answers at a lower cost per request.
    maxRequestBodySize: false,
    // GraphQL over GET or JSON POST only (security/content-type.ts): no file uploads.
    multipart: false,
    // A JSON array of operations in one POST (Apollo's BatchHttpLink sends at most 10 by default).
    batching: { limit: BATCH_LIMIT },
    // Upstream work of the request ends with the caller or with the time budget, whichever comes first.
    context: ({ request }) => createContext(deps, request, budgets.signalFor(request)),
    plugins: [
      // First, so that every request has its id and its log line, including those refused by the plugins below.
      useOperations({
        tracker: ops.tracker,
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        exportsPrefix: REPORTS_PREFIX,
        listeners: ops.listeners,
        costOf: (context) => costs.get(context),
      }),
      // Second, before anything parses: a caller over MAX_REQUESTS_PER_MINUTE_PER_CALLER is refused for the price of
      // a counter (shared by the replicas through Redis), with its request id; probes and pages are not counted.
      useCallerRateLimit({
        maxPerMinute: settings.security.maxRequestsPerMinutePerCaller,
        apiKeys: settings.security.apiKeys,
        trustedProxies: settings.security.trustedProxies,
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        exportsPrefix: REPORTS_PREFIX,
        graphiql: settings.security.graphiql,
        logger: options.logger,
        ...(shared
          ? { redis: { client: shared.link.redis, prefix: shared.link.prefix, healthy: () => shared.link.healthy } }
          : {}),
        ...(metrics ? { onRefused: () => metrics.refused('rate_limit') } : {}),
      }),
      // Before the access checks: probes carry no API key. Neither says anything about the configuration, but for
      // the OfficeRnD API version /health names in a header.
      useReadiness(readiness, { path: HEALTH_ENDPOINT, apiVersion: options.officernd.apiVersion }),
      // Before the API-key check: OfficeRnD authenticates its deliveries with a signature, not a gateway key.
      useOfficeRnDWebhooks({ secret: settings.webhooks.secret, bus: events, logger: options.logger }),
      // Before the API-key check too: the page and its scripts hold no data (it asks for a key to read any).
      useDashboard({
        config: {
          graphqlEndpoint: GRAPHQL_ENDPOINT,
          apiKeys: settings.security.apiKeys.length > 0,
          graphiql: settings.security.graphiql,
          live: settings.webhooks.secret !== null,
          pollSeconds: DASHBOARD_POLL_SECONDS,
        },
        logger: options.logger,
      }),
      // `subscription { officerndChanged }` hears the verified webhooks (and, with Redis, the other replicas').
      useChangeFeed(events, {
        ...(options.closing ? { closing: options.closing } : {}),
        ...(options.clock ? { now: options.clock } : {}),
      }),
      ...securityPlugins({
        security: settings.security,
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        healthEndpoint: HEALTH_ENDPOINT,
        cost: {
          ...costModel,
          ...(learner ? { learnSizes: (collections, signal) => learner.learn(collections, signal) } : {}),
          onCost: (context, cost) => costs.set(context, cost),
        },
      }),
      ...(metrics ? [metrics.yogaPlugin()] : []),
      // After the access checks: with API keys set, a scrape needs one too.
      ...(metrics && options.serveMetrics !== false ? [useMetricsEndpoint(metrics)] : []),
      // Before the response cache: a hash-only request gets its query text here, and the cache keys on that text.
      ...persistedOperationPlugins({
        trusted,
        trustedOnly: settings.persisted.trustedOnly,
        store:
          options.documents ?? (shared ? shared.documents(createMemoryDocumentStore()) : createMemoryDocumentStore()),
        ...(shared ? { sharedTrusted: shared.trusted(trusted.byHash) } : {}),
      }),
      // Identical queries of one API key running at once share one execution (before the cache, so that a shared
      // answer is cached once, as the first request's; before admission, so that a shared answer is never refused).
      useSharedExecution({
        keyOf: (request) => laneOf(request, settings.security.apiKeys.length > 0),
        maskError: (error) => maskError(error, 'Unexpected error.') as GraphQLError,
      }),
      ...(caching ? useGraphQLCache(caching) : []),
      // The export cache: `capture` copies a miss as it streams (before compression, last, re-encodes it).
      ...(exportCache ? [exportCache.capture, exportCache.serve] : []),
      // After the access checks, so exports need an API key too: GET /reports/{report}.{csv|ndjson|json}.
      useReportExports(deps),
      // Admission by cost (after the caches: an answer that makes no upstream call is never refused). Its refusals
      // are logged once per caller (as the rate limit counts callers) and minute.
      useRequestBudget(budgets, {
        costOf: (context) => costs.get(context),
        logger: options.logger,
        callerOf: callerOf(settings.security.apiKeys, settings.security.trustedProxies),
      }),
      // Last, where Yoga puts its own: after every plugin that picks a request parser.
      useBodyLimit(settings.security.maxBodyBytes),
      // Brotli or gzip as the caller accepts, on the final answer: after the error bodies got their request id and
      // after the caches (which keep answers uncompressed).
      useCompression(),
    ],
    maskedErrors: { maskError },
    // One line each; a caller's mistake at debug (its operation line is the warning).
    logging: yogaLogger(options.logger),
  });
}
