import { describe, expect, it } from 'vitest';
import {
  CursorError,
  decodeCursor,
  encodeCursor,
  packPoints,
  unpackPoints,
  type CursorPosition,
} from '../../src/core/cursor.ts';

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

  it('carry cut points in a few bytes each, in ms or whole seconds, whatever their number', () => {
    const at = (points: number[]): CursorPosition => ({
      segment: 0,
      upstream: 'eyJkIjoibiIsIm8iOjUwMCwicSI6IjVWbE9tMnp2NElNOTZnLVEifQ',
      offset: 0,
      optional: true,
      split: { field: 'seriesStart', points, sub: points.length, before: 1_234 },
    });
    const base = encodeCursor({ ...at([]), split: undefined } as CursorPosition, 'q').length;
    const start = Date.UTC(2026, 10, 27, 9, 13, 27);
    for (const n of [1, 16, 64, 256]) {
      // A plan's points (whole seconds), 15 hours to 11 days apart; points from a cursor of before, in ms.
      const seconds: number[] = [];
      for (let i = 0; i < n; i += 1) seconds.push((seconds.at(-1) ?? start) + 54_000_000 + (i % 7) * 150_000_000);
      const ms = seconds.map((p, i) => p + (i % 1000));
      for (const [points, perPoint] of [
        [seconds, 7],
        [ms, 10],
      ] as const) {
        const cursor = encodeCursor(at([...points]), 'q');
        expect(decodeCursor(cursor, 'q')).toEqual(at([...points]));
        expect(cursor.length - base).toBeLessThanOrEqual(40 + perPoint * n);
      }
    }
    expect(unpackPoints(packPoints([-86_400_000, 0, 1]))).toEqual([-86_400_000, 0, 1]);
  });

  it('read a split position as cursors wrote it before (its points as ms numbers) and write it packed', () => {
    const old = raw([2, 'q', 0, 'c1', 4, null, ['seriesStart', 1, 300, 1_700_000_000_123, 1_700_100_000_000]]);
    const position = decodeCursor(old, 'q');
    expect(position).toEqual({
      segment: 0,
      upstream: 'c1',
      offset: 4,
      split: { field: 'seriesStart', points: [1_700_000_000_123, 1_700_100_000_000], sub: 1, before: 300 },
    });
    const again = encodeCursor(position, 'q');
    expect(again.length).toBeLessThan(old.length);
    expect(decodeCursor(again, 'q')).toEqual(position);
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
    // Points not whole ms; packed points: another unit, a gap of 0, a sign past the first, not base 36, too large.
    expect(failure(split(['seriesStart', 1, 0, 5.5, 9]), 'q')).toBe('foreign');
    expect(failure(split(['seriesStart', 1, 0, 's5.4']), 'q')).toBeUndefined();
    for (const packed of [
      'x5.4',
      's5.0',
      's5.-4',
      's5.4!',
      's5..4',
      's',
      '',
      'szzzzzzzzzzz.1',
      'tzzzzzzzzzz.zzzzzzzzzzz',
    ])
      expect(failure(split(['seriesStart', 1, 0, packed]), 'q')).toBe('foreign');
    expect(failure(split(['seriesStart', 3, 0, 's5.4']), 'q')).toBe('foreign');
    expect(failure(split(['seriesStart', 1, 0, 's5.4', 9]), 'q')).toBe('foreign');
    // The variant may be null only beside a split position.
    expect(failure(raw([2, 'q', 0, 'c1', 4, null]), 'q')).toBe('foreign');
    expect(failure(split(['seriesStart', 1, 0, 5, 9]), 'other')).toBe('other-query');
  });
});
