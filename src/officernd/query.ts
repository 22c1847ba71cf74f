/**
 * Filters and field selection in the v1 query syntax (shared/officernd-api.md §4):
 * `field=value`, `field.$gte=<ISO>`, `name.$swi=…`, `$select=a,b`. Only fields and operators
 * listed in collections.ts are sent; anything the v1 API has no evidence for (`$in`, `$ne`, …)
 * is refused here rather than sent.
 */

import { COLLECTIONS, OBJECT_ID, OCCURRENCE_PERIOD_MAX_MS } from './collections.ts';
import type { ListCollection } from './collections.ts';
import { OfficeRnDQueryError } from './errors.ts';

export type FilterOp = 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'sw' | 'swi' | 'ew' | 'ewi' | 'cs' | 'csi';

export interface Filter {
  field: string;
  op: FilterOp;
  value: string | number | boolean | Date;
}

export interface ListQuery {
  filters?: Filter[];
  /**
   * Filters the caller can do without because it checks them itself (a date selection pushed down, §4: v1 has
   * evidence only for some comparisons). Sent upstream; if OfficeRnD rejects them with a 400, the client drops them
   * for that collection from then on and reads without them.
   */
  optional?: Filter[];
  select?: string[];
  /**
   * v1 only (§2, §4 `$populate`): references OfficeRnD is asked to return as `{_id, <field>}` instead of bare ids,
   * each `<reference>.<field>`. A reader must still expect bare ids (a dangling reference, §6, or a server that
   * ignores the parameter) and a 400 (one that refuses it): see POPULATES.
   */
  populate?: string[];
}

/** The list parameter of `ListQuery.populate` (§4). */
export const POPULATE_PARAM = '$populate';

/** Whether an API version has `$populate` (§2: v1 lists; removed in v2, whose strict lists answer it 400, §4). */
export const POPULATES: Readonly<Record<'v1' | 'v2', boolean>> = { v1: true, v2: false };

export interface OccurrenceParams {
  start: Date | string;
  end: Date | string;
  office?: string;
  member?: string;
  team?: string;
  resourceId?: string;
  /** Resource type, e.g. meeting_room. */
  type?: string;
}

export interface CreditStatsParams {
  /** 'YYYY-MM' */
  month: string;
  team?: string;
  member?: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const COMPARISONS: ReadonlySet<string> = new Set(['gt', 'gte', 'lt', 'lte']);
const STRING_OPS: ReadonlySet<string> = new Set(['sw', 'swi', 'ew', 'ewi', 'cs', 'csi']);
const SELECT_FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const POPULATE_FIELD = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;

/** Builds the v1 query parameters for a list call; throws OfficeRnDQueryError for anything unsupported. */
export function toQueryParams(query: ListQuery | undefined, collection: ListCollection): URLSearchParams {
  const spec = COLLECTIONS[collection];
  const params = new URLSearchParams();
  for (const filter of [...(query?.filters ?? []), ...(query?.optional ?? [])]) {
    const { field, op } = filter;
    const key = op === 'eq' ? field : `${field}.$${op}`;
    if (params.has(key)) {
      throw new OfficeRnDQueryError(`Filter "${key}" on ${collection} is given twice; v1 ANDs distinct filters only`);
    }
    params.set(key, filterValue(collection, spec, filter));
  }
  const select = query?.select ?? [];
  if (select.length > 0) {
    for (const field of select) {
      if (!SELECT_FIELD.test(field)) {
        throw new OfficeRnDQueryError(`$select field ${JSON.stringify(field)} on ${collection} is not a field name`);
      }
    }
    // §4: an empty `$select=` is a 400 upstream, so it is only sent with at least one field.
    params.set('$select', [...new Set(select)].join(','));
  }
  const populate = query?.populate ?? [];
  if (populate.length > 0) {
    for (const field of populate) {
      if (!POPULATE_FIELD.test(field)) {
        throw new OfficeRnDQueryError(
          `${POPULATE_PARAM} field ${JSON.stringify(field)} on ${collection} is not <reference>.<field>`,
        );
      }
    }
    params.set(POPULATE_PARAM, [...new Set(populate)].sort().join(','));
  }
  return params;
}

/** Serialises params with literal `$`, `.` and `,` in keys as v1 clients send them (§3, §4). */
export function toQueryString(params: URLSearchParams): string {
  const parts: string[] = [];
  for (const [key, value] of params) parts.push(`${encodeKey(key)}=${encodeURIComponent(value)}`);
  return parts.join('&');
}

/** Date → ISO with milliseconds and `Z` (§4); strings must parse as dates. */
function toIsoDate(value: Date | string | number, what: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new OfficeRnDQueryError(`${what} must be a date, got ${JSON.stringify(String(value))}`);
  }
  return date.toISOString();
}

