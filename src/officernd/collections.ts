/**
 * What is known about each OfficeRnD v1 list endpoint, in one table shared by the client,
 * the simulator and the schema. Sources: shared/officernd-api.md §6 (shapes, filters) and §8
 * (which collections have `GET /{path}/{id}` in v1).
 */

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

export interface CollectionSpec {
  /** v1 path segment under /organizations/{org}/ */
  path: ListCollection;
  /** `GET /{path}/{id}` exists in v1 (§8: members, bookings, floors, offices, resources, teams). */
  byId: boolean;
  /**
   * Small catalogue collections: read as whole lists rather than by id (a handful of pages at most).
   */
  catalog: boolean;
  /** Reference fields that accept `field=<24-hex id>` equality filters. */
  refFilters: readonly string[];
  /** Top-level date fields that accept `$gt/$gte/$lt/$lte` comparison filters. */
  dateFields: readonly string[];
  /** Top-level string fields that accept `$sw/$swi/$ew/$ewi/$cs/$csi` and equality. */
  stringFields: readonly string[];
  /** Other top-level scalar fields that accept equality filters (status, type, booleans). */
  valueFields: readonly string[];
}

const spec = (
  path: ListCollection,
  byId: boolean,
  catalog: boolean,
  refFilters: readonly string[],
  dateFields: readonly string[],
  stringFields: readonly string[],
  valueFields: readonly string[] = [],
): CollectionSpec => ({ path, byId, catalog, refFilters, dateFields, stringFields, valueFields });

const STAMPS = ['createdAt', 'modifiedAt'] as const;

export const COLLECTIONS: Record<ListCollection, CollectionSpec> = {
  bookings: spec(
    'bookings',
    true,
    false,
    ['office', 'member', 'team', 'resourceId', 'plan'],
    ['seriesStart', 'seriesEnd', ...STAMPS],
    ['summary', 'reference', 'source'],
    ['canceled', 'tentative', 'free'],
  ),
  charges: spec('charges', false, false, ['payment', 'office'], ['date', ...STAMPS], ['reference', 'account', 'source'], ['status']),
  checkins: spec('checkins', false, false, ['member', 'team', 'office'], ['start', 'end', 'createdAt'], [], []),
  contracts: spec(
    'contracts',
    false,
    false,
    ['member', 'team', 'office'],
    ['startDate', 'endDate', 'signDate', ...STAMPS],
    ['number'],
    ['status', 'stage', 'type'],
  ),
  fees: spec('fees', false, false, ['member', 'team', 'office', 'plan'], ['date', ...STAMPS], ['name'], ['status']),
  floors: spec('floors', true, true, ['office'], [...STAMPS], ['name'], ['isOpen']),
  issues: spec('issues', false, false, ['member', 'team', 'office'], ['resolvedDate', ...STAMPS], ['subject'], ['status']),
  members: spec(
    'members',
    true,
    false,
    ['office', 'team'],
    ['startDate', ...STAMPS],
    ['name', 'email'],
    ['status', 'calculatedStatus'],
  ),
  memberships: spec(
    'memberships',
    false,
    false,
    ['member', 'team', 'office', 'plan'],
    ['startDate', 'endDate', ...STAMPS],
    ['name'],
    ['status', 'calculatedStatus', 'type'],
  ),
  offices: spec('offices', true, true, [], [...STAMPS], ['name', 'code'], ['isOpen']),
  passes: spec('passes', false, false, ['member', 'team', 'membership', 'fee'], ['startDate', 'endDate', ...STAMPS], [], ['status']),
  payments: spec(
    'payments',
    false,
    false,
    ['member', 'team', 'office'],
    ['date', 'dueDate', ...STAMPS],
    ['number', 'reference'],
    ['status', 'documentType'],
  ),
  plans: spec('plans', false, true, [], [...STAMPS], ['name', 'code'], ['type']),
  rates: spec('rates', false, true, [], [...STAMPS], ['name', 'code'], ['type']),
  resources: spec('resources', true, false, ['office', 'room', 'rate'], [...STAMPS], ['name'], ['type']),
  'resource-types': spec('resource-types', false, true, [], [], ['title'], ['type']),
  teams: spec('teams', true, false, ['office'], ['startDate', ...STAMPS], ['name', 'email'], ['calculatedStatus']),
  visits: spec('visits', false, false, ['member', 'team', 'office', 'booking'], ['start', 'end'], [], []),
};

/** OfficeRnD ids are 24-hex Mongo ObjectIds (§6 conventions). */
export const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** v1 page size: default and hard maximum since 2024-04-01 (§3). */
export const V1_PAGE_LIMIT = 100;
