import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { OccurrenceParams, Page, WireBookingOccurrence } from '../officernd/index.ts';
import { bookingFields, slotInstant } from './booking.ts';
import { connectionArgs, checkId, loadRef } from './fields.ts';
import { upstreamPagesConnection, type ConnectionArgs } from './connection.ts';
import { badInput } from './errors.ts';
import { Booking, BookingOccurrence, BookingOccurrenceConnection } from './refs.ts';

/** §6.2: "the period cannot exceed a year"; like the client, a leap year's 366 days are allowed. */
const MAX_WINDOW_MS = 366 * 24 * 3_600_000;
/** Upper bound of one occurrence walk (a year of a large organization), so no walk is unbounded. */
const MAX_WALK_ITEMS = 200_000;

BookingOccurrence.implement({
  description:
    'One occurrence of a booking in a time window: a one-off booking, or one instance of a recurring series. ' +
    'Report "Booking Occurrences".',
  fields: (t) => ({
    id: t.id({
      nullable: false,
      description: 'Unique id of the occurrence: the booking id and the occurrence start, as "<bookingId>:<start>".',
      resolve: (o) => `${o._id}:${slotInstant(o.start) ?? ''}`,
    }),
    ...bookingFields(t),
    booking: t.field({
      type: Booking,
      description: 'The booking (or recurring series) this occurrence belongs to.',
      // §6.2: an occurrence carries its booking's `_id`.
      resolve: (o, _a, ctx) => loadRef(ctx, 'bookings', o._id),
    }),
  }),
});

interface OccurrenceArgs extends ConnectionArgs {
  from: Date;
  to: Date;
  office?: string | number | null;
  member?: string | number | null;
  team?: string | number | null;
  resource?: string | number | null;
}

function occurrenceParams(args: OccurrenceArgs): OccurrenceParams {
  const from = args.from.getTime();
  const to = args.to.getTime();
  if (to <= from) throw badInput('"to" must be after "from"', 'to');
  if (to - from > MAX_WINDOW_MS) throw badInput('The window from "from" to "to" must not exceed one year (OfficeRnD limit)', 'to');
  const params: OccurrenceParams = { start: args.from, end: args.to };
  if (args.office != null) params.office = checkId(String(args.office), 'office');
  if (args.member != null) params.member = checkId(String(args.member), 'member');
  if (args.team != null) params.team = checkId(String(args.team), 'team');
  if (args.resource != null) params.resourceId = checkId(String(args.resource), 'resource');
  return params;
}

/**
 * Occurrence pages from an upstream cursor. The client walks occurrences from the first page only, so a
 * cursor is reached by walking full pages again (page boundaries are then the same as when it was issued).
 */
async function* occurrencePagesFrom(
  ctx: Context,
  params: OccurrenceParams,
  cursor: string | null,
): AsyncGenerator<Page<WireBookingOccurrence>, void, undefined> {
  let reached = cursor === null;
  for await (const page of ctx.officernd.occurrencePages(params, { signal: ctx.signal, max: MAX_WALK_ITEMS })) {
    if (reached) yield page;
    else reached = page.next === cursor;
  }
  if (!reached) throw badInput('"after" no longer matches the upstream occurrences: start again without it', 'after');
}

builder.queryField('bookingOccurrences', (t) =>
  t.field({
    type: BookingOccurrenceConnection,
    nullable: false,
    description:
      'Every booking occurrence in a window of at most one year, recurring series expanded, ordered by start. ' +
      'Report "Booking Occurrences".',
    args: {
      from: t.arg({ type: 'DateTime', required: true, description: 'Start of the window: occurrences ending after it are included.' }),
      to: t.arg({ type: 'DateTime', required: true, description: 'End of the window (at most one year after `from`): occurrences starting before it are included.' }),
      office: t.arg.id({ description: 'Only occurrences in this office.' }),
      member: t.arg.id({ description: 'Only occurrences booked by this member.' }),
      team: t.arg.id({ description: 'Only occurrences billed to this team.' }),
      resource: t.arg.id({ description: 'Only occurrences of this resource.' }),
      ...connectionArgs(t.arg),
    },
    resolve: (_root, args, ctx) => {
      const params = occurrenceParams(args);
      const window = [args.from.toISOString(), args.to.toISOString()];
      const scope = JSON.stringify(['bookings/occurrences', ...window, params.office, params.member, params.team, params.resourceId]);
      return upstreamPagesConnection((cursor) => occurrencePagesFrom(ctx, params, cursor), scope, args);
    },
  }),
);
