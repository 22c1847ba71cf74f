import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createTracing } from '../../src/ops/index.ts';
import { createOpsStack } from './stack.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

async function tracedStack(scenario: Parameters<typeof createOpsStack>[0] = {}) {
  const exporter = new InMemorySpanExporter();
  const tracing = await createTracing({ exporter, upstreamHost: 'app.officernd.test' });
  const stack = createOpsStack({ ...scenario, ops: { tracing } });
  return { stack, exporter };
}

describe('OpenTelemetry traces', () => {
  it('a server span per operation continuing the caller traceparent, a client span per upstream call under it', async () => {
    const { stack, exporter } = await tracedStack();
    const response = await stack.post(
      { query: 'query Roster { teams(first: 2) { nodes { name } } members(first: 120) { nodes { name } } }' },
      { traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` },
    );
    await response.text();
    const spans = exporter.getFinishedSpans();
    const servers = spans.filter((s) => s.kind === SpanKind.SERVER);
    expect(servers).toHaveLength(1);
    const [server] = servers;
    expect(server!.name).toBe('query Roster');
    expect(server!.spanContext().traceId).toBe(TRACE_ID);
    expect(server!.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(server!.attributes).toMatchObject({
      'http.request.method': 'POST',
      'url.path': '/graphql',
      'http.response.status_code': 200,
      'graphql.operation.name': 'Roster',
      'graphql.operation.type': 'query',
      'officernd_gateway.upstream_calls': 3,
    });

    const clients = spans.filter((s) => s.kind === SpanKind.CLIENT);
    expect(clients).toHaveLength(stack.simulator.log.count({ kind: 'api' }));
    expect(clients).toHaveLength(3);
    for (const client of clients) {
      expect(client.spanContext().traceId).toBe(TRACE_ID);
      expect(client.parentSpanContext?.spanId).toBe(server!.spanContext().spanId);
      expect(client.attributes).toMatchObject({
        'http.request.method': 'GET',
        'http.response.status_code': 200,
        'server.address': 'app.officernd.test',
      });
    }
    expect(clients.map((c) => c.attributes['officernd.collection']).sort()).toEqual(['members', 'members', 'teams']);
  });

  it('starts a new trace without traceparent, and marks failed upstream calls as errors', async () => {
    const { stack, exporter } = await tracedStack({
      simulator: { faults: { errorRate: 1, errorStatuses: [502] } },
      client: { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } },
    });
    await (await stack.post({ query: '{ teams(first: 2) { nodes { name } } }' })).text();
    const spans = exporter.getFinishedSpans();
    const server = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(server.parentSpanContext).toBeUndefined();
    const clients = spans.filter((s) => s.kind === SpanKind.CLIENT);
    expect(clients).toHaveLength(2);
    for (const client of clients) {
      expect(client.attributes).toMatchObject({
        'http.response.status_code': 502,
        'error.type': '502',
        'officernd.collection': 'teams',
      });
      expect(client.status.code).toBe(2);
    }
    expect(server.attributes['officernd_gateway.outcome']).toBe('error');
  });
});
