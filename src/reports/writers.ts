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
 */

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
  /** Text after the last row of a complete table. */
  end(): string;
  /** The failure marker, written instead of `end()` when the export cannot finish. */
  fail(failure: WriteFailure): string;
}

const CSV_SPECIAL = /[",\r\n]/;

/** A cell as text: null stays null, arrays and objects as their JSON text (what a CSV cell or a text field holds). */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  return typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
}

/** One CSV field (RFC 4180 §2): empty for null, quoted when it holds a quote, comma, CR or LF. */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  // Numbers and booleans never hold a quote, comma or line break.
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  const text = typeof cell === 'string' ? cell : JSON.stringify(cell);
  return CSV_SPECIAL.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF terminator (RFC 4180 §2.1). */
export function csvLine(cells: readonly Cell[]): string {
  let line = cells.length > 0 ? csvField(cells[0] ?? null) : '';
  for (let i = 1; i < cells.length; i++) line += `,${csvField(cells[i] ?? null)}`;
  return `${line}\r\n`;
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

/** A writer for one export. */
export function createTableWriter(format: ReportFormat, columns: readonly string[]): TableWriter {
  const contentType = CONTENT_TYPES[format];
  const errorJson = (failure: WriteFailure): string =>
    JSON.stringify({ error: { code: failure.code, message: failure.message } });
  switch (format) {
    case 'csv':
      return {
        contentType,
        start: () => csvLine(columns),
        rows: (rows) => rows.map(csvLine).join(''),
        end: () => '',
        fail: (failure) => `#ERROR: ${failure.code} ${oneLine(failure.message)}\r\n`,
      };
    case 'ndjson':
      return {
        contentType,
        start: () => '',
        rows: (rows) => rows.map((cells) => `${JSON.stringify(rowObject(columns, cells))}\n`).join(''),
        end: () => '',
        fail: (failure) => `${errorJson(failure)}\n`,
      };
    case 'json': {
      let written = 0;
      const separator = (): string => (written++ === 0 ? '\n' : ',\n');
      return {
        contentType,
        start: () => '[',
        rows: (rows) => rows.map((cells) => `${separator()}${JSON.stringify(rowObject(columns, cells))}`).join(''),
        end: () => (written === 0 ? ']\n' : '\n]\n'),
        // No closing bracket: the document stays invalid JSON (see the module comment).
        fail: (failure) => `${separator()}${errorJson(failure)}\n`,
      };
    }
  }
}
