/**
 * Contracts (§6.5; v2 shape with v1 names team/office): one per office or desk membership of a
 * team, with plan and resource lines, price steps, and renewal links between contracts.
 */

import type { WireContract, WireContractPlan, WireContractResource } from '../../officernd/types.ts';
import type { MembershipInfo } from './community.ts';
import type { GenContext } from './context.ts';
import { money } from './maps.ts';
import type { Pricing } from './pricing.ts';
import type { Spaces } from './spaces.ts';
import { addMonthsToDate, DAY, dateOnly } from './time.ts';

/** Creates ~600 contracts at scale 1 and links their memberships back via `membership.contract`. */
export function createContracts(
  ctx: GenContext,
  memberships: readonly MembershipInfo[],
  spaces: Spaces,
  pricing: Pricing,
): WireContract[] {
  const rnd = ctx.random('contracts');
  const target = ctx.count(600, 1);
  const candidates = rnd.sample(
    memberships.filter(
      (m) =>
        m.team &&
        (m.plan.kind === 'private-office' || m.plan.kind === 'dedicated-desk') &&
        m.membership.status === 'approved',
    ),
    Number.MAX_SAFE_INTEGER,
  );
  const setupFee = pricing.globalPlan('setup-fee');
  const contracts: { contract: WireContract; startMs: number }[] = [];

  const step = (price: number, startMs: number, endMs: number | null) => ({
    price,
    discount: null,
    discountedAmount: 0,
    startDate: dateOnly(startMs),
    endDate: endMs === null ? null : dateOnly(endMs - DAY),
  });

  const build = (
    info: MembershipInfo,
    startMs: number,
    endMs: number | null,
    type: string,
    previous?: WireContract,
  ): WireContract => {
    const team = info.team;
    const price = info.membership.price ?? 0;
    const plans: WireContractPlan[] = [
      {
        id: info.plan.plan._id,
        count: 1,
        price,
        deposit: info.membership.deposit ?? 0,
        increasePriceInRolling: false,
        steps: [step(price, startMs, endMs)],
      },
    ];
    const rooms = spaces.teamRooms.get(info.site.office._id) ?? [];
    const resources: WireContractResource[] =
      info.plan.kind === 'private-office' && rooms.length > 0
        ? [rnd.pick(rooms)].map((room) => ({
            id: room._id,
            size: room.size ?? 1,
            price: room.price ?? 0,
            deposit: room.deposit ?? 0,
            increasePriceInRolling: rnd.chance(0.3),
            steps: [step(room.price ?? 0, startMs, endMs)],
          }))
        : [];
    const oneOffPlans: WireContractPlan[] =
      type === 'new' && rnd.chance(0.5)
        ? [
            {
              id: setupFee.plan._id,
              count: 1,
              price: setupFee.plan.price ?? 0,
              deposit: 0,
              increasePriceInRolling: false,
              steps: [],
            },
          ]
        : [];
    const createdMs = ctx.clampPast(startMs - rnd.int(3, 40) * DAY + rnd.int(8 * 3600, 19 * 3600) * 1000);
    const roll = rnd.next();
    const status =
      startMs > ctx.now
        ? roll < 0.5
          ? 'draft'
          : roll < 0.8
            ? 'not_signed'
            : 'signed'
        : roll < 0.85
          ? 'signed'
          : roll < 0.95
            ? 'terminated'
            : 'canceled';
    const isRolling = endMs === null;
    const stage =
      status === 'terminated'
        ? 'terminated'
        : status !== 'signed'
          ? null
          : isRolling
            ? 'rolling'
            : endMs !== null && endMs <= ctx.now
              ? rnd.pick(['expired', 'not_renewed'])
              : endMs !== null && endMs - ctx.now < 60 * DAY
                ? 'up_for_renewal'
                : 'active';
    const plansTotal = money(plans.reduce((s, p) => s + (p.price ?? 0) * (p.count ?? 1), 0));
    const resourcesTotal = money(resources.reduce((s, r) => s + (r.price ?? 0), 0));
    const oneOffsTotal = money(oneOffPlans.reduce((s, p) => s + (p.price ?? 0) * (p.count ?? 1), 0));
    const contact = team?.members.find((m) => m.member.contactPerson) ?? null;
    const contract: WireContract = {
      _id: ctx.newId(createdMs),
      number: '',
      team: team ? team.team._id : null,
      member: contact ? contact.member._id : null,
      office: info.site.office._id,
      documentType: 'membershipagreement',
      startDate: dateOnly(startMs),
      endDate: endMs === null ? null : dateOnly(endMs - DAY),
      plans,
      oneOffPlans,
      resources,
      legalDocuments: [],
      isRolling,
      notice: { months: rnd.pick([1, 1, 2, 3]) },
      status,
      signatureStatus:
        status === 'signed'
          ? rnd.pick(['e_signed', 'manually_signed', 'signed_by_member'])
          : status === 'not_signed'
            ? 'out_for_signature'
            : status === 'canceled'
              ? 'canceled'
              : null,
      activationErrors: [],
      total: money(plansTotal + resourcesTotal + oneOffsTotal),
      baseTotal: money(plansTotal + resourcesTotal + oneOffsTotal),
      plansTotal,
      oneOffsTotal,
      resourcesTotal,
      percentagePriceIncrease: type === 'renewal' ? rnd.pick([0, 3, 5]) : null,
      type,
      ...(stage ? { stage } : {}),
      ...ctx.stamps(rnd, createdMs),
    };
    if (status === 'signed' || status === 'terminated') {
      contract.signDate = dateOnly(Math.min(ctx.now - DAY, createdMs + rnd.int(0, 10) * DAY));
      if (contact) contract.signedBy = { _id: rnd.pick(ctx.users), displayName: contact.member.name ?? '' };
    }
    if (status === 'terminated') {
      contract.termination = {
        date: dateOnly(Math.min(ctx.now - DAY, startMs + rnd.int(30, 200) * DAY)),
        reasonKey: rnd.pick(['moving_out', 'downsizing', 'price']),
        comments: null,
      };
    }
    if (previous) {
      contract.renewedContract = previous._id;
      previous.renewalContract = contract._id;
    }
    if (!info.membership.contract) info.membership.contract = contract._id;
    contracts.push({ contract, startMs });
    return contract;
  };

  for (const info of candidates) {
    if (contracts.length >= target) break;
    const contract = build(info, info.startMs, info.endMs, rnd.chance(0.15) ? 'expansion' : 'new');
    // Fixed-term agreements that ended are often renewed for another term.
    if (info.endMs !== null && info.endMs < ctx.now + 30 * DAY && contracts.length < target && rnd.chance(0.4)) {
      build(info, info.endMs, addMonthsToDate(info.endMs, 12), 'renewal', contract);
    }
  }
  contracts.sort((a, b) => a.startMs - b.startMs || (a.contract._id < b.contract._id ? -1 : 1));
  contracts.forEach((c, index) => {
    c.contract.number = `CON-${index + 1}`;
  });
  return contracts.map((c) => c.contract);
}
