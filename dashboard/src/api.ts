// The dashboard's GraphQL client: queries as GET (what HTTP caches and ETags work with), the API key from
// sessionStorage as `Authorization: Bearer`, and `If-None-Match` so that an unchanged answer costs a 304.

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
  /** False when the gateway answered 304: the data is the one already shown. */
  changed: boolean;
}

/** Runs queries; remembers the last answer and ETag of each distinct request. */
export function createClient(endpoint: string) {
  const known = new Map<string, { etag: string; data: unknown }>();
  return {
    async query<T, V extends Record<string, unknown>>(text: string, variables: V): Promise<Answer<T>> {
      const params = new URLSearchParams({
        operationName: operationName(text),
        query: text,
        variables: JSON.stringify(variables),
      });
      const url = `${endpoint}?${params}`;
      const previous = known.get(url);
      const response = await fetch(url, {
        // The page keeps answers itself, and asks with If-None-Match: the browser's cache would answer without asking.
        cache: 'no-store',
        headers: {
          accept: 'application/graphql-response+json, application/json',
          ...authHeaders(),
          ...(previous ? { 'if-none-match': previous.etag } : {}),
        },
      });
      if (response.status === 304 && previous) return { data: previous.data as T, changed: false };
      if (response.status === 401) throw new MissingKeyError();
      const body = (await response.json().catch(() => null)) as { data?: T; errors?: GraphQLErrorShape[] } | null;
      const error = body?.errors?.[0];
      if (error || !body?.data) {
        throw new QueryError(error?.message ?? `The gateway answered ${response.status}`, error?.extensions?.code);
      }
      const etag = response.headers.get('etag');
      if (etag) known.set(url, { etag, data: body.data });
      else known.delete(url);
      return { data: body.data, changed: true };
    },
  };
}

export type Client = ReturnType<typeof createClient>;
