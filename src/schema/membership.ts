import { MEMBERSHIP_CALCULATED_STATUS, MEMBERSHIP_STATUS, MEMBERSHIP_TYPE } from '../officernd/enums.ts';
import { builder } from '../builder.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import type { WireMembershipMove } from '../officernd/types.ts';
import { listDates } from './dates.ts';
import { aggregateField } from './aggregate.ts';
import { dateOnly, dateTime, loadRef, rootById, rootList, wireEnum, enumOf } from './fields.ts';
import { Contract, Member, Membership, MembershipConnection, Office, Plan, Resource, Team } from './refs.ts';

export const MembershipStatus = enumOf(MEMBERSHIP_STATUS);

export const MembershipCalculatedStatus = enumOf(MEMBERSHIP_CALCULATED_STATUS);

export const MembershipType = enumOf(MEMBERSHIP_TYPE);

export const MembershipInterval = wireEnum(
  'MembershipInterval',
  'The billing period a membership price is for (§6.11).',
  {
    once: 'Charged once',
    hour: 'Per hour',
    day: 'Per day',
    month: 'Per month',
  },
);

const MembershipMove = builder.objectRef<WireMembershipMove>('MembershipMove').implement({
  description: 'A scheduled move of a membership to another resource (v1 `move`).',
  fields: (t) => ({
    resource: t.field({
      type: Resource,
      description: 'The resource the membership moves to.',
      resolve: (m, _a, ctx) => loadRef(ctx, 'resources', m.resource),
    }),
    membership: t.field({
      type: Membership,
      description: 'The membership that continues after the move, when OfficeRnD created one.',
      resolve: (m, _a, ctx) => loadRef(ctx, 'memberships', m.membership),
    }),
    startDate: t.field({
      type: 'Date',
      description: 'First day on the new resource.',
      resolve: (m) => dateOnly(m.startDate, m, 'startDate'),
    }),
    endDate: t.field({
      type: 'Date',
      description: 'Last day on the new resource, if bounded.',
      resolve: (m) => dateOnly(m.endDate, m, 'endDate'),
    }),
  }),
});

Membership.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'memberships' },
  description: 'A recurring plan subscription of a member or team (desk, office, hot-desk …). Report "Memberships".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    name: t.exposeString('name', { description: 'Display name, usually the plan name.' }),
    member: t.field({
      type: Member,
      description: 'The member it is for (set on personal memberships).',
      resolve: (m, _a, ctx) => loadRef(ctx, 'members', m.member),
    }),
    team: t.field({
      type: Team,
      description: 'The team billed for it.',
      resolve: (m, _a, ctx) => loadRef(ctx, 'teams', m.team),
    }),
    plan: t.field({
      type: Plan,
      description: 'The price plan subscribed to.',
      resolve: (m, _a, ctx) => loadRef(ctx, 'plans', m.plan),
    }),
    office: t.field({
      type: Office,
      description: 'The office it is sold in.',
      resolve: (m, _a, ctx) => loadRef(ctx, 'offices', m.office),
    }),
    contract: t.field({
      type: Contract,
      description: 'The contract it was created from, when OfficeRnD reports one (v2 field).',
      resolve: (m, _a, ctx) => loadRef(ctx, 'contracts', m.contract),
    }),
    startDate: t.field({
      type: 'Date',
      description: 'First day of the membership.',
      resolve: (m) => dateOnly(m.startDate, m, 'startDate'),
    }),
    endDate: t.field({
      type: 'Date',
      description: 'Last day of the membership; null for open-ended month-to-month memberships.',
      resolve: (m) => dateOnly(m.endDate, m, 'endDate'),
    }),
    price: t.exposeFloat('price', { description: 'List price per interval, in the organization currency.' }),
    discountedPrice: t.exposeFloat('discountedPrice', { description: 'Price per interval after discounts.' }),
    discountId: t.id({
      description: 'The discount definition applied (outside the 20 reports).',
      resolve: (m) => m.discount ?? null,
    }),
    discountAmount: t.exposeFloat('discountAmount', {
      description: 'Discount as entered (amount or percentage, per the discount definition).',
    }),
    calculatedDiscountAmount: t.exposeFloat('calculatedDiscountAmount', {
      description: 'Discount per interval in money.',
    }),
    deposit: t.exposeFloat('deposit', { description: 'Deposit held for the membership.' }),
    intervalLength: t.field({
      type: MembershipInterval.ref,
      description: 'The billing period the price is for.',
      resolve: (m) => MembershipInterval.fromWire(m.intervalLength) as never,
    }),
    intervalCount: t.exposeInt('intervalCount', {
      description: 'How many billing periods make one interval (e.g. 3 months).',
    }),
    type: t.field({
      type: MembershipType.ref,
      description: 'Open-ended or fixed term.',
      resolve: (m) => MembershipType.fromWire(m.type) as never,
    }),
    status: t.field({
      type: MembershipStatus.ref,
      description: 'Approval status set by admins.',
      resolve: (m) => MembershipStatus.fromWire(m.status) as never,
    }),
    calculatedStatus: t.field({
      type: MembershipCalculatedStatus.ref,
      description: 'Live state derived by OfficeRnD (not started, active, expired).',
      resolve: (m) => MembershipCalculatedStatus.fromWire(m.calculatedStatus) as never,
    }),
    isPersonal: t.exposeBoolean('isPersonal', {
      description: 'Whether it is billed to the member personally rather than to the team.',
    }),
    isLocked: t.boolean({
      description: 'Whether it is locked against edits (wire `locked`).',
      resolve: (m) => m.locked ?? null,
    }),
    move: t.field({
      type: MembershipMove,
      description: 'A scheduled move to another resource.',
      resolve: (m) => m.move ?? null,
    }),
    fees: t.field({
      type: 'JSON',
      description: 'Fee entries attached to the membership, as OfficeRnD sends them.',
      resolve: (m) => m.fees ?? null,
    }),
    addOns: t.field({
      type: 'JSON',
      description: 'Add-ons of the membership, as OfficeRnD sends them.',
      resolve: (m) => m.addOns ?? null,
    }),
    invoices: t.field({
      type: 'JSON',
      description: 'Invoice entries of the membership, as OfficeRnD sends them.',
      resolve: (m) => m.invoices ?? null,
    }),
    source: t.exposeString('source', { description: 'Where the membership was created (admin, portal, API …).' }),
    properties: t.field({
      type: 'JSON',
      description: 'Custom properties, keyed by property key.',
      resolve: (m) => m.properties ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was created.',
      resolve: (m) => dateTime(m.createdAt, m, 'createdAt'),
    }),
    createdById: t.id({
      description: 'OfficeRnD staff user who created it; not a member.',
      resolve: (m) => m.createdBy ?? null,
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When it last changed.',
      resolve: (m) => dateTime(m.modifiedAt, m, 'modifiedAt'),
    }),
    modifiedById: t.id({
      description: 'OfficeRnD staff user who last changed it; not a member.',
      resolve: (m) => m.modifiedBy ?? null,
    }),
  }),
});

rootList('memberships', {
  collection: 'memberships',
  dates: listDates('Membership', 'memberships', REPORT_DATES.memberships),
  connection: MembershipConnection,
  description: 'The memberships (recurring plan subscriptions) of the organization. Report "Memberships".',
});
rootById('membership', Membership, 'memberships', 'One membership by id; null when there is none.');
aggregateField(MembershipConnection, 'memberships');
