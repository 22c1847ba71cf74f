/**
 * The OfficeRnD Flex API (v2) on the wire, translated to and from the v1-shaped requests and objects the rest of
 * the gateway works with (issue 15; shared/officernd-api.md §2, §3, §4, §6, §8). Pure functions: the client picks
 * them when OFFICERND_API_VERSION is v2.
 * - Paths: `/offices` → `/locations`, `/teams` → `/companies`, `/rates` → `/resource-rates`, `/issues` →
 *   `/tickets`, `/credit-accounts/stats` → `/coins/stats` (§2).
 * - Paging: `$limit` at most 50, `$cursorNext`/`$cursorPrev` for v1's `$next`/`$prev`; the envelope
 *   `{results, cursorNext}` is read by paginate.ts readPage (§3).
 * - Filters: bracket operators (`createdAt[$gte]=…`), renamed fields (`office` → `location` …), and only the
 *   parameters each v2 list documents: v2 answers 400 "property X should not exist" to any other (§4). A filter
 *   left out is not lost: the gateway checks every filter on the rows it reads.
 * - Objects: v2 field names renamed back to v1's (`location` → `office`, `isCancelled` → `canceled`, booking
 *   `start` ISO string → `{dateTime}` …); fields only v2 has are kept as they came.
 */

import { CREDIT_STATS_PATH, OCCURRENCES_PATH, V2_FIELD_NAMES, V2_COMMON_NAMES } from './collections.ts';

export type OfficeRnDApiVersion = 'v1' | 'v2';

/** The version an API root names by its path (`…/api/v2` → v2), v1 otherwise. */
export function apiVersionOf(apiUrl: string): OfficeRnDApiVersion {
  return /\/v2\/*$/.test(apiUrl) ? 'v2' : 'v1';
}

/** §1: the flex read scope of each v2 endpoint the reports read (v1 path names). */
const V2_SCOPES: Readonly<Record<string, string>> = {
  bookings: 'flex.space.bookings.read',
  charges: 'flex.billing.charges.read',
  checkins: 'flex.community.checkins.read',
  contracts: 'flex.community.contracts.read',
  [CREDIT_STATS_PATH]: 'flex.space.coins.read',
  fees: 'flex.community.fees.read',
  floors: 'flex.space.floors.read',
  issues: 'flex.collaboration.tickets.read',
  members: 'flex.community.members.read',
  memberships: 'flex.community.memberships.read',
  offices: 'flex.space.locations.read',
  passes: 'flex.space.passes.read',
  payments: 'flex.billing.payments.read',
  plans: 'flex.billing.plans.read',
  rates: 'flex.billing.resourceRates.read',
  resources: 'flex.space.resources.read',
  'resource-types': 'flex.space.resourceTypes.read',
  teams: 'flex.community.companies.read',
  visits: 'flex.community.visits.read',
};

/** The scopes a v2 token asks for by default (OFFICERND_SCOPE overrides): every read scope of §1's table. */
export const V2_DEFAULT_SCOPE = [...new Set(Object.values(V2_SCOPES))].join(' ');

/** The scope a v2 path (v1 name) needs, for a 401 that names it. */
export function v2ScopeOf(path: string): string | undefined {
  const bare = path.replace(/^\/+/, '');
  if (bare.startsWith(OCCURRENCES_PATH)) return V2_SCOPES.bookings;
  return V2_SCOPES[bare] ?? V2_SCOPES[bare.split('/')[0] ?? ''];
}

/**
 * What a v1 path is read for, as the report named after it (`payments` → Payments, `credit-accounts/stats` →
 * Credit Accounts, `bookings/occurrences` → Booking Occurrences): for errors that say what a missing scope stops.
 */
export function readerOf(path: string): string {
  const bare = path.replace(/^\/+/, '').split('/');
  const [head = '', tail] = bare;
  const words = tail === 'occurrences' ? ['booking', 'occurrences'] : head.split('-');
  return words.map((w) => `${w[0]?.toUpperCase() ?? ''}${w.slice(1)}`).join(' ');
}

/** §3: v2 pages hold at most 50 items. */
export const V2_PAGE_LIMIT = 50;

/** §2: v1 path segments that v2 renamed. */
const V2_PATHS: Readonly<Record<string, string>> = {
  offices: 'locations',
  teams: 'companies',
  rates: 'resource-rates',
  issues: 'tickets',
  [CREDIT_STATS_PATH]: 'coins/stats',
};

/** §8: v1 collections whose v2 counterpart has `GET /{path}/{id}`. */
export const V2_BY_ID: ReadonlySet<string> = new Set([
  'members',
  'teams',
  'memberships',
  'contracts',
  'fees',
  'passes',
  'payments',
  'plans',
  'resources',
  'rates',
  'offices',
  'floors',
  'visits',
  'issues',
  'checkins',
]);

/**
 * §2, §6.1, §6.3: top-level v1 fields that v2 objects do not carry (read as absent over v2; the export cells are
 * empty and the GraphQL fields null). Any other v1 field has a v2 name (V2_FIELD_NAMES) or the same name.
 */
export const V1_ONLY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '*': ['organization', '__v'],
  bookings: ['accountedUntil', 'gcalId', 'humanizedRecurrence', 'parent'],
  [OCCURRENCES_PATH]: ['accountedUntil', 'gcalId', 'humanizedRecurrence', 'parent'],
  charges: ['office', 'sourcePaymentId'],
};

