import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { WireBooking } from '../../src/officernd/types.ts';
import { parseCliArgs } from '../../src/simulator/cli.ts';
import { generateDataset, type Dataset } from '../../src/simulator/generate.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { apiCaller, NOW, smallDataset, walk } from './support.ts';

const DAY = 86_400_000;
type Occurrence = { _id: string; start: { dateTime: string }; end: { dateTime: string } };

/** The three awkward series every dataset carries (bookings.ts SERIES_CASES). */
function seriesCases(dataset: Dataset): Record<'firstExcluded' | 'anchorMoved' | 'openEnded', WireBooking[]> {
  const recurring = dataset.collections.bookings.filter((b) => b.recurrence?.rrule);
  return {
    firstExcluded: recurring.filter((b) => (b.recurrence?.exdates ?? []).includes(b.seriesStart ?? '')),
    anchorMoved: recurring.filter((b) => Date.parse(b.start.dateTime ?? '') < Date.parse(b.seriesStart ?? '')),
    openEnded: recurring.filter((b) => b.seriesEnd === null),
  };
}

describe('recurring series cases (issue 21), expanded by /bookings/occurrences', () => {
  const sim = createSimulator({ dataset: smallDataset() });
  const api = apiCaller(sim);
  const cases = seriesCases(smallDataset());
  const occurrencesOf = async (id: string, from: number, to: number): Promise<string[]> => {
    const path = `/bookings/occurrences?start=${new Date(from).toISOString()}&end=${new Date(to).toISOString()}&$limit=100`;
    return (await walk<Occurrence>(api, path))
      .flat()
      .filter((o) => o._id === id)
      .map((o) => o.start.dateTime);
  };

  it('exist, one of each, in a small dataset', () => {
    expect([cases.firstExcluded.length, cases.anchorMoved.length, cases.openEnded.length]).toEqual([1, 1, 1]);
  });

  it('a series whose first instance is excluded starts at its second instance, after seriesStart', async () => {
    const [series] = cases.firstExcluded;
    const anchor = Date.parse(series?.seriesStart ?? '');
    const start = Date.parse(series?.start.dateTime ?? '');
    expect(start).toBeGreaterThan(anchor);
    expect(await occurrencesOf(series?._id ?? '', anchor - DAY, start + DAY)).toEqual([series?.start.dateTime]);
  });

  it('a series whose anchor was moved a day earlier has its first occurrence before seriesStart and none at it', async () => {
    const [series] = cases.anchorMoved;
    const anchor = Date.parse(series?.seriesStart ?? '');
    const found = await occurrencesOf(series?._id ?? '', anchor - 2 * DAY, anchor + 60_000);
    expect(found).toEqual([series?.start.dateTime]);
    expect(Date.parse(found[0] ?? '')).toBe(anchor - DAY);
  });

  it('an open-ended series keeps occurring past the data window', async () => {
    const [series] = cases.openEnded;
    const from = NOW.getTime() + 200 * DAY;
    const found = await occurrencesOf(series?._id ?? '', from, from + 28 * DAY);
    expect(series?.recurrence?.rrule).not.toMatch(/COUNT|UNTIL/);
    expect(found.length).toBeGreaterThanOrEqual(4);
  });
});

describe('a real organization’s size (issue 21)', () => {
  it('scale 3.2 over 2 years: ≥ 50,000 bookings over ≥ 2 years, the rest in proportion, the series cases, bounded memory', () => {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const large = generateDataset({ seed: 42, scale: 3.2, years: 2, now: NOW });
    const retained = process.memoryUsage().heapUsed - before;
    const { bookings, members, memberships, payments } = large.collections;
    expect(bookings.length).toBeGreaterThanOrEqual(50_000);
    const starts = bookings.map((b) => Date.parse(b.start.dateTime ?? '')).sort((a, b) => a - b);
    expect((starts[0] ?? 0) - NOW.getTime()).toBeLessThan(-2 * 365 * DAY + 7 * DAY);
    expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeGreaterThan(2 * 365 * DAY);
    // Other collections grow with the scale as at scale 1 (2,500 members, 3,000 memberships, 5,000 payments).
    expect(members.length).toBe(8_000);
    expect(memberships.length).toBe(9_600);
    expect(payments.length).toBe(16_000);
    const cases = seriesCases(large);
    expect([cases.firstExcluded.length, cases.anchorMoved.length, cases.openEnded.length]).toEqual([1, 1, 1]);
    expect(retained).toBeLessThan(600 * 1024 * 1024);
  }, 120_000);

  it('is set by SIMULATOR_YEARS / --years / createSimulator({ years })', () => {
    expect(loadConfig({}).simulator.years).toBe(1);
    expect(loadConfig({ SIMULATOR_SCALE: '3.2', SIMULATOR_YEARS: '2' }).simulator).toMatchObject({
      scale: 3.2,
      years: 2,
    });
    expect(() => loadConfig({ SIMULATOR_YEARS: '0' })).toThrow(/SIMULATOR_YEARS/);
    expect(parseCliArgs(['--scale', '3.2', '--years', '2'])).toMatchObject({ simulator: { scale: 3.2, years: 2 } });
    expect(() => parseCliArgs(['--years', '11'])).toThrow(/--years/);
    const sim = createSimulator({ seed: 3, scale: 0.05, years: 2, now: NOW });
    const earliest = Math.min(...sim.dataset.collections.bookings.map((b) => Date.parse(b.start.dateTime ?? '')));
    expect(earliest).toBeLessThan(NOW.getTime() - 400 * DAY);
  });
});
