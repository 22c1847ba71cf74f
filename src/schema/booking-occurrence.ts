import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import {
  OccurrenceCursorError,
  occurrenceFilters,
  occurrencePagesAcross,
  type OccurrenceFilters,
} from '../dates/occurrence-pages.ts';
import { occurrenceWindows, REPORT_DATES, type OccurrenceWindow } from '../dates/report-dates.ts';
import type { Page, WireBookingOccurrence } from '../officernd/index.ts';
import { bookingFields, slotInstant } from './booking.ts';
import { aggregateFieldOf } from './aggregate.ts';
import { MatchSetLimitError, upstreamPagesConnection, type ConnectionArgs } from './connection.ts';
import { DateSelection, listDates, resolveDates, selectionError, type DateSelectionArg } from './dates.ts';
import { badInput } from './errors.ts';
import { OCCURRENCE_AGGREGATES } from '../core/aggregate.ts';
import { resolveLinks, rowCheck } from '../core/filters.ts';
import { MAX_WALK_ITEMS } from '../core/limits.ts';
import { OCCURRENCE_FILTERS } from '../officernd/collections.ts';
import { connectionArgs, filterArgs, givenFilters, loadRef } from './fields.ts';
import { Booking, BookingOccurrence, BookingOccurrenceConnection } from './refs.ts';

/**
 * The booking an occurrence belongs to. §6.2 leaves open whether an occurrence carries its booking's `_id` or an id
 * of its own with a reference to the booking: a reference (`booking`, `bookingId`) wins, else `_id` is the booking's.
 */
export function bookingIdOf(occurrence: WireBookingOccurrence): string {
  const wire = occurrence as WireBookingOccurrence & { booking?: unknown; bookingId?: unknown };
  if (typeof wire.booking === 'string' && wire.booking !== '') return wire.booking;
  if (typeof wire.bookingId === 'string' && wire.bookingId !== '') return wire.bookingId;
  return occurrence._id;
}

/** An occurrence's id: its booking and its start (one booking has one occurrence per start). */
const occurrenceId = (o: WireBookingOccurrence): string => `${bookingIdOf(o)}:${slotInstant(o.start) ?? ''}`;

const OccurrenceDates = listDates('BookingOccurrence', 'booking occurrences', REPORT_DATES.occurrences);

BookingOccurrence.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: null },
  description:
    'One occurrence of a booking in a time window: a one-off booking, or one instance of a recurring series. ' +
    'Report "Booking Occurrences".',
  fields: (t) => ({
    id: t.id({
      nullable: false,
      description: 'Unique id of the occurrence: the booking id and the occurrence start, as "<bookingId>:<start>".',
      resolve: occurrenceId,
    }),
    ...bookingFields(t),
    booking: t.field({
      type: Booking,
      description: 'The booking (or recurring series) this occurrence belongs to.',
      resolve: (o, _a, ctx) => loadRef(ctx, 'bookings', bookingIdOf(o)),
    }),
  }),
});

interface OccurrenceArgs extends ConnectionArgs {
  dates?: DateSelectionArg | null;
  dateField?: string | null;
}

/** The upstream windows: the selection cut into windows of at most a year (§6.2). */
function windowsOf(ctx: Context, args: OccurrenceArgs): OccurrenceWindow[] {
  if (!args.dates) throw badInput('"dates" is required: booking occurrences are read in a bounded window', 'dates');
  const range = resolveDates(ctx, args.dates);
  try {
    return occurrenceWindows(args.dateField, range);
  } catch (error) {
    return selectionError(error);
  }
}

/** Chained occurrence pages from a cursor; a cursor that does not fit the windows is the caller's mistake. */
async function* pagesFrom(
  ctx: Context,
  filters: OccurrenceFilters,
  windows: OccurrenceWindow[],
  cursor: string | null,
): AsyncGenerator<Page<WireBookingOccurrence>, void, undefined> {
  try {
    yield* occurrencePagesAcross(ctx.officernd, filters, windows, { cursor, signal: ctx.signal });
  } catch (error) {
    if (error instanceof OccurrenceCursorError)
      throw badInput('"after" does not belong to this window: start again without it', 'after');
    throw error;
  }
}

builder.queryField('bookingOccurrences', (t) =>
  t.field({
    type: BookingOccurrenceConnection,
    description:
      'Every booking occurrence whose `dateField` (default START) falls in `dates`, recurring series expanded, ordered by ' +
      'start. A selection longer than a year is read as consecutive upstream windows of at most a year (an OfficeRnD ' +
      'limit) and merged in order. Report "Booking Occurrences".',
    args: {
      ...connectionArgs(t.arg),
      dates: t.arg({
        type: DateSelection,
        description:
          'The days to select (required); at most ten years. ' +
          'Example: this week = `{period: THIS_WEEK}`, the last 30 days = `{fromDaysBack: 30, toDaysBack: 0}`.',
      }),
      dateField: t.arg({
        type: OccurrenceDates.enumRef,
        description: 'Which date of an occurrence `dates` applies to (default START).',
      }),
      ...filterArgs(t.arg, OCCURRENCE_FILTERS),
    },
    resolve: async (_root, args, ctx) => {
      const given = givenFilters(OCCURRENCE_FILTERS, args);
      const filters = occurrenceFilters(given);
      const selected = windowsOf(ctx, args as OccurrenceArgs);
      // Sent upstream and checked on every occurrence here all the same (core/filters.ts); `type` through the
      // occurrence's resource (resources read once per request).
      const check = rowCheck(await resolveLinks(given, (c) => ctx.loaders.all(c)));
      const windows = selected.map((w) =>
        check ? { ...w, keep: (o: WireBookingOccurrence) => w.keep(o) && check(o) } : w,
      );
      const scope = JSON.stringify([
        'bookings/occurrences',
        windows.map((w) => [w.start.toISOString(), w.end.toISOString()]),
        args.dateField ?? REPORT_DATES.occurrences.default,
        filters,
        given.map((f) => [f.spec.field, f.value]),
      ]);
      const connection = await upstreamPagesConnection(
        (cursor) => pagesFrom(ctx, filters, windows, cursor),
        scope,
        args,
        occurrenceId,
        ctx.handOver,
      );
      // Every occurrence of the selection, read once for `totalCount` and `aggregate` alike.
      let all: Promise<WireBookingOccurrence[]> | undefined;
      const rows = () => (all ??= everyOccurrence((cursor) => pagesFrom(ctx, filters, windows, cursor)));
      return {
        ...connection,
        totalCount: async () => (await rows()).length,
        aggregateSource: {
          rows,
          dateField: typeof args.dateField === 'string' ? args.dateField : null,
          timeZone: args.dates?.timeZone ?? null,
          weekStartsOn: args.dates?.weekStartsOn ?? null,
        },
      };
    },
  }),
);

/** Every occurrence from the first page on; past MAX_WALK_ITEMS with pages left, an error rather than a short list. */
async function everyOccurrence(
  pages: (cursor: string | null) => AsyncIterable<Page<WireBookingOccurrence>>,
): Promise<WireBookingOccurrence[]> {
  const out: WireBookingOccurrence[] = [];
  for await (const page of pages(null)) {
    out.push(...page.items);
    if (page.next !== null && out.length >= MAX_WALK_ITEMS)
      throw new MatchSetLimitError('booking occurrences', MAX_WALK_ITEMS);
  }
  return out;
}

aggregateFieldOf(BookingOccurrenceConnection, OCCURRENCE_AGGREGATES, REPORT_DATES.occurrences);
