/**
 * Price catalogue: resource rates (§6.16: plan-shaped with `isRate: true`) and plans (§6.15).
 * Rates are keyed by the resource type they price; plans are per office (memberships) or global.
 */

import type { WirePlan, WirePlanCredit, WireRate } from '../../officernd/types.ts';
import type { GenContext } from './context.ts';
import type { OfficeSite } from './spaces.ts';
import { DAY } from './time.ts';

/** What a plan is for; drives who buys it and how it is billed. */
export type PlanKind =
  | 'private-office'
  | 'dedicated-desk'
  | 'hot-desk'
  | 'virtual-office'
  | 'flex-5'
  | 'flex-10'
  | 'meeting-bundle'
  | 'mail'
  | 'registered-address'
  | 'coffee'
  | 'locker'
  | 'parking'
  | 'storage'
  | 'day-pass'
  | 'week-pass'
  | 'pass-bundle'
  | 'printing'
  | 'setup-fee'
  | 'key-card'
  | 'event-ticket';

export interface PlanInfo {
  plan: WirePlan;
  kind: PlanKind;
  /** Office of a per-office plan; null for plans sold everywhere. */
  office: string | null;
  monthly: boolean;
  /** Monthly meeting-room credit hours granted (§6.6 credit stats). */
  creditHours: number;
  /** Day passes granted per purchase or per month (§6.13). */
  passes: number;
}

export interface RateInfo {
  rate: WireRate;
  /** resource.type this rate prices */
  resourceType: string;
  hourly: number;
}

export interface Pricing {
  rates: RateInfo[];
  plans: PlanInfo[];
  planById: Map<string, PlanInfo>;
  rateById: Map<string, RateInfo>;
  /** Rates that monthly credits can pay for (meeting rooms, team rooms, phone booths). */
  creditRateIds: string[];
  officePlan(office: string, kind: PlanKind): PlanInfo | undefined;
  globalPlan(kind: PlanKind): PlanInfo;
}

interface RateSeed {
  name: string;
  code: string;
  type: string;
  price: number;
  interval: 'hour' | 'day';
}

const RATE_SEEDS: readonly RateSeed[] = [
  { name: 'Meeting Room – Standard', code: 'MR-STD', type: 'meeting_room', price: 35, interval: 'hour' },
  { name: 'Meeting Room – Premium', code: 'MR-PRM', type: 'meeting_room', price: 60, interval: 'hour' },
  { name: 'Boardroom', code: 'BOARD', type: 'meeting_room', price: 95, interval: 'hour' },
  { name: 'Team Room – Hourly', code: 'TR-HR', type: 'team_room', price: 45, interval: 'hour' },
  { name: 'Hot Desk – Day', code: 'HD-DAY', type: 'hotdesk', price: 30, interval: 'day' },
  { name: 'Hot Desk – Hourly', code: 'HD-HR', type: 'hotdesk', price: 6, interval: 'hour' },
  { name: 'Dedicated Desk – Day', code: 'DD-DAY', type: 'desk', price: 40, interval: 'day' },
  { name: 'Phone Booth', code: 'PB', type: 'phone_booth', price: 8, interval: 'hour' },
  { name: 'Event Space – Half Day', code: 'EV-HALF', type: 'event_space', price: 90, interval: 'hour' },
  { name: 'Event Space – Day', code: 'EV-DAY', type: 'event_space', price: 600, interval: 'day' },
];

interface PlanSeed {
  kind: PlanKind;
  name: string;
  code: string;
  type: string;
  price: number;
  monthly: boolean;
  creditHours?: number;
  passes?: number;
  description?: string;
}

const OFFICE_PLAN_SEEDS: readonly PlanSeed[] = [
  {
    kind: 'private-office',
    name: 'Private Office',
    code: 'PO',
    type: 'office',
    price: 2400,
    monthly: true,
    creditHours: 20,
  },
  {
    kind: 'dedicated-desk',
    name: 'Dedicated Desk',
    code: 'DD',
    type: 'desk',
    price: 450,
    monthly: true,
    creditHours: 8,
  },
  {
    kind: 'hot-desk',
    name: 'Hot Desk Unlimited',
    code: 'HD',
    type: 'hotdesk',
    price: 260,
    monthly: true,
    creditHours: 4,
  },
  { kind: 'virtual-office', name: 'Virtual Office', code: 'VO', type: 'service', price: 90, monthly: true },
];

