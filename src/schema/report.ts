import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';
import { cursorScope, encodeCursor, type CursorPosition } from '../core/cursor.ts';
import { ScanLimitError } from '../core/filters.ts';
import { MAX_WALK_ITEMS } from '../core/limits.ts';
import { filterNamed } from '../officernd/collections.ts';
import { defaultColumns, elementColumns, joinsOf } from '../reports/columns.ts';
import { ReportInputError } from '../reports/errors.ts';
import type { Cell } from '../reports/paths.ts';
import { REPORT_NAMES, REPORTS, type ReportName, type ReportSpec } from '../reports/registry.ts';
import {
  DATE_PARAMS,
  dateSpecOf,
  joinPage,
  prepareReport,
  sourcePages,
  usesSeriesReach,
  type Position,
  type ReportEnv,
  type SourcePage as ReportSourcePage,
} from '../reports/run.ts';
import type { Row } from '../reports/expand.ts';
import type { Population } from '../reports/joins.ts';
import { takePage, type PageSource, type PageStart, type SourcePage, type TakenPage } from '../core/paging.ts';
import { seriesReach } from '../core/series-reach.ts';
import { cellText, rowObject } from '../reports/writers.ts';
import { connectionArgs } from './fields.ts';
import { firstOf, PageInfo, readAfter, selects, type PageInfoShape } from './connection.ts';
import { DateSelection, dateSelectionInput, type DateSelectionArg } from './dates.ts';
import { badInput } from './errors.ts';

// The flat reports of src/reports/ as a GraphQL query: the same engine, columns and rows as the HTTP exports
// (`GET /reports/{report}.csv`), paged with `first`/`after` instead of streamed.

const enumValue = (name: ReportName): string => name.toUpperCase().replaceAll('-', '_');
const BY_ENUM = new Map(REPORT_NAMES.map((name) => [enumValue(name), name]));

const ReportNameEnum = builder.enumType('ReportName', {
  description:
    'A flat report: one of the 20 reports of the OfficeRnD connector (the HTTP export `/reports/{report}` in kebab-case).',
  values: Object.fromEntries(
    REPORT_NAMES.map((name) => [
      enumValue(name),
      {
        value: enumValue(name),
        description: `${REPORTS[name].title}: ${REPORTS[name].description} (\`/reports/${name}\`)`,
      },
    ]),
  ),
});

interface ReportTableShape {
  report: string;
  columns: readonly string[];
  cells: Cell[][];
  /** A function when working it out takes the look for one more row (core/paging.ts `more`). */
  pageInfo: PageInfoShape | (() => Promise<PageInfoShape>);
}

const ReportTable = builder.objectRef<ReportTableShape>('ReportTable').implement({
  description:
    'A page of a flat report: the column names and the rows. Cells are the values at dotted paths of the OfficeRnD ' +
    'object (`address.city`), of the expanded element (`fees.date`) or of a joined object (`member.name`); arrays ' +
    'that are not expanded are JSON text in `rows` and JSON values in `records`; a missing value is null.',
  fields: (t) => ({
    report: t.field({
      type: ReportNameEnum,
      nullable: false,
      description: 'The report these rows belong to.',
      resolve: (r) => r.report as never,
    }),
    columns: t.stringList({
      nullable: false,
      description: 'The column names, in the order of the cells of every row.',
      resolve: (r) => [...r.columns],
    }),
    rows: t.field({
      type: t.listRef(t.listRef('String', { nullable: true }), { nullable: false }),
      nullable: false,
      description:
        'The rows: one list of cells per row, in column order. Numbers and booleans are given as text (see `records` for typed values).',
      resolve: (r) => r.cells.map((cells) => cells.map(cellText)) as never,
    }),
    records: t.field({
      type: ['JSON'],
      nullable: false,
      description:
        'The same rows as objects keyed by column name, with typed values (numbers, booleans, text, null; arrays and objects as JSON values): what the NDJSON export writes.',
      resolve: (r) => r.cells.map((cells) => rowObject(r.columns, cells)),
    }),
    pageInfo: t.field({
      type: PageInfo,
      nullable: false,
      description: 'Where this page ends and whether more rows follow.',
      resolve: (r) => (typeof r.pageInfo === 'function' ? r.pageInfo() : r.pageInfo),
    }),
  }),
});

