/**
 * Table writers for the three export formats. Each turns batches of rows into text as they arrive (nothing is
 * held back). Arrays and objects are JSON values in NDJSON and JSON, and their JSON text in a CSV cell. Each has a
 * failure marker that a BI tool cannot mistake for a complete file:
 * - CSV (RFC 4180: CRLF lines, fields with `"` `,` CR or LF quoted, quotes doubled): a last line
 *   `#ERROR: <CODE> <message>`, which no header-driven import reads as a complete table;
 * - NDJSON: a last line `{"error":{"code","message"}}`;
 * - JSON: an array that is never closed (`{"error":…}` is written after the last row and `]` is not), so every
 *   JSON parser rejects the document instead of loading a short table.
 * The HTTP layer also aborts the transfer after the marker, so the client sees a truncated response too.
 *
 * A complete table whose cells were left empty because OfficeRnD sent a value they cannot hold (a date that is not a
 * date, issue 14.7) ends with a warning instead, naming the records and columns: a last CSV line
 * `#WARNING: UPSTREAM_INVALID_DATA <message>`, a last NDJSON line `{"warning":{"code","message","count","cells"}}`,
 * and in JSON a last array element of that shape. Every row is there; the file is complete.
 */

import { invalidMessage, type InvalidCells } from './cells.ts';
import type { Cell } from './paths.ts';

