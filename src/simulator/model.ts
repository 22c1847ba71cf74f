/**
 * The simulator's own model of OfficeRnD v1, written from shared/officernd-api.md and never from the
 * client's tables (src/officernd): a simulator that validated requests against the client's own
 * declarations could never catch a wrong one. It says which paths exist (§2, §6), which collections
 * answer GET by id (§8), the page limit (§3), which top-level fields a list can filter on and how
 * (§6 field tables), and which of those filters have public v1 evidence (§4).
 */

/** OfficeRnD ids are 24-hex Mongo ObjectIds (§6 conventions). */
export const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/** v1 page size: default and hard maximum since 2024-04-01 (§3, S2/S3). */
export const V1_PAGE_LIMIT = 100;

/** The 18 plain list endpoints of v1 (§0 scope, minus the two report endpoints below). */
export const V1_COLLECTIONS = [
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

export type V1Collection = (typeof V1_COLLECTIONS)[number];

/** §6.2 and §6.6: the two v1 endpoints that are not plain lists. */
export const OCCURRENCES_PATH = 'bookings/occurrences';
export const CREDIT_STATS_PATH = 'credit-accounts/stats';

/** §8: v1 serves `GET /{collection}/{id}` for these only (S13, S16, S7). */
export const V1_BY_ID: ReadonlySet<V1Collection> = new Set([
  'members',
  'bookings',
  'floors',
  'offices',
  'resources',
  'teams',
]);

/**
 * How a field can be filtered: `ref` = equality on a 24-hex id; `date` = `$gt/$gte/$lt/$lte`
 * comparisons; `string` = equality and the `$sw/$swi/$ew/$ewi/$cs/$csi` operators; `value` =
 * equality on an enum, number or boolean (an absent boolean reads as false, §4).
 */
export type FieldKind = 'ref' | 'date' | 'string' | 'value';

/** Which uses of a field have public v1 evidence (§4): equality, comparisons, or both. */
export type Evidence = 'eq' | 'cmp';

export interface V1CollectionModel {
  /** Top-level fields of the §6 object table, by how they can be filtered. */
  fields: Readonly<Record<string, FieldKind>>;
  /** Filters with public v1 evidence beyond the general ones (§4 "Fields with public v1 evidence"). */
  evidence: Readonly<Record<string, Evidence>>;
}

const STAMPS = { createdAt: 'date', modifiedAt: 'date' } as const;

const model = (fields: Record<string, FieldKind>, evidence: Record<string, Evidence> = {}): V1CollectionModel => ({
  fields,
  evidence,
});

/** §6.1–§6.20 field tables in v1 names (v1 `team`/`office` assumed where only v2 is documented, §6.5, §6.9). */
export const V1_MODEL: Readonly<Record<V1Collection, V1CollectionModel>> = {
  bookings: model(
    {
      resourceId: 'ref',
      office: 'ref',
      team: 'ref',
      member: 'ref',
      plan: 'ref',
      seriesStart: 'date',
      seriesEnd: 'date',
      accountedUntil: 'date',
      ...STAMPS,
      summary: 'string',
      description: 'string',
      reference: 'string',
      source: 'string',
      timezone: 'string',
      canceled: 'value',
      tentative: 'value',
      free: 'value',
      accounted: 'value',
    },
    // §4 / §6.1: office, member, team equality and seriesStart comparisons (S7 real traffic, S16).
    { office: 'eq', member: 'eq', team: 'eq', seriesStart: 'cmp' },
  ),
  charges: model({
    payment: 'ref',
    office: 'ref',
    sourcePaymentId: 'ref',
    date: 'date',
    ...STAMPS,
    reference: 'string',
    source: 'string',
    account: 'string',
    currency: 'string',
    status: 'value',
    amount: 'value',
  }),
  checkins: model({
    member: 'ref',
    team: 'ref',
    office: 'ref',
    start: 'date',
    end: 'date',
    createdAt: 'date',
    type: 'string',
  }),
  contracts: model({
    member: 'ref',
    team: 'ref',
    office: 'ref',
    renewedContract: 'ref',
    renewalContract: 'ref',
    startDate: 'date',
    endDate: 'date',
    signDate: 'date',
    ...STAMPS,
    number: 'string',
    documentType: 'string',
    status: 'value',
    stage: 'value',
    type: 'value',
    signatureStatus: 'value',
    isRolling: 'value',
  }),
  fees: model({
    member: 'ref',
    team: 'ref',
    office: 'ref',
    plan: 'ref',
    date: 'date',
    ...STAMPS,
    name: 'string',
    status: 'value',
    isPersonal: 'value',
    refundable: 'value',
    billInAdvance: 'value',
    isLate: 'value',
  }),
  // §6.8; §4: `office` on floors.
  floors: model(
    { office: 'ref', ...STAMPS, name: 'string', floor: 'string', slug: 'string', isOpen: 'value' },
    { office: 'eq' },
  ),
  issues: model({
    member: 'ref',
    team: 'ref',
    office: 'ref',
    assignedTo: 'ref',
    resolvedDate: 'date',
    ...STAMPS,
    subject: 'string',
    status: 'value',
  }),
  // §6.10; §4: office, team, email (and name with wildcards, S13/S16).
  members: model(
    {
      office: 'ref',
      team: 'ref',
      startDate: 'date',
      ...STAMPS,
      name: 'string',
      email: 'string',
      phone: 'string',
      status: 'value',
      calculatedStatus: 'value',
      contactPerson: 'value',
      billingPerson: 'value',
    },
    { office: 'eq', team: 'eq', email: 'eq', name: 'eq' },
  ),
  memberships: model({
    plan: 'ref',
    team: 'ref',
    member: 'ref',
    office: 'ref',
    startDate: 'date',
    endDate: 'date',
    ...STAMPS,
    name: 'string',
    status: 'value',
    calculatedStatus: 'value',
    type: 'value',
    isPersonal: 'value',
    locked: 'value',
    intervalLength: 'value',
  }),
  offices: model({
    ...STAMPS,
    name: 'string',
    code: 'string',
    city: 'string',
    country: 'string',
    timezone: 'string',
    slug: 'string',
    isOpen: 'value',
    public: 'value',
  }),
  passes: model({
    member: 'ref',
    team: 'ref',
    membership: 'ref',
    fee: 'ref',
    startDate: 'date',
    endDate: 'date',
    validFrom: 'date',
    validTo: 'date',
    ...STAMPS,
    resourceType: 'string',
    status: 'value',
    isPersonal: 'value',
    intervalLength: 'value',
  }),
  payments: model({
    member: 'ref',
    team: 'ref',
    office: 'ref',
    date: 'date',
    dueDate: 'date',
    periodStart: 'date',
    periodEnd: 'date',
    ...STAMPS,
    number: 'string',
    reference: 'string',
    currency: 'string',
    status: 'value',
    documentType: 'value',
    isPaid: 'value',
    isOverdue: 'value',
    isPersonal: 'value',
    isVoided: 'value',
    isDraft: 'value',
    isSent: 'value',
    isFailed: 'value',
  }),
  plans: model({ ...STAMPS, name: 'string', code: 'string', type: 'value', isRate: 'value', intervalLength: 'value' }),
  rates: model({ ...STAMPS, name: 'string', code: 'string', type: 'value', isRate: 'value', intervalLength: 'value' }),
  // §6.17; §4: office, type, name, availableFrom, availableTo (S13, S16). `room` is the floor (S7).
  resources: model(
    {
      office: 'ref',
      room: 'ref',
      rate: 'ref',
      targetPlan: 'ref',
      parent: 'ref',
      ...STAMPS,
      name: 'string',
      type: 'value',
      status: 'value',
    },
    { office: 'eq', type: 'eq', name: 'eq' },
  ),
  // §6.18: no timestamps, keyed by `id` in v1 (S8).
  'resource-types': model({
    title: 'string',
    type: 'string',
    icon: 'string',
    canBook: 'value',
    canAssign: 'value',
    primary: 'value',
    isSystem: 'value',
    bookingMode: 'value',
    checkinMode: 'value',
  }),
  teams: model({
    office: 'ref',
    startDate: 'date',
    ...STAMPS,
    name: 'string',
    email: 'string',
    url: 'string',
    calculatedStatus: 'value',
    calculatedStage: 'value',
    isTeam: 'value',
  }),
  visits: model({
    member: 'ref',
    team: 'ref',
    office: 'ref',
    booking: 'ref',
    visitor: 'ref',
    start: 'date',
    end: 'date',
  }),
};

/** §4, §6.17: the resource availability window filters (ISO values), documented for v1 resources only. */
export const RESOURCE_AVAILABILITY_PARAMS: ReadonlySet<string> = new Set(['availableFrom', 'availableTo']);

/** §6.2 (S19 v1.0-Workplace): the documented occurrence parameters; `start`, `end`, `$limit` are required. */
export const OCCURRENCE_PARAMS = {
  required: ['start', 'end', '$limit'],
  filters: { office: 'ref', member: 'ref', team: 'ref', resourceId: 'ref' } as Readonly<Record<string, FieldKind>>,
  /** The resource type of the booked resource (a resource-type `type` string, not an id). */
  resourceType: 'type',
} as const;

/** §6.6 (S17): v1 credit stats take `month` (required) and `team` or `member`. */
export const CREDIT_STATS_PARAMS: ReadonlySet<string> = new Set(['month', 'team', 'member']);

/** `$limit`, `$next`, `$prev` (§3), `$select` and `$populate` (§4): handled outside the filter compiler. */
export const V1_CONTROL_PARAMS: ReadonlySet<string> = new Set(['$limit', '$next', '$prev', '$select', '$populate']);

/**
 * §7 (the reference graph) and §6: what a single v1 reference field points at, tried in order (a booking's `plan` is
 * a rate, a fee's a plan or a rate). `$populate` (§4) follows these; `createdBy`/`modifiedBy` point at OfficeRnD
 * users, which the simulator does not serve, so they always stay bare ids.
 */
export const V1_REF_TARGETS: Readonly<Record<string, readonly V1Collection[]>> = {
  member: ['members'],
  team: ['teams'],
  office: ['offices'],
  resourceId: ['resources'],
  plan: ['plans', 'rates'],
  membership: ['memberships'],
  fee: ['fees'],
  booking: ['bookings'],
  payment: ['payments'],
  room: ['floors'],
  rate: ['rates'],
  targetPlan: ['plans'],
  parent: ['resources'],
  renewedContract: ['contracts'],
  renewalContract: ['contracts'],
};

/**
 * How the simulator answers v1 `$populate` (§2, §4: documented for v1 lists): `honoured` (default) turns each named
 * reference into `{_id, <fields>}`, `ignored` answers bare ids as if it had not been asked, `refused` answers 400 as
 * for an unknown parameter. The pessimistic two prove the gateway's fallback.
 */
export type V1PopulateMode = 'honoured' | 'ignored' | 'refused';
export const V1_POPULATE_MODES: readonly V1PopulateMode[] = ['honoured', 'ignored', 'refused'];

const GENERAL_COMPARISONS = new Set(['createdAt', 'modifiedAt']);

/**
 * Whether a filter has public v1 evidence (§4): the collection's own list, plus `name` string
 * operators and `createdAt`/`modifiedAt` comparisons on every collection.
 */
export function isDocumentedV1Filter(collection: V1Collection, field: string, op: 'eq' | 'cmp' | 'string-op'): boolean {
  if (op === 'string-op') return field === 'name';
  if (op === 'cmp' && GENERAL_COMPARISONS.has(field)) return true;
  if (collection === 'resources' && RESOURCE_AVAILABILITY_PARAMS.has(field)) return true;
  return V1_MODEL[collection].evidence[field] === op;
}

/** How the simulator treats v1 list filters without public evidence (`SIMULATOR_V1_FILTERS`). */
export type V1FilterMode = 'documented' | 'all' | 'strict';
export const V1_FILTER_MODES: readonly V1FilterMode[] = ['documented', 'all', 'strict'];
