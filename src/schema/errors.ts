import { GraphQLError } from 'graphql';
import { OfficeRnDError } from '../officernd/index.ts';

/** Error codes a client may see in `extensions.code`; anything else is masked as INTERNAL_SERVER_ERROR. */
export const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BAD_REQUEST',
  'UPSTREAM_AUTH',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
]);

/** A user-facing input error: the message says what to fix, `argument` names what was wrong. */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  });
}

const unwrap = (error: unknown): unknown =>
  error instanceof GraphQLError && error.originalError ? unwrap(error.originalError) : error;

/**
 * The one place errors are mapped for clients (STYLE.md pattern 7): upstream failures keep a stable code and a
 * message naming method, path and status (never a token or secret); expected GraphQL errors pass; the rest is masked.
 */
export function maskError(error: unknown, message: string): Error {
  const original = unwrap(error);
  const path = error instanceof GraphQLError ? error.path : undefined;
  const nodes = error instanceof GraphQLError ? error.nodes : undefined;
  if (original instanceof OfficeRnDError) {
    return new GraphQLError(original.message, {
      nodes,
      path,
      extensions: { code: original.code, ...(original.status ? { upstreamStatus: original.status } : {}) },
    });
  }
  if (original instanceof GraphQLError) {
    const code = original.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      return error instanceof GraphQLError && error !== original
        ? new GraphQLError(original.message, { nodes, path, extensions: original.extensions })
        : original;
    }
  }
  if (error instanceof GraphQLError && !error.originalError) {
    // Parse and validation errors are the caller's: show them.
    return error;
  }
  return new GraphQLError(message, { nodes, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
