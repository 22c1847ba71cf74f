import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/simulator/generate.ts';
import { createSimulator } from '../../src/simulator/index.ts';
import { TEST_NOW } from '../helpers.ts';

// The bench's busy space (issue 21): `bookingDensity` multiplies the bookings per member and nothing else.

describe('bookingDensity', () => {
  it('multiplies the bookings, keeps the members and the rest of the default dataset', () => {
    const plain = generateDataset({ seed: 5, scale: 0.2, now: TEST_NOW });
    const busy = generateDataset({ seed: 5, scale: 0.2, now: TEST_NOW, bookingDensity: 4 });
    expect(busy.collections.bookings.length).toBe(4 * plain.collections.bookings.length);
    expect(busy.collections.members).toEqual(plain.collections.members);
    expect(busy.collections.teams).toEqual(plain.collections.teams);
    // Density 1 is the default dataset, unchanged.
    expect(generateDataset({ seed: 5, scale: 0.2, now: TEST_NOW, bookingDensity: 1 })).toEqual(plain);
  });

  it('is refused outside (0, 50]', () => {
    expect(() => generateDataset({ seed: 5, scale: 0.2, now: TEST_NOW, bookingDensity: 0 })).toThrow(/bookingDensity/);
    expect(() => generateDataset({ seed: 5, scale: 0.2, now: TEST_NOW, bookingDensity: 51 })).toThrow(/bookingDensity/);
  });

  it('is an option of createSimulator too (the bench builds its busy space with it)', () => {
    const busy = createSimulator({ seed: 5, scale: 0.2, now: TEST_NOW, bookingDensity: 4 });
    const plain = createSimulator({ seed: 5, scale: 0.2, now: TEST_NOW });
    expect(busy.dataset.collections.bookings.length).toBeGreaterThan(3 * plain.dataset.collections.bookings.length);
    expect(busy.dataset.collections.members.length).toBe(plain.dataset.collections.members.length);
  });
});
