/**
 * The Flex API (v2) read endpoints over the same dataset (shared/officernd-api.md §2–§10): v1 objects
 * renamed to v2 fields (§2), the `{rangeStart, rangeEnd, cursorNext, cursorPrev, results}` envelope with
 * `$limit` at most 50 and body cursors (§3), bracket operators and `_id[$in]` (§4, §8), strict validation
 * of list parameters (400 "property X should not exist", S6), by-id GETs (§8), occurrences (§6.2) and
 * coin stats (§6.6). Errors are thrown as HttpError and answered as v2 bodies by the server.
 */

import { createJsonCache, jsonText } from './api.ts';
import { parseIsoParam } from './dates.ts';
import { parseSelect, type ItemPredicate } from './filters.ts';
import { creditStatsFor, type Dataset } from './generate.ts';
import { badRequest, HttpError, type SimResponse } from './http.ts';
import { OBJECT_ID, type V1Collection } from './model.ts';
import { createOccurrenceIndex, type OccurrenceIndex } from './occurrences.ts';
import { queryHash } from './paging.ts';
import { createResultCache } from './result-cache.ts';
import {
  V2_COIN_STATS_PARAMS,
  V2_COMMON_RENAMES,
  V2_CONTROL_PARAMS,
  V2_DROPPED,
  V2_LISTS,
  V2_MAX_IN_IDS,
  V2_OCCURRENCE_PARAMS,
  V2_PAGE_LIMIT,
  V2_PARAMS,
  V2_PROPERTIES,
  V2_RENAMES,
  V2_SORTABLE,
  V2_SPARSE_FLAGS,
  V2_ZERO_LIMIT_PAGE,
  type V2List,
  type V2ParamKind,
} from './v2-model.ts';

export type V2Route =
  | { kind: 'list'; path: V2List }
  | { kind: 'by-id'; path: V2List; id: string }
  | { kind: 'occurrences' }
  | { kind: 'coin-stats' };

export interface V2Api {
  /** Answers a GET on a matched v2 route; expected failures are thrown as HttpError. */
  answer(route: V2Route, params: URLSearchParams): SimResponse;
}

type Item = Record<string, unknown>;

/** §1 year cap of occurrence windows without paging parameters (a leap year counts 366 days). */
const MAX_WINDOW_MS = 366 * 86_400_000;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const COMPARISONS = new Set(['$gt', '$gte', '$lt', '$lte']);
const PARAM_KEY = /^([A-Za-z_][\w-]*)(?:\[(\$?[\w-]+)\])?$/;

const slotText = (slot: unknown): unknown =>
  slot && typeof slot === 'object' ? ((slot as Item).dateTime ?? (slot as Item).date ?? null) : slot;

/**
 * One v1 object in its v2 shape (§2 renames, v1-only fields dropped, sparse booking flags). `partial`
 * renames the fields of a fragment (a webhook's previous attributes) and keeps its false flags.
 */
export function toV2Item(collection: V1Collection, item: object, partial = false): Item {
  const renames = { ...V2_COMMON_RENAMES, ...V2_RENAMES[collection] };
  const dropped = new Set([...(V2_DROPPED['*'] ?? []), ...(V2_DROPPED[collection] ?? [])]);
  const out: Item = {};
  for (const [key, value] of Object.entries(item)) {
    if (dropped.has(key)) continue;
    out[renames[key] ?? key] = value;
  }
  if (collection === 'bookings') {
    // §2: booking start/end are ISO strings in v2; §6.1 (S11): false flags are absent.
    if ('start' in out) out.start = slotText(out.start);
    if ('end' in out) out.end = slotText(out.end);
    if (!partial) for (const flag of V2_SPARSE_FLAGS) if (out[flag] === false) delete out[flag];
  }
  if (collection === 'payments' && Array.isArray(out.lines)) {
    out.lines = out.lines.map((line: Item) => {
      const { office, ...rest } = line;
      return office === undefined ? rest : { ...rest, location: office };
    });
  }
  // §6.17: availability is an array in v1 and one object in v2.
  if (collection === 'resources' && Array.isArray(out.availability)) out.availability = out.availability[0] ?? null;
  return Object.isFrozen(item) ? Object.freeze(out) : out;
}

