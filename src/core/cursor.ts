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
  const fields: (string | number | boolean | null)[] = [
    VERSION,
    scope,
    position.segment,
    position.upstream,
    position.offset,
  ];
  if (position.optional !== undefined) fields.push(position.optional);
  return Buffer.from(JSON.stringify(fields)).toString('base64url');
}

/** Reads a cursor of the query with fingerprint `scope`; throws CursorError for anything else. */
export function decodeCursor(cursor: string, scope: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const [version, print, segment, upstream, offset, optional] = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  const ok =
    version === VERSION &&
    typeof print === 'string' &&
    Number.isInteger(segment) &&
    (segment as number) >= 0 &&
    (upstream === null || typeof upstream === 'string') &&
    Number.isInteger(offset) &&
    (offset as number) >= 0 &&
    (optional === undefined || typeof optional === 'boolean');
  if (!ok) throw new CursorError('foreign');
  if (print !== scope) throw new CursorError('other-query');
  const position: CursorPosition = {
    segment: segment as number,
    upstream: upstream as string | null,
    offset: offset as number,
  };
  if (typeof optional === 'boolean') position.optional = optional;
  return position;
}
