/**
 * One OfficeRnD token for every replica (§1: tokens last an hour; the token endpoint allows few requests a minute).
 * The first replica that needs one takes a lock in Redis, fetches it and stores it with its expiry; the others read
 * it. If Redis is away, or the lock holder does not deliver in time, a replica fetches its own (as without Redis).
 */

import { randomUUID } from 'node:crypto';
import type { SharedToken, TokenStore } from '../officernd/token.ts';
import type { RedisLink } from './redis.ts';

export interface TokenStoreOptions {
  /** How long the lock is held at most: the token request's own timeout and a margin. */
  lockMs: number;
  /** Between two reads while another replica fetches; default 50 ms. */
  pollMs?: number;
  clock?: () => number;
}

/** Deletes the lock only if it is still ours (it may have expired and been taken by another replica). */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/** Deletes the stored token only if it is the one OfficeRnD refused (a newer one may be there already). */
const DROP =
  "local v = redis.call('get', KEYS[1]) if v and cjson.decode(v).token == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createRedisTokenStore(link: RedisLink, options: TokenStoreOptions): TokenStore {
  const clock = options.clock ?? Date.now;
  const pollMs = options.pollMs ?? 50;
  const tokenKey = `${link.prefix}:token`;
  const lockKey = `${link.prefix}:token-lock`;
  const NONE = Symbol('none');

  const read = (needUntil: number): Promise<SharedToken | null | typeof NONE> =>
    link.attempt<SharedToken | null | typeof NONE>(
      'token read',
      async (redis) => {
        const text = await redis.get(tokenKey);
        if (text === null) return null;
        const stored = JSON.parse(text) as SharedToken;
        return stored.expiresAt > needUntil ? stored : null;
      },
      () => NONE,
    );

  return {
    async share(fetchToken, needUntil) {
      const deadline = clock() + options.lockMs;
      for (;;) {
        const stored = await read(needUntil);
        if (stored === NONE) return fetchToken();
        if (stored !== null) return stored;
        const owner = randomUUID();
        const locked = await link.attempt<boolean | typeof NONE>(
          'token lock',
          async (redis) => (await redis.set(lockKey, owner, 'PX', options.lockMs, 'NX')) === 'OK',
          () => NONE,
        );
        if (locked === NONE) return fetchToken();
        if (locked) {
          try {
            // Another replica may have stored one between our read and our lock.
            const again = await read(needUntil);
            if (again !== NONE && again !== null) return again;
            const fresh = await fetchToken();
            const ttl = Math.floor(fresh.expiresAt - clock());
            if (ttl > 0) {
              await link.attempt(
                'token store',
                (redis) => redis.set(tokenKey, JSON.stringify(fresh), 'PX', ttl),
                () => undefined,
              );
            }
            return fresh;
          } finally {
            await link.attempt(
              'token unlock',
              (redis) => redis.eval(RELEASE, 1, lockKey, owner),
              () => undefined,
            );
          }
        }
        // Another replica is fetching: read again shortly; past the lock's life, fetch our own.
        if (clock() >= deadline) return fetchToken();
        await sleep(pollMs);
      }
    },
    drop(token) {
      void link.attempt(
        'token drop',
        (redis) => redis.eval(DROP, 1, tokenKey, token),
        () => undefined,
      );
    },
  };
}