/**
 * §4, §6: the filter parameters each v2 list documents (v2 names); paging and `$select` are always allowed.
 * Memberships: staging refused createdAt/modifiedAt/$sort (§6.11), so those are left out.
 */
const V2_FILTERS: Readonly<Record<string, readonly string[]>> = {
  bookings: [
    'resource',
    'member',
    'company',
    'location',
    'seriesStart',
    'seriesEnd',
    'isCancelled',
    'isTentative',
    'modifiedAt',
  ],
  [OCCURRENCES_PATH]: ['start', 'end', 'member', 'company', 'location', 'resource', 'isCancelled', 'isTentative'],
  charges: ['_id', 'status', 'payment', 'source', 'date', 'modifiedAt', 'createdAt'],
  checkins: ['_id', 'company', 'member', 'location', 'source', 'start', 'end', 'createdAt'],
  contracts: ['company', 'location', 'status', 'modifiedAt'],
  [CREDIT_STATS_PATH]: ['month', 'company', 'member'],
  fees: ['company', 'member', 'location', 'plan', 'issueDate', 'modifiedAt'],
  floors: ['_id', 'name', 'location', 'createdAt', 'modifiedAt'],
  issues: [],
  members: ['_id', 'name', 'email', 'location', 'company', 'status', 'createdAt', 'modifiedAt'],
  memberships: ['company', 'member', 'plan', 'location', 'status', 'calculatedStatus'],
  offices: ['_id', 'name', 'isOpen', 'isPublic'],
  passes: ['company', 'member', 'modifiedAt'],
  payments: [
    'member',
    'company',
    'location',
    'status',
    'documentType',
    'number',
    'date',
    'dueDate',
    'createdAt',
    'modifiedAt',
  ],
  plans: ['name', 'code'],
  rates: [],
  resources: ['_id', 'type', 'location', 'floor', 'name', 'modifiedAt'],
  'resource-types': ['_id', 'type'],
  teams: ['_id', 'name', 'location', 'status', 'createdAt', 'modifiedAt'],
  visits: ['member', 'visitor', 'location'],
};

/** §4 v2 operators: comparisons on dates and `$in`; v1's string operators ($sw, $cs …) have no v2 evidence. */
const V2_OPERATORS: ReadonlySet<string> = new Set(['gt', 'gte', 'lt', 'lte', 'in']);
/** Booking-shaped fields that v2 sends as an ISO string and v1 as `{dateTime, date}` (§2, §4 Timezones). */
const DATE_TIME_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  bookings: ['start', 'end'],
  [OCCURRENCES_PATH]: ['start', 'end'],
};

/** §6.1: booking flags (v1 names) that v2 leaves out when false. */
const BOOKING_FLAGS = ['canceled', 'tentative', 'free', 'accounted'] as const;
const SPARSE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  bookings: BOOKING_FLAGS,
  [OCCURRENCES_PATH]: BOOKING_FLAGS,
};

const renamesOf = (path: string): Readonly<Record<string, string>> => ({
  ...V2_COMMON_NAMES,
  ...(V2_FIELD_NAMES[path] ?? {}),
});

/** The v2 path of a v1 path (`offices` → `locations`, `teams/<id>` → `companies/<id>`). */
export function v2Path(path: string): string {
  const bare = path.replace(/^\/+/, '');
  for (const [v1, v2] of Object.entries(V2_PATHS)) {
    if (bare === v1 || bare.startsWith(`${v1}/`)) return `/${v2}${bare.slice(v1.length)}`;
  }
  return `/${bare}`;
}

