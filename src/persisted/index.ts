/**
 * Persisted operations (issue 17): automatic persisted queries through Yoga's APQ plugin (a hash-only request for
 * an unknown hash answers PersistedQueryNotFound, so Apollo's PersistedQueryLink works, over GET too), and trusted
 * documents: with TRUSTED_DOCUMENTS_ONLY=true anything outside the allow-list is refused with
 * `TRUSTED_DOCUMENT_REQUIRED`.
 */

import { createInMemoryAPQStore, useAPQ, type APQStore } from '@graphql-yoga/plugin-apq';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { canonicalDocument, sha256Hex, type TrustedDocuments } from './trusted.ts';

export {
  canonicalDocument,
  defaultTrustedPaths,
  EXAMPLES_DIR,
  loadTrustedDocuments,
  sha256Hex,
  type TrustedDocuments,
} from './trusted.ts';

/** Registered hashes are kept a day (least recently used go first beyond `max`). */
const APQ_TTL_MS = 24 * 3_600_000;

/** The APQ store of one process. */
export function createMemoryDocumentStore(max = 1_000): APQStore {
  return createInMemoryAPQStore({ max, ttl: APQ_TTL_MS });
}

export interface PersistedOptions {
  trusted: TrustedDocuments;
  trustedOnly: boolean;
  /** Where registered hashes live (this process, or Redis); trusted documents are always found. */
  store: APQStore;
  /** The cluster's allow-list (Redis): hash → canonical text, null when unknown. */
  sharedTrusted?: (hash: string) => Promise<string | null>;
}

/** The trusted documents first, then what clients registered (never registering while only trusted ones run). */
function documentStore(options: PersistedOptions): APQStore {
  const { trusted, trustedOnly, store, sharedTrusted } = options;
  return {
    async get(hash) {
      const known = trusted.byHash.get(hash) ?? (sharedTrusted ? await sharedTrusted(hash) : null);
      if (known !== null && known !== undefined) return known;
      return trustedOnly ? null : store.get(hash);
    },
    set: (hash, query) => (trustedOnly ? undefined : store.set(hash, query)),
  };
}

/** APQ, then the allow-list check (both before the response cache, which keys on the query text). */
export function persistedOperationPlugins(options: PersistedOptions): Plugin[] {
  const plugins: Plugin[] = [useAPQ({ store: documentStore(options) })];
  if (options.trustedOnly) {
    const { trusted, sharedTrusted } = options;
    const allowed = async (query: string): Promise<boolean> => {
      if (trusted.allows(query)) return true;
      if (!sharedTrusted) return false;
      const canonical = canonicalDocument(query);
      return canonical !== null && (await sharedTrusted(sha256Hex(canonical))) !== null;
    };
    plugins.push({
      async onParams({ params }) {
        if (typeof params.query === 'string' && (await allowed(params.query))) return;
        throw createGraphQLError(
          'Only trusted documents are accepted here (TRUSTED_DOCUMENTS_ONLY): send one of the allow-listed operations, or its sha256Hash',
          {
            extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED', http: { status: 403 } },
          },
        );
      },
    });
  }
  return plugins;
}
