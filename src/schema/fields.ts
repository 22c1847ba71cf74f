import type { ArgBuilder, ObjectRef } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import { fullyPushed, multiValued, pushDown, watchedCheck, type GivenFilter } from '../core/filters.ts';
import { wireDay, wireInstant } from '../dates/wire-dates.ts';
import { COLLECTIONS, OBJECT_ID, type FilterSpecs, type ListCollection } from '../officernd/collections.ts';
import { enumValueName, type EnumSpec } from '../officernd/enums.ts';
import type { ListQuery } from '../officernd/index.ts';
import type { WireMap } from '../officernd/types.ts';
import { comparatorOf, SORT_FIELDS, type SortField } from '../core/sorts.ts';
import {
  arrayConnection,
  readMatchSet,
  selects,
  SortDirection,
  upstreamConnection,
  type Connection,
  type ConnectionArgs,
} from './connection.ts';
import { dateArgs, listDateFilter, type DateSelectionArg, type ListDateFilter, type ListDates } from './dates.ts';
import { badInput } from './errors.ts';

// Shared field helpers: how references, dates, enums and list arguments look on every type.

/**
 * An ISO timestamp from the wire; null when absent. A value that is not a date is an UPSTREAM_INVALID_DATA error at
 * the field (null there, the rest of the answer stands) naming the record's id and the field, never a silent null
 * (issue 14.7). `record` and `field` say where the value was read.
 */
export function dateTime(value: string | null | undefined, record?: object, field?: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  return (typeof value === 'string' ? wireInstant(value) : undefined) ?? invalidDate(value, record, field);
}

/**
 * A calendar date from the wire. Date-only values are stored at T00:00:00.000Z (§4 Timezones): keep the UTC day.
 * Absent: null; not a date: an UPSTREAM_INVALID_DATA error, as for `dateTime`.
 */
export function dateOnly(value: string | null | undefined, record?: object, field?: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  return (typeof value === 'string' ? wireDay(value) : undefined) ?? invalidDate(value, record, field);
}

function invalidDate(value: unknown, record: object | undefined, field: string | undefined): never {
  const id = (record as { _id?: unknown } | undefined)?._id;
  const owner = typeof id === 'string' ? `record ${id}` : 'a record without an id';
  throw new GraphQLError(
    `OfficeRnD sent ${field ? `"${field}"` : 'a date'} of ${owner} as ${JSON.stringify(String(value).slice(0, 60))}, which is not a date; it is left out`,
    {
      extensions: {
        code: 'UPSTREAM_INVALID_DATA',
        ...(typeof id === 'string' ? { record: id } : {}),
        ...(field ? { field } : {}),
      },
    },
  );
}

/** Loads the object a reference points at; null when unset or dangling. */
export async function loadRef<C extends ListCollection>(
  ctx: Context,
  collection: C,
  id: string | null | undefined,
): Promise<WireMap[C] | null> {
  if (typeof id !== 'string' || id === '') return null;
  return ctx.loaders.byId(collection).load(id);
}

/** Loads the objects a list of references points at, in order; dangling references are left out. */
export async function loadRefs<C extends ListCollection>(
  ctx: Context,
  collection: C,
  ids: readonly (string | null | undefined)[] | null | undefined,
): Promise<WireMap[C][]> {
  const wanted = (ids ?? []).filter((id): id is string => typeof id === 'string' && id !== '');
  const found = await ctx.loaders.byId(collection).loadMany(wanted);
  const out: WireMap[C][] = [];
  for (const item of found) {
    if (item instanceof Error) throw item;
    if (item) out.push(item);
  }
  return out;
}

/** The id of an embedded element (ids are non-null): one OfficeRnD left out is an UPSTREAM_INVALID_DATA error. */
export function elementId(id: string | null | undefined, what: string): string {
  if (typeof id === 'string' && id !== '') return id;
  throw new GraphQLError(`OfficeRnD sent ${what} without an id`, { extensions: { code: 'UPSTREAM_INVALID_DATA' } });
}

/** Checks an id argument: OfficeRnD ids are 24-hex (§6 conventions). */
export function checkId(id: string, argument: string): string {
  if (!OBJECT_ID.test(id))
    throw badInput(`"${argument}" must be an OfficeRnD id (24 hex characters), got "${id}"`, argument);
  return id;
}

/** The `first`/`after` arguments every connection field takes. */
export const connectionArgs = (t: ArgBuilder<Types>) => ({
  first: t.int({
    description: 'How many items to return (default 50, at most 1000).',
  }),
  after: t.string({
    description: 'Return the items after this cursor (an `endCursor` or edge `cursor` of the same query).',
  }),
});

// ---------------------------------------------------------------- enums

