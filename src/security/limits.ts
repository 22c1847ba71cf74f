/**
 * Shape limits checked before anything runs: depth, aliases and tokens (GraphQL Armor), each rejected with a stable
 * code and the configured limit in the error, so a caller knows what to change.
 */

import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Most lexical tokens one document may have: bounds parsing work before any other check runs. */
export const MAX_TOKENS = 5_000;

export interface ShapeLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens?: number;
}

/** A rejected query: the armor message (it names the limit and what was found) with our code and the setting. */
function limitError(error: GraphQLError, code: string, setting: string, limit: number): GraphQLError {
  const message = error.message.replace(/^Syntax Error: /, '');
  return new GraphQLError(`${message} Set by ${setting}.`, {
    // `spec`: HTTP 400 under application/graphql-response+json, 200 under application/json, like other invalid documents.
    extensions: { code, limit, setting, http: { status: 400, spec: true } },
  });
}

const reportTo =
  (code: string, setting: string, limit: number) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(limitError(error, code, setting, limit));
  };

/** Depth, alias and token limits as Yoga plugins. */
export function shapeLimitPlugins(limits: ShapeLimits): Plugin[] {
  const maxTokens = limits.maxTokens ?? MAX_TOKENS;
  return [
    maxTokensPlugin({
      n: maxTokens,
      // The parser has no validation context to report to: throwing stops the parse with our error.
      onReject: [
        (_context, error) => {
          throw limitError(error, 'TOO_MANY_TOKENS', 'MAX_TOKENS', maxTokens);
        },
      ],
    }),
    maxDepthPlugin({
      n: limits.maxDepth,
      // Depth counts fields, not the fragments that hold them.
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportTo('QUERY_TOO_DEEP', 'MAX_DEPTH', limits.maxDepth)],
    }),
    maxAliasesPlugin({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [reportTo('TOO_MANY_ALIASES', 'MAX_ALIASES', limits.maxAliases)],
    }),
  ] as Plugin[];
}
