/**
 * Booking occurrences over a selection longer than one upstream window (§6.2: "the period cannot exceed a
 * year"): the windows of `occurrenceWindows` are read one after the other and their pages chained, so a caller
 * sees one ordered sequence of pages with resumable cursors. No GraphQL here: the schema and the exports share it.
 * A reader that never resumes (an export) may read a long selection in parallel date sub-windows instead
 * (core/occurrence-split.ts).
 */

import type { OccurrenceParams, OfficeRnDClient, Page } from '../officernd/index.ts';
import type { WireBookingOccurrence } from '../officernd/types.ts';
import type { OccurrenceWindow } from './report-dates.ts';

/** The filters of an occurrence request other than its window. */
export type OccurrenceFilters = Omit<OccurrenceParams, 'start' | 'end'>;

/**
 * The upstream parameters of given filters, by wire name (§6.2: every occurrence filter is documented; the rows are
 * checked all the same). Several values of one filter cannot be sent (no `$in` in v1, §4): the row check applies them.
 */
export function occurrenceFilters(given: readonly { spec: { field: string }; value: unknown }[]): OccurrenceFilters {
  const filters: Record<string, string> = {};
  for (const { spec, value } of given) if (typeof value !== 'object') filters[spec.field] = String(value);
  return filters as OccurrenceFilters;
}

// A chained cursor is "<window index>:<upstream cursor>", the upstream part empty at the start of a window.
// Upstream cursors are opaque (§3), so only the first colon separates.
const encode = (window: number, upstream: string | null): string => `${window}:${upstream ?? ''}`;

/** The chained cursor of the start of window `window` (occurrencePagesAcross reads on from there). */
export const windowStartCursor = (window: number): string => encode(window, null);

/** Reads a chained cursor; null for anything this module did not write. */
function decodeOccurrenceCursor(cursor: string): { window: number; upstream: string | null } | null {
  const colon = cursor.indexOf(':');
  const index = colon > 0 ? cursor.slice(0, colon) : '';
  if (!/^\d{1,3}$/.test(index)) return null;
  const upstream = cursor.slice(colon + 1);
  return { window: Number(index), upstream: upstream === '' ? null : upstream };
}

export class OccurrenceCursorError extends Error {
  constructor() {
    super('The occurrence cursor does not belong to these windows');
    this.name = 'OccurrenceCursorError';
  }
}

/**
 * Pages of occurrences across windows, in window order, from `cursor` (a chained cursor from a previous page's
 * `next`, or null for the start). Each page holds only the items its window keeps (no duplicates where windows
 * meet); `next` chains into the following window, and is null after the last page of the last window.
 */
export async function* occurrencePagesAcross(
  officernd: Pick<OfficeRnDClient, 'occurrencePages'>,
  filters: OccurrenceFilters,
  windows: readonly OccurrenceWindow[],
  options: { cursor?: string | null; signal?: AbortSignal; max?: number } = {},
): AsyncGenerator<Page<WireBookingOccurrence>, void, undefined> {
  const from = options.cursor ? decodeOccurrenceCursor(options.cursor) : { window: 0, upstream: null };
  if (!from || from.window >= windows.length) throw new OccurrenceCursorError();
  let upstream = from.upstream;
  for (let index = from.window; index < windows.length; index += 1, upstream = null) {
    const window = windows[index] as OccurrenceWindow;
    const pages = officernd.occurrencePages(
      { ...filters, start: window.askStart, end: window.end },
      {
        cursor: upstream,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.max ? { max: options.max } : {}),
      },
    );
    let stoppedAt: string | null = null;
    for await (const page of pages) {
      const next =
        page.next !== null ? encode(index, page.next) : index + 1 < windows.length ? encode(index + 1, null) : null;
      stoppedAt = page.next;
      yield { items: page.items.filter((item) => window.keep(item)), next, prev: null };
    }
    // The walk hit `max` inside this window: stop here rather than skip the rest of it; the last `next` resumes.
    if (stoppedAt !== null) return;
  }
}
