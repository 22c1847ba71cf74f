/**
 * The flat report exports over HTTP: `GET /reports/{report}.{csv|ndjson|json}` (and `GET /reports`, the catalogue),
 * served by a Yoga plugin ahead of GraphQL. Every parameter is checked before any upstream call (400 with
 * `{ error: { code, message, parameter } }`); the first upstream page is read before answering, so a failure at the
 * start is a proper error status. The header goes out as soon as that page has arrived (before its joins load);
 * after that rows stream page by page under backpressure (a pull stream holding at most one page, with the next
 * upstream page read while this one is joined and written), and a failure mid-stream (a join of the first page
 * included) writes the format's error marker and aborts the transfer.
 */

import type { Plugin } from 'graphql-yoga';
import { createContext, type ContextDeps } from '../context.ts';
import type { Logger } from '../logger.ts';
import { INTERNAL_FAILURE, publicFailure } from '../core/failure.ts';
import { ReportInputError } from './errors.ts';
import { parseExportQuery } from './query.ts';
import { REPORT_NAMES, REPORTS, isReportName } from './registry.ts';
import { GROUP_BY_PARAMETER, groupedTable, parseGroupBy } from './group-by.ts';
import type { Cell } from './paths.ts';
import {
  joinPage,
  normaliseDateField,
  prepareReport,
  sourcePages,
  type PreparedReport,
  type ReportEnv,
  type ReportRequest,
  type SourcePage,
} from './run.ts';
import { catalogue } from './catalogue.ts';
import {
  REPORT_FORMATS,
  createTableWriter,
  writerOptions,
  type ReportFormat,
  type TableWriter,
  type WriterOptions,
} from './writers.ts';

export const REPORTS_PATH = '/reports';

const EXPORT_PATH = /^\/reports\/([^/]+)\.([A-Za-z0-9]+)$/;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(`${JSON.stringify(body)}\n`, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code, message, ...extra },
});

/** What the server under the handler can do that a Response cannot express. */
interface ExportTransport {
  /**
   * Ends the connection after what was written so far, without the end of the chunked body, so the client sees a
   * truncated transfer (not a complete file) after an upstream failure. Without it the body stream errors instead.
   */
  truncate?(): void;
}

/** Answers report requests; null for any other path (GraphQL and the rest go on). */
function createReportsHandler(
  deps: ContextDeps,
): (request: Request, transport?: ExportTransport, parsed?: URL) => Promise<Response | null> {
  return async (request, transport = {}, parsed) => {
    const url = parsed ?? new URL(request.url);
    const { pathname } = url;
    if (pathname !== REPORTS_PATH && !pathname.startsWith(`${REPORTS_PATH}/`)) return null;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return json(405, errorBody('METHOD_NOT_ALLOWED', `Reports are read with GET, not ${request.method}`), {
        allow: 'GET, HEAD',
      });
    }
    if (pathname === REPORTS_PATH || pathname === `${REPORTS_PATH}/`) return json(200, catalogue());
    const match = EXPORT_PATH.exec(pathname);
    const name = match?.[1];
    if (!match || name === undefined || !isReportName(name)) {
      return json(
        404,
        errorBody(
          'NOT_FOUND',
          `No report at ${pathname}: use /reports/{report}.{csv|ndjson|json} with one of the listed reports`,
          {
            reports: REPORT_NAMES,
            formats: REPORT_FORMATS,
          },
        ),
      );
    }
    const format = match[2]?.toLowerCase() as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) {
      return json(
        404,
        errorBody('NOT_FOUND', `Unknown format ".${match[2]}": use .csv, .ndjson or .json`, {
          formats: REPORT_FORMATS,
        }),
      );
    }
    return exportReport(deps, request, url, name, format, transport);
  };
}

/** The Yoga plugin that serves `/reports`; put it after the access plugins so exports need a key too. */
export function useReportExports(deps: ContextDeps): Plugin {
  const handle = createReportsHandler(deps);
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      // Yoga has parsed the URL already: every GraphQL request passes through here.
      if (url.pathname !== REPORTS_PATH && !url.pathname.startsWith(`${REPORTS_PATH}/`)) return;
      const response = await handle(request, nodeTransport(serverContext), url);
      if (response) endResponse(response);
    },
  };
}

/** On Node's HTTP server, `destroySoon` flushes what was written, then closes the socket mid-body. */
function nodeTransport(serverContext: unknown): ExportTransport {
  const res = (serverContext as { res?: { socket?: { destroySoon?: () => void } | null } } | null)?.res;
  const socket = res?.socket;
  return typeof socket?.destroySoon === 'function' ? { truncate: () => socket.destroySoon?.() } : {};
}

