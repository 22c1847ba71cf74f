import { DEFAULT_GATEWAY_SETTINGS, learningPauseMs, loadConfig, type GatewaySettings } from '../src/config.ts';
import { MAX_WALK_ITEMS } from '../src/core/limits.ts';
import { createGateway, type Gateway } from '../src/gateway.ts';
import { createCollectionSizes, createSizeLearner, type SizeLearner } from '../src/loaders/collection-sizes.ts';
import { createLogger } from '../src/logger.ts';
import { createOfficeRnDClient, type OfficeRnDClient } from '../src/officernd/index.ts';
import { createSimulator, type Simulator } from '../src/simulator/index.ts';
import { percentile, type Figure } from './report.ts';
import type { BenchSettings } from './settings.ts';

// Fairness (issue 14): with the default settings (16 calls in flight, 300 a minute, 150 calls and 60 s per request),
// 20 dashboard clients refreshing every few seconds beside one client doing by-id lookups on a collection that is
// walked (payments have no GET by id in v1, §8). Every client should get answers; per client: p50, p99, the
// errors by code, the answers that shared an identical running query, and the requests admission refused at once
// with `retryAfter`. The gateway is built as the server builds it, start-up learning of sizes included.

/** What a dashboard screen shows: the next bookings with their room and office (a few calls once sizes are known). */
export const DASHBOARD =
  'query Screen { bookings(first: 20) { nodes { title start end resource { name } office { name timeZone } } } }';
const LOOKUP = 'query Payment($id: ID!) { payment(id: $id) { number amount team { name } } }';

export interface ClientStats {
  name: string;
  answers: number;
  latencies: number[];
  /** Errors by `extensions.code` (or HTTP status when there is none). */
  errors: Record<string, number>;
  /** `retryAfter` (s) of each UPSTREAM_BUDGET_EXCEEDED answer that had one (admission, or a deadline spent waiting). */
  retryAfters?: number[];
  /** Answers that shared another identical request's execution (`extensions.sharedExecution`). */
  shared?: number;
}

export interface BenchStack {
  simulator: Simulator;
  officernd: OfficeRnDClient;
  gateway: Gateway;
  learner: SizeLearner;
}

/** Simulator (with latency) → client with the default limits → gateway with `settings`, as server.ts wires them. */
export function createDefaultStack(bench: BenchSettings, settings: GatewaySettings = DEFAULT_GATEWAY_SETTINGS) {
  const simulator = createSimulator({
    seed: bench.seed,
    scale: bench.scale,
    now: bench.now,
    faults: { latencyMs: bench.latencyMs },
  });
  const logger = createLogger({ level: 'error', write: () => undefined });
  const officernd = createOfficeRnDClient({
    apiUrl: simulator.apiUrl,
    tokenUrl: simulator.tokenUrl,
    org: simulator.org,
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    scope: 'officernd.api.read',
    fetch: simulator.fetch,
    logger,
    ...settings.upstream,
  });
  const sizes = createCollectionSizes();
  const learner = createSizeLearner({
    officernd,
    sizes,
    pauseMs: learningPauseMs(settings.upstream.maxRequestsPerMinute),
    maxItems: MAX_WALK_ITEMS,
  });
  const gateway = createGateway({ officernd, logger, settings, sizes, learner, clock: () => bench.now });
  return { simulator, officernd, gateway, learner } satisfies BenchStack;
}

/**
 * One request through the gateway; records its latency, or its error codes. Returns the `retryAfter` (s) of a
 * refusal by the upstream budget, for a client that waits as told.
 */
