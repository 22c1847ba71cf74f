/**
 * Prometheus metrics (prom-client): GraphQL phases and HTTP durations from Yoga's Prometheus plugin, and ours:
 * operations by name and outcome, upstream calls by collection, kind and status, their latency, retries, 429 holds,
 * token requests, loader batch sizes and export rows. Served at `/metrics` behind the API keys, or on METRICS_PORT.
 */

import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { OfficeRnDClientStats } from '../officernd/index.ts';
import type { OperationListener } from './operations.ts';
import type { UpstreamListener } from './index.ts';

export const METRICS_ENDPOINT = '/metrics';

/** Distinct operation names kept as label values; later ones count as `other` (names are chosen by callers). */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
/** A by-id path: the collection, then a 24-hex id (§6). */
const BY_ID = /^\/(.+)\/[0-9a-f]{24}$/i;

export interface Metrics {
  registry: Registry;
  listener: OperationListener;
  upstream: UpstreamListener;
  loaderBatch(loader: string, keys: number): void;
  exportEnd(report: string, format: string, rows: number, outcome: string): void;
  /**
   * Counts a request refused before it was parsed, by reason (`rate_limit`: MAX_REQUESTS_PER_MINUTE_PER_CALLER).
   * Those refused after parsing by a gateway limit (RequestState.refused: `admission`) are counted when they finish.
   */
  refused(reason: string): void;
  /** Counts the client's token requests (read from its stats at each scrape). */
  watchClient(stats: () => OfficeRnDClientStats): void;
  /** Yoga's Prometheus plugin on this registry (GraphQL phases, HTTP durations); it serves no endpoint. */
  yogaPlugin(): Plugin;
  /** The text exposition of every metric. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** Where an upstream call went: its collection and whether it read a page (`list`) or one object (`id`). */
export function upstreamTarget(path: string): { collection: string; kind: 'list' | 'id' } {
  const byId = BY_ID.exec(path);
  if (byId) return { collection: byId[1]!, kind: 'id' };
  return { collection: path.replace(/^\//, '') || 'unknown', kind: 'list' };
}

/** Creates the metrics of one gateway on their own registry (never the global one: tests build many gateways). */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const operations = new Counter({
    name: 'officernd_gateway_operations_total',
    help: 'GraphQL requests and report exports answered, by operation name, type and outcome (success, partial, error, rejected)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers,
  });
  const operationSeconds = new Histogram({
    name: 'officernd_gateway_operation_duration_seconds',
    help: 'Time from a request arriving to its answer starting, by operation name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const upstreamCalls = new Counter({
    name: 'officernd_upstream_calls_total',
    help: 'OfficeRnD API calls by collection, kind (list: a page of a walk or list; id: a GET by id) and status (the HTTP status, or the error code when no answer came)',
    labelNames: ['collection', 'kind', 'status'] as const,
    registers,
  });
  const upstreamSeconds = new Histogram({
    name: 'officernd_upstream_call_duration_seconds',
    help: 'Latency of OfficeRnD API calls by collection and kind',
    labelNames: ['collection', 'kind'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const retries = new Counter({
    name: 'officernd_upstream_retries_total',
    help: 'OfficeRnD calls sent again (after a transient failure, or with a fresh token after a 401), by collection',
    labelNames: ['collection'] as const,
    registers,
  });
  const holds = new Counter({
    name: 'officernd_upstream_rate_limit_holds_total',
    help: 'Times OfficeRnD answered 429 with Retry-After and every call not yet sent was held',
    registers,
  });
  const heldSeconds = new Counter({
    name: 'officernd_upstream_rate_limit_held_seconds_total',
    help: 'Time the client was told to hold its calls by 429 answers (Retry-After, capped), summed',
    registers,
  });
  let clientStats: (() => OfficeRnDClientStats) | null = null;
  new Counter({
    name: 'officernd_upstream_token_requests_total',
    help: 'OAuth token requests sent to OfficeRnD',
    registers,
    collect() {
      if (!clientStats) return;
      this.reset();
      this.inc(clientStats().tokenRequests);
    },
  });
  const batches = new Histogram({
    name: 'officernd_gateway_loader_batch_size',
    help: 'Keys per DataLoader batch, by loader (memberById, bookingsByMember …)',
    labelNames: ['loader'] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers,
  });
  const exportRows = new Counter({
    name: 'officernd_gateway_export_rows_total',
    help: 'Rows written by report exports, by report, format and outcome (done, failed, cancelled)',
    labelNames: ['report', 'format', 'outcome'] as const,
    registers,
  });
  const exportsEnded = new Counter({
    name: 'officernd_gateway_exports_total',
    help: 'Report exports ended, by report, format and outcome (done, failed, cancelled)',
    labelNames: ['report', 'format', 'outcome'] as const,
    registers,
  });
  const refusedRequests = new Counter({
    name: 'officernd_gateway_requests_refused_total',
    help: 'Requests refused before they ran, by reason (rate_limit: over MAX_REQUESTS_PER_MINUTE_PER_CALLER, before parsing; admission: UPSTREAM_BUDGET_EXCEEDED by admission by cost, before any OfficeRnD call)',
    labelNames: ['reason'] as const,
    registers,
  });

  const names = new Set<string>();
  const operationLabel = (operations: readonly string[]): string => {
    if (operations.length === 0) return 'none';
    if (operations.length > 1) return 'batch';
    const name = operations[0]!;
    if (!OPERATION_NAME.test(name)) return 'other';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };

  return {
    registry,
    listener: {
      finished({ state, outcome, durationMs }) {
        if (state.kind === 'other') return;
        const labels = {
          operation: state.kind === 'export' ? 'export' : operationLabel(state.operations),
          type: state.kind === 'export' ? 'export' : (state.operationType ?? 'none'),
          outcome,
        };
        operations.inc(labels);
        operationSeconds.observe(labels, durationMs / 1000);
        if (state.refused !== undefined) refusedRequests.inc({ reason: state.refused });
      },
    },
    upstream(event) {
      if (event.type === 'hold') {
        holds.inc();
        heldSeconds.inc(event.ms / 1000);
        return;
      }
      const { collection, kind } = upstreamTarget(event.path);
      if (event.type === 'retry') {
        retries.inc({ collection });
        return;
      }
      upstreamCalls.inc({
        collection,
        kind,
        status: event.status === undefined ? (event.code ?? 'NO_ANSWER') : String(event.status),
      });
      upstreamSeconds.observe({ collection, kind }, event.durationMs / 1000);
    },
    loaderBatch(loader, keys) {
      batches.observe({ loader }, keys);
    },
    exportEnd(report, format, rows, outcome) {
      exportRows.inc({ report, format, outcome }, rows);
      exportsEnded.inc({ report, format, outcome });
    },
    refused(reason) {
      refusedRequests.inc({ reason });
    },
    watchClient(stats) {
      clientStats = stats;
    },
    yogaPlugin: () =>
      usePrometheus({
        registry,
        endpoint: false,
        // Names and URLs are chosen by callers (a URL carries the whole GET query): unbounded label values. Our own
        // officernd_gateway_operations_* carry the operation name, bounded.
        labels: { operationName: false, url: false, method: true, statusCode: true, operationType: true },
        metrics: {
          graphql_envelop_phase_parse: true,
          graphql_envelop_phase_validate: true,
          graphql_envelop_phase_execute: true,
          graphql_envelop_error_result: true,
          graphql_yoga_http_duration: true,
        },
      }),
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** Serves GET `/metrics` from the gateway's port (put it after the API key check). */
export function useMetricsEndpoint(metrics: Metrics): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_ENDPOINT) return;
      if (request.method !== 'GET') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET' } }));
        return;
      }
      const { contentType, body } = await metrics.scrape();
      endResponse(
        new fetchAPI.Response(body, {
          status: 200,
          headers: { 'content-type': contentType, 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
