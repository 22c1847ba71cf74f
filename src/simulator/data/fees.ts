/**
 * One-off fees (§6.7) and day-pass sets (§6.13). Fees come from paid bookings (linked through
 * `booking.fees[]`, §6.1), pass purchases, setup fees and sundries; passes come from Flex
 * memberships (monthly) or pass purchases (once, linked through `pass.fee`).
 */

import type { WireFee, WirePass } from '../../officernd/types.ts';
import type { BookingInfo } from './bookings.ts';
import type { MemberInfo, MembershipInfo, TeamInfo } from './community.ts';
import type { GenContext } from './context.ts';
import { money } from './maps.ts';
import type { PlanInfo, PlanKind, Pricing } from './pricing.ts';
import type { OfficeSite } from './spaces.ts';
import { addMonths, DAY, dateOnly, HOUR, startOfDay } from './time.ts';

export interface FeeInfo {
  fee: WireFee;
  site: OfficeSite;
  team: TeamInfo | null;
  member: MemberInfo | null;
  dateMs: number;
  /** unit price × quantity, before tax */
  amount: number;
}

const SUNDRY_MIX: readonly (readonly [PlanKind, number])[] = [
  ['printing', 45],
  ['event-ticket', 25],
  ['key-card', 15],
  ['day-pass', 15],
];

/** Creates ~6000 fees at scale 1 and fills `booking.fees[]` for the bookings they charge. */
export function createFees(
  ctx: GenContext,
  bookings: readonly BookingInfo[],
  memberships: readonly MembershipInfo[],
  members: readonly MemberInfo[],
  pricing: Pricing,
): FeeInfo[] {
  const rnd = ctx.random('fees');
  const target = ctx.count(6000, 3);
  const out: FeeInfo[] = [];
  const windowStart = ctx.now - 365 * DAY;

  const add = (
    site: OfficeSite,
    team: TeamInfo | null,
    member: MemberInfo | null,
    plan: { _id: string; name?: string | null },
    name: string,
    unitPrice: number,
    quantity: number,
    dateMs: number,
    earliest: number,
  ): FeeInfo => {
    const createdMs = ctx.clampPast(Math.max(earliest, dateMs - rnd.int(0, 72) * HOUR));
    const discountAmount = rnd.chance(0.05) ? money(unitPrice * quantity * 0.1) : 0;
    const fee: WireFee = {
      _id: ctx.newId(createdMs),
      name,
      price: unitPrice,
      quantity,
      date: dateOnly(dateMs),
      team: team ? team.team._id : null,
      member: member ? member.member._id : null,
      office: site.office._id,
      plan: plan._id,
      status: rnd.chance(0.97) ? 'approved' : 'awaiting_approval',
      isPersonal: team === null,
      refundable: false,
      billInAdvance: false,
      discountAmount,
      calculatedDiscountAmount: discountAmount,
      discountedPrice: money(unitPrice * quantity - discountAmount),
      basePrice: unitPrice,
      isLate: false,
      invoice: null,
      valueCredits: [],
      ...ctx.stamps(rnd, createdMs),
    };
    const info: FeeInfo = {
      fee,
      site,
      team,
      member,
      dateMs: startOfDay(dateMs),
      amount: money(unitPrice * quantity - discountAmount),
    };
    out.push(info);
    return info;
  };

  // Paid bookings: one fee per booking for its occurrences so far (§6.1 fees[] → fees).
  for (const info of bookings) {
    const { booking, rate } = info;
    if (!rate || booking.free || booking.canceled || (rate.rate.price ?? 0) <= 0) continue;
    const held = info.starts.filter((s) => s + info.durationMs < ctx.now && s >= windowStart);
    if (held.length === 0 || !rnd.chance(0.5)) continue;
    const first = held[0] as number;
    const unit = money(rate.hourly * (info.durationMs / HOUR));
    const name = `${rate.rate.name ?? 'Booking'} – ${info.resource.name ?? 'resource'}`;
    const fee = add(
      info.site,
      info.team,
      info.member,
      rate.rate,
      name,
      unit,
      held.length,
      first,
      Date.parse(booking.createdAt ?? '') || first,
    );
    booking.fees = [{ date: dateOnly(first), fee: fee.fee._id, extraFees: [], credits: [], valueCredits: [] }];
  }

  // Setup fees when an office membership starts.
  const setup = pricing.globalPlan('setup-fee');
  for (const m of memberships) {
    if (
      m.plan.kind !== 'private-office' ||
      m.startMs < windowStart ||
      m.startMs > ctx.now + 30 * DAY ||
      !rnd.chance(0.6)
    )
      continue;
    add(
      m.site,
      m.team,
      m.member,
      setup.plan,
      setup.plan.name ?? 'Setup Fee',
      setup.plan.price ?? 0,
      1,
      m.startMs,
      Date.parse(m.membership.createdAt ?? '') || m.startMs,
    );
  }

  // Pass purchases and sundries fill the rest of the budget.
  const buyers = members.filter((m) => m.member.status !== 'lead' && m.member.status !== 'contact');
  const passKinds: readonly (readonly [PlanKind, number])[] = [
    ['day-pass', 60],
    ['week-pass', 25],
    ['pass-bundle', 15],
  ];
  const passFeeTarget = Math.round(ctx.count(800, 1) * 0.45);
  let passFees = 0;
  while (out.length < target && buyers.length > 0) {
    const buyer = rnd.pick(buyers);
    const wantsPass = passFees < passFeeTarget && (buyer.team === null || rnd.chance(0.2));
    const plan: PlanInfo = pricing.globalPlan(wantsPass ? rnd.weighted(passKinds) : rnd.weighted(SUNDRY_MIX));
    const from = Math.max(windowStart, buyer.createdMs + HOUR);
    const dateMs = rnd.int(Math.min(from, ctx.now), ctx.now + 20 * DAY);
    const quantity = plan.kind === 'printing' ? rnd.int(1, 10) : plan.kind === 'event-ticket' ? rnd.int(1, 3) : 1;
    const personal = buyer.team === null || rnd.chance(0.5);
    add(
      buyer.site,
      personal ? null : buyer.team,
      buyer,
      plan.plan,
      plan.plan.name ?? plan.kind,
      plan.plan.price ?? 0,
      quantity,
      dateMs,
      buyer.createdMs,
    );
    if (wantsPass) passFees += 1;
  }
  return out;
}

