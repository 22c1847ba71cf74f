/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date string, such as 2007-12-03, compliant with the `full-date` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  Date: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** A field whose value conforms to the standard internet email address format as specified in HTML Spec: https://html.spec.whatwg.org/multipage/input.html#valid-e-mail-address. */
  EmailAddress: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

/** How a billing document or transaction is synced to the accounting system (Xero, QuickBooks …). */
export type Accounting = {
  __typename?: 'Accounting';
  /** A link to the record in the accounting system. */
  deepLink?: Maybe<Scalars['String']['output']>;
  /** The error of the last sync attempt; null when it succeeded. */
  error?: Maybe<Scalars['String']['output']>;
  /** The organization id in the accounting system. */
  externalOrgId?: Maybe<Scalars['String']['output']>;
  /** True when some of its transactions are locked in the accounting system (a closed period). */
  hasLockedCharges?: Maybe<Scalars['Boolean']['output']>;
  /** When it was last synced. */
  lastSync?: Maybe<Scalars['DateTime']['output']>;
  /** True when an admin excluded it from syncing. */
  noSync?: Maybe<Scalars['Boolean']['output']>;
  /** The accounting integration, e.g. xero or quickbooks; null when not synced. */
  provider?: Maybe<Scalars['String']['output']>;
  /** The id of the record in the accounting system. */
  providerId?: Maybe<Scalars['String']['output']>;
};

/** A postal address of a member or team. */
export type Address = {
  __typename?: 'Address';
  /** City. */
  city?: Maybe<Scalars['String']['output']>;
  /** Country. */
  country?: Maybe<Scalars['String']['output']>;
  /** State, county or region. */
  state?: Maybe<Scalars['String']['output']>;
  /** Street and number. */
  street?: Maybe<Scalars['String']['output']>;
  /** Postal code. */
  zip?: Maybe<Scalars['String']['output']>;
};

/** The order of aggregate groups: by `count`, or by `key` (the key values in the order of `by`: ids, days and months as text; groups without a value last). With both, `count` first and `key` breaks ties. Default: keys ascending. */
export type AggregateGroupOrder = {
  /** Order by the number of items in the group. */
  count?: InputMaybe<SortDirection>;
  /** Order by the key values (default ASC). */
  key?: InputMaybe<SortDirection>;
};

/** A booking of a resource (meeting room, desk …). A recurring series is one booking: use `bookingOccurrences` for every instance. Report "Bookings". */
export type Booking = {
  __typename?: 'Booking';
  /** For a recurring booking, up to when occurrences have been charged. */
  accountedUntil?: Maybe<Scalars['DateTime']['output']>;
  /** Members invited to the booking (wire `members`). */
  attendees: Array<Member>;
  /** When the booking was made. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Id of the OfficeRnD user who made the booking (wire `createdBy`; users are not one of the reports). */
  createdById?: Maybe<Scalars['ID']['output']>;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** When it ends. */
  end?: Maybe<Scalars['DateTime']['output']>;
  /** What the booking was charged, day by day. */
  fees: Array<BookingFee>;
  /** Id of the synced Google Calendar event (wire `gcalId`). */
  googleCalendarEventId?: Maybe<Scalars['String']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** Whether the booking has been charged (wire `accounted`). */
  isAccounted?: Maybe<Scalars['Boolean']['output']>;
  /** Whether it is booked for whole days (v1 sends `start.date` instead of `start.dateTime`). */
  isAllDay?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the booking was cancelled (wire `canceled`). */
  isCancelled?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the booking is free of charge (wire `free`). */
  isFree?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the booking repeats (it has a recurrence rule). */
  isRecurring: Scalars['Boolean']['output'];
  /** Whether the booking is tentative (wire `tentative`). */
  isTentative?: Maybe<Scalars['Boolean']['output']>;
  /** The member who booked; null for a booking made for a team only. */
  member?: Maybe<Member>;
  /** When the booking last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Id of the OfficeRnD user who last changed the booking (wire `modifiedBy`). */
  modifiedById?: Maybe<Scalars['ID']['output']>;
  /** The office of the booked resource. */
  office?: Maybe<Office>;
  /** The booking this one was split from, when OfficeRnD links one. */
  parent?: Maybe<Booking>;
  /** Custom properties, keyed by property key. */
  properties?: Maybe<Scalars['JSON']['output']>;
  /** The rate the booking is charged at (wire `plan`: a v1 rate is a plan with isRate). */
  rate?: Maybe<Rate>;
  /** How the booking repeats; null for a one-off booking. */
  recurrence?: Maybe<BookingRecurrence>;
  /** The recurrence in words, e.g. "Weekly on Monday, 10 times" (wire `humanizedRecurrence`). */
  recurrenceText?: Maybe<Scalars['String']['output']>;
  /** Short booking reference shown to members, e.g. G35X86D. */
  reference?: Maybe<Scalars['String']['output']>;
  /** The booked resource (wire `resourceId`). */
  resource?: Maybe<Resource>;
  /** End of the last occurrence of the series (equals `end` for a one-off booking). */
  seriesEnd?: Maybe<Scalars['DateTime']['output']>;
  /** Start of the first occurrence of the series (equals `start` for a one-off booking). */
  seriesStart?: Maybe<Scalars['DateTime']['output']>;
  /** Buffer time kept free around the booking. */
  serviceSlots?: Maybe<BookingServiceSlots>;
  /** Where the booking was made. */
  source?: Maybe<BookingSource>;
  /** When it starts. */
  start?: Maybe<Scalars['DateTime']['output']>;
  /** The team the booking is billed to. */
  team?: Maybe<Team>;
  /** IANA time zone of the booked resource, e.g. Europe/Lisbon: use it to show local times (wire `timezone`). */
  timeZone?: Maybe<Scalars['String']['output']>;
  /** Title shown in calendars (wire `summary`). */
  title?: Maybe<Scalars['String']['output']>;
  /** Ids of invited visitors (wire `visitors`; visitors are not one of the reports). */
  visitorIds: Array<Scalars['ID']['output']>;
};

/** Numbers over every Booking item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type BookingAggregate = {
  __typename?: 'BookingAggregate';
  /** Averages of the numeric fields over every matching item. */
  avg: BookingAverages;
  /** How many items match (equals the list's `totalCount`). */
  count: Scalars['Int']['output'];
  /** The matching items grouped by the keys in `by`: one group per combination of key values that occurs (items without a value form their own group, key null). Time buckets (DAY, WEEK, MONTH) read the list's `dateField` (its default without one) in `timeZone`. */
  groupBy: Array<BookingGroup>;
  /** Greatest values of the numeric fields over every matching item. */
  max: BookingMaximums;
  /** Least values of the numeric fields over every matching item. */
  min: BookingMinimums;
  /** Sums of the numeric fields over every matching item. */
  sum: BookingSums;
};


/** Numbers over every Booking item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type BookingAggregateGroupByArgs = {
  by: Array<BookingGroupBy>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AggregateGroupOrder>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  weekStartsOn?: InputMaybe<Weekday>;
};

/** Averages of the numeric fields of Booking items, over the items that have the field; null when none has. */
export type BookingAverages = {
  __typename?: 'BookingAverages';
  /** Minutes from start to end (of the first occurrence for a recurring series: a series is one booking; all-day bookings count their whole days). */
  duration?: Maybe<Scalars['Float']['output']>;
};

/** A page of Booking items. Page with `first` and `after`; every item appears exactly once. */
export type BookingConnection = {
  __typename?: 'BookingConnection';
  /** Count, sums, averages and groups of every Booking item this list matches (its filters and dates, whatever `first`/`after`): read once per request with `totalCount` (same cost and scan cap). */
  aggregate: BookingAggregate;
  /** The items of this page with their cursors. */
  edges: Array<BookingEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Booking>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Credits spent on a booking fee (wire `fees[].credits[]`). */
export type BookingCredit = {
  __typename?: 'BookingCredit';
  /** How many credits were spent. */
  count?: Maybe<Scalars['Float']['output']>;
  /** Id of the credit that paid (wire `credit`; credits are not one of the reports). */
  creditId?: Maybe<Scalars['ID']['output']>;
};

/** Which date of bookings a date selection applies to (the connector's "Date Selection Criteria"); default START. */
export type BookingDateField =
  /** When the booking was created (`createdAt`). */
  | 'CREATED_AT'
  /** When the booking ends (for a recurring series, its first occurrence). */
  | 'END'
  /** When the booking last changed (`modifiedAt`). */
  | 'MODIFIED_AT'
  /** When the booking starts (for a recurring series, its first occurrence). The default. */
  | 'START';

/** One Booking of a connection, with the cursor that points just after it. */
export type BookingEdge = {
  __typename?: 'BookingEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Booking. */
  node: Booking;
};

/** What a booking was charged for one day: the fee, extra fees and credits used (wire `fees[]`). */
export type BookingFee = {
  __typename?: 'BookingFee';
  /** Credits spent instead of money. */
  credits: Array<BookingCredit>;
  /** The day the fee is for. */
  date?: Maybe<Scalars['Date']['output']>;
  /** Fees for extras added to the booking. */
  extraFees: Array<Fee>;
  /** The fee charged for the booking. */
  fee?: Maybe<Fee>;
  /** Value credits (coins) spent, as sent by OfficeRnD. */
  valueCredits?: Maybe<Scalars['JSON']['output']>;
};

/** One group of Booking items: its keys, how many items it has, and their sums and averages. */
export type BookingGroup = {
  __typename?: 'BookingGroup';
  /** Averages over the group. */
  avg: BookingAverages;
  /** How many items the group has. */
  count: Scalars['Int']['output'];
  /** The key values of the group. */
  keys: BookingGroupKeys;
  /** Greatest values in the group. */
  max: BookingMaximums;
  /** Least values in the group. */
  min: BookingMinimums;
  /** Sums over the group. */
  sum: BookingSums;
};

/** What Booking items can be grouped by in `aggregate.groupBy` (the exports' `groupBy` takes the same, in lower case). */
export type BookingGroupBy =
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. */
  | 'DAY'
  /** The member who booked. */
  | 'MEMBER'
  /** The calendar month of the list's date field, as YYYY-MM. */
  | 'MONTH'
  /** The office of the booked resource. */
  | 'OFFICE'
  /** The booked resource. */
  | 'RESOURCE'
  /** The type of the booked resource (meeting room, desk …), read from the resource. */
  | 'RESOURCE_TYPE'
  /** The team the booking is billed to. */
  | 'TEAM'
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). */
  | 'WEEK';

/** The key values of one group of Booking items: the fields named in `by` are set, the others null. */
export type BookingGroupKeys = {
  __typename?: 'BookingGroupKeys';
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. Null when the list is not grouped by it, or for the group of items without one. */
  day?: Maybe<Scalars['Date']['output']>;
  /** The member who booked. Null when the list is not grouped by it, or for the group of items without one. */
  member?: Maybe<Member>;
  /** The id `member` points at; null when not grouped by it, or for items without one. */
  memberId?: Maybe<Scalars['ID']['output']>;
  /** The calendar month of the list's date field, as YYYY-MM. Null when the list is not grouped by it, or for the group of items without one. */
  month?: Maybe<Scalars['String']['output']>;
  /** The office of the booked resource. Null when the list is not grouped by it, or for the group of items without one. */
  office?: Maybe<Office>;
  /** The id `office` points at; null when not grouped by it, or for items without one. */
  officeId?: Maybe<Scalars['ID']['output']>;
  /** The booked resource. Null when the list is not grouped by it, or for the group of items without one. */
  resource?: Maybe<Resource>;
  /** The id `resource` points at; null when not grouped by it, or for items without one. */
  resourceId?: Maybe<Scalars['ID']['output']>;
  /** The type of the booked resource (meeting room, desk …), read from the resource. Null when the list is not grouped by it, or for the group of items without one. */
  resourceType?: Maybe<ResourceType>;
  /** The team the booking is billed to. Null when the list is not grouped by it, or for the group of items without one. */
  team?: Maybe<Team>;
  /** The id `team` points at; null when not grouped by it, or for items without one. */
  teamId?: Maybe<Scalars['ID']['output']>;
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). Null when the list is not grouped by it, or for the group of items without one. */
  week?: Maybe<Scalars['Date']['output']>;
};

/** Greatest values of the numeric fields of Booking items, over the items that have the field; null when none has. */
export type BookingMaximums = {
  __typename?: 'BookingMaximums';
  /** Minutes from start to end (of the first occurrence for a recurring series: a series is one booking; all-day bookings count their whole days). */
  duration?: Maybe<Scalars['Float']['output']>;
};

/** Least values of the numeric fields of Booking items, over the items that have the field; null when none has. */
export type BookingMinimums = {
  __typename?: 'BookingMinimums';
  /** Minutes from start to end (of the first occurrence for a recurring series: a series is one booking; all-day bookings count their whole days). */
  duration?: Maybe<Scalars['Float']['output']>;
};

/** One occurrence of a booking in a time window: a one-off booking, or one instance of a recurring series. Report "Booking Occurrences". */
export type BookingOccurrence = {
  __typename?: 'BookingOccurrence';
  /** Members invited to the booking (wire `members`). */
  attendees: Array<Member>;
  /** The booking (or recurring series) this occurrence belongs to. */
  booking?: Maybe<Booking>;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** When it ends. */
  end?: Maybe<Scalars['DateTime']['output']>;
  /** Unique id of the occurrence: the booking id and the occurrence start, as "<bookingId>:<start>". */
  id: Scalars['ID']['output'];
  /** Whether it is booked for whole days (v1 sends `start.date` instead of `start.dateTime`). */
  isAllDay?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the booking was cancelled (wire `canceled`). */
  isCancelled?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the booking is free of charge (wire `free`). */
  isFree?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the booking is tentative (wire `tentative`). */
  isTentative?: Maybe<Scalars['Boolean']['output']>;
  /** The member who booked; null for a booking made for a team only. */
  member?: Maybe<Member>;
  /** The office of the booked resource. */
  office?: Maybe<Office>;
  /** The rate the booking is charged at (wire `plan`: a v1 rate is a plan with isRate). */
  rate?: Maybe<Rate>;
  /** Short booking reference shown to members, e.g. G35X86D. */
  reference?: Maybe<Scalars['String']['output']>;
  /** The booked resource (wire `resourceId`). */
  resource?: Maybe<Resource>;
  /** Where the booking was made. */
  source?: Maybe<BookingSource>;
  /** When it starts. */
  start?: Maybe<Scalars['DateTime']['output']>;
  /** The team the booking is billed to. */
  team?: Maybe<Team>;
  /** IANA time zone of the booked resource, e.g. Europe/Lisbon: use it to show local times (wire `timezone`). */
  timeZone?: Maybe<Scalars['String']['output']>;
  /** Title shown in calendars (wire `summary`). */
  title?: Maybe<Scalars['String']['output']>;
};

/** A page of BookingOccurrence items. Page with `first` and `after`; every item appears exactly once. */
export type BookingOccurrenceConnection = {
  __typename?: 'BookingOccurrenceConnection';
  /** The items of this page with their cursors. */
  edges: Array<BookingOccurrenceEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<BookingOccurrence>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of booking occurrences a date selection applies to (the connector's "Date Selection Criteria"); default START. */
export type BookingOccurrenceDateField =
  /** When the occurrence ends. */
  | 'END'
  /** When the occurrence starts. The default. */
  | 'START';

/** One BookingOccurrence of a connection, with the cursor that points just after it. */
export type BookingOccurrenceEdge = {
  __typename?: 'BookingOccurrenceEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The BookingOccurrence. */
  node: BookingOccurrence;
};

/** One sort key of a list of Booking items. */
export type BookingOrder = {
  /** ASC (default) or DESC. */
  direction?: InputMaybe<SortDirection>;
  /** The field to sort by. */
  field: BookingSortField;
};

/** How a recurring booking repeats (wire `recurrence`). */
export type BookingRecurrence = {
  __typename?: 'BookingRecurrence';
  /** Start instants of occurrences removed from the series (wire `exdates`). */
  excludedStarts: Array<Scalars['DateTime']['output']>;
  /** RFC 5545 recurrence rule, e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10 (wire `rrule`); null for a one-off booking. */
  rule?: Maybe<Scalars['String']['output']>;
};

/** Buffer time kept free around a booking, e.g. for cleaning (wire `serviceSlots`). */
export type BookingServiceSlots = {
  __typename?: 'BookingServiceSlots';
  /** Minutes blocked after the booking (wire `after`). */
  minutesAfter?: Maybe<Scalars['Int']['output']>;
  /** Minutes blocked before the booking (wire `before`). */
  minutesBefore?: Maybe<Scalars['Int']['output']>;
};

/** The fields a list of Booking items can be sorted by. */
export type BookingSortField =
  /** When it was created. */
  | 'CREATED_AT'
  /** When the booking ends. */
  | 'END'
  /** When it last changed. */
  | 'MODIFIED_AT'
  /** When the booking starts. */
  | 'START'
  /** The booking title. */
  | 'TITLE';

/** Where a booking was made (§6.1 `source`). */
export type BookingSource =
  /** The admin dashboard (OfficeRnD value `admin`). */
  | 'ADMIN'
  /** A connected app (OfficeRnD value `ConnectApi`). */
  | 'CONNECT_API'
  /** An embedded member portal (OfficeRnD value `embedded-portal`). */
  | 'EMBEDDED_PORTAL'
  /** Google Calendar sync (OfficeRnD value `Google`). */
  | 'GOOGLE'
  /** The member app (OfficeRnD value `mobile`). */
  | 'MOBILE'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** The member portal (OfficeRnD value `portal`). */
  | 'PORTAL'
  /** The public booking page (OfficeRnD value `public`). */
  | 'PUBLIC'
  /** The OfficeRnD API (OfficeRnD value `public-api`). */
  | 'PUBLIC_API';

/** Sums of the numeric fields of Booking items, over the items that have the field; null when none has. */
export type BookingSums = {
  __typename?: 'BookingSums';
  /** Minutes from start to end (of the first occurrence for a recurring series: a series is one booking; all-day bookings count their whole days). */
  duration?: Maybe<Scalars['Float']['output']>;
};

/** A payment transaction recorded against an invoice: a card payment, bank transfer, cash receipt or refund. Report "Charges". */
export type Charge = {
  __typename?: 'Charge';
  /** The deposit account the money went to, e.g. "Cash", "Bank Transfer", "Stripe Card". */
  account?: Maybe<Scalars['String']['output']>;
  /** Accounting-system sync state. */
  accounting?: Maybe<Accounting>;
  /** Amount of money moved, in the currency of the charge. */
  amount?: Maybe<Scalars['Float']['output']>;
  /** When the charge was recorded. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The OfficeRnD user (staff account, not a member) who recorded it. */
  createdById?: Maybe<Scalars['ID']['output']>;
  /** ISO currency code; null means the organization's currency. */
  currency?: Maybe<Scalars['String']['output']>;
  /** When the money moved. */
  date?: Maybe<Scalars['DateTime']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** Payment-gateway details (transaction id, error). */
  integration?: Maybe<ChargeIntegration>;
  /** When the charge last changed (equals createdAt until the first change). */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The office of the invoice this charge pays. */
  office?: Maybe<Office>;
  /** The invoice (or credit note) this transaction pays. */
  payment?: Maybe<Payment>;
  /** Human-readable description of the transaction. */
  reference?: Maybe<Scalars['String']['output']>;
  /** Where the charge was recorded: "OfficeRnD" or an accounting integration. */
  source?: Maybe<Scalars['String']['output']>;
  /** The document the money came from when it was moved between documents (wire `sourcePaymentId`). */
  sourcePayment?: Maybe<Payment>;
  /** Whether the transaction succeeded, is pending, failed or was refunded. */
  status?: Maybe<ChargeStatus>;
};

/** Numbers over every Charge item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type ChargeAggregate = {
  __typename?: 'ChargeAggregate';
  /** Averages of the numeric fields over every matching item. */
  avg: ChargeAverages;
  /** How many items match (equals the list's `totalCount`). */
  count: Scalars['Int']['output'];
  /** The matching items grouped by the keys in `by`: one group per combination of key values that occurs (items without a value form their own group, key null). Time buckets (DAY, WEEK, MONTH) read the list's `dateField` (its default without one) in `timeZone`. */
  groupBy: Array<ChargeGroup>;
  /** Greatest values of the numeric fields over every matching item. */
  max: ChargeMaximums;
  /** Least values of the numeric fields over every matching item. */
  min: ChargeMinimums;
  /** Sums of the numeric fields over every matching item. */
  sum: ChargeSums;
};


/** Numbers over every Charge item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type ChargeAggregateGroupByArgs = {
  by: Array<ChargeGroupBy>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AggregateGroupOrder>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  weekStartsOn?: InputMaybe<Weekday>;
};

/** Averages of the numeric fields of Charge items, over the items that have the field; null when none has. */
export type ChargeAverages = {
  __typename?: 'ChargeAverages';
  /** The amount of money moved. */
  amount?: Maybe<Scalars['Float']['output']>;
};

/** A page of Charge items. Page with `first` and `after`; every item appears exactly once. */
export type ChargeConnection = {
  __typename?: 'ChargeConnection';
  /** Count, sums, averages and groups of every Charge item this list matches (its filters and dates, whatever `first`/`after`): read once per request with `totalCount` (same cost and scan cap). */
  aggregate: ChargeAggregate;
  /** The items of this page with their cursors. */
  edges: Array<ChargeEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Charge>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of charges a date selection applies to (the connector's "Date Selection Criteria"); default DATE. */
export type ChargeDateField =
  /** When the charge was created (`createdAt`). */
  | 'CREATED_AT'
  /** When the money moved (`date`). The default. */
  | 'DATE'
  /** When the charge last changed (`modifiedAt`). */
  | 'MODIFIED_AT';

/** One Charge of a connection, with the cursor that points just after it. */
export type ChargeEdge = {
  __typename?: 'ChargeEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Charge. */
  node: Charge;
};

/** One group of Charge items: its keys, how many items it has, and their sums and averages. */
export type ChargeGroup = {
  __typename?: 'ChargeGroup';
  /** Averages over the group. */
  avg: ChargeAverages;
  /** How many items the group has. */
  count: Scalars['Int']['output'];
  /** The key values of the group. */
  keys: ChargeGroupKeys;
  /** Greatest values in the group. */
  max: ChargeMaximums;
  /** Least values in the group. */
  min: ChargeMinimums;
  /** Sums over the group. */
  sum: ChargeSums;
};

/** What Charge items can be grouped by in `aggregate.groupBy` (the exports' `groupBy` takes the same, in lower case). */
export type ChargeGroupBy =
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. */
  | 'DAY'
  /** The calendar month of the list's date field, as YYYY-MM. */
  | 'MONTH'
  /** The office of the charge. */
  | 'OFFICE'
  /** The status of the charge. */
  | 'STATUS'
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). */
  | 'WEEK';

/** The key values of one group of Charge items: the fields named in `by` are set, the others null. */
export type ChargeGroupKeys = {
  __typename?: 'ChargeGroupKeys';
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. Null when the list is not grouped by it, or for the group of items without one. */
  day?: Maybe<Scalars['Date']['output']>;
  /** The calendar month of the list's date field, as YYYY-MM. Null when the list is not grouped by it, or for the group of items without one. */
  month?: Maybe<Scalars['String']['output']>;
  /** The office of the charge. Null when the list is not grouped by it, or for the group of items without one. */
  office?: Maybe<Office>;
  /** The id `office` points at; null when not grouped by it, or for items without one. */
  officeId?: Maybe<Scalars['ID']['output']>;
  /** The status of the charge. Null when the list is not grouped by it, or for the group of items without one. */
  status?: Maybe<ChargeStatus>;
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). Null when the list is not grouped by it, or for the group of items without one. */
  week?: Maybe<Scalars['Date']['output']>;
};

/** How a charge relates to the card or bank payment gateway that processed it (wire `integration`). */
export type ChargeIntegration = {
  __typename?: 'ChargeIntegration';
  /** The gateway's own transaction id (e.g. a Stripe `ch_…`). */
  providerChargeId?: Maybe<Scalars['String']['output']>;
  /** The gateway's error message when the transaction failed. */
  providerError?: Maybe<Scalars['String']['output']>;
};

/** Greatest values of the numeric fields of Charge items, over the items that have the field; null when none has. */
export type ChargeMaximums = {
  __typename?: 'ChargeMaximums';
  /** The amount of money moved. */
  amount?: Maybe<Scalars['Float']['output']>;
};

/** Least values of the numeric fields of Charge items, over the items that have the field; null when none has. */
export type ChargeMinimums = {
  __typename?: 'ChargeMinimums';
  /** The amount of money moved. */
  amount?: Maybe<Scalars['Float']['output']>;
};

/** Outcome of a payment transaction (§6.3). */
export type ChargeStatus =
  /** The transaction failed (OfficeRnD value `fail`). */
  | 'FAIL'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Submitted and not settled yet (OfficeRnD value `pending`). */
  | 'PENDING'
  /** The money was paid back (OfficeRnD value `refund`). */
  | 'REFUND'
  /** The money was received (OfficeRnD value `success`). */
  | 'SUCCESS';

/** Sums of the numeric fields of Charge items, over the items that have the field; null when none has. */
export type ChargeSums = {
  __typename?: 'ChargeSums';
  /** The amount of money moved. */
  amount?: Maybe<Scalars['Float']['output']>;
};

/** A visit of a member to an office, from check-in to check-out. Report "Checkins". */
export type Checkin = {
  __typename?: 'Checkin';
  /** The booking the check-in is for, when OfficeRnD links one (v2 field). */
  booking?: Maybe<Booking>;
  /** When the record was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** OfficeRnD user who created the record; not a member. */
  createdById?: Maybe<Scalars['ID']['output']>;
  /** Devices used to check in (door, app …). */
  devices: Array<Scalars['String']['output']>;
  /** When the member checked out; null while still in. */
  end?: Maybe<Scalars['DateTime']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** The member who checked in. */
  member?: Maybe<Member>;
  /** The office checked in to. */
  office?: Maybe<Office>;
  /** The day pass used, when OfficeRnD links one (v2 field). */
  pass?: Maybe<Pass>;
  /** The kind of resource used, as a resource-type key (e.g. hotdesk). */
  resourceType?: Maybe<Scalars['String']['output']>;
  /** Where the check-in was recorded (app, kiosk, admin …). */
  source?: Maybe<Scalars['String']['output']>;
  /** When the member checked in. */
  start?: Maybe<Scalars['DateTime']['output']>;
  /** The member's team at check-in. */
  team?: Maybe<Team>;
  /** Kind of check-in as OfficeRnD records it. */
  type?: Maybe<Scalars['String']['output']>;
};

/** Numbers over every Checkin item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type CheckinAggregate = {
  __typename?: 'CheckinAggregate';
  /** Averages of the numeric fields over every matching item. */
  avg: CheckinAverages;
  /** How many items match (equals the list's `totalCount`). */
  count: Scalars['Int']['output'];
  /** The matching items grouped by the keys in `by`: one group per combination of key values that occurs (items without a value form their own group, key null). Time buckets (DAY, WEEK, MONTH) read the list's `dateField` (its default without one) in `timeZone`. */
  groupBy: Array<CheckinGroup>;
  /** Greatest values of the numeric fields over every matching item. */
  max: CheckinMaximums;
  /** Least values of the numeric fields over every matching item. */
  min: CheckinMinimums;
  /** Sums of the numeric fields over every matching item. */
  sum: CheckinSums;
};


