/**
 * The 20 flat reports of the Domo connector (shared/seed/domo-officernd-connector.txt), one row per object.
 * Columns are dotted paths of the v1 wire object (shared/officernd-api.md §6, v1 names as the connector sees
 * them); arrays that are not expanded are written as JSON text. Each report declares which array fields can be
 * expanded (Field To Expand), which references can be joined (`member.name`), and its upstream filters.
 */

import type { ListCollection } from '../officernd/collections.ts';

export const REPORT_NAMES = [
  'bookings', 'booking-occurrences', 'charges', 'checkins', 'contracts', 'credit-accounts', 'fees', 'floors',
  'issues', 'members', 'memberships', 'offices', 'passes', 'payments', 'plans', 'rates', 'resources',
  'resource-types', 'teams', 'visits',
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

/** A report filter: the query parameter (HTTP) or `filters` key (GraphQL) and the upstream equality filter. */
export interface ReportFilterSpec {
  /** v1 wire field sent upstream as `field=value` (§4). */
  field: string;
  /** id: 24-hex id; boolean: true/false; text: any non-empty text. */
  kind: 'id' | 'boolean' | 'text';
  description: string;
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
  filters: Readonly<Record<string, ReportFilterSpec>>;
}

const STAMPS = ['createdAt', 'createdBy', 'modifiedAt', 'modifiedBy'] as const;

const join = (path: string, ...collections: ListCollection[]): JoinSpec => ({ path, collections });
const idFilter = (field: string, description: string): ReportFilterSpec => ({ field, kind: 'id', description });
const textFilter = (field: string, description: string): ReportFilterSpec => ({ field, kind: 'text', description });
const flagFilter = (field: string, description: string): ReportFilterSpec => ({ field, kind: 'boolean', description });
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

const OWNER_FILTERS = {
  member: idFilter('member', 'Only rows of this member.'),
  team: idFilter('team', 'Only rows of this team.'),
  office: idFilter('office', 'Only rows of this office.'),
} as const;

// §6.1: booking columns are shared by the bookings and booking-occurrences reports.
const BOOKING_COLUMNS = [
  '_id', 'summary', 'description', 'start.dateTime', 'start.date', 'end.dateTime', 'end.date', 'seriesStart',
  'seriesEnd', 'timezone', 'resourceId', 'office', 'team', 'member', 'members', 'visitors', 'plan',
  'recurrence.rrule', 'recurrence.exdates', 'fees', 'canceled', 'tentative', 'free', 'accounted',
  'accountedUntil', 'serviceSlots.before', 'serviceSlots.after', 'reference', 'source', 'gcalId',
  'humanizedRecurrence', 'parent', 'properties', ...STAMPS,
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
    filters: {
      ...OWNER_FILTERS,
      resourceId: idFilter('resourceId', 'Only bookings of this resource.'),
      plan: idFilter('plan', 'Only bookings charged at this rate.'),
      canceled: flagFilter('canceled', 'Only cancelled (true) or not cancelled (false) bookings.'),
      tentative: flagFilter('tentative', 'Only tentative (true) or confirmed (false) bookings.'),
      free: flagFilter('free', 'Only free (true) or charged (false) bookings.'),
      source: textFilter('source', 'Only bookings made through this channel, e.g. portal.'),
      reference: textFilter('reference', 'Only the booking with this reference.'),
    },
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
    filters: {
      ...OWNER_FILTERS,
      resourceId: idFilter('resourceId', 'Only occurrences of this resource.'),
      type: textFilter('type', 'Only occurrences of resources of this type, e.g. meeting_room.'),
    },
  },
  {
    name: 'charges',
    title: 'Charges',
    description: 'Payment transactions recorded against invoices.',
    source: { kind: 'list', collection: 'charges' },
    columns: [
      '_id', 'amount', 'currency', 'date', 'status', 'reference', 'source', 'account', 'payment', 'office',
      'sourcePaymentId', 'integration.providerChargeId', 'integration.providerError', 'accounting.provider',
      'accounting.providerId', 'accounting.lastSync', 'accounting.error', ...STAMPS,
    ],
    openMaps: [],
    expand: {},
    joins: { payment: join('payment', 'payments'), office: join('office', 'offices') },
    filters: {
      payment: idFilter('payment', 'Only transactions paying this invoice.'),
      office: idFilter('office', 'Only transactions of invoices of this office.'),
      status: textFilter('status', 'Only transactions with this status: success, pending or fail.'),
      account: textFilter('account', 'Only transactions into this deposit account (exact name).'),
      source: textFilter('source', 'Only transactions recorded by this source (exact name).'),
      reference: textFilter('reference', 'Only transactions with exactly this reference.'),
    },
  },
  {
    name: 'checkins',
    title: 'Checkins',
    description: 'Member presence at an office.',
    source: { kind: 'list', collection: 'checkins' },
    columns: [
      '_id', 'member', 'team', 'office', 'start', 'end', 'type', 'devices', 'booking', 'pass', 'resourceType',
      'source', 'createdAt', 'createdBy',
    ],
    openMaps: [],
    expand: { devices: values('One row per device.') },
    joins: { ...PEOPLE_JOINS, booking: join('booking', 'bookings'), pass: join('pass', 'passes') },
    filters: OWNER_FILTERS,
  },
  {
    name: 'contracts',
    title: 'Contracts',
    description: 'Membership agreements with their plan, one-off and resource lines.',
    source: { kind: 'list', collection: 'contracts' },
    columns: [
      '_id', 'number', 'team', 'member', 'office', 'documentType', 'startDate', 'endDate', 'plans',
      'oneOffPlans', 'resources', 'legalDocuments', 'addendum', 'isRolling', 'notice.months', 'stage',
      'status', 'signatureStatus', 'signDate', 'signedBy._id', 'signedBy.displayName', 'activationErrors',
      'termination.date', 'termination.reasonKey', 'termination.comments', 'total', 'baseTotal', 'plansTotal',
      'oneOffsTotal', 'resourcesTotal', 'percentagePriceIncrease', 'previousDepositHeld', 'type',
      'renewedContract', 'renewalContract', 'properties', ...STAMPS,
    ],
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
    filters: {
      ...OWNER_FILTERS,
      status: textFilter('status', 'Only contracts with this document status, e.g. signed.'),
      stage: textFilter('stage', 'Only contracts in this stage, e.g. active.'),
      type: textFilter('type', 'Only new, renewal or expansion contracts.'),
      number: textFilter('number', 'Only the contract with this number, e.g. CON-3.'),
    },
  },
  {
    name: 'credit-accounts',
    title: 'Credit Accounts',
    description:
      'Credit (coin) balances of the accounts of one team or member, one row per account and month. Needs `team` or `member` and a date selection (every month it touches) or `month`.',
    source: { kind: 'credit-accounts' },
    columns: [
      'month', 'creditAccount', 'validFor', 'member', 'team', 'monthly.total', 'monthly.used',
      'monthly.remaining', 'once.total', 'once.used', 'once.remaining', 'resourceRates', 'resourceTypes',
      'oneOffPlans',
    ],
    openMaps: [],
    expand: {
      resourceRates: values('One row per rate the credits apply to.', { resourceRates: join('', 'rates') }),
      resourceTypes: values('One row per resource type the credits apply to.', {
        resourceTypes: join('', 'resource-types'),
      }),
      oneOffPlans: values('One row per one-off plan the credits apply to.', { oneOffPlans: join('', 'plans') }),
    },
    joins: { member: join('member', 'members'), team: join('team', 'teams') },
    filters: {
      team: idFilter('team', 'The team whose accounts to read (this or `member` is required).'),
      member: idFilter('member', 'The member whose accounts to read (this or `team` is required).'),
    },
  },
  {
    name: 'fees',
    title: 'Fees',
    description: 'One-off charges.',
    source: { kind: 'list', collection: 'fees' },
    columns: [
      '_id', 'name', 'price', 'quantity', 'date', 'team', 'member', 'office', 'plan', 'status', 'isPersonal',
      'refundable', 'billInAdvance', 'discountAmount', 'calculatedDiscountAmount', 'discountedPrice', 'markUp',
      'basePrice', 'isLate', 'invoice._id', 'invoice.status', 'invoice.creditNote', 'valueCredits',
      'properties', ...STAMPS,
    ],
    openMaps: ['properties'],
    expand: {},
    joins: {
      ...PEOPLE_JOINS,
      plan: join('plan', 'plans', 'rates'),
      payment: join('invoice._id', 'payments'),
      creditNote: join('invoice.creditNote', 'payments'),
    },
    filters: {
      ...OWNER_FILTERS,
      plan: idFilter('plan', 'Only fees created from this plan or rate.'),
      status: textFilter('status', 'Only fees in this approval state: approved or awaiting_approval.'),
      name: textFilter('name', 'Only fees with exactly this name.'),
    },
  },
  {
    name: 'floors',
    title: 'Floors',
    description: 'Floors of the offices.',
    source: { kind: 'list', collection: 'floors' },
    columns: [
      '_id', 'name', 'floor', 'slug', 'area', 'office', 'isOpen', 'background.height', 'background.width',
      'background.measured', 'background.uri', 'public.height', 'public.width', 'public.image', 'public.x',
      'public.y', 'public.modifiedAt', 'versions', 'exported', ...STAMPS,
    ],
    openMaps: [],
    expand: {},
    joins: { office: join('office', 'offices') },
    filters: {
      office: idFilter('office', 'Only floors of this office.'),
      name: textFilter('name', 'Only floors with exactly this name.'),
      isOpen: flagFilter('isOpen', 'Only open (true) or closed (false) floors.'),
    },
  },
  {
    name: 'issues',
    title: 'Issues',
    description: 'Issues (tickets) raised by members.',
    source: { kind: 'list', collection: 'issues' },
    columns: [
      '_id', 'subject', 'message', 'status', 'member', 'team', 'office', 'assignedTo', 'type', 'severity',
      'priority', 'attachments', 'resolvedDate', ...STAMPS,
    ],
    openMaps: [],
    expand: { attachments: values('One row per attachment URL.') },
    joins: PEOPLE_JOINS,
    filters: { ...OWNER_FILTERS, status: textFilter('status', 'Only issues with this status, e.g. open.') },
  },
  {
    name: 'members',
    title: 'Members',
    description: 'All members.',
    source: { kind: 'list', collection: 'members' },
    columns: [
      '_id', 'name', 'email', 'phone', 'office', 'team', 'status', 'calculatedStatus', 'calculatedStage',
      'startDate', 'contactPerson', 'billingPerson', 'address.address', 'address.city', 'address.zip',
      'address.state', 'address.country', 'details.name', 'details.vatId', 'properties', 'tags', 'image',
      'description', 'network', 'accounting', 'doorAccess', 'wifiAccess', 'signedDocuments', 'paymentDetails',
      'cardType', 'portalPrivacy.hide', 'portalPrivacy.hideContactDetails', 'portalPrivacy.hidePublicProfiles',
      'twitterInfo', 'facebook', 'instagram', 'lang', 'lastLogin', 'lastSeen', 'comments', ...STAMPS,
    ],
    openMaps: ['properties'],
    expand: {
      tags: values('One row per tag.'),
      signedDocuments: {
        description: 'One row per signed legal document.',
        columns: ['document', 'version', 'minorVersion', 'date'],
      },
    },
    joins: { office: join('office', 'offices'), team: join('team', 'teams') },
    filters: {
      office: idFilter('office', 'Only members whose home office is this one.'),
      team: idFilter('team', 'Only members of this team.'),
      status: textFilter('status', 'Only members with this status, e.g. active.'),
      calculatedStatus: textFilter('calculatedStatus', 'Only members with this derived status, e.g. drop-in.'),
      name: textFilter('name', 'Only members with exactly this name.'),
      email: textFilter('email', 'Only the member with this e-mail address.'),
    },
  },
  {
    name: 'memberships',
    title: 'Memberships',
    description: 'Recurring plan subscriptions of members and teams.',
    source: { kind: 'list', collection: 'memberships' },
    columns: [
      '_id', 'name', 'plan', 'team', 'member', 'office', 'startDate', 'endDate', 'price', 'discountedPrice',
      'discount', 'discountAmount', 'calculatedDiscountAmount', 'deposit', 'intervalLength', 'intervalCount',
      'isPersonal', 'locked', 'type', 'status', 'calculatedStatus', 'fees', 'addOns', 'invoices', 'move._id',
      'move.resource', 'move.membership', 'move.startDate', 'move.endDate', 'contract', 'source', 'properties',
      ...STAMPS,
    ],
    openMaps: ['properties'],
    expand: {},
    joins: { ...PEOPLE_JOINS, plan: join('plan', 'plans'), contract: join('contract', 'contracts') },
    filters: {
      ...OWNER_FILTERS,
      plan: idFilter('plan', 'Only memberships of this plan.'),
      status: textFilter('status', 'Only memberships with this approval status.'),
      calculatedStatus: textFilter('calculatedStatus', 'Only memberships in this live state, e.g. active.'),
      type: textFilter('type', 'Only month_to_month or only fixed memberships.'),
    },
  },
  {
    name: 'offices',
    title: 'Offices',
    description: 'The physical locations.',
    source: { kind: 'list', collection: 'offices' },
    columns: [
      '_id', 'name', 'slug', 'address', 'city', 'state', 'country', 'zip', 'timezone', 'isOpen', 'public',
      'image', 'description', 'code', 'order', 'targetRevenuePerPeriod', 'properties', ...STAMPS,
    ],
    openMaps: ['properties'],
    expand: {
      targetRevenuePerPeriod: {
        description: 'One row per revenue target (an object in the v1 tap schema, a list in v2: both read).',
        columns: ['target', 'startDate', 'endDate'],
      },
    },
    joins: {},
    filters: {
      name: textFilter('name', 'Only offices with exactly this name.'),
      isOpen: flagFilter('isOpen', 'Only open (true) or closed (false) offices.'),
    },
  },
  {
    name: 'passes',
    title: 'Passes',
    description: 'Day-pass sets of members and teams.',
    source: { kind: 'list', collection: 'passes' },
    columns: [
      '_id', 'count', 'used', 'intervalLength', 'startDate', 'endDate', 'renewDate', 'validFrom', 'validTo',
      'team', 'member', 'isPersonal', 'membership', 'fee', 'shouldGrantActiveStatus', 'resourceType', 'status',
      ...STAMPS,
    ],
    openMaps: [],
    expand: {},
    joins: {
      member: join('member', 'members'),
      team: join('team', 'teams'),
      membership: join('membership', 'memberships'),
      fee: join('fee', 'fees'),
    },
    filters: {
      member: OWNER_FILTERS.member,
      team: OWNER_FILTERS.team,
      membership: idFilter('membership', 'Only passes granted by this membership.'),
      fee: idFilter('fee', 'Only passes bought with this fee.'),
      status: textFilter('status', 'Only passes with this status, e.g. valid.'),
    },
  },
  {
    name: 'payments',
    title: 'Payments',
    description: 'Invoices, credit notes and overpayments.',
    source: { kind: 'list', collection: 'payments' },
    columns: [
      '_id', 'number', 'documentType', 'date', 'dueDate', 'team', 'member', 'office', 'reference', 'taxType',
      'allocations', 'invoiceLines', 'lines', 'vatAmounts', 'charges', 'processingFeeLine', 'amount',
      'subtotal', 'baseTotal', 'totalAmount', 'discount', 'discountAmount', 'paidAmount', 'allocatedAmount',
      'payableAmount', 'pendingAmount', 'status', 'isPaid', 'isFailed', 'isSent', 'isDraft', 'isVoided',
      'isOverdue', 'isPersonal', 'canEdit', 'canDelete', 'canVoid', 'currency', 'currencyConversionRate',
      'periodStart', 'periodEnd', 'comments', 'linkedDocuments', 'accounting.provider',
      'accounting.providerId', 'accounting.lastSync', 'accounting.error', 'accounting.noSync',
      'accounting.hasLockedCharges', 'templates', 'source', ...STAMPS,
    ],
    openMaps: [],
    expand: {
      invoiceLines: {
        description: 'One row per invoice line.',
        columns: [
          'description', 'quantity', 'unitPrice', 'price', 'subtotal', 'total', 'baseTotal', 'baseUnitPrice',
          'vatPercent', 'vatAmount', 'discount', 'discountAmount', 'taxRate', 'account', 'plan', 'fee',
          'membership', 'office', 'startDate', 'endDate',
        ],
        joins: LINE_JOINS('invoiceLines'),
      },
      lines: {
        description: 'One row per line of `lines` (the other v1 line list).',
        columns: [
          'description', 'quantity', 'unitPrice', 'unitDiscount', 'discount', 'vatPercent', 'taxRate',
          'account', 'plan', 'fee', 'membership', 'office', 'startDate', 'endDate', 'addOns',
        ],
        joins: LINE_JOINS('lines'),
      },
      allocations: {
        description: 'One row per allocation to another document.',
        columns: ['_id', 'amount', 'target', 'documentType', 'createdAt'],
        joins: { 'allocations.target': join('target', 'payments') },
      },
      vatAmounts: { description: 'One row per tax rate summary.', columns: ['total', 'taxRate', 'percent'] },
      charges: {
        description: 'One row per embedded charge (transaction).',
        columns: ['_id', 'amount', 'currency', 'date', 'status', 'reference', 'source', 'account'],
      },
    },
    joins: PEOPLE_JOINS,
    filters: {
      ...OWNER_FILTERS,
      status: textFilter('status', 'Only documents with this status, e.g. paid.'),
      documentType: textFilter('documentType', 'Only invoices or only credit notes (invoice, creditNote).'),
      number: textFilter('number', 'Only the document with exactly this number, e.g. INV-6.'),
      reference: textFilter('reference', 'Only documents with exactly this reference.'),
    },
  },
  {
    name: 'plans',
    title: 'Plans',
    description: 'Price plans (one-off and recurring).',
    source: { kind: 'list', collection: 'plans' },
    columns: [
      '_id', 'name', 'code', 'description', 'image', 'type', 'price', 'deposit', 'depositPercent',
      'depositPercentEnabled', 'intervalLength', 'intervalCount', 'account', 'amenities', 'locations',
      'setupFees', 'discounts', 'extras', 'legalDocuments', 'addOns', 'credits', 'rates', 'isRate',
      'useValueCredits', 'prorate', 'markUp', 'bookingPolicy', 'calcellationPolicy._id',
      'calcellationPolicy.minimumPeriod', 'approval', 'forMembers', 'forNonMembers', 'forTeamMembers',
      'public', 'order', 'properties', ...STAMPS,
    ],
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
    filters: {
      name: textFilter('name', 'Only plans with exactly this name.'),
      code: textFilter('code', 'Only plans with exactly this code.'),
      type: textFilter('type', 'Only plans of this type, e.g. hotdesk.'),
    },
  },
  {
    name: 'rates',
    title: 'Rates',
    description: 'Resource rates (plan-shaped documents with isRate).',
    source: { kind: 'list', collection: 'rates' },
    columns: [
      '_id', 'name', 'code', 'description', 'image', 'type', 'price', 'intervalLength', 'intervalCount',
      'account', 'amenities', 'locations', 'extras', 'rates', 'isRate', 'useValueCredits', 'prorate',
      'bookingPolicy', ...STAMPS,
    ],
    openMaps: [],
    expand: {
      locations: values('One row per office the rate applies in.', { locations: join('', 'offices') }),
      rates: { description: 'One row per price component.', columns: RATE_COMPONENT },
    },
    joins: {},
    filters: {
      name: textFilter('name', 'Only rates with exactly this name.'),
      code: textFilter('code', 'Only rates with exactly this code.'),
      type: textFilter('type', 'Only rates for this resource type, e.g. meeting_room.'),
    },
  },
  {
    name: 'resources',
    title: 'Resources',
    description: 'Rooms, desks and private offices.',
    source: { kind: 'list', collection: 'resources' },
    columns: [
      '_id', 'name', 'type', 'office', 'room', 'rate', 'target', 'targetPlan', 'parents', 'parent', 'number',
      'size', 'area', 'price', 'deposit', 'access.full', 'access.public', 'access.teams', 'access.plans',
      'availability', 'amenities', 'color', 'order', 'timezone', 'status', 'image', 'description', 'move',
      'properties', ...STAMPS,
    ],
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
    filters: {
      office: idFilter('office', 'Only resources in this office.'),
      room: idFilter('room', 'Only resources on this floor (v1 `room` is the floor id).'),
      rate: idFilter('rate', 'Only resources booked at this rate.'),
      type: textFilter('type', 'Only resources of this type, e.g. meeting_room.'),
      name: textFilter('name', 'Only resources with exactly this name.'),
    },
  },
  {
    name: 'resource-types',
    title: 'Resource Types',
    description: 'The kinds of resources (v1 keys them by `id`; `_id` repeats it).',
    source: { kind: 'list', collection: 'resource-types' },
    columns: [
      '_id', 'type', 'title', 'color', 'icon', 'canBook', 'canAssign', 'primary', 'isSystem', 'target',
      'bookingMode', 'checkinMode', 'hierarchicalResourcesEnabled',
    ],
    openMaps: [],
    expand: {},
    joins: {},
    filters: {
      type: textFilter('type', 'Only the resource type with this key, e.g. meeting_room.'),
      title: textFilter('title', 'Only resource types with exactly this title.'),
    },
  },
  {
    name: 'teams',
    title: 'Teams',
    description: 'Companies (teams) of members.',
    source: { kind: 'list', collection: 'teams' },
    columns: [
      '_id', 'name', 'email', 'url', 'office', 'description', 'image', 'tags', 'properties', 'startDate',
      'calculatedStatus', 'calculatedStage', 'isTeam', 'isSystem', 'address.address', 'address.city',
      'address.zip', 'address.state', 'address.country', 'details.name', 'details.vatId', 'details.regId',
      'details.currency', 'details.currencyConversionRate', 'details.paymentMethod', 'details.date',
      'details.differentAddress', 'paymentDetails', 'portalPrivacy', 'twitterHandle', 'twitterInfo',
      'cardType', 'comments', ...STAMPS,
    ],
    openMaps: ['properties'],
    expand: { tags: values('One row per tag.') },
    joins: { office: join('office', 'offices') },
    filters: {
      office: idFilter('office', 'Only teams whose home office is this one.'),
      calculatedStatus: textFilter('calculatedStatus', 'Only teams with this derived status, e.g. active.'),
      name: textFilter('name', 'Only teams with exactly this name.'),
      email: textFilter('email', 'Only the team with this e-mail address.'),
    },
  },
  {
    name: 'visits',
    title: 'Visits',
    description: 'Visits of guests hosted by members.',
    source: { kind: 'list', collection: 'visits' },
    columns: ['_id', 'visitor', 'member', 'team', 'office', 'booking', 'start', 'end', ...STAMPS],
    openMaps: [],
    expand: {},
    joins: { ...PEOPLE_JOINS, booking: join('booking', 'bookings') },
    filters: { ...OWNER_FILTERS, booking: idFilter('booking', 'Only visits of this booking.') },
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
