/**
 * `npm run bench [-- --quick] [-- --only=calls,wall]`: one reproducible run against the simulator (fixed seed,
 * configured latency). Prints one table and writes bench/results.json. Every figure is a ratio measured side by
 * side in the same run, so a noisy machine does not change the verdict. No pass/fail exit code: this is where
 * speed is measured, not tested.
 */

import { DEFAULT_MAX_CONCURRENCY } from '../src/officernd/client.ts';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { generateDataset } from '../src/simulator/index.ts';
import { measureAggregates } from './aggregates.ts';
import { measureCalls } from './calls.ts';
import { buildServer, startSimulator, type CompiledServer, type ServerCommand, type SimProcess } from './children.ts';
import { measureCacheEffect } from './cache.ts';
import { measureExport } from './export.ts';
import { measureFairness } from './fairness.ts';
import { measureOverhead } from './overhead.ts';
import { indexDataset, type DataIndex } from './plans.ts';
import { formatTable, writeResults, type Figure } from './report.ts';
import { readSettings, type SectionName } from './settings.ts';
import { measureStartup } from './startup.ts';
import { measureTransport } from './transport.ts';
import { measureVersions } from './versions.ts';
import { measureWall } from './wall.ts';
import { measureWindows } from './windows.ts';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

const settings = readSettings(process.argv.slice(2));
const runs = (name: SectionName): boolean => settings.only.includes(name);
const started = performance.now();
const figures: Figure[] = [];
const progress = (message: string): void => {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
};

let data: DataIndex | null = null;
const dataIndex = (): DataIndex => {
  data ??= indexDataset(
    generateDataset({ seed: settings.seed, scale: settings.scale, now: settings.now, org: 'demo' }),
  );
  return data;
};

if (runs('calls')) {
  progress('upstream calls');
  const result = await measureCalls(settings);
  data = indexDataset(result.simulator.dataset);
  figures.push(...result.figures);
}

// The gateway as deployed (`npm run build`, `npm run start:prod`), built once for the sections that run it.
let compiled: CompiledServer | null = null;
const server = async (): Promise<ServerCommand> => {
  compiled ??= await buildServer();
  return compiled.command;
};

let sim: SimProcess | null = null;
const simulator = async (): Promise<SimProcess> => {
  sim ??= await startSimulator({
    seed: settings.seed,
    scale: settings.scale,
    now: settings.now.toISOString(),
    latencyMs: 0,
  });
  return sim;
};
try {
  if (runs('wall')) {
    progress(`wall time at ${settings.latencyMs} ms upstream latency`);
    figures.push(...(await measureWall(settings, await simulator(), dataIndex())));
  }
  if (runs('overhead')) {
    progress('gateway overhead');
    figures.push(...(await measureOverhead(settings, await simulator(), dataIndex(), await server())));
  }
  if (runs('transport')) {
    progress('transport: client CPU per upstream call');
    figures.push(...(await measureTransport(settings, await simulator(), dataIndex())));
  }
  if (runs('export')) {
    progress('export');
    figures.push(...(await measureExport(settings, await server())));
  }
  if (runs('startup')) {
    progress('start-up');
    figures.push(...(await measureStartup(settings, await simulator(), await server())));
  }
  if (runs('aggregates')) {
    progress(`aggregates at ${settings.latencyMs} ms upstream latency`);
    figures.push(...(await measureAggregates(settings, await simulator())));
  }
  if (runs('versions')) {
    progress(`versions: v1 and v2 at ${settings.latencyMs} ms upstream latency`);
    figures.push(...(await measureVersions(settings, await simulator(), dataIndex())));
  }
  // Both in-process, with the default settings (300 calls a minute): what a shared gateway's clients see.
  if (runs('fairness')) {
    progress('fairness: 20 dashboards and a by-id lookup client');
    figures.push(...(await measureFairness(settings)));
  }
  if (runs('cache')) {
    progress('cache: a dashboard refreshed by 20 clients, without and with the response cache');
    figures.push(...(await measureCacheEffect(settings)));
  }
  if (runs('windows')) {
    progress('windows: dated reads on 50,000 bookings at 150 ms a page');
    figures.push(...(await measureWindows(settings)));
  }
} finally {
  await (sim as SimProcess | null)?.close();
  await (compiled as CompiledServer | null)?.remove();
}

const meta = {
  command: `npm run bench${settings.quick ? ' -- --quick' : ''}`,
  at: new Date().toISOString(),
  node: process.version,
  cpu: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
  seed: settings.seed,
  scale: settings.scale,
  dataAnchor: settings.now.toISOString(),
  latencyMs: settings.latencyMs,
  clientLimits: { maxConcurrency: settings.maxConcurrency, maxRequestsPerMinute: settings.maxRequestsPerMinute },
  quick: settings.quick,
  sections: settings.only,
  seconds: Math.round((performance.now() - started) / 100) / 10,
};
console.log(
  `\nofficernd-graphql bench — seed ${meta.seed}, scale ${meta.scale}, upstream latency ${meta.latencyMs} ms, ` +
    `client maxConcurrency ${settings.maxConcurrency} (default ${DEFAULT_MAX_CONCURRENCY}), maxRequestsPerMinute ${settings.maxRequestsPerMinute} (default 300)\n`,
);
console.log(formatTable(figures));
await writeResults(RESULTS, meta, figures);
console.log(`\nwritten ${RESULTS} (${meta.seconds} s)`);
