/**
 * `GET /reports`: what can be exported, so a BI user can discover reports, columns, expandable fields, joins,
 * filters and date fields without reading the code.
 */

import { defaultColumns, elementColumns } from './columns.ts';
import { knownParameters } from './query.ts';
import { REPORT_NAMES, REPORTS, type ReportSpec } from './registry.ts';
import { dateSpecOf } from './run.ts';

function dateFieldsOf(spec: ReportSpec): { fields: string[]; default: string } | null {
  const dates = dateSpecOf(spec);
  return dates ? { fields: dates.fields.map((f) => f.name), default: dates.default } : null;
}


/** The catalogue of every report. */
export function catalogue() {
  return {
    formats: ['csv', 'ndjson', 'json'],
    reports: REPORT_NAMES.map((name) => {
      const spec = REPORTS[name];
      return {
        name,
        title: spec.title,
        description: spec.description,
        urls: { csv: `/reports/${name}.csv`, ndjson: `/reports/${name}.ndjson`, json: `/reports/${name}.json` },
        columns: defaultColumns(spec, null),
        expandable: Object.fromEntries(
          Object.entries(spec.expand).map(([field, e]) => [
            field,
            {
              description: e.description,
              columns: elementColumns(spec, field),
              joins: Object.fromEntries(Object.entries(e.joins ?? {}).map(([join, j]) => [`${join}.*`, j.collections[0]])),
            },
          ]),
        ),
        joins: Object.fromEntries(Object.entries(spec.joins).map(([join, j]) => [`${join}.*`, j.collections[0]])),
        filters: Object.fromEntries(Object.entries(spec.filters).map(([filter, f]) => [filter, f.description])),
        dateFields: dateFieldsOf(spec),
        parameters: knownParameters(spec),
      };
    }),
  };
}
