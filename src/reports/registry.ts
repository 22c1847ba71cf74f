/**
 * The 20 flat reports of the Domo connector (shared/seed/domo-officernd-connector.txt), one row per object.
 * Columns are dotted paths of the v1 wire object (shared/officernd-api.md §6, v1 names as the connector sees
 * them); arrays that are not expanded are written as JSON text. Each report declares which array fields can be
 * expanded (Field To Expand), which references can be joined (`member.name`), and its upstream filters.
 */

import {
  COLLECTIONS,
  CREDIT_STATS_FILTERS,
  OCCURRENCE_FILTERS,
  type FilterSpecs,
  type ListCollection,
} from '../officernd/collections.ts';
import type { WireCreditStat, WireMap } from '../officernd/types.ts';

export const REPORT_NAMES = [
  'bookings',
  'booking-occurrences',
  'charges',
  'checkins',
  'contracts',
  'credit-accounts',
  'fees',
  'floors',
  'issues',
  'members',
  'memberships',
  'offices',
  'passes',
  'payments',
  'plans',
  'rates',
  'resources',
  'resource-types',
  'teams',
  'visits',
] as const;

export type ReportName = (typeof REPORT_NAMES)[number];

/** Where a report's objects come from, and so which client call or loader reads them. */
export type ReportSource =
  /** `GET /{collection}`, walked with `officernd.pages()`; joins to it use `loaders.byId(collection)`. */
  | { kind: 'list'; collection: ListCollection }
  /** `GET /bookings/occurrences` in windows of at most a year (§6.2), `officernd.occurrencePages()`. */
  | { kind: 'occurrences' }
  /** `GET /credit-accounts/stats` per owner and month (§6.6), `loaders.creditStats`. */
  | { kind: 'credit-accounts' };

/** A reference that `columns` may follow: `<name>.<column of the target report>`. */
export interface JoinSpec {
  /** Dotted path of the reference in the object (or in the expanded element; '' = the element itself). */
  path: string;
  /** Collections tried in order (v1 fee `plan` points at a plan or a rate, §6.7). */
  collections: readonly ListCollection[];
  /** Match the target's field of this name instead of its id (resources name their type by key, §6.18). */
  key?: string;
}

/** An array field that Field To Expand can turn into one row per element. */
export interface ExpandSpec {
  description: string;
  /** Element sub-paths, written as `<field>.<path>`; empty when elements are plain values (ids, tags). */
  columns: readonly string[];
  /** References inside an element, joined as `<join name>.<column>`. */
  joins?: Readonly<Record<string, JoinSpec>>;
}

export interface ReportSpec {
  name: ReportName;
  /** The connector's name of the report. */
  title: string;
  description: string;
  source: ReportSource;
  /** Default columns, in order. */
  columns: readonly string[];
  /** Open maps (custom properties): `properties.<key>` may be asked for as a column. */
  openMaps: readonly string[];
  expand: Readonly<Record<string, ExpandSpec>>;
  joins: Readonly<Record<string, JoinSpec>>;
  /** The filters (query parameters of the export, keys of `report(filters:)`): the collection's declaration. */
  filters: FilterSpecs;
}

/**
 * The dotted paths of a wire type, up to three levels (`address.city`, `properties.<key>`): report columns are
 * typed against the wire types (officernd/types.ts), so a misspelt column fails the typecheck.
 */
export type WirePath<T, Depth extends unknown[] = []> = Depth['length'] extends 3
  ? never
  : T extends object
    ? {
        [K in keyof T & string]:
          | K
          | (NonNullable<T[K]> extends readonly unknown[]
              ? never
              : NonNullable<T[K]> extends object
                ? `${K}.${WirePath<NonNullable<T[K]>, [...Depth, unknown]>}`
                : never);
      }[keyof T & string]
    : never;

/** The columns of a report over collection `C`, checked against its wire type. */
const columnsOf = <C extends ListCollection>(
  _collection: C,
  columns: readonly WirePath<WireMap[C]>[],
): readonly string[] => columns;

const STAMPS = ['createdAt', 'createdBy', 'modifiedAt', 'modifiedBy'] as const;

const join = (path: string, ...collections: ListCollection[]): JoinSpec => ({ path, collections });
const values = (description: string, joins?: Record<string, JoinSpec>): ExpandSpec => ({
  description,
  columns: [],
  ...(joins ? { joins } : {}),
});