interface WireEnum {
  /** GraphQL name of the enum. */
  ref: ReturnType<typeof builder.enumType>;
  /** Wire value → GraphQL value; unknown values become OTHER, so a new upstream value never breaks a response. */
  fromWire(value: string | null | undefined): string | null;
  /** GraphQL value → wire value (for filters). */
  toWire(value: string): string;
}

/** Declares an enum over upstream string values, with an OTHER value for anything the doc does not list. */
export function wireEnum(name: string, description: string, values: Readonly<Record<string, string>>): WireEnum {
  const toGraphQL = new Map<string, string>();
  const toWireMap = new Map<string, string>();
  const gqlValues: Record<string, { value: string; description: string }> = {};
  for (const [wire, doc] of Object.entries(values)) {
    const key = enumValueName(wire);
    toGraphQL.set(wire, key);
    toWireMap.set(key, wire);
    gqlValues[key] = { value: key, description: `${doc} (OfficeRnD value \`${wire}\`).` };
  }
  gqlValues.OTHER = { value: 'OTHER', description: 'A value OfficeRnD sent that this gateway does not know yet.' };
  const ref = builder.enumType(name, { description, values: gqlValues });
  return {
    ref,
    fromWire: (value) =>
      value === null || value === undefined || value === '' ? null : (toGraphQL.get(value) ?? 'OTHER'),
    toWire: (value) => {
      const wire = toWireMap.get(value);
      if (wire === undefined) throw badInput(`${name} value ${value} cannot be used as a filter`);
      return wire;
    },
  };
}

const declaredEnums = new Map<string, WireEnum>();

/** The GraphQL enum of a declared enum (officernd/enums.ts), made once however many fields and filters use it. */
export function enumOf(spec: EnumSpec): WireEnum {
  let made = declaredEnums.get(spec.name);
  if (!made) {
    made = wireEnum(spec.name, spec.description, spec.values);
    declaredEnums.set(spec.name, made);
  }
  return made;
}

// ---------------------------------------------------------------- list fields

/** The argument of an id or enum filter that takes several values: `officeIn`, `statusIn` … */
const anyOfName = (name: string): string => `${name}In`;

/**
 * Declares the filter arguments of a list field from a collection's declaration. Id and enum filters also take a
 * list of values, any of which matches (`officeIn: [ID!]`): a sibling argument rather than a list-typed `office`,
 * because a variable declared `$office: ID` is not allowed where `[ID!]` is expected, and existing operations keep
 * working.
 */
export function filterArgs(t: ArgBuilder<Types>, filters: FilterSpecs) {
  const args: Record<string, ReturnType<typeof t.id>> = {};
  for (const [name, filter] of Object.entries(filters)) {
    // A filter checked through a link reads the linked collection whole: the cost rule counts it (security/cost.ts).
    // A filter OfficeRnD may not apply (no public evidence, or several values, which v1 cannot send) may make a page
    // scan on until it has `first` matching items: the cost rule counts the match set for it (`scans`).
    const via = filter.via ? { readsWhole: filter.via.collection } : {};
    const options = {
      description: filter.description,
      extensions: { ...via, ...(filter.documented ? {} : { scans: true }) },
    };
    const several = {
      description: `${filter.description} Several values: an item matching any of them is kept (with \`${name}\` too, both apply).`,
      extensions: { ...via, scans: true },
    };
    if (filter.kind === 'id') {
      args[name] = t.id(options);
      args[anyOfName(name)] = t.idList(several) as unknown as ReturnType<typeof t.id>;
    } else if (filter.kind === 'string') args[name] = t.string(options) as unknown as ReturnType<typeof t.id>;
    else if (filter.kind === 'boolean') args[name] = t.boolean(options) as unknown as ReturnType<typeof t.id>;
    else {
      const ref = enumOf(filter.enum as EnumSpec).ref;
      args[name] = t({ type: ref, ...options }) as unknown as ReturnType<typeof t.id>;
      args[anyOfName(name)] = t({ type: [ref], ...several }) as unknown as ReturnType<typeof t.id>;
    }
  }
  return args;
}

/**
 * Reads the filter arguments a caller gave (checked: ids must be ids, text not empty, enums to wire values). The list
 * argument of an id or enum filter (`officeIn`) is one more filter on the same field; an empty list is refused.
 */
