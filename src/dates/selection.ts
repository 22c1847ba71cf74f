/**
 * Date selection as the Domo connector offers it (issue 4): a single date (specific or days back), a range
 * (specific or relative), or a time period with a starting day of the week, turned into whole local days of one
 * time zone and the instants that bound them. Pure logic: no GraphQL, no I/O; `now` is always passed in.
 */

import { TZDate, tz } from '@date-fns/tz';
import {
  addDays as addCalendarDays,
  endOfMonth,
  endOfQuarter,
  endOfWeek,
  endOfYear,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
  subMonths,
  subQuarters,
  subYears,
} from 'date-fns';

export const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Whether the runtime knows this IANA time zone. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The time periods of the connector's "Time Period" menu, with what each one selects. */
export const TIME_PERIODS = {
  TODAY: 'Today.',
  YESTERDAY: 'Yesterday.',
  THIS_WEEK: 'The whole current week (all seven days, also those still to come).',
  LAST_WEEK: 'The whole previous week.',
  THIS_MONTH: 'The whole current calendar month.',
  LAST_MONTH: 'The whole previous calendar month.',
  THIS_QUARTER: 'The whole current calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec).',
  LAST_QUARTER: 'The whole previous calendar quarter.',
  THIS_YEAR: 'The whole current calendar year.',
  LAST_YEAR: 'The whole previous calendar year.',
  WEEK_TO_DATE: 'From the first day of the current week through today.',
  MONTH_TO_DATE: 'From the first day of the current month through today.',
  QUARTER_TO_DATE: 'From the first day of the current quarter through today.',
  YEAR_TO_DATE: 'From 1 January of the current year through today.',
} as const;

export type TimePeriod = keyof typeof TIME_PERIODS;

/** One date selection; dates are 'YYYY-MM-DD' (the GraphQL `Date` scalar's objects are converted at the schema edge). */
export interface DateSelectionInput {
  /** Specific single date. */
  on?: string | null;
  /** Relative single date: 0 today, 1 yesterday, 7 seven days ago. */
  daysBack?: number | null;
  /** Specific range, both days included; either end may be left open. */
  from?: string | null;
  to?: string | null;
  /** Relative range: 10 and 5 select from 10 days ago through 5 days ago; either end may be left open. */
  fromDaysBack?: number | null;
  toDaysBack?: number | null;
  period?: TimePeriod | null;
  /** First day of the week for the week periods. */
  weekStartsOn?: Weekday | null;
  /** IANA time zone the days are counted in. */
  timeZone?: string | null;
}

/**
 * Whole local days `firstDay`..`lastDay` (both included) in `timeZone`, and the instants `[start, end)` that bound
 * them (midnight to midnight, DST-aware). An open end (a range given with only `from` or only `to`) is null.
 */
export interface DayRange {
  firstDay: string | null;
  lastDay: string | null;
  timeZone: string;
  start: Date | null;
  end: Date | null;
}

/** A DayRange with both ends, as windows and months need. */
interface BoundedDayRange extends DayRange {
  firstDay: string;
  lastDay: string;
  start: Date;
  end: Date;
}

export interface DateSelectionDefaults {
  timeZone: string;
  weekStartsOn: Weekday;
}

/** A selection that cannot be honoured; `argument` names the offending field (`dates` when no mode was given). */
export class DateSelectionError extends Error {
  readonly argument: string;
  /** The message without the argument name, for callers that spell the argument differently (`dates.from`). */
  readonly problem: string;

  constructor(argument: string, problem: string) {
    super(`"${argument}" ${problem}`);
    this.name = 'DateSelectionError';
    this.argument = argument;
    this.problem = problem;
  }
}

const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Days outside these bounds are refused: nobody means them, and upstream filters need plain ISO years (§4). */
const FIRST_DAY = '1900-01-01';
const LAST_DAY = '2999-12-31';
/** About a century: more days back than that is a typo. */
const MAX_DAYS_BACK = 36_500;

const MODES = [
  ['on', ['on']],
  ['daysBack', ['daysBack']],
  ['from/to', ['from', 'to']],
  ['fromDaysBack/toDaysBack', ['fromDaysBack', 'toDaysBack']],
  ['period', ['period']],
] as const;

