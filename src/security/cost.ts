/**
 * Query cost = the OfficeRnD calls a query can cause, worst case, before anything runs (MAX_COST):
 * - a list field with `first` costs its upstream pages (`first` / 100, §3) and multiplies what its items select
 *   by `first` (the default when left out, at most the maximum `first`);
 * - a link to a report object costs one call per parent (a by-id GET, §8), except catalogue types (offices,
 *   floors, plans, rates, resource types), which are read once per request whatever the number of links;
 * - a list of links without `first` counts `listSize` items per parent; scalars and value objects cost nothing;
 * - a root list that selects a match-set field (`totalCount`, MATCH_SET_FIELDS) or takes `orderBy` reads its whole
 *   match set: at most the pages of its collection once its size is known, else up to the scan cap
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
  GraphQLBoolean,
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLArgument,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { COLLECTIONS, V1_PAGE_LIMIT, type ListCollection } from '../officernd/collections.ts';
import { MAX_CREDIT_MONTHS, MAX_WALK_ITEMS, scanPagesFor } from '../core/limits.ts';

/** Items of one upstream page on the version being read (CostModel.pageLimit; v1's 100 when left out). */
const pageItems = (model: CostModel): number => model.pageLimit ?? V1_PAGE_LIMIT;

/** Pages of a whole match set at most (the scan cap): what `totalCount` may read. */
const matchSetPagesMax = (model: CostModel): number => Math.ceil(MAX_WALK_ITEMS / pageItems(model));

/**
 * Fields of a connection that read the list's whole match set (they count or sort every matching item, not the
 * page): selecting one costs the match set's pages. A new field of that kind is costed by adding its name here.
 */
export const MATCH_SET_FIELDS: ReadonlySet<string> = new Set(['totalCount', 'aggregate']);

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
  /**
   * The size of a collection as the gateway has learnt it (loaders/collection-sizes.ts), undefined while unknown:
   * the loaders' plan reads it to pick between a walk and per-id calls, and so does the cost. Left out: all unknown.
   */
  sizeOf?: (collection: ListCollection) => number | undefined;
  /**
   * The collections a `report(...)` of this name (`BOOKINGS`) joins for these columns (the report's defaults when
   * null); left out: none. The gateway reads it from the report registry (security imports no report code).
   */
  reportJoins?: (report: string, columns: readonly string[] | null) => readonly ListCollection[];
  /**
   * The collections a `report(...)` of this name reads whole to check these filters (by name: an occurrence's `type`
   * goes through the resources); left out: none. Read from the report registry like `reportJoins`.
   */
  reportFilterReads?: (report: string, filters: readonly string[]) => readonly ListCollection[];
  /**
   * Whether the gateway has learnt how far bookings lie from their `seriesStart` (core/series-reach.ts). A dated
   * bookings read costs one call to look for bookings changed since, and while the reach is unknown, the walk that
   * learns it. Left out: dated bookings reads cost no more than their pages.
   */
  seriesReachKnown?: () => boolean;
  /**
   * The calls a dated bookings read spends on its far rows (core/series-reach.ts) for a `dates` value and
   * `dateField`: the by-id reads of those its bounds leave out plus the pages its widening over the others adds, as
   * the read's own plan chooses (dates/report-dates.ts `chooseFarBounds`) with the reach known now. The gateway works
   * it out (security imports no dates code). Left out: none.
   */
  seriesFarCalls?: (dates: unknown, dateField: string | undefined) => number;
  /** The least a collection's size can be (walks that stopped early), for the cost a query has at best. */
  atLeast?: (collection: ListCollection) => number;
  /**
   * Whether a date selection on this field of a collection (its default when undefined) is checked in the gateway
   * only, OfficeRnD comparing nothing for it (dates/report-dates.ts: no pushdown): its page may scan the match set.
   * The gateway reads it from the date declarations (security imports no dates code). Left out: never.
   */
  datesScan?: (collection: ListCollection, dateField: string | undefined) => boolean;
  /** Most items one upstream page holds on the version being read (§3: 100 on v1, 50 on v2); default 100. */
  pageLimit?: number;
  /**
   * The days a `dates` argument's value selects (undefined when open or invalid): what bounds the occurrences a
   * `bookingOccurrences` match set reads. The gateway resolves it with its clock (security imports no dates code).
   */
  windowDays?: (dates: unknown) => number | undefined;
}

