/**
 * `GET /reports`: what can be exported, so a BI user can discover reports, columns (with their type and meaning),
 * expandable fields, joins, filters and date fields without reading the code.
 */

import { COLUMN_TYPES, columnInfo, PROPERTY_COLUMN, type ColumnType } from './column-types.ts';
import { defaultColumns, elementColumns } from './columns.ts';
import { GROUP_BY_PARAMETER, groupByKeys, reportAggregates } from './group-by.ts';
import { knownParameters } from './query.ts';
import { REPORT_NAMES, REPORTS, type ReportSpec } from './registry.ts';
import { dateSpecOf } from './run.ts';
import { WRITER_PARAMETERS } from './writers.ts';

function dateFieldsOf(spec: ReportSpec): { fields: string[]; default: string } | null {
  const dates = dateSpecOf(spec);
  return dates ? { fields: dates.fields.map((f) => f.name), default: dates.default } : null;
}

/** What `?groupBy=` offers on a report with aggregates (group-by.ts): its keys and the numeric fields summed. */
function groupByOf(spec: ReportSpec) {
  const aggregates = reportAggregates(spec);
  if (!aggregates) return {};
  return {
    groupBy: {
      description:
        'Comma-separated keys (e.g. groupBy=office,day): one row per group with its key columns (a linked key adds its ' +
        "readable `<key>.name`, or `resourceType.title`), `count`, `sum_<field>`, `avg_<field>`, `min_<field>` and `max_<field>`. Time keys read the date field in the selection's " +
        'timeZone. Not with columns, expand or limit.',
      keys: groupByKeys(spec),
      fields: Object.fromEntries(Object.entries(aggregates.measures).map(([name, m]) => [name, m.description])),
    },
  };
}

/** What each column type means in the three formats. */
const TYPE_MEANINGS: Readonly<Record<ColumnType, string>> = {
  id: 'An OfficeRnD id (24 hex characters), as text.',
  string: 'Text.',
  number: 'A number (a JSON number; plain digits in CSV).',
  boolean: 'true or false.',
  date: 'A calendar day, YYYY-MM-DD.',
  datetime: 'An instant, ISO 8601 in UTC: YYYY-MM-DDTHH:mm:ss.sssZ.',
  json: 'An array or object: a JSON value in NDJSON and JSON, its JSON text in a CSV cell.',
};

/** The columns as the catalogue lists them: name, type and description, in the report's order. */
function describeColumns(spec: ReportSpec, expand: string | null, columns: readonly string[]) {
  return columns.map((name) => {
    const info = columnInfo(spec, name, expand);
    return { name, type: info?.type ?? 'json', description: info?.description ?? '' };
  });
}

/** The catalogue of every report. */
export function catalogue() {
  return {
    formats: ['csv', 'ndjson', 'json'],
    // Parameters of one format's writer, accepted by every report (`formulaEscape` for CSV).
    formatParameters: WRITER_PARAMETERS,
    columnTypes: Object.fromEntries(COLUMN_TYPES.map((type) => [type, TYPE_MEANINGS[type]])),
    reports: REPORT_NAMES.map((name) => {
      const spec = REPORTS[name];
      return {
        name,
        title: spec.title,
        description: spec.description,
        urls: { csv: `/reports/${name}.csv`, ndjson: `/reports/${name}.ndjson`, json: `/reports/${name}.json` },
        columns: describeColumns(spec, null, defaultColumns(spec, null)),
        ...(spec.openMaps.length > 0
          ? { customProperties: spec.openMaps.map((map) => ({ name: `${map}.<key>`, ...PROPERTY_COLUMN })) }
          : {}),
        expandable: Object.fromEntries(
          Object.entries(spec.expand).map(([field, e]) => [
            field,
            {
              description: e.description,
              columns: describeColumns(spec, field, elementColumns(spec, field)),
              joins: Object.fromEntries(
                Object.entries(e.joins ?? {}).map(([join, j]) => [`${join}.*`, j.collections[0]]),
              ),
            },
          ]),
        ),
        joins: Object.fromEntries(Object.entries(spec.joins).map(([join, j]) => [`${join}.*`, j.collections[0]])),
        filters: Object.fromEntries(Object.entries(spec.filters).map(([filter, f]) => [filter, f.description])),
        dateFields: dateFieldsOf(spec),
        ...groupByOf(spec),
        parameters: [...knownParameters(spec), ...(reportAggregates(spec) ? [GROUP_BY_PARAMETER] : [])],
      };
    }),
  };
}