const MODE_LIST = 'on, daysBack, from/to, fromDaysBack/toDaysBack or period';

const given = (value: unknown): boolean => value !== undefined && value !== null;

/** Calendar arithmetic on 'YYYY-MM-DD' days, independent of any time zone. */
export function addDays(day: string, days: number): string {
  return dayOf(addCalendarDays(utcDay(day), days, { in: tz('UTC') }));
}

/** The 'YYYY-MM-DD' day of an instant in a time zone. */
function localDay(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return [local.getFullYear(), local.getMonth() + 1, local.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
}

/** Midnight at the start of a local day, as an instant (DST-aware: a day may last 23 or 25 hours). */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [y, m, d] = parts(day);
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
}

/** Checks and normalises a time zone name; throws a DateSelectionError naming `timeZone`. */
function checkTimeZone(name: string, argument = 'timeZone'): string {
  if (!isTimeZone(name))
    throw new DateSelectionError(argument, `must be an IANA time zone such as Europe/London, got "${name}"`);
  return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
}

/** Resolves a selection into local days and instants; throws DateSelectionError before anything is fetched. */
export function resolveDateSelection(input: DateSelectionInput, defaults: DateSelectionDefaults, now: Date): DayRange {
  const timeZone = given(input.timeZone) ? checkTimeZone(String(input.timeZone)) : checkTimeZone(defaults.timeZone);
  const weekStartsOn = given(input.weekStartsOn) ? String(input.weekStartsOn) : defaults.weekStartsOn;
  const weekIndex = WEEKDAYS.indexOf(weekStartsOn.toUpperCase() as Weekday);
  if (weekIndex < 0)
    throw new DateSelectionError('weekStartsOn', `must be one of ${WEEKDAYS.join(', ')}, got "${weekStartsOn}"`);

  const record = input as Record<string, unknown>;
  const modes = MODES.filter(([, fields]) => fields.some((field) => given(record[field])));
  const [mode, second] = modes;
  if (!mode) throw new DateSelectionError('dates', `needs one of ${MODE_LIST}`);
  if (second) {
    const field = second[1].find((f) => given(record[f])) ?? second[1][0];
    throw new DateSelectionError(
      field,
      `cannot be combined with "${mode[1].find((f) => given(record[f]))}": give only one of ${MODE_LIST}`,
    );
  }

  const today = localDay(now, timeZone);
  const back = (field: 'daysBack' | 'fromDaysBack' | 'toDaysBack'): string | null => {
    const value = record[field];
    if (!given(value)) return null;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DAYS_BACK) {
      throw new DateSelectionError(
        field,
        `must be a whole number of days from 0 to ${MAX_DAYS_BACK}, got ${String(value)}`,
      );
    }
    return addDays(today, -value);
  };
  const day = (field: 'on' | 'from' | 'to'): string | null =>
    given(record[field]) ? checkDay(record[field], field) : null;

  switch (mode[0]) {
    case 'on': {
      const on = day('on') as string;
      return rangeOf(on, on, timeZone);
    }
    case 'daysBack': {
      const on = back('daysBack') as string;
      return rangeOf(on, on, timeZone);
    }
    case 'from/to': {
      const from = day('from');
      const to = day('to');
      if (from !== null && to !== null && from > to)
        throw new DateSelectionError('from', `(${from}) must not be after "to" (${to})`);
      return rangeOf(from, to, timeZone);
    }
    case 'fromDaysBack/toDaysBack': {
      const from = back('fromDaysBack');
      const to = back('toDaysBack');
      if (from !== null && to !== null && from > to) {
        throw new DateSelectionError(
          'fromDaysBack',
          `(${String(record.fromDaysBack)}) must be at least "toDaysBack" (${String(record.toDaysBack)}): the range runs from further back to more recent`,
        );
      }
      return rangeOf(from, to, timeZone);
    }
    case 'period': {
      const [first, last] = periodDays(record.period, today, weekIndex as Day);
      return rangeOf(first, last, timeZone);
    }
  }
}

