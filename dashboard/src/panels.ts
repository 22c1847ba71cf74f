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
const timeZone = (state: ViewState): string | null => (state.timeZone === '' ? null : state.timeZone);

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
/** Aggregates sum durations in minutes. */
const hours = (minutes: number | null | undefined): number => round((minutes ?? 0) / 60, 1);

export const PANELS: readonly Panel[] = [
  definePanel<DashboardOccupancyQuery, DashboardOccupancyQueryVariables>({
    id: 'occupancy',
    title: 'Occupancy by office and resource type',
    description:
      'Bookings and hours booked per office and resource type; check-ins and hours on site per office (in the period).',
    operation: occupancy,
    collections: ['BOOKINGS', 'CHECKINS'],
    chart: { kind: 'bar' },
    variables: (state) => ({ dates: dateSelection(state), office: office(state) }),
    view: (data) => ({
      total: data.bookings?.aggregate.count ?? 0,
      totalLabel: `bookings · ${(data.checkins?.aggregate.count ?? 0).toLocaleString('en-GB')} check-ins`,
      tables: [
        {
          caption: 'Bookings and hours booked per office and resource type',
          columns: ['Office · resource type', 'Bookings', 'Hours booked'],
          rows: (data.bookings?.aggregate.groupBy ?? []).map((g) => [
            `${g.keys.office?.name ?? 'No office'} · ${g.keys.resourceType?.title ?? 'No resource type'}`,
            g.count,
            hours(g.sum.duration),
          ]),
        },
        {
          caption: 'Check-ins and hours on site per office',
          columns: ['Office', 'Check-ins', 'Hours on site'],
          rows: (data.checkins?.aggregate.groupBy ?? []).map((g) => [
            g.keys.office?.name ?? 'No office',
            g.count,
            hours(g.sum.duration),
          ]),
        },
      ],
    }),
  }),
  definePanel<DashboardBookingsPerDayQuery, DashboardBookingsPerDayQueryVariables>({
    id: 'bookings-per-day',
    title: 'Bookings per day',
    description: 'Bookings starting on each day of the period (days without bookings are left out).',
    operation: bookingsPerDay,
    collections: ['BOOKINGS'],
    chart: { kind: 'line' },
    variables: (state) => ({ dates: dateSelection(state), office: office(state), timeZone: timeZone(state) }),
    view: (data) => ({
      total: data.bookings?.aggregate.count ?? 0,
      totalLabel: 'bookings',
      tables: [
        {
          caption: 'Bookings per day',
          columns: ['Day', 'Bookings'],
          rows: (data.bookings?.aggregate.groupBy ?? []).map((g) => [g.keys.day ?? 'No date', g.count]),
        },
      ],
    }),
  }),
  definePanel<DashboardRevenueQuery, DashboardRevenueQueryVariables>({
    id: 'revenue',
    title: 'Revenue by month',
    description: 'Invoice totals (payments, by invoice date) and one-off fees (sum of their prices, by issue date).',
    operation: revenue,
    collections: ['PAYMENTS', 'FEES'],
    chart: { kind: 'bar' },
    variables: (state) => ({ dates: dateSelection(state), office: office(state), timeZone: timeZone(state) }),
    view: (data) => {
      const months = new Map<string, [string, number, number]>();
      const month = (key: string | null | undefined) => {
        const label = key ?? 'No date';
        let found = months.get(label);
        if (!found) months.set(label, (found = [label, 0, 0]));
        return found;
      };
      for (const g of data.payments?.aggregate.groupBy ?? []) month(g.keys.month)[1] = round(g.sum.totalAmount ?? 0);
      for (const g of data.fees?.aggregate.groupBy ?? []) month(g.keys.month)[2] = round(g.sum.price ?? 0);
      return {
        total: round(data.payments?.aggregate.sum.totalAmount ?? 0),
        totalLabel: 'invoiced',
        tables: [
          {
            caption: 'Revenue per month',
            columns: ['Month', 'Invoiced', 'Fees'],
            rows: [...months.values()].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
          },
        ],
      };
    },
  }),
  definePanel<DashboardMembershipsQuery, DashboardMembershipsQueryVariables>({
    id: 'memberships',
    title: 'Memberships by plan',
    description: 'Active memberships per plan (today, whatever the period).',
    operation: memberships,
    collections: ['MEMBERSHIPS', 'PLANS'],
    chart: { kind: 'doughnut' },
    variables: (state) => ({ office: office(state) }),
    view: (data) => ({
      total: data.memberships?.aggregate.count ?? 0,
      totalLabel: 'active memberships',
      tables: [
        {
          caption: 'Active memberships per plan',
          columns: ['Plan', 'Memberships'],
          rows: (data.memberships?.aggregate.groupBy ?? []).map((g) => [g.keys.plan?.name ?? 'No plan', g.count]),
        },
      ],
    }),
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
      const teams = (data.bookings?.aggregate.groupBy ?? []).filter((g) => g.keys.team).slice(0, 10);
      return {
        total: data.bookings?.aggregate.count ?? 0,
        totalLabel: 'bookings',
        tables: [
          {
            caption: 'Bookings per team (top 10)',
            columns: ['Team', 'Bookings'],
            rows: teams.map((g) => [g.keys.team?.name ?? g.keys.team?.id ?? '', g.count]),
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