/** A v2 validation failure: one or several messages (§9, S6). */
function validationError(messages: readonly string[]): HttpError {
  const error = badRequest(messages.join('; '));
  error.messages = messages;
  return error;
}

interface CompiledV2Query {
  predicate: ItemPredicate | null;
  key: string;
}

const fieldOf = (item: object, field: string): unknown => (item as Item)[field];

function eq(field: string, expected: string): ItemPredicate {
  return (item) => {
    const actual = fieldOf(item, field);
    if (typeof actual === 'string') return actual === expected;
    if (typeof actual === 'number' || typeof actual === 'boolean') return String(actual) === expected;
    return actual === undefined && expected === 'false';
  };
}

function compare(field: string, op: string, bound: number): ItemPredicate {
  return (item) => {
    const actual = fieldOf(item, field);
    const ms = typeof actual === 'string' ? Date.parse(actual) : Number.NaN;
    if (Number.isNaN(ms)) return false;
    return op === '$gt'
      ? ms > bound
      : op === '$gte'
        ? ms >= bound
        : op === '$lt'
          ? ms < bound
          : op === '$eq'
            ? ms === bound
            : ms <= bound;
  };
}

/**
 * Validates and compiles the query parameters of a v2 list: anything the endpoint does not document is
 * a 400 "property X should not exist" (S6), every violation reported at once.
 */
function compileV2Query(
  params: URLSearchParams,
  documented: Readonly<Record<string, V2ParamKind>>,
  allow: { id: boolean; sort: boolean; properties: boolean },
): CompiledV2Query {
  const predicates: ItemPredicate[] = [];
  const parts: string[] = [];
  const violations: string[] = [];
  const ids = (field: string, raw: string, max: number): string[] | null => {
    const list = raw.split(',');
    if (max === 1 && list.length > 1) {
      violations.push(`${field} must be a mongodb id`);
      return null;
    }
    if (list.length > max) {
      violations.push(`${field} must contain no more than ${max} elements`);
      return null;
    }
    if (!list.every((id) => OBJECT_ID.test(id))) {
      violations.push(`each value in ${field} must be a mongodb id`);
      return null;
    }
    return list;
  };
  for (const [key, value] of params) {
    if (V2_CONTROL_PARAMS.has(key)) continue;
    if (key === '$sort' && allow.sort) continue;
    const match = PARAM_KEY.exec(key);
    const field = match?.[1];
    const op = match?.[2] ?? null;
    if (!match || field === undefined) {
      violations.push(`property ${key} should not exist`);
      continue;
    }
    if (field === 'properties' && allow.properties && op !== null && !op.startsWith('$')) {
      const name = op;
      predicates.push((item) => {
        const properties = fieldOf(item, 'properties');
        return !!properties && typeof properties === 'object' && String((properties as Item)[name]) === value;
      });
      parts.push(JSON.stringify([key, value]));
      continue;
    }
    const kind: V2ParamKind | undefined = field === '_id' && allow.id ? 'ref-in' : documented[field];
    if (kind === undefined) {
      violations.push(`property ${key} should not exist`);
      continue;
    }
    const inOp = op === '$in' && (kind === 'ref-in' || kind === 'text-in');
    if (op !== null && !inOp && !(kind === 'date' && COMPARISONS.has(op))) {
      violations.push(`property ${key} should not exist`);
      continue;
    }
    if (kind === 'ref' || kind === 'ref-in') {
      // §8 (S5): `_id=a,b` is not allowed; a list goes in `[$in]` (or, for occurrences' resource, one or more ids).
      const list = ids(key, value, inOp || (kind === 'ref-in' && field !== '_id') ? V2_MAX_IN_IDS : 1);
      if (!list) continue;
      const wanted = new Set(list);
      predicates.push((item) => {
        const actual = fieldOf(item, field);
        return typeof actual === 'string' && wanted.has(actual);
      });
    } else if (kind === 'bool') {
      if (value !== 'true' && value !== 'false') {
        violations.push(`${key} must be a boolean value`);
        continue;
      }
      predicates.push(eq(field, value));
    } else if (kind === 'date') {
      let bound: number;
      try {
        bound = parseIsoParam(value, key);
      } catch {
        violations.push(`${key} must be a valid ISO 8601 date string`);
        continue;
      }
      predicates.push(compare(field, op ?? '$eq', bound));
    } else if (inOp) {
      const wanted = new Set(value.split(','));
      predicates.push((item) => wanted.has(String(fieldOf(item, field))));
    } else {
      predicates.push(eq(field, value));
    }
    parts.push(JSON.stringify([key, value]));
  }
  if (violations.length > 0) throw validationError(violations);
  const predicate = predicates.length === 0 ? null : (item: object) => predicates.every((p) => p(item));
  return { predicate, key: parts.sort().join(',') };
}