// A cursor (core/cursor.ts) is an upstream position (segment, upstream cursor) plus how many rows of that page were
// delivered, bound to a hash of the report request (report, expand, columns, filters, dates) it was issued for.
interface RowPosition extends Position {
  offset: number;
}

/** A handed-over page of rows, with the populated targets its rows were read with (reports/joins.ts). */
type Handed = SourcePage<Row> & { populated?: Population['taken'] };

const writeCursor = (position: RowPosition, print: string): string =>
  encodeCursor({ ...startOf(position), offset: position.offset }, print);

function readCursor(cursor: string, print: string): RowPosition {
  const { segment, upstream, offset, split } = readAfter(cursor, print, 'report request');
  return { ...positionOf({ segment, upstream, ...(split ? { split } : {}) }), offset };
}

/** A report position as the paging loop's page start (core/paging.ts), with its sub-window when it has one. */
const startOf = ({ segment, cursor, split }: Position): PageStart =>
  split ? { segment, upstream: cursor, split } : { segment, upstream: cursor };

/** The report position of a page start. */
const positionOf = ({ segment, upstream, split }: PageStart): Position =>
  split ? { segment, cursor: upstream, split } : { segment, cursor: upstream };

/** The GraphQL spelling of a report parameter: `dates.from`, `filters.office`, or the argument itself. */
function argumentOf(spec: ReportSpec, error: ReportInputError): string {
  const { parameter } = error;
  if ((DATE_PARAMS as readonly string[]).includes(parameter)) return `dates.${parameter}`;
  // A known filter, or an unknown key of `filters` (its error lists the known ones).
  if (filterNamed(spec.filters, parameter) || 'filters' in error.details) return `filters.${parameter}`;
  return parameter;
}

function inputError(spec: ReportSpec, error: unknown): unknown {
  if (!(error instanceof ReportInputError)) return error;
  const argument = argumentOf(spec, error);
  // Date selection messages name the field; here it is spelt as the argument path (`dates.from`).
  const message = error.problem !== error.message ? `"${argument}" ${error.problem}` : error.message;
  return badInput(message, argument);
}

function filtersOf(filters: unknown): Record<string, unknown> | null {
  if (filters === null || filters === undefined) return null;
  if (typeof filters !== 'object' || Array.isArray(filters)) {
    throw badInput(
      '"filters" must be an object of report filters, e.g. {"office": "<id>", "isCancelled": false}',
      'filters',
    );
  }
  return filters as Record<string, unknown>;
}

