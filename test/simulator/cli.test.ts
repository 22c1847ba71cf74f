import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliUsageError, formatRequest, parseCliArgs } from '../../src/simulator/cli.ts';
import { DEMO_FORM, FORM } from './support.ts';

const CLI = fileURLToPath(new URL('../../src/simulator/cli.ts', import.meta.url));

interface CliRun {
  /** Resolves with stdout once `pattern` matches it, or when the process exits. */
  waitFor(pattern: RegExp): Promise<string>;
  readonly stdout: string;
  readonly stderr: string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Runs the CLI under tsx as a child process. */
function runCli(args: string[]): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => {
    for (const wake of waiters.splice(0)) wake();
  });
  const waitFor = async (pattern: RegExp): Promise<string> => {
    while (!pattern.test(stdout) && child.exitCode === null) await new Promise<void>((wake) => waiters.push(wake));
    return stdout;
  };
  return {
    waitFor,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('simulator CLI', () => {
  it('maps flags onto simulator options', () => {
    const config = parseCliArgs([
      '--port',
      '0',
      '--org',
      'acme',
      '--seed',
      '9',
      '--scale',
      '0.5',
      '--latency',
      '30',
      '--jitter',
      '5',
      '--error-rate',
      '0.1',
      '--rate-limit',
      '120',
      '--drop-rate',
      '0.01',
      '--token-ttl',
      '600',
      '--client-id',
      'me',
      '--client-secret',
      'shh',
      '--quiet',
    ]);
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      quiet: true,
      simulator: {
        org: 'acme',
        seed: 9,
        scale: 0.5,
        tokenTtlSeconds: 600,
        clients: [{ clientId: 'me', clientSecret: 'shh' }],
        faults: {
          latencyMs: 30,
          jitterMs: 5,
          errorRate: 0.1,
          dropRate: 0.01,
          rateLimit: { requests: 120, windowMs: 60_000 },
        },
      },
    });
    expect(parseCliArgs([])).toMatchObject({ port: 4010, simulator: { org: 'demo', seed: 42, scale: 1 } });
    expect(parseCliArgs(['--help'])).toBe('help');
  });

  it.each([
    ['--port', 'abc'],
    ['--port', '70000'],
    ['--error-rate', '1.5'],
    ['--scale', '0'],
    ['--bogus'],
    ['--latency'],
    ['extra'],
  ])('refuses %s %s', (...args) => {
    expect(() => parseCliArgs(args)).toThrow(CliUsageError);
  });

  it('formats one line per request', () => {
    const line = formatRequest({
      at: 0,
      method: 'GET',
      path: '/api/v1/organizations/demo/members',
      collection: 'members',
      id: null,
      query: { $limit: '100' },
      status: 200,
      durationMs: 1.234,
      kind: 'api',
    });
    expect(line).toBe('GET /api/v1/organizations/demo/members?%24limit=100 200 1.2ms');
  });

  it('exits with code 2 and a message on an invalid flag', async () => {
    const run = runCli(['--port', 'nope']);
    expect(await run.exited).toBe(2);
    expect(run.stderr).toContain('--port must be');
    expect(run.stderr).toContain('Usage:');
  });

  it('serves on a free port, prints where, and logs requests', async () => {
    const run = runCli(['--port', '0', '--scale', '0.05', '--seed', '5']);
    try {
      await run.waitFor(/Collections: .*\n/);
      const origin = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stdout)?.[1];
      expect(origin).toBeDefined();
      expect(run.stdout).toContain('Client id:   demo-client');
      expect(run.stdout).toContain(`API v2:      ${origin}/api/v2/organizations/demo`);
      expect(run.stdout).toMatch(/members \d+/);
      const tokenResponse = await fetch(`${origin}/oauth/token`, { method: 'POST', headers: FORM, body: DEMO_FORM });
      expect(tokenResponse.status).toBe(200);
      const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };
      const offices = await fetch(`${origin}/api/v1/organizations/demo/offices`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(offices.status).toBe(200);
      expect(((await offices.json()) as unknown[]).length).toBeGreaterThan(0);
      const logged = await run.waitFor(/GET \/api\/v1\/organizations\/demo\/offices 200 [\d.]+ms/);
      expect(logged).toMatch(/POST \/oauth\/token 200 [\d.]+ms/);
      expect(logged).not.toContain(accessToken);
    } finally {
      await run.stop();
    }
  });

  it('sends signed demo webhooks with --webhook-url, --webhook-secret and --touch-every, never printing the secret', async () => {
    const bodies: { raw: string; signature: string }[] = [];
    let delivered: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (delivered = resolve));
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          signature: String(req.headers['officernd-signature']),
        });
        res.writeHead(200).end();
        delivered();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const secret = 'cli-webhook-secret-value';
    const run = runCli([
      '--port',
      '0',
      '--scale',
      '0.05',
      '--webhook-url',
      hook,
      '--webhook-secret',
      secret,
      '--touch-every',
      '0.2',
    ]);
    try {
      await arrived;
      const [first] = bodies;
      const t = /t=(\d+),v1=([0-9a-f]{64})/.exec(first?.signature ?? '');
      expect(t).not.toBeNull();
      expect(t?.[2]).toBe(createHmac('sha256', secret).update(`${first?.raw}.${t?.[1]}`).digest('hex'));
      expect(JSON.parse(first?.raw ?? '{}').eventType).toBe('member.updated');
      await run.waitFor(/WEBHOOK member\.updated [0-9a-f]{24} 200/);
      expect(run.stdout).toContain(`Webhooks:    ${hook} (secret as given)`);
      expect(run.stdout + run.stderr).not.toContain(secret);
    } finally {
      await run.stop();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('refuses a webhook URL without a secret, or one that is not http(s)', () => {
    expect(() => parseCliArgs(['--webhook-url', 'http://127.0.0.1:9/x'])).toThrow(CliUsageError);
    expect(() => parseCliArgs(['--webhook-url', 'ftp://x', '--webhook-secret', 's'])).toThrow(/http\(s\)/);
    expect(parseCliArgs(['--webhook-url', 'http://h/x', '--webhook-secret', 's', '--touch-every', '5'])).toMatchObject({
      touchEverySeconds: 5,
      simulator: { webhooks: { url: 'http://h/x', secret: 's' } },
    });
  });
});
