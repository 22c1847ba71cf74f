import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Listening, type Simulator } from '../../src/simulator/index.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';
import { redisSuiteName, skipRedis, startRedis, type RedisServer } from './redis-server.ts';

// The proof of issue 17: three real gateway processes (`src/server.ts`, configured from the environment) against
// one simulator on loopback and one redis-server.

const root = resolve(import.meta.dirname, '../..');
const KEY = 'cluster-test-key-0123456789';
const WEBHOOK_SECRET = 'whsec-cluster-0123456789';
const CLIENT_SECRET = 'cluster-client-secret-never-logged';
/** 244 a minute: 4 calls per 1-second window for the three processes together. */
const BUDGET = 244;

interface Replica {
  url: string;
  output(): string;
  child: ChildProcess;
}

/**
 * The rate is read from the simulator's arrival times. A call may arrive up to ~150 ms after the gate let it go
 * (loaded machine), so spans of 850 ms are counted: calls let go within one span of 1 s, which meets at most two
 * of the gate's 1-second windows.
 */
const SPAN_MS = 850;
/** Looks (50 ms apart) for a replica's start line: a bound above what start-up takes on a loaded machine. */
const STARTS = 3_000;

describe.skipIf(skipRedis)(redisSuiteName('three gateway processes sharing one Redis'), () => {
  let redis: RedisServer;
  let simulator: Simulator;
  let upstream: Listening;
  const callTimes: number[] = [];
  const replicas: Replica[] = [];

  function start(): Replica {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: '0',
        OFFICERND_CLIENT_ID: 'cluster-client',
        OFFICERND_CLIENT_SECRET: CLIENT_SECRET,
        OFFICERND_ORG: 'demo',
        OFFICERND_API_URL: upstream.apiUrl,
        OFFICERND_TOKEN_URL: upstream.tokenUrl,
        GATEWAY_API_KEYS: KEY,
        OFFICERND_WEBHOOK_SECRET: WEBHOOK_SECRET,
        RESPONSE_CACHE: 'true',
        REDIS_URL: redis.url,
        UPSTREAM_MAX_REQUESTS_PER_MINUTE: String(BUDGET),
        LOG_LEVEL: 'info',
        // A Redis call slower than REDIS_TIMEOUT_MS (default 250 ms) puts a replica on its local state for 5 s, by
        // design (replicas.test.ts pauses Redis to test it); on a loaded machine a call can take that long, and a
        // replica then fetches its own token, misses the shared cache and reports the shared state down. Here Redis is
        // either there or killed (which the replicas see at once, as a closed connection).
        REDIS_TIMEOUT_MS: '10000',
        // The start-up walk of collection sizes would run beside the calls counted here (sharing it through Redis is
        // tested in replicas.test.ts).
        LEARN_COLLECTION_SIZES: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { url: '', output: () => output, child };
  }

  /**
   * Waits until the replica listens and uses Redis, or has exited. Three processes compiling with tsx at once take
   * seconds alone and more than 30 on a loaded machine: the wait is bounded by STARTS (and the hook's timeout) only.
   */
  async function ready(replica: Replica): Promise<void> {
    for (let i = 0; i < STARTS && replica.child.exitCode === null; i += 1) {
      const match = /GraphiQL at (http:\/\/[^\s]+)\/graphql/.exec(replica.output());
      if (match && replica.output().includes('redis: connected')) {
        replica.url = match[1]!;
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`replica did not start (exit code ${replica.child.exitCode}):\n${replica.output()}`);
  }

  beforeAll(async () => {
    redis = await startRedis();
    simulator = createSimulator({
      dataset: testDataset(0.2),
      now: TEST_NOW,
      clients: [{ clientId: 'cluster-client', clientSecret: CLIENT_SECRET, scopes: ['officernd.api.read'] }],
      // When each call arrived (the simulator's clock as it starts answering), not when its answer was done.
      onRequest: (entry) => {
        if (entry.kind === 'api') callTimes.push(entry.at);
      },
    });
    upstream = await simulator.listen(0);
    replicas.push(start(), start(), start());
    await Promise.all(replicas.map(ready));
  }, 180_000);

  afterAll(async () => {
    for (const replica of replicas) replica.child.kill('SIGTERM');
    await upstream?.close();
    await redis?.stop();
  });

  const apiCalls = (): number => simulator.log.count({ kind: 'api' });

  async function query(replica: Replica, text: string, headers: Record<string, string> = {}) {
    const before = apiCalls();
    const response = await fetch(`${replica.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, ...headers },
      body: JSON.stringify({ query: text }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    return { status: response.status, body, calls: apiCalls() - before };
  }

  it('calls the token endpoint once for the three processes, and /metrics says the shared state is in use', async () => {
    const answers = await Promise.all(replicas.map((r, i) => query(r, `{ teams(first: ${i + 1}) { nodes { id } } }`)));
    expect(answers.every((a) => a.status === 200 && a.body.errors === undefined)).toBe(true);
    expect(simulator.log.count({ kind: 'token' })).toBe(1);
    const scraped = await (
      await fetch(`${replicas[0]!.url}/metrics`, { headers: { authorization: `Bearer ${KEY}` } })
    ).text();
    expect(scraped).toMatch(/^officernd_gateway_shared_state_up 1$/m);
  });

  it('keeps the combined upstream rate within the budget under load (simulator log)', async () => {
    callTimes.length = 0;
    const load = replicas.flatMap((r, i) =>
      [0, 1].map((j) =>
        query(r, `{ members(first: ${200 + i * 10 + j}) { nodes { id } } }`, { 'cache-control': 'no-cache' }),
      ),
    );
    const answers = await Promise.all(load);
    expect(answers.every((a) => a.status === 200 && a.body.errors === undefined)).toBe(true);
    expect(callTimes.length).toBeGreaterThanOrEqual(12);
    const sorted = [...callTimes].sort((x, y) => x - y);
    const busiest = Math.max(...sorted.map((t) => sorted.filter((u) => u >= t && u < t + SPAN_MS).length));
    // 4 per window; at most two windows' worth in any span.
    expect(busiest).toBeLessThanOrEqual(8);
  }, 30_000);

  it('serves an answer cached by one process from another, and a webhook to one invalidates all three', async () => {
    const [a, b, c] = replicas as [Replica, Replica, Replica];
    const first = '{ members(first: 7) { nodes { id name } } }';
    const second = '{ members(first: 9) { nodes { id name } } }';
    const offices = '{ offices(first: 2) { nodes { id name } } }';
    await query(a, first);
    await query(a, second);
    await query(a, offices);
    expect((await query(b, first)).calls).toBe(0);
    expect((await query(c, second)).calls).toBe(0);

    const body = JSON.stringify({ eventType: 'member.updated', data: { object: { _id: '5f0c1a2b3c4d5e6f70819203' } } });
    const t = Math.floor(Date.now() / 1000);
    const v1 = createHmac('sha256', WEBHOOK_SECRET).update(`${body}.${t}`).digest('hex');
    const delivered = await fetch(`${a.url}/webhooks/officernd`, {
      method: 'POST',
      headers: { 'officernd-signature': `t=${t},v1=${v1}` },
      body,
    });
    expect(delivered.status).toBe(200);

    expect((await query(b, first)).calls).toBeGreaterThan(0);
    expect((await query(c, second)).calls).toBeGreaterThan(0);
    expect((await query(c, offices)).calls).toBe(0);
  });

  it('fails no query when Redis is killed mid-run', async () => {
    let killed = false;
    const outcomes: { status: number; errors: unknown }[] = [];
    const running = (async () => {
      let after = 0;
      for (let round = 0; after < 3; round++) {
        if (killed) after++;
        const answers = await Promise.all(
          replicas.map((r, i) => query(r, `{ floors(first: ${1 + ((round * 3 + i) % 20)}) { nodes { id } } }`)),
        );
        outcomes.push(...answers.map((x) => ({ status: x.status, errors: x.body.errors })));
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    await redis.stop(true);
    killed = true;
    await running;
    expect(outcomes.length).toBeGreaterThanOrEqual(9);
    expect(outcomes.filter((o) => o.status !== 200 || o.errors !== undefined)).toEqual([]);
    for (const replica of replicas) {
      expect(replica.output()).not.toContain(CLIENT_SECRET);
      // Still ready (it serves with local state), and /metrics says Redis is not in use.
      expect((await fetch(`${replica.url}/ready`)).status).toBe(200);
      let scraped = '';
      for (let i = 0; i < 100 && !/^officernd_gateway_shared_state_up 0$/m.test(scraped); i++) {
        scraped = await (await fetch(`${replica.url}/metrics`, { headers: { authorization: `Bearer ${KEY}` } })).text();
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(scraped).toMatch(/^officernd_gateway_shared_state_up 0$/m);
    }
  }, 30_000);
});
