import { COLLECTIONS, V1_PAGE_LIMIT, type ListCollection } from '../src/officernd/collections.ts';
import { pagesOf, type LinkSpec, type QuerySpec, type Wire } from './plans.ts';

// The join done the way users script it today against REST: list the root pages, then loop over the results
// and fetch each reference with plain `fetch`, one request after the other, nothing shared between rows.
// Collections without a v1 by-id endpoint (§8) cannot be fetched per reference: the script lists them once up
// front into a dictionary, as anyone would (this favours the script).

export interface RestTarget {
  apiUrl: string;
  tokenUrl: string;
  org: string;
}

export interface RestJoinResult {
  /** Measured wall time (ms), or the extrapolation to all rows when only a sample of rows was walked. */
  ms: number;
  calls: number;
  /** Root rows walked; fewer than the query's rows when sampled. */
  rowsWalked: number;
  rows: number;
  estimated: boolean;
}

/** Gets a client-credentials token the way the docs show it (§1: form-encoded POST). */
export async function fetchToken(target: RestTarget): Promise<string> {
  const response = await fetch(target.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: 'demo-client',
      client_secret: 'demo-secret',
      grant_type: 'client_credentials',
      scope: 'officernd.api.read',
    }),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Runs the join of `spec` by hand over REST; `maxRows` walks only a sample of the rows and extrapolates the rest. */
export async function restJoin(target: RestTarget, spec: QuerySpec, maxRows: number | null): Promise<RestJoinResult> {
  const token = await fetchToken(target);
  const base = `${target.apiUrl}/organizations/${target.org}`;
  let calls = 0;
  const get = async (path: string): Promise<{ body: unknown; next: string | null }> => {
    calls += 1;
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return { body: await response.json(), next: response.headers.get('rnd-cursor-next') };
  };
  // §3: pages of 100, the next cursor in the `rnd-cursor-next` header.
  const list = async (
    collection: string,
    params: Record<string, string>,
    max = Number.POSITIVE_INFINITY,
  ): Promise<Wire[]> => {
    const items: Wire[] = [];
    let next: string | null = null;
    do {
      const query = new URLSearchParams({ ...params, $limit: String(V1_PAGE_LIMIT), ...(next ? { $next: next } : {}) });
      const page = await get(`/${collection}?${query}`);
      items.push(...(page.body as Wire[]));
      next = page.next;
    } while (next && items.length < max);
    return items.slice(0, max);
  };
  const dictionaries = new Map<ListCollection, Map<string, Wire>>();
  let dictionaryMs = 0;
  const dictionary = async (c: ListCollection): Promise<Map<string, Wire>> => {
    let found = dictionaries.get(c);
    if (!found) {
      const started = performance.now();
      found = new Map((await list(c, {})).map((item) => [item._id, item]));
      dictionaryMs += performance.now() - started;
      dictionaries.set(c, found);
    }
    return found;
  };

  const follow = async (parent: Wire, links: readonly LinkSpec[]): Promise<void> => {
    for (const link of links) {
      if (link.via) {
        for (const child of await list(link.collection, { [link.via]: parent._id }))
          await follow(child, link.links ?? []);
        continue;
      }
      for (const id of link.refs?.(parent) ?? []) {
        if (typeof id !== 'string' || id === '') continue;
        const target = COLLECTIONS[link.collection].byId
          ? ((await get(`/${link.collection}/${id}`)).body as Wire)
          : (await dictionary(link.collection)).get(id);
        if (target) await follow(target, link.links ?? []);
      }
    }
  };

  const started = performance.now();
  const roots = await list(spec.root.collection, { ...spec.root.params }, spec.root.first);
  const rootMs = performance.now() - started;
  // A sample is spread evenly over the rows, so references that only later rows hold are still met.
  const step = maxRows === null ? 1 : Math.max(1, Math.ceil(roots.length / maxRows));
  const walked = roots.filter((_, index) => index % step === 0);
  const callsBeforeRows = calls;
  for (const row of walked) await follow(row, spec.links);
  const ms = performance.now() - started;
  if (walked.length === roots.length) {
    return { ms, calls, rowsWalked: walked.length, rows: roots.length, estimated: false };
  }
  // Per-row work scales with the rows; the root pages and the one-off dictionaries do not.
  const scale = roots.length / Math.max(1, walked.length);
  const rowMs = ms - rootMs - dictionaryMs;
  const dictionaryCalls = [...dictionaries.values()].reduce((sum, d) => sum + pagesOf(d.size), 0);
  const rowCalls = calls - callsBeforeRows - dictionaryCalls;
  return {
    ms: rootMs + dictionaryMs + rowMs * scale,
    calls: callsBeforeRows + dictionaryCalls + Math.round(rowCalls * scale),
    rowsWalked: walked.length,
    rows: roots.length,
    estimated: true,
  };
}
