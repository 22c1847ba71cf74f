import { describe, expect, it } from 'vitest';
import { createOpsStack } from './stack.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY = 'ops-test-key-0123456789';

describe('operation logs', () => {
  it('write one JSON line per operation: request id, name, duration, upstream calls, cost, outcome', async () => {
    const stack = createOpsStack();
    const response = await stack.post(
      { query: 'query TeamsAndMembers { teams(first: 3) { nodes { name } } members(first: 150) { nodes { name } } }' },
      { 'x-request-id': 'caller-id-42' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('caller-id-42');
    const body = (await response.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
    const lines = stack.logs().filter((l) => l.msg === 'graphql operation');
    expect(lines).toHaveLength(1);
    const [line] = lines;
    // teams: one page; members: two pages of 100 (§3).
    expect(stack.simulator.log.count({ kind: 'api' })).toBe(3);
    expect(line).toMatchObject({
      level: 'info',
      requestId: 'caller-id-42',
      operation: 'TeamsAndMembers',
      operationType: 'query',
      upstreamCalls: 3,
      cost: 3,
      outcome: 'success',
      status: 200,
    });
    expect(typeof line!.durationMs).toBe('number');
    expect(typeof line!.time).toBe('string');
  });

  it('generate a request id when the caller sends none or an unusable one, and put it in every error', async () => {
    const stack = createOpsStack();
    const cases: Record<string, string>[] = [{}, { 'x-request-id': 'two words' }, { 'x-request-id': 'x'.repeat(200) }];
    for (const headers of cases) {
      const response = await stack.post({ query: '{ member(id: "nope") { name } bogus }' }, headers);
      const id = response.headers.get('x-request-id') ?? '';
      expect(id).toMatch(UUID);
      const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
      expect(body.errors.length).toBeGreaterThan(0);
      for (const error of body.errors) expect(error.extensions.requestId).toBe(id);
      expect(stack.logs().at(-1)).toMatchObject({ requestId: id });
    }
  });

  it('log a caller mistake as one warning line saying what was wrong', async () => {
    const stack = createOpsStack({ logLevel: 'debug' });
    const response = await stack.post(
      { query: '{ members(first: 5) { nodes { nmae } } }' },
      { 'x-request-id': 'typo' },
    );
    await response.text();
    const lines = stack.lines.filter((l) => l.includes('"typo"'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'warn',
      requestId: 'typo',
      outcome: 'rejected',
      errors: ['GRAPHQL_VALIDATION_FAILED'],
      error: expect.stringContaining('nmae'),
    });
    expect(stack.logs().filter((l) => l.level === 'error')).toEqual([]);
  });

  it('tag refusals made before GraphQL runs (no API key) with the request id too', async () => {
    const stack = createOpsStack({ env: { GATEWAY_API_KEYS: KEY } });
    const response = await stack.post({ query: '{ __typename }' });
    expect(response.status).toBe(401);
    const id = response.headers.get('x-request-id');
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', requestId: id });
    expect(stack.logs().at(-1)).toMatchObject({
      level: 'warn',
      requestId: id,
      outcome: 'rejected',
      status: 401,
      errors: ['UNAUTHENTICATED'],
    });
    const ok = await stack.post({ query: '{ __typename }' }, { authorization: `Bearer ${KEY}` });
    expect(ok.status).toBe(200);
    expect(stack.lines.join('\n')).not.toContain(KEY);
  });

  it('write one warning line per failed upstream call, with the request it was for and its retry', async () => {
    const stack = createOpsStack({
      logLevel: 'debug',
      simulator: { faults: { errorRate: 0.5, errorStatuses: [503] } },
    });
    const response = await stack.post(
      { query: '{ members(first: 500) { nodes { name } } }' },
      { 'x-request-id': 'flaky' },
    );
    await response.text();
    const failed = stack.simulator.log.count({ kind: 'api', status: 503 });
    expect(failed).toBeGreaterThan(0);
    const lines = stack.logs().filter((l) => l.msg === 'upstream call failed');
    expect(lines).toHaveLength(failed);
    for (const line of lines)
      expect(line).toMatchObject({ level: 'warn', requestId: 'flaky', method: 'GET', path: '/members', status: 503 });
    // Each was retried (the answer came): its one line says which retry and when; the client's own line is debug.
    const retried = lines.filter((l) => typeof l.retry === 'number' && typeof l.retryInMs === 'number');
    expect(retried).toHaveLength(failed);
    const clientLines = stack.logs().filter((l) => l.msg === 'officernd retry');
    expect(clientLines).toHaveLength(failed);
    expect(clientLines.every((l) => l.level === 'debug')).toBe(true);
    expect(stack.logs().filter((l) => l.level === 'warn' && l.msg !== 'upstream call failed')).toEqual([]);
    const operation = stack.logs().find((l) => l.msg === 'graphql operation');
    expect(operation).toMatchObject({
      upstreamCalls: stack.simulator.log.count({ kind: 'api' }),
      upstreamFailed: failed,
      upstreamRetries: failed,
    });
  });

  it('write one line per export, and tag a refused export with the request id', async () => {
    const stack = createOpsStack();
    const ok = await stack.fetch('/reports/teams.csv?limit=5', { headers: { 'x-request-id': 'export-1' } });
    expect(ok.headers.get('x-request-id')).toBe('export-1');
    await ok.text();
    const bad = await stack.fetch('/reports/teams.csv?limit=nope', { headers: { 'x-request-id': 'export-2' } });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; requestId: string } };
    expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'export-2' });
    const lines = stack.logs().filter((l) => l.msg === 'report export');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', requestId: 'export-1', outcome: 'success', status: 200 });
    expect(lines[0]).not.toHaveProperty('upstreamCalls');
    expect(lines[1]).toMatchObject({
      level: 'warn',
      requestId: 'export-2',
      outcome: 'rejected',
      status: 400,
      errors: ['BAD_USER_INPUT'],
    });
  });

  it('log each kind of caller mistake as exactly one warning line, never as an error', async () => {
    const key = 'k'.repeat(20);
    const stack = createOpsStack({ env: { MAX_BODY_BYTES: '1000', GATEWAY_API_KEYS: key } });
    const json = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
    const mistakes: [string, RequestInit][] = [
      [
        'a body over MAX_BODY_BYTES',
        { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }', pad: 'y'.repeat(5000) }) },
      ],
      ['invalid JSON', { method: 'POST', headers: json, body: '{nope' }],
      ['a syntax error', { method: 'POST', headers: json, body: JSON.stringify({ query: '{ offices { ' }) }],
      [
        'variables that do not coerce',
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify({
            query: 'query($n: Int) { offices(first: $n) { nodes { id } } }',
            variables: { n: 'x' },
          }),
        },
      ],
      ['a text/plain body', { method: 'POST', headers: { ...json, 'content-type': 'text/plain' }, body: '{}' }],
      [
        'a query over MAX_COST',
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify({
            query: '{ members(first: 1000) { nodes { bookings(first: 1000) { nodes { id } } } } }',
          }),
        },
      ],
      [
        'no API key',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        },
      ],
    ];
    for (const [name, init] of mistakes) {
      const before = stack.lines.length;
      await (await stack.fetch('/graphql', init)).text();
      const lines = stack.logs().slice(before);
      expect(
        lines.map((l) => `${l.level} ${l.outcome}`),
        name,
      ).toEqual(['warn rejected']);
    }
  });
});
