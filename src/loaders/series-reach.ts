import { refusesSelection } from '../core/failure.ts';
import { NO_REACH, widenReach, type SeriesReach } from '../dates/report-dates.ts';
import { isBareIdAnswer, type ListQuery, type OfficeRnDClient } from '../officernd/index.ts';
import type { CollectionSizes, LearntReach } from './collection-sizes.ts';

/** What the learning walk reads of each booking (§4 `$select`): the row dates, the anchor and the change stamp. */
const SELECT = ['end', 'modifiedAt', 'seriesStart', 'start'];

/**
 * How far the organization's booking rows lie from their `seriesStart` (issue 21), so a dated bookings read can send
 * both bounds on `seriesStart` (§6.1) and stay exact for recurring series whose first instance is not at
 * seriesStart. The first call walks every booking once (four fields each, memory flat: two numbers are kept); every
 * later call reads only the bookings changed since the latest `modifiedAt` it saw (`modifiedAt.$gte`, §4), usually
 * one page, and widens the reach with them. Null when some row could not be bounded: then nothing is sent.
 */
export async function seriesReach(officernd: OfficeRnDClient, sizes: CollectionSizes, signal?: AbortSignal): Promise<SeriesReach | null> {
  const known = sizes.seriesReach();
  if (known !== undefined && known.reach === null) return null;
  const since: ListQuery = known?.seen ? { filters: [{ field: 'modifiedAt', op: 'gte', value: new Date(known.seen) }] } : {};
  const start: LearntReach = known ?? { reach: NO_REACH, seen: null };
  let learnt: LearntReach | 'unselected';
  try {
    learnt = await readReach(officernd, { ...since, select: SELECT }, start, signal);
  } catch (error) {
    if (!refusesSelection(error)) throw error;
    learnt = 'unselected';
  }
  // §4: a `$select` OfficeRnD does not know comes back as bare ids, or is refused: read whole bookings instead.
  if (learnt === 'unselected') learnt = (await readReach(officernd, since, start, signal)) as LearntReach;
  // Another request may have learnt meanwhile: the reach only grows, the latest stamp wins.
  sizes.setSeriesReach(merge(sizes.seriesReach(), learnt));
  return learnt.reach;
}

async function readReach(
  officernd: OfficeRnDClient,
  query: ListQuery,
  from: LearntReach,
  signal: AbortSignal | undefined,
): Promise<LearntReach | 'unselected'> {
  let { reach, seen } = from;
  for await (const page of officernd.pages('bookings', query, signal ? { signal } : {})) {
    if (query.select && isBareIdAnswer(page.items as object[])) return 'unselected';
    for (const row of page.items) {
      if (reach !== null) reach = widenReach(reach, row);
      const stamp = row.modifiedAt;
      if (typeof stamp === 'string' && (seen === null || stamp > seen)) seen = stamp;
    }
  }
  return { reach, seen };
}

function merge(current: LearntReach | undefined, learnt: LearntReach): LearntReach {
  if (current === undefined) return learnt;
  const seen = current.seen !== null && (learnt.seen === null || current.seen > learnt.seen) ? current.seen : learnt.seen;
  if (current.reach === null || learnt.reach === null) return { reach: null, seen };
  const a = current.reach;
  const b = learnt.reach;
  const most = (x: { before: number; after: number }, y: { before: number; after: number }) => ({
    before: Math.max(x.before, y.before),
    after: Math.max(x.after, y.after),
  });
  return { reach: { start: most(a.start, b.start), end: most(a.end, b.end) }, seen };
}
