/**
 * Credit accounts behind `/credit-accounts/stats` (§6.6): one account per team or personal member
 * whose memberships grant monthly meeting-room credit hours. Per month the v1 item carries
 * `monthly {total, used, remaining}` (total = hours granted by memberships active that month,
 * used = hours booked on eligible rates that month, capped) and `once` (a one-time welcome grant
 * that absorbs overflow usage).
 */

import type { WireCreditStat, WireCreditTotals } from '../../officernd/types.ts';
import type { BookingInfo } from './bookings.ts';
import type { MembershipInfo } from './community.ts';
import type { GenContext } from './context.ts';
import type { Pricing } from './pricing.ts';
import { addMonths, HOUR, monthKey } from './time.ts';

/** A credit account and its balances per month, 12 months back to 3 months ahead of now. */
export interface WireCreditAccountRecord {
  creditAccount: string;
  /** → teams (team accounts) */
  team: string | null;
  /** → members (personal accounts) */
  member: string | null;
  /** rates | resourceTypes */
  validFor: string;
  /** → rates */
  resourceRates: string[];
  /** → resource-types */
  resourceTypes: string[];
  /** → plans */
  oneOffPlans: string[];
  /** Balances keyed by `YYYY-MM` (UTC); months without credits are absent. */
  months: Record<string, { monthly: WireCreditTotals; once: WireCreditTotals }>;
}

interface Account {
  team: string | null;
  member: string | null;
  memberships: MembershipInfo[];
  /** Booked hours per month index: [eligible by rate, eligible by resource type]. */
  booked: Float64Array;
}

const MONTH_COUNT = 16;

/** Creates every credit account with its monthly balances. */
export function createCreditAccounts(
  ctx: GenContext,
  memberships: readonly MembershipInfo[],
  bookings: readonly BookingInfo[],
  pricing: Pricing,
  meetingTypeId: string | undefined,
): WireCreditAccountRecord[] {
  const rnd = ctx.random('credits');
  const firstMonth = addMonths(ctx.now, -12);
  const monthStarts = Array.from({ length: MONTH_COUNT + 1 }, (_, i) => addMonths(firstMonth, i));
  const monthIndex = (ms: number): number => {
    for (let i = 0; i < MONTH_COUNT; i += 1)
      if (ms < (monthStarts[i + 1] as number)) return ms >= (monthStarts[i] as number) ? i : -1;
    return -1;
  };

  const accounts = new Map<string, Account>();
  for (const m of memberships) {
    if (m.plan.creditHours === 0 || m.membership.status !== 'approved') continue;
    const personal = (m.membership.isPersonal ?? false) || !m.team;
    const key = personal && m.member ? `member:${m.member.member._id}` : `team:${m.team?.team._id ?? ''}`;
    let account = accounts.get(key);
    if (!account) {
      account = {
        team: personal && m.member ? null : (m.team?.team._id ?? null),
        member: personal && m.member ? m.member.member._id : null,
        memberships: [],
        booked: new Float64Array(MONTH_COUNT * 2),
      };
      accounts.set(key, account);
    }
    account.memberships.push(m);
  }

  // Booked hours per account and month, on the rates (or resource type) credits can pay for.
  const creditRates = new Set(pricing.creditRateIds);
  for (const b of bookings) {
    if (b.booking.canceled || !b.rate) continue;
    const byRate = creditRates.has(b.rate.rate._id);
    const byType = b.resource.type === 'meeting_room';
    if (!byRate && !byType) continue;
    const owners = [
      b.team ? accounts.get(`team:${b.team.team._id}`) : undefined,
      b.member ? accounts.get(`member:${b.member.member._id}`) : undefined,
    ];
    if (!owners[0] && !owners[1]) continue;
    const hours = b.durationMs / HOUR;
    for (const start of b.starts) {
      const index = monthIndex(start);
      if (index < 0) continue;
      for (const owner of owners) {
        if (!owner) continue;
        if (byRate) owner.booked[index * 2] = (owner.booked[index * 2] ?? 0) + hours;
        if (byType) owner.booked[index * 2 + 1] = (owner.booked[index * 2 + 1] ?? 0) + hours;
      }
    }
  }

  const records: WireCreditAccountRecord[] = [];
  for (const account of accounts.values()) {
    const firstStart = Math.min(...account.memberships.map((m) => m.startMs));
    const credit = account.memberships[0]?.plan.plan.credits?.[0];
    const validFor = credit?.validFor === 'resourceTypes' && meetingTypeId ? 'resourceTypes' : 'rates';
    const welcome = rnd.chance(0.25) ? rnd.pick([5, 10]) : 0;
    const record: WireCreditAccountRecord = {
      creditAccount: ctx.newId(Math.min(firstStart, ctx.now - HOUR)),
      team: account.team,
      member: account.member,
      validFor,
      resourceRates: validFor === 'rates' ? [...pricing.creditRateIds] : [],
      resourceTypes: validFor === 'resourceTypes' && meetingTypeId ? [meetingTypeId] : [],
      oneOffPlans: [],
      months: {},
    };
    let onceUsed = 0;
    for (let i = 0; i < MONTH_COUNT; i += 1) {
      const monthStart = monthStarts[i] as number;
      const monthEnd = monthStarts[i + 1] as number;
      if (monthEnd <= firstStart) continue;
      let total = 0;
      for (const m of account.memberships) {
        if (m.startMs < monthEnd && (m.endMs === null || m.endMs > monthStart)) total += m.plan.creditHours;
      }
      if (total === 0 && welcome === 0) continue;
      const booked = Math.round((account.booked[i * 2 + (validFor === 'rates' ? 0 : 1)] ?? 0) * 2) / 2;
      const used = Math.min(total, booked);
      onceUsed = Math.min(welcome, onceUsed + Math.max(0, booked - total));
      record.months[monthKey(monthStart)] = {
        monthly: { total, used, remaining: total - used },
        once: { total: welcome, used: onceUsed, remaining: welcome - onceUsed },
      };
    }
    if (Object.keys(record.months).length > 0) records.push(record);
  }
  return records;
}

/**
 * Answers `/credit-accounts/stats?month=&team=|member=` (§6.6): one v1 item per account with
 * credits in `month` (`YYYY-MM`), narrowed to the given team and/or member account.
 */
export function creditStatsFor(
  records: readonly WireCreditAccountRecord[],
  query: { month: string; team?: string; member?: string },
): WireCreditStat[] {
  const out: WireCreditStat[] = [];
  for (const r of records) {
    if (query.team !== undefined && r.team !== query.team) continue;
    if (query.member !== undefined && r.member !== query.member) continue;
    const balance = r.months[query.month];
    if (!balance) continue;
    out.push({
      creditAccount: r.creditAccount,
      resourceRates: [...r.resourceRates],
      resourceTypes: [...r.resourceTypes],
      oneOffPlans: [...r.oneOffPlans],
      validFor: r.validFor,
      member: r.member,
      team: r.team,
      monthly: { ...balance.monthly },
      once: { ...balance.once },
    });
  }
  return out;
}
