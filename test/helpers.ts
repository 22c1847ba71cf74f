import { createGateway, type Gateway, type GatewayOptions } from '../src/gateway.ts';
import type { CollectionSizes } from '../src/loaders/collection-sizes.ts';
import { PROBE_AFTER_IDS } from '../src/loaders/index.ts';
import { createLogger, type Logger } from '../src/logger.ts';
import type { OfficeRnDClient, OfficeRnDClientOptions } from '../src/officernd/index.ts';
import { generateDataset, type Dataset } from '../src/simulator/generate.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from '../src/simulator/index.ts';
import { demoClient } from './demo-client.ts';

/** The fixed clock of the test data: generated dates are relative to it. */
export const TEST_NOW = new Date('2026-11-16T00:00:00.000Z');

const datasets = new Map<string, Dataset>();

/** A generated dataset, shared between tests of one file (generation is deterministic). */
export function testDataset(scale = 0.2, seed = 7): Dataset {
  const key = `${scale}:${seed}`;
  let dataset = datasets.get(key);
  if (!dataset) {
    dataset = generateDataset({ scale, seed, now: TEST_NOW, org: 'demo' });
    datasets.set(key, dataset);
  }
  return dataset;
}

export interface TestStack {
  simulator: Simulator;
  officernd: OfficeRnDClient;
  gateway: Gateway;
  logs: string[];
  /** Runs an operation through the gateway in-process (HTTP semantics, no port). */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{
    status: number;
    data?: T;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  }>;
  /** Upstream API calls since the last reset (token calls excluded). */
  apiCalls(filter?: { collection?: string; id?: boolean }): number;
}

export interface TestStackOptions {
  scale?: number;
  seed?: number;
  simulator?: Omit<SimulatorOptions, 'dataset'>;
  client?: Partial<OfficeRnDClientOptions>;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** The gateway's clock (relative date selections); default: always TEST_NOW. */
  clock?: () => Date;
  /** What the gateway knows of collection sizes when it starts (default: nothing). */
  sizes?: CollectionSizes;
  /** Gateway settings that differ from the defaults (`security: { …, maxCost }`). */
  settings?: GatewayOptions['settings'];
}

/** Simulator → client → gateway, all real, wired in-process. */
export function createTestStack(options: TestStackOptions = {}): TestStack {
  const simulator = createSimulator({
    dataset: testDataset(options.scale, options.seed),
    now: TEST_NOW,
    ...options.simulator,
  });
  const logs: string[] = [];
  const logger: Logger = createLogger({
    level: options.logLevel ?? 'warn',
    secrets: ['demo-secret'],
    write: (line) => logs.push(line),
  });
  const officernd = demoClient(simulator, {
    logger,
    // Tests read far more than a real org allows per minute; the budget itself is tested in test/officernd.
    maxRequestsPerMinute: 1_000_000,
    ...options.client,
  });
  const gateway = createGateway({
    officernd,
    logger,
    clock: options.clock ?? (() => TEST_NOW),
    ...(options.sizes ? { sizes: options.sizes } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });
  return {
    simulator,
    officernd,
    gateway,
    logs,
    async query(query, variables, headers) {
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: never; errors?: never[] };
      return { status: response.status, ...body };
    },
    apiCalls: (filter) => simulator.log.count({ kind: 'api', ...filter }),
  };
}

/** What the loaders' plan costs for one batch of by-id lookups into a collection whose size is not known yet. */
export interface PlannedLookups {
  /** All upstream calls: probe pages plus single GETs. */
  calls: number;
  /** Single GETs by id. */
  gets: number;
  /** List pages read by the probe (a walk bounded to half as many pages as there are ids). */
  pages: number;
}

/**
 * Independent statement of the plan in src/loaders (README "Batching rules" 4): under PROBE_AFTER_IDS distinct ids,
 * one GET each; otherwise a walk of at most ceil(ids / 2) pages, then a GET for each id it did not reach.
 */
export function plannedLookups(all: readonly { _id: string }[], ids: readonly unknown[]): PlannedLookups {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
  if (wanted.length < PROBE_AFTER_IDS) return { calls: wanted.length, gets: wanted.length, pages: 0 };
  const bound = Math.ceil(wanted.length / 2);
  const total = Math.max(1, Math.ceil(all.length / 100));
  if (total <= bound) return { calls: total, gets: 0, pages: total };
  const reached = new Set(all.slice(0, bound * 100).map((item) => item._id));
  const gets = wanted.filter((id) => !reached.has(id)).length;
  return { calls: bound + gets, gets, pages: bound };
}
