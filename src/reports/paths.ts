/**
 * Reading dotted paths of wire objects and turning values into table cells: scalars stay as they are,
 * absent values are empty, arrays and objects stay JSON values (NDJSON and JSON write them as such; CSV writes
 * their JSON text, writers.ts).
 */

/** A JSON array or object in a cell (an array that is not expanded, an object column). */
export type JsonCell = readonly unknown[] | { readonly [key: string]: unknown };

/** One cell of a flat report. */
export type Cell = string | number | boolean | null | JsonCell;

/** Reads the value at one dotted path; undefined when any step is missing. */
export type PathReader = (source: unknown) => unknown;

const step = (current: unknown, key: string): unknown =>
  typeof current !== 'object' || current === null || Array.isArray(current)
    ? undefined
    : (current as Record<string, unknown>)[key];

/**
 * A reader for a dotted path (`address.city`; '' is the value itself), split once: an export reads the same few
 * paths of every row, so splitting per read was a measurable share of its CPU.
 */
export function pathReader(path: string): PathReader {
  if (path === '') return (source) => source;
  const steps = path.split('.');
  const [first, second] = steps;
  if (steps.length === 1 && first !== undefined) return (source) => step(source, first);
  if (steps.length === 2 && first !== undefined && second !== undefined)
    return (source) => step(step(source, first), second);
  return (source) => {
    let current = source;
    for (const key of steps) current = step(current, key);
    return current;
  };
}

/** A value as a cell: null/undefined → null, scalars as they are, arrays and objects as JSON values. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return typeof value === 'object' ? (value as JsonCell) : null;
}

/** A reference value as a lookup key (ids are strings; numbers are tolerated), or null. */
export function refKey(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
