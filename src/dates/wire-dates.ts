/**
 * Reading the dates OfficeRnD sends, for both front ends (the graph's `DateTime`/`Date` fields and the export
 * cells). §4: timestamps are ISO-8601 UTC with milliseconds; date-only fields are stored at T00:00:00.000Z and the
 * time is to be ignored (§4 Timezones), so a date-only value is its UTC day. Pure: no GraphQL, no I/O.
 */

/** What OfficeRnD sends (§4), with each part in range; days 29–31 still need the calendar (`Date.parse`). */
const CANONICAL = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
/** An ISO-8601 day, optionally followed by a time: what `Date.parse` is trusted with (it accepts much more). */
const ISO_LIKE = /^[+-]?\d{4,6}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instant of a wire value as canonical ISO (`2026-12-01T09:30:00.000Z`); undefined when it is not a date. */
export function wireInstant(value: string): string | undefined {
  // The common case without Date.parse (an export reads a few dates per row, hundreds of thousands of rows).
  if (CANONICAL.test(value)) return value.slice(8, 10) <= '28' || inCalendar(value) ? value : undefined;
  if (!ISO_LIKE.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Whether a canonical value names a real day (`Date.parse` rolls 2026-02-30 over to March 2 instead of failing). */
function inCalendar(value: string): boolean {
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

/** The calendar day of a date-only wire value (`2026-12-01`); undefined when it is not a date. */
export function wireDay(value: string): string | undefined {
  return wireInstant(value)?.slice(0, 10);
}
