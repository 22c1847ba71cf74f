/**
 * Reading the dates OfficeRnD sends, for both front ends (the graph's `DateTime`/`Date` fields and the export
 * cells). §4: timestamps are ISO-8601 UTC with milliseconds; date-only fields are stored at T00:00:00.000Z and the
 * time is to be ignored (§4 Timezones), so a date-only value is its UTC day. Pure: no GraphQL, no I/O.
 */

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** An ISO-8601 day, optionally followed by a time: what `Date.parse` is trusted with (it accepts much more). */
const ISO_LIKE = /^[+-]?\d{4,6}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instant of a wire value as canonical ISO (`2026-12-01T09:30:00.000Z`); undefined when it is not a date. */
export function wireInstant(value: string): string | undefined {
  if (CANONICAL.test(value)) return Number.isNaN(Date.parse(value)) ? undefined : value;
  if (!ISO_LIKE.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The calendar day of a date-only wire value (`2026-12-01`); undefined when it is not a date. */
export function wireDay(value: string): string | undefined {
  return wireInstant(value)?.slice(0, 10);
}
