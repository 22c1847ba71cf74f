import { describe, expect, it } from 'vitest';
import {
  addDays,
  DateSelectionError,
  monthsOf,
  requireBounded,
  resolveDateSelection,
  type TIME_PERIODS,
  type DateSelectionInput,
  type DayRange,
} from '../../src/dates/selection.ts';

// A Monday. At 03:30 UTC it is still Sunday 15 November in New York (UTC-5) and already Monday in Berlin.
const NOW = new Date('2026-11-16T03:30:00.000Z');
const UTC = { timeZone: 'UTC', weekStartsOn: 'MONDAY' } as const;
const HOUR = 3_600_000;

const days = (range: DayRange) => [range.firstDay, range.lastDay];
const instants = (range: DayRange) => [range.start?.toISOString() ?? null, range.end?.toISOString() ?? null];
const resolve = (
  input: DateSelectionInput,
  defaults: { timeZone: string; weekStartsOn: 'MONDAY' | 'SUNDAY' | 'SATURDAY' } = UTC,
) => resolveDateSelection(input, defaults, NOW);

/** The DateSelectionError a selection throws: its argument and message. */
function failure(input: DateSelectionInput): { argument: string; message: string } {
  try {
    resolve(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DateSelectionError);
    const e = error as DateSelectionError;
    return { argument: e.argument, message: e.message };
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

describe('single dates', () => {
  it('on: a specific day, midnight to midnight in the time zone', () => {
    expect(days(resolve({ on: '2026-03-04' }))).toEqual(['2026-03-04', '2026-03-04']);
    expect(instants(resolve({ on: '2026-03-04' }))).toEqual(['2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z']);
    expect(instants(resolve({ on: '2026-03-04', timeZone: 'America/New_York' }))).toEqual([
      '2026-03-04T05:00:00.000Z',
      '2026-03-05T05:00:00.000Z',
    ]);
  });

  it('daysBack: 0 today, 1 yesterday, 7 a week ago, today taken in the time zone', () => {
    expect(days(resolve({ daysBack: 0 }))).toEqual(['2026-11-16', '2026-11-16']);
    expect(days(resolve({ daysBack: 1 }))).toEqual(['2026-11-15', '2026-11-15']);
    expect(days(resolve({ daysBack: 7 }))).toEqual(['2026-11-09', '2026-11-09']);
    // Still Sunday in New York: "today" there is the 15th.
    const ny = resolve({ daysBack: 0, timeZone: 'America/New_York' });
    expect(days(ny)).toEqual(['2026-11-15', '2026-11-15']);
    expect(instants(ny)).toEqual(['2026-11-15T05:00:00.000Z', '2026-11-16T05:00:00.000Z']);
    expect(days(resolve({ daysBack: 0, timeZone: 'Europe/Berlin' }))).toEqual(['2026-11-16', '2026-11-16']);
  });
});

describe('ranges', () => {
  it('from/to: both days included; either end may stay open', () => {
    const range = resolve({ from: '2026-02-27', to: '2026-03-02' });
    expect(days(range)).toEqual(['2026-02-27', '2026-03-02']);
    expect(instants(range)).toEqual(['2026-02-27T00:00:00.000Z', '2026-03-03T00:00:00.000Z']);
    expect(instants(resolve({ from: '2026-02-27' }))).toEqual(['2026-02-27T00:00:00.000Z', null]);
    expect(days(resolve({ to: '2026-03-02' }))).toEqual([null, '2026-03-02']);
    expect(days(resolve({ from: '2026-05-05', to: '2026-05-05' }))).toEqual(['2026-05-05', '2026-05-05']);
  });

  it('fromDaysBack/toDaysBack: "10 days ago until 5 days ago"', () => {
    expect(days(resolve({ fromDaysBack: 10, toDaysBack: 5 }))).toEqual(['2026-11-06', '2026-11-11']);
    expect(days(resolve({ fromDaysBack: 3, toDaysBack: 0 }))).toEqual(['2026-11-13', '2026-11-16']);
    expect(days(resolve({ fromDaysBack: 3 }))).toEqual(['2026-11-13', null]);
    expect(days(resolve({ toDaysBack: 2 }))).toEqual([null, '2026-11-14']);
    expect(days(resolve({ fromDaysBack: 10, toDaysBack: 5, timeZone: 'America/New_York' }))).toEqual([
      '2026-11-05',
      '2026-11-10',
    ]);
  });
});

describe('periods', () => {
  // Today is Monday 2026-11-16 (UTC); weeks start on Monday by default.
  const expected: Record<keyof typeof TIME_PERIODS, [string, string]> = {
    TODAY: ['2026-11-16', '2026-11-16'],
    YESTERDAY: ['2026-11-15', '2026-11-15'],
    THIS_WEEK: ['2026-11-16', '2026-11-22'],
    LAST_WEEK: ['2026-11-09', '2026-11-15'],
    THIS_MONTH: ['2026-11-01', '2026-11-30'],
    LAST_MONTH: ['2026-10-01', '2026-10-31'],
    THIS_QUARTER: ['2026-10-01', '2026-12-31'],
    LAST_QUARTER: ['2026-07-01', '2026-09-30'],
    THIS_YEAR: ['2026-01-01', '2026-12-31'],
    LAST_YEAR: ['2025-01-01', '2025-12-31'],
    WEEK_TO_DATE: ['2026-11-16', '2026-11-16'],
    MONTH_TO_DATE: ['2026-11-01', '2026-11-16'],
    QUARTER_TO_DATE: ['2026-10-01', '2026-11-16'],
    YEAR_TO_DATE: ['2026-01-01', '2026-11-16'],
  };
  it.each(Object.entries(expected))('%s', (period, span) => {
    expect(days(resolve({ period: period as keyof typeof TIME_PERIODS }))).toEqual(span);
  });

  it('weeks start on the chosen day', () => {
    expect(days(resolve({ period: 'THIS_WEEK', weekStartsOn: 'SUNDAY' }))).toEqual(['2026-11-15', '2026-11-21']);
    expect(days(resolve({ period: 'LAST_WEEK', weekStartsOn: 'SUNDAY' }))).toEqual(['2026-11-08', '2026-11-14']);
    expect(days(resolve({ period: 'WEEK_TO_DATE', weekStartsOn: 'SATURDAY' }))).toEqual(['2026-11-14', '2026-11-16']);
    expect(days(resolve({ period: 'THIS_WEEK', weekStartsOn: 'WEDNESDAY' }))).toEqual(['2026-11-11', '2026-11-17']);
    // The defaults apply when the selection does not say.
    expect(days(resolve({ period: 'THIS_WEEK' }, { timeZone: 'UTC', weekStartsOn: 'SUNDAY' }))).toEqual([
      '2026-11-15',
      '2026-11-21',
    ]);
  });

  it('computes "today" in the time zone (New York is still on Sunday the 15th)', () => {
    const defaults = { timeZone: 'America/New_York', weekStartsOn: 'SUNDAY' } as const;
    expect(days(resolve({ period: 'THIS_WEEK' }, defaults))).toEqual(['2026-11-15', '2026-11-21']);
    expect(days(resolve({ period: 'YESTERDAY' }, defaults))).toEqual(['2026-11-14', '2026-11-14']);
    expect(days(resolve({ period: 'WEEK_TO_DATE', weekStartsOn: 'MONDAY' }, defaults))).toEqual([
      '2026-11-09',
      '2026-11-15',
    ]);
  });

  it('follows DST changes inside the range (Berlin, 25 October 2026: a 25-hour day)', () => {
    const range = resolve({ period: 'LAST_MONTH', timeZone: 'Europe/Berlin' });
    expect(instants(range)).toEqual(['2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z']);
    expect((range.end as Date).getTime() - (range.start as Date).getTime()).toBe((31 * 24 + 1) * HOUR);
    const day = resolve({ on: '2026-10-25', timeZone: 'Europe/Berlin' });
    expect((day.end as Date).getTime() - (day.start as Date).getTime()).toBe(25 * HOUR);
  });

  it('follows DST changes inside the range (New York, 1 November 2026), weeks from Sunday', () => {
    const now = new Date('2026-11-04T15:00:00.000Z');
    const range = resolveDateSelection(
      { period: 'THIS_WEEK', weekStartsOn: 'SUNDAY' },
      { timeZone: 'America/New_York', weekStartsOn: 'MONDAY' },
      now,
    );
    expect(days(range)).toEqual(['2026-11-01', '2026-11-07']);
    // Midnight before the switch is EDT (UTC-4), the end midnight is EST (UTC-5).
    expect(instants(range)).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-08T05:00:00.000Z']);
    expect((range.end as Date).getTime() - (range.start as Date).getTime()).toBe((7 * 24 + 1) * HOUR);
  });

  it('normalises the time zone name it reports', () => {
    expect(resolve({ period: 'TODAY', timeZone: 'europe/berlin' }).timeZone).toBe('Europe/Berlin');
    expect(resolve({ period: 'TODAY' }).timeZone).toBe('UTC');
  });
});

describe('bad input', () => {
  it.each<[string, DateSelectionInput, string]>([
    ['no mode at all', {}, 'dates'],
    ['only a time zone', { timeZone: 'UTC' }, 'dates'],
    ['two modes', { on: '2026-01-02', period: 'TODAY' }, 'period'],
    ['a range and a relative range', { from: '2026-01-02', toDaysBack: 3 }, 'toDaysBack'],
    ['from after to', { from: '2026-03-02', to: '2026-03-01' }, 'from'],
    ['fromDaysBack more recent than toDaysBack', { fromDaysBack: 2, toDaysBack: 5 }, 'fromDaysBack'],
    ['negative daysBack', { daysBack: -1 }, 'daysBack'],
    ['negative fromDaysBack', { fromDaysBack: -3, toDaysBack: 0 }, 'fromDaysBack'],
    ['negative toDaysBack', { fromDaysBack: 3, toDaysBack: -1 }, 'toDaysBack'],
    ['fractional days', { daysBack: 1.5 }, 'daysBack'],
    ['a century and more back', { daysBack: 40_000 }, 'daysBack'],
    ['an unknown time zone', { on: '2026-01-02', timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['an unknown week start', { period: 'THIS_WEEK', weekStartsOn: 'FUNDAY' as 'MONDAY' }, 'weekStartsOn'],
    ['an unknown period', { period: 'NEXT_WEEK' as 'TODAY' }, 'period'],
    ['a day that does not exist', { on: '2026-02-30' }, 'on'],
    ['a day in another format', { from: '02/03/2026' }, 'from'],
    ['a day out of bounds', { to: '0999-01-01' }, 'to'],
  ])('refuses %s, naming the argument', (_name, input, argument) => {
    const error = failure(input);
    expect(error.argument).toBe(argument);
    expect(error.message).toContain(`"${argument}"`);
  });
});

describe('helpers', () => {
  it('addDays counts calendar days across month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('monthsOf lists every month the days touch, and refuses too many or open ends', () => {
    expect(monthsOf(resolve({ from: '2025-11-30', to: '2026-02-01' }), 24)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsOf(resolve({ period: 'LAST_QUARTER' }), 24)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(() => monthsOf(resolve({ period: 'LAST_YEAR' }), 6)).toThrow(DateSelectionError);
    expect(() => monthsOf(resolve({ from: '2026-01-01' }), 24)).toThrow(/"to" is needed/);
  });

  it('requireBounded names the missing end', () => {
    expect(() => requireBounded(resolve({ to: '2026-01-01' }), 'x')).toThrow(/"from" is needed/);
    expect(requireBounded(resolve({ on: '2026-01-01' }), 'x').firstDay).toBe('2026-01-01');
  });
});
