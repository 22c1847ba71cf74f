import { readFile } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { prepareReport } from '../src/reports/run.ts';
import { gatewayEnv, memoryOf, startServer, startSimulator, type ServerCommand, type SimProcess } from './children.ts';
import type { Figure } from './report.ts';
import type { BenchSettings } from './settings.ts';

// Figure 4: a large CSV export (`GET /reports/bookings.csv`) with Field To Expand and joined columns, served by the
// real server in its own process (so its peak resident memory is the export's alone), from a simulator large
// enough to hold the rows. Throughput is measured without added latency (what the gateway itself sustains); time to
// first byte with the configured latency, against two upstream page latencies.

/** Bookings rows with the booking fee expanded (one fee per booking in the simulator) and five joined names. */
export const EXPORT_COLUMNS = [
  '_id',
  'start.dateTime',
  'end.dateTime',
  'canceled',
  'member.name',
  'team.name',
  'resource.name',
  'office.name',
  'plan.name',
  'fees.date',
  'fees.fee',
];

export interface ExportRun {
  rows: number;
  bytes: number;
  ttfbMs: number;
  totalMs: number;
  rowsPerSecond: number;
  /** Gateway process: resident memory before the export and its peak (VmHWM) after it, bytes. */
  rssBefore: number;
  peakRss: number;
  /** Upstream calls the export made. */
  calls: number;
  /** CPU time (user + system) the gateway and the simulator spent during the export, ms. */
  gatewayCpuMs: number;
  simulatorCpuMs: number;
}

/** CPU time a process has used so far (Linux /proc/<pid>/stat: utime + stime, in clock ticks of 10 ms), ms. */
async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Streams one export from a fresh gateway process (after a warm-up export) and measures it. */
async function runExport(sim: SimProcess, limit: number, command: ServerCommand): Promise<ExportRun> {
  const server = await startServer(
    // No background learning of collection sizes: its calls would be counted with the measured requests' own.
    gatewayEnv(sim, {
      UPSTREAM_MAX_CONCURRENCY: '64',
      UPSTREAM_MAX_REQUESTS_PER_MINUTE: '100000',
      LEARN_COLLECTION_SIZES: 'false',
    }),
    command,
  );
  try {
    const url = (rows: number): string =>
      `${server.url}/reports/bookings.csv?${new URLSearchParams({ expand: 'fees', columns: EXPORT_COLUMNS.join(','), limit: String(rows) })}`;
    // A small export first: the server's token and first-request costs are not the export's.
    await download(url(10));
    const { rss: rssBefore } = await memoryOf(server.pid);
    await sim.reset();
    const cpuBefore = await Promise.all([cpuMsOf(server.pid), cpuMsOf(sim.pid)]);
    const measured = await download(url(limit));
    const cpuAfter = await Promise.all([cpuMsOf(server.pid), cpuMsOf(sim.pid)]);
    const { peak } = await memoryOf(server.pid);
    return {
      ...measured,
      rowsPerSecond: (measured.rows / measured.totalMs) * 1000,
      rssBefore,
      peakRss: peak,
      calls: await sim.count(),
      gatewayCpuMs: cpuAfter[0] - cpuBefore[0],
      simulatorCpuMs: cpuAfter[1] - cpuBefore[1],
    };
  } finally {
    await server.close();
  }
}

