/**
 * Aggregates of a list's match set (issue 18), for both front ends: the GraphQL `aggregate` field and the exports'
 * `?groupBy=`. What each list can be grouped by and summed is declared once here (`AGGREGATES`); grouping, counting,
 * sums, averages and time buckets in a time zone are pure functions of the rows. No GraphQL, no I/O: objects a key
 * reads through a link (a booking's resource type is its resource's) are looked up by the caller first (`lookups`).
 */

import type { ListCollection } from '../officernd/collections.ts';
import {
  CHARGE_STATUS,
  FEE_STATUS,
  MEMBERSHIP_STATUS,
  PAYMENT_DOCUMENT_TYPE,
  PAYMENT_STATUS,
  type EnumSpec,
} from '../officernd/enums.ts';
import type {
  WireBooking,
  WireCharge,
  WireCheckin,
  WireDateTimeSlot,
  WireFee,
  WireMap,
  WireMembership,
  WirePayment,
  WireResource,
} from '../officernd/types.ts';
import { addDays, WEEKDAYS, type Weekday } from '../dates/selection.ts';
import { wireDay, wireInstant } from '../dates/wire-dates.ts';

/** Where a key's value comes from. */
export type GroupKeyKind =
  /** An id of an object of `collection` (the key resolves to the object). */
  | 'link'
  /** A wire value of an enum (`enum` names it in officernd/enums.ts). */
  | 'enum'
  /** The resource type key of a resource (§7: types are matched on `type`). */
  | 'resource-type'
  /** Time buckets of the list's date field, in a time zone. */
  | 'day'
  | 'week'
  | 'month';

/** One way a list can be grouped: the GraphQL `<Type>GroupBy` value and the export's `groupBy` name. */
export interface GroupKey<T> {
  kind: GroupKeyKind;
  /** The field of `<Type>GroupKeys` and the export column (`office`, `resourceType`, `day`). */
  name: string;
  description: string;
  /** link: the collection the id points at. */
  collection?: ListCollection;
  /** link, resource-type: the readable field of the object (an export's `<name>.<label>` column). */
  label?: string;
  /** link, enum, resource-type: the key's value of a row; `lookup` finds objects the `via` link reads. */
  read?: (row: T, lookup: Lookup) => string | null;
  /** An object the key needs first (resource types of bookings: their resources), looked up by id by the caller. */
  via?: { collection: ListCollection; id: (row: T) => string | null };
  /** enum: the enum (officernd/enums.ts) its wire values belong to. */
  enum?: EnumSpec;
}

/** A number of a row summed and averaged (`sum { duration }`). */
export interface Measure<T> {
  description: string;
  read: (row: T) => number | null;
}

/** What a list's aggregates offer: grouping keys by `<Type>GroupBy` value, measures by field name. */
export interface AggregateSpec<T> {
  collection: ListCollection;
  /** The GraphQL type name (`Booking`): types are `BookingAggregate`, `BookingGroupBy` … */
  type: string;
  keys: Readonly<Record<string, GroupKey<T>>>;
  measures: Readonly<Record<string, Measure<T>>>;
}

/** Objects looked up for `via` keys: collection → id → object (missing: dangling or unset). */
export type Lookup = (collection: ListCollection, id: string) => object | undefined;

const ref = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const link = <T>(name: string, collection: ListCollection, description: string, read: (row: T) => unknown) =>
  ({
    kind: 'link',
    name,
    collection,
    label: 'name',
    description,
    read: (row: T) => ref(read(row)),
  }) satisfies GroupKey<T>;

const enumKey = <T>(name: string, spec: EnumSpec, description: string, read: (row: T) => unknown) =>
  ({ kind: 'enum', name, enum: spec, description, read: (row: T) => ref(read(row)) }) satisfies GroupKey<T>;

