import { REPORT_DATES } from '../dates/report-dates.ts';
import { listDates } from './dates.ts';
import { dateTime, reverseLink, rootById, rootList } from './fields.ts';
import { FloorConnection, Office, OfficeConnection, ResourceConnection } from './refs.ts';

Office.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'offices' },
  description: 'A physical location of the organization (a building or site). OfficeRnD v1 `/offices`, v2 "locations".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    code: t.exposeString('code', { description: 'Short code used in numbering and reports.' }),
    slug: t.exposeString('slug', { description: 'URL slug.' }),
    address: t.exposeString('address', { description: 'Street address as one line.' }),
    city: t.exposeString('city', { description: 'City.' }),
    state: t.exposeString('state', { description: 'State or region.' }),
    country: t.exposeString('country', { description: 'Country.' }),
    zip: t.exposeString('zip', { description: 'Postal code.' }),
    timeZone: t.exposeString('timezone', { description: 'IANA time zone of the location, e.g. Europe/London.' }),
    isOpen: t.exposeBoolean('isOpen', { description: 'Whether the location is open for business.' }),
    isPublic: t.boolean({ description: 'Whether the location is shown publicly.', resolve: (o) => o.public ?? null }),
    image: t.exposeString('image', { description: 'Image URL.' }),
    description: t.exposeString('description', { description: 'Free-text description.' }),
    order: t.exposeInt('order', { description: 'Sort order set by admins.' }),
    properties: t.field({
      type: 'JSON',
      description: 'Custom properties, keyed by property key.',
      resolve: (o) => o.properties ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was created.',
      resolve: (o) => dateTime(o.createdAt, o, 'createdAt'),
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When it last changed.',
      resolve: (o) => dateTime(o.modifiedAt, o, 'modifiedAt'),
    }),
    floors: reverseLink(t, FloorConnection, 'floors', 'office', 'The floors of this office.'),
    resources: reverseLink(
      t,
      ResourceConnection,
      'resources',
      'office',
      'The bookable and assignable resources (rooms, desks) of this office.',
    ),
  }),
});

rootList('offices', {
  collection: 'offices',
  dates: listDates('Office', 'offices', REPORT_DATES.offices),
  connection: OfficeConnection,
  description: 'The offices (locations) of the organization. Report "Offices".',
});
rootById('office', Office, 'offices', 'One office by id; null when there is none.');
