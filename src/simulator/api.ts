/**
 * The v1 read endpoints over a dataset (shared/officernd-api.md): lists with filters and cursor
 * paging (§3, §4), by-id (§8), booking occurrences (§6.2) and credit stats (§6.6).
 */

import { creditStatsFor, type Dataset } from './generate.ts';
import { applySelect, compileFilters, parseSelect, type FilterContext, type ItemPredicate } from './filters.ts';
import { badRequest, HttpError, jsonResponse, type SimResponse } from './http.ts';
import { parseIsoParam } from './dates.ts';
import { createOccurrenceIndex, parseOccurrenceQuery, type OccurrenceIndex } from './occurrences.ts';
import { pageOf, parsePaging, queryHash } from './paging.ts';
import { createResultCache } from './result-cache.ts';
import {
  CREDIT_STATS_PARAMS,
  isDocumentedV1Filter,
  OBJECT_ID,
  RESOURCE_AVAILABILITY_PARAMS,
  V1_MODEL,
  type V1Collection,
  type V1FilterMode,
  type V1PopulateMode,
} from './model.ts';
import { parsePopulate, populateItem, populateKey } from './populate.ts';
import type { ApiRoute } from './routes.ts';

type ListCollection = V1Collection;

export interface Api {
  /** Answers a GET on a matched route; expected failures are thrown as HttpError. */
  answer(route: ApiRoute, params: URLSearchParams): SimResponse;
}

/** What a list answer carries of each item: a `$select` projection and populated references (populate.ts). */
export interface Projection {
  select: readonly string[] | null;
  /** Populates one (selected) item; with `key`, its canonical text. */
  populate?: { key: string; apply(item: Record<string, unknown>): Record<string, unknown> } | null;
}

/**
 * Serialises frozen items once and reuses the text: re-serialising the same objects page after page made the
 * simulator, not the gateway, the bottleneck of large walks and exports. Only frozen items (a dataset frozen deeply
 * by its owner, as the bench does) are kept; tests that edit an item in place get it serialised afresh. A `$select`
 * projection (and a `$populate` of it) is kept per projection the same way (an export asks for the same fields page
 * after page); a change to the data builds a new API, and so a new cache. The texts are held as long as the
 * simulator (a frozen dataset lives as long): plain maps, which cost the garbage collector nothing per entry, unlike
 * weak ones.
 */
export function createJsonCache(): {
  one(item: object, select: readonly string[] | null): string;
  list(items: readonly object[], select: readonly string[] | null, populate?: Projection['populate']): string;
} {
  const whole = new Map<object, string>();
  const projected = new Map<string, Map<object, string>>();
  const textsFor = ({ select, populate }: Projection): Map<object, string> => {
    if (!select && !populate) return whole;
    const key = `${select?.join(',') ?? '*'}|${populate?.key ?? ''}`;
    let texts = projected.get(key);
    if (!texts) projected.set(key, (texts = new Map()));
    return texts;
  };
  const project = (item: object, { select, populate }: Projection): object => {
    const selected = select ? applySelect(item, select) : item;
    return populate ? populate.apply(selected as Record<string, unknown>) : selected;
  };
  const textOf = (texts: Map<object, string>, item: object, projection: Projection): string => {
    if (!Object.isFrozen(item)) return JSON.stringify(project(item, projection));
    let text = texts.get(item);
    if (text === undefined) texts.set(item, (text = JSON.stringify(project(item, projection))));
    return text;
  };
  return {
    one: (item, select) => textOf(textsFor({ select }), item, { select }),
    list: (items, select, populate = null) => {
      const projection = { select, populate };
      const texts = textsFor(projection);
      return `[${items.map((item) => textOf(texts, item, projection)).join(',')}]`;
    },
  };
}

/** A 200 answer whose body is already JSON text. */
export const jsonText = (body: string, headers: Record<string, string> = {}): SimResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body,
});

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface Availability {
  startDate?: string | null;
  endDate?: string | null;
}

/**
 * §4/§6.17 `availableFrom` / `availableTo` on resources (S13, S16; semantics not documented): the
 * simulator keeps a resource when one of its availability windows reaches past `availableFrom`
 * (open end or ending on or after it) and starts on or before `availableTo`.
 */
function availabilityFilter(field: string, op: string | null, value: string): ItemPredicate {
  if (op !== null) throw badRequest(`Unsupported operator ${op} on ${field}`);
  const bound = parseIsoParam(value, field);
  return (item) => {
    const raw = (item as { availability?: Availability | Availability[] | null }).availability;
    const windows = Array.isArray(raw) ? raw : raw ? [raw] : [];
    return windows.some((window) => {
      if (field === 'availableFrom') return !window.endDate || Date.parse(window.endDate) >= bound;
      return typeof window.startDate === 'string' && Date.parse(window.startDate) <= bound;
    });
  };
}

/** The filter context of a v1 list under a filter mode. */
function filterContext(collection: ListCollection, mode: V1FilterMode): FilterContext {
  return {
    fields: V1_MODEL[collection].fields,
    documented: (field, op) => isDocumentedV1Filter(collection, field, op),
    mode,
    special:
      collection === 'resources'
        ? (field, op, value) =>
            RESOURCE_AVAILABILITY_PARAMS.has(field) ? availabilityFilter(field, op, value) : undefined
        : undefined,
  };
}

