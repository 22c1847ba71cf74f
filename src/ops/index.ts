/**
 * Operating the gateway (issue 16): request ids, one log line per operation and per failed upstream call, metrics,
 * traces, readiness. `createOps` is built once, before the client, because the client reports its upstream calls
 * to it (`observeUpstream`); the gateway wires its plugins.
 */

import type { Logger } from '../logger.ts';
import type { UpstreamEvent } from '../officernd/index.ts';
import type { Metrics } from './metrics.ts';
import type { Finished, OperationListener } from './operations.ts';
import type { Tracing } from './tracing.ts';
import { createRequestTracker, type RequestState, type RequestTracker } from './requests.ts';

export { REQUEST_ID_HEADER, requestIdFrom } from './requests.ts';
export { useOperations, type OperationListener } from './operations.ts';
export { negotiateEncoding, useCompression } from './compression.ts';
export { createMetrics, METRICS_ENDPOINT, useMetricsEndpoint, type Metrics } from './metrics.ts';
export { createTracing, type Tracing, type TracingOptions } from './tracing.ts';
export { createReadiness, READY_ENDPOINT, useReadiness, type Readiness } from './readiness.ts';

/** Something told of every upstream call, with the request it was made for (when it is known). */
export type UpstreamListener = (event: UpstreamEvent, state: RequestState | undefined) => void;

export interface Ops {
  tracker: RequestTracker;
  /** The client's `observe` option. */
  observeUpstream(event: UpstreamEvent): void;
  /** Follows requests (log line, metrics, traces); the gateway gives them to `useOperations`. */
  listeners: OperationListener[];
  /** Adds a listener of upstream calls (metrics, traces). */
  onUpstream(listener: UpstreamListener): void;
  metrics?: Metrics;
}

export interface OpsOptions {
  logger: Logger;
  /** Prometheus metrics (`createMetrics()`); none by default. */
  metrics?: Metrics;
  /** OpenTelemetry traces (`await createTracing()`); none by default. */
  tracing?: Tracing;
}

/** The operating parts of one gateway process. */
export function createOps(options: OpsOptions): Ops {
  const tracker = createRequestTracker();
  const upstream: UpstreamListener[] = [logFailedCall(options.logger)];
  const listeners: OperationListener[] = [operationLog(options.logger)];
  if (options.metrics) {
    upstream.push(options.metrics.upstream);
    listeners.push(options.metrics.listener);
  }
  if (options.tracing) {
    upstream.push(options.tracing.upstream);
    listeners.push(options.tracing.listener);
  }
  return {
    tracker,
    observeUpstream(event) {
      const state = event.type === 'hold' ? undefined : tracker.bySignal(event.signal);
      if (state) {
        if (event.type === 'call') {
          state.upstream.calls++;
          if (event.code !== undefined || (event.status ?? 0) >= 400) state.upstream.failed++;
        } else if (event.type === 'retry') {
          state.upstream.retries++;
        }
      }
      for (const listener of upstream) {
        try {
          listener(event, state);
        } catch (error) {
          options.logger.error('upstream listener failed', { error });
        }
      }
    },
    listeners,
    onUpstream(listener) {
      upstream.push(listener);
    },
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
}

/**
 * One line per failed upstream call, with the request it was made for and, when the client sends it again, which retry
 * that is and in how many ms (`retry`, `retryInMs`): the client then writes no warning of its own.
 */
function logFailedCall(logger: Logger): UpstreamListener {
  return (event, state) => {
    if (event.type !== 'call' || (event.code === undefined && (event.status ?? 0) < 400)) return;
    // A call the caller gave up on is not a failure of OfficeRnD.
    if (event.code === 'CANCELLED') return;
    logger.warn('upstream call failed', {
      requestId: state?.id,
      method: event.method,
      path: event.path,
      status: event.status,
      code: event.code,
      durationMs: Math.round(event.durationMs),
      retry: event.retry,
      retryInMs: event.retryInMs === undefined ? undefined : Math.round(event.retryInMs),
    });
  };
}

/**
 * One line per GraphQL request (a batch names its operations) and per export (when its answer starts: the header
 * after the first page, or its error): info when it succeeded, warn for caller mistakes and partial answers, error
 * when nothing could be answered.
 */
function operationLog(logger: Logger): OperationListener {
  return {
    finished({ state, outcome, status, durationMs }: Finished) {
      // Health, readiness and metrics probes come every few seconds: only a refused one is worth a line.
      if (state.kind === 'other' && outcome !== 'rejected') return;
      // Refused by the per-caller rate limit (security/rate-limit.ts), which writes one line per caller and window
      // itself: a client spinning on refusals cannot fill the log.
      if (state.errorCodes.includes('RATE_LIMITED')) return;
      // Refused by a limit after parsing (admission by cost: security/budget.ts), which writes one warning per
      // caller and minute too: the request's own line, with its id, is there at debug.
      const level =
        state.refused !== undefined ? 'debug' : outcome === 'success' ? 'info' : outcome === 'error' ? 'error' : 'warn';
      const meta = {
        requestId: state.id,
        operation: state.kind === 'graphql' ? state.operations.join(',') || undefined : undefined,
        operationType: state.operationType,
        durationMs: Math.round(durationMs * 10) / 10,
        // An export's calls are made while its body streams, after this line: its rows are in the metrics.
        upstreamCalls: state.kind === 'graphql' ? state.upstream.calls : undefined,
        upstreamFailed: state.upstream.failed || undefined,
        upstreamRetries: state.upstream.retries || undefined,
        cost: state.kind === 'graphql' ? state.cost : undefined,
        outcome,
        status,
        errors: state.errorCodes.length > 0 ? [...new Set(state.errorCodes)] : undefined,
        error: outcome === 'success' ? undefined : state.firstError?.slice(0, 300),
      };
      logger[level](
        state.kind === 'export' ? 'report export' : state.kind === 'graphql' ? 'graphql operation' : 'request',
        meta,
      );
    },
  };
}
