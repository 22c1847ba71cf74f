import { BOOKING_SOURCE } from '../officernd/enums.ts';
import { builder, type Types } from '../builder.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import { wireInstant } from '../dates/wire-dates.ts';
import type {
  WireBooking,
  WireBookingCredit,
  WireBookingFee,
  WireDateTimeSlot,
  WireRecurrence,
  WireServiceSlots,
} from '../officernd/types.ts';
import { aggregateField } from './aggregate.ts';
import { listDates } from './dates.ts';
import { dateOnly, dateTime, loadRef, loadRefs, rootById, rootList, enumOf } from './fields.ts';
import { Booking, BookingConnection, Fee, Member, Office, Rate, Resource, Team } from './refs.ts';

export const BookingSource = enumOf(BOOKING_SOURCE);

/** The wire value of a v1 start/end slot (§4 Timezones: `dateTime`, or `date` for all-day); v2 sends an ISO string. */
const slotValue = (slot: WireDateTimeSlot | string | null | undefined): string | null | undefined =>
  typeof slot === 'string' ? slot : (slot?.dateTime ?? slot?.date);

/** The instant of a start/end slot; null when absent or not a date (for keys; fields report it, see `dateTime`). */
export const slotInstant = (slot: WireDateTimeSlot | string | null | undefined): string | null => {
  const value = slotValue(slot);
  return value ? (wireInstant(value) ?? null) : null;
};

/** All-day bookings carry `date` and no `dateTime` in v1 (§6.1). */
const isAllDay = (slot: WireDateTimeSlot | string | null | undefined): boolean | null =>
  slot && typeof slot === 'object' ? !slot.dateTime && Boolean(slot.date) : null;

const BookingRecurrence = builder.objectRef<WireRecurrence>('BookingRecurrence').implement({
  description: 'How a recurring booking repeats (wire `recurrence`).',
  fields: (t) => ({
    rule: t.exposeString('rrule', {
      description:
        'RFC 5545 recurrence rule, e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10 (wire `rrule`); null for a one-off booking.',
    }),
    excludedStarts: t.field({
      type: ['DateTime'],
      nullable: false,
      description: 'Start instants of occurrences removed from the series (wire `exdates`).',
      resolve: (r) => (r.exdates ?? []).map((d) => wireInstant(d)).filter((d): d is string => d !== undefined),
    }),
  }),
});

const BookingServiceSlots = builder.objectRef<WireServiceSlots>('BookingServiceSlots').implement({
  description: 'Buffer time kept free around a booking, e.g. for cleaning (wire `serviceSlots`).',
  fields: (t) => ({
    minutesBefore: t.exposeInt('before', { description: 'Minutes blocked before the booking (wire `before`).' }),
    minutesAfter: t.exposeInt('after', { description: 'Minutes blocked after the booking (wire `after`).' }),
  }),
});

const BookingCredit = builder.objectRef<WireBookingCredit>('BookingCredit').implement({
  description: 'Credits spent on a booking fee (wire `fees[].credits[]`).',
  fields: (t) => ({
    count: t.exposeFloat('count', { description: 'How many credits were spent.' }),
    creditId: t.id({
      description: 'Id of the credit that paid (wire `credit`; credits are not one of the reports).',
      resolve: (c) => c.credit ?? null,
    }),
  }),
});

const BookingFee = builder.objectRef<WireBookingFee>('BookingFee').implement({
  description: 'What a booking was charged for one day: the fee, extra fees and credits used (wire `fees[]`).',
  fields: (t) => ({
    // Stored at T00:00:00.000Z like other date-only values (§4 Timezones).
    date: t.field({
      type: 'Date',
      description: 'The day the fee is for.',
      resolve: (f) => dateOnly(f.date, f, 'date'),
    }),
    fee: t.field({
      type: Fee,
      description: 'The fee charged for the booking.',
      resolve: (f, _a, ctx) => loadRef(ctx, 'fees', f.fee),
    }),
    extraFees: t.field({
      type: [Fee],
      nullable: false,
      description: 'Fees for extras added to the booking.',
      resolve: (f, _a, ctx) => loadRefs(ctx, 'fees', f.extraFees),
    }),
    credits: t.field({
      type: [BookingCredit],
      nullable: false,
      description: 'Credits spent instead of money.',
      resolve: (f) => f.credits ?? [],
    }),
    valueCredits: t.field({
      type: 'JSON',
      description: 'Value credits (coins) spent, as sent by OfficeRnD.',
      resolve: (f) => f.valueCredits ?? null,
    }),
  }),
});

/**
 * Fields a booking and each of its occurrences share (an occurrence is booking-shaped, §6.2): timing,
 * flags and links. `start`/`end` are the occurrence's on an occurrence.
 */