interface V2Page {
  start: number;
  limit: number;
}

/** §3: `$limit` (default 50; 400 above 50 as staging answers; 0 → 20), `$cursorNext` / `$cursorPrev`. */
function parseV2Paging(params: URLSearchParams, hash: string): V2Page {
  const raw = params.get('$limit');
  let limit = V2_PAGE_LIMIT;
  if (raw !== null) {
    if (!/^-?\d+$/.test(raw))
      throw validationError(['$limit must be a number conforming to the specified constraints']);
    const n = Number(raw);
    if (n > V2_PAGE_LIMIT) throw validationError([`$limit must not be greater than ${V2_PAGE_LIMIT}`]);
    // Staging answers -1 with everything and -2 with a 500 (S6): the simulator refuses negatives instead.
    if (n < 0) throw validationError(['$limit must not be less than 0']);
    limit = n === 0 ? V2_ZERO_LIMIT_PAGE : n;
  }
  const next = params.get('$cursorNext');
  const prev = params.get('$cursorPrev');
  // S6: both cursors at once time out on staging.
  if (next !== null && prev !== null) throw new HttpError(504, 'Gateway Timeout');
  const token = next ?? prev;
  if (token === null) return { start: 0, limit };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch (error) {
    // S6: a tampered cursor is a 500 carrying the JSON parser's message.
    throw new HttpError(500, error instanceof Error ? error.message : 'Invalid cursor');
  }
  const offset = Number((payload as { offset?: unknown } | null)?.offset);
  if ((payload as { q?: unknown } | null)?.q !== hash || !Number.isSafeInteger(offset) || offset < 0) {
    throw validationError(['cursor does not belong to this query']);
  }
  // A prev cursor holds where the page after it starts: the page before ends there.
  return next !== null
    ? { start: offset, limit }
    : { start: Math.max(0, offset - limit), limit: Math.min(limit, offset) };
}

/** The docs' cursor shape (`{"id":"50","offset":"50"}`, §3) plus the query it belongs to. */
const encodeCursor = (offset: number, hash: string): string =>
  Buffer.from(JSON.stringify({ id: String(offset), offset: String(offset), q: hash })).toString('base64');

