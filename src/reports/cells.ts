/**
 * Wire values as report cells, by column type (column-types.ts): a `date` column holds the calendar day
 * (`2025-12-01`, §4 Timezones), a `datetime` column the ISO instant; other values stay as they are, with absent
 * values empty. A date that cannot be read is `undefined` here: the column plan leaves the cell empty and records
 * why (never a silent empty cell).
 */

import { wireDay, wireInstant } from '../dates/wire-dates.ts';
import type { ColumnType } from './column-types.ts';
import { toCell, type Cell } from './paths.ts';

/** Turns a wire value into a cell; undefined when the value is present but not what the column holds. */
export type CellConverter = (value: unknown) => Cell | undefined;

const asDate =
  (read: (value: string) => string | undefined): CellConverter =>
  (value) => {
    if (value === null || value === undefined || value === '') return null;
    return typeof value === 'string' ? read(value) : undefined;
  };

const day = asDate(wireDay);
const instant = asDate(wireInstant);

/** The converter of a column type. */
export function cellConverter(type: ColumnType): CellConverter {
  if (type === 'date') return day;
  if (type === 'datetime') return instant;
  return toCell;
}

/** A cell left empty because its upstream value could not be read. */
export interface InvalidCell {
  /** The id of the record holding the value (a joined record for a joined column); null when it has none. */
  id: string | null;
  column: string;
  /** The value as OfficeRnD sent it (at most 60 characters). */
  value: string;
}

/** The unreadable cells of one report: how many, and the first few. */
export interface InvalidCells {
  count: number;
  cells: InvalidCell[];
}

/** What a report says about its unreadable cells, as one line of text. */
export function invalidMessage(invalid: InvalidCells): string {
  const named = invalid.cells
    .map((cell) => `${cell.id ?? '(no id)'} ${cell.column} ${JSON.stringify(cell.value)}`)
    .join('; ');
  const more = invalid.count > invalid.cells.length ? `; and ${invalid.count - invalid.cells.length} more` : '';
  return `${invalid.count} cell${invalid.count === 1 ? ' was' : 's were'} left empty: OfficeRnD sent a value that is not a date (record, column, value): ${named}${more}`;
}
