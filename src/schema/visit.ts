import { REPORT_DATES } from '../dates/report-dates.ts';
import { listDates } from './dates.ts';
import { aggregateField } from './aggregate.ts';
import { dateTime, loadRef, rootById, rootList } from './fields.ts';
import { Booking, Member, Office, Team, Visit, VisitConnection } from './refs.ts';

Visit.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'visits' },
  description: 'A guest visit hosted by a member. Report "Visits".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    start: t.field({
      type: 'DateTime',
      description: 'When the visit starts.',
      resolve: (v) => dateTime(v.start, v, 'start'),
    }),
    end: t.field({ type: 'DateTime', description: 'When the visit ends.', resolve: (v) => dateTime(v.end, v, 'end') }),
    visitorId: t.id({
      description: 'The visitor (OfficeRnD visitors are outside the 20 reports).',
      resolve: (v) => v.visitor ?? null,
    }),
    member: t.field({
      type: Member,
      description: 'The member hosting the visitor.',
      resolve: (v, _a, ctx) => loadRef(ctx, 'members', v.member),
    }),
    team: t.field({
      type: Team,
      description: "The host's team.",
      resolve: (v, _a, ctx) => loadRef(ctx, 'teams', v.team),
    }),
    office: t.field({
      type: Office,
      description: 'The office visited.',
      resolve: (v, _a, ctx) => loadRef(ctx, 'offices', v.office),
    }),
    booking: t.field({
      type: Booking,
      description: 'The booking (e.g. a meeting room) the visit belongs to.',
      resolve: (v, _a, ctx) => loadRef(ctx, 'bookings', v.booking),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the record was created.',
      resolve: (v) => dateTime(v.createdAt, v, 'createdAt'),
    }),
    createdById: t.id({
      description: 'OfficeRnD user who created the record; not a member.',
      resolve: (v) => v.createdBy ?? null,
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the record last changed.',
      resolve: (v) => dateTime(v.modifiedAt, v, 'modifiedAt'),
    }),
  }),
});

rootList('visits', {
  collection: 'visits',
  dates: listDates('Visit', 'visits', REPORT_DATES.visits),
  connection: VisitConnection,
  description: 'The guest visits of the organization. Report "Visits".',
});
rootById('visit', Visit, 'visits', 'One visit by id; null when there is none.');
aggregateField(VisitConnection, 'visits');