export function givenFilters(filters: FilterSpecs, args: Record<string, unknown>): GivenFilter[] {
  const out: GivenFilter[] = [];
  for (const [name, spec] of Object.entries(filters)) {
    const one = (value: unknown, argument: string): string =>
      spec.kind === 'id' ? checkId(String(value), argument) : enumOf(spec.enum as EnumSpec).toWire(String(value));
    const value = args[name];
    const list = multiValued(spec) ? args[anyOfName(name)] : undefined;
    if (Array.isArray(list)) {
      if (list.length === 0)
        throw badInput(
          `"${anyOfName(name)}" must list at least one value; leave it out to not filter on it`,
          anyOfName(name),
        );
      const values = [...new Set(list.map((v) => one(v, anyOfName(name))))];
      out.push({ spec, value: values.length === 1 ? (values[0] as string) : values });
    }
    if (value === undefined || value === null) continue;
    // An empty text matches nothing (or, as a prefix, everything): leave the argument out instead.
    if (spec.kind === 'string' && value === '') {
      throw badInput(`"${name}" must not be empty; leave it out to not filter on it`, name);
    }
    if (spec.kind === 'string') out.push({ spec, value: String(value) });
    else if (spec.kind === 'boolean') out.push({ spec, value: value === true });
    else out.push({ spec, value: one(value, name) });
  }
  return out;
}

/** The `orderBy` input of a list: `<Type>Order { field: <Type>SortField!, direction: SortDirection }`. */
function orderInput(type: string, sorts: Readonly<Record<string, SortField>>) {
  const field = builder.enumType(`${type}SortField`, {
    description: `The fields a list of ${type} items can be sorted by.`,
    values: Object.fromEntries(
      Object.entries(sorts).map(([value, sort]) => [value, { value, description: sort.description }]),
    ),
  });
  return builder.inputType(`${type}Order`, {
    description: `One sort key of a list of ${type} items.`,
    fields: (t) => ({
      field: t.field({ type: field, required: true, description: 'The field to sort by.' }),
      direction: t.field({ type: SortDirection, defaultValue: 'ASC', description: 'ASC (default) or DESC.' }),
    }),
  });
}

/** The sort an `orderBy` argument asks for; undefined for none. */
function sortOf(
  sorts: Readonly<Record<string, SortField>>,
  orderBy: unknown,
): { key: string; compare: (a: object, b: object) => number } | undefined {
  if (!Array.isArray(orderBy) || orderBy.length === 0) return undefined;
  const keys = (orderBy as { field: string; direction?: string | null }[]).map((o) => ({
    sort: sorts[o.field] as SortField,
    descending: o.direction === 'DESC',
  }));
  return { key: JSON.stringify(keys.map((k) => [k.sort.field, k.descending])), compare: comparatorOf(keys) };
}

interface RootListConfig<C extends ListCollection> {
  collection: C;
  connection: ObjectRef<Types, Connection<WireMap[C]>>;
  description: string;
  /** The report's dates (`listDates`): adds `dateField` and `dates`. */
  dates?: ListDates<WireMap[C]>;
}

/**
 * Declares a root list field (`members`, `bookings` …) as a connection with the collection's declared filters
 * (officernd/collections.ts) and date selection. Every filter is checked on every row here; what is sent upstream
 * only saves pages (core/filters.ts).
 */