const TIME_KEYS = {
  DAY: {
    kind: 'day',
    name: 'day',
    description: "The local day of the list's date field (`dateField`), as YYYY-MM-DD.",
  },
  WEEK: {
    kind: 'week',
    name: 'week',
    description:
      "The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`).",
  },
  MONTH: {
    kind: 'month',
    name: 'month',
    description: "The calendar month of the list's date field, as YYYY-MM.",
  },
} as const satisfies Record<string, GroupKey<never>>;

const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

const MINUTE_MS = 60_000;

/** Minutes between two wire instants; null when either is missing or not a date, or the end precedes the start. */
function minutesBetween(start: string | null | undefined, end: string | null | undefined): number | null {
  const from = start ? wireInstant(start) : undefined;
  const to = end ? wireInstant(end) : undefined;
  if (!from || !to) return null;
  const minutes = (Date.parse(to) - Date.parse(from)) / MINUTE_MS;
  return minutes >= 0 ? minutes : null;
}

/** The wire value of a v1 start/end slot (§6.1: `dateTime`, or `date` for all-day). */
const slot = (value: WireDateTimeSlot | string | null | undefined): string | null | undefined =>
  typeof value === 'string' ? value : (value?.dateTime ?? value?.date);

const field =
  (name: string) =>
  (row: object): number | null =>
    number((row as Record<string, unknown>)[name]);

const amount = (name: string, description: string) => ({ description, read: field(name) });