/** Numbers over every Checkin item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type CheckinAggregateGroupByArgs = {
  by: Array<CheckinGroupBy>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AggregateGroupOrder>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  weekStartsOn?: InputMaybe<Weekday>;
};

/** Averages of the numeric fields of Checkin items, over the items that have the field; null when none has. */
export type CheckinAverages = {
  __typename?: 'CheckinAverages';
  /** Minutes from check-in to check-out; check-ins still open have none. */
  duration?: Maybe<Scalars['Float']['output']>;
};

/** A page of Checkin items. Page with `first` and `after`; every item appears exactly once. */
export type CheckinConnection = {
  __typename?: 'CheckinConnection';
  /** Count, sums, averages and groups of every Checkin item this list matches (its filters and dates, whatever `first`/`after`): read once per request with `totalCount` (same cost and scan cap). */
  aggregate: CheckinAggregate;
  /** The items of this page with their cursors. */
  edges: Array<CheckinEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Checkin>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of check-ins a date selection applies to (the connector's "Date Selection Criteria"); default START. */
export type CheckinDateField =
  /** When the check-in was created (`createdAt`). */
  | 'CREATED_AT'
  /** When the member checked out. */
  | 'END'
  /** When the member checked in. The default. */
  | 'START';

/** One Checkin of a connection, with the cursor that points just after it. */
export type CheckinEdge = {
  __typename?: 'CheckinEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Checkin. */
  node: Checkin;
};

/** One group of Checkin items: its keys, how many items it has, and their sums and averages. */
export type CheckinGroup = {
  __typename?: 'CheckinGroup';
  /** Averages over the group. */
  avg: CheckinAverages;
  /** How many items the group has. */
  count: Scalars['Int']['output'];
  /** The key values of the group. */
  keys: CheckinGroupKeys;
  /** Greatest values in the group. */
  max: CheckinMaximums;
  /** Least values in the group. */
  min: CheckinMinimums;
  /** Sums over the group. */
  sum: CheckinSums;
};

/** What Checkin items can be grouped by in `aggregate.groupBy` (the exports' `groupBy` takes the same, in lower case). */
export type CheckinGroupBy =
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. */
  | 'DAY'
  /** The member who checked in. */
  | 'MEMBER'
  /** The calendar month of the list's date field, as YYYY-MM. */
  | 'MONTH'
  /** The office checked in to. */
  | 'OFFICE'
  /** The type of resource used (its resource-type key, §7). */
  | 'RESOURCE_TYPE'
  /** The member's team at check-in. */
  | 'TEAM'
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). */
  | 'WEEK';

/** The key values of one group of Checkin items: the fields named in `by` are set, the others null. */
export type CheckinGroupKeys = {
  __typename?: 'CheckinGroupKeys';
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. Null when the list is not grouped by it, or for the group of items without one. */
  day?: Maybe<Scalars['Date']['output']>;
  /** The member who checked in. Null when the list is not grouped by it, or for the group of items without one. */
  member?: Maybe<Member>;
  /** The id `member` points at; null when not grouped by it, or for items without one. */
  memberId?: Maybe<Scalars['ID']['output']>;
  /** The calendar month of the list's date field, as YYYY-MM. Null when the list is not grouped by it, or for the group of items without one. */
  month?: Maybe<Scalars['String']['output']>;
  /** The office checked in to. Null when the list is not grouped by it, or for the group of items without one. */
  office?: Maybe<Office>;
  /** The id `office` points at; null when not grouped by it, or for items without one. */
  officeId?: Maybe<Scalars['ID']['output']>;
  /** The type of resource used (its resource-type key, §7). Null when the list is not grouped by it, or for the group of items without one. */
  resourceType?: Maybe<ResourceType>;
  /** The member's team at check-in. Null when the list is not grouped by it, or for the group of items without one. */
  team?: Maybe<Team>;
  /** The id `team` points at; null when not grouped by it, or for items without one. */
  teamId?: Maybe<Scalars['ID']['output']>;
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). Null when the list is not grouped by it, or for the group of items without one. */
  week?: Maybe<Scalars['Date']['output']>;
};

/** Greatest values of the numeric fields of Checkin items, over the items that have the field; null when none has. */
export type CheckinMaximums = {
  __typename?: 'CheckinMaximums';
  /** Minutes from check-in to check-out; check-ins still open have none. */
  duration?: Maybe<Scalars['Float']['output']>;
};

/** Least values of the numeric fields of Checkin items, over the items that have the field; null when none has. */
export type CheckinMinimums = {
  __typename?: 'CheckinMinimums';
  /** Minutes from check-in to check-out; check-ins still open have none. */
  duration?: Maybe<Scalars['Float']['output']>;
};

/** One sort key of a list of Checkin items. */
export type CheckinOrder = {
  /** ASC (default) or DESC. */
  direction?: InputMaybe<SortDirection>;
  /** The field to sort by. */
  field: CheckinSortField;
};

/** The fields a list of Checkin items can be sorted by. */
export type CheckinSortField =
  /** When it was created. */
  | 'CREATED_AT'
  /** When it ended. */
  | 'END'
  /** When the check-in started. */
  | 'START';

/** Sums of the numeric fields of Checkin items, over the items that have the field; null when none has. */
export type CheckinSums = {
  __typename?: 'CheckinSums';
  /** Minutes from check-in to check-out; check-ins still open have none. */
  duration?: Maybe<Scalars['Float']['output']>;
};

/** A membership agreement: what a member or team agreed to pay for which plans and resources. Report "Contracts". */
export type Contract = {
  __typename?: 'Contract';
  /** Problems OfficeRnD met when activating the contract, as it sends them. */
  activationErrors?: Maybe<Scalars['JSON']['output']>;
  /** Addendum text (HTML). */
  addendum?: Maybe<Scalars['String']['output']>;
  /** Total before discounts and price steps. */
  baseTotal?: Maybe<Scalars['Float']['output']>;
  /** When it was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** OfficeRnD staff user who created it; not a member. */
  createdById?: Maybe<Scalars['ID']['output']>;
  /** Kind of document, e.g. membershipagreement. */
  documentType?: Maybe<Scalars['String']['output']>;
  /** Last day of the term. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** Whether it continues month to month after its term. */
  isRolling?: Maybe<Scalars['Boolean']['output']>;
  /** Legal documents attached (ids outside the 20 reports; wire `legalDocuments`). */
  legalDocumentIds: Array<Scalars['ID']['output']>;
  /** The member who signed. */
  member?: Maybe<Member>;
  /** Memberships created from this contract (membership `contract`). */
  memberships?: Maybe<MembershipConnection>;
  /** When it last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** OfficeRnD staff user who last changed it; not a member. */
  modifiedById?: Maybe<Scalars['ID']['output']>;
  /** Notice period in months (wire `notice.months`). */
  noticeMonths?: Maybe<Scalars['Int']['output']>;
  /** Human contract number, e.g. CON-3. */
  number?: Maybe<Scalars['String']['output']>;
  /** The office it covers. */
  office?: Maybe<Office>;
  /** One-off plans (fees) sold. */
  oneOffPlans: Array<ContractPlanLine>;
  /** Value of the one-off plans. */
  oneOffsTotal?: Maybe<Scalars['Float']['output']>;
  /** Yearly price increase in percent, if agreed. */
  percentagePriceIncrease?: Maybe<Scalars['Float']['output']>;
  /** Recurring plans sold. */
  plans: Array<ContractPlanLine>;
  /** Value of the recurring plans. */
  plansTotal?: Maybe<Scalars['Float']['output']>;
  /** Deposit carried over from the previous contract. */
  previousDepositHeld?: Maybe<Scalars['Float']['output']>;
  /** Custom properties, keyed by property key. */
  properties?: Maybe<Scalars['JSON']['output']>;
  /** The later contract that renews this one. */
  renewalContract?: Maybe<Contract>;
  /** The earlier contract this one renews. */
  renewedContract?: Maybe<Contract>;
  /** Resources assigned. */
  resources: Array<ContractResourceLine>;
  /** Value of the resources. */
  resourcesTotal?: Maybe<Scalars['Float']['output']>;
  /** The day it was signed. */
  signDate?: Maybe<Scalars['Date']['output']>;
  /** Signing status. */
  signatureStatus?: Maybe<ContractSignatureStatus>;
  /** Who signed it. */
  signedBy?: Maybe<ContractSigner>;
  /** Life-cycle stage. */
  stage?: Maybe<ContractStage>;
  /** First day of the term. */
  startDate?: Maybe<Scalars['Date']['output']>;
  /** Document status. */
  status?: Maybe<ContractStatus>;
  /** The team the contract is with. */
  team?: Maybe<Team>;
  /** Termination details, when terminated. */
  termination?: Maybe<ContractTermination>;
  /** Total contract value. */
  total?: Maybe<Scalars['Float']['output']>;
  /** New, renewal or expansion. */
  type?: Maybe<ContractType>;
};