async function exportReport(
  deps: ContextDeps,
  request: Request,
  url: URL,
  name: (typeof REPORT_NAMES)[number],
  format: ReportFormat,
  transport: ExportTransport,
): Promise<Response> {
  // Stops upstream work — pages and the joins' loaders alike — when the caller goes away or stops reading.
  const stop = new AbortController();
  const signal = AbortSignal.any([request.signal, stop.signal]);
  // In the API key's lane of the upstream budget, like its GraphQL requests.
  deps.shareExport?.(request, signal);
  const ctx = createContext(deps, request, signal);
  let prepared;
  let limit: number | null;
  const written = writerOptions(format, url.searchParams);
  if ('error' in written) {
    return json(400, errorBody(written.error.code, written.error.message, { parameter: written.error.parameter }));
  }
  // `?groupBy=`: the aggregate table instead of the rows (group-by.ts).
  let groupBy: string[] | null;
  let asked: Omit<ReportRequest, 'report'>;
  try {
    groupBy = parseGroupBy(REPORTS[name], written.rest);
    const rest = new URLSearchParams(written.rest);
    rest.delete(GROUP_BY_PARAMETER);
    const parsed = parseExportQuery(REPORTS[name], rest);
    limit = parsed.limit;
    asked = parsed.request;
    prepared = prepareReport({ ...parsed.request, report: name }, ctx.settings.dates, ctx.now());
  } catch (error) {
    if (error instanceof ReportInputError) {
      return json(400, errorBody(error.code, error.message, { parameter: error.parameter, ...error.details }));
    }
    throw error;
  }
  // HEAD: the parameters are checked and the headers of the export given, without reading OfficeRnD.
  if (request.method === 'HEAD')
    return new Response(null, {
      status: 200,
      headers: exportHeaders(name, format, createTableWriter(format, prepared.plan.columns).contentType),
    });
  // An export is a long read without a per-request call cap: it waits for the bookings' reach to bound its window,
  // and reads a large window (and a joined collection it walks) in sub-windows, as many at once as calls may be.
  const env: ReportEnv = {
    officernd: ctx.officernd,
    loaders: ctx.loaders,
    signal: ctx.signal,
    reach: 'wait',
    parallel: ctx.settings.upstream.maxConcurrency,
  };
  if (groupBy) {
    const time = {
      dateField: asked.dateField ? normaliseDateField(asked.dateField) : null,
      timeZone: asked.dates?.timeZone ?? ctx.settings.dates.timeZone,
      weekStartsOn: asked.dates?.weekStartsOn ?? ctx.settings.dates.weekStartsOn,
    };
    return groupedExport(deps, name, format, written.options, () => groupedTable(prepared, env, groupBy, time), stop);
  }
  const pages = sourcePages(prepared, env, { take: limit });
  let first: IteratorResult<SourcePage>;
  try {
    first = await pages.next();
  } catch (error) {
    return failedBeforeRows(deps, name, format, stop, error);
  }
  const writer = createTableWriter(format, prepared.plan.columns, written.options);
  // Caller gone: finish the page walk now rather than leave it suspended.
  env.signal.addEventListener('abort', () => void pages.return(undefined).catch(() => undefined), { once: true });
  const body = rowStream({
    prepared,
    env,
    pages,
    first,
    writer,
    stop,
    transport,
    onFailure: (code, message, rows) => {
      logFailure(deps.logger, name, code, message, rows);
      deps.onExportEnd?.(name, format, rows, code === 'CANCELLED' ? 'cancelled' : 'failed');
    },
    onInvalid: (count, cells) =>
      deps.logger.warn('report export left cells empty: unreadable upstream values', {
        report: name,
        code: 'UPSTREAM_INVALID_DATA',
        count,
        cells,
      }),
    onDone: (rows) => {
      deps.logger.debug('report export done', { report: name, format, rowsWritten: rows });
      deps.onExportEnd?.(name, format, rows, 'done');
    },
  });
  return new Response(body, { status: 200, headers: exportHeaders(name, format, writer.contentType) });
}

/**
 * A grouped export: the whole table is worked out before answering (every row must be read for any group to be
 * right), so a failure is a proper error status, never a cut table.
 */
async function groupedExport(
  deps: ContextDeps,
  name: string,
  format: ReportFormat,
  options: WriterOptions,
  table: () => Promise<{ columns: string[]; rows: Cell[][] }>,
  stop: AbortController,
): Promise<Response> {
  let result: { columns: string[]; rows: Cell[][] };
  try {
    result = await table();
  } catch (error) {
    return failedBeforeRows(deps, name, format, stop, error);
  }
  const writer = createTableWriter(format, result.columns, options);
  deps.onExportEnd?.(name, format, result.rows.length, 'done');
  return new Response(writer.start() + writer.rows(result.rows) + writer.end(), {
    status: 200,
    headers: exportHeaders(name, format, writer.contentType),
  });
}

