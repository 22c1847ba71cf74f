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