/** A membership agreement: what a member or team agreed to pay for which plans and resources. Report "Contracts". */
export type ContractMembershipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Contract items. Page with `first` and `after`; every item appears exactly once. */
export type ContractConnection = {
  __typename?: 'ContractConnection';
  /** The items of this page with their cursors. */
  edges: Array<ContractEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Contract>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of contracts a date selection applies to (the connector's "Date Selection Criteria"); default START_DATE. */
export type ContractDateField =
  /** When the contract was created (`createdAt`). */
  | 'CREATED_AT'
  /** Last day of the term. */
  | 'END_DATE'
  /** When the contract last changed (`modifiedAt`). */
  | 'MODIFIED_AT'
  /** The day it was signed. */
  | 'SIGN_DATE'
  /** First day of the term. The default. */
  | 'START_DATE';

/** One Contract of a connection, with the cursor that points just after it. */
export type ContractEdge = {
  __typename?: 'ContractEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Contract. */
  node: Contract;
};

/** A plan sold by a contract (recurring in `plans`, one-off in `oneOffPlans`). */
export type ContractPlanLine = {
  __typename?: 'ContractPlanLine';
  /** How many units of the plan. */
  count?: Maybe<Scalars['Int']['output']>;
  /** Deposit for this line. */
  deposit?: Maybe<Scalars['Float']['output']>;
  /** Whether the price goes up once the contract rolls past its term (wire `increasePriceInRolling`). */
  increasesPriceWhenRolling?: Maybe<Scalars['Boolean']['output']>;
  /** The plan sold (wire `id`). */
  plan?: Maybe<Plan>;
  /** Agreed price per unit. */
  price?: Maybe<Scalars['Float']['output']>;
  /** Price steps over the term. */
  steps: Array<ContractStep>;
};

/** A resource (office, desk) a contract assigns. */
export type ContractResourceLine = {
  __typename?: 'ContractResourceLine';
  /** Deposit for this line. */
  deposit?: Maybe<Scalars['Float']['output']>;
  /** Whether the price goes up once the contract rolls past its term (wire `increasePriceInRolling`). */
  increasesPriceWhenRolling?: Maybe<Scalars['Boolean']['output']>;
  /** Agreed price per period. */
  price?: Maybe<Scalars['Float']['output']>;
  /** The resource assigned (wire `id`). */
  resource?: Maybe<Resource>;
  /** Capacity agreed for the resource (e.g. desks). */
  size?: Maybe<Scalars['Int']['output']>;
  /** Price steps over the term. */
  steps: Array<ContractStep>;
};

/** Where the signing of a contract stands (§6.5). */
export type ContractSignatureStatus =
  /** The signing flow was cancelled (OfficeRnD value `canceled`). */
  | 'CANCELED'
  /** The signer declined (OfficeRnD value `declined`). */
  | 'DECLINED'
  /** Signed electronically (OfficeRnD value `e_signed`). */
  | 'E_SIGNED'
  /** Marked as signed on paper (OfficeRnD value `manually_signed`). */
  | 'MANUALLY_SIGNED'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Sent out for signature (OfficeRnD value `out_for_signature`). */
  | 'OUT_FOR_SIGNATURE'
  /** The signing flow needs an admin (OfficeRnD value `requires_attention`). */
  | 'REQUIRES_ATTENTION'
  /** Signed by the member, awaiting countersignature (OfficeRnD value `signed_by_member`). */
  | 'SIGNED_BY_MEMBER';

/** Who signed a contract. */
export type ContractSigner = {
  __typename?: 'ContractSigner';
  /** Name of the signer. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** OfficeRnD user id of the signer (wire `_id`). */
  userId?: Maybe<Scalars['ID']['output']>;
};

/** Where a contract is in its life cycle (§6.5). */
export type ContractStage =
  /** Running (OfficeRnD value `active`). */
  | 'ACTIVE'
  /** Its term has ended (OfficeRnD value `expired`). */
  | 'EXPIRED'
  /** Ended without renewal (OfficeRnD value `not_renewed`). */
  | 'NOT_RENEWED'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Past its term and rolling on (OfficeRnD value `rolling`). */
  | 'ROLLING'
  /** Notice has been served (OfficeRnD value `served_notice`). */
  | 'SERVED_NOTICE'
  /** Ended early (OfficeRnD value `terminated`). */
  | 'TERMINATED'
  /** Nearing its end; a renewal is due (OfficeRnD value `up_for_renewal`). */
  | 'UP_FOR_RENEWAL';

/** The document status of a contract (§6.5). */
export type ContractStatus =
  /** Cancelled before it took effect (OfficeRnD value `canceled`). */
  | 'CANCELED'
  /** Being prepared (OfficeRnD value `draft`). */
  | 'DRAFT'
  /** Sent but not signed (OfficeRnD value `not_signed`). */
  | 'NOT_SIGNED'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Signed (OfficeRnD value `signed`). */
  | 'SIGNED'
  /** Terminated (OfficeRnD value `terminated`). */
  | 'TERMINATED';

/** A price step of a contract line: the price that applies between two dates. */
export type ContractStep = {
  __typename?: 'ContractStep';
  /** The discount definition applied (outside the 20 reports). */
  discountId?: Maybe<Scalars['ID']['output']>;
  /** Price per period after the discount. */
  discountedAmount?: Maybe<Scalars['Float']['output']>;
  /** Last day of the step. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** Price per period during this step. */
  price?: Maybe<Scalars['Float']['output']>;
  /** First day of the step. */
  startDate?: Maybe<Scalars['Date']['output']>;
};

/** How and when a contract was terminated. */
export type ContractTermination = {
  __typename?: 'ContractTermination';
  /** Free-text comments. */
  comments?: Maybe<Scalars['String']['output']>;
  /** Termination date. */
  date?: Maybe<Scalars['Date']['output']>;
  /** Reason key chosen by the admin (wire `reasonKey`). */
  reason?: Maybe<Scalars['String']['output']>;
};

/** Why a contract was made (§6.5). */
export type ContractType =
  /** Adds to an existing agreement (OfficeRnD value `expansion`). */
  | 'EXPANSION'
  /** A new customer agreement (OfficeRnD value `new`). */
  | 'NEW'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Renews an earlier contract (OfficeRnD value `renewal`). */
  | 'RENEWAL';

/** The credit (coin) balance of one credit account of a team or member in one month: what was granted, spent and left. Report "Credit Accounts" (`/credit-accounts/stats`). */
export type CreditAccount = {
  __typename?: 'CreditAccount';
  /** The id of the credit account (wire `creditAccount`); stats items have no id of their own. */
  creditAccountId: Scalars['ID']['output'];
  /** The member who owns the account. */
  member?: Maybe<Member>;
  /** The month these figures are for, as YYYY-MM. */
  month: Scalars['String']['output'];
  /** Credits that renew every month (e.g. from a membership plan). */
  monthly?: Maybe<CreditAccountTotals>;
  /** One-off credits (e.g. bought once) available in the month. */
  once?: Maybe<CreditAccountTotals>;
  /** The one-off plans the credits apply to when `validFor` is ONE_OFF_PLANS (wire `oneOffPlans`). */
  plans?: Maybe<Array<Plan>>;
  /** The rates the credits apply to when `validFor` is RATES (wire `resourceRates`). */
  rates?: Maybe<Array<Rate>>;
  /** The resource types the credits apply to when `validFor` is RESOURCE_TYPES. */
  resourceTypes?: Maybe<Array<ResourceType>>;
  /** The team that owns the account. */
  team?: Maybe<Team>;
  /** What these credits can be spent on. */
  validFor?: Maybe<CreditAccountValidFor>;
};

/** A page of CreditAccount items. Page with `first` and `after`; every item appears exactly once. */
export type CreditAccountConnection = {
  __typename?: 'CreditAccountConnection';
  /** The items of this page with their cursors. */
  edges: Array<CreditAccountEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<CreditAccount>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** One CreditAccount of a connection, with the cursor that points just after it. */
export type CreditAccountEdge = {
  __typename?: 'CreditAccountEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The CreditAccount. */
  node: CreditAccount;
};

/** Credits granted, spent and left in a period. */
export type CreditAccountTotals = {
  __typename?: 'CreditAccountTotals';
  /** Credits left (total minus used). */
  remaining?: Maybe<Scalars['Float']['output']>;
  /** Credits granted for the period. */
  total?: Maybe<Scalars['Float']['output']>;
  /** Credits spent in the period. */
  used?: Maybe<Scalars['Float']['output']>;
};

/** What the credits of an account can be spent on (§6.6). */
export type CreditAccountValidFor =
  /** Anything payable with credits (OfficeRnD value `all`). */
  | 'ALL'
  /** The listed one-off plans (OfficeRnD value `oneOffPlans`). */
  | 'ONE_OFF_PLANS'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Bookings priced by the listed rates (OfficeRnD value `rates`). */
  | 'RATES'
  /** Bookings of the listed resource types (OfficeRnD value `resourceTypes`). */
  | 'RESOURCE_TYPES';

/** Which days to select, in exactly one mode: a single date (`on` or `daysBack`), a range (`from`/`to` or `fromDaysBack`/`toDaysBack`, both days included) or a `period`. Days are counted in `timeZone` (default: the gateway's DEFAULT_TIME_ZONE, UTC unless configured). Examples: yesterday = `{daysBack: 1}`; 10 days ago until 5 days ago = `{fromDaysBack: 10, toDaysBack: 5}`; last week starting Sunday = `{period: LAST_WEEK, weekStartsOn: SUNDAY}`. */
export type DateSelection = {
  /** A single date relative to today: 0 today, 1 yesterday, 7 seven days ago. */
  daysBack?: InputMaybe<Scalars['Int']['input']>;
  /** First day of a specific range (included); without `to` the range has no end. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** First day of a relative range, in days back from today (10 = ten days ago); without `toDaysBack` the range has no end. */
  fromDaysBack?: InputMaybe<Scalars['Int']['input']>;
  /** A specific single date. */
  on?: InputMaybe<Scalars['Date']['input']>;
  /** A calendar period relative to today. */
  period?: InputMaybe<TimePeriod>;
  /** IANA time zone the days are counted in, e.g. Europe/London (default: DEFAULT_TIME_ZONE, UTC unless configured). */
  timeZone?: InputMaybe<Scalars['String']['input']>;
  /** Last day of a specific range (included); without `from` the range has no start. */
  to?: InputMaybe<Scalars['Date']['input']>;
  /** Last day of a relative range, in days back from today (5 = five days ago, 0 = today); at most `fromDaysBack`. */
  toDaysBack?: InputMaybe<Scalars['Int']['input']>;
  /** First day of the week for THIS_WEEK, LAST_WEEK and WEEK_TO_DATE (default: DEFAULT_WEEK_STARTS_ON, MONDAY unless configured). */
  weekStartsOn?: InputMaybe<Weekday>;
};

/** A one-off charge to a member or team (a day pass, a booking, a setup fee, an extra), invoiced on a payment. Report "Fees". */
export type Fee = {
  __typename?: 'Fee';
  /** The list price of the plan or rate the fee was created from. */
  basePrice?: Maybe<Scalars['Float']['output']>;
  /** Discount OfficeRnD applied after evaluating discount rules, as an amount. */
  calculatedDiscountAmount?: Maybe<Scalars['Float']['output']>;
  /** When the fee was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The OfficeRnD user (staff account, not a member) who created it. */
  createdById?: Maybe<Scalars['ID']['output']>;
  /** The credit note that cancelled the fee's invoice line, if any (wire `invoice.creditNote`). */
  creditNote?: Maybe<Payment>;
  /** Discount set on the fee, as an amount. */
  discountAmount?: Maybe<Scalars['Float']['output']>;
  /** Unit price after discount. */
  discountedPrice?: Maybe<Scalars['Float']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** True when the fee was added after its period was invoiced. */
  isLate?: Maybe<Scalars['Boolean']['output']>;
  /** True when billed to the member personally rather than to their team. */
  isPersonal?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the fee may be refunded (wire `refundable`). */
  isRefundable?: Maybe<Scalars['Boolean']['output']>;
  /** The day the fee is charged, which decides the invoice period (wire `date`). */
  issueDate?: Maybe<Scalars['Date']['output']>;
  /** Mark-up applied to the price, as set on the plan. */
  markUp?: Maybe<Scalars['Float']['output']>;
  /** The member charged. */
  member?: Maybe<Member>;
  /** When the fee last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What is charged, as shown on the invoice line. */
  name?: Maybe<Scalars['String']['output']>;
  /** The office the revenue belongs to. */
  office?: Maybe<Office>;
  /** The invoice the fee is billed on; null while not invoiced (wire `invoice._id`). */
  payment?: Maybe<Payment>;
  /** The status of that invoice as recorded on the fee (wire `invoice.status`); may lag the invoice itself. */
  paymentStatus?: Maybe<PaymentStatus>;
  /** The price plan the fee was created from; null when it came from a resource rate (see `rate`). */
  plan?: Maybe<Plan>;
  /** Unit price before discount. */
  price?: Maybe<Scalars['Float']['output']>;
  /** Custom properties, keyed by property key. */
  properties?: Maybe<Scalars['JSON']['output']>;
  /** How many units are charged. */
  quantity?: Maybe<Scalars['Float']['output']>;
  /** The resource rate the fee was created from (a booking fee); null when it came from a plan (wire `plan`). */
  rate?: Maybe<Rate>;
  /** Whether the fee is invoiced before its date rather than after (wire `billInAdvance`). */
  shouldBillInAdvance?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the fee is approved or waits for approval. */
  status?: Maybe<FeeStatus>;
  /** The team (company) charged. */
  team?: Maybe<Team>;
  /** Value credits (coins) used to pay the fee, as sent upstream. */
  valueCredits?: Maybe<Scalars['JSON']['output']>;
};

/** Numbers over every Fee item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type FeeAggregate = {
  __typename?: 'FeeAggregate';
  /** Averages of the numeric fields over every matching item. */
  avg: FeeAverages;
  /** How many items match (equals the list's `totalCount`). */
  count: Scalars['Int']['output'];
  /** The matching items grouped by the keys in `by`: one group per combination of key values that occurs (items without a value form their own group, key null). Time buckets (DAY, WEEK, MONTH) read the list's `dateField` (its default without one) in `timeZone`. */
  groupBy: Array<FeeGroup>;
  /** Greatest values of the numeric fields over every matching item. */
  max: FeeMaximums;
  /** Least values of the numeric fields over every matching item. */
  min: FeeMinimums;
  /** Sums of the numeric fields over every matching item. */
  sum: FeeSums;
};


/** Numbers over every Fee item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type FeeAggregateGroupByArgs = {
  by: Array<FeeGroupBy>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AggregateGroupOrder>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  weekStartsOn?: InputMaybe<Weekday>;
};

/** Averages of the numeric fields of Fee items, over the items that have the field; null when none has. */
export type FeeAverages = {
  __typename?: 'FeeAverages';
  /** The unit price after discount. */
  discountedPrice?: Maybe<Scalars['Float']['output']>;
  /** The unit price before discount. */
  price?: Maybe<Scalars['Float']['output']>;
  /** The units charged. */
  quantity?: Maybe<Scalars['Float']['output']>;
};

/** A page of Fee items. Page with `first` and `after`; every item appears exactly once. */
export type FeeConnection = {
  __typename?: 'FeeConnection';
  /** Count, sums, averages and groups of every Fee item this list matches (its filters and dates, whatever `first`/`after`): read once per request with `totalCount` (same cost and scan cap). */
  aggregate: FeeAggregate;
  /** The items of this page with their cursors. */
  edges: Array<FeeEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Fee>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of fees a date selection applies to (the connector's "Date Selection Criteria"); default DATE. */
export type FeeDateField =
  /** When the fee was created (`createdAt`). */
  | 'CREATED_AT'
  /** The issue date of the fee (`date`). The default. */
  | 'DATE'
  /** When the fee last changed (`modifiedAt`). */
  | 'MODIFIED_AT';

/** One Fee of a connection, with the cursor that points just after it. */
export type FeeEdge = {
  __typename?: 'FeeEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Fee. */
  node: Fee;
};

/** One group of Fee items: its keys, how many items it has, and their sums and averages. */
export type FeeGroup = {
  __typename?: 'FeeGroup';
  /** Averages over the group. */
  avg: FeeAverages;
  /** How many items the group has. */
  count: Scalars['Int']['output'];
  /** The key values of the group. */
  keys: FeeGroupKeys;
  /** Greatest values in the group. */
  max: FeeMaximums;
  /** Least values in the group. */
  min: FeeMinimums;
  /** Sums over the group. */
  sum: FeeSums;
};

/** What Fee items can be grouped by in `aggregate.groupBy` (the exports' `groupBy` takes the same, in lower case). */
export type FeeGroupBy =
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. */
  | 'DAY'
  /** The member charged. */
  | 'MEMBER'
  /** The calendar month of the list's date field, as YYYY-MM. */
  | 'MONTH'
  /** The office of the fee. */
  | 'OFFICE'
  /** The plan the fee was created from (`plan` is null for a resource rate: `planId` names it). */
  | 'PLAN'
  /** The approval state of the fee. */
  | 'STATUS'
  /** The team charged. */
  | 'TEAM'
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). */
  | 'WEEK';

/** The key values of one group of Fee items: the fields named in `by` are set, the others null. */
export type FeeGroupKeys = {
  __typename?: 'FeeGroupKeys';
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. Null when the list is not grouped by it, or for the group of items without one. */
  day?: Maybe<Scalars['Date']['output']>;
  /** The member charged. Null when the list is not grouped by it, or for the group of items without one. */
  member?: Maybe<Member>;
  /** The id `member` points at; null when not grouped by it, or for items without one. */
  memberId?: Maybe<Scalars['ID']['output']>;
  /** The calendar month of the list's date field, as YYYY-MM. Null when the list is not grouped by it, or for the group of items without one. */
  month?: Maybe<Scalars['String']['output']>;
  /** The office of the fee. Null when the list is not grouped by it, or for the group of items without one. */
  office?: Maybe<Office>;
  /** The id `office` points at; null when not grouped by it, or for items without one. */
  officeId?: Maybe<Scalars['ID']['output']>;
  /** The plan the fee was created from (`plan` is null for a resource rate: `planId` names it). Null when the list is not grouped by it, or for the group of items without one. */
  plan?: Maybe<Plan>;
  /** The id `plan` points at; null when not grouped by it, or for items without one. */
  planId?: Maybe<Scalars['ID']['output']>;
  /** The approval state of the fee. Null when the list is not grouped by it, or for the group of items without one. */
  status?: Maybe<FeeStatus>;
  /** The team charged. Null when the list is not grouped by it, or for the group of items without one. */
  team?: Maybe<Team>;
  /** The id `team` points at; null when not grouped by it, or for items without one. */
  teamId?: Maybe<Scalars['ID']['output']>;
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). Null when the list is not grouped by it, or for the group of items without one. */
  week?: Maybe<Scalars['Date']['output']>;
};

/** Greatest values of the numeric fields of Fee items, over the items that have the field; null when none has. */
export type FeeMaximums = {
  __typename?: 'FeeMaximums';
  /** The unit price after discount. */
  discountedPrice?: Maybe<Scalars['Float']['output']>;
  /** The unit price before discount. */
  price?: Maybe<Scalars['Float']['output']>;
  /** The units charged. */
  quantity?: Maybe<Scalars['Float']['output']>;
};

/** Least values of the numeric fields of Fee items, over the items that have the field; null when none has. */
export type FeeMinimums = {
  __typename?: 'FeeMinimums';
  /** The unit price after discount. */
  discountedPrice?: Maybe<Scalars['Float']['output']>;
  /** The unit price before discount. */
  price?: Maybe<Scalars['Float']['output']>;
  /** The units charged. */
  quantity?: Maybe<Scalars['Float']['output']>;
};

/** One sort key of a list of Fee items. */
export type FeeOrder = {
  /** ASC (default) or DESC. */
  direction?: InputMaybe<SortDirection>;
  /** The field to sort by. */
  field: FeeSortField;
};

/** The fields a list of Fee items can be sorted by. */
export type FeeSortField =
  /** When it was created. */
  | 'CREATED_AT'
  /** The day the fee is for. */
  | 'DATE'
  /** When it last changed. */
  | 'MODIFIED_AT'
  /** The fee name. */
  | 'NAME'
  /** The unit price. */
  | 'PRICE'
  /** The approval state. */
  | 'STATUS';

/** Approval state of a one-off fee (§6.7). */
export type FeeStatus =
  /** Approved: it will be (or was) invoiced (OfficeRnD value `approved`). */
  | 'APPROVED'
  /** Waiting for an admin to approve it (OfficeRnD value `awaiting_approval`). */
  | 'AWAITING_APPROVAL'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER';

/** Sums of the numeric fields of Fee items, over the items that have the field; null when none has. */
export type FeeSums = {
  __typename?: 'FeeSums';
  /** The unit price after discount. */
  discountedPrice?: Maybe<Scalars['Float']['output']>;
  /** The unit price before discount. */
  price?: Maybe<Scalars['Float']['output']>;
  /** The units charged. */
  quantity?: Maybe<Scalars['Float']['output']>;
};

/** A floor of an office, with its floor plan. Report "Floors". */
export type Floor = {
  __typename?: 'Floor';
  /** Floor area in square millimetres, as OfficeRnD stores it. */
  area?: Maybe<Scalars['Float']['output']>;
  /** The floor plan drawing: size and image URL, as sent by OfficeRnD. */
  background?: Maybe<Scalars['JSON']['output']>;
  /** When the floor was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** Whether the floor is open for use. */
  isOpen?: Maybe<Scalars['Boolean']['output']>;
  /** When the floor last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Display name, e.g. "1st Floor". */
  name?: Maybe<Scalars['String']['output']>;
  /** Floor number or label as entered, e.g. "1" (wire `floor`; a string or a number upstream). */
  number?: Maybe<Scalars['String']['output']>;
  /** The office the floor belongs to. */
  office?: Maybe<Office>;
  /** The floor plan as shown publicly (wire `public`), as sent by OfficeRnD. */
  publicPlan?: Maybe<Scalars['JSON']['output']>;
  /** The resources (rooms, desks) on this floor. */
  resources?: Maybe<ResourceConnection>;
  /** URL slug. */
  slug?: Maybe<Scalars['String']['output']>;
};


/** A floor of an office, with its floor plan. Report "Floors". */
export type FloorResourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Floor items. Page with `first` and `after`; every item appears exactly once. */
export type FloorConnection = {
  __typename?: 'FloorConnection';
  /** The items of this page with their cursors. */
  edges: Array<FloorEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Floor>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of floors a date selection applies to (the connector's "Date Selection Criteria"); default CREATED_AT. */
export type FloorDateField =
  /** When the floor was created (`createdAt`). The default. */
  | 'CREATED_AT'
  /** When the floor last changed (`modifiedAt`). */
  | 'MODIFIED_AT';

/** One Floor of a connection, with the cursor that points just after it. */
export type FloorEdge = {
  __typename?: 'FloorEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Floor. */
  node: Floor;
};

/** A help-desk issue (ticket) raised by a member. Report "Issues" (v2 "tickets"). */
export type Issue = {
  __typename?: 'Issue';
  /** OfficeRnD staff user handling it (wire `assignedTo`); not a member. */
  assignedToId?: Maybe<Scalars['ID']['output']>;
  /** URLs of attached files. */
  attachments: Array<Scalars['String']['output']>;
  /** When it was raised. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** OfficeRnD user who created the record; not a member. */
  createdById?: Maybe<Scalars['ID']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** The member who raised it. */
  member?: Maybe<Member>;
  /** The text of the report. */
  message?: Maybe<Scalars['String']['output']>;
  /** When it last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The office it concerns. */
  office?: Maybe<Office>;
  /** Priority: id of a ticket option (wire `priority`). */
  priorityId?: Maybe<Scalars['ID']['output']>;
  /** When it was resolved (wire `resolvedDate`). */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Severity: id of a ticket option (wire `severity`). */
  severityId?: Maybe<Scalars['ID']['output']>;
  /** Where it stands. */
  status?: Maybe<IssueStatus>;
  /** Short summary of the issue. */
  subject?: Maybe<Scalars['String']['output']>;
  /** The team of the member who raised it. */
  team?: Maybe<Team>;
  /** Issue type: id of a ticket option (outside the 20 reports; wire `type`). */
  typeId?: Maybe<Scalars['ID']['output']>;
};

/** A page of Issue items. Page with `first` and `after`; every item appears exactly once. */
export type IssueConnection = {
  __typename?: 'IssueConnection';
  /** The items of this page with their cursors. */
  edges: Array<IssueEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Issue>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of issues a date selection applies to (the connector's "Date Selection Criteria"); default CREATED_AT. */
export type IssueDateField =
  /** When the issue was created (`createdAt`). The default. */
  | 'CREATED_AT'
  /** When the issue last changed (`modifiedAt`). */
  | 'MODIFIED_AT'
  /** When it was resolved (`resolvedDate`). */
  | 'RESOLVED_AT';

/** One Issue of a connection, with the cursor that points just after it. */
export type IssueEdge = {
  __typename?: 'IssueEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Issue. */
  node: Issue;
};

/** Where a help-desk issue stands (§6.9). */
export type IssueStatus =
  /** Just reported, not looked at (OfficeRnD value `new`). */
  | 'NEW'
  /** Being worked on (OfficeRnD value `open`). */
  | 'OPEN'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Waiting for someone (OfficeRnD value `pending`). */
  | 'PENDING'
  /** Resolved (OfficeRnD value `resolved`). */
  | 'RESOLVED';

/** A person: a member of the space, possibly part of a team (company). Report "Members". */
export type Member = {
  __typename?: 'Member';
  /** Postal address. */
  address?: Maybe<Address>;
  /** Bookings made by this member. */
  bookings?: Maybe<BookingConnection>;
  /** Status OfficeRnD derives from memberships and activity (e.g. DROP_IN). */
  calculatedStatus?: Maybe<MemberStatus>;
  /** Check-ins of this member. */
  checkins?: Maybe<CheckinConnection>;
  /** When the member was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The credit accounts of this member in a month (or in every month a date selection touches), in month order. */
  creditAccounts?: Maybe<Array<CreditAccount>>;
  /** Free-text profile description. */
  description?: Maybe<Scalars['String']['output']>;
  /** E-mail address; null, with an UPSTREAM_INVALID_DATA error at this path, when OfficeRnD holds one that is not valid. */
  email?: Maybe<Scalars['EmailAddress']['output']>;
  /** One-off fees charged to this member. */
  fees?: Maybe<FeeConnection>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** Avatar URL. */
  image?: Maybe<Scalars['String']['output']>;
  /** Whether this member receives the team's invoices. */
  isBillingPerson?: Maybe<Scalars['Boolean']['output']>;
  /** Whether this member is the contact person of the team. */
  isContactPerson?: Maybe<Scalars['Boolean']['output']>;
  /** Last login to the member portal or app. */
  lastLogin?: Maybe<Scalars['DateTime']['output']>;
  /** Memberships (recurring plans) of this member. */
  memberships?: Maybe<MembershipConnection>;
  /** When the member last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Full name. */
  name?: Maybe<Scalars['String']['output']>;
  /** The member's home office. */
  office?: Maybe<Office>;
  /** Invoices and credit notes addressed to this member. */
  payments?: Maybe<PaymentConnection>;
  /** Phone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Custom properties, keyed by property key. */
  properties?: Maybe<Scalars['JSON']['output']>;
  /** The day the member started. */
  startDate?: Maybe<Scalars['Date']['output']>;
  /** Status set on the member. */
  status?: Maybe<MemberStatus>;
  /** Tags set by admins. */
  tags?: Maybe<Array<Scalars['String']['output']>>;
  /** The team (company) the member belongs to. */
  team?: Maybe<Team>;
};


/** A person: a member of the space, possibly part of a team (company). Report "Members". */
export type MemberBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person: a member of the space, possibly part of a team (company). Report "Members". */
export type MemberCheckinsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person: a member of the space, possibly part of a team (company). Report "Members". */
export type MemberCreditAccountsArgs = {
  dates?: InputMaybe<DateSelection>;
  month?: InputMaybe<Scalars['String']['input']>;
};


/** A person: a member of the space, possibly part of a team (company). Report "Members". */
export type MemberFeesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person: a member of the space, possibly part of a team (company). Report "Members". */
export type MemberMembershipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person: a member of the space, possibly part of a team (company). Report "Members". */
export type MemberPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Member items. Page with `first` and `after`; every item appears exactly once. */
export type MemberConnection = {
  __typename?: 'MemberConnection';
  /** The items of this page with their cursors. */
  edges: Array<MemberEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Member>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of members a date selection applies to (the connector's "Date Selection Criteria"); default START_DATE. */
export type MemberDateField =
  /** When the member was created (`createdAt`). */
  | 'CREATED_AT'
  /** Last login to the member portal or app (checked on our side only). */
  | 'LAST_LOGIN'
  /** When the member last changed (`modifiedAt`). */
  | 'MODIFIED_AT'
  /** The day the member started. The default. */
  | 'START_DATE';

/** One Member of a connection, with the cursor that points just after it. */
export type MemberEdge = {
  __typename?: 'MemberEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Member. */
  node: Member;
};

/** One sort key of a list of Member items. */
export type MemberOrder = {
  /** ASC (default) or DESC. */
  direction?: InputMaybe<SortDirection>;
  /** The field to sort by. */
  field: MemberSortField;
};

/** The fields a list of Member items can be sorted by. */
export type MemberSortField =
  /** When it was created. */
  | 'CREATED_AT'
  /** When it last changed. */
  | 'MODIFIED_AT'
  /** The member name. */
  | 'NAME'
  /** The start date. */
  | 'START_DATE'
  /** The status. */
  | 'STATUS';

/** Where a member stands with the organization (§6.10). */
export type MemberStatus =
  /** An active member (OfficeRnD value `active`). */
  | 'ACTIVE'
  /** A contact, not (yet) a member (OfficeRnD value `contact`). */
  | 'CONTACT'
  /** A drop-in visitor without a recurring membership (OfficeRnD value `drop-in`). */
  | 'DROP_IN'
  /** A former member (OfficeRnD value `former`). */
  | 'FORMER'
  /** A sales lead (OfficeRnD value `lead`). */
  | 'LEAD'
  /** Rejected by an admin (OfficeRnD value `not_approved`). */
  | 'NOT_APPROVED'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Awaiting approval or activation (OfficeRnD value `pending`). */
  | 'PENDING';

/** A recurring plan subscription of a member or team (desk, office, hot-desk …). Report "Memberships". */
export type Membership = {
  __typename?: 'Membership';
  /** Add-ons of the membership, as OfficeRnD sends them. */
  addOns?: Maybe<Scalars['JSON']['output']>;
  /** Discount per interval in money. */
  calculatedDiscountAmount?: Maybe<Scalars['Float']['output']>;
  /** Live state derived by OfficeRnD (not started, active, expired). */
  calculatedStatus?: Maybe<MembershipCalculatedStatus>;
  /** The contract it was created from, when OfficeRnD reports one (v2 field). */
  contract?: Maybe<Contract>;
  /** When it was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** OfficeRnD staff user who created it; not a member. */
  createdById?: Maybe<Scalars['ID']['output']>;
  /** Deposit held for the membership. */
  deposit?: Maybe<Scalars['Float']['output']>;
  /** Discount as entered (amount or percentage, per the discount definition). */
  discountAmount?: Maybe<Scalars['Float']['output']>;
  /** The discount definition applied (outside the 20 reports). */
  discountId?: Maybe<Scalars['ID']['output']>;
  /** Price per interval after discounts. */
  discountedPrice?: Maybe<Scalars['Float']['output']>;
  /** Last day of the membership; null for open-ended month-to-month memberships. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** Fee entries attached to the membership, as OfficeRnD sends them. */
  fees?: Maybe<Scalars['JSON']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** How many billing periods make one interval (e.g. 3 months). */
  intervalCount?: Maybe<Scalars['Int']['output']>;
  /** The billing period the price is for. */
  intervalLength?: Maybe<MembershipInterval>;
  /** Invoice entries of the membership, as OfficeRnD sends them. */
  invoices?: Maybe<Scalars['JSON']['output']>;
  /** Whether it is locked against edits (wire `locked`). */
  isLocked?: Maybe<Scalars['Boolean']['output']>;
  /** Whether it is billed to the member personally rather than to the team. */
  isPersonal?: Maybe<Scalars['Boolean']['output']>;
  /** The member it is for (set on personal memberships). */
  member?: Maybe<Member>;
  /** When it last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** OfficeRnD staff user who last changed it; not a member. */
  modifiedById?: Maybe<Scalars['ID']['output']>;
  /** A scheduled move to another resource. */
  move?: Maybe<MembershipMove>;
  /** Display name, usually the plan name. */
  name?: Maybe<Scalars['String']['output']>;
  /** The office it is sold in. */
  office?: Maybe<Office>;
  /** The price plan subscribed to. */
  plan?: Maybe<Plan>;
  /** List price per interval, in the organization currency. */
  price?: Maybe<Scalars['Float']['output']>;
  /** Custom properties, keyed by property key. */
  properties?: Maybe<Scalars['JSON']['output']>;
  /** Where the membership was created (admin, portal, API …). */
  source?: Maybe<Scalars['String']['output']>;
  /** First day of the membership. */
  startDate?: Maybe<Scalars['Date']['output']>;
  /** Approval status set by admins. */
  status?: Maybe<MembershipStatus>;
  /** The team billed for it. */
  team?: Maybe<Team>;
  /** Open-ended or fixed term. */
  type?: Maybe<MembershipType>;
};

/** Numbers over every Membership item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type MembershipAggregate = {
  __typename?: 'MembershipAggregate';
  /** Averages of the numeric fields over every matching item. */
  avg: MembershipAverages;
  /** How many items match (equals the list's `totalCount`). */
  count: Scalars['Int']['output'];
  /** The matching items grouped by the keys in `by`: one group per combination of key values that occurs (items without a value form their own group, key null). Time buckets (DAY, WEEK, MONTH) read the list's `dateField` (its default without one) in `timeZone`. */
  groupBy: Array<MembershipGroup>;
  /** Greatest values of the numeric fields over every matching item. */
  max: MembershipMaximums;
  /** Least values of the numeric fields over every matching item. */
  min: MembershipMinimums;
  /** Sums of the numeric fields over every matching item. */
  sum: MembershipSums;
};


/** Numbers over every Membership item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type MembershipAggregateGroupByArgs = {
  by: Array<MembershipGroupBy>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AggregateGroupOrder>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  weekStartsOn?: InputMaybe<Weekday>;
};

/** Averages of the numeric fields of Membership items, over the items that have the field; null when none has. */
export type MembershipAverages = {
  __typename?: 'MembershipAverages';
  /** The deposit held. */
  deposit?: Maybe<Scalars['Float']['output']>;
  /** The price per interval after discounts. */
  discountedPrice?: Maybe<Scalars['Float']['output']>;
  /** The list price per interval. */
  price?: Maybe<Scalars['Float']['output']>;
};

/** The live state of a membership, derived by OfficeRnD from its dates and approval (§6.11; use this for "is it running now"). */
export type MembershipCalculatedStatus =
  /** Running now (OfficeRnD value `active`). */
  | 'ACTIVE'
  /** Its end date has passed (OfficeRnD value `expired`). */
  | 'EXPIRED'
  /** Not approved, so not running (OfficeRnD value `not_approved`). */
  | 'NOT_APPROVED'
  /** Approved but its start date is still ahead (OfficeRnD value `not_started`). */
  | 'NOT_STARTED'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER';

/** A page of Membership items. Page with `first` and `after`; every item appears exactly once. */
export type MembershipConnection = {
  __typename?: 'MembershipConnection';
  /** Count, sums, averages and groups of every Membership item this list matches (its filters and dates, whatever `first`/`after`): read once per request with `totalCount` (same cost and scan cap). */
  aggregate: MembershipAggregate;
  /** The items of this page with their cursors. */
  edges: Array<MembershipEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Membership>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of memberships a date selection applies to (the connector's "Date Selection Criteria"); default START_DATE. */
export type MembershipDateField =
  /** When the membership was created (`createdAt`). */
  | 'CREATED_AT'
  /** Last day of the membership (open-ended memberships have none). */
  | 'END_DATE'
  /** When the membership last changed (`modifiedAt`). */
  | 'MODIFIED_AT'
  /** First day of the membership. The default. */
  | 'START_DATE';

/** One Membership of a connection, with the cursor that points just after it. */
export type MembershipEdge = {
  __typename?: 'MembershipEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Membership. */
  node: Membership;
};

/** One group of Membership items: its keys, how many items it has, and their sums and averages. */
export type MembershipGroup = {
  __typename?: 'MembershipGroup';
  /** Averages over the group. */
  avg: MembershipAverages;
  /** How many items the group has. */
  count: Scalars['Int']['output'];
  /** The key values of the group. */
  keys: MembershipGroupKeys;
  /** Greatest values in the group. */
  max: MembershipMaximums;
  /** Least values in the group. */
  min: MembershipMinimums;
  /** Sums over the group. */
  sum: MembershipSums;
};

/** What Membership items can be grouped by in `aggregate.groupBy` (the exports' `groupBy` takes the same, in lower case). */
export type MembershipGroupBy =
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. */
  | 'DAY'
  /** The member of the membership. */
  | 'MEMBER'
  /** The calendar month of the list's date field, as YYYY-MM. */
  | 'MONTH'
  /** The office of the membership. */
  | 'OFFICE'
  /** The membership plan. */
  | 'PLAN'
  /** The approval status. */
  | 'STATUS'
  /** The team of the membership. */
  | 'TEAM'
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). */
  | 'WEEK';

/** The key values of one group of Membership items: the fields named in `by` are set, the others null. */
export type MembershipGroupKeys = {
  __typename?: 'MembershipGroupKeys';
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. Null when the list is not grouped by it, or for the group of items without one. */
  day?: Maybe<Scalars['Date']['output']>;
  /** The member of the membership. Null when the list is not grouped by it, or for the group of items without one. */
  member?: Maybe<Member>;
  /** The id `member` points at; null when not grouped by it, or for items without one. */
  memberId?: Maybe<Scalars['ID']['output']>;
  /** The calendar month of the list's date field, as YYYY-MM. Null when the list is not grouped by it, or for the group of items without one. */
  month?: Maybe<Scalars['String']['output']>;
  /** The office of the membership. Null when the list is not grouped by it, or for the group of items without one. */
  office?: Maybe<Office>;
  /** The id `office` points at; null when not grouped by it, or for items without one. */
  officeId?: Maybe<Scalars['ID']['output']>;
  /** The membership plan. Null when the list is not grouped by it, or for the group of items without one. */
  plan?: Maybe<Plan>;
  /** The id `plan` points at; null when not grouped by it, or for items without one. */
  planId?: Maybe<Scalars['ID']['output']>;
  /** The approval status. Null when the list is not grouped by it, or for the group of items without one. */
  status?: Maybe<MembershipStatus>;
  /** The team of the membership. Null when the list is not grouped by it, or for the group of items without one. */
  team?: Maybe<Team>;
  /** The id `team` points at; null when not grouped by it, or for items without one. */
  teamId?: Maybe<Scalars['ID']['output']>;
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). Null when the list is not grouped by it, or for the group of items without one. */
  week?: Maybe<Scalars['Date']['output']>;
};

/** The billing period a membership price is for (§6.11). */
export type MembershipInterval =
  /** Per day (OfficeRnD value `day`). */
  | 'DAY'
  /** Per hour (OfficeRnD value `hour`). */
  | 'HOUR'
  /** Per month (OfficeRnD value `month`). */
  | 'MONTH'
  /** Charged once (OfficeRnD value `once`). */
  | 'ONCE'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER';

/** Greatest values of the numeric fields of Membership items, over the items that have the field; null when none has. */
export type MembershipMaximums = {
  __typename?: 'MembershipMaximums';
  /** The deposit held. */
  deposit?: Maybe<Scalars['Float']['output']>;
  /** The price per interval after discounts. */
  discountedPrice?: Maybe<Scalars['Float']['output']>;
  /** The list price per interval. */
  price?: Maybe<Scalars['Float']['output']>;
};

/** Least values of the numeric fields of Membership items, over the items that have the field; null when none has. */
export type MembershipMinimums = {
  __typename?: 'MembershipMinimums';
  /** The deposit held. */
  deposit?: Maybe<Scalars['Float']['output']>;
  /** The price per interval after discounts. */
  discountedPrice?: Maybe<Scalars['Float']['output']>;
  /** The list price per interval. */
  price?: Maybe<Scalars['Float']['output']>;
};

/** A scheduled move of a membership to another resource (v1 `move`). */
export type MembershipMove = {
  __typename?: 'MembershipMove';
  /** Last day on the new resource, if bounded. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** The membership that continues after the move, when OfficeRnD created one. */
  membership?: Maybe<Membership>;
  /** The resource the membership moves to. */
  resource?: Maybe<Resource>;
  /** First day on the new resource. */
  startDate?: Maybe<Scalars['Date']['output']>;
};

/** One sort key of a list of Membership items. */
export type MembershipOrder = {
  /** ASC (default) or DESC. */
  direction?: InputMaybe<SortDirection>;
  /** The field to sort by. */
  field: MembershipSortField;
};

/** The fields a list of Membership items can be sorted by. */
export type MembershipSortField =
  /** When it was created. */
  | 'CREATED_AT'
  /** The end date. */
  | 'END_DATE'
  /** When it last changed. */
  | 'MODIFIED_AT'
  /** The membership name. */
  | 'NAME'
  /** The price. */
  | 'PRICE'
  /** The start date. */
  | 'START_DATE'
  /** The approval status. */
  | 'STATUS';

/** Whether an admin approved a membership (§6.11). */
export type MembershipStatus =
  /** Approved (OfficeRnD value `approved`). */
  | 'APPROVED'
  /** Not (yet) approved (OfficeRnD value `not_approved`). */
  | 'NOT_APPROVED'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER';

/** Sums of the numeric fields of Membership items, over the items that have the field; null when none has. */
export type MembershipSums = {
  __typename?: 'MembershipSums';
  /** The deposit held. */
  deposit?: Maybe<Scalars['Float']['output']>;
  /** The price per interval after discounts. */
  discountedPrice?: Maybe<Scalars['Float']['output']>;
  /** The list price per interval. */
  price?: Maybe<Scalars['Float']['output']>;
};

/** How long a membership runs (§6.11). */
export type MembershipType =
  /** Runs for a fixed term with an end date (OfficeRnD value `fixed`). */
  | 'FIXED'
  /** Open-ended, renewed every period until ended (OfficeRnD value `month_to_month`). */
  | 'MONTH_TO_MONTH'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER';

/** A physical location of the organization (a building or site). OfficeRnD v1 `/offices`, v2 "locations". */
export type Office = {
  __typename?: 'Office';
  /** Street address as one line. */
  address?: Maybe<Scalars['String']['output']>;
  /** City. */
  city?: Maybe<Scalars['String']['output']>;
  /** Short code used in numbering and reports. */
  code?: Maybe<Scalars['String']['output']>;
  /** Country. */
  country?: Maybe<Scalars['String']['output']>;
  /** When it was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** The floors of this office. */
  floors?: Maybe<FloorConnection>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** Image URL. */
  image?: Maybe<Scalars['String']['output']>;
  /** Whether the location is open for business. */
  isOpen?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the location is shown publicly. */
  isPublic?: Maybe<Scalars['Boolean']['output']>;
  /** When it last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Display name. */
  name?: Maybe<Scalars['String']['output']>;
  /** Sort order set by admins. */
  order?: Maybe<Scalars['Int']['output']>;
  /** Custom properties, keyed by property key. */
  properties?: Maybe<Scalars['JSON']['output']>;
  /** The bookable and assignable resources (rooms, desks) of this office. */
  resources?: Maybe<ResourceConnection>;
  /** URL slug. */
  slug?: Maybe<Scalars['String']['output']>;
  /** State or region. */
  state?: Maybe<Scalars['String']['output']>;
  /** IANA time zone of the location, e.g. Europe/London. */
  timeZone?: Maybe<Scalars['String']['output']>;
  /** Postal code. */
  zip?: Maybe<Scalars['String']['output']>;
};


/** A physical location of the organization (a building or site). OfficeRnD v1 `/offices`, v2 "locations". */
export type OfficeFloorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A physical location of the organization (a building or site). OfficeRnD v1 `/offices`, v2 "locations". */
export type OfficeResourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Office items. Page with `first` and `after`; every item appears exactly once. */
export type OfficeConnection = {
  __typename?: 'OfficeConnection';
  /** The items of this page with their cursors. */
  edges: Array<OfficeEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Office>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of offices a date selection applies to (the connector's "Date Selection Criteria"); default CREATED_AT. */
export type OfficeDateField =
  /** When the office was created (`createdAt`). The default. */
  | 'CREATED_AT'
  /** When the office last changed (`modifiedAt`). */
  | 'MODIFIED_AT';

/** One Office of a connection, with the cursor that points just after it. */
export type OfficeEdge = {
  __typename?: 'OfficeEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Office. */
  node: Office;
};

/** Something changed in OfficeRnD: a verified webhook event (shared/officernd-api.md §8a). It names the object, not its new state: read it again. */
export type OfficeRnDChange = {
  __typename?: 'OfficeRnDChange';
  /** The part of the event type after the object: `created`, `updated`, `removed`… */
  action: Scalars['String']['output'];
  /** The collection of the changed object; null for an event type the gateway does not know. */
  collection?: Maybe<OfficeRnDCollection>;
  /** The event type as OfficeRnD sent it, e.g. `booking.created` or `member.updated`. */
  eventType: Scalars['String']['output'];
  /** The OfficeRnD id of the changed object, when the event names one. */
  id?: Maybe<Scalars['ID']['output']>;
  /** When the gateway received the event. */
  time: Scalars['DateTime']['output'];
};

/** An OfficeRnD collection (one of the lists of the graph), as named in change events. */
export type OfficeRnDCollection =
  /** OfficeRnD's `bookings`. */
  | 'BOOKINGS'
  /** OfficeRnD's `charges`. */
  | 'CHARGES'
  /** OfficeRnD's `checkins`. */
  | 'CHECKINS'
  /** OfficeRnD's `contracts`. */
  | 'CONTRACTS'
  /** OfficeRnD's `fees`. */
  | 'FEES'
  /** OfficeRnD's `floors`. */
  | 'FLOORS'
  /** OfficeRnD's `issues`. */
  | 'ISSUES'
  /** OfficeRnD's `members`. */
  | 'MEMBERS'
  /** OfficeRnD's `memberships`. */
  | 'MEMBERSHIPS'
  /** OfficeRnD's `offices`. */
  | 'OFFICES'
  /** OfficeRnD's `passes`. */
  | 'PASSES'
  /** OfficeRnD's `payments`. */
  | 'PAYMENTS'
  /** OfficeRnD's `plans`. */
  | 'PLANS'
  /** OfficeRnD's `rates`. */
  | 'RATES'
  /** OfficeRnD's `resources`. */
  | 'RESOURCES'
  /** OfficeRnD's `resource-types`. */
  | 'RESOURCE_TYPES'
  /** OfficeRnD's `teams`. */
  | 'TEAMS'
  /** OfficeRnD's `visits`. */
  | 'VISITS';

/** Where a page of a connection starts and ends, and whether items precede or follow it. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor after the last item of this page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when another page may follow: pass `endCursor` as `after` to read it. False for `first: 0`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when matching items precede this page (it was read with an `after` cursor that follows some). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of this page; null when the page is empty or its rows carry no cursors (report rows). */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A set of day passes granted to a member or team, once or every month. Report "Passes". */
export type Pass = {
  __typename?: 'Pass';
  /** How many passes the set grants. */
  count?: Maybe<Scalars['Int']['output']>;
  /** When it was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** OfficeRnD staff user who created it; not a member. */
  createdById?: Maybe<Scalars['ID']['output']>;
  /** Last day of the set. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** The one-off fee the passes were bought with. */
  fee?: Maybe<Fee>;
  /** Whether holding the passes makes the holder an active member (wire `shouldGrantActiveStatus`). */
  grantsActiveStatus?: Maybe<Scalars['Boolean']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** Granted once or every month. */
  intervalLength?: Maybe<PassInterval>;
  /** Whether the passes are the member's own rather than the team's. */
  isPersonal?: Maybe<Scalars['Boolean']['output']>;
  /** The member holding the passes. */
  member?: Maybe<Member>;
  /** The membership that grants the passes, for monthly sets. */
  membership?: Maybe<Membership>;
  /** When it last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** OfficeRnD staff user who last changed it; not a member. */
  modifiedById?: Maybe<Scalars['ID']['output']>;
  /** How many passes are left (count minus used). */
  remainingCount?: Maybe<Scalars['Int']['output']>;
  /** When a monthly set is next renewed. */
  renewDate?: Maybe<Scalars['Date']['output']>;
  /** The kind of resource the passes are for, as a resource-type key (e.g. hotdesk). */
  resourceType?: Maybe<Scalars['String']['output']>;
  /** First day of the set. */
  startDate?: Maybe<Scalars['Date']['output']>;
  /** Whether the set can still be used. */
  status?: Maybe<PassStatus>;
  /** The team holding the passes. */
  team?: Maybe<Team>;
  /** How many passes were used (wire `used`; v2 `usedCount`). */
  usedCount?: Maybe<Scalars['Int']['output']>;
  /** From when the passes can be used. */
  validFrom?: Maybe<Scalars['DateTime']['output']>;
  /** Until when the passes can be used. */
  validTo?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of Pass items. Page with `first` and `after`; every item appears exactly once. */
export type PassConnection = {
  __typename?: 'PassConnection';
  /** The items of this page with their cursors. */
  edges: Array<PassEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Pass>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of pass sets a date selection applies to (the connector's "Date Selection Criteria"); default START_DATE. */
export type PassDateField =
  /** When the pass set was created (`createdAt`). */
  | 'CREATED_AT'
  /** Last day of the set. */
  | 'END_DATE'
  /** When the pass set last changed (`modifiedAt`). */
  | 'MODIFIED_AT'
  /** First day of the set. The default. */
  | 'START_DATE'
  /** From when the passes can be used (checked on our side only). */
  | 'VALID_FROM'
  /** Until when the passes can be used (checked on our side only). */
  | 'VALID_TO';

/** One Pass of a connection, with the cursor that points just after it. */
export type PassEdge = {
  __typename?: 'PassEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Pass. */
  node: Pass;
};

/** How often a day-pass set is granted (§6.13). */
export type PassInterval =
  /** Renewed every month (from a membership) (OfficeRnD value `month`). */
  | 'MONTH'
  /** Granted once (OfficeRnD value `once`). */
  | 'ONCE'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER';

/** Whether a day-pass set can still be used (§6.13). */
export type PassStatus =
  /** Its validity has ended (OfficeRnD value `expired`). */
  | 'EXPIRED'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Not valid yet (OfficeRnD value `pending`). */
  | 'PENDING'
  /** All passes used up (OfficeRnD value `used`). */
  | 'USED'
  /** Can be used (OfficeRnD value `valid`). */
  | 'VALID';

/** A billing document: an invoice, credit note or overpayment, with its lines and allocations. Report "Payments". */
export type Payment = {
  __typename?: 'Payment';
  /** Accounting-system sync state. */
  accounting?: Maybe<Accounting>;
  /** How much has been settled by credit notes or overpayments. */
  allocatedAmount?: Maybe<Scalars['Float']['output']>;
  /** Amounts of this credit note or overpayment applied to other documents. */
  allocations: Array<PaymentAllocation>;
  /** The amount of the document as OfficeRnD reports it (wire `amount`). */
  amount?: Maybe<Scalars['Float']['output']>;
  /** The total in the organization's base currency. */
  baseTotal?: Maybe<Scalars['Float']['output']>;
  /** Whether OfficeRnD still allows deleting it. */
  canDelete?: Maybe<Scalars['Boolean']['output']>;
  /** Whether OfficeRnD still allows editing it. */
  canEdit?: Maybe<Scalars['Boolean']['output']>;
  /** Whether OfficeRnD allows voiding it. */
  canVoid?: Maybe<Scalars['Boolean']['output']>;
  /** The payment transactions against this document: the ones embedded in it when it carries them, else the charges that point at it. */
  charges?: Maybe<ChargeConnection>;
  /** Comments printed on the document. */
  comments?: Maybe<Scalars['String']['output']>;
  /** When the document was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The OfficeRnD user (staff account, not a member) who created it. */
  createdById?: Maybe<Scalars['ID']['output']>;
  /** ISO currency code; null means the organization's currency. */
  currency?: Maybe<Scalars['String']['output']>;
  /** Rate from the document currency to the organization's base currency. */
  currencyConversionRate?: Maybe<Scalars['Float']['output']>;
  /** The issue date of the document. */
  date?: Maybe<Scalars['Date']['output']>;
  /** Document-level discount as a number; null when a discount id was sent. */
  discount?: Maybe<Scalars['Float']['output']>;
  /** Discount over the whole document, as an amount. */
  discountAmount?: Maybe<Scalars['Float']['output']>;
  /** Invoice, credit note or overpayment (an absent value upstream means invoice). */
  documentType?: Maybe<PaymentDocumentType>;
  /** The day payment is due. */
  dueDate?: Maybe<Scalars['Date']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** True while the document is a draft. */
  isDraft?: Maybe<Scalars['Boolean']['output']>;
  /** True when the last payment attempt failed. */
  isFailed?: Maybe<Scalars['Boolean']['output']>;
  /** True when unpaid after its due date. */
  isOverdue?: Maybe<Scalars['Boolean']['output']>;
  /** True when paid in full. */
  isPaid?: Maybe<Scalars['Boolean']['output']>;
  /** True when addressed to the member personally rather than to the team. */
  isPersonal?: Maybe<Scalars['Boolean']['output']>;
  /** True when the document was sent to the customer. */
  isSent?: Maybe<Scalars['Boolean']['output']>;
  /** True when the document was voided. */
  isVoided?: Maybe<Scalars['Boolean']['output']>;
  /** What the document bills, line by line (wire `invoiceLines`, or `lines`). */
  lines: Array<PaymentLine>;
  /** Other documents linked to this one, as sent upstream. */
  linkedDocuments?: Maybe<Scalars['JSON']['output']>;
  /** The member billed. */
  member?: Maybe<Member>;
  /** When the document last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Document number as printed, e.g. INV-6. */
  number?: Maybe<Scalars['String']['output']>;
  /** The office that issued the document. */
  office?: Maybe<Office>;
  /** How much has been paid by charges. */
  paidAmount?: Maybe<Scalars['Float']['output']>;
  /** How much is still to be paid. */
  payableAmount?: Maybe<Scalars['Float']['output']>;
  /** How much is in payments not settled yet. */
  pendingAmount?: Maybe<Scalars['Float']['output']>;
  /** Last day of the billing period covered. */
  periodEnd?: Maybe<Scalars['Date']['output']>;
  /** First day of the billing period covered. */
  periodStart?: Maybe<Scalars['Date']['output']>;
  /** The card-processing fee line added to the document, as sent upstream. */
  processingFeeLine?: Maybe<Scalars['JSON']['output']>;
  /** Free reference text (e.g. a purchase-order number). */
  reference?: Maybe<Scalars['String']['output']>;
  /** Where the document was created (OfficeRnD or an accounting integration). */
  source?: Maybe<Scalars['String']['output']>;
  /** Where the document stands: draft, awaiting payment, paid, voided …. */
  status?: Maybe<PaymentStatus>;
  /** Sum of the lines after discount, before tax. */
  subtotal?: Maybe<Scalars['Float']['output']>;
  /** Whether prices on the document include tax. */
  taxType?: Maybe<TaxType>;
  /** The team (company) billed. */
  team?: Maybe<Team>;
  /** Sum of the lines including tax. */
  totalAmount?: Maybe<Scalars['Float']['output']>;
  /** Tax summed per tax rate. */
  vatAmounts: Array<PaymentVatAmount>;
};


/** A billing document: an invoice, credit note or overpayment, with its lines and allocations. Report "Payments". */
export type PaymentChargesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Numbers over every Payment item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type PaymentAggregate = {
  __typename?: 'PaymentAggregate';
  /** Averages of the numeric fields over every matching item. */
  avg: PaymentAverages;
  /** How many items match (equals the list's `totalCount`). */
  count: Scalars['Int']['output'];
  /** The matching items grouped by the keys in `by`: one group per combination of key values that occurs (items without a value form their own group, key null). Time buckets (DAY, WEEK, MONTH) read the list's `dateField` (its default without one) in `timeZone`. */
  groupBy: Array<PaymentGroup>;
  /** Greatest values of the numeric fields over every matching item. */
  max: PaymentMaximums;
  /** Least values of the numeric fields over every matching item. */
  min: PaymentMinimums;
  /** Sums of the numeric fields over every matching item. */
  sum: PaymentSums;
};


/** Numbers over every Payment item the list matches (its filters and dates, whatever `first`/`after`), worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer. */
export type PaymentAggregateGroupByArgs = {
  by: Array<PaymentGroupBy>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AggregateGroupOrder>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  weekStartsOn?: InputMaybe<Weekday>;
};

/** Part of a credit note or overpayment applied to another document (usually an invoice it settles). */
export type PaymentAllocation = {
  __typename?: 'PaymentAllocation';
  /** Accounting-system sync state. */
  accounting?: Maybe<Accounting>;
  /** The amount applied. */
  amount?: Maybe<Scalars['Float']['output']>;
  /** When the allocation was made. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The kind of the target document. */
  documentType?: Maybe<PaymentDocumentType>;
  /** The OfficeRnD id of the allocation. */
  id: Scalars['ID']['output'];
  /** The document the amount is applied to. */
  target?: Maybe<Payment>;
};

/** Averages of the numeric fields of Payment items, over the items that have the field; null when none has. */
export type PaymentAverages = {
  __typename?: 'PaymentAverages';
  /** The amount, as OfficeRnD sends it (wire `amount`). */
  amount?: Maybe<Scalars['Float']['output']>;
  /** How much has been paid. */
  paidAmount?: Maybe<Scalars['Float']['output']>;
  /** How much is still to be paid. */
  payableAmount?: Maybe<Scalars['Float']['output']>;
  /** The sum of the lines after discount, before tax. */
  subtotal?: Maybe<Scalars['Float']['output']>;
  /** The total, tax included. */
  totalAmount?: Maybe<Scalars['Float']['output']>;
};

/** A page of Payment items. Page with `first` and `after`; every item appears exactly once. */
export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  /** Count, sums, averages and groups of every Payment item this list matches (its filters and dates, whatever `first`/`after`): read once per request with `totalCount` (same cost and scan cap). */
  aggregate: PaymentAggregate;
  /** The items of this page with their cursors. */
  edges: Array<PaymentEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Payment>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of payments a date selection applies to (the connector's "Date Selection Criteria"); default DATE. */
export type PaymentDateField =
  /** When the document was created (`createdAt`). */
  | 'CREATED_AT'
  /** The issue date of the document. The default. */
  | 'DATE'
  /** The day payment is due. */
  | 'DUE_DATE'
  /** When the document last changed (`modifiedAt`). */
  | 'MODIFIED_AT';

/** What kind of billing document a payment is (§6.14). */
export type PaymentDocumentType =
  /** A credit note: money given back, allocated against invoices (OfficeRnD value `creditNote`). */
  | 'CREDIT_NOTE'
  /** An invoice: money owed by the member or team (OfficeRnD value `invoice`). */
  | 'INVOICE'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Money received beyond what was invoiced (OfficeRnD value `overpayment`). */
  | 'OVERPAYMENT'
  /** A document created for a standalone payment transaction (OfficeRnD value `paymentCharge`). */
  | 'PAYMENT_CHARGE';

/** One Payment of a connection, with the cursor that points just after it. */
export type PaymentEdge = {
  __typename?: 'PaymentEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Payment. */
  node: Payment;
};

/** One group of Payment items: its keys, how many items it has, and their sums and averages. */
export type PaymentGroup = {
  __typename?: 'PaymentGroup';
  /** Averages over the group. */
  avg: PaymentAverages;
  /** How many items the group has. */
  count: Scalars['Int']['output'];
  /** The key values of the group. */
  keys: PaymentGroupKeys;
  /** Greatest values in the group. */
  max: PaymentMaximums;
  /** Least values in the group. */
  min: PaymentMinimums;
  /** Sums over the group. */
  sum: PaymentSums;
};

/** What Payment items can be grouped by in `aggregate.groupBy` (the exports' `groupBy` takes the same, in lower case). */
export type PaymentGroupBy =
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. */
  | 'DAY'
  /** The kind of document (invoice, credit note …). */
  | 'DOCUMENT_TYPE'
  /** The member billed. */
  | 'MEMBER'
  /** The calendar month of the list's date field, as YYYY-MM. */
  | 'MONTH'
  /** The office the document was issued by. */
  | 'OFFICE'
  /** The status of the document. */
  | 'STATUS'
  /** The team billed. */
  | 'TEAM'
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). */
  | 'WEEK';

/** The key values of one group of Payment items: the fields named in `by` are set, the others null. */
export type PaymentGroupKeys = {
  __typename?: 'PaymentGroupKeys';
  /** The local day of the list's date field (`dateField`), as YYYY-MM-DD. Null when the list is not grouped by it, or for the group of items without one. */
  day?: Maybe<Scalars['Date']['output']>;
  /** The kind of document (invoice, credit note …). Null when the list is not grouped by it, or for the group of items without one. */
  documentType?: Maybe<PaymentDocumentType>;
  /** The member billed. Null when the list is not grouped by it, or for the group of items without one. */
  member?: Maybe<Member>;
  /** The id `member` points at; null when not grouped by it, or for items without one. */
  memberId?: Maybe<Scalars['ID']['output']>;
  /** The calendar month of the list's date field, as YYYY-MM. Null when the list is not grouped by it, or for the group of items without one. */
  month?: Maybe<Scalars['String']['output']>;
  /** The office the document was issued by. Null when the list is not grouped by it, or for the group of items without one. */
  office?: Maybe<Office>;
  /** The id `office` points at; null when not grouped by it, or for items without one. */
  officeId?: Maybe<Scalars['ID']['output']>;
  /** The status of the document. Null when the list is not grouped by it, or for the group of items without one. */
  status?: Maybe<PaymentStatus>;
  /** The team billed. Null when the list is not grouped by it, or for the group of items without one. */
  team?: Maybe<Team>;
  /** The id `team` points at; null when not grouped by it, or for items without one. */
  teamId?: Maybe<Scalars['ID']['output']>;
  /** The week of the list's date field, named by its first day (YYYY-MM-DD; weeks start on `weekStartsOn`). Null when the list is not grouped by it, or for the group of items without one. */
  week?: Maybe<Scalars['Date']['output']>;
};

/** One line of an invoice or credit note: what was billed, for which period, at what price and tax. */
export type PaymentLine = {
  __typename?: 'PaymentLine';
  /** The revenue account the line is booked to (not one of the reports). */
  accountId?: Maybe<Scalars['ID']['output']>;
  /** Add-ons billed with the line, as sent upstream. */
  addOns?: Maybe<Scalars['JSON']['output']>;
  /** Line total in the organization's base currency. */
  baseTotal?: Maybe<Scalars['Float']['output']>;
  /** Unit price in the organization's base currency. */
  baseUnitPrice?: Maybe<Scalars['Float']['output']>;
  /** The text of the line as printed on the document. */
  description?: Maybe<Scalars['String']['output']>;
  /** Discount on the line as a number (percent or amount, as set upstream); null when a discount id was sent. */
  discount?: Maybe<Scalars['Float']['output']>;
  /** Discount on the line, as an amount. */
  discountAmount?: Maybe<Scalars['Float']['output']>;
  /** The discount definition applied (not one of the reports). */
  discountId?: Maybe<Scalars['ID']['output']>;
  /** Last day of the period billed. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** The one-off fee billed on this line. */
  fee?: Maybe<Fee>;
  /** The membership whose period this line bills. */
  membership?: Maybe<Membership>;
  /** The office the line's revenue belongs to. */
  office?: Maybe<Office>;
  /** The price plan billed; null when the line bills a resource rate (see `rate`) or no plan. */
  plan?: Maybe<Plan>;
  /** Line amount before discount and tax (quantity × unit price). */
  price?: Maybe<Scalars['Float']['output']>;
  /** How many units are billed. */
  quantity?: Maybe<Scalars['Float']['output']>;
  /** The resource rate billed (booking lines); null when the line bills a price plan (wire `plan`). */
  rate?: Maybe<Rate>;
  /** First day of the period billed. */
  startDate?: Maybe<Scalars['Date']['output']>;
  /** Line amount after discount, before tax. */
  subtotal?: Maybe<Scalars['Float']['output']>;
  /** Tax on the line, as an amount (wire `vatAmount`). */
  taxAmount?: Maybe<Scalars['Float']['output']>;
  /** Tax rate of the line in percent (wire `vatPercent`). */
  taxPercent?: Maybe<Scalars['Float']['output']>;
  /** The tax rate applied (not one of the reports). */
  taxRateId?: Maybe<Scalars['ID']['output']>;
  /** Line amount after discount, including tax. */
  total?: Maybe<Scalars['Float']['output']>;
  /** Discount per unit, as an amount. */
  unitDiscount?: Maybe<Scalars['Float']['output']>;
  /** Price of one unit, before discount. */
  unitPrice?: Maybe<Scalars['Float']['output']>;
};

/** Greatest values of the numeric fields of Payment items, over the items that have the field; null when none has. */
export type PaymentMaximums = {
  __typename?: 'PaymentMaximums';
  /** The amount, as OfficeRnD sends it (wire `amount`). */
  amount?: Maybe<Scalars['Float']['output']>;
  /** How much has been paid. */
  paidAmount?: Maybe<Scalars['Float']['output']>;
  /** How much is still to be paid. */
  payableAmount?: Maybe<Scalars['Float']['output']>;
  /** The sum of the lines after discount, before tax. */
  subtotal?: Maybe<Scalars['Float']['output']>;
  /** The total, tax included. */
  totalAmount?: Maybe<Scalars['Float']['output']>;
};

/** Least values of the numeric fields of Payment items, over the items that have the field; null when none has. */
export type PaymentMinimums = {
  __typename?: 'PaymentMinimums';
  /** The amount, as OfficeRnD sends it (wire `amount`). */
  amount?: Maybe<Scalars['Float']['output']>;
  /** How much has been paid. */
  paidAmount?: Maybe<Scalars['Float']['output']>;
  /** How much is still to be paid. */
  payableAmount?: Maybe<Scalars['Float']['output']>;
  /** The sum of the lines after discount, before tax. */
  subtotal?: Maybe<Scalars['Float']['output']>;
  /** The total, tax included. */
  totalAmount?: Maybe<Scalars['Float']['output']>;
};

/** One sort key of a list of Payment items. */
export type PaymentOrder = {
  /** ASC (default) or DESC. */
  direction?: InputMaybe<SortDirection>;
  /** The field to sort by. */
  field: PaymentSortField;
};

/** The fields a list of Payment items can be sorted by. */
export type PaymentSortField =
  /** When it was created. */
  | 'CREATED_AT'
  /** The issue date. */
  | 'DATE'
  /** The due date. */
  | 'DUE_DATE'
  /** When it last changed. */
  | 'MODIFIED_AT'
  /** The document number. */
  | 'NUMBER'
  /** The status. */
  | 'STATUS'
  /** The total amount. */
  | 'TOTAL';

/** Where a billing document stands in its life cycle (§6.14). */
export type PaymentStatus =
  /** Issued and unpaid (OfficeRnD value `awaiting_payment`). */
  | 'AWAITING_PAYMENT'
  /** Not issued yet (OfficeRnD value `draft`). */
  | 'DRAFT'
  /** The last payment attempt failed (OfficeRnD value `failed`). */
  | 'FAILED'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Unpaid after its due date (OfficeRnD value `overdue`). */
  | 'OVERDUE'
  /** Paid in full (OfficeRnD value `paid`). */
  | 'PAID'
  /** Part of the amount has been paid (OfficeRnD value `partially_paid`). */
  | 'PARTIALLY_PAID'
  /** A payment is in progress (OfficeRnD value `pending`). */
  | 'PENDING'
  /** The money was paid back (OfficeRnD value `refunded`). */
  | 'REFUNDED'
  /** Cancelled; it no longer counts (OfficeRnD value `voided`). */
  | 'VOIDED';

/** Sums of the numeric fields of Payment items, over the items that have the field; null when none has. */
export type PaymentSums = {
  __typename?: 'PaymentSums';
  /** The amount, as OfficeRnD sends it (wire `amount`). */
  amount?: Maybe<Scalars['Float']['output']>;
  /** How much has been paid. */
  paidAmount?: Maybe<Scalars['Float']['output']>;
  /** How much is still to be paid. */
  payableAmount?: Maybe<Scalars['Float']['output']>;
  /** The sum of the lines after discount, before tax. */
  subtotal?: Maybe<Scalars['Float']['output']>;
  /** The total, tax included. */
  totalAmount?: Maybe<Scalars['Float']['output']>;
};

/** The tax of a document summed per tax rate (wire `vatAmounts[]`). */
export type PaymentVatAmount = {
  __typename?: 'PaymentVatAmount';
  /** The tax rate in percent. */
  percent?: Maybe<Scalars['Float']['output']>;
  /** The tax rate (not one of the reports). */
  taxRateId?: Maybe<Scalars['ID']['output']>;
  /** Tax at this rate over all lines, as an amount. */
  total?: Maybe<Scalars['Float']['output']>;
};

/** A price plan: a membership (office, desk, hot desk) or a one-off product the organization sells. Report "Plans". */
export type Plan = {
  __typename?: 'Plan';
  /** Add-ons that can be bought with the plan. */
  addOns: Array<PlanAddOn>;
  /** Amenities included with the plan, as sent by OfficeRnD. */
  amenities?: Maybe<Scalars['JSON']['output']>;
  /** Booking policy of the plan, as sent by OfficeRnD. */
  bookingPolicy?: Maybe<Scalars['JSON']['output']>;
  /** When a membership of the plan may be cancelled (wire `calcellationPolicy`, sic). */
  cancellationPolicy?: Maybe<PlanCancellationPolicy>;
  /** Short code used on invoices and in reports. */
  code?: Maybe<Scalars['String']['output']>;
  /** When the plan was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Booking credits the plan grants. */
  credits: Array<PlanCredit>;
  /** Deposit asked when the plan is bought. */
  deposit?: Maybe<Scalars['Float']['output']>;
  /** Deposit as a percentage of the price, when enabled. */
  depositPercent?: Maybe<Scalars['Float']['output']>;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Discounts defined on the plan, as sent by OfficeRnD. */
  discounts?: Maybe<Scalars['JSON']['output']>;
  /** Extras that can be added to the plan, as sent by OfficeRnD. */
  extras?: Maybe<Scalars['JSON']['output']>;
  /** Whether members can buy the plan. */
  forMembers?: Maybe<Scalars['Boolean']['output']>;
  /** Whether non-members can buy the plan. */
  forNonMembers?: Maybe<Scalars['Boolean']['output']>;
  /** Whether members of a team can buy the plan. */
  forTeamMembers?: Maybe<Scalars['Boolean']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** Image URL. */
  image?: Maybe<Scalars['String']['output']>;
  /** How many intervals one charge covers. */
  intervalCount?: Maybe<Scalars['Int']['output']>;
  /** How often the plan is charged: ONCE for one-off plans, MONTH for memberships. */
  intervalLength?: Maybe<PlanInterval>;
  /** Whether the deposit is a percentage of the price (wire `depositPercentEnabled`). */
  isDepositPercentEnabled?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the plan is shown publicly (wire `public`). */
  isPublic?: Maybe<Scalars['Boolean']['output']>;
  /** Whether this document is a resource rate (v1 stores rates as plans). */
  isRate?: Maybe<Scalars['Boolean']['output']>;
  /** Legal documents members accept with the plan, as sent by OfficeRnD. */
  legalDocuments?: Maybe<Scalars['JSON']['output']>;
  /** Mark-up applied to the price (wire `markUp`). */
  markup?: Maybe<Scalars['Float']['output']>;
  /** When the plan last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Display name. */
  name?: Maybe<Scalars['String']['output']>;
  /** Offices where the plan is sold (wire `locations`). */
  offices: Array<Office>;
  /** Sort order set by admins. */
  order?: Maybe<Scalars['Int']['output']>;
  /** Price per interval, in the organization currency. */
  price?: Maybe<Scalars['Float']['output']>;
  /** Price components when the plan is priced like a rate (wire `rates`); usually empty. */
  prices: Array<RatePrice>;
  /** Custom properties, keyed by property key. */
  properties?: Maybe<Scalars['JSON']['output']>;
  /** Whether an admin must approve a purchase (wire `approval`). */
  requiresApproval?: Maybe<Scalars['Boolean']['output']>;
  /** Id of the revenue account the plan is posted to (wire `account`; not one of the reports). */
  revenueAccountId?: Maybe<Scalars['ID']['output']>;
  /** One-off plans charged as a setup fee when this plan is bought. */
  setupFees: Array<Plan>;
  /** Whether partial periods are prorated (wire `prorate`). */
  shouldProrate?: Maybe<Scalars['Boolean']['output']>;
  /** What the plan sells. */
  type?: Maybe<PlanType>;
  /** Whether the plan can be paid with value credits (coins) (wire `useValueCredits`). */
  usesValueCredits?: Maybe<Scalars['Boolean']['output']>;
};

/** A paid add-on that can be bought with a plan (wire `addOns[]`). */
export type PlanAddOn = {
  __typename?: 'PlanAddOn';
  /** Deposit asked for the add-on. */
  deposit?: Maybe<Scalars['Float']['output']>;
  /** The OfficeRnD id of the add-on. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name?: Maybe<Scalars['String']['output']>;
  /** Price per billing interval, in the organization currency. */
  price?: Maybe<Scalars['Float']['output']>;
};

/** When a membership of the plan may be cancelled (wire `calcellationPolicy`, sic). */
export type PlanCancellationPolicy = {
  __typename?: 'PlanCancellationPolicy';
  /** Minimum period before cancellation, in the plan's intervals. */
  minimumPeriod?: Maybe<Scalars['Int']['output']>;
};

/** A page of Plan items. Page with `first` and `after`; every item appears exactly once. */
export type PlanConnection = {
  __typename?: 'PlanConnection';
  /** The items of this page with their cursors. */
  edges: Array<PlanEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Plan>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Booking credits a plan grants its holders (wire `credits[]`). */
export type PlanCredit = {
  __typename?: 'PlanCredit';
  /** How many credits (hours) are granted. */
  count?: Maybe<Scalars['Float']['output']>;
  /** The one-off plans the credits pay for. */
  oneOffPlans: Array<Plan>;
  /** The rates the credits pay for. */
  rates: Array<Rate>;
  /** The resource types the credits pay for. */
  resourceTypes: Array<ResourceType>;
  /** How the credits are granted, e.g. "monthly", as sent by OfficeRnD. */
  type?: Maybe<Scalars['String']['output']>;
  /** What the credits can be spent on. */
  validFor?: Maybe<PlanCreditScope>;
};

/** What a plan credit can be spent on (§6.15 `credits[].validFor`). */
export type PlanCreditScope =
  /** Anything bookable (OfficeRnD value `all`). */
  | 'ALL'
  /** The listed one-off plans (OfficeRnD value `oneOffPlans`). */
  | 'ONE_OFF_PLANS'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Bookings at the listed rates (OfficeRnD value `rates`). */
  | 'RATES'
  /** Bookings of resources of the listed types (OfficeRnD value `resourceTypes`). */
  | 'RESOURCE_TYPES';

/** Which date of plans a date selection applies to (the connector's "Date Selection Criteria"); default CREATED_AT. */
export type PlanDateField =
  /** When the plan was created (`createdAt`). The default. */
  | 'CREATED_AT'
  /** When the plan last changed (`modifiedAt`). */
  | 'MODIFIED_AT';

/** One Plan of a connection, with the cursor that points just after it. */
export type PlanEdge = {
  __typename?: 'PlanEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Plan. */
  node: Plan;
};

/** How often a plan or rate is charged (§6.15, §6.16). */
export type PlanInterval =
  /** Charged per day (OfficeRnD value `day`). */
  | 'DAY'
  /** Charged per hour (OfficeRnD value `hour`). */
  | 'HOUR'
  /** Charged per month (OfficeRnD value `month`). */
  | 'MONTH'
  /** Charged once (OfficeRnD value `once`). */
  | 'ONCE'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER';

/** What a plan sells (§6.15 `type`). */
export type PlanType =
  /** Anything else the organization sells (OfficeRnD value `custom`). */
  | 'CUSTOM'
  /** A dedicated desk (OfficeRnD value `desk`). */
  | 'DESK'
  /** Hot-desk access (OfficeRnD value `hotdesk`). */
  | 'HOTDESK'
  /** A private office (OfficeRnD value `office`). */
  | 'OFFICE'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** A service (mail handling, virtual office …) (OfficeRnD value `service`). */
  | 'SERVICE';

/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type Query = {
  __typename?: 'Query';
  /** One booking by id; null when there is none. */
  booking?: Maybe<Booking>;
  /** Every booking occurrence whose `dateField` (default START) falls in `dates`, recurring series expanded, ordered by start. A selection longer than a year is read as consecutive upstream windows of at most a year (an OfficeRnD limit) and merged in order. Report "Booking Occurrences". */
  bookingOccurrences?: Maybe<BookingOccurrenceConnection>;
  /** The bookings of the organization; a recurring series appears once (see `bookingOccurrences`). Report "Bookings". */
  bookings?: Maybe<BookingConnection>;
  /** One payment transaction by id; null when there is none. v1 has no single-charge endpoint (§8), so this reads the charge list once per request. */
  charge?: Maybe<Charge>;
  /** Payment transactions against invoices, oldest first. Report "Charges". */
  charges?: Maybe<ChargeConnection>;
  /** One check-in by id; null when there is none. */
  checkin?: Maybe<Checkin>;
  /** The check-ins of members at the offices. Report "Checkins". */
  checkins?: Maybe<CheckinConnection>;
  /** One contract by id; null when there is none. */
  contract?: Maybe<Contract>;
  /** The contracts (membership agreements) of the organization. Report "Contracts". */
  contracts?: Maybe<ContractConnection>;
  /** The credit accounts of one team or one member in a month (or in every month a date selection touches), with their balances, in month order. Give exactly one of `team` and `member`, and one of `month` and `dates`. Report "Credit Accounts". */
  creditAccounts?: Maybe<CreditAccountConnection>;
  /** One fee by id; null when there is none. v1 has no single-fee endpoint (§8), so this reads the fee list once per request. */
  fee?: Maybe<Fee>;
  /** One-off fees, oldest first. Report "Fees". */
  fees?: Maybe<FeeConnection>;
  /** One floor by id; null when there is none. */
  floor?: Maybe<Floor>;
  /** The floors of all offices. Report "Floors". */
  floors?: Maybe<FloorConnection>;
  /** One issue by id; null when there is none. */
  issue?: Maybe<Issue>;
  /** The help-desk issues (tickets) of the organization. Report "Issues". */
  issues?: Maybe<IssueConnection>;
  /** One member by id; null when there is none. */
  member?: Maybe<Member>;
  /** The members of the organization. Report "Members". */
  members?: Maybe<MemberConnection>;
  /** One membership by id; null when there is none. */
  membership?: Maybe<Membership>;
  /** The memberships (recurring plan subscriptions) of the organization. Report "Memberships". */
  memberships?: Maybe<MembershipConnection>;
  /** One office by id; null when there is none. */
  office?: Maybe<Office>;
  /** The offices (locations) of the organization. Report "Offices". */
  offices?: Maybe<OfficeConnection>;
  /** The slug of the OfficeRnD organization this gateway serves (the part after /organizations/ in API URLs). */
  organization: Scalars['String']['output'];
  /** One day-pass set by id; null when there is none. */
  pass?: Maybe<Pass>;
  /** The day-pass sets of the organization. Report "Passes". */
  passes?: Maybe<PassConnection>;
  /** One billing document by id; null when there is none. v1 has no single-payment endpoint (§8), so this reads the payment list once per request. */
  payment?: Maybe<Payment>;
  /** Invoices, credit notes and overpayments, oldest first. Report "Payments". */
  payments?: Maybe<PaymentConnection>;
  /** One plan by id; null when there is none. */
  plan?: Maybe<Plan>;
  /** The price plans of the organization (memberships and one-off products). Report "Plans". */
  plans?: Maybe<PlanConnection>;
  /** One rate by id; null when there is none. */
  rate?: Maybe<Rate>;
  /** The resource rates (booking price lists) of the organization. Report "Rates". */
  rates?: Maybe<RateConnection>;
  /** Any of the 20 reports as a flat table (columns and rows), as the HTTP exports `/reports/{report}.csv|ndjson|json` serve it: choose a field to expand, a date selection, a column subset and order (joined columns such as `member.name` included) and the report's filters. `reportDefinitions` lists what each report accepts. */
  report: ReportTable;
  /** What each flat report offers (columns, expandable fields, joins, filters, date fields), for `report` and the HTTP exports. */
  reportDefinitions: Array<ReportDefinition>;
  /** One resource by id; null when there is none. */
  resource?: Maybe<Resource>;
  /** One resource type by id; null when there is none. */
  resourceType?: Maybe<ResourceType>;
  /** The resource types of the organization. Report "Resource Types". */
  resourceTypes?: Maybe<ResourceTypeConnection>;
  /** The resources (rooms, desks, offices) of the organization. Report "Resources". */
  resources?: Maybe<ResourceConnection>;
  /** One team (company) by id; null when there is none. */
  team?: Maybe<Team>;
  /** The teams (companies) of the organization. Report "Teams". */
  teams?: Maybe<TeamConnection>;
  /** One visit by id; null when there is none. */
  visit?: Maybe<Visit>;
  /** The guest visits of the organization. Report "Visits". */
  visits?: Maybe<VisitConnection>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryBookingArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryBookingOccurrencesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<BookingOccurrenceDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  member?: InputMaybe<Scalars['ID']['input']>;
  memberIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  resource?: InputMaybe<Scalars['ID']['input']>;
  resourceIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  team?: InputMaybe<Scalars['ID']['input']>;
  teamIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  type?: InputMaybe<ResourceKind>;
  typeIn?: InputMaybe<Array<ResourceKind>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<BookingDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  isCancelled?: InputMaybe<Scalars['Boolean']['input']>;
  isFree?: InputMaybe<Scalars['Boolean']['input']>;
  isTentative?: InputMaybe<Scalars['Boolean']['input']>;
  member?: InputMaybe<Scalars['ID']['input']>;
  memberIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  orderBy?: InputMaybe<Array<BookingOrder>>;
  rate?: InputMaybe<Scalars['ID']['input']>;
  rateIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  reference?: InputMaybe<Scalars['String']['input']>;
  resource?: InputMaybe<Scalars['ID']['input']>;
  resourceIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  source?: InputMaybe<BookingSource>;
  sourceIn?: InputMaybe<Array<BookingSource>>;
  team?: InputMaybe<Scalars['ID']['input']>;
  teamIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  titleContains?: InputMaybe<Scalars['String']['input']>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryChargeArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryChargesArgs = {
  account?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<ChargeDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  payment?: InputMaybe<Scalars['ID']['input']>;
  paymentIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  reference?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ChargeStatus>;
  statusIn?: InputMaybe<Array<ChargeStatus>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryCheckinArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryCheckinsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<CheckinDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  member?: InputMaybe<Scalars['ID']['input']>;
  memberIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  orderBy?: InputMaybe<Array<CheckinOrder>>;
  team?: InputMaybe<Scalars['ID']['input']>;
  teamIn?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryContractArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryContractsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<ContractDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  member?: InputMaybe<Scalars['ID']['input']>;
  memberIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  number?: InputMaybe<Scalars['String']['input']>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  stage?: InputMaybe<ContractStage>;
  stageIn?: InputMaybe<Array<ContractStage>>;
  status?: InputMaybe<ContractStatus>;
  statusIn?: InputMaybe<Array<ContractStatus>>;
  team?: InputMaybe<Scalars['ID']['input']>;
  teamIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  type?: InputMaybe<ContractType>;
  typeIn?: InputMaybe<Array<ContractType>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryCreditAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  member?: InputMaybe<Scalars['ID']['input']>;
  month?: InputMaybe<Scalars['String']['input']>;
  team?: InputMaybe<Scalars['ID']['input']>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryFeeArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryFeesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<FeeDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  member?: InputMaybe<Scalars['ID']['input']>;
  memberIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  nameStartsWith?: InputMaybe<Scalars['String']['input']>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  orderBy?: InputMaybe<Array<FeeOrder>>;
  plan?: InputMaybe<Scalars['ID']['input']>;
  planIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  status?: InputMaybe<FeeStatus>;
  statusIn?: InputMaybe<Array<FeeStatus>>;
  team?: InputMaybe<Scalars['ID']['input']>;
  teamIn?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryFloorArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryFloorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<FloorDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  isOpen?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  nameStartsWith?: InputMaybe<Scalars['String']['input']>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryIssueArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<IssueDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  member?: InputMaybe<Scalars['ID']['input']>;
  memberIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  status?: InputMaybe<IssueStatus>;
  statusIn?: InputMaybe<Array<IssueStatus>>;
  subjectContains?: InputMaybe<Scalars['String']['input']>;
  team?: InputMaybe<Scalars['ID']['input']>;
  teamIn?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryMemberArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  calculatedStatus?: InputMaybe<MemberStatus>;
  calculatedStatusIn?: InputMaybe<Array<MemberStatus>>;
  dateField?: InputMaybe<MemberDateField>;
  dates?: InputMaybe<DateSelection>;
  email?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  nameStartsWith?: InputMaybe<Scalars['String']['input']>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  orderBy?: InputMaybe<Array<MemberOrder>>;
  status?: InputMaybe<MemberStatus>;
  statusIn?: InputMaybe<Array<MemberStatus>>;
  team?: InputMaybe<Scalars['ID']['input']>;
  teamIn?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryMembershipArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryMembershipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  calculatedStatus?: InputMaybe<MembershipCalculatedStatus>;
  calculatedStatusIn?: InputMaybe<Array<MembershipCalculatedStatus>>;
  dateField?: InputMaybe<MembershipDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  member?: InputMaybe<Scalars['ID']['input']>;
  memberIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  nameStartsWith?: InputMaybe<Scalars['String']['input']>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  orderBy?: InputMaybe<Array<MembershipOrder>>;
  plan?: InputMaybe<Scalars['ID']['input']>;
  planIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  status?: InputMaybe<MembershipStatus>;
  statusIn?: InputMaybe<Array<MembershipStatus>>;
  team?: InputMaybe<Scalars['ID']['input']>;
  teamIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  type?: InputMaybe<MembershipType>;
  typeIn?: InputMaybe<Array<MembershipType>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryOfficeArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryOfficesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<OfficeDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  isOpen?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  nameStartsWith?: InputMaybe<Scalars['String']['input']>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryPassArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryPassesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<PassDateField>;
  dates?: InputMaybe<DateSelection>;
  fee?: InputMaybe<Scalars['ID']['input']>;
  feeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  member?: InputMaybe<Scalars['ID']['input']>;
  memberIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  membership?: InputMaybe<Scalars['ID']['input']>;
  membershipIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  status?: InputMaybe<PassStatus>;
  statusIn?: InputMaybe<Array<PassStatus>>;
  team?: InputMaybe<Scalars['ID']['input']>;
  teamIn?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<PaymentDateField>;
  dates?: InputMaybe<DateSelection>;
  documentType?: InputMaybe<PaymentDocumentType>;
  documentTypeIn?: InputMaybe<Array<PaymentDocumentType>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  member?: InputMaybe<Scalars['ID']['input']>;
  memberIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  number?: InputMaybe<Scalars['String']['input']>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  orderBy?: InputMaybe<Array<PaymentOrder>>;
  reference?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<PaymentStatus>;
  statusIn?: InputMaybe<Array<PaymentStatus>>;
  team?: InputMaybe<Scalars['ID']['input']>;
  teamIn?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryPlanArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryPlansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<PlanDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  nameStartsWith?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<PlanType>;
  typeIn?: InputMaybe<Array<PlanType>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryRateArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryRatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<RateDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  nameStartsWith?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<ResourceKind>;
  typeIn?: InputMaybe<Array<ResourceKind>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryReportArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  columns?: InputMaybe<Array<Scalars['String']['input']>>;
  dateField?: InputMaybe<Scalars['String']['input']>;
  dates?: InputMaybe<DateSelection>;
  expand?: InputMaybe<Scalars['String']['input']>;
  filters?: InputMaybe<Scalars['JSON']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  name: ReportName;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryResourceArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryResourceTypeArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryResourceTypesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  typeKey?: InputMaybe<Scalars['String']['input']>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryResourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateField?: InputMaybe<ResourceDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  floor?: InputMaybe<Scalars['ID']['input']>;
  floorIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  nameStartsWith?: InputMaybe<Scalars['String']['input']>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  orderBy?: InputMaybe<Array<ResourceOrder>>;
  rate?: InputMaybe<Scalars['ID']['input']>;
  rateIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  type?: InputMaybe<ResourceKind>;
  typeIn?: InputMaybe<Array<ResourceKind>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryTeamArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryTeamsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  calculatedStatus?: InputMaybe<TeamStatus>;
  calculatedStatusIn?: InputMaybe<Array<TeamStatus>>;
  dateField?: InputMaybe<TeamDateField>;
  dates?: InputMaybe<DateSelection>;
  email?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  nameStartsWith?: InputMaybe<Scalars['String']['input']>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  orderBy?: InputMaybe<Array<TeamOrder>>;
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryVisitArgs = {
  id: Scalars['ID']['input'];
};


/** The OfficeRnD organization as one linked graph: every report is a root field. */
export type QueryVisitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  booking?: InputMaybe<Scalars['ID']['input']>;
  bookingIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  dateField?: InputMaybe<VisitDateField>;
  dates?: InputMaybe<DateSelection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  member?: InputMaybe<Scalars['ID']['input']>;
  memberIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  office?: InputMaybe<Scalars['ID']['input']>;
  officeIn?: InputMaybe<Array<Scalars['ID']['input']>>;
  team?: InputMaybe<Scalars['ID']['input']>;
  teamIn?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A resource rate: the price list used when a resource (meeting room, desk …) is booked. Report "Rates" (v1 `/rates`, v2 "resource-rates"; in v1 a rate is a plan-shaped document with `isRate: true`). */
export type Rate = {
  __typename?: 'Rate';
  /** Amenities included with the rate, as sent by OfficeRnD. */
  amenities?: Maybe<Scalars['JSON']['output']>;
  /** Booking policy of the rate, as sent by OfficeRnD. */
  bookingPolicy?: Maybe<Scalars['JSON']['output']>;
  /** Short code used on invoices and in reports. */
  code?: Maybe<Scalars['String']['output']>;
  /** When the rate was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Extras that can be added to a booking at this rate, as sent by OfficeRnD. */
  extras?: Maybe<Scalars['JSON']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** Image URL. */
  image?: Maybe<Scalars['String']['output']>;
  /** How many intervals the main price covers. */
  intervalCount?: Maybe<Scalars['Int']['output']>;
  /** The interval the main price is charged per. */
  intervalLength?: Maybe<PlanInterval>;
  /** Always true for rates in v1 (rates are plan-shaped documents). */
  isRate?: Maybe<Scalars['Boolean']['output']>;
  /** When the rate last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Display name, e.g. "Meeting Room – Standard". */
  name?: Maybe<Scalars['String']['output']>;
  /** Offices where the rate applies (wire `locations`); empty when it applies in every office. */
  offices: Array<Office>;
  /** Main price per interval, in the organization currency. */
  price?: Maybe<Scalars['Float']['output']>;
  /** All price components of the rate: hourly, daily, off-peak … (wire `rates`). */
  prices: Array<RatePrice>;
  /** The resource type this rate prices (matched on the type key, §7). */
  resourceType?: Maybe<ResourceType>;
  /** Id of the revenue account bookings at this rate are posted to (wire `account`; not one of the reports). */
  revenueAccountId?: Maybe<Scalars['ID']['output']>;
  /** Whether partial periods are prorated (wire `prorate`). */
  shouldProrate?: Maybe<Scalars['Boolean']['output']>;
  /** The kind of resource this rate prices (wire `type`). */
  type?: Maybe<ResourceKind>;
  /** The resource type key exactly as OfficeRnD sends it (wire `type`), e.g. "meeting_room" or an org-defined type. */
  typeKey?: Maybe<Scalars['String']['output']>;
  /** Whether bookings at this rate can be paid with value credits (coins) (wire `useValueCredits`). */
  usesValueCredits?: Maybe<Scalars['Boolean']['output']>;
};

/** A page of Rate items. Page with `first` and `after`; every item appears exactly once. */
export type RateConnection = {
  __typename?: 'RateConnection';
  /** The items of this page with their cursors. */
  edges: Array<RateEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Rate>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of rates a date selection applies to (the connector's "Date Selection Criteria"); default CREATED_AT. */
export type RateDateField =
  /** When the rate was created (`createdAt`). The default. */
  | 'CREATED_AT'
  /** When the rate last changed (`modifiedAt`). */
  | 'MODIFIED_AT';

/** One Rate of a connection, with the cursor that points just after it. */
export type RateEdge = {
  __typename?: 'RateEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Rate. */
  node: Rate;
};

/** One price of a rate: e.g. the hourly price and the day price of a meeting room (wire `rates[]`). */
export type RatePrice = {
  __typename?: 'RatePrice';
  /** The OfficeRnD id of this price component. */
  id: Scalars['ID']['output'];
  /** The time unit this price applies to (wire `interval`). */
  interval?: Maybe<RatePriceInterval>;
  /** How many intervals the price covers, e.g. 4 for a half-day priced in hours (wire `intervalQuantity`). */
  intervalCount?: Maybe<Scalars['Int']['output']>;
  /** Whether this is the half-day price. */
  isHalfDayRate?: Maybe<Scalars['Boolean']['output']>;
  /** Whether this is the off-peak price. */
  isOffRate?: Maybe<Scalars['Boolean']['output']>;
  /** Whether this price applies at weekends. */
  isWeekendRate?: Maybe<Scalars['Boolean']['output']>;
  /** Price per interval, in the organization currency. */
  price?: Maybe<Scalars['Float']['output']>;
};

/** The time unit a rate price applies to (§6.16). */
export type RatePriceInterval =
  /** Per day (OfficeRnD value `day`). */
  | 'DAY'
  /** Per hour (OfficeRnD value `hour`). */
  | 'HOUR'
  /** Per month (OfficeRnD value `month`). */
  | 'MONTH'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Per week (OfficeRnD value `week`). */
  | 'WEEK';

/** What a flat report offers: its columns, expandable fields, joins, filters and date fields. */
export type ReportDefinition = {
  __typename?: 'ReportDefinition';
  /** The default columns, in order. */
  columns: Array<Scalars['String']['output']>;
  /** The values `dateField` accepts; empty when the report has no dates (credit accounts are selected by month). */
  dateFields: Array<Scalars['String']['output']>;
  /** The date field used when `dateField` is not given. */
  defaultDateField?: Maybe<Scalars['String']['output']>;
  /** What one row is. */
  description: Scalars['String']['output'];
  /** The fields `expand` accepts. */
  expandable: Array<ReportExpandableField>;
  /** The keys `filters` accepts. */
  filters: Array<ReportFilterDefinition>;
  /** References `columns` can follow, as `<join>.<column of the named report>` patterns, e.g. `member.* (members)`. */
  joins: Array<Scalars['String']['output']>;
  /** The report. */
  name: ReportName;
  /** Its HTTP export path without the format, e.g. /reports/bookings. */
  path: Scalars['String']['output'];
  /** The connector's name of the report. */
  title: Scalars['String']['output'];
};

/** An array field a report can expand (Field To Expand), with the columns its elements give. */
export type ReportExpandableField = {
  __typename?: 'ReportExpandableField';
  /** The element columns that replace the field's own column. */
  columns: Array<Scalars['String']['output']>;
  /** What each row then is. */
  description: Scalars['String']['output'];
  /** The value to pass as `expand`. */
  field: Scalars['String']['output'];
  /** Joins available through the element, as `<join>.<column of the named report>` patterns. */
  joins: Array<Scalars['String']['output']>;
};

/** A filter of a report: a key of the `filters` argument (a query parameter of the HTTP export). */
export type ReportFilterDefinition = {
  __typename?: 'ReportFilterDefinition';
  /** What it keeps. */
  description: Scalars['String']['output'];
  /** The filter key. */
  name: Scalars['String']['output'];
};

/** A flat report: one of the 20 reports of the OfficeRnD connector (the HTTP export `/reports/{report}` in kebab-case). */
export type ReportName =
  /** Bookings: All bookings of resources; a recurring series is one row (its first occurrence). (`/reports/bookings`) */
  | 'BOOKINGS'
  /** Booking Occurrences: Every occurrence of every booking in a window (recurring series expanded), ordered by start. Needs a date selection. (`/reports/booking-occurrences`) */
  | 'BOOKING_OCCURRENCES'
  /** Charges: Payment transactions recorded against invoices. (`/reports/charges`) */
  | 'CHARGES'
  /** Checkins: Member presence at an office. (`/reports/checkins`) */
  | 'CHECKINS'
  /** Contracts: Membership agreements with their plan, one-off and resource lines. (`/reports/contracts`) */
  | 'CONTRACTS'
  /** Credit Accounts: Credit (coin) balances of the accounts of one team or member, one row per account and month. Needs `team` or `member` and a date selection (every month it touches) or `month`. (`/reports/credit-accounts`) */
  | 'CREDIT_ACCOUNTS'
  /** Fees: One-off charges. (`/reports/fees`) */
  | 'FEES'
  /** Floors: Floors of the offices. (`/reports/floors`) */
  | 'FLOORS'
  /** Issues: Issues (tickets) raised by members. (`/reports/issues`) */
  | 'ISSUES'
  /** Members: All members. (`/reports/members`) */
  | 'MEMBERS'
  /** Memberships: Recurring plan subscriptions of members and teams. (`/reports/memberships`) */
  | 'MEMBERSHIPS'
  /** Offices: The physical locations. (`/reports/offices`) */
  | 'OFFICES'
  /** Passes: Day-pass sets of members and teams. (`/reports/passes`) */
  | 'PASSES'
  /** Payments: Invoices, credit notes and overpayments. (`/reports/payments`) */
  | 'PAYMENTS'
  /** Plans: Price plans (one-off and recurring). (`/reports/plans`) */
  | 'PLANS'
  /** Rates: Resource rates (plan-shaped documents with isRate). (`/reports/rates`) */
  | 'RATES'
  /** Resources: Rooms, desks and private offices. (`/reports/resources`) */
  | 'RESOURCES'
  /** Resource Types: The kinds of resources (v1 keys them by `id`; `_id` repeats it). (`/reports/resource-types`) */
  | 'RESOURCE_TYPES'
  /** Teams: Companies (teams) of members. (`/reports/teams`) */
  | 'TEAMS'
  /** Visits: Visits of guests hosted by members. (`/reports/visits`) */
  | 'VISITS';

/** A page of a flat report: the column names and the rows. Cells are the values at dotted paths of the OfficeRnD object (`address.city`), of the expanded element (`fees.date`) or of a joined object (`member.name`); arrays that are not expanded are JSON text in `rows` and JSON values in `records`; a missing value is null. */
export type ReportTable = {
  __typename?: 'ReportTable';
  /** The column names, in the order of the cells of every row. */
  columns: Array<Scalars['String']['output']>;
  /** Where this page ends and whether more rows follow. */
  pageInfo: PageInfo;
  /** The same rows as objects keyed by column name, with typed values (numbers, booleans, text, null; arrays and objects as JSON values): what the NDJSON export writes. */
  records: Array<Scalars['JSON']['output']>;
  /** The report these rows belong to. */
  report: ReportName;
  /** The rows: one list of cells per row, in column order. Numbers and booleans are given as text (see `records` for typed values). */
  rows: Array<Array<Maybe<Scalars['String']['output']>>>;
};

/** A bookable or assignable space: a meeting room, private office, desk … Report "Resources". */
export type Resource = {
  __typename?: 'Resource';
  /** Who may use the resource. */
  access?: Maybe<ResourceAccess>;
  /** Amenities of the resource, as sent by OfficeRnD. */
  amenities?: Maybe<Scalars['JSON']['output']>;
  /** Floor area in square millimetres, as OfficeRnD stores it. */
  area?: Maybe<Scalars['Float']['output']>;
  /** The periods in which the resource is available. */
  availability: Array<ResourceAvailability>;
  /** Bookings of this resource (recurring series appear once). */
  bookings?: Maybe<BookingConnection>;
  /** Display colour (hex) on floor plans and calendars. */
  color?: Maybe<Scalars['String']['output']>;
  /** When the resource was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Deposit asked for the resource. */
  deposit?: Maybe<Scalars['Float']['output']>;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** The floor the resource is on (wire `room`, which v1 uses for the floor id, §6.17). */
  floor?: Maybe<Floor>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** Image URL. */
  image?: Maybe<Scalars['String']['output']>;
  /** When the resource last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** A scheduled move of the resource, as sent by OfficeRnD. */
  move?: Maybe<Scalars['JSON']['output']>;
  /** Display name, e.g. "Meeting Room 3". */
  name?: Maybe<Scalars['String']['output']>;
  /** Sequence number of the resource within its office and type. */
  number?: Maybe<Scalars['Int']['output']>;
  /** The office the resource is in. */
  office?: Maybe<Office>;
  /** Sort order set by admins. */
  order?: Maybe<Scalars['Int']['output']>;
  /** The resource this one is part of, e.g. the private office around a desk. */
  parent?: Maybe<Resource>;
  /** Every resource this one is part of (wire `parents`). */
  parents: Array<Resource>;
  /** List price of the resource (e.g. the monthly price of a private office), in the organization currency. */
  price?: Maybe<Scalars['Float']['output']>;
  /** Custom properties, keyed by property key. */
  properties?: Maybe<Scalars['JSON']['output']>;
  /** The rate charged when the resource is booked. */
  rate?: Maybe<Rate>;
  /** The resource type (matched on the type key, §7) with its booking and check-in rules. */
  resourceType?: Maybe<ResourceType>;
  /** Capacity: seats of a room or desks of an office. */
  size?: Maybe<Scalars['Int']['output']>;
  /** Status text as sent by OfficeRnD (v1 samples repeat the type here). */
  status?: Maybe<Scalars['String']['output']>;
  /** The id OfficeRnD keeps as the resource `target` (meaning undocumented). */
  targetId?: Maybe<Scalars['ID']['output']>;
  /** The plan sold for this resource (e.g. the private office plan of a team room). */
  targetPlan?: Maybe<Plan>;
  /** IANA time zone of the resource, e.g. Europe/London (wire `timezone`). */
  timeZone?: Maybe<Scalars['String']['output']>;
  /** The kind of resource; OTHER for org-defined kinds (see `typeKey`). */
  type?: Maybe<ResourceKind>;
  /** The resource type key exactly as OfficeRnD sends it (wire `type`), e.g. "phone_booth". */
  typeKey?: Maybe<Scalars['String']['output']>;
};


/** A bookable or assignable space: a meeting room, private office, desk … Report "Resources". */
export type ResourceBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Who may use a resource (wire `access`). */
export type ResourceAccess = {
  __typename?: 'ResourceAccess';
  /** Whether every member has access (wire `full`). */
  isFull?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the resource is bookable by the public (wire `public`). */
  isPublic?: Maybe<Scalars['Boolean']['output']>;
  /** Plans whose holders have access when access is limited. */
  plans: Array<Plan>;
  /** Teams that have access when access is limited. */
  teams: Array<Team>;
};

/** A period in which a resource is available for use (wire `availability`). */
export type ResourceAvailability = {
  __typename?: 'ResourceAvailability';
  /** Last day the resource is available; null when open-ended. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** First day the resource is available. */
  startDate?: Maybe<Scalars['Date']['output']>;
};

/** How resources of a type are booked (§6.18 `bookingMode`). */
export type ResourceBookingMode =
  /** Booked for whole days (OfficeRnD value `date`). */
  | 'DATE'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Booked for a time range (hours) (OfficeRnD value `time`). */
  | 'TIME';

/** What one check-in on a resource of this type counts as (§6.18 `checkinMode`). */
export type ResourceCheckinMode =
  /** A day (OfficeRnD value `day`). */
  | 'DAY'
  /** Half a day (OfficeRnD value `half_day`). */
  | 'HALF_DAY'
  /** An hour (OfficeRnD value `hour`). */
  | 'HOUR'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER';

/** A page of Resource items. Page with `first` and `after`; every item appears exactly once. */
export type ResourceConnection = {
  __typename?: 'ResourceConnection';
  /** The items of this page with their cursors. */
  edges: Array<ResourceEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Resource>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of resources a date selection applies to (the connector's "Date Selection Criteria"); default CREATED_AT. */
export type ResourceDateField =
  /** When the resource was created (`createdAt`). The default. */
  | 'CREATED_AT'
  /** When the resource last changed (`modifiedAt`). */
  | 'MODIFIED_AT';

/** One Resource of a connection, with the cursor that points just after it. */
export type ResourceEdge = {
  __typename?: 'ResourceEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Resource. */
  node: Resource;
};

/** The kind of a resource (§6.17 `type`). */
export type ResourceKind =
  /** A custom resource (OfficeRnD value `custom`). */
  | 'CUSTOM'
  /** A dedicated desk (OfficeRnD value `desk`). */
  | 'DESK'
  /** A desk that cannot be assigned (OfficeRnD value `desk_na`). */
  | 'DESK_NA'
  /** A desk inside a private office (OfficeRnD value `desk_tr`). */
  | 'DESK_TR'
  /** A hot desk (OfficeRnD value `hotdesk`). */
  | 'HOTDESK'
  /** A bookable meeting room (OfficeRnD value `meeting_room`). */
  | 'MEETING_ROOM'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** A private office (team room) (OfficeRnD value `team_room`). */
  | 'TEAM_ROOM';

/** One sort key of a list of Resource items. */
export type ResourceOrder = {
  /** ASC (default) or DESC. */
  direction?: InputMaybe<SortDirection>;
  /** The field to sort by. */
  field: ResourceSortField;
};

/** The fields a list of Resource items can be sorted by. */
export type ResourceSortField =
  /** When it was created. */
  | 'CREATED_AT'
  /** When it last changed. */
  | 'MODIFIED_AT'
  /** The resource name. */
  | 'NAME';

/** A kind of resource defined by the organization (meeting room, hot desk …) with its booking and check-in rules. Report "Resource Types". */
export type ResourceType = {
  __typename?: 'ResourceType';
  /** Whether resources of this type are booked by time or by date. */
  bookingMode?: Maybe<ResourceBookingMode>;
  /** Whether resources of this type can be assigned to members or teams. */
  canAssign?: Maybe<Scalars['Boolean']['output']>;
  /** Whether resources of this type can be booked. */
  canBook?: Maybe<Scalars['Boolean']['output']>;
  /** What one check-in counts as for this type. */
  checkinMode?: Maybe<ResourceCheckinMode>;
  /** Display colour (hex), as used on floor plans and calendars. */
  color?: Maybe<Scalars['String']['output']>;
  /** Icon name. */
  icon?: Maybe<Scalars['String']['output']>;
  /** The OfficeRnD id (v1 sends it as `id`). */
  id: Scalars['ID']['output'];
  /** Whether resources of this type can contain other resources (wire `hierarchicalResourcesEnabled`). */
  isHierarchical?: Maybe<Scalars['Boolean']['output']>;
  /** Whether this is a primary type shown first in OfficeRnD (wire `primary`). */
  isPrimary?: Maybe<Scalars['Boolean']['output']>;
  /** Whether OfficeRnD defines this type (not the organization). */
  isSystem?: Maybe<Scalars['Boolean']['output']>;
  /** The resources of this type (matched on the type key). */
  resources?: Maybe<ResourceConnection>;
  /** What the type is meant for, as sent by OfficeRnD. */
  target?: Maybe<Scalars['String']['output']>;
  /** Display name, e.g. "Meeting Room". */
  title?: Maybe<Scalars['String']['output']>;
  /** The type key as a known resource kind; OTHER for org-defined types (see `typeKey`). */
  type?: Maybe<ResourceKind>;
  /** The type key exactly as OfficeRnD sends it (wire `type`), e.g. "meeting_room"; resources and rates carry the same key. */
  typeKey?: Maybe<Scalars['String']['output']>;
};


/** A kind of resource defined by the organization (meeting room, hot desk …) with its booking and check-in rules. Report "Resource Types". */
export type ResourceTypeResourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of ResourceType items. Page with `first` and `after`; every item appears exactly once. */
export type ResourceTypeConnection = {
  __typename?: 'ResourceTypeConnection';
  /** The items of this page with their cursors. */
  edges: Array<ResourceTypeEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<ResourceType>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** One ResourceType of a connection, with the cursor that points just after it. */
export type ResourceTypeEdge = {
  __typename?: 'ResourceTypeEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The ResourceType. */
  node: ResourceType;
};

/** The direction of a sort key. */
export type SortDirection =
  /** Smallest (earliest, A first) first; missing values last. */
  | 'ASC'
  /** Largest (latest, Z first) first; missing values last. */
  | 'DESC';

/** Live updates, over server-sent events: send the subscription with `Accept: text/event-stream`. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Every verified OfficeRnD change from now on (webhooks at POST /webhooks/officernd; silent while OFFICERND_WEBHOOK_SECRET is unset). Dashboards refetch the panels a change touches. */
  officerndChanged: OfficeRnDChange;
};


/** Live updates, over server-sent events: send the subscription with `Accept: text/event-stream`. */
export type SubscriptionOfficerndChangedArgs = {
  collections?: InputMaybe<Array<OfficeRnDCollection>>;
};

/** How the prices of a billing document treat tax (§6.14). */
export type TaxType =
  /** Prices are net: tax is added on top (OfficeRnD value `excluded`). */
  | 'EXCLUDED'
  /** Prices include tax (OfficeRnD value `included`). */
  | 'INCLUDED'
  /** No tax applies (OfficeRnD value `noTax`). */
  | 'NO_TAX'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER';

/** A company (OfficeRnD "team"; v2 "company") whose members share billing. Report "Teams". */
export type Team = {
  __typename?: 'Team';
  /** Postal address. */
  address?: Maybe<Address>;
  /** Invoicing details (wire `details`). */
  billingDetails?: Maybe<TeamBillingDetails>;
  /** Bookings made for this team. */
  bookings?: Maybe<BookingConnection>;
  /** Sales or lifecycle stage OfficeRnD derives for the company. */
  calculatedStage?: Maybe<Scalars['String']['output']>;
  /** Status OfficeRnD derives from the memberships of the company (v2 `status`). */
  calculatedStatus?: Maybe<TeamStatus>;
  /** Internal staff notes. */
  comments?: Maybe<Scalars['String']['output']>;
  /** Membership agreements signed by this team. */
  contracts?: Maybe<ContractConnection>;
  /** When the team was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** OfficeRnD staff user who created it (v1 spells it `created_by` on teams); not a member. */
  createdById?: Maybe<Scalars['ID']['output']>;
  /** The credit accounts of this team in a month (or in every month a date selection touches), in month order. */
  creditAccounts?: Maybe<Array<CreditAccount>>;
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Company e-mail address; null, with an UPSTREAM_INVALID_DATA error at this path, when OfficeRnD holds one that is not valid. */
  email?: Maybe<Scalars['EmailAddress']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** Logo URL. */
  image?: Maybe<Scalars['String']['output']>;
  /** Whether OfficeRnD created and manages this team itself. */
  isSystem?: Maybe<Scalars['Boolean']['output']>;
  /** OfficeRnD `isTeam` flag: whether the record is a real company rather than a placeholder. */
  isTeam?: Maybe<Scalars['Boolean']['output']>;
  /** The members of this team. */
  members?: Maybe<MemberConnection>;
  /** Memberships (recurring plans) billed to this team. */
  memberships?: Maybe<MembershipConnection>;
  /** When the team last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** OfficeRnD staff user who last changed it; not a member. */
  modifiedById?: Maybe<Scalars['ID']['output']>;
  /** Company name. */
  name?: Maybe<Scalars['String']['output']>;
  /** The team's home office. */
  office?: Maybe<Office>;
  /** Custom properties, keyed by property key. */
  properties?: Maybe<Scalars['JSON']['output']>;
  /** The day the company became a customer. */
  startDate?: Maybe<Scalars['Date']['output']>;
  /** Tags set by admins. */
  tags?: Maybe<Array<Scalars['String']['output']>>;
  /** Twitter / X handle. */
  twitterHandle?: Maybe<Scalars['String']['output']>;
  /** Company website. */
  url?: Maybe<Scalars['String']['output']>;
};


/** A company (OfficeRnD "team"; v2 "company") whose members share billing. Report "Teams". */
export type TeamBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A company (OfficeRnD "team"; v2 "company") whose members share billing. Report "Teams". */
export type TeamContractsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A company (OfficeRnD "team"; v2 "company") whose members share billing. Report "Teams". */
export type TeamCreditAccountsArgs = {
  dates?: InputMaybe<DateSelection>;
  month?: InputMaybe<Scalars['String']['input']>;
};


/** A company (OfficeRnD "team"; v2 "company") whose members share billing. Report "Teams". */
export type TeamMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A company (OfficeRnD "team"; v2 "company") whose members share billing. Report "Teams". */
export type TeamMembershipsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How a team is invoiced: legal name, tax ids, currency and payment method (v1 `details`). */
export type TeamBillingDetails = {
  __typename?: 'TeamBillingDetails';
  /** Currency the team is invoiced in, when it differs from the organization default. */
  currency?: Maybe<Scalars['String']['output']>;
  /** Conversion rate from the organization currency to the team currency. */
  currencyConversionRate?: Maybe<Scalars['Float']['output']>;
  /** Date attached to the billing details by OfficeRnD. */
  date?: Maybe<Scalars['Date']['output']>;
  /** Whether invoices go to an address other than the team address (wire `differentAddress`). */
  hasDifferentAddress?: Maybe<Scalars['Boolean']['output']>;
  /** Name printed on invoices (wire `name`). */
  legalName?: Maybe<Scalars['String']['output']>;
  /** Preferred payment method, e.g. card or bank transfer. */
  paymentMethod?: Maybe<Scalars['String']['output']>;
  /** Company registration number (wire `regId`). */
  registrationId?: Maybe<Scalars['String']['output']>;
  /** VAT / tax registration number. */
  vatId?: Maybe<Scalars['String']['output']>;
};

/** A page of Team items. Page with `first` and `after`; every item appears exactly once. */
export type TeamConnection = {
  __typename?: 'TeamConnection';
  /** The items of this page with their cursors. */
  edges: Array<TeamEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Team>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of teams a date selection applies to (the connector's "Date Selection Criteria"); default START_DATE. */
export type TeamDateField =
  /** When the team was created (`createdAt`). */
  | 'CREATED_AT'
  /** When the team last changed (`modifiedAt`). */
  | 'MODIFIED_AT'
  /** The day the company became a customer. The default. */
  | 'START_DATE';

/** One Team of a connection, with the cursor that points just after it. */
export type TeamEdge = {
  __typename?: 'TeamEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Team. */
  node: Team;
};

/** One sort key of a list of Team items. */
export type TeamOrder = {
  /** ASC (default) or DESC. */
  direction?: InputMaybe<SortDirection>;
  /** The field to sort by. */
  field: TeamSortField;
};

/** The fields a list of Team items can be sorted by. */
export type TeamSortField =
  /** When it was created. */
  | 'CREATED_AT'
  /** When it last changed. */
  | 'MODIFIED_AT'
  /** The team name. */
  | 'NAME'
  /** The start date. */
  | 'START_DATE';

/** Where a team (company) stands with the organization (§6.19). */
export type TeamStatus =
  /** An active customer (OfficeRnD value `active`). */
  | 'ACTIVE'
  /** Uses the space on drop-in terms only (OfficeRnD value `drop-in`). */
  | 'DROP_IN'
  /** A former customer (OfficeRnD value `former`). */
  | 'FORMER'
  /** Known but without active memberships (OfficeRnD value `inactive`). */
  | 'INACTIVE'
  /** A sales lead (OfficeRnD value `lead`). */
  | 'LEAD'
  /** Rejected by an admin (OfficeRnD value `not_approved`). */
  | 'NOT_APPROVED'
  /** A value OfficeRnD sent that this gateway does not know yet. */
  | 'OTHER'
  /** Awaiting approval or activation (OfficeRnD value `pending`). */
  | 'PENDING';

/** A calendar period relative to today (in the selection's time zone), as in the connector's "Time Period" menu. */
export type TimePeriod =
  /** The whole previous calendar month. */
  | 'LAST_MONTH'
  /** The whole previous calendar quarter. */
  | 'LAST_QUARTER'
  /** The whole previous week. */
  | 'LAST_WEEK'
  /** The whole previous calendar year. */
  | 'LAST_YEAR'
  /** From the first day of the current month through today. */
  | 'MONTH_TO_DATE'
  /** From the first day of the current quarter through today. */
  | 'QUARTER_TO_DATE'
  /** The whole current calendar month. */
  | 'THIS_MONTH'
  /** The whole current calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec). */
  | 'THIS_QUARTER'
  /** The whole current week (all seven days, also those still to come). */
  | 'THIS_WEEK'
  /** The whole current calendar year. */
  | 'THIS_YEAR'
  /** Today. */
  | 'TODAY'
  /** From the first day of the current week through today. */
  | 'WEEK_TO_DATE'
  /** From 1 January of the current year through today. */
  | 'YEAR_TO_DATE'
  /** Yesterday. */
  | 'YESTERDAY';

/** A guest visit hosted by a member. Report "Visits". */
export type Visit = {
  __typename?: 'Visit';
  /** The booking (e.g. a meeting room) the visit belongs to. */
  booking?: Maybe<Booking>;
  /** When the record was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** OfficeRnD user who created the record; not a member. */
  createdById?: Maybe<Scalars['ID']['output']>;
  /** When the visit ends. */
  end?: Maybe<Scalars['DateTime']['output']>;
  /** The OfficeRnD id. */
  id: Scalars['ID']['output'];
  /** The member hosting the visitor. */
  member?: Maybe<Member>;
  /** When the record last changed. */
  modifiedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The office visited. */
  office?: Maybe<Office>;
  /** When the visit starts. */
  start?: Maybe<Scalars['DateTime']['output']>;
  /** The host's team. */
  team?: Maybe<Team>;
  /** The visitor (OfficeRnD visitors are outside the 20 reports). */
  visitorId?: Maybe<Scalars['ID']['output']>;
};

/** A page of Visit items. Page with `first` and `after`; every item appears exactly once. */
export type VisitConnection = {
  __typename?: 'VisitConnection';
  /** The items of this page with their cursors. */
  edges: Array<VisitEdge>;
  /** The items of this page, without cursors. */
  nodes: Array<Visit>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many items match the list's filters and dates, whatever `first` and `after`. It needs the whole match set (OfficeRnD has no count): one walk of the matching pages, read once per request and shared with this list's items; past the scan cap it is a RESULT_TOO_LARGE error, never a short count. */
  totalCount: Scalars['Int']['output'];
};

/** Which date of visits a date selection applies to (the connector's "Date Selection Criteria"); default START. */
export type VisitDateField =
  /** When the visit was created (`createdAt`). */
  | 'CREATED_AT'
  /** When the visit ends. */
  | 'END'
  /** When the visit last changed (`modifiedAt`). */
  | 'MODIFIED_AT'
  /** When the visit starts. The default. */
  | 'START';

/** One Visit of a connection, with the cursor that points just after it. */
export type VisitEdge = {
  __typename?: 'VisitEdge';
  /** Opaque cursor: pass it as `after` to continue right after this item. */
  cursor: Scalars['String']['output'];
  /** The Visit. */
  node: Visit;
};

/** A day of the week: the first day of the week for the week periods (`weekStartsOn`). */
export type Weekday =
  /** Friday. */
  | 'FRIDAY'
  /** Monday. */
  | 'MONDAY'
  /** Saturday. */
  | 'SATURDAY'
  /** Sunday. */
  | 'SUNDAY'
  /** Thursday. */
  | 'THURSDAY'
  /** Tuesday. */
  | 'TUESDAY'
  /** Wednesday. */
  | 'WEDNESDAY';

export type BookingsPerOfficeDayQueryVariables = Exact<{
  timeZone?: InputMaybe<Scalars['String']['input']>;
}>;


export type BookingsPerOfficeDayQuery = { __typename?: 'Query', bookings?: { __typename?: 'BookingConnection', aggregate: { __typename?: 'BookingAggregate', count: number, sum: { __typename?: 'BookingSums', duration?: number | null }, groupBy: Array<{ __typename?: 'BookingGroup', count: number, keys: { __typename?: 'BookingGroupKeys', day?: string | null, office?: { __typename?: 'Office', id: string, name?: string | null } | null }, sum: { __typename?: 'BookingSums', duration?: number | null } }> } } | null };

export type MembershipsByPlanQueryVariables = Exact<{ [key: string]: never; }>;


export type MembershipsByPlanQuery = { __typename?: 'Query', memberships?: { __typename?: 'MembershipConnection', totalCount: number, aggregate: { __typename?: 'MembershipAggregate', groupBy: Array<{ __typename?: 'MembershipGroup', count: number, keys: { __typename?: 'MembershipGroupKeys', plan?: { __typename?: 'Plan', name?: string | null } | null }, sum: { __typename?: 'MembershipSums', price?: number | null }, avg: { __typename?: 'MembershipAverages', price?: number | null } }> } } | null };

export type RevenueByMonthQueryVariables = Exact<{ [key: string]: never; }>;


export type RevenueByMonthQuery = { __typename?: 'Query', payments?: { __typename?: 'PaymentConnection', aggregate: { __typename?: 'PaymentAggregate', count: number, sum: { __typename?: 'PaymentSums', totalAmount?: number | null, paidAmount?: number | null }, byMonth: Array<{ __typename?: 'PaymentGroup', count: number, keys: { __typename?: 'PaymentGroupKeys', month?: string | null, status?: PaymentStatus | null }, sum: { __typename?: 'PaymentSums', totalAmount?: number | null } }>, topTeams: Array<{ __typename?: 'PaymentGroup', count: number, keys: { __typename?: 'PaymentGroupKeys', team?: { __typename?: 'Team', name?: string | null } | null }, sum: { __typename?: 'PaymentSums', totalAmount?: number | null } }> } } | null };

export type DashboardQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type DashboardQuery = { __typename?: 'Query', bookings?: { __typename?: 'BookingConnection', nodes: Array<{ __typename?: 'Booking', id: string, title?: string | null, start?: string | null, end?: string | null, isCancelled?: boolean | null, member?: { __typename?: 'Member', name?: string | null, team?: { __typename?: 'Team', name?: string | null, office?: { __typename?: 'Office', name?: string | null } | null } | null } | null, resource?: { __typename?: 'Resource', name?: string | null, floor?: { __typename?: 'Floor', name?: string | null } | null, office?: { __typename?: 'Office', name?: string | null, timeZone?: string | null } | null } | null, rate?: { __typename?: 'Rate', name?: string | null } | null }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null };

export type InvoicesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type InvoicesQuery = { __typename?: 'Query', payments?: { __typename?: 'PaymentConnection', nodes: Array<{ __typename?: 'Payment', number?: string | null, documentType?: PaymentDocumentType | null, status?: PaymentStatus | null, issueDate?: string | null, team?: { __typename?: 'Team', name?: string | null } | null, lines: Array<{ __typename?: 'PaymentLine', description?: string | null, total?: number | null, fee?: { __typename?: 'Fee', name?: string | null } | null, plan?: { __typename?: 'Plan', name?: string | null } | null }> }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null };

export type TeamOverviewQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TeamOverviewQuery = { __typename?: 'Query', team?: { __typename?: 'Team', name?: string | null, office?: { __typename?: 'Office', name?: string | null } | null, members?: { __typename?: 'MemberConnection', nodes: Array<{ __typename?: 'Member', name?: string | null, email?: string | null, memberships?: { __typename?: 'MembershipConnection', nodes: Array<{ __typename?: 'Membership', name?: string | null, startDate?: string | null, endDate?: string | null, plan?: { __typename?: 'Plan', name?: string | null, price?: number | null } | null }> } | null }> } | null } | null };

export type DashboardBookingsPerDayQueryVariables = Exact<{
  dates: DateSelection;
  office?: InputMaybe<Scalars['ID']['input']>;
}>;


export type DashboardBookingsPerDayQuery = { __typename?: 'Query', bookings?: { __typename?: 'BookingConnection', totalCount: number, nodes: Array<{ __typename?: 'Booking', start?: string | null }> } | null };

export type DashboardChangesSubscriptionVariables = Exact<{
  collections?: InputMaybe<Array<OfficeRnDCollection> | OfficeRnDCollection>;
}>;


export type DashboardChangesSubscription = { __typename?: 'Subscription', officerndChanged: { __typename?: 'OfficeRnDChange', collection?: OfficeRnDCollection | null, id?: string | null, eventType: string, action: string, time: string } };

export type DashboardMembershipsQueryVariables = Exact<{
  office?: InputMaybe<Scalars['ID']['input']>;
}>;


export type DashboardMembershipsQuery = { __typename?: 'Query', memberships?: { __typename?: 'MembershipConnection', totalCount: number, nodes: Array<{ __typename?: 'Membership', plan?: { __typename?: 'Plan', id: string, name?: string | null } | null }> } | null };

export type DashboardOccupancyQueryVariables = Exact<{
  dates: DateSelection;
  office?: InputMaybe<Scalars['ID']['input']>;
}>;


export type DashboardOccupancyQuery = { __typename?: 'Query', bookings?: { __typename?: 'BookingConnection', totalCount: number, nodes: Array<{ __typename?: 'Booking', start?: string | null, end?: string | null, office?: { __typename?: 'Office', id: string, name?: string | null } | null, resource?: { __typename?: 'Resource', resourceType?: { __typename?: 'ResourceType', id: string, title?: string | null } | null } | null }> } | null, checkins?: { __typename?: 'CheckinConnection', totalCount: number, nodes: Array<{ __typename?: 'Checkin', office?: { __typename?: 'Office', id: string, name?: string | null } | null }> } | null };

export type DashboardOfficesQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardOfficesQuery = { __typename?: 'Query', offices?: { __typename?: 'OfficeConnection', nodes: Array<{ __typename?: 'Office', id: string, name?: string | null }> } | null };

export type DashboardOpenIssuesQueryVariables = Exact<{
  office?: InputMaybe<Scalars['ID']['input']>;
}>;


export type DashboardOpenIssuesQuery = { __typename?: 'Query', issues?: { __typename?: 'IssueConnection', totalCount: number, nodes: Array<{ __typename?: 'Issue', id: string, subject?: string | null, status?: IssueStatus | null, createdAt?: string | null, office?: { __typename?: 'Office', name?: string | null } | null }> } | null };

export type DashboardRevenueQueryVariables = Exact<{
  dates: DateSelection;
  office?: InputMaybe<Scalars['ID']['input']>;
}>;


export type DashboardRevenueQuery = { __typename?: 'Query', payments?: { __typename?: 'PaymentConnection', totalCount: number, nodes: Array<{ __typename?: 'Payment', date?: string | null, totalAmount?: number | null }> } | null, fees?: { __typename?: 'FeeConnection', totalCount: number, nodes: Array<{ __typename?: 'Fee', issueDate?: string | null, price?: number | null, quantity?: number | null }> } | null };

export type DashboardTopTeamsQueryVariables = Exact<{
  dates: DateSelection;
  office?: InputMaybe<Scalars['ID']['input']>;
}>;


export type DashboardTopTeamsQuery = { __typename?: 'Query', bookings?: { __typename?: 'BookingConnection', totalCount: number, nodes: Array<{ __typename?: 'Booking', team?: { __typename?: 'Team', id: string, name?: string | null } | null }> } | null };

export type DashboardUpcomingQueryVariables = Exact<{
  dates: DateSelection;
  office?: InputMaybe<Scalars['ID']['input']>;
}>;


export type DashboardUpcomingQuery = { __typename?: 'Query', bookingOccurrences?: { __typename?: 'BookingOccurrenceConnection', nodes: Array<{ __typename?: 'BookingOccurrence', id: string, start?: string | null, end?: string | null, title?: string | null, resource?: { __typename?: 'Resource', name?: string | null } | null, office?: { __typename?: 'Office', name?: string | null } | null, member?: { __typename?: 'Member', name?: string | null } | null }> } | null };


export const BookingsPerOfficeDayDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BookingsPerOfficeDay"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"Europe/London","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dates"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"period"},"value":{"kind":"EnumValue","value":"LAST_MONTH"}},{"kind":"ObjectField","name":{"kind":"Name","value":"timeZone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"timeZone"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groupBy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OFFICE"},{"kind":"EnumValue","value":"DAY"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"day"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BookingsPerOfficeDayQuery, BookingsPerOfficeDayQueryVariables>;
export const MembershipsByPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembershipsByPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupBy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PLAN"}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"count"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"}}]}},{"kind":"Field","name":{"kind":"Name","value":"avg"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MembershipsByPlanQuery, MembershipsByPlanQueryVariables>;
export const RevenueByMonthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevenueByMonth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dates"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"period"},"value":{"kind":"EnumValue","value":"YEAR_TO_DATE"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byMonth"},"name":{"kind":"Name","value":"groupBy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"MONTH"},{"kind":"EnumValue","value":"STATUS"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"topTeams"},"name":{"kind":"Name","value":"groupBy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"TEAM"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"count"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RevenueByMonthQuery, RevenueByMonthQueryVariables>;
export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"isCancelled"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"floor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const InvoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","alias":{"kind":"Name","value":"issueDate"},"name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"fee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<InvoicesQuery, InvoicesQueryVariables>;
export const TeamOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamOverviewQuery, TeamOverviewQueryVariables>;
export const DashboardBookingsPerDayDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardBookingsPerDay"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dates"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateSelection"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"office"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dates"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dates"}}},{"kind":"Argument","name":{"kind":"Name","value":"office"},"value":{"kind":"Variable","name":{"kind":"Name","value":"office"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardBookingsPerDayQuery, DashboardBookingsPerDayQueryVariables>;
export const DashboardChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"collections"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OfficeRnDCollection"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"officerndChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"collections"},"value":{"kind":"Variable","name":{"kind":"Name","value":"collections"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collection"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}}]}}]} as unknown as DocumentNode<DashboardChangesSubscription, DashboardChangesSubscriptionVariables>;
export const DashboardMembershipsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardMemberships"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"office"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"office"},"value":{"kind":"Variable","name":{"kind":"Name","value":"office"}}},{"kind":"Argument","name":{"kind":"Name","value":"calculatedStatus"},"value":{"kind":"EnumValue","value":"ACTIVE"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardMembershipsQuery, DashboardMembershipsQueryVariables>;
export const DashboardOccupancyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardOccupancy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dates"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateSelection"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"office"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dates"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dates"}}},{"kind":"Argument","name":{"kind":"Name","value":"office"},"value":{"kind":"Variable","name":{"kind":"Name","value":"office"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkins"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dates"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dates"}}},{"kind":"Argument","name":{"kind":"Name","value":"office"},"value":{"kind":"Variable","name":{"kind":"Name","value":"office"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardOccupancyQuery, DashboardOccupancyQueryVariables>;
export const DashboardOfficesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardOffices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardOfficesQuery, DashboardOfficesQueryVariables>;
export const DashboardOpenIssuesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardOpenIssues"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"office"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"office"},"value":{"kind":"Variable","name":{"kind":"Name","value":"office"}}},{"kind":"Argument","name":{"kind":"Name","value":"statusIn"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"NEW"},{"kind":"EnumValue","value":"OPEN"},{"kind":"EnumValue","value":"PENDING"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardOpenIssuesQuery, DashboardOpenIssuesQueryVariables>;
export const DashboardRevenueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardRevenue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dates"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateSelection"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"office"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dates"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dates"}}},{"kind":"Argument","name":{"kind":"Name","value":"office"},"value":{"kind":"Variable","name":{"kind":"Name","value":"office"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dates"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dates"}}},{"kind":"Argument","name":{"kind":"Name","value":"office"},"value":{"kind":"Variable","name":{"kind":"Name","value":"office"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueDate"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardRevenueQuery, DashboardRevenueQueryVariables>;
export const DashboardTopTeamsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardTopTeams"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dates"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateSelection"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"office"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dates"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dates"}}},{"kind":"Argument","name":{"kind":"Name","value":"office"},"value":{"kind":"Variable","name":{"kind":"Name","value":"office"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardTopTeamsQuery, DashboardTopTeamsQueryVariables>;
export const DashboardUpcomingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardUpcoming"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dates"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateSelection"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"office"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookingOccurrences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dates"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dates"}}},{"kind":"Argument","name":{"kind":"Name","value":"office"},"value":{"kind":"Variable","name":{"kind":"Name","value":"office"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardUpcomingQuery, DashboardUpcomingQueryVariables>;