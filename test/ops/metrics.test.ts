import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/index.ts';
import { createOpsStack, type OpsStack } from './stack.ts';

const KEY = 'metrics-test-key-0123456789';

/** The value of one sample of a Prometheus text exposition; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return 0;
}

function metricsStack(
  env: Record<string, string> = {},
  simulator: Parameters<typeof createOpsStack>[0] = {},
): OpsStack {
  return createOpsStack({ env, ops: { metrics: createMetrics({ defaultMetrics: false }) }, ...simulator });
}

const scrape = async (stack: OpsStack, headers: Record<string, string> = {}) => {
  const response = await stack.fetch('/metrics', { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('/metrics', () => {
  it('counts operations by name and outcome, upstream calls by collection, kind and status, and token requests', async () => {
    const stack = metricsStack();
    const before = await scrape(stack);
    expect(before.status).toBe(200);
    expect(before.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(before.text, 'officernd_upstream_calls_total', { collection: 'members' })).toBe(0);

    const member = stack.simulator.dataset.collections.members[3]!;
    await (await stack.post({ query: 'query Listing { members(first: 150) { nodes { name } } }' })).text();
    await (await stack.post({ query: 'query Listing { members(first: 150) { nodes { name } } }' })).text();
    await (await stack.post({ query: `query One { member(id: "${member._id}") { name } }` })).text();
    await (await stack.post({ query: '{ nope }' })).text();

    const { text } = await scrape(stack);
    expect(
      sample(text, 'officernd_gateway_operations_total', { operation: 'Listing', type: 'query', outcome: 'success' }),
    ).toBe(2);
    expect(
      sample(text, 'officernd_gateway_operations_total', { operation: 'One', type: 'query', outcome: 'success' }),
    ).toBe(1);
    expect(sample(text, 'officernd_gateway_operations_total', { outcome: 'rejected' })).toBe(1);
    expect(
      sample(text, 'officernd_gateway_operation_duration_seconds_count', { operation: 'Listing', outcome: 'success' }),
    ).toBe(2);
    // Two pages per listing (§3), one GET by id.
    expect(stack.simulator.log.count({ kind: 'api', collection: 'members', id: false })).toBe(4);
    expect(sample(text, 'officernd_upstream_calls_total', { collection: 'members', kind: 'list', status: '200' })).toBe(
      4,
    );
    expect(sample(text, 'officernd_upstream_calls_total', { collection: 'members', kind: 'id', status: '200' })).toBe(
      1,
    );
    expect(
      sample(text, 'officernd_upstream_call_duration_seconds_count', { collection: 'members', kind: 'list' }),
    ).toBe(4);
    expect(sample(text, 'officernd_upstream_token_requests_total')).toBe(stack.simulator.log.count({ kind: 'token' }));
    expect(sample(text, 'officernd_upstream_token_requests_total')).toBe(1);
    // Yoga's Prometheus plugin on the same registry, without caller-chosen label values.
    expect(sample(text, 'graphql_envelop_phase_execute_count', { operationType: 'query' })).toBe(3);
    expect(text).not.toMatch(/operationName=|url=/);
  });

  it('counts loader batches with their sizes', async () => {
    const stack = metricsStack();
    const response = await stack.post({ query: '{ bookings(first: 10) { nodes { member { id } } } }' });
    const body = (await response.json()) as { data: { bookings: { nodes: { member: { id: string } | null }[] } } };
    const members = new Set(body.data.bookings.nodes.flatMap((n) => (n.member ? [n.member.id] : [])));
    expect(members.size).toBeGreaterThan(1);
    const { text } = await scrape(stack);
    expect(sample(text, 'officernd_gateway_loader_batch_size_count', { loader: 'membersById' })).toBe(1);
    expect(sample(text, 'officernd_gateway_loader_batch_size_sum', { loader: 'membersById' })).toBe(members.size);
  });

  it('counts retries, 429 holds and the time held', async () => {
    const stack = metricsStack(
      {},
      { simulator: { faults: { rateLimit: { requests: 1, windowMs: 40, retryAfterSeconds: 1 } } } },
    );
    const response = await stack.post({
      query: '{ members(first: 300) { nodes { name } } teams(first: 200) { nodes { name } } }',
    });
    await response.text();
    const limited = stack.simulator.log.count({ kind: 'api', status: 429 });
    expect(limited).toBeGreaterThan(0);
    const { text } = await scrape(stack);
    const by429 =
      sample(text, 'officernd_upstream_calls_total', { collection: 'members', status: '429' }) +
      sample(text, 'officernd_upstream_calls_total', { collection: 'teams', status: '429' });
    expect(by429).toBe(limited);
    expect(sample(text, 'officernd_upstream_rate_limit_holds_total')).toBe(limited);
    // Retry-After: 1 s, capped at the retry policy's longest wait (20 ms in these tests).
    expect(sample(text, 'officernd_upstream_rate_limit_held_seconds_total')).toBeCloseTo(limited * 0.02, 6);
    const retried =
      sample(text, 'officernd_upstream_retries_total', { collection: 'members' }) +
      sample(text, 'officernd_upstream_retries_total', { collection: 'teams' });
    expect(retried).toBe(limited);
  });

  it('counts export rows by report, format and outcome', async () => {
    const stack = metricsStack();
    const response = await stack.fetch('/reports/teams.csv?limit=37');
    const csv = await response.text();
    const rows = csv.trim().split('\r\n').length - 1;
    expect(rows).toBe(37);
    const { text } = await scrape(stack);
    expect(
      sample(text, 'officernd_gateway_export_rows_total', { report: 'teams', format: 'csv', outcome: 'done' }),
    ).toBe(37);
    expect(sample(text, 'officernd_gateway_exports_total', { report: 'teams', format: 'csv', outcome: 'done' })).toBe(
      1,
    );
    expect(
      sample(text, 'officernd_gateway_operations_total', { operation: 'export', type: 'export', outcome: 'success' }),
    ).toBe(1);
  });

  it('needs an API key when keys are set, and is not served on the gateway with METRICS_PORT', async () => {
    const stack = metricsStack({ GATEWAY_API_KEYS: KEY });
    expect((await scrape(stack)).status).toBe(401);
    expect((await scrape(stack, { 'x-api-key': KEY })).status).toBe(200);
    const separate = createOpsStack({
      ops: { metrics: createMetrics({ defaultMetrics: false }) },
      serveMetrics: false,
    });
    expect((await scrape(separate)).status).not.toBe(200);
  });

  it('keeps operation names chosen by callers from growing the label set without bound', async () => {
    const stack = metricsStack();
    await Promise.all(
      Array.from({ length: 210 }, (_, i) => stack.post({ query: `query Op${i} { __typename }` }).then((r) => r.text())),
    );
    const { text } = await scrape(stack);
    const names = new Set(
      [...text.matchAll(/officernd_gateway_operations_total\{operation="([^"]+)"/g)].map((m) => m[1]),
    );
    expect(names.size).toBe(201);
    expect(sample(text, 'officernd_gateway_operations_total', { operation: 'other' })).toBe(10);
  });
});

// Admission by cost (security/budget.ts) refuses a query before it runs when the OfficeRnD budget cannot serve it in
// time: the caller's doing, like the rate limit. A client ignoring `retryAfter` can be refused many times a second,
// so each refusal counts as `rejected`, not `error`, and the log gets one warning per caller and minute. Budget: 20
// calls a minute, so after 15 calls a 10-page query is refused.
describe('refusals by admission', () => {
  const TEN_PAGES = (alias: string) => `query Ten { ${alias}: bookings(first: 1000) { nodes { id } } }`;
  const WARNING = 'admission by cost: refusing queries the OfficeRnD budget cannot serve before their deadline';
  const budgetStack = (env: Record<string, string> = {}, client: Record<string, unknown> = {}) =>
    createOpsStack({
      env: { UPSTREAM_MAX_REQUESTS_PER_MINUTE: '20', REQUEST_BUDGET_MS: '10000', ...env },
      client: { maxRequestsPerMinute: 20, ...client },
      ops: { metrics: createMetrics({ defaultMetrics: false }) },
      logLevel: 'debug',
    });
  const codeOf = async (response: Response) =>
    ((await response.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code ?? 'ok';

  it('are `rejected` in the metrics, with their own count, and one warning for the caller, not one each', async () => {
    const stack = budgetStack();
    expect(await codeOf(await stack.post({ query: TEN_PAGES('a') }))).toBe('ok');
    expect(await codeOf(await stack.post({ query: '{ bookings(first: 500) { nodes { id } } }' }))).toBe('ok');
    for (const alias of ['b', 'c', 'd']) {
      expect(await codeOf(await stack.post({ query: TEN_PAGES(alias) }))).toBe('UPSTREAM_BUDGET_EXCEEDED');
    }
    const { text } = await scrape(stack);
    const ten = { operation: 'Ten', type: 'query' };
    expect(sample(text, 'officernd_gateway_operations_total', { ...ten, outcome: 'rejected' })).toBe(3);
    expect(sample(text, 'officernd_gateway_operations_total', { ...ten, outcome: 'error' })).toBe(0);
    expect(sample(text, 'officernd_gateway_operations_total', { ...ten, outcome: 'success' })).toBe(1);
    expect(sample(text, 'officernd_gateway_requests_refused_total', { reason: 'admission' })).toBe(3);

    const logs = stack.logs();
    const warnings = logs.filter((l) => l.msg === WARNING);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 'warn', scope: 'client', calls: 10, refused: 1 });
    // Each refused request keeps its line (its id, its outcome), at debug.
    const refused = logs.filter((l) => l.msg === 'graphql operation' && l.outcome === 'rejected');
    expect(refused.map((l) => [l.level, l.errors])).toEqual(Array(3).fill(['debug', ['UPSTREAM_BUDGET_EXCEEDED']]));
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('write one warning per caller (its API key, never the key itself)', async () => {
    const keyA = 'refusal-log-key-aaaaaaaaaaaa';
    const keyB = 'refusal-log-key-bbbbbbbbbbbb';
    // As server.ts builds it: with two keys, each may start half the minute's calls.
    const stack = budgetStack({ GATEWAY_API_KEYS: `${keyA},${keyB}` }, { keyShare: 0.5 });
    for (const key of [keyA, keyB]) {
      const as = { 'x-api-key': key };
      expect(await codeOf(await stack.post({ query: TEN_PAGES('a') }, as))).toBe('ok');
      for (const alias of ['b', 'c'])
        expect(await codeOf(await stack.post({ query: TEN_PAGES(alias) }, as))).toBe('UPSTREAM_BUDGET_EXCEEDED');
    }
    const warnings = stack.logs().filter((l) => l.msg === WARNING);
    expect(warnings.map((l) => [l.scope, l.refused])).toEqual([
      ['lane', 1],
      ['lane', 1],
    ]);
    expect(new Set(warnings.map((l) => l.caller)).size).toBe(2);
    expect(stack.lines.join('\n')).not.toMatch(/refusal-log-key/);
  });
});
