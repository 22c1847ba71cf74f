/**
 * The gateway's named limits, one place for the graph and the exports (README "Configuration" lists them).
 */

import { V1_PAGE_LIMIT } from '../officernd/collections.ts';

/** Most items one read of a whole collection, one filtered scan or one occurrence window may take: never a short answer. */
export const MAX_WALK_ITEMS = 50_000;

/** Most calendar months one credit-accounts question may span (one upstream call per owner and month, §6.6). */
export const MAX_CREDIT_MONTHS = 24;

// The occurrence window (365 days, §6.2) is a fact of the API: OCCURRENCE_WINDOW_MS in officernd/collections.ts.

/** Most groups one `aggregate.groupBy` (or export `?groupBy=`) returns: more, without `first`, is RESULT_TOO_LARGE. */
export const MAX_GROUPS = 10_000;

/** Default and largest `first` of every connection. */
export const DEFAULT_FIRST = 50;
export const MAX_FIRST = 1000;

/**
 * Least OfficeRnD pages a sub-window of a split read is planned to hold (core/sub-windows.ts plans by it; the cost
 * rule counts by it).
 */
export const MIN_SUB_WINDOW_PAGES = 5;

/**
 * Upstream pages the cost rule (security/cost.ts) counts for one page of a connection (or of `report(...)`) under a
 * date selection. The page itself reads on until it has `first` matching items (core/paging.ts), bounded by the
 * request's share of calls and MAX_WALK_ITEMS. A large dated read goes by sub-windows of at least
 * MIN_SUB_WINDOW_PAGES pages, each of which may end in a partial page: a page of `first` rows crosses at most
 * `first` / (MIN_SUB_WINDOW_PAGES pages) + 1 of them, a partial page each, beside the pages its rows fill.
 */
export function scanPagesFor(first: number, pageLimit: number = V1_PAGE_LIMIT): number {
  const pages = Math.ceil(first / pageLimit);
  const subWindows = Math.ceil(first / (MIN_SUB_WINDOW_PAGES * pageLimit)) + 1;
  return Math.max(10, pages + subWindows);
}
