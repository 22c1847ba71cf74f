import { describe, expect, it } from 'vitest';
import { createCollectionSizes } from '../../src/loaders/collection-sizes.ts';
import {
  lookupCalls,
  PROBE_AFTER_IDS,
  planById,
  tallyLookups,
  WALK_AFTER_IDS,
  walkPagesOf,
  walkPays,
  type ByIdQuestion,
  type LookupTally,
} from '../../src/loaders/plan.ts';

// The one walk planner (issue 12) as the loaders and the exports' joins read it, per API version (issue 15): v1
// pages of 100 and one GET per id (§8), v2 pages of 50 and `_id[$in]` 50 ids a call.

const V1 = { pageLimit: 100, batchesById: false };
const V2 = { pageLimit: 50, batchesById: true };

const ask = (over: Partial<ByIdQuestion>): ByIdQuestion => ({
  collection: 'members',
  ids: 5,
  walked: false,
  probed: false,
  sizes: createCollectionSizes(),
  costs: V1,
  probeAfterIds: PROBE_AFTER_IDS,
  ...over,
});

describe('lookups by id', () => {
  it('v1: one GET per id; v2: one call per 50 ids', () => {
    expect(lookupCalls(120, V1)).toBe(120);
    expect(lookupCalls(120, V2)).toBe(3);
    expect(lookupCalls(50, V2)).toBe(1);
    expect(lookupCalls(0, V2)).toBe(0);
  });

  it('v1: GETs for few ids, a probe for many, a walk when its known pages are fewer or there is no GET by id', () => {
    expect(planById(ask({ ids: PROBE_AFTER_IDS - 1 }))).toBe('get');
    expect(planById(ask({ ids: PROBE_AFTER_IDS }))).toBe('probe');
    const sizes = createCollectionSizes();
    sizes.set('members', 250);
    expect(planById(ask({ ids: 4, sizes }))).toBe('walk');
    expect(planById(ask({ ids: 3, sizes }))).toBe('get');
    expect(planById(ask({ collection: 'payments', ids: 1 }))).toBe('walk');
  });

  it('v2: a batch by id for any collection that is not a catalogue, even without GET by id in v1', () => {
    expect(planById(ask({ costs: V2, ids: 1 }))).toBe('batch');
    expect(planById(ask({ costs: V2, collection: 'payments', ids: 300 }))).toBe('batch');
    expect(planById(ask({ costs: V2, collection: 'offices', ids: 1 }))).toBe('walk');
    expect(planById(ask({ costs: V2, walked: true }))).toBe('walk');
  });

  it('v2, where a list refused _id[$in]: the v1 plan with the by-id endpoints of v2', () => {
    const refused = { ...V2, batches: () => false };
    expect(planById(ask({ costs: { ...refused, getsById: () => true }, collection: 'payments', ids: 5 }))).toBe('get');
    expect(planById(ask({ costs: { ...refused, getsById: () => false }, collection: 'bookings', ids: 5 }))).toBe(
      'walk',
    );
  });
});

describe('joins of a report', () => {
  it('count a lookup call per new id on v1, per 50 new ids of a level on v2', () => {
    const v1: LookupTally = { seen: new Set(), calls: 0 };
    const v2: LookupTally = { seen: new Set(), calls: 0 };
    const ids = Array.from({ length: 70 }, (_, i) => `id${i}`);
    for (const tally of [v1, v2]) {
      tallyLookups(tally, ids.slice(0, 60), tally === v1 ? V1 : V2);
      tallyLookups(tally, ids, tally === v1 ? V1 : V2);
    }
    expect(v1).toMatchObject({ calls: 70 });
    expect(v2).toMatchObject({ calls: 3 });
    expect(v2.seen.size).toBe(70);
  });

  it('walk once the projected calls exceed the walk, in pages of the version', () => {
    const sizes = createCollectionSizes();
    expect(walkPagesOf('members', sizes, V1)).toBe(WALK_AFTER_IDS);
    sizes.set('members', 30_000);
    expect(walkPagesOf('members', sizes, V1)).toBe(300);
    expect(walkPagesOf('members', sizes, V2)).toBe(600);
    sizes.set('members', 60_000);
    expect(walkPagesOf('members', sizes, V2)).toBe(Number.POSITIVE_INFINITY);
    expect(walkPays(60, 100, 100, 100)).toBe(true);
    expect(walkPays(50, 100, 100, 100)).toBe(false);
    expect(walkPays(2, 100, 900, 10)).toBe(true);
  });
});
