/**
 * Caller authentication with API keys (GATEWAY_API_KEYS): `Authorization: Bearer <key>` or `x-api-key: <key>`.
 * Keys are compared as SHA-256 digests with `timingSafeEqual`, against every configured key, so neither the
 * length nor the content of a key leaks through response times.
 */

import { createHash, timingSafeEqual } from 'node:crypto';

/** Checks a request's key; `open` when no keys are configured. */
export interface ApiKeyCheck {
  readonly open: boolean;
  /** True when the request carries one of the configured keys (always true when open). */
  allows(headers: Headers): boolean;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** The key a request presents, if any: a Bearer credential first, then `x-api-key`. */
export function presentedKey(headers: Headers): string | null {
  const authorization = headers.get('authorization');
  const bearer = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : undefined;
  const key = bearer ?? headers.get('x-api-key')?.trim();
  return key ? key : null;
}

/** Builds the check for the configured keys. */
export function createApiKeyCheck(keys: readonly string[]): ApiKeyCheck {
  const digests = keys.map(digest);
  return {
    open: digests.length === 0,
    allows(headers) {
      if (digests.length === 0) return true;
      const key = presentedKey(headers);
      if (key === null) return false;
      const given = digest(key);
      // No early exit: every configured key is compared whatever the outcome.
      let match = false;
      for (const expected of digests) match = timingSafeEqual(given, expected) || match;
      return match;
    },
  };
}