/**
 * Occurrences a match set of `bookingOccurrences` is taken to read, per booking and per this many days of its
 * window: one. Occurrences have no size of their own (no list of them but by window, §6.2); a recurring series
 * adds one per recurrence, so this is an assumption about the organization, not a bound: the built-in
 * organization has 0.12 occurrences per booking in 30 days (972 for 8,000 bookings at scale 1).
 */
const DAYS_PER_OCCURRENCE = 30;

type Variables = Readonly<Record<string, unknown>> | null | undefined;

/** The connection of `bookingOccurrences`, whose match set is bounded by its window (occurrencePages). */
const OCCURRENCE_CONNECTION = 'BookingOccurrenceConnection';

const isConnectionPart = (type: GraphQLCompositeType): boolean => /(Connection|Edge)$/.test(type.name);

const clamp = (n: number, max: number): number => Math.min(Math.max(0, Math.floor(n)), max);

/** Pages of `items` objects of a collection (at least one: an empty list is still a call). */
const pagesOf = (model: CostModel, collection: ListCollection, items: number): number =>
  Math.max(1, Math.ceil(items / Math.min(COLLECTIONS[collection].pageSize, pageItems(model))));

/** Below this many ids in one batch the loaders always make single GETs (loaders' PROBE_AFTER_IDS). */
const SINGLE_GETS_BELOW = 20;

/**
 * Pages a walk is taken to cost while the collection's size is unknown: the reports' assumption (WALK_AFTER_IDS in
 * reports/joins.ts), 10,000 objects. A larger collection (up to the walk cap, MAX_WALK_ITEMS) is under-counted by
 * the first request that walks it; from then on its size is known and counted.
 */
const UNKNOWN_WALK_ITEMS = Math.min(10_000, MAX_WALK_ITEMS);

/** What the loaders' plan costs to read a collection whole: its pages when its size is known, else UNKNOWN_WALK_ITEMS' pages. */
function walkPages(model: CostModel, collection: ListCollection): number {
  const size = model.sizeOf?.(collection);
  return pagesOf(model, collection, size ?? UNKNOWN_WALK_ITEMS);
}

/**
 * What `ids` lookups by id into a collection cost, as loaders/index.ts plans them: a collection without
 * `GET /{path}/{id}` is walked (walkOnce); with a known size, the cheaper of one GET per id and a walk; with an
 * unknown size, one GET per id, plus (from SINGLE_GETS_BELOW ids) a probe of at most half as many pages.
 */
function lookupCost(model: CostModel, collection: ListCollection, ids: number): number {
  const size = model.sizeOf?.(collection);
  if (size !== undefined) return Math.min(ids, pagesOf(model, collection, size));
  return ids < SINGLE_GETS_BELOW ? ids : ids + Math.ceil(ids / 2);
}

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

/** A query's cost, and what it read that may change (variables, sizes not learnt yet). */
interface Measured {
  cost: number;
  /** Whether it read a variable or an unknown size: then it holds for these variables and sizes only. */
  readsVariables: boolean;
  /** The collections whose unknown size it read (learning them may lower the cost). */
  unknown: Set<ListCollection>;
  /**
   * The joins it was told a `report(...)` makes (CostModel.reportJoins). They follow what the gateway learns: a
   * collection whose `$populate` OfficeRnD refused, or a reference it left bare, joins by calls from then on. A
   * remembered cost holds while each still gets the same answer.
   */
  joinReads: readonly JoinRead[];
}

