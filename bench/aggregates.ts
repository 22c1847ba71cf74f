import type { Gateway } from '../src/gateway.ts';
import type { SimProcess } from './children.ts';
import { median, type Figure } from './report.ts';
import type { BenchSettings } from './settings.ts';
import { createBenchClient, createBenchGateway } from './stack.ts';

// Figure 6 (issue 18): "bookings per office per day last month" as a dashboard gets it, at the bench's upstream
// latency: one gateway request with `aggregate { groupBy }`, against the client-side walk (page the bookings through
// GraphQL, 1,000 a page, and count them in the client). Upstream calls, wall time and bytes sent to the client. Both
// run on one warmed gateway (the bookings' reach learnt, as in steady state), each run with its own request.

const AGGREGATE = `{ bookings(dates: { period: LAST_MONTH }, first: 0) { aggregate {
  groupBy(by: [OFFICE, DAY]) { keys { office { id name } day } count sum { duration } }
} } }`;

const PAGE = `query($after: String) { bookings(dates: { period: LAST_MONTH }, first: 1000, after: $after) {
  nodes { start end office { id name } }
  pageInfo { hasNextPage endCursor }
} }`;

interface Answer {
  ms: number;
  bytes: number;
  /** GraphQL requests the client sent. */
  requests: number;
  /** count per `officeId|day`. */
  counts: Map<string, number>;
}

async function post(gateway: Gateway, query: string, variables: Record<string, unknown> = {}) {
  const response = await gateway.fetch('http://gateway.bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`aggregates bench: ${body.errors[0]?.message}`);
  return { bytes: Buffer.byteLength(text), data: body.data ?? {} };
}

/** The gateway's answer: one request. */
async function viaAggregate(gateway: Gateway): Promise<Answer> {
  const started = performance.now();
  const { bytes, data } = await post(gateway, AGGREGATE);
  const ms = performance.now() - started;
  const groups = (
    data.bookings as {
      aggregate: { groupBy: { keys: { office: { id: string } | null; day: string }; count: number }[] };
    }
  ).aggregate.groupBy;
  return {
    ms,
    bytes,
    requests: 1,
    counts: new Map(groups.map((g) => [`${g.keys.office?.id ?? ''}|${g.keys.day}`, g.count])),
  };
}

/** The client-side walk: every booking of last month paged into the client, counted there (UTC days, as above). */
async function viaWalk(gateway: Gateway): Promise<Answer> {
  const started = performance.now();
  const counts = new Map<string, number>();
  let bytes = 0;
  let after: string | null = null;
  let requests = 0;
  for (; requests < 1_000; ) {
    requests += 1;
    const answer = await post(gateway, PAGE, { after });
    bytes += answer.bytes;
    const list = answer.data.bookings as {
      nodes: { start: string; office: { id: string } | null }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    for (const node of list.nodes) {
      const key = `${node.office?.id ?? ''}|${node.start.slice(0, 10)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (!list.pageInfo.hasNextPage) break;
    after = list.pageInfo.endCursor;
  }
  return { ms: performance.now() - started, bytes, requests, counts };
}

const same = (a: Map<string, number>, b: Map<string, number>): boolean =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Runs both ways `settings.wallRuns` times (after a warm-up of each) and reports medians. */
export async function measureAggregates(settings: BenchSettings, sim: SimProcess): Promise<Figure[]> {
  await sim.setFaults({ latencyMs: settings.latencyMs });
  const officernd = createBenchClient(sim, {
    maxConcurrency: settings.maxConcurrency,
    maxRequestsPerMinute: settings.maxRequestsPerMinute,
  });
  const gateway = createBenchGateway(officernd);
  // Warm-up: the token, keep-alive sockets, the bookings' reach (learnt beside the first dated read) and sizes.
  await viaAggregate(gateway);
  await viaWalk(gateway);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await viaAggregate(gateway);

  const runs = { aggregate: [] as Answer[], walk: [] as Answer[] };
  const calls = { aggregate: 0, walk: 0 };
  for (let i = 0; i < settings.wallRuns; i += 1) {
    await sim.reset();
    runs.aggregate.push(await viaAggregate(gateway));
    calls.aggregate = await sim.count();
    await sim.reset();
    runs.walk.push(await viaWalk(gateway));
    calls.walk = await sim.count();
  }
  const last = { aggregate: runs.aggregate.at(-1) as Answer, walk: runs.walk.at(-1) as Answer };
  if (!same(last.aggregate.counts, last.walk.counts))
    throw new Error('aggregates bench: the aggregate and the client-side walk disagree');
  const ms = { aggregate: median(runs.aggregate.map((r) => r.ms)), walk: median(runs.walk.map((r) => r.ms)) };
  const bookings = [...last.walk.counts.values()].reduce((n, c) => n + c, 0);
  const note = `${bookings} bookings in ${last.aggregate.counts.size} office-days`;
  const section = '6 aggregates';
  const name = 'bookings per office per day last month';
  return [
    {
      section,
      name: `${name}: wall`,
      measured: ms.aggregate,
      unit: 'ms',
      references: [{ label: 'client-side walk', value: ms.walk }],
      ratio: ms.aggregate / ms.walk,
      ratioOf: 'client-side walk',
      target: '< client-side walk',
      pass: ms.aggregate < ms.walk,
      note: `one request vs ${last.walk.requests} GraphQL request(s) of up to 1,000 bookings; ${note}`,
      detail: {
        aggregateRunsMs: runs.aggregate.map((r) => Math.round(r.ms)),
        walkRunsMs: runs.walk.map((r) => Math.round(r.ms)),
      },
    },
    {
      section,
      name: `${name}: upstream calls`,
      measured: calls.aggregate,
      unit: 'calls',
      references: [{ label: 'client-side walk', value: calls.walk }],
      ratio: calls.walk === 0 ? null : calls.aggregate / calls.walk,
      ratioOf: 'client-side walk',
      target: '<= client-side walk',
      pass: calls.aggregate <= calls.walk,
      note: 'the same match set is read either way; the office names are one catalogue read',
    },
    {
      section,
      name: `${name}: bytes to the client`,
      measured: last.aggregate.bytes,
      unit: 'B',
      references: [{ label: 'client-side walk', value: last.walk.bytes }],
      ratio: last.aggregate.bytes / last.walk.bytes,
      ratioOf: 'client-side walk',
      target: '< client-side walk',
      pass: last.aggregate.bytes < last.walk.bytes,
      note,
    },
  ];
}