const PEOPLE_JOINS = {
  member: join('member', 'members'),
  team: join('team', 'teams'),
  office: join('office', 'offices'),
} as const;

/** Credit-account rows: the stat with the month it is for (§6.6). */
const creditColumns = (columns: readonly WirePath<WireCreditStat & { month: string }>[]): readonly string[] => columns;

// §6.1: booking columns are shared by the bookings and booking-occurrences reports.
const BOOKING_COLUMNS: readonly WirePath<WireMap['bookings']>[] = [
  '_id',
  'summary',
  'description',
  'start.dateTime',
  'start.date',
  'end.dateTime',
  'end.date',
  'seriesStart',
  'seriesEnd',
  'timezone',
  'resourceId',
  'office',
  'team',
  'member',
  'members',
  'visitors',
  'plan',
  'recurrence.rrule',
  'recurrence.exdates',
  'fees',
  'canceled',
  'tentative',
  'free',
  'accounted',
  'accountedUntil',
  'serviceSlots.before',
  'serviceSlots.after',
  'reference',
  'source',
  'gcalId',
  'humanizedRecurrence',
  'parent',
  'properties',
  ...STAMPS,
];

const BOOKING_EXPAND = {
  fees: {
    description: 'One row per booking fee (date, fee, extra fees, credits).',
    columns: ['date', 'fee', 'extraFees', 'credits', 'valueCredits'],
    joins: { 'fees.fee': join('fee', 'fees') },
  },
  members: values('One row per attendee (member id).', { members: join('', 'members') }),
  visitors: values('One row per visitor id (visitors are not one of the reports).'),
} as const;

const BOOKING_JOINS = {
  ...PEOPLE_JOINS,
  resource: join('resourceId', 'resources'),
  plan: join('plan', 'rates'),
} as const;

// §6.14: lines of invoices and of `lines[]` reference plans, fees, memberships and offices.
const LINE_JOINS = (field: string): Record<string, JoinSpec> => ({
  [`${field}.plan`]: join('plan', 'plans', 'rates'),
  [`${field}.fee`]: join('fee', 'fees'),
  [`${field}.membership`]: join('membership', 'memberships'),
  [`${field}.office`]: join('office', 'offices'),
});

const CONTRACT_LINE = ['id', 'count', 'price', 'deposit', 'increasePriceInRolling', 'steps'];
const RATE_COMPONENT = ['_id', 'price', 'interval', 'intervalQuantity', 'isOffRate', 'isWeekendRate', 'isHalfDayRate'];

