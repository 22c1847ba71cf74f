/**
 * What a failure tells the caller, decided in one place for the graph and the exports: a stable public code, a
 * message naming method, path and status but never a secret (OfficeRnDError messages are built that way), the HTTP
 * status when nothing was sent yet, and headers (`Retry-After`). Anything not known here is masked.
 */

import { OfficeRnDError, OfficeRnDQueryError } from '../officernd/index.ts';

interface PublicFailure {
  code: string;
  message: string;
  /** HTTP status of an answer that has not started yet. */
  status: number;
  headers: Record<string, string>;
  /** The upstream HTTP status, when OfficeRnD answered. */
  upstreamStatus?: number;
}

/** Codes our own errors carry (`readonly code = …`): the loaders' and scans' RESULT_TOO_LARGE, the budget's timeout, input errors. */
const OWN_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'RESULT_TOO_LARGE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
]);

const STATUS: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  RESULT_TOO_LARGE: 422,
  UPSTREAM_RATE_LIMITED: 429,
  UPSTREAM_BUDGET_EXCEEDED: 429,
  CANCELLED: 499,
  INTERNAL_SERVER_ERROR: 500,
  UPSTREAM_TIMEOUT: 504,
};

/** The HTTP status of a public code (502 for the other upstream failures). */
export const statusOf = (code: string): number => STATUS[code] ?? 502;

const failure = (code: string, message: string, headers: Record<string, string> = {}): PublicFailure => ({
  code,
  message,
  status: statusOf(code),
  headers,
});

/** The masked answer for anything unexpected: nothing of the error itself reaches the caller. */
export const INTERNAL_FAILURE: PublicFailure = failure('INTERNAL_SERVER_ERROR', 'Unexpected error');

/** Describes an error for the caller; null when it is not one this gateway describes (the caller then masks it). */
export function publicFailure(error: unknown): PublicFailure | null {
  if (error instanceof OfficeRnDError) {
    const headers: Record<string, string> = {};
    if (
      (error.code === 'UPSTREAM_RATE_LIMITED' || error.code === 'UPSTREAM_BUDGET_EXCEEDED') &&
      error.retryAfterMs !== undefined
    ) {
      headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    }
    return {
      ...failure(error.code, error.message, headers),
      ...(error.status ? { upstreamStatus: error.status } : {}),
    };
  }
  // A request the client refuses to build from the caller's arguments (e.g. an occurrence window over a year, §6.2).
  if (error instanceof OfficeRnDQueryError) return failure('BAD_USER_INPUT', error.message);
  if (!(error instanceof Error)) return null;
  // The caller went away (nobody reads this answer; 499 is the usual "client closed request" status).
  if (error.name === 'AbortError') return failure('CANCELLED', 'The request was cancelled by the caller');
  if (error.name === 'TimeoutError') return failure('UPSTREAM_TIMEOUT', 'OfficeRnD did not answer in time');
  // Errors of our own with a public code: a walk or scan that would be cut short (an error, never a short list),
  // the request budget running out, a report input error.
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && OWN_CODES.has(code)) return failure(code, error.message);
  return null;
}

/**
 * Whether a failed read may be OfficeRnD refusing a `$select` (§4: its handling of unknown fields varies): a 400, or
 * a 500 that outlived the client's retries. The caller then reads without the selection.
 */
export function refusesSelection(error: unknown): boolean {
  return error instanceof OfficeRnDError && (error.code === 'UPSTREAM_BAD_REQUEST' || error.status === 500);
}

/**
 * Whether a failed read may be OfficeRnD refusing `$populate` (§2, §4: a v1 parameter some servers may not take): a
 * 400. The caller reads again without it, and remembers the refusal once that read succeeds.
 */
export function refusesPopulate(error: unknown): boolean {
  return error instanceof OfficeRnDError && error.code === 'UPSTREAM_BAD_REQUEST';
}
