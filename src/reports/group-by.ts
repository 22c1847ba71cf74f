/**
 * `?groupBy=` on an export (issue 18): `GET /reports/bookings.csv?groupBy=office,day&period=last_month` answers the
 * aggregate table instead of the rows: one row per group, its key columns (a linked key gives its id and a readable
 * `<key>.name` column), `count`, and `sum_<field>`, `avg_<field>`, `min_<field>`, `max_<field>` per numeric field. Keys and fields are the GraphQL
 * `aggregate`'s (core/aggregate.ts), and so are the numbers: the rows are the export's own (filters and dates),
 * grouped page by page (memory holds the groups, never the rows).
 */

import type { Loaders } from '../loaders/index.ts';
import {
  aggregateOf,
  createGrouper,
  lookupsFor,
  sortGroups,
  type AggregateSpec,
  type Group,
  type GroupKey,
  type Lookup,
} from '../core/aggregate.ts';
import { MAX_GROUPS } from '../core/limits.ts';
import { dateFieldOf, type ReportDateSpec } from '../dates/report-dates.ts';
import type { Weekday } from '../dates/selection.ts';
import type { ListCollection } from '../officernd/collections.ts';
import { ReportInputError } from './errors.ts';
import type { Cell } from './paths.ts';
import type { ReportSpec } from './registry.ts';
import { dateSpecOf, sourcePages, type PreparedReport, type ReportEnv } from './run.ts';

export const GROUP_BY_PARAMETER = 'groupBy';

/** The aggregates of a report: those of its collection; null for reports without (catalogues, occurrences …). */
export function reportAggregates(spec: ReportSpec): AggregateSpec<object> | null {
  if (spec.source.kind !== 'list') return null;
  return (aggregateOf(spec.source.collection) as AggregateSpec<object> | undefined) ?? null;
}

/** `office`, `resourceType`, `RESOURCE_TYPE` and `resource_type` all name the same key. */
const normalise = (name: string): string => name.replace(/[-_\s]/g, '').toLowerCase();

/** The keys `groupBy` accepts for a report (by their column names), with what each means; null: no aggregates. */
export function groupByKeys(spec: ReportSpec): Record<string, string> | null {
  const aggregates = reportAggregates(spec);
  if (!aggregates) return null;
  return Object.fromEntries(Object.values(aggregates.keys).map((key) => [key.name, key.description]));
}

/** The columns of a report's aggregate table grouped by `by` (`<Type>GroupBy` values). */
export function groupedColumns(aggregates: AggregateSpec<object>, by: readonly string[]): string[] {
  const keys = by.flatMap((value) => {
    const key = aggregates.keys[value] as GroupKey<object>;
    return key.label ? [key.name, `${key.name}.${key.label}`] : [key.name];
  });
  const measures = Object.keys(aggregates.measures);
  return [
    ...keys,
    'count',
    ...(['sum', 'avg', 'min', 'max'] as const).flatMap((f) => measures.map((m) => `${f}_${m}`)),
  ];
}

/**
 * Reads `groupBy` (comma-separated key names, any case): the `<Type>GroupBy` values, in order. A report without
 * aggregates, an unknown key or a parameter that changes rows into something else (`columns`, `expand`, `limit`)
 * is a 400 listing what is allowed.
 */
export function parseGroupBy(spec: ReportSpec, params: URLSearchParams): string[] | null {
  const given = params.getAll(GROUP_BY_PARAMETER);
  if (given.length === 0) return null;
  if (given.length > 1) throw new ReportInputError('Parameter "groupBy" is given more than once', GROUP_BY_PARAMETER);
  const aggregates = reportAggregates(spec);
  if (!aggregates) {
    throw new ReportInputError(`Report ${spec.name} has no aggregates: "groupBy" cannot be used`, GROUP_BY_PARAMETER);
  }
  const allowed = Object.values(aggregates.keys).map((key) => key.name);
  const byName = new Map(
    Object.entries(aggregates.keys).flatMap(([value, key]) => [
      [normalise(key.name), value],
      [normalise(value), value],
    ]),
  );
  const names = (given[0] ?? '').split(',').map((part) => part.trim());
  if (names.some((name) => name === ''))
    throw new ReportInputError(
      '"groupBy" is a comma-separated list of keys, with no empty entries',
      GROUP_BY_PARAMETER,
      {
        allowed,
      },
    );
  const by = names.map((name) => {
    const value = byName.get(normalise(name));
    if (!value) {
      throw new ReportInputError(
        `"groupBy" cannot group ${spec.name} by "${name}": use ${allowed.join(', ')}`,
        GROUP_BY_PARAMETER,
        { allowed },
      );
    }
    return value;
  });
  for (const other of ['columns', 'expand', 'limit']) {
    if (params.has(other)) {
      throw new ReportInputError(
        `"${other}" cannot be combined with "groupBy": a grouped export has one row per group and fixed columns`,
        other,
      );
    }
  }
  return [...new Set(by)];
}

