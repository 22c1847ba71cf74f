/**
 * GraphQL requests come as GET (query string) or as POST with a JSON body, nothing else: form and multipart posts
 * are refused with 415 and a code, rather than parsed (they are what a cross-site form could send without a
 * CORS preflight).
 */

import type { Plugin } from 'graphql-yoga';

const JSON_TYPES = new Set(['application/json', 'application/graphql+json']);

const UNSUPPORTED_BODY = JSON.stringify({
  errors: [
    {
      message: 'POST a JSON body ({"query": …, "variables": …}) with Content-Type: application/json',
      extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    },
  ],
});

/** Refuses POSTs to the GraphQL endpoint whose body is not JSON. */
export function useJsonBodies(graphqlEndpoint: string): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'POST' || url.pathname !== graphqlEndpoint) return;
      const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (JSON_TYPES.has(type)) return;
      endResponse(
        new fetchAPI.Response(UNSUPPORTED_BODY, {
          status: 415,
          headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
        }),
      );
    },
  };
}