/** One question to CostModel.reportJoins and its answer. */
interface JoinRead {
  report: string;
  columns: readonly string[] | null;
  joins: readonly ListCollection[];
}

/** Whether every `reportJoins` question a cost read still gets the answer it got. */
const sameJoins = (reads: readonly JoinRead[], model: CostModel): boolean =>
  reads.every((read) => {
    const now = model.reportJoins?.(read.report, read.columns) ?? [];
    return now.length === read.joins.length && now.every((collection, i) => collection === read.joins[i]);
  });

/** The cost, and whether it read a variable or an unknown size (then it holds for these variables and sizes only). */
function measureCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
  model: CostModel,
): Measured {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  const root = operation?.operation === 'query' ? schema.getQueryType() : null;
  if (!operation || !root) return { cost: 0, readsVariables: false, unknown: new Set(), joinReads: [] };
  let readsVariables = false;
  const unknown = new Set<ListCollection>();
  // A cost that read an unknown size changes once the gateway learns it: like one that read a variable, it is not
  // remembered for the document.
  const learnt = model.sizeOf;
  if (learnt) {
    model = {
      ...model,
      sizeOf: (collection) => {
        const size = learnt(collection);
        if (size === undefined) {
          readsVariables = true;
          unknown.add(collection);
        }
        return size;
      },
    };
  }
  const joinReads: JoinRead[] = [];
  const joinsOf = model.reportJoins;
  if (joinsOf) {
    model = {
      ...model,
      reportJoins: (report, columns) => {
        const joins = [...joinsOf(report, columns)];
        joinReads.push({ report, columns: columns && [...columns], joins });
        return joins;
      },
    };
  }

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const defaults = new Map(operation.variableDefinitions?.map((v) => [v.variable.name.value, v]) ?? []);
  /** Collections read whole once per request: catalogues, and collections without by-id that a lookup walks. */
  const wholeReads = new Set<ListCollection>();
  // Each fragment is costed once per list size and parent count: a fragment spread many times costs no extra work here.
  const fragmentCosts = new Map<string, number>();

  /** An argument's value: literal, variable (or its default), else the argument's default. */
  const argumentOf = (definition: GraphQLArgument, args: readonly ArgumentNode[]): unknown => {
    const given = args.find((a) => a.name.value === definition.name)?.value;
    let value: unknown;
    if (given?.kind === Kind.VARIABLE) {
      readsVariables = true;
      const name = given.name.value;
      const fallback = defaults.get(name)?.defaultValue;
      value = variables?.[name] ?? (fallback ? valueFromAST(fallback, definition.type) : undefined);
    } else if (given) {
      value = valueFromAST(given, definition.type);
    }
    return value ?? definition.defaultValue;
  };

  /** Whether a list's date selection is on a field OfficeRnD does not compare (CostModel.datesScan). */
  const datesScan = (
    collection: ListCollection,
    definitions: readonly GraphQLArgument[],
    args: readonly ArgumentNode[],
  ): boolean => {
    const definition = definitions.find((d) => d.name === 'dateField');
    if (!model.datesScan || !definition) return false;
    const chosen = argumentOf(definition, args);
    return model.datesScan(collection, typeof chosen === 'string' ? chosen : undefined);
  };

  /** The `first` a list field will use: its value, else ours. */
  const firstOf = (definition: GraphQLArgument, args: readonly ArgumentNode[]): number => {
    const value = argumentOf(definition, args);
    return clamp(typeof value === 'number' && Number.isFinite(value) ? value : model.defaultFirst, model.maxFirst);
  };

  /**
   * Whether a selection is left out by `@skip(if: true)` or `@include(if: false)`, as execution leaves it out: it
   * makes no call. Its condition may be a variable (then the cost holds for these variables only).
   */
  const excluded = (selection: SelectionNode): boolean =>
    (selection.directives ?? []).some((directive) => {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') return false;
      const given = directive.arguments?.find((a) => a.name.value === 'if')?.value;
      let condition: unknown;
      if (given?.kind === Kind.VARIABLE) {
        readsVariables = true;
        const fallback = defaults.get(given.name.value)?.defaultValue;
        condition = variables?.[given.name.value] ?? (fallback ? valueFromAST(fallback, GraphQLBoolean) : undefined);
      } else if (given?.kind === Kind.BOOLEAN) condition = given.value;
      return name === 'skip' ? condition === true : condition === false;
    });

  const selectsField = (set: SelectionSetNode, name: string, seen = new Set<string>()): boolean =>
    set.selections.some((s) => {
      if (excluded(s)) return false;
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return selectsField(s.selectionSet, name, seen);
      const fragment = fragments.get(s.name.value);
      if (!fragment || seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return selectsField(fragment.selectionSet, name, seen);
    });

  /** Whether a connection's selection reads its whole match set (MATCH_SET_FIELDS). */
  const selectsMatchSet = (set: SelectionSetNode): boolean =>
    [...MATCH_SET_FIELDS].some((name) => selectsField(set, name));

  /** Pages of a root list's whole match set: its collection's pages once known (a match set is part of it), else the scan cap. */
  const matchSetPages = (collection: ListCollection | null | undefined): number => {
    const size = collection ? model.sizeOf?.(collection) : undefined;
    const most = matchSetPagesMax(model);
    return size === undefined ? most : Math.min(most, pagesOf(model, collection!, size));
  };

  /**
   * Pages of the occurrences of a `bookingOccurrences` window (its match set): the bookings' pages for every
   * DAYS_PER_OCCURRENCE days of the window, once the bookings' size is known; else, or for a window without both
   * ends, the scan cap.
   */
  const occurrencePages = (definitions: readonly GraphQLArgument[], args: readonly ArgumentNode[]): number => {
    const most = matchSetPagesMax(model);
    const definition = definitions.find((d) => d.name === 'dates');
    const days = definition && model.windowDays ? model.windowDays(argumentOf(definition, args)) : undefined;
    const bookings = days === undefined ? undefined : model.sizeOf?.('bookings');
    if (days === undefined || bookings === undefined) return most;
    return Math.min(most, Math.max(1, Math.ceil((pagesOf(model, 'bookings', bookings) * days) / DAYS_PER_OCCURRENCE)));
  };

  /** The collection of the objects a connection type lists (its `nodes`), if they are backed by one. */
  const nodeCollection = (type: GraphQLNamedType): ListCollection | null | undefined => {
    if (!isObjectType(type)) return undefined;
    const nodes = type.getFields().nodes;
    return nodes ? collectionOf(getNamedType(nodes.type)) : undefined;
  };

  /**
   * The cost of `set` selected on `parents` objects of type `parent` (`listItems`: the `first` of the connection
   * they belong to). Costs are summed over all parents, so a link reached from many parents is costed as the loaders
   * batch it (one plan for all of them), not once per parent.
   */
  const selectionCost = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    listItems: number | null,
    parents: number,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (excluded(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition))
          total += selectionCost(selection.selectionSet, condition, listItems, parents);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (!fragment || !condition || !isCompositeType(condition)) continue;
        const key = `${fragment.name.value}|${listItems ?? ''}|${parents}`;
        let cost = fragmentCosts.get(key);
        if (cost === undefined) {
          fragmentCosts.set(key, 0);
          cost = selectionCost(fragment.selectionSet, condition, listItems, parents);
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
      const args = selection.arguments ?? [];
      const firstArg = field.args.find((a) => a.name === 'first');
      const first = firstArg ? firstOf(firstArg, args) : null;
      const hasArgument = (name: string) => args.some((a) => a.name.value === name);
      // A filter checked through a link reads the linked collection whole, once per request (core/filters.ts).
      for (const definition of field.args) {
        const linked = (definition.extensions as { readsWhole?: ListCollection }).readsWhole;
        if (linked && hasArgument(definition.name)) wholeReads.add(linked);
      }

      // The calls the field makes for all its parents.
      let calls = 0;
      if (first !== null) {
        // A date selection the gateway checks itself may scan more pages than `first` fills (connection.ts caps it).
        // Resuming mid-page (`after`) re-reads the page the cursor points into: one page more.
        let pages =
          (hasArgument('dates') ? scanPagesFor(first, pageItems(model)) : Math.ceil(first / pageItems(model))) +
          (hasArgument('after') ? 1 : 0);
        // The count and a sort walk every matching page (no count endpoint in v1), up to the scan cap; the page is cut from it.
        const wholeSet =
          hasArgument('orderBy') || (selection.selectionSet !== undefined && selectsMatchSet(selection.selectionSet));
        const collection = nodeCollection(named);
        // A filter OfficeRnD may not apply (schema/fields.ts `scans`), or dates on a field it does not compare
        // (dates/report-dates.ts: no pushdown), may scan the match set to fill the page.
        const scans =
          field.args.some(
            (definition) =>
              (definition.extensions as { scans?: boolean }).scans === true && hasArgument(definition.name),
          ) ||
          (hasArgument('dates') && !!collection && datesScan(collection, field.args, args));
        // (Occurrences have no collection: their windows bound what they read.)
        if (parent === root && (wholeSet || (scans && collection)))
          pages = Math.max(
            pages,
            named.name === OCCURRENCE_CONNECTION ? occurrencePages(field.args, args) : matchSetPages(collection),
          );
        if (parent === root || !collection) calls = parents * pages;
        else if (COLLECTIONS[collection].catalog) {
          // Reverse links into a catalogue are grouped from its one read.
          wholeReads.add(collection);
        } else {
          // Reverse links (children of each parent): one walk grouped by parent when it has fewer pages than there
          // are parents, else one filtered read per parent, which reads all of that parent's children (whatever
          // `first`): at most one page per parent plus the pages of the whole collection. With the size unknown,
          // from 11 parents a probe of at most one page per parent comes first.
          const size = model.sizeOf?.(collection);
          const whole = walkPages(model, collection);
          calls =
            size !== undefined && whole < parents
              ? whole
              : parents * pages + whole + (size === undefined && parents > 10 ? parents : 0);
        }
        if (parent === root && named.name === 'ReportTable') calls += reportJoinCost(field.args, args, first);
        if (hasArgument('dates') && readsBookings(named, field.args, args)) {
          datedBookings = true;
          // Once per field, whatever its parents: far rows read by id are loaded once per request (loaders).
          farCalls += seriesFarCallsOf(field.args, args);
        }
      } else if (parent === root) {
        // A lookup by id: one GET, or the walk of a collection without by-id (§8).
        const collection = collectionOf(named);
        if (collection && !COLLECTIONS[collection].byId) wholeReads.add(collection);
        else calls = parents;
      } else if (named.name === 'CreditAccount') {
        // One credit-stats call per parent and month: a month, or up to every month a selection may touch.
        calls = parents * (hasArgument('dates') ? MAX_CREDIT_MONTHS : 1);
      } else if (!isConnectionPart(parent) && collectionOf(named) !== undefined) {
        const collection = collectionOf(named);
        const ids = parents * (isList ? model.listSize : 1);
        if (collection && (COLLECTIONS[collection].catalog || !COLLECTIONS[collection].byId))
          wholeReads.add(collection);
        else if (collection) calls = lookupCost(model, collection, ids);
      }
      const items =
        parents * (isList ? (isConnectionPart(parent) && listItems !== null ? listItems : model.listSize) : 1);
      const inner =
        selection.selectionSet && isCompositeType(named)
          ? selectionCost(selection.selectionSet, named, first, items)
          : 0;
      total += calls + inner;
    }
    return total;
  };

  let datedBookings = false;
  let farCalls = 0;
  /** What a dated bookings read's far rows cost (CostModel.seriesFarCalls). */
  const seriesFarCallsOf = (definitions: readonly GraphQLArgument[], args: readonly ArgumentNode[]): number => {
    const dates = definitions.find((d) => d.name === 'dates');
    if (!model.seriesFarCalls || !dates) return 0;
    const dateField = definitions.find((d) => d.name === 'dateField');
    const chosen = dateField ? argumentOf(dateField, args) : undefined;
    // The far rows a window picks change with the reach and the clock: the cost is worked out every time.
    readsVariables = true;
    return model.seriesFarCalls(argumentOf(dates, args), typeof chosen === 'string' ? chosen : undefined);
  };
  /** Whether a list field reads bookings: the `bookings` lists and links, or `report(name: BOOKINGS)`. */
  const readsBookings = (
    named: GraphQLNamedType,
    definitions: readonly GraphQLArgument[],
    args: readonly ArgumentNode[],
  ): boolean => {
    if (nodeCollection(named) === 'bookings') return true;
    if (named.name !== 'ReportTable') return false;
    const nameArg = definitions.find((d) => d.name === 'name');
    return nameArg !== undefined && argumentOf(nameArg, args) === 'BOOKINGS';
  };

  /**
   * `report(...)`: every collection its columns join is looked up for each batch of rows (at most `first` ids), and
   * a collection a filter is checked through is read whole.
   */
  const reportJoinCost = (
    definitions: readonly GraphQLArgument[],
    args: readonly ArgumentNode[],
    first: number,
  ): number => {
    const nameArg = definitions.find((d) => d.name === 'name');
    const columnsArg = definitions.find((d) => d.name === 'columns');
    const filtersArg = definitions.find((d) => d.name === 'filters');
    const name = nameArg ? argumentOf(nameArg, args) : undefined;
    if (typeof name !== 'string') return 0;
    // A filter checked through a link reads the linked collection whole, once per request (core/filters.ts).
    const filters = filtersArg ? argumentOf(filtersArg, args) : undefined;
    if (model.reportFilterReads && typeof filters === 'object' && filters !== null) {
      for (const collection of model.reportFilterReads(name, Object.keys(filters))) wholeReads.add(collection);
    }
    if (!model.reportJoins) return 0;
    const columns = columnsArg ? argumentOf(columnsArg, args) : undefined;
    let cost = 0;
    for (const collection of model.reportJoins(name, Array.isArray(columns) ? (columns as string[]) : null)) {
      // Per-id reads until a walk pays, then the walk (reports/joins.ts): at most both.
      if (COLLECTIONS[collection].catalog) wholeReads.add(collection);
      else cost += Math.min(first, lookupCost(model, collection, first)) + walkPages(model, collection);
    }
    return cost;
  };

  const cost = selectionCost(operation.selectionSet, root, null, 1);
  // A dated bookings read: the look for changes since the reach was learnt, or the walk that learns it (once).
  let reach = 0;
  if (datedBookings && model.seriesReachKnown) {
    const known = model.seriesReachKnown();
    if (!known) readsVariables = true;
    reach = known ? 1 : walkPages(model, 'bookings') + 1;
  }
  // A catalogue, or a collection a lookup walks, is read once per request.
  let whole = 0;
  for (const collection of wholeReads)
    whole += COLLECTIONS[collection].catalog
      ? pagesOf(model, collection, model.sizeOf?.(collection) ?? 1)
      : walkPages(model, collection);
  return { cost: cost + whole + reach + farCalls, readsVariables, unknown, joinReads };
}

