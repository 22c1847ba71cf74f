import type { ArgBuilder, EnumRef } from '@pothos/core';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import type { Filter } from '../officernd/index.ts';
import { dateFilter, needsSeriesReach, type ReportDateSpec, type SeriesReach } from '../dates/report-dates.ts';
import { farCostsOf, seriesReach } from '../core/series-reach.ts';
import {
  DateSelectionError,
  resolveDateSelection,
  TIME_PERIODS,
  WEEKDAYS,
  type DateSelectionInput,
  type DayRange,
  type TimePeriod,
} from '../dates/selection.ts';
import { badInput } from './errors.ts';

// The GraphQL face of date selection (issue 4): the DateSelection input, its enums, and the per-report
// `<Report>DateField` enums built from src/dates/report-dates.ts. The logic itself lives in src/dates/.

const TimePeriodEnum = builder.enumType('TimePeriod', {
  description:
    'A calendar period relative to today (in the selection\'s time zone), as in the connector\'s "Time Period" menu.',
  values: Object.fromEntries(
    Object.entries(TIME_PERIODS).map(([name, description]) => [name, { value: name, description }]),
  ) as Record<TimePeriod, { value: TimePeriod; description: string }>,
});

// Listed Monday first, as most calendars show them; the value order carries no meaning.
const WEEKDAY_ORDER = [...WEEKDAYS.slice(1), WEEKDAYS[0]] as const;

export const WeekdayEnum = builder.enumType('Weekday', {
  description: 'A day of the week: the first day of the week for the week periods (`weekStartsOn`).',
  values: Object.fromEntries(
    WEEKDAY_ORDER.map((day) => [day, { value: day, description: `${day[0]}${day.slice(1).toLowerCase()}.` }]),
  ) as Record<(typeof WEEKDAYS)[number], { value: (typeof WEEKDAYS)[number]; description: string }>,
});

export const DateSelection = builder.inputType('DateSelection', {
  description:
    'Which days to select, in exactly one mode: a single date (`on` or `daysBack`), a range (`from`/`to` or ' +
    '`fromDaysBack`/`toDaysBack`, both days included) or a `period`. Days are counted in `timeZone` ' +
    "(default: the gateway's DEFAULT_TIME_ZONE, UTC unless configured). Examples: yesterday = `{daysBack: 1}`; " +
    '10 days ago until 5 days ago = `{fromDaysBack: 10, toDaysBack: 5}`; last week starting Sunday = ' +
    '`{period: LAST_WEEK, weekStartsOn: SUNDAY}`.',
  fields: (t) => ({
    on: t.field({ type: 'Date', description: 'A specific single date.' }),
    daysBack: t.int({ description: 'A single date relative to today: 0 today, 1 yesterday, 7 seven days ago.' }),
    from: t.field({
      type: 'Date',
      description: 'First day of a specific range (included); without `to` the range has no end.',
    }),
    to: t.field({
      type: 'Date',
      description: 'Last day of a specific range (included); without `from` the range has no start.',
    }),
    fromDaysBack: t.int({
      description:
        'First day of a relative range, in days back from today (10 = ten days ago); without `toDaysBack` the range has no end.',
    }),
    toDaysBack: t.int({
      description:
        'Last day of a relative range, in days back from today (5 = five days ago, 0 = today); at most `fromDaysBack`.',
    }),
    period: t.field({ type: TimePeriodEnum, description: 'A calendar period relative to today.' }),
    weekStartsOn: t.field({
      type: WeekdayEnum,
      description:
        'First day of the week for THIS_WEEK, LAST_WEEK and WEEK_TO_DATE (default: DEFAULT_WEEK_STARTS_ON, MONDAY unless configured).',
    }),
    timeZone: t.string({
      description:
        'IANA time zone the days are counted in, e.g. Europe/London (default: DEFAULT_TIME_ZONE, UTC unless configured).',
    }),
  }),
});

/** The `dates` argument as Pothos hands it over (the Date scalar parses to Date objects at UTC midnight). */
export interface DateSelectionArg {
  on?: Date | null;
  daysBack?: number | null;
  from?: Date | null;
  to?: Date | null;
  fromDaysBack?: number | null;
  toDaysBack?: number | null;
  period?: TimePeriod | null;
  weekStartsOn?: (typeof WEEKDAYS)[number] | null;
  timeZone?: string | null;
}

const day = (value: Date | null | undefined): string | null =>
  value === null || value === undefined ? null : value.toISOString().slice(0, 10);

/** Turns a selection error into BAD_USER_INPUT naming the argument as the caller wrote it (`dates.from`). */
export function selectionError(error: unknown, argument = 'dates'): never {
  if (error instanceof DateSelectionError) {
    const name =
      error.argument === 'dates' || error.argument === 'dateField' ? error.argument : `${argument}.${error.argument}`;
    throw badInput(`"${name}" ${error.problem}`, name);
  }
  throw error;
}

