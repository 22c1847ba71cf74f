import { REPORT_DATES } from '../dates/report-dates.ts';
import { listDates } from './dates.ts';
import { aggregateField } from './aggregate.ts';
import { dateTime, loadRef, rootById, rootList } from './fields.ts';
import { Booking, Checkin, CheckinConnection, Member, Office, Pass, Team } from './refs.ts';

Checkin.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'checkins' },
  description: 'A visit of a member to an office, from check-in to check-out. Report "Checkins".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    start: t.field({
      type: 'DateTime',
      description: 'When the member checked in.',
      resolve: (c) => dateTime(c.start, c, 'start'),
    }),
    end: t.field({
      type: 'DateTime',
      description: 'When the member checked out; null while still in.',
      resolve: (c) => dateTime(c.end, c, 'end'),
    }),
    type: t.exposeString('type', { description: 'Kind of check-in as OfficeRnD records it.' }),
    devices: t.stringList({
      nullable: false,
      description: 'Devices used to check in (door, app …).',
      resolve: (c) => c.devices ?? [],
    }),
    resourceType: t.exposeString('resourceType', {
      description: 'The kind of resource used, as a resource-type key (e.g. hotdesk).',
    }),
    source: t.exposeString('source', { description: 'Where the check-in was recorded (app, kiosk, admin …).' }),
    member: t.field({
      type: Member,
      description: 'The member who checked in.',
      resolve: (c, _a, ctx) => loadRef(ctx, 'members', c.member),
    }),
    team: t.field({
      type: Team,
      description: "The member's team at check-in.",
      resolve: (c, _a, ctx) => loadRef(ctx, 'teams', c.team),
    }),
    office: t.field({
      type: Office,
      description: 'The office checked in to.',
      resolve: (c, _a, ctx) => loadRef(ctx, 'offices', c.office),
    }),
    booking: t.field({
      type: Booking,
      description: 'The booking the check-in is for, when OfficeRnD links one (v2 field).',
      resolve: (c, _a, ctx) => loadRef(ctx, 'bookings', c.booking),
    }),
    pass: t.field({
      type: Pass,
      description: 'The day pass used, when OfficeRnD links one (v2 field).',
      resolve: (c, _a, ctx) => loadRef(ctx, 'passes', c.pass),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the record was created.',
      resolve: (c) => dateTime(c.createdAt, c, 'createdAt'),
    }),
    createdById: t.id({
      description: 'OfficeRnD user who created the record; not a member.',
      resolve: (c) => c.createdBy ?? null,
    }),
  }),
});

rootList('checkins', {
  collection: 'checkins',
  dates: listDates('Checkin', 'check-ins', REPORT_DATES.checkins),
  connection: CheckinConnection,
  description: 'The check-ins of members at the offices. Report "Checkins".',
});
rootById('checkin', Checkin, 'checkins', 'One check-in by id; null when there is none.');
aggregateField(CheckinConnection, 'checkins');
