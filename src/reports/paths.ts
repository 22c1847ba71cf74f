/**
 * Reading dotted paths of wire objects and turning values into table cells: scalars stay as they are,
 * absent values are empty, arrays and objects become JSON text (issue 4: "arrays that are not expanded are
 * written as JSON text").
 */

/** One cell of a flat report. */
export type Cell = string | number | boolean | null;

/** The value at a dotted path (`address.city`); '' is the value itself; undefined when any step is missing. */
export function valueAt(source: unknown, path: string): unknown {
  if (path === '') return source;
  let current: unknown = source;
  for (const step of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** A value as a cell: null/undefined → null, scalars as they are, anything else as JSON text. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return JSON.stringify(value) ?? null;
}

/** A reference value as a lookup key (ids are strings; numbers are tolerated), or null. */
export function refKey(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