export const bookingFields = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, WireBooking>) => ({
  title: t.exposeString('summary', { description: 'Title shown in calendars (wire `summary`).' }),
  description: t.exposeString('description', { description: 'Free-text description.' }),
  start: t.field({
    type: 'DateTime',
    description: 'When it starts.',
    resolve: (b) => dateTime(slotValue(b.start), b, 'start'),
  }),
  end: t.field({
    type: 'DateTime',
    description: 'When it ends.',
    resolve: (b) => dateTime(slotValue(b.end), b, 'end'),
  }),
  isAllDay: t.boolean({
    description: 'Whether it is booked for whole days (v1 sends `start.date` instead of `start.dateTime`).',
    resolve: (b) => isAllDay(b.start),
  }),
  timeZone: t.exposeString('timezone', {
    description:
      'IANA time zone of the booked resource, e.g. Europe/Lisbon: use it to show local times (wire `timezone`).',
  }),
  // §6.1: v2 flags are sparse and absent means false; v1 is read the same way.
  isCancelled: t.boolean({
    description: 'Whether the booking was cancelled (wire `canceled`).',
    resolve: (b) => b.canceled ?? false,
  }),
  isTentative: t.boolean({
    description: 'Whether the booking is tentative (wire `tentative`).',
    resolve: (b) => b.tentative ?? false,
  }),
  isFree: t.boolean({
    description: 'Whether the booking is free of charge (wire `free`).',
    resolve: (b) => b.free ?? false,
  }),
  reference: t.exposeString('reference', { description: 'Short booking reference shown to members, e.g. G35X86D.' }),
  source: t.field({
    type: BookingSource.ref,
    description: 'Where the booking was made.',
    resolve: (b) => BookingSource.fromWire(b.source) as never,
  }),
  member: t.field({
    type: Member,
    description: 'The member who booked; null for a booking made for a team only.',
    resolve: (b, _a, ctx) => loadRef(ctx, 'members', b.member),
  }),
  team: t.field({
    type: Team,
    description: 'The team the booking is billed to.',
    resolve: (b, _a, ctx) => loadRef(ctx, 'teams', b.team),
  }),
  office: t.field({
    type: Office,
    description: 'The office of the booked resource.',
    resolve: (b, _a, ctx) => loadRef(ctx, 'offices', b.office),
  }),
  resource: t.field({
    type: Resource,
    description: 'The booked resource (wire `resourceId`).',
    resolve: (b, _a, ctx) => loadRef(ctx, 'resources', b.resourceId),
  }),
  rate: t.field({
    type: Rate,
    description: 'The rate the booking is charged at (wire `plan`: a v1 rate is a plan with isRate).',
    resolve: (b, _a, ctx) => loadRef(ctx, 'rates', b.plan),
  }),
  attendees: t.field({
    type: [Member],
    nullable: false,
    description: 'Members invited to the booking (wire `members`).',
    resolve: (b, _a, ctx) => loadRefs(ctx, 'members', b.members),
  }),
});

Booking.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'bookings' },
  description:
    'A booking of a resource (meeting room, desk …). A recurring series is one booking: use `bookingOccurrences` ' +
    'for every instance. Report "Bookings".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    ...bookingFields(t),
    seriesStart: t.field({
      type: 'DateTime',
      description: 'Start of the first occurrence of the series (equals `start` for a one-off booking).',
      resolve: (b) => dateTime(b.seriesStart, b, 'seriesStart'),
    }),
    seriesEnd: t.field({
      type: 'DateTime',
      description: 'End of the last occurrence of the series (equals `end` for a one-off booking).',
      resolve: (b) => dateTime(b.seriesEnd, b, 'seriesEnd'),
    }),
    isRecurring: t.boolean({
      nullable: false,
      description: 'Whether the booking repeats (it has a recurrence rule).',
      resolve: (b) => Boolean(b.recurrence?.rrule),
    }),
    recurrence: t.field({
      type: BookingRecurrence,
      description: 'How the booking repeats; null for a one-off booking.',
      resolve: (b) => (b.recurrence?.rrule ? b.recurrence : null),
    }),
    recurrenceText: t.exposeString('humanizedRecurrence', {
      description: 'The recurrence in words, e.g. "Weekly on Monday, 10 times" (wire `humanizedRecurrence`).',
    }),
    isAccounted: t.boolean({
      description: 'Whether the booking has been charged (wire `accounted`).',
      resolve: (b) => b.accounted ?? false,
    }),
    accountedUntil: t.field({
      type: 'DateTime',
      description: 'For a recurring booking, up to when occurrences have been charged.',
      resolve: (b) => dateTime(b.accountedUntil, b, 'accountedUntil'),
    }),
    fees: t.field({
      type: [BookingFee],
      nullable: false,
      description: 'What the booking was charged, day by day.',
      resolve: (b) => b.fees ?? [],
    }),
    serviceSlots: t.field({
      type: BookingServiceSlots,
      description: 'Buffer time kept free around the booking.',
      resolve: (b) => b.serviceSlots ?? null,
    }),
    parent: t.field({
      type: Booking,
      description: 'The booking this one was split from, when OfficeRnD links one.',
      resolve: (b, _a, ctx) => loadRef(ctx, 'bookings', b.parent),
    }),
    visitorIds: t.idList({
      nullable: false,
      description: 'Ids of invited visitors (wire `visitors`; visitors are not one of the reports).',
      resolve: (b) => b.visitors ?? [],
    }),
    googleCalendarEventId: t.exposeString('gcalId', {
      description: 'Id of the synced Google Calendar event (wire `gcalId`).',
    }),
    properties: t.field({
      type: 'JSON',
      description: 'Custom properties, keyed by property key.',
      resolve: (b) => b.properties ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the booking was made.',
      resolve: (b) => dateTime(b.createdAt, b, 'createdAt'),
    }),
    createdById: t.id({
      description:
        'Id of the OfficeRnD user who made the booking (wire `createdBy`; users are not one of the reports).',
      resolve: (b) => b.createdBy ?? null,
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the booking last changed.',
      resolve: (b) => dateTime(b.modifiedAt, b, 'modifiedAt'),
    }),
    modifiedById: t.id({
      description: 'Id of the OfficeRnD user who last changed the booking (wire `modifiedBy`).',
      resolve: (b) => b.modifiedBy ?? null,
    }),
  }),
});

rootList('bookings', {
  collection: 'bookings',
  dates: listDates('Booking', 'bookings', REPORT_DATES.bookings),
  connection: BookingConnection,
  description:
    'The bookings of the organization; a recurring series appears once (see `bookingOccurrences`). Report "Bookings".',
});
rootById('booking', Booking, 'bookings', 'One booking by id; null when there is none.');
aggregateField(BookingConnection, 'bookings');
