/**
 * Bookings (§6.1): one-off and recurring, over the past 12 months (or `years` of history) and the next
 * 3 months, in the resource's office time zone. Recurring series carry an RFC 5545 rule expanded in
 * local wall-clock time, `exdates` are occurrence start instants, and seriesStart/seriesEnd span the
 * whole series. The first three series of every dataset are the awkward cases a reader of
 * `seriesStart` must survive (issue 21): one whose first instance is excluded (its row starts at the
 * second instance, after seriesStart), one whose anchor instance was moved a day earlier (its row
 * starts before seriesStart) and one open-ended (no COUNT/UNTIL, seriesEnd null).
 */

import type { WireBooking, WireResource } from '../../officernd/types.ts';
import type { MemberInfo, TeamInfo } from './community.ts';
import type { GenContext } from './context.ts';
import type { Random } from '../random.ts';
import { createWeightedTable } from './maps.ts';
import { BOOKING_SUMMARIES } from './names.ts';
import type { Pricing, RateInfo } from './pricing.ts';
import type { OfficeSite, Spaces } from './spaces.ts';
import { DAY, HOUR, iso, MINUTE, weekday } from './time.ts';

export interface BookingInfo {
  booking: WireBooking;
  site: OfficeSite;
  resource: WireResource;
  rate: RateInfo | undefined;
  member: MemberInfo | null;
  team: TeamInfo | null;
  /** Start instants (ms) of every occurrence, exdates removed. */
  starts: number[];
  durationMs: number;
}

const REFERENCE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A 7-character booking reference such as `G35X86D` (§6.1). */
function referenceCode(rnd: Random): string {
  let code = '';
  for (let i = 0; i < 7; i += 1) code += REFERENCE_CHARS.charAt(rnd.int(0, REFERENCE_CHARS.length - 1));
  return code;
}

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const RESOURCE_PREFERENCE: Record<string, number> = {
  meeting_room: 55,
  hotdesk: 18,
  phone_booth: 12,
  team_room: 5,
  desk: 5,
  event_space: 5,
};

const SOURCES: readonly (readonly [string, number])[] = [
  ['portal', 48],
  ['admin', 22],
  ['mobile', 12],
  ['Google', 6],
  ['public-api', 5],
  ['embedded-portal', 4],
  ['public', 3],
];

/** A recurrence pattern this generator can expand itself (and rrule can parse). */
interface Pattern {
  freq: 'WEEKLY' | 'DAILY';
  interval: number;
  days: number[];
  count: number | null;
  untilDay: number | null;
}

/** Monday-based week index of a day number (RFC 5545 default WKST=MO). */
const weekIndex = (dayNumber: number): number => Math.floor((dayNumber + 3) / 7);

/** Local calendar days of a pattern starting on `firstDay` (which matches the pattern). */
function expandDays(pattern: Pattern, firstDay: number): number[] {
  const days: number[] = [];
  const firstWeek = weekIndex(firstDay);
  for (let d = firstDay; d < firstDay + 800; d += 1) {
    if (pattern.count !== null && days.length >= pattern.count) break;
    if (pattern.untilDay !== null && d > pattern.untilDay) break;
    if (!pattern.days.includes(weekday(d))) continue;
    if (pattern.freq === 'WEEKLY' && (weekIndex(d) - firstWeek) % pattern.interval !== 0) continue;
    days.push(d);
  }
  return days;
}

function ruleText(pattern: Pattern): string {
  const parts = [`FREQ=${pattern.freq}`];
  if (pattern.interval > 1) parts.push(`INTERVAL=${pattern.interval}`);
  parts.push(`BYDAY=${pattern.days.map((d) => BYDAY[d]).join(',')}`);
  if (pattern.count !== null) parts.push(`COUNT=${pattern.count}`);
  if (pattern.untilDay !== null)
    parts.push(
      `UNTIL=${iso(pattern.untilDay * DAY)
        .slice(0, 10)
        .replaceAll('-', '')}T235959Z`,
    );
  return parts.join(';');
}

function humanize(pattern: Pattern, occurrences: number): string {
  const names = pattern.days.map((d) => DAY_NAMES[d]).join(', ');
  const every =
    pattern.freq === 'DAILY'
      ? 'Every weekday'
      : pattern.interval > 1
        ? `Every ${pattern.interval} weeks on ${names}`
        : `Weekly on ${names}`;
  return `${every}, ${occurrences} times`;
}

