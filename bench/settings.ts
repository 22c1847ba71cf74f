import { parseArgs } from 'node:util';

/** What one bench run uses: fixed data, fixed latency, and how hard each section pushes. */
export interface BenchSettings {
  quick: boolean;
  /** Sections to run (default: all). */
  only: readonly SectionName[];
  /** Simulator data: seed, scale and clock anchor (the same org every run). */
  seed: number;
  scale: number;
  now: Date;
  /** Simulated upstream latency of the wall-time and export sections (ms per request). */
  latencyMs: number;
  /** Client limits the bench configures (the defaults, 8 and 300/min, are shown on their own row). */
  maxConcurrency: number;
  maxRequestsPerMinute: number;
  /** Wall-time runs per query (median reported), after warm-up runs that are thrown away (JIT, sockets, token). */
  wallRuns: number;
  /** Warm-up: at least `warmRuns` runs, and more until `warmMs` has passed (short queries need many to settle). */
  warmRuns: number;
  warmMs: number;
  /** Also time the dashboard with the client's full defaults (300 requests/min: it takes over a minute). */
  defaultsRun: boolean;
  /** Rows of each query the REST script walks; null = all (quick mode extrapolates from a sample). */
  scriptRows: number | null;
  /** Requests per overhead measurement at concurrency 1 and 32, with no added latency and with `latencyMs`. */
  overheadRequests: { c1: number; c32: number };
  overheadRequestsWithLatency: { c1: number; c32: number };
  /** Rows of the export figure. */
  exportRows: number;
  /** Start-up samples (median reported). */
  startupRuns: number;
}

export const SECTIONS = [
  'calls',
  'wall',
  'overhead',
  'transport',
  'export',
  'startup',
  'aggregates',
  'versions',
  'fairness',
  'cache',
  'windows',
] as const;
export type SectionName = (typeof SECTIONS)[number];

/** Reads `--quick` and `--only=calls,wall`; everything else is fixed so runs compare. */
export function readSettings(argv: readonly string[]): BenchSettings {
  const { values } = parseArgs({
    args: [...argv],
    options: { quick: { type: 'boolean' }, only: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const only = (values.only ?? SECTIONS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of only) {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      throw new Error(`--only takes a comma list of ${SECTIONS.join(', ')}; got "${name}"`);
    }
  }
  const quick = values.quick ?? false;
  return {
    quick,
    only: only as SectionName[],
    seed: 42,
    scale: 1,
    now: new Date('2026-11-16T00:00:00.000Z'),
    latencyMs: 25,
    // Wider than the widest level of any canonical query (261 GETs): the floor assumes every level goes out at once.
    maxConcurrency: 1024,
    maxRequestsPerMinute: 1_000_000,
    wallRuns: quick ? 3 : 7,
    warmRuns: 3,
    warmMs: quick ? 1_500 : 3_000,
    defaultsRun: !quick,
    scriptRows: quick ? 20 : null,
    overheadRequests: quick ? { c1: 400, c32: 2_000 } : { c1: 1_500, c32: 6_000 },
    // At 25 ms a request takes 25 ms: fewer of them give as stable a median (c=1: 5 s per round and path).
    overheadRequestsWithLatency: quick ? { c1: 80, c32: 640 } : { c1: 200, c32: 1_600 },
    exportRows: 100_000,
    startupRuns: quick ? 1 : 3,
  };
}
