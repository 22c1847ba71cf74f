import { createGateway } from '../src/gateway.ts';
import { createLogger } from '../src/logger.ts';
import { createOfficeRnDClient, type OfficeRnDClient } from '../src/officernd/index.ts';
import { V2_DEFAULT_SCOPE, type OfficeRnDApiVersion } from '../src/officernd/v2.ts';
import type { SimProcess } from './children.ts';
import type { DataIndex, QuerySpec } from './plans.ts';
import { canonicalQueries } from './queries.ts';
import { median, type Figure } from './report.ts';
import { restJoin } from './rest-join.ts';
import type { BenchSettings } from './settings.ts';
import { runQuery } from './stack.ts';

// Section `versions` (issue 15): the canonical queries read over v1 and over the Flex API (v2) of the same simulator
// at the bench latency: upstream calls and wall time of each, and the memberships and payments queries against the
// hand-written REST script (bench/rest-join.ts, over v1 as users script it today). v2 pages hold 50 items (§3) but
// objects are read by id 50 at a time with `_id[$in]` (§8), where v1 reads one GET per id or walks.

const VERSIONS: readonly OfficeRnDApiVersion[] = ['v1', 'v2'];

/** A client of the simulator's v1 or v2 with the demo credentials and the scopes each version asks for (§1). */
function versionClient(sim: SimProcess, version: OfficeRnDApiVersion, settings: BenchSettings): OfficeRnDClient {
  return createOfficeRnDClient({
    apiUrl: version === 'v2' ? `${sim.origin}/api/v2` : sim.apiUrl,
    tokenUrl: sim.tokenUrl,
    org: sim.org,
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    scope: version === 'v2' ? V2_DEFAULT_SCOPE : 'officernd.api.read',
    maxConcurrency: settings.maxConcurrency,
    maxRequestsPerMinute: settings.maxRequestsPerMinute,
  });
}

interface Timed {
  ms: number;
  runs: number[];
  calls: number;
}

/** Median wall time of `spec` on fresh gateways (cold plans) after warm-up runs, and the calls of one run. */
async function timeOn(
  officernd: OfficeRnDClient,
  spec: QuerySpec,
  settings: BenchSettings,
  sim: SimProcess,
): Promise<Timed> {
  const logger = createLogger({ level: 'error', secrets: ['demo-secret'], write: () => undefined });
  const fresh = () => createGateway({ officernd, logger });
  for (let i = 0; i < settings.warmRuns; i++) {
    const warm = await runQuery(fresh(), spec.document);
    if (warm.errors.length > 0) throw new Error(`${spec.name}: ${warm.errors.slice(0, 3).join('; ')}`);
  }
  const runs: number[] = [];
  let calls = 0;
  for (let i = 0; i < settings.wallRuns; i++) {
    const gateway = fresh();
    await sim.reset();
    const run = await runQuery(gateway, spec.document);
    if (run.errors.length > 0) throw new Error(`${spec.name}: ${run.errors.slice(0, 3).join('; ')}`);
    runs.push(run.ms);
    calls = await sim.count();
  }
  return { ms: median(runs), runs: runs.map((ms) => Math.round(ms * 10) / 10), calls };
}

/** Calls and wall time of the canonical queries over v1 and v2, and v2 against the REST script. */
export async function measureVersions(settings: BenchSettings, sim: SimProcess, data: DataIndex): Promise<Figure[]> {
  await sim.setFaults({ latencyMs: settings.latencyMs });
  const clients = new Map(VERSIONS.map((version) => [version, versionClient(sim, version, settings)]));
  const figures: Figure[] = [];
  for (const spec of canonicalQueries(data)) {
    const [v1, v2] = [
      await timeOn(clients.get('v1')!, spec, settings, sim),
      await timeOn(clients.get('v2')!, spec, settings, sim),
    ] as [Timed, Timed];
    figures.push({
      section: '6 versions',
      name: `${spec.name} v2`,
      measured: v2.ms,
      unit: 'ms',
      references: [{ label: 'v1', value: v1.ms }],
      ratio: v2.ms / v1.ms,
      ratioOf: 'v1',
      target: 'info',
      pass: null,
      note: `calls: v2 ${v2.calls}, v1 ${v1.calls} (v2 pages of 50; objects by _id[$in], 50 ids a call)`,
      detail: { v1, v2 },
    });
    if (spec.name !== 'memberships' && spec.name !== 'payments') continue;
    const script = await restJoin(sim, spec, settings.scriptRows);
    const scriptLabel = script.estimated ? `script (est. from ${script.rowsWalked}/${script.rows} rows)` : 'script';
    figures.push({
      section: '6 versions',
      name: `${spec.name} v2 vs script`,
      measured: script.ms / v2.ms,
      unit: 'x',
      references: [{ label: scriptLabel, value: script.ms, unit: 'ms' }],
      ratio: null,
      ratioOf: '',
      target: '>= 10x faster',
      pass: script.ms / v2.ms >= 10,
      note: `script: ${script.calls} sequential v1 calls${script.estimated ? ' (extrapolated)' : ''}; gateway over v2: ${v2.calls} calls`,
    });
  }
  await sim.setFaults({ latencyMs: 0 });
  return figures;
}