/** Per list: its group keys and measures. A list not named here has no `aggregate`. */
export const AGGREGATES: { readonly [C in ListCollection]?: AggregateSpec<WireMap[C]> } = {
  bookings: {
    collection: 'bookings',
    type: 'Booking',
    keys: {
      OFFICE: link<WireBooking>('office', 'offices', 'The office of the booked resource.', (b) => b.office),
      RESOURCE: link<WireBooking>('resource', 'resources', 'The booked resource.', (b) => b.resourceId),
      RESOURCE_TYPE: {
        kind: 'resource-type',
        name: 'resourceType',
        label: 'title',
        description: 'The type of the booked resource (meeting room, desk …), read from the resource.',
        via: { collection: 'resources', id: (b) => ref(b.resourceId) },
        read: (b, lookup) => {
          const id = ref(b.resourceId);
          return id ? ref((lookup('resources', id) as WireResource | undefined)?.type) : null;
        },
      },
      TEAM: link<WireBooking>('team', 'teams', 'The team the booking is billed to.', (b) => b.team),
      MEMBER: link<WireBooking>('member', 'members', 'The member who booked.', (b) => b.member),
      ...TIME_KEYS,
    },
    measures: {
      duration: {
        description:
          'Minutes from start to end (of the first occurrence for a recurring series: a series is one booking; ' +
          'all-day bookings count their whole days).',
        read: (b) => minutesBetween(slot(b.start), slot(b.end)),
      },
    },
  },
  payments: {
    collection: 'payments',
    type: 'Payment',
    keys: {
      OFFICE: link<WirePayment>('office', 'offices', 'The office the document was issued by.', (p) => p.office),
      TEAM: link<WirePayment>('team', 'teams', 'The team billed.', (p) => p.team),
      MEMBER: link<WirePayment>('member', 'members', 'The member billed.', (p) => p.member),
      STATUS: enumKey<WirePayment>('status', PAYMENT_STATUS, 'The status of the document.', (p) => p.status),
      DOCUMENT_TYPE: enumKey<WirePayment>(
        'documentType',
        PAYMENT_DOCUMENT_TYPE,
        'The kind of document (invoice, credit note …).',
        // As the Payment type reads it: a document without a type is an invoice.
        (p) => p.documentType ?? 'invoice',
      ),
      ...TIME_KEYS,
    },
    measures: {
      totalAmount: amount('totalAmount', 'The total, tax included.'),
      amount: amount('amount', 'The amount, as OfficeRnD sends it (wire `amount`).'),
      subtotal: amount('subtotal', 'The sum of the lines after discount, before tax.'),
      paidAmount: amount('paidAmount', 'How much has been paid.'),
      payableAmount: amount('payableAmount', 'How much is still to be paid.'),
    },
  },
  fees: {
    collection: 'fees',
    type: 'Fee',
    keys: {
      OFFICE: link<WireFee>('office', 'offices', 'The office of the fee.', (f) => f.office),
      TEAM: link<WireFee>('team', 'teams', 'The team charged.', (f) => f.team),
      MEMBER: link<WireFee>('member', 'members', 'The member charged.', (f) => f.member),
      PLAN: link<WireFee>(
        'plan',
        'plans',
        'The plan the fee was created from (`plan` is null for a resource rate: `planId` names it).',
        (f) => f.plan,
      ),
      STATUS: enumKey<WireFee>('status', FEE_STATUS, 'The approval state of the fee.', (f) => f.status),
      ...TIME_KEYS,
    },
    measures: {
      price: amount('price', 'The unit price before discount.'),
      quantity: amount('quantity', 'The units charged.'),
      discountedPrice: amount('discountedPrice', 'The unit price after discount.'),
    },
  },
  memberships: {
    collection: 'memberships',
    type: 'Membership',
    keys: {
      PLAN: link<WireMembership>('plan', 'plans', 'The membership plan.', (m) => m.plan),
      OFFICE: link<WireMembership>('office', 'offices', 'The office of the membership.', (m) => m.office),
      TEAM: link<WireMembership>('team', 'teams', 'The team of the membership.', (m) => m.team),
      MEMBER: link<WireMembership>('member', 'members', 'The member of the membership.', (m) => m.member),
      STATUS: enumKey<WireMembership>('status', MEMBERSHIP_STATUS, 'The approval status.', (m) => m.status),
      ...TIME_KEYS,
    },
    measures: {
      price: amount('price', 'The list price per interval.'),
      discountedPrice: amount('discountedPrice', 'The price per interval after discounts.'),
      deposit: amount('deposit', 'The deposit held.'),
    },
  },
  checkins: {
    collection: 'checkins',
    type: 'Checkin',
    keys: {
      OFFICE: link<WireCheckin>('office', 'offices', 'The office checked in to.', (c) => c.office),
      TEAM: link<WireCheckin>('team', 'teams', "The member's team at check-in.", (c) => c.team),
      MEMBER: link<WireCheckin>('member', 'members', 'The member who checked in.', (c) => c.member),
      RESOURCE_TYPE: {
        kind: 'resource-type',
        name: 'resourceType',
        label: 'title',
        description: 'The type of resource used (its resource-type key, §7).',
        read: (c) => ref(c.resourceType),
      },
      ...TIME_KEYS,
    },
    measures: {
      duration: {
        description: 'Minutes from check-in to check-out; check-ins still open have none.',
        read: (c) => minutesBetween(c.start, c.end),
      },
    },
  },
  charges: {
    collection: 'charges',
    type: 'Charge',
    keys: {
      OFFICE: link<WireCharge>('office', 'offices', 'The office of the charge.', (c) => c.office),
      STATUS: enumKey<WireCharge>('status', CHARGE_STATUS, 'The status of the charge.', (c) => c.status),
      ...TIME_KEYS,
    },
    measures: { amount: amount('amount', 'The amount of money moved.') },
  },
};

/** The aggregate spec of a list; undefined for a list without aggregates. */
export function aggregateOf<C extends ListCollection>(collection: C): AggregateSpec<WireMap[C]> | undefined {
  return (AGGREGATES as Record<string, AggregateSpec<WireMap[C]> | undefined>)[collection];
}

// ---------------------------------------------------------------- time buckets

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local day (YYYY-MM-DD) of an instant in a time zone. */
export function localDayOf(instant: string, timeZone: string): string | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(ms);
}

/** The first day of the week a day belongs to. */
export function weekOf(day: string, weekStartsOn: Weekday): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const back = (weekday - WEEKDAYS.indexOf(weekStartsOn) + 7) % 7;
  return addDays(day, -back);
}

