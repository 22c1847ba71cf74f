/**
 * The Node HTTP server of the gateway, with the limits a slow or greedy client meets (issue 14, item 10): the
 * request headers must arrive within HEADERS_TIMEOUT_MS and the whole request (headers and body) within
 * REQUEST_TIMEOUT_MS, else 408 and the connection closes; at most MAX_CONNECTIONS connections are open at once (more
 * are closed on arrival). The body size itself is MAX_BODY_BYTES (src/security/body-limit.ts).
 */

import { createServer, type RequestListener, type Server } from 'node:http';

export interface HttpServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxConnections: number;
}

/** A Node HTTP server for `handler` with these limits; it does not listen yet. */
export function createHttpServer(handler: RequestListener, limits: HttpServerLimits): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often Node looks for connections past these timeouts (its default, 30 s, would let them run late).
      connectionsCheckingInterval: Math.max(50, Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs, 30_000) / 4),
    },
    handler,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}