const SPECS: readonly ReportSpec[] = [
  {
    name: 'bookings',
    title: 'Bookings',
    description: 'All bookings of resources; a recurring series is one row (its first occurrence).',
    source: { kind: 'list', collection: 'bookings' },
    columns: BOOKING_COLUMNS,
    openMaps: ['properties'],
    expand: BOOKING_EXPAND,
    joins: BOOKING_JOINS,
    filters: COLLECTIONS.bookings.filters,
  },
  {
    name: 'booking-occurrences',
    title: 'Booking Occurrences',
    description:
      'Every occurrence of every booking in a window (recurring series expanded), ordered by start. Needs a date selection.',
    source: { kind: 'occurrences' },
    columns: BOOKING_COLUMNS,
    openMaps: ['properties'],
    expand: BOOKING_EXPAND,
    joins: BOOKING_JOINS,
    filters: OCCURRENCE_FILTERS,
  },
  {
    name: 'charges',
    title: 'Charges',
    description: 'Payment transactions recorded against invoices.',
    source: { kind: 'list', collection: 'charges' },
    columns: columnsOf('charges', [
      '_id',
      'amount',
      'currency',
      'date',
      'status',
      'reference',
      'source',
      'account',
      'payment',
      'office',
      'sourcePaymentId',
      'integration.providerChargeId',
      'integration.providerError',
      'accounting.provider',
      'accounting.providerId',
      'accounting.lastSync',
      'accounting.error',
      ...STAMPS,
    ]),
    openMaps: [],
    expand: {},
    joins: { payment: join('payment', 'payments'), office: join('office', 'offices') },
    filters: COLLECTIONS.charges.filters,
  },
  {
    name: 'checkins',
    title: 'Checkins',
    description: 'Member presence at an office.',
    source: { kind: 'list', collection: 'checkins' },
    columns: columnsOf('checkins', [
      '_id',
      'member',
      'team',
      'office',
      'start',
      'end',
      'type',
      'devices',
      'booking',
      'pass',
      'resourceType',
      'source',
      'createdAt',
      'createdBy',
    ]),
    openMaps: [],
    expand: { devices: values('One row per device.') },
    joins: { ...PEOPLE_JOINS, booking: join('booking', 'bookings'), pass: join('pass', 'passes') },
    filters: COLLECTIONS.checkins.filters,
  },
  {
    name: 'contracts',
    title: 'Contracts',
    description: 'Membership agreements with their plan, one-off and resource lines.',
    source: { kind: 'list', collection: 'contracts' },
    columns: columnsOf('contracts', [
      '_id',
      'number',
      'team',
      'member',
      'office',
      'documentType',
      'startDate',
      'endDate',
      'plans',
      'oneOffPlans',
      'resources',
      'legalDocuments',
      'addendum',
      'isRolling',
      'notice.months',
      'stage',
      'status',
      'signatureStatus',
      'signDate',
      'signedBy._id',
      'signedBy.displayName',
      'activationErrors',
      'termination.date',
      'termination.reasonKey',
      'termination.comments',
      'total',
      'baseTotal',
      'plansTotal',
      'oneOffsTotal',
      'resourcesTotal',
      'percentagePriceIncrease',
      'previousDepositHeld',
      'type',
      'renewedContract',
      'renewalContract',
      'properties',
      ...STAMPS,
    ]),
    openMaps: ['properties'],
    expand: {
      plans: {
        description: 'One row per recurring plan line.',
        columns: CONTRACT_LINE,
        joins: { 'plans.plan': join('id', 'plans') },
      },
      oneOffPlans: {
        description: 'One row per one-off plan line.',
        columns: CONTRACT_LINE,
        joins: { 'oneOffPlans.plan': join('id', 'plans') },
      },
      resources: {
        description: 'One row per resource line.',
        columns: ['id', 'size', 'price', 'deposit', 'increasePriceInRolling', 'steps'],
        joins: { 'resources.resource': join('id', 'resources') },
      },
    },
    joins: {
      ...PEOPLE_JOINS,
      renewedContract: join('renewedContract', 'contracts'),
      renewalContract: join('renewalContract', 'contracts'),
    },
    filters: COLLECTIONS.contracts.filters,
  },
  {
    name: 'credit-accounts',
    title: 'Credit Accounts',
    description:
      'Credit (coin) balances of the accounts of one team or member, one row per account and month. Needs `team` or `member` and a date selection (every month it touches) or `month`.',
    source: { kind: 'credit-accounts' },
    columns: creditColumns([
      'month',
      'creditAccount',
      'validFor',
      'member',
      'team',
      'monthly.total',
      'monthly.used',
      'monthly.remaining',
      'once.total',
      'once.used',
      'once.remaining',
      'resourceRates',
      'resourceTypes',
      'oneOffPlans',
    ]),
    openMaps: [],
    expand: {
      resourceRates: values('One row per rate the credits apply to.', { resourceRates: join('', 'rates') }),
      resourceTypes: values('One row per resource type the credits apply to.', {
        resourceTypes: join('', 'resource-types'),
      }),
      oneOffPlans: values('One row per one-off plan the credits apply to.', { oneOffPlans: join('', 'plans') }),
    },
    joins: { member: join('member', 'members'), team: join('team', 'teams') },
    filters: CREDIT_STATS_FILTERS,
  },
  {
    name: 'fees',
    title: 'Fees',
    description: 'One-off charges.',
    source: { kind: 'list', collection: 'fees' },
    columns: columnsOf('fees', [
      '_id',
      'name',
      'price',
      'quantity',
      'date',
      'team',
      'member',
      'office',
      'plan',
      'status',
      'isPersonal',
      'refundable',
      'billInAdvance',
      'discountAmount',
      'calculatedDiscountAmount',
      'discountedPrice',
      'markUp',
      'basePrice',
      'isLate',
      'invoice._id',
      'invoice.status',
      'invoice.creditNote',
      'valueCredits',
      'properties',
      ...STAMPS,
    ]),
    openMaps: ['properties'],
    expand: {},
    joins: {
      ...PEOPLE_JOINS,
      plan: join('plan', 'plans', 'rates'),
      payment: join('invoice._id', 'payments'),
      creditNote: join('invoice.creditNote', 'payments'),
    },
    filters: COLLECTIONS.fees.filters,
  },
  {
    name: 'floors',
    title: 'Floors',
    description: 'Floors of the offices.',
    source: { kind: 'list', collection: 'floors' },
    columns: columnsOf('floors', [
      '_id',
      'name',
      'floor',
      'slug',
      'area',
      'office',
      'isOpen',
      'background.height',
      'background.width',
      'background.measured',
      'background.uri',
      'public.height',
      'public.width',
      'public.image',
      'public.x',
      'public.y',
      'public.modifiedAt',
      'versions',
      'exported',
      ...STAMPS,
    ]),
    openMaps: [],
    expand: {},
    joins: { office: join('office', 'offices') },
    filters: COLLECTIONS.floors.filters,
  },
  {
    name: 'issues',
    title: 'Issues',
    description: 'Issues (tickets) raised by members.',
    source: { kind: 'list', collection: 'issues' },
    columns: columnsOf('issues', [
      '_id',
      'subject',
      'message',
      'status',
      'member',
      'team',
      'office',
      'assignedTo',
      'type',
      'severity',
      'priority',
      'attachments',
      'resolvedDate',
      ...STAMPS,
    ]),
    openMaps: [],
    expand: { attachments: values('One row per attachment URL.') },
    joins: PEOPLE_JOINS,
    filters: COLLECTIONS.issues.filters,
  },
  {
    name: 'members',
    title: 'Members',
    description: 'All members.',
    source: { kind: 'list', collection: 'members' },
    columns: columnsOf('members', [
      '_id',
      'name',
      'email',
      'phone',
      'office',
      'team',
      'status',
      'calculatedStatus',
      'calculatedStage',
      'startDate',
      'contactPerson',
      'billingPerson',
      'address.address',
      'address.city',
      'address.zip',
      'address.state',
      'address.country',
      'details.name',
      'details.vatId',
      'properties',
      'tags',
      'image',
      'description',
      'network',
      'accounting',
      'doorAccess',
      'wifiAccess',
      'signedDocuments',
      'paymentDetails',
      'cardType',
      'portalPrivacy.hide',
      'portalPrivacy.hideContactDetails',
      'portalPrivacy.hidePublicProfiles',
      'twitterInfo',
      'facebook',
      'instagram',
      'lang',
      'lastLogin',
      'lastSeen',
      'comments',
      ...STAMPS,
    ]),
    openMaps: ['properties'],
    expand: {
      tags: values('One row per tag.'),
      signedDocuments: {
        description: 'One row per signed legal document.',
        columns: ['document', 'version', 'minorVersion', 'date'],
      },
    },
    joins: { office: join('office', 'offices'), team: join('team', 'teams') },
    filters: COLLECTIONS.members.filters,
  },
  {
    name: 'memberships',
    title: 'Memberships',
    description: 'Recurring plan subscriptions of members and teams.',
    source: { kind: 'list', collection: 'memberships' },
    columns: columnsOf('memberships', [
      '_id',
      'name',
      'plan',
      'team',
      'member',
      'office',
      'startDate',
      'endDate',
      'price',
      'discountedPrice',
      'discount',
      'discountAmount',
      'calculatedDiscountAmount',
      'deposit',
      'intervalLength',
      'intervalCount',
      'isPersonal',
      'locked',
      'type',
      'status',
      'calculatedStatus',
      'fees',
      'addOns',
      'invoices',
      'move._id',
      'move.resource',
      'move.membership',
      'move.startDate',
      'move.endDate',
      'contract',
      'source',
      'properties',
      ...STAMPS,
    ]),
    openMaps: ['properties'],
    expand: {},
    joins: { ...PEOPLE_JOINS, plan: join('plan', 'plans'), contract: join('contract', 'contracts') },
    filters: COLLECTIONS.memberships.filters,
  },
  {
    name: 'offices',
    title: 'Offices',
    description: 'The physical locations.',
    source: { kind: 'list', collection: 'offices' },
    columns: columnsOf('offices', [
      '_id',
      'name',
      'slug',
      'address',
      'city',
      'state',
      'country',
      'zip',
      'timezone',
      'isOpen',
      'public',
      'image',
      'description',
      'code',
      'order',
      'targetRevenuePerPeriod',
      'properties',
      ...STAMPS,
    ]),
    openMaps: ['properties'],
    expand: {
      targetRevenuePerPeriod: {
        description: 'One row per revenue target (an object in the v1 tap schema, a list in v2: both read).',
        columns: ['target', 'startDate', 'endDate'],
      },
    },
    joins: {},
    filters: COLLECTIONS.offices.filters,
  },
  {
    name: 'passes',
    title: 'Passes',
    description: 'Day-pass sets of members and teams.',
    source: { kind: 'list', collection: 'passes' },
    columns: columnsOf('passes', [
      '_id',
      'count',
      'used',
      'intervalLength',
      'startDate',
      'endDate',
      'renewDate',
      'validFrom',
      'validTo',
      'team',
      'member',
      'isPersonal',
      'membership',
      'fee',
      'shouldGrantActiveStatus',
      'resourceType',
      'status',
      ...STAMPS,
    ]),
    openMaps: [],
    expand: {},
    joins: {
      member: join('member', 'members'),
      team: join('team', 'teams'),
      membership: join('membership', 'memberships'),
      fee: join('fee', 'fees'),
    },
    filters: COLLECTIONS.passes.filters,
  },
  {
    name: 'payments',
    title: 'Payments',
    description: 'Invoices, credit notes and overpayments.',
    source: { kind: 'list', collection: 'payments' },
    columns: columnsOf('payments', [
      '_id',
      'number',
      'documentType',
      'date',
      'dueDate',
      'team',
      'member',
      'office',
      'reference',
      'taxType',
      'allocations',
      'invoiceLines',
      'lines',
      'vatAmounts',
      'charges',
      'processingFeeLine',
      'amount',
      'subtotal',
      'baseTotal',
      'totalAmount',
      'discount',
      'discountAmount',
      'paidAmount',
      'allocatedAmount',
      'payableAmount',
      'pendingAmount',
      'status',
      'isPaid',
      'isFailed',
      'isSent',
      'isDraft',
      'isVoided',
      'isOverdue',
      'isPersonal',
      'canEdit',
      'canDelete',
      'canVoid',
      'currency',
      'currencyConversionRate',
      'periodStart',
      'periodEnd',
      'comments',
      'linkedDocuments',
      'accounting.provider',
      'accounting.providerId',
      'accounting.lastSync',
      'accounting.error',
      'accounting.noSync',
      'accounting.hasLockedCharges',
      'templates',
      'source',
      ...STAMPS,
    ]),
    openMaps: [],
    expand: {
      invoiceLines: {
        description: 'One row per invoice line (v2 calls the field `lines`, accepted as `expand=lines`).',
        columns: [
          'description',
          'quantity',
          'unitPrice',
          'price',
          'subtotal',
          'total',
          'baseTotal',
          'baseUnitPrice',
          'vatPercent',
          'vatAmount',
          'discount',
          'discountAmount',
          'taxRate',
          'account',
          'plan',
          'fee',
          'membership',
          'office',
          'startDate',
          'endDate',
        ],
        joins: LINE_JOINS('invoiceLines'),
      },
      allocations: {
        description: 'One row per allocation to another document.',
        columns: ['_id', 'amount', 'target', 'documentType', 'createdAt'],
        joins: { 'allocations.target': join('target', 'payments') },
      },
      vatAmounts: {
        description: 'One row per tax rate summary (v2 `taxAmounts`, accepted as `expand=taxAmounts`).',
        columns: ['total', 'taxRate', 'percent'],
      },
      charges: {
        description: 'One row per embedded charge (transaction).',
        columns: ['_id', 'amount', 'currency', 'date', 'status', 'reference', 'source', 'account'],
      },
    },
    joins: PEOPLE_JOINS,
    filters: COLLECTIONS.payments.filters,
  },
  {
    name: 'plans',
    title: 'Plans',
    description: 'Price plans (one-off and recurring).',
    source: { kind: 'list', collection: 'plans' },
    columns: columnsOf('plans', [
      '_id',
      'name',
      'code',
      'description',
      'image',
      'type',
      'price',
      'deposit',
      'depositPercent',
      'depositPercentEnabled',
      'intervalLength',
      'intervalCount',
      'account',
      'amenities',
      'locations',
      'setupFees',
      'discounts',
      'extras',
      'legalDocuments',
      'addOns',
      'credits',
      'rates',
      'isRate',
      'useValueCredits',
      'prorate',
      'markUp',
      'bookingPolicy',
      'calcellationPolicy._id',
      'calcellationPolicy.minimumPeriod',
      'approval',
      'forMembers',
      'forNonMembers',
      'forTeamMembers',
      'public',
      'order',
      'properties',
      ...STAMPS,
    ]),
    openMaps: ['properties'],
    expand: {
      locations: values('One row per office the plan is sold in.', { locations: join('', 'offices') }),
      setupFees: values('One row per setup-fee plan.', { setupFees: join('', 'plans') }),
      addOns: { description: 'One row per add-on.', columns: ['_id', 'name', 'price', 'deposit'] },
      credits: {
        description: 'One row per credit allowance.',
        columns: ['count', 'validFor', 'type', 'resourceTypes', 'rates', 'oneOffPlans'],
      },
      rates: { description: 'One row per price component.', columns: RATE_COMPONENT },
    },
    joins: {},
    filters: COLLECTIONS.plans.filters,
  },
  {
    name: 'rates',
    title: 'Rates',
    description: 'Resource rates (plan-shaped documents with isRate).',
    source: { kind: 'list', collection: 'rates' },
    columns: columnsOf('rates', [
      '_id',
      'name',
      'code',
      'description',
      'image',
      'type',
      'price',
      'intervalLength',
      'intervalCount',
      'account',
      'amenities',
      'locations',
      'extras',
      'rates',
      'isRate',
      'useValueCredits',
      'prorate',
      'bookingPolicy',
      ...STAMPS,
    ]),
    openMaps: [],
    expand: {
      locations: values('One row per office the rate applies in.', { locations: join('', 'offices') }),
      rates: { description: 'One row per price component.', columns: RATE_COMPONENT },
    },
    joins: {},
    filters: COLLECTIONS.rates.filters,
  },
  {
    name: 'resources',
    title: 'Resources',
    description: 'Rooms, desks and private offices.',
    source: { kind: 'list', collection: 'resources' },
    columns: columnsOf('resources', [
      '_id',
      'name',
      'type',
      'office',
      'room',
      'rate',
      'target',
      'targetPlan',
      'parents',
      'parent',
      'number',
      'size',
      'area',
      'price',
      'deposit',
      'access.full',
      'access.public',
      'access.teams',
      'access.plans',
      'availability',
      'amenities',
      'color',
      'order',
      'timezone',
      'status',
      'image',
      'description',
      'move',
      'properties',
      ...STAMPS,
    ]),
    openMaps: ['properties'],
    expand: {
      parents: values('One row per parent resource.', { parents: join('', 'resources') }),
      availability: {
        description: 'One row per availability window (a list in v1, an object in v2: both read).',
        columns: ['startDate', 'endDate'],
      },
      'access.teams': values('One row per team with access.', { 'access.teams': join('', 'teams') }),
      'access.plans': values('One row per plan with access.', { 'access.plans': join('', 'plans') }),
    },
    joins: {
      office: join('office', 'offices'),
      // §6.17: v1 resources point at their floor through `room`.
      floor: join('room', 'floors'),
      rate: join('rate', 'rates'),
      targetPlan: join('targetPlan', 'plans'),
      parent: join('parent', 'resources'),
      // §7: resource `type` matches resource-type `type`, not an id.
      resourceType: { path: 'type', collections: ['resource-types'], key: 'type' },
    },
    filters: COLLECTIONS.resources.filters,
  },
  {
    name: 'resource-types',
    title: 'Resource Types',
    description: 'The kinds of resources (v1 keys them by `id`; `_id` repeats it).',
    source: { kind: 'list', collection: 'resource-types' },
    columns: columnsOf('resource-types', [
      '_id',
      'type',
      'title',
      'color',
      'icon',
      'canBook',
      'canAssign',
      'primary',
      'isSystem',
      'target',
      'bookingMode',
      'checkinMode',
      'hierarchicalResourcesEnabled',
    ]),
    openMaps: [],
    expand: {},
    joins: {},
    filters: COLLECTIONS['resource-types'].filters,
  },
  {
    name: 'teams',
    title: 'Teams',
    description: 'Companies (teams) of members.',
    source: { kind: 'list', collection: 'teams' },
    columns: columnsOf('teams', [
      '_id',
      'name',
      'email',
      'url',
      'office',
      'description',
      'image',
      'tags',
      'properties',
      'startDate',
      'calculatedStatus',
      'calculatedStage',
      'isTeam',
      'isSystem',
      'address.address',
      'address.city',
      'address.zip',
      'address.state',
      'address.country',
      'details.name',
      'details.vatId',
      'details.regId',
      'details.currency',
      'details.currencyConversionRate',
      'details.paymentMethod',
      'details.date',
      'details.differentAddress',
      'paymentDetails',
      'portalPrivacy',
      'twitterHandle',
      'twitterInfo',
      'cardType',
      'comments',
      ...STAMPS,
    ]),
    openMaps: ['properties'],
    expand: { tags: values('One row per tag.') },
    joins: { office: join('office', 'offices') },
    filters: COLLECTIONS.teams.filters,
  },
  {
    name: 'visits',
    title: 'Visits',
    description: 'Visits of guests hosted by members.',
    source: { kind: 'list', collection: 'visits' },
    columns: columnsOf('visits', ['_id', 'visitor', 'member', 'team', 'office', 'booking', 'start', 'end', ...STAMPS]),
    openMaps: [],
    expand: {},
    joins: { ...PEOPLE_JOINS, booking: join('booking', 'bookings') },
    filters: COLLECTIONS.visits.filters,
  },
];

