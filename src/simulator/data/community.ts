/**
 * The community: teams (§6.19), members (§6.10) and their memberships (§6.11).
 * Every reference points at an office, team, member or plan generated earlier in the run.
 */

import type { WireMember, WireMembership, WireTeam } from '../../officernd/types.ts';
import type { GenContext } from './context.ts';
import { createWeightedTable, money } from './maps.ts';
import { COMPANY_PREFIXES, COMPANY_SUFFIXES, FIRST_NAMES, INDUSTRIES, LAST_NAMES } from './names.ts';
import type { PlanInfo, PlanKind, Pricing } from './pricing.ts';
import type { OfficeSite } from './spaces.ts';
import { addMonthsToDate, DAY, dateOnly, HOUR, startOfDay } from './time.ts';

export interface TeamInfo {
  team: WireTeam;
  site: OfficeSite;
  createdMs: number;
  /** Intended headcount: drives how many members join. */
  size: number;
  members: MemberInfo[];
}

export interface MemberInfo {
  member: WireMember;
  site: OfficeSite;
  team: TeamInfo | null;
  createdMs: number;
  /** Current customer (active or drop-in). */
  active: boolean;
}

export interface MembershipInfo {
  membership: WireMembership;
  plan: PlanInfo;
  site: OfficeSite;
  team: TeamInfo | null;
  member: MemberInfo | null;
  startMs: number;
  /** Exclusive end (ms) or null when open-ended. */
  endMs: number | null;
}

export interface Community {
  teams: TeamInfo[];
  members: MemberInfo[];
  memberships: MembershipInfo[];
}

