import type { ObjectRef } from '@pothos/core';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import {
  aggregateOf,
  GroupLimitError,
  groupRows,
  lookupsFor,
  sortGroups,
  totalsOf,
  type AggregateSpec,
  type Group,
  type GroupKey,
  type GroupOrder,
  type Lookup,
  type Totals,
} from '../core/aggregate.ts';
import { MAX_GROUPS } from '../core/limits.ts';
import { dateFieldOf, reportDatesOf } from '../dates/report-dates.ts';
import { DateSelectionError, isTimeZone, type Weekday } from '../dates/selection.ts';
import type { ListCollection } from '../officernd/collections.ts';
import type { WireMap } from '../officernd/types.ts';
import { SortDirection, type Connection } from './connection.ts';
import { selectionError, WeekdayEnum } from './dates.ts';
import { badInput } from './errors.ts';
import { enumOf, loadRef } from './fields.ts';
import { Member, Office, Plan, Rate, Resource, ResourceType, Team } from './refs.ts';
import { resourceTypeByKey } from './resource-type.ts';

// The GraphQL face of aggregates (issue 18): `aggregate { count sum avg groupBy(by: [...]) { keys count sum avg } }`
// on list connections, built from the declarations in core/aggregate.ts (which the exports' `groupBy` reads too).

/** What `aggregate` reads: the rows of a list's match set and how the list's dates were selected (root lists). */
export interface AggregateSource<T> {
  rows(): Promise<readonly T[]>;
  /** The list's `dateField` (null: its default): time buckets read it. */
  dateField: string | null;
  /** The list's `dates.timeZone` and `dates.weekStartsOn`, when given. */
  timeZone: string | null;
  weekStartsOn: Weekday | null;
}

/** The value behind `<Type>Aggregate`: the source, with the rows and totals worked out once. */
interface AggregateValue<T> {
  source: AggregateSource<T>;
  rows?: Promise<readonly T[]>;
  totals?: Promise<Totals>;
}

const rowsOf = <T>(value: AggregateValue<T>): Promise<readonly T[]> => (value.rows ??= value.source.rows());

/** The objects a key can point at, by collection. */
const OBJECTS: Partial<Record<ListCollection, ObjectRef<Types, never>>> = {
  offices: Office as never,
  resources: Resource as never,
  teams: Team as never,
  members: Member as never,
  plans: Plan as never,
  rates: Rate as never,
};

export const AggregateGroupOrder = builder.inputType('AggregateGroupOrder', {
  description:
    'The order of aggregate groups: by `count`, or by `key` (the key values in the order of `by`: ids, days and ' +
    'months as text; groups without a value last). With both, `count` first and `key` breaks ties. Default: keys ascending.',
  fields: (t) => ({
    count: t.field({ type: SortDirection, description: 'Order by the number of items in the group.' }),
    key: t.field({ type: SortDirection, description: 'Order by the key values (default ASC).' }),
  }),
});

/** A time zone argument, checked. */
function timeZoneArg(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!isTimeZone(value))
    throw badInput(`"timeZone" must be an IANA time zone such as Europe/London, got "${value}"`, 'timeZone');
  return value;
}

/** The `first` of `groupBy`, checked: at most MAX_GROUPS. */
function groupsFirst(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > MAX_GROUPS)
    throw badInput(`"first" must be a whole number from 0 to ${MAX_GROUPS}, got ${value}`, 'first');
  return value;
}

/** Looks up the objects `via` keys read (a booking's resource for its type), batched by the loaders. */
async function lookupOf<T>(ctx: Context, spec: AggregateSpec<T>, by: readonly string[], rows: readonly T[]) {
  const found = new Map<string, object>();
  for (const [collection, ids] of lookupsFor(spec, by, rows)) {
    const objects = await ctx.loaders.byId(collection).loadMany(ids);
    objects.forEach((object, i) => {
      if (object instanceof Error) throw object;
      if (object) found.set(`${collection}/${ids[i]}`, object as object);
    });
  }
  const lookup: Lookup = (collection, id) => found.get(`${collection}/${id}`);
  return lookup;
}

