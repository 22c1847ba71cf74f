/**
 * Presence in the buildings: checkins (§6.4), visits (§6.20) and support issues (§6.9).
 * Checkins and visits happen in office hours in the office's time zone; none are after now
 * except pre-registered visits.
 */

import type { WireCheckin, WireIssue, WireVisit } from '../../officernd/types.ts';
import type { BookingInfo } from './bookings.ts';
import type { MemberInfo } from './community.ts';
import type { GenContext } from './context.ts';
import { createWeightedTable } from './maps.ts';
import { ISSUE_SUBJECTS } from './names.ts';
import type { OfficeSite } from './spaces.ts';
import { DAY, HOUR, iso, MINUTE, weekday } from './time.ts';

const officeDay = (
  rnd: { int(a: number, b: number): number; chance(p: number): boolean },
  from: number,
  to: number,
): number => {
  let day = rnd.int(from, to);
  if ((weekday(day) === 0 || weekday(day) === 6) && rnd.chance(0.9))
    day = Math.max(from, day - (weekday(day) === 0 ? 2 : 1));
  return day;
};

/** Creates ~5000 checkins at scale 1 over the past 12 months (open ones only today). */
export function createCheckins(
  ctx: GenContext,
  sites: readonly OfficeSite[],
  members: readonly MemberInfo[],
): WireCheckin[] {
  const rnd = ctx.random('checkins');
  const pool = members.filter(
    (m) => m.member.status !== 'lead' && m.member.status !== 'contact' && m.createdMs < ctx.now - DAY,
  );
  if (pool.length === 0) return [];
  const table = createWeightedTable(pool, (m) => (m.active ? 5 : 1) * (m.team ? 1 : 2));
  const today = Math.floor(ctx.now / DAY);
  const out: WireCheckin[] = [];
  const target = ctx.count(5000, 3);
  for (let i = 0; i < target; i += 1) {
    const who = table.pick(rnd.next());
    const site = rnd.chance(0.92) ? who.site : rnd.pick(sites);
    const day = officeDay(rnd, Math.max(today - 365, Math.floor(who.createdMs / DAY) + 1), today);
    const start = Math.min(
      ctx.clock.wallToUtc(site.timezone, day, rnd.int(450, 660)),
      ctx.now - rnd.int(2, 120) * MINUTE,
    );
    const end = start + rnd.int(60, 600) * MINUTE;
    const createdMs = start + rnd.int(0, 5000);
    const checkin: WireCheckin = {
      _id: ctx.newId(createdMs),
      member: who.member._id,
      team: who.team ? who.team.team._id : null,
      office: site.office._id,
      start: iso(start),
      end: end < ctx.now ? iso(end) : null,
      createdAt: iso(Math.min(createdMs, ctx.now - 1000)),
      createdBy: rnd.pick(ctx.users),
      organization: ctx.orgId,
    };
    out.push(checkin);
  }
  return out;
}

