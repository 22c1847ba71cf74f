/**
 * Who may call the gateway: with GATEWAY_API_KEYS set, every GraphQL and report request needs one of the keys,
 * else 401. Left open: CORS preflights, the health check and the GraphiQL page itself (its queries need a key).
 */

import type { Plugin } from 'graphql-yoga';
import { createApiKeyCheck } from './api-keys.ts';

export interface AccessOptions {
  apiKeys: readonly string[];
  graphqlEndpoint: string;
  healthEndpoint: string;
  graphiql: boolean;
}

const UNAUTHENTICATED_MESSAGE =
  'Missing or unknown API key: send it as "Authorization: Bearer <key>" or "x-api-key: <key>"';
/** The GraphQL error shape for the graph; the exports' own `{ error }` shape (as their 400 and 404) elsewhere. */
const UNAUTHENTICATED_GRAPHQL = JSON.stringify({
  errors: [{ message: UNAUTHENTICATED_MESSAGE, extensions: { code: 'UNAUTHENTICATED' } }],
});
const UNAUTHENTICATED_EXPORT = JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: UNAUTHENTICATED_MESSAGE } });

/** True for a browser asking for the GraphiQL page (what Yoga renders GraphiQL for; no operation runs). */
export function isGraphiQLPage(request: Request, url: URL, graphqlEndpoint: string): boolean {
  return (
    request.method === 'GET' &&
    url.pathname === graphqlEndpoint &&
    !url.searchParams.has('query') &&
    (request.headers.get('accept') ?? '').includes('text/html')
  );
}

/** Refuses requests without a valid API key when keys are configured. */
export function useApiKeys(options: AccessOptions): Plugin {
  const check = createApiKeyCheck(options.apiKeys);
  if (check.open) return {};
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method === 'OPTIONS' || url.pathname === options.healthEndpoint) return;
      if (options.graphiql && isGraphiQLPage(request, url, options.graphqlEndpoint)) return;
      if (check.allows(request.headers)) return;
      endResponse(
        new fetchAPI.Response(
          url.pathname === options.graphqlEndpoint ? UNAUTHENTICATED_GRAPHQL : UNAUTHENTICATED_EXPORT,
          {
            status: 401,
            headers: {
              'content-type': 'application/json; charset=utf-8',
              'www-authenticate': 'Bearer realm="officernd-graphql"',
            },
          },
        ),
      );
    },
  };
}

/** The start-up warning for an open gateway that is reachable from other machines; null when there is none. */
export function openAccessWarning(apiKeys: readonly string[], host: string | undefined): string | null {
  if (apiKeys.length > 0 || host === undefined) return null;
  const local = host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
  if (local) return null;
  return `GATEWAY_API_KEYS is not set and the gateway listens on ${host}: anyone who can reach it can read your OfficeRnD data. Set GATEWAY_API_KEYS or HOST=localhost`;
}
