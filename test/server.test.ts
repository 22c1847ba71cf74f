import { spawn, type ChildProcess } from 'node:child_process';
import type { Simulator } from '../src/simulator/index.ts';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/simulator/index.ts';
import { testDataset, TEST_NOW } from './helpers.ts';

// The real process, as `npm start` runs it: configuration from the environment, a real port, real HTTP.

const root = resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];

interface Started {
  url: string;
  output: () => string;
  exit: Promise<number | null>;
}

function startServer(env: Record<string, string>, nodeArgs: string[] = []): Started {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { url: '', output: () => output, exit };
}

async function listening(started: Started): Promise<string> {
  for (let i = 0; i < 300; i += 1) {
    const match = /GraphiQL at (http:\/\/[^\s]+\/graphql)/.exec(started.output());
    if (match) return match[1]!;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start:\n${started.output()}`);
}

async function graphql(url: string, query: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown> };
}

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

describe('npm start', () => {
  it('with no credentials serves GraphiQL on the built-in simulator and says so', async () => {
    const started = startServer({ SIMULATOR_SCALE: '0.1' });
    const url = await listening(started);
    expect(started.output()).toMatch(/built-in OfficeRnD simulator/);
    const result = await graphql(url, '{ __typename organization offices(first: 2) { nodes { name } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ __typename: 'Query', organization: 'demo' });
    expect((result.data!.offices as { nodes: unknown[] }).nodes).toHaveLength(2);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);
  });

  it('with credentials uses the configured OfficeRnD URLs (a second simulator on a loopback port)', async () => {
    const secret = 'acme-secret-which-must-not-leak';
    const simulator = createSimulator({
      org: 'acme',
      dataset: testDataset(0.1, 3),
      now: TEST_NOW,
      clients: [{ clientId: 'acme-client', clientSecret: secret, scopes: ['officernd.api.read'] }],
    });
    const upstream = await simulator.listen(0);
    try {
      const started = startServer({
        OFFICERND_CLIENT_ID: 'acme-client',
        OFFICERND_CLIENT_SECRET: secret,
        OFFICERND_ORG: 'acme',
        OFFICERND_API_URL: upstream.apiUrl,
        OFFICERND_TOKEN_URL: upstream.tokenUrl,
        LOG_LEVEL: 'debug',
      });
      const url = await listening(started);
      expect(started.output()).not.toMatch(/built-in OfficeRnD simulator/);
      const result = await graphql(url, '{ organization members(first: 3) { nodes { id name } } }');
      expect(result.errors).toBeUndefined();
      const expected = simulator.dataset.collections.members.slice(0, 3).map((m) => ({ id: m._id, name: m.name }));
      expect(result.data).toEqual({ organization: 'acme', members: { nodes: expected } });
      expect(simulator.log.count({ kind: 'token' })).toBe(1);
      expect(simulator.log.count({ kind: 'api', collection: 'members' })).toBe(1);
      expect(started.output()).not.toContain(secret);
    } finally {
      await upstream.close();
    }
  });

  it('refuses invalid configuration with a clear message and exit code 2', async () => {
    const started = startServer({ OFFICERND_CLIENT_ID: 'only-the-id', PORT: 'eighty' });
    expect(await started.exit).toBe(2);
    expect(started.output()).toMatch(/OFFICERND_CLIENT_SECRET is not set/);
    expect(started.output()).toMatch(/PORT must be a whole number/);
  });

  it('starts the built-in simulator as SIMULATOR_V1_POPULATE says: refused $populate is warned about once', async () => {
    const started = startServer({ SIMULATOR_SCALE: '0.1', SIMULATOR_V1_POPULATE: 'refused' });
    const url = await listening(started);
    expect(started.output()).toMatch(/"v1Populate":"refused"/);
    const exportUrl = url.replace(/\/graphql$/, '/reports/bookings.csv?columns=_id,member.name&limit=5');
    for (let i = 0; i < 2; i++) {
      const response = await fetch(exportUrl);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/^_id,member.name\r\n/);
    }
    expect(started.output().match(/officernd refused \$populate/g)).toHaveLength(1);
  });
});

describe('graceful shutdown (a real process, SIGTERM)', () => {
  const secret = 'shutdown-secret-value';
  async function upstreamWith(): Promise<{
    simulator: Simulator;
    close(): Promise<void>;
    env: Record<string, string>;
  }> {
    const simulator = createSimulator({
      org: 'acme',
      dataset: testDataset(0.1, 3),
      now: TEST_NOW,
      clients: [{ clientId: 'acme-client', clientSecret: secret, scopes: ['officernd.api.read'] }],
    });
    const upstream = await simulator.listen(0);
    return {
      simulator,
      close: () => upstream.close(),
      env: {
        OFFICERND_CLIENT_ID: 'acme-client',
        OFFICERND_CLIENT_SECRET: secret,
        OFFICERND_ORG: 'acme',
        OFFICERND_API_URL: upstream.apiUrl,
        OFFICERND_TOKEN_URL: upstream.tokenUrl,
      },
    };
  }

  it('stops accepting, answers the query and the export in flight, closes upstream and exits 0', async () => {
    const upstream = await upstreamWith();
    try {
      const started = startServer({ ...upstream.env, SHUTDOWN_TIMEOUT_MS: '10000' });
      const url = await listening(started);
      const origin = new URL(url).origin;
      expect((await graphql(url, '{ organization }')).data).toEqual({ organization: 'acme' });
      // Every OfficeRnD answer now takes 600 ms: the query reads two member pages in turn, the export three.
      upstream.simulator.setFaults({ latencyMs: 600 });
      const query = graphql(url, '{ members(first: 150) { nodes { id } } }');
      const exported = fetch(`${origin}/reports/members.csv?columns=_id&limit=250`).then(async (r) => ({
        status: r.status,
        text: await r.text(),
      }));
      await new Promise((r) => setTimeout(r, 300));
      const child = children.at(-1)!;
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      // No new connection is accepted.
      await expect(fetch(`${origin}/health`)).rejects.toThrow();

      const answer = await query;
      expect(answer.errors).toBeUndefined();
      expect((answer.data!.members as { nodes: unknown[] }).nodes).toHaveLength(150);
      const csv = await exported;
      expect(csv.status).toBe(200);
      expect(csv.text.trimEnd().split('\r\n')).toHaveLength(251);
      expect(await started.exit).toBe(0);
      expect(started.output()).toMatch(/SIGTERM received: closing/);
      expect(started.output()).toMatch(/Closed: every request answered, upstream connections closed/);
      expect(started.output()).not.toContain(secret);
    } finally {
      await upstream.close();
    }
  }, 30_000);

  it('cuts what is still running after SHUTDOWN_TIMEOUT_MS and exits 1', async () => {
    const upstream = await upstreamWith();
    try {
      const started = startServer({ ...upstream.env, SHUTDOWN_TIMEOUT_MS: '300' });
      const url = await listening(started);
      expect((await graphql(url, '{ organization }')).data).toEqual({ organization: 'acme' });
      upstream.simulator.setFaults({ latencyMs: 5_000 });
      const query = graphql(url, '{ members(first: 5) { nodes { id } } }').catch((error: unknown) => error);
      await new Promise((r) => setTimeout(r, 200));
      children.at(-1)!.kill('SIGTERM');
      expect(await started.exit).toBe(1);
      expect(await query).toBeInstanceOf(Error);
      expect(started.output()).toMatch(/Shutdown timed out \(SHUTDOWN_TIMEOUT_MS\)/);
    } finally {
      await upstream.close();
    }
  }, 30_000);
});

describe('what the process loads', () => {
  const recorder = resolve(root, 'test/ops/fixtures/record-imports.mjs');
  const loaded = async (env: Record<string, string>): Promise<string[]> => {
    const dir = mkdtempSync(join(tmpdir(), 'imports-'));
    const file = join(dir, 'imports.txt');
    try {
      const started = startServer({ ...env, IMPORTS_FILE: file }, ['--import', recorder]);
      const url = await listening(started);
      expect((await graphql(url, '{ organization }')).errors).toBeUndefined();
      children.at(-1)!.kill('SIGTERM');
      await started.exit;
      return existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('with credentials: neither the simulator nor the OpenTelemetry SDK (no OTEL_EXPORTER_OTLP_ENDPOINT)', async () => {
    const simulator = createSimulator({
      org: 'acme',
      dataset: testDataset(0.1, 3),
      now: TEST_NOW,
      clients: [{ clientId: 'acme-client', clientSecret: 'imports-secret', scopes: ['officernd.api.read'] }],
    });
    const upstream = await simulator.listen(0);
    try {
      const urls = await loaded({
        OFFICERND_CLIENT_ID: 'acme-client',
        OFFICERND_CLIENT_SECRET: 'imports-secret',
        OFFICERND_ORG: 'acme',
        OFFICERND_API_URL: upstream.apiUrl,
        OFFICERND_TOKEN_URL: upstream.tokenUrl,
      });
      expect(urls.some((u) => u.endsWith('/src/server.ts'))).toBe(true);
      expect(urls.filter((u) => u.includes('/src/simulator/'))).toEqual([]);
      expect(urls.filter((u) => u.includes('@opentelemetry/sdk-trace') || u.includes('exporter-trace-otlp'))).toEqual(
        [],
      );
    } finally {
      await upstream.close();
    }
  }, 30_000);

  it('in simulator mode: the simulator', async () => {
    const urls = await loaded({ SIMULATOR_SCALE: '0.1' });
    expect(urls.some((u) => u.includes('/src/simulator/index.ts'))).toBe(true);
  }, 30_000);
});
