/**
 * How long answers may be kept, declared once per collection: the response cache (GraphQL types), the export
 * cache (reports by their collections), the webhook invalidation (event object → collection) and the README read it.
 */

import type { CacheSettings } from '../config.ts';
import type { ListCollection } from '../officernd/collections.ts';
import { REPORTS, type ReportName } from '../reports/registry.ts';

/** long: catalogue data that changes by hand, rarely; short: what changes all day; default: the rest. */
export type Freshness = 'long' | 'default' | 'short';

export interface CollectionCachePolicy {
  /** The GraphQL type of the collection's objects. */
  typename: string;
  freshness: Freshness;
  /** Object names of webhook event types (`<object>.<action>`, §8a), v1 and v2 spellings (§2 renames). */
  eventObjects: readonly string[];
}

export const COLLECTION_CACHE: Readonly<Record<ListCollection, CollectionCachePolicy>> = {
  bookings: { typename: 'Booking', freshness: 'short', eventObjects: ['booking'] },
  charges: { typename: 'Charge', freshness: 'short', eventObjects: ['charge'] },
  checkins: { typename: 'Checkin', freshness: 'short', eventObjects: ['checkin'] },
  contracts: { typename: 'Contract', freshness: 'default', eventObjects: ['contract'] },
  fees: { typename: 'Fee', freshness: 'default', eventObjects: ['fee'] },
  floors: { typename: 'Floor', freshness: 'long', eventObjects: ['floor'] },
  issues: { typename: 'Issue', freshness: 'default', eventObjects: ['issue', 'ticket'] },
  members: { typename: 'Member', freshness: 'default', eventObjects: ['member'] },
  memberships: { typename: 'Membership', freshness: 'default', eventObjects: ['membership'] },
  offices: { typename: 'Office', freshness: 'long', eventObjects: ['office', 'location'] },
  passes: { typename: 'Pass', freshness: 'default', eventObjects: ['pass'] },
  payments: { typename: 'Payment', freshness: 'short', eventObjects: ['payment', 'invoice'] },
  plans: { typename: 'Plan', freshness: 'long', eventObjects: ['plan'] },
  rates: { typename: 'Rate', freshness: 'long', eventObjects: ['rate', 'resourcerate', 'resource-rate'] },
  resources: { typename: 'Resource', freshness: 'default', eventObjects: ['resource'] },
  'resource-types': { typename: 'ResourceType', freshness: 'long', eventObjects: ['resourcetype', 'resource-type'] },
  teams: { typename: 'Team', freshness: 'default', eventObjects: ['team', 'company'] },
  visits: { typename: 'Visit', freshness: 'default', eventObjects: ['visit'] },
};

/** Types that are not a list collection's objects but derive from one. */
const DERIVED_TYPES: Readonly<Record<string, { freshness: Freshness; collection: ListCollection }>> = {
  BookingOccurrence: { freshness: 'short', collection: 'bookings' },
  CreditAccount: { freshness: 'short', collection: 'bookings' },
};

/** Seconds for a freshness class under the configured TTLs. */
export function ttlSeconds(settings: CacheSettings, freshness: Freshness): number {
  if (freshness === 'long') return settings.ttlLongS;
  if (freshness === 'short') return settings.ttlShortS;
  return settings.ttlDefaultS;
}

/**
 * TTLs in ms per GraphQL type (and per root field where the type says nothing), for Envelop's
 * `ttlPerSchemaCoordinate`: the shortest TTL of any object in an answer is the answer's TTL.
 */
export function ttlPerSchemaCoordinate(settings: CacheSettings): Record<string, number> {
  const ttls: Record<string, number> = {};
  for (const policy of Object.values(COLLECTION_CACHE))
    ttls[policy.typename] = ttlSeconds(settings, policy.freshness) * 1000;
  for (const [typename, derived] of Object.entries(DERIVED_TYPES))
    ttls[typename] = ttlSeconds(settings, derived.freshness) * 1000;
  // Report rows are plain JSON without a type of their own: the short TTL, whatever the report.
  ttls['Query.report'] = settings.ttlShortS * 1000;
  return ttls;
}

/** The collection a webhook object name stands for (`company` → teams), or null when unknown. */
export function collectionOfEventObject(object: string): ListCollection | null {
  const name = object.toLowerCase();
  for (const [collection, policy] of Object.entries(COLLECTION_CACHE)) {
    if (policy.eventObjects.includes(name)) return collection as ListCollection;
  }
  return null;
}

/** GraphQL types whose cached answers a change in this collection makes stale. */
export function typenamesOfCollection(collection: ListCollection): string[] {
  const names = [COLLECTION_CACHE[collection].typename];
  for (const [typename, derived] of Object.entries(DERIVED_TYPES))
    if (derived.collection === collection) names.push(typename);
  return names;
}

/** Every collection an export reads: its source and every collection it may join. */
export function reportCollections(name: ReportName): ListCollection[] {
  const spec = REPORTS[name];
  const found = new Set<ListCollection>();
  if (spec.source.kind === 'list') found.add(spec.source.collection);
  else found.add('bookings');
  const joins = [
    ...Object.values(spec.joins),
    ...Object.values(spec.expand).flatMap((e) => Object.values(e.joins ?? {})),
  ];
  for (const join of joins) for (const c of join.collections) found.add(c);
  return [...found];
}

/** An export's TTL: the shortest of the collections it reads. */
export function reportTtlSeconds(settings: CacheSettings, name: ReportName): number {
  return Math.min(...reportCollections(name).map((c) => ttlSeconds(settings, COLLECTION_CACHE[c].freshness)));
}