builder.queryField('report', (t) =>
  t.field({
    type: ReportTable,
    nullable: false,
    description:
      'Any of the 20 reports as a flat table (columns and rows), as the HTTP exports `/reports/{report}.csv|ndjson|json` ' +
      'serve it: choose a field to expand, a date selection, a column subset and order (joined columns such as ' +
      "`member.name` included) and the report's filters. `reportDefinitions` lists what each report accepts.",
    args: {
      name: t.arg({ type: ReportNameEnum, required: true, description: 'The report.' }),
      expand: t.arg.string({
        description:
          'Field To Expand: an array field whose elements each become a row with `<field>.*` columns (see `reportDefinitions`). An object without elements keeps one row with those columns empty.',
      }),
      dateField: t.arg.string({
        description:
          'Which date of the report `dates` applies to, e.g. START or CREATED_AT (`reportDefinitions` lists them; each report has a default).',
      }),
      dates: t.arg({
        type: DateSelection,
        description:
          'Only rows whose `dateField` falls in these days. Required for BOOKING_OCCURRENCES and CREDIT_ACCOUNTS (every month it touches).',
      }),
      columns: t.arg.stringList({
        description:
          'The columns, in order (default: every column of the object). Dotted paths, element columns with `expand`, `properties.<key>`, and joined columns such as `member.name` or `member.team.name`.',
      }),
      filters: t.arg({
        type: 'JSON',
        description:
          'The report\'s filters as an object, e.g. {"office": "<id>", "isCancelled": false} (`reportDefinitions` lists them). CREDIT_ACCOUNTS needs `team` or `member`.',
      }),
      ...connectionArgs(t.arg),
    },
    resolve: async (_root, args, ctx, fieldInfo) => {
      const name = BY_ENUM.get(String(args.name)) as ReportName;
      const spec = REPORTS[name];
      const first = firstOf(args);
      let prepared;
      try {
        prepared = prepareReport(
          {
            report: name,
            expand: args.expand ?? null,
            columns: args.columns ?? null,
            filters: filtersOf(args.filters),
            dateField: args.dateField ?? null,
            dates: args.dates ? dateSelectionInput(args.dates as DateSelectionArg) : null,
          },
          ctx.settings.dates,
          ctx.now(),
        );
      } catch (error) {
        throw inputError(spec, error);
      }
      // Booking row dates are bounded through the learnt reach (core/series-reach.ts), which the cursors name: a first
      // page waits for it to be learnt; a page resuming from a cursor keeps the reach known now, or none when its
      // first page was read without one.
      let reach = usesSeriesReach(prepared)
        ? await seriesReach(ctx.officernd, ctx.loaders.sizes, ctx.signal, args.after ? 'known' : 'wait')
        : null;
      let print = cursorScope(JSON.stringify([prepared.fingerprint, reach]));
      if (args.after && reach !== null) {
        const unbounded = cursorScope(JSON.stringify([prepared.fingerprint, null]));
        try {
          readCursor(args.after, print);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          readCursor(args.after, unbounded);
          [reach, print] = [null, unbounded];
        }
      }
      const start: RowPosition = args.after ? readCursor(args.after, print) : { segment: 0, cursor: null, offset: 0 };
      const table = (cells: Cell[][], hasNextPage: boolean, endCursor: string | null): ReportTableShape => ({
        report: enumValue(name),
        columns: prepared.plan.columns,
        cells,
        // Report rows carry no cursors of their own: no start cursor.
        pageInfo: { hasNextPage, hasPreviousPage: Boolean(args.after), startCursor: null, endCursor },
      });
      if (first === 0) return table([], false, args.after ?? null);
      const env: ReportEnv = {
        officernd: ctx.officernd,
        loaders: ctx.loaders,
        signal: ctx.signal,
        reach: { fixed: reach },
        // A large dated list is read in sub-windows, as GraphQL lists are (schema/connection.ts).
        parallel: ctx.settings.upstream.maxConcurrency,
        resumable: true,
      };
      // The rows before joins, page by page, through the one paging loop (core/paging.ts): a page of rows answers
      // `first` rows or all that remain, and one more row is looked for so `hasNextPage` is exact. Whole upstream
      // pages (no `take`): the loop stops reading when it has what it needs, and the page its end lies in is handed
      // over whole to the request resuming there (core/hand-over.ts) instead of being read again.
      const { population } = prepared;
      const handOver = ctx.handOver;
      /** A page of rows as the hand-over keeps it, with what it brought populated (`$populate`, reports/joins.ts). */
      const handedOf = (page: Pick<ReportSourcePage, 'rows' | 'skipped' | 'total' | 'at' | 'next'>): Handed => ({
        items: page.rows,
        at: startOf(page.at),
        next: page.next === null ? null : startOf(page.next),
        complete: page.skipped === 0 && page.rows.length === page.total,
        ...(population ? { populated: population.taken } : {}),
      });
      /** Takes the page of rows left at `at` (a first page always reads afresh), with its populated targets. */
      const takeHanded = (at: PageStart): Handed | undefined => {
        if (!handOver || !args.after) return undefined;
        const page = handOver.take<Row>(print, at) as Handed | undefined;
        // The same joins (the cursor's scope holds the columns): the rows' populated targets are joined from the maps
        // of the request that read them, which this request's own pages then add to.
        if (page?.populated && population) for (const [key, map] of page.populated) population.taken.set(key, map);
        return page;
      };
      const source: PageSource<Row> = async function* (from, wanted) {
        // A split read opens the sub-windows the rows still wanted need, counted from its sub-window's start (the
        // rows of the cursor's page already delivered and those before it), with the one more row looked for.
        const skipped =
          from.segment === start.segment && from.upstream === start.cursor && from.split?.sub === start.split?.sub
            ? start.offset
            : 0;
        const pages = sourcePages(prepared, env, {
          from: positionOf(from),
          wanted: wanted() + 1 + skipped + (from.split?.before ?? 0),
          ...(handOver
            ? {
                // The pages a split read read ahead wait in the hand-over, each at its own position (rows), for the
                // request resuming there; it takes them as the objects they were read from.
                handOver: {
                  take: (at: Position) => {
                    const page = takeHanded(startOf(at));
                    if (!page) return undefined;
                    return {
                      items: [...new Set(page.items.map((row) => row.item))],
                      next: page.next === null ? null : positionOf(page.next),
                    };
                  },
                  put: (page: ReportSourcePage) => handOver.put(print, handedOf(page)),
                },
              }
            : {}),
        });
        for await (const page of pages) yield handedOf(page);
      };
      let cells: Cell[][];
      let taken: TakenPage<Row>;
      try {
        taken = await takePage(source, {
          from: { ...startOf(start), offset: start.offset },
          first,
          // A page of rows holds only the rows its date check keeps: an empty page may follow a full one.
          trustNext: false,
          maxScanned: MAX_WALK_ITEMS,
          tooMany: () => new ScanLimitError(`${name} rows`, MAX_WALK_ITEMS),
          handOver: handOver ? { take: takeHanded, put: (page) => handOver.put(print, page) } : null,
        });
        // Only delivered rows are joined: a small `first` costs only the references it shows.
        const rows = taken.items.map((item) => item.node);
        const at = { segment: start.segment, cursor: start.cursor };
        cells = (await joinPage(prepared, { rows, skipped: 0, total: rows.length, at, next: null, ahead: 0 }, env))
          .rows;
      } catch (error) {
        throw inputError(spec, error);
      }
      const info = (hasNextPage: boolean, end: CursorPosition): PageInfoShape => ({
        hasNextPage,
        hasPreviousPage: Boolean(args.after),
        startCursor: null,
        endCursor:
          hasNextPage || cells.length > 0 || args.after
            ? writeCursor({ ...positionOf(end), offset: end.offset }, print)
            : null,
      });
      // Without `pageInfo`, the page never looks past its last row: what its read holds (a split read's pages read
      // ahead) is handed over now, as a list's (schema/connection.ts).
      if (!selects(fieldInfo, 'pageInfo')) await taken.close?.();
      const { more } = taken;
      if (!more) return { ...table(cells, false, null), pageInfo: info(taken.hasNextPage, taken.end) };
      let worked: Promise<PageInfoShape> | undefined;
      const lazy = () => (worked ??= more().then((found) => info(found.hasNextPage, found.end)));
      return { ...table(cells, false, null), pageInfo: lazy };
    },
  }),
);

