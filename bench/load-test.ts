/**
 * `npm run load`: the gateway under load, with OfficeRnD slow and failing. A mixed set of queries at concurrency 64
 * against the gateway on a loopback port, the simulator (in this process) with latency, jitter, 5xx and dropped
 * connections. Prints, per round: requests, failed responses (non-2xx, timeouts, socket errors, or a GraphQL
 * `errors` entry), p50/p99 latency and resident memory; then memory after the last round against after the first.
 * The simulator listens on its own loopback port, so the client's production HTTP path (undici, real sockets,
 * connections really dropped) is what is loaded.
 *
 *   npm run load                      3 rounds of 60 s
 *   npm run load -- --duration 5      a quick check (5 s rounds)
 *   npm run load -- --rounds 5 --connections 32
 */

import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.ts';
import { createGateway } from '../src/gateway.ts';
import { createLogger } from '../src/logger.ts';
import { createOfficeRnDClient } from '../src/officernd/index.ts';
import { createSimulator, type FaultOptions } from '../src/simulator/index.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '64' },
    scale: { type: 'string', default: '0.5' },
  },
});
const DURATION_S = Number(values.duration);
const ROUNDS = Number(values.rounds);
const CONNECTIONS = Number(values.connections);
const SCALE = Number(values.scale);

/** OfficeRnD on a bad day: slow, jittery, 5 % server errors, 1 % dropped connections. */
const FAULTS: FaultOptions = {
  latencyMs: 5,
  jitterMs: 20,
  errorRate: 0.05,
  errorStatuses: [500, 502, 503, 504],
  dropRate: 0.01,
};

const simulator = createSimulator({ seed: 42, scale: SCALE, faults: FAULTS, requestLogLimit: 1_000 });
const upstream = await simulator.listen(0);
// Upstream concurrency at its maximum: the simulator, not OfficeRnD, is on the other side. A 5 s call timeout (the
// slowest simulated answer takes 25 ms) lets memory settle between rounds: each call's timeout timer lives that long.
const config = loadConfig({
  GATEWAY_API_KEYS: 'load-test-key-0123456789',
  UPSTREAM_MAX_CONCURRENCY: '64',
  UPSTREAM_TIMEOUT_MS: '5000',
  // One key at concurrency 64 on purpose: the per-caller rate limit would measure itself, not the gateway.
  MAX_REQUESTS_PER_MINUTE_PER_CALLER: '0',
});
let errorLines = 0;
const logger = createLogger({ level: 'error', write: () => void (errorLines += 1) });
const officernd = createOfficeRnDClient({
  apiUrl: upstream.apiUrl,
  tokenUrl: upstream.tokenUrl,
  org: simulator.org,
  clientId: 'demo-client',
  clientSecret: 'demo-secret',
  scope: 'officernd.api.read',
  logger,
  ...config.upstream,
  // The simulator is not OfficeRnD: its rate limit is not what is measured here.
  maxRequestsPerMinute: 10_000_000,
});
const gateway = createGateway({ officernd, logger, settings: config });
const server = createServer(gateway);
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const { port } = server.address() as AddressInfo;

const { collections } = simulator.dataset;
const teamId = collections.teams[3]?._id;
const memberId = collections.members[7]?._id;
const QUERIES: Record<string, string> = {
  dashboard: `{ bookings(first: 50) { nodes { id title start end member { name team { name office { name } } }
    resource { name floor { name } office { name timeZone } } rate { name } } pageInfo { hasNextPage } } }`,
  members: '{ members(first: 25) { nodes { name email team { name } office { name } } } }',
  offices: '{ offices { nodes { name timeZone floors { nodes { name } } } } }',
  team: `{ team(id: "${teamId}") { name office { name } members(first: 10) { nodes { name memberships(first: 5) { nodes { name plan { name price } } } } } } }`,
  member: `{ member(id: "${memberId}") { name email team { name } } }`,
  invoices: '{ payments(first: 20) { nodes { number status team { name } } } }',
};

let graphqlErrors = 0;
const firstErrors: string[] = [];
const requests = Object.values(QUERIES).map((query) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json', authorization: 'Bearer load-test-key-0123456789' },
  body: JSON.stringify({ query }),
  onResponse: (status: number, body: string) => {
    if (status === 200 && body.includes('"errors"')) {
      graphqlErrors += 1;
      if (firstErrors.length < 3) firstErrors.push(body.slice(0, 300));
    }
  },
}));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the gateway has finished the requests autocannon left in flight (no upstream call for 1 s), then
 * until the last call's timeout timer has run out, so that what is measured is what stays.
 */
async function settled(): Promise<void> {
  for (let last = -1; officernd.stats.requests !== last; await sleep(1_000)) last = officernd.stats.requests;
  await sleep(config.upstream.timeoutMs);
}

/** Resident and heap memory after a full collection (`--expose-gc`, set by `npm run load`). */
function memory(): { rssMb: number; heapMb: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { rssMb: Math.round(usage.rss / 1_048_576), heapMb: Math.round(usage.heapUsed / 1_048_576) };
}

interface Round {
  round: number;
  requests: number;
  failed: number;
  p50: number;
  p99: number;
  rps: number;
  rssMb: number;
  heapMb: number;
}

console.log(
  `load: ${ROUNDS} rounds × ${DURATION_S} s, ${CONNECTIONS} connections, ${requests.length} queries, simulator scale ${SCALE}`,
);
console.log(
  `faults: ${JSON.stringify(FAULTS)}; upstream: ${JSON.stringify({ ...config.upstream, maxRequestsPerMinute: 'unlimited' })}`,
);
const rounds: Round[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const before = graphqlErrors;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    timeout: 30,
    requests,
  });
  await settled();
  const failed = result.non2xx + result.errors + result.timeouts + (graphqlErrors - before);
  rounds.push({
    round,
    requests: result.requests.total,
    failed,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    ...memory(),
  });
  console.log(
    `round ${round}: ${result.requests.total} requests, ${failed} failed (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}, GraphQL errors ${graphqlErrors - before}), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s, RSS ${rounds.at(-1)?.rssMb} MB, heap ${rounds.at(-1)?.heapMb} MB`,
  );
}
server.close();
await officernd.close();
await upstream.close();

console.table(rounds);
const first = rounds[0]?.rssMb ?? 0;
const last = rounds.at(-1)?.rssMb ?? 0;
const growth = first > 0 ? (last - first) / first : 0;
const failedTotal = rounds.reduce((n, r) => n + r.failed, 0);
console.log(`failed responses: ${failedTotal}`);
console.log(
  `upstream: ${officernd.stats.requests} requests, ${officernd.stats.retries} retries, ${officernd.stats.tokenRequests} token requests`,
);
console.log(
  `resident memory: ${first} MB after round 1, ${last} MB after round ${rounds.length} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %)`,
);
console.log(
  `heap used: ${rounds[0]?.heapMb} MB after round 1, ${rounds.at(-1)?.heapMb} MB after round ${rounds.length}`,
);
for (const sample of firstErrors) console.log(`first GraphQL errors: ${sample}`);
process.exitCode = failedTotal > 0 || growth > 0.1 ? 1 : 0;
