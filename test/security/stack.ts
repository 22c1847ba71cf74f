import { loadConfig, type Config } from '../../src/config.ts';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/gateway.ts';
import { MAX_WALK_ITEMS } from '../../src/core/limits.ts';
import {
  createCollectionSizes,
  createSizeLearner,
  type CollectionSizes,
  type SizeLearner,
} from '../../src/loaders/collection-sizes.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import type { OfficeRnDClient, OfficeRnDClientOptions } from '../../src/officernd/index.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';
import { demoClient } from '../demo-client.ts';

// Simulator → client → gateway like test/helpers.ts, with the gateway's security and upstream settings open to
// each test, a hook to wrap the simulator's fetch (extra faults) and every log line collected.

export interface SecureStackOptions {
  scale?: number;
  /** Environment the settings are read from (GATEWAY_API_KEYS, MAX_COST …), as the server reads them. */
  env?: Record<string, string>;
  simulator?: Omit<SimulatorOptions, 'dataset'>;
  client?: Partial<OfficeRnDClientOptions>;
  /** Wraps the simulator's in-process fetch (the client and token cache use what this returns). */
  wrapFetch?: (inner: typeof fetch) => typeof fetch;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Values the logger redacts; default none, so a test sees whatever the code tries to write. */
  redact?: string[];
  /** Batching-plan tuning passed to the gateway. */
  loaderOptions?: GatewayOptions['loaderOptions'];
  /** Pause between pages of the background learning of sizes (`stack.learner.start()`); default 0. */
  learningPauseMs?: number;
}

export interface SecureStack {
  simulator: Simulator;
  officernd: OfficeRnDClient;
  gateway: Gateway;
  config: Config;
  logger: Logger;
  logs: string[];
  /** POSTs a GraphQL operation to /graphql in-process. */
  post(body: unknown, headers?: Record<string, string>): Promise<GatewayAnswer>;
  query(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GatewayAnswer>;
  /** Any request to the gateway, in-process. */
  request(path: string, init?: RequestInit): Promise<GatewayAnswer>;
  apiCalls(): number;
  /** The gateway's size learner (as the server builds it); `start()` runs what the server runs at start-up. */
  learner: SizeLearner;
  sizes: CollectionSizes;
}

export interface GraphQLErrorJson {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GatewayAnswer {
  status: number;
  headers: Headers;
  text: string;
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorJson[];
}

async function answerOf(response: Response): Promise<GatewayAnswer> {
  const text = await response.text();
  let body: { data?: Record<string, unknown> | null; errors?: GraphQLErrorJson[] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not JSON (GraphiQL page, empty 204): only status and text matter.
  }
  return { status: response.status, headers: response.headers, text, ...body };
}

/** A full stack with the given settings. */
export function createSecureStack(options: SecureStackOptions = {}): SecureStack {
  const config = loadConfig(options.env ?? {});
  const simulator = createSimulator({
    dataset: testDataset(options.scale ?? 0.2),
    now: TEST_NOW,
    ...options.simulator,
  });
  const logs: string[] = [];
  const logger = createLogger({
    level: options.logLevel ?? 'warn',
    secrets: options.redact ?? [],
    write: (line) => logs.push(line),
  });
  const upstreamFetch = options.wrapFetch ? options.wrapFetch(simulator.fetch) : simulator.fetch;
  const officernd = demoClient(simulator, {
    fetch: upstreamFetch,
    logger,
    maxRequestsPerMinute: 1_000_000,
    retry: { baseDelayMs: 1, maxDelayMs: 20 },
    ...options.client,
  });
  const sizes = createCollectionSizes();
  const learner = createSizeLearner({
    officernd,
    sizes,
    pauseMs: options.learningPauseMs ?? 0,
    maxItems: MAX_WALK_ITEMS,
    logger,
  });
  const gateway = createGateway({
    officernd,
    logger,
    sizes,
    learner,
    settings: config,
    clock: () => TEST_NOW,
    ...(options.loaderOptions ? { loaderOptions: options.loaderOptions } : {}),
  });
  const request = async (path: string, init?: RequestInit): Promise<GatewayAnswer> =>
    answerOf(await gateway.fetch(`http://gateway.test${path}`, init ?? {}));
  const post = (body: unknown, headers?: Record<string, string>): Promise<GatewayAnswer> =>
    request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    simulator,
    officernd,
    gateway,
    config,
    logger,
    logs,
    post,
    query: (query, variables, headers) => post({ query, variables }, headers),
    request,
    apiCalls: () => simulator.log.count({ kind: 'api' }),
    learner,
    sizes,
  };
}