export interface CostLimitOptions extends CostModel {
  maxCost: number;
  /**
   * Learns the sizes of these collections (loaders/collection-sizes.ts: a walk of ids, outside the request's share);
   * resolves when learnt, or when `signal` aborts. A query over the limit only because sizes are unknown waits for
   * them and is costed again. Left out: unknown sizes are costed as such.
   */
  learnSizes?: (collections: readonly ListCollection[], signal?: AbortSignal) => Promise<void>;
  /**
   * Told the cost of each operation as it was decided for that request (sizes learnt for it included), with the
   * operation's context: the operation log and admission by cost read it from there.
   */
  onCost?: (context: object, cost: number) => void;
}

/**
 * Refuses, before execution and so before any upstream call of the request, an operation whose cost exceeds
 * `maxCost`. Yoga's parser cache hands back the same document object for the same query text, so a cost that reads
 * no variable is worked out once per document and operation, and holds while the joins of its `report(...)` fields
 * are still what they were (a `$populate` OfficeRnD refused or ignored makes them calls); one that reads a variable
 * (`first: $n`) or a size not learnt yet is worked out every time. A query over the limit while sizes it reads are unknown is costed again once
 * they are learnt, if it could then fit (with every unknown size at its least it would); else it is refused at once.
 * Sizes that stay unknown (no learner, or learning failed) do not refuse a query that could fit.
 */