/** An export that failed before its first row: upstream work stopped, the failure logged, an error status sent. */
function failedBeforeRows(
  deps: ContextDeps,
  name: string,
  format: ReportFormat,
  stop: AbortController,
  error: unknown,
): Response {
  stop.abort();
  const failure = publicFailure(error) ?? INTERNAL_FAILURE;
  logFailure(deps.logger, name, failure.code, failure.message, 0);
  deps.onExportEnd?.(name, format, 0, failure.code === 'CANCELLED' ? 'cancelled' : 'failed');
  return json(failure.status, errorBody(failure.code, failure.message), failure.headers);
}

function exportHeaders(name: string, format: ReportFormat, contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${name}.${format}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

function logFailure(logger: Logger, report: string, code: string, message: string, rows: number): void {
  if (code === 'CANCELLED') logger.debug('report export cancelled by the caller', { report, rowsWritten: rows });
  else logger.warn('report export failed', { report, code, message, rowsWritten: rows });
}

interface RowStreamOptions {
  prepared: PreparedReport;
  env: ReportEnv;
  pages: AsyncGenerator<SourcePage, void, undefined>;
  first: IteratorResult<SourcePage>;
  writer: TableWriter;
  stop: AbortController;
  transport: ExportTransport;
  onFailure(code: string, message: string, rowsWritten: number): void;
  onInvalid(count: number, cells: readonly unknown[]): void;
  onDone(rowsWritten: number): void;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A pull stream over the pages: the header as soon as the first page is in, then one page's rows per chunk (the
 * high-water mark is one chunk), so memory stays flat and a slow reader slows upstream reading down. While a page
 * is joined and written the next upstream page is already being read, and no further: at most one page ahead.
 */
function rowStream(options: RowStreamOptions): ReadableStream<Uint8Array> {
  // Nothing below keeps `options`: it holds the first page, which is released once written.
  const { prepared, env, pages, writer, stop, transport, onFailure, onInvalid, onDone } = options;
  const encoder = new TextEncoder();
  const empty = options.first.done === true;
  /** The page to write next: the first one at the start, then the one read ahead. */
  let ahead: Promise<IteratorResult<SourcePage>> | null = Promise.resolve(options.first);
  let started = false;
  let written = 0;
  let failure: unknown = null;

  /** Starts reading the next upstream page; its failure is seen when it is awaited (or dropped after a stop). */
  const readAhead = (): Promise<IteratorResult<SourcePage>> => {
    const next = pages.next();
    next.catch(() => undefined);
    return next;
  };

  const finish = (controller: ReadableStreamDefaultController<Uint8Array>, text: string): void => {
    // Cells left empty for unreadable upstream values are named after the last row (writers.ts).
    const invalid = prepared.plan.invalid();
    controller.enqueue(encoder.encode(text + writer.end(invalid)));
    controller.close();
    if (invalid) onInvalid(invalid.count, invalid.cells);
    onDone(written);
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // The marker was read: now end the transfer without its terminator, so the client sees it is cut short.
        if (failure !== null) {
          if (!transport.truncate) return controller.error(failure);
          transport.truncate();
          return controller.close();
        }
        let text = '';
        if (!started) {
          started = true;
          text = writer.start();
          // The status is settled by the first page: the header goes out now, not after that page's joins.
          if (empty) return finish(controller, text);
          if (text !== '') return controller.enqueue(encoder.encode(text));
        }
        try {
          for (;;) {
            const result: IteratorResult<SourcePage> = await (ahead ?? readAhead());
            ahead = null;
            if (result.done) return finish(controller, text);
            // Read the next page while this one is joined and written (one page ahead, no more).
            if (result.value.next !== null) {
              ahead = readAhead();
              // Two turns of the event loop, so that request is on the wire before this page is joined: the join
              // runs as one long chain of microtasks, and the request (generators, limiter, token, undici's
              // dispatch) took the turns after it, so upstream and gateway worked by turns, not at once.
              await nextTurn();
              await nextTurn();
            }
            const page = await joinPage(prepared, result.value, env);
            written += page.rows.length;
            text += writer.rows(page.rows);
            // A page whose rows were all dropped by the date check writes nothing: read on.
            if (text !== '') return controller.enqueue(encoder.encode(text));
          }
        } catch (error) {
          ahead = null;
          if (stop.signal.aborted) return controller.error(error);
          const described = publicFailure(error) ?? INTERNAL_FAILURE;
          onFailure(described.code, described.message, written);
          failure = error;
          stop.abort();
          controller.enqueue(encoder.encode(text + writer.fail(described)));
        }
      },
      cancel(reason) {
        ahead = null;
        stop.abort(reason);
        // The generator finishes as soon as its pending request sees the abort.
        pages.return(undefined).catch(() => undefined);
      },
    },
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );
}
