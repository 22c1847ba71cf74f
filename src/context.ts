import { setMaxListeners } from 'node:events';
import { createLoaders, type LoaderOptions, type Loaders } from './loaders/index.ts';
import type { CollectionSizes } from './loaders/collection-sizes.ts';
import type { PageHandOver } from './core/hand-over.ts';
import type { GatewaySettings } from './config.ts';
import type { Logger } from './logger.ts';
import type { OfficeRnDClient } from './officernd/index.ts';

/** What every resolver sees. Long-lived parts are injected; request-lived parts are made per request. */
export interface Context {
  officernd: OfficeRnDClient;
  logger: Logger;
  /** Per-request loaders: nothing is fetched twice within one request. */
  loaders: Loaders;
  /** Cancelled when the caller goes away, so upstream work stops with it. */
  signal: AbortSignal;
  settings: GatewaySettings;
  /** The gateway's clock: "today" of relative date selections (injectable, so tests pin it). */
  now(): Date;
  /** Upstream pages left by this caller's previous GraphQL page for the one resuming at them (core/hand-over.ts). */
  handOver?: PageHandOver;
}

/** The long-lived parts, built once per gateway. */
export interface ContextDeps {
  officernd: OfficeRnDClient;
  logger: Logger;
  sizes: CollectionSizes;
  settings: GatewaySettings;
  /** Injectable clock; default `new Date()`. */
  clock?: () => Date;
  /** Tuning of the batching plans (tests pin them to exercise one path). */
  loaderOptions?: Pick<LoaderOptions, 'probeAfterIds' | 'perParentCallsWhenUnknown' | 'maxWalkItems' | 'onBatch'>;
  /** Puts an export's upstream calls (made with this signal) in its API key's budget lane (security/budget.ts). */
  shareExport?: (request: Request, signal: AbortSignal) => void;
  /** The hand-over of upstream pages between GraphQL pages, as the request's caller sees it (core/hand-over.ts). */
  handOver?: (request: Request) => PageHandOver;
  /** Told of every report export when it ends, with the rows written (metrics: src/ops/metrics.ts). */
  onExportEnd?: (report: string, format: string, rows: number, outcome: 'done' | 'failed' | 'cancelled') => void;
}

/**
 * Builds the per-request context. `signal` defaults to the request's; the gateway passes one that also ends with
 * the request's time budget (REQUEST_BUDGET_MS).
 */
export function createContext(deps: ContextDeps, request: Request, signal: AbortSignal = request.signal): Context {
  // One request fans out into many upstream calls, each listening for the caller going away: lift Node's
  // default cap of 10 listeners so that this expected fan-out does not print leak warnings.
  setMaxListeners(0, signal);
  return {
    officernd: deps.officernd,
    logger: deps.logger,
    signal,
    settings: deps.settings,
    now: deps.clock ?? (() => new Date()),
    ...(deps.handOver ? { handOver: deps.handOver(request) } : {}),
    loaders: createLoaders({
      ...deps.loaderOptions,
      officernd: deps.officernd,
      sizes: deps.sizes,
      logger: deps.logger,
      signal,
    }),
  };
}
