/**
 * Filters as the gateway applies them (issue 13: upstream filtering is an optimisation, never the truth). Every
 * filter a caller gives is checked by the gateway on every returned row with the declared check (`filterMatches`);
 * what is also sent to OfficeRnD only saves pages. A filter with public v1 evidence (shared/officernd-api.md §4) is
 * sent as a filter; any other is sent as an optional one (dropped for the collection if OfficeRnD refuses it); an
 * equality on a false flag is never sent, because v1 omits false flags and a `field=false` match would drop them.
 */

import { filterMatches, type FilterSpec, type FilterValue, type ListCollection } from '../officernd/collections.ts';
import type { Filter } from '../officernd/query.ts';

/**
 * A filter a caller gave, checked, with its declaration. Id and enum filters may take several values (issue 18): a
 * row matches when it matches any of them.
 */
export interface GivenFilter {
  spec: FilterSpec;
  value: FilterValue | readonly FilterValue[];
  /**
   * For a filter checked through a link (`spec.via`): the ids of the linked objects that match, filled by
   * `resolveLinks` before rows are checked.
   */
  linked?: ReadonlySet<string>;
}

/** The filter kinds that take several values (ids and enums): text operators and flags take one. */
export const multiValued = (spec: FilterSpec): boolean => spec.kind === 'id' || spec.kind === 'enum';

/** The one value of a filter as OfficeRnD can be sent it; null for several (v1 has no `$in`, §4). */
const single = (value: GivenFilter['value']): FilterValue | null =>
  typeof value === 'string' || typeof value === 'boolean'
    ? value
    : value.length === 1
      ? (value[0] as FilterValue)
      : null;

/** Whether an object matches any of a filter's values, comparing `spec.field`. */
const anyMatches = (spec: FilterSpec, value: GivenFilter['value'], row: object): boolean =>
  typeof value === 'string' || typeof value === 'boolean'
    ? filterMatches(spec, row, value)
    : value.some((v) => filterMatches(spec, row, v));

/** A reference as an id: a string, or a reference object's `_id` / `id`; null otherwise. */
export function refId(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value !== 'object' || value === null) return null;
  const { _id, id } = value as { _id?: unknown; id?: unknown };
  if (typeof _id === 'string' && _id !== '') return _id;
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * Whether a row matches a given filter: any of its values. A filter through a link matches when the row's reference
 * is one of the matching linked objects (`resolveLinks` must have run: checking without them is a gateway bug).
 */
export function givenMatches(filter: GivenFilter, row: object): boolean {
  const { spec, value, linked } = filter;
  if (!spec.via) return anyMatches(spec, value, row);
  if (!linked) throw new Error(`Filter on ${spec.via.collection}.${spec.via.targetField} checked before resolveLinks`);
  const id = refId((row as Record<string, unknown>)[spec.via.field]);
  return id !== null && linked.has(id);
}

/**
 * Fills the linked ids of the filters checked through a link (`FilterSpec.via`): each linked collection is read
 * whole through `all` (the request's loader: once per request), and its objects whose `targetField` matches the
 * filter are kept. Filters without a link come back as they are.
 */
export async function resolveLinks(
  given: readonly GivenFilter[],
  all: (collection: ListCollection) => Promise<readonly object[]>,
): Promise<GivenFilter[]> {
  return Promise.all(
    given.map(async (filter) => {
      const via = filter.spec.via;
      if (!via || filter.linked) return filter;
      const target: FilterSpec = { ...filter.spec, field: via.targetField, via: undefined };
      const linked = new Set<string>();
      for (const item of await all(via.collection)) {
        const id = refId((item as { _id?: unknown })._id);
        if (id !== null && anyMatches(target, filter.value, item)) linked.add(id);
      }
      return { ...filter, linked };
    }),
  );
}

/** What goes upstream for a set of given filters: relied-on filters and optional ones. */
interface PushDown {
  filters: Filter[];
  optional: Filter[];
}

const toWire = (spec: FilterSpec, value: FilterValue): Filter => ({ field: spec.field, op: spec.op ?? 'eq', value });

/** Splits given filters into what is sent upstream as filters, as optional filters, and not at all. */
export function pushDown(given: readonly GivenFilter[]): PushDown {
  const filters: Filter[] = [];
  const optional: Filter[] = [];
  for (const filter of given) {
    if (!isSent(filter)) continue;
    const value = single(filter.value) as FilterValue;
    (filter.spec.documented ? filters : optional).push(toWire(filter.spec, value));
  }
  return { filters, optional };
}

/** The row check of the given filters (all must match); null when there are none. */
export function rowCheck(given: readonly GivenFilter[]): ((row: object) => boolean) | null {
  if (given.length === 0) return null;
  return (row) => given.every((filter) => givenMatches(filter, row));
}

/**
 * Whether a filter goes upstream at all: §4, a record without the flag is not flagged, so `field=false` upstream may
 * drop it (checked here only); several values of one filter cannot be sent to v1 (no `$in`).
 */
const isSent = (f: GivenFilter): boolean =>
  !(f.spec.kind === 'boolean' && f.value !== true) && single(f.value) !== null;

/**
 * Whether every given filter is sent upstream as a relied-on filter and OfficeRnD has not been seen to ignore it:
 * rows should then all match, and pages can ask for just what is needed.
 */
export function fullyPushed(given: readonly GivenFilter[], ignores: (field: string) => boolean = () => false): boolean {
  return given.every((f) => f.spec.documented && isSent(f) && !ignores(f.spec.field));
}

/**
 * The row check of the given filters, noticing when OfficeRnD ignored one it was sent: a row that fails a filter
 * sent upstream calls `ignored(field)` (the caller records it once, and plans stop counting on that filter).
 */
export function watchedCheck(
  given: readonly GivenFilter[],
  ignored: (field: string) => void,
): ((row: object) => boolean) | null {
  if (given.length === 0) return null;
  return (row) => {
    let keep = true;
    for (const filter of given) {
      if (givenMatches(filter, row)) continue;
      keep = false;
      if (isSent(filter)) ignored(filter.spec.field);
    }
    return keep;
  };
}

/**
 * A list scanned as many upstream rows as it may without finding the rows asked for: the gateway checks filters
 * itself, and OfficeRnD did not narrow. An error rather than a short page, so `first` and `hasNextPage` stay exact.
 */
export class ScanLimitError extends Error {
  readonly code = 'RESULT_TOO_LARGE';
  constructor(what: string, maxItems: number) {
    super(
      `Scanned ${maxItems} ${what} without finding enough rows that match the filters (OfficeRnD did not narrow them); ` +
        'ask for fewer rows or add a filter OfficeRnD applies (office, team, member)',
    );
    this.name = 'ScanLimitError';
  }
}
