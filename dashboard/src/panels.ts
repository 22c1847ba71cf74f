// The panels: one GraphQL operation each (operations/*.graphql, typed by the generated documents), the variables it
// takes from the view, and what it shows: tables (always) and a chart drawn from the first table.

import bookingsPerDay from '../operations/bookings-per-day.graphql';
import memberships from '../operations/memberships.graphql';
import occupancy from '../operations/occupancy.graphql';
import openIssues from '../operations/open-issues.graphql';
import revenue from '../operations/revenue.graphql';
import topTeams from '../operations/top-teams.graphql';
import upcoming from '../operations/upcoming.graphql';
import type {
  DashboardBookingsPerDayQuery,
  DashboardBookingsPerDayQueryVariables,
  DashboardMembershipsQuery,
  DashboardMembershipsQueryVariables,
  DashboardOccupancyQuery,
  DashboardOccupancyQueryVariables,
  DashboardOpenIssuesQuery,
  DashboardOpenIssuesQueryVariables,
  DashboardRevenueQuery,
  DashboardRevenueQueryVariables,
  DashboardTopTeamsQuery,
  DashboardTopTeamsQueryVariables,
  DashboardUpcomingQuery,
  DashboardUpcomingQueryVariables,
  OfficeRnDCollection,
} from '../../test/generated/graphql.ts';
import { addDays, dateSelection, todayIn, type ViewState } from './selection.ts';

export type Cell = string | number;

export interface Table {
  caption: string;
  columns: string[];
  rows: Cell[][];
}

export interface ChartSpec {
  kind: 'bar' | 'line' | 'doughnut';
  stacked?: boolean;
  /** Horizontal bars. */
  horizontal?: boolean;
}

export interface PanelView {
  /** The panel's headline number. */
  total: number;
  totalLabel: string;
  tables: Table[];
}

export interface Panel<R = unknown, V = Record<string, unknown>> {
  id: string;
  title: string;
  description: string;
  /** The operation's text, as sent and as shown in the query tab. */
  operation: string;
  /** Changes to these collections refetch the panel. */
  collections: OfficeRnDCollection[];
  /** Drawn from the first table: its first column labels, its other numeric columns are series. */
  chart: ChartSpec | null;
  variables(state: ViewState): V;
  view(data: R, state: ViewState): PanelView;
}

const definePanel = <R, V>(panel: Panel<R, V>): Panel => panel as unknown as Panel;

const office = (state: ViewState): string | null => (state.office === '' ? null : state.office);

/** Counts by key, in first-seen order; `weight` adds instead of counting. */
function tally<T>(items: readonly T[], key: (item: T) => string, weight: (item: T) => number = () => 1) {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + weight(item));
  return counts;
}