/** Creates ~1500 visits at scale 1; about a third host a guest for a meeting-room booking. */
export function createVisits(
  ctx: GenContext,
  _sites: readonly OfficeSite[],
  members: readonly MemberInfo[],
  bookings: readonly BookingInfo[],
): WireVisit[] {
  const rnd = ctx.random('visits');
  const hosts = members.filter((m) => m.active);
  if (hosts.length === 0) return [];
  const meetings = bookings.filter(
    (b) => b.member && !b.booking.canceled && b.resource.type === 'meeting_room' && b.starts.length > 0,
  );
  const visitorIds: string[] = [];
  const today = Math.floor(ctx.now / DAY);
  const out: { visit: WireVisit; createdMs: number }[] = [];
  const target = ctx.count(1500, 2);
  for (let i = 0; i < target; i += 1) {
    // Guests come back: reuse a known visitor id some of the time (visitors are outside the 20 lists).
    const knownVisitor = visitorIds.length > 0 && rnd.chance(0.3) ? rnd.pick(visitorIds) : null;
    const linked = meetings.length > 0 && rnd.chance(0.35) ? rnd.pick(meetings) : null;
    let host: MemberInfo;
    let site: OfficeSite;
    let start: number;
    let end: number | null;
    let createdMs: number;
    if (linked?.member) {
      host = linked.member;
      site = linked.site;
      const occurrence = linked.starts[0] as number;
      start = occurrence - rnd.int(5, 15) * MINUTE;
      end = occurrence + linked.durationMs;
      createdMs = Math.min(start - rnd.int(1, 72) * HOUR, ctx.now - HOUR);
    } else {
      host = rnd.pick(hosts);
      site = host.site;
      const future = rnd.chance(0.05);
      const day = future
        ? today + rnd.int(1, 14)
        : officeDay(rnd, Math.max(today - 365, Math.floor(host.createdMs / DAY) + 1), today);
      start = ctx.clock.wallToUtc(site.timezone, day, rnd.int(540, 1020));
      end = start + rnd.int(30, 240) * MINUTE;
      createdMs = future ? ctx.now - rnd.int(1, 72) * HOUR : start - rnd.int(0, 48) * HOUR;
    }
    if (start > ctx.now) end = null;
    else if (end !== null && end > ctx.now) end = null;
    createdMs = Math.min(createdMs, ctx.now - MINUTE);
    const visitor = knownVisitor ?? ctx.newId(createdMs - rnd.int(0, 60) * MINUTE);
    if (!knownVisitor) visitorIds.push(visitor);
    const visit: WireVisit = {
      _id: ctx.newId(createdMs),
      visitor,
      member: host.member._id,
      team: host.team ? host.team.team._id : null,
      office: site.office._id,
      start: iso(start),
      end: end === null ? null : iso(end),
      organization: ctx.orgId,
    };
    if (linked && linked.booking.office === site.office._id) visit.booking = linked.booking._id;
    out.push({ visit, createdMs });
  }
  return out.map((v) => v.visit);
}

/** Creates ~600 helpdesk issues at scale 1; older ones are mostly resolved. */
export function createIssues(ctx: GenContext, members: readonly MemberInfo[]): WireIssue[] {
  const rnd = ctx.random('issues');
  const pool = members.filter((m) => m.member.status !== 'lead' && m.member.status !== 'contact');
  if (pool.length === 0) return [];
  const out: WireIssue[] = [];
  const target = ctx.count(600, 1);
  for (let i = 0; i < target; i += 1) {
    const who = rnd.pick(pool);
    const createdMs = ctx.clampPast(
      rnd.int(Math.max(who.createdMs + HOUR, ctx.now - 400 * DAY), ctx.now - 10 * MINUTE),
    );
    const ageDays = (ctx.now - createdMs) / DAY;
    const status = rnd.weighted<string>(
      ageDays > 14
        ? [
            ['resolved', 88],
            ['pending', 6],
            ['open', 6],
          ]
        : [
            ['new', 30],
            ['open', 30],
            ['pending', 20],
            ['resolved', 20],
          ],
    );
    const subject = rnd.pick(ISSUE_SUBJECTS);
    const resolvedMs = status === 'resolved' ? Math.min(ctx.now - MINUTE, createdMs + rnd.int(1, 240) * HOUR) : null;
    const issue: WireIssue = {
      _id: ctx.newId(createdMs),
      subject,
      message: `${subject}. Reported by ${who.member.name ?? 'a member'} at ${who.site.city}.`,
      status,
      member: who.member._id,
      team: who.team ? who.team.team._id : null,
      office: who.site.office._id,
      attachments: rnd.chance(0.1) ? [`https://cdn.example.com/tickets/${rnd.hex(12)}.jpg`] : [],
      ...ctx.stamps(rnd, createdMs, resolvedMs ?? undefined),
    };
    if (status !== 'new' && rnd.chance(0.8)) issue.assignedTo = rnd.pick(ctx.users);
    if (resolvedMs !== null) {
      issue.resolvedDate = iso(resolvedMs);
      issue.modifiedAt = iso(Math.max(Date.parse(issue.modifiedAt ?? iso(createdMs)), resolvedMs));
    }
    out.push(issue);
  }
  return out;
}
