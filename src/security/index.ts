/**
 * Protecting the gateway (issue 5): who may call it, how big and how expensive a request may be, what it may
 * discover, and how long it may keep OfficeRnD busy. `securityPlugins` is everything `createGateway` wires in.
 */

import { useExecutionCancellation, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { useApiKeys } from './access.ts';
import { useJsonBodies } from './content-type.ts';
import { useCostLimit, type CostLimitOptions } from './cost.ts';
import { introspectionPlugins } from './introspection.ts';
import { shapeLimitPlugins } from './limits.ts';

export { openAccessWarning } from './access.ts';
export { createApiKeyCheck, presentedKey, type ApiKeyCheck } from './api-keys.ts';
export { useBodyLimit } from './body-limit.ts';
export { createRequestBudgets, laneOf, RequestBudgetError, useRequestBudget, type RequestBudgets } from './budget.ts';
export { useSharedExecution } from './sharing.ts';
export { callerOf, RATE_LIMITED, useCallerRateLimit, type CallerRateLimitOptions } from './rate-limit.ts';
export { useJsonBodies } from './content-type.ts';
export { corsOption } from './cors.ts';
export { MATCH_SET_FIELDS, queryCost, useCostLimit, type CostLimitOptions, type CostModel } from './cost.ts';
export { MAX_TOKENS, shapeLimitPlugins, type ShapeLimits } from './limits.ts';

export interface SecurityOptions {
  security: Config['security'];
  graphqlEndpoint: string;
  healthEndpoint: string;
  cost: Omit<CostLimitOptions, 'maxCost'>;
}

/** The Yoga plugins of the gateway's protections, in the order they act on a request. */
export function securityPlugins(options: SecurityOptions): Plugin[] {
  const { security } = options;
  return [
    useApiKeys({
      apiKeys: security.apiKeys,
      graphqlEndpoint: options.graphqlEndpoint,
      healthEndpoint: options.healthEndpoint,
      graphiql: security.graphiql,
    }),
    useJsonBodies(options.graphqlEndpoint),
    ...introspectionPlugins(security.introspection),
    ...shapeLimitPlugins({ maxDepth: security.maxDepth, maxAliases: security.maxAliases }),
    useCostLimit({ ...options.cost, maxCost: security.maxCost }),
    // Resolvers still pending when the caller goes away are not started (their upstream calls are aborted by the signal).
    useExecutionCancellation(),
  ];
}
