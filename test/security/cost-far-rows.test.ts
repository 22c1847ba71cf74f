import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIRST, MAX_FIRST } from '../../src/core/limits.ts';
import { schema } from '../../src/schema/index.ts';
import { queryCost } from '../../src/security/index.ts';

// Issue 21's follow-up: a dated bookings read's far rows cost calls (by id, or the pages a widening over them adds,
// whichever its plan chooses); the cost rule adds what the gateway says they cost (CostModel.seriesFarCalls).

const MODEL = { defaultFirst: DEFAULT_FIRST, maxFirst: MAX_FIRST, listSize: 10, seriesReachKnown: () => true };

describe('the cost of far rows', () => {
  const asked: [unknown, string | undefined][] = [];
  const priced = {
    ...MODEL,
    seriesFarCalls: (dates: unknown, dateField: string | undefined) => {
      asked.push([dates, dateField]);
      return 7;
    },
  };
  const cost = (query: string, variables?: Record<string, unknown>) => ({
    without: queryCost(schema, parse(query), null, variables, MODEL),
    with: queryCost(schema, parse(query), null, variables, priced),
  });

  it('a dated bookings list or report costs what its far rows cost', () => {
    asked.length = 0;
    const list = cost(
      '{ bookings(first: 10, dateField: END, dates: { from: "2026-10-05", to: "2026-10-14" }) { nodes { id } } }',
    );
    expect(list.with - list.without).toBe(7);
    expect(asked.map(([, field]) => field)).toEqual(['END']);
    expect(asked[0]?.[0]).toHaveProperty('from');
    const report = cost(
      'query($d: DateSelection) { report(name: BOOKINGS, first: 10, dateField: "start", dates: $d, columns: ["_id"]) { rows } }',
      { d: { daysBack: 1 } },
    );
    expect(report.with - report.without).toBe(7);
    expect(asked.at(-1)).toEqual([{ daysBack: 1 }, 'start']);
  });

  it('reads without dates, and dated reads of other collections, cost nothing for them', () => {
    asked.length = 0;
    const undated = cost('{ bookings(first: 10) { nodes { id } } }');
    expect(undated.with).toBe(undated.without);
    const members = cost('{ members(first: 10, dates: { daysBack: 1 }) { nodes { id } } }');
    expect(members.with).toBe(members.without);
    expect(asked).toEqual([]);
  });
});