const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Creates ~400 teams and ~2500 members at scale 1 (linear in scale). */
export function createPeople(
  ctx: GenContext,
  sites: readonly OfficeSite[],
): { teams: TeamInfo[]; members: MemberInfo[] } {
  const rnd = ctx.random('people');
  const siteTable = createWeightedTable(sites, (s) => s.weight);
  const names = new Set<string>();
  const teams: TeamInfo[] = [];
  const teamCount = ctx.count(400, 2);
  for (let i = 0; i < teamCount; i += 1) {
    const site = siteTable.pick(rnd.next());
    const createdMs = ctx.clampPast(rnd.int(site.openedAt + DAY, ctx.now - 2 * DAY));
    let name = `${rnd.pick(COMPANY_PREFIXES)} ${rnd.pick(COMPANY_SUFFIXES)}`;
    if (names.has(name)) name = `${name} ${site.city}`;
    for (let n = 2; names.has(name); n += 1) name = `${name.replace(/ \d+$/, '')} ${n}`;
    names.add(name);
    const domain = `${slug(name)}.com`;
    const recent = ctx.now - createdMs < 30 * DAY;
    const status = rnd.weighted<string>(
      recent
        ? [
            ['active', 50],
            ['lead', 25],
            ['pending', 15],
            ['drop-in', 10],
          ]
        : [
            ['active', 74],
            ['former', 16],
            ['drop-in', 4],
            ['lead', 4],
            ['pending', 2],
          ],
    );
    const team: WireTeam = {
      _id: ctx.newId(createdMs),
      name,
      email: `hello@${domain}`,
      office: site.office._id,
      tags: rnd.chance(0.15) ? [rnd.pick(['startup', 'enterprise', 'agency', 'non-profit'])] : [],
      properties: rnd.chance(0.6) ? { industry: rnd.pick(INDUSTRIES) } : {},
      startDate: status === 'lead' ? null : dateOnly(createdMs + rnd.int(0, 10) * DAY),
      calculatedStatus: status,
      isTeam: true,
      isSystem: false,
      paymentDetails: [],
      ...ctx.stamps(rnd, createdMs),
    };
    if (rnd.chance(0.8)) team.url = `https://www.${domain}`;
    if (rnd.chance(0.3))
      team.description = `${name} is a ${String(team.properties?.industry ?? 'growing').toLowerCase()} company based in ${site.city}.`;
    if (rnd.chance(0.4)) team.image = `https://cdn.example.com/logos/${slug(name)}.png`;
    if (rnd.chance(0.5)) {
      team.address = {
        address: `${rnd.int(1, 250)} ${rnd.pick(LAST_NAMES)} Street`,
        city: site.city,
        zip: null,
        state: null,
        country: null,
      };
      team.details = {
        name: `${name} Ltd`,
        vatId: rnd.chance(0.6) ? `${site.code}${rnd.int(10_000_000, 99_999_999)}` : null,
        currency: site.currency,
        paymentMethod: rnd.pick(['card', 'bankTransfer', 'directDebit']),
      };
    }
    const size = rnd.weighted<[number, number]>([
      [[1, 3], 50],
      [[4, 10], 35],
      [[11, 40], 15],
    ]);
    teams.push({ team, site, createdMs, size: rnd.int(size[0], size[1]), members: [] });
  }

  const teamTable = createWeightedTable(teams, (t) => t.size);
  const emails = new Set<string>();
  const members: MemberInfo[] = [];
  const memberCount = ctx.count(2500, 4);
  for (let i = 0; i < memberCount; i += 1) {
    const team = rnd.chance(0.78) ? teamTable.pick(rnd.next()) : null;
    const site = team && rnd.chance(0.95) ? team.site : siteTable.pick(rnd.next());
    const from = team ? team.createdMs : site.openedAt + DAY;
    // Early joiners are more common than late ones: square the roll.
    const createdMs = ctx.clampPast(Math.round(from + (ctx.now - HOUR - from) * rnd.next() ** 2));
    const teamStatus = team?.team.calculatedStatus;
    const status =
      teamStatus === 'former' && rnd.chance(0.9)
        ? 'former'
        : rnd.weighted<string>(
            team
              ? [
                  ['active', 72],
                  ['former', 12],
                  ['contact', 6],
                  ['drop-in', 4],
                  ['lead', 3],
                  ['pending', 3],
                ]
              : [
                  ['active', 42],
                  ['drop-in', 20],
                  ['former', 16],
                  ['contact', 12],
                  ['lead', 7],
                  ['pending', 3],
                ],
          );
    const first = rnd.pick(FIRST_NAMES);
    const last = rnd.pick(LAST_NAMES);
    const domain = team?.team.email?.split('@')[1] ?? rnd.pick(['gmail.com', 'outlook.com', 'proton.me', 'icloud.com']);
    let email = `${slug(first)}.${slug(last)}@${domain}`;
    for (let n = 2; emails.has(email); n += 1) email = `${slug(first)}.${slug(last)}${n}@${domain}`;
    emails.add(email);
    const member: WireMember = {
      _id: ctx.newId(createdMs),
      name: `${first} ${last}`,
      email,
      office: site.office._id,
      team: team ? team.team._id : null,
      status,
      calculatedStatus: status === 'active' && rnd.chance(0.1) ? 'drop-in' : status,
      startDate: status === 'contact' || status === 'lead' ? null : dateOnly(createdMs + rnd.int(0, 14) * DAY),
      contactPerson: false,
      billingPerson: false,
      properties: {},
      tags: rnd.chance(0.1) ? [rnd.pick(['founder', 'vip', 'community-host', 'investor'])] : [],
      ...ctx.stamps(rnd, createdMs),
    };
    if (rnd.chance(0.6))
      member.phone = `+${rnd.int(1, 49)} ${rnd.int(100, 999)} ${rnd.int(100, 999)} ${rnd.int(1000, 9999)}`;
    if (rnd.chance(0.4)) member.image = `https://cdn.example.com/avatars/${member._id}.jpg`;
    if (rnd.chance(0.3)) member.lang = rnd.pick(['en', 'pt', 'de', 'fr']);
    if (rnd.chance(0.2))
      member.address = {
        address: `${rnd.int(1, 300)} ${rnd.pick(LAST_NAMES)} Road`,
        city: site.city,
        zip: null,
        state: null,
        country: null,
      };
    if (status === 'active' && rnd.chance(0.7))
      member.lastLogin = new Date(rnd.int(createdMs, ctx.now - HOUR)).toISOString();
    const info: MemberInfo = { member, site, team, createdMs, active: status === 'active' || status === 'drop-in' };
    members.push(info);
    team?.members.push(info);
  }
  // The first person at a company is its contact; billing goes to the same or the second person.
  for (const team of teams) {
    const [first, second] = team.members;
    if (first) first.member.contactPerson = true;
    const billing = second && rnd.chance(0.3) ? second : first;
    if (billing) billing.member.billingPerson = true;
  }
  return { teams, members };
}

const TEAM_PLAN_MIX: readonly (readonly [PlanKind, number])[] = [
  ['private-office', 45],
  ['dedicated-desk', 22],
  ['hot-desk', 8],
  ['virtual-office', 5],
  ['mail', 5],
  ['parking', 5],
  ['meeting-bundle', 4],
  ['storage', 3],
  ['coffee', 3],
];

const PERSONAL_PLAN_MIX: readonly (readonly [PlanKind, number])[] = [
  ['hot-desk', 24],
  ['flex-5', 14],
  ['flex-10', 12],
  ['dedicated-desk', 14],
  ['virtual-office', 8],
  ['mail', 6],
  ['registered-address', 5],
  ['locker', 6],
  ['coffee', 5],
  ['parking', 3],
  ['meeting-bundle', 3],
];

