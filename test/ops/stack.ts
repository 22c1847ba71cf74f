import { loadConfig, type Config } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import type { OfficeRnDClient, OfficeRnDClientOptions } from '../../src/officernd/index.ts';
import { createOps, type Ops, type OpsOptions } from '../../src/ops/index.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';

// Simulator → client → gateway as server.ts wires them: one `ops` told of the client's upstream calls and given to
// the gateway, settings read from an environment, every log line collected as parsed JSON.

export interface OpsStackOptions {
  env?: Record<string, string>;
  scale?: number;
  simulator?: Omit<SimulatorOptions, 'dataset'>;
  client?: Partial<OfficeRnDClientOptions>;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  ops?: Omit<OpsOptions, 'logger'>;
  /** Serve /metrics on the gateway (default true). */
  serveMetrics?: boolean;
}

export interface LogLine {
  level: string;
  msg: string;
  [key: string]: unknown;
}

export interface OpsStack {
  simulator: Simulator;
  officernd: OfficeRnDClient;
  gateway: Gateway;
  ops: Ops;
  config: Config;
  logger: Logger;
  /** Raw lines as written. */
  lines: string[];
  logs(): LogLine[];
  fetch(path: string, init?: RequestInit): Promise<Response>;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
}

export function createOpsStack(options: OpsStackOptions = {}): OpsStack {
  const config = loadConfig(options.env ?? {});
  const simulator = createSimulator({
    dataset: testDataset(options.scale ?? 0.2),
    now: TEST_NOW,
    ...options.simulator,
  });
  const lines: string[] = [];
  const logger = createLogger({
    level: options.logLevel ?? 'info',
    secrets: ['demo-secret', ...config.security.apiKeys],
    write: (line) => lines.push(line),
  });
  const ops = createOps({ logger, ...options.ops });
  const officernd = demoClient(simulator, {
    logger,
    observe: ops.observeUpstream,
    maxRequestsPerMinute: 1_000_000,
    retry: { baseDelayMs: 1, maxDelayMs: 20 },
    ...options.client,
  });
  const gateway = createGateway({
    officernd,
    logger,
    settings: config,
    ops,
    clock: () => TEST_NOW,
    ...(options.serveMetrics === undefined ? {} : { serveMetrics: options.serveMetrics }),
  });
  const fetchGateway = (path: string, init?: RequestInit) =>
    Promise.resolve(gateway.fetch(`http://gateway.test${path}`, init ?? {}));
  return {
    simulator,
    officernd,
    gateway,
    ops,
    config,
    logger,
    lines,
    logs: () => lines.map((line) => JSON.parse(line) as LogLine),
    fetch: fetchGateway,
    post: (body, headers) =>
      fetchGateway('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