// ---------------------------------------------------------------- report definitions

interface ColumnGroup {
  name: string;
  description: string;
  columns: string[];
  joins: string[];
}

const ReportExpandable = builder.objectRef<ColumnGroup>('ReportExpandableField').implement({
  description: 'An array field a report can expand (Field To Expand), with the columns its elements give.',
  fields: (t) => ({
    field: t.exposeString('name', { nullable: false, description: 'The value to pass as `expand`.' }),
    description: t.exposeString('description', { nullable: false, description: 'What each row then is.' }),
    columns: t.exposeStringList('columns', {
      nullable: false,
      description: "The element columns that replace the field's own column.",
    }),
    joins: t.exposeStringList('joins', {
      nullable: false,
      description: 'Joins available through the element, as `<join>.<column of the named report>` patterns.',
    }),
  }),
});

interface NamedText {
  name: string;
  description: string;
}

const ReportFilterInfo = builder.objectRef<NamedText>('ReportFilterDefinition').implement({
  description: 'A filter of a report: a key of the `filters` argument (a query parameter of the HTTP export).',
  fields: (t) => ({
    name: t.exposeString('name', { nullable: false, description: 'The filter key.' }),
    description: t.exposeString('description', { nullable: false, description: 'What it keeps.' }),
  }),
});