/** Reads the CSV to the end, counting lines (the columns chosen hold no line breaks) and timing the first byte. */
function download(url: string): Promise<{ rows: number; bytes: number; ttfbMs: number; totalMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfbMs = Number.NaN;
    let lines = 0;
    let bytes = 0;
    let tail = '';
    const req = httpRequest(url, { agent: new Agent({ keepAlive: false }) }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`export answered ${res.statusCode}`));
        return;
      }
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) ttfbMs = performance.now() - started;
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
        tail = chunk.subarray(Math.max(0, chunk.length - 300)).toString('utf8');
      });
      res.on('end', () => {
        // An upstream failure ends the CSV with an `#ERROR` line: never count a short file as a result.
        if (tail.includes('#ERROR')) reject(new Error(`export failed: ${tail.slice(tail.indexOf('#ERROR'))}`));
        else resolve({ rows: lines - 1, bytes, ttfbMs, totalMs: performance.now() - started });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The field selections the export asks OfficeRnD for, so the simulator has their texts ready (as it has whole
 * items'): the bookings' as the gateway plans them, and the joined collections' names (the joined columns read
 * `name` alone; offices and rates are catalogues, read whole).
 */
function selectionsOf(now: Date): { collection: string; select: readonly string[] }[] {
  const prepared = prepareReport(
    { report: 'bookings', expand: 'fees', columns: EXPORT_COLUMNS },
    { timeZone: 'UTC', weekStartsOn: 'MONDAY' },
    now,
  );
  const segment = prepared.segments[0];
  const bookings = segment?.kind === 'list' ? (segment.query.select ?? []) : [];
  return [
    { collection: 'bookings', select: bookings },
    ...['members', 'teams', 'resources'].map((collection) => ({ collection, select: ['name'] })),
  ];
}

/** The export figures: rows/s, peak memory at two sizes, and time to first byte with latency. */
export async function measureExport(settings: BenchSettings, command: ServerCommand): Promise<Figure[]> {
  const rows = settings.exportRows;
  // One booking is one row here: enough bookings for the rows (scale 1 ≈ 8,000 bookings).
  const scale = Math.ceil((rows / 8_000) * 10) / 10;
  const sim = await startSimulator({
    seed: settings.seed,
    scale,
    now: settings.now.toISOString(),
    latencyMs: 0,
    selections: selectionsOf(settings.now),
  });
  try {
    const small = await runExport(sim, Math.round(rows / 4), command);
    const full = await runExport(sim, rows, command);
    if (full.rows !== rows || small.rows !== Math.round(rows / 4)) {
      throw new Error(
        `export returned ${full.rows} and ${small.rows} rows, wanted ${rows} and ${Math.round(rows / 4)}`,
      );
    }
    await sim.setFaults({ latencyMs: settings.latencyMs });
    const slow = await runExport(sim, settings.quick ? 1_000 : 5_000, command);
    const mb = (bytes: number): number => bytes / 2 ** 20;
    const pageLatencies = 2 * settings.latencyMs;
    const common = { section: '4 export' };
    return [
      {
        ...common,
        name: `rows/s, ${rows.toLocaleString('en-US')} rows`,
        measured: full.rowsPerSecond,
        unit: 'rows/s',
        references: [{ label: 'target', value: 50_000 }],
        ratio: full.rowsPerSecond / 50_000,
        ratioOf: 'target',
        target: '>= 50,000 rows/s',
        pass: full.rowsPerSecond >= 50_000,
        note:
          `bookings.csv?expand=fees, ${EXPORT_COLUMNS.length} columns (5 joined), no added latency; ${full.calls} upstream calls, ` +
          `${mb(full.bytes).toFixed(1)} MB; CPU: gateway ${(full.gatewayCpuMs / 1000).toFixed(2)} s ` +
          `(${((full.gatewayCpuMs * 1000) / full.rows).toFixed(1)} µs/row), simulator ${(full.simulatorCpuMs / 1000).toFixed(2)} s`,
        detail: { full, small, scale },
      },
      {
        ...common,
        name: 'peak RSS',
        measured: mb(full.peakRss),
        unit: 'MB',
        references: [
          { label: `at ${small.rows.toLocaleString('en-US')} rows`, value: mb(small.peakRss) },
          { label: 'at rest', value: mb(full.rssBefore) },
        ],
        ratio: full.peakRss / small.peakRss,
        ratioOf: `${(rows / small.rows).toFixed(0)}x rows`,
        target: '< 250 MB, flat',
        // Flat: four times the rows may not cost more than a quarter more memory.
        pass: mb(full.peakRss) < 250 && full.peakRss <= small.peakRss * 1.25,
      },
      {
        ...common,
        name: `first byte at ${settings.latencyMs} ms latency`,
        measured: slow.ttfbMs,
        unit: 'ms',
        references: [{ label: '2 page latencies', value: pageLatencies }],
        ratio: slow.ttfbMs / pageLatencies,
        ratioOf: '2 pages',
        target: '<= 2 page latencies',
        pass: slow.ttfbMs <= pageLatencies,
        note: `${slow.rows.toLocaleString('en-US')} rows at ${settings.latencyMs} ms upstream latency: ${Math.round(slow.rowsPerSecond).toLocaleString('en-US')} rows/s, ${slow.calls} upstream calls`,
        detail: { slow },
      },
    ];
  } finally {
    await sim.close();
  }
}
