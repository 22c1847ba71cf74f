/**
 * Errors of the OfficeRnD client. `OfficeRnDError` is an upstream failure (or a failure to reach
 * upstream); `OfficeRnDQueryError` is a request we refuse to send. Messages read like ofetch's
 * (`[GET] "/organizations/demo/members": 404 Not Found`) and never carry a secret or token.
 */

import { STATUS_CODES } from 'node:http';
import { scrubSecrets } from '../secrets.ts';

export type OfficeRnDErrorCode =
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_RATE_LIMITED'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_BAD_REQUEST'
  /** OfficeRnD refused the credentials (token request) or the token (a 401 after a fresh one, a 403). */
  | 'UPSTREAM_AUTH_FAILED'
  /** The token endpoint is down, unreachable or failing (5xx): the credentials were not judged. */
  | 'UPSTREAM_AUTH_UNAVAILABLE'
  /** OfficeRnD answered with something unusable: a repeated page cursor. */
  | 'UPSTREAM_INVALID_DATA'
  /** An answer above MAX_UPSTREAM_RESPONSE_BYTES, compressed or decompressed. */
  | 'UPSTREAM_RESPONSE_TOO_LARGE'
  /** The request's share of the upstream budget is spent (calls, or a rate slot before its deadline). */
  | 'UPSTREAM_BUDGET_EXCEEDED'
  | 'NOT_FOUND';

export interface OfficeRnDErrorInit {
  code: OfficeRnDErrorCode;
  method: string;
  /** Path and query relative to the API origin; never an origin, credential or token. */
  path: string;
  status?: number;
  upstreamMessage?: string;
  retryAfterMs?: number;
  /** What went wrong when there was no HTTP answer (network error, timeout, bad body). */
  detail?: string;
}

/** An upstream call that failed: status, method and path, and the upstream's own message. */
export class OfficeRnDError extends Error {
  readonly code: OfficeRnDErrorCode;
  readonly status?: number;
  readonly method: string;
  readonly path: string;
  readonly upstreamMessage?: string;
  readonly retryAfterMs?: number;

  constructor(init: OfficeRnDErrorInit) {
    const outcome = init.status === undefined ? '<no response>' : `${init.status} ${reasonPhrase(init.status)}`;
    const tail = [init.upstreamMessage, init.detail].filter(Boolean).join(' ');
    super(`[${init.method}] ${JSON.stringify(init.path)}: ${outcome}${tail ? ` ${tail}` : ''}`);
    this.name = 'OfficeRnDError';
    this.code = init.code;
    this.method = init.method;
    this.path = init.path;
    if (init.status !== undefined) this.status = init.status;
    if (init.upstreamMessage !== undefined) this.upstreamMessage = init.upstreamMessage;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

/** A query the client refuses to build: unknown field, operator without v1 evidence, missing param. */
export class OfficeRnDQueryError extends Error {
  readonly code = 'BAD_QUERY' as const;

  constructor(message: string) {
    super(message);
    this.name = 'OfficeRnDQueryError';
  }
}

/** Maps an HTTP status to the client's error code (shared/officernd-api.md §9). */
export function codeForStatus(status: number): OfficeRnDErrorCode {
  if (status === 401 || status === 403) return 'UPSTREAM_AUTH_FAILED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 408 || status === 504) return 'UPSTREAM_TIMEOUT';
  if (status === 429) return 'UPSTREAM_RATE_LIMITED';
  if (status >= 400 && status < 500 && status !== 425) return 'UPSTREAM_BAD_REQUEST';
  return 'UPSTREAM_UNAVAILABLE';
}

/** The upstream's explanation: v1/v2 `message` (string or list, §9) or OAuth `error_description` (§1). */
export function upstreamMessageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const message = record.message ?? record.error_description ?? record.error;
  if (typeof message === 'string' && message !== '') return message.slice(0, 500);
  if (Array.isArray(message)) {
    const parts = message.filter((m): m is string => typeof m === 'string');
    return parts.length > 0 ? parts.join('; ').slice(0, 500) : undefined;
  }
  return undefined;
}

/** True for the upstream's answer to an organization slug it does not know (§9: a 500 "Organization not found"). */
export function isUnknownOrganization(message: string | undefined): boolean {
  return message !== undefined && /^organi[sz]ation not found\b/i.test(message.trim());
}

/** Replaces every spelling (secrets.ts) of the given secrets (client secret, tokens) with `[redacted]`. */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  return scrubSecrets(text, secrets);
}

function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown Status';
}