/** Every report by name. */
export const REPORTS: Readonly<Record<ReportName, ReportSpec>> = Object.fromEntries(
  SPECS.map((spec) => [spec.name, spec]),
) as Record<ReportName, ReportSpec>;

/** Whether a string names a report. */
export function isReportName(name: string): name is ReportName {
  return (REPORT_NAMES as readonly string[]).includes(name);
}

/** The report whose columns a join into `collection` offers (each list collection is a report of that name). */
export function reportOfCollection(collection: ListCollection): ReportSpec {
  return REPORTS[collection];
}

/**
 * The collections `columns` of a report join (its default columns when null), nested joins included
 * (`member.team.name` joins members, then teams): what the cost rule counts for `report(...)` (security/cost.ts).
 * Unknown reports and columns join nothing (the report itself refuses them).
 */
export function joinedCollections(name: string, columns: readonly string[] | null): ListCollection[] {
  const report = name.toLowerCase().replaceAll('_', '-');
  if (!isReportName(report)) return [];
  const found = new Set<ListCollection>();
  const follow = (spec: ReportSpec, column: string, depth: number): void => {
    if (depth > 3) return;
    const joins: Record<string, JoinSpec> = { ...spec.joins };
    for (const expand of Object.values(spec.expand)) Object.assign(joins, expand.joins ?? {});
    const key = Object.keys(joins)
      .filter((k) => column.startsWith(`${k}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (key === undefined) return;
    const join = joins[key]!;
    for (const collection of join.collections) {
      found.add(collection);
      follow(reportOfCollection(collection), column.slice(key.length + 1), depth + 1);
    }
  };
  const spec = REPORTS[report];
  for (const column of columns ?? spec.columns) follow(spec, column, 0);
  return [...found];
}

/**
 * The collections the given filters of a report are checked through (`FilterSpec.via`: an occurrence's `type` reads
 * the resources), each read whole once per request: what the cost rule counts for `report(..., filters)`. Unknown
 * reports and filters read nothing (the report itself refuses them).
 */
export function filterLinkedCollections(name: string, filters: readonly string[]): ListCollection[] {
  const report = name.toLowerCase().replaceAll('_', '-');
  if (!isReportName(report)) return [];
  const found = new Set<ListCollection>();
  for (const [filter, spec] of Object.entries(REPORTS[report].filters)) {
    if (spec.via && [filter, ...(spec.aliases ?? [])].some((n) => filters.includes(n))) found.add(spec.via.collection);
  }
  return [...found];
}
