/**
 * ISO-8601 handling for query values and wire timestamps (shared/officernd-api.md §4: ISO UTC
 * strings with milliseconds, e.g. `2026-06-01T00:00:00.000Z`).
 */

import { badRequest } from './http.ts';

const ISO_VALUE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses a query value as an ISO date; 400 naming `label` otherwise. A date-time without a zone is
 * read as UTC (the API's timestamps are all UTC, §4), never as the host's local time.
 */
export function parseIsoParam(value: string, label: string): number {
  const match = ISO_VALUE.exec(value);
  const zoned = match && value.includes('T') && match[1] === undefined ? `${value}Z` : value;
  const ms = match ? Date.parse(zoned) : Number.NaN;
  if (Number.isNaN(ms)) throw badRequest(`${label} must be an ISO 8601 date, got "${value}"`);
  return ms;
}

/** Epoch ms of a wire timestamp, or null when the field is absent or not a date. */
export function wireMillis(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
