/**
 * The per-caller request rate limit (MAX_REQUESTS_PER_MINUTE_PER_CALLER): GraphQL requests and exports are counted
 * per caller in fixed one-minute windows, before anything parses them, so that a client spinning on refusals (one
 * that ignores `retryAfter`) costs a counter increment per request, not a parse, a cost and a log line.
 *
 * A caller is the API key it presents when that key is one of GATEWAY_API_KEYS (by a digest of it, as its lane),
 * else the address of the connection (the socket's peer: never a header, which a caller could forge), unless that
 * peer is one of TRUSTED_PROXIES: then the address the proxies recorded in X-Forwarded-For (the rightmost one that is
 * not a trusted proxy). An IPv6 address counts by its /64 (one host's share of addresses). Requests handed to the
 * gateway in-process (no socket) without a valid key are not counted. One HTTP request is one count,
 * a batch of operations included (batches are at most BATCH_LIMIT operations and share one budget).
 *
 * With shared state (REDIS_URL) the count is the cluster's, in Redis; while Redis is away or slow each replica counts
 * on its own (the same limit per replica), and goes back to the shared count when Redis is healthy again.
 */

import { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../logger.ts';
import { isGraphiQLPage } from './access.ts';
import { createApiKeyCheck } from './api-keys.ts';
import { laneOf } from './budget.ts';
import { createRefusalNotes } from './refusal-notes.ts';

/** The stable code of a request refused by the per-caller rate limit. */
export const RATE_LIMITED = 'RATE_LIMITED';
const SETTING = 'MAX_REQUESTS_PER_MINUTE_PER_CALLER';
/** The counting window. */
const WINDOW_S = 60;

export interface CallerRateLimitOptions {
  /** Requests per caller and minute; 0 turns the limit off. */
  maxPerMinute: number;
  /** GATEWAY_API_KEYS: a request with one of them is counted under its key. */
  apiKeys: readonly string[];
  /** TRUSTED_PROXIES: addresses or CIDR ranges whose X-Forwarded-For is believed. */
  trustedProxies?: readonly string[];
  graphqlEndpoint: string;
  /** Path prefix of the report exports. */
  exportsPrefix: string;
  /** Whether the GraphiQL page is served (then its GET is not counted). */
  graphiql: boolean;
  logger: Logger;
  /** The cluster's Redis (shared state): the count is shared while `healthy()` says Redis answers. */
  redis?: { client: Redis; prefix: string; healthy: () => boolean };
  /** Told of each refused request (metrics). */
  onRefused?: () => void;
}

/** Who a request counts for; null when it has no caller to count (in-process, no valid key). */
export type CallerOf = (request: Request, serverContext: unknown) => string | null;

/** An address as counted: IPv4 as is (also when IPv4-mapped), IPv6 by its first 64 bits (`2001:db8:0:1::/64`). */
export function addressKey(address: string): string {
  const plain = address.replace(/%.*$/, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (isIP(plain) !== 6) return plain;
  const [head = '', tail] = plain.split('::');
  const groups = (part: string): string[] =>
    part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${all
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/** The trusted proxies as a block list; null without any. Entries are validated by the configuration. */
function trustedList(entries: readonly string[]): BlockList | null {
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

const trusts = (list: BlockList, address: string): boolean => {
  const plain = address.replace(/%.*$/, '');
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
};

/**
 * The address a request comes from: the socket's peer; when the peer is a trusted proxy, the rightmost address of
 * X-Forwarded-For that is not one (what the outermost trusted proxy saw), or the leftmost if all are.
 */
function clientAddress(peer: string, forwarded: string | null, trusted: BlockList | null): string {
  if (!trusted || forwarded === null || !trusts(trusted, peer)) return peer;
  const hops = forwarded.split(',').map((hop) => hop.trim());
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    // A malformed entry was written by someone untrusted: the last trusted hop's peer is all that is known.
    if (isIP(hop.replace(/%.*$/, '')) === 0) return client;
    client = hop;
    if (!trusts(trusted, hop)) return hop;
  }
  return client;
}

/** The caller of a request: `key:<digest>` for a valid API key, else `address:<client address>`. */
export function callerOf(apiKeys: readonly string[], trustedProxies: readonly string[] = []): CallerOf {
  const check = createApiKeyCheck(apiKeys);
  const trusted = trustedList(trustedProxies);
  return (request, serverContext) => {
    if (!check.open && check.allows(request.headers)) return `key:${laneOf(request, true)}`;
    const req = (serverContext as { req?: unknown } | undefined)?.req;
    const peer = req instanceof IncomingMessage ? req.socket.remoteAddress : undefined;
    if (!peer) return null;
    return `address:${addressKey(clientAddress(peer, request.headers.get('x-forwarded-for'), trusted))}`;
  };
}

/** The refusal: 429 with `Retry-After`, in the GraphQL error shape for the graph and the exports' `{ error }` shape. */
function refusal(graphql: boolean, limit: number, retryAfter: number, ResponseClass: typeof Response): Response {
  const message =
    `Too many requests: this caller (its API key, or its address without one) has sent ${limit} requests this ` +
    `minute (${SETTING}). Retry in ${retryAfter} s.`;
  const body = graphql
    ? { errors: [{ message, extensions: { code: RATE_LIMITED, retryAfter, limit, setting: SETTING } }] }
    : { error: { code: RATE_LIMITED, message, retryAfter, limit, setting: SETTING } };
  return new ResponseClass(JSON.stringify(body), {
    status: 429,
    headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfter) },
  });
}

/**
 * Refuses a caller's GraphQL requests and exports over `maxPerMinute` in the current minute, before they are parsed:
 * HTTP 429, `RATE_LIMITED`, `retryAfter` (s) and a `Retry-After` header. Probes, metrics, webhooks, the GraphiQL
 * page, the dashboard's files and CORS preflights are never counted. One warning line per caller and window, with the
 * refusals since its previous line. Put it right after the operation log (refusals get a request id).
 */
export function useCallerRateLimit(options: CallerRateLimitOptions): Plugin {
  const limit = options.maxPerMinute;
  if (limit <= 0) return {};
  const caller = callerOf(options.apiKeys, options.trustedProxies);
  const local = new RateLimiterMemory({ points: limit, duration: WINDOW_S });
  const { redis } = options;
  const shared = redis
    ? new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: `${redis.prefix}:caller-rate`,
        points: limit,
        duration: WINDOW_S,
        rejectIfRedisNotReady: true,
        // A Redis call that fails or times out is counted here instead: never everyone refused, never everyone let in.
        insuranceLimiter: local,
      })
    : null;
  /** Per caller: when its current window ends (for the log line), and the refusals since its last line. */
  const noted = createRefusalNotes();
  const note = (who: string, retryAfterMs: number, retryAfter: number): void => {
    const refused = noted(who, Date.now() + retryAfterMs);
    if (refused === undefined) return;
    options.logger.warn('rate limit: refusing a caller until its window ends', {
      caller: who,
      limit,
      setting: SETTING,
      retryAfter,
      // Refused since this caller's previous line (this one included); the metrics count every refusal.
      refused,
    });
  };
  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (request.method === 'OPTIONS') return;
      const graphql = url.pathname === options.graphqlEndpoint;
      if (!graphql && !url.pathname.startsWith(`${options.exportsPrefix}/`)) return;
      if (graphql && options.graphiql && isGraphiQLPage(request, url, options.graphqlEndpoint)) return;
      const who = caller(request, serverContext);
      if (who === null) return;
      try {
        await (shared && redis?.healthy() ? shared : local).consume(who, 1);
        return;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterMs = Math.max(1, rejection.msBeforeNext);
        const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
        options.onRefused?.();
        note(who, retryAfterMs, retryAfter);
        endResponse(refusal(graphql, limit, retryAfter, fetchAPI.Response));
      }
    },
  };
}
