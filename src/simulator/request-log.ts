/**
 * The simulator's request log: one entry per request (token and API), for tests that assert call
 * counts. Entries never hold the Authorization header or form fields (secrets stay out of logs).
 */

export interface RequestLogEntry {
  /** Simulator clock (ms epoch) when the request arrived. */
  at: number;
  method: string;
  /** URL path without the query string. */
  path: string;
  /** Route collection, e.g. `members`, `bookings/occurrences`; null for the token endpoint and unknown routes. */
  collection: string | null;
  /** The id of a by-id request. */
  id: string | null;
  query: Record<string, string>;
  /** HTTP status; 0 when the connection was dropped. */
  status: number;
  durationMs: number;
  kind: 'token' | 'api';
  /** API version of the path (`/api/v1` or `/api/v2`); null for the token endpoint and other paths. */
  version?: 'v1' | 'v2' | null;
}

export interface RequestLogFilter {
  kind?: RequestLogEntry['kind'];
  collection?: string | null;
  method?: string;
  status?: number;
  /** true: only by-id requests; false: only requests without an id. */
  id?: boolean;
  version?: RequestLogEntry['version'];
}

export interface RequestLog {
  /** A copy of the retained entries, oldest first. */
  entries(): RequestLogEntry[];
  /** How many retained entries match every given criterion. */
  count(filter?: RequestLogFilter): number;
  reset(): void;
}

export interface WritableRequestLog extends RequestLog {
  add(entry: RequestLogEntry): void;
}

const matches = (entry: RequestLogEntry, filter: RequestLogFilter): boolean =>
  (filter.kind === undefined || entry.kind === filter.kind) &&
  (filter.collection === undefined || entry.collection === filter.collection) &&
  (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
  (filter.status === undefined || entry.status === filter.status) &&
  (filter.id === undefined || (entry.id !== null) === filter.id) &&
  (filter.version === undefined || entry.version === filter.version);

/**
 * Creates a request log that keeps the newest `limit` entries, so a long-running simulator
 * (the CLI) does not grow without bound.
 */
export function createRequestLog(limit = 100_000, onEntry?: (entry: RequestLogEntry) => void): WritableRequestLog {
  let log: RequestLogEntry[] = [];
  const retained = (): RequestLogEntry[] => (log.length > limit ? log.slice(log.length - limit) : log);
  return {
    add(entry) {
      log.push(entry);
      // Trim in chunks so the cost per request stays constant.
      if (log.length > limit + Math.ceil(limit / 10)) log = log.slice(log.length - limit);
      onEntry?.(entry);
    },
    entries: () => retained().slice(),
    count: (filter = {}) => {
      let n = 0;
      for (const entry of retained()) if (matches(entry, filter)) n += 1;
      return n;
    },
    reset() {
      log = [];
    },
  };
}