function checkId(name: string, value: string | undefined, params: URLSearchParams): void {
  if (value === undefined) return;
  if (!OBJECT_ID.test(value)) {
    throw new OfficeRnDQueryError(`${name} must be a 24-hex id, got ${JSON.stringify(value)}`);
  }
  params.set(name, value);
}

/** Occurrence window params (§6.2): `start` and `end` required, at most a year apart, ids checked. */
export function toOccurrenceParams(params: OccurrenceParams): URLSearchParams {
  if (params.start === undefined || params.start === '') throw new OfficeRnDQueryError('occurrences need a start');
  if (params.end === undefined || params.end === '') throw new OfficeRnDQueryError('occurrences need an end');
  const start = toIsoDate(params.start, 'occurrences start');
  const end = toIsoDate(params.end, 'occurrences end');
  const windowMs = Date.parse(end) - Date.parse(start);
  if (windowMs <= 0) throw new OfficeRnDQueryError('occurrences end must be after start');
  if (windowMs > OCCURRENCE_PERIOD_MAX_MS) {
    // §6.2: one occurrences request may span at most a year.
    throw new OfficeRnDQueryError('occurrences window must not exceed one year; split it');
  }
  const query = new URLSearchParams({ start, end });
  checkId('office', params.office, query);
  checkId('member', params.member, query);
  checkId('team', params.team, query);
  checkId('resourceId', params.resourceId, query);
  if (params.type !== undefined) {
    if (params.type === '') throw new OfficeRnDQueryError('occurrences type must not be empty');
    query.set('type', params.type);
  }
  return query;
}

/** Credit stats params (§6.6): `month` plus a team or member; v1 callers send month as an ISO datetime (S17). */
export function toCreditStatsParams(params: CreditStatsParams): URLSearchParams {
  const month = MONTH.exec(params.month ?? '');
  if (!month) throw new OfficeRnDQueryError(`credit stats need month as YYYY-MM, got ${JSON.stringify(params.month)}`);
  if (params.team === undefined && params.member === undefined) {
    throw new OfficeRnDQueryError('credit stats need a team or a member');
  }
  const query = new URLSearchParams({ month: `${month[1]}-${month[2]}-01T00:00:00.000Z` });
  checkId('team', params.team, query);
  checkId('member', params.member, query);
  return query;
}

type Spec = (typeof COLLECTIONS)[ListCollection];

function filterValue(collection: ListCollection, spec: Spec, filter: Filter): string {
  const { field, op, value } = filter;
  const where = `${collection}.${field}`;
  const isRef = spec.refFilters.includes(field);
  const isDate = spec.dateFields.includes(field);
  const isString = spec.stringFields.includes(field);
  const isValue = spec.valueFields.includes(field);
  if (!isRef && !isDate && !isString && !isValue) {
    throw new OfficeRnDQueryError(`${where} is not a filterable field of ${collection}`);
  }
  if (COMPARISONS.has(op)) {
    if (!isDate) throw new OfficeRnDQueryError(`${where} is not a date field: $${op} applies to date fields only`);
    if (typeof value === 'boolean') throw new OfficeRnDQueryError(`${where}.$${op} needs a date`);
    return toIsoDate(value, `${where}.$${op}`);
  }
  if (STRING_OPS.has(op)) {
    if (!isString) throw new OfficeRnDQueryError(`${where} is not a text field: $${op} applies to text fields only`);
    if (typeof value !== 'string' || value === '') {
      throw new OfficeRnDQueryError(`${where}.$${op} needs a non-empty string`);
    }
    return value;
  }
  if (op !== 'eq') {
    // §4: `$in`, `$ne`, `$nin` have no evidence in v1, so they are never sent.
    throw new OfficeRnDQueryError(`Operator ${JSON.stringify(String(op))} is not supported by the OfficeRnD v1 API`);
  }
  if (isRef) {
    // §4: reference filters take the 24-hex id.
    if (typeof value !== 'string' || !OBJECT_ID.test(value)) {
      throw new OfficeRnDQueryError(`${where} needs a 24-hex id, got ${JSON.stringify(String(value))}`);
    }
    return value;
  }
  if (!isString && !isValue) throw new OfficeRnDQueryError(`${where} is a date field: use gt/gte/lt/lte`);
  if (value instanceof Date) return toIsoDate(value, where);
  return String(value);
}

function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%24/g, '$');
}

/**
 * Whether a page answered to a `$select` holds nothing but ids: what OfficeRnD returns for a selection of fields it
 * does not know (§4). A reader must then read again without the selection, never take the bare objects as rows.
 */
export function isBareIdAnswer(items: readonly object[]): boolean {
  return items.length > 0 && items.every((item) => Object.keys(item).every((key) => key === '_id' || key === 'id'));
}
