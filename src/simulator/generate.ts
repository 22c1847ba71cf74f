/**
 * The simulator's seeded dataset: a realistic flex-space operator (offices in several cities and
 * time zones, their floors, resources, price plans, companies, members, memberships, contracts,
 * bookings, billing and presence) in the v1 wire shapes of shared/officernd-api.md §6.
 * Deterministic: the same options always give a deep-equal dataset (seeded PRNG, no wall clock
 * except the default `now`). Every reference resolves inside the dataset, except createdBy /
 * modifiedBy / assignedTo (OfficeRnD users) and visitors, which live outside the 20 collections (§6).
 */

import type { WireCreditStat, WireMap } from '../officernd/types.ts';
import { createBookings } from './data/bookings.ts';
import { createMemberships, createPeople } from './data/community.ts';
import { createGenContext } from './data/context.ts';
import { createContracts } from './data/contracts.ts';
import {
  createCreditAccounts,
  creditStatsFor as statsFromRecords,
  type WireCreditAccountRecord,
} from './data/credits.ts';
import { createFees, createPasses } from './data/fees.ts';
import { createBilling } from './data/payments.ts';
import { createCheckins, createIssues, createVisits } from './data/presence.ts';
import { createPricing } from './data/pricing.ts';
import { createOffices, createResourceTypes, createSpaces } from './data/spaces.ts';
import { DAY, startOfDay } from './data/time.ts';
import type { V1Collection } from './model.ts';

export type { WireCreditAccountRecord } from './data/credits.ts';

export interface GenerateOptions {
  /** PRNG seed (default 1). */
  seed?: number;
  /** Size multiplier: 1 ≈ 2500 members / 8000 bookings; catalogues grow slowly (default 1). */
  scale?: number;
  /** Reference instant: history is the 12 months before it, bookings run 3 months past it. */
  now?: Date;
  /**
   * Years of booking history before `now` (default 1); bookings grow with it (≈ 8,000 × scale × years),
   * so `{ scale: 3.2, years: 2 }` is a real organization's size: 51,200 bookings over two years.
   */
  years?: number;
  /** Organisation slug (default `harbour-coworking`). */
  org?: string;
  /**
   * Bookings per member, as a multiple of the default (1: ≈ 8,000 × scale bookings a year): a busier space with as
   * many members, e.g. `{ scale: 3.2, years: 0.1, bookingDensity: 25 }` for ≈ 5,000 bookings every 10 days among
   * 8,000 members (the bench's window). The other collections do not change with it.
   */
  bookingDensity?: number;
}

export interface Dataset {
  org: { _id: string; slug: string; name: string };
  /** Every list collection, each sorted by createdAt then `_id` (the paging order). */
  collections: { [C in V1Collection]: WireMap[C][] };
  /** Per account and month credit stats behind `/credit-accounts/stats` (§6.6). */
  creditAccounts: WireCreditAccountRecord[];
}

const titleCase = (slug: string): string =>
  slug
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

/** Sort key: createdAt, then the id (`_id`, or `id` for resource types which have no timestamps). */
function sortByCreation<T extends { createdAt?: string | null; _id?: string; id?: string }>(items: T[]): T[] {
  const key = (item: T): string => item.createdAt ?? '';
  const id = (item: T): string => item._id ?? item.id ?? '';
  return items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ia = id(a);
    const ib = id(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
}

/** Generates the seeded dataset (see module comment). */
export function generateDataset(options: GenerateOptions = {}): Dataset {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, got ${scale}`);
  const years = options.years ?? 1;
  if (!(years > 0 && years <= 10)) throw new Error(`years must be a number above 0 and at most 10, got ${years}`);
  const density = options.bookingDensity ?? 1;
  if (!(density > 0 && density <= 50))
    throw new Error(`bookingDensity must be a number above 0 and at most 50, got ${density}`);
  const now = options.now ? options.now.getTime() : startOfDay(Date.now());
  const slug = options.org ?? 'harbour-coworking';
  const ctx = createGenContext(seed, scale, now);
  const foundedAt = startOfDay(now - 4 * 365 * DAY);

  const sites = createOffices(ctx, foundedAt);
  const resourceTypes = createResourceTypes(ctx, foundedAt);
  const typeIds = new Map(resourceTypes.map((t) => [t.type ?? '', t.id ?? '']));
  const pricing = createPricing(ctx, sites, typeIds);
  const spaces = createSpaces(ctx, sites, pricing);
  const { teams, members } = createPeople(ctx, sites);
  const memberships = createMemberships(ctx, teams, members, pricing);
  const contracts = createContracts(ctx, memberships, spaces, pricing);
  const bookings = createBookings(ctx, sites, members, spaces, pricing, years, density);
  const fees = createFees(ctx, bookings, memberships, members, pricing);
  const passes = createPasses(ctx, memberships, fees, pricing);
  const billing = createBilling(ctx, memberships, fees);
  const checkins = createCheckins(ctx, sites, members);
  const visits = createVisits(ctx, sites, members, bookings);
  const issues = createIssues(ctx, members);
  const creditAccounts = createCreditAccounts(ctx, memberships, bookings, pricing, typeIds.get('meeting_room'));

  const collections: Dataset['collections'] = {
    bookings: sortByCreation(bookings.map((b) => b.booking)),
    charges: sortByCreation(billing.charges),
    checkins: sortByCreation(checkins),
    contracts: sortByCreation(contracts),
    fees: sortByCreation(fees.map((f) => f.fee)),
    floors: sortByCreation(spaces.floors),
    issues: sortByCreation(issues),
    members: sortByCreation(members.map((m) => m.member)),
    memberships: sortByCreation(memberships.map((m) => m.membership)),
    offices: sortByCreation(sites.map((s) => s.office)),
    passes: sortByCreation(passes),
    payments: sortByCreation(billing.payments),
    plans: sortByCreation(pricing.plans.map((p) => p.plan)),
    rates: sortByCreation(pricing.rates.map((r) => r.rate)),
    resources: sortByCreation(spaces.resources),
    'resource-types': sortByCreation(resourceTypes),
    teams: sortByCreation(teams.map((t) => t.team)),
    visits: sortByCreation(visits),
  };
  return { org: { _id: ctx.orgId, slug, name: titleCase(slug) }, collections, creditAccounts };
}

/** The §6.6 v1 stats items for one month (`YYYY-MM`), narrowed to a team and/or member account. */
export function creditStatsFor(
  dataset: Dataset,
  query: { month: string; team?: string; member?: string },
): WireCreditStat[] {
  return statsFromRecords(dataset.creditAccounts, query);
}
