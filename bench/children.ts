import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FaultOptions, RequestLogFilter } from '../src/simulator/index.ts';
import type { SimReady, SimServerOptions } from './sim-server.ts';

// Child processes of the bench: the simulator (IPC-driven) and the real gateway server (`src/server.ts` through tsx,
// or its tsc build).

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIM_ENTRY = fileURLToPath(new URL('./sim-server.ts', import.meta.url));
const BARE_PROXY_ENTRY = fileURLToPath(new URL('./bare-proxy.ts', import.meta.url));
const SERVER_ENTRY = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** `BENCH_CPU_PROF=<dir>` profiles the child processes too (`node --cpu-prof`), for finding what keeps a figure from its target. */
const profileFlags = (): string[] => {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
};

export interface SimProcess {
  apiUrl: string;
  tokenUrl: string;
  origin: string;
  org: string;
  pid: number;
  rows: Record<string, number>;
  /** Bookings starting on the days of `countStarts` (SimServerOptions), when asked. */
  startsBetween: number | null;
  setFaults(faults: FaultOptions): Promise<void>;
  count(filter?: RequestLogFilter): Promise<number>;
  reset(): Promise<void>;
  /** The request log as [arrival ms, collection, by id, answer ms, kind] rows (diagnostics). */
  entries(): Promise<[number, string | null, boolean, number, string][]>;
  /** The query parameters of the API requests `filter` selects, oldest first. */
  queries(filter?: RequestLogFilter): Promise<Record<string, string>[]>;
  /** Occurrences under way at each instant (ms epoch), by the simulator's own model. */
  underWay(at: readonly number[]): Promise<number[]>;
  close(): Promise<void>;
}

