import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { DEFAULT_GATEWAY_SETTINGS, type GatewaySettings } from './config.ts';
import { createContext, type Context, type ContextDeps } from './context.ts';
import { createCollectionSizes } from './loaders/collection-sizes.ts';
import { DEFAULT_FIRST, MAX_FIRST } from './core/limits.ts';
import { useReportExports } from './reports/http.ts';
import { maskError } from './schema/errors.ts';
import { schema } from './schema/index.ts';
import { corsOption, createRequestBudgets, useBodyLimit, openAccessWarning, securityPlugins, useRequestBudget } from './security/index.ts';

export type { GatewaySettings } from './config.ts';

export interface GatewayOptions extends Omit<ContextDeps, 'sizes' | 'settings'> {
  /**
   * Defaults: DEFAULT_GATEWAY_SETTINGS (config.ts), what an empty environment gives (development settings, open, GraphiQL on). `host` (where the server
   * listens) only decides the start-up warning for an open gateway.
   */
  settings?: Partial<GatewaySettings> & { host?: string };
}

const GRAPHQL_ENDPOINT = '/graphql';
const HEALTH_ENDPOINT = '/health';
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
  };
  const warning = openAccessWarning(settings.security.apiKeys, options.settings?.host);
  if (warning) options.logger.warn(warning);
  const budgets = createRequestBudgets(settings.upstream.requestBudgetMs);
  const deps: ContextDeps = {
    officernd: options.officernd,
    logger: options.logger,
    sizes: createCollectionSizes(),
    settings,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.loaderOptions ? { loaderOptions: options.loaderOptions } : {}),
  };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: HEALTH_ENDPOINT,
    landingPage: false,
    graphiql: settings.security.graphiql ? { title: 'OfficeRnD GraphQL' } : false,
    cors: corsOption(settings.security.corsOrigins),
    // MAX_BODY_BYTES is enforced by useBodyLimit (security/body-limit.ts): Yoga's answers at a lower cost per request.
    maxRequestBodySize: false,
    // GraphQL over GET or JSON POST only (security/content-type.ts): no file uploads.
    multipart: false,
    // Upstream work of the request ends with the caller or with the time budget, whichever comes first.
    context: ({ request }) => createContext(deps, request, budgets.signalFor(request)),
    plugins: [
      ...securityPlugins({
        security: settings.security,
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        healthEndpoint: HEALTH_ENDPOINT,
        cost: { defaultFirst: DEFAULT_FIRST, maxFirst: MAX_FIRST, listSize: ASSUMED_LIST_SIZE },
      }),
      // After the access checks, so exports need an API key too: GET /reports/{report}.{csv|ndjson|json}.
      useReportExports(deps),
      useRequestBudget(budgets),
      // Last, where Yoga puts its own: after every plugin that picks a request parser.
      useBodyLimit(settings.security.maxBodyBytes),
    ],
    maskedErrors: { maskError },
    logging: {
      debug: (...args) => options.logger.debug(args.map(String).join(' ')),
      info: (...args) => options.logger.info(args.map(String).join(' ')),
      warn: (...args) => options.logger.warn(args.map(String).join(' ')),
      error: (...args) => options.logger.error(args.map(String).join(' ')),
    },
  });
}
