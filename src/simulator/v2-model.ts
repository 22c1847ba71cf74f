/**
 * The simulator's own model of the OfficeRnD Flex API (v2), written from shared/officernd-api.md:
 * paths and their read scopes (§1, §2), GET by id (§8), page size (§3), the query parameters each
 * list documents (§4, §6: anything else is a 400 "property X should not exist", observed on staging,
 * S6) and the v1 → v2 field renames (§2). Independent of the client's tables, like model.ts.
 */

import type { V1Collection } from './model.ts';

/** §3: v2 pages hold at most 50 items (default 50); staging answers 400 above 50 (S6, chosen over the docs' cap). */
export const V2_PAGE_LIMIT = 50;
/** §3 (S6): `$limit=0` falls back to a page of 20. */
export const V2_ZERO_LIMIT_PAGE = 20;
/** §8: batch loads by `_id[$in]` at most 50 ids a call (the page cap). */
export const V2_MAX_IN_IDS = 50;

/** The v2 list endpoints, by v2 path, with the v1 collection holding their data. */
export const V2_LISTS = {
  bookings: 'bookings',
  charges: 'charges',
  checkins: 'checkins',
  contracts: 'contracts',
  fees: 'fees',
  floors: 'floors',
  tickets: 'issues',
  members: 'members',
  memberships: 'memberships',
  locations: 'offices',
  passes: 'passes',
  payments: 'payments',
  plans: 'plans',
  'resource-rates': 'rates',
  resources: 'resources',
  'resource-types': 'resource-types',
  companies: 'teams',
  visits: 'visits',
} as const satisfies Record<string, V1Collection>;

export type V2List = keyof typeof V2_LISTS;
export const V2_OCCURRENCES_PATH = 'bookings/occurrences';
export const V2_COIN_STATS_PATH = 'coins/stats';
export type V2Endpoint = V2List | typeof V2_OCCURRENCES_PATH | typeof V2_COIN_STATS_PATH;

/** §1 table: the read scope of each v2 endpoint (S10, S11, S12 agree). */
export const V2_READ_SCOPES: Readonly<Record<V2Endpoint, string>> = {
  bookings: 'flex.space.bookings.read',
  'bookings/occurrences': 'flex.space.bookings.read',
  charges: 'flex.billing.charges.read',
  checkins: 'flex.community.checkins.read',
  contracts: 'flex.community.contracts.read',
  'coins/stats': 'flex.space.coins.read',
  fees: 'flex.community.fees.read',
  floors: 'flex.space.floors.read',
  tickets: 'flex.collaboration.tickets.read',
  members: 'flex.community.members.read',
  memberships: 'flex.community.memberships.read',
  locations: 'flex.space.locations.read',
  passes: 'flex.space.passes.read',
  payments: 'flex.billing.payments.read',
  plans: 'flex.billing.plans.read',
  'resource-rates': 'flex.billing.resourceRates.read',
  resources: 'flex.space.resources.read',
  'resource-types': 'flex.space.resourceTypes.read',
  companies: 'flex.community.companies.read',
  visits: 'flex.community.visits.read',
};

/** Every flex read scope of the 20 endpoints. */
export const FLEX_READ_SCOPES: readonly string[] = [...new Set(Object.values(V2_READ_SCOPES))];

/** §8: v2 `GET /{path}/{id}` (S5, S11, S12); charges are left out (absent from S11/S12). */
export const V2_BY_ID: ReadonlySet<V2List> = new Set([
  'members',
  'companies',
  'memberships',
  'contracts',
  'fees',
  'passes',
  'payments',
  'plans',
  'resources',
  'resource-rates',
  'locations',
  'floors',
  'visits',
  'tickets',
  'checkins',
]);

/**
 * How a documented parameter is read: `ref` = a 24-hex id; `date` = an ISO date, with `[$gt|$gte|$lt|$lte]`;
 * `text` = a string; `bool` = true/false (an absent flag counts as false, §6.1); `in` = also `[$in]=a,b`.
 */
export type V2ParamKind = 'ref' | 'date' | 'text' | 'bool' | 'text-in' | 'ref-in';

/**
 * §4/§6: the parameters each v2 list documents, besides `$limit`, `$cursorNext`, `$cursorPrev`, `$select`.
 * `_id` (and `_id[$in]`) is accepted on every list: H for charges, M for the others (§8); `$sort` and
 * `properties[…]` where S5 shows them.
 */
