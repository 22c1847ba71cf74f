import { beforeAll } from 'vitest';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';
import { type Dataset, generateDataset } from '../../src/simulator/generate.ts';
import { createSimulator, type Simulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW } from '../helpers.ts';

// Issue 21's organization of a real size (scale 3.2 × 2 years ≈ 51,200 bookings), shared by the date-window suites,
// and the 10-day window they read (ten days ending yesterday, as in the issue).

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const FROM = day(TEST_NOW.getTime() - 10 * DAY);
export const TO = day(TEST_NOW.getTime() - DAY);

/** Whether a date or date-time string falls on a day of the window. */
export const inWindow = (value: string | null | undefined): boolean =>
  typeof value === 'string' && value.slice(0, 10) >= FROM && value.slice(0, 10) <= TO;

let generated: Dataset | undefined;

/**
 * The large organization's data, generated once per test worker (its files share one module graph: vitest.config.ts)
 * and only read, as every simulator keeps its changes in copies: 4 to 5 s each time saved for the six suites on it.
 */
export function largeOrg(): Dataset {
  generated ??= generateDataset({ scale: 3.2, years: 2, now: TEST_NOW, seed: 21, org: 'demo' });
  return generated;
}

/** The large simulator and a gateway over it with no rate budget to wait on (call counts, never times). */
export function createLargeOrg(): { simulator: Simulator; gateway: Gateway } {
  const simulator = createSimulator({ dataset: largeOrg(), now: TEST_NOW, seed: 21 });
  const logger = createLogger({ level: 'error', secrets: ['demo-secret'], write: () => undefined });
  const officernd = demoClient(simulator, { logger, maxRequestsPerMinute: 1_000_000 });
  return { simulator, gateway: createGateway({ officernd, logger, clock: () => TEST_NOW }) };
}

/**
 * The large organization's data for a suite: taken in a beforeAll this registers (its generation, when the worker has
 * not made it yet, takes seconds alone, a minute or more on a loaded machine), and read through the function it returns.
 */
export function largeOrgDataset(): () => Dataset {
  let dataset: Dataset | undefined;
  beforeAll(() => {
    dataset = largeOrg();
  }, 120_000);
  return () => {
    if (dataset === undefined) throw new Error('the large organization is read before its beforeAll ran');
    return dataset;
  };
}

/**
 * Whether `ids` come in sub-window order: runs in OfficeRnD's (the simulator's) order whose `key` ranges ascend
 * without overlapping. A run ends where the simulator's order goes back.
 */
export function inSubWindowOrder(
  ids: readonly string[],
  order: Map<string, number>,
  key: (id: string) => number,
): boolean {
  let highest = Number.NEGATIVE_INFINITY;
  let run: number[] = [];
  for (let i = 0; i <= ids.length; i += 1) {
    const id = ids[i];
    const at = id === undefined ? -1 : (order.get(id) ?? -1);
    const previous = i > 0 ? (order.get(ids[i - 1] as string) ?? -1) : -1;
    if (id === undefined || at < previous) {
      if (run.length > 0 && Math.min(...run) < highest) return false;
      highest = Math.max(highest, ...run);
      run = [];
    }
    if (id !== undefined) run.push(key(id));
  }
  return true;
}
