import { describe, expect, it } from 'vitest';
import { CursorError, decodeCursor, encodeCursor, type CursorPosition } from '../../src/core/cursor.ts';

// The one cursor (core/cursor.ts): a position of a split read (issue 21) carries its sub-window and cut points, and
// cursors written before sub-windows existed still read; anything else is a CursorError.

const raw = (fields: unknown[]): string => Buffer.from(JSON.stringify(fields)).toString('base64url');

const failure = (cursor: string, scope: string): string | undefined => {
  try {
    decodeCursor(cursor, scope);
    return undefined;
  } catch (error) {
    return error instanceof CursorError ? error.reason : 'other';
  }
};

describe('cursors', () => {
  it('keep the sub-window position of a split read, with its cut points', () => {
    const position: CursorPosition = {
      segment: 0,
      upstream: 'c2',
      offset: 17,
      split: { field: 'seriesStart', points: [1_700_000_000_000, 1_700_100_000_000], sub: 1, before: 300 },
    };
    expect(decodeCursor(encodeCursor(position, 'q'), 'q')).toEqual(position);
    expect(decodeCursor(encodeCursor({ ...position, optional: true }, 'q'), 'q')).toEqual({
      ...position,
      optional: true,
    });
  });

  it('read as before when written without one (cursors from before sub-windows)', () => {
    expect(decodeCursor(raw([2, 'q', 0, 'c1', 4]), 'q')).toEqual({ segment: 0, upstream: 'c1', offset: 4 });
    expect(decodeCursor(raw([2, 'q', 1, null, 0, false]), 'q')).toEqual({
      segment: 1,
      upstream: null,
      offset: 0,
      optional: false,
    });
  });

  it('refuse a split position that is not one, and a cursor of another query', () => {
    const split = (value: unknown) => raw([2, 'q', 0, 'c1', 4, null, value]);
    expect(failure(split(['seriesStart', 1, 0, 5, 9]), 'q')).toBeUndefined();
    // A sub-window past the last, points out of order, a negative count, no field, no points.
    expect(failure(split(['seriesStart', 3, 0, 5, 9]), 'q')).toBe('foreign');
    expect(failure(split(['seriesStart', 1, 0, 9, 5]), 'q')).toBe('foreign');
    expect(failure(split(['seriesStart', 1, -1, 5, 9]), 'q')).toBe('foreign');
    expect(failure(split(['', 1, 0, 5, 9]), 'q')).toBe('foreign');
    expect(failure(split(['seriesStart', 0, 0]), 'q')).toBe('foreign');
    expect(failure(split('seriesStart'), 'q')).toBe('foreign');
    // The variant may be null only beside a split position.
    expect(failure(raw([2, 'q', 0, 'c1', 4, null]), 'q')).toBe('foreign');
    expect(failure(split(['seriesStart', 1, 0, 5, 9]), 'other')).toBe('other-query');
  });
});