/** A `dates` argument as the date selection engine reads it (days as `YYYY-MM-DD`, absent fields null). */
export function dateSelectionInput(dates: DateSelectionArg): DateSelectionInput {
  return {
    on: day(dates.on),
    daysBack: dates.daysBack ?? null,
    from: day(dates.from),
    to: day(dates.to),
    fromDaysBack: dates.fromDaysBack ?? null,
    toDaysBack: dates.toDaysBack ?? null,
    period: dates.period ?? null,
    weekStartsOn: dates.weekStartsOn ?? null,
    timeZone: dates.timeZone ?? null,
  };
}

/** Resolves a `dates` argument with the gateway's defaults and clock; bad input is BAD_USER_INPUT. */
export function resolveDates(ctx: Context, dates: DateSelectionArg): DayRange {
  try {
    return resolveDateSelection(dateSelectionInput(dates), ctx.settings.dates, ctx.now());
  } catch (error) {
    return selectionError(error);
  }
}

/** A report's date configuration on the schema: its spec and its `<Report>DateField` enum. */
export interface ListDates<T> {
  spec: ReportDateSpec<T>;
  enumRef: EnumRef<Types, string>;
  enumName: string;
}

/** Declares `<typeName>DateField` from a report's date spec. */
export function listDates<T>(typeName: string, report: string, spec: ReportDateSpec<T>): ListDates<T> {
  const enumName = `${typeName}DateField`;
  const values: Record<string, { value: string; description: string }> = {};
  for (const field of spec.fields) {
    values[field.name] = {
      value: field.name,
      description: field.name === spec.default ? `${field.description} The default.` : field.description,
    };
  }
  const enumRef = builder.enumType(enumName, {
    description: `Which date of ${report} a date selection applies to (the connector's "Date Selection Criteria"); default ${spec.default}.`,
    values,
  }) as EnumRef<Types, string>;
  return { spec, enumRef, enumName };
}

/** The `dateField` and `dates` arguments of a list with dates. */
export function dateArgs<T>(arg: ArgBuilder<Types>, dates: ListDates<T>) {
  return {
    dateField: arg({
      type: dates.enumRef,
      description: `Which date \`dates\` applies to (default ${dates.spec.default}); ignored without \`dates\`.`,
    }),
    dates: arg({
      type: DateSelection,
      description: 'Only records whose `dateField` falls in these days. Without it: all records.',
    }),
  };
}

/**
 * The upstream filters, exact check and cursor scope of a list's date arguments; null without `dates`. Booking row
 * dates are bounded with the organization's learnt reach (core/series-reach.ts), which the scope names: a cursor
 * read with another reach belongs to another upstream query.
 */
export async function listDateFilter<T>(
  ctx: Context,
  dates: ListDates<T>,
  args: { dateField?: unknown; dates?: DateSelectionArg | null; after?: unknown },
): Promise<ListDateFilter<T> | null> {
  if (!args.dates) return null;
  const range = resolveDates(ctx, args.dates);
  const dateField = typeof args.dateField === 'string' ? args.dateField : undefined;
  let series: boolean;
  try {
    series = needsSeriesReach(dates.spec, dateField);
  } catch (error) {
    return selectionError(error);
  }
  const of = (reach: SeriesReach | null): ListDateFilter<T> => {
    // Far rows are read by id, or the bounds widen over them, whichever costs fewer calls on the version read.
    const { filters, keep, far } = dateFilter(dates.spec, dateField, range, reach, farCostsOf(ctx.officernd));
    const scope = JSON.stringify([
      dateField ?? dates.spec.default,
      range.firstDay,
      range.lastDay,
      range.timeZone,
      ...(series ? [reach] : []),
    ]);
    return { filters, keep, scope, far };
  };
  if (!series) return of(null);
  // A page resuming from a cursor keeps the reach known now; its first page may have been read before the reach
  // was learnt, without bounds: that variant is the fallback when the cursor belongs to it.
  const reach = await seriesReach(ctx.officernd, ctx.loaders.sizes, ctx.signal, args.after ? 'known' : 'wait');
  return reach !== null && args.after ? { ...of(reach), unbounded: of(null) } : of(reach);
}

/** A list's date selection as read upstream and checked here. */
export interface ListDateFilter<T> {
  filters: Filter[];
  keep(item: T): boolean;
  scope: string;
  /**
   * Bookings whose dates lie far from their seriesStart, selected by their learnt date, that the bounds were not
   * widened over: read by id (issue 21).
   */
  far: string[];
  /** The same selection without seriesStart bounds, for a cursor issued before the bookings' reach was learnt. */
  unbounded?: ListDateFilter<T>;
}
