/**
 * Time helpers for the data generator. Everything is epoch milliseconds internally and rendered
 * as `YYYY-MM-DDTHH:mm:ss.sssZ`; date-only values sit at `T00:00:00.000Z` (api doc §4 Timezones, §10.6).
 */

import { tzOffset } from '@date-fns/tz';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** ISO timestamp with milliseconds, UTC. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Start of the UTC day containing `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** Date-only wire value: the UTC day at midnight. */
export function dateOnly(ms: number): string {
  return iso(startOfDay(ms));
}

/** `YYYY-MM` of the UTC month containing `ms`. */
export function monthKey(ms: number): string {
  return iso(ms).slice(0, 7);
}

/** Start of the UTC month containing `ms`, shifted by `months`. */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}

/** Same day-of-month `months` later (clamped to the month's end), at UTC midnight. */
export function addMonthsToDate(ms: number, months: number): number {
  const d = new Date(ms);
  const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate();
  return target + (Math.min(d.getUTCDate(), lastDay) - 1) * DAY;
}

/** Day of week of a UTC day number (days since epoch): 0 = Sunday. */
export function weekday(dayNumber: number): number {
  return (dayNumber + 4) % 7;
}

/** Converts office wall-clock time to UTC instants, caching the zone offset per zone and day. */
export interface ZoneClock {
  /** UTC ms of `minuteOfDay` minutes past local midnight on local calendar day `dayNumber` in `timeZone`. */
  wallToUtc(timeZone: string, dayNumber: number, minuteOfDay: number): number;
}

/** Creates a ZoneClock with its own offset cache (one per generated dataset). */
export function createZoneClock(): ZoneClock {
  const cache = new Map<string, number>();
  // Offsets are read at local noon: DST switches happen at night, and bookings fall in office hours.
  const offsetAtNoon = (timeZone: string, dayNumber: number): number => {
    const key = `${timeZone}|${dayNumber}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const noonUtc = dayNumber * DAY + 12 * HOUR;
    const guess = tzOffset(timeZone, new Date(noonUtc));
    const offset = tzOffset(timeZone, new Date(noonUtc - guess * MINUTE));
    cache.set(key, offset);
    return offset;
  };
  return {
    wallToUtc: (timeZone, dayNumber, minuteOfDay) =>
      dayNumber * DAY + minuteOfDay * MINUTE - offsetAtNoon(timeZone, dayNumber) * MINUTE,
  };
}
