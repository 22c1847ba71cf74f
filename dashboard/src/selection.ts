// The period picker's state, kept in the page's query string so that a view can be shared: the same choices as the
// gateway's `DateSelection` input (a single day, a range, relative days, a calendar period, week start, time zone).

import type { DateSelection, TimePeriod, Weekday } from '../../test/generated/graphql.ts';

export type Mode = 'period' | 'on' | 'daysBack' | 'range' | 'relative';

export interface ViewState {
  mode: Mode;
  period: TimePeriod;
  on: string;
  daysBack: number;
  from: string;
  to: string;
  fromDaysBack: number;
  toDaysBack: number;
  /** IANA zone; '' = the gateway's default. */
  timeZone: string;
  /** '' = the gateway's default. */
  weekStartsOn: Weekday | '';
  /** Office id; '' = every office. */
  office: string;
}

export const MODES: readonly { value: Mode; label: string }[] = [
  { value: 'period', label: 'Calendar period' },
  { value: 'on', label: 'Single day' },
  { value: 'daysBack', label: 'Days back (single day)' },
  { value: 'range', label: 'Date range' },
  { value: 'relative', label: 'Relative range (days back)' },
];

export const PERIODS: readonly { value: TimePeriod; label: string }[] = [
  { value: 'TODAY', label: 'Today' },
  { value: 'YESTERDAY', label: 'Yesterday' },
  { value: 'THIS_WEEK', label: 'This week' },
  { value: 'LAST_WEEK', label: 'Last week' },
  { value: 'WEEK_TO_DATE', label: 'Week to date' },
  { value: 'THIS_MONTH', label: 'This month' },
  { value: 'LAST_MONTH', label: 'Last month' },
  { value: 'MONTH_TO_DATE', label: 'Month to date' },
  { value: 'THIS_QUARTER', label: 'This quarter' },
  { value: 'LAST_QUARTER', label: 'Last quarter' },
  { value: 'QUARTER_TO_DATE', label: 'Quarter to date' },
  { value: 'THIS_YEAR', label: 'This year' },
  { value: 'LAST_YEAR', label: 'Last year' },
  { value: 'YEAR_TO_DATE', label: 'Year to date' },
];

export const WEEKDAYS: readonly Weekday[] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const DEFAULT_STATE: Readonly<ViewState> = {
  mode: 'period',
  period: 'THIS_MONTH',
  on: '',
  daysBack: 1,
  from: '',
  to: '',
  fromDaysBack: 30,
  toDaysBack: 0,
  timeZone: '',
  weekStartsOn: '',
  office: '',
};

const count = (raw: string | null, fallback: number): number =>
  raw !== null && /^\d{1,4}$/.test(raw) ? Number(raw) : fallback;

/** Reads the state from a query string; anything missing or malformed keeps its default. */
export function readState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = params.get(name);
    return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
  };
  const date = (name: string): string => {
    const value = params.get(name) ?? '';
    return DATE.test(value) ? value : '';
  };
  return {
    mode: pick(
      'mode',
      MODES.map((m) => m.value),
      DEFAULT_STATE.mode,
    ),
    period: pick(
      'period',
      PERIODS.map((p) => p.value),
      DEFAULT_STATE.period,
    ),
    on: date('on'),
    daysBack: count(params.get('daysBack'), DEFAULT_STATE.daysBack),
    from: date('from'),
    to: date('to'),
    fromDaysBack: count(params.get('fromDaysBack'), DEFAULT_STATE.fromDaysBack),
    toDaysBack: count(params.get('toDaysBack'), DEFAULT_STATE.toDaysBack),
    timeZone: params.get('timeZone') ?? '',
    weekStartsOn: pick<Weekday | ''>('weekStartsOn', WEEKDAYS, ''),
    office: params.get('office') ?? '',
  };
}

/** The query string of a state: only what differs from the defaults, so shared links stay short. */
export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_STATE) as (keyof ViewState)[]) {
    if (state[key] !== DEFAULT_STATE[key]) params.set(key, String(state[key]));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The `DateSelection` of a state, as every dated panel sends it. */
export function dateSelection(state: ViewState): DateSelection {
  const common: DateSelection = {
    ...(state.timeZone ? { timeZone: state.timeZone } : {}),
    ...(state.weekStartsOn ? { weekStartsOn: state.weekStartsOn } : {}),
  };
  switch (state.mode) {
    case 'on':
      return state.on ? { ...common, on: state.on } : { ...common, period: 'TODAY' };
    case 'daysBack':
      return { ...common, daysBack: state.daysBack };
    case 'range':
      return { ...common, ...(state.from ? { from: state.from } : {}), ...(state.to ? { to: state.to } : {}) };
    case 'relative':
      return {
        ...common,
        fromDaysBack: state.fromDaysBack,
        toDaysBack: Math.min(state.toDaysBack, state.fromDaysBack),
      };
    default:
      return { ...common, period: state.period };
  }
}

/** Today's date (YYYY-MM-DD) in a time zone ('' = the browser's). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const format = new Intl.DateTimeFormat('en-CA', {
    ...(timeZone ? { timeZone } : {}),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return format.format(now);
}

/** `date` plus `days` days (YYYY-MM-DD, calendar arithmetic). */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
