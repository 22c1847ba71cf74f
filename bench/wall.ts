import type { Gateway } from '../src/gateway.ts';
import { DEFAULT_MAX_CONCURRENCY } from '../src/officernd/client.ts';
import type { SimProcess } from './children.ts';
import type { DataIndex } from './plans.ts';
import { referencesOf, type QuerySpec } from './plans.ts';
import { canonicalQueries, DASHBOARD } from './queries.ts';
import { median, type Figure } from './report.ts';
import { restJoin } from './rest-join.ts';
import type { BenchSettings } from './settings.ts';
import { createBenchClient, createBenchGateway, runQuery, type ClientLimits } from './stack.ts';

// Figure 2: wall time of the canonical queries with simulated upstream latency (simulator in its own process on a
// loopback port), beside the floor (sequential depth of the plan × latency) and the hand-written REST script.

/** Times each canonical query (median of fresh-gateway runs) and the REST script doing the same join. */
export async function measureWall(settings: BenchSettings, sim: SimProcess, data: DataIndex): Promise<Figure[]> {
  await sim.setFaults({ latencyMs: settings.latencyMs });
  const limits: ClientLimits = {
    maxConcurrency: settings.maxConcurrency,
    maxRequestsPerMinute: settings.maxRequestsPerMinute,
  };
  const officernd = createBenchClient(sim, limits);
  const figures: Figure[] = [];
  for (const spec of canonicalQueries(data)) {
    const refs = referencesOf(spec, data);
    const floorMs = refs.depth * settings.latencyMs;
    const timed = await timeQuery(spec, settings, sim, async () => createBenchGateway(officernd));
    const script = await restJoin(sim, spec, settings.scriptRows);
    const scriptLabel = script.estimated ? `script (est. from ${script.rowsWalked}/${script.rows} rows)` : 'script';
    figures.push({
      section: '2 wall',
      name: spec.name,
      measured: timed.ms,
      unit: 'ms',
      references: [
        { label: `floor ${refs.depth} RT`, value: floorMs },
        { label: scriptLabel, value: script.ms },
      ],
      note:
        `plan: ${timed.calls} calls, ${refs.depth} round trips deep; one GET per object instead of walks would be ` +
        `${refs.perId.calls} calls, ${refs.perId.depth} round trips (${refs.perId.depth * settings.latencyMs} ms)`,
      ratio: timed.ms / floorMs,
      ratioOf: 'floor',
      target: '<= 1.25x floor',
      pass: timed.ms <= 1.25 * floorMs,
      detail: {
        runsMs: timed.runs,
        upstreamCalls: timed.calls,
        scriptCalls: script.calls,
        depth: refs.depth,
        perIdPlan: refs.perId,
      },
    });
    figures.push({
      section: '2 wall',
      name: `${spec.name} vs script`,
      measured: script.ms / timed.ms,
      unit: 'x',
      references: [{ label: scriptLabel, value: script.ms, unit: 'ms' }],
      ratio: null,
      ratioOf: '',
      target: '>= 10x faster',
      pass: script.ms / timed.ms >= 10,
      note: `script: ${script.calls} sequential calls${script.estimated ? ' (extrapolated)' : ''}; gateway: ${timed.calls} calls`,
    });
  }
  // The client's default concurrency on the dashboard, the request budget left open.
  const dashboardFloor = referencesOf(DASHBOARD, data).depth * settings.latencyMs;
  const atDefault = createBenchClient(sim, {
    maxConcurrency: DEFAULT_MAX_CONCURRENCY,
    maxRequestsPerMinute: settings.maxRequestsPerMinute,
  });
  const defaultInFlight = await timeQuery(DASHBOARD, settings, sim, async () => createBenchGateway(atDefault));
  figures.push(
    defaultsFigure(
      `dashboard, ${DEFAULT_MAX_CONCURRENCY} in flight`,
      defaultInFlight,
      dashboardFloor,
      `UPSTREAM_MAX_CONCURRENCY=${DEFAULT_MAX_CONCURRENCY} (the default): a level of N GETs takes ` +
        `N/${DEFAULT_MAX_CONCURRENCY} round trips`,
    ),
  );
  if (settings.defaultsRun) {
    // Full defaults, 300 requests a minute too: a fresh client per run (fresh budget), its token fetched first.
    const defaults = await timeQuery(
      DASHBOARD,
      { ...settings, warmRuns: 0, wallRuns: 1, allowErrors: true },
      sim,
      async () => {
        const fresh = createBenchClient(sim, {});
        await fresh.listPage('offices', {}, { limit: 1 });
        return createBenchGateway(fresh);
      },
    );
    figures.push(
      defaultsFigure(
        'dashboard, client defaults',
        defaults,
        dashboardFloor,
        `UPSTREAM_MAX_CONCURRENCY=${DEFAULT_MAX_CONCURRENCY}, UPSTREAM_MAX_REQUESTS_PER_MINUTE=300 (the defaults): ${defaults.calls} calls, ` +
          (defaults.calls > 300 ? 'more than a minute allows' : "within one minute's budget") +
          (defaults.errors.length > 0
            ? `; answered with ${defaults.errors.length} errors, first: ${defaults.errors[0]}`
            : ''),
      ),
    );
  }
  return figures;
}

function defaultsFigure(name: string, timed: Timed, floorMs: number, note: string): Figure {
  return {
    section: '2 wall',
    name,
    measured: timed.ms,
    unit: 'ms',
    references: [{ label: 'floor', value: floorMs }],
    ratio: timed.ms / floorMs,
    ratioOf: 'floor',
    target: 'info',
    pass: null,
    note,
    detail: { runsMs: timed.runs, upstreamCalls: timed.calls },
  };
}

interface Timed {
  ms: number;
  runs: number[];
  calls: number;
  /** Errors of the last run (only when allowed). */
  errors: string[];
}

async function timeQuery(
  spec: QuerySpec,
  runs: Pick<BenchSettings, 'warmRuns' | 'warmMs' | 'wallRuns'> & { allowErrors?: boolean },
  sim: SimProcess,
  gateway: () => Promise<Gateway>,
): Promise<Timed> {
  // Warm-up runs (token, keep-alive sockets, JIT) are thrown away with their gateways.
  const warmUntil = performance.now() + runs.warmMs;
  for (let i = 0; i < runs.warmRuns || (runs.warmRuns > 0 && performance.now() < warmUntil); i++) {
    const warm = await runQuery(await gateway(), spec.document);
    if (warm.errors.length > 0) throw new Error(`${spec.name}: ${warm.errors.slice(0, 3).join('; ')}`);
  }
  const samples: number[] = [];
  let calls = 0;
  let errors: string[] = [];
  for (let i = 0; i < runs.wallRuns; i++) {
    const fresh = await gateway();
    await sim.reset();
    const run = await runQuery(fresh, spec.document);
    if (run.errors.length > 0 && !runs.allowErrors)
      throw new Error(`${spec.name}: ${run.errors.slice(0, 3).join('; ')}`);
    samples.push(run.ms);
    calls = await sim.count();
    errors = run.errors;
  }
  return { ms: median(samples), runs: samples.map((ms) => Math.round(ms * 10) / 10), calls, errors };
}