/** How a grouped export buckets time: the export's `dateField` and its date selection's zone and week start. */
export interface GroupedTime {
  dateField: string | null;
  timeZone: string;
  weekStartsOn: Weekday;
}

/** Looks up the objects `via` keys read for one page (a booking's resource), through the request's loaders. */
async function pageLookup(
  loaders: Loaders,
  aggregates: AggregateSpec<object>,
  by: readonly string[],
  rows: readonly object[],
): Promise<Lookup> {
  const found = new Map<string, object>();
  for (const [collection, ids] of lookupsFor(aggregates, by, rows)) {
    const objects = await loaders.byId(collection).loadMany(ids);
    objects.forEach((object, i) => {
      if (object instanceof Error) throw object;
      if (object) found.set(`${collection}/${ids[i]}`, object as object);
    });
  }
  return (collection, id) => found.get(`${collection}/${id}`);
}

/** The readable label of each linked key value of the groups (`office.name`), loaded in one batch per collection. */
async function labels(
  loaders: Loaders,
  aggregates: AggregateSpec<object>,
  by: readonly string[],
  groups: readonly Group[],
): Promise<Map<string, Map<string, Cell>>> {
  const out = new Map<string, Map<string, Cell>>();
  for (const value of by) {
    const key = aggregates.keys[value] as GroupKey<object>;
    if (!key.label) continue;
    const label = key.label;
    const ids = [...new Set(groups.map((g) => g.keys[key.name]).filter((id): id is string => typeof id === 'string'))];
    const read = (object: unknown): Cell => {
      const text = (object as Record<string, unknown> | null | undefined)?.[label];
      return typeof text === 'string' ? text : null;
    };
    const found = new Map<string, Cell>();
    if (key.kind === 'resource-type') {
      // §7: resources name their type by its key; the types are a small catalogue read whole.
      const types = await loaders.all('resource-types');
      for (const id of ids) found.set(id, read(types.find((t) => t.type === id)));
    } else {
      const objects = await loaders.byId(key.collection as ListCollection).loadMany(ids);
      objects.forEach((object, i) => {
        if (object instanceof Error) throw object;
        found.set(ids[i] as string, read(object));
      });
    }
    out.set(key.name, found);
  }
  return out;
}

/**
 * The aggregate table of a prepared export: every row of the export read page by page and grouped by `by`; groups
 * in key order (as `aggregate.groupBy` without `orderBy`). More than MAX_GROUPS groups is RESULT_TOO_LARGE.
 */
export async function groupedTable(
  prepared: PreparedReport,
  env: ReportEnv,
  by: readonly string[],
  time: GroupedTime,
): Promise<{ columns: string[]; rows: Cell[][] }> {
  const aggregates = reportAggregates(prepared.spec) as AggregateSpec<object>;
  const dates = dateSpecOf(prepared.spec) as ReportDateSpec<object> | null;
  const field = dates ? dateFieldOf(dates, time.dateField) : null;
  const grouper = createGrouper(
    aggregates,
    {
      by,
      time: field ? { read: field.read, kind: field.kind } : { read: () => null, kind: 'date' },
      timeZone: time.timeZone,
      weekStartsOn: time.weekStartsOn,
    },
    MAX_GROUPS,
  );
  for await (const page of sourcePages(prepared, env)) {
    const items = page.rows.map((row) => row.item);
    grouper.add(items, await pageLookup(env.loaders, aggregates, by, items));
  }
  const groups = sortGroups(grouper.groups(), by, aggregates as AggregateSpec<unknown>);
  const named = await labels(env.loaders, aggregates, by, groups);
  const measures = Object.keys(aggregates.measures);
  const rows = groups.map((group) => {
    const cells: Cell[] = [];
    for (const value of by) {
      const key = aggregates.keys[value] as GroupKey<object>;
      const id = group.keys[key.name] ?? null;
      cells.push(id);
      if (key.label) cells.push(id === null ? null : (named.get(key.name)?.get(id) ?? null));
    }
    cells.push(group.count);
    for (const m of measures) cells.push(group.sum[m] ?? null);
    for (const m of measures) cells.push(group.avg[m] ?? null);
    for (const m of measures) cells.push(group.min[m] ?? null);
    for (const m of measures) cells.push(group.max[m] ?? null);
    return cells;
  });
  return { columns: groupedColumns(aggregates, by), rows };
}
