import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createContext, type Context, type ContextDeps } from './context.ts';
import { createCollectionSizes } from './loaders/collection-sizes.ts';
import { maskError } from './schema/errors.ts';
import { schema } from './schema/index.ts';

export interface GatewayOptions extends Omit<ContextDeps, 'sizes'> {
  /** Serve GraphiQL on GET /graphql (default true). */
  graphiql?: boolean;
}

export type Gateway = YogaServerInstance<Record<string, unknown>, Context>;

/** Builds the gateway as a fetch-style handler; `server.ts` is the only place that listens. */
export function createGateway(options: GatewayOptions): Gateway {
  const deps: ContextDeps = { officernd: options.officernd, logger: options.logger, sizes: createCollectionSizes() };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: options.graphiql === false ? false : { title: 'OfficeRnD GraphQL' },
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
