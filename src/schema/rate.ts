import { builder } from '../builder.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import type { WirePlanLike, WireRateComponent } from '../officernd/types.ts';
import { listDates } from './dates.ts';
import { dateTime, loadRefs, rootById, rootList, wireEnum, elementId } from './fields.ts';
import { Office, Rate, RateConnection, ResourceType } from './refs.ts';
import { ResourceKind, resourceTypeByKey } from './resource-type.ts';

/** Billing intervals of plans and rates (§6.15 `once|month`, §6.16 `once|hour|day|month`). */
export const PlanInterval = wireEnum('PlanInterval', 'How often a plan or rate is charged (§6.15, §6.16).', {
  once: 'Charged once',
  hour: 'Charged per hour',
  day: 'Charged per day',
  month: 'Charged per month',
});

/** Intervals of the price components of a rate (§6.16 `rates[].intervalLength`: hour | day | week | month). */
export const RatePriceInterval = wireEnum('RatePriceInterval', 'The time unit a rate price applies to (§6.16).', {
  hour: 'Per hour',
  day: 'Per day',
  week: 'Per week',
  month: 'Per month',
});

/** One price component of a rate or plan (wire `rates[]` items, §6.15, §6.16). */
export const RatePrice = builder.objectRef<WireRateComponent>('RatePrice').implement({
  description: 'One price of a rate: e.g. the hourly price and the day price of a meeting room (wire `rates[]`).',
  fields: (t) => ({
    id: t.id({
      nullable: false,
      description: 'The OfficeRnD id of this price component.',
      resolve: (p) => elementId(p._id, 'a rate price component'),
    }),
    price: t.exposeFloat('price', { description: 'Price per interval, in the organization currency.' }),
    interval: t.field({
      type: RatePriceInterval.ref,
      description: 'The time unit this price applies to (wire `interval`).',
      resolve: (p) => RatePriceInterval.fromWire(p.interval) as never,
    }),
    intervalCount: t.exposeInt('intervalQuantity', {
      description:
        'How many intervals the price covers, e.g. 4 for a half-day priced in hours (wire `intervalQuantity`).',
    }),
    isOffRate: t.exposeBoolean('isOffRate', { description: 'Whether this is the off-peak price.' }),
    isWeekendRate: t.exposeBoolean('isWeekendRate', { description: 'Whether this price applies at weekends.' }),
    isHalfDayRate: t.exposeBoolean('isHalfDayRate', { description: 'Whether this is the half-day price.' }),
  }),
});

/** Price components of a plan-shaped document; never null so analysts can flatten them. */
export const pricesOf = (item: WirePlanLike): WireRateComponent[] => item.rates ?? [];

Rate.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'rates' },
  description:
    'A resource rate: the price list used when a resource (meeting room, desk …) is booked. Report "Rates" ' +
    '(v1 `/rates`, v2 "resource-rates"; in v1 a rate is a plan-shaped document with `isRate: true`).',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    name: t.exposeString('name', { description: 'Display name, e.g. "Meeting Room – Standard".' }),
    code: t.exposeString('code', { description: 'Short code used on invoices and in reports.' }),
    description: t.exposeString('description', { description: 'Free-text description.' }),
    image: t.exposeString('image', { description: 'Image URL.' }),
    type: t.field({
      type: ResourceKind.ref,
      description: 'The kind of resource this rate prices (wire `type`).',
      resolve: (r) => ResourceKind.fromWire(r.type) as never,
    }),
    typeKey: t.exposeString('type', {
      description:
        'The resource type key exactly as OfficeRnD sends it (wire `type`), e.g. "meeting_room" or an org-defined type.',
    }),
    resourceType: t.field({
      type: ResourceType,
      description: 'The resource type this rate prices (matched on the type key, §7).',
      resolve: (r, _a, ctx) => resourceTypeByKey(ctx, r.type),
    }),
    price: t.exposeFloat('price', { description: 'Main price per interval, in the organization currency.' }),
    intervalLength: t.field({
      type: PlanInterval.ref,
      description: 'The interval the main price is charged per.',
      resolve: (r) => PlanInterval.fromWire(r.intervalLength) as never,
    }),
    intervalCount: t.exposeInt('intervalCount', { description: 'How many intervals the main price covers.' }),
    prices: t.field({
      type: [RatePrice],
      nullable: false,
      description: 'All price components of the rate: hourly, daily, off-peak … (wire `rates`).',
      resolve: pricesOf,
    }),
    offices: t.field({
      type: [Office],
      nullable: false,
      description: 'Offices where the rate applies (wire `locations`); empty when it applies in every office.',
      resolve: (r, _a, ctx) => loadRefs(ctx, 'offices', r.locations),
    }),
    isRate: t.exposeBoolean('isRate', {
      description: 'Always true for rates in v1 (rates are plan-shaped documents).',
    }),
    usesValueCredits: t.exposeBoolean('useValueCredits', {
      description: 'Whether bookings at this rate can be paid with value credits (coins) (wire `useValueCredits`).',
    }),
    shouldProrate: t.exposeBoolean('prorate', {
      description: 'Whether partial periods are prorated (wire `prorate`).',
    }),
    revenueAccountId: t.id({
      description:
        'Id of the revenue account bookings at this rate are posted to (wire `account`; not one of the reports).',
      resolve: (r) => r.account ?? null,
    }),
    amenities: t.field({
      type: 'JSON',
      description: 'Amenities included with the rate, as sent by OfficeRnD.',
      resolve: (r) => r.amenities ?? null,
    }),
    extras: t.field({
      type: 'JSON',
      description: 'Extras that can be added to a booking at this rate, as sent by OfficeRnD.',
      resolve: (r) => r.extras ?? null,
    }),
    bookingPolicy: t.field({
      type: 'JSON',
      description: 'Booking policy of the rate, as sent by OfficeRnD.',
      resolve: (r) => r.bookingPolicy ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the rate was created.',
      resolve: (r) => dateTime(r.createdAt, r, 'createdAt'),
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the rate last changed.',
      resolve: (r) => dateTime(r.modifiedAt, r, 'modifiedAt'),
    }),
  }),
});

rootList('rates', {
  collection: 'rates',
  dates: listDates('Rate', 'rates', REPORT_DATES.rates),
  connection: RateConnection,
  description: 'The resource rates (booking price lists) of the organization. Report "Rates".',
});
rootById('rate', Rate, 'rates', 'One rate by id; null when there is none.');
