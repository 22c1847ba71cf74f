/**
 * Query cost = the OfficeRnD calls a query can cause, worst case, before anything runs (MAX_COST):
 * - a list field with `first` costs its upstream pages (`first` / 100, §3) and multiplies what its items select
 *   by `first` (the default when left out, at most the maximum `first`);
 * - a link to a report object costs one call per parent (a by-id GET, §8), except catalogue types (offices,
 *   floors, plans, rates, resource types), which are read once per request whatever the number of links;
 * - a list of links without `first` counts `listSize` items per parent; scalars and value objects cost nothing;
 * - a root list that selects `totalCount` or takes `orderBy` reads its whole match set: up to the scan cap
 *   (MAX_WALK_ITEMS / 100 pages).
 * Variables are read, so `first: $n` costs what `$n` asks for.
 */

import {
  GraphQLError,
  type GraphQLNamedType,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromAST,
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLArgument,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { COLLECTIONS, V1_PAGE_LIMIT, type ListCollection } from '../officernd/collections.ts';
import { MAX_CREDIT_MONTHS, MAX_WALK_ITEMS, scanPagesFor } from '../core/limits.ts';

/** Pages of a whole match set at most (the scan cap): what `totalCount` may read. */
const MATCH_SET_PAGES = Math.ceil(MAX_WALK_ITEMS / V1_PAGE_LIMIT);

/**
 * The OfficeRnD collection behind a GraphQL type, from the type's own metadata (`extensions.collection`, set where
 * the type is implemented): reaching one through a link costs an upstream call. Undefined for types that are not
 * backed by a collection; null for one reached only through its own list (occurrences) or per owner and month
 * (credit stats, §6.6).
 */
function collectionOf(type: GraphQLNamedType): ListCollection | null | undefined {
  const extensions = type.extensions as { collection?: ListCollection | null };
  return 'collection' in extensions ? extensions.collection : undefined;
}

export interface CostModel {
  /** `first` of a list field that leaves it out. */
  defaultFirst: number;
  /** Largest `first` a list field accepts (a larger one is refused by the field itself). */
  maxFirst: number;
  /** Items assumed in a list field without `first` (reference lists such as `attendees`). */
  listSize: number;
}

type Variables = Readonly<Record<string, unknown>> | null | undefined;

const isConnectionPart = (type: GraphQLCompositeType): boolean => /(Connection|Edge)$/.test(type.name);

const clamp = (n: number, max: number): number => Math.min(Math.max(0, Math.floor(n)), max);

/** Worst-case upstream calls of one operation of `document`. */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
  model: CostModel,
): number {
  return measureCost(schema, document, operationName, variables, model).cost;
}