/** Starts the simulator in its own process on a loopback port. */
export async function startSimulator(options: SimServerOptions): Promise<SimProcess> {
  const child = spawn(process.execPath, [...profileFlags(), '--import', 'tsx', SIM_ENTRY, JSON.stringify(options)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  const ready = await new Promise<SimReady>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator process exited early (code ${code})`)));
    child.on('message', (message) => {
      const m = message as { type?: string; id?: number; result?: unknown };
      if (m.type === 'ready') resolve(m as SimReady);
      else if (m.id !== undefined) {
        pending.get(m.id)?.(m.result);
        pending.delete(m.id);
      }
    });
  });
  const call = <T>(command: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (value: unknown) => void);
      child.send({ ...command, id });
    });
  return {
    apiUrl: ready.apiUrl,
    tokenUrl: ready.tokenUrl,
    origin: ready.origin,
    org: ready.org,
    rows: ready.rows,
    startsBetween: ready.startsBetween ?? null,
    pid: child.pid ?? 0,
    setFaults: async (faults) => void (await call({ type: 'faults', faults })),
    count: (filter = {}) => call<number>({ type: 'count', filter: { kind: 'api', ...filter } }),
    reset: async () => void (await call({ type: 'reset' })),
    entries: () => call({ type: 'entries' }),
    queries: (filter = {}) => call({ type: 'queries', filter: { kind: 'api', ...filter } }),
    underWay: (at) => call({ type: 'underWay', at }),
    close: () => stop(child, () => child.disconnect()),
  };
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** ms from spawn until the server logged that it listens. */
  listeningAfterMs: number;
  startedAt: number;
  close(): Promise<void>;
}

/** Gateway settings passed as the environment `src/server.ts` reads (config.ts is the one place they are validated). */
export function gatewayEnv(
  sim: Pick<SimProcess, 'apiUrl' | 'tokenUrl' | 'org'> | null,
  extra: Record<string, string> = {},
): Record<string, string> {
  // The bench's load generator is one caller sending thousands of requests a minute: the per-caller limit (600 a
  // minute by default) would refuse it, and is not what these sections measure.
  const base: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    MAX_REQUESTS_PER_MINUTE_PER_CALLER: '0',
    ...extra,
  };
  if (!sim) return base;
  return {
    ...base,
    OFFICERND_CLIENT_ID: 'demo-client',
    OFFICERND_CLIENT_SECRET: 'demo-secret',
    OFFICERND_ORG: sim.org,
    OFFICERND_API_URL: sim.apiUrl,
    OFFICERND_TOKEN_URL: sim.tokenUrl,
  };
}

/** How the gateway process is started: the node arguments after the bench's own flags. */
export interface ServerCommand {
  label: string;
  /** The command as a user types it (results.json). */
  shown: string;
  args: readonly string[];
}

/** `node --import tsx src/server.ts`: what `npm start` runs, without tsx's relay process. */
export const TSX_SERVER: ServerCommand = {
  label: 'tsx',
  shown: 'node --import tsx src/server.ts',
  args: ['--import', 'tsx', SERVER_ENTRY],
};

export interface CompiledServer {
  /** `node --enable-source-maps <out>/server.js`: what `npm run start:prod` runs on `dist/`. */
  command: ServerCommand;
  remove(): Promise<void>;
}

/**
 * Builds src/ with tsconfig.build.json (what `npm run build` does) into a temporary directory, so the bench leaves
 * dist/ alone. The directory gets what dist/ inherits from the project root: `"type": "module"` and node_modules.
 */
export async function buildServer(): Promise<CompiledServer> {
  const out = await mkdtemp(join(tmpdir(), 'officernd-graphql-bench-build-'));
  await promisify(execFile)(process.execPath, [TSC, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], {
    cwd: ROOT,
  });
  await writeFile(join(out, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
  return {
    command: {
      label: 'compiled',
      shown: 'node --enable-source-maps dist/server.js',
      args: ['--enable-source-maps', join(out, 'server.js')],
    },
    remove: () => rm(out, { recursive: true, force: true }),
  };
}

/** Spawns the gateway (by default as `npm start` runs it) and waits until it listens. */
export async function startServer(
  env: Record<string, string>,
  command: ServerCommand = TSX_SERVER,
): Promise<ServerProcess> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...profileFlags(), ...command.args], {
    cwd: ROOT,
    // Only what the server needs: the bench's own environment must not change its configuration.
    // Info level, as a deployment runs it: where it listens, then one line per operation (the operation log), which
    // the server writes to this pipe synchronously (stdout on a pipe).
    env: { PATH: process.env.PATH ?? '', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    let listening = false;
    child.once('exit', (code) =>
      reject(new Error(`gateway process exited early (code ${code}): ${buffered.slice(-500)}`)),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      // Once it listens, its lines are read and dropped, as promptly as a log shipper would: kept and searched, they
      // cost this process (the load generator) time growing with every request, and a slow reader of the pipe
      // blocks the server's writes.
      if (listening) return;
      buffered += chunk.toString('utf8');
      const match = /listening: GraphiQL at (http:\/\/[^\s"]+)\/graphql/.exec(buffered);
      if (match?.[1]) {
        listening = true;
        buffered = '';
        resolve(match[1]);
      }
    });
  });
  const listeningAfterMs = performance.now() - startedAt;
  return {
    url,
    pid: child.pid ?? 0,
    listeningAfterMs,
    startedAt,
    close: () => stop(child, () => child.kill('SIGTERM')),
  };
}

function stop(child: ChildProcess, signal: () => void): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    signal();
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

/** Starts bench/bare-proxy.ts in front of `origin` and waits for its port. */
export async function startBareProxy(origin: string): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', BARE_PROXY_ENTRY, origin], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare proxy exited early (code ${code})`)));
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()));
  });
  return { url: `http://127.0.0.1:${port}`, close: () => stop(child, () => child.kill('SIGTERM')) };
}

/** Resident memory of a process now and at its peak (Linux /proc: VmRSS, VmHWM), in bytes. */
export async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}
