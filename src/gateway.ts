import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { loadConfig, type Config } from './config.ts';
import { createContext, type Context, type ContextDeps } from './context.ts';
import { createCollectionSizes } from './loaders/collection-sizes.ts';
import { maskError } from './schema/errors.ts';
import { schema } from './schema/index.ts';

/** The parts of the configuration the gateway itself uses. */
export type GatewaySettings = Pick<Config, 'security' | 'dates' | 'upstream'>;

export interface GatewayOptions extends Omit<ContextDeps, 'sizes' | 'settings'> {
  /** Defaults: what `loadConfig({})` gives (development settings, open, GraphiQL on). */
  settings?: Partial<GatewaySettings>;
}

export type Gateway = YogaServerInstance<Record<string, unknown>, Context>;

/** Builds the gateway as a fetch-style handler; `server.ts` is the only place that listens. */
export function createGateway(options: GatewayOptions): Gateway {
  const defaults = loadConfig({});
  const settings: GatewaySettings = {
    security: options.settings?.security ?? defaults.security,
    dates: options.settings?.dates ?? defaults.dates,
    upstream: options.settings?.upstream ?? defaults.upstream,
  };
  const deps: ContextDeps = {
    officernd: options.officernd,
    logger: options.logger,
    sizes: createCollectionSizes(),
    settings,
  };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: settings.security.graphiql ? { title: 'OfficeRnD GraphQL' } : false,
    context: ({ request }) => createContext(deps, request),
    maskedErrors: { maskError },
    logging: {
      debug: (...args) => options.logger.debug(args.map(String).join(' ')),
      info: (...args) => options.logger.info(args.map(String).join(' ')),
      warn: (...args) => options.logger.warn(args.map(String).join(' ')),
      error: (...args) => options.logger.error(args.map(String).join(' ')),
    },
  });
}
