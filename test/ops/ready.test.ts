import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createReadiness } from '../../src/ops/index.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { demoClient } from '../demo-client.ts';
import { TEST_NOW, testDataset } from '../helpers.ts';

const KEY = 'ready-test-key-0123456789';

function stackWith(options: { secret?: string; errorRate?: number } = {}) {
  const simulator = createSimulator({
    dataset: testDataset(0.1),
    now: TEST_NOW,
    ...(options.errorRate ? { faults: { errorRate: options.errorRate } } : {}),
  });
  const officernd = demoClient(simulator, {
    maxRequestsPerMinute: 1_000_000,
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    ...(options.secret ? { clientSecret: options.secret } : {}),
  });
  let now = 1_000_000;
  const readiness = createReadiness({ officernd, clock: () => now });
  const gateway = createGateway({
    officernd,
    readiness,
    logger: createLogger({ level: 'error', write: () => undefined }),
    settings: loadConfig({ GATEWAY_API_KEYS: KEY }),
  });
  const get = async (path: string) => {
    const response = await gateway.fetch(`http://gateway.test${path}`);
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  return { simulator, readiness, get, advance: (ms: number) => (now += ms) };
}

describe('/ready and /health', () => {
  it('are open without an API key; /ready gets a token and makes one cheap OfficeRnD call, kept a few seconds', async () => {
    const stack = stackWith();
    expect((await stack.get('/graphql?query={__typename}')).status).toBe(401);
    const health = await stack.get('/health');
    expect(health.status).toBe(200);
    // The OfficeRnD API version read (issue 15), and nothing else of the configuration.
    expect(health.headers.get('x-officernd-api-version')).toBe('v1');
    expect(stack.simulator.log.count()).toBe(0);

    const ready = await stack.get('/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ status: 'ready' });
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(stack.simulator.log.count({ kind: 'token' })).toBe(1);
    expect(stack.simulator.log.count({ kind: 'api' })).toBe(1);
    expect(stack.simulator.log.entries().find((e) => e.kind === 'api')?.query.$limit).toBe('1');

    await stack.get('/ready');
    stack.advance(4_000);
    await stack.get('/ready');
    expect(stack.simulator.log.count({ kind: 'api' })).toBe(1);
    stack.advance(2_000);
    await stack.get('/ready');
    expect(stack.simulator.log.count({ kind: 'api' })).toBe(2);
  });

  it('never has more than one check in flight', async () => {
    const stack = stackWith();
    const answers = await Promise.all(Array.from({ length: 8 }, () => stack.get('/ready')));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(stack.simulator.log.count({ kind: 'api' })).toBe(1);
    expect(stack.simulator.log.count({ kind: 'token' })).toBe(1);
  });

  it('answers 503 with the reason when the credentials are refused, naming no configuration', async () => {
    const stack = stackWith({ secret: 'wrong-secret-value' });
    const ready = await stack.get('/ready');
    expect(ready.status).toBe(503);
    const body = JSON.parse(ready.text) as { status: string; reason: { code: string; message: string } };
    expect(body.status).toBe('unavailable');
    expect(body.reason.code).toMatch(/^UPSTREAM_AUTH/);
    for (const leak of ['demo', 'wrong-secret-value', 'demo-client', 'http', 'oauth', KEY])
      expect(ready.text).not.toContain(leak);
    // /health is liveness only: the process answers.
    expect((await stack.get('/health')).status).toBe(200);
  });

  it('answers 503 while OfficeRnD fails, and 200 again once it answers and the cache has run out', async () => {
    const stack = stackWith({ errorRate: 1 });
    const ready = await stack.get('/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ reason: { code: 'UPSTREAM_UNAVAILABLE' } });
    stack.simulator.setFaults({});
    expect((await stack.get('/ready')).status).toBe(503);
    stack.advance(5_000);
    expect((await stack.get('/ready')).status).toBe(200);
  });

  it('answers 503 SHUTTING_DOWN once draining', async () => {
    const stack = stackWith();
    expect((await stack.get('/ready')).status).toBe(200);
    stack.readiness.drain();
    const ready = await stack.get('/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ reason: { code: 'SHUTTING_DOWN' } });
  });
});
