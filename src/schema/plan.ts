import { PLAN_TYPE } from '../officernd/enums.ts';
import { builder } from '../builder.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import type { WirePlan, WirePlanAddOn, WirePlanCredit } from '../officernd/types.ts';
import { listDates } from './dates.ts';
import { dateTime, loadRefs, rootById, rootList, wireEnum, enumOf, elementId } from './fields.ts';
import { PlanInterval, pricesOf, RatePrice } from './rate.ts';
import { Office, Plan, PlanConnection, Rate, ResourceType } from './refs.ts';
import { resourceTypesByRefs } from './resource-type.ts';

const PlanType = enumOf(PLAN_TYPE);

const CreditScope = wireEnum('PlanCreditScope', 'What a plan credit can be spent on (§6.15 `credits[].validFor`).', {
  rates: 'Bookings at the listed rates',
  resourceTypes: 'Bookings of resources of the listed types',
  oneOffPlans: 'The listed one-off plans',
  all: 'Anything bookable',
});

const PlanCredit = builder.objectRef<WirePlanCredit>('PlanCredit').implement({
  description: 'Booking credits a plan grants its holders (wire `credits[]`).',
  fields: (t) => ({
    count: t.exposeFloat('count', { description: 'How many credits (hours) are granted.' }),
    validFor: t.field({
      type: CreditScope.ref,
      description: 'What the credits can be spent on.',
      resolve: (c) => CreditScope.fromWire(c.validFor) as never,
    }),
    type: t.exposeString('type', { description: 'How the credits are granted, e.g. "monthly", as sent by OfficeRnD.' }),
    rates: t.field({
      type: [Rate],
      nullable: false,
      description: 'The rates the credits pay for.',
      resolve: (c, _a, ctx) => loadRefs(ctx, 'rates', c.rates),
    }),
    resourceTypes: t.field({
      type: [ResourceType],
      nullable: false,
      description: 'The resource types the credits pay for.',
      resolve: (c, _a, ctx) => resourceTypesByRefs(ctx, c.resourceTypes),
    }),
    oneOffPlans: t.field({
      type: [Plan],
      nullable: false,
      description: 'The one-off plans the credits pay for.',
      resolve: (c, _a, ctx) => loadRefs(ctx, 'plans', c.oneOffPlans),
    }),
  }),
});

const PlanAddOn = builder.objectRef<WirePlanAddOn>('PlanAddOn').implement({
  description: 'A paid add-on that can be bought with a plan (wire `addOns[]`).',
  fields: (t) => ({
    id: t.id({
      nullable: false,
      description: 'The OfficeRnD id of the add-on.',
      resolve: (a) => elementId(a._id, 'a plan add-on'),
    }),
    name: t.exposeString('name', { description: 'Display name.' }),
    price: t.exposeFloat('price', { description: 'Price per billing interval, in the organization currency.' }),
    deposit: t.exposeFloat('deposit', { description: 'Deposit asked for the add-on.' }),
  }),
});

const PlanCancellationPolicy = builder
  .objectRef<NonNullable<WirePlan['calcellationPolicy']>>('PlanCancellationPolicy')
  .implement({
    description: 'When a membership of the plan may be cancelled (wire `calcellationPolicy`, sic).',
    fields: (t) => ({
      minimumPeriod: t.exposeInt('minimumPeriod', {
        description: "Minimum period before cancellation, in the plan's intervals.",
      }),
    }),
  });