const joinPatterns = (spec: ReportSpec, expand: string | null, elementOnly: boolean): string[] =>
  Object.entries(joinsOf(spec, expand))
    .filter(([, j]) => j.fromElement === elementOnly)
    .map(([join, j]) => `${join}.* (${j.join.collections[0]})`);

const ReportDefinition = builder.objectRef<ReportSpec>('ReportDefinition').implement({
  description: 'What a flat report offers: its columns, expandable fields, joins, filters and date fields.',
  fields: (t) => ({
    name: t.field({
      type: ReportNameEnum,
      nullable: false,
      description: 'The report.',
      resolve: (s) => enumValue(s.name) as never,
    }),
    path: t.string({
      nullable: false,
      description: 'Its HTTP export path without the format, e.g. /reports/bookings.',
      resolve: (s) => `/reports/${s.name}`,
    }),
    title: t.exposeString('title', { nullable: false, description: "The connector's name of the report." }),
    description: t.exposeString('description', { nullable: false, description: 'What one row is.' }),
    columns: t.stringList({
      nullable: false,
      description: 'The default columns, in order.',
      resolve: (s) => defaultColumns(s, null),
    }),
    expandable: t.field({
      type: [ReportExpandable],
      nullable: false,
      description: 'The fields `expand` accepts.',
      resolve: (s) =>
        Object.entries(s.expand).map(([field, e]) => ({
          name: field,
          description: e.description,
          columns: elementColumns(s, field),
          joins: joinPatterns(s, field, true),
        })),
    }),
    joins: t.stringList({
      nullable: false,
      description:
        'References `columns` can follow, as `<join>.<column of the named report>` patterns, e.g. `member.* (members)`.',
      resolve: (s) => joinPatterns(s, null, false),
    }),
    filters: t.field({
      type: [ReportFilterInfo],
      nullable: false,
      description: 'The keys `filters` accepts.',
      resolve: (s) => Object.entries(s.filters).map(([filter, f]) => ({ name: filter, description: f.description })),
    }),
    dateFields: t.stringList({
      nullable: false,
      description:
        'The values `dateField` accepts; empty when the report has no dates (credit accounts are selected by month).',
      resolve: (s) => dateSpecOf(s)?.fields.map((f) => f.name) ?? [],
    }),
    defaultDateField: t.string({
      description: 'The date field used when `dateField` is not given.',
      resolve: (s) => dateSpecOf(s)?.default ?? null,
    }),
  }),
});

builder.queryField('reportDefinitions', (t) =>
  t.field({
    type: [ReportDefinition],
    nullable: false,
    description:
      'What each flat report offers (columns, expandable fields, joins, filters, date fields), for `report` and the HTTP exports.',
    resolve: () => REPORT_NAMES.map((name) => REPORTS[name]),
  }),
);
