/** Helpers of the report tests: reading the three export formats back, and the expected cells of a wire object. */

import { createServer, type RequestListener, type Server } from 'node:http';
import { expect } from 'vitest';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/gateway.ts';
import { createCollectionSizes, createSizeLearner } from '../../src/loaders/collection-sizes.ts';
import { createLogger } from '../../src/logger.ts';
import type { ListCollection } from '../../src/officernd/collections.ts';
import type { OfficeRnDClientOptions } from '../../src/officernd/index.ts';
import type { Dataset } from '../../src/simulator/generate.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';
import { demoClient } from '../demo-client.ts';

export type Format = 'csv' | 'ndjson' | 'json';
export const FORMATS: readonly Format[] = ['csv', 'ndjson', 'json'];

/** A parsed export: the header and each row's cells (CSV cells are text, '' for empty). */
export interface Table {
  columns: string[];
  rows: unknown[][];
}

/** RFC 4180 reader: quoted fields with doubled quotes, CRLF records; enough to check what the writer produced. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}

/** Reads an export back into a table (keys of the first record give the NDJSON/JSON columns). */
export function parseExport(format: Format, text: string): Table {
  if (format === 'csv') {
    const [columns = [], ...rows] = parseCsv(text);
    return { columns, rows };
  }
  const records = (
    format === 'json'
      ? JSON.parse(text)
      : text
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line))
  ) as Record<string, unknown>[];
  const columns = Object.keys(records[0] ?? {});
  return { columns, rows: records.map((r) => columns.map((c) => r[c])) };
}

/**
 * The value at a dotted path, as the reports define it: arrays and objects as JSON values, missing as null; in a
 * `date` column (column-types.ts) the UTC day of the value, in a `datetime` column the ISO instant.
 */
export function expectedCell(item: unknown, path: string, type?: string): unknown {
  let value: unknown = item;
  for (const step of path.split('.')) {
    value =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)[step]
        : undefined;
  }
  if (value === undefined || value === null) return null;
  if (type === 'date' && typeof value === 'string') return new Date(value).toISOString().slice(0, 10);
  if (type === 'datetime' && typeof value === 'string') return new Date(value).toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return value;
}

/**
 * The cell as the format writes it: CSV cells are text (arrays and objects as JSON text), empty for null, and a
 * text that starts like a formula has a leading ' (formula escaping, on by default).
 */
export function asWritten(format: Format, cell: unknown): unknown {
  if (format !== 'csv') return cell;
  if (cell === null) return '';
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell)) return `'${cell}`;
  return typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
}

/**
 * The gateway (or a handler in front of it) on a loopback port, for what only real HTTP shows: truncated transfers,
 * disconnects, a browser.
 */
export async function listenGateway(gateway: RequestListener): Promise<{ url: string; server: Server }> {
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** Closes a loopback server without waiting for idle keep-alive connections. */
export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Lets pending promise callbacks and I/O run (no timing: a bounded number of event-loop turns). */
export async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** A gateway over a private copy of the test dataset, changed by `change` (for values the generator never makes). */
export function createStackWith(change: (dataset: Dataset) => void): { gateway: Gateway; simulator: Simulator } {
  const dataset = structuredClone(testDataset());
  change(dataset);
  const simulator = createSimulator({ dataset, now: TEST_NOW });
  const logger = createLogger({ level: 'error', write: () => undefined });
  const officernd = demoClient(simulator, {
    logger,
    maxRequestsPerMinute: 1_000_000,
  });
  return { gateway: createGateway({ officernd, logger, clock: () => TEST_NOW }), simulator };
}

/**
 * A fetch in front of the simulator's that counts the OfficeRnD calls in flight: `most()` is the most at once since
 * `reset()`. `rewrite` may change each URL first (e.g. drop a parameter, as an OfficeRnD that ignores it would).
 */
export function inFlightFetch(
  simulator: Pick<Simulator, 'fetch'>,
  rewrite: (url: URL) => void = () => undefined,
): { fetch: typeof fetch; most(): number; reset(): void } {
  let inFlight = 0;
  let most = 0;
  const counted: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    rewrite(url);
    inFlight += 1;
    most = Math.max(most, inFlight);
    try {
      return await simulator.fetch(url.href, init);
    } finally {
      inFlight -= 1;
    }
  };
  return {
    fetch: counted,
    most: () => most,
    reset: () => {
      most = 0;
    },
  };
}

/** What countedExportStack builds: the simulator, the gateway over it, and what the parallel export suites count. */
export interface CountedStack {
  simulator: Simulator;
  gateway: Gateway;
  /** The gateway's warning and error lines. */
  logs: string[];
  /** Most API calls in flight at once since the last reset. */
  maxInFlight(): number;
  /** Clears the simulator's request log and the most in flight. */
  reset(): void;
  /** Learns the collections' size and spread (default the bookings), as the gateway does at start-up (LEARN_COLLECTION_SIZES). */
  learn(collections?: ListCollection[]): Promise<void>;
}

export interface CountedStackOptions {
  dataset: Dataset;
  v1Filters: NonNullable<SimulatorOptions['v1Filters']>;
  v1Populate?: SimulatorOptions['v1Populate'];
  /** Client options over the demo client's (no rate budget to wait on). */
  client?: Partial<OfficeRnDClientOptions>;
  /** Changes each URL before the simulator sees it (an OfficeRnD that ignores a parameter never receives it). */
  rewrite?: (url: URL) => void;
  /** Most items the size learner reads of a collection. */
  learnItems: number;
  settings?: GatewayOptions['settings'];
}

/** Simulator → client → gateway over `dataset`, with a fetch that counts the calls in flight (inFlightFetch). */
export function countedExportStack(options: CountedStackOptions): CountedStack {
  const { dataset, v1Filters, v1Populate } = options;
  const simulator = createSimulator({ dataset, now: TEST_NOW, v1Filters, v1Populate });
  const counted = inFlightFetch(simulator, options.rewrite);
  const logs: string[] = [];
  const logger = createLogger({ level: 'warn', secrets: ['demo-secret'], write: (line) => logs.push(line) });
  const officernd = demoClient(simulator, {
    logger,
    fetch: counted.fetch,
    maxRequestsPerMinute: 1_000_000,
    ...options.client,
  });
  const sizes = createCollectionSizes();
  const learner = createSizeLearner({ officernd, sizes, pauseMs: 0, maxItems: options.learnItems });
  const gateway = createGateway({ officernd, logger, sizes, settings: options.settings, clock: () => TEST_NOW });
  return {
    simulator,
    gateway,
    logs,
    maxInFlight: counted.most,
    reset: () => {
      simulator.log.reset();
      counted.reset();
    },
    learn: (collections = ['bookings']) => learner.learn(collections, undefined, { whole: true }),
  };
}

/** The records of a whole NDJSON export: answered 200, never cut by an error line (`#ERROR`), one record a line. */
export async function ndjsonRecords<T>(response: Response): Promise<T[]> {
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(text).not.toContain('#ERROR');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);
}