/** How a list's date is read for time buckets: the date field and whether it is an instant or a calendar day. */
export interface TimeSource<T> {
  read: (row: T) => string | null | undefined;
  kind: 'instant' | 'date';
}

/** The day of a row's date: an instant's local day in `timeZone`; a date-only value's own day (§4 Timezones). */
function dayOfRow<T>(row: T, time: TimeSource<T>, timeZone: string): string | null {
  const value = time.read(row);
  if (!value) return null;
  if (time.kind === 'date') return wireDay(value) ?? null;
  const instant = wireInstant(value);
  return instant ? localDayOf(instant, timeZone) : null;
}

// ---------------------------------------------------------------- aggregation

/** How to group: the keys (`<Type>GroupBy` values), and how time buckets are read. */
export interface GroupOptions<T> {
  by: readonly string[];
  time: TimeSource<T>;
  timeZone: string;
  weekStartsOn: Weekday;
  lookup: Lookup;
}

/** Count, sums, averages, least and greatest values of a set of rows; rows without a value are skipped (none: null). */
export interface Totals {
  count: number;
  sum: Record<string, number | null>;
  avg: Record<string, number | null>;
  min: Record<string, number | null>;
  max: Record<string, number | null>;
}

/** One group: its key values by key name (`office`: an id, `day`: YYYY-MM-DD; null: rows without one) and totals. */
export interface Group extends Totals {
  keys: Record<string, string | null>;
}

/** Adds floats without drifting on long sums of cents (Neumaier). */
class Sum {
  private total = 0;
  private error = 0;
  values = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  add(x: number): void {
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    const t = this.total + x;
    this.error += Math.abs(this.total) >= Math.abs(x) ? this.total - t + x : x - t + this.total;
    this.total = t;
    this.values += 1;
  }
  get value(): number {
    return this.total + this.error;
  }
}

class Accumulator<T> {
  count = 0;
  private readonly sums: [string, Measure<T>, Sum][];
  constructor(measures: Readonly<Record<string, Measure<T>>>) {
    this.sums = Object.entries(measures).map(([name, m]) => [name, m, new Sum()]);
  }
  add(row: T): void {
    this.count += 1;
    for (const [, measure, sum] of this.sums) {
      const value = measure.read(row);
      if (value !== null) sum.add(value);
    }
  }
  totals(): Totals {
    const sum: Record<string, number | null> = {};
    const avg: Record<string, number | null> = {};
    const min: Record<string, number | null> = {};
    const max: Record<string, number | null> = {};
    for (const [name, , s] of this.sums) {
      const none = s.values === 0;
      sum[name] = none ? null : s.value;
      avg[name] = none ? null : s.value / s.values;
      min[name] = none ? null : s.min;
      max[name] = none ? null : s.max;
    }
    return { count: this.count, sum, avg, min, max };
  }
}

/** Count, sums, averages, minimums and maximums of all rows. */
export function totalsOf<T>(spec: AggregateSpec<T>, rows: readonly T[]): Totals {
  const all = new Accumulator(spec.measures);
  for (const row of rows) all.add(row);
  return all.totals();
}

/** The value of one key for one row. */
function keyValue<T>(key: GroupKey<T>, row: T, options: GroupOptions<T>): string | null {
  switch (key.kind) {
    case 'day':
    case 'week':
    case 'month': {
      const day = dayOfRow(row, options.time, options.timeZone);
      if (day === null) return null;
      return key.kind === 'day' ? day : key.kind === 'month' ? day.slice(0, 7) : weekOf(day, options.weekStartsOn);
    }
    default:
      return key.read ? key.read(row, options.lookup) : null;
  }
}

/** Groups rows page by page (memory: the groups, never the rows); past `maxGroups` groups, a GroupLimitError. */
export interface Grouper<T> {
  /** Adds rows; `lookup` finds the objects their `via` keys read (see `lookupsFor`). */
  add(rows: readonly T[], lookup: Lookup): void;
  /** The groups so far, in first-seen order. */
  groups(): Group[];
}