export async function ask(
  gateway: Gateway,
  stats: ClientStats,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<number | undefined> {
  const started = performance.now();
  const response = await gateway.fetch('http://gateway.bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    errors?: { extensions?: { code?: string; retryAfter?: number } }[];
    extensions?: { sharedExecution?: boolean };
  };
  const ms = performance.now() - started;
  if (body.extensions?.sharedExecution) stats.shared = (stats.shared ?? 0) + 1;
  const refused = body.errors?.find(
    (e) => e.extensions?.code === 'UPSTREAM_BUDGET_EXCEEDED' && e.extensions.retryAfter,
  );
  if (refused) (stats.retryAfters ??= []).push(refused.extensions?.retryAfter ?? 0);
  if (!body.errors?.length && response.status === 200) {
    stats.answers += 1;
    stats.latencies.push(ms);
    return undefined;
  }
  for (const code of new Set((body.errors ?? []).map((e) => e.extensions?.code ?? `HTTP_${response.status}`)))
    stats.errors[code] = (stats.errors[code] ?? 0) + 1;
  return refused?.extensions?.retryAfter;
}

/** Runs `loop` for each client until `durationMs` has passed; a client's request in flight then finishes. */
export async function runFor(durationMs: number, loops: (() => Promise<void>)[]): Promise<void> {
  const end = performance.now() + durationMs;
  // The client's rate-slot timers do not hold the process open (a server's socket does): this one does, meanwhile.
  const keepAlive = setInterval(() => undefined, 1_000);
  try {
    await Promise.all(
      loops.map(async (loop) => {
        while (performance.now() < end) await loop();
      }),
    );
  } finally {
    clearInterval(keepAlive);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A table of clients: answers, p50, p99 and errors by code. */
export function clientTable(clients: readonly ClientStats[]): string {
  const rows = clients.map((c) => [
    c.name,
    String(c.answers),
    Number.isFinite(percentile(c.latencies, 0.5)) ? `${Math.round(percentile(c.latencies, 0.5))} ms` : '-',
    Number.isFinite(percentile(c.latencies, 0.99)) ? `${Math.round(percentile(c.latencies, 0.99))} ms` : '-',
    Object.entries(c.errors)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ') || '-',
    String(c.shared ?? 0),
    c.retryAfters?.length ? `${c.retryAfters.length} (retryAfter p50 ${percentile(c.retryAfters, 0.5)} s)` : '0',
  ]);
  const header = ['client', 'answers', 'p50', 'p99', 'errors', 'shared', 'refused with retryAfter'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}

/** The fairness figure: every client answered, the worst dashboard p99, and the lookup client's share. */
export async function measureFairness(bench: BenchSettings): Promise<Figure[]> {
  const durationMs = bench.quick ? 15_000 : 60_000;
  const refreshMs = 5_000;
  const stack = createDefaultStack(bench, loadConfig({}));
  void stack.learner.start();
  const payments = stack.simulator.dataset.collections.payments;
  const dashboards: ClientStats[] = Array.from({ length: 20 }, (_, i) => ({
    name: `dashboard ${i + 1}`,
    answers: 0,
    latencies: [],
    errors: {},
  }));
  const lookups: ClientStats = { name: 'by-id lookups (payments)', answers: 0, latencies: [], errors: {} };
  let next = 0;
  const end = performance.now() + durationMs;
  await runFor(durationMs, [
    ...dashboards.map((stats, i) => async () => {
      // Screens do not refresh in step: each starts at its own offset.
      if (stats.answers === 0 && Object.keys(stats.errors).length === 0) await sleep((i * refreshMs) / 20);
      const retryAfter = await ask(stack.gateway, stats, DASHBOARD);
      await sleep(Math.max(refreshMs, Math.min((retryAfter ?? 0) * 1000, Math.max(0, end - performance.now()))));
    }),
    // Back to back, no pause: the heaviest client a shared gateway meets; told to come back later (admission's
    // `retryAfter`), it waits that long, as a client should (one that does not would spin on instant refusals).
    async () => {
      const retryAfter = await ask(stack.gateway, lookups, LOOKUP, {
        id: payments[(next++ * 37) % payments.length]!._id,
      });
      if (retryAfter) await sleep(Math.min(retryAfter * 1000, Math.max(0, end - performance.now())));
    },
  ]);
  stack.learner.stop();
  const calls = stack.simulator.log.count({ kind: 'api' });
  const clients = [...dashboards, lookups];
  console.log(
    `\nfairness: 20 dashboards every ${refreshMs / 1000} s + 1 client of back-to-back by-id lookups, ${durationMs / 1000} s, default settings (${calls} upstream calls)\n${clientTable(clients)}\n`,
  );
  const refusedTotal = clients.reduce((n, c) => n + (c.retryAfters?.length ?? 0), 0);
  const sharedTotal = clients.reduce((n, c) => n + (c.shared ?? 0), 0);
  console.log(
    `admission refused ${refusedTotal} requests at once with retryAfter; ${sharedTotal} answers shared an identical running query\n`,
  );
  const answered = clients.filter((c) => c.answers > 0).length;
  const dashboardP50 = percentile(
    dashboards.flatMap((c) => c.latencies),
    0.5,
  );
  const worstP99 = Math.max(...dashboards.map((c) => percentile(c.latencies, 0.99)).filter(Number.isFinite));
  const detail = Object.fromEntries(
    clients.map((c) => [
      c.name,
      {
        answers: c.answers,
        p50: percentile(c.latencies, 0.5),
        p99: percentile(c.latencies, 0.99),
        errors: c.errors,
        shared: c.shared ?? 0,
        refusedWithRetryAfter: c.retryAfters?.length ?? 0,
      },
    ]),
  );
  return [
    {
      section: 'fairness',
      name: 'clients answered',
      measured: answered,
      unit: 'clients',
      references: [{ label: 'clients', value: clients.length }],
      ratio: answered / clients.length,
      ratioOf: 'clients',
      target: 'every client',
      pass: answered === clients.length,
      note: `20 dashboards (${DASHBOARD.length} chars, every ${refreshMs / 1000} s) + by-id payment lookups back to back, ${durationMs / 1000} s, default settings; ${calls} upstream calls`,
      detail,
    },
    {
      section: 'fairness',
      name: 'dashboard p50 / worst p99',
      measured: dashboardP50,
      unit: 'ms',
      references: [{ label: 'worst p99', value: worstP99 }],
      ratio: null,
      ratioOf: '',
      target: '-',
      pass: null,
    },
    {
      section: 'fairness',
      name: 'by-id lookups answered',
      measured: lookups.answers,
      unit: 'answers',
      references: [{ label: 'p50', value: percentile(lookups.latencies, 0.5), unit: 'ms' }],
      ratio: null,
      ratioOf: '',
      target: '> 0',
      pass: lookups.answers > 0,
    },
  ];
}
