/**
 * The one cursor of the graph: a position in an upstream sequence, bound to the query it was issued for. The upstream
 * part resumes at a page boundary (§3: upstream cursors only do that); the offset makes it exact for any `first`.
 * Lists, reverse links, occurrences and `report(...)` all use it, so every cursor reads and fails the same way.
 */

import { createHash } from 'node:crypto';

export interface CursorPosition {
  /** Which upstream segment (occurrence window, credit month); 0 for a plain list. */
  segment: number;
  /** The upstream page cursor; null for the first page of the segment. */
  upstream: string | null;
  /** Items (or rows) of that page already delivered. */
  offset: number;
  /** Whether the upstream query carried its optional filters: offsets and cursors belong to that variant. */
  optional?: boolean;
  /** Set when the list is read in sub-windows (core/sub-windows.ts): `upstream` is that sub-window's cursor. */
  split?: SplitPosition;
}

/**
 * Which sub-window of a split read a position lies in, with the split itself: the cut points the cursor was issued
 * with, so the read resumes in the same sub-windows however the learnt spread (and so a fresh plan) changed since.
 */
export interface SplitPosition {
  /** The field the read is cut on (`seriesStart`, `createdAt`). */
  field: string;
  /** Cut points, ms epoch, ascending: n points make n + 1 sub-windows. */
  points: readonly number[];
  /** The sub-window (0 … points.length). */
  sub: number;
  /**
   * Rows of the sub-window in its pages before this one: with the expected rows per sub-window, how many the read
   * still has to go in it (so a resumed page opens the next sub-windows as early as a first one would).
   */
  before: number;
}

/** A cursor that is not ours, or belongs to another query. `reason` is what the caller tells the user. */
export class CursorError extends Error {
  constructor(readonly reason: 'foreign' | 'other-query') {
    super(reason === 'foreign' ? 'not a cursor this gateway issued' : 'a cursor of a different query');
    this.name = 'CursorError';
  }
}

const VERSION = 2;

/** The fingerprint a query's cursors carry: a short hash of everything that decides its items. */
export function cursorScope(query: string): string {
  return createHash('sha256').update(query).digest('base64url').slice(0, 12);
}

/** Writes a cursor for a position of the query with fingerprint `scope`. */
export function encodeCursor(position: CursorPosition, scope: string): string {
  const fields: (string | number | boolean | null | (string | number)[])[] = [
    VERSION,
    scope,
    position.segment,
    position.upstream,
    position.offset,
  ];
  if (position.optional !== undefined || position.split) fields.push(position.optional ?? null);
  // A split position: [field, sub, before, packed points] (packPoints), after the variant (null when none): older
  // cursors read as before.
  const split = position.split;
  if (split) fields.push([split.field, split.sub, split.before, packPoints(split.points)]);
  return Buffer.from(JSON.stringify(fields)).toString('base64url');
}

/**
 * Time units cut points are written in: the largest that divides them all (a plan cuts at whole seconds, splitPoints;
 * a cursor's own points, from before that, in ms), so that writing them loses nothing.
 */
const UNITS: Record<string, number> = { m: 60_000, s: 1_000, t: 1 };

/**
 * Cut points in a few bytes each: a unit letter, the first point in that unit and the gaps to each next one, base 36,
 * dot-separated (`s1b2c3d4.1uk0.1ukz`): about 5 characters a point for gaps under 19 days, instead of the 14 of a ms
 * epoch number (issue 21's cursors of 16 to 64 sub-windows).
 */
export function packPoints(points: readonly number[]): string {
  const unit = Object.keys(UNITS).find((key) => points.every((p) => p % (UNITS[key] as number) === 0)) ?? 't';
  const size = UNITS[unit] as number;
  return (
    unit +
    points
      .map((p, i) => (i === 0 ? p : p - (points[i - 1] as number)) / size)
      .map((n) => n.toString(36))
      .join('.')
  );
}

const PACKED = /^[mst]-?[0-9a-z]{1,11}(\.[0-9a-z]{1,11})*$/;

/** Reads packPoints' form: ascending safe-integer ms; null when it is not one (a gap of 0 included). */
export function unpackPoints(packed: string): number[] | null {
  if (!PACKED.test(packed)) return null;
  const size = UNITS[packed[0] as string] as number;
  const points: number[] = [];
  for (const [i, digits] of packed.slice(1).split('.').entries()) {
    const step = Number.parseInt(digits, 36) * size;
    const point = i === 0 ? step : (points[i - 1] as number) + step;
    if (!Number.isSafeInteger(step) || !Number.isSafeInteger(point) || (i > 0 && step <= 0)) return null;
    points.push(point);
  }
  return points;
}

/** Reads a cursor of the query with fingerprint `scope`; throws CursorError for anything else. */
export function decodeCursor(cursor: string, scope: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const [version, print, segment, upstream, offset, optional, split] = Array.isArray(parsed)
    ? (parsed as unknown[])
    : [];
  const splitAt = split === undefined ? undefined : splitOf(split);
  const ok =
    version === VERSION &&
    typeof print === 'string' &&
    Number.isInteger(segment) &&
    (segment as number) >= 0 &&
    (upstream === null || typeof upstream === 'string') &&
    Number.isInteger(offset) &&
    (offset as number) >= 0 &&
    (optional === undefined || typeof optional === 'boolean' || (optional === null && splitAt !== undefined)) &&
    splitAt !== null;
  if (!ok) throw new CursorError('foreign');
  if (print !== scope) throw new CursorError('other-query');
  const position: CursorPosition = {
    segment: segment as number,
    upstream: upstream as string | null,
    offset: offset as number,
  };
  if (typeof optional === 'boolean') position.optional = optional;
  if (splitAt) position.split = splitAt;
  return position;
}

/**
 * Reads a split position: [field, sub, before, packed points] (packPoints), or as cursors wrote it before,
 * [field, sub, before, ...points in ms]; null when it is not one.
 */
function splitOf(value: unknown): SplitPosition | null {
  if (!Array.isArray(value) || value.length < 4) return null;
  const [field, sub, before, ...rest] = value as unknown[];
  const packed = rest.length === 1 && typeof rest[0] === 'string' ? unpackPoints(rest[0]) : undefined;
  if (packed === null) return null;
  const points = packed ?? rest;
  if (typeof field !== 'string' || field === '' || !Number.isInteger(sub)) return null;
  if (!Number.isInteger(before) || (before as number) < 0) return null;
  if (!points.every((p, i) => Number.isSafeInteger(p) && (i === 0 || (p as number) > (points[i - 1] as number))))
    return null;
  if ((sub as number) < 0 || (sub as number) > points.length) return null;
  return { field, points: points as number[], sub: sub as number, before: before as number };
}