function randomPattern(rnd: Random, firstDay: number): Pattern {
  const kind = rnd.weighted<string>([
    ['weekly', 55],
    ['weekly2', 15],
    ['weekdays', 15],
    ['until', 15],
  ]);
  const dow = weekday(firstDay);
  if (kind === 'weekdays')
    return { freq: 'DAILY', interval: 1, days: [1, 2, 3, 4, 5], count: rnd.int(3, 10), untilDay: null };
  const extra = rnd.chance(0.35) ? [(dow + rnd.pick([2, 3])) % 7 || 1] : [];
  const days = [...new Set([dow, ...extra])].filter((d) => d >= 1 && d <= 5).sort((a, b) => a - b);
  if (kind === 'weekly2') return { freq: 'WEEKLY', interval: 2, days: [dow], count: rnd.int(3, 8), untilDay: null };
  if (kind === 'until')
    return { freq: 'WEEKLY', interval: 1, days: [dow], count: null, untilDay: firstDay + rnd.int(3, 12) * 7 + 3 };
  return { freq: 'WEEKLY', interval: 1, days: days.length > 0 ? days : [dow], count: rnd.int(4, 12), untilDay: null };
}

/** How far back a booking made ahead of its lead time (see createBookings) was made, at most. */
const BOOKED_AHEAD_DAYS = 28;

/** The awkward series cases given to the first recurring bookings, in this order (see the module comment). */
export const SERIES_CASES = ['first-excluded', 'anchor-moved', 'open-ended'] as const;
export type SeriesCase = (typeof SERIES_CASES)[number];

