import { RESOURCE_KIND } from '../officernd/enums.ts';
import type { Context } from '../context.ts';
import type { WireResourceType } from '../officernd/types.ts';
import { childConnection, connectionArgs, rootById, rootList, wireEnum, enumOf } from './fields.ts';
import { ResourceConnection, ResourceType, ResourceTypeConnection } from './refs.ts';

/** Kinds of resources (§6.17 `type`); org-defined kinds read as OTHER, their key stays in `typeKey`. */
export const ResourceKind = enumOf(RESOURCE_KIND);

const BookingMode = wireEnum('ResourceBookingMode', 'How resources of a type are booked (§6.18 `bookingMode`).', {
  time: 'Booked for a time range (hours)',
  date: 'Booked for whole days',
});

const CheckinMode = wireEnum(
  'ResourceCheckinMode',
  'What one check-in on a resource of this type counts as (§6.18 `checkinMode`).',
  {
    hour: 'An hour',
    half_day: 'Half a day',
    day: 'A day',
  },
);

/** The key that identifies a resource type: v1 sends `id` (§6.18), v2 `_id`; the client adds `_id` from `id`. */
const idOf = (type: WireResourceType): string => type._id ?? type.id ?? type.type ?? '';

/** The resource type a resource or rate names by its `type` key (§7 "type-matching note"). */
export async function resourceTypeByKey(
  ctx: Context,
  key: string | null | undefined,
): Promise<WireResourceType | null> {
  if (!key) return null;
  // Resource types are a small catalogue without by-id (§8): one walk per request serves every lookup.
  const types = await ctx.loaders.all('resource-types');
  return types.find((type) => type.type === key) ?? null;
}

/**
 * Resource types referenced from credits (§6.15 `credits[].resourceTypes`, §6.6): the doc lists them
 * as ids, the v1 generator sends the type's `id`; a type key is accepted as well. Order kept, misses dropped.
 */
export async function resourceTypesByRefs(
  ctx: Context,
  refs: readonly string[] | null | undefined,
): Promise<WireResourceType[]> {
  if (!refs || refs.length === 0) return [];
  const types = await ctx.loaders.all('resource-types');
  const out: WireResourceType[] = [];
  for (const ref of refs) {
    const found = types.find((type) => type._id === ref || type.id === ref) ?? types.find((type) => type.type === ref);
    if (found) out.push(found);
  }
  return out;
}

ResourceType.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'resource-types' },
  description:
    'A kind of resource defined by the organization (meeting room, hot desk …) with its booking and check-in rules. ' +
    'Report "Resource Types".',
  fields: (t) => ({
    id: t.id({ nullable: false, description: 'The OfficeRnD id (v1 sends it as `id`).', resolve: idOf }),
    title: t.exposeString('title', { description: 'Display name, e.g. "Meeting Room".' }),
    type: t.field({
      type: ResourceKind.ref,
      description: 'The type key as a known resource kind; OTHER for org-defined types (see `typeKey`).',
      resolve: (r) => ResourceKind.fromWire(r.type) as never,
    }),
    typeKey: t.exposeString('type', {
      description:
        'The type key exactly as OfficeRnD sends it (wire `type`), e.g. "meeting_room"; resources and rates carry the same key.',
    }),
    color: t.exposeString('color', { description: 'Display colour (hex), as used on floor plans and calendars.' }),
    icon: t.exposeString('icon', { description: 'Icon name.' }),
    canBook: t.exposeBoolean('canBook', { description: 'Whether resources of this type can be booked.' }),
    canAssign: t.exposeBoolean('canAssign', {
      description: 'Whether resources of this type can be assigned to members or teams.',
    }),
    isPrimary: t.boolean({
      description: 'Whether this is a primary type shown first in OfficeRnD (wire `primary`).',
      resolve: (r) => r.primary ?? null,
    }),
    isSystem: t.exposeBoolean('isSystem', {
      description: 'Whether OfficeRnD defines this type (not the organization).',
    }),
    target: t.exposeString('target', { description: 'What the type is meant for, as sent by OfficeRnD.' }),
    bookingMode: t.field({
      type: BookingMode.ref,
      description: 'Whether resources of this type are booked by time or by date.',
      resolve: (r) => BookingMode.fromWire(r.bookingMode) as never,
    }),
    checkinMode: t.field({
      type: CheckinMode.ref,
      description: 'What one check-in counts as for this type.',
      resolve: (r) => CheckinMode.fromWire(r.checkinMode) as never,
    }),
    isHierarchical: t.boolean({
      description: 'Whether resources of this type can contain other resources (wire `hierarchicalResourcesEnabled`).',
      resolve: (r) => r.hierarchicalResourcesEnabled ?? null,
    }),
    resources: t.field({
      type: ResourceConnection,
      description: 'The resources of this type (matched on the type key).',
      args: connectionArgs(t.arg),
      resolve: (r, args, ctx) => childConnection(ctx, 'resources', 'type', r.type ?? '', args),
    }),
  }),
});

rootList('resourceTypes', {
  collection: 'resource-types',
  connection: ResourceTypeConnection,
  description: 'The resource types of the organization. Report "Resource Types".',
});
rootById('resourceType', ResourceType, 'resource-types', 'One resource type by id; null when there is none.');
