import { serverAudits, type Audit } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/index.ts';
import { createOpsStack } from './stack.ts';

// GraphQL over HTTP (graphql-http's audits of the spec) against the gateway as production runs it: NODE_ENV=production
// (no GraphiQL), API keys on, every plugin of the stack (operations, compression, metrics, security, exports, budget,
// body limit). The key travels with every audit request, as a client's would. Some audits query `__type`: they pass
// with INTROSPECTION=true and are refused, as documented, with introspection off (the production default).

const KEY = 'conformance-key-0123456789abc';

function auditsOf(env: Record<string, string>): Audit[] {
  const stack = createOpsStack({
    env: { NODE_ENV: 'production', GATEWAY_API_KEYS: KEY, ...env },
    ops: { metrics: createMetrics({ defaultMetrics: false }) },
  });
  return serverAudits({
    url: 'http://gateway.test/graphql',
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${KEY}`);
      const url = input instanceof Request ? input.url : String(input);
      return Promise.resolve(stack.gateway.fetch(url, { ...init, headers }));
    },
  });
}

const outcome = async (audit: Audit): Promise<string> => {
  const result = await audit.fn();
  return result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`;
};

describe('GraphQL over HTTP conformance (graphql-http serverAudits), production stack with API keys', () => {
  const audits = auditsOf({ INTROSPECTION: 'true' });
  const musts = audits.filter((audit) => audit.name.startsWith('MUST'));

  it('has MUST audits to run', () => {
    expect(musts.length).toBeGreaterThan(10);
  });

  it.each(musts.map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    expect(await outcome(audit)).toBe('ok');
  });

  it('reports the SHOULD and MAY results (listed in the README)', async () => {
    const rows: string[] = [];
    for (const audit of audits.filter((a) => !a.name.startsWith('MUST')))
      rows.push(`${(await outcome(audit)).padEnd(4)} ${audit.name}`);
    if (process.env.PRINT_AUDITS) console.log(rows.join('\n'));
    expect(rows.filter((row) => !row.startsWith('ok')).length).toBeLessThanOrEqual(2);
  });
});

describe('with introspection off (the production default)', () => {
  it('every MUST passes except the audits whose document queries __type, refused as introspection', async () => {
    const failed: string[] = [];
    for (const audit of auditsOf({}).filter((a) => a.name.startsWith('MUST'))) {
      if ((await outcome(audit)) !== 'ok') failed.push(audit.name);
    }
    expect(failed).toEqual(['MUST allow map {variables} parameter when accepting application/json']);
  });
});
