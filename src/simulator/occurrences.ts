/**
 * `GET /bookings/occurrences` (shared/officernd-api.md §6.2): one-off bookings plus every expanded
 * instance of recurring series that overlaps a window. Each item is the parent booking with
 * `start`/`end` replaced by the occurrence's (same `_id`; the doc invents no occurrence fields).
 */

import { tzOffset } from '@date-fns/tz';
import rrulePackage from 'rrule';
import type { WireBooking, WireDateTimeSlot } from '../officernd/types.ts';
import { badRequest } from './http.ts';
import { parseIsoParam, wireMillis } from './dates.ts';
import { allOf, compileCondition, CONTROL_PARAMS, type ItemPredicate } from './filters.ts';
import { OCCURRENCE_PARAMS, type V1FilterMode } from './model.ts';

// rrule ships CommonJS for Node: its named exports are only reachable through the default export.
const { rrulestr } = rrulePackage;

/** §6.2 (S19): the period cannot exceed a year (a leap year counts 366 days). */
const MAX_WINDOW_MS = 366 * 24 * 3_600_000;

export interface OccurrenceQuery {
  windowStart: number;
  windowEnd: number;
  /** Booking-level filters (office, member, team, resourceId, resource type). */
  predicate: ItemPredicate | null;
  /** Canonical text of window + filters, for cursors and the result cache. */
  key: string;
}

/**
 * Reads the occurrence parameters (§6.2 v1: `start`, `end` and `$limit` required; filters
 * `office`, `member`, `team`, `resourceId`, `type`). `resourceTypeOf` maps a resource id to its type.
 */
export function parseOccurrenceQuery(
  params: URLSearchParams,
  resourceTypeOf: (resourceId: string) => string | undefined,
  mode: V1FilterMode = 'all',
): OccurrenceQuery {
  const missing = OCCURRENCE_PARAMS.required.filter((name) => params.get(name) === null);
  if (missing.length > 0) throw badRequest(`Missing required parameter(s): ${missing.join(', ')}`);
  const windowStart = parseIsoParam(params.get('start') ?? '', 'start');
  const windowEnd = parseIsoParam(params.get('end') ?? '', 'end');
  if (windowEnd <= windowStart) throw badRequest('end must be after start');
  if (windowEnd - windowStart > MAX_WINDOW_MS) throw badRequest('The period cannot exceed one year');

  const predicates: ItemPredicate[] = [];
  const parts: string[] = [JSON.stringify(['window', windowStart, windowEnd])];
  for (const [key, value] of params) {
    if (CONTROL_PARAMS.has(key) || key === 'start' || key === 'end') continue;
    if (key.startsWith('$')) throw badRequest(`Unsupported query parameter: ${key}`);
    // Every parameter §6.2 lists is documented; `documented` ignores the others, the other modes refuse them.
    if (
      mode === 'documented' &&
      key !== OCCURRENCE_PARAMS.resourceType &&
      !Object.hasOwn(OCCURRENCE_PARAMS.filters, key)
    )
      continue;
    if (key === OCCURRENCE_PARAMS.resourceType) {
      predicates.push((booking) => {
        const resourceId = (booking as WireBooking).resourceId;
        return typeof resourceId === 'string' && resourceTypeOf(resourceId) === value;
      });
    } else {
      predicates.push(compileCondition(OCCURRENCE_PARAMS.filters, key, value).predicate);
    }
    parts.push(JSON.stringify([key, value]));
  }
  return { windowStart, windowEnd, predicate: allOf(predicates), key: parts.sort().join(',') };
}

const slotMillis = (slot: WireDateTimeSlot | undefined): number | null => wireMillis(slot?.dateTime ?? slot?.date);
const slot = (ms: number): WireDateTimeSlot => ({ dateTime: new Date(ms).toISOString(), date: null });

/** Local wall-clock ↔ UTC conversion for one zone, with offsets cached per UTC hour. */
function createZone(timeZone: string | null | undefined): { toWall(ms: number): number; toUtc(wall: number): number } {
  const cache = new Map<number, number>();
  const offsetMs = (ms: number): number => {
    const hour = Math.floor(ms / 3_600_000);
    let offset = cache.get(hour);
    if (offset === undefined) {
      const minutes = timeZone ? tzOffset(timeZone, new Date(hour * 3_600_000)) : 0;
      offset = Number.isFinite(minutes) ? minutes * 60_000 : 0;
      cache.set(hour, offset);
    }
    return offset;
  };
  return {
    toWall: (ms) => ms + offsetMs(ms),
    // Two passes settle the offset on the far side of a DST switch.
    toUtc: (wall) => wall - offsetMs(wall - offsetMs(wall)),
  };
}

