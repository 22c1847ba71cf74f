import { createGateway, type Gateway } from '../src/gateway.ts';
import { createLogger, type Logger } from '../src/logger.ts';
import { createOfficeRnDClient, type OfficeRnDClient } from '../src/officernd/index.ts';

// The gateway as the bench drives it in-process: a client pointed at a simulator (in-process fetch or loopback
// URL), a fresh gateway per measured request so every run starts from the same cold plan.

export interface UpstreamTarget {
  apiUrl: string;
  tokenUrl: string;
  org: string;
  fetch?: typeof fetch;
}

export interface ClientLimits {
  maxConcurrency?: number;
  maxRequestsPerMinute?: number;
}

/** A logger that prints only the first few warnings and errors: a run that fails fails loudly in its figure. */
function createBenchLogger(): Logger {
  let written = 0;
  return createLogger({
    level: 'warn',
    secrets: ['demo-secret'],
    write: (line) => {
      written += 1;
      if (written <= 3) process.stderr.write(`${line.split('\n')[0]?.slice(0, 300)}\n`);
    },
  });
}

/** A client with the simulator's demo credentials; limits left out take the client's defaults. */
export function createBenchClient(target: UpstreamTarget, limits: ClientLimits): OfficeRnDClient {
  return createOfficeRnDClient({
    apiUrl: target.apiUrl,
    tokenUrl: target.tokenUrl,
    org: target.org,
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    scope: 'officernd.api.read',
    logger: createBenchLogger(),
    ...(target.fetch ? { fetch: target.fetch } : {}),
    ...limits,
  });
}

/** A gateway over `officernd` with default settings (what `createGateway` gives). */
export function createBenchGateway(officernd: OfficeRnDClient): Gateway {
  return createGateway({ officernd, logger: createBenchLogger() });
}

export interface QueryRun {
  ms: number;
  /** Nodes of the first root list in the answer. */
  rows: number;
  errors: string[];
}

/** Sends one GraphQL request through the gateway's fetch handler and times it to the last byte. */
export async function runQuery(gateway: Gateway, document: string): Promise<QueryRun> {
  const started = performance.now();
  const response = await gateway.fetch('http://gateway.bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document }),
  });
  const body = (await response.json()) as {
    data?: Record<string, { nodes?: unknown[] } | null>;
    errors?: { message: string }[];
  };
  const ms = performance.now() - started;
  const first = Object.values(body.data ?? {})[0];
  return { ms, rows: first?.nodes?.length ?? 0, errors: (body.errors ?? []).map((e) => e.message) };
}