/** The v2 name of a v1 field (its first path segment renamed). */
export function v2Field(path: string, field: string): string {
  const [head = '', ...rest] = field.split('.');
  return [renamesOf(path)[head] ?? head, ...rest].join('.');
}

/** Whether the v2 list of a v1 path documents a filter on this v1 field with this operator (`eq`, `gte` …). */
export function v2Documents(path: string, field: string, op = 'eq'): boolean {
  const key = op === 'eq' ? field : `${field}.$${op}`;
  return toV2Query(path, new URLSearchParams([[key, 'x']])).dropped.length === 0;
}

export interface V2Query {
  params: URLSearchParams;
  /** v1 parameters left out because the v2 list does not document them (the gateway checks them on the rows). */
  dropped: string[];
}

/**
 * v1 query parameters (query.ts, client.ts) as a v2 list takes them: `$next` → `$cursorNext`, `$limit` ≤ 50,
 * `field.$op` → `field[$op]` with v2 field names, `$select` renamed; parameters the list does not document dropped.
 */
export function toV2Query(path: string, v1: URLSearchParams): V2Query {
  const bare = path.replace(/^\/+/, '');
  // §8: `_id` and `_id[$in]` on every list (H for charges, M for the others).
  const lists = Object.hasOwn(V2_FILTERS, bare) && bare !== CREDIT_STATS_PATH && bare !== OCCURRENCES_PATH;
  const allowed = new Set([...(lists ? ['_id'] : []), ...(V2_FILTERS[bare] ?? [])]);
  const params = new URLSearchParams();
  const dropped: string[] = [];
  for (const [key, value] of v1) {
    if (key === '$limit')
      params.set('$limit', String(Math.min(V2_PAGE_LIMIT, Math.max(1, Number(value) || V2_PAGE_LIMIT))));
    else if (key === '$next') params.set('$cursorNext', value);
    else if (key === '$prev') params.set('$cursorPrev', value);
    else if (key === '$select')
      params.set(
        '$select',
        value
          .split(',')
          .map((f) => v2Field(bare, f))
          .join(','),
      );
    // §6.6: v2 coin stats take the month as YYYY-MM; v1's is a day within it.
    else if (key === 'month' && bare === CREDIT_STATS_PATH) params.set('month', value.slice(0, 7));
    else {
      const match = /^([^.]+)(?:\.\$([a-z]+))?$/.exec(key);
      const field = match?.[1] === undefined ? undefined : v2Field(bare, match[1]);
      const op = match?.[2];
      if (field === undefined || !allowed.has(field) || (op !== undefined && !V2_OPERATORS.has(op))) {
        dropped.push(key);
        continue;
      }
      params.append(op === undefined ? field : `${field}[$${op}]`, value);
    }
  }
  return { params, dropped };
}

/** A v2 object in its v1 shape: fields renamed back, booking times as `{dateTime}`; v2-only fields kept. */
export function fromV2Item(path: string, item: Record<string, unknown>): Record<string, unknown> {
  const bare = path.replace(/^\/+/, '');
  const back = new Map(Object.entries(renamesOf(bare)).map(([v1, v2]) => [v2, v1]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    const v1 = back.get(key) ?? key;
    // A field whose v1 name v2 also uses for something else (bookings: v2 `rate` is v1 `plan`) is not overwritten.
    if (Object.hasOwn(out, v1) && v1 !== key) continue;
    out[v1] = value;
  }
  // §6.1 (S11): v2 booking flags are sparse, an absent one is false; v1 carries them (the export shows `false`).
  for (const flag of SPARSE_FLAGS[bare] ?? []) if (out[flag] === undefined) out[flag] = false;
  for (const field of DATE_TIME_OBJECTS[bare] ?? []) {
    const value = out[field];
    if (typeof value === 'string') out[field] = { dateTime: value, date: null };
  }
  // §6.14: a v2 invoice line names its location; v1's its office.
  if (bare === 'payments' && Array.isArray(out.invoiceLines)) {
    out.invoiceLines = out.invoiceLines.map((line: unknown) => {
      if (typeof line !== 'object' || line === null || !('location' in line)) return line;
      const { location, ...rest } = line as Record<string, unknown>;
      return { ...rest, office: location };
    });
  }
  // §6.17: availability is one object in v2, an array of periods in v1.
  if (
    bare === 'resources' &&
    typeof out.availability === 'object' &&
    out.availability !== null &&
    !Array.isArray(out.availability)
  ) {
    out.availability = [out.availability];
  }
  return out;
}
