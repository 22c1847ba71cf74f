/**
 * What is known about each OfficeRnD v1 list endpoint, declared once: path, by-id availability, page size, date
 * fields, references and filters (each with its wire field, its kind, whether v1 has public evidence for it, and
 * the check that decides whether a returned row matches). The GraphQL list arguments, `report(...)`, the export
 * query parameters and the client's query builder all read this table. Sources: shared/officernd-api.md §4
 * (filters with evidence), §6 (shapes, filters) and §8 (which collections have `GET /{path}/{id}` in v1).
 */

import {
  BOOKING_SOURCE,
  CHARGE_STATUS,
  CONTRACT_STAGE,
  CONTRACT_STATUS,
  CONTRACT_TYPE,
  FEE_STATUS,
  ISSUE_STATUS,
  MEMBER_STATUS,
  MEMBERSHIP_CALCULATED_STATUS,
  MEMBERSHIP_STATUS,
  MEMBERSHIP_TYPE,
  PASS_STATUS,
  PAYMENT_DOCUMENT_TYPE,
  PAYMENT_STATUS,
  PLAN_TYPE,
  RESOURCE_KIND,
  TEAM_STATUS,
  type EnumSpec,
} from './enums.ts';

/** Collections served as plain lists (`GET /{path}`), keyed by their v1 path segment. */
export const LIST_COLLECTIONS = [
  'bookings',
  'charges',
  'checkins',
  'contracts',
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

export type ListCollection = (typeof LIST_COLLECTIONS)[number];

/** The two report endpoints that are not plain lists (§6.2, §6.6). */
export const OCCURRENCES_PATH = 'bookings/occurrences';
export const CREDIT_STATS_PATH = 'credit-accounts/stats';

/** OfficeRnD ids are 24-hex Mongo ObjectIds (§6 conventions). */
export const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * §6.2: "the period cannot exceed a year": one occurrences request spans at most 365 days; longer selections are
 * read as consecutive windows of this length.
 */
export const OCCURRENCE_WINDOW_MS = 365 * 86_400_000;

/**
 * The longest window one occurrences request may ask for: a year, which may have 366 days (§6.2). Windows are cut to
 * OCCURRENCE_WINDOW_MS and asked from 1 ms before their start (dates/report-dates.ts `askStart`), within this.
 */
export const OCCURRENCE_PERIOD_MAX_MS = 366 * 86_400_000;

/**
 * Default of MAX_UPSTREAM_RESPONSE_BYTES. The largest page of the built-in organization (100 payments with their
 * lines) is 0.19 MB; real v1 documents carry more fields (§6), so 16 MiB (over 80 times that) leaves a wide
 * margin, while a gzip bomb stops at a size the process can hold (16 calls in flight, the default: at most 256 MiB
 * of bodies).
 */
export const DEFAULT_MAX_UPSTREAM_RESPONSE_BYTES = 16 * 1024 * 1024;

/** v1 page size: default and hard maximum since 2024-04-01 (§3). */
export const V1_PAGE_LIMIT = 100;

/**
 * What a filter compares: a 24-hex reference, one of an enum's values, a text, or a flag (a missing flag is false,
 * §4: real v1 records omit false booleans).
 */
export type FilterKind = 'id' | 'enum' | 'string' | 'boolean';

/** How a text filter compares: equality, or v1's case-insensitive starts-with / contains (§4 `$swi`, `$csi`). */
export type TextOp = 'eq' | 'swi' | 'csi';

/** One filter of a collection, under its public name (GraphQL argument, export parameter, `report` filter key). */
export interface FilterSpec {
  /** The v1 wire field it compares (`resourceId` for the public `resource`). */
  field: string;
  kind: FilterKind;
  /** For text filters: the operator (equality by default). */
  op?: TextOp;
  /** For enum filters: the values it accepts. */
  enum?: EnumSpec;
  /**
   * Whether v1 has public evidence for this filter (§4). Either way the gateway checks every returned row itself
   * (`filterMatches`): an upstream filter only saves pages.
   */
  documented: boolean;
  description: string;
  /** Other names the exports accept for it (the wire spelling they used to take, e.g. `resourceId`). */
  aliases?: readonly string[];
  /**
   * A filter on a linked object rather than on the row: the row matches when its reference `field` points at an
   * object of `collection` whose `targetField` matches (an occurrence's kind is its resource's `type`, §6.2, §6.17).
   * `FilterSpec.field` stays what is sent upstream; the gateway reads the linked collection whole (once per request)
   * to check rows (core/filters.ts `resolveLinks`).
   */
  via?: LinkCheck;
}

/** How a filter checks a row through one of its references (`FilterSpec.via`). */
export interface LinkCheck {
  /** The row's reference field (wire name). */
  field: string;
  /** The collection it points at. */
  collection: ListCollection;
  /** The field of the linked object the filter compares. */
  targetField: string;
}

export type FilterSpecs = Readonly<Record<string, FilterSpec>>;

export interface CollectionSpec {
  /** v1 path segment under /organizations/{org}/ */
  path: ListCollection;
  /** `GET /{path}/{id}` exists in v1 (§8: members, bookings, floors, offices, resources, teams). */
  byId: boolean;
  /** Small catalogue collections: read as whole lists rather than by id (a handful of pages at most). */
  catalog: boolean;
  /** Most items one upstream page holds (§3). */
  pageSize: number;
  /** Filters by public name. */
  filters: FilterSpecs;
  /** Top-level date fields that accept `$gt/$gte/$lt/$lte` comparison filters (§4). */
  dateFields: readonly string[];
  /** Reference fields (wire names) and the collections they point at (§7). */
  links: Readonly<Record<string, readonly ListCollection[]>>;
  /** Derived from `filters`: reference fields that accept `field=<24-hex id>`. */
  refFilters: readonly string[];
  /** Derived from `filters`: text fields that accept equality and the string operators. */
  stringFields: readonly string[];
  /** Derived from `filters`: enum and boolean fields that accept equality. */
  valueFields: readonly string[];
}

const STAMPS = ['createdAt', 'modifiedAt'] as const;

const id = (field: string, description: string, documented = false): FilterSpec => ({
  field,
  kind: 'id',
  documented,
  description,
});
const text = (field: string, description: string, documented = false, op: TextOp = 'eq'): FilterSpec => ({
  field,
  kind: 'string',
  documented,
  description,
  ...(op === 'eq' ? {} : { op }),
});
const oneOf = (field: string, values: EnumSpec, description: string, documented = false): FilterSpec => ({
  field,
  kind: 'enum',
  enum: values,
  documented,
  description,
});
const flag = (field: string, description: string): FilterSpec => ({
  field,
  kind: 'boolean',
  documented: false,
  description,
});
const alias = (spec: FilterSpec, ...aliases: string[]): FilterSpec => ({ ...spec, aliases });
/** §4: `name` string operators have public evidence on every v1 list. */
const nameStartsWith = (what: string): FilterSpec =>
  text('name', `Only ${what} whose name starts with this text (case-insensitive).`, true, 'swi');

const unique = (values: readonly string[]): string[] => [...new Set(values)];

function collection(
  path: ListCollection,
  options: {
    byId?: boolean;
    catalog?: boolean;
    filters: FilterSpecs;
    dateFields: readonly string[];
    links?: Readonly<Record<string, readonly ListCollection[]>>;
  },
): CollectionSpec {
  const specs = Object.values(options.filters);
  return {
    path,
    byId: options.byId ?? false,
    catalog: options.catalog ?? false,
    pageSize: V1_PAGE_LIMIT,
    filters: options.filters,
    dateFields: options.dateFields,
    links: options.links ?? {},
    refFilters: unique(specs.filter((f) => f.kind === 'id').map((f) => f.field)),
    stringFields: unique(specs.filter((f) => f.kind === 'string').map((f) => f.field)),
    valueFields: unique(specs.filter((f) => f.kind === 'enum' || f.kind === 'boolean').map((f) => f.field)),
  };
}

const owners = (what: string, documented = false) => ({
  member: id('member', `Only ${what} of this member.`, documented),
  team: id('team', `Only ${what} of this team.`, documented),
  office: id('office', `Only ${what} of this office.`, documented),
});

const PEOPLE = { member: ['members'], team: ['teams'], office: ['offices'] } as const;

export const COLLECTIONS: Readonly<Record<ListCollection, CollectionSpec>> = {
  bookings: collection('bookings', {
    byId: true,
    // §4, §6.1: v1 evidence for office, member and team on bookings.
    filters: {
      ...owners('bookings', true),
      resource: alias(id('resourceId', 'Only bookings of this resource.'), 'resourceId'),
      rate: alias(id('plan', 'Only bookings charged at this rate.'), 'plan'),
      isCancelled: alias(flag('canceled', 'Only cancelled (true) or not cancelled (false) bookings.'), 'canceled'),
      isTentative: alias(flag('tentative', 'Only tentative (true) or confirmed (false) bookings.'), 'tentative'),
      isFree: alias(flag('free', 'Only free (true) or charged (false) bookings.'), 'free'),
      source: oneOf('source', BOOKING_SOURCE, 'Only bookings made through this channel.'),
      reference: text('reference', 'Only the booking with this reference.'),
      titleContains: text('summary', 'Only bookings whose title contains this text (case-insensitive).', false, 'csi'),
    },
    dateFields: ['seriesStart', 'seriesEnd', ...STAMPS],
    links: { ...PEOPLE, resourceId: ['resources'], plan: ['rates'], members: ['members'], parent: ['bookings'] },
  }),
  charges: collection('charges', {
    filters: {
      payment: id('payment', 'Only transactions that pay this invoice.'),
      office: id('office', 'Only transactions of invoices of this office.'),
      status: oneOf('status', CHARGE_STATUS, 'Only transactions with this outcome.'),
      account: text('account', 'Only transactions into this deposit account (exact name).'),
      source: text('source', 'Only transactions recorded by this source (exact name).'),
      reference: text('reference', 'Only transactions with exactly this reference.'),
    },
    dateFields: ['date', ...STAMPS],
    links: { payment: ['payments'], office: ['offices'] },
  }),
  checkins: collection('checkins', {
    filters: owners('check-ins'),
    dateFields: ['start', 'end', 'createdAt'],
    links: { ...PEOPLE, booking: ['bookings'], pass: ['passes'] },
  }),
  contracts: collection('contracts', {
    filters: {
      ...owners('contracts'),
      status: oneOf('status', CONTRACT_STATUS, 'Only contracts with this document status.'),
      stage: oneOf('stage', CONTRACT_STAGE, 'Only contracts in this life-cycle stage.'),
      type: oneOf('type', CONTRACT_TYPE, 'Only new, renewal or expansion contracts.'),
      number: text('number', 'Only the contract with this number (e.g. CON-3).'),
    },
    dateFields: ['startDate', 'endDate', 'signDate', ...STAMPS],
    links: { ...PEOPLE, renewedContract: ['contracts'], renewalContract: ['contracts'] },
  }),
  fees: collection('fees', {
    filters: {
      ...owners('fees'),
      plan: id('plan', 'Only fees created from this plan or rate (wire `plan` holds either).'),
      status: oneOf('status', FEE_STATUS, 'Only fees in this approval state.'),
      name: text('name', 'Only fees with exactly this name.'),
      nameStartsWith: nameStartsWith('fees'),
    },
    dateFields: ['date', ...STAMPS],
    links: { ...PEOPLE, plan: ['plans', 'rates'] },
  }),
  floors: collection('floors', {
    byId: true,
    catalog: true,
    filters: {
      office: id('office', 'Only floors of this office.', true),
      name: text('name', 'Only floors with exactly this name.'),
      nameStartsWith: nameStartsWith('floors'),
      isOpen: flag('isOpen', 'Only open (true) or closed (false) floors.'),
    },
    dateFields: [...STAMPS],
    links: { office: ['offices'] },
  }),
  issues: collection('issues', {
    filters: {
      ...owners('issues'),
      status: oneOf('status', ISSUE_STATUS, 'Only issues with this status.'),
      subjectContains: text(
        'subject',
        'Only issues whose subject contains this text (case-insensitive).',
        false,
        'csi',
      ),
    },
    dateFields: ['resolvedDate', ...STAMPS],
    links: PEOPLE,
  }),
  members: collection('members', {
    byId: true,
    // §4, §6.10: v1 evidence for office, team, name (with string operators) and email on members.
    filters: {
      office: id('office', 'Only members whose home office is this one.', true),
      team: id('team', 'Only members of this team.', true),
      status: oneOf('status', MEMBER_STATUS, 'Only members with this status.'),
      calculatedStatus: oneOf(
        'calculatedStatus',
        MEMBER_STATUS,
        'Only members with this derived status (e.g. DROP_IN).',
      ),
      name: text('name', 'Only members with exactly this name.', true),
      nameStartsWith: nameStartsWith('members'),
      email: text('email', 'Only the member with this e-mail address.', true),
    },
    dateFields: ['startDate', ...STAMPS],
    links: { team: ['teams'], office: ['offices'] },
  }),
  memberships: collection('memberships', {
    filters: {
      ...owners('memberships'),
      plan: id('plan', 'Only memberships of this plan.'),
      status: oneOf('status', MEMBERSHIP_STATUS, 'Only memberships with this approval status.'),
      calculatedStatus: oneOf(
        'calculatedStatus',
        MEMBERSHIP_CALCULATED_STATUS,
        'Only memberships in this live state (e.g. ACTIVE).',
      ),
      type: oneOf('type', MEMBERSHIP_TYPE, 'Only open-ended or only fixed-term memberships.'),
      nameStartsWith: nameStartsWith('memberships'),
    },
    dateFields: ['startDate', 'endDate', ...STAMPS],
    links: { ...PEOPLE, plan: ['plans'], contract: ['contracts'] },
  }),
  offices: collection('offices', {
    byId: true,
    catalog: true,
    filters: {
      name: text('name', 'Only offices with exactly this name.'),
      nameStartsWith: nameStartsWith('offices'),
      isOpen: flag('isOpen', 'Only open (true) or closed (false) offices.'),
    },
    dateFields: [...STAMPS],
  }),
  passes: collection('passes', {
    filters: {
      member: id('member', 'Only passes held by this member.'),
      team: id('team', 'Only passes held by this team.'),
      membership: id('membership', 'Only passes granted by this membership.'),
      fee: id('fee', 'Only passes bought with this fee.'),
      status: oneOf('status', PASS_STATUS, 'Only passes with this status.'),
    },
    dateFields: ['startDate', 'endDate', ...STAMPS],
    links: { member: ['members'], team: ['teams'], membership: ['memberships'], fee: ['fees'] },
  }),
  payments: collection('payments', {
    filters: {
      ...owners('documents'),
      status: oneOf('status', PAYMENT_STATUS, 'Only documents with this status.'),
      documentType: oneOf('documentType', PAYMENT_DOCUMENT_TYPE, 'Only documents of this kind.'),
      number: text('number', 'Only the document with exactly this number, e.g. INV-6.'),
      reference: text('reference', 'Only documents with exactly this reference.'),
    },
    dateFields: ['date', 'dueDate', ...STAMPS],
    links: PEOPLE,
  }),
  plans: collection('plans', {
    catalog: true,
    filters: {
      name: text('name', 'Only plans with exactly this name.'),
      nameStartsWith: nameStartsWith('plans'),
      code: text('code', 'Only the plans with exactly this code.'),
      type: oneOf('type', PLAN_TYPE, 'Only plans that sell this.'),
    },
    dateFields: [...STAMPS],
    links: { locations: ['offices'], setupFees: ['plans'] },
  }),
  rates: collection('rates', {
    catalog: true,
    filters: {
      name: text('name', 'Only rates with exactly this name.'),
      nameStartsWith: nameStartsWith('rates'),
      code: text('code', 'Only the rates with exactly this code.'),
      type: oneOf('type', RESOURCE_KIND, 'Only rates for this kind of resource.'),
    },
    dateFields: [...STAMPS],
    links: { locations: ['offices'] },
  }),
  resources: collection('resources', {
    byId: true,
    // §4, §6.17: v1 evidence for office, type and name on resources.
    filters: {
      office: id('office', 'Only resources in this office.', true),
      // §6.17: v1 resources point at their floor through `room`.
      floor: alias(id('room', 'Only resources on this floor.'), 'room'),
      rate: id('rate', 'Only resources booked at this rate.'),
      type: oneOf('type', RESOURCE_KIND, 'Only resources of this kind.', true),
      name: text('name', 'Only resources with exactly this name.', true),
      nameStartsWith: nameStartsWith('resources'),
    },
    dateFields: [...STAMPS],
    links: {
      office: ['offices'],
      room: ['floors'],
      rate: ['rates'],
      targetPlan: ['plans'],
      parents: ['resources'],
      parent: ['resources'],
    },
  }),
  'resource-types': collection('resource-types', {
    catalog: true,
    filters: {
      typeKey: alias(text('type', 'Only the resource type with this type key, e.g. "meeting_room".'), 'type'),
      title: text('title', 'Only resource types with exactly this title.'),
    },
    dateFields: [],
  }),
  teams: collection('teams', {
    byId: true,
    filters: {
      office: id('office', 'Only teams whose home office is this one.'),
      calculatedStatus: oneOf('calculatedStatus', TEAM_STATUS, 'Only teams with this derived status.'),
      name: text('name', 'Only teams with exactly this name.'),
      nameStartsWith: nameStartsWith('teams'),
      email: text('email', 'Only the team with this e-mail address.'),
    },
    dateFields: ['startDate', ...STAMPS],
    links: { office: ['offices'] },
  }),
  visits: collection('visits', {
    filters: {
      member: id('member', 'Only visits hosted by this member.'),
      team: id('team', 'Only visits hosted by members of this team.'),
      office: id('office', 'Only visits to this office.'),
      booking: id('booking', 'Only visits of this booking.'),
    },
    dateFields: ['start', 'end'],
    links: { ...PEOPLE, booking: ['bookings'] },
  }),
};

/** Filters of booking occurrences: the documented v1 parameters of `GET /bookings/occurrences` (§6.2). */
export const OCCURRENCE_FILTERS: FilterSpecs = {
  member: id('member', 'Only occurrences booked by this member.', true),
  team: id('team', 'Only occurrences billed to this team.', true),
  office: id('office', 'Only occurrences in this office.', true),
  resource: alias(id('resourceId', 'Only occurrences of this resource.', true), 'resourceId'),
  // §6.2 takes `type` upstream, but an occurrence carries no `type`: the gateway checks its resource's `type` (§6.17).
  type: {
    ...oneOf('type', RESOURCE_KIND, 'Only occurrences of resources of this kind, e.g. meeting_room.', true),
    via: { field: 'resourceId', collection: 'resources', targetField: 'type' },
  },
};

/** The owner of credit stats (§6.6): one of the two is required. */
export const CREDIT_STATS_FILTERS: FilterSpecs = {
  team: id('team', 'The team whose accounts to read (this or `member` is required).', true),
  member: id('member', 'The member whose accounts to read (this or `team` is required).', true),
};

/** §2: the v2 names of v1 fields that every v2 collection renamed (references to offices and teams). */
export const V2_COMMON_NAMES: Readonly<Record<string, string>> = { office: 'location', team: 'company' };

const BOOKING_V2_NAMES: Readonly<Record<string, string>> = {
  resourceId: 'resource',
  summary: 'title',
  canceled: 'isCancelled',
  tentative: 'isTentative',
  free: 'isFree',
  accounted: 'isAccounted',
  plan: 'rate',
};

/**
 * §2: v1 fields that v2 renamed, per v1 path, besides V2_COMMON_NAMES (top-level fields only: nested references, a
 * payment line's `location`, keep their v2 names). The client reads v2 objects back into v1 names with it
 * (officernd/v2.ts), and the exports accept either name of an expandable field (`expand=lines` on payments).
 */
export const V2_FIELD_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  bookings: BOOKING_V2_NAMES,
  [OCCURRENCES_PATH]: BOOKING_V2_NAMES,
  members: { contactPerson: 'isContactPerson', billingPerson: 'isBillingPerson' },
  memberships: { locked: 'isLocked' },
  fees: { date: 'issueDate', refundable: 'isRefundable', billInAdvance: 'shouldBillInAdvance', invoice: 'payment' },
  plans: { prorate: 'shouldProrate', approval: 'requiresApproval' },
  rates: { prorate: 'shouldProrate', approval: 'requiresApproval' },
  payments: { invoiceLines: 'lines', vatAmounts: 'taxAmounts' },
  passes: { used: 'usedCount' },
  resources: { room: 'floor' },
};

