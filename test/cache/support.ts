import { loadConfig, type Config } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import type { OfficeRnDClient } from '../../src/officernd/index.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.ts';
import type { OfficeRnDClientOptions } from '../../src/officernd/index.ts';
import { createEventBus, type EventBus, type OfficeRnDEvent } from '../../src/webhooks/events.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';

// Simulator → client → gateway in-process, with the gateway's settings read from an environment as the server
// reads them, the event bus in the test's hands and every log line collected.

export interface CacheStack {
  simulator: Simulator;
  officernd: OfficeRnDClient;
  gateway: Gateway;
  config: Config;
  events: EventBus;
  /** Every event published on the bus, in order. */
  published: OfficeRnDEvent[];
  logs: string[];
  logger: Logger;
  request(path: string, init?: RequestInit): Promise<Response>;
  apiCalls(): number;
}

export interface CacheStackExtras {
  simulator?: Omit<SimulatorOptions, 'dataset'>;
  client?: Partial<OfficeRnDClientOptions>;
}

export function createCacheStack(env: Record<string, string> = {}, extras: CacheStackExtras = {}): CacheStack {
  const config = loadConfig(env);
  const simulator = createSimulator({ dataset: testDataset(0.2), now: TEST_NOW, ...extras.simulator });
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
  const officernd = demoClient(simulator, { logger, maxRequestsPerMinute: 1_000_000, ...extras.client });
  const events = createEventBus();
  const published: OfficeRnDEvent[] = [];
  events.subscribe((event) => published.push(event));
  const gateway = createGateway({ officernd, logger, settings: config, events, clock: () => TEST_NOW });
  return {
    simulator,
    officernd,
    gateway,
    config,
    events,
    published,
    logs,
    logger,
    request: async (path, init) => gateway.fetch(`http://gateway.test${path}`, init ?? {}),
    apiCalls: () => simulator.log.count({ kind: 'api' }),
  };
}
