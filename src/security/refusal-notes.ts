/**
 * One log line per caller and window for refusals a client can repeat as fast as it likes (the per-caller rate limit,
 * admission by cost): the first refusal of a window writes the line, with the refusals since the caller's previous
 * line; the others only count. The metrics count every refusal. Bounded memory: stale callers are swept, and past
 * `maxCallers` the table starts again (a few lines more, never unbounded).
 */

/** Callers remembered by default before the stale ones are swept. */
const MAX_CALLERS = 10_000;

/**
 * Notes a refusal of `who` until `until` (Date.now() ms): the refusals to report (this one included) when a line is
 * due, else undefined (counted for the next line).
 */
export type RefusalNotes = (who: string, until: number) => number | undefined;

/** Creates the table of one limit. */
export function createRefusalNotes(maxCallers = MAX_CALLERS): RefusalNotes {
  const noted = new Map<string, { until: number; refused: number }>();
  return (who, until) => {
    const now = Date.now();
    const entry = noted.get(who);
    if (entry && now < entry.until) {
      entry.refused++;
      return undefined;
    }
    if (noted.size >= maxCallers) for (const [key, old] of noted) if (old.until <= now) noted.delete(key);
    if (noted.size >= maxCallers) noted.clear();
    noted.set(who, { until, refused: 0 });
    return (entry?.refused ?? 0) + 1;
  };
}