const hours = (start: unknown, end: unknown): number =>
  typeof start === 'string' && typeof end === 'string'
    ? Math.max(0, (Date.parse(end) - Date.parse(start)) / 3_600_000)
    : 0;

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** The calendar day of an instant in a time zone ('' = UTC, the gateway's default unless configured). */
const dayOf = (instant: unknown, timeZone: string): string =>
  typeof instant === 'string' ? todayIn(timeZone || 'UTC', new Date(instant)) : 'unknown';

export const PANELS: readonly Panel[] = [
  definePanel<DashboardOccupancyQuery, DashboardOccupancyQueryVariables>({
    id: 'occupancy',
    title: 'Occupancy by office and resource type',
    description: 'Bookings and hours booked per office and resource type, and check-ins per office, in the period.',
    operation: occupancy,
    collections: ['BOOKINGS', 'CHECKINS'],
    chart: { kind: 'bar', stacked: false },
    variables: (state) => ({ dates: dateSelection(state), office: office(state) }),
    view: (data) => {
      const bookings = data.bookings?.nodes ?? [];
      const key = (b: (typeof bookings)[number]) =>
        `${b.office?.name ?? 'No office'}\u0000${b.resource?.resourceType?.title ?? 'No resource type'}`;
      const counts = tally(bookings, key);
      const booked = tally(bookings, key, (b) => hours(b.start, b.end));
      const checkins = tally(data.checkins?.nodes ?? [], (c) => c.office?.name ?? 'No office');
      return {
        total: data.bookings?.totalCount ?? 0,
        totalLabel: 'bookings',
        tables: [
          {
            caption: 'Bookings per office and resource type',
            columns: ['Office · resource type', 'Bookings', 'Hours booked'],
            rows: [...counts].map(([k, n]) => [k.replace('\u0000', ' · '), n, round(booked.get(k) ?? 0, 1)]),
          },
          {
            caption: 'Check-ins per office',
            columns: ['Office', 'Check-ins'],
            rows: [...checkins],
          },
        ],
      };
    },
  }),
  definePanel<DashboardBookingsPerDayQuery, DashboardBookingsPerDayQueryVariables>({
    id: 'bookings-per-day',
    title: 'Bookings per day',
    description: 'Bookings starting on each day of the period.',
    operation: bookingsPerDay,
    collections: ['BOOKINGS'],
    chart: { kind: 'line' },
    variables: (state) => ({ dates: dateSelection(state), office: office(state) }),
    view: (data, state) => {
      const days = tally(data.bookings?.nodes ?? [], (b) => dayOf(b.start, state.timeZone));
      return {
        total: data.bookings?.totalCount ?? 0,
        totalLabel: 'bookings',
        tables: [
          {
            caption: 'Bookings per day',
            columns: ['Day', 'Bookings'],
            rows: [...days].sort(([a], [b]) => (a < b ? -1 : 1)),
          },
        ],
      };
    },
  }),
  definePanel<DashboardRevenueQuery, DashboardRevenueQueryVariables>({
    id: 'revenue',
    title: 'Revenue by month',
    description:
      'Invoiced totals (payments, by invoice date) and one-off fees (by issue date), per month of the period.',
    operation: revenue,
    collections: ['PAYMENTS', 'FEES'],
    chart: { kind: 'bar', stacked: false },
    variables: (state) => ({ dates: dateSelection(state), office: office(state) }),
    view: (data) => {
      const month = (date: unknown): string => (typeof date === 'string' ? date.slice(0, 7) : 'unknown');
      const invoiced = tally(
        data.payments?.nodes ?? [],
        (p) => month(p.date),
        (p) => p.totalAmount ?? 0,
      );
      const fees = tally(
        data.fees?.nodes ?? [],
        (f) => month(f.issueDate),
        (f) => (f.price ?? 0) * (f.quantity ?? 1),
      );
      const months = [...new Set([...invoiced.keys(), ...fees.keys()])].sort();
      const rows = months.map((m) => [m, round(invoiced.get(m) ?? 0), round(fees.get(m) ?? 0)]);
      return {
        total: round(rows.reduce((sum, row) => sum + (row[1] as number), 0)),
        totalLabel: 'invoiced',
        tables: [{ caption: 'Revenue per month', columns: ['Month', 'Invoiced', 'Fees'], rows }],
      };
    },
  }),
  definePanel<DashboardMembershipsQuery, DashboardMembershipsQueryVariables>({
    id: 'memberships',
    title: 'Memberships by plan',
    description: 'Active memberships per plan (today, whatever the period).',
    operation: memberships,
    collections: ['MEMBERSHIPS'],
    chart: { kind: 'doughnut' },
    variables: (state) => ({ office: office(state) }),
    view: (data) => {
      const plans = tally(data.memberships?.nodes ?? [], (m) => m.plan?.name ?? 'No plan');
      return {
        total: data.memberships?.totalCount ?? 0,
        totalLabel: 'active memberships',
        tables: [
          {
            caption: 'Active memberships per plan',
            columns: ['Plan', 'Memberships'],
            rows: [...plans].sort((a, b) => b[1] - a[1]),
          },
        ],
      };
    },
  }),
  definePanel<DashboardTopTeamsQuery, DashboardTopTeamsQueryVariables>({
    id: 'top-teams',
    title: 'Top teams by bookings',
    description: 'The ten teams with the most bookings in the period.',
    operation: topTeams,
    collections: ['BOOKINGS', 'TEAMS'],
    chart: { kind: 'bar', horizontal: true },
    variables: (state) => ({ dates: dateSelection(state), office: office(state) }),
    view: (data) => {
      const teams = tally(
        (data.bookings?.nodes ?? []).filter((b) => b.team),
        (b) => b.team?.name ?? 'Unnamed team',
      );
      return {
        total: teams.size,
        totalLabel: 'teams booked',
        tables: [
          {
            caption: 'Bookings per team (top 10)',
            columns: ['Team', 'Bookings'],
            rows: [...teams].sort((a, b) => b[1] - a[1]).slice(0, 10),
          },
        ],
      };
    },
  }),
  definePanel<DashboardUpcomingQuery, DashboardUpcomingQueryVariables>({
    id: 'upcoming',
    title: 'Upcoming bookings',
    description: 'The next booking occurrences, recurring series expanded, from today over two weeks.',
    operation: upcoming,
    collections: ['BOOKINGS'],
    chart: null,
    variables: (state) => {
      const today = todayIn(state.timeZone || 'UTC');
      return {
        dates: { from: today, to: addDays(today, 13), ...(state.timeZone ? { timeZone: state.timeZone } : {}) },
        office: office(state),
      };
    },
    view: (data, state) => {
      const nodes = data.bookingOccurrences?.nodes ?? [];
      const when = new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: state.timeZone || 'UTC',
      });
      return {
        total: nodes.length,
        totalLabel: 'shown',
        tables: [
          {
            caption: 'Next booking occurrences',
            columns: ['Starts', 'Title', 'Resource', 'Office', 'Member'],
            rows: nodes.map((o) => [
              o.start ? when.format(new Date(o.start)) : '',
              o.title ?? '',
              o.resource?.name ?? '',
              o.office?.name ?? '',
              o.member?.name ?? '',
            ]),
          },
        ],
      };
    },
  }),
  definePanel<DashboardOpenIssuesQuery, DashboardOpenIssuesQueryVariables>({
    id: 'open-issues',
    title: 'Open issues',
    description: 'Help-desk issues that are new, open or pending (now, whatever the period).',
    operation: openIssues,
    collections: ['ISSUES'],
    chart: null,
    variables: (state) => ({ office: office(state) }),
    view: (data) => ({
      total: data.issues?.totalCount ?? 0,
      totalLabel: 'open',
      tables: [
        {
          caption: 'Open issues (first 10)',
          columns: ['Subject', 'Status', 'Office', 'Raised'],
          rows: (data.issues?.nodes ?? []).map((i) => [
            i.subject ?? '',
            i.status ?? '',
            i.office?.name ?? '',
            typeof i.createdAt === 'string' ? i.createdAt.slice(0, 10) : '',
          ]),
        },
      ],
    }),
  }),
];
