// The dashboard's GraphQL client: queries as GET (what HTTP caches and ETags work with), the API key from
// sessionStorage as `Authorization: Bearer`. Every read is revalidated (`cache: 'no-cache'`): the browser sends the
// ETag it holds as `If-None-Match`, and an unchanged answer costs a 304 and no re-render.

const KEY_STORAGE = 'officernd-graphql:api-key';

export class MissingKeyError extends Error {
  constructor() {
    super('This gateway needs an API key');
    this.name = 'MissingKeyError';
  }
}

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string };
}

export class QueryError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

export function storedKey(): string {
  return sessionStorage.getItem(KEY_STORAGE) ?? '';
}

export function storeKey(key: string): void {
  if (key === '') sessionStorage.removeItem(KEY_STORAGE);
  else sessionStorage.setItem(KEY_STORAGE, key);
}

export function authHeaders(): Record<string, string> {
  const key = storedKey();
  return key ? { authorization: `Bearer ${key}` } : {};
}

/** The operation name of an operation's text. */
export function operationName(text: string): string {
  return /\b(?:query|subscription)\s+(\w+)/.exec(text)?.[1] ?? '';
}

export interface Answer<T> {
  data: T;
  /** The request and the answer's ETag: the same version as one already shown when equal (the gateway said 304). */
  version: string | null;
}

/** Runs queries. */
export function createClient(endpoint: string) {
  return {
    async query<T, V extends Record<string, unknown>>(text: string, variables: V): Promise<Answer<T>> {
      const params = new URLSearchParams({
        operationName: operationName(text),
        query: text,
        variables: JSON.stringify(variables),
      });
      const url = `${endpoint}?${params}`;
      // Not 'no-store': browsers send `Cache-Control: no-cache` with it, which makes the gateway skip its cache.
      const response = await fetch(url, {
        cache: 'no-cache',
        headers: { accept: 'application/graphql-response+json, application/json', ...authHeaders() },
      });
      if (response.status === 401) throw new MissingKeyError();
      const body = (await response.json().catch(() => null)) as { data?: T; errors?: GraphQLErrorShape[] } | null;
      const error = body?.errors?.[0];
      if (error || !body?.data) {
        throw new QueryError(error?.message ?? `The gateway answered ${response.status}`, error?.extensions?.code);
      }
      const etag = response.headers.get('etag');
      return { data: body.data, version: etag === null ? null : `${url} ${etag}` };
    },
  };
}

export type Client = ReturnType<typeof createClient>;
