/**
 * The sortable fields of each list (issue 18), declared once: the GraphQL `orderBy` enums and the cost rule read
 * them. v1 documents no sort parameter (shared/officernd-api.md §4: `$sort` is listed, its format unknown), so a sort
 * is applied by the gateway to the list's whole match set.
 */

import type { ListCollection } from '../officernd/collections.ts';

/** How a sort field compares: text (case-insensitive), an instant or day (ISO text), a number. */
export type SortKind = 'text' | 'date' | 'number';

export interface SortField {
  /** The wire field (for a v1 start/end slot, the slot: its `dateTime`, else its `date`, is compared). */
  field: string;
  kind: SortKind;
  description: string;
}

const text = (field: string, description: string): SortField => ({ field, kind: 'text', description });
const date = (field: string, description: string): SortField => ({ field, kind: 'date', description });
const number = (field: string, description: string): SortField => ({ field, kind: 'number', description });

const STAMPS = {
  CREATED_AT: date('createdAt', 'When it was created.'),
  MODIFIED_AT: date('modifiedAt', 'When it last changed.'),
};

/** Sortable fields by GraphQL enum value, per collection; a list not named here takes no `orderBy`. */
export const SORT_FIELDS: Partial<Readonly<Record<ListCollection, Readonly<Record<string, SortField>>>>> = {
  bookings: {
    START: date('start', 'When the booking starts.'),
    END: date('end', 'When the booking ends.'),
    TITLE: text('summary', 'The booking title.'),
    ...STAMPS,
  },
  checkins: {
    START: date('start', 'When the check-in started.'),
    END: date('end', 'When it ended.'),
    CREATED_AT: STAMPS.CREATED_AT,
  },
  fees: {
    NAME: text('name', 'The fee name.'),
    DATE: date('date', 'The day the fee is for.'),
    PRICE: number('price', 'The unit price.'),
    STATUS: text('status', 'The approval state.'),
    ...STAMPS,
  },
  members: {
    NAME: text('name', 'The member name.'),
    START_DATE: date('startDate', 'The start date.'),
    STATUS: text('status', 'The status.'),
    ...STAMPS,
  },
  memberships: {
    NAME: text('name', 'The membership name.'),
    START_DATE: date('startDate', 'The start date.'),
    END_DATE: date('endDate', 'The end date.'),
    PRICE: number('price', 'The price.'),
    STATUS: text('status', 'The approval status.'),
    ...STAMPS,
  },
  payments: {
    NUMBER: text('number', 'The document number.'),
    DATE: date('date', 'The issue date.'),
    DUE_DATE: date('dueDate', 'The due date.'),
    TOTAL: number('totalAmount', 'The total amount.'),
    STATUS: text('status', 'The status.'),
    ...STAMPS,
  },
  teams: { NAME: text('name', 'The team name.'), START_DATE: date('startDate', 'The start date.'), ...STAMPS },
  resources: { NAME: text('name', 'The resource name.'), ...STAMPS },
};

/** One sort key a caller gave. */
export interface SortBy {
  sort: SortField;
  descending: boolean;
}

/** The comparable value of a row's field: a slot's instant or day, text lower-cased; null when missing. */
function sortValue(row: object, sort: SortField): string | number | null {
  let value = (row as Record<string, unknown>)[sort.field];
  if (value && typeof value === 'object') {
    const slot = value as { dateTime?: unknown; date?: unknown };
    value = slot.dateTime ?? slot.date;
  }
  if (sort.kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value === '') return null;
  // ISO instants compare as text once in one form: a date-only value is its UTC midnight (§4 Timezones).
  if (sort.kind === 'date') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return value.toLowerCase();
}

/**
 * The comparator of a sort: keys in order, missing values last whatever the direction; ties keep upstream order
 * (Array.prototype.sort is stable), so pages of a sorted list are exact.
 */
export function comparatorOf(keys: readonly SortBy[]): (a: object, b: object) => number {
  return (a, b) => {
    for (const { sort, descending } of keys) {
      const x = sortValue(a, sort);
      const y = sortValue(b, sort);
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const order = x < y ? -1 : 1;
      return descending ? -order : order;
    }
    return 0;
  };
}
