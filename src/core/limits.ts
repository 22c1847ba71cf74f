/**
 * The gateway's named limits, one place for the graph and the exports (README "Configuration" lists them).
 */

/** Most items one read of a whole collection, one filtered scan or one occurrence window may take: never a short answer. */
export const MAX_WALK_ITEMS = 50_000;

/** Most calendar months one credit-accounts question may span (one upstream call per owner and month, §6.6). */
export const MAX_CREDIT_MONTHS = 24;

// The occurrence window (365 days, §6.2) is a fact of the API: OCCURRENCE_WINDOW_MS in officernd/collections.ts.