/** Recurring series without COUNT/UNTIL or seriesEnd are expanded this far past their start. */
const OPEN_SERIES_MS = 5 * 366 * 86_400_000;
const MAX_SERIES_OCCURRENCES = 5_000;

interface Entry {
  booking: WireBooking;
  start: number;
  end: number;
  seriesStart: number;
  seriesEnd: number | null;
  rule: string | null;
  /** Occurrence starts of a recurring series (UTC ms, ascending, exdates removed), expanded on first use. */
  starts?: number[];
}

/**
 * Every occurrence start of a recurring series. The rule is expanded in the booking's time zone
 * (RFC 5545 local time: a 09:00 weekly meeting stays at 09:00 across DST), from DTSTART = the
 * series start; exdates are occurrence start instants (§6.1). When the row's own start is not an
 * instance of the rule, its anchor was moved (the doc leaves moved instances open, §11.7): the moved
 * instance replaces the rule's first one.
 */
function seriesStarts(entry: Entry, rule: string): number[] {
  const zone = createZone(entry.booking.timezone);
  const wallLimit = zone.toWall(entry.seriesEnd ?? entry.seriesStart + OPEN_SERIES_MS);
  const excluded = new Set((entry.booking.recurrence?.exdates ?? []).map(wireMillis));
  try {
    // rrule computes in "floating" UTC: feed it wall-clock times and convert each result back.
    const set = rrulestr(rule, { dtstart: new Date(zone.toWall(entry.seriesStart)) });
    const walls = set.all((wall, i) => i < MAX_SERIES_OCCURRENCES && wall.getTime() <= wallLimit);
    const starts = walls.map((wall) => zone.toUtc(wall.getTime()));
    if (starts.length > 0 && !starts.includes(entry.start)) starts[0] = entry.start;
    return starts.filter((start) => !excluded.has(start)).sort((a, b) => a - b);
  } catch {
    // An unparsable rule must not fail the whole report: the anchor instance still counts.
    return [entry.start];
  }
}

export interface OccurrenceIndex {
  /** The occurrences overlapping the query window, sorted by start then `_id` (§6.2). */
  expand(query: OccurrenceQuery): WireBooking[];
}

/** Indexes bookings for occurrence queries; a series is expanded once, the first time a window touches it. */
export function createOccurrenceIndex(bookings: readonly WireBooking[]): OccurrenceIndex {
  const entries: Entry[] = [];
  for (const booking of bookings) {
    const start = slotMillis(booking.start);
    const end = slotMillis(booking.end);
    if (start === null || end === null) continue;
    const rule = booking.recurrence?.rrule ?? null;
    const seriesStart = rule ? (wireMillis(booking.seriesStart) ?? start) : start;
    entries.push({ booking, start, end, seriesStart, seriesEnd: rule ? wireMillis(booking.seriesEnd) : end, rule });
  }

  return {
    expand({ windowStart, windowEnd, predicate }) {
      const found: { start: number; item: WireBooking }[] = [];
      for (const entry of entries) {
        const { booking, rule } = entry;
        if (!rule) {
          if (entry.start < windowEnd && entry.end > windowStart && (!predicate || predicate(booking))) {
            found.push({ start: entry.start, item: booking });
          }
          continue;
        }
        // Series outside the window cannot contribute: skip the expansion (a moved anchor may start before seriesStart).
        if (
          Math.min(entry.seriesStart, entry.start) >= windowEnd ||
          (entry.seriesEnd !== null && entry.seriesEnd <= windowStart)
        )
          continue;
        if (predicate && !predicate(booking)) continue;
        entry.starts ??= seriesStarts(entry, rule);
        const duration = entry.end - entry.start;
        for (const start of entry.starts) {
          if (start >= windowEnd) break;
          if (start + duration <= windowStart) continue;
          found.push({ start, item: { ...booking, start: slot(start), end: slot(start + duration) } });
        }
      }
      found.sort((a, b) => a.start - b.start || (a.item._id < b.item._id ? -1 : a.item._id > b.item._id ? 1 : 0));
      return found.map((f) => f.item);
    },
  };
}