Plan.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'plans' },
  description:
    'A price plan: a membership (office, desk, hot desk) or a one-off product the organization sells. Report "Plans".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    code: t.exposeString('code', { description: 'Short code used on invoices and in reports.' }),
    description: t.exposeString('description', { description: 'Free-text description.' }),
    image: t.exposeString('image', { description: 'Image URL.' }),
    type: t.field({
      type: PlanType.ref,
      description: 'What the plan sells.',
      resolve: (p) => PlanType.fromWire(p.type) as never,
    }),
    price: t.exposeFloat('price', { description: 'Price per interval, in the organization currency.' }),
    deposit: t.exposeFloat('deposit', { description: 'Deposit asked when the plan is bought.' }),
    depositPercent: t.exposeFloat('depositPercent', {
      description: 'Deposit as a percentage of the price, when enabled.',
    }),
    isDepositPercentEnabled: t.boolean({
      description: 'Whether the deposit is a percentage of the price (wire `depositPercentEnabled`).',
      resolve: (p) => p.depositPercentEnabled ?? null,
    }),
    intervalLength: t.field({
      type: PlanInterval.ref,
      description: 'How often the plan is charged: ONCE for one-off plans, MONTH for memberships.',
      resolve: (p) => PlanInterval.fromWire(p.intervalLength) as never,
    }),
    intervalCount: t.exposeInt('intervalCount', { description: 'How many intervals one charge covers.' }),
    offices: t.field({
      type: [Office],
      nullable: false,
      description: 'Offices where the plan is sold (wire `locations`).',
      resolve: (p, _a, ctx) => loadRefs(ctx, 'offices', p.locations),
    }),
    setupFees: t.field({
      type: [Plan],
      nullable: false,
      description: 'One-off plans charged as a setup fee when this plan is bought.',
      resolve: (p, _a, ctx) => loadRefs(ctx, 'plans', p.setupFees),
    }),
    credits: t.field({
      type: [PlanCredit],
      nullable: false,
      description: 'Booking credits the plan grants.',
      resolve: (p) => p.credits ?? [],
    }),
    addOns: t.field({
      type: [PlanAddOn],
      nullable: false,
      description: 'Add-ons that can be bought with the plan.',
      resolve: (p) => p.addOns ?? [],
    }),
    prices: t.field({
      type: [RatePrice],
      nullable: false,
      description: 'Price components when the plan is priced like a rate (wire `rates`); usually empty.',
      resolve: pricesOf,
    }),
    isRate: t.exposeBoolean('isRate', {
      description: 'Whether this document is a resource rate (v1 stores rates as plans).',
    }),
    usesValueCredits: t.exposeBoolean('useValueCredits', {
      description: 'Whether the plan can be paid with value credits (coins) (wire `useValueCredits`).',
    }),
    shouldProrate: t.exposeBoolean('prorate', {
      description: 'Whether partial periods are prorated (wire `prorate`).',
    }),
    markup: t.exposeFloat('markUp', { description: 'Mark-up applied to the price (wire `markUp`).' }),
    requiresApproval: t.boolean({
      description: 'Whether an admin must approve a purchase (wire `approval`).',
      resolve: (p) => p.approval ?? null,
    }),
    forMembers: t.exposeBoolean('forMembers', { description: 'Whether members can buy the plan.' }),
    forNonMembers: t.exposeBoolean('forNonMembers', { description: 'Whether non-members can buy the plan.' }),
    forTeamMembers: t.exposeBoolean('forTeamMembers', { description: 'Whether members of a team can buy the plan.' }),
    isPublic: t.boolean({
      description: 'Whether the plan is shown publicly (wire `public`).',
      resolve: (p) => p.public ?? null,
    }),
    order: t.exposeInt('order', { description: 'Sort order set by admins.' }),
    cancellationPolicy: t.field({
      type: PlanCancellationPolicy,
      description: 'When a membership of the plan may be cancelled (wire `calcellationPolicy`, sic).',
      resolve: (p) => p.calcellationPolicy ?? null,
    }),
    revenueAccountId: t.id({
      description: 'Id of the revenue account the plan is posted to (wire `account`; not one of the reports).',
      resolve: (p) => p.account ?? null,
    }),
    amenities: t.field({
      type: 'JSON',
      description: 'Amenities included with the plan, as sent by OfficeRnD.',
      resolve: (p) => p.amenities ?? null,
    }),
    discounts: t.field({
      type: 'JSON',
      description: 'Discounts defined on the plan, as sent by OfficeRnD.',
      resolve: (p) => p.discounts ?? null,
    }),
    extras: t.field({
      type: 'JSON',
      description: 'Extras that can be added to the plan, as sent by OfficeRnD.',
      resolve: (p) => p.extras ?? null,
    }),
    legalDocuments: t.field({
      type: 'JSON',
      description: 'Legal documents members accept with the plan, as sent by OfficeRnD.',
      resolve: (p) => p.legalDocuments ?? null,
    }),
    bookingPolicy: t.field({
      type: 'JSON',
      description: 'Booking policy of the plan, as sent by OfficeRnD.',
      resolve: (p) => p.bookingPolicy ?? null,
    }),
    properties: t.field({
      type: 'JSON',
      description: 'Custom properties, keyed by property key.',
      resolve: (p) => p.properties ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the plan was created.',
      resolve: (p) => dateTime(p.createdAt, p, 'createdAt'),
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the plan last changed.',
      resolve: (p) => dateTime(p.modifiedAt, p, 'modifiedAt'),
    }),
  }),
});

rootList('plans', {
  collection: 'plans',
  dates: listDates('Plan', 'plans', REPORT_DATES.plans),
  connection: PlanConnection,
  description: 'The price plans of the organization (memberships and one-off products). Report "Plans".',
});
rootById('plan', Plan, 'plans', 'One plan by id; null when there is none.');