const GLOBAL_PLAN_SEEDS: readonly PlanSeed[] = [
  {
    kind: 'flex-5',
    name: 'Flex 5',
    code: 'FLEX5',
    type: 'hotdesk',
    price: 120,
    monthly: true,
    passes: 5,
    description: 'Five hot-desk days a month in any location',
  },
  {
    kind: 'flex-10',
    name: 'Flex 10',
    code: 'FLEX10',
    type: 'hotdesk',
    price: 210,
    monthly: true,
    passes: 10,
    creditHours: 2,
  },
  {
    kind: 'meeting-bundle',
    name: 'Meeting Room Bundle (10h)',
    code: 'MRB10',
    type: 'service',
    price: 250,
    monthly: true,
    creditHours: 10,
  },
  { kind: 'mail', name: 'Mail Handling', code: 'MAIL', type: 'service', price: 45, monthly: true },
  {
    kind: 'registered-address',
    name: 'Registered Address',
    code: 'REGADDR',
    type: 'service',
    price: 60,
    monthly: true,
  },
  { kind: 'coffee', name: 'Barista Coffee Subscription', code: 'COFFEE', type: 'service', price: 35, monthly: true },
  { kind: 'locker', name: 'Locker', code: 'LOCKER', type: 'custom', price: 25, monthly: true },
  { kind: 'parking', name: 'Parking Space', code: 'PARK', type: 'custom', price: 180, monthly: true },
  { kind: 'storage', name: 'Storage Unit', code: 'STORE', type: 'custom', price: 75, monthly: true },
  { kind: 'day-pass', name: 'Day Pass', code: 'DAYPASS', type: 'hotdesk', price: 30, monthly: false, passes: 1 },
  { kind: 'week-pass', name: 'Week Pass', code: 'WEEKPASS', type: 'hotdesk', price: 120, monthly: false, passes: 5 },
  {
    kind: 'pass-bundle',
    name: '10-Day Pass Bundle',
    code: 'PASS10',
    type: 'hotdesk',
    price: 220,
    monthly: false,
    passes: 10,
  },
  { kind: 'printing', name: 'Printing Credits', code: 'PRINT', type: 'custom', price: 15, monthly: false },
  { kind: 'setup-fee', name: 'Setup Fee', code: 'SETUP', type: 'custom', price: 150, monthly: false },
  { kind: 'key-card', name: 'Key Card Replacement', code: 'KEYCARD', type: 'custom', price: 20, monthly: false },
  { kind: 'event-ticket', name: 'Community Event Ticket', code: 'EVENT', type: 'custom', price: 25, monthly: false },
];

