/**
 * Identical concurrent queries share one execution (issue 14): a query arriving while the same one (same document,
 * operation name and variables, from the same API key, or both without one) is running waits for that execution
 * and gets its result, errors included, instead of spending the OfficeRnD budget a second time. Queries only: a
 * mutation or subscription always runs on its own. The shared answer says so in `extensions.sharedExecution`; its
 * own upstream calls (`extensions.upstreamCalls`) stay its own: none.
 */

import { getOperationAST, print, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface SharedExecutionOptions {
  /** Whose answers may be shared: the lane of the request's API key ('' without keys). */
  keyOf: (request: Request) => string;
  /** The gateway's error masking (what Yoga applies to every answer's errors). */
  maskError: (error: GraphQLError) => GraphQLError;
}

/** A JSON text of a value with object keys in order, so that `{a, b}` and `{b, a}` are the same variables. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const isAsyncIterable = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/** The execution of one query that later identical ones wait for: null when it has no answer to share. */
type Running = Promise<ExecutionResult | null>;

/** Shares the execution of identical concurrent queries, as one Yoga plugin (before the caches and admission). */
export function useSharedExecution(options: SharedExecutionOptions): Plugin {
  const running = new Map<string, Running>();
  /** The executions a request leads that have not shared their answer yet, by context (see onResponse). */
  const leading = new WeakMap<Request, Map<object, (result: ExecutionResult | null) => void>>();
  // The text of a parsed document: Yoga's parser cache hands back the same object for the same text.
  const texts = new WeakMap<DocumentNode, string>();
  const textOf = (document: DocumentNode): string => {
    let text = texts.get(document);
    if (text === undefined) texts.set(document, (text = document.loc?.source.body ?? print(document)));
    return text;
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request } | undefined)?.request;
      if (!request || getOperationAST(args.document, args.operationName)?.operation !== 'query') return undefined;
      const key = canonical([
        options.keyOf(request),
        args.operationName ?? null,
        args.variableValues ?? null,
        textOf(args.document),
      ]);
      const leader = running.get(key);
      if (leader) {
        const result = await leader;
        // The first one had nothing to share (its caller left, it failed, or it streams): this one runs on its own.
        // Masked here: Yoga masks errors in an execution hook after this one, which a shared answer skips.
        if (result)
          setResultAndStopExecution({
            ...result,
            ...(result.errors ? { errors: result.errors.map((e) => options.maskError(e)) } : {}),
            extensions: { ...result.extensions, sharedExecution: true },
          });
        return undefined;
      }
      let settle: (result: ExecutionResult | null) => void = () => undefined;
      const execution: Running = new Promise((resolve) => {
        settle = resolve;
      });
      running.set(key, execution);
      const finish = (result: ExecutionResult | null): void => {
        if (running.get(key) !== execution) return;
        running.delete(key);
        request.signal.removeEventListener('abort', left);
        leading.get(request)?.delete(args.contextValue as object);
        settle(result);
      };
      // A caller that leaves ends its execution with cancellations: those waiting run theirs at once instead.
      const left = () => finish(null);
      request.signal.addEventListener('abort', left, { once: true });
      let mine = leading.get(request);
      if (!mine) leading.set(request, (mine = new Map()));
      mine.set(args.contextValue as object, finish);
      return {
        onExecuteDone({ result }) {
          // A caller that left has cancellations to share, and a stream no one answer.
          if (request.signal.aborted || isAsyncIterable(result)) return finish(null);
          const answer = result as ExecutionResult;
          // A copy: the hooks after this one may extend the first answer's extensions for its own request.
          finish({ ...answer, ...(answer.extensions ? { extensions: { ...answer.extensions } } : {}) });
        },
      };
    },
    // An execution that threw (no onExecuteDone) has nothing to share: those waiting run theirs.
    onResponse({ request }) {
      for (const [, end] of leading.get(request) ?? []) end(null);
    },
  };
}
