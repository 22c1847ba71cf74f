/**
 * Field To Expand (the connector's option): each element of the chosen array becomes its own row, carrying the
 * object's columns plus `<field>.*` columns; an absent or empty array keeps one row with those columns empty.
 */

import { CREDIT_STATS_PATH, fieldNamed, OCCURRENCES_PATH } from '../officernd/collections.ts';
import { ReportInputError } from './errors.ts';
import { pathReader } from './paths.ts';
import type { ExpandSpec, ReportSpec } from './registry.ts';

/** A row before it is written: the object, and the expanded element (undefined: none). */
export interface Row {
  item: object;
  element?: unknown;
}

/**
 * The rows of some objects with `field` expanded (no field: one row per object). A single object where a list
 * is expected counts as a one-element list (§6.12 revenue targets, §6.17 availability: v1 object, v2 list).
 */
export function expandRows(items: readonly object[], field: string | null): Row[] {
  if (field === null) return items.map((item) => ({ item }));
  const rows: Row[] = [];
  const read = pathReader(field);
  for (const item of items) {
    const value = read(item);
    const elements = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
    if (elements.length === 0) rows.push({ item });
    else for (const element of elements) rows.push({ item, element });
  }
  return rows;
}

/** The upstream path (v1 name) a report reads, under which its fields are declared (officernd/collections.ts). */
function pathOf(spec: ReportSpec): string {
  const { source } = spec;
  if (source.kind === 'list') return source.collection;
  return source.kind === 'occurrences' ? OCCURRENCES_PATH : CREDIT_STATS_PATH;
}

/**
 * The expandable field `given` names: an expandable field of the report, or one by the name v2 gives it (§2,
 * declared in officernd/collections.ts: `lines` is payments' `invoiceLines`), so rows are always expanded from the
 * field the data has, over either version. Own fields only: `constructor`, `__proto__` or `toString` are not fields
 * of any report, whatever an object inherits (issue 14.6). Anything else is a BAD_USER_INPUT naming the expandable
 * fields.
 */
export function expandFieldOf(spec: ReportSpec, given: string): string {
  const fields = Object.keys(spec.expand);
  const found = fieldNamed(pathOf(spec), given, fields);
  if (found !== undefined) return found;
  throw new ReportInputError(
    fields.length === 0
      ? `Report ${spec.name} has no field to expand`
      : `Report ${spec.name} cannot expand "${given}": expandable fields are ${fields.join(', ')}`,
    'expand',
    { expandable: fields },
  );
}

/** The declaration of an expandable field, by either of its names (expandFieldOf). */
export function expandSpecOf(spec: ReportSpec, field: string): ExpandSpec {
  return spec.expand[expandFieldOf(spec, field)] as ExpandSpec;
}
