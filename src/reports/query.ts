/**
 * The query parameters of an export: `expand`, `columns` (comma-separated, in order), `limit`, `dateField`, the
 * DateSelection fields (`on`, `daysBack`, `from`, `to`, `fromDaysBack`, `toDaysBack`, `period`, `weekStartsOn`,
 * `timeZone`) and the report's filters. Id and enum filters take several values, repeated (`office=a&office=b`) or
 * comma-separated (`status=active,drop-in`). Anything else, an empty value or another repeated parameter is a 400.
 */

import type { DateSelectionInput, TimePeriod, Weekday } from '../dates/selection.ts';
import { multiValued } from '../core/filters.ts';
import { ReportInputError } from './errors.ts';
import type { ReportSpec } from './registry.ts';
import { DATE_PARAMS, type ReportRequest } from './run.ts';

const CONTROL = ['expand', 'columns', 'limit', 'dateField'] as const;
const DAY_PARAMS = ['on', 'from', 'to'] as const;
const COUNT_PARAMS = ['daysBack', 'fromDaysBack', 'toDaysBack'] as const;

interface ExportQuery {
  request: Omit<ReportRequest, 'report'>;
  /** At most this many rows (after expansion); null: all rows. */
  limit: number | null;
}

/** The parameters every export knows, then the report's filters. */
export function knownParameters(spec: ReportSpec): string[] {
  const filters = Object.entries(spec.filters).flatMap(([name, f]) => [name, ...(f.aliases ?? [])]);
  return [...CONTROL, ...DATE_PARAMS, ...filters];
}

/** Reads and checks the query string of an export of `spec`. */
export function parseExportQuery(spec: ReportSpec, params: URLSearchParams): ExportQuery {
  const known = knownParameters(spec);
  const several = new Set(
    Object.entries(spec.filters).flatMap(([name, f]) => (multiValued(f) ? [name, ...(f.aliases ?? [])] : [])),
  );
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  for (const [name, value] of params) {
    if (!known.includes(name)) {
      throw new ReportInputError(`Unknown parameter "${name}" for report ${spec.name}`, name, { parameters: known });
    }
    if (value.trim() === '') throw new ReportInputError(`Parameter "${name}" is empty`, name);
    if (several.has(name)) {
      const parts = value.split(',').map((part) => part.trim());
      if (parts.some((part) => part === ''))
        throw new ReportInputError(`Parameter "${name}" has an empty value in its list`, name);
      lists.set(name, [...(lists.get(name) ?? []), ...parts]);
      continue;
    }
    if (values.has(name)) throw new ReportInputError(`Parameter "${name}" is given more than once`, name);
    values.set(name, value.trim());
  }

  const count = (name: string, min: number): number | null => {
    const raw = values.get(name);
    if (raw === undefined) return null;
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < min) {
      throw new ReportInputError(
        `"${name}" must be a whole number${min > 0 ? ` of at least ${min}` : ''}, got "${raw}"`,
        name,
      );
    }
    return Number(raw);
  };

  const dates: DateSelectionInput = {};
  for (const name of DAY_PARAMS) if (values.has(name)) dates[name] = values.get(name) ?? null;
  // Negative day counts are passed on, so the date selection names them with its own message.
  for (const name of COUNT_PARAMS) if (values.has(name)) dates[name] = count(name, Number.MIN_SAFE_INTEGER);
  if (values.has('period')) dates.period = (values.get('period') ?? '').toUpperCase() as TimePeriod;
  if (values.has('weekStartsOn')) dates.weekStartsOn = (values.get('weekStartsOn') ?? '').toUpperCase() as Weekday;
  if (values.has('timeZone')) dates.timeZone = values.get('timeZone') ?? null;

  const filters: Record<string, string | string[]> = {};
  for (const [name, filter] of Object.entries(spec.filters)) {
    for (const key of [name, ...(filter.aliases ?? [])]) {
      const list = lists.get(key);
      const value = list === undefined ? values.get(key) : list.length === 1 ? list[0] : list;
      if (value !== undefined) filters[key] = value;
    }
  }

  const columns = values
    .get('columns')
    ?.split(',')
    .map((column) => column.trim());
  if (columns?.some((column) => column === '')) {
    throw new ReportInputError('"columns" is a comma-separated list of column names, with no empty entries', 'columns');
  }

  return {
    request: {
      expand: values.get('expand') ?? null,
      columns: columns ?? null,
      filters,
      dateField: values.get('dateField') ?? null,
      dates: Object.keys(dates).length > 0 ? dates : null,
    },
    limit: count('limit', 1),
  };
}
