/**
 * Real v1 records sometimes omit a false boolean ("Sometimes API returns canceled: false sometimes not",
 * shared/officernd-api.md §4; v2 data is sparse the same way, §6.1). In `documented` filter mode the
 * simulator serves about half of the bookings without their false `canceled`, `tentative` and `free`
 * flags, chosen from the seed and the booking id, so a client that reads a missing flag as anything
 * but false, or filters `canceled=false` upstream, gets caught.
 */

import type { Dataset } from './generate.ts';

/** The booking flags v1 may omit when false (§4, §6.1). */
export const SPARSE_BOOKING_FLAGS = ['canceled', 'tentative', 'free'] as const;

/** FNV-1a of seed and id: a stable coin per booking. */
function coin(seed: number, id: string): boolean {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) & 1) === 1;
}

/** Whether the booking with this id is served without its false flags (about half of them). */
export const omitsFalseFlags = (seed: number, id: string): boolean => coin(seed, id);

/** A dataset whose bookings drop their false flags where `omitsFalseFlags` says so; other collections are shared. */
export function withSparseFlags(dataset: Dataset, seed: number): Dataset {
  const bookings = dataset.collections.bookings.map((booking) => {
    if (!omitsFalseFlags(seed, booking._id)) return booking;
    const copy: Record<string, unknown> = { ...booking };
    for (const flag of SPARSE_BOOKING_FLAGS) if (copy[flag] === false) delete copy[flag];
    return Object.isFrozen(booking) ? Object.freeze(copy) : copy;
  }) as Dataset['collections']['bookings'];
  return { ...dataset, collections: { ...dataset.collections, bookings } };
}