/** Creates ~800 passes at scale 1: monthly ones for Flex memberships, one-off ones for pass fees. */
export function createPasses(
  ctx: GenContext,
  memberships: readonly MembershipInfo[],
  fees: readonly FeeInfo[],
  pricing: Pricing,
): WirePass[] {
  const rnd = ctx.random('passes');
  const target = ctx.count(800, 1);
  const out: WirePass[] = [];
  const passPlans = new Map(pricing.plans.filter((p) => p.passes > 0 && !p.monthly).map((p) => [p.plan._id, p]));

  // Monthly Flex passes take at most ~55% of the budget; pass purchases fill the rest.
  const membershipShare = Math.round(target * 0.55);
  for (const m of memberships) {
    if (m.plan.passes === 0 || m.plan.monthly === false || out.length >= membershipShare) continue;
    const count = m.plan.passes;
    const active = m.membership.calculatedStatus === 'active';
    const used = active ? rnd.int(0, count) : m.membership.calculatedStatus === 'expired' ? rnd.int(0, count) : 0;
    const status =
      m.membership.calculatedStatus === 'not_started'
        ? 'pending'
        : m.membership.calculatedStatus === 'expired'
          ? 'expired'
          : used >= count
            ? 'used'
            : 'valid';
    const pass: WirePass = {
      _id: ctx.newId(Date.parse(m.membership.createdAt ?? '') || m.startMs),
      count,
      used,
      intervalLength: 'month',
      startDate: dateOnly(m.startMs),
      endDate: m.endMs === null ? null : dateOnly(m.endMs - DAY),
      team: m.team ? m.team.team._id : null,
      member: m.member ? m.member.member._id : null,
      isPersonal: m.membership.isPersonal ?? true,
      membership: m.membership._id,
      fee: null,
      shouldGrantActiveStatus: true,
      resourceType: 'hotdesk',
      status,
      ...ctx.stamps(rnd, Date.parse(m.membership.createdAt ?? '') || m.startMs),
    };
    if (active) pass.renewDate = dateOnly(addMonths(ctx.now, 1));
    out.push(pass);
  }
  for (const info of fees) {
    const plan = passPlans.get(info.fee.plan ?? '');
    if (!plan || out.length >= target) continue;
    const count = plan.passes;
    const start = info.dateMs;
    const end = start + (count === 1 ? 1 : count * 14) * DAY;
    const used = end <= ctx.now ? rnd.int(Math.max(0, count - 2), count) : start <= ctx.now ? rnd.int(0, count) : 0;
    const status = start > ctx.now ? 'pending' : used >= count ? 'used' : end <= ctx.now ? 'expired' : 'valid';
    out.push({
      _id: ctx.newId(Date.parse(info.fee.createdAt ?? '') || start),
      count,
      used,
      intervalLength: 'once',
      startDate: dateOnly(start),
      endDate: dateOnly(end),
      validFrom: dateOnly(start),
      validTo: dateOnly(end),
      team: info.team ? info.team.team._id : null,
      member: info.member ? info.member.member._id : null,
      isPersonal: info.team === null,
      membership: null,
      fee: info.fee._id,
      shouldGrantActiveStatus: false,
      resourceType: 'hotdesk',
      status,
      ...ctx.stamps(rnd, Date.parse(info.fee.createdAt ?? '') || start),
    });
  }

  return out;
}
