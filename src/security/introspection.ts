/**
 * Introspection off (INTROSPECTION=false, the NODE_ENV=production default): `__schema` and `__type` are refused
 * by graphql-js' own rule, and "Did you mean …" suggestions, which would leak field names, are hidden.
 */

import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Plugins that close the schema to discovery; none when introspection is allowed. */
export function introspectionPlugins(enabled: boolean): Plugin[] {
  if (enabled) return [];
  const refuseIntrospection: Plugin = {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
  return [refuseIntrospection, blockFieldSuggestionsPlugin({ mask: '' }) as Plugin];
}