/** Creates ~3000 memberships at scale 1: team subscriptions plus personal ones. */
export function createMemberships(
  ctx: GenContext,
  teams: readonly TeamInfo[],
  members: readonly MemberInfo[],
  pricing: Pricing,
): MembershipInfo[] {
  const rnd = ctx.random('memberships');
  const out: MembershipInfo[] = [];
  const target = ctx.count(3000, 2);

  const planFor = (kind: PlanKind, site: OfficeSite): PlanInfo =>
    pricing.officePlan(site.office._id, kind) ?? pricing.globalPlan(kind);

  const add = (
    site: OfficeSite,
    team: TeamInfo | null,
    member: MemberInfo | null,
    kind: PlanKind,
    holderCreated: number,
    holderFormer: boolean,
  ): void => {
    const plan = planFor(kind, site);
    const startMs = startOfDay(Math.min(ctx.now + 45 * DAY, holderCreated + rnd.int(0, 120) * DAY));
    const fixed = kind === 'private-office' || kind === 'dedicated-desk' ? rnd.chance(0.6) : rnd.chance(0.15);
    let endMs: number | null = null;
    if (fixed) endMs = addMonthsToDate(startMs, rnd.pick([6, 12, 12, 24]));
    if (holderFormer) {
      const latest = Math.max(startMs + 30 * DAY, ctx.now - rnd.int(1, 300) * DAY);
      endMs = Math.min(endMs ?? latest, latest);
    } else if (!fixed && rnd.chance(0.12)) {
      endMs = addMonthsToDate(startMs, rnd.int(1, 18));
    }
    const seats = kind === 'dedicated-desk' && team ? Math.max(1, Math.min(team.size, rnd.int(1, 6))) : 1;
    const price = money(Math.round(((plan.plan.price ?? 0) * seats * rnd.float(0.9, 1.25)) / 5) * 5);
    const discountAmount = rnd.chance(0.12) ? money(price * rnd.pick([0.05, 0.1, 0.15])) : 0;
    const approved = rnd.chance(0.97);
    const calculatedStatus = !approved
      ? 'not_approved'
      : startMs > ctx.now
        ? 'not_started'
        : endMs !== null && endMs <= ctx.now
          ? 'expired'
          : 'active';
    const createdMs = ctx.clampPast(
      Math.max(holderCreated, startMs - rnd.int(1, 20 * 24) * HOUR - rnd.int(0, 3599_999)),
    );
    const membership: WireMembership = {
      _id: ctx.newId(createdMs),
      name: plan.plan.name ?? kind,
      plan: plan.plan._id,
      team: team ? team.team._id : null,
      member: member ? member.member._id : null,
      office: site.office._id,
      startDate: dateOnly(startMs),
      endDate: endMs === null ? null : dateOnly(endMs - DAY),
      price,
      discountedPrice: money(price - discountAmount),
      discountAmount,
      calculatedDiscountAmount: discountAmount,
      deposit: plan.plan.deposit ? price : 0,
      intervalLength: 'month',
      intervalCount: 1,
      isPersonal: team === null || member !== null,
      locked: false,
      type: fixed ? 'fixed' : 'month_to_month',
      status: approved ? 'approved' : 'not_approved',
      calculatedStatus,
      fees: [],
      addOns: [],
      ...ctx.stamps(rnd, createdMs),
    };
    if (rnd.chance(0.5)) membership.properties = {};
    out.push({ membership, plan, site, team, member, startMs, endMs });
  };

  const addTeamMembership = (team: TeamInfo): void => {
    const kind = rnd.weighted(TEAM_PLAN_MIX);
    // Per-seat memberships name the person holding the seat; company-wide ones do not (§6.11).
    const seat = rnd.chance(0.3) ? (team.members[rnd.int(0, Math.max(0, team.members.length - 1))] ?? null) : null;
    add(
      team.site,
      team,
      null,
      kind,
      Math.max(team.createdMs, seat?.createdMs ?? 0),
      team.team.calculatedStatus === 'former',
    );
    if (seat) (out[out.length - 1] as MembershipInfo).membership.member = seat.member._id;
  };
  const addPersonal = (member: MemberInfo): void => {
    add(
      member.site,
      member.team,
      member,
      rnd.weighted(PERSONAL_PLAN_MIX),
      member.createdMs,
      member.member.status === 'former',
    );
  };

  const payingTeams = teams.filter((t) => t.team.calculatedStatus !== 'lead');
  for (const team of payingTeams) if (out.length < target) addTeamMembership(team);
  const soloMembers = members.filter((m) => m.team === null && (m.active || m.member.status === 'former'));
  for (const member of soloMembers) if (out.length < target && rnd.chance(0.8)) addPersonal(member);
  const billable = members.filter((m) => m.member.status !== 'lead' && m.member.status !== 'contact');
  const teamTable = createWeightedTable(payingTeams, (t) => t.size);
  while (out.length < target) {
    if (payingTeams.length > 0 && rnd.chance(0.45)) addTeamMembership(teamTable.pick(rnd.next()));
    else if (billable.length > 0) addPersonal(rnd.pick(billable));
    else break;
  }
  return out;
}