export const V2_PARAMS: Readonly<Record<V2List, Readonly<Record<string, V2ParamKind>>>> = {
  // §6.1: S7, S18, S20.
  bookings: {
    resource: 'ref',
    member: 'ref',
    company: 'ref',
    location: 'ref',
    seriesStart: 'date',
    seriesEnd: 'date',
    isCancelled: 'bool',
    isTentative: 'bool',
    modifiedAt: 'date',
  },
  // §6.3: S5.
  charges: { status: 'text-in', payment: 'ref', source: 'text', date: 'date', modifiedAt: 'date', createdAt: 'date' },
  // §6.4: S5 (visitors variant), S11.
  checkins: {
    company: 'ref',
    member: 'ref',
    location: 'ref',
    source: 'text',
    start: 'date',
    end: 'date',
    createdAt: 'date',
  },
  // §6.5: S18, S11.
  contracts: { company: 'ref', location: 'ref', status: 'text', modifiedAt: 'date' },
  // §6.7: S5, S9.
  fees: { company: 'ref', member: 'ref', location: 'ref', plan: 'ref', issueDate: 'date', modifiedAt: 'date' },
  // §6.8: S5.
  floors: { name: 'text', location: 'ref', createdAt: 'date', modifiedAt: 'date' },
  // §6.9: the list documents only $select and paging (S5).
  tickets: {},
  // §6.10: S5, S9.
  members: {
    name: 'text',
    email: 'text',
    location: 'ref',
    company: 'ref',
    status: 'text-in',
    createdAt: 'date',
    modifiedAt: 'date',
  },
  // §6.11: company, member (S6, S9); plan, location, status, calculatedStatus (S18, S20). Staging refused createdAt/modifiedAt/$sort.
  memberships: {
    company: 'ref',
    member: 'ref',
    plan: 'ref',
    location: 'ref',
    status: 'text',
    calculatedStatus: 'text',
  },
  // §6.12: S5.
  locations: { name: 'text', isOpen: 'bool', isPublic: 'bool' },
  // §6.13: S9, S11.
  passes: { company: 'ref', member: 'ref', modifiedAt: 'date' },
  // §6.14: S9.
  payments: {
    member: 'ref',
    company: 'ref',
    location: 'ref',
    createdAt: 'date',
    modifiedAt: 'date',
    date: 'date',
    dueDate: 'date',
    documentType: 'text',
    number: 'text',
    status: 'text-in',
  },
  // §6.15: S5.
  plans: { name: 'text', code: 'text' },
  // §6.16: no documented filters.
  'resource-rates': {},
  // §6.17: S18, S11.
  resources: { type: 'text', location: 'ref', floor: 'ref', name: 'text', modifiedAt: 'date' },
  // §6.18: S5 (`_id` and `type` arrays).
  'resource-types': { type: 'text-in' },
  // §6.19: S5.
  companies: { name: 'text', location: 'ref', status: 'text-in', createdAt: 'date', modifiedAt: 'date' },
  // §6.20: S18.
  visits: { member: 'ref', visitor: 'ref', location: 'ref' },
};

/** §4: `$sort` where S5 documents it. */
export const V2_SORTABLE: ReadonlySet<V2List> = new Set(['members', 'companies', 'charges']);
/** §4: `properties[<key>]=<string>` where S5 documents it. */
export const V2_PROPERTIES: ReadonlySet<V2List> = new Set(['members', 'companies']);

/** §6.2 v2: window `start`/`end` (names unconfirmed, §11.7) and S20's filters; `resource` takes one or more ids. */
export const V2_OCCURRENCE_PARAMS: Readonly<Record<string, V2ParamKind>> = {
  start: 'date',
  end: 'date',
  member: 'ref',
  company: 'ref',
  location: 'ref',
  resource: 'ref-in',
  isCancelled: 'bool',
  isTentative: 'bool',
};

/** §6.6 v2 `/coins/stats`: `month` (required, `YYYY-MM`), `company`, `member`. */
export const V2_COIN_STATS_PARAMS: Readonly<Record<string, V2ParamKind>> = {
  month: 'text',
  company: 'ref',
  member: 'ref',
};

/** Paging and projection parameters of every v2 list (§3, §4). */
export const V2_CONTROL_PARAMS: ReadonlySet<string> = new Set(['$limit', '$cursorNext', '$cursorPrev', '$select']);

/** §2 renames shared by most objects. */
export const V2_COMMON_RENAMES: Readonly<Record<string, string>> = { office: 'location', team: 'company' };

/** §2 renames per collection (v1 name → v2 name), on top of the common ones. */
export const V2_RENAMES: Readonly<Partial<Record<V1Collection, Readonly<Record<string, string>>>>> = {
  bookings: {
    resourceId: 'resource',
    summary: 'title',
    canceled: 'isCancelled',
    tentative: 'isTentative',
    free: 'isFree',
    accounted: 'isAccounted',
    plan: 'rate',
  },
  members: { contactPerson: 'isContactPerson', billingPerson: 'isBillingPerson' },
  memberships: { locked: 'isLocked' },
  fees: { date: 'issueDate', refundable: 'isRefundable', billInAdvance: 'shouldBillInAdvance', invoice: 'payment' },
  plans: { prorate: 'shouldProrate', approval: 'requiresApproval' },
  rates: { prorate: 'shouldProrate', approval: 'requiresApproval' },
  payments: { invoiceLines: 'lines', vatAmounts: 'taxAmounts' },
  passes: { used: 'usedCount' },
  // §6.17: v1 resources name their floor `room` (S7); v2 calls it `floor`.
  resources: { room: 'floor' },
  // §6.18: v1 resource types are keyed by `id` (S8), v2 by `_id`.
  'resource-types': { id: '_id' },
};

/** v1-only fields that v2 objects do not carry (§2, §6.1). */
export const V2_DROPPED: Readonly<Partial<Record<V1Collection | '*', readonly string[]>>> = {
  '*': ['organization', '__v'],
  bookings: ['accountedUntil', 'gcalId', 'humanizedRecurrence', 'parent'],
  // §6.14: v1 payments carry both `invoiceLines` and `lines`; v2 has one `lines` (the v1 invoice lines).
  payments: ['lines'],
  // §6.3: v2 charges have no office.
  charges: ['office', 'sourcePaymentId'],
};

/** §6.1 / S11: v2 booking flags are sparse; a false one is absent. */
export const V2_SPARSE_FLAGS: readonly string[] = ['isCancelled', 'isTentative', 'isFree', 'isAccounted'];