/** The GraphQL field of a group key: the linked object (loaded through the loaders, batched), enum or time bucket. */
function keyField<T>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Record<string, string | null>>, key: GroupKey<T>) {
  const { name, description } = key;
  const nullNote = ' Null when the list is not grouped by it, or for the group of items without one.';
  switch (key.kind) {
    case 'link': {
      const collection = key.collection as ListCollection;
      const type = OBJECTS[collection];
      if (!type) throw new Error(`no GraphQL type for ${collection}`);
      return t.field({
        type,
        description: description + nullNote,
        resolve: (keys, _a, ctx) => loadRef(ctx, collection, keys[name]) as never,
      });
    }
    case 'resource-type':
      return t.field({
        type: ResourceType,
        description: description + nullNote,
        resolve: (keys, _a, ctx) => resourceTypeByKey(ctx, keys[name]),
      });
    case 'enum': {
      const wire = enumOf(key.enum as NonNullable<GroupKey<T>['enum']>);
      return t.field({
        type: wire.ref,
        description: description + nullNote,
        resolve: (keys) => wire.fromWire(keys[name]) as never,
      });
    }
    case 'month':
      return t.string({ description: description + nullNote, resolve: (keys) => keys[name] ?? null });
    default:
      return t.field({ type: 'Date', description: description + nullNote, resolve: (keys) => keys[name] ?? null });
  }
}

/**
 * Declares `<Type>Aggregate` (with its sums, averages, group-by enum, group keys and groups) for a list collection
 * and adds `aggregate` to its connection. The connection's value must carry an `aggregateSource` (root lists and
 * reverse links set one).
 */
