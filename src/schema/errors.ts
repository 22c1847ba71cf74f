import { GraphQLError } from 'graphql';
import { publicFailure } from '../core/failure.ts';

/** Error codes a client may see in `extensions.code`; anything else is masked as INTERNAL_SERVER_ERROR. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BAD_REQUEST',
  'UPSTREAM_AUTH_FAILED',
  'UPSTREAM_AUTH_UNAVAILABLE',
  'UPSTREAM_RESPONSE_TOO_LARGE',
  'UPSTREAM_BUDGET_EXCEEDED',
  'UPSTREAM_INVALID_DATA',
  'RESULT_TOO_LARGE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'REQUEST_ENTITY_TOO_LARGE',
  'UNAUTHENTICATED',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'QUERY_TOO_COSTLY',
  'CANCELLED',
  // Persisted operations (src/persisted): Apollo's PersistedQueryLink reads the first two.
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_MISMATCH',
  'TRUSTED_DOCUMENT_REQUIRED',
]);

/** A user-facing input error: the message says what to fix, `argument` names what was wrong. */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const unwrap = (error: unknown): unknown =>
  error instanceof GraphQLError && error.originalError ? unwrap(error.originalError) : error;

/** Where an error points: the outer error's position in the document and result, else the original's. */
const where = (error: unknown, original: GraphQLError) => {
  const outer = error instanceof GraphQLError ? error : original;
  return {
    nodes: outer.nodes ?? original.nodes,
    source: outer.source ?? original.source,
    positions: outer.positions ?? original.positions,
    path: outer.path ?? original.path,
  };
};

/**
 * An error graphql-js raises while preparing execution: no result path and no code, and either its own (no
 * original error) or about a place in the document (variable coercion wraps the scalar's complaint).
 */
const isRequestError = (error: unknown): error is GraphQLError =>
  error instanceof GraphQLError &&
  error.path === undefined &&
  error.extensions?.code === undefined &&
  (error.originalError === undefined || Boolean(error.nodes?.length));

/**
 * The one place errors are mapped for clients (STYLE.md pattern 7): upstream failures keep a stable code and a
 * message naming method, path and status (never a token or secret); expected GraphQL errors pass; the rest is masked.
 */
export function maskError(error: unknown, message: string): Error {
  const original = unwrap(error);
  const path = error instanceof GraphQLError ? error.path : undefined;
  const nodes = error instanceof GraphQLError ? error.nodes : undefined;
  // Failures with a public meaning (core/failure.ts, shared with the exports): code and message to show.
  const known = original instanceof GraphQLError ? null : publicFailure(original);
  if (known) {
    const extensions = {
      code: known.code,
      ...(known.upstreamStatus ? { upstreamStatus: known.upstreamStatus } : {}),
      // When a request over its upstream share may come back (seconds, as Retry-After).
      ...(known.code === 'UPSTREAM_BUDGET_EXCEEDED' && known.headers['retry-after']
        ? { retryAfter: Number(known.headers['retry-after']) }
        : {}),
    };
    return new GraphQLError(known.message, { nodes, path, extensions });
  }
  if (original instanceof GraphQLError) {
    const code = original.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      // Yoga echoes a JSON parser's message as `originalError`: internals, not for the caller. Yoga also reads its
      // presence as "not a GraphQL answer" (HTTP 400 rather than 200), so that status is kept explicitly.
      const { originalError: internal, ...extensions } = original.extensions;
      // graphql-js' located error already carries the original's message and extensions: pass it as it is.
      if (internal === undefined && error instanceof GraphQLError && error.message === original.message) return error;
      if (internal !== undefined && isRecord(extensions.http)) extensions.http = { ...extensions.http, spec: false };
      return new GraphQLError(original.message, { ...where(error, original), extensions });
    }
  }
  if (isRequestError(error)) {
    // Raised before execution (variable values that do not fit their type, an unknown operation name, a mutation
    // on this read-only schema): the caller's request is what is wrong. A request error is HTTP 400 under
    // application/graphql-response+json, like an invalid document.
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400, spec: true } },
    });
  }
  return new GraphQLError(message, { nodes, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
