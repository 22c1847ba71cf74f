/**
 * Introspection off (INTROSPECTION=false, the NODE_ENV=production default): `__schema` and `__type` are refused
 * by graphql-js' own rule, and no answer carries a "Did you mean …" suggestion, which would reveal names of the
 * schema: not for fields (validation), nor for enum values and input fields, whether they come as literals
 * (validation) or in variables (coerced when the operation executes).
 */

import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js' suggestion sentences: ` Did you mean "a", "b", or "c"?`, ` Did you mean the enum value "X"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
const HAS_SUGGESTION = /Did you mean /;

/** The message without its suggestions. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && 'errors' in value;
}

/** Removes suggestions from every error of every result, whatever produced it. */
const hideSuggestions: Plugin = {
  onResultProcess({ result, setResult }) {
    if (!isExecutionResult(result) || !result.errors?.some((error) => HAS_SUGGESTION.test(error.message))) return;
    setResult({
      ...result,
      errors: result.errors.map((error) => {
        const message = withoutSuggestions(error.message);
        if (message === error.message || !(error instanceof GraphQLError)) return error;
        return new GraphQLError(message, {
          ...(error.nodes ? { nodes: error.nodes } : {}),
          ...(error.source ? { source: error.source } : {}),
          ...(error.positions ? { positions: error.positions } : {}),
          ...(error.path ? { path: error.path } : {}),
          ...(error.originalError ? { originalError: error.originalError } : {}),
          extensions: error.extensions,
        });
      }),
    });
  },
};

/** Plugins that close the schema to discovery; none when introspection is allowed. */
export function introspectionPlugins(enabled: boolean): Plugin[] {
  if (enabled) return [];
  const refuseIntrospection: Plugin = {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
  return [refuseIntrospection, blockFieldSuggestionsPlugin({ mask: '' }) as Plugin, hideSuggestions];
}