/** The range with both ends, or a DateSelectionError naming the missing end. */
export function requireBounded(range: DayRange, why: string): BoundedDayRange {
  if (range.firstDay === null || range.start === null) throw new DateSelectionError('from', `is needed: ${why}`);
  if (range.lastDay === null || range.end === null) throw new DateSelectionError('to', `is needed: ${why}`);
  return range as BoundedDayRange;
}

/** Every calendar month ('YYYY-MM') the selected days touch, in order; at most `max` of them. */
export function monthsOf(range: DayRange, max: number): string[] {
  const { firstDay, lastDay } = requireBounded(range, 'a selection of months needs both ends');
  const months: string[] = [];
  let [year, month] = parts(firstDay);
  const last = lastDay.slice(0, 7);
  for (;;) {
    const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    months.push(text);
    if (text >= last) return months;
    if (months.length >= max) throw new DateSelectionError('dates', `touches more than ${max} months; select fewer`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

// ---------------------------------------------------------------- internals

type Day = 0 | 1 | 2 | 3 | 4 | 5 | 6;

function parts(day: string): [number, number, number] {
  const match = DAY_TEXT.exec(day);
  return [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
}

/** A day as a UTC-midnight TZDate, so date-fns computes weeks and months without the process time zone. */
function utcDay(day: string): TZDate {
  const [y, m, d] = parts(day);
  return new TZDate(y, m - 1, d, 'UTC');
}

const dayOf = (date: Date): string => new Date(date.getTime()).toISOString().slice(0, 10);

function checkDay(value: unknown, field: string): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const match = DAY_TEXT.exec(text);
  // Round-tripping through the calendar refuses days that do not exist (2026-02-30).
  if (!match || dayOf(utcDay(text)) !== text)
    throw new DateSelectionError(field, `must be a calendar day as YYYY-MM-DD, got "${text}"`);
  if (text < FIRST_DAY || text > LAST_DAY)
    throw new DateSelectionError(field, `must be between ${FIRST_DAY} and ${LAST_DAY}, got ${text}`);
  return text;
}

function rangeOf(firstDay: string | null, lastDay: string | null, timeZone: string): DayRange {
  return {
    firstDay,
    lastDay,
    timeZone,
    start: firstDay === null ? null : startOfLocalDay(firstDay, timeZone),
    end: lastDay === null ? null : startOfLocalDay(addDays(lastDay, 1), timeZone),
  };
}

function periodDays(period: unknown, today: string, weekStartsOn: Day): [string, string] {
  const t = utcDay(today);
  const opts = { weekStartsOn, in: tz('UTC') };
  const span = (first: Date, last: Date): [string, string] => [dayOf(first), dayOf(last)];
  switch (period) {
    case 'TODAY':
      return [today, today];
    case 'YESTERDAY':
      return [addDays(today, -1), addDays(today, -1)];
    case 'THIS_WEEK':
      return span(startOfWeek(t, opts), endOfWeek(t, opts));
    case 'LAST_WEEK': {
      const d = utcDay(addDays(today, -7));
      return span(startOfWeek(d, opts), endOfWeek(d, opts));
    }
    case 'THIS_MONTH':
      return span(startOfMonth(t), endOfMonth(t));
    case 'LAST_MONTH': {
      const d = subMonths(t, 1);
      return span(startOfMonth(d), endOfMonth(d));
    }
    case 'THIS_QUARTER':
      return span(startOfQuarter(t), endOfQuarter(t));
    case 'LAST_QUARTER': {
      const d = subQuarters(t, 1);
      return span(startOfQuarter(d), endOfQuarter(d));
    }
    case 'THIS_YEAR':
      return span(startOfYear(t), endOfYear(t));
    case 'LAST_YEAR': {
      const d = subYears(t, 1);
      return span(startOfYear(d), endOfYear(d));
    }
    case 'WEEK_TO_DATE':
      return [dayOf(startOfWeek(t, opts)), today];
    case 'MONTH_TO_DATE':
      return [dayOf(startOfMonth(t)), today];
    case 'QUARTER_TO_DATE':
      return [dayOf(startOfQuarter(t)), today];
    case 'YEAR_TO_DATE':
      return [dayOf(startOfYear(t)), today];
    default:
      throw new DateSelectionError(
        'period',
        `must be one of ${Object.keys(TIME_PERIODS).join(', ')}, got "${String(period)}"`,
      );
  }
}
