/**
 * Follows every request through Yoga's hooks: gives it an id (echoed as `x-request-id` and in every error's
 * `extensions.requestId`), records its operations, cost, upstream calls and outcome, and tells the listeners (the
 * log line, metrics, traces) when it starts and ends.
 */

import { getOperationAST, GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { outcomeOf, REQUEST_ID_HEADER, type Outcome, type RequestState, type RequestTracker } from './requests.ts';

export interface Finished {
  state: RequestState;
  outcome: Outcome;
  status: number;
  durationMs: number;
}

/** Something that follows requests: the operation log, metrics, tracing. */
export interface OperationListener {
  started?(state: RequestState, request: Request): void;
  executing?(state: RequestState, args: ExecutionArgs): void;
  finished?(finished: Finished): void;
}

export interface OperationsOptions {
  tracker: RequestTracker;
  graphqlEndpoint: string;
  /** Path prefix of the report exports. */
  exportsPrefix: string;
  listeners: readonly OperationListener[];
  /**
   * The query cost of an operation (MAX_COST's measure) as the cost limit decided it for this request, by the
   * operation's context; read once the operation has run or was refused, so it is the cost of this request, with
   * the sizes known then (not one remembered from an earlier request of the same document).
   */
  costOf?: (context: object) => number | undefined;
}

/** Adds the request id to an error's extensions, keeping everything else (status, path, original error). */
function withRequestId(error: GraphQLError, requestId: string): GraphQLError {
  if (error.extensions?.requestId === requestId) return error;
  return new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.originalError ? { originalError: error.originalError } : {}),
    extensions: { ...error.extensions, requestId },
  });
}

/**
 * Codes of answers refused before execution by a gateway limit, by the limit's name (RequestState.refused). Such an
 * answer has no `data` at all (GraphQL: an error raised before execution leaves it out); the same code in an answer
 * that ran (`data`, even null) is a failure met while running, e.g. a deadline that came while calls waited.
 */
const REFUSED_BEFORE_EXECUTION: Readonly<Record<string, string>> = { UPSTREAM_BUDGET_EXCEEDED: 'admission' };

/** The limit that refused this answer before execution, or undefined (see REFUSED_BEFORE_EXECUTION). */
function refusedBy(result: ExecutionResult): string | undefined {
  if ('data' in result || !result.errors?.length) return undefined;
  const limits = new Set(result.errors.map((error) => REFUSED_BEFORE_EXECUTION[String(error.extensions?.code)]));
  const [limit] = limits;
  return limits.size === 1 ? limit : undefined;
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}

/** Request ids, operation facts and the listeners' start and end events, as one Yoga plugin. */
export function useOperations(options: OperationsOptions): Plugin {
  const { tracker, listeners } = options;
  const kindOf = (path: string): RequestState['kind'] =>
    path === options.graphqlEndpoint ? 'graphql' : path.startsWith(options.exportsPrefix) ? 'export' : 'other';
  return {
    onRequest({ request, url }) {
      const state = tracker.start(request, kindOf(url.pathname));
      for (const listener of listeners) listener.started?.(state, request);
    },
    onExecute({ args }) {
      const context = args.contextValue as { request?: Request; signal?: AbortSignal };
      const state = context.request ? tracker.get(context.request) : undefined;
      if (!state) return;
      if (context.signal) tracker.bind(context.signal, state);
      const operation = getOperationAST(args.document, args.operationName);
      state.operations.push(operation?.name?.value ?? args.operationName ?? 'anonymous');
      state.operationType ??= operation?.operation;
      for (const listener of listeners) listener.executing?.(state, args);
      const { costOf } = options;
      if (!costOf) return undefined;
      return {
        onExecuteDone() {
          state.cost += costOf(context) ?? 0;
        },
      };
    },
    onResultProcess({ request, result, setResult }) {
      const state = tracker.get(request);
      if (!state || !isExecutionResult(result)) return;
      state.processed = true;
      // `partial`: some of the answer arrived (a root field that is not null); a failing list alone is `error`.
      if (result.data && Object.values(result.data).some((value) => value !== null)) state.hasData = true;
      if (!result.errors?.length) return;
      state.refused ??= refusedBy(result);
      for (const error of result.errors)
        state.errorCodes.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
      state.firstError ??= result.errors[0]?.message;
      setResult({
        ...result,
        errors: result.errors.map((error) => (error instanceof GraphQLError ? withRequestId(error, state.id) : error)),
      });
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const state = tracker.get(request);
      if (!state) return;
      let answer = response;
      // Answers made before GraphQL ran (a refused API key, a refused body, an export's bad parameter) are small
      // JSON documents: their errors get the request id too.
      if (!state.processed && response.status >= 400 && (response.headers.get('content-type') ?? '').includes('json')) {
        const tagged = await tagErrorBody(response, state, fetchAPI.Response);
        if (tagged) {
          setResponse(tagged);
          answer = tagged;
        }
      }
      answer.headers.set(REQUEST_ID_HEADER, state.id);
      const finished: Finished = {
        state,
        outcome: outcomeOf(state, answer.status),
        status: answer.status,
        durationMs: performance.now() - state.startedAt,
      };
      for (const listener of listeners) listener.finished?.(finished);
    },
  };
}

/** The JSON error answer with `requestId` in each error; records the codes; null when it is not such a document. */
async function tagErrorBody(
  response: Response,
  state: RequestState,
  ResponseClass: typeof Response,
): Promise<Response | null> {
  let body: { errors?: { extensions?: Record<string, unknown> }[]; error?: Record<string, unknown> };
  try {
    body = JSON.parse(await response.clone().text()) as typeof body;
  } catch {
    return null;
  }
  if (Array.isArray(body.errors)) {
    state.firstError ??= String((body.errors[0] as { message?: unknown } | undefined)?.message ?? '');
    for (const error of body.errors) {
      error.extensions = { ...error.extensions, requestId: state.id };
      state.errorCodes.push(String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR'));
    }
  } else if (body.error && typeof body.error === 'object') {
    body.error.requestId = state.id;
    state.firstError ??= String(body.error.message ?? '');
    state.errorCodes.push(String(body.error.code ?? 'INTERNAL_SERVER_ERROR'));
  } else {
    return null;
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new ResponseClass(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers });
}