export function useCostLimit(options: CostLimitOptions): Plugin {
  const known = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, Measured>>>();
  const costOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Variables,
  ): Measured => {
    // No name and an empty name both pick the first operation (see measureCost).
    const name = operationName || '';
    let documents = known.get(schema);
    const cached = documents?.get(document)?.get(name);
    if (cached !== undefined && sameJoins(cached.joinReads, options)) return cached;
    const measured = measureCost(schema, document, operationName, variables, options);
    if (measured.readsVariables) return measured;
    if (!documents) known.set(schema, (documents = new WeakMap()));
    let operations = documents.get(document);
    if (!operations) documents.set(document, (operations = new Map()));
    operations.set(name, measured);
    return measured;
  };
  /** The cost with every unknown size at its least (what learning the sizes could bring it down to). */
  const atBest = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Variables,
  ): number => {
    const sizeOf = options.sizeOf;
    const least = (collection: ListCollection) => Math.max(1, options.atLeast?.(collection) ?? 1);
    return measureCost(schema, document, operationName, variables, {
      ...options,
      sizeOf: (collection) => sizeOf?.(collection) ?? least(collection),
      seriesReachKnown: () => true,
    }).cost;
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as object | undefined;
      const decided = (cost: number): void => {
        if (context && options.onCost) options.onCost(context, cost);
      };
      let { cost, unknown } = costOf(args.schema, args.document, args.operationName, args.variableValues);
      if (cost <= options.maxCost) return decided(cost);
      // Over the limit while sizes it reads are unknown: over it even with those sizes at their least is refused at
      // once; else the sizes are learnt first, and what is still unknown then (learning failed, or no learner) is
      // given the benefit of the doubt: the request's own share (MAX_UPSTREAM_CALLS_PER_REQUEST) bounds its calls.
      if (
        unknown.size > 0 &&
        atBest(args.schema, args.document, args.operationName, args.variableValues) <= options.maxCost
      ) {
        if (options.learnSizes) {
          const signal = (args.contextValue as { signal?: AbortSignal } | undefined)?.signal;
          await options.learnSizes([...unknown], signal);
          ({ cost, unknown } = costOf(args.schema, args.document, args.operationName, args.variableValues));
        }
        if (cost <= options.maxCost || unknown.size > 0) return decided(cost);
      }
      decided(cost);
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `Query cost ${cost} exceeds the limit of ${options.maxCost} (MAX_COST). Cost counts the OfficeRnD calls a query ` +
              'can cause: every list multiplies what its items select by its `first`. Ask for fewer items or fewer links per request.',
            {
              extensions: {
                code: 'QUERY_TOO_COSTLY',
                cost,
                limit: options.maxCost,
                setting: 'MAX_COST',
                http: { status: 400, spec: true },
              },
            },
          ),
        ],
      });
    },
  };
}
