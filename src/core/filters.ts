/**
 * Filters as the gateway applies them (issue 13: upstream filtering is an optimisation, never the truth). Every
 * filter a caller gives is checked by the gateway on every returned row with the declared check (`filterMatches`);
 * what is also sent to OfficeRnD only saves pages. A filter with public v1 evidence (shared/officernd-api.md §4) is
 * sent as a filter; any other is sent as an optional one (dropped for the collection if OfficeRnD refuses it); an
 * equality on a false flag is never sent, because v1 omits false flags and a `field=false` match would drop them.
 */

import { filterMatches, type FilterSpec, type FilterValue } from '../officernd/collections.ts';
import type { Filter } from '../officernd/query.ts';

/**
 * A filter a caller gave, checked, with its declaration. Id and enum filters may take several values (issue 18): a
 * row matches when it matches any of them.
 */
export interface GivenFilter {
  spec: FilterSpec;
  value: FilterValue | readonly FilterValue[];
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

/** Whether a row matches a given filter: any of its values. */
export const givenMatches = ({ spec, value }: GivenFilter, row: object): boolean =>
  typeof value === 'string' || typeof value === 'boolean'
    ? filterMatches(spec, row, value)
    : value.some((v) => filterMatches(spec, row, v));

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
