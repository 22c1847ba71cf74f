import { loadConfig } from '../src/config.ts';
import { DASHBOARD, ask, clientTable, createDefaultStack, runFor, type ClientStats } from './fairness.ts';
import { percentile, type Figure } from './report.ts';
import type { BenchSettings } from './settings.ts';

// The response cache (issue 17): a dashboard refreshed by 20 clients every few seconds, with the default settings,
// once without the cache and once with RESPONSE_CACHE=true: upstream calls and p50. Each run has its own simulator,
// client and gateway; sizes are learnt first (as a server that has run a while), so both runs plan alike.

const CLIENTS = 20;
const REFRESH_MS = 3_000;

async function dashboardRun(bench: BenchSettings, cache: boolean, durationMs: number) {
  const stack = createDefaultStack(bench, loadConfig({ RESPONSE_CACHE: cache ? 'true' : 'false' }));
  await stack.learner.learn(['bookings', 'resources', 'offices'], undefined, { whole: true });
  stack.simulator.log.reset();
  const clients: ClientStats[] = Array.from({ length: CLIENTS }, (_, i) => ({
    name: `${cache ? 'cached' : 'uncached'} ${i + 1}`,
    answers: 0,
    latencies: [],
    errors: {},
  }));
  await runFor(
    durationMs,
    clients.map((stats, i) => async () => {
      if (stats.answers === 0 && Object.keys(stats.errors).length === 0)
        await new Promise((resolve) => setTimeout(resolve, (i * REFRESH_MS) / CLIENTS));
      await ask(stack.gateway, stats, DASHBOARD);
      await new Promise((resolve) => setTimeout(resolve, REFRESH_MS));
    }),
  );
  stack.learner.stop();
  const calls = stack.simulator.log.count({ kind: 'api' });
  const answers = clients.reduce((sum, c) => sum + c.answers, 0);
  const p50 = percentile(
    clients.flatMap((c) => c.latencies),
    0.5,
  );
  return { calls, answers, p50, clients };
}

export async function measureCacheEffect(bench: BenchSettings): Promise<Figure[]> {
  const durationMs = bench.quick ? 12_000 : 45_000;
  const without = await dashboardRun(bench, false, durationMs);
  const withCache = await dashboardRun(bench, true, durationMs);
  const summary = (label: string, run: typeof without) =>
    `${label}: ${run.calls} upstream calls, ${run.answers} answers, p50 ${Math.round(run.p50)} ms`;
  console.log(
    `\ncache: ${CLIENTS} clients refresh one dashboard every ${REFRESH_MS / 1000} s for ${durationMs / 1000} s, default settings\n` +
      `${summary('without the cache', without)}\n${summary('RESPONSE_CACHE=true', withCache)}\n` +
      `${clientTable([...without.clients.slice(0, 3), ...withCache.clients.slice(0, 3)])}\n`,
  );
  return [
    {
      section: 'cache',
      name: 'upstream calls, dashboard x20 clients',
      measured: withCache.calls,
      unit: 'calls',
      references: [{ label: 'without cache', value: without.calls }],
      ratio: without.calls === 0 ? null : withCache.calls / without.calls,
      ratioOf: 'without cache',
      target: '< without cache',
      pass: withCache.calls < without.calls,
      note: `${CLIENTS} clients, one dashboard every ${REFRESH_MS / 1000} s, ${durationMs / 1000} s; answers ${withCache.answers} cached vs ${without.answers} uncached`,
      detail: {
        without: { calls: without.calls, answers: without.answers, p50: without.p50 },
        with: { calls: withCache.calls, answers: withCache.answers, p50: withCache.p50 },
      },
    },
    {
      section: 'cache',
      name: 'dashboard p50',
      measured: withCache.p50,
      unit: 'ms',
      references: [{ label: 'without cache', value: without.p50 }],
      ratio: Number.isFinite(without.p50) && without.p50 > 0 ? withCache.p50 / without.p50 : null,
      ratioOf: 'without cache',
      target: '-',
      pass: null,
    },
  ];
}
