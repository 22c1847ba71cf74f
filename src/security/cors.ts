/**
 * CORS (CORS_ORIGINS): off when no origin is configured, any origin with `*`, else exactly the listed origins.
 * Callers authenticate with an API key header, never cookies, so credentials are not allowed.
 */

import type { YogaServerOptions } from 'graphql-yoga';

type CorsOption = NonNullable<YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors']>;

/** Yoga's `cors` option for the configured origins. */
export function corsOption(origins: readonly string[]): CorsOption {
  if (origins.length === 0) return false;
  const common = {
    credentials: false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-upstream-calls'],
    maxAge: 600,
  };
  if (origins.includes('*')) return { ...common, origin: '*' };
  // A function, so that an unlisted origin gets no Allow-Origin header at all (not even "null").
  return (request: Request) => {
    const origin = request.headers.get('origin');
    return origin !== null && origins.includes(origin) ? { ...common, origin: [origin] } : false;
  };
}