/**
 * Creates the endpoint handlers; indexes and result lists are built lazily and kept per simulator. `populateMode`
 * and `unpopulated`: how lists answer `$populate` (populate.ts).
 */
export function createApi(
  dataset: Dataset,
  mode: V1FilterMode = 'all',
  populateMode: V1PopulateMode = 'honoured',
  unpopulated: readonly string[] = [],
): Api {
  const cache = createResultCache();
  const json = createJsonCache();
  const byIdIndexes = new Map<ListCollection, Map<string, object>>();
  let resourceTypes: Map<string, string> | null = null;
  let occurrenceIndex: OccurrenceIndex | null = null;

  const itemsOf = (collection: ListCollection): readonly object[] => dataset.collections[collection];

  const indexOf = (collection: ListCollection): Map<string, object> => {
    let index = byIdIndexes.get(collection);
    if (!index) {
      index = new Map();
      for (const item of itemsOf(collection)) {
        const id = (item as { _id?: unknown })._id;
        if (typeof id === 'string') index.set(id, item);
      }
      byIdIndexes.set(collection, index);
    }
    return index;
  };

  const resourceTypeOf = (resourceId: string): string | undefined => {
    if (!resourceTypes) {
      resourceTypes = new Map();
      for (const resource of dataset.collections.resources) {
        if (typeof resource.type === 'string') resourceTypes.set(resource._id, resource.type);
      }
    }
    return resourceTypes.get(resourceId);
  };

  const list = (collection: ListCollection, params: URLSearchParams): SimResponse => {
    const filter = compileFilters(params, filterContext(collection, mode));
    const select = parseSelect(params);
    const spec = parsePopulate(params, collection, populateMode, unpopulated);
    const hash = queryHash(`${collection}?${filter.key}`);
    const paging = parsePaging(params, hash);
    const { predicate } = filter;
    const all = itemsOf(collection);
    // Dataset order (createdAt, then _id) is the list order; filtering keeps it (§3 stable paging).
    const items = predicate ? cache.get(`${collection}?${filter.key}`, () => all.filter(predicate)) : all;
    const page = pageOf(items, paging, hash);
    const populate =
      spec && spec.size > 0
        ? {
            key: populateKey(spec),
            apply: (item: Record<string, unknown>) => populateItem(item, spec, (target, id) => indexOf(target).get(id)),
          }
        : null;
    return jsonText(json.list(page.items, select, populate), page.headers);
  };

  const byId = (collection: ListCollection, id: string, params: URLSearchParams): SimResponse => {
    const item = indexOf(collection).get(id);
    // §8/§9: any unknown id, ObjectId-shaped or not, is a 404 with this message.
    if (!item) throw new HttpError(404, `Item with Id (${id}) not found`);
    // §4: $select applies to single items too; other params are ignored on single GETs (§4, S6).
    const select = parseSelect(params);
    return jsonText(json.one(item, select));
  };

  const occurrences = (params: URLSearchParams): SimResponse => {
    const query = parseOccurrenceQuery(params, resourceTypeOf, mode);
    const select = parseSelect(params);
    const hash = queryHash(`occurrences?${query.key}`);
    const paging = parsePaging(params, hash, true);
    occurrenceIndex ??= createOccurrenceIndex(dataset.collections.bookings);
    const index = occurrenceIndex;
    const items = cache.get(`occurrences?${query.key}`, () => index.expand(query));
    const page = pageOf(items, paging, hash);
    return jsonText(json.list(page.items, select), page.headers);
  };

  const creditStats = (params: URLSearchParams): SimResponse => {
    for (const key of params.keys()) {
      // §6.6: only month, team, member; `documented` ignores anything else, the other modes refuse it.
      if (!CREDIT_STATS_PARAMS.has(key) && mode !== 'documented')
        throw badRequest(`Unsupported query parameter: ${key}`);
    }
    const rawMonth = params.get('month');
    const team = params.get('team');
    const member = params.get('member');
    // §6.6: v1 callers send `month` as an ISO datetime within the month; v2 takes `YYYY-MM`.
    if (rawMonth === null) throw badRequest('Missing required parameter: month');
    const month = MONTH.test(rawMonth)
      ? rawMonth
      : new Date(parseIsoParam(rawMonth, 'month')).toISOString().slice(0, 7);
    if (team === null && member === null) throw badRequest('Missing required parameter: team or member');
    for (const [name, id] of [
      ['team', team],
      ['member', member],
    ] as const) {
      if (id !== null && !OBJECT_ID.test(id)) throw badRequest(`${name} must be a 24-hex id`);
    }
    return jsonResponse(
      200,
      creditStatsFor(dataset, { month, ...(team ? { team } : {}), ...(member ? { member } : {}) }),
    );
  };

  return {
    answer(route, params) {
      switch (route.kind) {
        case 'list':
          return list(route.collection, params);
        case 'by-id':
          return byId(route.collection, route.id, params);
        case 'occurrences':
          return occurrences(params);
        case 'credit-stats':
          return creditStats(params);
      }
    },
  };
}
