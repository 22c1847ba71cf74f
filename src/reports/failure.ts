/**
 * What a failed export tells its caller: a stable code (the GraphQL error codes of schema/errors.ts), a message
 * naming method, path and status but never a secret (OfficeRnDError messages are built that way), and the HTTP
 * status used when nothing was sent yet. Unexpected errors are masked.
 */

import { CursorLoopError, OfficeRnDError } from '../officernd/index.ts';
import { ReportInputError } from './errors.ts';

export interface ExportFailure {
  code: string;
  message: string;
  /** HTTP status when the failure comes before the first byte. */
  status: number;
  headers: Record<string, string>;
}

const STATUS: Readonly<Record<string, number>> = {
  UPSTREAM_RATE_LIMITED: 429,
  UPSTREAM_TIMEOUT: 504,
  RESULT_TOO_LARGE: 422,
};

/** Describes an error for the export's caller. */
export function describeFailure(error: unknown): ExportFailure {
  if (error instanceof ReportInputError) return { code: error.code, message: error.message, status: 400, headers: {} };
  if (error instanceof OfficeRnDError) {
    const headers: Record<string, string> = {};
    if (error.code === 'UPSTREAM_RATE_LIMITED' && error.retryAfterMs !== undefined) {
      headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    }
    return { code: error.code, message: error.message, status: STATUS[error.code] ?? 502, headers };
  }
  if (error instanceof CursorLoopError) return { code: 'UPSTREAM_UNAVAILABLE', message: error.message, status: 502, headers: {} };
  // The caller went away (nobody reads this answer; 499 is the usual "client closed request" status).
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'CANCELLED', message: 'The request was cancelled by the caller', status: 499, headers: {} };
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return { code: 'UPSTREAM_TIMEOUT', message: 'OfficeRnD did not answer in time', status: 504, headers: {} };
  }
  // Errors of our own with a public code (the loaders' RESULT_TOO_LARGE, the request budget's UPSTREAM_TIMEOUT).
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (error instanceof Error && typeof code === 'string' && (code.startsWith('UPSTREAM_') || code === 'RESULT_TOO_LARGE')) {
    return { code, message: error.message, status: STATUS[code] ?? 502, headers: {} };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error while reading the report', status: 500, headers: {} };
}