/** Builds rates and plans for the given offices. */
export function createPricing(
  ctx: GenContext,
  sites: readonly OfficeSite[],
  resourceTypeIds: ReadonlyMap<string, string>,
): Pricing {
  const rnd = ctx.random('pricing');
  const firstOpened = Math.min(...sites.map((s) => s.openedAt));
  const officeIds = sites.map((s) => s.office._id);

  const rates: RateInfo[] = [];
  const addRate = (seed: RateSeed, locations: string[], createdMs: number): void => {
    const _id = ctx.newId(createdMs);
    const hourly = seed.interval === 'hour' ? seed.price : seed.price / 8;
    const rate: WireRate = {
      _id,
      name: seed.name,
      code: seed.code,
      description: `${seed.name} rate`,
      type: seed.type,
      price: seed.price,
      intervalLength: seed.interval,
      intervalCount: 1,
      rates: [
        {
          _id: ctx.newId(createdMs),
          price: seed.price,
          interval: seed.interval,
          intervalQuantity: 1,
          isOffRate: false,
        },
        ...(seed.interval === 'hour'
          ? [
              {
                _id: ctx.newId(createdMs),
                price: Math.round(seed.price * 6.5),
                interval: 'day',
                intervalQuantity: 1,
                isOffRate: false,
              },
            ]
          : []),
      ],
      extras: [],
      locations,
      amenities: [],
      prorate: false,
      isRate: true,
      useValueCredits: false,
      ...ctx.stamps(rnd, createdMs),
    };
    rates.push({ rate, resourceType: seed.type, hourly });
  };
  for (const seed of RATE_SEEDS) addRate(seed, [], firstOpened + rnd.int(0, 30) * DAY);
  // A member rate for every third office: local pricing exists but the catalogue stays small.
  sites.forEach((site, index) => {
    if (index % 3 !== 0) return;
    addRate(
      {
        name: `${site.city} Meeting Rooms – Member Rate`,
        code: `MR-${site.code}`,
        type: 'meeting_room',
        price: 25,
        interval: 'hour',
      },
      [site.office._id],
      site.openedAt + rnd.int(1, 20) * DAY,
    );
  });

  const creditRateIds = rates
    .filter(
      (r) => r.resourceType === 'meeting_room' || r.resourceType === 'team_room' || r.resourceType === 'phone_booth',
    )
    .map((r) => r.rate._id);
  const meetingTypeId = resourceTypeIds.get('meeting_room');

  const plans: PlanInfo[] = [];
  const addPlan = (
    seed: PlanSeed,
    office: string | null,
    name: string,
    code: string,
    price: number,
    createdMs: number,
    setupFee?: string,
  ): PlanInfo => {
    const credits: WirePlanCredit[] = seed.creditHours
      ? [
          rnd.chance(0.8) || !meetingTypeId
            ? {
                count: seed.creditHours,
                validFor: 'rates',
                type: 'monthly',
                resourceTypes: [],
                rates: [...creditRateIds],
                oneOffPlans: [],
              }
            : {
                count: seed.creditHours,
                validFor: 'resourceTypes',
                type: 'monthly',
                resourceTypes: [meetingTypeId],
                rates: [],
                oneOffPlans: [],
              },
        ]
      : [];
    const plan: WirePlan = {
      _id: ctx.newId(createdMs),
      name,
      code,
      description: seed.description ?? `${name}${office ? '' : ' (all locations)'}`,
      type: seed.type,
      price,
      deposit: seed.kind === 'private-office' || seed.kind === 'dedicated-desk' ? price : 0,
      depositPercentEnabled: false,
      intervalLength: seed.monthly ? 'month' : 'once',
      intervalCount: 1,
      amenities: [],
      locations: office ? [office] : officeIds,
      setupFees: setupFee ? [setupFee] : [],
      discounts: [],
      extras: [],
      legalDocuments: [],
      addOns:
        seed.kind === 'private-office'
          ? [{ _id: ctx.newId(createdMs), name: 'Extra key card', price: 20, deposit: 0 }]
          : [],
      credits,
      rates: [],
      isRate: false,
      useValueCredits: false,
      prorate: seed.monthly,
      approval: seed.kind === 'private-office',
      forMembers: true,
      forNonMembers: !seed.monthly,
      forTeamMembers: true,
      public: seed.kind !== 'setup-fee',
      order: plans.length,
      ...ctx.stamps(rnd, createdMs),
    };
    if (rnd.chance(0.2)) delete plan.description;
    const info: PlanInfo = {
      plan,
      kind: seed.kind,
      office,
      monthly: seed.monthly,
      creditHours: seed.creditHours ?? 0,
      passes: seed.passes ?? 0,
    };
    plans.push(info);
    return info;
  };

  const globals = new Map<PlanKind, PlanInfo>();
  for (const seed of GLOBAL_PLAN_SEEDS) {
    globals.set(seed.kind, addPlan(seed, null, seed.name, seed.code, seed.price, firstOpened + rnd.int(0, 60) * DAY));
  }
  const setupFee = globals.get('setup-fee')?.plan._id;
  const perOffice = new Map<string, PlanInfo>();
  for (const site of sites) {
    for (const seed of OFFICE_PLAN_SEEDS) {
      const price = Math.round((seed.price * site.priceLevel) / 5) * 5;
      const info = addPlan(
        seed,
        site.office._id,
        `${site.city} ${seed.name}`,
        `${site.code}-${seed.code}`,
        price,
        site.openedAt + rnd.int(0, 20) * DAY,
        seed.kind === 'private-office' ? setupFee : undefined,
      );
      perOffice.set(`${site.office._id}|${seed.kind}`, info);
    }
  }

  return {
    rates,
    plans,
    planById: new Map(plans.map((p) => [p.plan._id, p])),
    rateById: new Map(rates.map((r) => [r.rate._id, r])),
    creditRateIds,
    officePlan: (office, kind) => perOffice.get(`${office}|${kind}`),
    globalPlan: (kind) => {
      const info = globals.get(kind);
      if (!info) throw new Error(`no global plan of kind ${kind}`);
      return info;
    },
  };
}