/** A grouper by the keys asked for (`<Type>GroupBy` values); an unknown key name is a programming error. */
export function createGrouper<T>(
  spec: AggregateSpec<T>,
  options: Omit<GroupOptions<T>, 'lookup'>,
  maxGroups = Number.POSITIVE_INFINITY,
): Grouper<T> {
  const keys = [...new Set(options.by)].map((name) => {
    const key = spec.keys[name];
    if (!key) throw new Error(`${spec.type} cannot be grouped by ${name}`);
    return key;
  });
  const groups = new Map<string, { keys: Record<string, string | null>; acc: Accumulator<T> }>();
  return {
    add(rows, lookup) {
      const withLookup = { ...options, lookup };
      for (const row of rows) {
        const values = keys.map((key) => keyValue(key, row, withLookup));
        const id = JSON.stringify(values);
        let group = groups.get(id);
        if (!group) {
          if (groups.size >= maxGroups) throw new GroupLimitError(groups.size + 1, maxGroups);
          group = {
            keys: Object.fromEntries(keys.map((key, i) => [key.name, values[i] ?? null])),
            acc: new Accumulator(spec.measures),
          };
          groups.set(id, group);
        }
        group.acc.add(row);
      }
    },
    groups: () => [...groups.values()].map((g) => ({ keys: g.keys, ...g.acc.totals() })),
  };
}

/** Groups rows by the keys asked for, in first-seen order. */
export function groupRows<T>(spec: AggregateSpec<T>, rows: readonly T[], options: GroupOptions<T>): Group[] {
  const grouper = createGrouper(spec, options);
  grouper.add(rows, options.lookup);
  return grouper.groups();
}

/** The ids each `via` link of the asked keys needs looked up, by collection (distinct, in first-seen order). */
export function lookupsFor<T>(
  spec: AggregateSpec<T>,
  by: readonly string[],
  rows: readonly T[],
): Map<ListCollection, string[]> {
  const out = new Map<ListCollection, Set<string>>();
  for (const name of new Set(by)) {
    const via = spec.keys[name]?.via;
    if (!via) continue;
    let ids = out.get(via.collection);
    if (!ids) out.set(via.collection, (ids = new Set()));
    for (const row of rows) {
      const id = via.id(row);
      if (id !== null) ids.add(id);
    }
  }
  return new Map([...out].map(([collection, ids]) => [collection, [...ids]]));
}

export type GroupOrder = { count?: 'ASC' | 'DESC' | null; key?: 'ASC' | 'DESC' | null };

/**
 * Sorts groups: by count (ties by keys), or by keys (default ascending): key values compare in the order
 * of `by`, as text (ids, YYYY-MM-DD days and YYYY-MM months sort as they read), rows without a value last.
 */
export function sortGroups(
  groups: Group[],
  by: readonly string[],
  spec: AggregateSpec<unknown>,
  order: GroupOrder = {},
): Group[] {
  const names = [...new Set(by)].map((b) => spec.keys[b]?.name ?? b);
  const keyDirection = order.key === 'DESC' ? -1 : 1;
  const byKeys = (a: Group, b: Group): number => {
    for (const name of names) {
      const x = a.keys[name] ?? null;
      const y = b.keys[name] ?? null;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * keyDirection;
    }
    return 0;
  };
  if (order.count) {
    const countDirection = order.count === 'DESC' ? -1 : 1;
    return groups.sort((a, b) => (a.count - b.count) * countDirection || byKeys(a, b));
  }
  return groups.sort(byKeys);
}

/** More groups than MAX_GROUPS without a `first`: an error rather than a cut list. */
export class GroupLimitError extends Error {
  readonly code = 'RESULT_TOO_LARGE';
  constructor(groups: number, maxGroups: number) {
    super(`${groups} groups, more than ${maxGroups}: ask for fewer groups with "first", or group by fewer keys`);
    this.name = 'GroupLimitError';
  }
}
