/**
 * OpenTelemetry traces, only when OTEL_EXPORTER_OTLP_ENDPOINT is set: the SDK and the OTLP/HTTP exporter are
 * imported by `createTracing`, so a gateway without tracing loads none of them. One server span per request
 * (continuing the caller's trace from its `traceparent`, W3C Trace Context) and one client span per OfficeRnD call
 * under it, with the standard HTTP attributes (semantic conventions) and the collection.
 */

import type { Span, Tracer } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { UpstreamListener } from './index.ts';
import type { OperationListener } from './operations.ts';
import type { RequestState } from './requests.ts';
import { upstreamTarget } from './metrics.ts';

export interface Tracing {
  listener: OperationListener;
  upstream: UpstreamListener;
  /** Sends the spans still buffered and stops (at shutdown). */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: spans go to `${endpoint}/v1/traces` (OTLP over HTTP, protobuf-free JSON). */
  endpoint?: string;
  /** Instead of the OTLP exporter (tests: the SDK's InMemorySpanExporter); spans are then exported one by one. */
  exporter?: SpanExporter;
  serviceName?: string;
  /** Host of the OfficeRnD API (`server.address` of the upstream spans). */
  upstreamHost?: string;
}

/** Loads the OpenTelemetry SDK and builds the tracer; call it only when tracing is configured. */
export async function createTracing(options: TracingOptions): Promise<Tracing> {
  const [api, sdk, core, resources, semconv] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/semantic-conventions'),
  ]);
  let processor;
  if (options.exporter) {
    processor = new sdk.SimpleSpanProcessor(options.exporter);
  } else {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    const base = (options.endpoint ?? '').replace(/\/+$/, '');
    processor = new sdk.BatchSpanProcessor(new OTLPTraceExporter({ url: `${base}/v1/traces` }));
  }
  const provider = new sdk.BasicTracerProvider({
    resource: resources.resourceFromAttributes({
      [semconv.ATTR_SERVICE_NAME]: options.serviceName ?? 'officernd-graphql',
    }),
    spanProcessors: [processor],
  });
  const tracer: Tracer = provider.getTracer('officernd-graphql');
  const propagator = new core.W3CTraceContextPropagator();
  const spans = new WeakMap<RequestState, Span>();
  const headerGetter = {
    keys: (carrier: Headers) => [...carrier.keys()],
    get: (carrier: Headers, key: string) => carrier.get(key) ?? undefined,
  };

  return {
    listener: {
      started(state, request) {
        // Health, readiness and metrics probes would drown the traces.
        if (state.kind === 'other') return;
        const parent = propagator.extract(api.ROOT_CONTEXT, request.headers, headerGetter);
        const url = new URL(request.url);
        const span = tracer.startSpan(
          `${request.method} ${url.pathname}`,
          {
            kind: api.SpanKind.SERVER,
            attributes: {
              [semconv.ATTR_HTTP_REQUEST_METHOD]: request.method,
              [semconv.ATTR_URL_PATH]: url.pathname,
              [semconv.ATTR_URL_SCHEME]: url.protocol.replace(':', ''),
              'officernd_gateway.request_id': state.id,
            },
          },
          parent,
        );
        spans.set(state, span);
      },
      executing(state) {
        const span = spans.get(state);
        const name = state.operations.at(-1);
        if (!span || name === undefined) return;
        span.setAttribute('graphql.operation.name', state.operations.join(','));
        if (state.operationType) span.setAttribute('graphql.operation.type', state.operationType);
        span.updateName(`${state.operationType ?? 'graphql'} ${state.operations.join(',')}`);
      },
      finished({ state, status, outcome }) {
        const span = spans.get(state);
        if (!span) return;
        span.setAttribute(semconv.ATTR_HTTP_RESPONSE_STATUS_CODE, status);
        span.setAttribute('officernd_gateway.outcome', outcome);
        span.setAttribute('officernd_gateway.upstream_calls', state.upstream.calls);
        if (state.kind === 'graphql') span.setAttribute('officernd_gateway.cost', state.cost);
        if (status >= 500 || outcome === 'error') {
          span.setStatus({ code: api.SpanStatusCode.ERROR, message: state.errorCodes[0] ?? String(status) });
          span.setAttribute(semconv.ATTR_ERROR_TYPE, state.errorCodes[0] ?? String(status));
        }
        span.end();
        spans.delete(state);
      },
    },
    upstream(event, state) {
      if (event.type !== 'call') return;
      const parentSpan = state ? spans.get(state) : undefined;
      const parent = parentSpan ? api.trace.setSpan(api.ROOT_CONTEXT, parentSpan) : api.ROOT_CONTEXT;
      const { collection, kind } = upstreamTarget(event.path);
      const span = tracer.startSpan(
        `GET ${collection}${kind === 'id' ? '/{id}' : ''}`,
        {
          kind: api.SpanKind.CLIENT,
          startTime: event.startedAt,
          attributes: {
            [semconv.ATTR_HTTP_REQUEST_METHOD]: event.method,
            ...(options.upstreamHost ? { [semconv.ATTR_SERVER_ADDRESS]: options.upstreamHost } : {}),
            'officernd.collection': collection,
            'officernd.call': kind,
            ...(event.status === undefined ? {} : { [semconv.ATTR_HTTP_RESPONSE_STATUS_CODE]: event.status }),
          },
        },
        parent,
      );
      const failure =
        event.code ?? (event.status !== undefined && event.status >= 400 ? String(event.status) : undefined);
      if (failure !== undefined) {
        span.setAttribute(semconv.ATTR_ERROR_TYPE, failure);
        span.setStatus({ code: api.SpanStatusCode.ERROR, message: failure });
      }
      span.end(event.startedAt + event.durationMs);
    },
    shutdown: () => provider.shutdown(),
  };
}