export function rootList<C extends ListCollection>(name: string, config: RootListConfig<C>): void {
  const filters = COLLECTIONS[config.collection].filters;
  const dates = config.dates;
  const sorts = SORT_FIELDS[config.collection];
  const order = sorts ? orderInput(String(config.connection.name).replace(/Connection$/, ''), sorts) : null;
  builder.queryField(name, (t) =>
    t.field({
      type: config.connection,
      // Nullable on purpose: a list that fails becomes null with its error, and the rest of the answer stands.
      description: config.description,
      args: {
        ...connectionArgs(t.arg),
        ...filterArgs(t.arg, filters),
        ...(dates ? dateArgs(t.arg, dates) : {}),
        ...(order
          ? {
              orderBy: t.arg({
                type: [order],
                description:
                  "Sort keys, in order (ties keep OfficeRnD's order). Sorting needs the whole match set: it is read like " +
                  "`totalCount` (same cost and scan cap). Without it, items come in OfficeRnD's order.",
              }),
            }
          : {}),
      },
      resolve: async (_root, args, ctx, info) => {
        // Every argument is checked before the first upstream call.
        const given = givenFilters(filters, args);
        const sort = sorts ? sortOf(sorts, (args as { orderBy?: unknown }).orderBy) : undefined;
        // `totalCount` and `aggregate` read the whole match set: the page is cut from it rather than read a second time.
        const shared = selects(info, 'totalCount') || selects(info, 'aggregate');
        // Without `pageInfo`, a page never looks past its last row: what its read holds is handed over at once.
        const pageInfo = selects(info, 'pageInfo');
        const upstream = pushDown(given);
        const { collection } = config;
        const check = watchedCheck(given, (field) => ctx.loaders.noteIgnoredFilter(collection, field)) ?? undefined;
        const narrowed = fullyPushed(given, (field) => ctx.loaders.sizes.ignoresFilter(collection, field));
        const selected = dates ? await listDateFilter(ctx, dates, args as Parameters<typeof listDateFilter>[2]) : null;
        // What decides the items beyond the upstream query (the date check, the filters checked here): cursors and the
        // request's match sets belong to it.
        const scopeOf = (dated: ListDateFilter<WireMap[C]> | null) =>
          JSON.stringify([dated?.scope ?? null, given.map((f) => [f.spec.field, f.value])]);
        // What `aggregate` reads (schema/aggregate.ts): the same match set as `totalCount`, and the list's dates.
        const dateArg = (args as { dates?: DateSelectionArg | null }).dates;
        const withSource = (
          connection: Connection<WireMap[C]>,
          query: ListQuery,
          dated: ListDateFilter<WireMap[C]> | null,
        ): Connection<WireMap[C]> => ({
          ...connection,
          aggregateSource: {
            rows: async () =>
              (
                await readMatchSet(ctx, collection, query, {
                  keep: dated?.keep,
                  check,
                  scope: scopeOf(dated),
                  ...(dated ? { far: dated.far } : {}),
                })
              ).items.map((m) => m.node),
            dateField: typeof args.dateField === 'string' ? args.dateField : null,
            timeZone: dateArg?.timeZone ?? null,
            weekStartsOn: dateArg?.weekStartsOn ?? null,
          },
        });
        if (!selected) {
          const connection = await upstreamConnection(ctx, config.collection, upstream, args as ConnectionArgs, {
            check,
            narrowed,
            shared,
            pageInfo,
            scope: scopeOf(null),
            sort,
          });
          return withSource(connection, upstream, null);
        }
        // The selection's upstream comparisons are optional: the exact check (`keep`) runs here anyway.
        const queryOf = (dated: ListDateFilter<WireMap[C]>): ListQuery => ({
          filters: upstream.filters,
          optional: [...upstream.optional, ...dated.filters],
        });
        const read = async (dated: ListDateFilter<WireMap[C]>) =>
          withSource(
            await upstreamConnection(ctx, config.collection, queryOf(dated), args as ConnectionArgs, {
              keep: dated.keep,
              scope: scopeOf(dated),
              check,
              narrowed,
              shared,
              pageInfo,
              sort,
              far: dated.far,
            }),
            queryOf(dated),
            dated,
          );
        try {
          return await read(selected);
        } catch (error) {
          // A cursor of the pages read before the bookings' reach was learnt resumes without seriesStart bounds.
          const otherQuery = error instanceof GraphQLError && error.extensions.argument === 'after';
          if (!selected.unbounded || !otherQuery) throw error;
          return read(selected.unbounded);
        }
      },
    }),
  );
}

/** Declares a root by-id field (`member(id:)` …): null when nothing has that id. */
export function rootById<C extends ListCollection>(
  name: string,
  node: ObjectRef<Types, WireMap[C]>,
  collection: C,
  description: string,
): void {
  builder.queryField(name, (t) =>
    t.field({
      type: node,
      description,
      args: { id: t.arg.id({ required: true, description: 'The OfficeRnD id (24 hex characters).' }) },
      // Generic refs defeat Pothos' shape inference; the loader returns exactly the node's shape.
      resolve: (_root, args, ctx) => loadRef(ctx, collection, checkId(String(args.id), 'id')) as never,
    }),
  );
}

/** A reverse link as a connection: the children whose `field` references the parent, batched across parents. */
export function childConnection<C extends ListCollection>(
  ctx: Context,
  collection: C,
  field: string,
  parentId: string,
  args: ConnectionArgs,
): Promise<Connection<WireMap[C]>> {
  return ctx.loaders
    .children(collection, field)
    .load(parentId)
    .then((items) => ({
      ...arrayConnection(items, args, `${collection}.${field}=${parentId}`),
      // Every child is in hand: `aggregate` reads them (no dates on a reverse link).
      aggregateSource: { rows: async () => items, dateField: null, timeZone: null, weekStartsOn: null },
    }));
}

/** A reverse-link field: the `collection` items whose `field` references this object, as a batched connection. */
export function reverseLink<P extends { _id: string }, C extends ListCollection>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>,
  connection: ObjectRef<Types, Connection<WireMap[C]>>,
  collection: C,
  field: string,
  description: string,
) {
  // Reverse links follow a reference the collection declares (officernd/collections.ts `links`).
  if (!Object.hasOwn(COLLECTIONS[collection].links, field))
    throw new Error(`${collection}.${field} is not a declared link`);
  return t.field({
    type: connection,
    description,
    args: connectionArgs(t.arg),
    // Generic refs defeat Pothos' shape inference; childConnection returns exactly the connection's shape.
    resolve: (parent, args, ctx) =>
      childConnection(ctx, collection, field, parent._id, args as ConnectionArgs) as never,
  });
}