export const REPORT_FORMATS = ['csv', 'ndjson', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  csv: 'text/csv; charset=utf-8; header=present',
  ndjson: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface WriteFailure {
  code: string;
  message: string;
}

export interface TableWriter {
  readonly contentType: string;
  /** Text before the first row: the CSV header line, the JSON `[`. */
  start(): string;
  /** Text of some rows (cells in column order). */
  rows(rows: readonly (readonly Cell[])[]): string;
  /**
   * Text after the last row of a complete table; with unreadable cells (left empty), the format's warning: a last
   * CSV line `#WARNING: UPSTREAM_INVALID_DATA …`, a last NDJSON line `{"warning":{…}}`, a last JSON element
   * `{"warning":{…}}`.
   */
  end(invalid?: InvalidCells | null): string;
  /** The failure marker, written instead of `end()` when the export cannot finish. */
  fail(failure: WriteFailure): string;
}

const CSV_SPECIAL = /[",\r\n]/;

/** A cell as text: null stays null, arrays and objects as their JSON text (what a CSV cell or a text field holds). */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  return typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
}

/**
 * Whether a text starts like a spreadsheet formula: `=`, `+`, `-`, `@`, tab or CR (OWASP "CSV Injection").
 * Spreadsheets evaluate such a cell (61 % of phone numbers start with `+`), so CSV neutralises it by default.
 */
function formulaLike(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/**
 * One CSV field (RFC 4180 §2): empty for null, quoted when it holds a quote, comma, CR or LF. With `formulaEscape`
 * (the default) a text that starts like a formula gets a leading `'` and is quoted, as OWASP advises, so a
 * spreadsheet shows it as text; numbers and booleans are written as they are (a negative amount stays -12.5).
 */
export function csvField(cell: Cell, formulaEscape = true): string {
  if (cell === null) return '';
  // Numbers and booleans never hold a quote, comma or line break, and are values, not formulas.
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  const text = typeof cell === 'string' ? cell : JSON.stringify(cell);
  if (formulaEscape && formulaLike(text)) return `"'${text.replaceAll('"', '""')}"`;
  return CSV_SPECIAL.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One CSV record with its CRLF terminator (RFC 4180 §2.1). A first field starting with `#` is quoted, so no data
 * line can read like the `#ERROR:` or `#WARNING:` line an export may end with.
 */
export function csvLine(cells: readonly Cell[], formulaEscape = true): string {
  let line = cells.length > 0 ? csvField(cells[0] ?? null, formulaEscape) : '';
  if (line.charCodeAt(0) === 35) line = `"${line}"`;
  for (let i = 1; i < cells.length; i++) line += `,${csvField(cells[i] ?? null, formulaEscape)}`;
  return `${line}\r\n`;
}

/** How a writer writes, from the query parameters it reads (`formulaEscape`, CSV only). */
export interface WriterOptions {
  /** CSV: neutralise cells that start like a formula (default true). */
  formulaEscape: boolean;
}

/** The query parameters the writers read, beside those of the report itself. */
export const WRITER_PARAMETERS: Readonly<Record<ReportFormat, readonly string[]>> = {
  csv: ['formulaEscape'],
  ndjson: [],
  json: [],
};

/**
 * Reads the writer's parameters out of an export's query string: the options, and the parameters left for the
 * report. `formulaEscape` is `true` or `false` and only for CSV (NDJSON and JSON are never escaped).
 */
export function writerOptions(
  format: ReportFormat,
  params: URLSearchParams,
): { options: WriterOptions; rest: URLSearchParams } | { error: WriteFailure & { parameter: string } } {
  const given = params.getAll('formulaEscape');
  if (given.length === 0) return { options: { formulaEscape: true }, rest: params };
  const problem = (message: string) => ({ error: { code: 'BAD_USER_INPUT', message, parameter: 'formulaEscape' } });
  if (format !== 'csv')
    return problem(`"formulaEscape" applies to CSV only: ${format.toUpperCase()} values are never escaped`);
  if (given.length > 1) return problem('Parameter "formulaEscape" is given more than once');
  const value = given[0]?.trim();
  if (value !== 'true' && value !== 'false')
    return problem(`"formulaEscape" must be true or false, got ${JSON.stringify(given[0])}`);
  const rest = new URLSearchParams(params);
  rest.delete('formulaEscape');
  return { options: { formulaEscape: value === 'true' }, rest };
}

/** The row as an object keyed by column, keys in column order. */
export function rowObject(columns: readonly string[], cells: readonly Cell[]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  columns.forEach((column, index) => {
    out[column] = cells[index] ?? null;
  });
  return out;
}

const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

/** The code of a warning about values OfficeRnD sent that a column cannot hold (as in GraphQL). */
const INVALID_DATA = 'UPSTREAM_INVALID_DATA';

/** A writer for one export. */
export function createTableWriter(
  format: ReportFormat,
  columns: readonly string[],
  options: WriterOptions = { formulaEscape: true },
): TableWriter {
  const contentType = CONTENT_TYPES[format];
  const errorJson = (failure: WriteFailure): string =>
    JSON.stringify({ error: { code: failure.code, message: failure.message } });
  const warningJson = (invalid: InvalidCells): string =>
    JSON.stringify({
      warning: { code: INVALID_DATA, message: invalidMessage(invalid), count: invalid.count, cells: invalid.cells },
    });
  switch (format) {
    case 'csv':
      return {
        contentType,
        // The header names columns (dotted paths), never a formula; escaping it would rename them.
        start: () => csvLine(columns, false),
        rows: (rows) => rows.map((cells) => csvLine(cells, options.formulaEscape)).join(''),
        end: (invalid) => (invalid ? `#WARNING: ${INVALID_DATA} ${oneLine(invalidMessage(invalid))}\r\n` : ''),
        fail: (failure) => `#ERROR: ${failure.code} ${oneLine(failure.message)}\r\n`,
      };
    case 'ndjson':
      return {
        contentType,
        start: () => '',
        rows: (rows) => rows.map((cells) => `${JSON.stringify(rowObject(columns, cells))}\n`).join(''),
        end: (invalid) => (invalid ? `${warningJson(invalid)}\n` : ''),
        fail: (failure) => `${errorJson(failure)}\n`,
      };
    case 'json': {
      let written = 0;
      const separator = (): string => (written++ === 0 ? '\n' : ',\n');
      return {
        contentType,
        start: () => '[',
        rows: (rows) => rows.map((cells) => `${separator()}${JSON.stringify(rowObject(columns, cells))}`).join(''),
        end: (invalid) => `${invalid ? `${separator()}${warningJson(invalid)}` : ''}${written === 0 ? ']\n' : '\n]\n'}`,
        // No closing bracket: the document stays invalid JSON (see the module comment).
        fail: (failure) => `${separator()}${errorJson(failure)}\n`,
      };
    }
  }
}
