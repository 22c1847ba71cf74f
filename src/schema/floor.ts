import { REPORT_DATES } from '../dates/report-dates.ts';
import { listDates } from './dates.ts';
import { childConnection, connectionArgs, dateTime, loadRef, rootById, rootList } from './fields.ts';
import { Floor, FloorConnection, Office, ResourceConnection } from './refs.ts';

Floor.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'floors' },
  description: 'A floor of an office, with its floor plan. Report "Floors".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    name: t.exposeString('name', { description: 'Display name, e.g. "1st Floor".' }),
    number: t.string({
      description: 'Floor number or label as entered, e.g. "1" (wire `floor`; a string or a number upstream).',
      resolve: (f) => (f.floor === null || f.floor === undefined ? null : String(f.floor)),
    }),
    slug: t.exposeString('slug', { description: 'URL slug.' }),
    area: t.exposeFloat('area', { description: 'Floor area in square millimetres, as OfficeRnD stores it.' }),
    isOpen: t.exposeBoolean('isOpen', { description: 'Whether the floor is open for use.' }),
    office: t.field({
      type: Office,
      description: 'The office the floor belongs to.',
      resolve: (f, _a, ctx) => loadRef(ctx, 'offices', f.office),
    }),
    background: t.field({
      type: 'JSON',
      description: 'The floor plan drawing: size and image URL, as sent by OfficeRnD.',
      resolve: (f) => f.background ?? null,
    }),
    publicPlan: t.field({
      type: 'JSON',
      description: 'The floor plan as shown publicly (wire `public`), as sent by OfficeRnD.',
      resolve: (f) => f.public ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the floor was created.',
      resolve: (f) => dateTime(f.createdAt, f, 'createdAt'),
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the floor last changed.',
      resolve: (f) => dateTime(f.modifiedAt, f, 'modifiedAt'),
    }),
    resources: t.field({
      type: ResourceConnection,
      description: 'The resources (rooms, desks) on this floor.',
      // §6.17: v1 resources name their floor in `room`.
      args: connectionArgs(t.arg),
      resolve: (f, args, ctx) => childConnection(ctx, 'resources', 'room', f._id, args),
    }),
  }),
});

rootList('floors', {
  collection: 'floors',
  dates: listDates('Floor', 'floors', REPORT_DATES.floors),
  connection: FloorConnection,
  description: 'The floors of all offices. Report "Floors".',
});
rootById('floor', Floor, 'floors', 'One floor by id; null when there is none.');
