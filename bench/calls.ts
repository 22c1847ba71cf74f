import { createSimulator, type Simulator } from '../src/simulator/index.ts';
import { indexDataset, referencesOf, type QuerySpec, type References } from './plans.ts';
import { canonicalQueries } from './queries.ts';
import type { Figure } from './report.ts';
import type { BenchSettings } from './settings.ts';
import { createBenchClient, createBenchGateway, runQuery } from './stack.ts';

// Figure 1: upstream calls of the canonical queries, counted in the simulator's request log, beside the lower
// bound and the naive count computed from the same dataset. No latency: counts do not depend on it.

export interface CallsResult {
  figures: Figure[];
  references: Map<string, References>;
  simulator: Simulator;
}

/** Counts the upstream calls of each canonical query on a fresh gateway (cold plan). */
export async function measureCalls(settings: BenchSettings): Promise<CallsResult> {
  const simulator = createSimulator({ seed: settings.seed, scale: settings.scale, now: settings.now });
  const data = indexDataset(simulator.dataset);
  const officernd = createBenchClient(
    { apiUrl: simulator.apiUrl, tokenUrl: simulator.tokenUrl, org: simulator.org, fetch: simulator.fetch },
    { maxConcurrency: settings.maxConcurrency, maxRequestsPerMinute: settings.maxRequestsPerMinute },
  );
  const figures: Figure[] = [];
  const references = new Map<string, References>();
  for (const spec of canonicalQueries(data)) {
    const refs = referencesOf(spec, data);
    references.set(spec.name, refs);
    const calls = await countCalls(simulator, createBenchGateway(officernd), spec, refs.rows);
    figures.push({
      section: '1 calls',
      name: spec.name,
      measured: calls.total,
      unit: 'calls',
      references: [
        { label: 'bound', value: refs.lowerBound },
        { label: 'naive', value: refs.naive },
      ],
      ratio: calls.total / refs.lowerBound,
      ratioOf: 'bound',
      target: '= bound',
      pass: calls.total === refs.lowerBound,
      note:
        `${spec.title}; naive/measured = ${(refs.naive / calls.total).toFixed(1)}x; ` +
        `one GET per object instead of walks: ${refs.perId.calls} calls, ${refs.perId.depth} round trips deep (bound plan: ${refs.depth})`,
      detail: {
        measuredByCollection: calls.byCollection,
        boundByCollection: refs.byCollection,
        perIdPlan: refs.perId,
        rows: refs.rows,
      },
    });
  }
  return { figures, references, simulator };
}

async function countCalls(
  simulator: Simulator,
  gateway: ReturnType<typeof createBenchGateway>,
  spec: QuerySpec,
  rows: number,
): Promise<{ total: number; byCollection: Record<string, number> }> {
  simulator.log.reset();
  const run = await runQuery(gateway, spec.document);
  if (run.errors.length > 0) throw new Error(`${spec.name}: ${run.errors.join('; ')}`);
  if (run.rows !== rows) throw new Error(`${spec.name}: expected ${rows} rows, got ${run.rows}`);
  const byCollection: Record<string, number> = {};
  for (const entry of simulator.log.entries()) {
    if (entry.kind !== 'api') continue;
    const key = `${entry.collection}${entry.id ? ' (by id)' : ''}`;
    byCollection[key] = (byCollection[key] ?? 0) + 1;
  }
  return { total: simulator.log.count({ kind: 'api' }), byCollection };
}
