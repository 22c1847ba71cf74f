import { builder } from '../builder.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import type { WireAvailability, WireResource, WireResourceAccess } from '../officernd/types.ts';
import { listDates } from './dates.ts';
import { dateOnly, dateTime, loadRef, loadRefs, reverseLink, rootById, rootList } from './fields.ts';
import {
  BookingConnection,
  Floor,
  Office,
  Plan,
  Rate,
  Resource,
  ResourceConnection,
  ResourceType,
  Team,
} from './refs.ts';
import { ResourceKind, resourceTypeByKey } from './resource-type.ts';

const ResourceAvailability = builder.objectRef<WireAvailability>('ResourceAvailability').implement({
  description: 'A period in which a resource is available for use (wire `availability`).',
  fields: (t) => ({
    startDate: t.field({
      type: 'Date',
      description: 'First day the resource is available.',
      resolve: (a) => dateOnly(a.startDate, a, 'startDate'),
    }),
    endDate: t.field({
      type: 'Date',
      description: 'Last day the resource is available; null when open-ended.',
      resolve: (a) => dateOnly(a.endDate, a, 'endDate'),
    }),
  }),
});

const ResourceAccess = builder.objectRef<WireResourceAccess>('ResourceAccess').implement({
  description: 'Who may use a resource (wire `access`).',
  fields: (t) => ({
    isFull: t.boolean({
      description: 'Whether every member has access (wire `full`).',
      resolve: (a) => a.full ?? null,
    }),
    isPublic: t.boolean({
      description: 'Whether the resource is bookable by the public (wire `public`).',
      resolve: (a) => a.public ?? null,
    }),
    teams: t.field({
      type: [Team],
      nullable: false,
      description: 'Teams that have access when access is limited.',
      resolve: (a, _a, ctx) => loadRefs(ctx, 'teams', a.teams),
    }),
    plans: t.field({
      type: [Plan],
      nullable: false,
      description: 'Plans whose holders have access when access is limited.',
      resolve: (a, _a, ctx) => loadRefs(ctx, 'plans', a.plans),
    }),
  }),
});

/** v1 sends availability as an array, v2 as one object (§6.17): both read as a list. */
const availabilityOf = (r: WireResource): WireAvailability[] => {
  const value = r.availability;
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
};

Resource.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'resources' },
  description: 'A bookable or assignable space: a meeting room, private office, desk … Report "Resources".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    name: t.exposeString('name', { description: 'Display name, e.g. "Meeting Room 3".' }),
    type: t.field({
      type: ResourceKind.ref,
      description: 'The kind of resource; OTHER for org-defined kinds (see `typeKey`).',
      resolve: (r) => ResourceKind.fromWire(r.type) as never,
    }),
    typeKey: t.exposeString('type', {
      description: 'The resource type key exactly as OfficeRnD sends it (wire `type`), e.g. "phone_booth".',
    }),
    resourceType: t.field({
      type: ResourceType,
      description: 'The resource type (matched on the type key, §7) with its booking and check-in rules.',
      resolve: (r, _a, ctx) => resourceTypeByKey(ctx, r.type),
    }),
    office: t.field({
      type: Office,
      description: 'The office the resource is in.',
      resolve: (r, _a, ctx) => loadRef(ctx, 'offices', r.office),
    }),
    floor: t.field({
      type: Floor,
      description: 'The floor the resource is on (wire `room`, which v1 uses for the floor id, §6.17).',
      resolve: (r, _a, ctx) => loadRef(ctx, 'floors', r.room),
    }),
    rate: t.field({
      type: Rate,
      description: 'The rate charged when the resource is booked.',
      resolve: (r, _a, ctx) => loadRef(ctx, 'rates', r.rate),
    }),
    targetPlan: t.field({
      type: Plan,
      description: 'The plan sold for this resource (e.g. the private office plan of a team room).',
      resolve: (r, _a, ctx) => loadRef(ctx, 'plans', r.targetPlan),
    }),
    targetId: t.id({
      description: 'The id OfficeRnD keeps as the resource `target` (meaning undocumented).',
      resolve: (r) => r.target ?? null,
    }),
    parent: t.field({
      type: Resource,
      description: 'The resource this one is part of, e.g. the private office around a desk.',
      resolve: (r, _a, ctx) => loadRef(ctx, 'resources', r.parent ?? r.parents?.[0]),
    }),
    parents: t.field({
      type: [Resource],
      nullable: false,
      description: 'Every resource this one is part of (wire `parents`).',
      resolve: (r, _a, ctx) => loadRefs(ctx, 'resources', r.parents),
    }),
    number: t.exposeInt('number', { description: 'Sequence number of the resource within its office and type.' }),
    size: t.exposeInt('size', { description: 'Capacity: seats of a room or desks of an office.' }),
    area: t.exposeFloat('area', { description: 'Floor area in square millimetres, as OfficeRnD stores it.' }),
    price: t.exposeFloat('price', {
      description:
        'List price of the resource (e.g. the monthly price of a private office), in the organization currency.',
    }),
    deposit: t.exposeFloat('deposit', { description: 'Deposit asked for the resource.' }),
    access: t.field({
      type: ResourceAccess,
      description: 'Who may use the resource.',
      resolve: (r) => r.access ?? null,
    }),
    availability: t.field({
      type: [ResourceAvailability],
      nullable: false,
      description: 'The periods in which the resource is available.',
      resolve: availabilityOf,
    }),
    amenities: t.field({
      type: 'JSON',
      description: 'Amenities of the resource, as sent by OfficeRnD.',
      resolve: (r) => r.amenities ?? null,
    }),
    color: t.exposeString('color', { description: 'Display colour (hex) on floor plans and calendars.' }),
    order: t.exposeInt('order', { description: 'Sort order set by admins.' }),
    timeZone: t.exposeString('timezone', {
      description: 'IANA time zone of the resource, e.g. Europe/London (wire `timezone`).',
    }),
    status: t.exposeString('status', {
      description: 'Status text as sent by OfficeRnD (v1 samples repeat the type here).',
    }),
    image: t.exposeString('image', { description: 'Image URL.' }),
    description: t.exposeString('description', { description: 'Free-text description.' }),
    move: t.field({
      type: 'JSON',
      description: 'A scheduled move of the resource, as sent by OfficeRnD.',
      resolve: (r) => r.move ?? null,
    }),
    properties: t.field({
      type: 'JSON',
      description: 'Custom properties, keyed by property key.',
      resolve: (r) => r.properties ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the resource was created.',
      resolve: (r) => dateTime(r.createdAt, r, 'createdAt'),
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the resource last changed.',
      resolve: (r) => dateTime(r.modifiedAt, r, 'modifiedAt'),
    }),
    bookings: reverseLink(
      t,
      BookingConnection,
      'bookings',
      'resourceId',
      'Bookings of this resource (recurring series appear once).',
    ),
  }),
});

rootList('resources', {
  collection: 'resources',
  dates: listDates('Resource', 'resources', REPORT_DATES.resources),
  connection: ResourceConnection,
  description: 'The resources (rooms, desks, offices) of the organization. Report "Resources".',
});
rootById('resource', Resource, 'resources', 'One resource by id; null when there is none.');