/** Creates the v2 handlers over `dataset`; v2 shapes are built once per collection, on first use. */
export function createV2Api(dataset: Dataset): V2Api {
  const cache = createResultCache();
  const json = createJsonCache();
  const shaped = new Map<V1Collection, readonly Item[]>();
  const indexes = new Map<V1Collection, Map<string, Item>>();
  let occurrenceIndex: OccurrenceIndex | null = null;

  const itemsOf = (collection: V1Collection): readonly Item[] => {
    let items = shaped.get(collection);
    if (!items) {
      items = (dataset.collections[collection] as readonly object[]).map((item) => toV2Item(collection, item));
      shaped.set(collection, items);
    }
    return items;
  };

  const envelope = (
    all: readonly object[],
    paging: V2Page,
    hash: string,
    select: readonly string[] | null,
  ): SimResponse => {
    const start = Math.min(paging.start, all.length);
    const end = Math.min(all.length, start + paging.limit);
    const page = all.slice(start, end);
    // §3 (S6): rangeStart is 1-based, 0/0 when empty; cursor keys are absent when there is no such page.
    const head: Item = { rangeStart: page.length === 0 ? 0 : start + 1, rangeEnd: page.length === 0 ? 0 : end };
    if (end < all.length) head.cursorNext = encodeCursor(end, hash);
    if (start > 0 && page.length > 0) head.cursorPrev = encodeCursor(start, hash);
    const prefix = JSON.stringify(head).slice(0, -1);
    return jsonText(`${prefix},"results":${json.list(page, select)}}`);
  };

  const list = (path: V2List, params: URLSearchParams): SimResponse => {
    const collection = V2_LISTS[path];
    const query = compileV2Query(params, V2_PARAMS[path], {
      id: true,
      sort: V2_SORTABLE.has(path),
      properties: V2_PROPERTIES.has(path),
    });
    const select = parseSelect(params);
    const hash = queryHash(`v2:${path}?${query.key}`);
    const paging = parseV2Paging(params, hash);
    const all = itemsOf(collection);
    const { predicate } = query;
    const items = predicate ? cache.get(`${path}?${query.key}`, () => all.filter(predicate)) : all;
    return envelope(items, paging, hash, select);
  };

  const byId = (path: V2List, id: string): SimResponse => {
    const collection = V2_LISTS[path];
    let index = indexes.get(collection);
    if (!index) {
      index = new Map(itemsOf(collection).map((item) => [String(item._id), item]));
      indexes.set(collection, index);
    }
    const item = index.get(id);
    // §8 (S6): any unknown id, ObjectId-shaped or not, is a 404; `$select` and other parameters are ignored.
    if (!item) throw new HttpError(404, `Item with Id (${id}) not found`);
    return jsonText(json.one(item, null));
  };

  const occurrences = (params: URLSearchParams): SimResponse => {
    // `start`/`end` are the window, not conditions on the booking: validated here, applied by the expansion.
    const conditions = new URLSearchParams([...params].filter(([key]) => key !== 'start' && key !== 'end'));
    const query = compileV2Query(conditions, V2_OCCURRENCE_PARAMS, { id: false, sort: false, properties: false });
    const missing = ['start', 'end'].filter((name) => params.get(name) === null);
    if (missing.length > 0)
      throw validationError(missing.map((name) => `${name} must be a valid ISO 8601 date string`));
    const windowStart = parseIsoParam(params.get('start') ?? '', 'start');
    const windowEnd = parseIsoParam(params.get('end') ?? '', 'end');
    if (windowEnd <= windowStart) throw validationError(['end must be after start']);
    // §3/§6.2: "the period cannot exceed a year unless you specify paging parameters".
    const paged = ['$limit', '$cursorNext', '$cursorPrev'].some((name) => params.has(name));
    if (!paged && windowEnd - windowStart > MAX_WINDOW_MS)
      throw validationError(['The period cannot exceed one year unless you specify paging parameters']);
    const select = parseSelect(params);
    const window = `${windowStart}-${windowEnd}`;
    const hash = queryHash(`v2:occurrences?${window}&${query.key}`);
    const paging = parseV2Paging(params, hash);
    occurrenceIndex ??= createOccurrenceIndex(dataset.collections.bookings);
    const index = occurrenceIndex;
    // The window is the occurrence's own; the other filters read the booking in its v2 shape.
    const { predicate } = query;
    const filters = predicate
      ? (booking: object) => {
          const shape = toV2Item('bookings', booking);
          const { start: _start, end: _end, ...rest } = shape;
          return predicate(rest);
        }
      : null;
    const items = cache.get(`occurrences?${window}&${query.key}`, () =>
      index
        .expand({ windowStart, windowEnd, predicate: filters, key: '' })
        .map((occurrence) => toV2Item('bookings', occurrence)),
    );
    return envelope(items, paging, hash, select);
  };

  const coinStats = (params: URLSearchParams): SimResponse => {
    const query = compileV2Query(params, V2_COIN_STATS_PARAMS, { id: false, sort: false, properties: false });
    const month = params.get('month');
    // §6.6 (S5): `month` is required, as `YYYY-MM`.
    if (month === null || !MONTH.test(month)) throw validationError(['month must be a valid month (YYYY-MM)']);
    const select = parseSelect(params);
    const hash = queryHash(`v2:coins?${query.key}`);
    const paging = parseV2Paging(params, hash);
    const company = params.get('company');
    const member = params.get('member');
    const stats = creditStatsFor(dataset, {
      month,
      ...(company ? { team: company } : {}),
      ...(member ? { member } : {}),
    }).map((stat) => {
      const { team, ...rest } = stat;
      return { ...rest, company: team ?? null };
    });
    return envelope(stats, paging, hash, select);
  };

  return {
    answer(route, params) {
      switch (route.kind) {
        case 'list':
          return list(route.path, params);
        case 'by-id':
          return byId(route.path, route.id);
        case 'occurrences':
          return occurrences(params);
        case 'coin-stats':
          return coinStats(params);
      }
    },
  };
}