/** Creates ~8000 bookings a year of history at scale 1 (× `density`; about 10% recurring). */
export function createBookings(
  ctx: GenContext,
  sites: readonly OfficeSite[],
  members: readonly MemberInfo[],
  spaces: Spaces,
  pricing: Pricing,
  years = 1,
  density = 1,
): BookingInfo[] {
  const rnd = ctx.random('bookings');
  const target = ctx.count(8000 * years * density, 5);
  const siteById = new Map(sites.map((s) => [s.office._id, s]));
  const bookers = members.filter((m) => m.member.status !== 'lead' && m.member.status !== 'contact');
  const bookerTable = createWeightedTable(bookers, (m) => (m.active ? 4 : 1) * m.site.weight);
  const resourceTables = new Map(
    [...spaces.bookable].map(([office, list]) => [
      office,
      createWeightedTable(list, (r) => RESOURCE_PREFERENCE[r.type ?? ''] ?? 1),
    ]),
  );
  const today = Math.floor(ctx.now / DAY);
  const firstDay = today - Math.round(365 * years);
  const lastDay = today + 90;
  const out: BookingInfo[] = [];
  let seriesSeen = 0;
  // A booking is made an hour to 30 days before its first instance; one whose instant that would be after now was
  // made at some instant of the last BOOKED_AHEAD_DAYS (not before its booker joined), drawn from a stream of its own
  // so that every other value is as it was. They all shared createdAt = now before, which no createdAt range can cut
  // apart (issue 21: whole reads are split on createdAt).
  const ahead = ctx.random('bookings-ahead');
  const bookedAhead = (earliest: number): number => {
    const from = Math.max(earliest, ctx.now - BOOKED_AHEAD_DAYS * DAY);
    return from + Math.floor(ahead.next() * Math.max(0, ctx.now - MINUTE - from));
  };

  for (let i = 0; i < target && bookers.length > 0; i += 1) {
    const booker = bookerTable.pick(rnd.next());
    const site = rnd.chance(0.88) ? booker.site : rnd.pick(sites);
    const table = resourceTables.get(site.office._id) ?? resourceTables.get(booker.site.office._id);
    if (!table) continue;
    const resource = table.pick(rnd.next());
    const resourceSite = siteById.get(resource.office ?? '') ?? site;
    const type = resource.type ?? 'meeting_room';
    let day = rnd.int(Math.max(firstDay, Math.floor(booker.createdMs / DAY) + 1), lastDay);
    // Mostly weekdays: move weekend days to the nearest weekday inside the window.
    if (rnd.chance(0.85)) {
      if (weekday(day) === 6) day -= 1;
      else if (weekday(day) === 0) day += day + 1 <= lastDay ? 1 : -2;
    }

    const allDay = type === 'hotdesk' || type === 'desk';
    const startMinute = allDay ? rnd.pick([480, 510, 540]) : rnd.int(14, 37) * 30;
    const durationMin = allDay
      ? rnd.pick([480, 540, 570])
      : type === 'phone_booth'
        ? rnd.pick([30, 30, 60])
        : type === 'event_space'
          ? rnd.pick([240, 480])
          : rnd.int(1, 8) * 30;

    const recurring = !allDay && type !== 'event_space' && rnd.chance(0.11);
    const pattern = recurring ? randomPattern(rnd, day) : null;
    const days = pattern ? expandDays(pattern, day) : [day];
    const tz = resourceSite.timezone;
    const allStarts = days.map((d) => ctx.clock.wallToUtc(tz, d, startMinute));
    const durationMs = durationMin * MINUTE;
    const first = allStarts[0] as number;
    const last = allStarts[allStarts.length - 1] as number;
    let exdates =
      pattern && allStarts.length > 3 && rnd.chance(0.3)
        ? rnd.sample(allStarts.slice(1), rnd.int(1, 2)).sort((a, b) => a - b)
        : [];
    // The awkward cases reshape a series after every random draw, so the rest of the dataset is as without them.
    const seriesCase: SeriesCase | undefined = pattern ? SERIES_CASES[seriesSeen++] : undefined;
    let openEnded = false;
    let anchorMs = first;
    if (pattern && seriesCase === 'open-ended') {
      openEnded = true;
      pattern.count = null;
      pattern.untilDay = null;
      // Instances known to the rest of the generator stop at the end of the data window.
      allStarts.splice(
        0,
        allStarts.length,
        ...expandDays(pattern, day)
          .filter((d) => d <= lastDay)
          .map((d) => ctx.clock.wallToUtc(tz, d, startMinute)),
      );
    } else if (pattern && seriesCase === 'first-excluded') {
      exdates = [first, ...exdates.filter((ex) => ex !== first)];
    } else if (pattern && seriesCase === 'anchor-moved') {
      anchorMs = first - DAY;
    }

    const teamOnly = booker.team !== null && rnd.chance(0.08);
    const team = booker.team;
    let createdMs = Math.max(booker.createdMs + MINUTE, first - rnd.int(1, 30 * 24) * HOUR - rnd.int(0, 3599_999));
    if (createdMs > ctx.now - MINUTE) createdMs = bookedAhead(booker.createdMs + MINUTE);
    createdMs = ctx.clampPast(createdMs);
    const past = first + durationMs < ctx.now;
    const canceled = rnd.chance(0.07);
    const free = rnd.chance(0.1);
    const attendees =
      team && type === 'meeting_room' && rnd.chance(0.4)
        ? rnd
            .sample(
              team.members.filter((m) => m !== booker),
              rnd.int(1, 4),
            )
            .map((m) => m.member._id)
        : [];
    const rateId = resource.rate ?? null;
    const excluded = new Set(exdates);
    // The row's start/end is its first instance (§6.1): after an excluded one, or where the anchor was moved.
    const rowStart = seriesCase === 'anchor-moved' ? anchorMs : (allStarts.find((s) => !excluded.has(s)) ?? first);
    const startText = iso(first);
    const endText = iso(first + durationMs);
    const booking: WireBooking = {
      start: { dateTime: iso(rowStart), date: null },
      end: { dateTime: iso(rowStart + durationMs), date: null },
      serviceSlots: { before: 0, after: type === 'meeting_room' && rnd.chance(0.1) ? 15 : 0 },
      timezone: tz,
      source: rnd.weighted(SOURCES),
      summary: allDay ? `${resource.name ?? 'Desk'} booking` : rnd.pick(BOOKING_SUMMARIES),
      seriesStart: startText,
      seriesEnd: openEnded ? null : last === first ? endText : iso(last + durationMs),
      recurrence: pattern ? { rrule: ruleText(pattern), exdates: exdates.map(iso) } : { rrule: null },
      fees: [],
      resourceId: resource._id,
      team: team ? team.team._id : null,
      member: teamOnly ? null : booker.member._id,
      visitors: [],
      members: attendees,
      plan: rateId,
      accountedUntil: null,
      free,
      tentative: !past && rnd.chance(0.04),
      canceled,
      accounted: past && !canceled && !free,
      reference: referenceCode(rnd),
      office: resourceSite.office._id,
      _id: ctx.newId(createdMs),
      // Audit stamps last: properties stored after a leading spread would push V8 into slow dictionary objects.
      ...ctx.stamps(rnd, createdMs, past ? first + durationMs + 2 * DAY : undefined),
    };
    if (booking.source === 'Google') booking.gcalId = `${rnd.hex(26)}@google.com`;
    if (rnd.chance(0.15)) booking.description = 'Booked via the member portal';
    if (pattern)
      booking.humanizedRecurrence = openEnded
        ? humanize(pattern, 0).replace(/, 0 times$/, ', no end')
        : humanize(pattern, allStarts.length);
    const instances = allStarts.filter((s) => !excluded.has(s));
    if (seriesCase === 'anchor-moved') instances[0] = anchorMs;
    out.push({
      booking,
      site: resourceSite,
      resource,
      rate: rateId ? pricing.rateById.get(rateId) : undefined,
      member: teamOnly ? null : booker,
      team: booker.team,
      starts: instances,
      durationMs,
    });
  }
  return out;
}