/**
 * The field of the internal (v1-named) model that `name` denotes in a collection (v1 path): the field itself when
 * it is one of `fields`, else the field v2 calls `name` (§2: payments `lines` is v1 `invoiceLines`); undefined if
 * neither. Objects of both versions are read in v1 names (the client maps v2 at its boundary), so a name the data
 * does not have is never used to read it.
 */
export function fieldNamed(path: string, name: string, fields: readonly string[]): string | undefined {
  if (fields.includes(name)) return name;
  const names = { ...V2_COMMON_NAMES, ...(V2_FIELD_NAMES[path] ?? {}) };
  return fields.find((field) => names[field] === name);
}

/** A filter value once checked: an id, an enum's wire value or a text (strings), or a flag. */
export type FilterValue = string | boolean;

/** The filter a public name (or an alias) denotes, with its public name. */
export function filterNamed(filters: FilterSpecs, given: string): { name: string; spec: FilterSpec } | undefined {
  if (Object.hasOwn(filters, given)) return { name: given, spec: filters[given] as FilterSpec };
  for (const [name, spec] of Object.entries(filters)) if (spec.aliases?.includes(given)) return { name, spec };
  return undefined;
}

/**
 * Whether a returned row matches a filter: the gateway's own check, applied to every row whatever OfficeRnD did
 * with the filter (§4: v1 may ignore a filter it does not document). A missing flag is false; a reference may be
 * an array of ids (attendees); text operators compare case-insensitively like `$swi`/`$csi`.
 */
export function filterMatches(spec: FilterSpec, row: object, value: FilterValue): boolean {
  const actual = (row as Record<string, unknown>)[spec.field];
  switch (spec.kind) {
    case 'boolean':
      return (actual === true) === (value === true);
    case 'id':
      return Array.isArray(actual) ? actual.includes(value) : actual === value;
    case 'enum':
      return actual === value;
    case 'string': {
      if (typeof actual !== 'string' || typeof value !== 'string') return false;
      if (spec.op === 'swi') return actual.toLowerCase().startsWith(value.toLowerCase());
      if (spec.op === 'csi') return actual.toLowerCase().includes(value.toLowerCase());
      return actual === value;
    }
  }
}