/** The cost, and whether it read a variable (then it holds for these variables only). */
function measureCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
  model: CostModel,
): { cost: number; readsVariables: boolean } {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  const root = operation?.operation === 'query' ? schema.getQueryType() : null;
  if (!operation || !root) return { cost: 0, readsVariables: false };
  let readsVariables = false;

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const defaults = new Map(operation.variableDefinitions?.map((v) => [v.variable.name.value, v]) ?? []);
  const catalogues = new Set<string>();
  // Each fragment is costed once per list size: a fragment spread many times costs no extra work here.
  const fragmentCosts = new Map<string, number>();

  /** The `first` a list field will use: literal, variable (or its default), the argument's default, else ours. */
  const firstOf = (definition: GraphQLArgument, args: readonly ArgumentNode[]): number => {
    const given = args.find((a) => a.name.value === 'first')?.value;
    let value: unknown;
    if (given?.kind === Kind.VARIABLE) {
      readsVariables = true;
      const name = given.name.value;
      const fallback = defaults.get(name)?.defaultValue;
      value = variables?.[name] ?? (fallback ? valueFromAST(fallback, definition.type) : undefined);
    } else if (given) {
      value = valueFromAST(given, definition.type);
    }
    value ??= definition.defaultValue;
    return clamp(typeof value === 'number' && Number.isFinite(value) ? value : model.defaultFirst, model.maxFirst);
  };

  const selectsField = (set: SelectionSetNode, name: string, seen = new Set<string>()): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return selectsField(s.selectionSet, name, seen);
      const fragment = fragments.get(s.name.value);
      if (!fragment || seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return selectsField(fragment.selectionSet, name, seen);
    });

  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType, listItems: number | null): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) total += selectionCost(selection.selectionSet, condition, listItems);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (!fragment || !condition || !isCompositeType(condition)) continue;
        const key = `${fragment.name.value}|${listItems ?? ''}`;
        let cost = fragmentCosts.get(key);
        if (cost === undefined) {
          fragmentCosts.set(key, 0);
          cost = selectionCost(fragment.selectionSet, condition, listItems);
          fragmentCosts.set(key, cost);
        }
        total += cost;
        continue;
      }
      if (selection.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      const isList = isListType(getNullableType(field.type));
      const firstArg = field.args.find((a) => a.name === 'first');
      const first = firstArg ? firstOf(firstArg, selection.arguments ?? []) : null;

      // Calls made once for the field (its pages, or a root lookup), and once per item it returns (links).
      let once = 0;
      let perItem = 0;
      const hasArgument = (name: string) => (selection.arguments ?? []).some((a) => a.name.value === name);
      // A date selection the gateway checks itself may scan more pages than `first` fills (connection.ts caps it).
      // Resuming mid-page (`after`) re-reads the page the cursor points into: one page more.
      if (first !== null) {
        once = (hasArgument('dates') ? scanPagesFor(first) : Math.ceil(first / V1_PAGE_LIMIT)) + (hasArgument('after') ? 1 : 0);
        // The count and a sort walk every matching page (no count endpoint in v1), up to the scan cap; the page is cut from it.
        const wholeSet = hasArgument('orderBy') || (selection.selectionSet !== undefined && selectsField(selection.selectionSet, 'totalCount'));
        if (parent === root && wholeSet) {
          once = Math.max(once, MATCH_SET_PAGES);
        }
      }
      else if (parent === root) once = 1;
      else if (named.name === 'CreditAccount' && parent !== root) {
        // One credit-stats call per parent and month: a month, or up to every month a selection may touch.
        once = hasArgument('dates') ? MAX_CREDIT_MONTHS : 1;
      } else if (!isConnectionPart(parent) && collectionOf(named) !== undefined) {
        const collection = collectionOf(named);
        if (collection && COLLECTIONS[collection].catalog) catalogues.add(collection);
        else perItem = 1;
      }
      const items = isList ? (isConnectionPart(parent) && listItems !== null ? listItems : model.listSize) : 1;
      const inner = selection.selectionSet && isCompositeType(named) ? selectionCost(selection.selectionSet, named, first) : 0;
      total += once + items * (perItem + inner);
    }
    return total;
  };

  const cost = selectionCost(operation.selectionSet, root, null);
  // A catalogue is read once per request (a page or two, §3).
  return { cost: cost + catalogues.size, readsVariables };
}

export interface CostLimitOptions extends CostModel {
  maxCost: number;
}

/**
 * Refuses, before execution and so before any upstream call, an operation whose cost exceeds `maxCost`.
 * Yoga's parser cache hands back the same document object for the same query text, so a cost that reads no variable
 * is worked out once per document and operation; one that reads a variable (`first: $n`) is worked out every time.
 */
export function useCostLimit(options: CostLimitOptions): Plugin {
  const known = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
  const costOf = (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Variables) => {
    // No name and an empty name both pick the first operation (see measureCost).
    const name = operationName || '';
    let documents = known.get(schema);
    const cached = documents?.get(document)?.get(name);
    if (cached !== undefined) return cached;
    const { cost, readsVariables } = measureCost(schema, document, operationName, variables, options);
    if (readsVariables) return cost;
    if (!documents) known.set(schema, (documents = new WeakMap()));
    let operations = documents.get(document);
    if (!operations) documents.set(document, (operations = new Map()));
    operations.set(name, cost);
    return cost;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = costOf(args.schema, args.document, args.operationName, args.variableValues);
      if (cost <= options.maxCost) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `Query cost ${cost} exceeds the limit of ${options.maxCost} (MAX_COST). Cost counts the OfficeRnD calls a query ` +
              'can cause: every list multiplies what its items select by its `first`. Ask for fewer items or fewer links per request.',
            { extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: options.maxCost, setting: 'MAX_COST', http: { status: 400, spec: true } } },
          ),
        ],
      });
    },
  };
}