export function aggregateField<C extends ListCollection>(
  connection: ObjectRef<Types, Connection<WireMap[C]>>,
  collection: C,
): void {
  const spec = aggregateOf(collection);
  if (!spec) throw new Error(`${collection} declares no aggregates (core/aggregate.ts)`);
  type T = WireMap[C];
  const { type } = spec;
  const measures = Object.entries(spec.measures);
  const numbers = (what: string, meaning: string) =>
    builder.objectRef<Record<string, number | null>>(`${type}${what}`).implement({
      description: `${meaning} of the numeric fields of ${type} items, over the items that have the field; null when none has.`,
      fields: (t) =>
        Object.fromEntries(
          measures.map(([name, measure]) => [
            name,
            t.float({ description: measure.description, resolve: (values) => values[name] ?? null }),
          ]),
        ),
    });
  const Sums = numbers('Sums', 'Sums');
  const Averages = numbers('Averages', 'Averages');
  const Minimums = numbers('Minimums', 'Least values');
  const Maximums = numbers('Maximums', 'Greatest values');

  const GroupBy = builder.enumType(`${type}GroupBy`, {
    description: `What ${type} items can be grouped by in \`aggregate.groupBy\` (the exports' \`groupBy\` takes the same, in lower case).`,
    values: Object.fromEntries(
      Object.entries(spec.keys).map(([value, key]) => [value, { value, description: key.description }]),
    ),
  });
  const Keys = builder.objectRef<Record<string, string | null>>(`${type}GroupKeys`).implement({
    description: `The key values of one group of ${type} items: the fields named in \`by\` are set, the others null.`,
    fields: (t) =>
      Object.fromEntries(
        Object.values(spec.keys).flatMap((key) => [
          [key.name, keyField(t, key)],
          // The id itself too: it names the group when the object is gone (a dangling reference) or of another kind.
          ...(key.kind === 'link'
            ? [
                [
                  `${key.name}Id`,
                  t.id({
                    description: `The id \`${key.name}\` points at; null when not grouped by it, or for items without one.`,
                    resolve: (keys) => keys[key.name] ?? null,
                  }),
                ],
              ]
            : []),
        ]),
      ),
  });
  const GroupRef = builder.objectRef<Group>(`${type}Group`).implement({
    description: `One group of ${type} items: its keys, how many items it has, and their sums and averages.`,
    fields: (t) => ({
      keys: t.field({
        type: Keys,
        nullable: false,
        description: 'The key values of the group.',
        resolve: (g) => g.keys,
      }),
      count: t.int({ nullable: false, description: 'How many items the group has.', resolve: (g) => g.count }),
      sum: t.field({ type: Sums, nullable: false, description: 'Sums over the group.', resolve: (g) => g.sum }),
      avg: t.field({ type: Averages, nullable: false, description: 'Averages over the group.', resolve: (g) => g.avg }),
      min: t.field({
        type: Minimums,
        nullable: false,
        description: 'Least values in the group.',
        resolve: (g) => g.min,
      }),
      max: t.field({
        type: Maximums,
        nullable: false,
        description: 'Greatest values in the group.',
        resolve: (g) => g.max,
      }),
    }),
  });

  const totals = (value: AggregateValue<T>): Promise<Totals> =>
    (value.totals ??= rowsOf(value).then((rows) => totalsOf(spec as AggregateSpec<T>, rows)));
  const dates = reportDatesOf(collection);

  const Aggregate = builder.objectRef<AggregateValue<T>>(`${type}Aggregate`).implement({
    description:
      `Numbers over every ${type} item the list matches (its filters and dates, whatever \`first\`/\`after\`), ` +
      'worked out by the gateway from one read of the match set per request (shared with `totalCount`, `orderBy` ' +
      'and `nodes`); past the scan cap it is a RESULT_TOO_LARGE error, never a partial answer.',
    fields: (t) => ({
      count: t.int({
        nullable: false,
        description: "How many items match (equals the list's `totalCount`).",
        resolve: async (value) => (await totals(value)).count,
      }),
      sum: t.field({
        type: Sums,
        nullable: false,
        description: 'Sums of the numeric fields over every matching item.',
        resolve: async (value) => (await totals(value)).sum,
      }),
      avg: t.field({
        type: Averages,
        nullable: false,
        description: 'Averages of the numeric fields over every matching item.',
        resolve: async (value) => (await totals(value)).avg,
      }),
      min: t.field({
        type: Minimums,
        nullable: false,
        description: 'Least values of the numeric fields over every matching item.',
        resolve: async (value) => (await totals(value)).min,
      }),
      max: t.field({
        type: Maximums,
        nullable: false,
        description: 'Greatest values of the numeric fields over every matching item.',
        resolve: async (value) => (await totals(value)).max,
      }),
      groupBy: t.field({
        type: [GroupRef],
        nullable: false,
        description:
          'The matching items grouped by the keys in `by`: one group per combination of key values that occurs ' +
          '(items without a value form their own group, key null). Time buckets (DAY, WEEK, MONTH) read the ' +
          "list's `dateField` (its default without one) in `timeZone`.",
        args: {
          by: t.arg({
            type: [GroupBy],
            required: true,
            description: 'The keys to group by, in order (an empty list: one group of every item).',
          }),
          timeZone: t.arg.string({
            description:
              "IANA time zone of the DAY, WEEK and MONTH buckets, e.g. Europe/London. Default: the list's " +
              "`dates.timeZone`, else the gateway's DEFAULT_TIME_ZONE (UTC unless configured). Date-only fields " +
              '(a payment date) are calendar days and never shift.',
          }),
          weekStartsOn: t.arg({
            type: WeekdayEnum,
            description:
              "First day of a WEEK bucket, which is named by that day. Default: the list's `dates.weekStartsOn`, " +
              "else the gateway's DEFAULT_WEEK_STARTS_ON (MONDAY unless configured).",
          }),
          first: t.arg.int({
            description: `How many groups to return, after ordering (default: all, at most ${MAX_GROUPS}).`,
          }),
          orderBy: t.arg({
            type: AggregateGroupOrder,
            description: 'The order of the groups (default: by keys, ascending).',
          }),
        },
        resolve: async (value, args, ctx) => {
          // Every argument is checked before the match set is read.
          const first = groupsFirst(args.first);
          const timeZone = timeZoneArg(args.timeZone) ?? value.source.timeZone ?? ctx.settings.dates.timeZone;
          const weekStartsOn =
            (args.weekStartsOn as Weekday | null | undefined) ??
            value.source.weekStartsOn ??
            ctx.settings.dates.weekStartsOn;
          const by = args.by as string[];
          let time: { read: (row: T) => string | null | undefined; kind: 'instant' | 'date' };
          try {
            const field = dates ? dateFieldOf(dates, value.source.dateField) : null;
            time = field ? { read: field.read, kind: field.kind } : { read: () => null, kind: 'date' };
          } catch (error) {
            if (error instanceof DateSelectionError) return selectionError(error);
            throw error;
          }
          const rows = await rowsOf(value);
          const typed = spec as AggregateSpec<T>;
          const lookup = await lookupOf(ctx, typed, by, rows);
          const groups = groupRows(typed, rows, { by, time, timeZone, weekStartsOn, lookup });
          if (first === null && groups.length > MAX_GROUPS) {
            throw new GroupLimitError(groups.length, MAX_GROUPS);
          }
          const sorted = sortGroups(groups, by, typed as AggregateSpec<unknown>, (args.orderBy ?? {}) as GroupOrder);
          return first === null ? sorted : sorted.slice(0, first);
        },
      }),
    }),
  });

  builder.objectField(connection, 'aggregate', (t) =>
    t.field({
      type: Aggregate,
      nullable: false,
      description:
        `Count, sums, averages and groups of every ${type} item this list matches (its filters and dates, whatever ` +
        '`first`/`after`): read once per request with `totalCount` (same cost and scan cap).',
      resolve: (c) => {
        const source = c.aggregateSource;
        if (!source) throw badInput('"aggregate" is offered on root lists and reverse links only');
        return { source };
      },
    }),
  );
}
